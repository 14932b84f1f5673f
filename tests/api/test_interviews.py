"""Stateful interviews: tokens, steps, replay, 409, undo, and persistence across apps."""

from __future__ import annotations

import threading
from typing import Any

from starlette.testclient import TestClient

from bleedcheck.api import create_app
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.settings import Settings
from tests.api.patients import EARLY_PREGNANCY_PAIN, POSTCOITAL, Facts, answer_for
from tests.api.test_cases import assert_problem


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def start(client: TestClient, **body: Any) -> tuple[str, str, dict[str, Any]]:
    response = client.post("/v1/interviews", json=body)
    assert response.status_code == 201, response.text
    data = response.json()
    assert response.headers["location"] == f"/v1/interviews/{data['id']}"
    assert response.headers["cache-control"] == "no-store"
    return data["id"], data["token"], data


def reply(client: TestClient, iid: str, token: str, data: dict[str, Any], facts: Facts) -> Any:
    question = data["step"]["question"]
    body = {
        "step": data["step"]["step"],
        "question_id": question["id"],
        "answer": answer_for(question, facts),
    }
    return client.post(f"/v1/interviews/{iid}/answers", json=body, headers=bearer(token))


def finish(
    client: TestClient, iid: str, token: str, data: dict[str, Any], facts: Facts
) -> dict[str, Any]:
    for _ in range(40):
        if data["step"]["should_stop"]:
            return data
        response = reply(client, iid, token, data, facts)
        assert response.status_code == 200, response.text
        data = response.json()
    raise AssertionError("the interview did not stop")


def test_create_returns_id_token_first_question_and_kb_version(
    client: TestClient, ckb: CompiledKB
) -> None:
    _, token, data = start(client, lang="en", region="GB")
    assert len(token) >= 40
    assert data["kb_version"] == ckb.version
    assert data["step"]["step"] == 1 and data["step"]["question"]["safety"]
    assert data["region"] == "GB" and data["version"] == 1 and data["assessment"] is None


def test_a_whole_interview_ends_with_an_assessment(client: TestClient) -> None:
    iid, token, data = start(client, lang="en")
    done = finish(client, iid, token, data, POSTCOITAL)
    assert done["assessment"]["triage"]["level"] in {"consultation", "consultation_24", "self_care"}
    assert done["version"] == len(done["history"]) + 1
    again = client.get(f"/v1/interviews/{iid}", headers=bearer(token)).json()
    assert again["history"] == done["history"] and again["assessment"] == done["assessment"]


def test_emergency_interview_stops_at_an_emergency(client: TestClient) -> None:
    iid, token, data = start(client, lang="ru", age=27)
    done = finish(client, iid, token, data, EARLY_PREGNANCY_PAIN)
    assert done["step"]["level"] in {"emergency", "emergency_ambulance"}
    assert done["assessment"]["triage"]["level"] in {"emergency", "emergency_ambulance"}
    assert done["assessment"]["lang"] == "ru"


def test_prefilled_evidence_is_kept(client: TestClient) -> None:
    _, _, data = start(client, evidence={"bleeding_after_sex": "present"}, age=33)
    assert data["prefilled"] == {"bleeding_after_sex": "present"}
    assert data["prefilled_age"] == 33


def test_invalid_prefill_stores_nothing(client: TestClient) -> None:
    assert_problem(client.post("/v1/interviews", json={"evidence": {"nope": "present"}}), 422)
    bands = {"gestation_under_6w": "present", "gestation_20w_plus": "present"}
    assert_problem(client.post("/v1/interviews", json={"evidence": bands}), 422)


def test_wrong_or_missing_token_is_404_and_reveals_nothing(client: TestClient) -> None:
    iid, token, _ = start(client)
    path = f"/v1/interviews/{iid}"
    unknown = assert_problem(
        client.get("/v1/interviews/00000000-0000-0000-0000-000000000000", headers=bearer(token)),
        404,
    )
    wrong = assert_problem(client.get(path, headers=bearer(token[:-2] + "xx")), 404)
    missing = assert_problem(client.get(path), 404)
    basic = assert_problem(client.get(path, headers={"Authorization": f"Basic {token}"}), 404)
    answer = {"step": 1, "question_id": "alarm", "answer": "none"}
    post = assert_problem(client.post(f"{path}/answers", json=answer), 404)
    undo = assert_problem(client.post(f"{path}/undo", headers=bearer("x")), 404)
    details = {b["detail"] for b in (unknown, wrong, missing, basic, post, undo)}
    assert details == {"interview not found"}
    assert token not in str(details)


def test_token_in_the_web_cookie_works(client: TestClient) -> None:
    iid, token, _ = start(client)
    client.cookies.set("bleedcheck_token", token)
    try:
        assert client.get(f"/v1/interviews/{iid}").status_code == 200
    finally:
        client.cookies.clear()


