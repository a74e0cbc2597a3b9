"""`warwire eval --task credibility` cross-validates the credibility score on a FA-KES-layout file."""
from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from warwire.cli import app

TOWNS = ["Douma", "Saraqeb", "Azaz", "Hajin", "Harasta", "Afrin", "Jisr al-Shughur", "Daraa", "Ariha", "Maarat al-Numan"]
HEADER = ["unit_id", "article_title", "article_content", "source", "date", "location", "actor", "cause_of_death",
          "nb_children", "nb_civilians", "nb_noncivilians", "nb_women", "label"]


def write_fakes(path, n=20):
    with path.open("w", encoding="cp1252", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(n):
            town = TOWNS[i % len(TOWNS)]
            hedge = "reportedly " if i % 2 else ""
            text = (f"Government warplanes {hedge}killed {3 + i} civilians in air strikes on {town} on Monday, "
                    f"the Syrian Observatory for Human Rights said. Row {i} of a test file written for warwire.")
            w.writerow([1000 + i, f"Strikes on {town}", text, ["Outlet A", "Outlet B"][i % 2], "3/7/18",
                        "idlib", "unknown", "shelling", 0, 0, 0, 0, i % 2])


def test_credibility_task_reports_cross_validated_scores(tmp_path):
    path = tmp_path / "fakes.csv"
    write_fakes(path)
    result = CliRunner().invoke(app, ["eval", "--task", "credibility", "--fakes", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout[result.stdout.index("{"):])
    assert scores["n"] == 20 and scores["credible"] == 10 and scores["majority_baseline"] == 0.5
    for inputs in ("signals", "signals_and_outlet", "outlet_only"):
        for metric in ("accuracy", "f1", "auc"):
            assert 0.0 <= scores[inputs][metric]["mean"] <= 1.0


def test_credibility_task_needs_a_fakes_file():
    result = CliRunner().invoke(app, ["eval", "--task", "credibility"])
    assert result.exit_code == 2
    assert "--fakes" in result.output
