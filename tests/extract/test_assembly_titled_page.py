"""A short page that opens with its own title is a story, not a coder's one-event note.

A coder's note has no headline; a news page as short as a note (a wire brief: title, lead, a quote) tells its
event in the title, again in the lead and again in a witness's words. Read as a note, each telling was an event.
"""
from warwire.extract import extract_article
from warwire.model import Article

TITLE = "Shelling kills five in Douma market"
BODY = (" Shells hit a crowded market in Douma on Monday, killing five people, activists said. "
        "\"Shells fell on the market at noon and killed five people,\" a resident told reporters.")


def _dead(title: str | None) -> list:
    article = Article(text=TITLE + "." + BODY, title=title, published="2018-03-05")
    return [r.fatalities.best for r in extract_article(article) if r.fatalities]


def test_a_short_page_under_its_title_tells_its_dead_once():
    assert len(TITLE + BODY) < 800
    assert _dead(TITLE) == [5]