def test_replayed_answer_is_idempotent(client: TestClient) -> None:
    iid, token, data = start(client)
    first = reply(client, iid, token, data, POSTCOITAL)
    second = reply(client, iid, token, data, POSTCOITAL)
    assert first.status_code == second.status_code == 200
    assert first.json()["version"] == second.json()["version"] == 2
    assert len(second.json()["history"]) == 1


def test_stale_step_is_409(client: TestClient) -> None:
    iid, token, data = start(client)
    step1 = data
    data = reply(client, iid, token, data, POSTCOITAL).json()
    data = reply(client, iid, token, data, POSTCOITAL).json()
    body = assert_problem(reply(client, iid, token, step1, POSTCOITAL), 409)
    assert body["type"].endswith("stale-step")
    # a different answer to the last step is stale too, not a silent overwrite
    last = data["history"][-1]
    changed = {"step": last["step"], "question_id": last["question_id"], "answer": "unknown"}
    assert_problem(
        client.post(f"/v1/interviews/{iid}/answers", json=changed, headers=bearer(token)), 409
    )
    future = {"step": 99, "question_id": "alarm", "answer": "none"}
    assert_problem(
        client.post(f"/v1/interviews/{iid}/answers", json=future, headers=bearer(token)), 409
    )
    stored = client.get(f"/v1/interviews/{iid}", headers=bearer(token)).json()
    assert stored["history"] == data["history"]


def test_answer_that_does_not_fit_is_422(client: TestClient) -> None:
    iid, token, data = start(client)
    path = f"/v1/interviews/{iid}/answers"
    wrong_question = {"step": 1, "question_id": "hysterectomy", "answer": "yes"}
    body = assert_problem(client.post(path, json=wrong_question, headers=bearer(token)), 422)
    assert body["type"].endswith("invalid-answer")
    wrong_option = {"step": 1, "question_id": data["step"]["question"]["id"], "answer": ["nope"]}
    assert_problem(client.post(path, json=wrong_option, headers=bearer(token)), 422)
    wrong_type = {"step": "one", "question_id": 5, "answer": True}
    body = assert_problem(client.post(path, json=wrong_type, headers=bearer(token)), 422)
    assert {"/step", "/question_id"} <= {e["pointer"] for e in body["errors"]}
    stored = client.get(f"/v1/interviews/{iid}", headers=bearer(token)).json()
    assert stored["history"] == [] and stored["version"] == 1


def test_undo_goes_back_one_step(client: TestClient) -> None:
    iid, token, data = start(client)
    question1 = data["step"]["question"]["id"]
    data = reply(client, iid, token, data, POSTCOITAL).json()
    assert data["step"]["step"] == 2
    stale = client.post(f"/v1/interviews/{iid}/undo", json={"step": 1}, headers=bearer(token))
    assert_problem(stale, 409)
    back = client.post(f"/v1/interviews/{iid}/undo", json={"step": 2}, headers=bearer(token))
    assert back.status_code == 200
    assert back.json()["step"]["step"] == 1 and back.json()["step"]["question"]["id"] == question1
    at_start = client.post(f"/v1/interviews/{iid}/undo", headers=bearer(token))
    assert at_start.status_code == 200 and at_start.json()["history"] == []


def test_a_second_app_continues_the_interview(settings: Settings) -> None:
    first, second = create_app(settings), create_app(settings)
    with TestClient(first) as a, TestClient(second) as b:
        iid, token, data = start(a, lang="en")
        turn = 0
        while not data["step"]["should_stop"]:
            response = reply((a, b)[turn % 2], iid, token, data, POSTCOITAL)
            assert response.status_code == 200, response.text
            data = response.json()
            turn += 1
        assert turn >= 3
        from_a = a.get(f"/v1/interviews/{iid}", headers=bearer(token)).json()
        assert from_a["history"] == data["history"]


def test_concurrent_answers_only_one_wins(client: TestClient) -> None:
    iid, token, data = start(client)
    question = data["step"]["question"]
    bodies = [
        {"step": 1, "question_id": question["id"], "answer": "none"},
        {"step": 1, "question_id": question["id"], "answer": "unknown"},
    ] * 4
    statuses: list[int] = []
    barrier = threading.Barrier(len(bodies))

    def send(body: dict[str, Any]) -> None:
        barrier.wait()
        response = client.post(f"/v1/interviews/{iid}/answers", json=body, headers=bearer(token))
        statuses.append(response.status_code)

    threads = [threading.Thread(target=send, args=(b,)) for b in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stored = client.get(f"/v1/interviews/{iid}", headers=bearer(token)).json()
    assert len(stored["history"]) == 1 and stored["version"] == 2
    # the winner's twins are idempotent replays; the other answer is stale
    assert sorted(statuses) == [200] * 4 + [409] * 4, statuses
