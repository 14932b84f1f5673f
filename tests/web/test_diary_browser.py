"""The diary page in a real browser (Debian's Chromium via Playwright against uvicorn)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.web.conftest import MOBILE, new_context
from tests.web.driver import tab_to
from tests.web.test_browser import _axe_problems

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "diary"


def too_wide(page: Page) -> list[str]:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    return [f"{page.url}: {width} px wide"] if width > MOBILE["width"] else []


def chart_loaded(page: Page) -> bool:
    return bool(
        page.locator(".diary-chart img").evaluate("img => img.complete && img.naturalWidth > 0")
    )


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_upload_chart_and_assess_accessible_at_360_px(
    browser: Browser, base_url: str, artifacts: Path, lang: str
) -> None:
    context = new_context(browser, locale="ru-RU" if lang == "ru" else "en-GB")
    page = context.new_page()
    problems: list[str] = []
    try:
        page.goto(f"{base_url}/?lang={lang}")
        with page.expect_navigation():
            page.locator('a[href="/diary"]').first.click()
        problems += [f"/diary: {p}" for p in _axe_problems(page)] + too_wide(page)
        # a broken file: the message is shown by the field, and is accessible too
        page.set_input_files(
            "#upload-file",
            files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": b"date,flow\nx,y\n"}],
        )
        with page.expect_navigation() as navigation:
            page.locator(".file-form button").click()
        assert navigation.value is not None and navigation.value.status == 422
        assert page.locator("#upload-error").is_visible()
        problems += [f"upload error: {p}" for p in _axe_problems(page)] + too_wide(page)
        example = "between_periods_ru.json" if lang == "ru" else "regular_cycles.csv"
        page.set_input_files("#upload-file", str(EXAMPLES / example))
        with page.expect_navigation():
            page.locator(".file-form button").click()
        assert "/diary/" in page.url
        assert chart_loaded(page)
        assert page.locator(".figo-item").count() == 6
        assert page.locator(".diary-table tbody tr").count() >= 5
        problems += [f"diary: {p}" for p in _axe_problems(page)] + too_wide(page)
        page.reload()  # close the sections the check opened
        page.screenshot(path=str(artifacts / f"diary-{lang}.png"), full_page=True)
        with page.expect_navigation():
            page.locator('form[action$="/assess"] button').click()
        assert "/interview/" in page.url
        assert page.locator("form.question").count() == 1
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_days_by_keyboard_without_javascript(browser: Browser, base_url: str) -> None:
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "/diary")
        for n, flow in ((2, "medium"), (1, "heavy")):
            day = (dt.date.today() - dt.timedelta(days=n)).isoformat()
            date = page.locator("#day-date")
            tab_to(page, date)
            date.fill(day)
            flow_field = page.locator("#day-flow")
            tab_to(page, flow_field)  # past the date's day, month and year parts
            flow_field.select_option(flow)
            tab_to(page, page.locator(".day-form button"), limit=3)
            with page.expect_navigation():
                page.keyboard.press("Enter")
            assert "/diary/" in page.url
        assert page.locator(".diary-days summary").inner_text() == "Your days (2)"
        assert chart_loaded(page)
        assert page.locator(".diary-table tbody tr.period").count() == 1
        # a day in the future is refused with a message, and the diary keeps its days
        page.locator("#day-date").fill("2999-01-01")
        page.locator("#day-flow").select_option("light")
        with page.expect_navigation() as navigation:
            page.locator(".day-form button").click()
        assert navigation.value is not None and navigation.value.status == 422
        assert "real date" in page.locator("#day-error").inner_text()
        assert page.locator(".diary-days summary").inner_text() == "Your days (2)"
    finally:
        context.close()
