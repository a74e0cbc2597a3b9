"""Compile the regular-expression lists of the knowledge files into one pattern each.

Every list (triggers, actor aliases, claimants, lexicon words) becomes a single
alternation, so one ``finditer`` over an article finds all its mentions. Each
alternative is a named group ``g<n>``; ``Alternation.key(match)`` gives back the
value it was registered with. Alternatives are tried longest pattern first, so
"Syrian government warplanes" wins over "government". Aliases written in
capitals only ("IS", "SDF") match case-sensitively, everything else ignores case.

Speed: a single alternation of hundreds of patterns is tried at every character
of a text, which costs tens of milliseconds per article. So the alternatives are
also grouped by the letters they can start with, and the text is scanned word
start by word start. The word starts of a text are found once for all the
lists with the first six characters of the text at each (lower-cased, spaces and
the next word included); a list visits only the words whose first characters
begin one of its patterns ("the sy", "the re", "syrian", "regime" for
"(?:the )?(?:Syrian )?regime": "the city" is passed over). Which lists a word's
first characters select is found for every list in use in one pass over the
text's words (each such head looked up once for all texts, by its beginnings,
in one index of every list's keys), not by each list again. At each word a list
tries only
the patterns that can begin there, in the alternation's order (where a word's
first characters are not plain ASCII, the group of the patterns its first letter
may start). What a pattern can start with is read from its
source by ``prefixes`` below, a small reader of the regular-expression syntax
the knowledge files use; a list with a pattern it cannot read is scanned with
the single alternation.

A list's regular expressions are compiled when first used, and the parse that compiling begins with is
Python code (about a third of a millisecond an alternative, 800 alternatives over a batch of articles): a list
written to the knowledge cache takes along what the parser made of each (``Program``), so a process that reads
it back builds each pattern in C, the same pattern ``re.compile`` would give.
"""
from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_left
from collections import OrderedDict
from itertools import accumulate, compress, count, groupby
from operator import methodcaller
from typing import Any, Iterator

_WORD_START = re.compile(r"(?<![\w'’-])[^\W_]|[\"“]")
# The same starts, found faster: a run of word characters (apostrophes and hyphens included) begins a word
# where its first character is a letter or digit; the look-behind above, tried at every character, costs
# more than a match per run. The runs are found as the pieces the text splits into (``_word_starts``).
_RUNS_APART = re.compile(r"([\w'’-]+|[\"“])")
# Where a run begins with what begins no word (a spaced dash, an opening single quote): the character class
# first, so the engine skips to those characters, then the look-behind for a character that would continue a run.
_NOT_A_START_RUN = re.compile(r"[_'’-](?<![\w'’-][_'’-])")
_start = methodcaller("start")
ANY = None  # a character class that may be any character
DIGIT = "\\d"  # any digit, among the characters ``first_chars(..., digits=True)`` gives


def _case_sensitive(pattern: str) -> bool:
    letters = re.sub(r"\\.|\(\?[:!=<]+|[^A-Za-z]", "", pattern)
    return bool(letters) and letters.isupper() and len(letters) <= 6


# --- what a pattern can start with ----------------------------------------------------------------

class _Unreadable(Exception):
    """A construct ``prefixes`` does not read (a backreference, a conditional ...)."""


_ESCAPE_ANY = set("wWsSdD")
_ESCAPE_ZERO = set("bBAZ")
_ESCAPE_CHAR = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}


