"""The Russian development corpus loads, and names only findings the knowledge base has;
plus the parser behaviours that tuning on it added (short phrases written for the tests)."""

from __future__ import annotations

import pytest

from bleedcheck.language.parse import parse
from bleedcheck.vocab import Presence

from .helpers import check_corpus, load_corpus, state


def test_ru_dev_corpus_loads_with_known_finding_ids() -> None:
    items = load_corpus("ru_dev")
    assert len(items) >= 150
    check_corpus(items)


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        # a negation skipped inside a gapped or reordered phrase denies it
        ("рвоты не было", "vomiting", Presence.ABSENT),
        ("воды не отходили", "waters_broken", Presence.ABSENT),
        # ... but a negative phrase keeps its sense (negative concord)
        ("месячных ещё ни разу не было", "before_first_period", Presence.PRESENT),
        # a near miss is not a denial
        ("чуть сознание не потеряла", "fainting_or_collapse", Presence.PRESENT),
        # a hedge inside the phrase
        ("тампон кажется остался внутри", "object_in_vagina", Presence.UNKNOWN),
        # "не" typed together with the verb
        ("живот нетянет", "pain_cramping", Presence.ABSENT),
        # an ended habit before its object
        ("бросила курить", "smoker", Presence.ABSENT),
        # generic words denied, and reassuring words that deny by themselves
        ("сгустков нет", "large_clots", Presence.ABSENT),
        ("сгустки мелкие", "large_clots", Presence.ABSENT),
        ("месячные регулярные", "irregular_periods", Presence.ABSENT),
        # a relative named as the subject
        ("сестра тоже страдает обильными месячными", "heavy_periods", Presence.UNKNOWN),
        # other ways of naming the blood in a phrase about when it appears
        ("после секса идут кровянистые выделения", "bleeding_after_sex", Presence.PRESENT),
    ],
)
def test_russian_context_rules(text: str, fid: str, expected: Presence) -> None:
    assert state(text, "ru", fid) is expected


def test_doubly_negated_denying_word_says_nothing() -> None:
    assert state("цикл не регулярный", "ru", "irregular_periods") is None


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("пульс 120, кружится голова", "fast_heartbeat"),
        ("месячные идут каждые 20 дней", "frequent_periods"),
        ("мне 30, месячные пропали на 4 месяца", "infrequent_periods"),
        ("6 нед по узи, мажет", "gestation_6_13w"),
        ("хгч 1500, мажет", "pregnancy_confirmed"),
        ("выкидыш был 2 недели назад", "recent_miscarriage_or_abortion"),
    ],
)
def test_russian_numbers_set_findings(text: str, fid: str) -> None:
    assert state(text, "ru", fid) is Presence.PRESENT


def test_a_miscarriage_years_ago_is_not_recent() -> None:
    assert state("аборт был 5 лет назад", "ru", "recent_miscarriage_or_abortion") is None


def test_a_year_without_periods_is_not_a_late_period() -> None:
    result = parse("56 лет, месячных нет уже 4 года, сегодня кровь", "ru")
    states = {f.id: f.state for f in result.findings}
    assert states.get("postmenopausal") is Presence.PRESENT
    assert "period_late" not in states


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("у мамы рак нашли в 42 года, мне 38, кровь между месячными", 38),
        ("в 50 лет месячные прекратились, мне сейчас 53", 53),
        ("дочке 13, месячные идут третью неделю", 13),
    ],
)
def test_russian_age_is_the_womans_own(text: str, age: int) -> None:
    assert parse(text, "ru").age == age
