"""Scoring on tiny hand-made expected/predicted pairs, with the exact numbers they must give."""
from __future__ import annotations

import json

import pytest

from warwire.errors import WarwireError
from warwire.eval.acled import event_type, inter_kind, read_acled, score_acled
from warwire.eval.fakes import actor_class, cause_of_death, read_fakes, score_fakes
from warwire.eval.gold import GoldItem, align, read_gold, score_gold
from warwire.eval.scoring import Metric, admin1, same_location, same_place
from warwire.model import Actor, Claim, Count, Location, Report, Victims

STRIKE = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"


def report(sub=STRIKE, place="Douma", date="2018-02-19", best=None, claim=None, tags=(), **kw) -> Report:
    et = "Explosions/Remote violence" if sub in (STRIKE, SHELLING) else "Battles"
    return Report(event_type=et, sub_event_type=sub, date=date, tags=list(tags),
                  location=Location(place, admin1=kw.pop("admin1", "Rural Damascus"), lat=kw.pop("lat", None),
                                    lon=kw.pop("lon", None)) if place else None,
                  fatalities=Count(best=best, qualifier="exact" if best is not None else None),
                  claimed_by=Claim(claim) if claim else None, **kw)


def expected(sub=STRIKE, place="Douma", date="2018-02-19", **kw) -> dict:
    return {"sub_event_type": sub, "location": {"name": place}, "date": date, **kw}


def test_metric_precision_recall_f1():
    m = Metric("reports", "prf", tp=3, fp=1, fn=2)
    assert m.precision == 0.75
    assert m.recall == 0.6
    assert m.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Metric("x").value is None  # nothing counted: no value, so no floor


def test_place_names_match_across_transliterations():
    assert same_place("Maarat al-Numan", "Ma'arrat an Nu'man")
    assert same_place("Al-Sanamayn", "As-Sanamayn")
    assert not same_place("Hass", "Hama")
    assert not same_place("Douma", None)


def test_a_place_is_the_same_by_name_or_by_where_the_gazetteer_puts_it():
    murak = {"name": "Murak", "lat": 35.374, "lon": 36.689}  # how GeoNames spells Morek
    assert same_location("Morek", "Hama", murak)
    assert not same_location("Morek", "Hama", {**murak, "lat": 35.50})  # 14 km north: another place
    assert not same_location("Morek", "Hama", {"name": "Kafr Zita", "lat": None, "lon": None})
    assert same_location("Douma", None, {"name": "Duma", "lat": None, "lon": None})


def test_admin1_spellings_fold_to_acled():
    assert admin1("Idlib") == "Idleb"
    assert admin1("Deir ez Zor") == "Deir-ez-Zor"
    assert admin1("Al?Hasakeh") == "Al-Hasakeh"  # a mis-decoded hyphen in ACLED's own file
    assert admin1("Daraa") == "Dar'a"
    assert admin1("Atlantis") == "Atlantis"


def test_contradicting_accounts_align_by_claimant():
    exp = [expected(claimed_by={"name": "Syrian Observatory for Human Rights"}, fatalities={"best": 23}),
           expected(claimed_by={"name": "SANA"}, fatalities={"best": 7})]
    got = [report(best=7, claim="SANA").to_dict(), report(best=23, claim="Syrian Observatory for Human Rights").to_dict()]
    assert align(exp, got) == [(0, 1), (1, 0)]


