"""What tests do when a service (PostgreSQL, Chromium) is missing."""
from __future__ import annotations

import os

import pytest


def skip_unless_ci(reason: str) -> None:
    """Skip where a service is missing (a user's clone); in CI (WARWIRE_CI=1) a missing service is a failure."""
    if os.environ.get("WARWIRE_CI") == "1":
        pytest.fail(f"CI must provide this: {reason}")
    pytest.skip(reason)
