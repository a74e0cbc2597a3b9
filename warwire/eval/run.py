"""Running the extractor over a gold set and scoring what it finds."""
from __future__ import annotations

import time
from functools import partial
from collections.abc import Callable, Sequence
from pathlib import Path

from warwire.errors import E, WarwireError
from warwire.eval.acled import dataset_name, read_acled, score_acled
from warwire.eval.fakes import read_fakes, score_fakes
from warwire.eval.gold import bundled_gold, read_gold, score_gold
from warwire.eval.multievent import parse_range, read_multievent, score_multievent
from warwire.eval.scoring import Scores, spaced
from warwire.model import Article, Report

Progress = Callable[[int], None]
#: Articles handed to the extractor at a time (the progress bar moves per batch).
BATCH = 32


def predict(articles: Sequence[Article], progress: Progress | None = None) -> tuple[list[list[Report]], float]:
    """The extractor's reports for each article, and the seconds it took (models loaded once, before timing)."""
    from warwire.extract import extract_article, extract_batch
    from warwire.extract.references import split
    from warwire.model import ArticleReports

    # Loads the pipeline and knowledge first, so that the speed measured is the extractor's, not start-up.
    extract_article(Article(text="Shelling hit Douma on Monday.", published="2018-01-01"))
    out: list[list[Report]] = []
    start = time.perf_counter()
    for i in range(0, len(articles), BATCH):
        chunk = list(articles[i:i + BATCH])
        # References are scored by linking; the article's cumulative tolls stay with its reports.
        out.extend(ArticleReports(split(reports)[0], getattr(reports, "cumulative", None))
                   for reports in extract_batch(chunk))
        if progress:
            progress(len(chunk))
    return out, time.perf_counter() - start


def ingested(path: Path | str, rows: Sequence) -> list[Article]:
    """The Articles ``warwire ingest`` makes of a CSV's rows (printed dates, outlets, cleaned text), by row id.

    Scoring what a user's ``warwire extract FILE`` would see; a row ingest rejects falls back on its own text.
    """
    from warwire.ingest import read_sources

    by_id = {a.source_id: a for a in read_sources([str(path)], fetch=False) if isinstance(a, Article)}
    return [by_id.get(r.id) or r.article() for r in rows]


def evaluate_gold(path: Path | str | None = None, limit: int | None = None,
                  progress: Progress | None = None) -> Scores:
    """Score the extractor on a project gold file (default: the bundled one)."""
    items = spaced(read_gold(path or bundled_gold()), limit)
    preds, seconds = predict([i.article() for i in items], progress)
    scores = score_gold(items, preds, seconds)
    scores.source = str(path or bundled_gold())
    return scores


def evaluate_acled(path: Path | str, limit: int | None = None, progress: Progress | None = None,
                   month: str | None = None) -> Scores:
    """Score the extractor on ACLED rows (of one ``month``, "2018-01", if given); the dataset is ``acled``
    (Syria, pre-2019 layout), ``acled_current`` or ``acled_<country>`` (see ``dataset_name``)."""
    rows = read_acled(path, limit, month)
    preds, seconds = predict(ingested(path, rows), progress)
    scores = score_acled(rows, preds, seconds, dataset=dataset_name(rows))
    scores.source = str(path)
    return scores


def evaluate_fakes(path: Path | str, limit: int | None = None, progress: Progress | None = None,
                   half: int | None = None) -> Scores:
    """Score the extractor on FA-KES rows (``half`` 1 or 2: only the odd or even rows, for a tune/check split)."""
    rows = read_fakes(path, limit, half)
    preds, seconds = predict(ingested(path, rows), progress)
    scores = score_fakes(rows, preds, seconds)
    scores.source = str(path)
    return scores


