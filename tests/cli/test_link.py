"""`warwire link`: the counts it prints, and a store that does not exist."""
from __future__ import annotations

from .cli_runner import STORIES, run, summary_count, write_jsonl


def test_link_prints_its_counts_and_needs_a_store(tmp_path, sqlite_url):
    run("--db", sqlite_url, "ingest", write_jsonl(tmp_path / "a.jsonl", STORIES))
    result = run("--db", sqlite_url, "link")
    assert result.exit_code == 0, result.output
    assert summary_count(result.output, "reports") == 0  # nothing extracted yet: nothing to link
    missing = run("--db", tmp_path / "never.db", "link")
    assert missing.exit_code == 3 and "E103" in missing.output and not (tmp_path / "never.db").exists()
