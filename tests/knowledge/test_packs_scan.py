"""The pack chooser's whole-text fold and its test of names inside longer names, against their plain readings."""
import random

from warwire.knowledge.gazetteer import light
from warwire.knowledge.packs import _Chooser, _inside


def test_fold_is_light_of_the_whole_text():
    texts = ["Jets struck al-Qaryah and Kafr Tal on Tuesday, the monitor said.",
             "ÉTAT: İdlib’s east, Straße 5 — «Deir ez-Zor» \u0627\u0644\u0631\u0642\u0629 \u0663\u0664",
             "", "   \t\n", "a__b--c''d", "ﬁve km north of Ma\u0301rib\u00a0city"]
    alphabet = "aZ09 _-'’\u0627\u0644\u00e9\u0130\u017f\u00a0\u2003\t\n\x1c.,;ﬁ\u0301\u06f3\u0660ß"
    rnd = random.Random(7)
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(3000)]
    for text in texts:
        assert _Chooser.fold(text) == light.__wrapped__(text), text


def test_inside_matches_the_pairwise_definition():
    rnd = random.Random(11)
    for _ in range(3000):
        spans = [(a, a + rnd.randint(0, 5)) for a in (rnd.randint(0, 12) for _ in range(rnd.randint(0, 10)))]
        plain = {(a, b) for a, b in spans if any(s <= a and b <= e and (s, e) != (a, b) for s, e in spans)}
        assert _inside(spans) == plain, spans
    # A span given twice (two countries' words) is not inside itself; one inside both a longer one is.
    assert _inside([(3, 7), (3, 7)]) == set()
    assert _inside([(0, 9), (3, 7), (3, 7), (3, 9)]) == {(3, 7), (3, 9)}


def test_group_runs_say_where_a_group_may_be_named():
    from warwire.knowledge.packs import _holds_any, _runs_of

    runs = _runs_of(["(?:the )?Boko Haram(?: fighters)?", "M23(?: rebels)?", "SPL[MA]-IO"])
    assert runs == ("boko haram", "m23", "spl")
    assert _holds_any("Gunmen of BOKO HARAM struck", runs)
    assert _holds_any("the M23 advanced", runs)
    assert not _holds_any("Rebels shelled the town", runs)
    # Letters a case-blind pattern reads as ASCII ones (dotted capital I, long s) are read so here too.
    assert _holds_any("Boko Har\u0130m", ("boko harim",)) and _holds_any("\u017fpl", ("spl",))
    # An alias with no run every match holds, or with letters only the pattern can fold, gives no runs.
    assert _runs_of(["M23|Boko"]) is None
    assert _runs_of(["Straße Army"]) is None
