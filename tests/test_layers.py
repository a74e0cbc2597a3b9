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
    # The store keeps what every stage writes; it runs no stage.
    "store": ("warwire.extract", "warwire.engine", "warwire.link", "warwire.verify", "warwire.eval", "warwire.cli",
              "warwire.api"),
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


# Tables are queried only in warwire/store/: every other module calls its functions.
SQL_IMPORTS = ("sqlalchemy", "warwire.store.schema", "warwire.store.sql", "warwire.store.engine")
SQL_CALLS = (".engine.connect(", ".engine.begin(", "sa.select(", "sa.text(")
# Catching the store's exceptions is not querying it.
ALLOWED_IMPORTS = ("sqlalchemy.exc",)
# Modules of other stages that still hold queries, each to move behind store/ by its owner; the list only shrinks.
NOT_YET_MOVED: set[str] = set()


def sql_outside_store() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        if rel.startswith("warwire/store/"):
            continue
        text = path.read_text(encoding="utf-8")
        wrong = [f"imports {name}" for name in sorted(imports(path))
                 if name.startswith(SQL_IMPORTS) and not name.startswith(ALLOWED_IMPORTS)]
        wrong += [f"calls {call}" for call in SQL_CALLS if call in text]
        if wrong:
            found[rel] = wrong
    return found


def test_tables_are_queried_only_in_the_store():
    found = sql_outside_store()
    wrong = [f"{rel} {what}" for rel, whats in found.items() if rel not in NOT_YET_MOVED for what in whats]
    assert not wrong, "put these queries behind a function of warwire/store/:\n" + "\n".join(wrong)


def test_the_list_of_modules_not_yet_moved_only_shrinks():
    moved = sorted(NOT_YET_MOVED - set(sql_outside_store()))
    assert not moved, f"no query left in {moved}: take it off NOT_YET_MOVED"
