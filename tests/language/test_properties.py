"""Any string at all parses without raising, in either language, into consistent results."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bleedcheck.language.parse import parse
from bleedcheck.vocab import LANGS, Presence

WORDS = st.sampled_from(
    [
        "no", "not", "pain", "bleeding", "won't", "stop", "pregnant", "weeks", "I'm", "34",
        "нет", "не", "боли", "кровь", "останавливается", "беременна", "недель", "мне", "52",
        "задержка", ",", ".", "—", "-", "20", "каждые", "2", "часа", "my", "mother", "у", "мамы",
    ]
)  # fmt: skip


def _check(text: str) -> None:
    for lang in LANGS:
        result = parse(text, lang)
        assert result.lang == lang
        for f in result.findings:
            assert isinstance(f.state, Presence)
            assert 0 <= f.start <= f.end <= len(text)
            assert text[f.start : f.end] == f.span
            assert f.rule
        assert result.age is None or 1 <= result.age <= 110
        assert len({f.id for f in result.findings}) == len(result.findings)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_string_parses(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=25).map(" ".join))
def test_any_mix_of_parser_words_parses(text):
    _check(text)