class _Reader:
    """Recursive descent over a regex source: sequences of (atom, min, max) items.

    An atom is ("chars", set of lower-case characters or ANY), ("group", [sequence, ...]) or
    ("zero",) for what matches no character (lookarounds, anchors, word boundaries).
    """

    def __init__(self, src: str, digits: bool = False) -> None:
        self.src, self.i = src, 0
        self.digits = digits  # read ``\d`` (outside a class) as ``DIGIT``, not as any character

    def peek(self) -> str:
        return self.src[self.i] if self.i < len(self.src) else ""

    def take(self) -> str:
        ch = self.peek()
        self.i += 1
        return ch

    def alternatives(self) -> list[list]:
        alts = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            alts.append(self.sequence())
        return alts

    def sequence(self) -> list:
        items = []
        while self.peek() not in ("", "|", ")"):
            atom = self.atom()
            lo, hi = self.quantifier()
            items.append((atom, lo, hi))
        return items

    def quantifier(self) -> tuple[int, float]:
        ch = self.peek()
        if ch in ("?", "*", "+"):
            self.i += 1
            lo, hi = {"?": (0, 1), "*": (0, float("inf")), "+": (1, float("inf"))}[ch]
        elif ch == "{" and re.match(r"\{\d*(?:,\d*)?\}", self.src[self.i:]):
            body = self.src[self.i + 1:self.src.index("}", self.i)]
            self.i += len(body) + 2
            a, _, b = body.partition(",")
            lo = int(a or 0)
            hi = float("inf") if "," in body and not b else int(b or a)
        else:
            return 1, 1
        if self.peek() in ("?", "+"):  # lazy or possessive: the same characters
            self.i += 1
        return lo, hi

    def atom(self) -> tuple:
        ch = self.take()
        if ch == "(":
            return self.group()
        if ch == "[":
            return ("chars", self.char_class())
        if ch == "\\":
            return self.escape(self.take())
        if ch == ".":
            return ("chars", ANY)
        if ch in ("^", "$"):
            return ("zero",)
        if ch in ("*", "+", "?", "{", ""):
            raise _Unreadable(ch)
        return ("chars", {ch.lower()})

    def escape(self, ch: str) -> tuple:
        if ch == "d" and self.digits:
            return ("chars", {DIGIT})
        if ch in _ESCAPE_ANY:
            return ("chars", ANY)
        if ch in _ESCAPE_ZERO:
            return ("zero",)
        if ch.isdigit() or ch.isalpha() and ch not in _ESCAPE_CHAR:
            raise _Unreadable("\\" + ch)  # backreferences, \N{...}, \x.., \u....
        return ("chars", {_ESCAPE_CHAR.get(ch, ch).lower()})

    def group(self) -> tuple:
        if self.peek() != "?":
            alts = self.alternatives()
        else:
            self.i += 1
            kind = self.take()
            if kind == "P" and self.peek() == "<":
                self.i = self.src.index(">", self.i) + 1
                alts = self.alternatives()
            elif kind in ("=", "!") or kind == "<" and self.peek() in ("=", "!"):
                if kind == "<":
                    self.i += 1
                self.alternatives()  # read and dropped: a lookaround matches no character
                self._close()
                return ("zero",)
            elif kind == ":":
                alts = self.alternatives()
            elif kind.isalpha() or kind == "-":  # flags: (?i) or (?i:...)
                flags = kind
                while self.peek() not in (":", ")", ""):
                    flags += self.take()
                if self.take() == ")":
                    return ("zero",)
                alts = self.alternatives()
            else:
                raise _Unreadable("(?" + kind)
        self._close()
        return ("group", alts)

    def _close(self) -> None:
        if self.take() != ")":
            raise _Unreadable("unclosed group")

    def char_class(self) -> set[str] | None:
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        chars: set[str] = set()
        wide = False
        first = True
        while True:
            ch = self.take()
            if ch == "":
                raise _Unreadable("unclosed class")
            if ch == "]" and not first:
                break
            first = False
            if ch == "\\":
                e = self.take()
                if e in _ESCAPE_ANY:
                    wide = True
                    continue
                if e.isalnum() and e not in _ESCAPE_CHAR:
                    raise _Unreadable("\\" + e)
                ch = _ESCAPE_CHAR.get(e, e)
            if self.peek() == "-" and self.src[self.i + 1:self.i + 2] not in ("]", ""):
                self.i += 1
                hi = self.take()
                if hi == "\\":
                    hi = self.take()
                if ord(hi) - ord(ch) >= 80:
                    wide = True
                    continue
                chars |= {chr(c).lower() for c in range(ord(ch), ord(hi) + 1)}
            else:
                chars.add(ch.lower())
        return ANY if negated or wide else chars


def _seq_prefixes(seq: list, k: int) -> set[tuple]:
    """The first ``k`` characters of the matches of a sequence, as tuples of character sets (shorter
    tuples: the match may end there)."""
    out = {()}
    for atom, lo, hi in seq:
        out = _extend(out, atom, lo, hi, k)
    return out


