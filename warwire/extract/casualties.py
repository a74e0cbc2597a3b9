"""Casualty counts: how many were killed or injured, with qualifiers, ranges, vague amounts and victims.

A number is a toll when a kill or injury word sits next to it ("killed 12",
"12 civilians were killed", "the death toll rose to 12"); the nearest such word
decides whether it counts the dead or the injured. Qualifiers map to the
report's ``qualifier``: at least / more than -> at_least; nearly / up to ->
at_most; about / some -> about; "dozens", "hundreds" -> vague with ACLED's
codes (lexicons.yaml). A range ("10 to 15") gives low and high, and best is
the low end, as ACLED codes the lowest reported figure; its qualifier is "about".
"including three children" after a toll fills the victim breakdown.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from warwire.ingest.dates import MONTH_NAME
from warwire.knowledge.lexicons import Lexicon
from warwire.knowledge.patterns import words_by_first_letter
from warwire.model import Count, Victims

BREAKDOWN = re.compile(r"(?:including|among them|among whom|of whom|of them|amongst them|most of them|mostly|"
                       r"(?:those|the)\s+(?:killed|dead|victims)\s+(?:included|include))\W*$",
                       re.IGNORECASE)
NOT_PEOPLE = re.compile(
    r"^\s*(?:-?\s*(?:year|month|week|day|hour|minute|km|kilomet|kilometr|mile|meter|metre|percent|per cent|%|"
    r"times|tons|tonnes|trucks|vehicles|buildings|homes|houses|villages|towns|rockets|missiles|shells|families|"
    r"air ?strikes|raids|strikes|barrel|mortars|bombs|dollars|pounds|euros|people's|sheep|goats|cattle|cows|camels|"
    r"livestock|animals|birds|chickens|donkeys|bullets|rounds\b|grenades|drones|warplanes|helicopters)\w*)",
    re.IGNORECASE)
# A clock time ("the 1100 pm strike", a page's "14:05" stamp before its headline) or a number told right before
# another figure (a page's count of shares printed just before the story's first toll) counts no one.
_CLOCK_AFTER = re.compile(r"\s*(?:(?:a|p)\.?m\.?|GMT|local time)(?!\w)|:\d\d(?!\d)", re.IGNORECASE)
# What may follow a participle that ends its clause ("... 30 injured in shelling", "... 15 wounded."): the
# text's end, a stop, or a preposition or conjunction.
_PARTICIPLE_ENDS = re.compile(r"(?i)\s*(?:$|[.,;:!?)\-–—]|(?:in|by|as|at|on|near|after|during|when|while|and|from|"
                              r"following|amid|since|across|over|inside|outside|around)(?!\w))")
_CLOCK_BEFORE = re.compile(r"(?<!\d)\d{1,2}:$")
_FIGURE_AFTER = re.compile(r"\s+(?:(?:over|more than|at least|nearly|about|some|around|up to|almost)\s+)?\d+"
                           r"(?![\d,]*-?\s*years?)", re.IGNORECASE)
# Words that end the noun phrase after a number: "nineteen wounded in a rebel attack" is not about rebels.
# ("is" only in lower case: "20 IS fighters" names the group the dead belonged to.)
# "six others injured", "dozens more wounded": the word that stands for the figure's noun before its participle.
_OTHERS_BEFORE = re.compile(r"(?i)\s+(?:others|more|other\s+[a-z]+)\s+")
# A breakdown's cue ends it too: "killed 12 including 3 children" does not say the 12 were children.
_GAP_STOP = re.compile(r"\b(?:(?i:in|at|on|near|by|from|when|after|as|and|were|was|are|have|had|during|while|with|"
                       r"including|among|mostly)|is)\b")
# Victim nouns that do not say whether the dead were civilians or fighters.
_GENERIC = re.compile(r"(?i)people|persons?|individuals|a person")
_CIVILIANS_WORD = re.compile(r"(?i)civilians?")
# Between a victim told with no casualty word of its own and the part of it that follows: "Four villagers including
# a boy were among the dead".
_INCLUDING_GAP = re.compile(r"(?i)\s*,?\s*(?:including|among\s+them|among\s+whom)\s+")
# "65 bodies of civilians were found": the dead are the civilians.
_BODIES_OF = re.compile(r"(?i)\s+(?:bodies|corpses|remains)\s+of\s+(?:the\s+)?(?:\w+\s+)?")
_AMONG = re.compile(r"(?i)\s+(?:(?:were|was)\s+)?(?:also\s+)?among(?:\s+the)?(?:\s+(?:dead|victims))?(?:\s+of)?\s+")
_MONTH_BEFORE = re.compile(rf"(?i)\b{MONTH_NAME}\s*$")
_MONTH_AFTER = re.compile(rf"(?i)\s*{MONTH_NAME}(?!\w)")
# Between two parts of one list of victims: "10 children and 13 rebels", "two women, two children".
# (A part may name the side it was of: "20 fighters of the group and 5 civilians", "four members from the brigade
# and 11 soldiers".) A side's name may run to five words ("members of the Free Hills Brigade", "fighters of the
# Coastal Volunteer Defence Corps"); no word of it ends a clause or tells a death.
_SIDE_OF = r"(?:\s+(?:of|from)\s+(?:the\s+)?(?!(?:and|or|them|whom|those|dead|wounded|injured)\b)[\w'’-]+" \
           r"(?:\s+(?!(?:and|or|in|at|on|near|by|during|after|when|while|were|was|who|which|that|killed|dead|died|" \
           r"wounded|injured)\b)[\w'’-]+){0,4})?"
_LISTED = re.compile(rf"{_SIDE_OF}\s*(?:,|and|,\s*and|as well as)\s*(?:(?:his|her|their)\s+)?")
# Between the parts of a list of victims told after its verb ("killed a man, a child and a woman").
_LIST_GOES_ON = re.compile(rf"{_SIDE_OF}\s*(?:,|and|,\s*and)\s*(?:(?:his|her|their)\s+)?")
# "A boy and his father died", "leaving a girl and her mother dead": one relative listed with no figure is one more
# of the dead (the kin words and the class each counts in are in lexicons.yaml). A relative told with a figure ("her
# two sons") is a victim noun of its own.
_KIN_AGE = (r"(?:(?:young|little|infant|baby|eldest|elder|older|younger|youngest|pregnant|elderly|teenage|"
            r"[\w]+-year-old)\s+)?")


@lru_cache(maxsize=1)
def _kin_one() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(Lexicon.load().kin, key=len, reverse=True))
    # (The first of a longer list may follow a comma alone, or nothing in a text stripped of its commas: "a man, his
    # wife and their three children".)
    return re.compile(rf"(?:\s*,?\s+and|\s*,|(?<=\w)(?=\s+(?:his|her)\s))\s+(?:his|her|their)\s+{_KIN_AGE}"
                      rf"(?P<kin>{words})(?![\w-])", re.IGNORECASE)


# A number followed by a capitalised article ends the text before a sentence ("Share 0 318 The number of
# people killed ..."): a page's figure, never a toll.
_SENTENCE_AFTER = re.compile(r"\s+(?:The|A|An)\s")
_TOKEN = re.compile(r"[\w’']+(?:-[\w’']+)*|[.;:!?]")


@dataclass
class Toll:
    """One casualty figure: what it counts (killed / injured), the count, who, and where it is said."""

    what: str  # "killed" or "injured"
    count: Count
    start: int
    end: int
    victim: str | None = None  # civilians / combatants / children / women
    breakdown: bool = False  # "including three children": part of the toll before it
    victim_span: tuple[int, int] | None = None
    generic: bool = False  # "people", "persons": civilians only until the text says who they were
    listed: bool = False  # "a man and his two daughters died": one of the victims listed with one verb
    coded: bool = False  # "Unknown fatalities coded as 5", "later updated to 14": the event's final figure
    says_civilians: bool = False  # the noun is "civilians" itself, not a kind of civilian ("medics", "students")
    added: bool = False  # "along with 15 fighters", "coded as an additional 10": more dead than the figure before


@dataclass
class Casualties:
    """The tolls of a clause, combined."""

    fatalities: Count = field(default_factory=Count)
    injured: Count | None = None
    victims: Victims = field(default_factory=Victims)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    hit: set[str] = field(default_factory=set)  # victim classes of every toll, the injured's too

    @property
    def any(self) -> bool:
        return self.fatalities.best is not None or self.injured is not None

    @property
    def civilians_hit(self) -> bool:
        """Whether any toll of the clause counts unarmed people (civilians, children, women)."""
        return bool(self.hit & _UNARMED)

    @property
    def armed_dead_only(self) -> bool:
        """Whether the people the clause tells hit are armed men only (fighters, soldiers, guards)."""
        return "combatants" in self.hit and not self.civilians_hit


_UNARMED = frozenset({"civilians", "children", "women"})


@lru_cache(maxsize=1)
def number_pattern() -> re.Pattern:
    lex = Lexicon.load()
    units = sorted(lex.units, key=len, reverse=True)
    tens = sorted(lex.tens, key=len, reverse=True)
    # "two dozen": a dozen multiplies the number before it, as a hundred does.
    scales = sorted([*lex.scales, "dozen"], key=len, reverse=True)
    vague = sorted(lex.vague, key=len, reverse=True)
    alt = lambda ws: "|".join(re.escape(w) for w in ws)  # noqa: E731
    # Numbers start with a digit or a number word's first letter: the lookahead skips other positions fast.
    firsts = re.escape("".join(sorted({w[0].lower() for w in [*units, *tens, *vague]})))
    word = rf"(?:(?:{alt(tens)})(?:[- ](?:{alt(units)}))?|{alt(units)})"
    # "two hundred and five": "and" joins a number only after its scale ("five and three others" is two figures).
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{word})(?:\s+(?:{alt(scales)})(?:\s+and\s+{word})?)?"
    # "a number of", "a few": the vague amount, not "a" one.
    phrases = alt([v for v in vague if " " in v and v.split()[0] in lex.units])
    return re.compile(
        rf"(?i)(?<![\w-])(?=[\db{firsts}])(?:(?P<between>between\s+)?(?!(?:{phrases})\b)(?P<num>{num})"
        rf"(?:\s*(?:to|-|–|or|(?(between)and|(?!)))\s*(?P<high>{num}))?|(?P<another>another)(?!\s+(?:\d|{word}\b))"
        rf"|(?P<vague>{alt(vague)})(?:(?:\s+of)?\s+(?P<vscale>thousands|millions)\b)?(?!\s+as\b)(?!\s+\d))(?![\w-])")


@lru_cache(maxsize=1)
def _number_starts() -> tuple[re.Pattern, re.Pattern]:
    """Where a number may start: a digit, "between", or a number word's first word followed by what may follow it in
    a number (a space, a hyphen, a range's "to"/"or"/"and", or the word's end). Most words start none, and trying
    the number pattern only here finds the same numbers at a fraction of the cost of trying it at every word.

    Two patterns: a start at the start of a text, and the character before a start (not a letter, digit or
    hyphen), the start ahead of it. The second begins with that character's class, which the engine skips to in C;
    a pattern that begins with a look-behind (or a case-blind class) is tried at every character."""
    lex = Lexicon.load()
    words = sorted({w.split()[0].lower() for w in [*lex.units, *lex.tens, *lex.vague]} | {"another"},
                   key=len, reverse=True)
    # The words grouped by their first letter: the engine tries a dozen letters, not every word, at each word.
    alt = words_by_first_letter(words)
    body = rf"(?i:\d|between\s|(?:{alt})(?:[\s\-–]|to|or|and|(?!\w)))"
    # Before the words, one class of every character a start may begin with: after most spaces the next word's
    # first letter is none of them, and one test of it replaces a test of each letter's words.
    firsts = re.escape("".join(sorted({"b", *(w[0] for w in words)})))
    return re.compile(body), re.compile(rf"[^\w-](?=(?i:[\d{firsts}]))(?={body})")


def _number_start_list(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Every place in [start, end) where a number may start (see ``_number_starts``), in order. ``end`` must be
    just past a mark no number runs across (``_PASSAGE_END``): the looks ahead of a start stop at that mark."""
    first, behind = _number_starts()
    end = len(text) if end is None else end
    found = [m.start() + 1 for m in behind.finditer(text, max(0, start - 1), end)]
    if start == 0 and first.match(text) is not None:
        found.insert(0, 0)
    return found


def _numbers(text: str, start: int = 0, end: int | None = None):
    """The numbers starting in [start, end) of a text, as ``number_pattern().finditer(text)`` finds them, when no
    number runs across ``start`` (the start of a text or of a passage: ``_passages``)."""
    number = number_pattern().match
    pos = start
    for c in _number_start_list(text, start, end):
        if c >= pos and (m := number(text, c)) is not None:
            pos = m.end()
            yield m


# The end of a passage: a mark that no number ("1,200", "5.5", "twenty-five to thirty") and no one killed told
# without a number (``_ONE_KILLED``) runs across, so each passage's figures can be read apart from the others'.
_PASSAGE_END = re.compile(r"[.!?;:](?!\d)")


def _passages(text: str) -> list[int]:
    """Where each passage of ``text`` starts (0 first), in order (see ``_PASSAGE_END``)."""
    return [0, *(m.end() for m in _PASSAGE_END.finditer(text))]


