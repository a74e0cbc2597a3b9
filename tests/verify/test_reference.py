"""Verdicts of reports against reference rows, and the ACLED / UCDP / JSONL layouts, from tiny files written here."""
from __future__ import annotations

import csv
import json

import pytest

from warwire.errors import WarwireError
from warwire.model import Actor, Count, Location, Report
from warwire.verify.reference import (CONTRADICTED, NOT_FOUND, SUPPORTED, ReferenceIndex, read_reference,
                                      verdict_of)

ACLED_PRE_2019 = ["data_id", "event_date", "time_precision", "event_type", "actor1", "assoc_actor_1", "inter1",
                  "actor2", "inter2", "country", "admin1", "admin2", "location", "latitude", "longitude",
                  "geo_precision", "source", "notes", "fatalities", "event_date_iso"]
ACLED_CURRENT = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
                 "assoc_actor_1", "inter1", "actor2", "inter2", "country", "admin1", "admin2", "location",
                 "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
UCDP = ["id", "type_of_violence", "side_a", "side_b", "country", "adm_1", "adm_2", "where_prec", "latitude",
        "longitude", "date_start", "date_end", "best", "low", "high"]

SARAQIB = Location(name="Saraqib", country="Syria", admin1="Idleb", lat=35.8645, lon=36.8048, geo_precision=1)
ARIHA = Location(name="Ariha", country="Syria", admin1="Idleb", lat=35.8117, lon=36.6072, geo_precision=1)
HOMS = Location(name="Homs", country="Syria", admin1="Homs", lat=34.7308, lon=36.7094, geo_precision=1)
SYRIA = Actor("Military Forces of Syria", "State forces", "Syria")
RUSSIA = Actor("Military Forces of Russia", "State forces", "Russia")


def _write(path, columns, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns)
        w.writeheader()
        for row in rows:
            w.writerow({c: row.get(c, "") for c in columns})
    return path


def acled_row(**kw):
    row = {"data_id": "1", "event_date": "05-Feb-18", "event_date_iso": "2018-02-05", "time_precision": "1",
           "event_type": "Remote violence", "actor1": "Military Forces of Syria (2000-)", "inter1": "1",
           "actor2": "Civilians (Syria)", "inter2": "7", "country": "Syria", "admin1": "Idleb",
           "admin2": "Idleb", "location": "Saraqab", "latitude": "35.8645", "longitude": "36.8048",
           "geo_precision": "1", "source": "SOHR", "notes": "Regime aircraft struck Saraqab.", "fatalities": "5"}
    row.update(kw)
    return row


def strike(**kw) -> Report:
    r = Report(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date="2018-02-05",
               date_precision=1, location=SARAQIB, actor1=SYRIA,
               fatalities=Count(best=5, low=5, high=5, qualifier="exact"), article_id="a1", index=0)
    for k, v in kw.items():
        setattr(r, k, v)
    return r


@pytest.fixture
def index(tmp_path):
    path = _write(tmp_path / "acled.csv", ACLED_PRE_2019, [
        acled_row(),
        acled_row(data_id="2", event_date_iso="2018-02-20", location="Homs", admin1="Homs",
                  latitude="34.7308", longitude="36.7094", fatalities="0",
                  event_type="Battle-No change of territory", actor1="Islamic State (Syria)", inter1="2"),
    ])
    return ReferenceIndex(read_reference(path))


def test_same_strike_is_supported(index):
    v = verdict_of(strike(), index)
    assert v.verdict == SUPPORTED and v.rows == ["1"]


def test_a_toll_beyond_the_tolerance_is_contradicted_with_the_difference(index):
    v = verdict_of(strike(fatalities=Count(best=12, low=12, high=12, qualifier="exact")), index)
    assert (v.verdict, v.field, v.ours, v.theirs, v.by) == (CONTRADICTED, "fatalities", 12, 5, -7.0)


def test_at_least_a_lower_toll_agrees(index):
    assert verdict_of(strike(fatalities=Count(best=3, low=3, qualifier="at_least")), index).verdict == SUPPORTED


def test_no_toll_stated_is_not_a_contradiction(index):
    assert verdict_of(strike(fatalities=Count()), index).verdict == SUPPORTED


def test_a_date_days_off_is_contradicted_in_days(index):
    v = verdict_of(strike(date="2018-02-09"), index)
    assert (v.verdict, v.field, v.by, v.unit) == (CONTRADICTED, "date", -4.0, "days")


def test_a_date_weeks_off_is_another_event(index):
    assert verdict_of(strike(date="2018-03-10"), index).verdict == NOT_FOUND


def test_a_town_twenty_km_away_is_contradicted_in_km(index):
    v = verdict_of(strike(location=ARIHA), index)
    assert v.verdict == CONTRADICTED and v.field == "location"
    assert 15 < v.by < 25 and v.theirs == "Saraqab, Idleb"