def test_score_gold_counts_reports_and_fields():
    items = [
        GoldItem("a", "text a", "2018-02-20", None, None,
                 [expected(fatalities={"best": 23, "qualifier": "exact"},
                           claimed_by={"name": "Syrian Observatory for Human Rights"})]),
        GoldItem("b", "text b", "2018-02-20", None, None, []),
        GoldItem("c", "text c", "2018-02-20", None, None,
                 [expected(sub=SHELLING, place="Saqba", tags=[]), expected(place="Hass", date="2018-09-04")]),
    ]
    preds = [
        [report(best=7, claim="Syrian Observatory for Human Rights")],  # right event, wrong toll
        [report(place="Harasta")],  # nothing to report: a false positive
        [report(sub=SHELLING, place="Saqba", tags=["cumulative"]),  # right event, wrong tags
         report(sub=SHELLING, place="Eastern Ghouta", tags=["cumulative"])],  # a running total: ignored
    ]
    s = score_gold(items, preds)
    r = s.metrics["reports"]
    assert (r.tp, r.fp, r.fn) == (2, 1, 1)
    assert s.metrics["fatalities.best"].correct == 0 and s.metrics["fatalities.best"].total == 1
    assert s.metrics["fatalities.qualifier"].accuracy == 1.0
    assert s.metrics["claimed_by.name"].accuracy == 1.0
    assert s.metrics["location.name"].accuracy == 1.0 and s.metrics["location.name"].total == 2
    assert s.metrics["tags"].accuracy == 0.0
    worst = s.worst(1)[0]
    assert worst.id == "c" and "missed: Air/drone strike @ Hass 2018-09-04" in worst.diffs


def test_expected_null_means_nothing_there():
    items = [GoldItem("a", "t", None, None, None, [expected(claimed_by=None, actor2=None)])]
    ok = score_gold(items, [[report()]])
    assert ok.metrics["claimed_by"].accuracy == 1.0 and ok.metrics["actor2"].accuracy == 1.0
    bad = score_gold(items, [[report(claim="SANA", actor2=Actor("Civilians (Syria)", "Civilians"))]])
    assert bad.metrics["claimed_by"].accuracy == 0.0 and bad.metrics["actor2"].accuracy == 0.0


def test_malformed_gold_line_is_E202_with_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    good = {"id": "a", "text": "t", "reports": []}
    bad = {"id": "b", "text": "t", "reports": [{"sub_event_type": "Air strike"}]}
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(WarwireError) as e:
        read_gold(path)
    assert e.value.code.name == "E202" and "line 2" in str(e.value) and "Air strike" in str(e.value)


ACLED_CSV = """data_id,event_date,event_type,actor1,inter1,actor2,inter2,admin1,location,latitude,longitude,notes,fatalities,event_date_iso
1,19-Feb-18,Remote violence,Military Forces of Syria (2000-),1,Civilians (Syria),7,Rural Damascus,Douma,33.5711,36.4016,"Regime warplanes struck Douma, killing 5 civilians.",5,2018-02-19
2,19-Feb-18,Battle-No change of territory,HTS: Hayat Tahrir al-Sham,2,Military Forces of Syria (2000-),1,Idleb,Abu al Thuhur,35.74,37.05,Clashes near Abu al-Duhur.,0,2018-02-19
3,19-Feb-18,Riots/Protests,Rioters (Syria),5,,0,Al?Hasakeh,Qamishli,37.05,41.22,Rioters burned tyres in Qamishli.,0,2018-02-19
4,19-Feb-18,Riots/Protests,Protesters (Syria),6,,0,Idleb,Kafr Nobol,35.61,36.56,,0,2018-02-19
"""


def test_acled_rows_and_mappings(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_CSV, encoding="utf-8")
    rows = read_acled(path)
    assert len(rows) == 3  # the row without a note is not gold
    assert [r.event_type for r in rows] == ["Explosions/Remote violence", "Battles", "Riots"]
    assert rows[2].admin1 == "Al-Hasakeh" and rows[0].kind2 == "Civilians" and rows[2].kind2 is None
    assert inter_kind("Rebel groups") == "Rebel group" and inter_kind("0") is None
    assert event_type("Riots/Protests", "Hundreds protested peacefully.") == "Protests"
    assert len(read_acled(path, limit=2)) == 2

    preds = [
        [report(best=5, lat=33.60, lon=36.40, actor1=Actor("Military Forces of Syria", "State forces"),
                actor2=Actor("Civilians (Syria)", "Civilians"))],  # all right; 3.2 km away
        [report(place="Saraqeb", admin1="Idlib", lat=35.86, lon=36.80, best=2,
                actor1=Actor("HTS: Hayat Tahrir al Sham", "Rebel group"))],  # strike for a clash, 24 km off
        [],
    ]
    s = score_acled(rows, preds)
    assert s.metrics["event_type"].correct == 1
    assert s.metrics["fatalities"].correct == 2  # row 3: no report counts as 0 deaths
    assert s.metrics["location"].correct == 1
    assert s.metrics["admin1"].correct == 2  # "Idlib" is ACLED's "Idleb"
    assert s.metrics["actor1.kind"].correct == 2
    assert s.metrics["actor2.kind"].correct == 2  # rows 1 and 3 (no second actor)


