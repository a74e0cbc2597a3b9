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


def test_the_engine_starts_before_the_rest_of_the_first_batch_is_read():
    """One article tells that there is work: the workers load while the driver reads the rest of its input."""
    from warwire.engine.run import run_extraction
    from warwire.model import Article

    read: list[int] = []
    at_start: list[int] = []

    def articles():
        for i in range(5):
            read.append(i)
            yield Article(text=f"Story {i}: nothing happened in the town today.", published="2020-01-01")

    def extract(batch):
        if not at_start:  # the warm-up call, made as the engine starts
            at_start.append(len(read))
        return [[] for _ in batch]

    summary = run_extraction(None, articles(), workers=1, timeout=None, batch_size=4, extract_fn=extract)
    assert at_start == [1] and summary.articles == 5
    assert run_extraction(None, iter([]), workers=1, timeout=None, extract_fn=extract).articles == 0
