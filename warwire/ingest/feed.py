"""RSS and Atom feeds: each item's page is fetched and read; the item summary stands in when it cannot be."""
from __future__ import annotations

import time
from typing import Iterator
from urllib.parse import urlsplit

from warwire.errors import E, WarwireError
from warwire.ingest.articles import Options, build_article
from warwire.ingest.dates import parse_date
from warwire.ingest.html import read_html
from warwire.ingest.rejected import Rejected, reject, rejected_from
from warwire.model import Article

# Elements that end a line of text; every other tag only wraps words.
_BLOCKS = ("p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table")


def _plain(html: str) -> str:
    """Text of a summary, which feeds often give as HTML: blocks become lines, inline tags vanish."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):  # nothing to parse (blank, or only a comment)
        return ""
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = root.text_content().split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else (entry.get("published") or entry.get("updated"))


def read_feed(data: bytes, where: str, opts: Options, fetch=None) -> Iterator[Article | Rejected]:
    """Articles of an RSS/Atom feed; ``fetch`` (url -> Fetched) reads each item's page, None reads summaries only."""
    import feedparser

    try:
        feed = feedparser.parse(data)
    except Exception as err:  # noqa: BLE001 - the parser must not take the whole run down on one bad feed
        yield reject(E.E011, where=where, why=f"{type(err).__name__}: {err}"[:200])
        return
    if not feed.entries:
        why = str(feed.get("bozo_exception") or "") or "no items"
        yield reject(E.E011, where=where, why=why[:200])
        return
    outlet = (feed.feed.get("title") or "").strip() or None
    down: set[str] = set()  # hosts that failed once: their other items go straight to the summary
    for i, entry in enumerate(feed.entries, 1):
        link = entry.get("link")
        here = link or f"{where}#{i}"
        meta = dict(title=entry.get("title"), date=_entry_date(entry), source_id=entry.get("id"), url=link)
        host = urlsplit(link).netloc if link else ""
        if fetch and link and host not in down:
            try:
                page = fetch(link)
            except WarwireError as err:
                if not str(err.values.get("why", "")).startswith("HTTP 4"):  # a missing page says nothing of the site
                    down.add(host)
                yield rejected_from(err, fatal=False)  # fall back to the summary below
            else:
                got = list(read_html(page.body, page.url, opts, url=page.url, truncated=page.truncated))
                if any(isinstance(x, Article) for x in got):
                    for x in got:
                        if isinstance(x, Article):
                            # The feed's metadata is cleaner than what is scraped from the page.
                            x.title = x.title or meta["title"]
                            x.source_id = meta["source_id"]
                            x.outlet = outlet or x.outlet
                            x.origin = here
                            x.published = x.published or parse_date(meta["date"])
                        yield x
                    continue
                yield from (Rejected(r.where, r.reason, False, r.error) for r in got)
        content = entry.get("content") or []
        summary = " ".join(c.get("value", "") for c in content) or entry.get("summary") or ""
        if not summary.strip():
            yield reject(E.E008, where=here)
            continue
        yield from build_article(_plain(summary), where=here, opts=opts, outlet=outlet, **meta)
