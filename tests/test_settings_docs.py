"""Each stage's settings file is listed in docs/settings.md with every key it holds."""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "settings.md"


def keys(data: dict, prefix: str = "", depth: int = 2) -> list[str]:
    """Dotted keys down to ``depth`` levels; a mapping of numbers (precision -> km) is one value."""
    out = []
    for k, v in data.items():
        name = f"{prefix}{k}"
        if isinstance(v, dict) and depth > 1 and not all(isinstance(x, int) for x in v):
            out += keys(v, name + ".", depth - 1)
        else:
            out.append(name)
    return out


def test_every_stage_settings_file_and_key_is_documented():
    assert DOC.is_file(), "docs/settings.md lists each stage's settings file"
    text = DOC.read_text(encoding="utf-8")
    files = sorted((ROOT / "warwire").glob("*/settings.yaml"))
    assert {f.parent.name for f in files} >= {"ingest", "link", "verify", "export", "api"}
    missing = []
    for f in files:
        rel = f.relative_to(ROOT).as_posix()
        if f"`{rel}`" not in text:
            missing.append(rel)
        for key in keys(yaml.safe_load(f.read_text(encoding="utf-8"))):
            parts = key.split(".")
            # A key is documented by its own name, or by its section's when the section is one value (tolls by kind).
            if not any(f"`{'.'.join(parts[:n])}`" in text for n in range(len(parts), 0, -1)):
                missing.append(f"{rel}: {key}")
    assert not missing, "not in docs/settings.md: " + ", ".join(missing)
