"""Data files shipped inside the package, read once per process."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=None)
def load_yaml(package: str, name: str) -> Any:
    """The YAML file ``name`` beside the modules of ``package`` (e.g. "warwire.ingest"), parsed once.

    The result is shared by every caller: treat it as read-only.
    """
    return yaml.safe_load(resources.files(package).joinpath(name).read_text(encoding="utf-8"))
