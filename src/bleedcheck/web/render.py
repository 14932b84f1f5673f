"""Templates, the per-request page context (language, region) and response headers."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from bleedcheck.engine.triage import DEFAULT_REGION
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.vocab import LANGS, Lang
from bleedcheck.web.strings import text

LANG_COOKIE = "bleedcheck_lang"
REGION_COOKIE = "bleedcheck_region"
TOKEN_COOKIE = "bleedcheck_token"
DIARY_COOKIE = "bleedcheck_diary"  # "<diary id>.<token>": the diary page can find her diary
DIARY_MAX_AGE = 365 * 24 * 3600  # a diary is kept for months, unlike an interview
PREFERENCE_MAX_AGE = 365 * 24 * 3600
GENERAL_NUMBER = "112"

# No inline script or style anywhere, so the policy can be strict.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # interview ids are in URLs
    "X-Frame-Options": "DENY",
}
PRIVATE = {"Cache-Control": "no-store"}  # answers are health data: keep them out of caches


@dataclass(frozen=True)
class RegionChoice:
    code: str
    name: str
    ambulance: str
    general: str
    note: str


@dataclass(frozen=True)
class Page:
    """Who is looking: language and region, from the query, cookies or the browser."""

    lang: Lang
    region: RegionChoice
    regions: list[RegionChoice]
    path: str
    set_lang: bool

    def t(self, key: str, **values: str) -> str:
        return text(key, self.lang, **values)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("bleedcheck.web", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["asset_version"] = asset_version()
    env.filters["percent"] = percent
    env.filters["sentence"] = sentence
    env.filters["tel"] = lambda number: re.sub(r"[^0-9+]", "", str(number))
    return env


@cache
def asset_version() -> str:
    """A short hash of the static files, so browsers refetch them after an upgrade."""
    digest = hashlib.sha256()
    static = resources.files("bleedcheck.web") / "static"
    for name in sorted(p.name for p in static.iterdir() if p.is_file()):
        digest.update((static / name).read_bytes())
    return digest.hexdigest()[:10]


def percent(p: float) -> str:
    """Probabilities for the small print: '<1%' rather than a misleading '0%'."""
    value = p * 100
    if value < 1:
        return "<1%"
    if value > 99:
        return ">99%"
    return f"{value:.0f}%"


def sentence(phrase: str) -> str:
    """'asked to rule out an emergency' -> 'Asked to rule out an emergency.'"""
    phrase = phrase.strip()
    if not phrase:
        return phrase
    phrase = phrase[0].upper() + phrase[1:]
    return phrase if phrase[-1] in ".!?" else phrase + "."


def regions(ckb: CompiledKB, lang: Lang) -> list[RegionChoice]:
    out = []
    for code, region in ckb.kb.regions.items():
        out.append(
            RegionChoice(
                code=code,
                name=region.name.get(lang),
                ambulance=region.ambulance_number or region.emergency_number,
                general=GENERAL_NUMBER,
                note=(region.note or "") if lang == "en" else "",
            )
        )
    default = [r for r in out if r.code == DEFAULT_REGION]
    rest = sorted((r for r in out if r.code != DEFAULT_REGION), key=lambda r: r.name)
    return default + rest


def _preferred_lang(request: Request, default: Lang) -> tuple[Lang, bool]:
    """(language, whether the query asked for it and the cookie should be set)."""
    query = request.query_params.get("lang", "")
    for lang in LANGS:
        if query == lang:
            return lang, True
    cookie = request.cookies.get(LANG_COOKIE, "")
    for lang in LANGS:
        if cookie == lang:
            return lang, False
    header = request.headers.get("accept-language", "").lower()
    best: tuple[float, Lang] = (0.0, default)
    for part in header.split(","):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = tag.split("-")[0].strip()
        for lang in LANGS:
            if primary == lang and quality > best[0]:
                best = (quality, lang)
    return best[1], False


@dataclass(frozen=True)
class Defaults:
    """What a page shows before the visitor chooses (from the service settings)."""

    lang: Lang = "en"
    region: str = DEFAULT_REGION


def page_for(request: Request, ckb: CompiledKB, defaults: Defaults) -> Page:
    lang, set_lang = _preferred_lang(request, defaults.lang)
    choices = regions(ckb, lang)
    wanted = request.cookies.get(REGION_COOKIE, defaults.region).upper()
    by_code = {r.code: r for r in choices}
    region = by_code.get(wanted) or by_code.get(DEFAULT_REGION) or choices[0]
    return Page(lang=lang, region=region, regions=choices, path=request.url.path, set_lang=set_lang)


def safe_next(target: str) -> str:
    """Only same-site paths may be redirected to (no open redirect)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    if any(ord(c) < 32 for c in target):
        return "/"
    return target


def render(
    page: Page,
    template: str,
    context: Mapping[str, Any],
    status_code: int = 200,
    private: bool = False,
) -> Response:
    html = environment().get_template(template).render(page=page, t=page.t, **context)
    headers = dict(SECURITY_HEADERS)
    if private:
        headers.update(PRIVATE)
    response = HTMLResponse(html, status_code=status_code, headers=headers)
    if page.set_lang:
        remember_lang(response, page.lang)
    return response


def remember_lang(response: Response, lang: Lang) -> None:
    response.set_cookie(
        LANG_COOKIE, lang, max_age=PREFERENCE_MAX_AGE, httponly=True, samesite="lax"
    )


def remember_token(
    response: Response, request: Request, name: str, value: str, max_age: int | None = None
) -> None:
    """An access token in an HttpOnly SameSite=Lax cookie (Secure over HTTPS)."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def remember_region(response: Response, region: str) -> None:
    response.set_cookie(
        REGION_COOKIE, region, max_age=PREFERENCE_MAX_AGE, httponly=True, samesite="lax"
    )


def error_page(
    page: Page,
    status_code: int,
    title_key: str,
    text_key: str,
    continue_to: str | None = None,
) -> Response:
    return render(
        page,
        "error.html",
        {
            "title": page.t(title_key),
            "message": page.t(text_key, number=page.region.ambulance),
            "continue_to": continue_to,
        },
        status_code=status_code,
        private=True,
    )


def diary_cookie(diary_id: str, token: str) -> str:
    return f"{diary_id}.{token}"


def split_diary_cookie(value: str) -> tuple[str, str]:
    """(diary id, token) from the diary cookie; ("", "") if it is not one."""
    diary_id, dot, token = value.partition(".")
    return (diary_id, token) if dot and diary_id and token else ("", "")
