"""An assessment as a FHIR R4 document bundle (validated with fhir.resources' R4B models).

The bundle holds a Composition (the summary, with a readable narrative per section), the
patient (no identifying data: only what the assessment knows), one Observation per answered
finding, an Observation for the age and one for the triage level, a RiskAssessment with the
ranked causes (ICD-10 coded) and a proposed ServiceRequest per suggested test. A clinic's
system can file it as it is; nothing in it is needed to read the PDF.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from html import escape
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from bleedcheck.engine.explain import finding_label
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.report.strings import report_text
from bleedcheck.settings import software_version
from bleedcheck.vocab import Assessment, Presence

ICD10 = "http://hl7.org/fhir/sid/icd-10"
LOINC = "http://loinc.org"
FINDING_SYSTEM = "urn:bleedcheck:finding"
TRIAGE_SYSTEM = "urn:bleedcheck:triage-level"
CONSULT_NOTE = ("11488-4", "Consult note")
AGE_CODE = ("30525-0", "Age")
PREDICTIONS = 10  # causes listed in the RiskAssessment


class _Ids:
    """Stable `urn:uuid` full URLs: one namespace per bundle, one name per resource."""

    def __init__(self, seed: uuid.UUID) -> None:
        self.seed = seed

    def __call__(self, name: str) -> str:
        return f"urn:uuid:{uuid.uuid5(self.seed, name)}"


def _div(*paragraphs: str) -> dict[str, str]:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs if p)
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'}


def _entry(full_url: str, resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": full_url, "resource": resource}


def fhir_bundle(
    ckb: CompiledKB,
    result: Assessment,
    *,
    text: str | None = None,
    created: datetime | None = None,
    seed: uuid.UUID | None = None,
) -> dict[str, Any]:
    """The assessment as a FHIR R4 `document` Bundle (a JSON-ready dict, already validated)."""
    lang = result.lang
    when = (created or datetime.now(UTC)).isoformat(timespec="seconds")
    ids = _Ids(seed or uuid.uuid4())
    patient, device = ids("patient"), ids("device")
    subject = {"reference": patient}
    entries: list[dict[str, Any]] = [
        _entry(patient, {"resourceType": "Patient", "text": _div(report_text("patient", lang))}),
        _entry(
            device,
            {
                "resourceType": "Device",
                "deviceName": [{"name": "bleedcheck", "type": "manufacturer-name"}],
                "version": [{"value": f"{software_version()} (knowledge {ckb.version})"}],
            },
        ),
    ]

    def observation(name: str, code: dict[str, Any], **value: Any) -> str:
        url = ids(name)
        resource = {
            "resourceType": "Observation",
            "status": "final",
            "code": code,
            "subject": subject,
            "effectiveDateTime": when,
            **value,
        }
        entries.append(_entry(url, resource))
        return url

    findings: list[str] = []
    if result.age is not None:
        age_code = {"coding": [{"system": LOINC, "code": AGE_CODE[0], "display": AGE_CODE[1]}]}
        quantity = {
            "value": result.age,
            "unit": "a",
            "system": "http://unitsofmeasure.org",
            "code": "a",
        }
        findings.append(observation("age", age_code, valueQuantity=quantity))
    for fid, state in sorted(result.evidence.items()):
        if state is Presence.UNKNOWN or fid not in ckb.finding_index:
            continue
        label = finding_label(ckb, fid, lang)
        code = {
            "coding": [{"system": FINDING_SYSTEM, "code": fid, "display": label}],
            "text": label,
        }
        findings.append(observation(f"finding/{fid}", code, valueBoolean=state is Presence.PRESENT))

    tri = result.triage
    triage_code = {"coding": [{"system": TRIAGE_SYSTEM, "code": "level"}], "text": "Triage level"}
    level = {"coding": [{"system": TRIAGE_SYSTEM, "code": tri.level.value, "display": tri.label}]}
    notes = [{"text": t} for t in (tri.action, tri.timeframe, tri.safety_net, *tri.reasons) if t]
    triage_url = observation("triage", triage_code, valueCodeableConcept=level, note=notes)

    risk_url = ids("risk")
    predictions = []
    for c in result.conditions[:PREDICTIONS]:
        outcome = {
            "coding": [{"system": ICD10, "code": code, "display": c.name} for code in c.icd10],
            "text": c.name,
        }
        prediction: dict[str, Any] = {
            "outcome": outcome,
            "probabilityDecimal": round(c.probability, 4),
        }
        if c.supporting:
            prediction["rationale"] = ", ".join(s.label for s in c.supporting[:5])
        predictions.append(prediction)
    entries.append(
        _entry(
            risk_url,
            {
                "resourceType": "RiskAssessment",
                "status": "final",
                "subject": subject,
                "occurrenceDateTime": when,
                "method": {"text": result.inference},
                "basis": [{"reference": url} for url in findings],
                "prediction": predictions,
            },
        )
    )

    requests = []
    for test in result.tests:
        url = ids(f"test/{test.id}")
        requests.append(url)
        request: dict[str, Any] = {
            "resourceType": "ServiceRequest",
            "status": "draft",
            "intent": "proposal",
            "code": {"text": test.name},
            "subject": subject,
        }
        if test.description:
            request["note"] = [{"text": test.description}]
        entries.append(_entry(url, request))

    present, absent = answered_labels(ckb, result)
    sections = [
        {
            "title": report_text("triage", lang),
            "text": _div(tri.label, tri.action, tri.timeframe, *tri.reasons),
            "entry": [{"reference": triage_url}],
        },
        {
            "title": report_text("present", lang),
            "text": _div(
                f"{report_text('present', lang)}: {', '.join(present) or report_text('none', lang)}",
                f"{report_text('absent', lang)}: {', '.join(absent) or report_text('none', lang)}",
                f"{report_text('her_words', lang)}: {text}" if text else "",
            ),
            **({"entry": [{"reference": url} for url in findings]} if findings else {}),
        },
        {
            "title": report_text("differential", lang),
            "text": _div(
                *(
                    f"{c.name} ({', '.join(c.icd10)}): {c.probability:.0%}"
                    for c in result.conditions[:PREDICTIONS]
                )
            ),
            "entry": [{"reference": risk_url}],
        },
    ]
    if requests:
        sections.append(
            {
                "title": report_text("workup", lang),
                "text": _div(*(t.name for t in result.tests)),
                "entry": [{"reference": url} for url in requests],
            }
        )
    composition = {
        "resourceType": "Composition",
        "status": "final",
        "language": lang,
        "type": {
            "coding": [{"system": LOINC, "code": CONSULT_NOTE[0], "display": CONSULT_NOTE[1]}]
        },
        "subject": subject,
        "date": when,
        "author": [{"reference": device}],
        "title": report_text("title", lang),
        "section": sections,
    }
    bundle = {
        "resourceType": "Bundle",
        "identifier": {"system": "urn:ietf:rfc:3986", "value": ids("bundle")},
        "type": "document",
        "timestamp": when,
        "entry": [_entry(ids("composition"), composition), *entries],
    }
    Bundle.model_validate(bundle)  # a malformed bundle is our bug: fail loudly in tests
    return bundle


def answered_labels(ckb: CompiledKB, result: Assessment) -> tuple[list[str], list[str]]:
    """The labels of the findings she reported present, and of those she reported absent."""
    states = result.evidence.items()
    present = [finding_label(ckb, f, result.lang) for f, s in states if s is Presence.PRESENT]
    absent = [finding_label(ckb, f, result.lang) for f, s in states if s is Presence.ABSENT]
    return present, absent
