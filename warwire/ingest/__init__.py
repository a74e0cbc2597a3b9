"""Reading news inputs into Articles: files, folders, globs, stdin and URLs; CSV (FA-KES and
ACLED layouts recognised), JSONL, plain text and wire dumps, HTML, RSS/Atom. Plus near-duplicate
signatures for finding syndicated copies.

``read_sources`` yields ``Article`` records and, for every bad input item, a ``Rejected`` naming
the file and row (or URL) and the numbered reason; warnings (``Rejected.fatal`` False) precede
an article kept with a caveat (unparseable date, text cut at the size limit, page cut).
"""
from __future__ import annotations

from warwire.ingest.articles import MAX_TEXT, Options, build_article
from warwire.ingest.dates import parse_date, printed_date
from warwire.ingest.datelines import opening_dateline, parse_header
from warwire.ingest.dedupe import NEAR_DUPLICATE, bands, is_near_duplicate, signature, similarity
from warwire.ingest.fetch import Fetched, Fetcher
from warwire.ingest.rejected import Rejected
from warwire.ingest.sources import read_sources

__all__ = [
    "read_sources", "Rejected", "Options", "build_article", "MAX_TEXT",
    "parse_date", "printed_date", "parse_header", "opening_dateline",
    "signature", "bands", "similarity", "is_near_duplicate", "NEAR_DUPLICATE",
    "Fetcher", "Fetched",
]
