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
    assert len(list((tmp_path / "cache").glob("words-*.pickle"))) == 1  # the stale file is gone


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
