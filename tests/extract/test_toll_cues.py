"""The cues looked for before every figure (a toll that rose, one updated, one added to the one before) are looked
for only in texts that hold their words, found once a text: the tolls read are those read with every cue looked
for."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from warwire.extract.casualties import (_ADDITIVE_BEFORE, _CUE_WORDS, _TOLL_ROSE_TO, _UPDATED_TO, TollReader,
                                        _cues_held)

TEXTS = [
    ("The death toll from the Monday raid on the market has climbed to 31.", {"rose"}),
    ("Medics said the number of villagers killed by the blast rose to 12 by the evening.", {"rose"}),
    ("A later report revised the fatality count to 14 after two of the wounded died.", {"updated"}),
    ("Nine guards died in the ambush, along with 3 drivers, and five people were hurt.", {"added"}),
    ("Gunmen killed six shepherds, in addition to 2 boys, near the well.", {"added"}),
    # A case-blind pattern takes the long s for an "s": the text holds the cue's word.
    ("Shelling killed 7 people. The toll was later raiſed to 9.", {"rose", "updated"}),
    ("Shelling killed four farmers on Sunday and wounded a boy.", set()),
]


@pytest.mark.parametrize("text,cues", TEXTS)
def test_a_text_holds_the_cues_whose_words_it_holds(text, cues):
    assert _cues_held(text) == cues


@pytest.mark.parametrize("text,cues", TEXTS)
def test_tolls_read_as_with_every_cue_looked_for(text, cues):
    reader, everywhere = TollReader(text), TollReader(text)
    everywhere.cues = frozenset(_CUE_WORDS)
    assert reader.tolls() == everywhere.tolls()
    assert any(t.what == "killed" for t in reader.tolls())


def test_the_long_s_update_is_read():
    updated = [t for t in TollReader("Shelling killed 7 people. The toll was later raiſed to 9.").tolls() if t.coded]
    assert [t.count.best for t in updated] == [9]


# Each cue's pattern, as searched before a figure: every text it can match holds the cue's words, so a new word
# added to a pattern and not to ``_CUE_WORDS`` fails here rather than never being searched for.
CUE_PATTERNS = {"rose": _TOLL_ROSE_TO, "updated": _UPDATED_TO, "added": _ADDITIVE_BEFORE}


@pytest.mark.parametrize("cue", sorted(CUE_PATTERNS))
def test_every_text_a_cue_s_pattern_matches_holds_its_words(cue):
    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(CUE_PATTERNS[cue]))
    def holds(text):
        assert cue in _cues_held(text)

    holds()
