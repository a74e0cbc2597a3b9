"""The multievent scorer on tiny hand-written gold and reports, with the exact numbers its rules give."""
from __future__ import annotations

import json

import pytest

from warwire.errors import WarwireError
from warwire.eval.multievent import GoldArticle, align, letters, matches, parse_range, read_multievent, \
    score_multievent
from warwire.model import SUB_EVENT_TYPES, Actor, Article, Count, Location, Report

TEXT = "Warplanes struck the town of Kafr Batna on Monday, killing six. Shelling hit Douma."


def report(sub="Air/drone strike", place="Kafr Batna", date="2018-03-05", best=None, kind=None, admin1="Rural Damascus",
           span=None) -> Report:
    return Report(event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub, date=date,
                  location=Location(place, admin1=admin1) if place else None,
                  fatalities=Count(best=best), actor1=Actor("x", kind) if kind else None,
                  evidence={"location": list(span)} if span else {})


def gold(sub="Air/drone strike", place="Kafr Batna", date="2018-03-05", best=None, kind="State forces",
         optional=False, contested=(), governorate="Rif Dimashq") -> dict:
    return {"sub_event_type": sub, "place": place, "governorate": governorate, "date": date,
            "killed": {"best": best, "qualifier": "exact"} if best is not None else None,
            "actor1": {"name": "a", "kind": kind} if kind else None, "optional": optional,
            "contested": list(contested), "evidence": "a quote"}


def item(events, text=TEXT) -> GoldArticle:
    return GoldArticle("a1", Article(text=text, published="2018-03-07"), events, [])


def test_letters_keeps_a_to_z_only():
    assert letters("Kafr-Batna (east)") == "kafrbatnaeast"
    assert letters(None) == ""


def test_match_needs_event_type_date_within_a_day_and_place():
    g = gold()
    assert matches(g, report(sub="Shelling/artillery/missile attack"), TEXT)  # same ACLED event type
    assert not matches(g, report(sub="Armed clash"), TEXT)
    assert matches(g, report(date="2018-03-06"), TEXT)
    assert not matches(g, report(date="2018-03-07"), TEXT)
    assert not matches(g, report(place="Douma"), TEXT)
    assert matches(gold(place="the town of Kafr Batna"), report(place="Kafr Batna"), TEXT)  # one inside the other


def test_place_may_come_from_the_text_under_the_location_span():
    start = TEXT.index("Kafr Batna")
    assert matches(gold(), report(place="Somewhere", span=(start, start + len("Kafr Batna"))), TEXT)


def test_no_gold_place_compares_governorates():
    g = gold(place=None, governorate="Rural Damascus")
    assert matches(g, report(place="Douma", admin1="Rural Damascus"), TEXT)
    assert not matches(g, report(place="Douma", admin1="Idlib"), TEXT)


def test_required_events_take_reports_first_then_optional_ones():
    events = [gold(optional=True), gold()]
    pairs = align(events, [report()], TEXT)
    assert pairs == {1: 0}  # the required event took the only report


def test_precision_leaves_out_reports_that_matched_an_optional_event():
    events = [gold(best=6), gold(place="Douma", sub="Shelling/artillery/missile attack", optional=True),
              gold(place="Harasta")]
    reports = [report(best=6, kind="State forces"), report(place="Douma"), report(place="Saqba")]
    s = score_multievent([item(events)], [reports])
    ev = s.metrics["events"]
    # 1 required matched of 2; reports 3, one matched the optional event -> precision 1 / 2.
    assert (ev.tp, ev.fp, ev.fn) == (1, 1, 1)
    assert ev.precision == 0.5 and ev.recall == 0.5
    assert s.metrics["events.precision"].accuracy == 0.5 and s.metrics["events.recall"].total == 2
    assert s.metrics["fatalities"].accuracy == 1.0
    assert s.metrics["actor1.kind"].accuracy == 1.0
    assert s.extras["reports_per_gold_event"] == 1.0
    diffs = s.cases[0].diffs
    assert any(d.startswith("missed: ") and "Harasta" in d for d in diffs)
    assert any(d.startswith("spurious: ") and "Saqba" in d for d in diffs)


def test_fields_on_matched_events_skip_contested_ones():
    events = [gold(best=6, contested=["killed"]), gold(place="Douma", best=None, kind=None)]
    reports = [report(best=4, kind="Rebel group"), report(place="Douma", best=0)]
    s = score_multievent([item(events)], [reports])
    assert s.metrics["fatalities"].total == 1 and s.metrics["fatalities"].correct == 1  # gold null, got 0: right
    # The README's rule: actor1 kind exact on every matched event, a gold null wanting no kind (Douma: none, right).
    assert s.metrics["actor1.kind"].correct == 1 and s.metrics["actor1.kind"].total == 2
    # Beside it, the kind where the gold names an attacker only (Kafr Batna: rebels for the state, wrong).
    assert (s.metrics["actor1.kind.named"].correct, s.metrics["actor1.kind.named"].total) == (0, 1)
    assert s.extras["actor1_unnamed_in_gold"] == 1