def parse_number(s: str) -> int | None:
    """'23', '1,200', 'twenty-three', 'a dozen', 'two hundred' -> int."""
    lex = Lexicon.load()
    s = s.lower().strip()
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        return int(float(s.replace(",", "")))
    if s in lex.units:
        return lex.units[s]
    total, cur = 0, 0
    for w in re.split(r"[\s-]+", s.replace(" and ", " ")):
        if w == "dozen" and cur:
            cur *= 12  # "two dozen"
        elif w in lex.tens:
            cur += lex.tens[w]
        elif w in lex.units:
            cur += lex.units[w]
        elif re.fullmatch(r"[\d,]+", w):
            cur += int(w.replace(",", ""))
        elif w in lex.scales:
            cur = max(cur, 1) * lex.scales[w]
            if lex.scales[w] >= 1000:
                total, cur = total + cur, 0
        elif w in ("a", "of", "couple", "pair"):
            pass
        else:
            return None
    return total + cur if (total + cur) or s in ("zero",) else None


class TollReader:
    """The words, numbers and casualty words of one text, found once; ``tolls(start, end)`` reads a clause."""

    def __init__(self, text: str) -> None:
        lex = self.lex = Lexicon.load()
        self.text = text
        self.kill = _asserted(_marks(lex.killed, text), text)
        self.hurt = _asserted(_marks(lex.injured, text), text)
        # The words are needed only to read a toll: found when a clause first has a number and a casualty word.
        self._words: list[tuple[int, int]] | None = None
        # The tolls of each span read: a sentence is read as a clause, as the one a toll may go on from, and
        # as the one before the next. No one changes a Toll once read, so the spans share theirs.
        self._read: dict[tuple[int, int], list[Toll]] = {}
        self.victims = [(m.start(), m.end(), lex.victims.key(m)) for m in lex.victims.finditer(text)] \
            if self.kill or self.hurt else []
        self.quals = [(m.start(), m.end(), lex.qualifiers.key(m)) for m in lex.qualifiers.finditer(text)] \
            if self.kill or self.hurt else []
        # The figures of the living and of a page need "sav" and "URL" before them: texts without skip those looks.
        saved, page = _SAVE.search(text) is not None, "URL" in text
        # The cues looked for before every figure that the text may hold at all (``_CUE_WORDS``).
        self.cues = _cues_held(text) if self.kill or self.hurt else frozenset()
        self._saved, self._page = saved, page
        # Figures are read only in the passages a clause with a casualty word reaches (most passages of a story
        # have none): ``_passage_numbers`` and ``_passage_ones`` hold those of each passage read so far.
        self._starts = _passages(text) if self.kill or self.hurt else [0]
        self._passage_numbers: dict[int, list[re.Match]] = {}
        self._passage_ones: dict[int, list[tuple[int, re.Match]]] = {}
        # "leaving deaths and injuries", "killing all its crew": dead, but no figure (ACLED's unknown, 10).
        self.unknown = [m.span() for m in _UNKNOWN_TOLL.finditer(text) if _asserted([m.span()], text)] \
            if self.kill else []
        # "The journalist was killed", "killing AQAP militant Akram ...": one person, no figure (``_one``, read
        # when a clause with a casualty word first tells no figure of the dead).
        self._one_verb: tuple[bool, bool] | None = None

    def _passages_of(self, start: int, end: int) -> range:
        """The indexes of the passages that [start, end) reaches."""
        starts = self._starts
        return range(bisect_right(starts, start) - 1, bisect_left(starts, end))

    def _passage(self, i: int) -> tuple[int, int]:
        starts = self._starts
        return starts[i], starts[i + 1] if i + 1 < len(starts) else len(self.text)

    def _numbers(self, start: int, end: int) -> list[re.Match]:
        """The figures inside [start, end) (not a speaker's "a", a count of the living or of a page's shares)."""
        text, found = self.text, []
        for i in self._passages_of(start, end):
            numbers = self._passage_numbers.get(i)
            if numbers is None:
                numbers = self._passage_numbers[i] = [
                    m for m in _numbers(text, *self._passage(i))
                    if not (self._saved and _SAVED_FIGURE.search(text, max(0, m.start() - 60), m.start()))
                    and not _SPEAKER.match(text, m.start())
                    and not (self._page and _PAGE_FIGURE.search(text, max(0, m.start() - 20), m.start()))]
            found += numbers
        return _within(found, start, end, key=re.Match.span)

    def _one(self, start: int, end: int) -> re.Match | None:
        """The first one killed told without a number inside [start, end) (``_ONE_KILLED``), or None."""
        if not self.kill:
            return None
        text = self.text
        if self._one_verb is None:
            # (A text without the verb of the first or the last pattern skips that pattern's tries.)
            self._one_verb = (_ONE_KILLED_VERB.search(text) is not None, _SINGULAR_VERB.search(text) is not None)
        # The patterns are asked in their order (the first that finds one wins), each from the clause's start.
        found: list[tuple[int, int, re.Match]] = []
        for i in self._passages_of(start, end):
            ones = self._passage_ones.get(i)
            if ones is None:
                ps, pe = self._passage(i)
                ones = self._passage_ones[i] = [
                    (k, m) for k, p in enumerate(_ONE_KILLED)
                    if ((self._one_verb[0] or k != 0) if k < len(_ONE_KILLED) - 1 else self._one_verb[1])
                    for m in p.finditer(text, ps, pe)
                    if not _NOT_ONE.search(text, max(0, m.start() - 8), m.start())
                    and not (k in _SUBJECT_PATTERNS and _NO_SUBJECT.search(text, max(0, m.start() - 80), m.start()))]
            found += [(k, m.start(), m) for k, m in ones if start <= m.start() and m.end() <= end]
        return min(found, key=lambda x: x[:2])[2] if found else None

    @property
    def words(self) -> list[tuple[int, int]]:
        if self._words is None:
            self._words = list(map(re.Match.span, _TOKEN.finditer(self.text)))
        return self._words

    def _words_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The words of ``words`` lying inside [start, end). A span whose edges no word runs across (most often
        spaces) is scanned alone, the same words: few of a text's clauses have tolls to read."""
        if self._words is None and not _inside_word(self.text, start) and not _inside_word(self.text, end):
            return list(map(re.Match.span, _TOKEN.finditer(self.text, start, end)))
        return _within(self.words, start, end)

    def tolls(self, start: int = 0, end: int | None = None) -> list[Toll]:
        end = len(self.text) if end is None else end
        found = self._read.get((start, end))
        if found is None:
            found = self._read[start, end] = self._tolls(start, end)
        return list(found)

    def _tolls(self, start: int, end: int) -> list[Toll]:
        kill, hurt = _within(self.kill, start, end), _within(self.hurt, start, end)
        if not kill and not hurt:
            return []
        numbers = self._numbers(start, end)
        tolls = self._told(start, end, kill, hurt, numbers) if numbers else []
        if not any(t.what == "killed" for t in tolls):
            tolls += [Toll("killed", Count(best=UNKNOWN, low=None, high=None, qualifier="vague"), s, e)
                      for s, e in _within(self.unknown, start, end)[:1]]
        if not any(t.what == "killed" for t in tolls):
            one = self._one(start, end)
            if one is not None:
                noun = one.span("noun")
                victim = next((self.lex.victims.key(v) for v in self.lex.victims.finditer(self.text, *noun)), None)
                tolls.append(Toll("killed", Count(best=1, low=1, high=1, qualifier="exact"), one.start(), one.end(),
                                  victim, victim_span=noun))
        return tolls

    def _told(self, start: int, end: int, kill: list, hurt: list, numbers: list[re.Match]) -> list[Toll]:
        """The tolls told by a figure in [start, end)."""
        victims, quals = _within(self.victims, start, end), _within(self.quals, start, end)
        words = self._words_in(start, end)
        text = self.text
        tolls: list[Toll] = []
        # Victims told with no casualty word near ("4 women" in "4 women and 9 fighters were among 30
        # people killed"): a part of the list that follows them, once that list is read.
        unread: list[Toll] = []
        for m in numbers:
            # "including six women, five children": the parts of a breakdown go on (with no comma in texts whose
            # punctuation was stripped, when the part before ends with its victim noun).
            listed = bool(tolls) and tolls[-1].breakdown and bool(
                _LIST_GAP.fullmatch(text[tolls[-1].end:m.start()])
                or tolls[-1].victim_span and tolls[-1].victim_span[1] == tolls[-1].end
                and _SPACES.fullmatch(text[tolls[-1].end:m.start()]))
            # (A figure that names its victims but no casualty word of its own is read as a listed part at once,
            # for ``held``: reading it again with ``listed`` set would repeat every look before that one.)
            as_listed: list[Toll] = []
            toll = _toll(text, m, words, kill, hurt, victims, quals, self.lex, listed, as_listed, self.cues)
            if toll is None:
                held = as_listed[0] if as_listed else None
                if held is not None and held.victim and not held.what:
                    head = tolls[-1] if tolls else None
                    if head is not None and head.what and not head.breakdown and head.victim \
                            and _LIST_GOES_ON.fullmatch(text, head.end, held.start):
                        # "killed two men, a woman and three children": a list of victims goes on past the
                        # reach of its verb; each part is one more of the dead.
                        held.what, held.breakdown = head.what, False
                        held.listed = head.listed = True
                        tolls.append(held)
                    else:
                        unread.append(held)
                continue
            if toll and not toll.what:
                # "including three children": part of the toll just before it.
                if not tolls or toll.start - tolls[-1].end > 40:
                    continue
                toll.what = tolls[-1].what
            elif listed and toll.what != tolls[-1].what \
                    and not any(tolls[-1].end <= ks < toll.start for ks, _ in kill + hurt):
                # "killing 30 people, among them 6 boys and 5 girls, and wounding scores": a breakdown's next part
                # counts what the part before it counts, however near the casualty word of the next deed.
                toll.what = tolls[-1].what
            if toll and toll.breakdown and tolls and not tolls[-1].breakdown and toll.start - tolls[-1].end <= 16:
                # "has risen to 19, including five children": a part right after its whole counts what it counts.
                toll.what = tolls[-1].what
            if toll and tolls and tolls[-1].listed and tolls[-1].victim_span and tolls[-1].victim_span == toll.victim_span:
                # The second of two figures sharing one noun ("30 army and 39 rebel fighters"): one list with the first.
                toll.what, toll.breakdown, toll.listed = tolls[-1].what, tolls[-1].breakdown, True
                tolls.append(toll)
                continue
            if toll:
                if tolls and _AMONG.fullmatch(text, tolls[-1].end, toll.start):
                    # "Two nurses were among at least 25 people killed": a part of the toll after it.
                    tolls[-1].breakdown, tolls[-1].what = True, toll.what or tolls[-1].what
                    # "Three civilians, including a boy, were among 20 people killed": the part the aside is a part
                    # of is a part of the toll too.
                    whole = next((t for t in reversed(unread) if t.victim and t.end <= tolls[-1].start
                                  and _INCLUDING_GAP.fullmatch(text, t.end, tolls[-1].start)), None)
                    if whole is not None:
                        unread.remove(whole)
                        whole.what, whole.breakdown = tolls[-1].what, True
                        tolls.insert(len(tolls) - 1, whole)
                    # "4 women and 9 fighters were among 30 people killed": every part listed before it too.
                    _take_listed(text, tolls, unread, len(tolls) - 1)
                elif not toll.breakdown and toll.victim:
                    # "A man and his two daughters died": the victims listed before it died too.
                    tolls.append(toll)
                    _take_listed(text, tolls, unread, len(tolls) - 1)
                    continue
                tolls.append(toll)
        tolls = _with_kin_before(text, _with_kin(text, _apposed(text, tolls)))
        return _revised(text, _among_those_killed(text, _among_total(text, _with_leader(text, tolls))))


# A figure told as the first word of a toll ("initially put at 25", "an earlier toll of 25", "had first reported 8")
# and the words that make a later figure of its clause what it became ("later rose to 40", "raised it to 12").
# ("earlier" or "previous" alone name an earlier event as often as an earlier count: "an earlier strike killed 5".)
_EARLIER_FIGURE = re.compile(r"(?i)\b(?:initial(?:ly)?|first\s+(?:put|reported|gave|said|counted)|originally|preliminary|"
                             r"(?:earlier|previous)\s+(?:toll|count|figure|tally|estimate)|"
                             r"(?:earlier|previously)\s+(?:put|reported|gave|given|said|counted|estimated))\b"
                             r"[^.;:\d]{0,30}$")
# The verbs that tell a toll changed ("rose", "was revised", "climbed", "went up"), in any tense.
_ROSE = (r"(?:ris(?:en|es|e|ing)|rose|climb\w*|jump\w*|increas\w*|rais\w*|revis\w*|updat\w*|grew|grown|"
         r"went\s+up|gone\s+up)")
_REVISED_TO = re.compile(rf"(?i)\b{_ROSE}(?:\s+(?:it|again))?\s+to\s+"
                         r"(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?$")
# A toll that changed, told as "from" one figure "to" the next: no range, the second figure is the toll now.
_RISEN_FROM = re.compile(rf"(?i)\b{_ROSE}\s+(?:[\w-]+\s+){{0,4}}?from\s+$")


def _revised(text: str, tolls: list[Toll]) -> list[Toll]:
    """The figure a clause tells a first toll became ("the toll, initially put at 25, later rose to 40") is the
    event's, the latest count of its dead (as a coder's "later updated to 14" is)."""
    for i, t in enumerate(tolls):
        if t.what != "killed" or t.breakdown or i == 0:
            continue
        first = next((p for p in tolls[:i] if p.what == "killed" and not p.breakdown), None)
        if first is None or _SENTENCE_MARK.search(text, first.end, t.start) \
                or not _EARLIER_FIGURE.search(text, max(0, first.start - 40), first.start) \
                or not _REVISED_TO.search(text, first.end, t.start):
            continue
        t.coded = True
    return tolls


