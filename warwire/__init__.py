"""warwire: conflict events from war reporting, geolocated, attributed and cross-checked."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("warwire")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"


def extract(text: str, published: str | None = None, outlet: str | None = None, title: str | None = None):
    """Extract the reports of one article; returns ``{"article": Article, "reports": [Report]}``, plus
    ``"references"`` (dated mentions of past happenings, which only join events) when it has any."""
    from warwire.extract import extract_article
    from warwire.extract.references import split
    from warwire.model import Article

    article = Article(text=text, published=published, outlet=outlet, title=title)
    reports, refs = split(extract_article(article))
    return {"article": article, "reports": reports, **({"references": refs} if refs else {})}
