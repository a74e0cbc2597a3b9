"""Linking the reports of a store, on SQLite and PostgreSQL."""
from __future__ import annotations

from typer.testing import CliRunner

from warwire.cli import app
from warwire.verify.contradictions import link_and_check
from warwire.model import Actor, Article, Claim, Count, Location, Report
from warwire.store import open_store

KAFRANBEL = dict(name="Kafranbel", country="Syria", admin1="Idlib", lat=35.6138, lon=36.5645, geo_precision=1)
SARAQIB = dict(name="Saraqib", country="Syria", admin1="Idlib", lat=35.8644, lon=36.8006, geo_precision=1)


def report(article, *, place=KAFRANBEL, dead=None, claimed_by=None):
    return Report(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date="2019-08-20",
                  date_precision=1, location=Location(**place),
                  actor1=Actor("Military Forces of Syria", "State forces", "Syria"),
                  fatalities=Count(best=dead, low=dead, qualifier="exact"),
                  claimed_by=Claim(**claimed_by) if claimed_by else None, article_id=article, index=0)

REUTERS = ("BEIRUT - Syrian government warplanes killed 23 people in air strikes on the town of Kafranbel "
           "on Tuesday, a war monitor said.")
SANA = "DAMASCUS - Army units targeted terrorist positions near Kafranbel on Tuesday, killing 7 terrorists."
LATER = "Air strikes on Saraqib killed five people on Tuesday, rescuers said, in a second raid on the town."


def _fill(store):
    a1 = Article(text=REUTERS, outlet="Reuters", published="2019-08-21")
    a2 = Article(text=SANA, outlet="SANA", published="2019-08-21")
    store.add_articles([a1, a2])
    r1 = report(a1.id, dead=23)
    r1.evidence = {"fatalities": [REUTERS.index("killed 23"), REUTERS.index("killed 23") + 16]}
    r2 = report(a2.id, dead=7, claimed_by=dict(name="SANA", kind="state media"))
    r2.evidence = {"fatalities": [SANA.index("killing 7"), SANA.index("killing 7") + 20]}
    store.save_extractions([(a1.id, [r1], None), (a2.id, [r2], None)])
    return a1, a2


def test_link_store_then_incremental(store_url):
    store = open_store(store_url)
    a1, a2 = _fill(store)
    summary = link_and_check(store)
    assert summary.new_reports == 2 and summary.events == 1 and summary.contradictions == 1
    (event,) = store.iter_events()
    assert event.fatalities == {"low": 7, "best": 23, "high": 23}
    assert [c.field for c in event.contradictions] == ["fatalities"]
    assert store.event_of_report(f"{a1.id}:0") == event.id

    again = link_and_check(store)
    assert again.new_reports == 0 and again.events_written == 0 and again.events == 1

    a3 = Article(text=LATER, outlet="AFP", published="2019-08-21")
    store.add_articles([a3])
    store.save_extractions([(a3.id, [report(a3.id, place=SARAQIB, dead=5)], None)])
    step = link_and_check(store)
    assert step.new_reports == 1 and step.events_written == 1 and step.events == 2
    incremental = sorted(e.to_dict()["reports"] for e in store.iter_events())
    link_and_check(store, full=True)
    assert sorted(e.to_dict()["reports"] for e in store.iter_events()) == incremental


def test_reextracted_article_is_relinked(store_url):
    store = open_store(store_url)
    a1, a2 = _fill(store)
    link_and_check(store)
    store.save_extractions([(a2.id, [report(a2.id, place=SARAQIB, dead=7)], None)])
    summary = link_and_check(store)
    assert summary.events == 2
    assert all(len(e.reports) == 1 for e in store.iter_events())


def test_link_and_contradictions_commands(sqlite_url):
    store = open_store(sqlite_url)
    _fill(store)
    runner = CliRunner()
    result = runner.invoke(app, ["--db", sqlite_url, "link"])
    assert result.exit_code == 0, result.output
    assert "events in store" in result.output
    result = runner.invoke(app, ["--db", sqlite_url, "contradictions", "--field", "fatalities"])
    assert result.exit_code == 0, result.output
    assert "killed 23 people" in result.output and "killing 7" in result.output
    assert "Reuters" in result.output and "SANA" in result.output
    result = runner.invoke(app, ["--db", sqlite_url, "contradictions", "--field", "nonsense"])
    assert result.exit_code == 2


def test_incremental_window_widens_along_a_chain_of_daily_reports(sqlite_url):
    from datetime import date, timedelta

    store = open_store(sqlite_url)
    day0 = date(2019, 1, 1)
    arts = [Article(text=f"Report number {i} on air strikes on Kafranbel.", outlet=f"Outlet {i % 3}",
                    published=(day0 + timedelta(days=i + 1)).isoformat()) for i in range(301)]
    store.add_articles(arts)

    def daily(i):
        r = report(arts[i].id, dead=4)
        r.date = (day0 + timedelta(days=i if i < 300 else 150)).isoformat()
        return r

    store.save_extractions([(arts[i].id, [daily(i)], None) for i in range(300)])
    link_and_check(store)
    store.save_extractions([(arts[300].id, [daily(300)], None)])
    step = link_and_check(store)
    assert step.new_reports == 1 and step.events_written >= 1
    incremental = sorted(sorted(e.reports) for e in store.iter_events())
    link_and_check(store, full=True)
    assert sorted(sorted(e.reports) for e in store.iter_events()) == incremental


