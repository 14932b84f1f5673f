"""The CLI as a user runs it: real subprocesses, real files, exit codes and stderr."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES

BIN = [sys.executable, "-m", "bleedcheck.cli"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BIN, *args], input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


def test_examples_cover_the_required_situations():
    names = {p.stem for p in EXAMPLES.glob("*.json")}
    assert len(names) >= 8
    for needed in (
        "postcoital_young",
        "postmenopausal_58",
        "early_pregnancy_pain",
        "on_the_pill",
        "after_childbirth",
        "after_smear",
        "heavy_with_faintness",
        "intermenstrual_42",
    ):
        assert needed in names


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_assess_json_has_the_documented_fields(lang):
    proc = run("assess", str(EXAMPLES / "postcoital_young.json"), "--json", "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["triage"]["level"] in {
        "self_care",
        "consultation",
        "consultation_24",
        "emergency",
        "emergency_ambulance",
    }
    assert isinstance(data["triage"]["reasons"], list)
    conditions = data["conditions"]
    assert conditions and {"id", "name", "icd10", "probability", "urgency"} <= set(conditions[0])
    probs = [c["probability"] for c in conditions]
    assert probs == sorted(probs, reverse=True)
    if lang == "ru":
        assert any("а" <= ch <= "я" for ch in conditions[0]["name"].lower())


def test_assess_plain_output_shows_triage_causes_tests_and_disclaimer():
    proc = run("assess", str(EXAMPLES / "postcoital_young.json"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "How urgent" in out and "Possible causes" in out and "What a doctor will check" in out
    assert "not a diagnosis" in out and "N86" in out


def test_assess_reads_stdin():
    case = json.dumps({"age": 30, "evidence": {"bleeding_after_sex": "present"}})
    proc = run("assess", "-", "--json", stdin=case)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["conditions"]


def test_region_sets_the_emergency_number():
    proc = run("assess", str(EXAMPLES / "heavy_with_faintness.json"), "--json", "--region", "RU")
    data = json.loads(proc.stdout)
    assert data["triage"]["level"] == "emergency_ambulance"
    assert data["triage"]["emergency_number"] == "103"
    assert data["triage"]["general_emergency_number"] == "112"
    proc = run("assess", str(EXAMPLES / "heavy_with_faintness.json"), "--json")
    assert json.loads(proc.stdout)["triage"]["emergency_number"] == "112"


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_malformed_case_file_reports_line_and_column(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"age": 30,\n "evidence": {"bleeding_after_sex": present}}', encoding="utf-8")
    line = one_line_error(run("assess", str(bad)))
    assert "line 2" in line and "column" in line


def test_unknown_finding_is_named_with_suggestions(tmp_path):
    bad = tmp_path / "case.json"
    bad.write_text(json.dumps({"age": 30, "evidence": {"bleeding_after_sexx": "present"}}))
    line = one_line_error(run("assess", str(bad)))
    assert "bleeding_after_sexx" in line and "did you mean" in line and "bleeding_after_sex" in line


@pytest.mark.parametrize("age", [-1, 150, "thirty"])
def test_bad_age_is_rejected(tmp_path, age):
    bad = tmp_path / "case.json"
    bad.write_text(json.dumps({"age": age, "evidence": {}}))
    assert "age" in one_line_error(run("assess", str(bad)))


def test_bad_presence_value_is_rejected(tmp_path):
    bad = tmp_path / "case.json"
    bad.write_text(json.dumps({"age": 30, "evidence": {"fever": "maybe"}}))
    assert "present, absent, unknown" in one_line_error(run("assess", str(bad)))


def test_two_bands_at_once_is_rejected(tmp_path):
    bad = tmp_path / "case.json"
    evidence = {"gestation_under_6w": "present", "gestation_20w_plus": "present"}
    bad.write_text(json.dumps({"age": 30, "evidence": evidence}))
    assert "band" in one_line_error(run("assess", str(bad)))


def test_missing_file():
    assert "no such file" in one_line_error(run("assess", "/nonexistent/case.json"))


def test_kb_check_passes_and_reports_estimate_share():
    proc = run("kb", "check")
    assert proc.returncode == 0, proc.stderr
    assert "numbers are estimates" in proc.stdout


def test_kb_check_on_a_broken_knowledge_base(tmp_path):
    import shutil

    from bleedcheck.knowledge.load import default_root

    target = tmp_path / "kb"
    shutil.copytree(default_root(), target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (target / "rules.yaml").write_text("levels: {}\nthresholds: 3\nrules: []\n", encoding="utf-8")
    line = one_line_error(run("kb", "check", "--root", str(target)))
    assert "rules.yaml" in line


def test_kb_show_prints_a_condition_and_suggests_on_typos():
    proc = run("kb", "show", "ectopic_pregnancy")
    assert proc.returncode == 0 and "O00" in proc.stdout
    assert "ectopic_pregnancy" in one_line_error(run("kb", "show", "ectopic_pregnancyy"))


@pytest.mark.parametrize(
    "command", [[], ["assess"], ["kb"], ["kb", "check"], ["kb", "show"], ["eval"]]
)
def test_every_command_has_help(command):
    proc = run(*command, "--help")
    assert proc.returncode == 0 and "Usage" in proc.stdout


def test_eval_json_prints_the_metrics():
    proc = run("eval", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {
        "n",
        "top1",
        "top3",
        "triage_exact",
        "emergency_sensitivity",
        "under_triage",
        "over_triage",
    }
    assert data["n"] >= 80


def test_assess_writes_the_clinician_reports(tmp_path):
    pdf, fhir = tmp_path / "report.pdf", tmp_path / "report.json"
    case = str(EXAMPLES / "early_pregnancy_pain.json")
    proc = run("assess", case, "--lang", "ru", "--pdf", str(pdf), "--fhir", str(fhir))
    assert proc.returncode == 0, proc.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    bundle = json.loads(fhir.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    assert bundle["entry"][0]["resource"]["language"] == "ru"
    assert f"report written to {pdf}" in proc.stderr


def test_a_report_path_that_cannot_be_written_is_one_clear_line(tmp_path):
    target = tmp_path / "missing" / "report.pdf"
    proc = run("assess", str(EXAMPLES / "postcoital_young.json"), "--pdf", str(target))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1].startswith(f"error: cannot write {target}")
    assert "Traceback" not in proc.stderr
