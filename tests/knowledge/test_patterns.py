"""The compiled word lists: what a pattern can start with, and the scan by word starts."""
from __future__ import annotations

import re

import pytest

from warwire.knowledge.patterns import compile_alternation, first_chars, prefixes


@pytest.mark.parametrize("regex, firsts", [
    ("killed", {"k"}),
    ("(?:the )?(?:Syrian )?regime", {"t", "s", "r"}),
    ("[Aa]ir ?strikes?", {"a"}),
    ("(?:air|drone) strikes?", {"a", "d"}),
    (r"\bshell(?:ed|ing)\b", {"s"}),
    ("(?=Syria)Syrian army", {"s"}),
    (r"\w+ killed", None),  # any word character
    ("(?:the )?", None),  # may match nothing
    ("[^a] attack", None),
])
def test_first_chars(regex, firsts):
    assert first_chars(regex) == firsts


def test_first_chars_may_read_a_digit_class():
    from warwire.knowledge.patterns import DIGIT

    assert first_chars(r"\d+ days") is None  # any character, unless asked
    assert first_chars(r"(?:two|\d+) days", digits=True) == {"t", DIGIT}
    assert first_chars(r"[\d] days", digits=True) is None  # inside a class: still any character
    assert first_chars("killed", digits=True) == {"k"}


def test_any_word_with_a_digit_led_marker_finds_what_the_plain_alternation_finds():
    """A marker list where one pattern begins with a digit gets the look-ahead (``\\d`` in it): the same sentences."""
    from warwire.knowledge.taxonomy import _any_word

    markers = [r"(?:two|three|\d+) (?:days|weeks) of shelling", "so far this year"]
    found = _any_word(markers)
    assert found.pattern.startswith(r"(?<!\w)(?=[\dst])")
    plain = re.compile("|".join(rf"\b(?:{p})\b" for p in markers), re.IGNORECASE)
    sentences = ["After 12 days of shelling the town emptied.", "After x12 days of shelling.", "After 12days of shelling.",
                 "Three WEEKS OF SHELLING left it in ruins.", "After ١٢ days of shelling, nothing stood.",
                 "After ١٢days of shelling.", "After _12 days of shelling.", "12 weeks of shelling", "So far this year",
                 "so far this years", "", "12", "Two weeks of shellings."]
    for sentence in sentences:
        assert bool(found.search(sentence)) == bool(plain.search(sentence)), sentence
    assert sum(bool(found.search(s)) for s in sentences) == 5


def test_prefixes_follow_optional_parts():
    found = prefixes("Syria'?s army")
    assert found == {(frozenset("s"), frozenset("y"))}
    assert prefixes("IS") == {(frozenset("i"), frozenset("s"))}
    # A one-letter match may end after its first letter.
    assert (frozenset("a"),) in prefixes("an?")


@pytest.mark.parametrize("regex", [r"(\w)\1", "(?(1)a|b)", "a(?#comment"])
def test_unreadable_patterns_are_none(regex):
    assert prefixes(regex) is None


TEXT = ("Syrian government warplanes struck the town on Monday, killing 12 civilians; rebels shelled "
        "the government-held city. Government forces said the \"regime\" had no part in it. Is it over?")

PAIRS = [("Syrian government warplanes", "air"), ("government", "gov"), ("government forces", "govf"),
         ("rebels?", "reb"), ("shell(?:ed|ing)", "shell"), ("kill(?:ed|ing)", "kill"), ("IS", "is"),
         ("(?:the )?regime", "regime"), ("city", "city"), ('"regime"', "quoted"), ("it", "it")]


def _reference(pairs, text):
    """What a scan must find: at each word start not inside an earlier match, the first alternative
    (longest pattern first) that matches there as whole words."""
    ordered = sorted(enumerate(pairs), key=lambda p: (-len(p[1][0]), p[0]))
    out, nxt = [], 0
    for w in re.finditer(r"(?<![\w'’-])[^\W_]|[\"“]", text):
        p = w.start()
        if p < nxt:
            continue
        for _, (regex, value) in ordered:
            flags = 0 if regex.isupper() else re.IGNORECASE
            m = re.compile(rf"(?:{regex})(?![\w’-])", flags).match(text, p)
            if m:
                out.append((m.start(), m.end(), value))
                nxt = m.end()
                break
    return out


