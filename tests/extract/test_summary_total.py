"""A toll the story's opening tells over several places, which its body then tells place by place, is a total split
across events: each place's event counts its own dead, and the same dead are not counted twice."""
from __future__ import annotations

from warwire.extract import extract_article
from warwire.model import Article

STORY = ("Raids kill seven in Hama villages. Air raids killed seven people in two villages of Hama province on "
         "Tuesday, a monitor said. A raid on Kafr Zita killed four civilians, among them a child, the monitor said. "
         "Another raid on Latamina killed three men. Residents fled to nearby farms.")


def _tolls(text: str) -> dict[str, int | None]:
    a = Article(source_id="t", title=None, text=text, published="2018-05-22", outlet="Wire")
    return {r.location.name: r.fatalities.best if r.fatalities else None for r in extract_article(a) if r.location}


def test_each_place_counts_its_own_share_of_the_opening_total():
    got = _tolls(STORY)
    assert got.get("Kafr Zeita") == 4 and got.get("Latmana") == 3, got
    assert sum(n or 0 for n in got.values()) == 7, got
    # Counts that do not add up to the total told (4 and 2 of seven) are no split of it: the opening's figure stays.
    got = _tolls(STORY.replace("killed three men", "killed two men"))
    assert got.get("Kafr Zeita") == 7, got
