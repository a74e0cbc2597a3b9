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
start by word start, trying only the group of that word's first letter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from re import _constants as C
from re import _parser as sre_parse
from typing import Any, Iterator

_WORD_START = re.compile(r"(?<![\w'’-])[^\W_]|[\"“]")


def _case_sensitive(pattern: str) -> bool:
    letters = re.sub(r"\\.|\(\?[:!=<]+|[^A-Za-z]", "", pattern)
    return bool(letters) and letters.isupper() and len(letters) <= 6


def _seq_firsts(seq) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any) and whether it can match empty."""
    out: set[str] = set()
    for op, av in seq:
        first, nullable = _item_firsts(op, av)
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _item_firsts(op, av) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return {chr(av).lower()}, False
    if op is C.IN:
        chars: set[str] = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                chars.add(chr(iav).lower())
            elif iop is C.RANGE and iav[1] - iav[0] < 80:
                chars |= {chr(c).lower() for c in range(iav[0], iav[1] + 1)}
            else:
                return None, False
        return chars, False
    if op is C.SUBPATTERN:
        return _seq_firsts(av[-1])
    if op is C.BRANCH:
        out, nullable = set(), False
        for branch in av[1]:
            first, n = _seq_firsts(branch)
            if first is None:
                return None, False
            out |= first
            nullable = nullable or n
        return out, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        first, n = _seq_firsts(av[2])
        return first, n or av[0] == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True
    return None, False


def first_chars(regex: str) -> set[str] | None:
    """Lower-cased characters a match of ``regex`` can begin with; None when that is not known."""
    try:
        first, nullable = _seq_firsts(sre_parse.parse(regex))
    except Exception:  # an unusual construct: try this pattern everywhere
        return None
    return None if nullable else first


@dataclass
class Alternation:
    """One compiled pattern over many (regex, value) pairs."""

    pattern: re.Pattern
    values: dict[str, Any] = field(default_factory=dict)
    by_first: dict[str, re.Pattern] = field(default_factory=dict)
    anywhere: re.Pattern | None = None

    def key(self, match: re.Match) -> Any:
        return self.values[match.lastgroup]

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        """Non-overlapping matches in ``text[pos:endpos]``, leftmost first."""
        endpos = len(text) if endpos is None else endpos
        if not self.by_first:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        groups, anywhere = self.by_first, self.anywhere
        nxt = pos
        for w in _WORD_START.finditer(text, pos, endpos):
            p = w.start()
            if p < nxt:
                continue
            pat = groups.get(text[p].lower(), anywhere)
            if pat is None:
                continue
            m = pat.match(text, p, endpos)
            if m:
                nxt = m.end()
                yield m


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
    alternation = Alternation(re.compile(rf"(?<![\w'’-])(?:{body})(?![\w’-])"), values)
    firsts = [first_chars(regex) for _, (regex, _) in ordered]
    if any(f is None for f in firsts):
        return alternation  # cannot dispatch by first letter: scan with the single pattern
    letters = sorted(set().union(*firsts)) if firsts else []
    for ch in letters:
        alts = [part for part, f in zip(parts, firsts) if ch in f]
        alternation.by_first[ch] = re.compile(rf"(?:{'|'.join(alts)})(?![\w’-])")
    return alternation
