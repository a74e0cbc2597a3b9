"""An article's stored credibility as the API shows it: score, label and the signals that weighed most."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from warwire.resources import stage_settings

TOP_SIGNALS = int(stage_settings("api")["credibility"]["top_signals"])


@lru_cache(maxsize=1)
def _model():
    from warwire.verify.credibility import load_model

    return load_model()


def explained(stored: dict[str, Any] | None) -> dict[str, Any] | None:
    """``stored`` ({score, label, signals, model}) with ``top_signals``: the signals that pushed the score
    furthest up or down, each {signal, value, effect} (effect: its term in the model's log-odds)."""
    if not stored:
        return None
    model = _model()
    signals = stored.get("signals") or {}
    effects = []
    for name, w, m, s in zip(model.features, model.coef, model.mean, model.scale):
        if name in signals:
            effects.append({"signal": name, "value": signals[name],
                            "effect": round(w * (float(signals[name]) - m) / (s or 1.0), 3)})
    effects.sort(key=lambda e: -abs(e["effect"]))
    return {"score": stored.get("score"), "label": stored.get("label"), "model": stored.get("model"),
            "top_signals": effects[:TOP_SIGNALS], "signals": signals}
