"""The web pages over plain HTTP (no browser): cookies, idempotent forms, errors."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from bleedcheck.web.strings import STRINGS, missing_translations


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, headers={"Accept": "text/html"}, timeout=30) as c:
        yield c


def field(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"no field {name}"
    return found.group(1)


def kind(html: str) -> str:
    found = re.search(r'data-kind="([a-z_]+)"', html)
    assert found
    return found.group(1)


def start(client: httpx.Client, text: str = "") -> str:
    response = client.post("/interview", data={"text": text})
    assert response.status_code == 303
    location = response.headers["location"]
    assert re.fullmatch(r"/interview/[A-Za-z0-9_-]+", location)
    return location


def plain_answer(html: str) -> dict[str, str]:
    """Everything absent: 'none' / 'no' / 'don't know'; age 30."""
    step, question = field(html, "step"), field(html, "question_id")
    answers = {"checklist": "none", "yes_no": "no", "choice": "unknown"}
    data = {"step": step, "question_id": question}
    if kind(html) == "number":
        data["age"] = "30"
    else:
        data["answer"] = answers[kind(html)]
    return data


def complete(client: httpx.Client, location: str) -> str:
    """Answer until the result page; returns its path."""
    for _ in range(40):
        page = client.get(location)
        if page.status_code == 303:
            assert page.headers["location"] == location + "/result"
            return location + "/result"
        assert page.status_code == 200, page.text
        response = client.post(location + "/answer", data=plain_answer(page.text))
        assert response.status_code == 303, response.text
    raise AssertionError("no result after 40 answers")


def test_every_page_string_has_both_languages() -> None:
    assert missing_translations() == []
    assert len(STRINGS) > 50


def test_start_page_follows_the_browser_language(client: httpx.Client) -> None:
    english = client.get("/")
    assert english.status_code == 200
    assert '<html lang="en">' in english.text
    russian = client.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"})
    assert '<html lang="ru">' in russian.text
    assert "Это экстренный случай?" in russian.text


def test_token_travels_only_in_an_httponly_samesite_cookie(client: httpx.Client) -> None:
    response = client.post("/interview", data={"text": ""})
    cookie = response.headers["set-cookie"]
    token = client.cookies["bleedcheck_token"]
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    assert token not in response.headers["location"]
    page = client.get(response.headers["location"])
    assert token not in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["referrer-policy"] == "no-referrer"


def test_another_browser_cannot_open_the_interview(client: httpx.Client, base_url: str) -> None:
    location = start(client)
    with httpx.Client(base_url=base_url, headers={"Accept": "text/html"}) as stranger:
        page = stranger.get(location)
        assert page.status_code == 404
        assert "Page not found" in page.text
        stranger.cookies.set("bleedcheck_token", "guessed")
        assert stranger.get(location).status_code == 404
        answer = stranger.post(location + "/answer", data={"step": "1", "question_id": "alarm"})
        assert answer.status_code == 404


def test_the_same_form_posted_twice_is_harmless(client: httpx.Client) -> None:
    location = start(client)
    html = client.get(location).text
    data = plain_answer(html)
    first = client.post(location + "/answer", data=data)
    second = client.post(location + "/answer", data=data)
    assert first.status_code == second.status_code == 303
    assert field(client.get(location).text, "step") == "2"


def test_an_out_of_date_form_gets_a_friendly_message(client: httpx.Client) -> None:
    location = start(client)
    step1 = plain_answer(client.get(location).text)
    client.post(location + "/answer", data=step1)
    client.post(location + "/answer", data=plain_answer(client.get(location).text))
    # the first page again, with a different answer
    stale = client.post(location + "/answer", data={**step1, "answer": "unknown"})
    assert stale.status_code == 409
    assert "This page was out of date" in stale.text
    assert f'href="{location}"' in stale.text
    assert field(client.get(location).text, "step") == "3"


def test_bad_answers_show_the_question_again(client: httpx.Client) -> None:
    location = start(client)
    html = client.get(location).text
    base = {"step": field(html, "step"), "question_id": field(html, "question_id")}
    missing = client.post(location + "/answer", data=base)
    assert missing.status_code == 422
    assert "Please choose an answer" in missing.text
    assert 'class="error-summary"' in missing.text
    invented = client.post(location + "/answer", data={**base, "answer": "no_such_option"})
    assert invented.status_code == 422
    conflict = client.post(
        location + "/answer", data={**base, "answer": ["none", "fainting_or_collapse"]}
    )
    assert conflict.status_code == 422
    assert "None of these" in conflict.text
    # the ticks she made are kept on the page shown again
    assert re.search(r'value="fainting_or_collapse" checked', conflict.text)
    garbled = client.post(location + "/answer", data={"step": "x", "question_id": "alarm"})
    assert garbled.status_code == 400
    assert "Traceback" not in garbled.text
    assert field(client.get(location).text, "step") == "1"


