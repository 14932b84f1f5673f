"""Evaluate `when` clauses for strata and rules."""

from __future__ import annotations

from collections.abc import Callable, Collection

from bleedcheck.knowledge.schema import When
from bleedcheck.vocab import Presence

StateOf = Callable[[str], Presence]


def matches(when: When, state: StateOf, age: float | None, unknown_age_matches: bool) -> bool:
    """True when every part of the clause holds.

    `all` items hold when present (a list item: when any of its findings is present);
    `any` needs one present; `none` needs each finding explicitly absent.
    """
    for item in when.all:
        group = [item] if isinstance(item, str) else item
        if not any(state(f) is Presence.PRESENT for f in group):
            return False
    if when.any and not any(state(f) is Presence.PRESENT for f in when.any):
        return False
    if any(state(f) is not Presence.ABSENT for f in when.none):
        return False
    return _age_matches(when, age, unknown_age_matches)


def matches_sets(
    when: When,
    present: Collection[str],
    absent: Collection[str],
    age: float | None,
    unknown_age_matches: bool,
) -> bool:
    """`matches` for evidence given as sets of present and absent findings (faster)."""
    for item in when.all:
        if isinstance(item, str):
            if item not in present:
                return False
        elif not any(f in present for f in item):
            return False
    if when.any and not any(f in present for f in when.any):
        return False
    if any(f not in absent for f in when.none):
        return False
    return _age_matches(when, age, unknown_age_matches)


def _age_matches(when: When, age: float | None, unknown_age_matches: bool) -> bool:
    if when.age_min is None and when.age_max is None:
        return True
    if age is None:
        return unknown_age_matches
    if when.age_min is not None and age < when.age_min:
        return False
    return when.age_max is None or age <= when.age_max
