"""Gzipped inputs: read through; nested and oversized archives are one rejected item, never a crash."""
from __future__ import annotations

import gzip

from typer.testing import CliRunner

from .helpers import read
from warwire.cli import app
from warwire.ingest.settings import settings

ROWS = [f"In the village number {i} a shell fell on a bakery on Tuesday morning, wounding {i % 7 + 2} people, "
        f"residents said." for i in range(400)]


def _csv(rows) -> bytes:
    return ("text,date\n" + "\n".join(f'"{r}",2019-05-07' for r in rows) + "\n").encode()


def _nested(data: bytes, layers: int) -> bytes:
    for _ in range(layers):
        data = gzip.compress(data, compresslevel=9)
    return data


def test_gzip_is_read_through(tmp_path):
    (tmp_path / "a.csv.gz").write_bytes(_nested(_csv(ROWS[:3]), 2))
    arts, rejected = read(tmp_path / "a.csv.gz")
    assert len(arts) == 3 and not rejected


def test_deeply_nested_gzip_is_one_rejected_item(tmp_path):
    bomb = _nested(_csv(ROWS[:2]), 150)
    assert len(bomb) < 10_000
    (tmp_path / "bomb.csv.gz").write_bytes(bomb)
    arts, rejected = read(tmp_path / "bomb.csv.gz")
    assert not arts and [r.code for r in rejected] == ["E015"] and "layers" in rejected[0].reason


def test_gzip_over_the_size_limit_keeps_what_came_before(tmp_path, monkeypatch):
    monkeypatch.setitem(settings()["gzip"], "max_bytes", 200_000)  # the limit is a setting
    data = _csv(ROWS * 20)  # about 1.1 MB unpacked
    (tmp_path / "big.csv.gz").write_bytes(gzip.compress(data))
    arts, rejected = read(tmp_path / "big.csv.gz")
    assert [r.code for r in rejected] == ["E015"] and "200,000 bytes" in rejected[0].reason
    assert 0 < len(arts) < 20 * len(ROWS)
    assert sum(len(a.text) for a in arts) < 200_000


def test_a_bomb_in_a_batch_costs_only_itself(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.csv").write_bytes(_csv(ROWS[:5]))
    (folder / "b.csv.gz").write_bytes(_nested(_csv(ROWS[5:7]), 200))
    (folder / "c.csv").write_bytes(_csv(ROWS[7:10]))
    db = tmp_path / "w.db"
    result = CliRunner().invoke(app, ["--db", str(db), "ingest", str(folder)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "E015" in result.output
    from warwire.store import open_store

    with open_store(str(db)) as store:
        assert store.count_articles() == 8
