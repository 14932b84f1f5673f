"""Stateful interviews, persisted so that any app process can continue any interview.

The access token travels in `Authorization: Bearer` (or the web's HttpOnly cookie), never
in a URL; a wrong or missing token gets the same 404 as an unknown id. Each answer carries
its step number: replaying the last answer is harmless, an old step gets 409.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body
from starlette.responses import Response

from bleedcheck.api.deps import (
    DiaryRepositoryDep,
    DiaryTokenDep,
    KBDep,
    LangDep,
    RepositoryDep,
    SettingsDep,
    TokenDep,
    evidence_of,
)
from bleedcheck.api.schemas import (
    AnswerIn,
    InterviewCreated,
    InterviewIn,
    InterviewOut,
    UndoIn,
    render,
)
from bleedcheck.diary.findings import evidence_so_far
from bleedcheck.engine import interview
from bleedcheck.engine.assess import assess_evidence
from bleedcheck.errors import StaleAnswer
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.store.repository import StoredInterview
from bleedcheck.vocab import Evidence, Lang

router = APIRouter(prefix="/v1/interviews", tags=["interviews"])
NO_STORE = {"Cache-Control": "no-store"}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown interview, or a wrong or missing token."}
}
ANSWER_PROBLEMS: dict[int | str, dict[str, Any]] = {
    **NOT_FOUND,
    409: {"description": "The step is not the current one (problem+json)."},
    422: {"description": "The answer does not fit the question (problem+json)."},
}


def view(ckb: CompiledKB, record: StoredInterview) -> InterviewOut:
    state = record.state
    step = interview.current_step(ckb, state)
    assessment = (
        assess_evidence(ckb, state.evidence(ckb), state.lang, state.region)
        if step.should_stop
        else None
    )
    return InterviewOut(
        id=record.id,
        kb_version=record.kb_version,
        version=record.version,
        lang=state.lang,
        region=state.region,
        created_at=record.created_at,
        updated_at=record.updated_at,
        prefilled=state.prefilled,
        prefilled_age=state.prefilled_age,
        history=state.history,
        step=step,
        assessment=assessment,
    )


def _prefill(ckb: CompiledKB, body: InterviewIn, lang: Lang, diary: Evidence | None) -> Evidence:
    """Evidence given up front: parsed from free text, the diary's, explicit findings on top."""
    given = evidence_of(ckb, body.evidence, body.age)
    if not body.text and diary is None:
        return given
    findings = {}
    age = body.age
    if body.text:
        from bleedcheck.api.routes.cases import parse_text

        parsed: Evidence = parse_text(body.text, lang).evidence()
        findings.update(parsed.findings)
        age = age if age is not None else parsed.age
    if diary is not None:
        findings.update(diary.findings)
    return evidence_of(ckb, {**findings, **given.findings}, age)


@router.post(
    "",
    status_code=201,
    response_model=InterviewCreated,
    responses={
        404: {"description": "`diary_id` names no diary, or the token is not its own."},
        422: {"description": "Invalid evidence (problem+json)."},
    },
)
def create(
    body: InterviewIn,
    ckb: KBDep,
    repository: RepositoryDep,
    settings: SettingsDep,
    header_lang: LangDep,
    diaries: DiaryRepositoryDep,
    diary_token: DiaryTokenDep,
) -> Response:
    """Start an interview; the answer holds its id and its access token (shown once).

    With `diary_id` (and that diary's token as the Bearer token), what the diary shows is
    filled in first; an unknown diary or a wrong token gets 404.
    """
    lang: Lang = body.lang or header_lang
    diary = None
    if body.diary_id is not None:
        stored = diaries.get(diary_id=body.diary_id, token=diary_token)
        diary = evidence_so_far(ckb, stored.diary, body.age)
    prefill = _prefill(ckb, body, lang, diary)
    state = interview.start(lang, body.region or settings.default_region, prefill)
    state.evidence(ckb)  # an impossible combination fails here, before anything is stored
    record, token = repository.create(state=state, kb_version=ckb.version)
    out = InterviewCreated(**view(ckb, record).model_dump(), token=token)
    headers = {**NO_STORE, "Location": f"{router.prefix}/{record.id}"}
    return render(out, status=201, headers=headers)


@router.get("/{interview_id}", response_model=InterviewOut, responses=NOT_FOUND)
def get(interview_id: str, token: TokenDep, ckb: KBDep, repository: RepositoryDep) -> Response:
    """The interview: its answers, the current question, and the assessment once stopped."""
    record = repository.get(interview_id=interview_id, token=token)
    return render(view(ckb, record), headers=NO_STORE)


@router.post("/{interview_id}/answers", response_model=InterviewOut, responses=ANSWER_PROBLEMS)
def post_answer(
    interview_id: str,
    body: AnswerIn,
    token: TokenDep,
    ckb: KBDep,
    repository: RepositoryDep,
) -> Response:
    """Answer the current question (its `step` and `question_id`)."""
    record = repository.get(interview_id=interview_id, token=token)
    for attempt in range(2):
        state = interview.answer(ckb, record.state, body.step, body.question_id, body.answer)
        if state == record.state:  # the last answer, replayed: nothing to store
            return render(view(ckb, record), headers=NO_STORE)
        try:
            saved = repository.save(
                record=record.model_copy(update={"state": state, "kb_version": ckb.version})
            )
        except StaleAnswer:
            if attempt:
                raise
            # another request won the race: replay against what it stored (a double
            # submit of the same answer is then idempotent; anything else is stale)
            record = repository.get(interview_id=interview_id, token=token)
            continue
        return render(view(ckb, saved), headers=NO_STORE)
    raise AssertionError("unreachable")  # pragma: no cover


@router.post("/{interview_id}/undo", response_model=InterviewOut, responses=ANSWER_PROBLEMS)
def undo(
    interview_id: str,
    token: TokenDep,
    ckb: KBDep,
    repository: RepositoryDep,
    body: Annotated[UndoIn | None, Body()] = None,
) -> Response:
    """Go back one question. With `step`, only if that is still the current step."""
    record = repository.get(interview_id=interview_id, token=token)
    if body is not None and body.step is not None and body.step != record.state.step:
        raise StaleAnswer(f"step {body.step} is not the current step ({record.state.step})")
    if not record.state.history:
        return render(view(ckb, record), headers=NO_STORE)
    saved = repository.save(
        record=record.model_copy(
            update={"state": interview.undo(record.state), "kb_version": ckb.version}
        )
    )
    return render(view(ckb, saved), headers=NO_STORE)