def evaluate_multievent(path: Path | str, limit: int | None = None, progress: Progress | None = None,
                        articles: str | None = None, texts: Path | str | None = None,
                        dataset: str | None = None) -> Scores:
    """Score every event the extractor finds in whole articles against multievent gold (``articles``: "1-10"),
    their texts from ``texts`` if given (see ``read_multievent``); ``dataset`` names the scores."""
    items = read_multievent(path, texts)
    try:
        picked = parse_range(articles, len(items))
    except ValueError as e:
        raise WarwireError(E.E202, where=path, line=0, why=str(e)) from None
    items = spaced([items[i] for i in picked], limit)
    preds, seconds = predict([i.article for i in items], progress)
    scores = score_multievent(items, preds, seconds)
    scores.source = str(path)
    if dataset:
        scores.dataset = dataset
    if articles:
        scores.dataset = f"{scores.dataset}[{articles}]"
    return scores


def run_eval(gold: Path | str | None = None, acled: Path | str | None = None, fakes: Path | str | None = None,
             limit: int | None = None, check_floors: bool = False, pin: bool = False,
             progress: Callable[[str, int], Progress] | None = None, month: str | None = None,
             pack: str | None = None, multievent: Path | str | None = None,
             articles: str | None = None, half: int | None = None,
             texts: Path | str | None = None) -> list[Scores]:
    """What ``warwire eval`` does: score the given gold sets, then check or pin the floors.

    With no file given, scores the bundled gold; as the gate (``check_floors`` or
    ``pin``) with no file given, also the shared development data where present,
    on the rows the floors were pinned with. ``month`` ("2018-01") scores only that month's ACLED rows;
    ``pack`` is the knowledge pack (a name, or ``auto``: chosen per article); ``texts`` the texts of the multievent
    gold's articles when they are not beside it. Raises E204 when the gold is not the
    pinned one, E203 when a metric is below its floor.
    """
    from warwire.eval import floors as fl
    from warwire.knowledge import packs

    pinned = fl.load_floors()
    gate = check_floors or pin
    explicit = gold or acled or fakes or multievent
    gold_path = Path(gold) if gold else (None if explicit else bundled_gold())
    if check_floors and gold_path:
        fl.check_digest(gold_path, pinned)
    jobs: list[tuple[str, Callable[..., Scores], Path, int | None]] = []
    if gold_path:
        jobs.append(("gold", evaluate_gold, gold_path, limit))
    if acled:
        jobs.append(("acled", lambda p, n, bar: evaluate_acled(p, n, bar, month), Path(acled), limit))
    if fakes:
        jobs.append(("fakes", partial(evaluate_fakes, half=half), Path(fakes), limit))
    if multievent:
        jobs.append(("multievent", partial(evaluate_multievent, articles=articles, texts=texts), Path(multievent),
                     limit))
    if gate and not explicit:
        for name, fn in (("acled", evaluate_acled), ("acled_current", evaluate_acled),
                         ("acled_yemen", evaluate_acled), ("fakes", evaluate_fakes),
                         ("multievent", evaluate_multievent)):
            path = fl.shared_file(name, pinned)
            if path:
                jobs.append((name, fn, path, limit or fl.shared_limit(name, pinned)))
        for name in fl.CODED:
            path, source = fl.coded_files(name)
            if path:
                jobs.append((name, partial(evaluate_multievent, texts=source, dataset=name), path, limit))
    results = []
    with packs.chosen_for_run(pack):
        for name, fn, path, n in jobs:
            results.append(fn(path, n, progress(name, _size(name, path, n)) if progress else None))
        if gate and not explicit and "linking" in pinned.get("datasets", {}):
            from warwire.eval.linking import evaluate_linking, shared_present

            if shared_present():
                results.append(evaluate_linking().scores)
    if pin:
        fl.pin_floors(results, gold_path)
    elif check_floors:
        try:
            fl.check_floors(results, pinned)
        except WarwireError as e:
            e.results = results  # type: ignore[attr-defined]  # so the caller can still show the scores
            raise
    return results


def _size(name: str, path: Path, limit: int | None) -> int:
    """Rows a run will score (for a progress bar)."""
    if name in ("gold", "multievent"):
        n = sum(1 for line in Path(path).read_text("utf-8").splitlines() if line.strip())
    else:
        with Path(path).open("rb") as f:
            n = max(0, sum(1 for _ in f) - 1)  # an upper bound: notes may span lines
    return min(n, limit) if limit else n