def test_alternation_finds_what_a_plain_scan_finds():
    alternation = compile_alternation(PAIRS)
    found = [(m.start(), m.end(), alternation.key(m)) for m in alternation.finditer(TEXT)]
    assert found == _reference(PAIRS, TEXT)
    assert (0, len("Syrian government warplanes"), "air") in found
    assert not any(v == "gov" and TEXT[s - 1] == "-" for s, _, v in found)  # "-held" is inside a word
    assert not any(v == "is" for _, _, v in found)  # "Is" is not the capitals-only alias "IS"


def test_alternation_within_a_range():
    alternation = compile_alternation(PAIRS)
    start = TEXT.index("rebels")
    end = TEXT.index("city")
    found = [alternation.key(m) for m in alternation.finditer(TEXT, start, end)]
    assert found == ["reb", "shell"]  # "government-held" is not the word "government"


def test_starting_keys_select_the_words_a_pattern_can_begin():
    from warwire.knowledge.patterns import KEY, starting_keys

    assert KEY == 6
    six, five, four, three, two, one = starting_keys("(?:the )?(?:Syrian )?regime")
    assert six == {"the sy", "the re", "syrian", "regime"} and not (five | four | three | two | one)
    *_, two, one = starting_keys("an?")  # "a" alone, or "an"
    assert one == {"a"} and two == {"an"}
    *_, three, two, one = starting_keys(r"air\w*")
    assert three == {"air"}
    *_, three, two, one = starting_keys(r"a\w+")  # any letter after the first
    assert one == {"a"} and not three


def test_words_after_an_optional_article_are_told_apart():
    # "the" begins "(?:the )?regime": "the city" is not tried, "the regime" is.
    from warwire.knowledge.patterns import _Starts

    alternation = compile_alternation([("(?:the )?regime", "regime")])
    text = "Rebels took the city; the regime said the  regime held it."
    words = _Starts(text)
    tried = [text[words.positions[i]:words.positions[i] + 10] for i in words.candidates(alternation.keys)]
    assert "the city; " not in tried and "the regime" in tried
    found = [(m.start(), m.end(), alternation.key(m)) for m in alternation.finditer(text)]
    assert found == _reference([("(?:the )?regime", "regime")], text)


def test_words_with_a_curly_apostrophe_or_accent_inside_are_still_tried():
    # A head cut at a non-ASCII character ("Syria’s", "regimé") may still begin a key ("syrian", "regime").
    # "ſ" (the long s) matches "s" when case is ignored: a head cut before it must not hide "the ſyrian".
    pairs = [("Syria['’]s army", "army"), ("Syrian regime", "sr"), ("regim.", "regime"), ("the ré", "re"),
             ("the syrians", "syrians")]
    text = "Syria’s army shelled it; the Syrian regime and the regimé, the ré; Syria’s; the ſyrians."
    alternation = compile_alternation(pairs)
    found = [(m.start(), m.end(), alternation.key(m)) for m in alternation.finditer(text)]
    assert found == _reference(pairs, text)
    assert [v for _, _, v in found] == ["army", "sr", "regime", "re", "syrians"]


def test_a_pickled_alternation_finds_the_same_and_compiles_only_the_letters_it_reads():
    import pickle

    alternation = pickle.loads(pickle.dumps(compile_alternation(PAIRS)))
    assert not alternation._groups  # nothing compiled before a text is read
    text = "Rebels shelled the city."
    found = [(m.start(), m.end(), alternation.key(m)) for m in alternation.finditer(text)]
    assert found == _reference(PAIRS, text)
    assert set(alternation._groups) <= {"r", "s", "t", "c"}  # the first letters of this text's words
    assert "g" not in alternation._groups


def test_a_pickled_alternation_builds_the_patterns_re_compile_would_without_parsing_them(monkeypatch):
    import pickle
    from re import _parser

    from warwire.knowledge.patterns import from_program

    pairs = PAIRS + [("Syria['’]s army", "army"), ("the ré", "re")]
    alternation = pickle.loads(pickle.dumps(compile_alternation(pairs)))
    sources = [alternation._part_source(j) for j in range(len(alternation.parts))]
    expected = [re.compile(source) for source in sources]
    groups = {ch: re.compile(source) for ch, source in alternation.group_sources.items()}

    def no_parse(*args, **kwargs):
        raise AssertionError("a kept pattern was parsed again")

    monkeypatch.setattr(_parser, "parse", no_parse)
    built = [from_program(source, alternation._made("parts", j)) for j, source in enumerate(sources)]
    # (Patterns are equal when their source, flags and engine code are.)
    assert built == expected and [p.groupindex for p in built] == [p.groupindex for p in expected]
    assert {ch: from_program(source, alternation._made("groups", ch))
            for ch, source in alternation.group_sources.items()} == groups
    text = "Syria’s army and the rebels shelled the ré city; the government-held town."
    found = [(m.start(), m.end(), alternation.key(m)) for m in alternation.finditer(text)]  # nothing parsed
    monkeypatch.undo()
    assert found == _reference(pairs, text) and found


