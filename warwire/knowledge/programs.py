"""The regular expressions a process compiles while it starts, kept as the engine's programs in the knowledge cache.

A process that extracts compiles some 700 regular expressions before its first report: the readers' own
patterns as their modules are imported, the ones built from the knowledge files when first used, spaCy's
tokenizer rules, the command line's. Compiling one is parsing its source in Python (``re._parser``) and
turning the parse into the engine's code (``re._compiler``): about 0.3 CPU-s of a worker's start, an
eighth of it. What the engine is handed in the end (``patterns.program``: the code, flags and groups)
depends only on the source, the flags and Python's engine, so it is kept in a file of the cache folder
(``cache.cache_dir``), named after Python's version and the engine's magic number, and a pattern found
there is built in C from it (``patterns.built``), the same object ``re.compile`` makes.

``keep_programs`` puts the kept programs in front of ``re``'s compiler for the rest of the process (the
module's own cache of recent patterns still comes first) and notes the patterns compiled anew;
``save_programs`` adds those to the file, once the process has started (a worker when its model is
loaded, a command as it ends), and stops noting: patterns a long run builds from its input are not kept
(nor more than ``MAX_NEW`` of them in any case). A file past ``MAX_PROGRAMS`` keeps only the patterns
of the process that writes it. Where ``re`` is not
built so (another Python), or the folder cannot be written, patterns are compiled as before.

A pattern of warwire's own that gives the engine nothing to skip to (it begins with a look-behind, a word
boundary or a case-blind alternation, and the engine enters it at every character it searches: about 300 of the
readers' patterns) is run as the same source behind a case-blind look-ahead for the letters its matches can
begin with (``_engine_program``): the same groups, the same matches, about twice as fast over a text.
"""
from __future__ import annotations

import gc
import pickle
import re
import sys
from pathlib import Path

from warwire.knowledge.patterns import Program, built, led_by_first_letters, program

try:
    import _sre
    from re import _compiler as _engine_compiler
    from re._constants import INFO as _INFO, SRE_INFO_CHARSET as _CHARSET, SRE_INFO_PREFIX as _PREFIX
except ImportError:  # pragma: no cover - a Python whose ``re`` is built otherwise
    _sre = _engine_compiler = None

#: Programs a file holds at most, and programs a process notes at most (a process that starts compiles about 800).
MAX_PROGRAMS = 5_000
MAX_NEW = 1_500

_kept: dict[tuple[str, int], Program] = {}
_new: dict[tuple[str, int], Program] = {}
_used: set[tuple[str, int]] = set()
_compile_from_source = None
_noting = False


def _file() -> Path:
    from warwire.knowledge.cache import cache_dir

    version = "".join(c if c.isalnum() or c == "." else "_" for c in sys.version.split()[0])
    # ("led": the programs of warwire's patterns may be those of their sources led by their first letters)
    return cache_dir() / f"programs-led-py{version}-{getattr(_sre, 'MAGIC', 0)}.pickle"


# Global flags at a source's start ("(?i)"), which must stay first; a source that is verbose, compares
# groups (``(?P=name)``, ``(?(1)...)``) or is read under a locale is run as compiled.
_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))*")
_NOT_LED = re.compile(r"\(\?[aiLmsu-]*x|\(\?P=|\(\?\(")


def _engine_program(source: str, flags: int) -> Program | None:
    """What the engine runs for ``re.compile(source, flags)``: ``program(source, flags)``, or, for a pattern of
    warwire's own whose program gives the engine no prefix or character set to skip to (a look-behind, a word
    boundary or a case-blind alternation first: the engine enters every alternative at every character it
    searches), the program of the source behind a case-blind look-ahead for the letters a match can begin with
    (``patterns.led_by_first_letters``): the same groups and the same matches, most characters left after one
    test. The pattern keeps its own source (``Pattern.pattern``)."""
    made = program(source, flags)
    if made is None or flags & (re.VERBOSE | re.LOCALE) or _NOT_LED.search(source) \
            or made[2][0] != _INFO or made[2][2] & (_PREFIX | _CHARSET) or not _from_warwire():
        return made
    at = _GLOBAL_FLAGS.match(source).end()
    body = source[at:]
    led = led_by_first_letters(body)
    if led == body:
        return made
    ahead = program(source[:at] + led, flags)
    return ahead if ahead is not None and ahead[1] == made[1] and ahead[3:] == made[3:] else made


def _from_warwire() -> bool:
    """Whether the pattern being compiled is asked for by warwire's code (not spaCy's or another library's)."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] in ("re", "sre_compile") \
            or frame is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    return frame is not None and frame.f_globals.get("__name__", "").startswith("warwire.")


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            kept = pickle.load(fh)
        return kept if isinstance(kept, dict) else {}
    except Exception:  # noqa: BLE001 - absent, damaged or foreign: compiled from source, written again
        return {}


def _compile(p, flags=0):
    """``re._compiler.compile``, from a kept program where there is one."""
    if isinstance(p, str) and not flags & re.DEBUG:
        key = (p, flags)
        made = _kept.get(key)
        if _noting:
            if made is not None:
                _used.add(key)
            elif len(_new) < MAX_NEW:
                made = _engine_program(p, flags)
                if made is not None:
                    _new[key] = made
        if made is not None:
            pattern = built(p, made)
            if pattern is not None:
                return pattern
            _kept.pop(key, None)  # a damaged entry: compiled from source here, not kept
            _new.pop(key, None)
    return _compile_from_source(p, flags)


def keep_programs() -> bool:
    """Compile this process's regular expressions from the kept programs from now on (see the module's
    docstring); False where this Python's ``re`` is not built so. Calling it again does nothing."""
    global _compile_from_source, _noting, _kept
    if _compile_from_source is not None:
        return True
    if _sre is None or not hasattr(_engine_compiler, "compile") or program("a|b") is None:
        return False
    enabled = gc.isenabled()
    gc.disable()
    try:
        _kept = _read(_file())
    finally:
        if enabled:
            gc.enable()
    _compile_from_source, _noting = _engine_compiler.compile, True
    _engine_compiler.compile = _compile
    return True


def keeping() -> bool:
    """Whether this process compiles its regular expressions from the kept programs (``keep_programs``)."""
    return _compile_from_source is not None


def save_programs() -> int:
    """Add the programs compiled anew since ``keep_programs`` to the file, and note no more; how many were added."""
    global _noting
    _noting = False
    if not _new:
        return 0
    from warwire.knowledge.cache import write_file

    path = _file()
    kept = {**_read(path), **_new}
    if len(kept) > MAX_PROGRAMS:
        kept = {**{k: _kept[k] for k in _used}, **_new}
    added = len(_new)
    _kept.update(_new)
    _new.clear()
    _used.clear()
    try:
        write_file(path, lambda fh: pickle.dump(kept, fh, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only home: compiled from source in every process
    return added
