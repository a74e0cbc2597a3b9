"""`warwire export`: the choices, and what it says about a file it cannot write or a date it cannot read."""
from __future__ import annotations

from .cli_runner import STORIES, run, write_jsonl


def test_export_choices_and_user_errors(tmp_path, sqlite_url):
    run("--db", sqlite_url, "ingest", write_jsonl(tmp_path / "a.jsonl", STORIES))
    ok = run("--db", sqlite_url, "export", "--what", "articles", "--out", tmp_path / "a.jsonl.out")
    assert ok.exit_code == 0 and (tmp_path / "a.jsonl.out").read_text().count("\n") == len(STORIES)
    wrong = run("--db", sqlite_url, "export", "--what", "people")
    assert wrong.exit_code == 2 and "events" in wrong.output and "articles" in wrong.output
    nowhere = run("--db", sqlite_url, "export", "--what", "articles", "--out", tmp_path / "no" / "x.jsonl")
    assert nowhere.exit_code == 2 and "E307" in nowhere.output and nowhere.exception is None or \
        isinstance(nowhere.exception, SystemExit)
    assert "Traceback" not in nowhere.output and "E307" in nowhere.output
    for command in ("export", "articles"):
        bad = run("--db", sqlite_url, command, "--since", "yesterday")
        assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_export_help_tells_where_the_link_reasons_are():
    from .cli_runner import run

    shown = " ".join(run("export", "--help").output.split())
    assert "link_reasons" in shown and "acled-csv" in shown