def _atom_prefixes(atom: tuple, k: int) -> set[tuple]:
    if atom[0] == "zero":
        return {()}
    if atom[0] == "chars":
        return {(frozenset(atom[1]) if atom[1] is not ANY else ANY,)}
    out: set[tuple] = set()
    for seq in atom[1]:
        out |= _seq_prefixes(seq, k)
    return out


def _extend(prefixes: set[tuple], atom: tuple, lo: int, hi: float, k: int) -> set[tuple]:
    parts = _atom_prefixes(atom, k)
    if () in parts and atom[0] != "zero":
        raise _Unreadable("a repeated part that may match nothing")
    out: set[tuple] = set()
    current = prefixes
    reps = 0
    while True:
        if reps >= lo:
            out |= current
        if reps >= hi or reps >= lo and all(len(p) >= k for p in current) or reps > k + lo:
            break
        current = {p if len(p) >= k else (p + q)[:k] for p in current for q in parts}
        reps += 1
    return out


def prefixes(regex: str, k: int = 2, digits: bool = False) -> set[tuple] | None:
    """The first ``k`` characters a match of ``regex`` can begin with, as tuples of sets of lower-case
    characters (ANY: any character; a shorter tuple: the match may end there); None when unreadable.
    ``digits``: ``\\d`` is read as ``DIGIT`` (any digit), not as any character."""
    try:
        reader = _Reader(regex, digits)
        alts = reader.alternatives()
        if reader.i != len(regex):
            raise _Unreadable("unbalanced )")
        return _atom_prefixes(("group", alts), k)
    except (_Unreadable, ValueError, IndexError):
        return None


def first_chars(regex: str, digits: bool = False) -> set[str] | None:
    """Lower-cased characters a match of ``regex`` can begin with; None when that is not known. ``digits``: a
    match that may begin with any digit (``\\d``) has ``DIGIT`` among them (else such a start is not known)."""
    found = prefixes(regex, 1, digits)
    if found is None or () in found or any(p[0] is ANY for p in found):
        return None
    return set().union(*(p[0] for p in found))


def led_by_first_letters(source: str) -> str:
    """``source`` behind a case-blind look-ahead for the letters its matches can begin with, for a pattern searched
    over whole texts that begins with a look-behind, a word boundary or a case-blind alternation (the engine
    finds no prefix of its own to skip to, and enters every alternative at every character): most characters are
    then left after one test. The same matches (the look-ahead admits every letter a match may begin with, in
    either case); ``source`` as it is when what its matches begin with is not known or not all letters."""
    chars = first_chars(source)
    if not chars or not all(ch.isalpha() for ch in chars):
        return source
    return "(?i:(?=[" + "".join(map(re.escape, sorted(chars))) + "]))" + source


KEY = 6  # how many first characters of a word (spaces and the next word's letters included) select the
# alternatives worth trying there: with 3, "the" was a candidate for every pattern that may begin
# "(?:the )?", and four tries in five failed; with 6, "the ci" is told from "the re"(gime)
_PRODUCT_CAP = 2000  # more combinations than this: the pattern is selected by fewer characters


def starting_keys(regex: str) -> tuple[set[str], ...] | None:
    """The lower-case starts of ``regex``'s matches as strings of ``KEY``, ``KEY`` - 1, ... 1 characters (a
    shorter one: the match may end, or go on with any character, after it); None when unknown."""
    found = prefixes(regex, KEY)
    if found is None:
        return None
    keys: tuple[set[str], ...] = tuple(set() for _ in range(KEY))
    for p in found:
        if not p or p[0] is ANY:
            return None
        n = next((i for i, chars in enumerate(p) if chars is ANY), len(p))
        while n > 1 and (not all(c.isascii() for chars in p[1:n] for c in chars)
                         or _product_size(p[:n]) > _PRODUCT_CAP):
            n -= 1
        combos = [""]
        for chars in p[:n]:
            combos = [c + x for c in combos for x in chars]
        keys[KEY - n].update(combos)
    return keys


def _product_size(sets) -> int:
    size = 1
    for chars in sets:
        size *= len(chars)
    return size


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")

try:  # the engine's compiler, whose parser (Python code) is what compiling a pattern mostly costs
    import _sre
    from re import _compiler as _sre_compiler, _parser as _sre_parser
except ImportError:  # pragma: no cover - a Python whose ``re`` is built otherwise: patterns compiled from source
    _sre = None

