"""The bleeding diary page: upload a file or add days, see the chart, periods, cycles and the
FIGO classification, and start an interview pre-filled with what the diary shows.

Like the interview pages, every action is a form post answered by a redirect (no JavaScript
needed); the diary id is in the URL and its access token in an HttpOnly SameSite=Lax cookie,
kept for a year (a diary grows over months). The chart is the API's SVG, which the same cookie
opens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bleedcheck.diary.analyse import DiaryAnalysis, analyse_so_far
from bleedcheck.diary.chart import chart_description
from bleedcheck.diary.episodes import EpisodeKind
from bleedcheck.diary.findings import diary_findings, evidence_from_analysis
from bleedcheck.diary.importer import (
    Format,
    diary_from_bytes,
    diary_from_objects,
    latest_entry_day,
)
from bleedcheck.diary.model import DayEntry, Diary, Flow
from bleedcheck.diary.words import parameter_word, word
from bleedcheck.engine.explain import finding_label
from bleedcheck.engine.interview import start
from bleedcheck.errors import BleedcheckError, DiaryError, NotFound, StorageError
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.store.repository import DiaryRepository, InterviewRepository, StoredDiary
from bleedcheck.vocab import Presence
from bleedcheck.web.render import (
    DIARY_COOKIE,
    DIARY_MAX_AGE,
    TOKEN_COOKIE,
    Page,
    diary_cookie,
    error_page,
    remember_token,
    render,
    split_diary_cookie,
)

FILE_FIELD = "diary_file"


class DiaryProblem(Exception):
    """A form the page answers with a message (a page string key, or an importer message)."""

    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(key)
        self.key = key
        self.detail = detail

    def message(self, page: Page) -> str:
        if self.key == "diary_error":
            return page.t("diary_error", detail=self.detail)
        if self.key == "diary_error_too_big":
            return page.t(self.key, limit=self.detail)
        return page.t(self.key)


class DiaryPages:
    """The diary pages, bound to the diary and interview repositories."""

    def __init__(
        self,
        diaries: DiaryRepository,
        interviews: InterviewRepository,
        ckb: CompiledKB,
        max_file_bytes: int,
    ) -> None:
        self.diaries = diaries
        self.interviews = interviews
        self.ckb = ckb
        self.max_file_bytes = max_file_bytes

    # -- pages ----------------------------------------------------------------------------

    def start_page(
        self,
        page: Page,
        cookie: str,
        problem: DiaryProblem | None = None,
        posted: dict[str, str] | None = None,
    ) -> Response:
        mine, token = split_diary_cookie(cookie)
        if mine and not self._exists(mine, token):
            mine = ""
        context = {
            "title": page.t("diary_title"),
            "mine": mine,
            "error": problem.message(page) if problem else "",
            "error_form": (posted or {}).get("form", ""),
            **_day_form(page, posted),
        }
        status = 422 if problem else 200
        return render(page, "diary_start.html", context, status, private=True)

    def diary_page(
        self,
        page: Page,
        record: StoredDiary,
        problem: DiaryProblem | None = None,
        posted: dict[str, str] | None = None,
    ) -> Response:
        analysis = analyse_so_far(record.diary)
        context: dict[str, Any] = {
            "title": page.t("diary_title"),
            "diary_id": record.id,
            "version": record.version,
            "days": [
                (e.date.isoformat(), word(e.flow.value, page.lang), e.after_sex)
                for e in reversed(record.diary.entries)
            ],
            "analysis": analysis,
            "error": problem.message(page) if problem else "",
            "error_form": (posted or {}).get("form", ""),
            **_day_form(page, posted),
            **(self._analysis_context(analysis, page) if analysis else {}),
        }
        status = 422 if problem else 200
        return render(page, "diary.html", context, status, private=True)

    def _analysis_context(self, analysis: DiaryAnalysis, page: Page) -> dict[str, Any]:
        lang = page.lang
        starts = [e.start for e in analysis.episodes if e.kind is EpisodeKind.PERIOD]
        episodes = []
        for e in analysis.episodes:
            following = [s for s in starts if s > e.start] if e.kind is EpisodeKind.PERIOD else []
            episodes.append(
                {
                    "start": e.start.isoformat(),
                    "days": e.days,
                    "kind": word(e.kind.value, lang),
                    "period": e.kind is EpisodeKind.PERIOD,
                    "flow": word(e.max_flow.value, lang),
                    "cycle": (following[0] - e.start).days if following else "",
                }
            )
        figo = [
            {
                "name": parameter_word(c.parameter, lang),
                "about": page.t(f"diary_about_{c.parameter}"),
                "status": word(c.status, lang),
                "abnormal": c.abnormal,
                "unknown": c.status == "unknown",
                "explanation": c.explanation[lang],
            }
            for c in analysis.classifications
        ]
        known = self.ckb.kb.findings
        shows = [
            (f.state is Presence.PRESENT, finding_label(self.ckb, f.id, lang))
            for f in diary_findings(analysis)
            if f.id in known
        ]
        return {
            "chart_alt": chart_description(analysis, lang),
            "episodes": episodes,
            "figo": figo,
            "shows": shows,
            "notes": [note[lang] for note in analysis.notes],
        }

    # -- actions ------------------------------------------------------------------------

    def create(self, request: Request, page: Page, form: dict[str, Any]) -> Response:
        cookie = request.cookies.get(DIARY_COOKIE, "")
        try:
            diary = self._diary_from_form(form)
        except DiaryProblem as problem:
            return self.start_page(page, cookie, problem, _posted(form))
        try:
            record, token = self.diaries.create(diary=diary, lang=page.lang)
        except StorageError:
            return error_page(page, 503, "server_error_title", "server_error_text")
        response = RedirectResponse(f"/diary/{record.id}", 303)
        remember_token(
            response, request, DIARY_COOKIE, diary_cookie(record.id, token), DIARY_MAX_AGE
        )
        return response

    def show(self, page: Page, diary_id: str, token: str) -> Response:
        loaded = self._load(page, diary_id, token)
        return loaded if isinstance(loaded, Response) else self.diary_page(page, loaded)

    def set_day(self, page: Page, diary_id: str, token: str, form: dict[str, Any]) -> Response:
        loaded = self._load(page, diary_id, token)
        if isinstance(loaded, Response):
            return loaded
        try:
            entry = _day(form)
        except DiaryProblem as problem:
            return self.diary_page(page, loaded, problem, _posted(form))
        return self._write(
            page,
            diary_id,
            lambda: self.diaries.set_day(diary_id=diary_id, token=token, entry=entry),
        )

    def clear_day(self, page: Page, diary_id: str, token: str, form: dict[str, Any]) -> Response:
        loaded = self._load(page, diary_id, token)
        if isinstance(loaded, Response):
            return loaded
        try:
            day = _day({"date": form.get("date", ""), "flow": "none"}).date
        except DiaryProblem:
            return error_page(page, 400, "bad_request_title", "bad_request_text")
        return self._write(
            page, diary_id, lambda: self.diaries.clear_day(diary_id=diary_id, token=token, day=day)
        )

    def replace(self, page: Page, diary_id: str, token: str, form: dict[str, Any]) -> Response:
        loaded = self._load(page, diary_id, token)
        if isinstance(loaded, Response):
            return loaded
        try:
            diary = self._diary_from_form(form)
        except DiaryProblem as problem:
            return self.diary_page(page, loaded, problem, {"form": "replace"})
        return self._write(
            page,
            diary_id,
            lambda: self.diaries.replace(record=loaded.model_copy(update={"diary": diary})),
        )

    def assess(self, request: Request, page: Page, diary_id: str, token: str) -> Response:
        """Start an interview with the diary's findings filled in (shown for confirmation)."""
        loaded = self._load(page, diary_id, token)
        if isinstance(loaded, Response):
            return loaded
        analysis = analyse_so_far(loaded.diary)
        evidence = evidence_from_analysis(self.ckb, analysis) if analysis else None
        state = start(page.lang, page.region.code, evidence)
        try:
            state.evidence(self.ckb)
        except BleedcheckError:  # an impossible combination: start without the diary
            state = start(page.lang, page.region.code)
        try:
            record, interview_token = self.interviews.create(
                state=state, kb_version=self.ckb.version
            )
        except StorageError:
            return error_page(page, 503, "server_error_title", "server_error_text")
        response = RedirectResponse(f"/interview/{record.id}", 303)
        remember_token(response, request, TOKEN_COOKIE, interview_token)
        return response

    # -- helpers ------------------------------------------------------------------------

    def _diary_from_form(self, form: dict[str, Any]) -> Diary:
        if form.get("form") == "day":
            return Diary(entries=(_day(form),))
        upload = form.get(FILE_FIELD)
        if not isinstance(upload, tuple) or not upload[1]:
            raise DiaryProblem("diary_error_no_file")
        name, data = upload
        if len(data) > self.max_file_bytes:
            raise DiaryProblem("diary_error_too_big", str(self.max_file_bytes // 1024))
        suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
        fmt: Format | None = "csv" if suffix == "csv" else "json" if suffix == "json" else None
        try:
            return diary_from_bytes(data, fmt, source=name or "diary", today=latest_entry_day())
        except DiaryError as exc:
            raise DiaryProblem("diary_error", str(exc)) from None

    def _exists(self, diary_id: str, token: str) -> bool:
        try:
            self.diaries.get(diary_id=diary_id, token=token)
        except (NotFound, StorageError):
            return False
        return True

    def _load(self, page: Page, diary_id: str, token: str) -> StoredDiary | Response:
        if not token:
            return error_page(page, 404, "not_found_title", "not_found_text")
        try:
            return self.diaries.get(diary_id=diary_id, token=token)
        except NotFound:
            return error_page(page, 404, "not_found_title", "not_found_text")
        except StorageError:
            return error_page(page, 503, "server_error_title", "server_error_text")

    def _write(self, page: Page, diary_id: str, write: Callable[[], object]) -> Response:
        try:
            write()
        except NotFound:
            return error_page(page, 404, "not_found_title", "not_found_text")
        except BleedcheckError:  # storage trouble, or another page replaced it meanwhile
            return error_page(page, 503, "server_error_title", "server_error_text")
        return RedirectResponse(f"/diary/{diary_id}", 303)


def _day(form: dict[str, Any]) -> DayEntry:
    flow = form.get("flow", "")
    if flow not in {f.value for f in Flow}:
        raise DiaryProblem("diary_error_flow")
    raw = {"date": form.get("date", ""), "flow": flow, "after_sex": form.get("after_sex") == "yes"}
    try:
        return diary_from_objects([raw], source="form", today=latest_entry_day()).entries[0]
    except DiaryError:
        raise DiaryProblem("diary_error_date") from None


def _posted(form: dict[str, Any]) -> dict[str, str]:
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _day_form(page: Page, posted: dict[str, str] | None) -> dict[str, Any]:
    """Values for the add-a-day form: what was posted, or today with no flow chosen."""
    posted = posted or {}
    return {
        "flows": [(f.value, word(f.value, page.lang)) for f in Flow if f is not Flow.NONE],
        "date_value": posted.get("date", dt.date.today().isoformat()),
        "flow_value": posted.get("flow", ""),
        "after_sex_value": posted.get("after_sex") == "yes",
        "max_date": latest_entry_day().isoformat(),
    }


async def read_form(request: Request, files: int = 0) -> dict[str, Any]:
    """Text fields as strings; an uploaded file as (its name, its bytes)."""
    form: FormData = await request.form(max_files=files, max_fields=20)
    out: dict[str, Any] = {}
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            out[key] = (value.filename or "", await value.read())
        elif key not in out:
            out[key] = value
    return out


def diary_ids(request: Request) -> tuple[str, str]:
    """(diary id from the path, token from the cookie)."""
    _, token = split_diary_cookie(request.cookies.get(DIARY_COOKIE, ""))
    return str(request.path_params["diary_id"]), token
