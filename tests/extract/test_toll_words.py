"""A clause's words, scanned in the clause alone, are the words the whole text's scan puts inside it."""
from __future__ import annotations

from warwire.extract.casualties import _TOKEN, TollReader, _within

TEXT = ("Pro-government forces shelled al-Bab on Tuesday; two brothers were killed. "
        "A second strike hit the Tal-Rifaat road's check-point, and ’local’ medics said 3 died!")


def _whole_scan(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return _within([m.span() for m in _TOKEN.finditer(text)], start, end)


def test_every_span_has_the_whole_scans_words():
    reader = TollReader(TEXT)
    for start in range(len(TEXT) + 1):
        for end in range(start, len(TEXT) + 1, 7):
            reader._words = None  # (as in a text whose clauses were not read before)
            assert reader._words_in(start, end) == _whole_scan(TEXT, start, end), (start, end)


def test_a_span_cut_inside_a_hyphenated_word_leaves_that_word_out():
    start = TEXT.index("government")  # inside "Pro-government"
    end = TEXT.index(";")
    words = TollReader(TEXT)._words_in(start, end)
    assert (start, start + len("government")) not in words
    assert [TEXT[s:e] for s, e in words] == ["forces", "shelled", "al-Bab", "on", "Tuesday"]

