"""A sentence opened by a bare "Earlier" tells what came before the lead within the same news, not the story's
backdrop; with a time after it ("Earlier in the war") the time says. On stories written for these tests."""
from __future__ import annotations

from tests.extract.test_assembly import reports, story

LEAD = "Government jets bombed the grain market of Saraqeb on Tuesday, killing seven people, the monitor said."


def _told_at_kafr_nabl(got) -> bool:
    return any(r.event_type == "Violence against civilians" and r.location is not None
               and r.location.name.startswith("Kafr") for r in got)


def test_an_event_told_after_a_bare_opening_earlier_is_news():
    assert _told_at_kafr_nabl(reports(story(LEAD, "Earlier militants executed four farmers in the village of "
                                                  "Kafr Nabl, it said.")))
    # (With a time after it, the time says: the war's backdrop.)
    assert not _told_at_kafr_nabl(reports(story(LEAD, "Earlier in the war militants executed four farmers in the "
                                                      "village of Kafr Nabl, it said.")))