# The engine's code as kept in a cache file: one machine word an instruction.
_CODE_TYPE = next((t for t in "IL" if array(t).itemsize == getattr(_sre, "CODESIZE", 0)), None)

# What ``re.compile`` hands the engine: (engine magic, flags, code, groups, group index, index group).
Program = tuple


def program(source: str, flags: int = 0) -> Program | None:
    """What ``re.compile(source, flags)`` hands the engine, made now, to be kept in the knowledge cache (with a
    list, or for a pattern the cache holds); None where this Python's ``re`` is not built so."""
    if _sre is None or _CODE_TYPE is None:
        return None
    try:
        parsed = _sre_parser.parse(source, flags)
        code = _sre_compiler._code(parsed, flags)
        state = parsed.state
        index_group: list[str | None] = [None] * state.groups
        for name, i in state.groupdict.items():
            index_group[i] = name
        return (_sre.MAGIC, state.flags, array(_CODE_TYPE, code), state.groups - 1, dict(state.groupdict),
                tuple(index_group))
    except Exception:  # noqa: BLE001 - an engine changed under us: the pattern is compiled from source
        return None


def built(source: str, made: Program | None) -> re.Pattern | None:
    """The pattern ``made`` (``program(source, flags)``) describes, built in C, the same object ``re.compile``
    makes; None when there is no program, this Python's engine did not make it, or the engine refuses it."""
    if made is not None and _sre is not None and made[0] == _sre.MAGIC:
        try:
            return _sre.compile(source, made[1], made[2].tolist(), made[3], made[4], made[5])
        except Exception:  # noqa: BLE001 - a damaged or foreign program
            pass
    return None


def pattern_from(source: str, flags: int, made: Program | None) -> re.Pattern:
    """``re.compile(source, flags)``, built in C from ``program(source, flags)`` when this Python's engine made it
    (a pattern read back from the knowledge cache), else compiled from its source."""
    pattern = built(source, made)
    return re.compile(source, flags) if pattern is None else pattern


def from_program(source: str, made: Program | None) -> re.Pattern:
    """``re.compile(source)``, built from ``program(source)`` (``pattern_from``)."""
    return pattern_from(source, 0, made)


def _word_starts(text: str) -> list[int]:
    """The offsets of ``text``'s word starts (``_WORD_START``'s matches): the starts of its runs (``_RUNS_APART``) but
    those that begin with an apostrophe, a hyphen or an underscore.

    The runs' starts are summed from the lengths of the pieces the text splits into around them (gap, run, gap,
    run ... gap), in C: a match object per run, and a test of its first character, cost a quarter more. The few
    runs that begin no word are then found by their first character and taken out."""
    starts = list(accumulate(map(len, _RUNS_APART.split(text))))[0:-1:2]
    for bad in reversed(list(map(_start, _NOT_A_START_RUN.finditer(text)))):
        del starts[bisect_left(starts, bad)]
    return starts


