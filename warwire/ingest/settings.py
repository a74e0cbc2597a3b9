"""The limits on reading one input, from ``settings.yaml`` beside this module."""
from __future__ import annotations

from typing import Any

from warwire.resources import load_yaml


def settings() -> dict[str, Any]:
    """Every ingest setting (read once); see ``settings.yaml`` for what each means."""
    return load_yaml("warwire.ingest", "settings.yaml")
