"""Cheap typo tolerance: map an unknown word to the nearest word the synonyms use.

Symmetric-deletion lookup (the SymSpell idea): every vocabulary word is indexed under the
strings left after deleting up to `max_edits` letters; a misspelt word shares one of them.
Only long words are corrected, so short common words never turn into symptoms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache


def _deletions(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance (Levenshtein plus adjacent transpositions)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


class Speller:
    """Corrects words of at least `min_length` letters to a known vocabulary word.

    One edit is allowed from `min_length` letters, two from `two_edit_length` letters; a tie
    between different candidates leaves the word alone (better no match than a wrong one),
    unless `same` maps them all to one key (two case forms of one word, for instance).
    """

    def __init__(
        self,
        vocabulary: Iterable[str],
        *,
        min_length: int = 6,
        two_edit_length: int = 9,
        protected: Iterable[str] = (),
        same: Callable[[str], str] | None = None,
        initials: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.same = same
        self.initials = frozenset(initials)  # first letters one may be typed for the other
        self.vocabulary = frozenset(w for w in vocabulary if w.isalpha())
        self.protected = frozenset(protected)
        self.min_length = min_length
        self.two_edit_length = two_edit_length
        self._index: dict[str, set[str]] = {}
        for word in self.vocabulary:
            if len(word) < self.min_length - 1:
                continue
            depth = 2 if len(word) >= self.two_edit_length - 1 else 1
            for key in _deletions(word, depth):
                self._index.setdefault(key, set()).add(word)
        self.correct = lru_cache(maxsize=8192)(self._correct)

    def _correct(self, word: str) -> str:
        if (
            len(word) < self.min_length
            or word in self.vocabulary
            or word in self.protected
            or not word.isalpha()
        ):
            return word
        max_edits = 2 if len(word) >= self.two_edit_length else 1
        candidates: set[str] = set()
        for key in _deletions(word, max_edits):
            candidates |= self._index.get(key, set())
        best: list[tuple[int, str]] = sorted(
            (d, c)
            for c in candidates
            if abs(len(c) - len(word)) <= max_edits
            and (c[0] == word[0] or (word[0], c[0]) in self.initials)
            and (d := edit_distance(word, c)) <= max_edits
        )
        if not best:
            return word
        tied = [c for d, c in best if d == best[0][0]]
        if len(tied) > 1 and (self.same is None or len({self.same(c) for c in tied}) > 1):
            return word
        return best[0][1]
