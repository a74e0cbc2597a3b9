"""Credibility on FA-KES: the model trained and cross-validated on its labels, from signals warwire
extracted itself (the articles are ingested, extracted and linked first: the whole pipeline runs here,
at the end of the flow, not in ``verify``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from warwire.verify.credibility import SIGNALS, Corpus, CredibilityModel, article_signals


def read_fakes_labels(path: Path | str) -> list[tuple[str, str, str, int]]:
    """(article id as ingested, unit_id, outlet, label) of each FA-KES row. Only the text, outlet and
    label are read: never the crowd's facts (location, actor, cause_of_death, nb_*)."""
    from warwire.ingest import read_sources
    from warwire.ingest.tabular import csv_records
    from warwire.model import Article as _Article

    path = Path(path)
    ids = {a.source_id: a.id for a in read_sources([path], fetch=False) if isinstance(a, _Article)}
    out = []
    for row in csv_records(path)[1]:
        label = (row.get("label") or "").strip()
        if label in ("0", "1") and row.get("unit_id") in ids:
            out.append((ids[row["unit_id"]], row["unit_id"], (row.get("source") or "").strip(), int(label)))
    return out


def corpus_store(fakes_path: Path | str, store_url: str | None = None,
                 progress: Callable[[str], None] | None = None):
    """A store with the FA-KES articles ingested, extracted and linked (a temporary SQLite file
    unless ``store_url``; a store that already holds them is only brought up to date)."""
    import tempfile

    from warwire.engine.run import run_extraction
    from warwire.verify.contradictions import link_and_check
    from warwire.store import ingest, open_store

    if store_url is None:
        store_url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='warwire-fakes-')) / 'fakes.db'}"
    store = open_store(store_url)
    say = progress or (lambda msg: None)
    say("ingesting")
    ingest([str(fakes_path)], store)
    say("extracting")
    run_extraction(store)
    say("linking")
    link_and_check(store)
    return store


def signal_matrix(store, ids: list[str]) -> list[list[float]]:
    """The SIGNALS of each article id (rows in the order of ``ids``; zeros for an id not stored)."""
    corpus = Corpus.from_store(store)
    wanted = set(ids)
    table = {a.id: article_signals(a, corpus) for a in store.iter_articles() if a.id in wanted}
    return [[table[i][n] for n in SIGNALS] if i in table else [0.0] * len(SIGNALS) for i in ids]


def _outlet_columns(outlets: list[str]) -> tuple[list[str], list[list[float]]]:
    names = sorted(set(outlets))
    return [f"outlet={n}" for n in names], [[1.0 if o == n else 0.0 for n in names] for o in outlets]


def _cross_validate(X, y, folds: int, seed: int) -> dict[str, dict[str, float]]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = np.asarray(X, dtype=float), np.asarray(y)
    scores: dict[str, list[float]] = {"accuracy": [], "f1": [], "auc": []}
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(X, y):
        model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, C=0.5))
        model.fit(X[train], y[train])
        p = model.predict_proba(X[test])[:, 1]
        scores["accuracy"].append(accuracy_score(y[test], p >= 0.5))
        scores["f1"].append(f1_score(y[test], p >= 0.5))
        scores["auc"].append(roc_auc_score(y[test], p))
    return {k: {"mean": round(float(np.mean(v)), 3), "sd": round(float(np.std(v)), 3)} for k, v in scores.items()}


def evaluate_credibility(fakes_path: Path | str, folds: int = 5, seed: int = 0, store_url: str | None = None,
                         progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Stratified k-fold cross-validated logistic regression on FA-KES labels, from signals warwire
    extracted itself: accuracy, F1 (of "credible") and AUC, mean and sd over the folds, for the
    signals alone, the signals plus outlet identity, and outlet identity alone; with the
    majority-class baseline."""
    rows = read_fakes_labels(fakes_path)
    store = corpus_store(fakes_path, store_url, progress)
    try:
        ids = [r[0] for r in rows]
        X = signal_matrix(store, ids)
    finally:
        store.close()
    y = [r[3] for r in rows]
    outlet_names, outlets = _outlet_columns([r[2] for r in rows])
    majority = max(sum(y), len(y) - sum(y)) / len(y)
    return {
        "dataset": Path(fakes_path).name, "n": len(y), "credible": sum(y), "folds": folds, "seed": seed,
        "majority_baseline": round(majority, 3),
        "signals": _cross_validate(X, y, folds, seed),
        "signals_and_outlet": _cross_validate([a + b for a, b in zip(X, outlets)], y, folds, seed),
        "outlet_only": _cross_validate(outlets, y, folds, seed),
        "features": list(SIGNALS), "outlets": outlet_names,
    }


def train_model(fakes_path: Path | str, store_url: str | None = None, folds: int = 5, seed: int = 0,
                progress: Callable[[str], None] | None = None) -> CredibilityModel:
    """A logistic model over SIGNALS (no outlet identity, so it carries to other outlets), fitted on
    all of FA-KES, with its cross-validated scores kept beside the coefficients."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    rows = read_fakes_labels(fakes_path)
    store = corpus_store(fakes_path, store_url, progress)
    try:
        X = np.asarray(signal_matrix(store, [r[0] for r in rows]), dtype=float)
    finally:
        store.close()
    y = np.asarray([r[3] for r in rows])
    scaler = StandardScaler().fit(X)
    fit = LogisticRegression(max_iter=2000, C=0.5).fit(scaler.transform(X), y)
    cv = _cross_validate(X, y, folds, seed)
    return CredibilityModel(
        features=list(SIGNALS), coef=[round(float(c), 6) for c in fit.coef_[0]],
        intercept=round(float(fit.intercept_[0]), 6), mean=[round(float(m), 6) for m in scaler.mean_],
        scale=[round(float(s), 6) if s > 0 else 1.0 for s in scaler.scale_], threshold=0.5,
        source="FA-KES logistic regression",
        extra={"trained_on": f"{Path(fakes_path).name} ({len(y)} articles, {int(y.sum())} credible)",
               "cross_validation": {"folds": folds, "seed": seed, **cv},
               "majority_baseline": round(max(y.mean(), 1 - y.mean()), 3),
               "attribution": "FA-KES, Salem et al., ICWSM 2019, CC BY 4.0 (see ATTRIBUTION.md)"})