FAKES_HEADER = ("unit_id,article_title,article_content,source,date,location,actor,cause_of_death,"
                "nb_children,nb_civilians,nb_noncivilians,nb_women,label\n")


def test_fakes_half_keeps_odd_or_even_rows(tmp_path):
    path = tmp_path / "fakes.csv"
    rows = "".join(f'{i},t,"A bomb exploded in Idlib.",x,4/2/18,idlib,unknown,explosion,0,0,0,0,0\n' for i in range(1, 6))
    path.write_text(FAKES_HEADER + rows, encoding="cp1252")
    assert [r.id for r in read_fakes(path, half=1)] == ["1", "3", "5"]
    assert [r.id for r in read_fakes(path, half=2)] == ["2", "4"]


def test_fakes_rows_and_mappings(tmp_path):
    path = tmp_path / "fakes.csv"
    rows = [
        '1,t,"Published March 5 2018 Assad\u2019s jets killed 12 civilians.",x,3/9/18,damascus,'
        'syrian government or russian troops,shelling,3,12,0,0,1\n',
        '2,t,"A bomb exploded in Idlib.",x,4/2/18,idlib,unknown,explosion,0,0,0,0,0\n',
    ]
    path.write_bytes((FAKES_HEADER + "".join(rows)).encode("cp1252"))
    gold = read_fakes(path)
    assert "Assad\u2019s" in gold[0].text  # cp1252 decoded
    assert gold[0].printed == "2018-03-05" and gold[0].date == "2018-03-09"

    assert actor_class(Actor("Military Forces of Russia", "External/Other forces")) == "syrian government or russian troops"
    assert actor_class(Actor("HTS: Hayat Tahrir al Sham", "Rebel group")) == "al-nusra front"
    assert actor_class(Actor("Some Brigade", "Rebel group")) == "armed opposition groups"
    assert actor_class(Actor("Unidentified Armed Group (Syria)", "Rebel group")) == "unknown"
    assert actor_class(None) == "unknown"
    assert cause_of_death(report(tags=["chemical"])) == "chemical and toxic gases"

    strike = report(admin1="Rural Damascus", best=12, date="2018-03-04",
                    actor1=Actor("Military Forces of Syria", "State forces"))
    strike.victims = Victims(civilians=12, children=3)
    ied = Report(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                 location=Location("Idlib", admin1="Idlib"), date="2018-03-30")
    s = score_fakes(gold, [[strike], [ied]])
    assert s.metrics["governorate"].correct == 2  # "damascus" agrees with Rural Damascus
    assert s.metrics["nb_civilians"].correct == 2 and s.metrics["nb_children"].correct == 2
    assert s.metrics["actor"].correct == 2
    assert s.metrics["cause_of_death"].correct == 2
    assert s.metrics["date"].correct == 1  # a day before the printed date; three days off the crowd's


def test_the_gold_itself_scores_perfectly():
    """Predictions made from the expected reports score 1.0 everywhere: the comparisons agree with the gold's conventions."""
    from warwire.eval.gold import bundled_gold

    def as_report(r: dict) -> Report:
        d = {"event_type": "Strategic developments", "sub_event_type": "Other", **r}
        for role in ("actor1", "actor2"):
            if d.get(role):
                d[role] = {"name": "someone", **d[role]}  # the gold may give only the kind
        if d.get("location"):
            d["location"] = {"name": "somewhere", **d["location"]}
        return Report.from_dict(d)

    items = read_gold(bundled_gold())
    preds = [[as_report(r) for r in item.reports] for item in items]
    s = score_gold(items, preds)
    assert {k: v for k, v in s.values().items() if v != 1.0} == {}
    assert s.metrics["reports"].tp == sum(len(i.reports) for i in items)


