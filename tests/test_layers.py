"""Stages only look back along the data flow: no module imports a stage that comes after it."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "warwire"

# Stage -> the packages it must not import (stages later in the flow, and the tools built on them).
FORBIDDEN = {
    "extract": ("warwire.engine", "warwire.store", "warwire.link", "warwire.verify", "warwire.eval", "warwire.cli",
                "warwire.api"),
    "knowledge": ("warwire.extract", "warwire.engine", "warwire.store", "warwire.link", "warwire.verify",
                  "warwire.eval", "warwire.cli", "warwire.api"),
    # verify reads what the pipeline stored; running the pipeline (engine) belongs to eval and the CLI.
    "verify": ("warwire.engine", "warwire.eval", "warwire.cli", "warwire.api"),
}


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_stages_import_only_what_comes_before_them():
    wrong = []
    for stage, forbidden in FORBIDDEN.items():
        for path in sorted((PACKAGE / stage).rglob("*.py")):
            for name in sorted(imports(path)):
                if name.startswith(forbidden):
                    wrong.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert not wrong, "\n".join(wrong)