# What opens an aside right after a toll's noun: "Two villagers, a boy and his uncle, ...", "Four villagers (a man and
# his son among them)", "... - including a man and his son -".
_ASIDE_OPENS = re.compile(r"\s*(?:,|\(|[-–—]{1,2})?\s*(?:(?:including|among\s+them|among\s+whom)\s+)?",
                          re.IGNORECASE)


# "A sniper killed a boy, and his father carried him to the clinic": a relative with a verb of its own (one a single
# subject takes: "was", "has", a past tense) is the subject of its own clause, not one more of the dead - unless that
# verb tells the relative's death ("and his father died later in hospital").
_KIN_OWN_VERB = re.compile(r"\s+(?:[a-z]+ly\s+)?(?P<verb>(?:was|is|has|does|[a-z]{2,}ed|ran|fled|took|went|came|found|saw|"
                           r"said|told|held|brought|left|got|gave|made|kept|sat|stood|heard|knew|lost|wept|fought|"
                           r"shot|hid|drove|rode|swept)(?![\w-]))")


def _own_verb(text: str, end: int) -> bool:
    """Whether the words after a relative's word are its own verb, one that tells no death or wound."""
    verb = _KIN_OWN_VERB.match(text, end)
    if verb is None:
        return False
    lex = Lexicon.load()
    s, e = verb.span("verb")
    return not any(m.start() == s for m in (*lex.killed.finditer(text, s, min(len(text), s + 30)),
                                             *lex.injured.finditer(text, s, min(len(text), s + 30))))


_THEIR = re.compile(r"(?i)\s*,?\s+and\s+their\s")


def _with_kin(text: str, tolls: list[Toll]) -> list[Toll]:
    """Add the one relative listed right after a victim ("a man and his son"), as a part listed with that victim."""
    out: list[Toll] = []
    for t in tolls:
        out.append(t)
        if t.what != "killed" or t.breakdown or t.victim not in ("civilians", "women", "children") \
                or t.count.qualifier != "exact" or not t.count.best:
            continue
        kin = _kin_one().match(text, max(t.end, t.victim_span[1] if t.victim_span else t.end))
        if kin is None and t.count.best == 1:
            # "A mother and baby died": one article for two, the second one more of the dead.
            kin = _AND_ONE_MORE.match(text, max(t.end, t.victim_span[1] if t.victim_span else t.end))
        if kin is None or _own_verb(text, kin.end()):
            continue
        if t.count.best != 1 and not _THEIR.match(text, kin.start()):
            continue  # "two boys and their father": one more; after several, "his" is one of theirs ("and his son")
        head = out[-2] if len(out) > 1 else None
        if head is not None and _ASIDE_OPENS.fullmatch(text, max(head.end, (head.victim_span or (0, 0))[1]), t.start):
            if head.count.best is not None and head.count.best >= 2:
                out.pop()  # "Two villagers, a boy and his uncle, died": who the two were, not two more
            continue
        t.listed = True
        word = kin.group("kin").lower()
        out.append(Toll(t.what, Count(best=1, low=1, high=1, qualifier="exact"), kin.start("kin"), kin.end("kin"),
                        Lexicon.load().kin.get(word, _ONE_MORE_CLASS.get(word, "civilians")),
                        victim_span=kin.span("kin"),
                        listed=True))
        out += _more_kin(text, t.what, kin.end(), tolls)
    return out


@lru_cache(maxsize=1)
def _kin_before() -> re.Pattern:
    """A relative told before "and his/her/their" and the figure of the others: "a father and his two sons"."""
    words = "|".join(re.escape(w) for w in sorted(Lexicon.load().kin, key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:a|an|the|one|his|her|their)\s+{_KIN_AGE}(?P<kin>{words})\s*,?\s+and\s+"
                      r"(?:his|her|their)\s+$")


def _with_kin_before(text: str, tolls: list[Toll]) -> list[Toll]:
    """Add the one relative named before a figure of his or her kin ("A father and his two sons died") as one more
    of the dead, listed with them, when no toll of that relative was read."""
    out: list[Toll] = []
    for t in tolls:
        if t.what == "killed" and not t.breakdown and t.victim in ("civilians", "women", "children") \
                and t.count.qualifier == "exact" and t.count.best \
                and (kin := _kin_before().search(text, max(0, t.start - 60), t.start)) is not None \
                and not (out and out[-1].end > kin.start()):
            word = kin.group("kin").lower()
            t.listed = True
            out.append(Toll(t.what, Count(best=1, low=1, high=1, qualifier="exact"), kin.start(), kin.end("kin"),
                            Lexicon.load().kin.get(word, "civilians"), victim_span=kin.span("kin"), listed=True))
        out.append(t)
    return out


# The second of two people sharing one article ("a woman and child", "a man and boy"), and the class of those that are
# no kin words.
_AND_ONE_MORE = re.compile(rf"(?i)\s+and\s+{_KIN_AGE}(?P<kin>man|woman|boy|girl|child|baby|infant|son|daughter|mother|"
                           r"father|wife|husband)(?![\w'’-])")
_ONE_MORE_CLASS = {"man": "civilians", "woman": "women", "boy": "children", "girl": "children"}


# The next part of a family's list after a relative: "..., his wife and their three children", "... and two of her
# sons".
_KIN_LIST_GOES_ON = re.compile(r"(?i)(?:\s*,?\s+and|\s*,)\s+(?:(?:his|her|their)\s+)?")
_OF_KIN = re.compile(r"(?i)\s+of\s+(?:his|her|their)\s+")


def _more_kin(text: str, what: str, pos: int, tolls: list[Toll]) -> list[Toll]:
    """The relatives listed after the one ending at ``pos`` (see ``_KIN_LIST_GOES_ON``), each one more of the dead,
    until the list ends (a part already read as a toll of its own ends it too)."""
    lex, more = Lexicon.load(), []
    while len(more) < 6:
        kin = _kin_one().match(text, pos)
        if kin is not None and not _own_verb(text, kin.end()):
            more.append(Toll(what, Count(best=1, low=1, high=1, qualifier="exact"), kin.start("kin"), kin.end("kin"),
                             lex.kin.get(kin.group("kin").lower(), "civilians"), victim_span=kin.span("kin"),
                             listed=True))
            pos = kin.end()
            continue
        gap = _KIN_LIST_GOES_ON.match(text, pos)
        figure = number_pattern().match(text, gap.end()) if gap else None
        if figure is None or figure.group("num") is None or figure.group("high") \
                or any(figure.start() <= t.start < figure.end() + 30 for t in tolls):
            break
        n = parse_number(figure.group("num"))
        at = figure.end()
        of = _OF_KIN.match(text, at)
        noun = next(lex.victims.finditer(text, of.end() if of else at + 1, min(len(text), at + 40)), None)
        if not n or noun is None or text[of.end() if of else at:noun.start()].strip() \
                and len(text[of.end() if of else at:noun.start()].split()) > 1:
            break
        more.append(Toll(what, Count(best=n, low=n, high=n, qualifier="exact"), figure.start(), noun.end(),
                         lex.victims.key(noun), victim_span=noun.span(), listed=True))
        pos = noun.end()
    return more


# "Commander Abu Omar and 3 of his guards died", "the brigade's chief, Ali X, and nine of his men": a figure of one
# person's men, that person named (a capitalised name, a role) right before "and", counts that person too when no
# toll of them was read.
_OF_HIS = re.compile(r"(?i)\s+of\s+(?:his|her)\s+")
_ONE_BEFORE_AND = re.compile(r"(?:[A-Z][\w'’-]*[\"”]?|(?i:commander|leader|chief|head|emir|official|officer|sheikh|"
                             r"imam|governor|mayor|colonel|general|brigadier|captain|lieutenant|major))"
                             r"\s*,?\s+and\s+$")


def _with_leader(text: str, tolls: list[Toll]) -> list[Toll]:
    """Count the one named before "and N of his men" as one more of the dead (see ``_OF_HIS``): of the same class as
    his men (fighters, or men untold), else a civilian, a woman where "her". (The wounded are counted as told: a
    total of the wounded is the first figure told, not a sum of listed ones.)"""
    out: list[Toll] = []
    for t in tolls:
        out.append(t)
        if t.what != "killed" or t.breakdown or t.count.qualifier == "vague" or not t.count.best:
            continue
        of = _OF_HIS.match(text, t.end) if t.victim_span is None else _OF_HIS.search(text, t.start, t.victim_span[0])
        if of is None or t.victim_span is not None and of.end() != t.victim_span[0] \
                and not re.fullmatch(r"[\w-]+\s+", text[of.end():t.victim_span[0]]):
            continue
        before = _ONE_BEFORE_AND.search(text, max(0, t.start - 60), t.start)
        if before is None:
            continue
        if len(out) > 1 and out[-2].end >= before.start() - 30:
            # "a rebel colonel and 4 of his aides": the colonel (a rebel) is a toll of his own, listed with his men
            out[-2].listed = t.listed = True
            continue
        c = t.count
        if t.victim in (None, "combatants"):
            out[-1] = Toll(t.what, Count(best=c.best + 1, low=c.low + 1 if c.low is not None else None,
                                         high=c.high + 1 if c.high is not None else None, qualifier=c.qualifier),
                           t.start, t.end, t.victim, t.breakdown, t.victim_span, t.generic, t.listed, t.coded,
                           t.says_civilians, t.added)
        else:
            # "Umm Ali and three of her children": the mother, then her children, listed with one verb.
            t.listed = True
            one = Toll(t.what, Count(best=1, low=1, high=1, qualifier="exact"), before.start(), before.start(),
                       "women" if of.group().strip().lower().endswith("her") else "civilians", listed=True)
            out.insert(len(out) - 1, one)
    return out


# "A woman and her son were among the seven dead", "Among the seven killed were a woman and her son": the figure
# after "among" is the toll told, the people listed with it a breakdown of it (never more than it). The gap
# between two listed people, a relative's "his" and age word with it ("a man and his young son").
_LISTED_KIN = re.compile(rf"(?i)\s*(?:,|and|,\s*and|as\s+well\s+as)\s*(?:(?:his|her|their)\s+)?{_KIN_AGE}")
_AMONG_BEFORE = re.compile(r"(?i)\bamong\s+(?:the\s+|those\s+)?$")
# From the total's noun to the first person listed after it: its casualty word and place, then "were".
_AMONG_THEN = re.compile(r"(?i)(?:\s+[\w'’-]+){0,8}?\s+(?:were|was|are|is|included|include)\s+")


def _among_total(text: str, tolls: list[Toll]) -> list[Toll]:
    """Make the people listed with "among the N dead" parts of the N (see ``_LISTED_KIN``)."""
    for i, total in enumerate(tolls):
        if total.what != "killed" or total.breakdown or not total.count.best or total.count.qualifier == "vague":
            continue
        if i and _AMONG.fullmatch(text, tolls[i - 1].end, total.start):
            group = _listed_group(text, tolls, i - 1, -1)
        elif i + 1 < len(tolls) and _AMONG_BEFORE.search(text, max(0, total.start - 12), total.start) \
                and _AMONG_THEN.fullmatch(text, total.end, tolls[i + 1].start):
            group = _listed_group(text, tolls, i + 1, 1)
        else:
            continue
        if group and len(group) > 1 and sum(t.count.best or 0 for t in group) <= total.count.best:
            for t in group:
                t.what, t.breakdown, t.listed = total.what, True, False
    return tolls


# "Six boys were among those killed", "Among the dead were two women and a boy": people told as among the dead
# with no figure of the dead after "among" (see ``_AMONG_BEFORE`` for one with a figure). The cue after the people
# may stand a few words past their noun ("two boys from the village were among the dead").
_AMONG_THOSE_AFTER = re.compile(r"(?i)(?:\s+(?!(?:were|was|and)\b)[^\s\d.;:,]+){0,5}?\s+(?:were|was)\s+(?:also\s+)?"
                                r"among\s+(?:the|those)\s+(?:dead|killed|victims|fatalities)\b")
_AMONG_THOSE_BEFORE = re.compile(r"(?i)\bamong\s+(?:the|those)\s+(?:dead|killed|victims|fatalities)\s+(?:were|was)\s+"
                                 r"(?:also\s+)?$")


# From the people among the dead to the whole told of their deed: a relative clause, in the same sentence.
_WHOLE_AFTER = re.compile(r"(?i)[^.;:]*?\b(?:which|that)\s+(?:[^.;:\d]*?\s)?")


def _among_those_killed(text: str, tolls: list[Toll]) -> list[Toll]:
    """Make the people told as among the dead (see ``_AMONG_THOSE_AFTER``) a breakdown of the toll told after them of
    the deed they died in: "Among those killed were five children, in a raid that left 12 dead" counts 12. (Alone in
    their clause they are left as read: the toll they are a part of was told before, and joining them to it is the
    story's reading, not the clause's.)"""
    for i, t in enumerate(tolls):
        if t.what != "killed" or t.breakdown:
            continue
        if _AMONG_THOSE_AFTER.match(text, t.end):
            group = [t]
            while (k := i - len(group)) >= 0 and tolls[k].what in ("", "killed") and not tolls[k].breakdown \
                    and _LISTED.fullmatch(text, tolls[k].end, group[-1].start):
                group.append(tolls[k])
        elif _AMONG_THOSE_BEFORE.search(text, max(0, t.start - 40), t.start):
            group = [t]
            while (k := i + len(group)) < len(tolls) and tolls[k].what in ("", "killed") \
                    and _LISTED.fullmatch(text, group[-1].end, tolls[k].start):
                group.append(tolls[k])
        else:
            continue
        # The whole is told after them, of the deed they died in ("in a raid which left 12 dead", "an attack that
        # killed 11"): a figure told otherwise beside them may be another toll. (A breakdown never exceeds its whole.)
        part, last = sum(p.count.best or 0 for p in group), max(p.end for p in group)
        if any(o.what == "killed" and not o.breakdown and o.start > last and o.count.qualifier != "vague"
               and (o.count.best or 0) > part and _WHOLE_AFTER.fullmatch(text, last, o.start) for o in tolls):
            for p in group:
                p.what, p.breakdown, p.listed = "killed", True, False
    return tolls


