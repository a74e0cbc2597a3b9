"""Watches: the Atom feed parses and grows after a new ingest; webhooks get new events, with retries."""
from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import feedparser
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import store_fixture as fx
from warwire.api.app import create_app
from warwire.cli import app as cli
from warwire.export.watches import add_watch, notify
from warwire.model import Article
from warwire.store import open_store

NEW_TEXT = ("Government warplanes struck the town of Saraqeb in Idlib province on Tuesday, killing 9 civilians, "
            "among them two schoolboys, the Syrian Observatory for Human Rights said.")


def ingest_new_event(url: str) -> None:
    """A new article through the real pipeline: ingest, extract, link."""
    from warwire.engine.run import run_extraction
    from warwire.link.store import link_store

    store = open_store(url)
    store.add_articles([Article(text=NEW_TEXT, outlet="Test Wire", title="Strike on Saraqeb", published="2021-03-03")])
    run_extraction(store, workers=1)
    link_store(store)
    store.close()


class Receiver:
    """An HTTP server on 127.0.0.1 that answers the first ``failures`` posts with 500, then 204."""

    def __init__(self, failures: int = 0) -> None:
        self.failures, self.bodies, self.attempts = failures, [], 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.attempts += 1
                if outer.attempts <= outer.failures:
                    self.send_response(500)
                else:
                    outer.bodies.append(json.loads(body))
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def receiver():
    made = []

    def make(failures: int = 0) -> Receiver:
        made.append(Receiver(failures))
        return made[-1]

    yield make
    for r in made:
        r.close()


def test_feed_parses_and_grows_after_a_new_ingest(store_url):
    fx.build(store_url)
    store = open_store(store_url)
    assert add_watch(store, "idlib-2019", "admin1=Idlib&since=2019-01-01") == 3
    assert add_watch(store, "recent", "since=2021-01-01") == 0
    store.close()
    with TestClient(create_app(store_url)) as client:
        feed = feedparser.parse(client.get("/api/watches/idlib-2019.atom").text)
        assert not feed.bozo and feed.feed.title.startswith("warwire watch idlib-2019")
        assert [e.id for e in feed.entries] == ["urn:warwire:event:ev-maarat", "urn:warwire:event:ev-xss",
                                                "urn:warwire:event:ev-kafranbel"]
        assert feed.entries[2].title == "Air/drone strike in Kafranbel (Idlib), 2019-08-20: 12 deaths"
        assert feed.entries[2].link.endswith("/event/ev-kafranbel")
        assert len(feedparser.parse(client.get("/api/watches/recent.atom").text).entries) == 0
        ingest_new_event(store_url)
        grown = feedparser.parse(client.get("/api/watches/recent.atom").text)
        assert not grown.bozo and len(grown.entries) >= 1
        assert "Saraq" in grown.entries[0].title and "9 deaths" in grown.entries[0].title
        listed = client.get("/api/watches").json()
        assert [w["name"] for w in listed] == ["idlib-2019", "recent"]
        missing = client.get("/api/watches/nothing.atom")
        assert missing.status_code == 404 and missing.json()["error"] == "E501"


def test_webhook_gets_only_new_events_and_retries_with_backoff(store_url, receiver):
    fx.build(store_url)
    hook = receiver(failures=2)
    store = open_store(store_url)
    add_watch(store, "recent", "since=2021-01-01", webhook=hook.url)
    add_watch(store, "all", "", webhook=hook.url)
    assert notify(store) == []  # what matched when the watches were made counts as told
    store.close()
    ingest_new_event(store_url)
    store = open_store(store_url)
    waits = []
    results = {d.watch: d for d in notify(store, backoff=0.5, sleep=waits.append)}
    assert results["all"].ok and results["recent"].ok
    assert results["all"].attempts + results["recent"].attempts == 4  # two failures, then each got through
    assert waits == [0.5, 1.0]  # doubling waits
    assert {b["watch"] for b in hook.bodies} == {"all", "recent"}
    assert all("Saraq" in json.dumps(b["events"]) for b in hook.bodies)
    assert notify(store, sleep=waits.append) == []  # told once only
    store.close()


def test_a_failing_webhook_is_reported_never_fatal_and_retried_next_run(store_url, receiver):
    fx.build(store_url)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/hook"
    store = open_store(store_url)
    add_watch(store, "recent", "since=2021-01-01", webhook=dead)
    store.close()
    ingest_new_event(store_url)
    store = open_store(store_url)
    waits = []
    [d] = notify(store, retries=2, backoff=0.25, sleep=waits.append)
    assert not d.ok and d.attempts == 3 and d.error and waits == [0.25, 0.5]
    hook = receiver()
    add = CliRunner().invoke(cli, ["--db", store_url, "watch", "add", "later", "--filter", "since=2021-01-01",
                                   "--webhook", hook.url])
    assert add.exit_code == 0, add.output
    # `recent` still owes its event: `warwire link` posts it after the dead URL is fixed, and reports both.
    from warwire.store.schema import watches
    with store.engine.begin() as conn:
        conn.execute(watches.update().where(watches.c.name == "recent").values(webhook=hook.url))
    store.close()
    run = CliRunner().invoke(cli, ["--db", store_url, "link"])
    assert run.exit_code == 0, run.output
    assert [b["watch"] for b in hook.bodies] == ["recent"]  # `later` started after the event
    assert "Watch recent: 1 new event(s) posted" in run.output


def test_watch_cli_rejects_bad_names_filters_and_urls(store_url):
    fx.build(store_url)
    runner = CliRunner()
    for args in (["bad name"], ["ok", "--filter", "regio=x"], ["ok", "--filter", "min_fatalities=many"],
                 ["ok", "--webhook", "ftp://example.org"], ["ok", "--filter", "region=Atlantis"]):
        r = runner.invoke(cli, ["--db", store_url, "watch", "add", *args])
        assert r.exit_code == 2 and "Traceback" not in r.output, args
    ok = runner.invoke(cli, ["--db", store_url, "watch", "add", "ghouta", "--filter", "region=Eastern Ghouta",
                             "--filter", "has_contradiction=false"])
    assert ok.exit_code == 0 and "1 event(s) match now" in ok.output
    listed = runner.invoke(cli, ["--db", store_url, "watch", "list"])
    assert "ghouta\tregion=Eastern Ghouta&has_contradiction=false" in listed.output
    assert runner.invoke(cli, ["--db", store_url, "watch", "remove", "ghouta"]).exit_code == 0
    assert runner.invoke(cli, ["--db", store_url, "watch", "remove", "ghouta"]).exit_code == 2
