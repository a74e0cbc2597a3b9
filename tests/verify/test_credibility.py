"""Credibility signals on articles written here, scores saved in the store, the model file."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from warwire.cli import app
from warwire.verify.contradictions import link_and_check
from warwire.model import Actor, Article, Claim, Count, Location, Report
from warwire.store import open_store
from warwire.verify.credibility import (SIGNALS, CredibilityModel, credibility, load_model,
                                        report_signals, score_store, text_signals)

runner = CliRunner()
DOUMA = Location(name="Douma", country="Syria", admin1="Rural Damascus", lat=33.5711, lon=36.4033, geo_precision=1)
SYRIA = Actor("Military Forces of Syria", "State forces", "Syria")
REBELS = Actor("Jaish al-Islam", "Rebel group", "Syria")


def test_hedging_and_loaded_words_per_100_words():
    text = ("Jets reportedly struck the town, allegedly killing ten, in what activists called a massacre "
            "by the regime. The claim could not be independently verified.") + " word" * 76
    s = text_signals(Article(text=text))
    # 100 words: reportedly, allegedly, "could not be independently verified" / massacre, regime
    assert s["hedging"] == pytest.approx(3.0) and s["loaded"] == pytest.approx(2.0)


def test_a_plain_report_has_no_hedging_or_loaded_words():
    s = text_signals(Article(text="Government aircraft struck Douma on Monday, killing ten civilians."))
    assert s["hedging"] == 0 and s["loaded"] == 0


def test_printed_date_far_from_the_given_one_is_a_mismatch():
    same = Article(text="Wed 05 Apr 2017 A strike.", published="2017-04-05")
    off = Article(text="Wed 05 Apr 2017 A strike.", published="2017-04-05", metadata_date="2017-04-19")
    near = Article(text="Wed 05 Apr 2017 A strike.", published="2017-04-05", metadata_date="2017-04-06")
    assert [text_signals(a)["date_mismatch"] for a in (same, off, near)] == [0.0, 1.0, 0.0]


def test_attribution_and_number_specificity():
    base = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    reports = [
        Report(**base, fatalities=Count(best=12, low=12, high=12, qualifier="exact"),
               claimed_by=Claim("Syrian Observatory for Human Rights", "monitor")),
        Report(**base, fatalities=Count(best=24, low=24, qualifier="vague"),
               claimed_by=Claim("activists", "activists")),
        Report(**base),
        Report(**base, fatalities=Count(best=3, low=3, high=3, qualifier="exact")),
    ]
    s = report_signals(reports)
    assert s["attributed"] == 0.5 and s["named_sources"] == 0.25
    assert s["exact_tolls"] == pytest.approx(2 / 3) and s["vague_tolls"] == pytest.approx(1 / 3)
    assert s["reports"] == 4


def _strike(toll, actor=SYRIA, claim=None):
    return Report(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date="2018-02-19",
                  date_precision=1, location=DOUMA, actor1=actor, primary=True, claimed_by=claim,
                  fatalities=Count(best=toll, low=toll, high=toll, qualifier="exact"))


def _store(url):
    store = open_store(url)
    texts = {
        "a": ("Government jets struck Douma on Monday, killing 23 people.", "Levant Wire"),
        "b": ("Syrian warplanes hit Douma on Monday; 23 civilians were killed.", "Crescent Press"),
        "c": ("Terrorists shelled Douma on Monday, reportedly killing 3, in a heroic massacre.", "Partisan Daily"),
    }
    arts = {k: Article(text=t, outlet=o, published="2018-02-19") for k, (t, o) in texts.items()}
    store.add_articles(list(arts.values()))
    store.save_extractions([(arts["a"].id, [_strike(23)], None), (arts["b"].id, [_strike(23)], None),
                            (arts["c"].id, [_strike(3, REBELS)], None)])
    link_and_check(store)
    return store, arts


def test_agreement_signals_and_stored_scores(store_url):
    store, arts = _store(store_url)
    summary = score_store(store, CredibilityModel.hand_weighted())
    assert summary["articles"] == 3
    cred = {k: store.get_credibility(a.id) for k, a in arts.items()}
    assert set(cred["a"]["signals"]) == set(SIGNALS)
    a, c = cred["a"]["signals"], cred["c"]["signals"]
    assert a["corroborated"] == 1.0 and a["other_sources"] == 2.0
    assert c["toll_disputed"] == 1.0 and c["actor_disputed"] == 1.0 and c["toll_deviation"] > 0.8
    assert a["actor_agreement"] == 1.0 and c["actor_agreement"] == 0.0
    assert cred["a"]["score"] > cred["c"]["score"]
    assert cred["c"]["label"] == "doubtful" and cred["a"]["label"] == "credible"
    store.close()


def test_a_syndicated_copy_is_not_corroboration(sqlite_url):
    store = open_store(sqlite_url)
    text = ("Government jets struck Douma, in Eastern Ghouta, on Monday, killing 23 people, among them "
            "six children, a war monitor said. The strikes hit a market and a school building near the main "
            "square, and rescue workers were still searching the rubble for survivors late in the evening. "
            "The army said it targeted rebel positions and denied hitting civilians in the besieged enclave.")
    a = Article(text=text, outlet="Levant Wire", published="2018-02-19")
    copy = Article(text=text + " Reporting by the wire.", outlet="Daily Reprint", published="2018-02-19")
    store.add_articles([a, copy])
    stored = {x.id: x for x in store.iter_articles()}
    assert stored[copy.id].duplicate_of == a.id  # the store saw the copy
    store.save_extractions([(a.id, [_strike(23)], None), (copy.id, [_strike(23)], None)])
    link_and_check(store)
    score_store(store)
    assert store.get_credibility(a.id)["signals"]["corroborated"] == 0.0
    store.close()


def test_model_json_round_trip_and_fallback(tmp_path):
    model = CredibilityModel(features=["toll_disputed"], coef=[-2.0], intercept=0.5, mean=[0.0], scale=[1.0],
                             source="test model")
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
    loaded = load_model(path)
    assert loaded.source == "test model"
    assert credibility({"toll_disputed": 1.0}, loaded)["label"] == "doubtful"
    assert credibility({"toll_disputed": 0.0}, loaded)["label"] == "credible"
    assert load_model(tmp_path / "absent.json").source == "hand-weighted"


def test_cli_scores_every_article(sqlite_url):
    store, arts = _store(sqlite_url)
    store.close()
    res = runner.invoke(app, ["--db", sqlite_url, "credibility", "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output)
    assert summary["articles"] == 3 and summary["credible"] + summary["doubtful"] == 3