def test_another_perpetrator_is_contradicted(index):
    v = verdict_of(strike(actor1=Actor("Military Forces of Turkey", "State forces", "Turkey")), index)
    assert (v.verdict, v.field, v.theirs) == (CONTRADICTED, "actor1", "Military Forces of Syria (2000-)")


def test_an_either_or_attribution_agrees_with_each_ally(index):
    either = Actor("Allied Syrian and/or Russian Forces", "State forces", "Syria")
    assert verdict_of(strike(actor1=either), index).verdict == SUPPORTED


def test_two_fields_off_is_not_found(index):
    assert verdict_of(strike(date="2018-02-10", location=HOMS), index).verdict == NOT_FOUND


def test_a_report_without_place_is_not_found(index):
    assert verdict_of(strike(location=None), index).verdict == NOT_FOUND


def test_pre_2019_battle_matches_any_battle_sub_type(index):
    clash = Report(event_type="Battles", sub_event_type="Armed clash", date="2018-02-20", date_precision=1,
                   location=HOMS, actor1=Actor("Islamic State (Syria)", "Rebel group", "Syria"),
                   article_id="b", index=0)
    assert verdict_of(clash, index).rows == ["2"]


def test_acled_current_layout(tmp_path):
    path = _write(tmp_path / "acled.csv", ACLED_CURRENT, [{
        "event_id_cnty": "SYR1", "event_date": "02 June 2023", "time_precision": "1", "event_type": "Battles",
        "sub_event_type": "Armed clash", "actor1": "Military Forces of Syria (2000-)", "inter1": "1",
        "actor2": "Unidentified Armed Group (Syria)", "inter2": "3", "country": "Syria", "admin1": "Dara",
        "location": "Maaraba", "latitude": "32.5459", "longitude": "36.4257", "geo_precision": "2",
        "notes": "Clashes in Maaraba.", "fatalities": "2"}])
    [ref] = read_reference(path)
    r = ref.report
    assert (ref.id, r.event_type, r.sub_event_type, r.date, r.fatalities.best) == (
        "SYR1", "Battles", "Armed clash", "2023-06-02", 2)
    assert r.location.admin1 == "Dar'a" and r.location.geo_precision == 2
    assert (r.actor1.kind, r.actor1.country, r.actor2.kind) == ("State forces", "Syria", "Political militia")


def test_ucdp_layout_and_verdict(tmp_path):
    path = _write(tmp_path / "ged.csv", UCDP, [{
        "id": "9001", "type_of_violence": "1", "side_a": "Government of Syria", "side_b": "Syrian insurgents",
        "country": "Syria", "adm_1": "Idlib governorate", "where_prec": "1", "latitude": "35.8645",
        "longitude": "36.8048", "date_start": "2018-02-05", "date_end": "2018-02-05", "best": "6", "low": "4",
        "high": "9"}])
    refs = read_reference(path)
    r = refs[0].report
    assert (r.date, r.fatalities.low, r.fatalities.high, r.actor1.name, r.location.admin1) == (
        "2018-02-05", 4, 9, "Military Forces of Syria", "Idleb")
    index = ReferenceIndex(refs)
    assert verdict_of(strike(), index).verdict == SUPPORTED  # 5 lies within 4..9
    far_off = strike(fatalities=Count(best=30, low=30, high=30, qualifier="exact"))
    assert verdict_of(far_off, index).field == "fatalities"


def test_warwire_jsonl_events(tmp_path):
    event = {"id": "ev1", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
             "date_start": "2018-02-05", "date_end": "2018-02-05", "location": SARAQIB.to_dict(),
             "actor1": SYRIA.to_dict(), "fatalities": {"low": 4, "best": 5, "high": 7}, "reports": ["x:0"]}
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(event) + "\n", encoding="utf-8")
    index = ReferenceIndex(read_reference(path))
    assert verdict_of(strike(), index).rows == ["ev1"]
    assert verdict_of(strike(actor1=RUSSIA), index).field == "actor1"


def test_unknown_layout_names_the_file_and_columns(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(WarwireError) as err:
        read_reference(path)
    assert err.value.code.name == "E301" and "other.csv" in str(err.value) and "a, b" in str(err.value)


def test_a_report_placed_only_by_province_is_not_contradicted(index):
    province = Location(name="Idleb", country="Syria", admin1="Idleb", geo_precision=3)
    assert verdict_of(strike(location=province), index).verdict == SUPPORTED
    off = strike(location=province, fatalities=Count(best=40, low=40, high=40, qualifier="exact"))
    assert verdict_of(off, index).verdict == NOT_FOUND  # every day has events in a province
