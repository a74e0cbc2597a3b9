"""Start-up: a command imports what it runs, not the store or the MinHash code of other commands."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "alembic", "datasketch", "scipy", "warwire.store")

# Runs the ``warwire`` entry point and prints, on the way out, which heavy modules were imported.
_PROBE = """
import os, sys
exit_now = os._exit
def report(code=0):
    print("LOADED", sorted(m for m in {heavy!r} if m in sys.modules), flush=True)
    exit_now(code)
os._exit = report
sys.argv = ["warwire", *{args!r}]
from warwire.cli import main
try:
    main()
except SystemExit as exc:
    report(exc.code or 0)
"""


@pytest.mark.parametrize("args", [["--version"], ["extract", "--help"], ["--help"]])
def test_commands_without_a_store_do_not_import_it(args):
    out = subprocess.run([sys.executable, "-c", _PROBE.format(heavy=HEAVY, args=args)],
                         capture_output=True, text=True, timeout=300)
    line = next(x for x in out.stdout.splitlines() if x.startswith("LOADED"))
    loaded = line.removeprefix("LOADED ")
    if args == ["--help"]:
        assert "Commands" in out.stdout  # every command listed, whatever it imports
    else:
        assert loaded == "[]", f"{args} imported {loaded}"


def test_reading_articles_does_not_import_minhash():
    code = ("import sys; from warwire.ingest import read_sources; "
            "print(sorted(m for m in ('datasketch', 'scipy', 'httpx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.stdout.strip() == "[]"


def test_the_driver_of_a_worker_run_imports_neither_the_readers_nor_a_pack(tmp_path):
    """``extract --no-store`` with a timeout extracts in a worker process: the driver that reads the file and
    writes the lines loads no model, readers or knowledge pack (the worker does); it checks ``--pack`` with the
    packs module's names, and reads no pack for the default."""
    source = tmp_path / "one.jsonl"
    source.write_text('{"text": "Shelling killed two people in a village near the river on Monday.", '
                      '"date": "2020-05-04"}\n', encoding="utf-8")
    heavy = ("spacy", "warwire.extract.pipeline", "warwire.knowledge.gazetteer", "warwire.knowledge.actors",
             "ahocorasick", "sqlalchemy")
    args = ["extract", "--format", "jsonl", "--no-store", "--timeout", "60", str(source)]
    out = subprocess.run([sys.executable, "-c", _PROBE.format(heavy=heavy, args=args)],
                         capture_output=True, text=True, timeout=300)
    line = next(x for x in out.stdout.splitlines() if x.startswith("LOADED"))
    assert line == "LOADED []", line
    assert '"article"' in out.stdout  # the worker extracted it and the driver wrote it out


def test_the_extractor_version_is_read_without_the_readers():
    # Read first, the version loads no reader; the pipeline loaded afterwards agrees with it.
    code = ("import sys; from warwire.engine.run import extractor_version; v = extractor_version(); "
            "alone = 'warwire.extract.pipeline' in sys.modules; "
            "from warwire.extract.pipeline import EXTRACTOR_VERSION; print(alone, v == EXTRACTOR_VERSION)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300).stdout.split() == ["False", "True"]


def test_the_pack_option_is_kept_for_the_run_only(monkeypatch):
    from warwire.cli.extract import _pack_scope
    from warwire.knowledge import packs

    monkeypatch.delenv(packs.ENV, raising=False)
    with _pack_scope(packs.AUTO):
        assert packs.ENV not in os.environ  # the default sets nothing
    with _pack_scope("yemen"):
        assert packs.choice() == "yemen"
    assert packs.choice() == packs.AUTO
    monkeypatch.setenv(packs.ENV, "yemen")  # a choice made outside is overridden by --pack auto, then back
    with _pack_scope(packs.AUTO):
        assert packs.choice() == packs.AUTO
    assert packs.choice() == "yemen"
