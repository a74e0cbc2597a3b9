"""From the raw fields a reader found to an Article: text cleaned and capped, dates and dateline settled."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from warwire.errors import E
from warwire.ingest.dates import match_date, parse_date
from warwire.ingest.datelines import opening_dateline
from warwire.ingest.rejected import Rejected, reject
from warwire.model import Article

MAX_TEXT = 1_000_000  # characters; longer inputs are cut there with a warning
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Options:
    """How to read the sources: column names (CSV/JSONL), defaults for what an input lacks, the fetcher.

    ``fetch`` is a callable ``url -> Fetched`` (see ``fetch.Fetcher``); None means the default
    fetcher; False means never go online (URL sources are rejected, feeds use item summaries).
    """

    text_col: str | None = None
    title_col: str | None = None
    date_col: str | None = None
    outlet_col: str | None = None
    id_col: str | None = None
    default_date: str | None = None
    default_outlet: str | None = None
    fetch: Callable | None | bool = None


def clean_text(text: str) -> str:
    """Newlines unified, control characters dropped, outer whitespace stripped."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _clean(value: object) -> str | None:
    if value is None:
        return None
    s = " ".join(str(value).split())
    return s or None


def _top_of(text: str, title: str | None) -> tuple[str | None, tuple[list[str], str | None] | None]:
    """The date and the dateline a text opens with, looked for at its start and after its headline."""
    tops = [text]
    if title and text[: len(title)].casefold() == title.casefold():
        tops.append(text[len(title):].lstrip(" .:\n"))  # pages and some sites print the headline first
    printed = opening = None
    for top in tops:
        found = match_date(top[:200])
        if found and not printed:
            printed = found[0]
            top = top[found[1]:].lstrip(" ,.:\n")
        opening = opening or opening_dateline(top)
    return printed, opening


def build_article(
    text: str | None, *, where: str, opts: Options, title: object = None, date: object = None,
    outlet: object = None, source_id: object = None, url: object = None, dateline: list[str] | None = None,
    event_dated: bool = False,
) -> Iterator[Article | Rejected]:
    """Yield the Article for one input item, preceded by any warnings; or a Rejected when it has no text.

    ``event_dated``: the given date is the date of the event the text tells (a coded record's date column), not a
    publication date; the article keeps that (``Article.event_dated``) when its date is the one given."""
    text = clean_text(text) if isinstance(text, str) else ""
    if not text:
        yield reject(E.E008, where=where)
        return
    if len(text) > MAX_TEXT:
        yield reject(E.E012, fatal=False, where=where, size=len(text), limit=MAX_TEXT)
        text = text[:MAX_TEXT]

    raw_date = _clean(date)
    given = parse_date(raw_date) if raw_date else None
    if raw_date and not given:
        yield reject(E.E007, fatal=False, where=where, value=raw_date)
    if not raw_date and opts.default_date:
        given = parse_date(opts.default_date)
    title = _clean(title)
    # The date printed at the top of the text wins over metadata, which is often wrong (DESIGN.md).
    printed, opening = _top_of(text, title)
    published = printed or given
    metadata_date = given if printed and given and given != printed else None

    outlet = _clean(outlet)
    places = list(dateline or [])
    if opening:
        opened_places, agency = opening
        places = places or opened_places
        outlet = outlet or agency
    yield Article(
        text=text, source_id=_clean(source_id), outlet=outlet or opts.default_outlet, title=title,
        published=published, dateline=places, url=_clean(url), origin=where, metadata_date=metadata_date,
        event_dated=bool(event_dated and given and published == given),
    )