def test_a_program_of_another_engine_is_compiled_from_its_source():
    from warwire.knowledge.patterns import from_program, program

    made = program(r"(?P<g0>(?i:shell(?:ed|ing)))(?![\w’-])")
    assert made is not None
    foreign = (made[0] + 1, *made[1:])
    source = r"(?P<g0>(?i:shell(?:ed|ing)))(?![\w’-])"
    assert from_program(source, foreign) == re.compile(source)
    assert from_program(source, None).match("Shelling").group() == "Shelling"


def test_texts_with_letters_that_lower_case_into_two_keep_their_offsets():
    # "İ" lower-cases into two characters: word starts must still point into the text as given.
    text = "İdlib: rebels shelled the regime's positions; the regime said it was over."
    alternation = compile_alternation(PAIRS)
    found = [(m.start(), m.end(), alternation.key(m)) for m in alternation.finditer(text)]
    assert found == _reference(PAIRS, text)
    assert [text[s:e] for s, e, _ in found][:2] == ["rebels", "shelled"]


def test_a_word_tries_only_the_alternatives_its_first_characters_can_begin():
    pairs = [("rebel forces", "rf"), ("rebels?", "r"), ("rebellion", "rl"), ("shell(?:ed|ing)", "shell"),
             ("government", "gov")]
    text = "Rebels shelled the rebel forces; the rebellion, a rebel. Government-held, government."
    alternation = compile_alternation(pairs)
    found = [(m.start(), m.end(), alternation.key(m)) for m in alternation.finditer(text)]
    assert found == _reference(pairs, text)
    assert [v for _, _, v in found] == ["r", "shell", "rf", "rl", "r", "gov"]
    compiled = {alternation.values[f"g{j}"] for j, match in enumerate(alternation._parts) if match}
    assert compiled == {"rf", "r", "rl", "shell", "gov"}
    # At "Rebels" only "rebels?" is tried: its head "rebels" begins neither "rebel forces" nor "rebellion".
    assert len(alternation._by_head["rebels"]) == 1
    assert len(alternation._by_head["rebel "]) == 2  # "rebel forces", then "rebels?" ("rebel" alone)


def test_word_starts_are_where_a_letter_or_digit_follows_no_word_character():
    # The starts are read from runs of word characters; they must be the look-behind's: a letter or digit
    # not after a letter, digit, underscore, apostrophe or hyphen, and every double quote.
    from warwire.knowledge.patterns import _WORD_START, _Starts

    texts = ["_under score, 'quoted' and “curly” words; a-b, don’t, 3rd; ٣٤ shells", "", "x",
             "—a dash— then __x__ and \"q\" or ’tis; Ünïcode and İdlib, ǅemal; 12,000 died."]
    for text in texts:
        assert _Starts(text).positions == [m.start() for m in _WORD_START.finditer(text)]
    starts = _Starts(texts[0]).positions
    assert texts[0].index("under") not in starts and texts[0].index("score") in starts
    assert texts[0].index("b,") not in starts and texts[0].index("t, 3rd") not in starts


@pytest.mark.parametrize("text", [
    "-- dashes lead, then 'a quote' and _x_ end with -",  # runs that begin no word at both ends of the text
    "'", "- -- ---", "’’’ ’twas", "__init__ o'clock",  # nothing but such runs, or one run after another
    "Shelling hit two towns - one of them twice - on Tuesday, 'activists' said.",
    "\"\"“x”", "a-b-c d--e 'f'g h’’i",
])
def test_word_starts_summed_from_the_pieces_are_the_look_behinds(text):
    # The starts are summed from the lengths of the pieces a text splits into around its runs, then the runs that
    # begin with an apostrophe, hyphen or underscore are taken out: the same offsets as the look-behind's matches.
    from warwire.knowledge.patterns import _WORD_START, _word_starts

    assert _word_starts(text) == [m.start() for m in _WORD_START.finditer(text)]


