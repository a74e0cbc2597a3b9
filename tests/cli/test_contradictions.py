"""`warwire contradictions`: events whose sources disagree, the --field choices."""
from __future__ import annotations

import sys
from pathlib import Path

from .cli_runner import run

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "api"))
import store_fixture as fx  # noqa: E402
from warwire.store import open_store  # noqa: E402


def test_lists_disagreements_with_a_counted_noun(sqlite_url):
    fx.build(sqlite_url)
    shown = run("--db", sqlite_url, "contradictions")
    assert shown.exit_code == 0, shown.output
    assert "ev-kafranbel" in shown.output and "(2 sources)" in shown.output
    with open_store(sqlite_url) as store:
        event = store.get_event("ev-kafranbel")
        event.n_sources = 1
        store.save_events([event])
    assert "(1 source)" in run("--db", sqlite_url, "contradictions").output


def test_field_is_one_of_the_checks(sqlite_url):
    fx.build(sqlite_url)
    assert "ev-kafranbel" in run("--db", sqlite_url, "contradictions", "--field", "fatalities").output
    wrong = run("--db", sqlite_url, "contradictions", "--field", "weather")
    assert wrong.exit_code == 2 and "fatalities" in wrong.output
