"""API fuzzing: schemathesis sends what the OpenAPI schema allows, and more, to every endpoint.

Each operation gets a fixed number of generated requests (derandomized: the same ones every run)
on a small store built in code, once on SQLite and once on PostgreSQL; none may answer 5xx.
Writes stay off (no WARWIRE_TOKEN), so nothing is fetched from the network.
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error

import store_fixture as fx
from warwire.api.app import create_app

EXAMPLES = 120  # per operation and database


def _operations(url: str):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(url))
    return [op.ok() for op in schema.get_all_operations()]


@pytest.mark.slow
def test_no_request_makes_a_server_error(store_url, monkeypatch):
    monkeypatch.delenv("WARWIRE_TOKEN", raising=False)
    fx.build(store_url)
    operations = _operations(store_url)
    assert {op.label for op in operations} >= {"GET /api/events", "GET /api/events/{event_id}",
                                               "GET /api/articles", "POST /api/ingest"}
    failures: dict[str, str] = {}
    sent = {"cases": 0}
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        def fuzz(case):
            sent["cases"] += 1
            case.call_and_validate(checks=[not_a_server_error])

        try:
            fuzz()
        except Exception as err:  # noqa: BLE001 - collect every operation's failure, then report them all
            failures[operation.label] = str(err)[:2000]
    assert not failures, "\n\n".join(f"{label}:\n{why}" for label, why in failures.items())
    # 0 server errors means something only if the requests were sent: most operations get their full share.
    assert sent["cases"] >= len(operations) * EXAMPLES // 2, sent
    print(f"{sent['cases']:,} requests to {len(operations)} operations on {store_url.split(':')[0]}: 0 server errors")
