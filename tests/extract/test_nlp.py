"""The spaCy pipeline's sentence spans and the process settings it is loaded with."""
from __future__ import annotations

import sys

import pytest

from warwire.extract.nlp import DROP, SHARED, _inside, _listens, keep_freed_memory, load_nlp, sentence_spans


def test_sentence_spans_from_the_text_given_match_those_from_the_doc():
    text = ("DAMASCUS (Reuters) - Shells hit Douma on Monday.\nFive people died, a monitor said. "
            "Residents fled  to nearby farms.\n\nThe army denied it.")
    doc = load_nlp()(text)
    spans = sentence_spans(doc, text)
    assert spans == sentence_spans(doc)
    assert [text[s:e] for s, e in spans][:2] == ["DAMASCUS (Reuters) - Shells hit Douma on Monday.",
                                                 "Five people died, a monitor said."]


def test_the_allocator_keeps_freed_memory_unless_the_user_set_it(monkeypatch):
    keep_freed_memory.cache_clear()
    try:
        monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "131072")
        assert keep_freed_memory() is False
        keep_freed_memory.cache_clear()
        monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_")
        monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
        kept = keep_freed_memory()
        if sys.platform.startswith("linux"):
            import platform

            if platform.libc_ver()[0] == "glibc":
                assert kept is True
        else:
            assert kept is False
    finally:
        keep_freed_memory.cache_clear()


def test_the_shared_embedding_is_left_out_only_where_nothing_kept_listens_to_it():
    import spacy

    nlp = load_nlp()
    name = nlp.meta["lang"] + "_" + nlp.meta["name"]
    full = spacy.load(name)
    assert _listens(full)  # the tagger and parser read the shared layer
    assert not _listens(nlp) and SHARED not in nlp.pipe_names
    # The sentences are those of the pipeline with the shared layer loaded.
    with_shared = spacy.load(name, exclude=DROP)
    with_shared.enable_pipe("senter")
    assert SHARED in with_shared.pipe_names
    text = ("Warplanes struck the market of a town in the north on Monday, killing five people. A monitor said "
            "the toll could rise. Residents fled to farms nearby; others stayed. The army denied it on Tuesday.")
    assert sentence_spans(nlp(text), text) == sentence_spans(with_shared(text), text)


def test_the_tokenizer_is_the_models_own():
    import spacy

    nlp = load_nlp()
    name = nlp.meta["lang"] + "_" + nlp.meta["name"]
    plain = spacy.load(name, exclude=[*DROP, SHARED])
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    text = "U.S.-backed forces didn't enter al-Bab's old city; 3km away, shells hit e.g. the co-op at 5:30 p.m."
    assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in plain.tokenizer(text)]


# A fresh interpreter: spaCy imported through the extractor, its command line left out until used.
_FRESH = """
import sys
from warwire.extract.nlp import load_nlp
load_nlp()
print(sorted(m for m in ("weasel", "httpx", "spacy.cli.download") if m in sys.modules))
import spacy
from spacy.cli import download
print(callable(download), callable(spacy.info), "weasel" in sys.modules)
import spacy.cli.info
real = type(sys.modules["spacy.cli"]) is type(sys) and type(sys.modules["spacy.cli.info"]) is type(sys)
print(real, spacy.cli is sys.modules["spacy.cli"], spacy.cli.info is sys.modules["spacy.cli.info"].info,
      isinstance(spacy.info(), dict))
"""


def test_spacys_command_line_is_imported_only_when_used():
    import subprocess

    out = subprocess.run([sys.executable, "-c", _FRESH], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    # Before use: no command line. After: the real modules, in sys.modules and as spacy's attributes.
    assert out.stdout.split("\n")[:3] == ["[]", "True True True", "True True True True"]


def test_sentence_pieces_split_at_hard_breaks_and_trimmed_of_any_white_space():
    """``_split_lines`` gives the pieces between hard line breaks, each without the white space at its ends (every
    character ``isspace`` tells, Unicode's too), and no piece that is only white space: checked against a plain
    reading of that rule on random strings."""
    import random

    from warwire.extract.nlp import _HARD_BREAK, _split_lines

    def trimmed(text, s, e):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e

    def expected(text, start, end):
        cuts = [(m.start(), m.end()) for m in _HARD_BREAK.finditer(text, start, end)]
        bounds = [start] + [b for cut in cuts for b in cut] + [end]
        return [trimmed(text, s, e) for s, e in zip(bounds[::2], bounds[1::2]) if text[s:e].strip()]

    rng = random.Random(5)
    chars = ["a", "B", " ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "\x85", '"', "“", "'", "\r", "\u200b"]
    for _ in range(20000):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 14)))
        s = rng.randrange(0, len(text) + 1)
        e = rng.randrange(s, len(text) + 1)
        assert _split_lines(text, s, e) == expected(text, s, e), (text, s, e)
    assert _split_lines("  One line.\n\nTwo\u00a0", 0, 17) == [(2, 11), (13, 16)]


def test_a_process_that_loads_the_extractor_collects_its_youngest_objects_less_often():
    import subprocess

    code = ("import gc; from warwire.extract.nlp import load_nlp; before = gc.get_threshold()[0]; load_nlp(); "
            "print(before, gc.get_threshold()[0])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    from warwire.extract.nlp import YOUNG_COLLECTION

    before, after = map(int, out.stdout.split())
    assert before < YOUNG_COLLECTION and after == YOUNG_COLLECTION  # (Python's default is 700 in 3.11)


def test_collecting_less_often_leaves_a_turned_off_or_rarer_collection_as_it_is():
    import gc

    from warwire.extract.nlp import YOUNG_COLLECTION, collect_less_often

    before = gc.get_threshold()
    try:
        for young, expected in ((0, 0), (700, YOUNG_COLLECTION), (YOUNG_COLLECTION * 2, YOUNG_COLLECTION * 2)):
            gc.set_threshold(young, 10, 10)
            collect_less_often()
            assert gc.get_threshold() == (expected, 10, 10)
    finally:
        gc.set_threshold(*before)


@pytest.mark.parametrize("text", [
    "A car bomb exploded near the market of Deir al- Zor city killing six people on Friday.",
    "Army units destroyed a gathering of gunmen in al- Qaryatain in the desert east of Homs.",
    "Shells hit el- Tal town north of Damascus on Monday killing a child.",
])
def test_a_sentence_is_not_broken_after_an_arabic_article_written_apart_from_its_name(text):
    assert [text[s:e] for s, e in sentence_spans(load_nlp()(text), text)] == [text]


def test_a_name_whose_hyphen_stands_apart_from_its_article_is_one_sentence():
    text = "Clashes erupted near Harasta. Al -Rahman Corps fighters stormed an army post."
    at = text.index("-Rahman")
    assert _inside(text, text.index("Al -"), at)
    assert not _inside(text, 0, text.index("Al -"))  # a break before the article stays
    assert not _inside(text, 0, text.index("Harasta"))


def test_a_hyphened_first_word_is_never_cut_at_its_hyphen():
    # The senter may break "Pro-Hadi" before its hyphen when a note starts with it: the side named is lost.
    text = "Pro-Hadi forces clashed with Houthis in Nihm district on Friday."
    assert _inside(text, 0, text.index("-Hadi"))
    assert not _inside(text, 0, text.index(" forces"))
    assert all(text[s:s + 1] != "-" for s, e in sentence_spans(load_nlp()(text), text))
