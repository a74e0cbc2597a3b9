"""The regular expressions a process compiles while it starts, kept as the engine's programs in the knowledge cache.

A process that extracts compiles some 700 regular expressions before its first report: the readers' own
patterns as their modules are imported, the ones built from the knowledge files when first used, spaCy's
tokenizer rules, the command line's. Compiling one is parsing its source in Python (``re._parser``) and
turning the parse into the engine's code (``re._compiler``): about 0.3 CPU-s of a worker's start, an
eighth of it. What the engine is handed in the end (``patterns.program``: the code, flags and groups)
depends only on the source, the flags and Python's engine, so it is kept in a file of the cache folder
(``cache.cache_dir``), named after Python's version and the engine's magic number, and a pattern found
there is built in C from it (as ``patterns.pattern_from`` does), the same object ``re.compile`` makes.

``keep_programs`` puts the kept programs in front of ``re``'s compiler for the rest of the process (the
module's own cache of recent patterns still comes first) and notes the patterns compiled anew;
``save_programs`` adds those to the file, once the process has started (a worker when its model is
loaded, a command as it ends), and stops noting: patterns a long run builds from its input are not kept
(nor more than ``MAX_NEW`` of them in any case). A file past ``MAX_PROGRAMS`` keeps only the patterns
of the process that writes it. Where ``re`` is not
built so (another Python), or the folder cannot be written, patterns are compiled as before.
"""
from __future__ import annotations

import gc
import os
import pickle
import re
import sys
import tempfile
from pathlib import Path

from warwire.knowledge.patterns import Program, program

try:
    import _sre
    from re import _compiler as _engine_compiler
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
    return cache_dir() / f"programs-py{version}-{getattr(_sre, 'MAGIC', 0)}.pickle"


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
                made = program(p, flags)
                if made is not None:
                    _new[key] = made
        if made is not None:
            try:  # as ``patterns.pattern_from``, but a program the engine refuses is compiled from source here
                return _sre.compile(p, made[1], made[2].tolist(), made[3], made[4], made[5])
            except Exception:  # noqa: BLE001 - a damaged entry
                _kept.pop(key, None)
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


def save_programs() -> int:
    """Add the programs compiled anew since ``keep_programs`` to the file, and note no more; how many were added."""
    global _noting
    _noting = False
    if not _new:
        return 0
    path = _file()
    kept = {**_read(path), **_new}
    if len(kept) > MAX_PROGRAMS:
        kept = {**{k: _kept[k] for k in _used}, **_new}
    added = len(_new)
    _kept.update(_new)
    _new.clear()
    _used.clear()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".programs-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(kept, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass  # a read-only home: compiled from source in every process
    return added
