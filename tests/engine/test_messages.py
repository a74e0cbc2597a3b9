"""What a user without the Dask extra meets: which extra to install, exit 3, no traceback."""
from __future__ import annotations

import subprocess
import sys

# Runs the command with the named modules unimportable, as in an install without the extra.
WITHOUT = ("import sys\n"
           "for name in sys.argv[1].split(','):\n"
           "    sys.modules[name] = None\n"
           "sys.argv = ['warwire', *sys.argv[2:]]\n"
           "from warwire.cli import main\n"
           "main()\n")


def run_without(modules: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WITHOUT, modules, *args], capture_output=True, text=True,
                          timeout=300)


def test_engine_dask_without_dask_names_the_extra(tmp_path):
    source = tmp_path / "story.txt"
    source.write_text("Government warplanes struck the town of Douma on Monday, killing 23 civilians.\n",
                      encoding="utf-8")
    result = run_without("dask,distributed", "extract", str(source), "--no-store", "--engine", "dask")
    assert result.returncode == 3, result.stderr
    assert "pip install 'warwire[dask]'" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr + result.stdout
