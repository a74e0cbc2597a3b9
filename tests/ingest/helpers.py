"""Small helpers the ingest tests share."""
from __future__ import annotations

from warwire.ingest import Rejected, read_sources
from warwire.model import Article


def read(*sources, **options) -> tuple[list[Article], list[Rejected]]:
    """Articles and Rejected items of ``sources``, offline unless a fetcher is given."""
    options.setdefault("fetch", False)
    items = list(read_sources([str(s) for s in sources], **options))
    assert all(isinstance(x, (Article, Rejected)) for x in items)
    return [x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, Rejected)]
