"""Arbitrary answers to a live interview: never a 500, and the stored interview stays whole."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from tests.api.patients import POSTCOITAL, answer_for

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)  # JSON has neither
    | st.text(max_size=20)
    | st.sampled_from(["yes", "no", "unknown", "none", "present", "fainting_or_collapse"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=8,
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    answers=st.lists(
        st.tuples(st.integers(min_value=-2, max_value=3), st.booleans(), json_values),
        min_size=1,
        max_size=4,
    )
)
def test_arbitrary_answers(client: TestClient, answers: list[tuple[int, bool, Any]]) -> None:
    created = client.post("/v1/interviews", json={"lang": "en"}).json()
    path, auth = f"/v1/interviews/{created['id']}", {"Authorization": f"Bearer {created['token']}"}
    data = created
    for step_shift, right_question, value in answers:
        question = data["step"]["question"]
        body = {
            "step": data["step"]["step"] + step_shift,
            "question_id": question["id"] if right_question else "not_a_question",
            "answer": value,
        }
        response = client.post(f"{path}/answers", json=body, headers=auth)
        assert response.status_code in (200, 409, 422), response.text
        if response.status_code != 200:
            assert response.headers["content-type"] == "application/problem+json"
        # a good answer after any bad one is still accepted
        good = {
            "step": data["step"]["step"],
            "question_id": question["id"],
            "answer": answer_for(question, POSTCOITAL),
        }
        if response.status_code != 200:
            response = client.post(f"{path}/answers", json=good, headers=auth)
            assert response.status_code == 200, response.text
        data = response.json()
        stored = client.get(path, headers=auth).json()
        assert stored["history"] == data["history"]
        assert stored["version"] == len(stored["history"]) + 1
        if data["step"]["should_stop"]:
            break
