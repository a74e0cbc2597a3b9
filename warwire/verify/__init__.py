"""Cross-checks: contradictions between reports, verdicts against reference records, article credibility.

The names below load their module on first use, so linking (which imports the contradiction
rules) does not pull in the reference readers or the credibility model.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "read_reference": "reference", "verify_reports": "reference", "verify_store": "reference",
    "article_signals": "credibility", "score_store": "credibility",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
