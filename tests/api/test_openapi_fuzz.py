"""Property-based requests from the OpenAPI document: bad input never gets a 500.

Stateless and reference endpoints only (interviews need a token); examples are bounded so
the run takes seconds.
"""

from __future__ import annotations

import importlib.util
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from bleedcheck.api import create_app
from bleedcheck.settings import Settings


def _parser_installed() -> bool:
    try:
        return importlib.util.find_spec("bleedcheck.language.parse") is not None
    except ImportError:
        return False


# /v1/parse answers 503 until the text parser is installed; fuzz it once it is
STATELESS = r"^/(healthz|v1/(triage|diagnosis|explain|report/pdf|report/fhir|conditions.*|findings{parse}))$".format(
    parse="|parse" if _parser_installed() else ""
)

# An in-memory database: the endpoints under test do not store anything. (A module-level
# schema rather than `from_fixture`, whose lazy loader does not work with pytest 9.)
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(Settings(database_url="sqlite://"))
).include(path_regex=STATELESS)


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_errors_and_responses_match_the_schema(case: Any) -> None:
    response = case.call()
    assert response.status_code < 500 or response.status_code == 503, response.text
    if response.status_code >= 400:
        assert response.headers["content-type"][0].startswith("application/problem+json")
    # Cross-field rules (two gestation bands at once) cannot be said in JSON Schema, so a
    # schema-valid request may still be refused with 422 invalid-evidence.
    case.validate_response(response, excluded_checks=[positive_data_acceptance])
