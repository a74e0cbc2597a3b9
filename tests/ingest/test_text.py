from warwire.ingest.datelines import opening_dateline, parse_header

from .helpers import read

GHOUTA = """date 2018-03-07 Reuters, MOSCOW and BEIRUT
Russia offered rebels safe passage out of eastern Ghouta on Wednesday, as the army said it had taken
a third of the enclave. At least 68 civilians were killed on Monday, a monitor said.
"""


def test_header_line_gives_date_outlet_and_dateline(tmp_path):
    (tmp_path / "ghouta.txt").write_text(GHOUTA)
    [a], rejected = read(tmp_path / "ghouta.txt")
    assert rejected == []
    assert (a.published, a.outlet, a.dateline) == ("2018-03-07", "Reuters", ["Moscow", "Beirut"])
    assert a.text.startswith("Russia offered rebels")  # the body is the text after the header
    assert a.origin == f"{tmp_path / 'ghouta.txt'}:1"
    assert a.metadata_date is None


def test_wire_dump_with_several_stories(tmp_path):
    dump = GHOUTA + "\n" + "date 2018-03-08 Example Wire, DAMASCUS\nMortar rounds hit Damascus' old city.\n"
    (tmp_path / "dump.txt").write_text(dump)
    arts, _ = read(tmp_path / "dump.txt")
    assert [a.outlet for a in arts] == ["Reuters", "Example Wire"]
    assert arts[1].dateline == ["Damascus"] and arts[1].published == "2018-03-08"
    assert arts[1].origin.endswith(":5")
    assert arts[1].text == "Mortar rounds hit Damascus' old city."


def test_text_without_header_takes_defaults(tmp_path):
    (tmp_path / "plain.txt").write_text("Clashes erupted near Harasta on Sunday, a monitor said.\n")
    [a], _ = read(tmp_path / "plain.txt", default_date="2018-03-04", default_outlet="Field notes")
    assert (a.published, a.outlet, a.dateline) == ("2018-03-04", "Field notes", [])


def test_body_dateline_gives_places_and_agency(tmp_path):
    (tmp_path / "wire.txt").write_text("AMMAN/BEIRUT, March 7 (Reuters) - Rebels in Deraa said they shelled an army post.")
    [a], _ = read(tmp_path / "wire.txt")
    assert a.dateline == ["Amman", "Beirut"]
    assert a.outlet == "Reuters"


def test_given_outlet_wins_over_the_dateline_agency(tmp_path):
    (tmp_path / "wire.txt").write_text("date 2018-03-07 Daily Star, BEIRUT\nBEIRUT (Reuters) - Rebels shelled an army post.")
    [a], _ = read(tmp_path / "wire.txt")
    assert a.outlet == "Daily Star" and a.dateline == ["Beirut"]


def test_printed_date_overrides_metadata_date(tmp_path):
    (tmp_path / "a.txt").write_text("date 2017-04-07 Example Wire, BEIRUT\nWed 05 Apr 2017 Shelling hit a bakery in Douma, a monitor said.")
    [a], _ = read(tmp_path / "a.txt")
    assert a.published == "2017-04-05"
    assert a.metadata_date == "2017-04-07"


def test_printed_date_after_the_headline(tmp_path):
    csv = 'title,text,date\nMortars hit Jobar,"Mortars hit Jobar 8 November 2016 Example Wire Mortar rounds fell on Jobar.",11/10/16\n'
    (tmp_path / "a.csv").write_text(csv)
    [a], _ = read(tmp_path / "a.csv")
    assert (a.published, a.metadata_date) == ("2016-11-08", "2016-11-10")


def test_header_parsing_details():
    h = parse_header("date 2019-08-21 Example Wire, DEIR EZ-ZOR and DAR'A\n")
    assert h.outlet == "Example Wire" and h.places == ["Deir Ez-Zor", "Dar'a"]
    assert parse_header("Date of publication 9 March 2018") is None
    h = parse_header("date 5 March 2018 Reuters, BEIRUT")
    assert (h.date, h.outlet, h.places) == ("5 March 2018", "Reuters", ["Beirut"])
    assert parse_header("date 2018-13-45 Reuters").date == "2018-13-45"  # kept raw: reported as unparseable
    assert opening_dateline("Syrian government warplanes killed at least 12 civilians") is None
    assert opening_dateline("UN - The council met") is None
    assert opening_dateline("DAMASCUS, Syria (AP) — Mortar rounds") == (["Damascus"], "AP")
    assert opening_dateline("Beirut (AFP) - Air strikes hit Douma") == (["Beirut"], "AFP")
    assert opening_dateline("Deir Ez-Zor, Syria (AFP) - Clashes") == (["Deir Ez-Zor"], "AFP")
    assert opening_dateline("Rebels in Deraa (south) - clashes") is None


def test_stdin(monkeypatch, tmp_path):
    import io
    import sys

    fake = io.TextIOWrapper(io.BytesIO(GHOUTA.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    [a], _ = read("-")
    assert a.outlet == "Reuters" and a.origin == "stdin:1"


def test_one_source_given_bare_or_as_path(tmp_path):
    from warwire.ingest import read_sources

    (tmp_path / "ghouta.txt").write_text(GHOUTA)
    assert [a.outlet for a in read_sources(str(tmp_path / "ghouta.txt"))] == ["Reuters"]
    assert [a.outlet for a in read_sources([tmp_path / "ghouta.txt"])] == ["Reuters"]