def test_actor_kind_follows_the_readme_and_the_named_score_sits_beside_it():
    events = [gold(kind=None), gold(place="Douma", sub="Shelling/artillery/missile attack", kind="Rebel group")]
    # The record names the state for an air strike whose attacker the gold leaves null: wrong by the README.
    reports = [report(kind="State forces"), report(place="Douma", sub="Shelling/artillery/missile attack")]
    s = score_multievent([item(events)], [reports])
    assert (s.metrics["actor1.kind"].correct, s.metrics["actor1.kind"].total) == (0, 2)
    named = s.metrics["actor1.kind.named"]
    assert (named.correct, named.total) == (0, 1)  # the named rebel attacker was missed
    assert s.extras["actor1_unnamed_in_gold"] == 1
    reports[1] = report(place="Douma", sub="Shelling/artillery/missile attack", kind="Rebel group")
    s = score_multievent([item(events)], [reports])
    assert s.metrics["actor1.kind"].accuracy == 0.5 and s.metrics["actor1.kind.named"].accuracy == 1.0
    reports[0] = report()  # no attacker, as the gold has it
    assert score_multievent([item(events)], [reports]).metrics["actor1.kind"].accuracy == 1.0


def test_a_contested_actor_counts_in_neither_kind_score():
    events = [gold(kind=None, contested=["actor1"]), gold(place="Douma", kind=None)]
    s = score_multievent([item(events)], [[report(kind="State forces"), report(place="Douma")]])
    assert (s.metrics["actor1.kind"].correct, s.metrics["actor1.kind"].total) == (1, 1)
    assert "actor1.kind.named" not in s.metrics and s.extras["actor1_unnamed_in_gold"] == 1


def test_parse_range():
    assert parse_range("1-3", 20) == [0, 1, 2]
    assert parse_range("11-20", 12) == [10, 11]
    assert parse_range(None, 3) == [0, 1, 2]
    with pytest.raises(ValueError):
        parse_range("ten", 20)


def test_read_multievent_pairs_gold_with_its_articles(tmp_path):
    (tmp_path / "articles.jsonl").write_text(json.dumps(
        {"id": "x1", "outlet": "o", "published": "2018-03-07", "title": "T", "text": TEXT}) + "\n")
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "x1", "events": [gold()], "cumulative": []}) + "\n")
    items = read_multievent(tmp_path / "gold.jsonl")
    assert items[0].article.text == TEXT and items[0].events[0]["place"] == "Kafr Batna"
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "x2", "events": []}) + "\n")
    with pytest.raises(WarwireError):
        read_multievent(tmp_path / "gold.jsonl")


def test_gold_shipped_without_texts_finds_them_elsewhere_by_id_and_shows_its_spans(tmp_path):
    # The texts in another file (as FA-KES rows are keyed by unit_id) and the gold's evidence as offsets.
    (tmp_path / "texts.jsonl").write_text(json.dumps(
        {"id": "77", "outlet": "o", "published": "2018-03-07", "title": "T", "text": TEXT}) + "\n")
    g = dict(gold(), evidence_span=[TEXT.index("Shelling"), TEXT.index("Shelling") + 19])
    del g["evidence"]
    (tmp_path / "coded.jsonl").write_text(json.dumps(
        {"id": "fakes-77", "events": [g], "cumulative": [{"quote_span": [0, 9], "killed": {"best": 40}}]}) + "\n")
    with pytest.raises(WarwireError, match="--texts"):
        read_multievent(tmp_path / "coded.jsonl")
    items = read_multievent(tmp_path / "coded.jsonl", tmp_path / "texts.jsonl")
    assert items[0].id == items[0].article.source_id == "fakes-77" and items[0].article.text == TEXT
    s = score_multievent(items, [[]])
    assert "missed: Air/drone strike 2018-03-05 Kafr Batna killed=None: Shelling hit Douma." in s.cases[0].diffs
    assert "cumulative not kept: Warplanes (40)" in s.cases[0].diffs


def test_cumulative_tolls_count_as_kept_when_the_article_carries_them():
    from warwire.model import CumulativeToll

    it = item([gold()])
    it.cumulative = [{"quote": "600 killed since 2014", "killed": {"best": 600}},
                     {"quote": "the war has killed 300,000", "killed": {"best": 300000}}]
    it.article.cumulative = [CumulativeToll(killed=Count(best=600))]
    s = score_multievent([it], [[report()]])
    assert (s.metric("cumulative").correct, s.metric("cumulative").total) == (1, 2)
