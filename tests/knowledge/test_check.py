"""The shipped knowledge base is complete and consistent; broken ones are reported precisely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bleedcheck.errors import KnowledgeError
from bleedcheck.knowledge.check import check_knowledge
from bleedcheck.knowledge.load import default_root, load_knowledge


def test_shipped_knowledge_base_has_no_problems(ckb, shared):
    report = check_knowledge(ckb.kb, shared)
    assert [str(p) for p in report.problems] == []


def test_every_seed_id_is_referenced(ckb, shared):
    report = check_knowledge(ckb.kb, shared)
    unreferenced = [p.key for p in report.problems if p.file == "seed-inventory.md"]
    assert unreferenced == []
    assert len(shared.seed_ids) >= 100


def test_every_triage_row_and_correction_row_is_covered(ckb, shared):
    assert shared.triage_rows >= 20 and shared.correction_rows >= 10
    rows = {row for rule in ckb.kb.rulebook.rules for row in rule.reference_rows}
    assert set(range(1, shared.triage_rows + 1)) <= rows
    corrected = {row for c in ckb.kb.corrections for row in c.reference_rows}
    assert set(range(1, shared.correction_rows + 1)) <= corrected


def test_size_of_the_differential(ckb):
    kb = ckb.kb
    assert len(kb.conditions) >= 55
    assert len(kb.findings) >= 100
    for cond in kb.conditions.values():
        assert len(cond.links) >= 3, cond.id
        assert cond.icd10 and cond.explanation.ru and cond.explanation.en
    for finding in kb.findings.values():
        assert finding.question.en and finding.question.ru


def test_acute_heavy_bleeding_and_heavy_periods_are_separate(ckb):
    findings = ckb.kb.findings
    assert "acute_heavy_bleeding" in findings and "heavy_periods" in findings


@pytest.fixture()
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(default_root(), target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def test_broken_yaml_names_file_line_and_column(kb_copy):
    path = kb_copy / "conditions" / "cervical_ectropion.yaml"
    path.write_text("id: cervical_ectropion\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(kb_copy)
    message = str(info.value)
    assert "conditions/cervical_ectropion.yaml" in message and "line" in message


def test_probability_out_of_range_names_the_key(kb_copy):
    path = kb_copy / "conditions" / "cervical_ectropion.yaml"
    text = path.read_text(encoding="utf-8")
    import yaml

    data = yaml.safe_load(text)
    data["links"][0]["p"] = 1.5
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(kb_copy)
    assert "links[0]" in str(info.value) and "less than 1" in str(info.value)


def test_unknown_finding_in_a_link_is_a_problem_with_a_suggestion(kb_copy):
    import yaml

    path = kb_copy / "conditions" / "cervical_ectropion.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["links"][0]["finding"] = "bleeding_after_sexx"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = check_knowledge(load_knowledge(kb_copy))
    reasons = [str(p) for p in report.problems]
    assert any("bleeding_after_sexx" in r and "bleeding_after_sex" in r for r in reasons), reasons


def test_estimate_without_reason_is_rejected(kb_copy):
    import yaml

    path = kb_copy / "conditions" / "cervical_ectropion.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["prior"]["base"] = {"p": 0.05, "source": "estimate"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="reason"):
        load_knowledge(kb_copy)