class _Starts:
    """A text's word starts, found once for every list: their offsets and first letters (lower-cased), the
    lower-cased first ``KEY`` characters of the text at each (its head), and, made at the first list's question by
    one pass over the heads, the words every list in use is tried at (``candidates``).

    A word whose 2nd or 3rd character is not ASCII is tried by every list; one whose first non-ASCII
    character comes later has its head cut before it ("syria" of "Syria’s") and is tried by the lists with
    a key that begins with what is left, or that what is left begins (a pattern's keys are ASCII after their
    first character, but a case-blind match may meet a non-ASCII character that folds to an ASCII one).

    Few containers per text: the texts of a batch stay in memory, and every list, dict or set among them is
    walked by each full garbage collection (the pass's word indexes are kept in tuples, which it is not).
    """

    __slots__ = ("text", "positions", "firsts", "heads", "cut", "always", "plain", "found", "generation")

    def __init__(self, text: str) -> None:
        self.text = text
        positions = self.positions = _word_starts(text)
        low = text.lower()
        if len(low) != len(text):  # a letter lower-cased into two: offsets differ, lower-case word by word
            self.firsts = [text[p].lower() for p in positions]
            heads = [text[p:p + KEY].lower()[:KEY] for p in positions]
        else:
            self.firsts = [low[p] for p in positions]
            heads = [low[p:p + KEY] for p in positions]
        self.always: list[int] = []  # words whose 2nd or 3rd character is not ASCII: tried by every list
        cut: set[str] = set()  # heads cut at a non-ASCII character
        if not text.isascii():
            for i, head in enumerate(heads):
                if not head.isascii():
                    at = _NOT_ASCII.search(head, 1)
                    if at is None:
                        continue
                    if at.start() < 3:
                        self.always.append(i)
                        heads[i] = ""  # a key is never empty: found only as always tried
                    else:
                        heads[i] = head[:at.start()]
                        cut.add(heads[i])
        self.cut = frozenset(cut)
        self.heads = heads  # in the text's order
        # Each word's head where it is all ASCII and whole (the alternatives worth trying there are known
        # from it), else None (the first letter's group is tried).
        self.plain = heads if not self.always and not cut else \
            [None if h in cut or not h else h for h in heads]
        self.found: dict[int, tuple[int, ...]] | None = None  # a list's number -> the words it is tried at
        self.generation = -1  # the lists in use when ``found`` was made

    def candidates(self, keys: tuple[frozenset[str], ...]) -> tuple[int, ...]:
        """The indexes of the word starts whose first characters begin some match of a list (given by its keys:
        the lists with the same keys are tried at the same words), in order."""
        number = _LISTS.number(keys)
        if self.generation != _LISTS.generation:
            self._pass()
        return self.found.get(number, ())

    def _pass(self) -> None:
        """The words of every list in use, in one pass over the text's heads: each head's lists are those with a
        key that begins it (looked up once per head for all texts, by its beginnings, in ``_LISTS``)."""
        lists = _LISTS
        generation = lists.generation  # (read first: a list numbered meanwhile, in another thread, makes it stale)
        memo, of_head, heads = lists.by_head, lists.of_head, self.heads
        # Each word's lists, looked up in C (map) where no head is cut; a head not met before (None) is looked up
        # by its beginnings. Most words begin no list's key (an empty tuple): the loop below visits only the others.
        cut = self.cut
        numbers_of = [lists.of_cut(h) if h in cut else memo.get(h) for h in heads] if cut else \
            list(map(memo.get, heads))
        if None in numbers_of:
            for i, numbers in enumerate(numbers_of):
                if numbers is None:
                    numbers_of[i] = of_head(heads[i])
        found: dict[int, list[int]] = {}
        for i in compress(count(), numbers_of):
            for n in numbers_of[i]:
                words = found.get(n)
                if words is None:
                    found[n] = [i]
                else:
                    words.append(i)
        self.found = {n: tuple(words) for n, words in found.items()}
        self.generation = generation


class _ListIndex:
    """The lists read by word starts, each numbered at its first question (by its keys), and which of them a head
    selects: the one pass over a text (``_Starts._pass``) asks here, not each list over again."""

    MAX_HEADS = 200_000  # heads of many texts remembered: past this the memory is given back

    def __init__(self) -> None:
        self.numbers: dict[tuple, int] = {}  # a list's keys -> its number
        self.by_key: dict[str, set[int]] = {}  # a key -> the lists it belongs to
        self.by_cut: dict[str, set[int]] = {}  # a beginning (3 to KEY - 1 characters) of a longer key -> its lists
        self.by_head: dict[str, tuple[int, ...]] = {"": ()}  # a head -> its lists ("": a word every list tries)
        self.by_cut_head: dict[str, tuple[int, ...]] = {}
        self.generation = 0  # counts the lists numbered: a text's pass made before the last one is made again
        self._lock = threading.Lock()

    def number(self, keys: tuple[frozenset[str], ...]) -> int:
        found = self.numbers.get(keys)
        if found is None:
            with self._lock:  # threads reading texts at once (a Dask worker's) number each list once
                return self._add(keys)
        return found

    def _add(self, keys: tuple[frozenset[str], ...]) -> int:
        found = self.numbers.get(keys)
        if found is None:
            # The list's number is given out last, once the heads can find it and the texts' passes are stale.
            found = len(self.numbers)
            for level in keys:
                for k in level:
                    self.by_key.setdefault(k, set()).add(found)
                    for n in range(3, len(k)):
                        self.by_cut.setdefault(k[:n], set()).add(found)
            self.by_head = {"": tuple(range(found + 1))}
            self.by_cut_head = {}
            self.generation += 1
            self.numbers[keys] = found
        return found

    # A head's lists are remembered in the memo in place when the lookup began: a list numbered meanwhile (in
    # another thread) puts in a new memo, which the lookup's answer, made without that list, must not enter.

    def of_head(self, head: str) -> tuple[int, ...]:
        """The lists with a key that begins ``head``."""
        memo = self.by_head  # (read before the lists: see above)
        if len(memo) > self.MAX_HEADS:
            with self._lock:  # not over a memo a list was numbered into meanwhile
                if self.by_head is memo:
                    self.by_head = {"": memo[""]}
            memo = self.by_head
        by_key = self.by_key
        chosen: set[int] = set()
        for n in range(1, len(head) + 1):
            got = by_key.get(head[:n])
            if got:
                chosen |= got
        found = memo[head] = tuple(sorted(chosen))
        return found

    def of_cut(self, head: str) -> tuple[int, ...]:
        """The lists with a key that begins ``head``, a head cut at a non-ASCII character, or that it begins."""
        memo = self.by_cut_head
        found = memo.get(head)
        if found is None:
            if len(memo) > self.MAX_HEADS:
                with self._lock:
                    if self.by_cut_head is memo:
                        self.by_cut_head = {}
                memo = self.by_cut_head
            found = memo[head] = tuple(sorted({*self.of_head(head), *self.by_cut.get(head, ())}))
        return found


