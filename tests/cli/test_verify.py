"""`warwire verify`: what it says when the reference file is missing."""
from __future__ import annotations

from .cli_runner import STORIES, run, write_jsonl


def test_a_missing_reference_file_is_named_with_what_to_give(tmp_path, sqlite_url):
    run("--db", sqlite_url, "ingest", write_jsonl(tmp_path / "a.jsonl", STORIES))
    result = run("--db", sqlite_url, "verify", "--against", tmp_path / "nosuch.csv")
    assert result.exit_code == 3
    assert "E306" in result.output and "nosuch.csv" in result.output and "ACLED" in result.output
    assert "stdin" not in result.output  # not ingest's hint about sources
