"""Compile the regular-expression lists of the knowledge files into one pattern each.

Every list (triggers, actor aliases, claimants, lexicon words) becomes a single
alternation, so one ``finditer`` over an article finds all its mentions. Each
alternative is a named group ``g<n>``; ``Alternation.key(match)`` gives back the
value it was registered with. Alternatives are tried longest pattern first, so
"Syrian government warplanes" wins over "government". Aliases written in
capitals only ("IS", "SDF") match case-sensitively, everything else ignores case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


def _case_sensitive(pattern: str) -> bool:
    letters = re.sub(r"\\.|\(\?[:!=<]+|[^A-Za-z]", "", pattern)
    return bool(letters) and letters.isupper() and len(letters) <= 6


@dataclass
class Alternation:
    """One compiled pattern over many (regex, value) pairs."""

    pattern: re.Pattern
    values: dict[str, Any] = field(default_factory=dict)

    def key(self, match: re.Match) -> Any:
        return self.values[match.lastgroup]

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)


def compile_alternation(pairs: list[tuple[str, Any]], where: str = "") -> Alternation:
    """One pattern matching any of ``pairs``' regexes on word boundaries; the value of the match is kept."""
    ordered = sorted(enumerate(pairs), key=lambda p: (-len(p[1][0]), p[0]))
    parts, values = [], {}
    for n, (_, (regex, value)) in enumerate(ordered):
        try:
            re.compile(regex)
        except re.error as err:
            raise ValueError(f"{where}: bad pattern {regex!r} ({err}); fix it in the knowledge file") from err
        flag = "" if _case_sensitive(regex) else "(?i)"
        name = f"g{n}"
        parts.append(f"(?P<{name}>{'(?i:' if flag else '(?:'}{regex}))")
        values[name] = value
    body = "|".join(parts) or r"(?P<g0>(?!x)x)"
    return Alternation(re.compile(rf"(?<![\w'’-])(?:{body})(?![\w’-])"), values)
