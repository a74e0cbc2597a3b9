"""What the CLI tests share: a runner, a few stories we wrote, and reading counts out of a summary."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from warwire.cli import app

runner = CliRunner()

STORIES = [
    {"text": "Government warplanes pounded Douma in Eastern Ghouta on Monday, killing at least "
             "23 civilians, a monitor said.", "title": "Strikes on Douma", "date": "2018-02-19",
     "outlet": "Levant Wire"},
    {"text": "Rebel shelling of the Old City of Damascus wounded nine people on Tuesday, state media said.",
     "title": "Mortars on Damascus", "date": "2018-02-20", "outlet": "Crescent Press"},
    {"text": "Hundreds marched in Idlib city on Friday against the new local council, witnesses said.",
     "title": "Protest in Idlib", "date": "2018-03-02", "outlet": "Levant Wire"},
]


def write_jsonl(path, records, bad_lines=()):
    lines = [json.dumps(r) for r in records] + list(bad_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def summary_count(output: str, name: str) -> int:
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == name:
            return int(parts[1].replace(",", ""))
    raise AssertionError(f"no {name!r} line in:\n{output}")
