"""`warwire eval --linking`: how the three linking numbers are counted, and the floors on the shared data."""
from __future__ import annotations

import pytest

from warwire.eval.linking import AcledRow, Linked, score_acled_links, score_incidents
from warwire.eval.scoring import Scores
from warwire.model import Event, Report


def _linked(groups: dict[str, list[str]], dates: dict[str, tuple[str, str]]) -> Linked:
    """Events named by id, each holding one report of each listed article."""
    reports, events, event_of, by_article = {}, {}, {}, {}
    for eid, arts in groups.items():
        ids = []
        for art in arts:
            r = Report(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                       date=dates[eid][0], article_id=art, index=len(by_article.get(art, [])))
            reports[r.id], event_of[r.id] = r, eid
            by_article.setdefault(art, []).append(r)
            ids.append(r.id)
        events[eid] = Event(id=eid, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                            date_start=dates[eid][0], date_end=dates[eid][1], reports=ids)
    return Linked(reports, events, event_of, by_article)


def test_pair_recall_needs_one_event_near_the_incident_date_and_negatives_any_shared_event():
    linked = _linked({"e1": ["A", "B"], "e2": ["C", "D"], "e3": ["A", "C"]},
                     {"e1": ("2016-07-01", "2016-07-01"), "e2": ("2016-07-01", "2016-07-01"),
                      "e3": ("2016-07-20", "2016-07-20")})
    incidents = [{"incident": "x", "date": "2016-07-03", "place": "P", "sub_event_type": "S",
                  "articles": ["1", "2", "3"]}]
    negatives = [{"a": "1", "b": "3", "why": "another strike"}, {"a": "2", "b": "4", "why": "another town"}]
    units = {"1": "A", "2": "B", "3": "C", "4": "D"}
    scores = Scores("linking")
    score_incidents(linked, incidents, negatives, units, scores, cases=5)
    pairs = scores.metrics["incidents.pairs"]
    # A-B share e1, two days from the incident: linked; A-C share only e3, 17 days away; B-C share nothing
    assert (pairs.correct, pairs.total) == (1, 3)
    apart = scores.metrics["negatives.apart"]
    assert (apart.correct, apart.total) == (1, 2)  # 1~3 share e3 whatever its date
    assert any(c.id.startswith("wrong link") for c in scores.cases)
    assert sum(c.id.startswith("missed") for c in scores.cases) == 2


def test_acled_rows_are_over_merged_when_another_day_type_or_more_than_2_km():
    rows = [AcledRow("r1", "2018-01-05", "Remote violence", 35.00, 36.00, "A", "note one"),
            AcledRow("r2", "2018-01-05", "Remote violence", 35.01, 36.00, "B", "note two"),  # 1.1 km away
            AcledRow("r3", "2018-01-06", "Remote violence", 35.00, 36.00, "C", "note three"),
            AcledRow("r4", "2018-02-07", "Battle-No change of territory", 35.00, 36.00, "D", "note four"),
            AcledRow("r5", "2018-02-07", "Remote violence", 35.00, 36.00, "E", "note five")]
    linked = _linked({"e1": ["A", "B", "C"], "e2": ["D", "E"]},
                     {"e1": ("2018-01-05", "2018-01-06"), "e2": ("2018-02-07", "2018-02-07")})
    scores = Scores("linking")
    counts = score_acled_links(linked, rows, scores)
    assert counts["linked"] == 4
    assert counts["over_merged"] == 3  # r1~r3, r2~r3 (another day), r4~r5 (another type)
    assert counts["over_merged.tune"] == 2 and counts["over_merged.test"] == 1
    assert scores.metrics["acled.rows_apart"].correct == 0


@pytest.mark.slow
def test_linking_on_the_shared_data_stays_above_its_floors(shared_data):
    from warwire.eval.floors import check_floors, load_floors
    from warwire.eval.linking import evaluate_linking

    floors = load_floors()
    if "linking" not in floors["datasets"]:
        pytest.skip("no floors pinned for linking")
    result = evaluate_linking()
    check_floors([result.scores], floors)
    assert result.counts["over_merged"] < result.counts["linked"]


