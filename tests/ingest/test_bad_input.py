import pytest

from warwire.errors import WarwireError
from warwire.ingest import MAX_TEXT

from .helpers import read


def test_empty_and_blank_files(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("\n  \n\t\n")
    arts, rejected = read(tmp_path / "empty.csv", tmp_path / "blank.txt")
    assert arts == []
    assert [(r.code, r.where) for r in rejected] == [("E001", str(tmp_path / "empty.csv")),
                                                     ("E001", str(tmp_path / "blank.txt"))]


@pytest.mark.parametrize("name, data", [
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
    ("dump.csv", b"text\nabc\x00\x00\x01\x02def\n"),
    ("noise.jsonl", bytes(range(32)) * 20),
])
def test_binary_files_are_rejected(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    arts, [r] = read(tmp_path / name)
    assert arts == [] and r.code == "E002" and r.where == str(tmp_path / name)


def test_a_line_that_only_starts_like_a_file_signature_is_text(tmp_path):
    # A broken first line beginning "\x89PNG" (no PNG's CR LF SUB LF after it) is one bad line, not an image.
    (tmp_path / "feed.jsonl").write_bytes(b'\x89PNG  junk\n{"text": "Shelling hit Douma."}\n')
    arts, _ = read(tmp_path / "feed.jsonl")
    assert [a.text for a in arts] == ["Shelling hit Douma."]


@pytest.mark.parametrize("first", [b"GIF87a", b"GIF89a trailing words", b"%PDF- not a pdf", b"\xff\xd8\xff text"])
def test_a_text_line_spelling_a_whole_signature_is_not_a_file_type(tmp_path, first):
    (tmp_path / "feed.jsonl").write_bytes(first + b'\n{"text": "Shelling hit Douma."}\n')
    arts, _ = read(tmp_path / "feed.jsonl")
    assert [a.text for a in arts] == ["Shelling hit Douma."]


@pytest.mark.parametrize("first", [b"[!", b"[", b"[{", b"{"])
def test_a_first_line_opening_a_json_document_it_never_becomes_is_one_bad_line(tmp_path, first):
    # JSON Lines whose first line looks like the start of an array or object but breaks at once.
    (tmp_path / "feed.jsonl").write_bytes(first + b'\n{"text": "Shelling hit Douma."}\n{"text": "Clashes in Harasta."}')
    arts, rejected = read(tmp_path / "feed.jsonl")
    assert [a.text for a in arts] == ["Shelling hit Douma.", "Clashes in Harasta."]
    assert len([r for r in rejected if r.fatal]) == 1


def test_an_array_broken_after_its_first_item_keeps_that_item(tmp_path):
    (tmp_path / "items.json").write_bytes(b'[{"text": "Shelling hit Douma."},\n{"text": "Clashes in')
    arts, [r] = read(tmp_path / "items.json")
    assert [a.text for a in arts] == ["Shelling hit Douma."] and r.code == "E004"


def test_a_signature_with_binary_bytes_after_it_is_still_refused(tmp_path):
    (tmp_path / "pic.txt").write_bytes(b"GIF89a\x10\x00\x10\x00\x80\x00\x00" + b"Shelling hit Douma.")
    arts, [r] = read(tmp_path / "pic.txt")
    assert arts == [] and r.code == "E002" and "GIF" in r.reason


def test_missing_source_and_good_one_after_it(tmp_path):
    (tmp_path / "ok.txt").write_text("Shelling hit Douma.")
    arts, [r] = read(tmp_path / "nope.csv", tmp_path / "ok.txt")
    assert r.code == "E009" and "nope.csv" in r.where
    assert [a.text for a in arts] == ["Shelling hit Douma."]


def test_folder_recursive_and_glob(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("Shelling hit Douma.")
    (tmp_path / "a" / "b" / "two.jsonl").write_text('{"text": "Clashes in Harasta."}\n')
    (tmp_path / "a" / ".hidden.txt").write_text("editor backup")
    (tmp_path / "a" / "README.md").write_text("# About these stories")
    arts, _ = read(tmp_path / "a")
    assert sorted(a.text for a in arts) == ["Clashes in Harasta.", "Shelling hit Douma."]
    arts, _ = read(f"{tmp_path}/a/**/*.jsonl")
    assert [a.text for a in arts] == ["Clashes in Harasta."]
    [readme], _ = read(tmp_path / "a" / "README.md")  # named directly, any file is read
    assert readme.text == "# About these stories"


def test_article_over_the_size_limit_is_cut_with_a_warning(tmp_path):
    (tmp_path / "long.txt").write_text("Shelling hit Douma. " * 60_000)  # 1.2 M characters
    [a], [w] = read(tmp_path / "long.txt")
    assert len(a.text) == MAX_TEXT
    assert (w.code, w.fatal) == ("E012", False) and w.where == f"{tmp_path / 'long.txt'}:1"


def test_strict_raises_on_first_bad_item(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "Shelling hit Douma."}\n{"text": \n{"text": "Clashes."}\n')
    from warwire.ingest import read_sources

    it = read_sources([str(tmp_path / "a.jsonl")], strict=True)
    assert next(it).text == "Shelling hit Douma."
    with pytest.raises(WarwireError) as err:
        next(it)
    assert err.value.code.name == "E004" and "a.jsonl:2" in str(err.value)


def test_strict_does_not_raise_on_warnings(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "Shelling hit Douma.", "date": "someday"}\n')
    arts, [w] = read(tmp_path / "a.jsonl", strict=True)
    assert len(arts) == 1 and not w.fatal


def test_bad_default_date_is_a_usage_error(tmp_path):
    with pytest.raises(WarwireError) as err:
        read(tmp_path, default_date="yesterday-ish")
    assert err.value.code.name == "E007"


def test_offline_url_is_rejected():
    arts, [r] = read("https://example.invalid/story.html")
    assert arts == [] and r.code == "E005" and "switched off" in r.reason


def test_text_without_line_breaks_is_read_in_pieces(tmp_path):
    (tmp_path / "one_line.txt").write_text("date 2018-03-07 Reuters, BEIRUT\n" + "Shelling hit Douma " * 10_000)
    [a], [] = read(tmp_path / "one_line.txt")
    assert a.outlet == "Reuters" and len(a.text) == len("Shelling hit Douma " * 10_000) - 1


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    import gzip

    import random

    rng = random.Random(7)
    lines = [" ".join(rng.choice(["Shelling", "hit", "Douma", "Harasta", "clashes", "monitor"]) for _ in range(12))
             for _ in range(20_000)]
    data = gzip.compress(("text\n" + "\n".join(lines)).encode())
    (tmp_path / "a.csv.gz").write_bytes(data[: len(data) // 2])
    arts, rejected = read(tmp_path / "a.csv.gz")
    assert arts and [r.code for r in rejected if r.fatal] == ["E002"] and "gzip" in rejected[0].reason


def test_glob_matching_nothing_is_reported(tmp_path):
    arts, [r] = read(f"{tmp_path}/*.csv")
    assert arts == [] and r.code == "E009"
