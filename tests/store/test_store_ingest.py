"""The ingest loop as a function: batches, progress, rejected and warned items."""
from __future__ import annotations

import json

from warwire.store import ingest, open_store


def test_ingest_batches_and_reports_progress(tmp_path, store_url):
    source = tmp_path / "wire.jsonl"
    lines = [json.dumps({"text": f"Shelling hit the village of Kafr Nabl, report {i}.",
                         "date": f"2018-02-0{1 + i % 9}"}) for i in range(25)]
    lines += [lines[3], "{broken", json.dumps({"text": "Clashes near Tal Rifaat.", "date": "someday"})]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen = []
    with open_store(store_url) as store:
        summary = ingest([str(source)], store, batch_size=10, progress=lambda s: seen.append((s.batches, s.new)))
        assert (summary.read, summary.new, summary.duplicates) == (27, 26, 1)
        assert [r.where for r in summary.rejected] == [f"{source}:27"]
        # An unparseable date keeps the article, with a warning.
        assert len(summary.warnings) == 1 and "E007" in summary.warnings[0].reason
        assert seen == [(1, 10), (2, 20), (3, 26)]
        assert store.count_articles() == 26
        again = ingest([str(source)], store, batch_size=10)
        assert (again.new, again.duplicates) == (0, 27)
