"""Sources to articles: files, folders (recursive), globs, "-" for stdin and http(s) URLs.

Each file's kind (CSV, TSV, JSONL, HTML, RSS/Atom, plain text) is told by its extension,
or by its first bytes when the extension does not say. Gzipped files are read through.
"""
from __future__ import annotations

import glob
import gzip
import io
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from warwire.errors import E, WarwireError
from warwire.ingest.articles import Options
from warwire.ingest.dates import parse_date
from warwire.ingest.encoding import SAMPLE, binary_reason, decode, detect_encoding, text_stream
from warwire.ingest.feed import read_feed
from warwire.ingest.fetch import Fetcher, is_url
from warwire.ingest.html import MAX_HTML, read_html
from warwire.ingest.rejected import Rejected, reject, rejected_from
from warwire.ingest.settings import settings
from warwire.ingest.streams import Capped, Rewound, TooLarge
from warwire.ingest.tabular import is_json_document, read_csv, read_json_document, read_jsonl, sniff_delimiter
from warwire.ingest.text import read_text
from warwire.model import Article

KINDS_BY_SUFFIX = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".txt": "text", ".text": "text",
}
KINDS_BY_CONTENT_TYPE = {
    "rss": "feed", "atom": "feed", "xml": "feed", "html": "html", "csv": "csv",
    "tab-separated": "tsv", "json": "jsonl", "text/plain": "text",
}
_GLOB = set("*?[")
MAX_FEED = 50_000_000  # bytes


def sniff_kind(head: bytes) -> str:
    """The kind of an input from its first bytes: feed, html, jsonl, csv/tsv or text."""
    start = decode(head[:2048]).lstrip("\ufeff \t\r\n").lower()
    if start.startswith(("<?xml", "<rss", "<feed", "<rdf")):
        return "feed" if ("<rss" in start or "<feed" in start or "<rdf" in start) else "html"
    if start.startswith(("<!doctype html", "<html", "<head", "<body", "<!--", "<div", "<p")):
        return "html"
    if start.startswith(("{", "[{", "[\n", "[ ")):
        return "jsonl"
    return "text"


def _read_stream(raw: BinaryIO, where: str, kind: str | None, opts: Options, *, url: str | None = None,
                 truncated: bool = False, layers: int = 0) -> Iterator[Article | Rejected]:
    """Articles of one open binary input, its kind given or sniffed; ``layers`` of gzip already opened."""
    head = raw.read(SAMPLE)
    if not head.strip() and len(head) < SAMPLE:
        yield reject(E.E001, where=where)
        return
    if head.startswith(b"\x1f\x8b"):  # gzip, whatever the name says
        yield from _read_gzip(Rewound(head, raw), where, kind, opts, url, layers + 1)
        return
    why = binary_reason(head)
    if why:
        yield reject(E.E002, where=where, why=why)
        return
    kind = kind or sniff_kind(head)
    stream = io.BufferedReader(Rewound(head, raw))
    if kind in ("csv", "tsv"):
        first = decode(head.split(b"\n", 1)[0])
        delimiter = "\t" if kind == "tsv" else sniff_delimiter(first)
        yield from read_csv(text_stream(stream, head), where, opts, delimiter=delimiter)
    elif kind == "jsonl" and is_json_document(head, detect_encoding(head)):
        yield from read_json_document(stream, where, opts, encoding=detect_encoding(head))
    elif kind == "jsonl":
        yield from read_jsonl(stream, where, opts, encoding=detect_encoding(head))
    elif kind == "html":
        yield from read_html(stream.read(MAX_HTML + 1), where, opts, url=url, truncated=truncated)
    elif kind == "feed":
        data = stream.read(MAX_FEED + 1)
        if len(data) > MAX_FEED:
            yield reject(E.E010, fatal=False, where=where, limit=MAX_FEED)
        yield from read_feed(data[:MAX_FEED], where, opts, fetch=_fetcher(opts))
    else:
        yield from read_text(text_stream(stream, head), where, opts)


def _read_gzip(raw: BinaryIO, where: str, kind: str | None, opts: Options, url: str | None,
               layers: int) -> Iterator[Article | Rejected]:
    """Articles of a gzipped input. Nesting and unpacked size are capped (settings.yaml): past either
    the file is one rejected item, and the articles read before stay read."""
    limits = settings()["gzip"]
    if layers > limits["max_layers"]:
        yield reject(E.E015, where=where, why=f"more than {limits['max_layers']} layers of gzip")
        return
    try:
        unpacked = io.BufferedReader(Capped(gzip.GzipFile(fileobj=raw), limits["max_bytes"]))
        yield from _read_stream(unpacked, where, kind, opts, url=url, layers=layers)
    except TooLarge:
        yield reject(E.E015, where=where, why=f"unpacks to more than {limits['max_bytes']:,} bytes")
    except (EOFError, OSError, zlib.error) as err:  # truncated or corrupt archive: what was read stays
        yield reject(E.E002, where=where, why=f"broken gzip: {err}"[:200])


