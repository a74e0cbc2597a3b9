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
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, TextIO

from warwire.errors import E
from warwire.ingest.articles import Options, build_article
from warwire.ingest.encoding import LEGACY_HANDLER, decode
from warwire.ingest.rejected import Rejected, reject
from warwire.ingest.settings import settings
from warwire.ingest.streams import Rewound
from warwire.model import Article
from warwire.resources import load_yaml

FIELDS = ("text", "title", "date", "outlet", "id", "url")
csv.field_size_limit(2**31 - 1)  # the limit is kept while reading (see _Physical), before a field is whole


def layouts() -> dict:
    """The known layouts and column guesses from ``layouts.yaml``."""
    return load_yaml("warwire.ingest", "layouts.yaml")


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
    unknown: tuple[str, ...] = ()  # fields whose column was named in the options but is not in the input
    event_dated: bool = False  # the date column holds the date of the event a row tells (``layouts.yaml``)


def map_columns(names: Iterable[str], opts: Options) -> Columns:
    """The column of each field for an input with columns ``names``: options first, then a known layout, then guesses."""
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(_key(name), name)
    known = layouts()["known"]
    layout, candidates, event_dated = "guessed", layouts()["guesses"], None
    for lname, spec in known.items():
        if all(c in by_key for c in spec["requires"]):
            layout, candidates = lname, {**layouts()["guesses"], **spec}
            event_dated = bool(spec.get("event_dated"))
            break
    chosen = {f: next((by_key[c] for c in candidates.get(f, []) if c in by_key), None) for f in FIELDS}
    given = {"text": opts.text_col, "title": opts.title_col, "date": opts.date_col,
             "outlet": opts.outlet_col, "id": opts.id_col}
    unknown = []
    for f, col in given.items():
        if col:
            chosen[f] = by_key.get(_key(col))
            if chosen[f] is None:
                unknown.append(f)
    if event_dated is None or given["date"]:  # a guessed layout, or a date column the options name: by its name
        event_dated = chosen["date"] is not None and _key(chosen["date"]) in layouts().get("event_date_columns", [])
    return Columns(layout=layout, unknown=tuple(unknown), event_dated=event_dated, **chosen)


def _unknown_columns(cols: Columns, names: list[str], where: str, opts: Options) -> Iterator[Rejected]:
    """E018 for each column named in the options that the input lacks: fatal for the text, else a warning."""
    for f in cols.unknown:
        yield reject(E.E018, fatal=f == "text", where=where, name=getattr(opts, f"{f}_col"), option=f"--{f}-col",
                     columns=_columns_text(names))


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
        event_dated=cols.event_dated,
    )


class RowTooLong(Exception):
    """A CSV record over the field limit; raised while reading it, before it is held whole."""


class _Physical:
    """The lines of a CSV stream as the csv module pulls them, in pieces of at most ``limit`` characters.

    Counts the physical lines of the record being read, and raises RowTooLong as soon as a record
    passes ``limit`` characters: memory stays bounded by the limit whatever the longest line.
    """

    def __init__(self, stream: TextIO, limit: int) -> None:
        self.stream, self.limit = stream, limit
        self.size = self.lines = 0
        self.mid_line = False  # the last piece did not end its line

    def __iter__(self) -> "_Physical":
        return self

    def __next__(self) -> str:
        piece = self.stream.readline(self.limit)
        if not piece:
            raise StopIteration
        # readline stops short of a line end only at the limit (or at the end of the file): the csv
        # module would take the piece for a whole line, so an over-long line is refused here.
        self.mid_line = len(piece) >= self.limit and not piece.endswith(("\n", "\r"))
        if self.mid_line:
            raise RowTooLong
        self.lines += 1
        self.size += len(piece)
        if self.size > self.limit:
            raise RowTooLong
        return piece

    def next_record(self) -> None:
        self.size = self.lines = 0

    def skip_line(self) -> None:
        """Drop the rest of the current physical line, piece by piece."""
        while self.mid_line:
            piece = self.stream.readline(self.limit)
            self.mid_line = bool(piece) and not piece.endswith(("\n", "\r"))