def _store_with_a_look_back(store_url):
    """A filled store and an article that looks back on an air strike of 2016 in Saraqib."""
    store = open_store(store_url)
    _fill(store)
    mention = Article(text="Saraqib, where air strikes killed five people in 2016, was hit again.", outlet="AFP",
                      published="2019-08-22")
    store.add_articles([mention])
    return store, mention


def test_an_unmatched_reference_is_tried_once_then_again_only_with_reports_near_it(store_url):
    from warwire.extract.references import as_references

    store, mention = _store_with_a_look_back(store_url)
    (ref,) = as_references([report(mention.id, place=SARAQIB, dead=5)])
    ref.date = "2016-03-01"
    store.save_extractions([(mention.id, [ref], None)])
    first = link_and_check(store)
    assert first.new_reports == 3 and first.events == 1
    assert store.event_of_report(ref.id) is None
    # Tried once and matching nothing, the reference is not new again: it would widen every later window.
    assert link_and_check(store).new_reports == 0

    def add(text, day, **kw):
        a = Article(text=text, outlet="SANA", published=day)
        store.add_articles([a])
        r = report(a.id, **kw)
        r.date = day
        store.save_extractions([(a.id, [r], None)])

    add("Army units shelled terrorists near Kafranbel, killing 3.", "2019-08-23", dead=3)
    assert link_and_check(store).new_reports == 1
    assert store.event_of_report(ref.id) is None
    # A new report near its date is loaded with it, and the reference joins the event it tells of.
    add("Warplanes struck Saraqib, killing five people.", "2016-03-01", place=SARAQIB, dead=5)
    assert link_and_check(store).new_reports == 1
    incremental = sorted(sorted(e.reports) for e in store.iter_events())
    assert store.event_of_report(ref.id) is not None
    link_and_check(store, full=True)
    assert sorted(sorted(e.reports) for e in store.iter_events()) == incremental


def test_a_reference_extracted_again_is_new_again(store_url):
    from warwire.extract.references import as_references

    store, mention = _store_with_a_look_back(store_url)

    def mention_of(day):
        (ref,) = as_references([report(mention.id, place=SARAQIB, dead=5)])
        ref.date = day
        return ref

    store.save_extractions([(mention.id, [mention_of("2016-03-01")], None)])
    link_and_check(store)
    assert link_and_check(store).new_reports == 0
    # Extracted again, the reference is another record under the same id: the mark of the old one is gone.
    store.save_extractions([(mention.id, [mention_of("2016-03-02")], None)])
    assert link_and_check(store).new_reports == 1


NOTE = ("On 20 August 2019, Syrian government warplanes struck the town of Kafranbel and its "
        "farmland with bombs. 6 fatalities were reported.")


def _records(store, coded):
    # one note copied onto two records (a coder's record per place, or two stories syndicated from one)
    a1 = Article(text=NOTE, outlet="Monitor A", published="2019-08-20", event_dated=coded)
    a2 = Article(text=NOTE, outlet="Monitor A; Monitor B", published="2019-08-20", event_dated=coded)
    store.add_articles([a1, a2])
    store.save_extractions([(a.id, [report(a.id, dead=6)], None) for a in (a1, a2)])
    return a1, a2


def test_coded_records_of_one_note_are_two_events_and_copies_of_one_story_one(store_url, tmp_path):
    store = open_store(store_url)
    a1, a2 = _records(store, coded=True)
    assert store.get_article(a2.id).duplicate_of == a1.id
    link_and_check(store)
    assert len(list(store.iter_events())) == 2
    news = open_store(f"sqlite:///{tmp_path / 'news.db'}")
    _records(news, coded=False)
    link_and_check(news)
    assert len(list(news.iter_events())) == 1


def test_a_year_told_reference_links_in_a_store_as_in_a_full_link_whichever_comes_first(sqlite_url):
    from warwire.extract.references import YEAR, as_references

    store = open_store(sqlite_url)
    attack = Article(text="Gas rockets fired on Saraqib killed 310 people on Friday, doctors said.", outlet="Wire",
                     published="2016-05-07")
    look_back = Article(text="Saraqib, where gas killed 300 people in 2016, was quiet on Monday.", outlet="AFP",
                        published="2019-08-22")
    store.add_articles([attack, look_back])
    (ref,) = as_references([report(look_back.id, place=SARAQIB, dead=300)])
    ref.date, ref.date_precision, ref.sub_event_type = "2016-01-01", YEAR, "Chemical weapon"
    store.save_extractions([(look_back.id, [ref], None)])
    link_and_check(store)
    assert store.event_of_report(ref.id) is None  # nothing of its year yet
    news = report(attack.id, place=SARAQIB, dead=310)
    news.date, news.sub_event_type = "2016-05-06", "Chemical weapon"
    store.save_extractions([(attack.id, [news], None)])
    assert link_and_check(store).new_reports == 1
    incremental = sorted(sorted(e.reports) for e in store.iter_events())
    assert store.event_of_report(ref.id) is not None
    link_and_check(store, full=True)
    assert sorted(sorted(e.reports) for e in store.iter_events()) == incremental
