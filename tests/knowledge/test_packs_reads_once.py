"""Choosing packs for a batch reads each text's cue words once, and no country words where cue words settle it."""
from __future__ import annotations

from collections import Counter

from warwire.knowledge import packs

# Each uses some war's cue words ("regime", "Houthi", "Saudi-led", "rebels"), so no war no pack knows is meant.
# A batch of more texts than the few whose cue words were kept before, each read by the batch and by its article.
WITH_CUES = [f"{said} (Update {n}.)" for n in range(1, 6) for said in (
    "Regime warplanes struck Saraqeb in Idlib countryside, and Russian jets hit a hospital near Ankara Street.",
    "Houthi fighters fired a missile at a Saudi-led coalition base near the border with Oman.",
    "Regime shelling hit Douma in Eastern Ghouta as Turkish-backed rebels advanced near Afrin.")]
BATCH = [*WITH_CUES, *(f"Warplanes struck a military site in Qarnaw overnight, killing {n} guards." for n in range(2, 7))]


def _counting(monkeypatch):
    calls: Counter = Counter()
    cues, evidence = packs._Chooser._cue_votes, packs._WorldWords.evidence

    def counted_cues(self, text):
        calls["cues", text] += 1
        return cues(self, text)

    def counted_evidence(self, text, excluded):
        calls["evidence", text] += 1
        return evidence(self, text, excluded)

    monkeypatch.setattr(packs._Chooser, "_cue_votes", counted_cues)
    monkeypatch.setattr(packs._WorldWords, "evidence", counted_evidence)
    return calls


def test_a_batch_and_its_articles_read_each_texts_cue_words_once(monkeypatch):
    default = packs.majority(BATCH)
    chosen_before = [packs.choose(t, default=default).name for t in BATCH]
    packs._chooser(tuple(packs.names()))._cues.clear()
    calls = _counting(monkeypatch)
    default = packs.majority(BATCH)
    assert [packs.choose(t, default=default).name for t in BATCH] == chosen_before
    assert all(calls["cues", t] == 1 for t in BATCH)


def test_a_text_using_cue_words_is_not_searched_for_countries_no_pack_knows(monkeypatch):
    calls = _counting(monkeypatch)
    packs.majority(BATCH)
    for t in BATCH:
        packs.choose(t)
    assert not any(calls["evidence", t] for t in WITH_CUES)
