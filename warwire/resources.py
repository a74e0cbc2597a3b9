"""Data files shipped inside the package, read once per process."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def load_yaml(where: str | Path, name: str | None = None) -> Any:
    """A YAML file parsed once: ``load_yaml(path)``, or ``load_yaml("warwire.ingest", "settings.yaml")`` for
    the file ``name`` beside the modules of a package. Every caller shares the result: treat it as read-only."""
    path = Path(str(resources.files(str(where)).joinpath(name))) if name else Path(where)
    return _parsed(str(path.resolve()))


def stage_settings(stage: str) -> dict[str, Any]:
    """The settings of a stage: ``warwire/<stage>/settings.yaml`` (docs/settings.md lists every file and key)."""
    return load_yaml(f"warwire.{stage}", "settings.yaml")


def read_yaml(path: Path) -> Any:
    """A YAML file parsed afresh (the caller's to change), by libyaml where it is built (a tenth of the pure-Python
    reader's time)."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=None)
def _parsed(path: str) -> Any:
    return read_yaml(Path(path))
