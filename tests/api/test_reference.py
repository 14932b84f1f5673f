"""Reference data: conditions and findings, localised by Accept-Language."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from bleedcheck.knowledge.compile import CompiledKB
from tests.api.test_cases import assert_problem


def test_conditions_list_every_condition(client: TestClient, ckb: CompiledKB) -> None:
    body = client.get("/v1/conditions").json()
    assert [c["id"] for c in body] == list(ckb.condition_ids)
    assert all(c["icd10"] for c in body)


@pytest.mark.parametrize(
    ("header", "lang"),
    [("ru", "ru"), ("en-GB", "en"), ("de, ru;q=0.3", "ru"), ("fr", "en"), ("", "en")],
)
def test_accept_language_chooses_the_names(
    client: TestClient, ckb: CompiledKB, header: str, lang: str
) -> None:
    response = client.get("/v1/conditions", headers={"Accept-Language": header})
    assert response.headers["content-language"] == lang
    assert "Accept-Language" in response.headers["vary"]
    first = response.json()[0]
    assert first["name"] == ckb.kb.conditions[first["id"]].name.get(lang)


def test_condition_detail(client: TestClient) -> None:
    body = client.get("/v1/conditions/ectopic_pregnancy", headers={"Accept-Language": "ru"}).json()
    assert body["id"] == "ectopic_pregnancy"
    assert body["findings"] and body["workup"]
    weights = [f["probability"] for f in body["findings"]]
    assert weights == sorted(weights, reverse=True)
    assert any("а" <= ch <= "я" for ch in body["explanation"].lower())


def test_unknown_condition_is_404_with_a_suggestion(client: TestClient) -> None:
    body = assert_problem(client.get("/v1/conditions/ectopic_pregnanc"), 404)
    assert "ectopic_pregnancy" in body["detail"]


def test_findings_en_and_ru(client: TestClient, ckb: CompiledKB) -> None:
    en = client.get("/v1/findings").json()
    ru = client.get("/v1/findings", headers={"Accept-Language": "ru"}).json()
    assert [f["id"] for f in en] == list(ckb.finding_ids) == [f["id"] for f in ru]
    assert en[0]["question"] != ru[0]["question"]
    assert any(f["band"] for f in en)
