"""The README documents every command and opens with the two commands a new user needs."""
from __future__ import annotations

import re
from pathlib import Path

import typer.main

from warwire.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
CI = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    commands = typer.main.get_command(app).commands
    missing = [name for name in commands if f"`warwire {name}" not in README]
    assert not missing, f"commands missing from the README's tour: {missing}"


def test_readme_opens_with_two_commands_and_ci_runs_the_second():
    blocks = re.findall(r"```bash\n(.*?)\n```", README, flags=re.S)
    assert len(blocks) >= 2
    demo, tests = blocks[0].strip(), blocks[1].strip()
    assert demo.endswith("warwire demo")
    assert tests in CI, "CI must run the README's test command verbatim"
