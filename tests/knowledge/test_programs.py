"""The regular expressions a process compiles at start, kept as the engine's programs and built from them again."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Compiles our own patterns with the kept programs in front of ``re``'s compiler, saves what was new, and prints
# whether each came from a kept program and what it finds in sentences we wrote.
_PROBE = r"""
import re, sys
from warwire.knowledge import programs
programs.keep_programs()
kept_before = set(programs._kept)
sources = [(r"(?P<town>[A-Z]\w+) was (?:shelled|struck) on (?P<day>\w+day)", 0),
           (r"\b(?:killing|killed)\s+(\d+)\s+civilians\b", re.IGNORECASE)]
for source, flags in sources:
    pattern = re.compile(source, flags)
    own = programs._compile_from_source(source, flags)
    text = "Kafr Tiyur was shelled on Tuesday, killing 4 civilians; Marat was struck on Friday, KILLED 2 Civilians."
    print("KEPT" if (source, flags) in kept_before else "NEW",
          pattern.flags == own.flags, pattern.groups == own.groups, pattern.groupindex == own.groupindex,
          [m.groups() for m in pattern.finditer(text)] == [m.groups() for m in own.finditer(text)],
          len([m for m in pattern.finditer(text)]))
print("SAVED", programs.save_programs())
re.compile(r"a pattern made after the start, \d+ of them")
print("NOTED", len(programs._new))
"""


def run_probe(probe: str, cache: Path, timeout: int = 120) -> list[str]:
    """The lines a fresh Python process running ``probe`` prints, with ``cache`` as its cache folder."""
    env = {**os.environ, "WARWIRE_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=timeout)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def _run(cache: Path) -> list[str]:
    return run_probe(_PROBE, cache)


def test_a_pattern_compiled_once_is_built_again_from_its_kept_program(tmp_path):
    first = _run(tmp_path)
    assert first[0].split() == ["NEW", "True", "True", "True", "True", "2"]
    assert first[1].split() == ["NEW", "True", "True", "True", "True", "2"]
    assert first[2] == "SAVED 2"
    assert first[3] == "NOTED 0"  # after the start, nothing more is noted
    assert list(tmp_path.glob("programs-*.pickle"))
    second = _run(tmp_path)
    # Read back: the same flags, groups, names and matches as the pattern compiled from its source.
    assert second[0].split() == ["KEPT", "True", "True", "True", "True", "2"]
    assert second[1].split() == ["KEPT", "True", "True", "True", "True", "2"]
    assert second[2] == "SAVED 0"  # nothing new: the file is not written again


def test_a_damaged_file_of_programs_is_compiled_from_source_and_written_again(tmp_path):
    _run(tmp_path)
    (kept,) = tmp_path.glob("programs-*.pickle")
    kept.write_bytes(b"not a pickle")
    lines = _run(tmp_path)
    assert lines[0].startswith("NEW True True True True")
    assert lines[2] == "SAVED 2"
    assert _run(tmp_path)[0].startswith("KEPT")


def test_a_kept_program_the_engine_refuses_is_compiled_from_its_source(tmp_path):
    _run(tmp_path)
    (kept,) = tmp_path.glob("programs-*.pickle")
    probe = ("import pickle, sys; p = sys.argv[1]; d = pickle.load(open(p, 'rb'))\n"
             "d = {k: (v[0], v[1], v[2][:3], v[3], v[4], v[5]) for k, v in d.items()}\n"
             "pickle.dump(d, open(p, 'wb'))")
    subprocess.run([sys.executable, "-c", probe, str(kept)], check=True, timeout=60)
    lines = _run(tmp_path)  # the cut programs are refused: each pattern is compiled from source and matches as before
    assert lines[0].split()[1:] == ["True", "True", "True", "True", "2"]
    assert lines[1].split()[1:] == ["True", "True", "True", "True", "2"]


# Compiles patterns as a module of warwire's would and as a library's would, and prints, per pattern, whether the
# engine runs another program than its source's, its source as the pattern tells it, and whether it finds what
# the pattern compiled from its source finds in sentences we wrote.
_LED_PROBE = r"""
import re
from warwire.knowledge import programs
from warwire.knowledge.patterns import program
programs.keep_programs()
text = ("Shelling hit the Old Market district and the Salam neighbourhoods; DISTRICT officials said the Districts "
        "of Tal Abyad and Jabal Zawiya were calm.  In Tal Rifaat, the area of Marea was struck, near Wadi Hawa.")
sources = [(r"(?<=\s)(?P<noun>neighbourhood|district|area)(?P<plural>s)?\b", re.IGNORECASE),
           (r"\b(?:district|area)s?\s+of\s+(?:the\s+)?", re.IGNORECASE),
           (r"(?<![\w'-])(?i:tal|jabal|wadi)[-\s](?P<name>[A-Z]\w+)", 0),
           (r"(?x)(?<=\s) district  # a comment", re.IGNORECASE),
           (r"[A-Z]\w+ district", 0)]
for module, more in (("warwire.extract.probe", 0), ("somelibrary.probe", re.DOTALL)):  # (DOTALL: not the same key)
    for source, flags in sources:
        flags |= more
        pattern = eval("re.compile(source, flags)", {"__name__": module, "re": re, "source": source, "flags": flags})
        own = programs._compile_from_source(source, flags)
        made = programs._new.get((source, flags))
        print(module, "LED" if list(made[2]) != list(program(source, flags)[2]) else "AS-IS",
              pattern.pattern == source, pattern.groupindex == own.groupindex,
              [m.span() + m.groups() for m in pattern.finditer(text)] == [m.span() + m.groups() for m in own.finditer(text)],
              len(list(pattern.finditer(text))))
"""


def test_warwire_s_patterns_without_a_prefix_run_behind_a_look_ahead_for_their_first_letters(tmp_path):
    env = {**os.environ, "WARWIRE_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", _LED_PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = [line.split()[1:] for line in out.stdout.splitlines()]
    # warwire's: the three searched patterns led, the verbose one and the one the engine skips to by its capital kept
    assert lines[:5] == [["LED", "True", "True", "True", "5"], ["LED", "True", "True", "True", "2"],
                         ["LED", "True", "True", "True", "4"], ["AS-IS", "True", "True", "True", "3"],
                         ["AS-IS", "True", "True", "True", "1"]]
    # a library's patterns run as compiled
    assert [line[0] for line in lines[5:]] == ["AS-IS"] * 5
