"""The knowledge cache: built once, read back equal, rebuilt when a source changes."""
from __future__ import annotations

from warwire.knowledge.cache import cached


def test_cache_builds_once_and_rebuilds_when_a_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("WARWIRE_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    builds = []

    def build():
        builds.append(1)
        return {"words": source.read_text(encoding="utf-8"), "n": len(builds)}

    first = cached("words", [source], build)
    again = cached("words", [source], build)
    assert again == first and len(builds) == 1
    source.write_text("a: 2\n", encoding="utf-8")
    changed = cached("words", [source], build)
    assert changed["words"] == "a: 2\n" and len(builds) == 2
    assert len(list((tmp_path / "cache").glob("words-*.pickle"))) == 2  # the stale file is kept, up to KEEP


def test_cache_keeps_the_most_recently_used_files_of_a_name(tmp_path, monkeypatch):
    """Two checkouts used side by side read their own files; files unused longest are removed."""
    import os

    from warwire.knowledge.cache import KEEP

    monkeypatch.setenv("WARWIRE_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "words.yaml"
    other = tmp_path / "other.yaml"
    other.write_text("x\n", encoding="utf-8")
    cached("other", [other], lambda: "another name")
    files = {}
    for n in range(KEEP + 2):
        source.write_text(f"a: {n}\n", encoding="utf-8")
        cached("words", [source], lambda n=n: n)
        new = set((tmp_path / "cache").glob("words-*.pickle")) - set(files.values())
        files[n] = new.pop()
        os.utime(files[n], (1000 + n, 1000 + n))  # the order of use, whatever the clock's resolution
        if n == 1:
            source.write_text("a: 0\n", encoding="utf-8")
            assert cached("words", [source], lambda: "rebuilt") == 0  # read, not built again
            os.utime(files[0], (1000 + n + 0.5, 1000 + n + 0.5))
    left = set((tmp_path / "cache").glob("words-*.pickle"))
    assert len(left) == KEEP and files[KEEP + 1] in left and files[KEEP] in left
    assert files[1] not in left  # unused since the first file was read again
    assert len(list((tmp_path / "cache").glob("other-*.pickle"))) == 1  # another name is not touched


def test_damaged_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("WARWIRE_CACHE_DIR", str(tmp_path))
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    cached("words", [source], lambda: [1, 2, 3])
    for f in tmp_path.glob("words-*.pickle"):
        f.write_bytes(b"not a pickle")
    assert cached("words", [source], lambda: [4]) == [4]
    assert cached("words", [source], lambda: [5]) == [4]


def test_unwritable_cache_folder_still_builds(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("WARWIRE_CACHE_DIR", str(blocker / "cache"))  # a folder under a file cannot exist
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    assert cached("words", [source], lambda: "built") == "built"


def test_a_cached_regular_expression_is_read_back_without_parsing_it(tmp_path, monkeypatch):
    import re
    from re import _parser

    monkeypatch.setenv("WARWIRE_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "places.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    patterns = [re.compile(r"(?<![\w'’-])(?P<town>[A-Z][a-z]+)(?:\s+(?P=town))?"),
                re.compile(r"shell(?:ed|ing)\b", re.IGNORECASE), re.compile(r"(?x) \d+ \s* dead  # a toll")]
    cached("patterns", [source], lambda: {"patterns": patterns})
    re.purge()  # (a pattern compiled in this process would be found in ``re``'s own cache)

    def no_parse(*args, **kwargs):
        raise AssertionError("a cached pattern was parsed again")

    monkeypatch.setattr(_parser, "parse", no_parse)
    again = cached("patterns", [source], lambda: None)["patterns"]
    monkeypatch.undo()
    assert again == patterns  # the same source, flags and engine code
    assert [p.groupindex for p in again] == [p.groupindex for p in patterns]
    assert again[0].search("rebels took Saraqib Saraqib").group("town") == "Saraqib"


def test_a_file_is_written_whole_or_not_at_all(tmp_path):
    import pytest

    from warwire.knowledge.cache import write_file

    path = tmp_path / "folder" / "kept.pickle"
    write_file(path, lambda fh: fh.write(b"first"))
    assert path.read_bytes() == b"first"

    def fails(fh):
        fh.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_file(path, fails)
    assert path.read_bytes() == b"first"  # the old file stays, and no temporary file is left beside it
    assert [p.name for p in path.parent.iterdir()] == ["kept.pickle"]
    write_file(path, lambda fh: fh.write(b"second"))
    assert path.read_bytes() == b"second"