def test_fakes_actor_class_of_an_actor_is_that_of_the_actor_it_belongs_to():
    # Named in no class: each takes the class of its parent in the Syria pack.
    assert actor_class(Actor("QDW: National Defence Forces", "Political militia")) == \
        "syrian government or russian troops"
    assert actor_class(Actor("Tiger Forces", "State forces")) == "syrian government or russian troops"
    assert actor_class(Actor("YPG: People's Protection Units", "Rebel group")) == "self administration forces"
    assert actor_class(Actor("Jabhat al-Nusra", "Rebel group")) == "al-nusra front"
    assert actor_class(Actor("Sultan Murad Division", "Rebel group")) == "armed opposition groups"


def _row(i: int, text: str, lat: float, lon: float, date: str = "2018-01-09", deaths: int = 0):
    from warwire.eval.acled import AcledRow
    return AcledRow(id=str(i), text=text, date=date, event_type="Explosions/Remote violence",
                    sub_event_type=STRIKE, fatalities=deaths, admin1="Rural Damascus", lat=lat, lon=lon,
                    kind1=None, kind2=None)


def test_rows_sharing_a_note_take_its_reports_one_to_one_nearest_first():
    from warwire.eval.acled import row_reports
    note = "Jets struck Town A and Town B; a rocket hit Town C."
    rows = [_row(1, note, 33.00, 36.00), _row(2, note, 33.50, 36.50), _row(3, note, 34.00, 37.00)]
    b = report(place="Town B", lat=33.51, lon=36.49, best=2)
    a = report(place="Town A", lat=33.01, lon=36.00, primary=True)
    reports = [a, b]
    # Row 1 takes A, row 2 takes B (each the nearest no other row took); row 3 is left over and, as a
    # lone row would, is scored on the primary report.
    chosen = row_reports(rows, [list(reports) for _ in rows])
    assert [c.location.name for c in chosen] == ["Town A", "Town B", "Town A"]
    s = score_acled(rows, [list(reports) for _ in rows])
    assert s.metrics["location"].correct == 2  # before, only the primary's row could be placed right
    assert s.metrics["fatalities"].correct == 2  # rows 1 and 3 (no deaths, A tells none); row 2 has 2, wants 0


def test_a_report_goes_to_the_nearest_row_even_when_another_row_comes_first():
    from warwire.eval.acled import row_reports
    note = "Shells fell on two villages."
    rows = [_row(1, note, 33.00, 36.00), _row(2, note, 33.50, 36.50)]
    near2 = report(place="Village 2", lat=33.50, lon=36.50, primary=True)
    between = report(place="Village between", lat=33.30, lon=36.30)  # nearer row 2 than row 1, but row 2 is taken
    chosen = row_reports(rows, [[near2, between], [near2, between]])
    assert [c.location.name for c in chosen] == ["Village between", "Village 2"]


def test_a_lone_note_and_notes_on_other_days_keep_the_primary_report():
    from warwire.eval.acled import row_reports
    note = "Jets struck Town A and Town B."
    a = report(place="Town A", lat=33.0, lon=36.0)
    b = report(place="Town B", lat=33.5, lon=36.5, primary=True)
    # The same words on two days are two notes, each with one row: each row is scored on its primary report.
    rows = [_row(1, note, 33.0, 36.0, date="2018-01-09"), _row(2, note, 33.0, 36.0, date="2018-01-10")]
    assert [c.location.name for c in row_reports(rows, [[a, b], [a, b]])] == ["Town B", "Town B"]
    # A report without coordinates is never paired: the row left without a located report keeps the primary.
    rows = [_row(1, note, 33.0, 36.0), _row(2, note + "  ", 35.0, 38.0)]  # spacing aside, the same note
    nowhere, located = report(place=None), report(place="Town A", lat=33.0, lon=36.0, primary=True)
    first, second = row_reports(rows, [[nowhere, located], [nowhere, located]])
    assert first is located and second is located
