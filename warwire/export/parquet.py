"""Parquet via pyarrow: the flat columns plus the whole record as a JSON string (``record``).

Flat columns make pandas and DuckDB queries plain (``WHERE admin1 = 'Idlib'``);
the ``record`` column keeps nested fields (contradictions, evidence) without a
struct schema that would change whenever the record grows a field.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from warwire.export.records import FLAT_COLUMNS, flat, record
from warwire.resources import stage_settings

BATCH = int(stage_settings("export")["parquet"]["batch_rows"])
TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}


def schema(what: str) -> pa.Schema:
    return pa.schema([(name, TYPES[kind]) for name, kind in FLAT_COLUMNS[what].items()] + [("record", pa.string())])


def write_parquet(what: str, items: Iterable[Any], path: str | Path) -> int:
    """Write in row groups of 10,000 so memory stays flat; returns the number of rows."""
    sch = schema(what)
    n = 0
    with pq.ParquetWriter(str(path), sch) as writer:
        rows: list[dict[str, Any]] = []
        for item in items:
            rows.append({**flat(what, item), "record": json.dumps(record(what, item), ensure_ascii=False)})
            if len(rows) >= BATCH:
                writer.write_table(pa.Table.from_pylist(rows, schema=sch))
                n, rows = n + len(rows), []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=sch))
            n += len(rows)
    return n
