"""Exports: events, reports or articles from the store as ACLED CSV, GeoJSON, JSON Lines or Parquet."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TextIO

from warwire.errors import E, WarwireError
from warwire.export.acled import write_acled_csv
from warwire.export.geojson import write_geojson
from warwire.export.jsonl import write_jsonl
from warwire.export.parquet import write_parquet
from warwire.export.records import WHATS, Filters, iter_items

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
# Articles have no place or event fields, so only the record formats apply to them.
SUPPORTED = {"events": FORMATS, "reports": FORMATS, "articles": ("jsonl", "parquet")}

__all__ = ["FORMATS", "Filters", "SUPPORTED", "WHATS", "export"]


def check(what: str, fmt: str) -> None:
    """Raise the numbered error for an unknown or unsupported what/format pair."""
    if what not in WHATS:
        raise WarwireError(E.E305, what=what, choices=", ".join(WHATS))
    if fmt not in FORMATS:
        raise WarwireError(E.E302, fmt=fmt, choices=", ".join(FORMATS))
    if fmt not in SUPPORTED[what]:
        raise WarwireError(E.E303, what=what, fmt=fmt, choices=", ".join(SUPPORTED[what]))


def export(store, what: str, fmt: str, out: str | Path | TextIO | None = None,
           filters: Filters | None = None) -> int:
    """Write the store's ``what`` in ``fmt`` to ``out`` (a path, an open text file, or None for stdout).

    Returns the number of records written.
    """
    check(what, fmt)
    items = iter_items(store, what, filters or Filters())
    if fmt == "parquet":
        if out is None or not isinstance(out, (str, Path)):
            raise WarwireError(E.E304)
        return write_parquet(what, items, out)
    writer = {"acled-csv": write_acled_csv, "geojson": write_geojson, "jsonl": write_jsonl}[fmt]
    with contextlib.ExitStack() as stack:
        if out is None:
            fh = sys.stdout
        elif isinstance(out, (str, Path)):
            fh = stack.enter_context(open(out, "w", encoding="utf-8", newline=""))
        else:
            fh = out
        return writer(what, items, fh)
