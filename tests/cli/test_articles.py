"""`warwire articles`: the listing and one article shown."""
from __future__ import annotations

import socket

import pytest

from .cli_runner import STORIES, run, write_jsonl
from warwire.model import article_id


def test_articles_list_and_show(tmp_path, sqlite_url):
    run("--db", sqlite_url, "ingest", write_jsonl(tmp_path / "wire.jsonl", STORIES))
    listing = run("--db", sqlite_url, "articles", "--outlet", "Levant Wire")
    assert listing.exit_code == 0
    assert "2 of 2 articles" in listing.output
    assert article_id(STORIES[0]["text"]) in listing.output
    assert "Mortars" not in listing.output
    assert "1 of 1" in run("--db", sqlite_url, "articles", "--query", "damascus").output
    assert "1 of 3" in run("--db", sqlite_url, "articles", "--limit", "1").output
    assert "1 of 1" in run("--db", sqlite_url, "articles", "--since", "2018-03-01").output
    shown = run("--db", sqlite_url, "articles", "show", article_id(STORIES[1]["text"]))
    assert shown.exit_code == 0
    assert "Crescent Press" in shown.output and "wounded nine people" in shown.output
    missing = run("--db", sqlite_url, "articles", "show", "0123456789abcdef")
    assert missing.exit_code == 3
    assert "E102" in missing.output


def test_terminal_escapes_in_a_stored_title_are_printed_escaped(tmp_path, sqlite_url):

    from warwire.store import open_store
    from warwire.store.schema import articles

    # A store written before control characters were cleaned at the store can still hold them.
    with open_store(sqlite_url) as store, store.engine.begin() as conn:
        conn.execute(articles.insert().values(id="e5c0000000000001", title="Alert\x1b[2J\x1b]0;owned\x07 now",
                                              outlet="Wire\x1b[31m", text="Body \x1b[5m blink", dateline=[]))
    listing = run("--db", sqlite_url, "articles")
    shown = run("--db", sqlite_url, "articles", "show", "e5c0000000000001")
    for result in (listing, shown):
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "\\x1b" in result.output
    assert "\\x07" in shown.output and "Body \\x1b[5m blink" in shown.output


READ_COMMANDS = [["articles"], ["articles", "show", "0123456789abcdef"], ["contradictions"], ["export"], ["link"],
                 ["serve", "--port", "{busy}"], ["brief"], ["errors"], ["credibility"], ["extract"], ["watch", "list"],
                 ["watch", "remove", "nosuch"], ["watch", "notify"], ["verify", "--against", "{reference}"]]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_missing_store_is_said_so_and_not_created(tmp_path, args):
    path = tmp_path / "never.db"
    reference = tmp_path / "reference.csv"
    reference.write_text("event_date,admin1,fatalities\n2018-02-19,Idlib,3\n", encoding="utf-8")
    with socket.socket() as busy:  # were the store made, serve would stop at the taken port, not serve forever
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        result = run("--db", path, *(a.format(reference=reference, busy=busy.getsockname()[1]) for a in args))
    assert result.exit_code == 3, (args, result.output)
    assert "E103" in result.output and "ingest" in result.output
    assert not path.exists()
