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
