"""The local pool: workers load the model themselves, the driver loads none."""
from __future__ import annotations

import subprocess
import sys

DRIVER = """
import sys
from warwire.engine.run import run_extraction
from warwire.model import Article

story = Article(text="Government warplanes struck the town of Douma on Monday, killing at least 23 civilians.",
                published="2018-02-20")
summary = run_extraction(None, [story, Article(text=story.text.replace("Douma", "Harasta"))], workers=2,
                         batch_size=1, timeout=60)
print(summary.reports, summary.workers, "spacy" in sys.modules)
"""


def test_the_driver_of_a_pool_does_not_load_the_model():
    result = subprocess.run([sys.executable, "-c", DRIVER], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    reports, workers, spacy_loaded = result.stdout.split()
    assert int(reports) >= 2 and workers == "2"
    assert spacy_loaded == "False"