def _listed_group(text: str, tolls: list[Toll], k: int, step: int) -> list[Toll]:
    """The tolls listed together from ``tolls[k]`` on, going back (step -1) or forward (step 1)."""
    group = [tolls[k]]
    j = k + step
    while 0 <= j < len(tolls):
        a, b = (tolls[j], group[-1]) if step < 0 else (group[-1], tolls[j])
        if not (a.listed and b.listed) or not _LISTED_KIN.fullmatch(text, a.end, b.start):
            break
        group.append(tolls[j])
        j += step
    return group if all(t.listed and not t.breakdown and t.what in ("", "killed") for t in group) else []


# What sets a list of who the dead were apart from the total it follows: "Four villagers, two boys, a man and a
# woman, died", "eight civilians (two girls and six men)".
_APPOSITION_OPENS = re.compile(r"\s*(?:,|\(|[-–—]{1,2})\s*")
_APPOSITION_CLOSES = re.compile(r"(?i)\s*\)|\s+(?:among\s+(?:them|whom)|included)\b")
# The classes a total's victim noun may be told again as, part by part.
_FINER = {"civilians": ("civilians", "women", "children"), "children": ("children",), "women": ("women",),
          "combatants": ("combatants",)}


def _apposed(text: str, tolls: list[Toll]) -> list[Toll]:
    """A list right after a total, set off by a comma, a bracket or a dash, that names no more than the total and
    only people of its class, says who the total were: "killed seven civilians, a woman and two children" counts
    seven, not ten. A list that names more than the total, or people of another class ("six civilians, two
    soldiers and a boy"), adds to it."""
    for i, head in enumerate(tolls):
        if head.breakdown or not head.what or head.victim not in _FINER or head.count.qualifier == "vague" \
                or (head.count.best or 0) < 2:
            continue
        parts: list[Toll] = []
        for t in tolls[i + 1:]:
            gap = _APPOSITION_OPENS if not parts else _LIST_GOES_ON
            if t.breakdown or t.what != head.what or t.victim not in _FINER[head.victim] \
                    or t.count.qualifier == "vague" or not gap.fullmatch(text, (parts or [head])[-1].end, t.start):
                break
            parts.append(t)
        # A list closed by a bracket or by "among them" ("killed five people, a woman among them") is one of who
        # the total were, however short.
        closed = parts and _APPOSITION_CLOSES.match(text, parts[-1].end)
        if (len(parts) >= 2 or closed) and sum(t.count.best or 0 for t in parts) <= head.count.best:
            for t in parts:
                t.breakdown, t.listed = True, False
    return tolls


def _take_listed(text: str, tolls: list[Toll], unread: list[Toll], k: int) -> None:
    """Make the victims listed right before ``tolls[k]`` ("two women and ...") parts of what it counts."""
    while True:
        head = tolls[k]
        before = next((t for t in reversed(tolls[:k] + unread) if t.end <= head.start
                       and _LISTED.fullmatch(text, t.end, head.start)), None)
        if before is None:
            return
        if before in unread:
            unread.remove(before)
            tolls.insert(k, before)
        else:
            k = tolls.index(before)
        before.what, before.breakdown = head.what, head.breakdown
        before.listed = head.listed = True


_WORD_CHAR = re.compile(r"[\w’']")


def _inside_word(text: str, pos: int) -> bool:
    """Whether a word of ``_TOKEN`` runs across ``pos`` (has characters on both sides of it): letters on both
    sides, or a hyphen between letters on one of them."""
    if pos <= 0 or pos >= len(text):
        return False
    letter = _WORD_CHAR.match
    if letter(text, pos - 1):
        return letter(text, pos) is not None or text[pos] == "-" and letter(text, pos + 1) is not None
    return text[pos - 1] == "-" and pos >= 2 and letter(text, pos - 2) is not None and letter(text, pos) is not None


def _within(items: list, start: int, end: int, key=None) -> list:
    """The items (sorted by start) lying inside [start, end), found by bisection: long texts stay linear."""
    lo = bisect_left(items, start, key=(lambda x: key(x)[0]) if key else (lambda x: x[0]))
    out = []
    for x in items[lo:]:
        s, e = key(x) if key else x[:2]
        if s >= end:
            break
        if e <= end:
            out.append(x)
    return out


def find_tolls(text: str, start: int = 0, end: int | None = None) -> list[Toll]:
    """Casualty figures between ``start`` and ``end``."""
    return TollReader(text).tolls(start, end)


def _marks(alternation, text) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in alternation.finditer(text)]


_NEGATED = re.compile(r"(?:\b(?:no|neither|nor|without|any|not)\s+(?:\w+\s+)?)$", re.IGNORECASE)


# "killing seven soldiers, an army officer said": the one who tells the toll after it, not one more dead.
_SPEAKER = re.compile(r"(?i)(?<=,\s)an?\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+(?:said|says|told|added|reported|confirmed)\b")


# A noun and then a verb of telling ("a medic said") is the one who tells the toll, unless the verb is a participle
# that tells about the noun ("a man described by neighbours as a commander", "a shepherd reported missing"): a victim.
_TELLS = re.compile(r"(?i),?\s+(?:who\s+)?(?:said|says|told|tells|added|confirmed|(?:reported|recounted|described)"
                    r"(?!\s+(?:by|as|missing|dead|killed|wounded|injured|to\s+(?:be|have))\b))\b")
# The nouns of those who tell tolls as well as die in them.
_TELLER = re.compile(r"(?i)activists?|residents?|witnesse?s?|medics?|doctors?|officials?|sources?")
# A victim noun that describes the place or thing after it ("a rebel position", "a civilian convoy", "an army
# checkpoint", "a rebel group"): "a" counts the thing, not one of the dead.
_THING_AFTER = re.compile(r"(?i)\s+(?:group|faction|movement|position|base|post|outpost|checkpoint|barracks|convoy|"
                          r"car|vehicle|bus|truck|tank|area|district|neighbou?rhood|village|town|stronghold|enclave|"
                          r"headquarters|camp|depot|compound|building|territory|front|line|"
                          # ("a rebel rocket killed a farmer", "an army sniper shot a boy": the weapon or the one who
                          # fired it, no one dead)
                          r"rockets?|shells?|mortars?|missiles?|bombs?|jets?|warplanes?|planes?|drones?|helicopters?|"
                          r"snipers?|gunboats?|attacks?|offensive|assault|raids?|ambush)(?![\w-])")
# "According to a farmer, ...", "citing one resident": the noun after is whoever tells the toll, not a victim.
_SOURCE_BEFORE = re.compile(r"(?i)\b(?:according\s+to|citing|quoting)\s+$")


# Some news pages print a link, the word URL and then a count of shares (sometimes a zero first) right before the
# story's first sentence: that count is no toll.
_PAGE_FIGURE = re.compile(r"\bURL\s+(?:0\s+)?$")


