"""The diary pages over plain HTTP (no browser): upload, days, errors, cookie, assessment."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "diary"
REGULAR_CSV = (EXAMPLES / "regular_cycles.csv").read_bytes()
BETWEEN_RU = (EXAMPLES / "between_periods_ru.json").read_bytes()
DIARY = re.compile(r"/diary/[0-9a-f-]{36}")


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, headers={"Accept": "text/html"}, timeout=30) as c:
        yield c


def upload(
    client: httpx.Client, data: bytes, name: str = "diary.csv", to: str = "/diary"
) -> httpx.Response:
    return client.post(to, data={"form": "upload"}, files={"diary_file": (name, data, "text/csv")})


def created(client: httpx.Client, data: bytes = REGULAR_CSV, name: str = "diary.csv") -> str:
    response = upload(client, data, name)
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert DIARY.fullmatch(location)
    return location


def days_ago(n: int) -> str:
    return (dt.date.today() - dt.timedelta(days=n)).isoformat()


def test_start_and_result_pages_link_to_the_diary(client: httpx.Client) -> None:
    assert 'href="/diary"' in client.get("/").text
    page = client.get("/diary")
    assert page.status_code == 200 and "<h1>Bleeding diary</h1>" in page.text
    assert 'enctype="multipart/form-data"' in page.text and 'name="date"' in page.text
    russian = client.get("/diary", headers={"Accept-Language": "ru"})
    assert "<h1>Дневник кровотечений</h1>" in russian.text


def test_an_uploaded_csv_shows_chart_figo_and_periods(client: httpx.Client) -> None:
    response = upload(client, REGULAR_CSV)
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower() and "Max-Age" in cookie
    location = response.headers["location"]
    token = client.cookies["bleedcheck_diary"].split(".", 1)[1]
    page = client.get(location)
    assert page.status_code == 200 and token not in page.text
    assert page.headers["cache-control"] == "no-store"
    body = page.text
    diary_id = location.rsplit("/", 1)[1]
    assert f'src="/v1/diaries/{diary_id}/chart.svg?lang=en' in body
    assert 'alt="Bleeding diary from 2026-01-05' in body
    for words in (
        "Compared with normal periods",
        "Frequency",
        "How often periods come",
        "Periods and other bleeding",
        "Assess with my diary",
    ):
        assert words in body, words
    chart = client.get(f"/v1/diaries/{diary_id}/chart.svg")
    assert chart.status_code == 200 and chart.headers["content-type"].startswith("image/svg")
    # and the landing page now offers her diary
    assert f'href="{location}"' in client.get("/diary").text


def test_a_russian_json_diary_in_russian(client: httpx.Client) -> None:
    location = created(client, BETWEEN_RU, "дневник.json")
    page = client.get(location, headers={"Accept-Language": "ru"}).text
    assert "Сравнение с нормой" in page and "между месячными" in page


def test_days_are_added_changed_and_removed(client: httpx.Client) -> None:
    start = client.post("/diary", data={"form": "day", "date": days_ago(3), "flow": "medium"})
    assert start.status_code == 303
    location = start.headers["location"]
    for n, flow in ((2, "heavy"), (1, "light")):
        added = client.post(
            location + "/days", data={"form": "day", "date": days_ago(n), "flow": flow}
        )
        assert added.status_code == 303 and added.headers["location"] == location
    page = client.get(location).text
    assert "Your days (3)" in page and "Periods and other bleeding" in page
    client.post(
        location + "/days",
        data={"form": "day", "date": days_ago(1), "flow": "spotting", "after_sex": "yes"},
    )
    page = client.get(location).text
    assert "Your days (3)" in page and "spotting · after sex" in page
    removed = client.post(location + "/days/remove", data={"date": days_ago(1)})
    assert removed.status_code == 303
    assert "Your days (2)" in client.get(location).text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"date": "2026-02-30", "flow": "light"}, "Please enter a real date"),
        ({"date": "2999-01-01", "flow": "light"}, "Please enter a real date"),
        ({"date": "2026-02-01", "flow": ""}, "Please choose how much bleeding"),
        ({"date": "2026-02-01", "flow": "gallons"}, "Please choose how much bleeding"),
    ],
)
def test_a_bad_day_is_explained_and_kept_in_the_form(
    client: httpx.Client, fields: dict[str, str], message: str
) -> None:
    location = created(client)
    response = client.post(location + "/days", data={"form": "day", **fields})
    assert response.status_code == 422
    assert message in response.text and 'aria-invalid="true"' in response.text
    assert f'value="{fields["date"]}"' in response.text
    assert "Your days (36)" in client.get(location).text  # nothing changed


def test_a_broken_file_is_explained_and_nothing_is_stored(client: httpx.Client) -> None:
    before = client.cookies.get("bleedcheck_diary")
    response = upload(client, b"date,flow\n2026-01-05,lots\n")
    assert response.status_code == 422
    assert (
        "The diary could not be read: diary.csv: line 2, flow: 'lots' is not a flow"
        in html.unescape(response.text)
    )
    assert client.cookies.get("bleedcheck_diary") == before is None
    empty = client.post("/diary", data={"form": "upload"}, files={"diary_file": ("", b"")})
    assert empty.status_code == 422 and "Please choose a CSV or JSON file" in empty.text


def test_replacing_with_a_broken_file_keeps_the_diary(client: httpx.Client) -> None:
    location = created(client)
    response = upload(client, b"date;flow\n01.13.2026;light\n", to=location + "/import")
    assert response.status_code == 422 and "not a real date" in response.text
    assert "Your days (36)" in client.get(location).text
    replaced = upload(client, BETWEEN_RU, "between.json", to=location + "/import")
    assert replaced.status_code == 303
    assert "Your days (36)" not in client.get(location).text


def test_another_browser_cannot_open_or_change_the_diary(
    client: httpx.Client, base_url: str
) -> None:
    location = created(client)
    diary_id = location.rsplit("/", 1)[1]
    with httpx.Client(base_url=base_url, headers={"Accept": "text/html"}) as stranger:
        assert stranger.get(location).status_code == 404
        stranger.cookies.set("bleedcheck_diary", f"{diary_id}.guessed")
        assert stranger.get(location).status_code == 404
        day = {"form": "day", "date": "2026-02-01", "flow": "light"}
        assert stranger.post(location + "/days", data=day).status_code == 404
        assert stranger.post(location + "/assess").status_code == 404
        assert stranger.get(f"/v1/diaries/{diary_id}/chart.svg").status_code == 404


def test_assess_starts_an_interview_prefilled_from_the_diary(client: httpx.Client) -> None:
    location = created(client, BETWEEN_RU, "between.json")
    response = client.post(location + "/assess")
    assert response.status_code == 303
    interview = response.headers["location"]
    assert re.fullmatch(r"/interview/[A-Za-z0-9_-]+", interview)
    token = client.cookies["bleedcheck_token"]
    data = httpx.get(
        f"{client.base_url}/v1{interview.replace('/interview/', '/interviews/')}",
        headers={"Authorization": f"Bearer {token}"},
    ).json()
    assert data["prefilled"]["bleeding_between_periods"] == "present"
    assert client.get(interview).status_code == 200
