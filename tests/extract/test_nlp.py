"""The spaCy pipeline's sentence spans and the process settings it is loaded with."""
from __future__ import annotations

import sys

import pytest

from warwire.extract.nlp import keep_freed_memory, load_nlp, sentence_spans


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
