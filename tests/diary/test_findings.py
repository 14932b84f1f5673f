"""From a diary to knowledge-base findings and Evidence the engine can assess."""

from __future__ import annotations

import pytest

from bleedcheck.diary import (
    Diary,
    Flow,
    analyse_diary,
    diary_evidence,
    diary_findings,
    read_diary,
)
from bleedcheck.diary.findings import DIARY_FINDINGS
from bleedcheck.engine.assess import assess_evidence
from bleedcheck.vocab import Evidence, Presence
from tests.diary.helpers import (
    BETWEEN_RU,
    EXAMPLE_TODAY,
    REGULAR,
    after,
    days_after,
    make_diary,
    starts,
)

P, A = Presence.PRESENT, Presence.ABSENT


def findings(diary: Diary, wait: int = 5, age: float | None = None) -> dict[str, Presence]:
    analysis = analyse_diary(diary, after(diary, wait), age)
    return {f.id: f.state for f in diary_findings(analysis)}


def scenarios() -> dict[str, Diary]:
    period_starts = starts([28, 28, 28])
    ten_days = [Flow.MEDIUM, Flow.HEAVY, *[Flow.MEDIUM] * 4, *[Flow.LIGHT] * 4]
    return {
        "normal": make_diary(starts([28, 29, 27, 28, 30])),
        "frequent": make_diary(starts([20, 20, 21, 20])),
        "infrequent": make_diary(starts([45, 44, 46])),
        "prolonged": make_diary(starts([28, 28]), period=ten_days),
        "irregular": make_diary(starts([25, 40, 28, 32])),
        "heavy": make_diary(starts([28, 28]), pads_changed=9, pain=8),
        "imb": make_diary(
            period_starts,
            extra={days_after(s, d): Flow.LIGHT for s in period_starts[:3] for d in (20, 21)},
        ),
        "midcycle": make_diary(
            period_starts, extra={days_after(s, 14): Flow.SPOTTING for s in period_starts[:3]}
        ),
        "premenstrual": make_diary(
            period_starts,
            extra={days_after(s, -d): Flow.SPOTTING for s in period_starts[1:] for d in (1, 2, 3)},
        ),
        "postcoital": make_diary(
            period_starts,
            extra={days_after(s, 12): (Flow.SPOTTING, True) for s in period_starts[:3]},
        ),
    }


def test_every_finding_the_diary_can_set_exists_in_the_knowledge_base(ckb):
    missing = [f for f in DIARY_FINDINGS if f not in ckb.finding_index]
    assert not missing


@pytest.mark.parametrize("name", sorted(scenarios()))
def test_every_emitted_id_exists_and_is_declared(ckb, name):
    for fid in findings(scenarios()[name]):
        assert fid in ckb.finding_index and fid in DIARY_FINDINGS


EXPECTED = {
    "normal": {
        "frequent_periods": A,
        "infrequent_periods": A,
        "irregular_periods": A,
        "prolonged_periods": A,
        "heavy_periods": A,
        "bleeding_between_periods": A,
        "midcycle_spotting": A,
        "premenstrual_spotting": A,
        "period_late": A,
    },
    "frequent": {"frequent_periods": P, "infrequent_periods": A},
    "infrequent": {"frequent_periods": A, "infrequent_periods": P},
    "prolonged": {"prolonged_periods": P},
    "irregular": {"irregular_periods": P},
    "heavy": {"heavy_periods": P, "painful_periods": P},
    "imb": {"bleeding_between_periods": P, "bleeding_recurs_each_cycle": P, "midcycle_spotting": A},
    "midcycle": {"midcycle_spotting": P, "bleeding_between_periods": P},
    "premenstrual": {"premenstrual_spotting": P, "midcycle_spotting": A},
    "postcoital": {"bleeding_after_sex": P, "postcoital_over_4w": P},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_diary_sets_what_it_shows(name):
    found = findings(scenarios()[name])
    for fid, state in EXPECTED[name].items():
        assert found.get(fid) is state, fid
    if name == "normal":
        assert found == EXPECTED["normal"]  # and nothing else: no claim about sex, pain...


def test_no_bleeding_after_sex_in_a_diary_is_not_evidence_of_absence():
    assert "bleeding_after_sex" not in findings(scenarios()["normal"])


def test_a_single_cycle_sets_little():
    found = findings(make_diary(starts([28])))
    assert not ({"frequent_periods", "irregular_periods", "period_late"} & set(found))


def test_a_late_period_makes_pregnancy_possible(ckb):
    diary = make_diary(starts([28, 28, 28]))
    evidence = diary_evidence(ckb, diary, after(diary, 40), age=30)
    assert evidence.state("period_late") is P
    assert evidence.state("pregnancy_possible") is P  # completed like any evidence
    assert evidence.age == 30


def test_no_bleeding_for_100_days_is_a_late_period_and_infrequent(ckb):
    diary = make_diary(starts([28, 28]))
    evidence = diary_evidence(ckb, diary, after(diary, 100))
    assert evidence.state("infrequent_periods") is P and evidence.state("period_late") is P
    older = diary_evidence(ckb, diary, after(diary, 100), age=60)
    assert older.state("period_late") is Presence.UNKNOWN


def test_the_engine_assesses_the_russian_example(ckb):
    diary = read_diary(BETWEEN_RU, EXAMPLE_TODAY)
    evidence = diary_evidence(ckb, diary, EXAMPLE_TODAY, age=42)
    assert isinstance(evidence, Evidence)
    assert {"heavy_periods", "bleeding_between_periods", "postcoital_over_4w"} <= set(
        evidence.present()
    )
    result = assess_evidence(ckb, evidence, lang="ru")
    top = [c.id for c in result.conditions[:5]]
    assert "endometrial_polyp" in top or "cervical_polyp" in top
    assert result.triage.level.rank >= 1  # never self-care from a diary alone


def test_the_regular_example_sets_only_absent_findings(ckb):
    diary = read_diary(REGULAR, EXAMPLE_TODAY)
    evidence = diary_evidence(ckb, diary, EXAMPLE_TODAY)
    assert evidence.present() == [] and "heavy_periods" in evidence.absent()
