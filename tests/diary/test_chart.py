"""The diary chart: a valid PNG and an accessible SVG, in both languages."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from bleedcheck.diary import Diary, chart_png, chart_svg, read_diary
from tests.diary.helpers import BETWEEN_RU, EXAMPLE_TODAY, REGULAR

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("path", [REGULAR, BETWEEN_RU])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_png_is_a_png(path, lang):
    data = chart_png(read_diary(path, EXAMPLE_TODAY), lang, EXAMPLE_TODAY)
    assert data.startswith(PNG_MAGIC) and len(data) > 10_000


def test_svg_is_valid_and_has_a_title_and_description():
    svg = chart_svg(read_diary(BETWEEN_RU, EXAMPLE_TODAY), "en", EXAMPLE_TODAY)
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "Bleeding diary"
    desc = root.find(f"{SVG}desc").text
    assert "6 periods" in desc and "5 episodes of bleeding between periods" in desc
    assert "bleeding after sex" in svg and "very heavy" in svg  # the legend


def test_russian_svg_labels_are_russian():
    svg = chart_svg(read_diary(REGULAR, EXAMPLE_TODAY), "ru", EXAMPLE_TODAY)
    assert "Дневник кровотечений" in svg and "менструация" in svg


def test_svg_is_reproducible():
    diary = read_diary(REGULAR, EXAMPLE_TODAY)
    assert chart_svg(diary, today=EXAMPLE_TODAY) == chart_svg(diary, today=EXAMPLE_TODAY)


def test_a_one_day_diary_without_bleeding_still_draws():
    diary = Diary.model_validate({"entries": [{"date": "2026-01-01", "flow": "none"}]})
    assert chart_png(diary, today=dt.date(2026, 1, 2)).startswith(PNG_MAGIC)


def test_a_long_diary_draws(tmp_path):
    days = [
        dt.date(2020, 1, 1) + dt.timedelta(days=28 * n + i) for n in range(70) for i in range(4)
    ]
    diary = Diary.model_validate({"entries": [{"date": d, "flow": "medium"} for d in days]})
    svg = chart_svg(diary, today=EXAMPLE_TODAY)
    assert ET.fromstring(svg.encode("utf-8")).tag == f"{SVG}svg"