def _placed(art: str, sub: str, day: str, name: str, lat: float, lon: float, index: int = 0) -> Report:
    from warwire.model import Location

    return Report(event_type="Explosions/Remote violence", sub_event_type=sub, date=day, article_id=art, index=index,
                  location=Location(name=name, country="Syria", admin1="Aleppo", lat=lat, lon=lon, geo_precision=1))


def _in_events(*events: tuple, sub: str = "Chemical weapon") -> Linked:
    """The reports of ``events`` (each ``(event id, *reports)``), grouped as given, on 2016-07-01."""
    reports = [r for e in events for r in e[1:]]
    by_article: dict[str, list[Report]] = {}
    for r in reports:
        by_article.setdefault(r.article_id, []).append(r)
    built = {e[0]: Event(id=e[0], event_type="Explosions/Remote violence", sub_event_type=sub,
                         date_start="2016-07-01", date_end="2016-07-01", reports=[r.id for r in e[1:]])
             for e in events}
    return Linked({r.id: r for r in reports}, built, {r.id: e[0] for e in events for r in e[1:]}, by_article)


def test_a_missed_pair_is_counted_by_why_its_reports_stay_apart():
    from warwire.eval.linking import MISS_CAUSES, miss_cause
    from warwire.link.rules import day_number

    reports = [_placed("A", "Air/drone strike", "2016-07-01", "Atarib", 36.14, 36.83),
               _placed("B", "Air/drone strike", "2016-08-30", "Atarib", 36.14, 36.83),  # two months later
               _placed("C", "Suicide bomb", "2016-07-01", "Atarib", 36.14, 36.83),
               _placed("D", "Air/drone strike", "2016-07-01", "Manbij", 36.53, 37.95),  # 100 km east
               Report(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date="2016-07-01",
                      article_id="E", index=0)]  # placed nowhere
    by_article = {r.article_id: [r] for r in reports}
    linked = Linked({r.id: r for r in reports}, {}, {}, by_article)
    day = day_number("2016-07-01")
    causes = {other: miss_cause(day, "A", other, linked) for other in "BCDE"}
    assert causes == {"B": "no report near the day", "C": "types differ", "D": "places apart", "E": "no place"}
    assert set(causes.values()) <= set(MISS_CAUSES)  # each cause counted is one the report explains


def test_a_pair_grouped_apart_is_counted_by_what_kept_its_reports_apart():
    from warwire.eval.linking import APART_BECAUSE, apart_because
    from warwire.link.rules import day_number

    gas, strike = "Chemical weapon", "Air/drone strike"
    a = _placed("A", gas, "2016-07-01", "Atarib", 36.14, 36.83)
    b = _placed("B", gas, "2016-07-01", "Atarib", 36.14, 36.83)
    a_strike = _placed("A", strike, "2016-07-01", "Atarib", 36.14, 36.83, index=1)  # A's other happening
    c = _placed("C", gas, "2016-07-01", "Manbij", 36.53, 37.95)  # 100 km east: never one event with A's
    day = day_number("2016-07-01")

    def why(*events):
        return apart_because(day, "A", "B", _in_events(*events))

    # the same gas attack at one town on one day, in two events with nothing between them: the grouping's order
    assert why(("e1", a), ("e2", b)) == "order"
    # B's event holds A's report of another happening: A's gas report may not join it
    assert why(("e1", a), ("e2", b, a_strike)) == "one article"
    # B's event holds a report of a town 100 km away
    assert why(("e1", a), ("e2", b, c)) == "conflict"
    assert {"order", "one article", "conflict"} <= set(APART_BECAUSE)


