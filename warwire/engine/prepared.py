"""What a worker hands back for each article: its reports in the forms the run's driver uses, made by the worker.

The driver of a run writes the results of every worker: into the store, onto the output. With two
workers on two cores, whatever it does competes with them for the processor, so the workers make the
store's rows (``warwire.rows``, the record's JSON text included) and the output lines of ``extract
--format jsonl``, and the driver only writes them. ``Report`` objects cross over only when the caller
asks for them (``on_result``): pickling and unpickling them cost more than the text they become.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from warwire.model import Article, Report
from warwire.rows import Rows, report_rows


@dataclass(frozen=True)
class Wants:
    """The forms of an article's reports the driver uses: the objects, the store's rows, the output line."""

    reports: bool = True
    rows: bool = False
    line: bool = False


@dataclass
class Prepared:
    """One article's reports in the forms ``Wants`` asked for; its length is the number of reports."""

    count: int
    reports: list[Report] | None = None
    rows: Rows | None = None
    line: str | None = None

    def __len__(self) -> int:
        return self.count


def article_line(article: Article, reports: list[Report]) -> str:
    """One line of ``extract --format jsonl``: the article record and its reports (DESIGN.md), then its references
    (dated mentions of past happenings, which only join events) when it has any."""
    from warwire.extract.references import split

    own, refs = split(reports)
    header = article.header()
    if getattr(reports, "cumulative", None) is not None:  # told by an extraction run in another process
        header["cumulative"] = [c.to_dict() for c in reports.cumulative]
    line = {"article": {**header, "text": article.text}, "reports": [r.to_dict() for r in own]}
    if refs:
        line["references"] = [r.to_dict() for r in refs]
    return json.dumps(line, ensure_ascii=False)


def prepare(article: Article, reports: list[Report], wants: Wants) -> Prepared:
    """``reports`` of ``article`` in the forms ``wants`` names. Rows number the reports: with them, the
    objects handed on carry their ``article_id`` and ``index``, as storing them always set."""
    line = article_line(article, reports) if wants.line else None
    rows = None
    if wants.rows:
        for i, r in enumerate(reports):
            r.article_id, r.index = article.id, i
        rows = report_rows(article.id, reports)
    return Prepared(len(reports), reports if wants.reports else None, rows, line)
