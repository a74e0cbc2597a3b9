import json

from .helpers import read

FAKES_HEADER = ("unit_id,article_title,article_content,source,date,location,actor,cause_of_death,"
                "nb_children,nb_civilians,nb_noncivilians,nb_women,label\r\n")
ACLED_HEADER = ("d3mIndex,data_id,iso,event_date,year,time_precision,event_type,actor1,assoc_actor_1,inter1,"
                "actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,"
                "longitude,geo_precision,source,source_scale,notes,fatalities,iso3,event_date_iso\n")


def test_fakes_layout_in_cp1252_is_decoded(tmp_path):
    row = ('901,Strikes hit Idlib market,"Wed 05 Apr 2017 Strikes hit a market in Idlib; Assad’s forces denied '
           'it – “no military targets” were there, a monitor said.",nna,4/7/17,idlib,unknown,shelling,0,5,0,1,1\r\n')
    (tmp_path / "fakes.csv").write_bytes((FAKES_HEADER + row).encode("cp1252"))
    [a], rejected = read(tmp_path / "fakes.csv")
    assert rejected == []
    assert "Assad’s forces" in a.text and "– “no military targets”" in a.text
    assert (a.source_id, a.title, a.outlet) == ("901", "Strikes hit Idlib market", "nna")
    assert (a.published, a.metadata_date) == ("2017-04-05", "2017-04-07")  # the text's printed date wins
    assert a.origin.endswith("fakes.csv:2")


def test_utf8_file_with_stray_cp1252_byte(tmp_path):
    data = ("text\n" + "Qamishli café reopened.\n" * 3).encode("utf-8") + "Assad’s army.\n".encode("cp1252")
    (tmp_path / "mixed.csv").write_bytes(data)
    arts, _ = read(tmp_path / "mixed.csv")
    assert arts[0].text == "Qamishli café reopened." and arts[-1].text == "Assad’s army."


def test_acled_layout(tmp_path):
    row = ('9001,42001,760,28-Feb-18,2018,1,Remote violence,Military Forces of Syria (2000-),,1,,,0,10,Middle East,'
           'Syria,Idleb,Ariha,Ariha,Ariha,35.81,36.61,2,Example Monitor,Other-local,'
           '"Government artillery hit the outskirts of Ariha town. No casualties were reported.",0,SYR,2018-02-28\n')
    (tmp_path / "acled.csv").write_text(ACLED_HEADER + row)
    [a], _ = read(tmp_path / "acled.csv")
    assert a.text.startswith("Government artillery hit")
    assert (a.published, a.outlet, a.source_id) == ("2018-02-28", "Example Monitor", "42001")


def test_acled_current_layout_uses_event_id_and_event_date(tmp_path):
    header = "event_id_cnty,event_date,event_type,sub_event_type,source,notes,fatalities\n"
    row = 'SYR900001,02 June 2023,Battles,Armed clash,Example Monitor,"Fighters of two armed groups clashed near a village.",0\n'
    (tmp_path / "acled.csv").write_text(header + row)
    [a], _ = read(tmp_path / "acled.csv")
    assert (a.source_id, a.published) == ("SYR900001", "2023-06-02")


def test_guessed_columns_and_tsv(tmp_path):
    (tmp_path / "a.tsv").write_text("Headline\tPublished\tOutlet\tBody\tID\n"
                                    "Convoy reaches Douma\t2018-03-05\tExample Wire\tA convoy of 46 trucks reached Douma.\tx1\n")
    [a], _ = read(tmp_path / "a.tsv")
    assert (a.title, a.published, a.outlet, a.source_id) == ("Convoy reaches Douma", "2018-03-05", "Example Wire", "x1")
    assert a.text == "A convoy of 46 trucks reached Douma."


def test_column_options(tmp_path):
    (tmp_path / "a.csv").write_text("story,when,who,key\n\"Shelling hit Douma.\",5 March 2018,Monitor,k9\n")
    [a], _ = read(tmp_path / "a.csv", text_col="story", date_col="when", outlet_col="who", id_col="key")
    assert (a.text, a.published, a.outlet, a.source_id) == ("Shelling hit Douma.", "2018-03-05", "Monitor", "k9")


def test_missing_text_column_names_the_columns(tmp_path):
    (tmp_path / "a.csv").write_text("headline,when\nConvoy reaches Douma,2018-03-05\n")
    arts, [r] = read(tmp_path / "a.csv")
    assert arts == []
    assert r.code == "E003" and "'headline', 'when'" in r.reason and "--text-col" in r.reason
    arts, [r] = read(tmp_path / "a.csv", text_col="body")  # misnamed column
    assert r.code == "E018" and "'body'" in r.reason and "'headline', 'when'" in r.reason and str(tmp_path / "a.csv") in r.where


def test_empty_text_rows_are_rejected_others_kept(tmp_path):
    (tmp_path / "a.csv").write_text('text,date\n"Shelling hit Douma.",2018-03-05\n"  ",2018-03-06\n\n"Clashes in Harasta.",2018-03-07\n')
    arts, [r] = read(tmp_path / "a.csv")
    assert [a.published for a in arts] == ["2018-03-05", "2018-03-07"]
    assert r.code == "E008" and r.where.endswith("a.csv:3")