def test_a_pair_kept_apart_by_a_link_left_out_is_counted_by_what_else_keeps_it_apart():
    from dataclasses import replace

    from warwire.eval.linking import apart_kinds, behind_left_out
    from warwire.link.rules import day_number

    gas = "Chemical weapon"
    week = replace(_placed("A", gas, "2016-07-01", "Atarib", 36.14, 36.83), date_precision=2)  # dated to its week
    b = _placed("B", gas, "2016-07-01", "Atarib", 36.14, 36.83)
    c = _placed("C", gas, "2016-07-01", "Manbij", 36.53, 37.95)  # 100 km east: never one event with A's
    day = day_number("2016-07-01")

    def kinds(*events):
        return apart_kinds(day, "A", "B", _in_events(*events))

    # the week-dated report links to B's but kept only another link: nothing else keeps them apart
    alone = kinds(("e1", week), ("e2", b))
    assert "vague link left out" in alone and behind_left_out(alone) == "nothing else"
    # B's event also holds a report of a town 100 km away, which the week-dated report may never join
    far = kinds(("e1", week), ("e2", b, c))
    assert behind_left_out(far) == "conflict"
    # a pair kept apart by no link left out is not counted
    assert behind_left_out({"conflict"}) is None


def test_a_late_story_beside_the_attack_it_retells_is_no_conflict_in_the_diagnosis():
    from warwire.eval.linking import apart_because
    from warwire.link import ArticleMeta, link_reports
    from warwire.link.rules import day_number
    from warwire.model import Actor, Count, Location

    def gas(art: str, day: str, dead: int | None, dated: bool, place: tuple[str, float, float]) -> Report:
        name, lat, lon = place
        return Report(event_type="Explosions/Remote violence", sub_event_type="Chemical weapon", date=day,
                      date_precision=1, location=Location(name=name, country="Syria", admin1="Idlib", lat=lat,
                                                          lon=lon, geo_precision=1),
                      actor1=Actor(name="Military Forces of Syria", kind="State forces", country="Syria"),
                      fatalities=Count(best=dead, low=dead), primary=True,
                      evidence={"date": [0, 8]} if dated else {}, article_id=art, index=0)

    town = ("Saraqib", 35.8623, 36.8066)
    metas = {"A": ArticleMeta(outlet="First Wire", published="2017-03-11"),
             "B": ArticleMeta(outlet="Second Wire", published="2017-03-11"),
             "L": ArticleMeta(outlet="Weekly Review", published="2017-03-16")}
    a, b = gas("A", "2017-03-11", 27, True, town), gas("B", "2017-03-11", 27, True, town)
    told_late = gas("L", "2017-03-16", None, False, ("Saraqib district", 35.86, 36.80))  # its day is its print day
    reports = [a, b, told_late]
    # the grouping dates the late story on the attack's day: all three are one event
    assert sorted(sorted(e.reports) for e in link_reports(reports, metas).events) == [["A:0", "B:0", "L:0"]]
    events = {"e1": Event(id="e1", event_type=a.event_type, sub_event_type=a.sub_event_type, date_start=a.date,
                          date_end=a.date, reports=["A:0"]),
              "e2": Event(id="e2", event_type=a.event_type, sub_event_type=a.sub_event_type, date_start=a.date,
                          date_end=told_late.date, reports=["B:0", "L:0"])}
    linked = Linked({r.id: r for r in reports}, events, {"A:0": "e1", "B:0": "e2", "L:0": "e2"},
                    {r.article_id: [r] for r in reports}, articles=metas)
    assert linked.late_days() == {"L:0": "2017-03-11"}
    # had A's and B's accounts been kept apart, the late story beside B rules nothing out, as in the grouping
    assert apart_because(day_number("2017-03-11"), "A", "B", linked) == "order"


