"""Train the credibility model shipped as warwire/knowledge/credibility/model.json.

Signals come from what warwire extracts itself from the FA-KES article texts (ingest,
extract, link in a temporary store); the crowd-annotated columns are never read. Prints the
cross-validated scores (signals alone, with outlet identity, outlet alone, majority baseline)
and writes the logistic model fitted on all rows (signals alone, no outlet identity).

A model whose cross-validated AUC stays below MIN_AUC does no better than chance: it is not
written (unless --force), and `warwire credibility` keeps the hand-weighted formula of
knowledge/credibility/weights.yaml.

    python scripts/train_credibility.py ../shared/data/fakes/fakes_dev.csv
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from warwire.eval.credibility import evaluate_credibility, train_model
from warwire.verify.credibility import MODEL

MIN_AUC = 0.55


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("fakes", nargs="?", default="../shared/data/fakes/fakes_dev.csv", help="the FA-KES CSV")
    ap.add_argument("--out", default=str(MODEL), help="where to write the model (default: the shipped model.json)")
    ap.add_argument("--db", help="a store to build (or reuse) the FA-KES corpus in; default a temporary SQLite file")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--force", action="store_true", help=f"write the model even when its AUC is below {MIN_AUC}")
    args = ap.parse_args()
    say = lambda msg: print(f"... {msg}", flush=True)  # noqa: E731
    if not args.db:  # one corpus for both the evaluation and the fit
        args.db = f"sqlite:///{Path(tempfile.mkdtemp(prefix='warwire-fakes-')) / 'fakes.db'}"
    report = evaluate_credibility(args.fakes, folds=args.folds, seed=args.seed, store_url=args.db, progress=say)
    print(json.dumps({k: v for k, v in report.items() if k not in ("features", "outlets")}, indent=1))
    auc = report["signals"]["auc"]["mean"]
    if auc < MIN_AUC and not args.force:
        print(f"cross-validated AUC {auc} is below {MIN_AUC}: no better than chance, model not written "
              "(the hand-weighted formula stays in use; --force writes it anyway)")
        raise SystemExit(1)
    model = train_model(args.fakes, store_url=args.db, folds=args.folds, seed=args.seed, progress=say)
    Path(args.out).write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
