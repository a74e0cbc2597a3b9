"""The ingest loop: read sources, store articles batch by batch (one transaction each), count what happened."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable

from warwire.model import Article

if TYPE_CHECKING:
    from warwire.store import Store

BATCH_SIZE = 200


@dataclass
class IngestSummary:
    """Counts of one ingest run.

    ``rejected``: the readers' Rejected items for inputs skipped; ``warnings``: those for articles
    kept with a caveat (``fatal=False``). Both have ``.where`` and ``.reason``.
    """

    read: int = 0
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    rejected: list[Any] = field(default_factory=list)
    warnings: list[Any] = field(default_factory=list)
    batches: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.read / self.seconds if self.seconds else 0.0


def ingest(sources: Iterable[str], store: "Store", *, text_col: str | None = None, title_col: str | None = None,
           date_col: str | None = None, outlet_col: str | None = None, id_col: str | None = None,
           default_date: str | None = None, default_outlet: str | None = None, strict: bool = False,
           batch_size: int = BATCH_SIZE, progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Read ``sources`` and add their articles to ``store`` in batches of ``batch_size``.

    Each batch is committed on its own, so an interrupted run keeps what it stored and a rerun
    of the same command adds only the rest. ``progress`` is called with the running summary
    after each batch.
    """
    from warwire.ingest import read_sources

    summary = IngestSummary()
    started = time.perf_counter()
    batch: list[Article] = []

    def flush() -> None:
        added = store.add_articles(batch)
        summary.new += added.new
        summary.duplicates += added.duplicates
        summary.near_duplicates += added.near_duplicates
        summary.batches += 1
        batch.clear()
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)

    items = read_sources(list(sources), text_col=text_col, title_col=title_col, date_col=date_col,
                         outlet_col=outlet_col, id_col=id_col, default_date=default_date,
                         default_outlet=default_outlet, strict=strict)
    for item in items:
        if isinstance(item, Article):
            summary.read += 1
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        elif getattr(item, "fatal", True):
            summary.rejected.append(item)
        else:
            summary.warnings.append(item)
    if batch:
        flush()
    summary.seconds = time.perf_counter() - started
    return summary