# "saved the lives of 100 people": the living.
_SAVED = re.compile(r"\bsav(?:e|es|ed|ing)\s+(?:\w+\s+)?$", re.IGNORECASE)
# ... and the figure of the living is no toll of any casualty word near it ("saved the lives of 30 people, but
# shelling killed four": four dead).
_SAVED_FIGURE = re.compile(r"\bsav(?:e|es|ed|ing)\s+(?:\w+\s+)?lives\s+of\s+(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
# (Its first letter, a case-sensitive class of what a case-blind "s" matches, then the word boundary behind it: the engine
# skips to such a letter, where "\b" first is tried at every character.)
_SAVE = re.compile(r"(?-i:[Ss\u017f])(?<!\w.)(?i:av)")


def _asserted(marks: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Casualty words that are not denied ("no fatalities", "neither injuries nor deaths", "saved the lives")."""
    return [(s, e) for s, e in marks if not _NEGATED.search(text, max(0, s - 25), s)
            and not _SAVED.search(text, max(0, s - 20), s)]


_END = itemgetter(1)

# The small patterns of the figure-by-figure reading (``_told``, ``_toll``), compiled once: they are asked some
# thirty times a figure.
_LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_SPACES = re.compile(r"\s+")
_ORDINAL_AFTER = re.compile(r"\s*(?:st|nd|rd|th)\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CLAUSE_MARK = re.compile(r"[.;:,]")
_SENTENCE_MARK = re.compile(r"[.;:]")
_TELLS_OF_ITSELF = re.compile(r"\W*(?:who|,)")
_DIGIT = re.compile(r"\d")
_AGE = re.compile(r"\d+-year-old")
_AND = re.compile(r"\s+and\s+")
_COUNT_NOUN = re.compile(r"(?i)count|toll")
_ATTEMPT_AFTER = re.compile(r"(?i)\s+(?:attempts?|bids?|plots?)\b")


def _word_index(words, pos: int) -> int:
    """The index of the first word (a (start, end) span, in the text's order) that ends after ``pos``."""
    return bisect_right(words, pos, key=_END)


# Between a figure and its victim noun, an aside in brackets ("40 IS (a banned group) militants", "12 ISIS
# (Daesh) fighters") and two sides joined by "and" ("40 army and militia fighters") still name who the dead were.
_BRACKETED = re.compile(r"\s*\([^()\d.;:]{1,40}\)")
_TWO_SIDES = re.compile(r"\s+[\w-]+\s+and\s+(?:pro-)?[\w-]+\s+")


def _modifiers_only(gap: str) -> bool:
    """Whether the words between a figure and a victim noun are an aside in brackets or two sides joined by "and"
    (no number among them), around at most three other words."""
    if "(" not in gap and " and " not in gap or any(ch.isdigit() for ch in gap):
        return False
    plain = _BRACKETED.sub(" ", gap)
    if _TWO_SIDES.fullmatch(plain):
        return True
    return "(" in gap and not re.search(r"[.;:,()]", plain) and len(_TOKEN.findall(plain)) <= 3 \
        and not _GAP_STOP.search(plain)


# A figure whose noun, after a word or three that describe it, is a place or a thing ("buses leaving two encircled
# villages, killing ...", "burned three armoured cars and killed ...", "pulled out of two more outlying areas", "fired
# 9 rocket shells, killing 2")
# counts no one, however near a casualty word.
_THING_NOUN = re.compile(r"(?i)(?P<mods>(?:[a-z][\w'-]*\s+){1,3}?)(?:towns?|villages?|cities|neighbou?rhoods?|districts?|"
                         r"quarters|regions|provinces|areas|buildings|homes|houses|schools|hospitals|markets|mosques|"
                         r"vehicles|cars|buses|trucks|tanks|aircraft|positions|checkpoints|bases|headquarters|"
                         # "fired 9 mortar shells, killing 2", "dropped five barrel bombs": munitions
                         r"shells|rockets|missiles|mortars|bombs|rounds|projectiles|grenades|(?:air)?strikes|(?:air)?raids|"
                         # "three coalition airstrikes killed two children", "two Turkish warplanes": what struck
                         r"warplanes|jets|drones|helicopters)(?![\w-])")
# Words that end a figure's noun phrase before such a noun ("two women from the villages", "killed in the towns").
_NOT_A_MODIFIER = re.compile(r"(?i)\b(?:of|from|in|at|on|near|by|and|or|with|to|for|as|the|a|an|their|its|his|her|"
                             r"who|that|which|were|was|are|is|had|have|has|including|among|while|when|after|during)\b")


def _counts_things(text: str, end: int, lex) -> bool:
    """Whether the figure ending at ``end`` counts places or things: its noun, after one to three words that
    describe it (no preposition, no casualty word, no victim noun among them), is one."""
    m = _THING_NOUN.match(text, end + 1) if end < len(text) and text[end] == " " else None
    if m is None:
        return False
    mods = m.group("mods")
    return not _NOT_A_MODIFIER.search(mods) and not any(
        next(words.finditer(mods), None) for words in (lex.victims, lex.killed, lex.injured))


# The words each cue looked for before a figure cannot match without (``_TOLL_ROSE_TO``, ``_UPDATED_TO``,
# ``_ADDITIVE_BEFORE``): a text that holds none of a cue's words (found once a text, see ``_holds``) is not searched
# for that cue at every figure it tells. (test_toll_cues checks every text a pattern matches holds its words.)
_CUE_WORDS = {"rose": ("toll", "number"), "updated": ("updat", "rais", "revis"),
              "added": ("along", "addition", "well", "plus", "further")}


def _cues_held(text: str) -> frozenset[str]:
    """The cues of ``_CUE_WORDS`` whose words ``text`` holds."""
    low = _folded(text)
    return frozenset(cue for cue, words in _CUE_WORDS.items() if any(w in low for w in words))


def _toll(text, m, words, kill, hurt, victims, quals, lex, listed: bool = False,
          as_listed: list[Toll] | None = None, cues: frozenset[str] = frozenset(_CUE_WORDS)) -> Toll | None:
    """The toll a figure tells, or None. With ``as_listed`` (and ``listed`` unset), a figure turned down only for
    want of a casualty word of its own, though it names its victims, is read as ``listed`` would read it and put
    there (None is returned): what reading it again with ``listed`` set gives. ``cues``: those of ``_CUE_WORDS``
    the text may hold (the others are not looked for)."""
    s, e = m.start(), m.end()
    surface = m.group()
    after = text[e:e + 30]
    if NOT_PEOPLE.match(after) or _ORDINAL_AFTER.match(after) or _CLOCK_AFTER.match(after) \
            or _SENTENCE_AFTER.match(after) \
            or surface[0].isdigit() and _FIGURE_AFTER.match(after) or _counts_things(text, e, lex):
        return None
    if _YEAR.fullmatch(surface):
        return None
    before = text[max(0, s - 12):s]
    if _CLOCK_BEFORE.search(before):
        return None  # "21:41": the minutes of a time
    if surface[0].isdigit() and _MONTH_BEFORE.search(before) or \
            _MONTH_AFTER.match(after):
        return None
    wi, wj = _word_index(words, s), _word_index(words, e - 1)
    # Victim noun within the next few words ("12 civilians", "12 people, including").
    victim, vspan, noun_end = None, None, wj
    for vs, ve, cls in victims:
        if vs < e:
            continue
        if not (_word_index(words, vs) - wj <= 4 and not _CLAUSE_MARK.search(text[e:vs])
                and not _GAP_STOP.search(text, e, vs)) and not (vs - e <= 80 and _modifiers_only(text[e:vs])):
            continue
        if _BODIES_OF.fullmatch(text, e, vs) or not any(e <= ks < vs for ks, _ in kill + hurt):
            victim, vspan, noun_end = cls, (vs, ve), _word_index(words, ve - 1)
            break
    shared = _shared_noun(text, e, words, victims, kill + hurt, lex)
    if shared is not None:
        # "30 army and 39 rebel fighters were killed": the first figure's noun is the one after the second.
        victim, vspan = shared
        noun_end = _word_index(words, vspan[1] - 1)
    if vspan and (whole := _whole_noun(text, victims, vspan)) != vspan:
        # "four rebel fighters and 11 army soldiers": the noun runs to its last word, where a list goes on.
        vspan, noun_end = whole, _word_index(words, whole[1] - 1)
    if victim in ("civilians", "women", "children") and vspan and _fought(text, vspan):
        victim = None  # "seven Christians fighting with a militia", "activists of the FSA": not said to be unarmed
    is_a = m.group("another") or m.group("num") and m.group("num").lower() in ("a", "an", "one")
    if is_a and _NOT_ONE.search(text, max(0, s - 8), s):
        return None  # "not a single civilian", "not one soldier": no one
    if is_a and vspan and _TELLS.match(text, vspan[1]) and not any(0 <= s - qe <= 1 for _, qe, _ in quals):
        # "a civil defence worker said 32 people were killed": the one who tells the toll (not "at least one rebel
        # commander confirmed": a qualified figure)
        return None
    if vspan and _TELLER.fullmatch(text, *vspan) and (tells := _TELLS.match(text, vspan[1])) \
            and not _TELLS_OF_ITSELF.match(tells.group()):
        # "shelling killed 12 activists said" (a text stripped of its commas): a noun of those who tell tolls, its
        # verb right after it, is whoever tells the toll; the figure's dead are not told who they were. (Not "killed
        # 12 civilians, said the monitor": a victim, then who told it.)
        victim, vspan, noun_end = None, None, wj
    if _SOURCE_BEFORE.search(text, max(0, s - 20), s):
        return None
    if is_a and vspan and (thing := _THING_AFTER.match(text, vspan[1])) is not None \
            and not any(v[0] - thing.end() in (0, 1) for v in victims):
        # "attacked a rebel position, killing five", "hit a civilian convoy": a place or a thing, no one (but "a
        # rebel faction fighter" is one)
        return None
    # "a" and "one" count people only when a victim noun follows closely ("a child", "an HTS commander",
    # "one fatality"), not in "an estimated 145".
    if is_a and not (victim and vspan and _word_index(words, vspan[0]) - wj <= 3
                     and not _DIGIT.search(_AGE.sub("", text[e:vspan[0]]))) \
            and not _kill_noun_follows(text, e, kill) and not _one_alone(text, m, kill + hurt):
        return None
    q_start = min([qs for qs, qe, _ in quals if 0 <= s - qe <= 1] or [s])
    # The nearest kill / injury word on either side decides what the number counts.
    best_what, best_dist, coded = None, 99, False
    for marks, what in ((kill, "killed"), (hurt, "injured")):
        for ms, me in marks:
            if me <= s:
                d = wi - _word_index(words, me - 1)
                if _SENTENCE_MARK.search(text[me:s]):
                    continue
                if _AND.fullmatch(text[me:s]):
                    d += 1  # "killed and three wounded": the word after is nearer in meaning
                elif not text[me:q_start].strip() or _NOUN_OF.fullmatch(text, me, q_start):
                    # "killing at least nine shoppers and injuring 14": the verb governs its object; "causing the
                    # death of four farmers and injuring 11", "the killing of over 40 villagers": so does its noun.
                    d = 0.5
            elif ms >= e:
                d = _word_index(words, ms) - noun_end
                if _SENTENCE_MARK.search(text[e:ms]):
                    continue
                if _NEW_PARTICIPLE.fullmatch(text, vspan[1] if vspan else e, ms) and (
                        text[ms:me].lower().endswith("ing")
                        or text[ms:me].lower().endswith("ed") and _object_of_verb_before(text, q_start, kill + hurt)):
                    # "killing a man and two girls, and wounding a boy": the event's next deed, not this number's;
                    # so is "killed two women and three children and wounded nine": the verb before took them.
                    continue
                if _SUBJECT_OF.fullmatch(text, vspan[1] if vspan else e, ms) \
                        or (_ASIDE_BEFORE_VERB.fullmatch(text, vspan[1] if vspan else e, ms)
                            and not text[ms:me].lower().endswith("ing")):
                    # "and 13 others were injured", "nine villagers, including a boy, were killed": the number
                    # is the subject of the casualty verb after it, however near a verb before it is (an aside
                    # never makes it the subject of a participle: "seven pupils including two girls and injuring").
                    d = 0.5
                elif (d == 1 or _OTHERS_BEFORE.fullmatch(text, vspan[1] if vspan else e, ms)) \
                        and _PARTICIPLE_ENDS.match(text, me) \
                        and text[ms:me].lower().endswith(("ed", "dead", "hurt")):
                    # "4 farmers killed 30 injured in ...", "Two killed 15 wounded": a figure told right before its
                    # participle (a headline, or a text whose commas were stripped) is its subject, not the object of
                    # the verb before it. (Not "killed two wounded soldiers": there the participle describes a noun.)
                    d = 0.25
            else:
                continue
            if 0 < d <= (5 if me <= s else 7) and d < best_dist:
                best_what, best_dist = what, d
                # "coded as 10", not "coded as an additional 10" (a part to add to the toll told)
                coded = me <= s and text[ms:me].lower().startswith("coded") and not _ADDED.match(text, me, s)
    if vspan and _BODIES_OF.fullmatch(text, e, vspan[0]):
        best_what = "killed"
    if "rose" in cues and _TOLL_ROSE_TO.search(text, max(0, q_start - 160), q_start):
        best_what = "killed"  # "the death toll ... has risen to 19": the wounded who died later are dead
    updated = "updated" in cues and bool(_UPDATED_TO.search(text, max(0, q_start - 80), q_start))
    if updated:
        best_what = "killed"
    # "17 villagers, five of them children" (not "killing two of them": the object of the verb, a toll).
    of_them = _OF_THEM.match(text, e)
    breakdown = listed or bool(BREAKDOWN.search(text[max(0, s - 40):s])) or bool(
        of_them and vspan and vspan[0] >= of_them.end())
    part = _PART_OF_THE_DEAD.match(text, e)
    if part:
        # "Three of the dead were children": a part of a toll already told, never a toll of its own.
        best_what, breakdown = "killed", True
        victim, vspan = next(((cls, (vs, ve)) for vs, ve, cls in victims if 0 <= vs - part.end() <= 12),
                             (None, None))
    died_of_wounds = False
    wounded = _OF_THE_WOUNDED.match(text, e)
    if wounded:
        # "Two of the wounded later died": wounded told before who died since, more dead than the toll told before
        # them; "three of the wounded are critical" counts none.
        best_what = "injured"
        stop = _SENTENCE_MARK.search(text, wounded.end())
        clause_end = stop.start() if stop else len(text)
        died = next((ks for ks, _ in kill if wounded.end() <= ks < clause_end), None)
        if died is not None and len(text[wounded.end():died].split()) <= 3:
            # (Told with a toll that rose, they are in it: "the toll has risen to nine after three of the wounded
            # died".)
            if _TOLL_OR_RISE.search(text, max(text.rfind(". ", 0, s), 0), s):
                return None
            best_what, died_of_wounds = "killed", True
    held = False
    if best_what is None and not (breakdown and victim):
        if as_listed is None or listed or not victim:
            return None
        breakdown = held = True
    if _OBJECT_OF.search(text, max(0, q_start - 30), q_start) and not any(me <= s for me in
                                                                         (me for _, me in kill + hurt)
                                                                         if me > q_start - 30):
        # "detained hundreds of people after forces killed the president": the captives, not the dead.
        return None
    count = _count(m, text, quals, lex)
    if count is None:
        return None
    if _JOINT_BEFORE.search(text, max(0, q_start - 40), q_start) or \
            _JOINT_AFTER.match(text, vspan[1] if vspan else e):
        # "killing and wounding dozens", "a number of guards were killed or hurt": one figure for both.
        dead = _joint(count)
        if dead is not None:
            count, best_what = dead, "killed"
    span_end = vspan[1] if vspan else e
    generic = bool(vspan) and bool(_GENERIC.fullmatch(text, vspan[0], vspan[1]))
    toll = Toll(best_what or "", count, q_start, span_end, victim, breakdown, vspan, generic,
                listed=shared is not None,
                coded=(coded or updated) and best_what == "killed",
                added=died_of_wounds or "added" in cues
                and bool(_ADDITIVE_BEFORE.search(text, max(0, q_start - 40), q_start))
                and not _of_another_day(text, q_start, span_end),
                says_civilians=bool(vspan) and bool(_CIVILIANS_WORD.fullmatch(text, vspan[0], vspan[1])))
    if held:
        as_listed.append(toll)
        return None
    return toll


# "One" standing alone for one person: the object of a casualty verb ("killing one and wounding four"), or the
# subject of one at its clause's start ("One was killed and eight injured", "..., and one died"). (Not "no one",
# "the one", "one of them": there "one" is no figure of the dead.)
_ONE_AFTER_VERB = re.compile(r"(?i)\s*(?:$|[.,;:)]|(?:and|in|on|at|near|by|during|while|when|as|after)\b)")
_ONE_SUBJECT = re.compile(r"(?i)\s+(?:(?:was|has\s+been|had\s+been|is)\s+(?:also\s+|later\s+|reportedly\s+)?"
                          r"(?:killed|wounded|injured|hurt|shot\s+dead|slain)|died|later\s+died)\b")
_CLAUSE_START = re.compile(r"(?:^|[.;:!?,]\s*|\band\s+|\bwhile\s+)$", re.IGNORECASE)


def _one_alone(text: str, m: re.Match, marks: list[tuple[int, int]]) -> bool:
    """Whether the word "one" at ``m`` counts one person with no noun after it (see ``_ONE_AFTER_VERB``)."""
    if (m.group("num") or "").lower() != "one":
        return False
    s, e = m.span()
    if any(me <= s and not text[me:s].strip() for _, me in marks):
        return _ONE_AFTER_VERB.match(text, e) is not None
    return _ONE_SUBJECT.match(text, e) is not None and _CLAUSE_START.search(text, max(0, s - 10), s) is not None


# Two figures that share the noun told after the second, each with words of its own that say whose they were:
# "30 army and 39 rebel fighters", "12 Syrian and 3 Turkish soldiers". Both count the dead of that noun, one list.
_SHARED_NOUN = re.compile(r"\s+(?P<mods>(?:[A-Za-z][\w'-]*\s+){1,3}?)and\s+(?:(?:at\s+least|more\s+than|about|some|"
                          r"nearly|around|over)\s+)?(?=[\da-z])")
_WEEKDAY_OR_MONTH = re.compile(rf"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|{MONTH_NAME})\b")


def _whole_noun(text: str, victims, vspan: tuple[int, int]) -> tuple[int, int]:
    """A victim noun with the victim nouns right after it ("rebel fighters", "army soldiers", "civilian aid
    workers"): the span of the whole noun."""
    end = vspan[1]
    for vs, ve, _ in victims[bisect_left(victims, (end,)):]:
        if vs > end + 1:
            break
        if vs == end + 1 and text[end] == " ":
            end = ve
    return vspan[0], end


def _shared_noun(text: str, e: int, words, victims, marks, lex) -> tuple[str, tuple[int, int]] | None:
    """The victim class and span of the noun a figure ending at ``e`` shares with the next figure (see
    ``_SHARED_NOUN``), else None."""
    m = _SHARED_NOUN.match(text, e)
    if m is None:
        return None
    mods = m.group("mods")
    if _GAP_STOP.search(mods) or _WEEKDAY_OR_MONTH.search(mods) or any(
            next(w.finditer(mods), None) for w in (lex.victims, lex.killed, lex.injured)):
        return None
    second = number_pattern().match(text, m.end())
    if second is None or second.group("num") is None or second.group("high") \
            or parse_number(second.group("num")) is None or second.group("num").lower() in ("a", "an"):
        return None
    wj = _word_index(words, second.end() - 1)
    for vs, ve, cls in victims:
        if vs < second.end():
            continue
        if _word_index(words, vs) - wj <= 3 and not _CLAUSE_MARK.search(text, second.end(), vs) \
                and not _GAP_STOP.search(text, second.end(), vs) \
                and not any(second.end() <= ks < vs for ks, _ in marks):
            return cls, (vs, ve)
        return None
    return None


# An active casualty verb and the figures of its object list: "killed two women and three children", "wounding
# a man, two boys and ..." (not "were killed": a passive verb takes no object).
_ACTIVE_VERB = re.compile(r"(?i)(?:kill|wound|injur)(?:ed|ing)$")
_PASSIVE_BEFORE = re.compile(r"(?i)\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$")
# A verb or relative word inside the object list: the list ended ("killed two and the others were ...").
_VERB_IN_LIST = re.compile(r"(?i)\b(?:were|was|are|is|have|has|had|who|which|that)\b")


def _object_of_verb_before(text: str, start: int, marks: list[tuple[int, int]]) -> bool:
    """Whether the figure at ``start`` is one of the objects listed after an active casualty verb before it in its
    clause, with no other verb and no clause mark between ("killed two women and three children")."""
    for ms, me in marks:
        if me > start or start - me > 80 or not _ACTIVE_VERB.search(text, ms, me):
            continue
        gap = text[me:start]
        if _SENTENCE_MARK.search(gap) or _PASSIVE_BEFORE.search(text, max(0, ms - 20), ms) \
                or _VERB_IN_LIST.search(gap):
            continue
        return True
    return False


# A victim noun said to fight, right after it: "... fighting with X", "who had joined X", "battling X", "turned fighters".
_FOUGHT_AFTER = re.compile(r"(?i),?\s+(?:(?:who|that)\s+(?:had\s+|have\s+|has\s+|were\s+|was\s+)?(?:been\s+)?|turned\s+)?"
                           r"(?:fighting|fought|battling|battled|joined|fighters?|combatants|(?:taken|took)\s+up\s+arms)\b")
# ... or told as an armed group's: "activists of <a faction>", "Christians with a militia" (the group is
# read by the actor dictionary, so a group of activists or rescuers is no armed group).
_OF_GROUP_AFTER = re.compile(r"(?i)\s+(?:of|with|belonging\s+to)\s+(?!(?:a|an|one|his|her|their|its)\b)")
_UNARMED_KINDS = ("Civilians", "Protesters", "Rioters")


def _fought(text: str, vspan: tuple[int, int]) -> bool:
    """Whether the people a victim noun names are told to fight or to belong to an armed group right after it
    (then the noun, a role, a community or a man's, no longer says they were civilians)."""
    if _CIVILIANS_WORD.fullmatch(text, *vspan):
        return False
    if _FOUGHT_AFTER.match(text, vspan[1]):
        return True
    of = _OF_GROUP_AFTER.match(text, vspan[1])
    if of is None:
        return False
    noun = text[vspan[0]:vspan[1]].lower()
    if noun.rstrip("s") in Lexicon.load().kin or "famil" in noun:
        return False  # "sons of an FSA commander": whose relatives they were
    from warwire.extract.actors import find_actors

    window = text[of.end():of.end() + 60]
    return any(a.start <= 4 and a.kind not in _UNARMED_KINDS for a in find_actors(window))


# What lies between a toll's noun and the casualty verb it is the subject of: "(others) were", ", including two
# boys, were", "had also been".
_SUBJECT_OF = re.compile(r"(?i)(?:\s+(?:others|more|other\s+\w+))?"
                         # "8 fighters of the army and its allied factions were killed": whose they were
                         r"(?:\s+(?:of|from|belonging\s+to)\s+(?:(?!\b(?:were|was|and\s+\d|who|which|that|had|have|has)\b)"
                         r"[^.;:,\d]){1,70}?)?"
                         r"(?:,?\s+(?:including|among\s+them|among\s+whom|"
                         r"mostly|most\s+of\s+them)\b[^.;:]{0,60}?)?(?:,?\s+(?:were|was|had\s+been|have\s+been|has\s+been|"
                         r"are|is)\s+(?:also\s+|reportedly\s+|later\s+|all\s+)?"
                         # "and two others sustained injuries", "three more suffered serious wounds": the figure is
                         # the subject of the wounds after it, not the object of a casualty verb before it
                         r"|\s+(?:also\s+)?(?:sustained|suffered|received)\s+(?:[a-z]+\s+)?)")
# "Four villagers, including a man and his young son, died": an aside between the number and its own verb, however
# long, leaves the number the verb's subject, set off by commas, dashes or brackets, its cue before or after the part
# ("- a man and his son among them -").
_ASIDE = (r"(?:(?:including|among\s+them|among\s+whom|mostly|most\s+of\s+them)\b[^.;:,()]{0,60}?"
          r"|[^.;:,()]{1,60}?\s+among\s+them)")
# Unmarked (texts stripped of their commas), the aside holds no verb of its own.
_BARE_ASIDE = (r"\s+(?:including|among\s+them|among\s+whom)\s+"
               r"(?:(?!\b(?:were|was|and\s+\d)\b)[^.;:,()]){1,60}?\s+")
_ASIDE_BEFORE_VERB = re.compile(rf"(?i)(?:,\s+{_ASIDE},|\s*\(\s*{_ASIDE}\s*\)"
                                rf"|\s+[-–—]{{1,2}}\s+{_ASIDE}\s+[-–—]{{1,2}}|{_BARE_ASIDE})\s*"
                                r"(?:(?:were|was|had\s+been|have\s+been|has\s+been|are|is)\s+(?:also\s+|reportedly\s+|"
                                r"later\s+|all\s+)?)?")
# A casualty noun and the "of" that joins it to its figure: "the death of four", "the killing of over 40".
_NOUN_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
# "17 villagers, five of them children": a part of the toll just told.
_OF_THEM = re.compile(r"(?i)\s+of\s+(?:them|whom|those)\b")
# (Not "a total of five were killed": a sum told, not risen.)
_TOLL_OR_RISE = re.compile(r"(?i)\b(?:toll|risen|rose|raised|raising|bringing|brought)\b")
_OF_THE_WOUNDED = re.compile(r"(?i)\s+of\s+(?:the|those)\s+(?:wounded|injured)\b")
_PART_OF_THE_DEAD = re.compile(r"\s+of\s+(?:the|those)\s+(?:dead|killed|victims|fatalities)\s+(?:were|was|are)\s+",
                               re.IGNORECASE)
# "an agency then raised the death toll to 23", "the fatality count was later updated to 14": the figure that replaces
# the one told before.
_TOLL_WORDS = r"(?:fatality\s+counts?|fatalit(?:y|ies)|death\s+toll|toll|number\s+of\s+(?:dead|deaths|fatalities))"
_UPDATE = (rf"\b(?:(?:updat|rais|revis)\w*\s+(?:the\s+)?{_TOLL_WORDS}\s+to|{_TOLL_WORDS}\s+(?:was|were|has\s+been|"
           rf"have\s+been)\s+(?:later\s+|since\s+|then\s+)?(?:updated|raised|revised)\s+to)\s+")
_UPDATED_TO = re.compile(rf"(?i){_UPDATE}$")
_UPDATED_FIGURE = re.compile(rf"(?i){_UPDATE}(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\b")
# "The death toll from Monday's strike has risen to 19": a toll that rose, whatever words follow.
# ("The number of rebel fighters who were assassinated ... rose to 5": who the dead were, in up to five words, and the
# verb that killed them.)
_TOLL_ROSE_TO = re.compile(r"(?i)\b(?:(?:death\s+)?toll|number\s+of\s+(?:[\w-]+\s+){0,5}?(?:killed|dead|deaths|victims|"
                           r"fatalities|died|assas?sinated|slain|executed))\b[^.;:]{0,120}?\b(?:has\s+|had\s+)?"
                           r"(?:risen|rose|climbed|reached|increased|jumped|gone\s+up|went\s+up|"
                           # "an earlier toll of 25 was later revised to 40", "put the toll at 8, then raised it to 12"
                           r"(?:raised|revised|updated)(?:\s+it)?(?=\s+to))\s+(?:to\s+)?$|"
                           r"\b(?:raised|raising|brought|bringing|pushed|pushing)\s+the\s+(?:death\s+)?toll\b"
                           r"[^.;:]{0,120}?\bto\s+$")


# "killing and wounding", "the killing and injuring of", '"killed or wounded"': one toll of the dead and the wounded.
_KILLED_AND_WOUNDED = (r"(?:(?:kill(?:ing|ed)?|deaths?|dead)\s+(?:and|or|and/or|in)\s+(?:wound|injur)(?:ing|ed|ies|y)|"
                       r"(?:wound|injur)(?:ing|ed)\s+(?:and|or)\s+kill(?:ing|ed))")
_JOINT_BEFORE = re.compile(rf"(?i)\b{_KILLED_AND_WOUNDED}(?:\s+of)?\W{{0,2}}\s*$")
_JOINT_AFTER = re.compile(r"(?i)(?:\s+(?:others|more|other\s+\w+|(?!(?:were|was|had|have|are)\b)[\w-]+))?(?:,?\s+(?:were|was|had\s+been|have\s+been|are)"
                          r"(?:\s+(?:also|reportedly|reported))*)?\s+[\"'“]?" + _KILLED_AND_WOUNDED + r"\b")
_ADDED = re.compile(r"(?i)\s+(?:an?\s+)?(?:additional|another|further|more)\b")
# What tells a figure as more dead than the one told before it in its clause: "nine guards died in addition to
# 3 drivers", "14 soldiers lost their lives, along with 9 militants", "coded as an additional 10".
_ADDITIVE_BEFORE = re.compile(r"(?i)\b(?:along\s+with|in\s+addition\s+to|as\s+well\s+as|plus|"
                              r"coded\s+(?:as|to)\s+an?\s+(?:additional|further)|an?\s+additional|an?\s+further)\s+$")
# What tells, in an added figure's own clause, that its dead are of another day ("in addition to 5 killed there on
# Sunday" after a Monday raid, "along with 3 who died earlier", "the day before"): never added to the event's toll.
_OTHER_DAY = re.compile(r"(?i)\b(?:earlier(?!\s+(?:in|on|that|this)\s+(?:the\s+)?(?:day|morning|afternoon|evening|night))|"
                        r"yesterday|(?:the|a)\s+(?:day|night|week)\s+(?:before|earlier)|"
                        r"the\s+(?:previous|preceding)\s+(?:day|night|week)|last\s+(?:week|month|night)|"
                        r"(?:days|weeks|months)\s+(?:ago|earlier|before)|"
                        r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b")
_CLAUSE_END = re.compile(r"[,.;:!?()]")


def _of_another_day(text: str, start: int, end: int) -> bool:
    """Whether the clause of a figure (from ``start``) tells a day other than the one told before it."""
    stop = _CLAUSE_END.search(text, end, end + 100)
    m = _OTHER_DAY.search(text, start, stop.start() if stop else min(len(text), end + 100))
    if m is None:
        return False
    # A weekday is another day only if the text just before does not tell the same one ("on Tuesday ... along with
    # 9 fighters killed on Tuesday").
    return m.group("day") is None or re.search(rf"(?i)\b{m.group('day')}\b", text[max(0, start - 200):start]) is None


# Dead told without a figure: ACLED's unknown number.
# (Each pattern below begins with its first letters, a case-sensitive class where case is ignored, and then a look-behind
# for the word boundary before them: the engine skips in C to where such a letter is; a pattern that begins with "\b"
# is tried at every character. ``_AT_WORD`` is that look-behind: no word character before the letter just read.)
_AT_WORD = r"(?<!\w.)"
_UNKNOWN_TOLL = re.compile(rf"(?i)(?-i:[DdFfKk\u212a]){_AT_WORD}(?:"
                           r"(?<=[Dd])eaths?\s+and\s+(?:injuries|injury|injured|wounded)\b|"
                           r"(?<=[Ff])atalities\s+and\s+(?:injuries|injury|injured|wounded)\b|"
                           r"(?<=[Kk\u212a])ill(?:ing|ed)\s+(?:all|everyone|those)\s+(?:(?:of\s+)?(?:its|the|their)\s+)?"
                           r"(?:crew|occupants|passengers|aboard|on\s+board|inside)\b)")
# Verbs whose object a number after them is, not a toll: "detained hundreds", "captured 8 more".
_OBJECT_OF = re.compile(r"(?i)\b(?:detain|arrest|captur|kidnapp?|abduct|releas|free|evacuat|rescu|displac|recruit|"
                        r"deploy|exchang|swapp?|hold|held|took|taken|taking)(?:ed|ing|s|e)?\s+(?:about\s+|some\s+|over\s+|"
                        r"at\s+least\s+|more\s+than\s+|nearly\s+|around\s+)?$")
# One person killed, told without a number: "the journalist was killed", "Salafi imam Sheikh Ayman ... was
# assassinated", "killing AQAP militant Akram ..." (a title and a name).
_ONE = (r"(?P<noun>(?i:journalist|imam|commander|leader|official|activist|militant|soldier|fighter|civilian|man|woman|child|"
        r"boy|girl|officer|sheikh|doctor|teacher|student|judge|cleric|preacher|colonel|general|governor|member|citizen|"
        r"farmer|driver|shepherd|person|lieutenant|captain|sergeant|corporal|brigadier))")
# "was killed", "was shot and killed", "has been reportedly assassinated".
_ONE_VERB = (r"(?:was|has\s+been|had\s+been)\s+(?:shot\s+and\s+|\w+\s+)?(?:killed|assas?sinated|executed|shot\s+dead|"
             r"murdered)\b")
_ONE_KILLED = (
    re.compile(rf"(?=[TtAa])\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){{0,3}}?{_ONE}\b(?:\s*,?\s*[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,4}},?)?"
               rf"\s+{_ONE_VERB}"),
    # "killing AQAP militant Akram ...", and with an article, the one named by its noun alone: "killing the driver",
    # "shot and killed a tribal sheikh, said to be ..." (not "the mayor's two bodyguards"); told by its noun, "the
    # death of the local commander Omar ...".
    re.compile(rf"(?:k{_AT_WORD}ill(?:ing|ed)|a{_AT_WORD}ssas?sinated|e{_AT_WORD}xecuted|d{_AT_WORD}eath\s+of)\s+(?:the\s+|an?\s+)?"
               rf"(?:[\w-]+\s+){{0,3}}?{_ONE}\s+[A-Z]"),
    # (A side's name of up to four words may come before the noun: "killed a Free Hills Brigade fighter".)
    re.compile(rf"(?:k{_AT_WORD}ill(?:ing|ed)|a{_AT_WORD}ssas?sinated|e{_AT_WORD}xecuted|s{_AT_WORD}hot\s+dead)\s+(?:the|an?)\s+"
               rf"(?:[\w-]+\s+){{0,4}}?{_ONE}(?![\w'’-])"
               r"(?!\s+of\s+(?:the\s+)?(?:dead|victims|\d))"),
    # "a guard was hit, leading to his death": one death told by its possessive.
    re.compile(rf"(?:l{_AT_WORD}ead(?:ing|s)|l{_AT_WORD}ed|r{_AT_WORD}esult(?:ed|ing|s))\s+(?:to|in)\s+(?P<noun>his|her)\s+(?:later\s+)?"
               r"death\b"),
    # Whoever the subject of a singular "was killed" is, one died: a name ("Omar Saleh was shot dead"), a pronoun
    # ("he was killed"), a noun with words the patterns above do not know, or any of these set off by an aside ("Omar
    # Saleh, a local council member, was killed"). (Not "no one" or "anyone", nor a group told as one: "the whole
    # family was killed" tells no figure, nor "he was also killed", one more dead of a toll told before. "Executed" is
    # left to the nouns above: "the plan was executed".)
    re.compile(r"(?<![\w'’-])(?!(?i:no|one|nobody|none|anyone|anybody|everyone|everybody|someone|somebody|it|this|that|"
               r"who|whoever|which|else|each|any|all|both|several|many|some|most|"
               r"family|household|crew|group|unit|team|squad|patrol|convoy|force|forces|brigade|battalion|staff|"
               r"nearly|almost)\b)"
               r"(?P<noun>[A-Za-z][\w'’-]*)(?:\s*,[^,.;:()\d]{2,90}?,)?\s+(?:was|has\s+been|had\s+been)\s+"
               r"(?:(?:later|then|reportedly|allegedly|apparently|subsequently|eventually|fatally|brutally|found)\s+)?"
               r"(?:shot\s+and\s+killed|killed|assas?sinated|shot\s+dead|murdered|slain|gunned\s+down|"
               r"(?<=found\s)dead)\b"
               # ("... was killed along with his guards": more than one, their figure untold.)
               r"(?!\s+(?:along|together)\s+with\b)"),
)
# What the first (and the last) of ``_ONE_KILLED`` cannot match without: a text without it skips that pattern's
# tries at every "the" and "a" (at every word).
_ONE_KILLED_VERB = re.compile(_ONE_VERB)
_SINGULAR_VERB = re.compile(r"\b(?:was|been)\s+(?:\w+\s+)?(?:shot|killed|assas|murdered|slain|gunned|dead)")
# The patterns of ``_ONE_KILLED`` that read the subject of a singular "was killed".
_SUBJECT_PATTERNS = (0, len(_ONE_KILLED) - 1)
# Before the subject of a singular "was killed": "not a single resident", "no Turkish soldier" (no one: up to three
# words after the negator); "the crew of
# the vehicles", "members of the family" (a group, its figure untold); "forty days after", "since" (a death told as a
# time past, not the event's).
_NO_SUBJECT = re.compile(r"(?i)\b(?:no|not|any|neither|nor|never)\s+(?:[\w'’-]+\s+){0,3}$"
                         r"|\b(?:crew|family|household|members?|group|unit|team|squad|patrol|convoy|rest|all|each|most|"
                         r"some|many|several|dozens|hundreds|both)\s+of\s+(?:[\w'’-]+\s+){0,4}$"
                         r"|\b(?:(?:days?|weeks?|months?|years?)\s+(?:after|before)|since)\s+(?:[\w'’-]+\s+){0,6}$")
# "Not a single soldier was killed", "not one civilian was hurt": no one.
_NOT_ONE = re.compile(r"(?i)\b(?:not|never)\s+$")
# A participle after a comma ("..., and injuring a man"), or after "and" or "while" ("killing a boy and two men while
# hurting others"), is the event's next deed.
_NEW_PARTICIPLE = re.compile(r"\s*,\s*(?:and\s+|while\s+|whilst\s+)?|\s+(?:and|while|whilst)\s+")
#: The largest vague amount that says only that the number is unknown ("several", "a number of"): ACLED codes 10.
UNKNOWN = 10


def _joint(count: Count) -> Count | None:
    """The dead of a toll that counts the dead and the wounded together. An unknown number ("killing and
    wounding several") is ACLED's unknown, 10; a figure ("dozens", "18") is shared as the pack's coders do
    (``killed_and_wounded``: Yemen's code half of it as dead); without a share it is read as any other figure
    (None: the wounded, as news that tells such a figure often tells the dead apart)."""
    from warwire.knowledge import packs

    if count.qualifier == "vague" and (count.best or 0) <= UNKNOWN:
        return count
    share = packs.current().killed_and_wounded
    if share is None:
        return None
    best = int((count.best or 0) * share + 0.5)
    return Count(best=best, low=None, high=None, qualifier="about" if count.qualifier == "exact" else count.qualifier)


def _kill_noun_follows(text: str, e: int, kill: list[tuple[int, int]]) -> bool:
    # "one fatality", not "a fatality count" (a figure, none told) nor "an assassination attempt"
    return any(0 <= ks - e <= 1 and not _COUNT_NOUN.search(text[ks:ke])
               and not _ATTEMPT_AFTER.match(text[ke:ke + 12]) for ks, ke in kill)


def _count(m, text, quals, lex) -> Count | None:
    s = m.start()
    if m.group("another"):
        return Count(best=1, low=1, high=1, qualifier="exact")  # "another child was killed"
    if m.group("vague"):
        value = lex.vague[m.group("vague").lower()]
        if m.group("vscale"):
            # "hundreds of thousands", "tens of thousands": the vague amount of that many thousands (millions).
            value *= 1000 if m.group("vscale").lower() == "thousands" else 1_000_000
        return Count(best=value, low=None, high=None, qualifier="vague")
    low = parse_number(m.group("num"))
    if low is None:
        return None
    if m.group("high"):
        high = parse_number(m.group("high"))
        if high is not None and high > low and _RISEN_FROM.search(text, max(0, s - 60), s):
            return Count(best=high, low=high, high=high, qualifier="exact")  # "the toll rose from 18 to 25"
        if high is not None and high > low:
            return Count(best=low, low=low, high=high, qualifier="about")
    qualifier = next((q for qs, qe, q in quals if 0 <= s - qe <= 1), "exact")
    if qualifier == "at_least":
        return Count(best=low, low=low, high=None, qualifier=qualifier)
    if qualifier == "at_most":
        return Count(best=low, low=None, high=low, qualifier=qualifier)
    if qualifier == "about":
        return Count(best=low, low=None, high=None, qualifier=qualifier)
    return Count(best=low, low=low, high=low, qualifier="exact")


def combine(tolls: list[Toll]) -> Casualties:
    """The casualties of one event from its tolls: the dead, the injured, and who they were."""
    out = Casualties(hit={t.victim for t in tolls if t.victim})
    main_dead = [t for t in tolls if t.what == "killed" and not t.breakdown]
    if main_dead:
        # The coder's own figure ("deaths and injuries among a number of men, coded as 5 fatalities") is the toll.
        first = next((t for t in main_dead if t.coded), main_dead[0])
        main_dead = [first] + [t for t in main_dead if t is not first]
        if first.victim is None:
            # "kill 31 ... Some 31 villagers died": the figure told again says who died.
            again = next((t for t in main_dead[1:] if t.victim and t.count.best == first.count.best), None)
            if again is not None:
                first = Toll(first.what, first.count, first.start, first.end, again.victim, False, again.victim_span)
                main_dead = [first] + [t for t in main_dead[1:] if t is not again]
        # "killed six soldiers and four civilians": different victims add up; repeats of one figure do not.
        # Victims listed with one verb add up whoever they were ("45 militants and 20 Kurdish fighters were killed").
        # (A vague amount added ("along with several fighters", "in addition to an unknown number") is no figure to
        # add; the coder's "coded as an additional 10" is.)
        added = [t for t in main_dead[1:] if t.added and t.start > first.end and t.count.best
                 and t.count.qualifier != "vague"]
        parts = [first] + [t for t in main_dead[1:] if t.victim and first.victim and t.start - first.end < 80
                           and (t.victim != first.victim or t.listed and first.listed) or t in added]
        if len(parts) > 1:
            best = sum(t.count.best or 0 for t in parts)
            out.fatalities = Count(best=best, low=best if all(t.count.low for t in parts) else None,
                                   high=None, qualifier=first.count.qualifier)
        else:
            out.fatalities = Count(**first.count.to_dict())
        out.spans["fatalities"] = (parts[0].start, parts[-1].end)
        for t in parts:
            _add_victim(out, t, main=True)
        if len(parts) > 1 and all(t.listed for t in parts):
            # "A mother and her two small sons died": three civilians, two of them children.
            civilian_parts = [t for t in parts if t.victim in ("civilians", "children", "women")]
            if civilian_parts:
                out.victims.civilians = sum(t.count.best or 0 for t in civilian_parts)
            for key in ("children", "women", "combatants"):
                if sum(t.victim == key for t in parts) > 1:
                    setattr(out.victims, key, sum(t.count.best or 0 for t in parts if t.victim == key))
    for t in tolls:
        if t.what == "killed" and t.breakdown and main_dead:
            _add_victim(out, t, main=False)
    _split_generic(out, main_dead[0] if main_dead else None,
                   [t for t in tolls if t.what == "killed" and t.breakdown and t.count.qualifier != "vague"])
    hurt = [t for t in tolls if t.what == "injured" and not t.breakdown]
    if hurt:
        out.injured = Count(**hurt[0].count.to_dict())
        out.spans["injured"] = (hurt[0].start, hurt[0].end)
    return out


def _split_generic(out: Casualties, main: Toll | None, parts: list[Toll]) -> None:
    """"22 people, including six civilians" -> six civilians; "22 people, including 16 fighters" -> six civilians."""
    if main is None or not main.generic or out.fatalities.best is None:
        return
    total = out.fatalities.best
    # Only a part told as "civilians" says how many of them were civilians: "17 people, including four referees" leaves
    # the other 29 people what a toll of people is (civilians), as a part told as children or women does.
    civ = next((t.count.best for t in parts if t.victim == "civilians" and t.says_civilians), None)
    fighters = next((t.count.best for t in parts if t.victim == "combatants"), None)
    if civ is not None and civ <= total:
        out.victims.civilians = civ
    elif fighters is not None and fighters <= total:
        out.victims.civilians = total - fighters
    if fighters is not None and fighters <= total:
        out.victims.combatants = fighters


def _add_victim(out: Casualties, t: Toll, main: bool) -> None:
    if t.victim is None or (not main and t.count.qualifier == "vague"):
        return  # "including several children" gives no count of children
    n = t.count.best
    key = t.victim
    if getattr(out.victims, key) is None:
        setattr(out.victims, key, n)
        if not main or key in ("children", "women"):
            out.spans[f"victims.{key}"] = (t.start, t.end)
    if main and key in ("children", "women") and out.victims.civilians is None:
        out.victims.civilians = n


# ACLED coders say how a toll told for several places was shared out among the events they coded:
# "4 fatalities coded at this event", "split, 3 each, between the 2 locations", "spread over the three events".
_SHARE_HERE = re.compile(r"(?i)\b(?P<n>[\w-]+) (?:fatalities |deaths )?(?:were |are |is |was )?(?:coded|allocated|attributed|"
                         r"assigned) (?:to|at|for) this (?:location|event)")
_SHARE_EACH = re.compile(r"(?i)\b(?P<n>[\w-]+),? (?:fatalities |deaths )?(?:(?:were |are )?(?:coded|allocated|assigned) )?"
                         r"(?:each|a piece|apiece)\b")
_SHARE_SPLIT = re.compile(r"(?i)\b(?:split|spread|distributed|divided|shared)\b[^.]{0,40}?\b(?:between|across|over|among) "
                          r"(?:the )?(?:first )?(?P<n>[\w-]+) (?:\w+ )?(?:locations|events|towns|villages|areas|sites|places|"
                          r"neighbou?rhoods|fronts)\b")
_SHARE_LIST = re.compile(r"(?i)\bDistributed fatalities over the (?:activities|events|locations) (?:in|at|of) (?P<places>[^.]+)")
# A place's name in a coder's note: capitalised words, an "al-" among them ("Sheikh al-Hadid").
_NOTE_PLACE = r"[A-Z][\w'-]*(?:\s+(?:[A-Z]|al-)[\w'-]*){0,3}"
# "its N fatalities were divided evenly between X and Y", "set at 10, distributed between X, Y and Z": a toll shared
# over the places the note names, in equal parts.
_SHARE_BETWEEN = re.compile(r"(?i:\bfatalit(?:y|ies)\b[^.;]{0,40}?\b(?:split|spread|distributed|divided|shared)"
                            r"(?:\s+evenly)?\s+between\s+(?:(?:the\s+)?activities\s+in\s+)?)"
                            rf"(?P<places>{_NOTE_PLACE}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:in\s+)?{_NOTE_PLACE})+)")
_BETWEEN_GAP = re.compile(r"\s*,\s*(?:and\s+)?(?:in\s+)?|\s+and\s+(?:in\s+)?")
# "split with another event": half the toll is this event's. ("Fatalities coded as half" says how a toll of the dead
# and the wounded was read: see ``killed_and_wounded`` in a pack.)
_SHARE_HALF = re.compile(r"(?i)\b(?:split|shared|divided) with (?:one )?(?:another|the other|a second) (?:event|location)\b")
# The words each pattern cannot match without, searched first (same flags): the patterns above try every word.
_SHARE_NEEDS = {_SHARE_HERE: re.compile(r"(?i) this (?:location|event)"),
                _SHARE_EACH: re.compile(r"(?i) (?:each|a piece|apiece)\b")}


# The coders' own figure for the whole event, told after the parts it sums ("..., for a total ... of N"),
# "total fatalities at X coded as N", "(N fatalities recorded in total)".
_CODED_TOTAL = re.compile(
    r"(?i)\btotal\s+(?:number\s+of\s+)?(?:fatalities|fatality\s+count|deaths)\s+(?:at\s+[^.;,]{1,40}?\s+)?"
    r"(?:(?:is|was|were)\s+)?(?:coded|recorded|set)\s+(?:as|to|at)\s+(?P<a>[\w-]+)"
    r"|\b(?:for|giving|with)\s+a\s+total\s+fatality\s+count\s+of\s+(?P<b>[\w-]+)"
    r"|\bfor\s+a\s+total\s+of\s+(?P<c>[\w-]+)\s+fatalities\b"
    r"|\b(?P<d>[\w-]+)\s+(?:total\s+)?(?:fatalities|deaths)\s+(?:were\s+)?(?:recorded|coded)\s+in\s+total\b")
# The coders' figure that closes a note ("... shot dead a fighter in the town. 1 fatality."): the event's toll.
_CLOSING_FIGURE = re.compile(r"(?i)(?:^|[.;:]\s+)(?P<n>\d+|one|an?)\s+(?:fatality|fatalities)\s*\.?\s*$")
_SHARES = (_SHARE_HERE, _SHARE_EACH, _SHARE_SPLIT, _SHARE_HALF, _SHARE_LIST, _SHARE_BETWEEN)


# The coders' allocation of a toll to named places: "N fatalities assigned to X", "N to X and M apiece to Y and Z",
# "one fatality each to the activities in X", "X allocated N, Y M". The verb of allocating (or "each") lies inside the
# phrase a figure is read from; a figure that only follows "from" ("the toll went from N to M") is never one.
_ALLOCATED = re.compile(r"(?i)(?-i:[AaEe])(?<!\w.)(?:(?<=[Aa])(?:llocat|ttribut|ssign)\w*\b|(?<=[Ee])ach\s+to\b)")  # as _SAVE
_FIGURE_NUM = r"(?<![\w-])(?<!from )(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
_FIGURE_PLACE = (r"to\s+(?:the\s+)?(?:activit(?:y|ies)\s+in\s+)?(?P<p>[^.;()]+?)"
                 r"(?=\s+and\s+(?:\d|one\b|two\b|three\b|four\b|five\b)|\s*,(?!\s*[A-Z])|\s*[.;()]|\s*$)")
_FIGURE_TO = re.compile(
    r"(?i)" + _FIGURE_NUM + r"(?:(?:additional|more|shelling)\s+)?(?:fatalit(?:y|ies)\s+|deaths?\s+)?(?:(?:were|was)\s+)?"
    r"(?:(?:allocated|attributed|assigned|distributed|coded)\s+(?:each\s+)?|each\s+)" + _FIGURE_PLACE)
# The next figure of one allocation, its verb told once before: "... to X and 2 to Y", "..., and 1 each to Z".
_FIGURE_TO_NEXT = re.compile(
    r"(?i)\s*,?\s+and\s+" + _FIGURE_NUM + r"(?:fatalit(?:y|ies)\s+|deaths?\s+)?(?:each\s+)?" + _FIGURE_PLACE)
# "X allocated 3 and Y 2", and a list of places given one figure each: "A, B, and C each allocated 2", "A and B allocated
# 7 each".
_PLACE_ALLOCATED = re.compile(rf"(?P<p>{_NOTE_PLACE}(?:\s*,\s*(?:and\s+)?{_NOTE_PLACE}|\s+and\s+{_NOTE_PLACE})*)\s+"
                              r"(?:(?:was|were|are)\s+)?(?:each\s+)?allocated\s+"
                              rf"(?P<n>\d+)\b(?P<more>(?:,?\s+(?:and\s+)?{_NOTE_PLACE}\s+\d+\b)*)")
_PLACE_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_PLACE_FIGURE = re.compile(r"(?P<p>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})\s+(?P<n>\d+)\b")


def _letters(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.lower())


def allocated_share(text: str, places: list[str]) -> int | None:
    """The fatalities a note's coders allocate to the place named by one of ``places`` (its names as the text and
    the gazetteer spell it), else None."""
    from warwire.extract.assembly import is_story  # (assembly imports this module)

    names = {_letters(p) for p in places if p and len(_letters(p)) >= 3}
    if not names or _ALLOCATED.search(text) is None or is_story(text):
        return None  # a story's "attributed to" or "from 20 to 25" allocates nothing: only coders allocate
    told: list[tuple[str, str]] = []
    for sentence in re.split(r"(?<=[.;])\s+", text):
        if _ALLOCATED.search(sentence) is None:
            continue
        for m in _FIGURE_TO.finditer(sentence):
            told.append((m.group("n"), m.group("p")))
            while (m := _FIGURE_TO_NEXT.match(sentence, m.end())) is not None:
                told.append((m.group("n"), m.group("p")))
        for m in _PLACE_ALLOCATED.finditer(sentence):
            told += [(m.group("n"), p) for p in _PLACE_LIST_GAP.split(m.group("p"))]
            told += [(f.group("n"), f.group("p")) for f in _PLACE_FIGURE.finditer(m.group("more"))]
    for n, where in told:
        where = _letters(where)
        if any(name in where or where and where in name for name in names):
            return parse_number(n)
    return None


def coded_share(text: str, total: int | None, places: list[str] = ()) -> int | None:
    """The fatalities ACLED's coders gave one event when their note shares a toll among several (allocating it to
    the event's place, one of ``places``), or sums or closes it with a figure of their own, else None."""
    allocated = allocated_share(text, list(places)) if places else None
    if allocated is not None:
        return allocated
    closing = _CLOSING_FIGURE.search(text[-40:])
    if closing is not None and not any(p.search(text) for p in _SHARES):
        return 1 if closing.group("n").lower() in ("a", "an") else parse_number(closing.group("n"))
    if not total:
        return None
    # "an agency then raised the death toll to 23": the last figure told is the event's.
    updated = next((n for n in reversed([parse_number(m.group("n")) for m in _UPDATED_FIGURE.finditer(text)])
                    if n is not None), None) if _holds(text, _UPDATE_WORDS) else None
    share = _coded_share(text, updated or total)
    return share if share is not None else updated


def _coded_share(text: str, total: int) -> int | None:
    summed = None
    for m in _CODED_TOTAL.finditer(text) if "total" in text.lower() else ():
        summed = m
    if summed is not None and (n := parse_number(next(g for g in summed.groups() if g))) is not None:
        if not any(p.search(text, summed.end()) for p in _SHARES):
            return n  # the sum told last is the event's
        total = n  # a sum told before the note splits it ("coded as N, shared over M places"): what is shared
    for pattern in (_SHARE_HERE, _SHARE_EACH):
        m = _SHARE_NEEDS[pattern].search(text) and pattern.search(text)
        if m:
            n = parse_number(m.group("n"))
            if n is not None and n <= total:
                return n
    if not _may_share(text):
        return None  # none of the words the patterns below need: nearly every text
    m = _SHARE_SPLIT.search(text)
    if m:
        n = parse_number(m.group("n"))
        if n and n > 1:
            return _share(total, n)
    m = _SHARE_HALF.search(text)
    if m:
        return _share(total, 2)
    m = _SHARE_LIST.search(text)
    if m:
        places = [p for p in re.split(r",|\band\b", m.group("places")) if p.strip()]
        if len(places) > 1:
            return _share(total, len(places))
    m = _SHARE_BETWEEN.search(text)
    if m:
        return _share(total, len(_BETWEEN_GAP.split(m.group("places"))))
    return None


# The words ``_SHARE_SPLIT``, ``_SHARE_HALF`` and ``_SHARE_LIST`` cannot match without, those ``_UPDATED_FIGURE``
# cannot, and the letters besides a letter's cases a case-blind pattern takes for "i" and "s" (lower-cased, a text
# is searched for the words by ``in``: nearly every text holds none, and is not scanned by the patterns).
_SHARE_WORDS = ("split", "spread", "distributed", "divided", "shared")
_UPDATE_WORDS = ("updat", "rais", "revis")
_CASE_BLIND = {0x130: "i", 0x131: "i", 0x17F: "s"}


def _folded(text: str) -> str:
    """The text lower-cased, with the letters a case-blind pattern takes for "i" and "s" made them."""
    return (text if text.isascii() else text.translate(_CASE_BLIND)).lower()


def _holds(text: str, words: tuple[str, ...]) -> bool:
    low = _folded(text)
    return any(w in low for w in words)


def _may_share(text: str) -> bool:
    return _holds(text, _SHARE_WORDS)


def _share(total: int, n: int) -> int:
    """One event's share of a toll split among ``n``: the nearest whole number, a half rounded up. Coders give the
    remainder to some of the events ("10 across three": 4, 3 and 3; "5 across three": 2, 2 and 1), so the share
    most of the events get is the nearest; split in two, the first event's is the larger ("5 split with another
    event": 3 and 2)."""
    return (2 * total + n) // (2 * n)


def part_of_total(whole, part) -> bool:
    """Whether mention ``part`` tells a share of the toll mention ``whole`` gives over a wider area: "13 civilians
    were killed across the province ... five in the village of X" (a town's own event, not the total's)."""
    total, share = whole.casualties.fatalities, part.casualties.fatalities
    if total.best is None or share.best is None or share.best >= total.best or "vague" in (total.qualifier,
                                                                                             share.qualifier):
        return False
    if not part.place_told or part.place is None or whole.place is None:
        return False
    return (part.place.geo_precision or 3) < (whole.place.geo_precision or 3)


def continues_cumulative(tolls: TollReader, before: tuple[int, int], here: tuple[int, int], dates: list,
                         places: list) -> bool:
    """Whether the toll of sentence ``here`` goes on counting the period the sentence ``before`` it summed: "The
    group has counted 900 deaths from bombing in the last twelve months. Rebel fire killed 300 people" (the same
    year's toll, not an event). Only a toll told with no day and no town of its own continues a sum."""
    from warwire.extract.event_types import is_cumulative

    s, e = here
    # The cheap tests first: most sentences tell a day or a town, or follow none that sums a period, and then
    # their tolls need no reading here.
    if any(s <= d.start < e for d in dates) or any(s <= p.start < e and (p.location.geo_precision or 3) < 3
                                                    for p in places):
        return False
    bs, be = before
    if not is_cumulative(tolls.text[bs:be]):
        return False
    if not any(t.what == "killed" and not t.breakdown for t in tolls.tolls(s, e)):
        return False
    return any(t.what == "killed" and not t.breakdown for t in tolls.tolls(bs, be))


# Words that say no one died: a coder's "neither fatalities nor injuries", "without causing more deaths", "no one was
# killed", "only caused injuries", "causing only material damage". The annotation guide and ACLED code such an
# event's fatalities as 0, not as unknown. Between the negation and the dead only words that keep "no one at all"
# may stand ("without causing any further deaths"): "no word on casualties" or "no details of the deaths" tell an
# unknown toll, and "no civilian casualties" leaves the fighters' dead untold.
_NO_ONE_AT_ALL = r"(?:any|further|more|other|additional|human|caus(?:e|ed|ing)|leav(?:e|ing)|left|inflict(?:ed|ing)" \
    r"|result(?:ed|ing)\s+in)"
_NONE_DIED = re.compile(
    r"(?i)\b(?:no|without|neither|nor)\s+(?:" + _NO_ONE_AT_ALL + r"\s+){0,3}?"
    r"(?:casualties|deaths|fatalities|loss\s+of\s+(?:life|lives))\b"
    r"|\b(?:no\s+one|nobody|none)\s+(?:was|were|had\s+been|has\s+been)\s+(?:killed|hurt|injured|wounded)\b"
    r"|\b(?:no\s+one|nobody)\s+died\b"
    r"|\bonly\s+(?:caus(?:ed|ing)|left|leaving|inflict(?:ed|ing))\s+(?:\w+\s+)?(?:injuries|wounds|damage)\b"
    r"|\b(?:caus(?:ed|ing)|left|leaving|inflict(?:ed|ing))\s+only\s+(?:\w+\s+)?(?:injuries|wounds|damage)\b")


def none_died(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the words in [start, end) say that no one died (see ``_NONE_DIED``), else None."""
    m = _NONE_DIED.search(text, start, end)
    return m.span() if m is not None else None


def may_count_the_same(a: Count, b: Count) -> bool:
    """Whether two tolls may count one event's dead: the same figure, one untold, or one a vague amount ("dozens"
    and "27 people" can tell one strike)."""
    return a.best is None or b.best is None or a.best == b.best or "vague" in (a.qualifier, b.qualifier)