def test_bad_age_is_explained(client: httpx.Client) -> None:
    location = start(client)
    for _ in range(20):
        html = client.get(location).text
        if kind(html) == "number":
            break
        client.post(location + "/answer", data=plain_answer(html))
    else:
        pytest.fail("the age question was never asked")
    base = {"step": field(html, "step"), "question_id": field(html, "question_id")}
    for bad in ("", "abc", "-3", "400", "nan"):
        response = client.post(location + "/answer", data={**base, "age": bad})
        assert response.status_code == 422, bad
        assert "Please enter your age" in response.text
    assert client.post(location + "/answer", data={**base, "answer": "unknown"}).status_code == 303


def test_back_posted_twice_goes_back_once(client: httpx.Client) -> None:
    location = start(client)
    for _ in range(2):
        client.post(location + "/answer", data=plain_answer(client.get(location).text))
    html = client.get(location).text
    assert field(html, "step") == "3"
    for _ in range(2):
        assert client.post(location + "/back", data={"step": "3"}).status_code == 303
    assert field(client.get(location).text, "step") == "2"


def test_result_page_is_stable_on_reload(client: httpx.Client) -> None:
    """Reloading the result reads the stored interview; nothing changes between loads.

    (How fast it renders is measured by benchmarks/pages.py.)"""
    result = complete(client, start(client))
    pages = [client.get(result) for _ in range(3)]
    assert all(p.status_code == 200 for p in pages)
    assert 'class="banner level-' in pages[0].text
    assert len({p.text for p in pages}) == 1


def test_result_before_the_end_goes_back_to_the_question(client: httpx.Client) -> None:
    location = start(client)
    response = client.get(location + "/result")
    assert response.status_code == 303
    assert response.headers["location"] == location


def test_unknown_paths_are_friendly_for_browsers_and_json_for_the_api(
    client: httpx.Client,
) -> None:
    page = client.get("/no/such/page")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Page not found" in page.text
    api = client.get("/v1/no-such-thing", headers={"Accept": "application/json"})
    assert api.status_code == 404
    assert api.headers["content-type"].startswith("application/problem+json")
    wrong_method = client.get("/preferences")
    assert wrong_method.status_code == 405
    assert wrong_method.headers["content-type"].startswith("text/html")


def test_preferences_never_redirect_off_site(client: httpx.Client) -> None:
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = client.post("/preferences", data={"lang": "ru", "next": target})
        assert response.status_code == 303
        assert response.headers["location"] == "/"
    kept = client.post("/preferences", data={"region": "gb", "next": "/"})
    assert "bleedcheck_region=GB" in kept.headers["set-cookie"]
    assert 'href="tel:999"' in client.get("/").text
    ignored = client.post("/preferences", data={"region": "XX", "lang": "de", "next": "/"})
    assert "set-cookie" not in ignored.headers


def test_a_long_description_is_refused_kindly(client: httpx.Client) -> None:
    response = client.post("/interview", data={"text": "a" * 2001})
    assert response.status_code == 422
    assert "under 2000 characters" in response.text
    assert "<textarea" in response.text


def test_static_files_are_served(client: httpx.Client) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert "@media print" in css.text
    assert client.get("/static/enhance.js").status_code == 200


def test_the_description_prefills_answers(client: httpx.Client) -> None:
    pytest.importorskip("bleedcheck.language.parse")
    location = start(client, "I am passing large clots, the bleeding goes on without a break")
    html = client.get(location).text
    assert "from your description" in html
    assert re.search(r'value="large_clots" checked', html)


def test_the_result_page_offers_the_clinician_report(client: httpx.Client) -> None:
    """The link works with the browser's own cookie: no token in the page or the URL."""
    result = complete(client, start(client, "bleeding after sex, no pain"))
    html = client.get(result).text
    link = re.search(r'href="(/v1/interviews/[A-Za-z0-9_-]+/report\.pdf)" download', html)
    assert link, "no report link on the result page"
    pdf = client.get(link.group(1))
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    stranger = httpx.get(str(client.base_url.join(link.group(1))), timeout=30)
    assert stranger.status_code == 404
