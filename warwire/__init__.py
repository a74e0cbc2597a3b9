"""warwire: conflict events from war reporting, geolocated, attributed and cross-checked."""
from __future__ import annotations


def __getattr__(name: str):
    # The version is read from the installed metadata when asked for: importing importlib.metadata
    # costs every command (also a worker process) about 30 ms.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("warwire")
    except PackageNotFoundError:  # running from a source tree
        found = "0.0.0"
    globals()["__version__"] = found
    return found


def extract(text: str, published: str | None = None, outlet: str | None = None, title: str | None = None):
    """Extract the reports of one article; returns ``{"article": Article, "reports": [Report]}``, plus
    ``"references"`` (dated mentions of past happenings, which only join events) when it has any."""
    from warwire.extract import extract_article
    from warwire.extract.references import split
    from warwire.model import Article

    article = Article(text=text, published=published, outlet=outlet, title=title)
    reports, refs = split(extract_article(article))
    return {"article": article, "reports": reports, **({"references": refs} if refs else {})}
