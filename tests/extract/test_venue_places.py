"""A place of another country than the war's is an event's place only where the text tells an event there: the
city where envoys meet, a statement is made or talks are held is a venue, and a place abroad whose sentence tells
no event is where nothing of the war happened."""
from __future__ import annotations

from tests.extract.test_assembly import reports
from warwire.extract.places import find_places
from warwire.knowledge import packs


def _names(text: str) -> list[str]:
    return [p.location.name for p in find_places(text) if p.relation != "dateline"]


def _place(text: str) -> str | None:
    rs = reports(text)
    assert len(rs) == 1
    return rs[0].location.name if rs[0].location is not None else None


def test_a_capital_abroad_told_in_a_sentence_with_no_event_is_no_event_s_place():
    with packs.using("yemen"):
        assert _place("Rebel gunmen fired rockets at an army outpost on Friday, killing four troops. "
                      "Mediators hope the two sides will sit down in Vienna before the summer.") is None
        # A place of the war's country that the sentence tells no event at stays: it may set the next one's scene.
        assert "Marib" in _names("The city of Marib lies east of the capital. Jets struck it on Monday.")


def test_a_venue_of_talks_or_statements_abroad_is_no_event_s_place():
    assert _place("Army jets pounded a crowded market, killing eleven civilians. "
                  "The rebel delegation said in Geneva that it had no comment.") is None
    assert "Geneva" not in _names("Army jets pounded a crowded market. Envoys are to meet in Geneva on Monday.")
    assert "Paris" not in _names("Jets struck the town, ministers told reporters in Paris after the raid.")
    # A place abroad where the sentence tells an event stays.
    assert "Beirut" in _names("A car bomb killed a former minister in Beirut on Tuesday.")
    # An event word between the venue's words and the place tells what happened there.
    assert "Beirut" in _names("An envoy was shot dead in Beirut on Tuesday.")
    with packs.using("yemen"):
        assert "Riyadh" in _names("Rebels fired a ballistic missile at Riyadh, the coalition said.")
