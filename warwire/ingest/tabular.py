"""CSV, TSV and JSONL inputs: one article per row or line, columns mapped by layout or by name.

The FA-KES and ACLED layouts are recognised from their columns (``layouts.yaml``); other
inputs have their columns guessed (text/content/body, title/headline, date/published, ...)
unless named with the ``*_col`` options. Rows stream: a file is never read whole.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import BinaryIO, Iterable, Iterator, TextIO

import yaml

from warwire.errors import E
from warwire.ingest.articles import Options, build_article
from warwire.ingest.encoding import LEGACY_HANDLER
from warwire.ingest.rejected import Rejected, reject
from warwire.ingest.streams import Rewound
from warwire.model import Article

MAX_FIELD = 16 * 1024 * 1024  # a CSV field or JSONL line larger than this is rejected, not read
MAX_JSON = 100 * 1024 * 1024  # a whole-file JSON document (array or pretty-printed object) is read at once
FIELDS = ("text", "title", "date", "outlet", "id", "url")
csv.field_size_limit(MAX_FIELD)


@lru_cache(maxsize=1)
def layouts() -> dict:
    """The known layouts and column guesses from ``layouts.yaml``."""
    return yaml.safe_load(resources.files("warwire.ingest").joinpath("layouts.yaml").read_text("utf-8"))


def _key(name: object) -> str:
    return str(name).strip().lstrip("\ufeff").lower().replace(" ", "_").replace("-", "_")


@dataclass(frozen=True)
class Columns:
    """Which input column holds each article field (None when the input has none)."""

    layout: str
    text: str | None
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    id: str | None = None
    url: str | None = None


def map_columns(names: Iterable[str], opts: Options) -> Columns:
    """The column of each field for an input with columns ``names``: options first, then a known layout, then guesses."""
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(_key(name), name)
    known = layouts()["known"]
    layout, candidates = "guessed", layouts()["guesses"]
    for lname, spec in known.items():
        if all(c in by_key for c in spec["requires"]):
            layout, candidates = lname, {**layouts()["guesses"], **spec}
            break
    chosen = {f: next((by_key[c] for c in candidates.get(f, []) if c in by_key), None) for f in FIELDS}
    given = {"text": opts.text_col, "title": opts.title_col, "date": opts.date_col,
             "outlet": opts.outlet_col, "id": opts.id_col}
    for f, col in given.items():
        if col:
            chosen[f] = by_key.get(_key(col))
    return Columns(layout=layout, **chosen)


def _columns_text(names: list[str]) -> str:
    shown = ", ".join(repr(n) for n in names[:15])
    return f"[{shown}{', ...' if len(names) > 15 else ''}]"


def _row_article(row: dict, cols: Columns, where: str, opts: Options) -> Iterator[Article | Rejected]:
    def get(col: str | None):
        value = row.get(col) if col else None
        return value if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None

    text = get(cols.text)
    yield from build_article(
        text if isinstance(text, str) else None, where=where, opts=opts, title=get(cols.title),
        date=get(cols.date), outlet=get(cols.outlet), source_id=get(cols.id), url=get(cols.url),
    )


def read_csv(stream: TextIO, where: str, opts: Options, delimiter: str = ",") -> Iterator[Article | Rejected]:
    """Articles of a CSV (or TSV) file; origins are "where:row" with the header as row 1, as a spreadsheet shows it."""
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield reject(E.E001, where=where)
        return
    except csv.Error as err:
        yield reject(E.E013, where=f"{where}:1", why=str(err))
        return
    cols = map_columns(header, opts)
    if cols.text is None:
        yield reject(E.E003, where=where, columns=_columns_text(header))
        return
    row_no = 1
    while True:
        row_no += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield reject(E.E013, where=f"{where}:{row_no}", why=str(err))
            continue
        if not any(v.strip() for v in values):
            continue  # blank line
        yield from _row_article(dict(zip(header, values)), cols, f"{where}:{row_no}", opts)


def _lines(raw: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """Lines of ``raw``, each with False when it was longer than MAX_FIELD (then only its start is given)."""
    while True:
        line = raw.readline(MAX_FIELD)
        if not line:
            return
        if len(line) == MAX_FIELD and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line without holding it
                rest = raw.readline(MAX_FIELD)
                if not rest or rest.endswith(b"\n"):
                    break
            yield line[:100], False
        else:
            yield line, True


def read_jsonl(raw: BinaryIO, where: str, opts: Options, encoding: str = "utf-8") -> Iterator[Article | Rejected]:
    """Articles of a JSONL file, one JSON object per line; bad lines are rejected, the others kept."""
    seen: dict[tuple, Columns] = {}
    for n, (data, whole) in enumerate(_lines(raw), 1):
        here = f"{where}:{n}"
        if not whole:
            yield reject(E.E004, where=here, why=f"line longer than {MAX_FIELD} bytes")
            continue
        line = data.decode(encoding, errors=LEGACY_HANDLER).strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as err:
            yield reject(E.E004, where=here, why=str(err)[:120] if isinstance(err, ValueError) else "nested too deep")
            continue
        if isinstance(obj, list) and all(isinstance(o, dict) for o in obj):
            # A minified JSON array on one line: each object is an article.
            for i, o in enumerate(obj, 1):
                yield from _object_article(o, f"{here}:{i}", opts, seen)
            continue
        if not isinstance(obj, dict):
            yield reject(E.E004, where=here, why=f"a JSON {type(obj).__name__}, not an object")
            continue
        yield from _object_article(obj, here, opts, seen)


def _object_article(obj: dict, here: str, opts: Options, seen: dict[tuple, Columns]) -> Iterator[Article | Rejected]:
    """The article of one JSON object, its columns mapped once per set of keys (``seen``)."""
    keys = tuple(obj)
    cols = seen.get(keys)
    if cols is None:
        cols = seen[keys] = map_columns(keys, opts)
        if len(seen) > 1000:  # inputs whose every line has other keys: do not grow without bound
            seen.clear()
    if cols.text is None:
        yield reject(E.E003, where=here, columns=_columns_text(list(keys)))
        return
    yield from _row_article(obj, cols, here, opts)


def sniff_delimiter(first_line: str) -> str:
    """The delimiter of a CSV header line: tab, semicolon (European exports) or comma."""
    counts = {d: first_line.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=counts.get)
    return best if counts[best] > counts[","] else ","


def is_json_document(head: bytes) -> bool:
    """Whether a JSON input is one document (an array, or an object over several lines), not JSON Lines."""
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
    if not first.startswith((b"[", b"{")):
        return False
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return True  # the first line is not a whole JSON value: the document goes on over lines
    return False


def read_json_document(raw: BinaryIO, where: str, opts: Options, encoding: str = "utf-8") -> Iterator[Article | Rejected]:
    """Articles of a JSON array of objects (origins "where:N", N from 1) or of a single JSON object."""
    data = raw.read(MAX_JSON + 1)
    if len(data) > MAX_JSON:  # too big to be one document: JSON Lines with a broken first line, or not JSON
        yield from read_jsonl(io.BufferedReader(Rewound(data, raw)), where, opts, encoding)
        return
    try:
        doc = json.loads(data.decode(encoding, errors=LEGACY_HANDLER))
    except (ValueError, RecursionError):
        # Not one document after all (e.g. JSON Lines whose first line is broken): read it line by line.
        yield from read_jsonl(io.BytesIO(data), where, opts, encoding)
        return
    items = doc if isinstance(doc, list) else [doc]
    seen: dict[tuple, Columns] = {}
    for n, obj in enumerate(items, 1):
        here = f"{where}:{n}" if isinstance(doc, list) else where
        if not isinstance(obj, dict):
            yield reject(E.E004, where=here, why=f"a JSON {type(obj).__name__}, not an object")
            continue
        yield from _object_article(obj, here, opts, seen)

