"""Article -> [Report]: events, actors, places, dates, casualties and claims read from war reporting."""
from __future__ import annotations

from warwire.extract.pipeline import EXTRACTOR_VERSION, extract_article, extract_batch

__all__ = ["EXTRACTOR_VERSION", "extract_article", "extract_batch"]