def test_the_diagnosis_weighs_a_gas_attack_report_of_either_event_as_grouping_does():
    from warwire.eval.linking import apart_kinds
    from warwire.link import ArticleMeta
    from warwire.link.cluster import may_share_group
    from warwire.link.rules import day_number
    from warwire.model import Actor, Count, Location

    def gas(art: str, name: str, admin1: str, lat: float, lon: float, dead: int) -> Report:
        return Report(event_type="Explosions/Remote violence", sub_event_type="Chemical weapon", date="2019-06-12",
                      date_precision=1, location=Location(name=name, country="Syria", admin1=admin1, lat=lat,
                                                          lon=lon, geo_precision=1),
                      actor1=Actor(name="Military Forces of Syria", kind="State forces", country="Syria"),
                      fatalities=Count(best=dead, low=dead), primary=True, evidence={"date": [0, 9]},
                      article_id=art, index=0)

    # two outlets tell the gas attack on the eastern suburb; the capital's report, which relates to both suburbs,
    # sits in the first one's event and the western suburb's report in the second one's
    east_a = gas("A", "Zamalka", "Rural Damascus", 33.5217, 36.3572, 30)
    east_b = gas("B", "Zamalka", "Rural Damascus", 33.5217, 36.3572, 30)
    city = gas("C", "Damascus", "Damascus", 33.5102, 36.2913, 300)
    west = gas("D", "Moadamiyet al-Sham", "Rural Damascus", 33.4614, 36.1956, 25)
    reports = [east_a, east_b, city, west]
    metas = {k: ArticleMeta(outlet=f"Wire {k}", published="2019-06-12") for k in "ABCD"}

    def mk(eid: str, rs: list[Report]) -> Event:
        return Event(id=eid, event_type=city.event_type, sub_event_type=city.sub_event_type, date_start=city.date,
                     date_end=city.date, reports=[r.id for r in rs])

    events = {"e1": mk("e1", [east_a, city]), "e2": mk("e2", [east_b, west])}
    linked = Linked({r.id: r for r in reports}, events, {"A:0": "e1", "C:0": "e1", "B:0": "e2", "D:0": "e2"},
                    {r.article_id: [r] for r in reports}, articles=metas)
    # grouping, weighing the two events, counts the capital's report between the suburbs: nothing keeps them apart
    assert all(may_share_group(r, [east_b, west], metas, {}, [east_a, city]) for r in (east_a, city))
    assert apart_kinds(day_number("2019-06-12"), "A", "B", linked) == set()


def test_a_pair_with_no_report_near_the_day_is_counted_by_what_its_text_tells_of_the_day():
    from warwire.eval.linking import FAR_TOLD, far_told
    from warwire.link.rules import ArticleMeta, day_number

    near = _placed("A", "Air/drone strike", "2016-07-01", "Atarib", 36.14, 36.83)
    late = {art: _placed(art, "Air/drone strike", "2016-09-20", "Atarib", 36.14, 36.83) for art in "BCD"}
    texts = {"B": "Donors met in Geneva on Tuesday. The July 1 raid on the market is still unpunished.",
             "C": "Donors met in Geneva on Tuesday. A raid on the market in early July is still unpunished.",
             "D": "Donors met in Geneva on Tuesday. The raid on the market is still unpunished."}
    by_article = {"A": [near], **{art: [r] for art, r in late.items()}}
    linked = Linked({r.id: r for rs in by_article.values() for r in rs}, {}, {}, by_article, texts=texts,
                    articles={art: ArticleMeta(published="2016-09-20") for art in "BCD"})
    day = day_number("2016-07-01")
    told = {art: far_told(day, "A", art, linked) for art in "BCD"}
    assert told == {"B": "day told", "C": "week or month told", "D": "day not told"}
    assert set(told.values()) == set(FAR_TOLD)


