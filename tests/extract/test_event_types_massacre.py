"""A massacre is the name a story gives the killing it has just told: the strike named again, not a second event of
its own kind. On a story written for these tests."""
from __future__ import annotations

from tests.extract.test_assembly import reports

RAID = ("Tuesday 6 Mar 2018 Nine civilians killed in air raids on Syrian rebel town Monitor AFP "
        "Nine civilians, among them four children, died in air strikes on Tuesday on the rebel-held "
        "town of Saraqeb in Idlib province, a monitor said. The monitor said two raids hit the market and a school "
        "and warned that the toll could climb. It was not clear whose jets flew the raids, which "
        "the monitor called \"a fresh massacre\" that left children maimed.")


def _types(text: str, published: str = "2018-03-07") -> list[str]:
    return [r.event_type for r in reports(text, published)]


def test_a_massacre_named_after_a_strike_is_that_strike():
    got = _types(RAID, "2018-03-06")
    assert got == ["Explosions/Remote violence"]
