"""Facts that follow from other facts (`complete`)."""

from __future__ import annotations

import pytest

from bleedcheck.engine.assess import assess
from bleedcheck.engine.evidence import POSTMENOPAUSAL_AGE, complete
from bleedcheck.knowledge.compile import compiled
from bleedcheck.vocab import Evidence, Presence

P, A = Presence.PRESENT, Presence.ABSENT


@pytest.mark.parametrize(
    ("age", "stated", "expected"),
    [
        (POSTMENOPAUSAL_AGE + 6, None, P),  # age alone: past the menopause
        (POSTMENOPAUSAL_AGE + 6, A, A),  # she says her periods go on: her word stands
        (POSTMENOPAUSAL_AGE - 8, None, Presence.UNKNOWN),  # early 50s: could be either
        (None, None, Presence.UNKNOWN),
    ],
)
def test_age_past_sixty_means_past_the_menopause_unless_she_says_otherwise(age, stated, expected):
    findings = {"bleeding_after_sex": P} | ({"postmenopausal": stated} if stated else {})
    done = complete(compiled(), Evidence(findings=findings, age=age))
    assert done.state("postmenopausal") is expected


def test_bleeding_at_66_is_assessed_as_postmenopausal_bleeding():
    result = assess({"age": 66, "evidence": {"pain_during_sex": "present"}})
    top = [c.id for c in result.conditions[:3]]
    assert "atrophic_vaginitis" in top
    assert "perimenopause" not in [c.id for c in result.conditions[:10]]
