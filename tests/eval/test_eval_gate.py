"""The accuracy gate: the real extractor on the bundled gold must stay above the pinned floors."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from warwire.cli import app
from warwire.errors import WarwireError
from warwire.eval import evaluate_acled, evaluate_fakes, load_floors, read_gold, score_gold
from warwire.eval.floors import check_floors, digest, pin_floors, shared_limit
from warwire.eval.gold import bundled_gold
from warwire.eval.scoring import Metric, Scores

runner = CliRunner()


def test_gate_passes_on_the_bundled_gold():
    """CI's accuracy gate: runs the extractor on the bundled gold and checks every pinned floor."""
    result = runner.invoke(app, ["eval", str(bundled_gold()), "--check-floors", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)[0]
    assert scores["dataset"] == "gold" and scores["n"] >= 80
    assert scores["speed"] > 0


def test_floors_pin_the_bundled_gold_digest():
    floors = load_floors()
    assert floors["datasets"]["gold"]["sha256"] == digest(bundled_gold())
    assert floors["datasets"]["gold"]["floors"]["reports"] > 0.5


def test_changed_gold_is_E204(tmp_path):
    copy = tmp_path / "extraction.jsonl"
    lines = bundled_gold().read_text("utf-8").splitlines()
    first = json.loads(lines[0])
    first["reports"][0]["fatalities"]["best"] += 1  # a quiet edit of one expected toll
    copy.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", "utf-8")
    result = runner.invoke(app, ["eval", str(copy), "--check-floors"])
    assert result.exit_code == 1
    assert "E204" in result.output and "--pin" in result.output


def test_broken_predictions_fall_below_the_floors():
    items = read_gold(bundled_gold())
    nothing = score_gold(items, [[] for _ in items])
    with pytest.raises(WarwireError) as e:
        check_floors([nothing], load_floors())
    assert e.value.code.name == "E203" and "gold reports" in str(e.value)


def test_pin_writes_floors_below_the_scores(tmp_path):
    s = Scores("gold", n=10, metrics={"date": Metric("date", correct=9, total=10),
                                      "tags": Metric("tags", correct=1, total=2)})  # too few to floor
    path = tmp_path / "floors.json"
    floors = pin_floors([s], bundled_gold(), path=path)
    assert floors["datasets"]["gold"]["floors"] == {"date": 0.88}
    assert json.loads(path.read_text())["datasets"]["gold"]["sha256"] == digest(bundled_gold())
    check_floors([s], floors)  # the scores it was pinned on pass
    s.metrics["date"].correct = 8
    with pytest.raises(WarwireError, match="gold date 0.800 < 0.880"):
        check_floors([s], floors)


@pytest.mark.slow
@pytest.mark.parametrize("dataset,file", [
    ("acled", "acled/acled_syria_2018_jan_feb.csv"),
    ("acled_current", "acled/acled_syria_battles_2017_2023.csv"),
    ("fakes", "fakes/fakes_dev.csv"),
])
def test_shared_data_stays_above_its_floors(shared_data, dataset, file):
    floors = load_floors()
    if dataset not in floors["datasets"]:
        pytest.skip(f"no floors pinned for {dataset}")
    evaluate = evaluate_fakes if dataset == "fakes" else evaluate_acled
    scores = evaluate(shared_data / file, limit=shared_limit(dataset, floors))
    assert scores.dataset == dataset
    check_floors([scores], floors)


def test_a_csv_that_is_not_acled_is_E202_and_exit_3(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    result = runner.invoke(app, ["eval", "--acled", str(path)])
    assert result.exit_code == 3
    assert "E202" in result.output and "notes" in result.output


def test_errors_show_the_worst_cases_with_expected_and_got():
    result = runner.invoke(app, ["eval", "--limit", "30", "--errors", "3"])
    assert result.exit_code == 0, result.output
    assert "gold: 30 items" in result.output
    assert "want " in result.output and "got " in result.output  # nobody is perfect on 30 hard cases
    assert "speed (articles/s)" in result.output
