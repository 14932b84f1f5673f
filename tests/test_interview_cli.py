"""The interactive interview driven end to end through a pseudo-terminal."""

from __future__ import annotations

import sys

import pexpect
import pytest

TIMEOUT = 60


def spawn(*args: str) -> pexpect.spawn:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "bleedcheck.cli", "interview", *args],
        encoding="utf-8",
        timeout=TIMEOUT,
        env={"COLUMNS": "120", "TERM": "dumb", "PATH": "/usr/bin:/bin"},
    )
    return child


def test_english_interview_with_back_and_emergency_stop():
    child = spawn()
    child.expect("Question 1")
    child.expect("> ")
    child.sendline("0")  # none of the alarm signs
    child.expect("Question 2")
    child.expect("> ")
    child.sendline("b")  # back to question 1
    child.expect("Question 1")
    child.expect("> ")
    child.sendline("0")
    child.expect("Question 2")
    child.expect("> ")
    child.sendline("1,2")  # severe one-sided pain; pregnancy not ruled out
    child.expect("call 112|Call 112|112")  # what to do now, shown at once
    while child.expect(["> ", "Interview stopped"]) == 0:
        child.sendline("0")  # only questions that could make it an ambulance case remain
    child.expect("How urgent")
    child.expect(["Emergency", "emergency"])
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_russian_interview_with_dont_know_and_invalid_answer_runs_to_the_end():
    child = spawn("--lang", "ru")
    child.expect("Вопрос 1")
    child.expect("> ")
    child.sendline("xyz")
    child.expect("Извините")
    child.expect("> ")
    child.sendline("0")
    answers = 1
    while True:
        index = child.expect(["> ", "Опрос остановлен"])
        if index == 1:
            break
        answers += 1
        assert answers < 40, "the interview must stop"
        prompt = child.before or ""
        child.sendline("40" if "Сколько вам лет" in prompt else "?")
    child.expect("Насколько срочно")
    child.expect("Это справочная информация")
    child.expect(pexpect.EOF)


def test_yes_no_question_explains_choices_on_bad_input():
    from bleedcheck.engine.interview import Question
    from bleedcheck.errors import AnswerError
    from bleedcheck.interactive import parse_reply

    question = Question(id="fever", kind="yes_no", text="Fever?")
    assert parse_reply(question, "да") == "yes"
    assert parse_reply(question, "N") == "no"
    assert parse_reply(question, "не знаю") == "unknown"
    with pytest.raises(AnswerError, match="y, n"):
        parse_reply(question, "perhaps")
