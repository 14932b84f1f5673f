"""The server-rendered web UI: start page, one question per page, result, friendly errors.

Every page works without JavaScript: forms post, the server redirects (POST/redirect/GET),
and the next page is rendered. The interview id is in the URL; its access token travels only
in an HttpOnly SameSite=Lax cookie. Each question form carries its step number, so a form
posted twice is harmless and an out-of-date one gets a friendly message.

Route handlers are thin: they read the request, then hand the blocking work (storage,
engine, templates) to a thread.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.staticfiles import StaticFiles

from bleedcheck.engine.assess import assess_evidence
from bleedcheck.engine.interview import (
    InterviewState,
    InterviewStep,
    Question,
    answer,
    current_step,
    start,
    undo,
)
from bleedcheck.engine.triage import DEFAULT_REGION
from bleedcheck.errors import (
    AnswerError,
    BleedcheckError,
    EvidenceError,
    NotFound,
    StaleAnswer,
    StorageError,
)
from bleedcheck.knowledge.compile import CompiledKB, compiled
from bleedcheck.settings import Settings
from bleedcheck.store.repository import DiaryRepository, InterviewRepository, StoredInterview
from bleedcheck.vocab import LANGS, Evidence, Presence
from bleedcheck.web.diary import DiaryPages, diary_ids, read_form
from bleedcheck.web.errors import chain_error_pages
from bleedcheck.web.forms import FormProblem, Posted, answer_value, preselected, read_posted
from bleedcheck.web.render import (
    DIARY_COOKIE,
    TOKEN_COOKIE,
    Defaults,
    Page,
    error_page,
    page_for,
    remember_lang,
    remember_region,
    remember_token,
    render,
    safe_next,
)
from bleedcheck.web.result import EMERGENCY_LEVELS, result_context

TEXT_LIMIT = 2000  # characters of free text; a description, not an essay
SAVE_ATTEMPTS = 2  # one retry when another request saved the interview in between
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class WebUI:
    """The pages, bound to one repository and one compiled knowledge base."""

    def __init__(
        self,
        repository: InterviewRepository,
        ckb: CompiledKB,
        defaults: Defaults,
        diary: DiaryPages,
    ) -> None:
        self.repository = repository
        self.ckb = ckb
        self.defaults = defaults
        self.diary = diary

    def page(self, request: Request) -> Page:
        return page_for(request, self.ckb, self.defaults)

    # -- request handlers (async: read the request, then work in a thread) --------------

    async def start_page(self, request: Request) -> Response:
        return await run_in_threadpool(self._start_page, self.page(request))

    async def create(self, request: Request) -> Response:
        page = self.page(request)
        form = await request.form(max_files=0, max_fields=20)
        raw = form.get("text")
        description = raw if isinstance(raw, str) else ""
        return await run_in_threadpool(self._create, request, page, description)

    async def question_page(self, request: Request) -> Response:
        page = self.page(request)
        return await run_in_threadpool(self._question_page, page, *_ids(request))

    async def post_answer(self, request: Request) -> Response:
        page = self.page(request)
        form = await request.form(max_files=0, max_fields=100)
        return await run_in_threadpool(self._answer, page, *_ids(request), _fields(form))

    async def post_back(self, request: Request) -> Response:
        page = self.page(request)
        form = await request.form(max_files=0, max_fields=100)
        return await run_in_threadpool(self._back, page, *_ids(request), _fields(form))

    async def result_page(self, request: Request) -> Response:
        page = self.page(request)
        return await run_in_threadpool(self._result_page, page, *_ids(request))

    async def diary_start(self, request: Request) -> Response:
        cookie = request.cookies.get(DIARY_COOKIE, "")
        return await run_in_threadpool(self.diary.start_page, self.page(request), cookie)

    async def diary_create(self, request: Request) -> Response:
        page = self.page(request)
        form = await read_form(request, files=1)
        return await run_in_threadpool(self.diary.create, request, page, form)

    async def diary_page(self, request: Request) -> Response:
        page = self.page(request)
        return await run_in_threadpool(self.diary.show, page, *diary_ids(request))

    async def diary_set_day(self, request: Request) -> Response:
        page = self.page(request)
        form = await read_form(request)
        return await run_in_threadpool(self.diary.set_day, page, *diary_ids(request), form)

    async def diary_clear_day(self, request: Request) -> Response:
        page = self.page(request)
        form = await read_form(request)
        return await run_in_threadpool(self.diary.clear_day, page, *diary_ids(request), form)

    async def diary_replace(self, request: Request) -> Response:
        page = self.page(request)
        form = await read_form(request, files=1)
        return await run_in_threadpool(self.diary.replace, page, *diary_ids(request), form)

    async def diary_assess(self, request: Request) -> Response:
        page = self.page(request)
        ids = diary_ids(request)
        return await run_in_threadpool(self.diary.assess, request, page, *ids)

    async def preferences(self, request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=10)
        target = form.get("next")
        response = RedirectResponse(safe_next(target if isinstance(target, str) else "/"), 303)
        lang = form.get("lang")
        for known in LANGS:
            if lang == known:
                remember_lang(response, known)
        region = form.get("region")
        if isinstance(region, str) and region.upper() in self.ckb.kb.regions:
            remember_region(response, region.upper())
        return response

    # -- pages --------------------------------------------------------------------------

    def _start_page(
        self, page: Page, error: str = "", text_value: str = "", status_code: int = 200
    ) -> Response:
        context = {
            "title": page.t("start_title"),
            "error": error,
            "text_value": text_value,
            "text_limit": TEXT_LIMIT,
        }
        # a description sent back to be shortened is health data: not for any cache
        return render(page, "start.html", context, status_code, private=bool(text_value))

    def _create(self, request: Request, page: Page, description: str) -> Response:
        if len(description) > TEXT_LIMIT:
            message = page.t("text_too_long", limit=str(TEXT_LIMIT))
            return self._start_page(page, message, description[:TEXT_LIMIT], 422)
        state = start(page.lang, page.region.code, self._prefill(description, page))
        try:
            record, token = self.repository.create(state=state, kb_version=self.ckb.version)
        except StorageError:
            return error_page(page, 503, "server_error_title", "server_error_text")
        response = RedirectResponse(f"/interview/{record.id}", 303)
        remember_token(response, request, TOKEN_COOKIE, token)
        return response

    def _prefill(self, description: str, page: Page) -> Evidence | None:
        """Answers found in the free text; nothing if the text gives nothing usable."""
        if not description.strip():
            return None
        # imported here: the language models load on the first description, not at start-up
        from bleedcheck.language.parse import detect_language, parse

        # a Russian description on the English page (or the reverse) is read in its language
        lang = detect_language(description) or page.lang
        evidence = parse(description, lang, self.ckb).evidence()
        try:
            # an impossible combination (two pregnancy bands) is dropped, not shown as an error
            start(page.lang, page.region.code, evidence).evidence(self.ckb)
        except BleedcheckError:
            return None
        return evidence

    def _question_page(self, page: Page, interview_id: str, token: str) -> Response:
        loaded = self._load(page, interview_id, token)
        if isinstance(loaded, Response):
            return loaded
        state = _localised(loaded.state, page)
        step = current_step(self.ckb, state)
        if step.should_stop or step.question is None:
            return RedirectResponse(f"/interview/{interview_id}/result", 303)
        return self._render_question(page, interview_id, state, step, step.question)

    def _render_question(
        self,
        page: Page,
        interview_id: str,
        state: InterviewState,
        step: InterviewStep,
        question: Question,
        problem: FormProblem | None = None,
        posted: Posted | None = None,
    ) -> Response:
        evidence = state.evidence(self.ckb)
        from_text = {f for f, s in state.prefilled.items() if s is not Presence.UNKNOWN}
        selected, notes = preselected(question, evidence, from_text)
        age_value = ""
        if posted is not None:
            selected = set(posted.answers)
            age_value = posted.age
        error = ""
        if problem is not None:
            values = {k: page.t(v) for k, v in problem.values.items()}
            error = page.t(problem.key, **values)
        lowered = question.text.lower()
        context = {
            "title": question.text,
            "interview_id": interview_id,
            "question": question,
            "step": step.step,
            "progress": round(step.progress * 100),
            "selected": selected,
            "from_text": notes,
            "prefilled": bool(notes),
            "tick_hint": question.kind == "checklist"
            and "tick all" not in lowered
            and "отметьте" not in lowered,
            "can_go_back": bool(state.history),
            "urgent": step.level in EMERGENCY_LEVELS,
            "error": error,
            "age_value": age_value,
        }
        status = 422 if problem is not None else 200
        return render(page, "question.html", context, status_code=status, private=True)

    def _answer(
        self, page: Page, interview_id: str, token: str, fields: dict[str, list[str]]
    ) -> Response:
        try:
            posted = read_posted(fields)
        except FormProblem:
            return error_page(page, 400, "bad_request_title", "bad_request_text")
        here = f"/interview/{interview_id}"
        for _attempt in range(SAVE_ATTEMPTS):
            loaded = self._load(page, interview_id, token)
            if isinstance(loaded, Response):
                return loaded
            state = _localised(loaded.state, page)
            if posted.step == state.step:
                asked = current_step(self.ckb, state)
            elif posted.step == state.step - 1 and state.history:
                asked = current_step(self.ckb, undo(state))  # maybe the same form sent twice
            else:
                return self._stale(page, here)
            question = asked.question
            if question is None:
                return RedirectResponse(f"{here}/result", 303)
            if question.id != posted.question_id:
                return self._stale(page, here)
            try:
                value = answer_value(question, posted)
                new_state = answer(self.ckb, state, posted.step, posted.question_id, value)
            except StaleAnswer:
                return self._stale(page, here)
            except (FormProblem, AnswerError, EvidenceError) as exc:
                if posted.step != state.step:
                    return self._stale(page, here)
                problem = exc if isinstance(exc, FormProblem) else FormProblem("error_answer")
                return self._render_question(
                    page, interview_id, state, asked, question, problem, posted
                )
            if new_state == state:
                return RedirectResponse(here, 303)  # a repeat of the last answer: nothing to do
            saved = self._save(page, loaded, new_state)
            if saved is None:
                continue  # someone else saved first: look again
            return saved if isinstance(saved, Response) else RedirectResponse(here, 303)
        return self._stale(page, here)

    def _back(
        self, page: Page, interview_id: str, token: str, fields: dict[str, list[str]]
    ) -> Response:
        here = f"/interview/{interview_id}"
        try:
            posted = read_posted(fields)
        except FormProblem:
            return error_page(page, 400, "bad_request_title", "bad_request_text")
        loaded = self._load(page, interview_id, token)
        if isinstance(loaded, Response):
            return loaded
        state = loaded.state
        # only the page showing the current step can go back: a repeated click is harmless
        if posted.step == state.step and state.history:
            saved = self._save(page, loaded, undo(_localised(state, page)))
            if isinstance(saved, Response):
                return saved
        return RedirectResponse(here, 303)

    def _result_page(self, page: Page, interview_id: str, token: str) -> Response:
        loaded = self._load(page, interview_id, token)
        if isinstance(loaded, Response):
            return loaded
        state = _localised(loaded.state, page)
        step = current_step(self.ckb, state)
        if not step.should_stop:
            return RedirectResponse(f"/interview/{interview_id}", 303)
        evidence = state.evidence(self.ckb)
        assessment = assess_evidence(self.ckb, evidence, page.lang, page.region.code)
        context = {
            **result_context(self.ckb, assessment, evidence),
            "interview_id": interview_id,
            "step": state.step,
            "can_go_back": bool(state.history),
            "kb_version": loaded.kb_version[:12],
        }
        return render(page, "result.html", context, private=True)

    # -- helpers ------------------------------------------------------------------------

    def _load(self, page: Page, interview_id: str, token: str) -> StoredInterview | Response:
        if not _ID.match(interview_id) or not token:
            return error_page(page, 404, "not_found_title", "not_found_text")
        try:
            return self.repository.get(interview_id=interview_id, token=token)
        except NotFound:
            return error_page(page, 404, "not_found_title", "not_found_text")
        except StorageError:
            return error_page(page, 503, "server_error_title", "server_error_text")

    def _save(
        self, page: Page, record: StoredInterview, state: InterviewState
    ) -> StoredInterview | Response | None:
        """The saved record; None if another request saved first; an error page on failure."""
        try:
            return self.repository.save(record=record.model_copy(update={"state": state}))
        except StaleAnswer:
            return None
        except NotFound:
            return error_page(page, 404, "not_found_title", "not_found_text")
        except StorageError:
            return error_page(page, 503, "server_error_title", "server_error_text")

    def _stale(self, page: Page, continue_to: str) -> Response:
        return error_page(page, 409, "stale_title", "stale_text", continue_to=continue_to)

    def error_response(self, request: Request, status_code: int) -> Response:
        page = self.page(request)
        if status_code == 404:
            return error_page(page, 404, "not_found_title", "not_found_text")
        if status_code == 409:
            return error_page(page, 409, "stale_title", "stale_text")
        if status_code < 500:
            return error_page(page, status_code, "bad_request_title", "bad_request_text")
        return error_page(page, status_code, "server_error_title", "server_error_text")


def _ids(request: Request) -> tuple[str, str]:
    return str(request.path_params["interview_id"]), request.cookies.get(TOKEN_COOKIE, "")


def _fields(form: FormData) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in form.multi_items():
        if isinstance(value, str):
            out.setdefault(key, []).append(value)
    return out


def _localised(state: InterviewState, page: Page) -> InterviewState:
    """The interview in the language and region the page is shown in now."""
    if state.lang == page.lang and state.region == page.region.code:
        return state
    return state.model_copy(update={"lang": page.lang, "region": page.region.code})


def mount_web(
    app: FastAPI,
    settings: Settings,
    repository: InterviewRepository,
    diaries: DiaryRepository,
) -> None:
    """Add the web pages to `app` (the REST API lives under /v1 beside them)."""
    ckb = compiled()
    region = settings.default_region.upper()
    defaults = Defaults(
        lang=settings.default_lang,
        region=region if region in ckb.kb.regions else DEFAULT_REGION,
    )
    ui = WebUI(
        repository, ckb, defaults, DiaryPages(diaries, repository, ckb, settings.max_body_bytes)
    )
    routes: list[tuple[str, Callable[[Request], Awaitable[Response]], str]] = [
        ("/", ui.start_page, "GET"),
        ("/interview", ui.create, "POST"),
        ("/interview/{interview_id}", ui.question_page, "GET"),
        ("/interview/{interview_id}/answer", ui.post_answer, "POST"),
        ("/interview/{interview_id}/back", ui.post_back, "POST"),
        ("/interview/{interview_id}/result", ui.result_page, "GET"),
        ("/diary", ui.diary_start, "GET"),
        ("/diary", ui.diary_create, "POST"),
        ("/diary/{diary_id}", ui.diary_page, "GET"),
        ("/diary/{diary_id}/days", ui.diary_set_day, "POST"),
        ("/diary/{diary_id}/days/remove", ui.diary_clear_day, "POST"),
        ("/diary/{diary_id}/import", ui.diary_replace, "POST"),
        ("/diary/{diary_id}/assess", ui.diary_assess, "POST"),
        ("/preferences", ui.preferences, "POST"),
    ]
    for path, endpoint, method in routes:
        app.add_route(path, endpoint, methods=[method], include_in_schema=False)
    app.mount("/static", StaticFiles(packages=[("bleedcheck.web", "static")]), name="static")
    chain_error_pages(app, ui.error_response)
