"""Property tests: whatever bytes come in, only Articles and Rejected come out, and good items survive bad ones."""
from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warwire.ingest.articles import clean_text

from .conftest import FEED, STORY_PAGE
from .helpers import read

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = [".txt", ".csv", ".tsv", ".jsonl", ".html", ".xml", ".gz", ""]
GOOD = {
    ".txt": b"date 2018-03-07 Reuters, MOSCOW and BEIRUT\nRussia offered rebels safe passage out of eastern Ghouta.\n",
    ".csv": b'text,date,source\n"Shelling hit Douma, a monitor said.",2018-03-05,SOHR\n"Clashes in Harasta.",3/6/18,SANA\n',
    ".jsonl": b'{"text": "Shelling hit Douma.", "date": "2018-03-05"}\n{"text": "Clashes in Harasta."}\n',
    ".html": STORY_PAGE,
    ".xml": FEED.replace(b"{base}", b"http://127.0.0.1:9"),
}
# Printable text with line breaks; no control characters, which no well-formed article has.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(" \n"), max_size=200)
LEGACY_TEXT = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789.,;'\"’‘“”–—\n"), max_size=200)


def _read_bytes(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"input{suffix}"
        path.write_bytes(data)
        return read(path)  # asserts that only Article and Rejected come out


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_into_every_reader(data, suffix):
    _read_bytes(data, suffix)


@SETTINGS
@given(kind=st.sampled_from(sorted(GOOD)), cut=st.floats(0, 1), tail=st.binary(max_size=50))
def test_truncated_files_into_every_reader(kind, cut, tail):
    good = GOOD[kind]
    _read_bytes(good[: int(len(good) * cut)] + tail, kind)


def _csv_bytes(header: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


@st.composite
def csv_shapes(draw, cell=TEXT):
    n_cols = draw(st.integers(1, 6))
    text_at = draw(st.integers(0, n_cols - 1))
    header = [f"c{i}" for i in range(n_cols)]
    header[text_at] = "text"
    rows = draw(st.lists(st.lists(cell, min_size=n_cols, max_size=n_cols), max_size=12))
    return header, rows, text_at


def _kept(rows, text_at):
    return [clean_text(r[text_at]) for r in rows if clean_text(r[text_at])]


@SETTINGS
@given(shape=csv_shapes(), delimiter=st.sampled_from([",", "\t"]))
def test_every_wellformed_csv_row_is_kept(shape, delimiter):
    header, rows, text_at = shape
    arts, _ = _read_bytes(_csv_bytes(header, rows, delimiter, "utf-8"), ".tsv" if delimiter == "\t" else ".csv")
    assert [a.text for a in arts] == _kept(rows, text_at)


@SETTINGS
@given(shape=csv_shapes(cell=LEGACY_TEXT))
def test_every_cp1252_csv_row_is_kept_and_decoded(shape):
    header, rows, text_at = shape
    arts, _ = _read_bytes(_csv_bytes(header, rows, ",", "cp1252"), ".csv")
    assert [a.text for a in arts] == _kept(rows, text_at)


# Bad lines: truncated JSON, undecodable bytes (no control bytes: a file full of them is binary), wrong shapes.
GARBAGE_LINE = st.one_of(
    st.builds(lambda t, k: json.dumps({"text": t}, ensure_ascii=False).encode()[:k], TEXT, st.integers(0, 30)),
    st.binary(min_size=1, max_size=80).map(lambda b: bytes(c if c >= 0x20 else 0x20 for c in b)),
    st.just(b"[]"), st.just(b'{"title": "no text"}'),
)


@SETTINGS
@given(lines=st.lists(st.tuples(st.booleans(), TEXT, GARBAGE_LINE), max_size=15))
def test_every_wellformed_jsonl_line_is_kept_among_garbage(lines):
    out, want = [], []
    for good, text, garbage in lines:
        if good:
            out.append(json.dumps({"text": text, "date": "2018-03-05"}, ensure_ascii=False).encode())
            if clean_text(text):
                want.append(clean_text(text))
        else:
            out.append(garbage)
    data = b"\n".join(out)
    arts, _ = _read_bytes(data, ".jsonl")
    kept = [a.text for a in arts]
    it = iter(kept)
    assert all(any(k == w for k in it) for w in want)  # every good line, in order (garbage may add more)
