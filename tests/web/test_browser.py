"""The web UI in a real browser: Debian's Chromium driven by Playwright against uvicorn."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.web.conftest import MOBILE, new_context
from tests.web.driver import (
    EARLY_PREGNANCY_PAIN,
    OVULATION_SPOTTING,
    POSTMENOPAUSAL,
    Scenario,
    answer_with_mouse,
    begin,
    finish,
    is_focused,
    run_interview,
    tab_to,
)

BAD_IMPACTS = ("serious", "critical")
EMERGENCY_LEVELS = ("emergency", "emergency_ambulance")


def screenshot(page: Page, artifacts: Path, name: str) -> Path:
    path = artifacts / f"result-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def banner_level(page: Page) -> str:
    return page.locator(".banner").get_attribute("data-level") or ""


@pytest.mark.parametrize(
    ("scenario", "emergency"),
    [(EARLY_PREGNANCY_PAIN, True), (OVULATION_SPOTTING, False)],
    ids=lambda v: v.name if isinstance(v, Scenario) else str(v),
)
def test_interview_ends_on_the_expected_banner(
    page: Page, base_url: str, artifacts: Path, scenario: Scenario, emergency: bool
) -> None:
    urgent_notices: list[bool] = []
    run_interview(
        page,
        base_url,
        scenario,
        on_page=lambda p: urgent_notices.append(p.locator(".urgent-notice").count() > 0),
    )
    assert page.url.endswith("/result")
    # once the answers point to an emergency, every further question says so at the top
    assert any(urgent_notices) is emergency
    level = banner_level(page)
    assert (level in EMERGENCY_LEVELS) is emergency, level
    banner = page.locator(".banner")
    assert banner.locator("h1").inner_text().strip()
    if emergency:
        call = banner.locator("a.button.call")
        assert call.get_attribute("href") == "tel:112"
        assert page.locator(".cause-name").first.inner_text() == "Ectopic pregnancy"
    else:
        assert page.locator(".cause-name").first.inner_text().startswith("Ovulation")
        assert banner.locator("a.button.call").count() == 0
    # every cause has a likelihood word, a bar and a "why" that opens
    causes = page.locator(".cause")
    assert causes.count() >= 3
    first = causes.first
    assert first.locator(".likelihood").inner_text().strip()
    assert first.locator("meter.bar").count() == 1
    first.locator("summary").click()
    assert first.locator(".why-body").is_visible()
    assert page.locator("#tests-heading").is_visible()
    assert page.locator("#sooner-heading").is_visible()
    assert page.locator(".disclaimer").inner_text().strip()
    screenshot(page, artifacts, f"{scenario.name}-en")
    # the 300 ms rendering target is measured by benchmarks/pages.py, not asserted here


def test_the_description_prefills_answers_to_confirm(page: Page, base_url: str) -> None:
    described = replace(
        EARLY_PREGNANCY_PAIN,
        description="I am 29, my period is late, I have spotting and pain on the left side",
    )
    seen: dict[str, list[str]] = {}

    def record(current: Page) -> None:
        question = current.locator("input[name=question_id]")
        if question.count():
            checked = current.locator("input[name=answer]:checked")
            seen[question.get_attribute("value") or ""] = [
                checked.nth(i).get_attribute("value") or "" for i in range(checked.count())
            ]
            if current.locator(".choice .tag").count():
                assert current.locator(".notice").is_visible()

    begin(page, base_url, described)
    finish(page, described, on_page=record)
    # the screen is still shown, with what the text said already ticked
    assert "pain_one_sided" in seen["pain_acute"]
    assert {"pregnancy_possible", "period_late"} <= set(seen["pregnancy"])
    assert "age" not in seen  # the age came from the text
    assert banner_level(page) in EMERGENCY_LEVELS


def test_language_switch_changes_the_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Check your bleeding"
    with page.expect_navigation():
        page.get_by_role("button", name="Русский").click()
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == "Проверьте кровотечение"
    # the choice is kept while the interview goes on, and can be changed mid-way
    with page.expect_navigation():
        page.get_by_role("button", name="Начать").click()
    assert page.locator("legend h1").inner_text().startswith("Есть ли у вас сейчас")
    question_url = page.url
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    assert page.url == question_url
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("legend h1").inner_text().startswith("Right now, do you have")


def test_region_choice_changes_the_emergency_number(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.locator(".emergency-strip a.tel").first.inner_text() == "Call 112"
    page.select_option("#region", "RU")
    with page.expect_navigation():
        page.get_by_role("button", name="Save country").click()
    assert page.locator(".emergency-strip a.tel").first.get_attribute("href") == "tel:103"
    assert page.locator(".emergency-box a.button.call").inner_text() == "Call 103"
    assert "112" in page.locator(".emergency-box .call-or").inner_text()


def test_back_returns_to_the_previous_question(page: Page, base_url: str) -> None:
    begin(page, base_url, OVULATION_SPOTTING)
    assert page.locator(".actions .back").count() == 0  # nothing to go back to
    first_question = page.locator("legend h1").inner_text()
    answer_with_mouse(page, OVULATION_SPOTTING)
    assert page.locator("input[name=step]").get_attribute("value") == "2"
    with page.expect_navigation():
        page.locator(".actions .back").click()
    assert page.locator("input[name=step]").get_attribute("value") == "1"
    assert page.locator("legend h1").inner_text() == first_question
    # and from the result page, "change my last answer" reopens the last question
    finish(page, OVULATION_SPOTTING)
    with page.expect_navigation():
        page.get_by_role("button", name="Change my last answer").click()
    assert not page.url.endswith("/result")
    assert page.locator("form.question").count() == 1
    finish(page, OVULATION_SPOTTING)
    assert page.url.endswith("/result")


def test_none_of_these_clears_other_ticks(page: Page, base_url: str) -> None:
    begin(page, base_url, OVULATION_SPOTTING)
    option = page.locator("input[name=answer]").first
    option.check()
    page.locator('input[name=answer][value="none"]').check()
    assert not option.is_checked()
    option.check()
    assert not page.locator('input[name=answer][value="none"]').is_checked()


def test_interview_by_keyboard_only(page: Page, base_url: str, artifacts: Path) -> None:
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert is_focused(skip)
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0  # the skip link shows itself when focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    answered = run_interview(page, base_url, OVULATION_SPOTTING, keyboard=True)
    assert len(answered) >= 5
    assert page.url.endswith("/result")
    assert banner_level(page) not in EMERGENCY_LEVELS
    # focus is visible: the "why" of the first cause, reached by Tab, gets an outline ...
    why = page.locator(".cause summary").first
    tab_to(page, why)
    outline = why.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline not in ("", "none")
    # ... and opens with the keyboard
    page.keyboard.press("Enter")
    assert page.locator(".cause .why-body").first.is_visible()
    screenshot(page, artifacts, "ovulation-spotting-keyboard")


def test_interview_with_javascript_disabled(
    browser: Browser, base_url: str, artifacts: Path
) -> None:
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    try:
        begin(page, base_url, POSTMENOPAUSAL)
        # a contradictory checklist is answered with a friendly message, not an error page
        page.locator("input[name=answer]").first.check()
        page.locator('input[name=answer][value="none"]').check()
        with page.expect_navigation() as navigation:
            page.locator(".actions button.primary").click()
        response = navigation.value
        assert response is not None and response.status == 422
        assert page.locator(".error-summary").is_visible()
        assert page.locator("input[name=step]").get_attribute("value") == "1"
        page.locator("input[name=answer]").first.uncheck()
        finish(page, POSTMENOPAUSAL)
        assert page.url.endswith("/result")
        assert banner_level(page) not in EMERGENCY_LEVELS
        assert page.locator(".js-print").is_hidden()  # the print button needs JavaScript
        screenshot(page, artifacts, "postmenopausal-no-javascript")
    finally:
        context.close()


def test_print_stylesheet_hides_controls(page: Page, base_url: str) -> None:
    run_interview(page, base_url, EARLY_PREGNANCY_PAIN)
    page.emulate_media(media="print")
    assert page.locator(".result-actions").is_hidden()
    assert page.locator(".lang-switch").is_hidden()
    assert page.locator(".site-footer form").is_hidden()
    assert page.locator(".banner").is_visible()


def test_unknown_pages_are_friendly(page: Page, base_url: str) -> None:
    for path in ("/no-such-page", "/interview/0123456789abcdef", "/interview/x/result"):
        response = page.goto(base_url + path)
        assert response is not None and response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        assert "Traceback" not in page.content()


def _axe_problems(page: Page) -> list[str]:
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes'][0]['target']}"
        for v in results.response["violations"]
        if v["impact"] in BAD_IMPACTS
    ]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_serious_accessibility_violations(
    browser: Browser, base_url: str, artifacts: Path, lang: str
) -> None:
    context = new_context(browser, locale="ru-RU" if lang == "ru" else "en-GB")
    page = context.new_page()
    problems: list[str] = []
    seen: set[str] = set()

    def check(current: Page) -> None:
        question = current.locator("input[name=question_id]")
        key = question.get_attribute("value") if question.count() else current.url
        key = re.sub(r"/interview/[^/]+", "/interview/ID", key or "")
        if key in seen:
            return
        seen.add(key)
        problems.extend(f"{key}: {p}" for p in _axe_problems(current))
        width = current.evaluate("() => document.documentElement.scrollWidth")
        if width > MOBILE["width"]:
            problems.append(f"{key}: the page is {width} px wide at {MOBILE['width']} px")

    try:
        page.goto(f"{base_url}/?lang={lang}")
        assert page.locator("html").get_attribute("lang") == lang
        check(page)
        for scenario in (EARLY_PREGNANCY_PAIN, OVULATION_SPOTTING):
            run_interview(page, base_url, scenario, on_page=check)
            assert page.locator("html").get_attribute("lang") == lang
            page.reload()  # close the "why" sections the check opened
            screenshot(page, artifacts, f"{scenario.name}-{lang}")
        # a form sent without an answer, an out-of-date form, and a missing page
        begin(page, base_url, OVULATION_SPOTTING)
        with page.expect_navigation():
            page.locator(".actions button.primary").click()
        assert page.locator(".error-summary").is_visible()
        problems.extend(f"form error: {p}" for p in _axe_problems(page))
        answer_with_mouse(page, OVULATION_SPOTTING)
        page.evaluate("() => { document.querySelector('input[name=step]').value = '1'; }")
        with page.expect_navigation() as navigation:
            page.locator(".actions button.primary").click()
        assert navigation.value is not None and navigation.value.status == 409
        problems.extend(f"stale form: {p}" for p in _axe_problems(page))
        page.goto(base_url + "/no-such-page")
        problems.extend(f"404: {p}" for p in _axe_problems(page))
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    assert {"alarm", "pregnancy", "gestation", "age"} <= seen
