"""Knowledge built once and kept in a cache file, rebuilt when the files it is built from change.

Building the gazetteer and its place matcher from the packaged tables takes a large part of a
short command's start-up; unpickling the built objects takes about half as long. The word lists
(``compiled``: lexicons, triggers, a pack's actors and claimants) are kept too: reading what a
pattern can start with from its source costs 0.13 CPU-s at each start, reading it back 0.03 (their
regular expressions are still compiled when first used, from what the parser made of each when the file was
written: ``patterns.program``; a compiled pattern the cache holds is written so too). The cache file is
named after a hash of warwire's version, Python's, and the contents of every source file (data and
the code that builds it), so an edited source builds a new file; of the files of one name, the
``KEEP`` most recently used stay (several installed versions sharing one cache do not rebuild
each other's), older ones are removed. A file is written under a temporary name and renamed into place, so processes that build
at the same time never read half a file. Where the cache folder cannot be written, the knowledge is
built in memory as before.

Reading and building run with the garbage collector paused: the objects are many and all live
long, and collections while millions of them are made would more than double the time (0.62 -> 0.25
CPU-s for the Yemen pack's place matcher). In a process that freezes its long-lived objects
(``gc.freeze``, as the extractor does after loading; it says so with ``keep_frozen``), what is read
later is frozen too.

The folder is ``$WARWIRE_CACHE_DIR``, else ``$XDG_CACHE_HOME/warwire``, else ``~/.cache/warwire``.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")

#: Files of one name kept (the most recently used). Enough for several installed versions sharing one
#: cache: with 3, five versions run side by side rebuilt each other's files at nearly every start (a
#: Yemen place matcher is 0.6 CPU-s to build), which also made paired speed measures vary.
KEEP = 8
_freeze = False


def keep_frozen() -> None:
    """Freeze (``gc.freeze``) what is read from now on: this process keeps its knowledge out of collections.

    (``gc.get_freeze_count`` would tell, but it counts the frozen objects one by one.)
    """
    global _freeze
    _freeze = True


def cache_dir() -> Path:
    """Where cache files live (see the module's docstring)."""
    if os.environ.get("WARWIRE_CACHE_DIR"):
        return Path(os.environ["WARWIRE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "warwire"


def source_hash(sources: Iterable[Path]) -> str:
    """A hash of warwire's and Python's versions and of the sources' names and contents."""
    import warwire

    h = hashlib.sha256(f"{warwire.__version__}|{sys.version}|{pickle.HIGHEST_PROTOCOL}".encode())
    # (This module too: how it writes a file is part of the file.)
    for path in sorted({Path(p) for p in sources} | {Path(__file__)}):
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()[:20]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """The object ``build()`` returns, read from the cache file when one was built from these sources."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        obj = _cached(name, sources, build)
    finally:
        if enabled:
            gc.enable()
    if _freeze:
        gc.freeze()
    return obj


def compiled(name: str, files: Iterable[Path], build: Callable[[], T]) -> T:
    """A word list (or lists) compiled from knowledge files by ``build``, read from the cache file when these
    files, the code that compiles word lists and the model's names are as they were (``cached``)."""
    from warwire import model
    from warwire.knowledge import actors, lexicons, patterns, taxonomy

    code = [Path(m.__file__) for m in (model, patterns, actors, lexicons, taxonomy)]
    return cached(name, [*files, *code], build)


def _cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    folder = cache_dir()
    path = folder / f"{name}-{source_hash(sources)}.pickle"
    try:
        with path.open("rb") as fh:
            obj = pickle.load(fh)
        try:
            os.utime(path)  # used now: kept before files of this name used longer ago
        except OSError:
            pass
        return obj
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged or foreign file: build again and replace it
        pass
    obj = build()
    try:
        write_file(path, lambda fh: _Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL).dump(obj))
        _prune(folder, name, path)
    except OSError:
        pass  # a read-only home: the knowledge is simply built in every process
    return obj


def write_file(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write ``path`` with ``write`` (given the open file) under a temporary name in its folder, then rename it
    into place: a process reading it meanwhile finds the old file or the new one, never half of one. OSError when
    the folder cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class _Pickler(pickle.Pickler):
    """Writes a regular expression with what the parser made of it (``patterns.program``): read back, it is built
    in C (``patterns.pattern_from``), not parsed again as a pickled pattern is."""

    def reducer_override(self, obj):
        if isinstance(obj, re.Pattern) and isinstance(obj.pattern, str):
            from warwire.knowledge.patterns import pattern_from, program

            made = program(obj.pattern, obj.flags)
            if made is not None:
                return pattern_from, (obj.pattern, obj.flags, made)
        return NotImplemented


def _prune(folder: Path, name: str, newest: Path) -> None:
    """Remove the files of ``name`` beyond the ``KEEP`` most recently used (``newest`` always stays)."""
    others = []
    for old in folder.glob(f"{name}-*.pickle"):
        # "places-syria-<hash>" is not a file of "places": the rest of the name must be the hash alone.
        if old != newest and "-" not in old.stem[len(name) + 1:]:
            try:
                others.append((old.stat().st_mtime, old))
            except OSError:
                continue
    for _, old in sorted(others, reverse=True)[KEEP - 1:]:
        old.unlink(missing_ok=True)
