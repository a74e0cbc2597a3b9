from __future__ import annotations

import pytest

from warwire.extract.attribution import find_claims


@pytest.mark.parametrize("text, name, kind", [
    ("Twelve were killed, the Syrian Observatory for Human Rights said.",
     "Syrian Observatory for Human Rights", "monitor"),
    ("Twelve were killed, according to the Britain-based monitor.", "unnamed monitor", "monitor"),
    ("State news agency SANA said army units hit terrorist positions.", "SANA", "state media"),
    ("The Russian Defence Ministry said its jets hit militants.", "Russian Ministry of Defence", "government"),
    ("Rescue workers told reporters that nine bodies were found.", "Syrian Civil Defence", "rescue workers"),
    ("Twelve died, activists reported.", "activists", "activists"),
])
def test_claimants(text, name, kind):
    claims = find_claims(text)
    assert [(c.claim.name, c.claim.kind) for c in claims] == [(name, kind)]
    assert text[claims[0].start:claims[0].end]


def test_named_observatory_resolves_a_later_bare_monitor():
    text = "The Syrian Observatory for Human Rights counted 12 dead. The monitor said 3 were children."
    assert {c.claim.name for c in find_claims(text)} == {"Syrian Observatory for Human Rights"}


def test_a_claimant_without_a_reporting_verb_is_not_a_claim():
    assert find_claims("Activists gathered in the square.") == []
