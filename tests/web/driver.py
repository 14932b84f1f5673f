"""Drive an interview in the browser the way a woman would, from a scenario of facts.

A scenario says which findings are present (everything else is answered "no"/"none of
these") and her age. The driver reads the question on the page, picks the answer that
matches the facts, and submits, either with the mouse or with the keyboard only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from playwright.sync_api import Locator, Page

MAX_PAGES = 40


@dataclass(frozen=True)
class Scenario:
    name: str
    age: int | None
    present: frozenset[str]
    emergency: bool
    description: str = ""
    unknown: frozenset[str] = field(default_factory=frozenset)


EARLY_PREGNANCY_PAIN = Scenario(
    name="early-pregnancy-pain",
    age=29,
    present=frozenset(
        {
            "pregnancy_possible",
            "pregnancy_confirmed",
            "period_late",
            "gestation_6_13w",
            "pain_severe_abdominal",
            "pain_one_sided",
            "dark_scanty_bleeding",
        }
    ),
    emergency=True,
)

OVULATION_SPOTTING = Scenario(
    name="ovulation-spotting",
    age=27,
    present=frozenset(
        {
            "midcycle_spotting",
            "spotting_light",
            "bleeding_recurs_each_cycle",
            "midcycle_pain",
            "discharge_stretchy_midcycle",
            "pregnancy_test_negative",
        }
    ),
    emergency=False,
)

POSTMENOPAUSAL = Scenario(
    name="postmenopausal",
    age=58,
    present=frozenset({"postmenopausal", "spotting_light", "obesity", "diabetes"}),
    emergency=False,
)


@dataclass(frozen=True)
class Wanted:
    """What to do on one question page."""

    kind: str
    question_id: str
    values: frozenset[str]  # radio/checkbox values to be checked (all others unchecked)
    age: str = ""


def wanted(page: Page, scenario: Scenario) -> Wanted:
    form = page.locator("form.question")
    kind = form.get_attribute("data-kind") or ""
    question_id = page.locator("input[name=question_id]").get_attribute("value") or ""
    if kind == "number":
        if scenario.age is None:
            return Wanted(kind, question_id, frozenset({"unknown"}))
        return Wanted(kind, question_id, frozenset(), str(scenario.age))
    if kind == "yes_no":
        if question_id in scenario.unknown:
            return Wanted(kind, question_id, frozenset({"unknown"}))
        return Wanted(
            kind, question_id, frozenset({"yes" if question_id in scenario.present else "no"})
        )
    options = [v for v in _values(page) if v not in ("none", "unknown")]
    chosen = frozenset(v for v in options if v in scenario.present)
    if kind == "choice":
        return Wanted(kind, question_id, chosen or frozenset({"unknown"}))
    return Wanted(kind, question_id, chosen or frozenset({"none"}))


def _values(page: Page) -> list[str]:
    inputs = page.locator("input[name=answer]")
    return [inputs.nth(i).get_attribute("value") or "" for i in range(inputs.count())]


def _answer_input(page: Page, value: str) -> Locator:
    return page.locator(f'input[name=answer][value="{value}"]')


def answer_with_mouse(page: Page, scenario: Scenario) -> Wanted:
    want = wanted(page, scenario)
    if want.kind == "number":
        page.fill("#answer-first", want.age)
        button = ".actions button.primary" if want.age else 'button[name=answer][value="unknown"]'
        with page.expect_navigation():
            page.locator(button).click()
        return want
    for value in _values(page):
        box = _answer_input(page, value)
        if value in want.values:
            box.check()
        elif want.kind == "checklist" and box.is_checked():
            box.uncheck()
    with page.expect_navigation():
        page.locator(".actions button.primary").click()
    return want


def is_focused(locator: Locator) -> bool:
    return bool(locator.evaluate("el => el === document.activeElement"))


def tab_to(page: Page, locator: Locator, limit: int = 80) -> None:
    """Press Tab until `locator` has the focus (fails if it never does)."""
    for _ in range(limit):
        if is_focused(locator):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def answer_with_keyboard(page: Page, scenario: Scenario) -> Wanted:
    want = wanted(page, scenario)
    if want.kind == "number":
        field_ = page.locator("#answer-first")
        if want.age:
            tab_to(page, field_)
            page.keyboard.type(want.age)
        else:
            tab_to(page, page.locator('button[name=answer][value="unknown"]'))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        return want
    if want.kind == "checklist":
        for value in _values(page):
            box = _answer_input(page, value)
            if box.is_checked() != (value in want.values):
                tab_to(page, box)
                page.keyboard.press("Space")
    else:
        # Tab enters a radio group at its checked radio (or the first); arrows move and select
        (target,) = want.values
        checked = page.locator("input[name=answer]:checked")
        entry = checked if checked.count() else page.locator("input[name=answer]").first
        tab_to(page, entry)
        for _ in range(len(_values(page))):
            if page.locator("input[name=answer]:focus").get_attribute("value") == target:
                break
            page.keyboard.press("ArrowDown")
        if not _answer_input(page, target).is_checked():
            page.keyboard.press("Space")
    tab_to(page, page.locator(".actions button.primary"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    return want


def begin(page: Page, base_url: str, scenario: Scenario, keyboard: bool = False) -> None:
    """Open the start page, type the description (if any) and press Start."""
    page.goto(base_url + "/")
    if scenario.description:
        page.fill("#describe", scenario.description)
    start = page.locator("form[action='/interview'] button[type=submit]")
    with page.expect_navigation():
        if keyboard:
            tab_to(page, start)
            page.keyboard.press("Enter")
        else:
            start.click()


def finish(
    page: Page,
    scenario: Scenario,
    keyboard: bool = False,
    on_page: Callable[[Page], None] | None = None,
) -> list[Wanted]:
    """Answer question pages until the result page; returns what was answered."""
    answered: list[Wanted] = []
    answer = answer_with_keyboard if keyboard else answer_with_mouse
    for _ in range(MAX_PAGES):
        if on_page is not None:
            on_page(page)
        if page.url.endswith("/result"):
            return answered
        answered.append(answer(page, scenario))
        assert page.locator(".error-summary").count() == 0, page.content()
    raise AssertionError(f"{scenario.name}: no result after {MAX_PAGES} pages")


def run_interview(
    page: Page,
    base_url: str,
    scenario: Scenario,
    keyboard: bool = False,
    on_page: Callable[[Page], None] | None = None,
) -> list[Wanted]:
    """From the start page to the result page."""
    begin(page, base_url, scenario, keyboard)
    return finish(page, scenario, keyboard, on_page)
