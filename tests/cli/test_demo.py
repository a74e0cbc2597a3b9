"""`warwire demo`: the whole job on the bundled sample."""
from __future__ import annotations

import re

from .cli_runner import summary_count, run
from warwire.store import open_store


def test_demo_loads_the_sample_into_the_current_folder(tmp_path, monkeypatch, sample_dir):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WARWIRE_DB", raising=False)
    n_files = len(list(sample_dir.glob("*.txt")))
    result = run("demo", "--no-serve")
    assert result.exit_code == 0, result.output
    with open_store(str(tmp_path / "warwire-demo.db")) as store:
        assert store.count_articles() == n_files
        # The sample holds a syndicated copy: it is stored, linked to its original.
        assert any(a.duplicate_of for a in store.iter_articles())
        # The whole job ran: every article extracted, reports linked into events, articles scored.
        assert not list(store.pending_articles())
        assert store.count_reports() > n_files
        assert 0 < store.count_events() < store.count_reports()
        assert all(store.get_credibility(a.id) for a in store.iter_articles())
        disputed = store.count_events(contradicted=True)
    again = run("demo", "--no-serve").output
    assert summary_count(again, "new") == 0
    # The summary counts events with contradicting sources in the store, the same on every run.
    for output in (result.output, again):
        said = re.search(r"(\d+) of them with contradicting sources", " ".join(output.split()))
        assert said and int(said.group(1)) == disputed


def test_a_toll_split_into_civilians_and_fighters_is_one_toll_with_no_actor_dispute(tmp_path):
    """A story giving a toll, then its civilians, then "the other N dead were fighters" (the demo's Hajin story, in
    our words): one figure for low, best and high, and no actor contradiction between its own sentences."""
    import json

    from .cli_runner import write_jsonl

    story = {"text": "Coalition air strikes killed 12 people, among them eight civilians, in the town of Al-Bukamal "
                     "on Sunday, the Syrian Observatory for Human Rights said.\n\nThe remaining four dead were "
                     "Islamic State fighters, the monitor said. The coalition said it had struck an Islamic State "
                     "headquarters in the area.", "title": "Strikes on Al-Bukamal", "date": "2018-11-05",
             "outlet": "Levant Wire"}
    db = tmp_path / "w.db"
    result = run("--db", db, "extract", write_jsonl(tmp_path / "wire.jsonl", [story]), "--timeout", "0")
    assert result.exit_code == 0, result.output
    out = tmp_path / "events.jsonl"
    assert run("--db", db, "export", "--what", "events", "--format", "jsonl", "-o", out).exit_code == 0
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    deadly = [e for e in events if (e.get("fatalities") or {}).get("best")]
    assert len(deadly) == 1, events
    e = deadly[0]
    assert (e["fatalities"]["low"], e["fatalities"]["best"], e["fatalities"]["high"]) == (12, 12, 12)
    assert not [c for c in e["contradictions"] if c["field"] == "actor1"]
