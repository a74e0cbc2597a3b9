"""A strike told with no weapon ("coalition strikes killed 12", "a wave of strikes hit the city") is one from the
air; a strike told with its rocket, missile or guns stays fire from the ground. On stories written for these
tests."""
from __future__ import annotations

from tests.extract.test_assembly import reports, story


def _subs(text: str) -> set[str]:
    return {r.sub_event_type for r in reports(text)}


def test_strikes_told_with_no_weapon_are_from_the_air():
    text = story("Coalition strikes killed 12 people in the village of Kafr Zita on Monday, the monitor said.",
                 "Residents said the houses on the main street were flattened.")
    assert _subs(text) == {"Air/drone strike"}
    text = story("Rocket strikes killed 12 people in the village of Kafr Zita on Monday, the monitor said.",
                 "Residents said the houses on the main street were flattened.")
    assert _subs(text) == {"Shelling/artillery/missile attack"}


def test_a_stoppage_of_work_is_no_attack():
    # Workers who go on strike, or begin, stage or call one, attack no one: no event at all.
    assert reports(story("Dockers at the harbour of Mukalla went on strike on Tuesday, angry at months of unpaid pay.",
                         "Union leaders said the stoppage would last a week.")) == []
    assert reports(story("Nurses in the town of Ibb began a strike on Saturday to press for their back pay.",
                         "Hospital managers said only emergency wards stayed open.")) == []
    assert reports(story("Bus drivers in the city of Homs staged a one-day strike on Wednesday over fuel prices.",
                         "Commuters walked to work through the rain.")) == []
