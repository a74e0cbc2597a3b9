"""JSON Lines: one record per line, in the contract's shape (DESIGN.md)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from warwire.export.records import record


def write_jsonl(what: str, items: Iterable[Any], out: TextIO) -> int:
    n = 0
    for item in items:
        out.write(json.dumps(record(what, item), ensure_ascii=False) + "\n")
        n += 1
    return n
