"""Near-duplicate thresholds on stories written for these tests."""
import pytest

from warwire.ingest import NEAR_DUPLICATE, bands, signature, similarity

CONVOY = (
    "An aid convoy of 46 trucks reached Douma, the besieged town in eastern Ghouta, on Monday, the first "
    "delivery to the enclave in weeks, the United Nations said. The trucks carried food for 27,500 people, "
    "medical supplies and health kits, but officials said Syrian authorities had removed most trauma kits, "
    "surgical supplies and insulin before the convoy was allowed to leave Damascus. Air strikes and "
    "shelling hit the town while the trucks were being unloaded, forcing the team to cut the mission short "
    "after about nine hours, a UN official said. A monitor said at least 68 civilians were killed across "
    "the enclave on Monday, as government forces pressed an offensive that has taken about a third of its "
    "farmland. Aid workers said they hoped to return on Thursday with the rest of the supplies, but gave "
    "no guarantee that the road would be open or that the bombardment would pause long enough to deliver."
)
# The same story as another outlet ran it: new dateline and agency, a sentence added, a word changed.
CONVOY_COPY = (
    "GENEVA (Example Wire) - " + CONVOY.replace("the United Nations said", "the U.N. said")
    + " The Syrian government said its forces were targeting militants who shelled Damascus."
)
# Another story on the same topic, same places and actors, written independently.
CONVOY_OTHER = (
    "Syrian government forces pushed deeper into eastern Ghouta on Tuesday, cutting the rebel enclave "
    "in two, a war monitor said, as the United Nations called for a pause in the fighting to let aid in. "
    "The army's advance came a day after a convoy of 46 trucks reached Douma, the largest town in the "
    "enclave, and left early because of the bombardment. Rebels said they had repelled attacks on several "
    "fronts and accused the government of using incendiary weapons on residential areas of Douma and "
    "Harasta. Russia, which backs the Syrian government, said it had offered safe passage to rebels who "
    "wanted to leave with their families, an offer the main rebel groups rejected on Wednesday."
)


def test_syndicated_copy_is_a_near_duplicate():
    assert similarity(signature(CONVOY), signature(CONVOY_COPY)) >= NEAR_DUPLICATE


def test_same_topic_different_story_is_not():
    assert similarity(signature(CONVOY), signature(CONVOY_OTHER)) < 0.5


def test_copy_with_punctuation_stripped_and_other_case():
    stripped = CONVOY.upper().replace(",", "").replace("'", "")  # as FA-KES prints some texts
    assert similarity(signature(CONVOY), signature(stripped)) == 1.0


def test_signature_is_stable_storable_hex():
    sig = signature(CONVOY)
    assert sig == signature(CONVOY) and len(sig) == 1024
    int(sig, 16)
    assert similarity(sig, sig) == 1.0


def test_bands_share_a_key_for_copies_only():
    a, copy, other = (set(bands(signature(t))) for t in (CONVOY, CONVOY_COPY, CONVOY_OTHER))
    assert len(a) == 32 and all(k[:3] == f"{i:02d}:" for i, k in enumerate(bands(signature(CONVOY))))
    assert a & copy
    assert not a & other


def test_short_texts_still_get_signatures():
    assert similarity(signature("Shelling hit Douma."), signature("shelling hit douma")) == 1.0
    assert similarity(signature("Shelling hit Douma."), signature("Clashes in Harasta.")) < 0.5


def test_bad_signature_is_an_error():
    with pytest.raises(ValueError):
        similarity("abc", signature(CONVOY))