def test_errors_show_only_the_tuned_half(monkeypatch):
    import warwire.eval.linking as linking

    linked = _linked({"e1": ["A", "C"], "e2": ["B", "D"]},
                     {"e1": ("2016-07-01", "2016-07-01"), "e2": ("2016-07-01", "2016-07-01")})
    # incident one is tuned, incident two held out: both missed; negative one tuned, two held out: both linked
    incidents = [{"incident": "tuned", "date": "2016-07-01", "place": "P", "sub_event_type": "S", "articles": ["1", "2"]},
                 {"incident": "held", "date": "2016-07-01", "place": "P", "sub_event_type": "S", "articles": ["3", "4"]}]
    negatives = [{"a": "1", "b": "3", "why": "tuned"}, {"a": "2", "b": "4", "why": "held"}]
    monkeypatch.setattr(linking, "TUNE_INCIDENTS", 1)
    monkeypatch.setattr(linking, "TUNE_NEGATIVES", 1)
    scores = Scores("linking")
    score_incidents(linked, incidents, negatives, {"1": "A", "2": "B", "3": "C", "4": "D"}, scores, cases=5)
    assert scores.metrics["incidents.pairs.test"].total == 1 and scores.metrics["negatives.apart.test"].total == 1
    shown = " ".join(c.id + " " + c.text for c in scores.cases)
    assert "missed tuned" in shown and "missed held" not in shown
    assert "tuned" in shown and ": held" not in shown
    # over-merged ACLED rows: January's are shown, February's only counted
    rows = [AcledRow("r1", "2018-01-05", "Remote violence", 35.0, 36.0, "A", "note one"),
            AcledRow("r2", "2018-01-09", "Remote violence", 35.0, 36.0, "C", "note two"),
            AcledRow("r3", "2018-02-05", "Remote violence", 35.0, 36.0, "B", "note three"),
            AcledRow("r4", "2018-02-09", "Remote violence", 35.0, 36.0, "D", "note four")]
    scores = Scores("linking")
    counts = score_acled_links(linked, rows, scores, cases=5)
    assert counts["over_merged.tune"] == 1 and counts["over_merged.test"] == 1
    assert [c.text for c in scores.cases] == ["ACLED rows r1 and r2: 0.0 km apart"]


def test_a_pair_short_of_evidence_is_counted_by_what_its_closest_reports_lack():
    from warwire.eval.linking import breakdown, short_of
    from warwire.link.rules import day_number
    from warwire.model import Location

    strike = "Air/drone strike"
    a = _placed("A", strike, "2016-07-01", "Atarib", 36.14, 36.83)
    late = _placed("B", strike, "2016-07-06", "Atarib", 36.14, 36.83)  # five days on: beyond two days' reach
    # an area about 4 km from the town, sharing only the sub-type with it: an area needs two points
    area = Report(event_type="Explosions/Remote violence", sub_event_type=strike, date="2016-07-01", article_id="C",
                  index=0, location=Location(name="Atarib plain", country="Syria", admin1="Aleppo", lat=36.16,
                                             lon=36.87, geo_precision=2))
    reports = [a, late, area]
    linked = Linked({r.id: r for r in reports}, {}, {}, {r.article_id: [r] for r in reports})
    day = day_number("2016-07-01")
    assert short_of(day, "A", "B", linked) == "may not join: days beyond reach"
    assert short_of(day, "A", "C", linked) == "points"
    by_cause = {"evidence short.tune": {"points": 2}, "evidence short.test": {"points": 1, "detail within": 3}}
    assert breakdown(by_cause, "evidence short", "lacks") == ["lacks (tune / test): detail within 0/3, points 2/1"]


def test_a_conflict_is_counted_by_what_rules_the_pair_out():
    from warwire.eval.linking import apart_kinds
    from warwire.link.rules import day_number

    gas = "Chemical weapon"
    a = _placed("A", gas, "2016-07-01", "Atarib", 36.14, 36.83)
    b = _placed("B", gas, "2016-07-01", "Atarib", 36.14, 36.83)
    c = _placed("C", gas, "2016-07-01", "Manbij", 36.53, 37.95)  # 100 km east
    kinds = apart_kinds(day_number("2016-07-01"), "A", "B", _in_events(("e1", a), ("e2", b, c)))
    assert {"conflict", "conflict: places apart"} <= kinds
