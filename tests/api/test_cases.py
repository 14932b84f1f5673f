"""Stateless assessment endpoints: triage, diagnosis, explain, parse; and bad input."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.api.patients import EARLY_PREGNANCY_PAIN

PROBLEM = "application/problem+json"
CASE = {"age": 28, "evidence": {"bleeding_after_sex": "present", "pain_one_sided": "absent"}}


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert {"type", "title", "detail", "instance"} <= set(body)
    return body


def test_triage_returns_level_action_and_kb_version(client: TestClient) -> None:
    response = client.post("/v1/triage", json=CASE)
    assert response.status_code == 200
    body = response.json()
    assert body["kb_version"]
    assert body["triage"]["level"] in {
        "self_care",
        "consultation",
        "consultation_24",
        "emergency",
        "emergency_ambulance",
    }
    assert body["triage"]["general_emergency_number"] == "112"


def test_early_pregnancy_with_one_sided_pain_is_an_emergency(client: TestClient) -> None:
    response = client.post("/v1/triage", json={"age": 27, "evidence": EARLY_PREGNANCY_PAIN})
    assert response.json()["triage"]["level"] in {"emergency", "emergency_ambulance"}


def test_region_chooses_the_emergency_number(client: TestClient) -> None:
    gb = client.post("/v1/triage", json={**CASE, "region": "GB"}).json()["triage"]
    ru = client.post("/v1/triage", json={**CASE, "region": "RU"}).json()["triage"]
    assert (gb["region"], gb["emergency_number"]) == ("GB", "999")
    assert (ru["region"], ru["emergency_number"]) == ("RU", "103")


def test_diagnosis_ranks_causes_and_asks_the_next_question(client: TestClient) -> None:
    body = client.post("/v1/diagnosis", json={**CASE, "limit": 5}).json()
    probabilities = [c["probability"] for c in body["conditions"]]
    assert len(probabilities) == 5
    assert probabilities == sorted(probabilities, reverse=True)
    assert body["should_stop"] is False
    assert body["next"]["question"]["id"]
    assert body["triage"]["level"]


def test_diagnosis_skips_questions_already_asked(client: TestClient) -> None:
    first = client.post("/v1/diagnosis", json=CASE).json()["next"]["question"]["id"]
    then = client.post("/v1/diagnosis", json={**CASE, "asked": [first]}).json()
    assert then["next"]["question"] is None or then["next"]["question"]["id"] != first


def test_explain_named_conditions(client: TestClient) -> None:
    body = client.post(
        "/v1/explain", json={**CASE, "conditions": ["cervical_ectropion", "endometrial_cancer"]}
    ).json()
    assert [c["id"] for c in body["conditions"]] == ["cervical_ectropion", "endometrial_cancer"]
    ectropion = body["conditions"][0]
    assert any(s["finding"] == "bleeding_after_sex" for s in ectropion["supporting"])
    assert ectropion["explanation"]


def test_explain_defaults_to_the_most_probable(client: TestClient) -> None:
    body = client.post("/v1/explain", json={**CASE, "limit": 3}).json()
    probabilities = [c["probability"] for c in body["conditions"]]
    assert len(probabilities) == 3 and probabilities == sorted(probabilities, reverse=True)


def test_accept_language_russian(client: TestClient) -> None:
    response = client.post("/v1/triage", json=CASE, headers={"Accept-Language": "ru-RU,en;q=0.5"})
    assert response.headers["content-language"] == "ru"
    assert any("а" <= ch <= "я" for ch in response.json()["triage"]["action"].lower())


def test_body_lang_wins_over_accept_language(client: TestClient) -> None:
    response = client.post(
        "/v1/triage", json={**CASE, "lang": "en"}, headers={"Accept-Language": "ru"}
    )
    assert response.headers["content-language"] == "en"


@pytest.mark.skipif(
    importlib.util.find_spec("bleedcheck.language") is None
    or importlib.util.find_spec("bleedcheck.language.parse") is None,
    reason="bleedcheck.language.parse is not in this checkout yet",
)
def test_parse_finds_findings_in_text(client: TestClient) -> None:
    response = client.post(
        "/v1/parse", json={"text": "I am 24 and I bleed after sex, no pain.", "lang": "en"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["evidence"].get("bleeding_after_sex") == "present"
    for finding in body["findings"]:
        assert 0 <= finding["start"] <= finding["end"]


# ---- bad input ---------------------------------------------------------------------------


def test_unknown_finding_is_named_with_its_path(client: TestClient) -> None:
    body = assert_problem(
        client.post("/v1/triage", json={"evidence": {"pain_pelvic": "present"}}), 422
    )
    assert body["errors"][0]["pointer"] == "/evidence/pain_pelvic"
    assert "did you mean" in body["errors"][0]["message"]


def test_wrong_types_are_named_with_their_paths(client: TestClient) -> None:
    body = assert_problem(
        client.post(
            "/v1/diagnosis",
            json={"age": "old", "evidence": {"bleeding_after_sex": "maybe"}, "extra": 1},
        ),
        422,
    )
    pointers = {e["pointer"] for e in body["errors"]}
    assert pointers == {"/age", "/evidence/bleeding_after_sex", "/extra"}


@pytest.mark.parametrize(
    "payload",
    [b"{not json", b"[1, 2]", b'"text"', b"null", b'{"age": 1e999}', b"\xff\xfe"],
)
def test_malformed_bodies_get_422_never_500(client: TestClient, payload: bytes) -> None:
    response = client.post(
        "/v1/triage", content=payload, headers={"Content-Type": "application/json"}
    )
    assert_problem(response, 422)


def test_two_bands_at_once_is_invalid_evidence(client: TestClient) -> None:
    evidence = {"gestation_under_6w": "present", "gestation_20w_plus": "present"}
    body = assert_problem(client.post("/v1/triage", json={"evidence": evidence}), 422)
    assert body["type"].endswith("invalid-evidence")


def test_age_out_of_range(client: TestClient) -> None:
    body = assert_problem(client.post("/v1/triage", json={"age": 300}), 422)
    assert body["errors"][0]["pointer"] == "/age"


def test_unknown_condition_to_explain(client: TestClient) -> None:
    body = assert_problem(client.post("/v1/explain", json={"conditions": ["nope"]}), 422)
    assert body["errors"][0]["pointer"] == "/conditions/0"


def test_body_over_the_limit_by_content_length(client: TestClient) -> None:
    big = b'{"evidence": {}, "pad": "' + b"x" * 70_000 + b'"}'
    body = assert_problem(
        client.post("/v1/triage", content=big, headers={"Content-Type": "application/json"}),
        413,
    )
    assert body["type"].endswith("body-too-large")


def test_body_over_the_limit_when_streamed(client: TestClient) -> None:
    def chunks() -> Any:
        yield b'{"evidence": {}, "pad": "'
        for _ in range(20):
            yield b"x" * 4096
        yield b'"}'

    response = client.post(
        "/v1/diagnosis", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert_problem(response, 413)


def test_unknown_route_and_method(client: TestClient) -> None:
    assert_problem(client.get("/v1/nothing"), 404)
    assert_problem(client.get("/v1/triage"), 405)


def test_health(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"
