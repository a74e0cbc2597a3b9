#!/usr/bin/env python3
"""Pin the accuracy floors on the committed code, not on whatever the working tree holds.

    python scripts/pin_floors.py            # export HEAD, run `warwire eval --pin` there, copy floors.json back
    python scripts/pin_floors.py --ref v0.2 # any git ref
    python scripts/pin_floors.py --check    # only check the committed code against the floors

The floors are what CI checks, and CI runs the committed code; uncommitted edits
in a shared checkout would pin numbers nobody can reproduce. The shared
development data (``../shared/data``) is linked beside the export when present,
so its floors are pinned too. Commit ``warwire/data/gold/floors.json`` afterwards.
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FLOORS = Path("warwire/data/gold/floors.json")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="HEAD", help="git ref to pin on (default HEAD)")
    parser.add_argument("--check", action="store_true", help="check the floors instead of pinning them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="warwire-pin-") as tmp:
        tree = Path(tmp) / "repo"
        tree.mkdir()
        archive = subprocess.run(["git", "archive", args.ref], cwd=REPO, check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tree, filter="data")
        shared = REPO.parent / "shared"
        if shared.is_dir():
            os.symlink(shared, Path(tmp) / "shared")
        env = {**os.environ, "PYTHONPATH": str(tree)}
        # The export comes first on the path, ahead of an editable install of the checkout.
        code = "import sys, warwire; assert warwire.__file__.startswith(sys.argv[1]); from warwire.cli import main; " \
               "sys.argv = ['warwire', 'eval', sys.argv[2]]; main()"
        mode = "--check-floors" if args.check else "--pin"
        done = subprocess.run([sys.executable, "-c", code, str(tree), mode], cwd=tree, env=env)
        if done.returncode or args.check:
            return done.returncode
        shutil.copyfile(tree / FLOORS, REPO / FLOORS)
    print(f"pinned on {args.ref}: {FLOORS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