def _swallowed(values: list[str], header: list[str], delimiter: str) -> bool:
    """Whether a record that ran over several lines took in what looks like rows of its own (a quote
    left open): a line inside one of its fields that splits into at least as many columns as the header."""
    if len(header) < 2:
        return False
    for value in values:
        for line in value.splitlines()[1:]:
            if line.count(delimiter) >= len(header) - 1 and \
                    len(next(csv.reader([line], delimiter=delimiter), [])) >= len(header):
                return True
    return False


def read_csv(stream: TextIO, where: str, opts: Options, delimiter: str = ",") -> Iterator[Article | Rejected]:
    """Articles of a CSV (or TSV) file; origins are "where:row" with the header as row 1, as a spreadsheet shows it."""
    limit = settings()["csv"]["max_field_bytes"]
    lines = _Physical(stream, limit)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield reject(E.E001, where=where)
        return
    except RowTooLong:
        yield reject(E.E013, where=f"{where}:1", why=f"header longer than {limit:,} characters")
        return
    except csv.Error as err:
        yield reject(E.E013, where=f"{where}:1", why=str(err))
        return
    cols = map_columns(header, opts)
    yield from _unknown_columns(cols, header, where, opts)
    if cols.text is None:
        if "text" not in cols.unknown:
            yield reject(E.E003, where=where, columns=_columns_text(header))
        return
    if opts.date_col is None and cols.date is None and not opts.default_date:
        yield reject(E.E016, fatal=False, where=where, columns=_columns_text(header))
    row_no = 1
    while True:
        row_no += 1
        lines.next_record()
        try:
            values = next(reader)
        except StopIteration:
            return
        except RowTooLong:
            lines.skip_line()
            yield reject(E.E013, where=f"{where}:{row_no}", why=f"a row longer than {limit:,} characters")
            continue
        except csv.Error as err:
            yield reject(E.E013, where=f"{where}:{row_no}", why=str(err))
            continue
        if not any(v.strip() for v in values):
            continue  # blank line
        if lines.lines > 1 and _swallowed(values, header, delimiter):
            yield reject(E.E017, fatal=False, where=f"{where}:{row_no}", lines=lines.lines)
        yield from _row_article(dict(zip(header, values)), cols, f"{where}:{row_no}", opts)


def _lines(stream: TextIO, limit: int) -> Iterator[tuple[str, bool]]:
    """Lines of ``stream``, each with False when it was longer than ``limit`` (then only its start is given)."""
    while True:
        line = stream.readline(limit)
        if not line:
            return
        if len(line) == limit and not line.endswith(("\n", "\r")):
            while True:  # skip the rest of the over-long line without holding it
                rest = stream.readline(limit)
                if not rest or rest.endswith(("\n", "\r")):
                    break
            yield line[:100], False
        else:
            yield line, True


def read_jsonl(raw: BinaryIO, where: str, opts: Options, encoding: str = "utf-8") -> Iterator[Article | Rejected]:
    """Articles of a JSONL file, one JSON object per line; bad lines are rejected, the others kept.

    Lines are split after decoding, so UTF-16 files (whose newline is two bytes) read line by line too.
    """
    limit = settings()["csv"]["max_field_bytes"]
    stream = io.TextIOWrapper(raw, encoding=encoding, errors=LEGACY_HANDLER, newline="")
    seen: dict[tuple, Columns] = {}
    for n, (line, whole) in enumerate(_lines(stream, limit), 1):
        here = f"{where}:{n}"
        if not whole:
            yield reject(E.E004, where=here, why=f"line longer than {limit:,} characters")
            continue
        line = line.strip().lstrip("\ufeff")
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
        yield from (r for r in _unknown_columns(cols, list(keys), here, opts) if not r.fatal)
    if cols.text is None:
        if "text" in cols.unknown:
            yield from (r for r in _unknown_columns(cols, list(keys), here, opts) if r.fatal)
        else:
            yield reject(E.E003, where=here, columns=_columns_text(list(keys)))
        return
    yield from _row_article(obj, cols, here, opts)


