"""Language detection: Cyrillic against Latin letters."""

from __future__ import annotations

import pytest

from bleedcheck.language.parse import detect_language, parse


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I'm bleeding after sex", "en"),
        ("Мне 52, климакс три года, а сегодня кровь", "ru"),
        ("Пью OK Jess, мажет третий день", "ru"),
        ("Took Постинор yesterday and now I'm spotting", "en"),
    ],
)
def test_detects_the_language_with_more_letters(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "   ", "12345 !?", "🙂"])
def test_no_letters_no_language(text):
    assert detect_language(text) is None


def test_parse_reports_the_detected_language_but_reads_the_requested_one():
    result = parse("кровь не останавливается", "en")
    assert result.lang == "en"
    assert result.detected_lang == "ru"
