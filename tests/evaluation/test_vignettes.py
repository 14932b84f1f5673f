"""The vignette benchmark is complete, valid and meets the safety targets."""

from __future__ import annotations

from collections import Counter

from bleedcheck.evaluation.metrics import evaluate, load_vignettes
from bleedcheck.vocab import TriageLevel

EMERGENCY_CAPABLE = [
    "ectopic_pregnancy",
    "incomplete_miscarriage",
    "ruptured_ovarian_cyst",
    "placenta_praevia",
    "placental_abruption",
    "vasa_praevia",
    "uterine_rupture",
    "threatened_preterm_labour",
    "primary_pph",
    "secondary_pph_retained_products",
    "vaginal_trauma_laceration",
    "foreign_body_retained",
    "post_abortion_bleeding",
    "molar_pregnancy",
    "missed_miscarriage",
    "obstetric_genital_laceration",
    "pid",
    "anticoagulant_aub",
    "hmb_endometrial",
    "fibroid_submucosal",
    "post_procedure_bleed",
    "threatened_miscarriage",
]


def test_vignettes_are_valid_and_cover_the_differential(ckb):
    vignettes = load_vignettes()
    assert len(vignettes) >= 80
    assert len({v.id for v in vignettes}) == len(vignettes)
    counts = Counter(v.gold_condition for v in vignettes)
    assert set(counts) <= set(ckb.condition_ids)
    missing = sorted(set(ckb.condition_ids) - set(counts))
    assert missing == []
    thin = [c for c in EMERGENCY_CAPABLE if c in ckb.condition_ids and counts[c] < 2]
    assert thin == []
    for v in vignettes:
        assert v.source and set(v.evidence) <= set(ckb.finding_ids), v.id


def test_no_emergency_is_under_triaged(ckb):
    report = evaluate(ckb, load_vignettes())
    summary = report.summary()
    assert summary["emergency_sensitivity"] == 1.0
    missed = [
        o.vignette.id
        for o in report.outcomes
        if o.vignette.gold_triage.rank >= TriageLevel.EMERGENCY.rank
        and o.level.rank < o.vignette.gold_triage.rank
    ]
    assert missed == []
