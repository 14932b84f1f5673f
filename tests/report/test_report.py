"""Clinician reports: the FHIR bundle is valid R4 and says what the assessment says; the PDF
is one page in either language, however much was answered."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

import pytest
from fhir.resources.R4B.bundle import Bundle

from bleedcheck.engine.assess import assess
from bleedcheck.evaluation.metrics import load_vignettes
from bleedcheck.knowledge.compile import CompiledKB, compiled
from bleedcheck.report.fhir import ICD10, fhir_bundle
from bleedcheck.report.pdf import clinician_pdf
from bleedcheck.vocab import Assessment, Presence

ECTOPIC = {
    "age": 29,
    "evidence": {
        "pregnancy_confirmed": "present",
        "pain_one_sided": "present",
        "spotting_light": "present",
        "fever": "absent",
    },
}
WHEN = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
SEED = uuid.UUID("12345678-1234-5678-1234-567812345678")


@pytest.fixture(scope="module")
def ckb() -> CompiledKB:
    return compiled()


def _resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_the_bundle_is_a_valid_r4_document_led_by_its_composition(ckb):
    result = assess(ECTOPIC)
    bundle = fhir_bundle(ckb, result, text="7 weeks, bleeding, pain on the left", created=WHEN)
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "document"
    first = bundle["entry"][0]["resource"]
    assert first["resourceType"] == "Composition"
    refs = {r["reference"] for s in first["section"] for r in s.get("entry", [])}
    urls = {e["fullUrl"] for e in bundle["entry"]}
    assert refs <= urls, "every section entry points into the bundle"
    assert "pain on the left" in first["section"][1]["text"]["div"]


def test_the_bundle_says_what_the_assessment_says(ckb):
    result = assess(ECTOPIC)
    bundle = fhir_bundle(ckb, result, created=WHEN)
    booleans = {
        o["code"]["coding"][0]["code"]: o["valueBoolean"]
        for o in _resources(bundle, "Observation")
        if "valueBoolean" in o
    }
    expected = {f: s is Presence.PRESENT for f, s in result.evidence.items()}
    assert booleans == expected
    assert expected["pain_one_sided"] and not expected["fever"]
    ages = [
        o["valueQuantity"]["value"]
        for o in _resources(bundle, "Observation")
        if "valueQuantity" in o
    ]
    assert ages == [29]
    triage = [o for o in _resources(bundle, "Observation") if "valueCodeableConcept" in o]
    assert triage[0]["valueCodeableConcept"]["coding"][0]["code"] == result.triage.level.value
    (risk,) = _resources(bundle, "RiskAssessment")
    probabilities = [p["probabilityDecimal"] for p in risk["prediction"]]
    assert probabilities == sorted(probabilities, reverse=True)
    top = risk["prediction"][0]["outcome"]["coding"]
    assert {c["code"] for c in top} == set(result.conditions[0].icd10)
    assert all(c["system"] == ICD10 for c in top)
    assert len(_resources(bundle, "ServiceRequest")) == len(result.tests)


def test_the_same_seed_and_time_give_the_same_bundle(ckb):
    result = assess(ECTOPIC)
    one = fhir_bundle(ckb, result, created=WHEN, seed=SEED)
    two = fhir_bundle(ckb, result, created=WHEN, seed=SEED)
    other = fhir_bundle(ckb, result, created=WHEN)
    assert one == two
    assert one["identifier"] != other["identifier"]


def test_a_russian_assessment_gives_a_russian_document(ckb):
    result = assess(ECTOPIC, lang="ru")
    composition = fhir_bundle(ckb, result, created=WHEN)["entry"][0]["resource"]
    assert composition["language"] == "ru"
    assert re.search("[а-яА-Я]", composition["title"])


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def _busiest() -> Assessment:
    """The vignette with the most answers, with a long text: the worst case for one page."""
    vignette = max(load_vignettes(), key=lambda v: len(v.evidence))
    return assess({"age": vignette.age, "evidence": dict(vignette.evidence)})


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_pdf_is_one_page_even_for_the_busiest_case(ckb, lang):
    busiest = _busiest()
    result = assess({"age": busiest.age, "evidence": busiest.evidence}, lang=lang)
    words = "Bleeding on and off, heavier than usual, with cramps and clots. " * 30
    pdf = clinician_pdf(ckb, result, text=words, created=WHEN)
    assert pdf.startswith(b"%PDF-")
    assert _pages(pdf) == 1


def test_the_pdf_embeds_a_font_with_cyrillic(ckb):
    pdf = clinician_pdf(ckb, assess(ECTOPIC, lang="ru"), text="кровит, болит слева")
    assert b"DejaVu" in pdf
    assert _pages(pdf) == 1


def test_a_diary_chart_still_leaves_one_page(ckb):
    from bleedcheck.diary import analyse_diary, chart_png, read_diary
    from tests.conftest import ROOT

    today = datetime(2026, 7, 1).date()
    diary = read_diary(ROOT / "examples" / "diary" / "between_periods_ru.json", today=today)
    chart = chart_png(diary, "ru", analysis=analyse_diary(diary, today))
    busiest = _busiest()
    result = assess({"age": busiest.age, "evidence": busiest.evidence}, lang="ru")
    pdf = clinician_pdf(ckb, result, text="долго и много " * 80, chart_png=chart, created=WHEN)
    assert _pages(pdf) == 1
    assert b"/Subtype /Image" in pdf
