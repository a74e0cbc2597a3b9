"""Where words run together ("inJubandistrict"): the two scans the place finder runs find what its one pattern
finds."""
from __future__ import annotations

import pytest

from warwire.extract import places

TEXTS = [
    "Shelling hit homes inJubandistrict and ofAtaq on Monday.",
    "Fighting near Rabi'district and in Marib governorate; the subdistrict and sub-district were quiet.",
    "Clashes intoKhor, atBayda, fromTaiz, toAden and theNorth; nearMaqbana.",
    "Strikes in Mastaba province and Haradhprovince; Jawf’governorate.",
    "IN CAPITALS: INJUBAN, Ofata, inX and in-X; 'inJuban' and ’ofAtaq’; intoK",
    "no glued words here at all, in a text without capitals",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_glued_word_and_unit_scans_cut_where_the_single_pattern_does(text):
    single = sorted({m.end() if m.group() else m.start() for m in places._GLUED.finditer(text)})
    assert sorted(set(places._glued_cuts(text))) == single


def test_words_run_together_are_cut():
    text = TEXTS[0]
    assert sorted(places._glued_cuts(text)) == [text.index("Juban"), text.index("district"), text.index("Ataq")]