_LISTS = _ListIndex()


# The word starts of the last texts read: an article's batch is scanned for event words first, then
# article by article, its title between its body's lists.
# (An ordered dict: the oldest goes in one step, where a plain dict's first key is found by walking the slots
# its deleted keys leave.)
_RECENT: OrderedDict[int, _Starts] = OrderedDict()
_RECENT_SIZE = 160


def _starts_of(text: str) -> _Starts:
    found = _RECENT.get(id(text))
    if found is None or found.text is not text:
        if len(_RECENT) >= _RECENT_SIZE:
            _RECENT.popitem(last=False)
        found = _RECENT[id(text)] = _Starts(text)
    return found


class Alternation:
    """One pattern over many (regex, value) pairs.

    The regular expressions are compiled when first used (``pattern``, the group of a first letter, an
    alternative), not when the lists are loaded: compiling every group of every list took a fifth of a
    second at each start, and a short run reads few first letters.

    At a word whose head (first ``KEY`` characters, lower-cased) is plain ASCII, only the alternatives
    with a key that begins the head are tried, one by one in their order, each with the alternation's
    look-ahead: the first that matches is what the alternation would match there (it tries its branches
    in that order, and nothing follows them but the look-ahead). A group of hundreds of branches costs
    its every branch at each word it is tried at; a word's one or two alternatives cost a few.
    """

    __slots__ = ("source", "values", "group_sources", "keys", "parts", "key_parts", "_pattern", "_groups",
                 "_parts", "_by_head", "programs")

    def __init__(self, source: str, values: dict[str, Any], group_sources: dict[str, str] | None = None,
                 keys: tuple[frozenset[str], ...] = (frozenset(),) * KEY, parts: list[str] | None = None,
                 key_parts: dict[str, tuple[int, ...]] | None = None, programs: dict | None = None) -> None:
        self.source = source  # the single alternation of every pattern
        self.values = values
        self.group_sources = group_sources or {}  # first letter -> the alternation of the patterns it may start
        # The starts (KEY, KEY - 1, ... 1 lower-case characters) of the words where some alternative may match.
        self.keys = keys
        self.parts = parts or []  # the alternatives, in the alternation's order
        self.key_parts = key_parts or {}  # a key -> the alternatives (indexes in ``parts``) it may begin
        self._pattern: re.Pattern | None = None
        self._groups: dict[str, re.Pattern] = {}
        self._parts: list = [None] * len(self.parts)  # the compiled alternatives' ``match`` (None: not yet)
        # A head -> the alternatives worth trying there (indexes: tuples of numbers, which the collector does
        # not walk).
        self._by_head: dict[str, tuple[int, ...]] = {}
        # What the parser makes of the patterns the scan compiles (``program``), once the list has been written to
        # the knowledge cache: "pattern", "groups" (a first letter's) and "parts" (an alternative's, with the
        # look-ahead the scan adds).
        self.programs = programs

    def __getstate__(self):
        if self.programs is None:  # made once, when the list is first written (the knowledge cache)
            self.programs = {"pattern": None if self.group_sources else program(self.source),
                             "groups": {ch: program(src) for ch, src in self.group_sources.items()},
                             "parts": [program(self._part_source(j)) for j in range(len(self.parts))]}
        return self.source, self.values, self.group_sources, self.keys, self.parts, self.key_parts, self.programs

    def __setstate__(self, state) -> None:
        self.__init__(*state)

    def _part_source(self, j: int) -> str:
        return rf"{self.parts[j]}(?![\w’-])"

    def _made(self, kind: str, key: Any = None) -> Program | None:
        """The kept ``program`` of the scan's pattern of ``kind`` (None when there is none)."""
        programs = self.programs
        if programs is None:
            return None
        made = programs[kind]
        if key is None:
            return made
        return made.get(key) if kind == "groups" else made[key] if key < len(made) else None

    def _tried_at(self, head: str) -> tuple[int, ...]:
        """The alternatives with a key that begins ``head``, in order (compiled now if they were not)."""
        key_parts = self.key_parts
        chosen: set[int] = set()
        for n in range(1, len(head) + 1):
            found = key_parts.get(head[:n])
            if found:
                chosen.update(found)
        for j in chosen:
            if self._parts[j] is None:
                self._parts[j] = from_program(self._part_source(j), self._made("parts", j)).match
        if len(self._by_head) > 50_000:  # heads of many texts: keep the memory bounded
            self._by_head.clear()
        found = self._by_head[head] = tuple(sorted(chosen))
        return found

    @property
    def pattern(self) -> re.Pattern:
        """The single alternation, compiled."""
        if self._pattern is None:
            self._pattern = from_program(self.source, self._made("pattern"))
        return self._pattern

    @property
    def by_first(self) -> dict[str, re.Pattern]:
        """The alternation of the patterns each first letter may start, compiled (every letter)."""
        for ch in self.group_sources:
            self._group(ch)
        return self._groups

    def _group(self, first: str) -> re.Pattern | None:
        pat = self._groups.get(first)
        if pat is None:
            source = self.group_sources.get(first)
            if source is None:
                return None
            pat = self._groups[first] = from_program(source, self._made("groups", first))
        return pat

    def key(self, match: re.Match) -> Any:
        return self.values[match.lastgroup]

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        """Non-overlapping matches in ``text[pos:endpos]``, leftmost first."""
        endpos = len(text) if endpos is None else endpos
        if not self.group_sources:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        groups, group = self._groups, self._group
        words = _starts_of(text)
        positions, firsts = words.positions, words.firsts
        plain = words.plain if self.key_parts else None
        by_head, tried_at, compiled = self._by_head, self._tried_at, self._parts
        nxt = pos
        for i in words.candidates(self.keys):
            p = positions[i]
            if p < nxt:
                continue
            if p >= endpos:
                break
            head = plain[i] if plain is not None else None
            if head is not None:
                found = by_head.get(head)
                if found is None:
                    found = tried_at(head)
                for j in found:
                    m = compiled[j](text, p, endpos)
                    if m:
                        nxt = m.end()
                        yield m
                        break
                continue
            first = firsts[i]
            pat = groups.get(first) or group(first)
            if pat is None:
                continue
            m = pat.match(text, p, endpos)
            if m:
                nxt = m.end()
                yield m


