"""Reading news inputs into Articles: files, folders, globs, stdin and URLs; CSV (FA-KES and
ACLED layouts recognised), JSONL, plain text and wire dumps, HTML, RSS/Atom. Plus near-duplicate
signatures for finding syndicated copies.

``read_sources`` yields ``Article`` records and, for every bad input item, a ``Rejected`` naming
the file and row (or URL) and the numbered reason; warnings (``Rejected.fatal`` False) precede
an article kept with a caveat (unparseable date, text cut at the size limit, page cut).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

# Each name is imported from its module when first used: reading a JSONL file must not import numpy
# (near-duplicate signatures) or the HTTP client.
_FROM = {
    "read_sources": "sources", "Rejected": "rejected", "Options": "articles", "build_article": "articles",
    "MAX_TEXT": "articles", "parse_date": "dates", "printed_date": "dates", "parse_header": "datelines",
    "opening_dateline": "datelines", "signature": "dedupe", "bands": "dedupe", "similarity": "dedupe",
    "is_near_duplicate": "dedupe", "NEAR_DUPLICATE": "dedupe", "Fetcher": "fetch", "Fetched": "fetch",
}
__all__ = list(_FROM)

if TYPE_CHECKING:
    from warwire.ingest.articles import MAX_TEXT, Options, build_article
    from warwire.ingest.dates import parse_date, printed_date
    from warwire.ingest.datelines import opening_dateline, parse_header
    from warwire.ingest.dedupe import NEAR_DUPLICATE, bands, is_near_duplicate, signature, similarity
    from warwire.ingest.fetch import Fetched, Fetcher
    from warwire.ingest.rejected import Rejected
    from warwire.ingest.sources import read_sources


def __getattr__(name: str):
    if name not in _FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{_FROM[name]}"), name)
    globals()[name] = value
    return value
