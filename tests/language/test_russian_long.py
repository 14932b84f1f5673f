"""Long Russian messages: the development corpus of multi-sentence messages loads with known
finding ids, and ellipsis across clauses and sentences is resolved (phrases written for the
tests, not taken from any corpus)."""

from __future__ import annotations

import pytest

from bleedcheck.vocab import Presence

from .helpers import check_corpus, load_corpus, state


def test_ru_long_dev_corpus_loads_with_known_finding_ids() -> None:
    items = load_corpus("ru_long_dev")
    assert len(items) == 60
    check_corpus(items)


@pytest.mark.parametrize(
    ("text", "fid", "expected"),
    [
        # "после него" / "после этого" stands for the sex or partner named before it
        (
            "Есть постоянный парень. Вчера после него немного кровило.",
            "bleeding_after_sex",
            Presence.PRESENT,
        ),
        (
            "Была близость. После этого идут кровянистые выделения.",
            "bleeding_after_sex",
            Presence.PRESENT,
        ),
        # "между ними" after periods are named: between periods
        ("Цикл длинный, а между ними кровит.", "bleeding_between_periods", Presence.PRESENT),
        (
            "Месячные идут нормально. Между ними мажет.",
            "bleeding_between_periods",
            Presence.PRESENT,
        ),
    ],
)
def test_ellipsis_takes_its_antecedent(text: str, fid: str, expected: Presence) -> None:
    assert state(text, "ru", fid) is expected


@pytest.mark.parametrize(
    "text",
    [
        # a nearer procedure is what "после неё" refers to, not the earlier sex
        "Секс был неделю назад. Вчера сделали биопсию, после неё кровит.",
        # no antecedent at all: the pronoun stays a pronoun
        "После него кровит.",
    ],
)
def test_ellipsis_without_sex_antecedent_is_not_postcoital(text: str) -> None:
    assert state(text, "ru", "bleeding_after_sex") is None


def test_ru_dev2_corpus_loads_with_known_finding_ids() -> None:
    items = load_corpus("ru_dev2")
    assert len(items) == 120
    check_corpus(items)
