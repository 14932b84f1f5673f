"""Report endpoints: a PDF or a FHIR bundle for a case, or for an interview with its token."""

from __future__ import annotations

import re

from fhir.resources.R4B.bundle import Bundle
from starlette.testclient import TestClient

from tests.api.test_cases import assert_problem
from tests.api.test_interviews import bearer, start

CASE = {
    "age": 31,
    "evidence": {"bleeding_after_sex": "present", "pain_severe_abdominal": "absent"},
    "text": "Bleeding after sex for two months",
}


def test_a_case_as_a_pdf(client: TestClient) -> None:
    response = client.post("/v1/report/pdf", json=CASE)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", response.content)) == 1


def test_a_case_as_a_fhir_bundle_in_the_asked_language(client: TestClient) -> None:
    response = client.post("/v1/report/fhir", json={**CASE, "lang": "ru"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/fhir+json")
    bundle = Bundle.model_validate_json(response.content)
    composition = bundle.entry[0].resource
    assert composition.language == "ru"
    codes = {
        e.resource.code.coding[0].code
        for e in bundle.entry
        if e.resource.__resource_type__ == "Observation" and e.resource.code.coding
    }
    assert "bleeding_after_sex" in codes


def test_a_bad_case_is_a_problem_not_a_report(client: TestClient) -> None:
    unknown = {**CASE, "evidence": {"bleeding_afer_sex": "present"}}
    body = assert_problem(client.post("/v1/report/pdf", json=unknown), 422)
    assert "bleeding_after_sex" in body["detail"] + str(body.get("errors", ""))
    long_text = {**CASE, "text": "x" * 6000}
    assert_problem(client.post("/v1/report/fhir", json=long_text), 422)


def test_an_interview_report_needs_its_token(client: TestClient) -> None:
    iid, token, _ = start(client, text="Bleeding after sex, no pain", age=31)
    path = f"/v1/interviews/{iid}/report.pdf"
    assert_problem(client.get(path), 404)
    assert_problem(client.get(path, headers=bearer(token[:-2] + "xx")), 404)
    pdf = client.get(path, headers=bearer(token))
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF-")
    fhir = client.get(f"/v1/interviews/{iid}/report.fhir", headers=bearer(token))
    assert fhir.status_code == 200
    assert Bundle.model_validate_json(fhir.content).type == "document"
