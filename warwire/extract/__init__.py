"""Article -> [Report]: events, actors, places, dates, casualties and claims read from war reporting."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warwire.extract.pipeline import extract_article, extract_batch

__all__ = ["EXTRACTOR_VERSION", "extract_article", "extract_batch"]

#: Results stored by another version of the extractor count as pending. Kept here, not in the pipeline,
#: so that a driver that only stores results (``warwire.engine.run``) reads it without importing the readers.
EXTRACTOR_VERSION = "0.1.0"


def __getattr__(name: str):
    # The pipeline (and the readers it imports) loads when first asked for: a process that only writes
    # extracted reports out (``references.split`` in the command's driver) does not import the readers.
    if name in __all__:
        from warwire.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
