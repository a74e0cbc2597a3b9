"""The root command: --db errors every command shares, and help text that reads right."""
from __future__ import annotations

import pytest

from .cli_runner import STORIES, run, write_jsonl

COMMANDS = ["ingest", "articles", "contradictions", "credibility", "demo", "export", "link", "serve", "verify"]


def test_a_store_in_a_missing_folder_says_the_folder_is_missing(tmp_path):
    result = run("--db", tmp_path / "nowhere" / "w.db", "ingest", write_jsonl(tmp_path / "a.jsonl", STORIES))
    assert result.exit_code == 3
    assert "E104" in result.output and str(tmp_path / "nowhere") in "".join(result.output.split())
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_type_after_on_off_flags(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "--help" in result.output and "<bool>" not in result.output
