"""What a language module reports: each place a finding is mentioned, and how it is meant."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bleedcheck.vocab import Presence


class Modifier(StrEnum):
    """How the surrounding words change a mention (ConText categories, plus 'self')."""

    NEGATED = "negated"
    UNCERTAIN = "uncertain"
    HYPOTHETICAL = "hypothetical"
    HISTORICAL = "historical"
    FAMILY = "family"


@dataclass(frozen=True)
class Mention:
    """One match of one synonym: finding id, character span, sentence number, modifiers."""

    finding: str
    start: int
    end: int
    sentence: int
    synonym: str
    modifiers: tuple[tuple[Modifier, str], ...] = ()  # (category, cue text)


def state_of(mention: Mention, ignore: frozenset[Modifier]) -> tuple[Presence, str]:
    """The state a mention asserts, and the rule that decided it.

    Any doubt (uncertain, hypothetical, about the past or about a relative) makes it
    unknown; otherwise a negation makes it absent. Categories in `ignore` do not apply to
    this finding (a family history finding is about relatives by definition).
    """
    active = [(cat, cue) for cat, cue in mention.modifiers if cat not in ignore]
    for cat, cue in active:
        if cat is not Modifier.NEGATED:
            return Presence.UNKNOWN, f"{cat.value}:{cue}"
    for cat, cue in active:
        if cat is Modifier.NEGATED:
            return Presence.ABSENT, f"negated:{cue}"
    return Presence.PRESENT, f"synonym:{mention.synonym}"


@dataclass(frozen=True)
class Reading:
    """What a language module found in one text: mentions and sentence character ranges."""

    mentions: list[Mention]
    sentences: list[tuple[int, int]]

    def sentence_at(self, offset: int) -> int:
        for n, (start, end) in enumerate(self.sentences):
            if start <= offset < end:
                return n
        return max(len(self.sentences) - 1, 0)


@dataclass(frozen=True)
class Assertion:
    """A finding's resolved state with the words and the rule behind it."""

    finding: str
    state: Presence
    start: int
    end: int
    rule: str