def words_by_first_letter(words: list[str]) -> str:
    """An alternation of plain ``words`` (in the order given, e.g. longest first), each letter's words behind that
    letter ("a(?:nother|bout)|t(?:en|wo)"): at a word the engine tries one letter's words, not all of them.

    Words of one length next to each other are put in alphabetical order (``_ties_in_order``): the same
    matches, and the same source whatever order a set gave them in (see there)."""
    return "|".join(re.escape(f) + "(?:" + "|".join(re.escape(w[1:]) for w in _ties_in_order(words, f)) + ")"
                    for f in sorted({w[0] for w in words}))


def _ties_in_order(words: list[str], first: str) -> list[str]:
    """The ``words`` that begin with ``first``, in their order but each run of words of one length alphabetical.

    Two different plain words of one length never match at the same place, so their order in an alternation
    changes no match; but a list sorted longest first from a set ("sorted(set, key=len)") orders them as the set
    does, which differs from process to process (strings hash anew in each), and so would the pattern's source:
    each process would compile it from its source and write it to the kept programs again
    (``knowledge.programs``), never finding the one the last process kept."""
    mine = [w for w in words if w[0] == first]
    return [w for _, run in groupby(mine, key=len) for w in sorted(run)]


def by_first_letter(regexes: list[str]) -> str | None:
    """The alternation ``compile_alternation`` makes of ``regexes`` (longest first, the same case rule, the same
    word boundaries), its alternatives grouped by the letters they begin with, each group behind a look-ahead for
    its letter, for a scan that only counts or locates matches (no named groups). At a word start, only the group
    of its first letter is tried, in the alternation's order; the others could not match there (an alternative
    that may begin with several letters is in each of their groups), so the match is the alternation's, found
    without trying every alternative at every word start that some one may begin. None when an alternative may
    begin with something other than an ASCII letter (then a look-ahead could not tell the groups apart)."""
    ordered = [r for _, r in sorted(enumerate(regexes), key=lambda p: (-len(p[1]), p[0]))]
    firsts = [first_chars(r) for r in ordered]
    if not ordered or any(f is None or not all(ch.isascii() and ch.isalpha() for ch in f) for f in firsts):
        return None
    letters = sorted(set().union(*firsts))
    groups = []
    for x in letters:
        alts = "|".join(f"{'(?:' if _case_sensitive(r) else '(?i:'}{r})" for r, f in zip(ordered, firsts) if x in f)
        groups.append(f"(?i:(?=[{x}]))(?:{alts})")
    # A word boundary, then the letters any alternative begins with, before the costlier look-behind.
    source = rf"\b(?i:(?=[{''.join(letters)}]))(?<![\w'’-])(?:{'|'.join(groups)})(?![\w’-])"
    try:
        re.compile(source)
    except re.error:  # a named group of an alternative, now in several letters' groups
        return None
    return source


