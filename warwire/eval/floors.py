"""The accuracy gate: floors pinned per dataset and metric, and the digest of the bundled gold.

``floors.json`` (beside the gold) holds, per dataset, the file it was measured
on (bundled gold by name; shared development data relative to the repository
root, where it may be absent), the row limit used, and a floor per metric: the
value measured when pinned minus a small margin; ``reasons`` records, per metric,
why its floor went down or was removed. The bundled gold's SHA-256 is
pinned too, so a floor cannot be lowered by quietly editing the gold.
"""
from __future__ import annotations

import hashlib
import os
import json
from pathlib import Path
from typing import Any

from warwire.errors import E, WarwireError
from warwire.eval.scoring import Scores

#: Pinned floors sit this far below the values measured when pinning.
MARGIN = 0.02
#: Metrics counted on fewer items than this get no floor: one case would swing them.
MIN_SUPPORT = 5
#: Where the shared development data sits, relative to the repository root.
SHARED = {
    "acled": {"path": "../shared/data/acled/acled_syria_2018_jan_feb.csv", "limit": 400},
    "acled_current": {"path": "../shared/data/acled/acled_syria_battles_2017_2023.csv", "limit": 200},
    "acled_yemen": {"path": "../shared/data/acled/acled_yemen_2018_jan_feb.csv", "limit": 1600},
    "fakes": {"path": "../shared/data/fakes/fakes_dev.csv", "limit": 120},
    "multievent": {"path": "../shared/data/multievent/gold.jsonl", "limit": 20},
}
#: Whole-article gold the project coded itself on shared development texts (the gold ships, the texts do not):
#: the dataset's gold file in the package's gold folder, and its texts relative to the repository root.
CODED = {
    "multievent_fakes_a": ("multievent_fakes_a.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_b": ("multievent_fakes_b.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_c": ("multievent_fakes_c.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_d": ("multievent_fakes_d.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_e": ("multievent_fakes_e.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_f": ("multievent_fakes_f.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_g": ("multievent_fakes_g.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_h": ("multievent_fakes_h.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_i": ("multievent_fakes_i.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_j": ("multievent_fakes_j.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_k": ("multievent_fakes_k.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_l": ("multievent_fakes_l.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_m": ("multievent_fakes_m.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_n": ("multievent_fakes_n.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_o": ("multievent_fakes_o.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_p": ("multievent_fakes_p.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_q": ("multievent_fakes_q.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_r": ("multievent_fakes_r.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_s": ("multievent_fakes_s.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_t": ("multievent_fakes_t.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_u": ("multievent_fakes_u.jsonl", "../shared/data/fakes/fakes_dev.csv"),
    "multievent_fakes_v": ("multievent_fakes_v.jsonl", "../shared/data/fakes/fakes_dev.csv"),
}


def floors_path() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "gold" / "floors.json"


def repo_root() -> Path:
    """The checkout the package runs from (shared data paths are relative to it)."""
    return Path(__file__).resolve().parent.parent.parent


def _relative(path: str) -> str:
    """A data path as the floors file keeps it: relative to the repository root (``../shared/data/...``)."""
    return Path(os.path.relpath(os.path.abspath(path), repo_root())).as_posix()


def digest(path: Path | str) -> str:
    """SHA-256 of a file's bytes, line endings normalised (a checkout with CRLF is the same gold)."""
    return hashlib.sha256(Path(path).read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def load_floors(path: Path | None = None) -> dict[str, Any]:
    path = path or floors_path()
    if not path.exists():
        return {"margin": MARGIN, "datasets": {}}
    return json.loads(path.read_text("utf-8"))


def shared_file(dataset: str, floors: dict[str, Any] | None = None) -> Path | None:
    """The shared development file for a dataset, or None when it is not beside the repository."""
    entry = (floors or {}).get("datasets", {}).get(dataset) or SHARED[dataset]
    p = repo_root() / entry.get("path", SHARED[dataset]["path"])
    return p if p.is_file() else None


def coded_files(dataset: str) -> tuple[Path | None, Path | None]:
    """A coded set's gold and its texts, or (None, None) when the texts are not beside the repository."""
    gold, texts = CODED[dataset]
    source = repo_root() / texts
    return (floors_path().with_name(gold), source) if source.is_file() else (None, None)


def shared_limit(dataset: str, floors: dict[str, Any] | None = None) -> int:
    entry = (floors or {}).get("datasets", {}).get(dataset) or {}
    return int(entry.get("limit", SHARED[dataset]["limit"]))


def check_digest(gold: Path | str, floors: dict[str, Any]) -> None:
    """Raise E204 when a gold file is not the one the floors were pinned on."""
    want = floors.get("datasets", {}).get("gold", {}).get("sha256")
    got = digest(gold)
    if want and got != want:
        raise WarwireError(E.E204, path=gold, got=got[:12], want=want[:12])


def failures(results: list[Scores], floors: dict[str, Any]) -> list[str]:
    """Each metric below its floor, as "dataset metric value < floor"."""
    out = []
    for s in results:
        pinned = floors.get("datasets", {}).get(s.dataset, {}).get("floors", {})
        values = s.values()
        for name, floor in pinned.items():
            value = values.get(name)
            if value is None or value < floor:
                out.append(f"{s.dataset} {name} {'none' if value is None else f'{value:.3f}'} < {floor:.3f}")
    return out


def check_floors(results: list[Scores], floors: dict[str, Any], floors_file: Path | None = None) -> None:
    """Raise E203 listing every metric below its pinned floor."""
    failed = failures(results, floors)
    if failed:
        raise WarwireError(E.E203, floors=floors_file or floors_path(), failures="; ".join(failed))


def pin_floors(results: list[Scores], gold: Path | str | None, path: Path | None = None,
               margin: float = MARGIN) -> dict[str, Any]:
    """Rewrite the floors of the scored datasets to their values minus ``margin`` (and the gold digest); return them."""
    path = path or floors_path()
    floors = load_floors(path)
    floors["margin"] = margin
    datasets = floors.setdefault("datasets", {})
    for s in results:
        entry: dict[str, Any] = {}
        if s.dataset == "gold":
            entry["path"] = Path(gold).name if gold else "extraction.jsonl"
            if gold:
                entry["sha256"] = digest(gold)
        else:
            entry["path"] = _relative(s.source) if s.source else SHARED[s.dataset]["path"]
            entry["limit"] = s.n
        entry["n"] = s.n
        kept = datasets.get(s.dataset, {}).get("reasons")
        if kept:
            entry["reasons"] = kept  # why a floor went down or was removed, kept across re-pins
        entry["floors"] = {k: max(0.0, round(v - margin, 3)) for k, v in sorted(s.values().items())
                           if s.metrics[k].support >= MIN_SUPPORT}
        datasets[s.dataset] = entry
    path.write_text(json.dumps(floors, indent=2, sort_keys=False) + "\n", "utf-8")
    return floors
