"""Article -> [Report]: sentences from spaCy, then warwire's own readers, then report assembly.

The spaCy pipeline runs its sentence splitter (senter) only; triggers, actors,
places, dates, counts and claims are read by one pass each of compiled
dictionaries over the whole text. Articles without any trigger word skip
the pipeline entirely.
"""
from __future__ import annotations

from collections import deque

from warwire.knowledge import programs

#: True when this module turned on the kept programs (``knowledge.programs``) before the readers import: a
#: library user (``extract_batch`` called from Python) then gets the patterns a command builds (led by the letters
#: their matches begin with, built without parsing), and its first batch saves the programs compiled anew.
_KEPT_HERE = not programs.keeping() and programs.keep_programs()

from warwire.extract import EXTRACTOR_VERSION  # noqa: E402,F401  (the version of what this module reads)
from warwire.extract.dates import base_date  # noqa: E402
from warwire.extract.event_types import any_pack_trigger, find_triggers, with_pack_triggers  # noqa: E402
from warwire.extract.nlp import MAX_TEXT_CHARS, load_nlp, sentence_spans  # noqa: E402
from warwire.extract.reports import build_reports, choose_primary  # noqa: E402
from warwire.knowledge import packs  # noqa: E402
from warwire.model import Article, ArticleReports, Report  # noqa: E402


def _places(text: str, dateline) -> list:
    from warwire.extract.places import find_places

    return find_places(text, tuple(dateline or ()))


def _reports(article: Article, sentences: list[tuple[int, int]], triggers, default: str | None = None) -> list[Report]:
    text = article.text[:MAX_TEXT_CHARS]
    base, skip_to = base_date(text, article.published)
    # The war the article is about decides its places, actors and defaults (``--pack``, default: chosen
    # from the places and actors the text names).
    about = f"{article.title or ''}\n{text}"
    main = packs.chosen() or packs.resolve(packs.choice(), about, default)
    # A paragraph on another war ("In Yemen, coalition jets struck Saada") is read with that war's pack.
    parts = packs.parts(text, sentences, main, about=about) if packs.chosen() is None and packs.choice() == packs.AUTO \
        else [(main, sentences)]
    reports = ArticleReports()
    for pack, spans in parts:
        with packs.using(pack):
            got = build_reports(text, spans, _places(text, article.dateline), base, skip_to, article.title,
                                with_pack_triggers(text, triggers))
        reports.extend(got)
        reports.cumulative.extend(got.cumulative)
    if len(parts) > 1:
        reports.sort(key=_told_at)
    with packs.using(main):
        article.cumulative = reports.cumulative
        choose_primary(reports, article.title, text)
    return reports


def _told_at(report: Report) -> int:
    """Where the text first tells the report's event: its event word (the trigger's span is the sub-type's
    evidence), else the mentions it assembled, else its place (a toll told again has no event word of its own)."""
    ev = report.evidence
    told = [ev["sub_event_type"]] if ev.get("sub_event_type") else \
        [v for k, v in ev.items() if k.startswith("mention") and v] or [v for v in [ev.get("location")] if v]
    return min((span[0] for span in told), default=0)


def extract_article(article: Article) -> list[Report]:
    """The reports one article makes, each with its evidence spans; exactly one is primary."""
    return extract_batch([article], batch_size=1)[0]


def extract_batch(articles: list[Article], batch_size: int = 64) -> list[list[Report]]:
    """``extract_article`` over many articles, running spaCy on them in batches (``nlp.pipe``)."""
    out: list[list[Report]] = [[] for _ in articles]
    triggers: dict[int, list] = {}
    # Triggers are found article by article as spaCy asks for texts (a batch ahead of the reports), not over
    # the whole input first: a large input would push its texts' word starts out of the recent-texts cache
    # (knowledge/patterns.py) before their reports are read, and every text would be indexed twice.
    todo: deque[int] = deque()

    def triggered(i: int) -> bool:
        text = (articles[i].text or "")[:MAX_TEXT_CHARS]
        triggers[i] = find_triggers(text) if text.strip() else []
        return bool(triggers[i]) or bool(text.strip()) and any_pack_trigger(text)

    # The model loads only when some article has a trigger word.
    first = next((i for i in range(len(articles)) if triggered(i)), None)
    if first is None:
        return out

    def texts():
        for i in range(first, len(articles)):
            if i == first or triggered(i):
                todo.append(i)
                yield articles[i].text[:MAX_TEXT_CHARS]

    # An article naming no war's places or words reads with the war the others of the batch are about.
    default = packs.majority([f"{a.title or ''}\n{(a.text or '')[:MAX_TEXT_CHARS]}" for a in articles]) \
        if packs.chosen() is None and packs.choice() == packs.AUTO else None
    for doc in load_nlp().pipe(texts(), batch_size=batch_size):
        i = todo.popleft()
        sentences = sentence_spans(doc, articles[i].text[:MAX_TEXT_CHARS])
        out[i] = _reports(articles[i], sentences, triggers.pop(i), default)
    _saved_programs()
    return out


def _saved_programs() -> None:
    """Once the first batch is read, the programs compiled anew saved (where this module began keeping them): the
    model's, the readers' and the knowledge's are compiled by then (``knowledge.programs.save_programs``)."""
    global _KEPT_HERE
    if _KEPT_HERE:
        _KEPT_HERE = False
        programs.save_programs()