def _fetcher(opts: Options):
    if opts.fetch is False:
        return None
    return opts.fetch or Fetcher()


def _read_url(url: str, opts: Options) -> Iterator[Article | Rejected]:
    fetch = _fetcher(opts)
    if fetch is None:
        yield reject(E.E005, where=url, why="fetching is switched off")
        return
    try:
        page = fetch(url)
    except WarwireError as err:
        yield rejected_from(err)
        return
    ctype = page.content_type.lower()
    kind = next((k for key, k in KINDS_BY_CONTENT_TYPE.items() if key in ctype), None)
    if kind is None or kind == "text":
        kind = KINDS_BY_SUFFIX.get(Path(url.split("?", 1)[0]).suffix.lower()) or None
    if kind == "feed" and "rss" not in ctype and "atom" not in ctype:
        kind = sniff_kind(page.body[:SAMPLE])  # plain "xml" is also served for XHTML pages
    if page.truncated and kind != "html":
        yield reject(E.E010, fatal=False, where=url, limit=len(page.body))
    yield from _read_stream(io.BytesIO(page.body), url, kind, opts, url=page.url, truncated=page.truncated)


def _read_path(path: Path, opts: Options) -> Iterator[Article | Rejected]:
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    kind = KINDS_BY_SUFFIX.get(Path(name).suffix.lower())
    try:
        with path.open("rb") as raw:
            yield from _read_stream(raw, str(path), kind, opts)
    except OSError as err:  # unreadable: permissions, a vanished file, a device
        yield reject(E.E009, where=f"{path} ({err.strerror or err})")
    except UnicodeError as err:
        yield reject(E.E002, where=str(path), why=f"{type(err).__name__}: {err}"[:200])


def _readable_name(path: Path) -> bool:
    """Whether a file found in a folder is an input: a known suffix (or none), also under .gz."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    suffix = Path(name).suffix.lower()
    return not suffix or suffix in KINDS_BY_SUFFIX


def _files(folder: Path) -> Iterator[Path]:
    """Input files under ``folder``, sorted; hidden ones (.git, editor backups) and others such as
    README.md or images are skipped (name them directly to read them)."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if path.is_file() and not any(p.startswith(".") for p in rel) and _readable_name(path):
            yield path


def expand(source: str) -> Iterator[str | Path]:
    """The inputs one source names: itself for URLs and stdin, the files of a folder or glob, or the file."""
    if source == "-" or is_url(source):
        yield source
        return
    path = Path(source).expanduser()
    if path.is_dir():
        yield from _files(path)
    elif path.exists():
        yield path
    elif _GLOB & set(source) and glob.glob(source, recursive=True):
        for match in sorted(glob.glob(source, recursive=True)):
            p = Path(match)
            yield from (_files(p) if p.is_dir() else [p])
    else:
        yield source  # reported as not found by the reader


def read_sources(
    sources: Iterable[str | Path], *, text_col: str | None = None, title_col: str | None = None,
    date_col: str | None = None, outlet_col: str | None = None, id_col: str | None = None,
    default_date: str | None = None, default_outlet: str | None = None, fetch=None, strict: bool = False,
) -> Iterator[Article | Rejected]:
    """Stream the Articles of ``sources`` (files, folders, globs, "-" for stdin, http(s) URLs).

    Every bad item comes out as a ``Rejected`` (fatal) and every kept-with-a-caveat one is preceded
    by a ``Rejected(fatal=False)`` warning; reading goes on. With ``strict`` the first fatal
    Rejected is raised as its WarwireError instead. ``fetch``: None uses the default fetcher
    (10 s, 5 MB), False stays offline, a callable ``url -> Fetched`` is used as given.
    """
    if isinstance(sources, (str, Path)):  # one source given bare, not a list of characters
        sources = [sources]
    if default_date and not parse_date(default_date):
        raise WarwireError(E.E007, where="default date", value=default_date)
    opts = Options(text_col=text_col, title_col=title_col, date_col=date_col, outlet_col=outlet_col,
                   id_col=id_col, default_date=default_date, default_outlet=default_outlet, fetch=fetch)
    for source in sources:
        for item in expand(str(source)):
            if item == "-":
                items = _read_stream(sys.stdin.buffer, "stdin", None, opts)
            elif isinstance(item, str) and is_url(item):
                items = _read_url(item, opts)
            elif isinstance(item, str):
                items = iter([reject(E.E009, where=item)])
            else:
                items = _read_path(item, opts)
            for out in items:
                if strict and isinstance(out, Rejected) and out.fatal and out.error is not None:
                    raise out.error
                yield out
