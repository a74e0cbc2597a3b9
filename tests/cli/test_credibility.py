"""`warwire credibility`: its help tells which model scores, and a missing --model file is an error."""
from __future__ import annotations

from .cli_runner import STORIES, run, write_jsonl
from warwire.verify.credibility import MODEL


def test_help_claims_a_shipped_model_only_when_one_ships():
    text = " ".join(run("credibility", "--help").output.replace("│", " ").split())
    assert ("shipped with warwire" in text) == MODEL.is_file()
    assert ("no trained model ships" in text) == (not MODEL.is_file())


def test_a_missing_model_file_is_an_error(tmp_path, sqlite_url):
    run("--db", sqlite_url, "ingest", write_jsonl(tmp_path / "a.jsonl", STORIES))
    result = run("--db", sqlite_url, "credibility", "--model", tmp_path / "nosuch.json")
    assert result.exit_code == 3 and "E306" in result.output and "nosuch.json" in result.output