def test_jsonl_truncated_and_bad_lines_skip_good_lines_kept(tmp_path):
    lines = [
        json.dumps({"text": "Shelling hit Douma.", "date": "2018-03-05", "source": "SOHR", "id": 7}),
        '{"text": "Clashes in Harasta", "date": "2018-0',  # truncated
        "[1, 2]",
        json.dumps({"headline": "no text here"}),
        json.dumps({"content": "Mortars hit Damascus.", "published": "Wed, 07 Mar 2018 10:00:00 GMT"}),
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines))  # and no final newline
    arts, rejected = read(tmp_path / "a.jsonl")
    assert [a.text for a in arts] == ["Shelling hit Douma.", "Mortars hit Damascus."]
    assert (arts[0].source_id, arts[0].outlet, arts[1].published) == ("7", "SOHR", "2018-03-07")
    assert [(r.code, r.where.rsplit(":", 1)[1]) for r in rejected] == [("E004", "2"), ("E004", "3"), ("E003", "4")]


def test_unparseable_date_keeps_article_with_warning(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "Shelling hit Douma.", "date": "last Tuesday"}) + "\n")
    [a], [w] = read(tmp_path / "a.jsonl")
    assert a.published is None
    assert (w.code, w.fatal) == ("E007", False) and "'last Tuesday'" in w.reason


def test_gzipped_csv(tmp_path):
    import gzip

    (tmp_path / "a.csv.gz").write_bytes(gzip.compress(b"text\nShelling hit Douma.\n"))
    [a], _ = read(tmp_path / "a.csv.gz")
    assert a.text == "Shelling hit Douma."


def test_json_array_and_pretty_printed_object(tmp_path):
    docs = [{"text": "Shelling hit Douma.", "id": "a1"}, {"title": "no text"}, {"body": "Clashes in Harasta."}]
    (tmp_path / "many.json").write_text(json.dumps(docs, indent=2))
    (tmp_path / "one.json").write_text(json.dumps({"content": "Mortars hit Damascus.", "date": "2018-03-07"}, indent=2))
    (tmp_path / "minified.jsonl").write_text(json.dumps(docs) + "\n")
    arts, rejected = read(tmp_path / "many.json", tmp_path / "one.json", tmp_path / "minified.jsonl")
    assert [a.text for a in arts] == ["Shelling hit Douma.", "Clashes in Harasta.", "Mortars hit Damascus.",
                                      "Shelling hit Douma.", "Clashes in Harasta."]
    assert [a.origin.rsplit("/", 1)[1] for a in arts] == ["many.json:1", "many.json:3", "one.json",
                                                          "minified.jsonl:1:1", "minified.jsonl:1:3"]
    assert [r.code for r in rejected] == ["E003", "E003"]


def test_jsonl_whose_first_line_is_broken_keeps_the_rest(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "cut off\n{"text": "Clashes in Harasta."}\n')
    [a], [r] = read(tmp_path / "a.jsonl")
    assert a.text == "Clashes in Harasta." and r.where.endswith("a.jsonl:1")


def test_semicolon_csv(tmp_path):
    (tmp_path / "a.csv").write_text('Titel;text;date\nDouma;"Shelling hit Douma; five died.";05.03.2018\n')
    [a], _ = read(tmp_path / "a.csv")
    assert (a.text, a.published) == ("Shelling hit Douma; five died.", "2018-03-05")


def test_a_coded_record_is_dated_by_its_event_and_a_news_row_by_its_story(tmp_path):
    # ACLED's date column is the day of the event the row codes; FA-KES's is the article's date
    acled = ('9002,42002,760,27-Feb-18,2018,1,Battles,Military Forces of Syria (2000-),,1,,,0,10,Middle East,'
             'Syria,Idleb,Ariha,Ariha,Ariha,35.81,36.61,1,Example Monitor,Other-local,'
             '"Clashes went on around the hills west of Ariha town.",3,SYR,2018-02-27\n')
    (tmp_path / "acled.csv").write_text(ACLED_HEADER + acled)
    [a], _ = read(tmp_path / "acled.csv")
    assert a.event_dated and a.published == "2018-02-27"
    fakes = '902,Market hit,"Rockets hit a market in the town on Sunday.",nna,4/9/17,idlib,unknown,shelling,0,2,0,0,1\r\n'
    (tmp_path / "fakes.csv").write_text(FAKES_HEADER + fakes)
    [b], _ = read(tmp_path / "fakes.csv")
    assert not b.event_dated and b.published == "2017-04-09"


def test_a_guessed_layout_is_event_dated_by_its_date_column_name(tmp_path):
    (tmp_path / "coded.csv").write_text('notes,event_date\n"Shelling hit the edge of the village.",2019-03-02\n')
    [a], _ = read(tmp_path / "coded.csv")
    assert a.event_dated and a.published == "2019-03-02"
    (tmp_path / "news.csv").write_text('text,published\n"Shelling hit the edge of the village.",2019-03-02\n')
    [b], _ = read(tmp_path / "news.csv")
    assert not b.event_dated and b.published == "2019-03-02"


def test_a_coded_record_whose_text_prints_another_date_is_dated_by_its_text(tmp_path):
    # the date printed atop the text wins (DESIGN.md); the given event date no longer dates the article
    (tmp_path / "coded.csv").write_text('notes,event_date\n"5 March 2019 - Shelling hit the village.",2019-03-02\n')
    [a], _ = read(tmp_path / "coded.csv")
    assert a.published == "2019-03-05" and not a.event_dated
