"""HTML pages (files or fetched URLs): the main text and metadata, extracted with trafilatura."""
from __future__ import annotations

from typing import Iterator

from warwire.errors import E
from warwire.ingest.articles import Options, build_article
from warwire.ingest.rejected import Rejected, reject
from warwire.model import Article

MAX_HTML = 5_000_000  # bytes; a larger page is cut there (with a warning) before parsing
FAST_ABOVE = 1_000_000  # bytes; bigger pages skip trafilatura's slower fallback extractors


def extract_page(html: bytes, url: str | None = None) -> dict | None:
    """trafilatura's main text and metadata of a page (text, title, date, sitename, url), or None."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, fast=len(html) > FAST_ABOVE)
    if doc is None:
        return None
    d = doc if isinstance(doc, dict) else doc.as_dict()
    return {k: d.get(k) for k in ("text", "title", "date", "sitename", "hostname", "url")}


def read_html(html: bytes, where: str, opts: Options, url: str | None = None,
              truncated: bool = False) -> Iterator[Article | Rejected]:
    """The article of one HTML page; ``where`` is the file name or URL."""
    if truncated or len(html) > MAX_HTML:
        yield reject(E.E010, fatal=False, where=where, limit=MAX_HTML)
        html = html[:MAX_HTML]
    try:
        page = extract_page(html, url)
    except Exception as err:  # noqa: BLE001 - hostile or broken markup can fail anywhere inside the parser
        yield reject(E.E006, where=where, why=f"{type(err).__name__}: {err}"[:200])
        return
    if not page or not (page.get("text") or "").strip():
        yield reject(E.E006, where=where, why="no main text found")
        return
    yield from build_article(
        page["text"], where=where, opts=opts, title=page.get("title"), date=page.get("date"),
        outlet=page.get("sitename") or page.get("hostname"), url=url or page.get("url"),
    )
