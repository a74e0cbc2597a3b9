"""Train the newsworthy model shipped as warwire/data/newsworthy.json (see warwire/extract/newsworthy.py).

Reads only tuning sets of whole-article gold (the data's README format): articles 1-10 of the shared multievent
gold and project sets a, c, e, g, h, i and j (122 articles). The extractor runs with the model switched off; every
report it makes for a story is a candidate, labelled 1 when the scorer matches it to a gold event (required or
optional), with the feature row of the frame it came from. Cross-validated by article (leave one article out), or
with --by-set by tuning set (leave one set out: the project sets are random draws of unseen articles, so a fit must
carry from one draw to another, as it must to the articles it will meet): the rules alone against the rules with the
learned decision at each threshold and regularisation, dropping only (rescue=0) or also keeping mentions the rules
set aside (rescue=1). With --select, cue classes (a feature, or every event type, or every status the rules gave)
are added one at a time to --features (or to none) while the cross-validated F1 rises. With --write, the fit on all
rows with the best of them (or --pick) is written (rounded, so the file is reproduced exactly) when it beats the
rules in cross-validation (or with --force). The fit is deterministic (L-BFGS from zero weights; ``SEED`` fixes the
solver's state all the same). Whether to enable it is decided on held-out sets and the other evaluations, which
this script never reads.

    python scripts/train_newsworthy.py --set ../shared/data/multievent/gold.jsonl:1-10 \\
        --set warwire/data/gold/multievent_fakes_a.jsonl:all:../shared/data/fakes/fakes_dev.csv \\
        ... (the same for sets c, e, g, h, i and j) [--by-set] [--select] [--write]

The shipped file: the same with --features kept_alike,town,lead,later --by-set --write --enable (without --enable the file is
written switched off, and the rules decide alone).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from warwire.eval.multievent import align, parse_range, read_multievent
from warwire.eval.run import predict
from warwire.extract import newsworthy

THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
STRENGTHS = (0.1, 0.3, 1.0, 3.0)
DIGITS = 4
SEED = 0


def candidates(spec: str) -> list[dict]:
    """Per article of one set ("gold.jsonl[:articles[:texts]]"): its gold events, and its candidate reports with
    their feature rows and labels."""
    path, _, rest = spec.partition(":")
    articles, _, texts = rest.partition(":")
    items = read_multievent(path, texts or None)
    items = [items[i] for i in parse_range(None if articles in ("", "all") else articles, len(items))]
    newsworthy.RECORDING = []
    try:
        preds, _ = predict([i.article for i in items])
        rows = {id(r): x for r, x in newsworthy.RECORDING}
    finally:
        newsworthy.RECORDING = None
    out = []
    for item, reports in zip(items, preds):
        matched = set(align(item.events, reports, item.article.text).values())
        out.append({"id": item.id, "set": spec, "item": item, "reports": list(reports),
                    "x": [rows.get(id(r)) for r in reports], "y": [int(i in matched) for i in range(len(reports))],
                    "aside": [int("set-aside" in r.tags) for r in reports]})
    return out


_SCORED: dict = {}


def counts(doc: dict, kept: list[int]) -> tuple[int, int, int]:
    """The scorer's true positives, false positives and misses for an article keeping reports ``kept`` (kept once
    scored: many settings keep the same reports)."""
    key = (doc["set"], doc["id"], tuple(kept))
    if key not in _SCORED:
        _SCORED[key] = _count(doc, kept)
    return _SCORED[key]


def _count(doc: dict, kept: list[int]) -> tuple[int, int, int]:
    reports = [doc["reports"][i] for i in kept]
    item = doc["item"]
    pairs = align(item.events, reports, item.article.text)
    optional = sum(1 for gi in pairs if item.events[gi].get("optional"))
    required = [gi for gi, g in enumerate(item.events) if not g.get("optional")]
    tp = sum(1 for gi in required if gi in pairs)
    return tp, len(reports) - optional - tp, len(required) - tp


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "tp": tp, "fp": fp, "fn": fn}


def fit(x: np.ndarray, y: np.ndarray, strength: float) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    # The bias is the first feature: no separate intercept, and it is penalised like the rest.
    m = LogisticRegression(C=strength, fit_intercept=False, max_iter=2000, solver="lbfgs", random_state=SEED)
    m.fit(x, y)
    return m.coef_[0]


def kept_by(doc: dict, weights, threshold: float, rescue: bool) -> list[int]:
    """The report indices the model keeps (scored rows only; an unscored report, a note's, is always kept); a
    set-aside candidate only when ``rescue``."""
    idx = [i for i, x in enumerate(doc["x"]) if x is not None and (rescue or not doc["aside"][i])]
    if not idx:
        return rules_of(doc)
    p = dict(zip(idx, newsworthy.probabilities([doc["x"][i] for i in idx], list(weights))))
    own = [i for i in idx if not doc["aside"][i]]
    best = max(own, key=p.__getitem__) if own else None
    return [i for i in range(len(doc["reports"])) if doc["x"][i] is None
            or i in p and (i == best or p[i] >= threshold)]


def rules_of(doc: dict) -> list[int]:
    return [i for i in range(len(doc["reports"])) if not doc["aside"][i]]


def rows_of(docs: list[dict], rescue: bool = True) -> tuple[np.ndarray, np.ndarray]:
    pick = [(r, lab) for d in docs for r, lab, a in zip(d["x"], d["y"], d["aside"]) if r is not None and (rescue or not a)]
    return np.array([r for r, _ in pick], dtype=float), np.array([lab for _, lab in pick], dtype=int)


def cross_validate(docs: list[dict], by_set: bool = False) -> dict:
    """Leave one article out (or, ``by_set``, one tuning set: a fit must carry to articles of another draw): the
    rules' counts and the learned decision's at each (rescue, strength, threshold)."""
    rules = [0, 0, 0]
    learned = {(r, c, t): [0, 0, 0] for r in (0, 1) for c in STRENGTHS for t in THRESHOLDS}
    folds = sorted({d["set"] for d in docs}) if by_set else [id(d) for d in docs]
    for fold in folds:
        test = [d for d in docs if (d["set"] if by_set else id(d)) == fold]
        train = [d for d in docs if (d["set"] if by_set else id(d)) != fold]
        for doc in test:
            for j, v in enumerate(counts(doc, rules_of(doc))):
                rules[j] += v
        for rescue in (0, 1):
            x, y = rows_of(train, bool(rescue))
            for c in STRENGTHS:
                w = fit(x, y, c)
                for t in THRESHOLDS:
                    for doc in test:
                        for j, v in enumerate(counts(doc, kept_by(doc, w, t, bool(rescue)))):
                            learned[(rescue, c, t)][j] += v
    return {"rules": prf(*rules), "learned": {f"rescue={r} C={c} t={t}": prf(*v) for (r, c, t), v in learned.items()}}


def only(docs: list[dict], names: list[str]) -> list[dict]:
    """The documents with every feature but ``names`` set to nought (a model of those features alone)."""
    on = {newsworthy.FEATURES.index(n) for n in names}
    return [{**d, "x": [None if x is None else [v if i in on else 0.0 for i, v in enumerate(x)] for x in d["x"]]}
            for d in docs]


def columns(classes: list[str]) -> list[str]:
    """The features of cue classes: a feature's own name, or ``type`` (every event type), ``later`` (every event type
    of an event past the headline) or ``status`` (every status the rules gave a mention they set aside)."""
    out = []
    for c in classes:
        group = [f for f in newsworthy.FEATURES if f.startswith(c + ":")]
        out += group or [c]
    return out


def best_of(cv: dict) -> tuple[str, dict]:
    return max(cv["learned"].items(), key=lambda kv: (kv[1]["F1"], kv[1]["P"]))


def select(docs: list[dict], start: list[str], by_set: bool) -> list[str]:
    """Forward selection: add to ``start`` the cue class that raises the cross-validated F1 most, while one does."""
    classes = [f for f in newsworthy.FEATURES if f != "bias" and ":" not in f]
    classes += sorted({f.split(":")[0] for f in newsworthy.FEATURES if ":" in f})
    chosen = list(start)
    score = best_of(cross_validate(only(docs, ["bias", *columns(chosen)]), by_set))[1]["F1"]
    print("cue classes", chosen, "F1", score)
    while True:
        tried = []
        for c in classes:
            if c not in chosen:
                key, best = best_of(cross_validate(only(docs, ["bias", *columns([*chosen, c])]), by_set))
                print("  +", c, key, best)
                tried.append((best["F1"], best["P"], c))
        if not tried or max(tried)[0] <= score:
            return chosen
        score, _, c = max(tried)
        chosen.append(c)
        print("cue classes", chosen, "F1", score)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", required=True, help="GOLD[:ARTICLES[:TEXTS]], a tuning set")
    ap.add_argument("--out", default=str(newsworthy.MODEL))
    ap.add_argument("--write", action="store_true", help="write the model file")
    ap.add_argument("--enable", action="store_true", help="write it enabled (it then decides what is kept)")
    ap.add_argument("--force", action="store_true", help="write the model even when it does not beat the rules")
    ap.add_argument("--features", help="fit on these features only (comma-separated; the others weigh nought)")
    ap.add_argument("--by-set", action="store_true", help="cross-validate leaving one tuning set out at a time")
    ap.add_argument("--select", action="store_true",
                    help="add cue classes to --features one at a time while the cross-validated F1 rises")
    ap.add_argument("--pick", help="write this setting instead of the cross-validated best ('rescue=1 C=1.0 t=0.35')")
    args = ap.parse_args()
    docs = [d for spec in args.set for d in candidates(spec)]
    start = args.features.split(",") if args.features else []
    if args.select:
        start = select(docs, start, args.by_set)
    if start:
        docs = only(docs, ["bias", *columns(start)])
    x, y = rows_of(docs)
    aside = [a for d in docs for a, r in zip(d["aside"], d["x"]) if r is not None]
    print(json.dumps({"articles": len(docs), "candidates": len(y), "matched": int(y.sum()),
                      "set_aside": sum(aside), "set_aside_matched": int(sum(lab for lab, a in zip(y, aside) if a))}))
    cv = cross_validate(docs, args.by_set)
    print("rules (CV folds, all):", cv["rules"])
    for k, v in cv["learned"].items():
        print(k, v)
    key, best = best_of(cv)
    if args.pick:
        key, best = args.pick, cv["learned"][args.pick]
    rescue, c, t = (float(p.split("=")[1]) for p in key.split())
    print("best:", key, best)
    w = fit(*rows_of(docs, bool(rescue)), c)
    print("weights:", {f: round(float(v), 3) for f, v in zip(newsworthy.FEATURES, w)})
    if not args.write:
        return
    if best["F1"] <= cv["rules"]["F1"] and not args.force:
        print("the learned decision does not beat the rules in cross-validation: no model written")
        return
    model = {"features": list(newsworthy.FEATURES), "weights": [round(float(v), DIGITS) + 0.0 for v in w],
             "threshold": t, "strength": c, "rescue": bool(rescue), "merge": True, "enabled": args.enable,
             "trained_on": [Path(s.split(":")[0]).name + (":" + s.split(":")[1] if s.count(":") else "") for s in args.set],
             "cv": {"rules": cv["rules"], "learned": best}}
    Path(args.out).write_text(json.dumps(model, indent=1) + "\n", "utf-8")
    print("written", args.out)


if __name__ == "__main__":
    main()