def test_the_words_a_list_is_tried_at_are_those_whose_head_one_of_its_keys_begins():
    # One pass over a text's heads finds the words of every list in use: each list's words must be exactly those
    # whose head one of its keys begins (a head cut at a non-ASCII character: also those whose cut head begins
    # one of its keys), and every word whose 2nd or 3rd character is not ASCII.
    from warwire.knowledge.patterns import KEY, _Starts

    text = ("The regime's jets hit the rebels; then the regimen ended. Theirs was a thé dansant near Syria\uffff "
            "and Syrians, the ré-gime, THE RE and the re\U0010ffff. Zzzzzz zz z\u00e9 syrïa r\u00e9gime.")
    lists = [compile_alternation(PAIRS + [("Syria", "s"), ("Syrians?", "ss"), ("z+", "z")]),
             compile_alternation([("(?:the )?regime", "regime"), ("zz", "zz")]),
             compile_alternation([("Syrian army", "army"), ("theirs", "theirs")])]
    words = _Starts(text)
    assert words.cut and words.always  # both kinds of word are in the text
    for alternation in lists:
        keys = [k for level in alternation.keys for k in level]
        expected = set(words.always)
        for i, head in enumerate(words.heads):
            if head and any(head.startswith(k) for k in keys):
                expected.add(i)
            if head in words.cut and any(k.startswith(head) and len(k) > len(head) for k in keys):
                expected.add(i)
        assert list(words.candidates(alternation.keys)) == sorted(expected)
    assert any(len(h) == KEY for h in words.heads)
    # A list first used after the text's pass: the pass is made again, and the lists read before keep their words.
    before = words.candidates(lists[0].keys)
    late = compile_alternation([("dansant", "d")])
    tried = [text[words.positions[i]:words.positions[i] + 7] for i in words.candidates(late.keys)
             if i not in words.always]
    assert tried == ["dansant"]
    assert words.candidates(lists[0].keys) == before


GROUPED = ["Syria", "Syrians?", "Free Syrian Army", "FSA", "(?:El|Al)[- ]Fash(?:er|ir)", "regime", "Restoring Hope",
           "Sana['’]?a", "SANA", "(?<!South )Sudan", "anti[- ]Houthi", "Houthis?", "al[- ]Qaeda", "Assad"]


def test_a_list_grouped_by_first_letter_matches_what_its_alternation_matches():
    from warwire.knowledge.patterns import by_first_letter

    text = ("Syrian and FREE SYRIAN ARMY fighters (FSA, not fsa) left El-Fasher and al Fashir; South Sudan and Sudan; "
            "SANA said Sanaa and Sana’a, sana too; the regime's anti-Houthi and Houthis; Syrias Syria's al-Qaeda "
            "AL QAEDA Assad-era ASSAD; restoring hope; Kelvin \u212aK and long \u017fyria.")
    alternation = compile_alternation([(c, c) for c in GROUPED])
    grouped = re.compile(by_first_letter(GROUPED))
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in alternation.pattern.finditer(text)]
    assert len([m for m in grouped.finditer(text)]) >= 15
    # Where an alternative may begin with a digit, a symbol or a letter beyond ASCII, or names a group, there is no
    # grouped pattern.
    assert by_first_letter(["[0-9]+ killed", "Syria"]) is None
    assert by_first_letter(["Élysée", "Syria"]) is None
    assert by_first_letter(["(?P<x>[SZ]yria)", "Syrian?"]) is None
    assert by_first_letter([]) is None


def test_words_grouped_by_first_letter_match_as_the_plain_alternation_does():
    import re

    from warwire.knowledge.patterns import words_by_first_letter

    words = sorted(["two", "twelve", "ten", "a few", "another", "about", "eight", "el"], key=len, reverse=True)
    grouped = re.compile(rf"\b(?:{words_by_first_letter(words)})\b")
    plain = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    text = "Another twelve died, about ten of them el men; two, a few, eight or tw elve."
    assert [m.group() for m in grouped.finditer(text)] == [m.group() for m in plain.finditer(text)]
    assert words_by_first_letter(["twelve", "two", "ten"]) == "t(?:welve|en|wo)"


def test_words_grouped_by_first_letter_give_one_source_whatever_order_a_set_gave_them():
    # A list sorted longest first from a set orders its words of one length as the set iterates, which differs
    # from process to process: the source must not, or every process compiles (and keeps) the pattern anew.
    from warwire.knowledge.patterns import words_by_first_letter

    one = words_by_first_letter(["seven", "six", "ten", "two", "one"])
    other = words_by_first_letter(["seven", "two", "one", "ten", "six"])
    assert one == other == "o(?:ne)|s(?:even|ix)|t(?:en|wo)"
    # Words of different lengths keep the order given (longest first here): "seventy" is tried before "seven".
    assert words_by_first_letter(["seventy", "seven", "six"]) == "s(?:eventy|even|ix)"


