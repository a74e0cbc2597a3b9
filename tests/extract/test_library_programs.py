"""The extractor used as a library builds the readers' patterns as a command does (``knowledge.programs``)."""
from __future__ import annotations

from tests.knowledge.test_programs import run_probe

# Imports the extractor as a library would, reads one short article we wrote, and prints whether the patterns
# are built from kept programs, whether the process still notes new ones once its first batch is read, and how
# many files of programs the cache folder holds then.
_PROBE = r"""
from pathlib import Path
import os
from warwire.extract import extract_batch
from warwire.knowledge import programs
from warwire.model import Article

print("KEEPING", programs.keeping())
text = "Government shelling killed three people at a bakery in Douma on Sunday, rescuers said."
reports = extract_batch([Article(text=text, published="2018-02-04")])[0]
print("REPORTS", len(reports) >= 1)
print("NOTING", programs._noting)
print("FILES", len(list(Path(os.environ["WARWIRE_CACHE_DIR"]).glob("programs-*"))))
"""


def test_a_library_process_keeps_programs_and_saves_them_after_its_first_batch(tmp_path):
    lines = run_probe(_PROBE, tmp_path, timeout=300)
    assert lines == ["KEEPING True", "REPORTS True", "NOTING False", "FILES 1"]
