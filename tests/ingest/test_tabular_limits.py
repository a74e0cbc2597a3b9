"""CSV and JSON inputs that are broken or hostile: huge fields, open quotes, UTF-16 lines, cut-off arrays."""
from __future__ import annotations

import json
import tracemalloc

from warwire.ingest.settings import settings

from .helpers import read

STORY = "Shelling hit the market of a small town in the north on {day}, wounding {n} people, residents said."
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _story(i: int) -> str:
    return STORY.format(day=DAYS[i % 5], n=i + 2)


def test_a_huge_field_is_rejected_while_read_and_memory_stays_bounded(tmp_path, monkeypatch):
    monkeypatch.setitem(settings()["csv"], "max_field_bytes", 100_000)
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as f:
        f.write(f'text,date\n"{_story(0)}",2019-05-06\n')
        f.write("x" * 30_000_000 + ",2019-05-06\n")  # one 30 MB field on one line
        f.write(f'"{_story(1)}",2019-05-07\n')
    tracemalloc.start()
    try:
        arts, rejected = read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [a.text for a in arts] == [_story(0), _story(1)]
    assert [(r.code, r.where) for r in rejected] == [("E013", f"{path}:3")]
    assert "100,000" in rejected[0].reason
    assert peak < 5_000_000  # bounded by the field limit, not the 30 MB line


def test_an_unterminated_quote_warns_with_its_row(tmp_path):
    path = tmp_path / "open.csv"
    path.write_text(f'title,text\nFirst,"{_story(0)}\nSecond,{_story(1)}\nThird,{_story(2)}\n', encoding="utf-8")
    arts, rejected = read(path, default_date="2019-05-06")
    warnings = [r for r in rejected if r.code == "E017"]
    assert len(warnings) == 1 and warnings[0].where == f"{path}:2" and not warnings[0].fatal
    assert len(arts) == 1  # the open quote took in the rows after it; the warning says so


def test_a_multiline_quoted_field_is_no_warning(tmp_path):
    path = tmp_path / "multi.csv"
    path.write_text(f'title,text\nFirst,"{_story(0)}\n\nMore of the same story follows here."\n'
                    f'Second,{_story(1)}\n', encoding="utf-8")
    arts, rejected = read(path, default_date="2019-05-06")
    assert len(arts) == 2 and not rejected


def test_utf16_jsonl_reads_every_line(tmp_path):
    lines = [json.dumps({"text": _story(i), "date": "2019-05-06"}) for i in range(4)]
    for encoding in ("utf-16", "utf-16-le"):
        path = tmp_path / f"wire-{encoding}.jsonl"
        data = "\n".join(lines).encode(encoding)
        if encoding == "utf-16-le":
            data = b"\xff\xfe" + data  # with its byte-order mark, as editors write it
        path.write_bytes(data)
        arts, rejected = read(path)
        assert [a.text for a in arts] == [_story(i) for i in range(4)], encoding
        assert not rejected


def test_a_truncated_json_array_keeps_its_complete_objects(tmp_path):
    whole = json.dumps([{"text": _story(i), "date": "2019-05-06"} for i in range(3)], indent=2)
    path = tmp_path / "cut.json"
    path.write_text(whole[: whole.rindex('"text"') + 20], encoding="utf-8")  # cut inside the third object
    arts, rejected = read(path)
    assert [a.text for a in arts] == [_story(0), _story(1)]
    assert [(r.code, r.where) for r in rejected] == [("E004", f"{path}:3")]


def test_a_csv_without_a_recognised_date_column_warns_once_naming_the_columns(tmp_path):
    path = tmp_path / "desk.csv"
    path.write_text("story,when\n" + "".join(f'"{_story(i)}",yesterday\n' for i in range(3)), encoding="utf-8")
    arts, rejected = read(path, text_col="story")
    assert len(arts) == 3
    assert [r.code for r in rejected] == ["E016"]
    assert "'story'" in rejected[0].reason and "'when'" in rejected[0].reason and "--date-col" in rejected[0].reason
    _, given = read(path, text_col="story", date_col="when")
    assert "E016" not in [r.code for r in given]
