"""Stored diaries over the API: import, read, change a day, chart, assessment, interviews."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from starlette.testclient import TestClient

from bleedcheck.store.tables import diaries
from tests.api.test_cases import assert_problem
from tests.api.test_interviews import bearer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "diary"
REGULAR_CSV = (EXAMPLES / "regular_cycles.csv").read_text("utf-8")
BETWEEN_RU = (EXAMPLES / "between_periods_ru.json").read_text("utf-8")


def ago(days: int) -> str:
    return (dt.date.today() - dt.timedelta(days=days)).isoformat()


def cycles(*starts: int, after_sex: tuple[int, ...] = ()) -> list[dict[str, Any]]:
    """Five-day medium periods starting so many days ago, plus spotting after sex."""
    entries = [{"date": ago(start - n), "flow": "medium"} for start in starts for n in range(5)]
    entries += [{"date": ago(n), "flow": "spotting", "after_sex": True} for n in after_sex]
    return entries


def create(client: TestClient, **body: Any) -> tuple[str, str, dict[str, Any]]:
    response = client.post("/v1/diaries", json=body)
    assert response.status_code == 201, response.text
    data = response.json()
    assert response.headers["location"] == f"/v1/diaries/{data['id']}"
    assert response.headers["cache-control"] == "no-store"
    return data["id"], data["token"], data


def stored_diaries(client: TestClient) -> int:
    engine = client.app.state.diaries.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        count: int = conn.execute(select(func.count()).select_from(diaries)).scalar_one()
    return count


def test_create_from_entries_returns_token_analysis_and_findings(client: TestClient) -> None:
    entries = cycles(90, 62, 34, 6)
    did, token, data = create(client, entries=entries, lang="en")
    assert len(token) >= 40 and data["version"] == 1 and data["lang"] == "en"
    assert len(data["entries"]) == 20
    analysis = data["analysis"]
    assert [c["length"] for c in analysis["cycles"]] == [28, 28, 28]
    frequency = next(c for c in analysis["classifications"] if c["parameter"] == "frequency")
    assert frequency["status"] == "normal" and frequency["explanation"]["ru"]
    assert {"id": "frequent_periods", "state": "absent"}.items() <= next(
        f for f in data["findings"] if f["id"] == "frequent_periods"
    ).items()
    assert data["chart"] == f"/v1/diaries/{did}/chart.svg"


def test_create_from_csv_and_russian_json_file_text(client: TestClient) -> None:
    _, _, csv = create(client, file=REGULAR_CSV, format="csv")
    assert csv["analysis"]["episodes"][0]["kind"] == "period"
    _, _, ru = create(client, file=BETWEEN_RU, lang="ru")
    assert ru["lang"] == "ru"
    assert any(f["id"] == "bleeding_between_periods" for f in ru["findings"])


def test_an_empty_diary_has_no_analysis_yet(client: TestClient) -> None:
    did, token, data = create(client, entries=[])
    assert data["entries"] == [] and data["analysis"] is None and data["findings"] == []
    assert_problem(client.get(f"/v1/diaries/{did}/chart.svg", headers=bearer(token)), 422)


def test_get_needs_the_token_and_a_wrong_one_is_the_same_404(client: TestClient) -> None:
    did, token, data = create(client, entries=cycles(20))
    response = client.get(f"/v1/diaries/{did}", headers=bearer(token))
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    assert response.json()["entries"] == data["entries"]
    unknown = assert_problem(client.get("/v1/diaries/no-such", headers=bearer(token)), 404)
    for headers in ({}, bearer("wrong"), bearer(token + "x")):
        wrong = assert_problem(client.get(f"/v1/diaries/{did}", headers=headers), 404)
        assert wrong["detail"] == unknown["detail"] == "diary not found"
    for path in ("/chart.svg", "/days/2026-01-05"):
        assert_problem(
            client.get(f"/v1/diaries/{did}{path}", headers=bearer("x")),
            404 if "chart" in path else 405,
        )
    assert_problem(
        client.put(
            f"/v1/diaries/{did}/days/2026-01-20", json={"flow": "light"}, headers=bearer("x")
        ),
        404,
    )


def test_age_changes_the_regularity_limit(client: TestClient) -> None:
    did, token, _ = create(client, entries=cycles(100, 76, 43, 18))

    def limit(age: str) -> int:
        url = f"/v1/diaries/{did}" + (f"?age={age}" if age else "")
        data = client.get(url, headers=bearer(token)).json()
        regularity = next(
            c for c in data["analysis"]["classifications"] if c["parameter"] == "regularity"
        )
        value: int = regularity["numbers"]["limit_days"]
        return value

    assert (limit(""), limit("30")) == (9, 7)


def test_put_and_delete_one_day(client: TestClient) -> None:
    did, token, _ = create(client, entries=cycles(20))
    day = ago(10)
    url = f"/v1/diaries/{did}/days/{day}"
    added = client.put(url, json={"flow": "spotting", "after_sex": True}, headers=bearer(token))
    assert added.status_code == 200, added.text
    body = added.json()
    assert body["version"] == 2
    assert {"date": day, "flow": "spotting", "after_sex": True}.items() <= body["entries"][
        -1
    ].items()
    assert any(f["id"] == "bleeding_after_sex" for f in body["findings"])
    changed = client.put(url, json={"flow": "скудные", "pain": 3}, headers=bearer(token)).json()
    assert changed["entries"][-1]["flow"] == "light" and changed["entries"][-1]["pain"] == 3
    assert len(changed["entries"]) == 6
    cleared = client.delete(url, headers=bearer(token))
    assert cleared.status_code == 200 and len(cleared.json()["entries"]) == 5
    again = client.delete(url, headers=bearer(token)).json()
    assert again["version"] == cleared.json()["version"]


@pytest.mark.parametrize(
    ("day", "body", "pointer", "words"),
    [
        ("2026-01-20", {"flow": "hevy"}, "/flow", "did you mean 'heavy'"),
        ("2026-02-30", {"flow": "light"}, "path.day", "not a real date"),
        ("yesterday", {"flow": "light"}, "path.day", "not a date"),
        ("2999-01-01", {"flow": "light"}, "path.day", "in the future"),
        ("2026-01-20", {"flow": "light", "pain": 11}, "/pain", "less than or equal to 10"),
        ("2026-01-20", {"flow": "light", "colour": "red"}, "/colour", "Extra inputs"),
    ],
)
def test_a_bad_day_is_422_naming_the_field_and_changes_nothing(
    client: TestClient, day: str, body: dict[str, Any], pointer: str, words: str
) -> None:
    did, token, _ = create(client, entries=cycles(20))
    problem = assert_problem(
        client.put(f"/v1/diaries/{did}/days/{day}", json=body, headers=bearer(token)), 422
    )
    assert problem["errors"][0]["pointer"] == pointer
    assert words in problem["detail"]
    assert client.get(f"/v1/diaries/{did}", headers=bearer(token)).json()["version"] == 1


@pytest.mark.parametrize(
    ("body", "pointer", "words"),
    [
        (
            {
                "entries": [
                    {"date": "2026-01-05", "flow": "medium"},
                    {"date": "2026-01-06", "flow": "hevy"},
                ]
            },
            "/entries/1/flow",
            "entries: entry 2, flow: 'hevy' is not a flow; did you mean 'heavy'",
        ),
        (
            {
                "entries": [
                    {"date": "2026-01-05", "flow": "light"},
                    {"date": "05.01.2026", "flow": "light"},
                ]
            },
            "/entries/1",
            "already in the diary",
        ),
        (
            {"entries": [{"date": "2026-01-05", "flow": "light", "pads": "many"}]},
            "/entries/0/pads",
            "valid integer",
        ),
        (
            {"file": "date,flow\n2026-01-05,medium\n2026-01-06,lots\n"},
            "/file",
            "file: line 3, flow",
        ),
        ({"file": "date;flw\n"}, "/file", "unknown column 'flw'"),
        ({"file": '[{"date": "2026-01-05"}]'}, "/file", "'flow' is missing"),
        ({}, "", "either 'entries' or 'file'"),
        ({"entries": [], "file": "date,flow\n"}, "", "either 'entries' or 'file'"),
    ],
)
def test_a_broken_import_is_422_naming_the_row_and_stores_nothing(
    client: TestClient, body: dict[str, Any], pointer: str, words: str
) -> None:
    before = stored_diaries(client)
    problem = assert_problem(client.post("/v1/diaries", json=body), 422)
    assert problem["errors"][0]["pointer"] == pointer
    assert words in problem["detail"]
    assert stored_diaries(client) == before


def test_replacing_with_a_broken_file_leaves_the_diary_as_it_was(client: TestClient) -> None:
    did, token, data = create(client, entries=cycles(20))
    url = f"/v1/diaries/{did}"
    assert_problem(client.put(url, json={"file": "date,flow\nx,y\n"}, headers=bearer(token)), 422)
    assert client.get(url, headers=bearer(token)).json()["entries"] == data["entries"]
    replaced = client.put(url, json={"file": REGULAR_CSV}, headers=bearer(token))
    assert replaced.status_code == 200 and replaced.json()["version"] == 2
    assert replaced.json()["entries"][0]["date"] == "2026-01-05"


def test_chart_is_svg_in_the_diary_language_or_the_query_one(client: TestClient) -> None:
    did, token, _ = create(client, file=BETWEEN_RU, lang="ru")
    response = client.get(f"/v1/diaries/{did}/chart.svg", headers=bearer(token))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "<desc>Дневник кровотечений" in response.text
    english = client.get(f"/v1/diaries/{did}/chart.svg?lang=en", headers=bearer(token))
    assert "<desc>Bleeding diary" in english.text


def test_the_diary_cookie_opens_the_chart_as_on_the_web_page(client: TestClient) -> None:
    did, token, _ = create(client, entries=cycles(20))
    client.cookies.set("bleedcheck_diary", f"{did}.{token}")
    try:
        assert client.get(f"/v1/diaries/{did}/chart.svg").status_code == 200
    finally:
        client.cookies.clear()


def test_assessment_from_the_diary_findings(client: TestClient) -> None:
    entries = cycles(90, 62, 34, 6, after_sex=(75, 48))
    did, token, _ = create(client, entries=entries)
    response = client.post(
        f"/v1/diaries/{did}/assessment", json={"age": 34, "region": "GB"}, headers=bearer(token)
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert any(f["id"] == "bleeding_after_sex" for f in data["findings"])
    assert data["assessment"]["age"] == 34
    assert data["assessment"]["triage"]["emergency_number"] == "999"
    assert data["assessment"]["conditions"]
    bare = client.post(f"/v1/diaries/{did}/assessment", headers=bearer(token))
    assert bare.status_code == 200 and bare.json()["assessment"]["lang"] == "en"
    assert_problem(client.post(f"/v1/diaries/{did}/assessment", headers=bearer("x")), 404)


def test_an_interview_starts_prefilled_from_the_diary(client: TestClient) -> None:
    entries = cycles(90, 62, 34, 6, after_sex=(75,))
    did, token, _ = create(client, entries=entries)
    body = {"diary_id": did, "lang": "en", "evidence": {"fever": "absent"}}
    response = client.post("/v1/interviews", json=body, headers=bearer(token))
    assert response.status_code == 201, response.text
    prefilled = response.json()["prefilled"]
    assert prefilled["bleeding_after_sex"] == "present" and prefilled["fever"] == "absent"
    # the interview has its own token; the diary's is not it
    assert response.json()["token"] != token
    assert_problem(client.post("/v1/interviews", json=body, headers=bearer("wrong")), 404)
    assert_problem(client.post("/v1/interviews", json=body), 404)


def test_diaries_survive_a_new_app_on_the_same_database(client: TestClient, settings: Any) -> None:
    from bleedcheck.api import create_app

    did, token, data = create(client, entries=cycles(20))
    with TestClient(create_app(settings)) as other:
        again = other.get(f"/v1/diaries/{did}", headers=bearer(token))
    assert again.status_code == 200 and again.json()["entries"] == data["entries"]
