"""The credibility model's evaluation on FA-KES labels, on a tiny FA-KES-shaped file written here."""
from __future__ import annotations

import csv

from warwire.eval.credibility import evaluate_credibility

FAKES_COLUMNS = ["unit_id", "article_title", "article_content", "source", "date", "location", "actor",
                 "cause_of_death", "nb_children", "nb_civilians", "nb_noncivilians", "nb_women", "label"]


def test_evaluate_credibility_on_a_tiny_fakes_file(tmp_path):
    towns = ["Douma", "Saqba", "Harasta", "Zamalka", "Arbin", "Jobar"]
    rows = []
    for i in range(12):
        town = towns[i % 6]
        toll = 20 + i if i % 2 else 3
        rows.append({"unit_id": str(i), "article_title": f"Strike on {town}",
                     "article_content": f"Government warplanes struck {town} on Monday, killing {toll} civilians, "
                                        f"a monitor said. Story {i}.",
                     "source": ["reuters", "sana", "alalam"][i % 3], "date": "2/19/18", "location": "damascus",
                     "actor": "unknown", "cause_of_death": "shelling", "nb_children": 0, "nb_civilians": toll,
                     "nb_noncivilians": 0, "nb_women": 0, "label": i % 2})
    path = tmp_path / "fakes.csv"
    with open(path, "w", encoding="cp1252", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FAKES_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    report = evaluate_credibility(path, folds=2, seed=0, store_url=f"sqlite:///{tmp_path / 'f.db'}")
    assert report["n"] == 12 and report["credible"] == 6 and report["majority_baseline"] == 0.5
    for variant in ("signals", "signals_and_outlet", "outlet_only"):
        assert set(report[variant]) == {"accuracy", "f1", "auc"}
        assert 0.0 <= report[variant]["accuracy"]["mean"] <= 1.0