def compile_alternation(pairs: list[tuple[str, Any]], where: str = "") -> Alternation:
    """One pattern matching any of ``pairs``' regexes on word boundaries; the value of the match is kept."""
    ordered = sorted(enumerate(pairs), key=lambda p: (-len(p[1][0]), p[0]))
    parts, values = [], {}
    for n, (_, (regex, value)) in enumerate(ordered):
        if not isinstance(regex, str):
            raise ValueError(f"{where}: pattern {regex!r} for {value!r} is not a string; "
                             "quote patterns that contain ': ' in the YAML file")
        try:
            re.compile(regex)
        except re.error as err:
            raise ValueError(f"{where}: bad pattern {regex!r} ({err}); fix it in the knowledge file") from err
        flag = "" if _case_sensitive(regex) else "(?i)"
        name = f"g{n}"
        parts.append(f"(?P<{name}>{'(?i:' if flag else '(?:'}{regex}))")
        values[name] = value
    body = "|".join(parts) or r"(?P<g0>(?!x)x)"
    source = rf"(?<![\w'’-])(?:{body})(?![\w’-])"
    firsts = [first_chars(regex) for _, (regex, _) in ordered]
    if any(f is None for f in firsts):
        return Alternation(source, values)  # cannot dispatch by first letter: scan with the single pattern
    letters = sorted(set().union(*firsts)) if firsts else []
    groups = {}
    for ch in letters:
        alts = [part for part, f in zip(parts, firsts) if ch in f]
        groups[ch] = rf"(?:{'|'.join(alts)})(?![\w’-])"
    keys: tuple[set[str], ...] = tuple(set() for _ in range(KEY))
    key_parts: dict[str, list[int]] = {}
    for j, (_, (regex, _)) in enumerate(ordered):
        found = starting_keys(regex)
        if found is None:  # unreadable beyond its first letter: every word it can start
            found = (*(set() for _ in range(KEY - 1)), first_chars(regex) or set())
        for mine, theirs in zip(keys, found):
            mine |= theirs
            for k in theirs:
                key_parts.setdefault(k, []).append(j)
    return Alternation(source, values, groups, tuple(frozenset(k) for k in keys), parts,
                       {k: tuple(js) for k, js in key_parts.items()})