def csv_records(path: Path | str) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows (as dicts) of a CSV table read whole, decoded as ingest decodes any file
    (UTF-8, else the legacy code page): for tables of labels and facts beside the articles (FA-KES)."""
    reader = csv.DictReader(io.StringIO(decode(Path(path).read_bytes()), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def sniff_delimiter(first_line: str) -> str:
    """The delimiter of a CSV header line: tab, semicolon (European exports) or comma."""
    counts = {d: first_line.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=counts.get)
    return best if counts[best] > counts[","] else ","


def is_json_document(head: bytes, encoding: str = "utf-8") -> bool:
    """Whether a JSON input is one document (an array, or an object over several lines), not JSON Lines."""
    text = head.decode(encoding, errors=LEGACY_HANDLER)
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0].strip()
    if not first.startswith(("[", "{")):
        return False
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return True  # the first line is not a whole JSON value: the document goes on over lines
    return False


def _array_items(text: str) -> Iterator[tuple[object, int]]:
    """The values of a JSON array one by one, with their offsets, up to where the text breaks off.

    Raises ValueError (with the offset) at the first value that is cut or malformed: the ones
    before it are already given, so a truncated array keeps its complete objects.
    """
    decoder = json.JSONDecoder()
    at = text.index("[") + 1
    while True:
        while at < len(text) and text[at] in " \t\r\n,":
            at += 1
        if at < len(text) and text[at] == "]":
            return
        if at >= len(text):
            raise ValueError(f"the array breaks off at character {at}")
        value, end = decoder.raw_decode(text, at)
        yield value, at
        at = end


def read_json_document(raw: BinaryIO, where: str, opts: Options, encoding: str = "utf-8") -> Iterator[Article | Rejected]:
    """Articles of a JSON array of objects (origins "where:N", N from 1) or of a single JSON object."""
    limit = settings()["json"]["max_document_bytes"]
    data = raw.read(limit + 1)
    if len(data) > limit:  # too big to be one document: JSON Lines with a broken first line, or not JSON
        yield from read_jsonl(io.BufferedReader(Rewound(data, raw)), where, opts, encoding)
        return
    text = data.decode(encoding, errors=LEGACY_HANDLER).lstrip("\ufeff \t\r\n")
    seen: dict[tuple, Columns] = {}
    if text.startswith("["):
        n = 0
        try:
            for n, (obj, _) in enumerate(_array_items(text), 1):
                yield from _json_item(obj, f"{where}:{n}", opts, seen)
        except (ValueError, RecursionError) as err:
            if n == 0 and "\n" in text.strip():
                # Broken before its first value: not an array but JSON Lines whose first line is garbage
                # ("[!"); read line by line, so the good lines after it are kept.
                yield from read_jsonl(io.BytesIO(data), where, opts, encoding)
                return
            why = str(err)[:120] if isinstance(err, ValueError) else "nested too deep"
            yield reject(E.E004, where=f"{where}:{n + 1}", why=f"{why}; the items before it are kept")
        return
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        # Not one document after all (e.g. JSON Lines whose first line is broken): read it line by line.
        yield from read_jsonl(io.BytesIO(data), where, opts, encoding)
        return
    yield from _json_item(doc, where, opts, seen)


def _json_item(obj: object, here: str, opts: Options, seen: dict[tuple, Columns]) -> Iterator[Article | Rejected]:
    if not isinstance(obj, dict):
        yield reject(E.E004, where=here, why=f"a JSON {type(obj).__name__}, not an object")
        return
    yield from _object_article(obj, here, opts, seen)