def test_lists_first_used_in_several_threads_at_once_find_what_a_plain_scan_finds():
    # Lists are numbered in the one index of every list's keys when first used, and a text's pass is made again
    # when a list was numbered after it: threads reading the same texts while numbering their own lists must each
    # find every match of theirs.
    import sys
    import threading

    texts = [f"Shelling hit town {i}; the regime's jets and rebel fighters clashed near Wadi Zahr {i}." for i in range(40)]
    words = ["shelling", "regime", "rebel fighters", "jets", "clashed", "wadi zahr", "town", "near"]
    errors: list[str] = []

    def read(n: int) -> None:
        pairs = [(w, f"{w}{n}") for w in words[n % len(words):] + words[:n % len(words)]][: 3 + n % 5]
        pairs.append((f"zz{n}q", "own"))  # a key no other list has: each thread numbers a list of its own
        alternation = compile_alternation(pairs)
        for text in texts:
            found = [(m.start(), m.end(), alternation.key(m)) for m in alternation.finditer(text)]
            if found != _reference(pairs, text):
                errors.append(f"{n}: {text}")

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=read, args=(n,)) for n in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert not errors


class _NumbersOnRead(dict):
    """The index's key -> lists dict, which numbers a list right after the key ``at`` is read: what another thread
    may do between a head's lookup and its store, made to happen every time."""

    def __init__(self, items, at, number):
        super().__init__(items)
        self.at, self.number = at, number

    def get(self, key, default=None):
        got = super().get(key, default)
        if key == self.at and self.number is not None:
            number, self.number = self.number, None
            number()
        return got


@pytest.mark.parametrize("word, last_read", [
    ("zqxwv", "zqxwv "),  # a plain head (its first KEY characters)
    ("zqxwé", "zqxw"),  # a head cut before a non-ASCII character
])
def test_a_list_numbered_while_a_head_is_looked_up_is_found_at_that_head(monkeypatch, word, last_read):
    # A list numbered while a text's pass looks up a head's lists (in another thread) must be tried at that head
    # in every later pass: the lookup's answer, made without it, is not remembered for the new set of lists.
    from warwire.knowledge import patterns

    index = patterns._ListIndex()
    monkeypatch.setattr(patterns, "_LISTS", index)
    first = compile_alternation([("shelling", "shelling")])
    second = compile_alternation([(word, "word")])
    index.by_key = _NumbersOnRead(index.by_key, last_read, lambda: index.number(second.keys))
    text = f"Shelling woke the {word} valley before dawn."
    assert [m.group() for m in first.finditer(text)] == ["Shelling"]
    assert index.numbers.get(second.keys) is not None  # numbered during that pass
    assert [m.group() for m in second.finditer(text)] == [word]
    other = f"Nobody slept in the {word} valley that week."
    assert [m.group() for m in second.finditer(other)] == [word]


def test_a_pattern_is_built_from_its_program_only_when_the_engine_takes_it():
    from warwire.knowledge.patterns import built, program

    source = r"(?P<g0>(?i:shell(?:ed|ing)))(?![\w’-])"
    made = program(source)
    assert built(source, made) == re.compile(source)
    assert built(source, made).match("Shelled the town").group("g0") == "Shelled"
    assert built(source, None) is None
    assert built(source, (made[0] + 1, *made[1:])) is None  # another engine's
    assert built(source, (*made[:2], made[2][:3], *made[3:])) is None  # cut short: the engine refuses it


def test_every_trigger_pattern_tells_the_letters_it_begins_with():
    # A trigger pattern whose first letters are unknown (one that may begin with "[\w-]+" or "\d") is tried at every
    # word of every text by the one-pass matcher: one such pattern doubled the extraction's time.
    import yaml

    from warwire.knowledge.taxonomy import TRIGGERS
    packs = sorted(TRIGGERS.parent.glob("packs/*/triggers.yaml"))
    rules = [rule for path in [TRIGGERS, *packs]
             for rule in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("triggers", [])]
    assert len(rules) > 40
    assert [p for rule in rules for p in rule.get("patterns", []) if first_chars(p) is None] == []
