"""Command-line interface: an adapter that parses input, calls the core and renders output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from bleedcheck.errors import BleedcheckError
from bleedcheck.vocab import Assessment, Lang

app = typer.Typer(
    help="bleedcheck: how urgent is this bleeding, what could it be, what will the doctor check.",
    no_args_is_help=True,
    add_completion=False,
)
kb_app = typer.Typer(help="Inspect and validate the knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")

out = Console()
err = Console(stderr=True)

T = TypeVar("T")


def _guard(func: Callable[[], T]) -> T:
    """Translate bleedcheck errors into one line on stderr and exit status 2."""
    try:
        return func()
    except BleedcheckError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


@kb_app.command("check")
def kb_check(
    root: Annotated[
        Path | None, typer.Option(help="Knowledge-base folder (default: the packaged one).")
    ] = None,
) -> None:
    """Validate the knowledge base; exit 1 with one line per problem."""
    from bleedcheck.knowledge.check import check_knowledge
    from bleedcheck.knowledge.inventory import find_shared_dir, read_shared
    from bleedcheck.knowledge.load import load_knowledge

    kb = _guard(lambda: load_knowledge(root))
    shared_dir = find_shared_dir()
    shared = read_shared(shared_dir) if shared_dir else None
    report = check_knowledge(kb, shared)
    for problem in report.problems:
        err.print(f"[red]problem:[/] {problem}", highlight=False, soft_wrap=True)
    summary = (
        f"{len(kb.conditions)} conditions, {len(kb.findings)} findings, "
        f"{len(kb.rulebook.rules)} rules, {len(kb.tests)} tests; {report.seed_coverage}; "
        f"{report.estimates}/{report.numbers} numbers are estimates "
        f"({report.estimate_share:.0%})"
    )
    if report.problems:
        err.print(f"{len(report.problems)} problems. {summary}", highlight=False)
        raise typer.Exit(1)
    out.print(f"[green]ok[/]: {summary}", highlight=False)


@kb_app.command("show")
def kb_show(
    item_id: Annotated[
        str, typer.Argument(metavar="ID", help="A condition, finding, rule or test id.")
    ],
) -> None:
    """Print one knowledge-base entry as YAML."""
    import yaml

    from bleedcheck.errors import NotFound, did_you_mean
    from bleedcheck.knowledge.load import load_knowledge

    def find() -> Any:
        kb = load_knowledge()
        tables: list[dict[str, Any]] = [
            kb.conditions,
            kb.findings,
            {r.id: r for r in kb.rulebook.rules},
            kb.tests,
        ]
        for table in tables:
            if item_id in table:
                return table[item_id]
        every = [k for t in tables for k in t]
        raise NotFound(
            f"no condition, finding, rule or test '{item_id}'{did_you_mean(item_id, every)}"
        )

    entry = _guard(find)
    out.print(
        yaml.safe_dump(entry.model_dump(mode="json"), allow_unicode=True, sort_keys=False),
        highlight=False,
    )


LEVEL_STYLE = {
    "emergency_ambulance": "bold white on red",
    "emergency": "bold red",
    "consultation_24": "bold yellow",
    "consultation": "bold cyan",
    "self_care": "bold green",
}


def _lang(value: str) -> Lang:
    if value not in ("en", "ru"):
        raise typer.BadParameter(f"'{value}' is not supported; use en or ru")
    return "ru" if value == "ru" else "en"


LangOption = Annotated[str, typer.Option("--lang", help="Output language: en or ru.")]
RegionOption = Annotated[
    str,
    typer.Option(
        "--region",
        help="Region for the emergency number (e.g. RU 103, GB 999, US 911; 112 default).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


@app.command()
def assess(
    file: Annotated[
        str | None,
        typer.Argument(metavar="FILE|-", help='Case file (JSON): {"age": 34, "evidence": {...}}.'),
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="Describe what happened in your own words instead.")
    ] = None,
    age: Annotated[float | None, typer.Option("--age", help="Age in years (with --text).")] = None,
    as_json: JsonOption = False,
    lang: LangOption = "en",
    region: RegionOption = "DEFAULT",
    pdf: PdfOption = None,
    fhir: FhirOption = None,
) -> None:
    """Assess a case: urgency, likely causes with reasons, tests, what to do now."""
    from bleedcheck.engine.assess import assess as run_assess
    from bleedcheck.engine.assess import assess_evidence
    from bleedcheck.engine.evidence import read_case_file
    from bleedcheck.errors import EvidenceError
    from bleedcheck.knowledge.compile import compiled

    language = _lang(lang)
    if (file is None) == (text is None):
        raise typer.BadParameter("give either a case file (or - for stdin) or --text")
    parsed: list[dict[str, Any]] = []

    def run() -> Assessment:
        if file is not None:
            return run_assess(read_case_file(file), lang=language, region=region)
        assert text is not None
        result = _parse_text(text, language)
        if not result.findings:
            raise EvidenceError(
                "no finding was recognised in the text; try `bleedcheck interview --text ...`"
            )
        parsed.extend({"id": f.id, "state": f.state.value, "span": f.span} for f in result.findings)
        evidence = result.evidence(age_override=age)
        return assess_evidence(compiled(), evidence, lang=language, region=region)

    result = _guard(run)
    if as_json:
        data = result.model_dump(mode="json")
        if parsed:
            data["parsed"] = parsed
        out.print_json(data=data)
    else:
        render_assessment(result)
    _write_reports(result, text, pdf, fhir)


PdfOption = Annotated[
    Path | None,
    typer.Option("--pdf", help="Also write the one-page clinician report (PDF) here."),
]
FhirOption = Annotated[
    Path | None,
    typer.Option("--fhir", help="Also write the assessment as a FHIR R4 bundle (JSON) here."),
]


def _write_reports(
    result: Assessment,
    text: str | None,
    pdf: Path | None,
    fhir: Path | None,
    chart: Callable[[], bytes] | None = None,
) -> None:
    """Write the clinician reports asked for; a path that cannot be written is a clear error."""
    if pdf is None and fhir is None:
        return
    import json

    from bleedcheck.knowledge.compile import compiled
    from bleedcheck.report.fhir import fhir_bundle
    from bleedcheck.report.pdf import clinician_pdf

    ckb = compiled()
    outputs: list[tuple[Path, Callable[[], bytes]]] = []
    if pdf is not None:
        outputs.append(
            (pdf, lambda: clinician_pdf(ckb, result, text=text, chart_png=chart and chart()))
        )
    if fhir is not None:
        outputs.append(
            (
                fhir,
                lambda: json.dumps(
                    fhir_bundle(ckb, result, text=text), ensure_ascii=False, indent=2
                ).encode(),
            )
        )
    for path, render in outputs:
        try:
            path.write_bytes(render())
        except OSError as exc:
            err.print(
                f"[bold red]error:[/] cannot write {path}: {exc.strerror}",
                highlight=False,
                soft_wrap=True,
            )
            raise typer.Exit(2) from None
        err.print(f"report written to {path}", highlight=False, soft_wrap=True)


def _parse_text(text: str, lang: Lang) -> Any:
    """Parse free text, switching language (and saying so) when it is clearly the other one."""
    from bleedcheck.errors import EvidenceError
    from bleedcheck.language.parse import detect_language, parse

    if not text.strip():
        raise EvidenceError("the text is empty; describe what happened in a few words")
    detected = detect_language(text)
    if detected is not None and detected != lang:
        err.print(
            f"note: the text looks like {'Russian' if detected == 'ru' else 'English'}; "
            f"reading it as {detected} (use --lang {detected} for answers in that language)",
            highlight=False,
        )
        return parse(text, detected)
    return parse(text, lang)


@app.command("parse")
def parse_cmd(
    text: Annotated[str, typer.Argument(help="What happened, in your own words.")],
    lang: LangOption = "en",
    as_json: JsonOption = False,
) -> None:
    """Show which findings a description contains (present, absent) and the stated age."""
    language = _lang(lang)
    result = _guard(lambda: _parse_text(text, language))
    findings = [{"id": f.id, "state": f.state.value, "span": f.span} for f in result.findings]
    if as_json:
        out.print_json(data={"findings": findings, "age": result.age})
        return
    if not findings:
        out.print("No finding recognised.", highlight=False)
    for f in findings:
        style = "green" if f["state"] == "present" else "red"
        out.print(f"[{style}]{f['state']:8}[/] {f['id']:32} «{f['span']}»", highlight=False)
    if result.age is not None:
        out.print(f"age: {result.age}", highlight=False)


@app.command()
def interview(
    lang: LangOption = "en",
    region: RegionOption = "DEFAULT",
    text: Annotated[
        str | None, typer.Option("--text", help="Start from a description in your own words.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """An interactive interview in the terminal: red flags first, then what matters."""
    from bleedcheck.interactive import run_interview, w
    from bleedcheck.knowledge.compile import compiled

    language = _lang(lang)
    ckb = _guard(compiled)
    prefilled = None
    if text is not None:
        if not text.strip():
            out.print(w("empty", language) + " " + w("nothing", language), highlight=False)
        else:
            result = _guard(lambda: _parse_text(text, language))
            if result.findings:
                out.print(w("understood", language), highlight=False)
                for f in result.findings:
                    label = w("present" if f.state.value == "present" else "absent", language)
                    out.print(
                        f"  • {ckb.kb.findings[f.id].question.get(language)} — {label}",
                        highlight=False,
                    )
                prefilled = result.evidence()
            else:
                out.print(w("nothing", language), highlight=False)

    def read(prompt: str) -> str:
        try:
            return out.input(prompt)
        except EOFError:
            raise typer.Exit(1) from None

    try:
        result = run_interview(ckb, out, read, language, region, prefilled)
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    if as_json:
        out.print_json(result.model_dump_json())
    else:
        out.print()
        render_assessment(result)


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Address to bind.")] = "127.0.0.1",
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url",
            help="SQLAlchemy URL (default: BLEEDCHECK_DATABASE_URL or SQLite in your data folder).",
        ),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes.")] = 1,
) -> None:
    """Start the web app and REST API (OpenAPI docs at /docs)."""
    from bleedcheck.api.serve import serve as run_server

    _guard(lambda: run_server(port=port, database_url=database_url, workers=workers, host=host))


def render_assessment(result: Assessment) -> None:
    from rich.panel import Panel
    from rich.table import Table

    from bleedcheck.i18n.messages import message

    lang = result.lang
    tri = result.triage
    style = LEVEL_STYLE[tri.level.value]
    body = [f"[{style}]{tri.label}[/]", "", f"[bold]{message('what_now', lang)}:[/] {tri.action}"]
    body.append(f"[bold]{message('when', lang)}:[/] {tri.timeframe}")
    body.append(f"[bold]{message('escalate', lang)}:[/] {tri.safety_net}")
    if tri.reasons:
        body.append(f"[bold]{message('why', lang)}:[/]")
        body += [f"  • {r}" for r in tri.reasons[:5]]
    for hit in tri.rules[:3]:
        if hit.advice:
            body.append(f"  → {hit.advice}")
    out.print(Panel("\n".join(body), title=message("triage", lang), expand=False), highlight=False)

    table = Table(title=message("causes", lang), show_lines=False)
    table.add_column("#", justify="right")
    table.add_column("")
    table.add_column("ICD-10")
    table.add_column("")
    for i, c in enumerate(result.conditions[:8], start=1):
        table.add_row(str(i), c.name, ", ".join(c.icd10), c.likelihood_text)
    out.print(table)
    for c in result.conditions[:3]:
        out.print(f"\n[bold]{c.name}[/] ({c.likelihood_text})", highlight=False)
        if c.explanation:
            out.print(f"  {c.explanation}", highlight=False)
        if c.supporting:
            labels = ", ".join(x.label for x in c.supporting[:5])
            out.print(f"  [green]{message('supports', lang)}:[/] {labels}", highlight=False)
        if c.conflicting:
            labels = ", ".join(
                ("не " if lang == "ru" else "no ") + x.label if x.state == "absent" else x.label
                for x in c.conflicting[:5]
            )
            out.print(f"  [red]{message('against', lang)}:[/] {labels}", highlight=False)
    if result.serious_not_ruled_out:
        names = {c.id: c.name for c in result.conditions}
        serious = ", ".join(names[s] for s in result.serious_not_ruled_out if s in names)
        out.print(f"\n[bold yellow]{message('serious', lang)}:[/] {serious}", highlight=False)
    if result.tests:
        out.print(f"\n[bold]{message('tests', lang)}:[/]")
        for i, t in enumerate(result.tests[:8], start=1):
            out.print(f"  {i}. {t.name} — {t.description}", highlight=False)
    top = result.conditions[0] if result.conditions else None
    if top and top.self_care:
        out.print(f"\n[bold]{message('self_care', lang)}:[/] {top.self_care}", highlight=False)
    for note in result.notes:
        out.print(f"\n[italic]{note}[/]", highlight=False)
    out.print(f"\n[dim]{result.disclaimer}[/]", highlight=False)


@app.command("eval")
def evaluate_cmd(
    vignettes: Annotated[
        Path | None,
        typer.Argument(help="Vignette YAML file or folder (default: the packaged benchmark)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Run the vignette benchmark: top-1/top-3 diagnosis and triage safety."""
    from rich.table import Table

    from bleedcheck.evaluation.metrics import evaluate, load_vignettes
    from bleedcheck.knowledge.compile import compiled
    from bleedcheck.vocab import TriageLevel

    report = _guard(lambda: evaluate(compiled(), load_vignettes(vignettes)))
    summary = report.summary()
    if as_json:
        out.print_json(data=summary)
        return
    table = Table(title="Per condition (gold)")
    for col in ("condition", "n", "top-1", "top-3"):
        table.add_column(col)
    for cid, (n, t1, t3) in report.per_condition().items():
        table.add_row(cid, str(n), str(t1), str(t3))
    out.print(table)
    levels = list(TriageLevel)
    confusion = report.confusion()
    matrix = Table(title="Triage: gold (rows) vs assigned (columns)")
    matrix.add_column("gold \\ got")
    for lv in levels:
        matrix.add_column(lv.value)
    for gold in levels:
        matrix.add_row(gold.value, *(str(confusion.get((gold, got), 0)) for got in levels))
    out.print(matrix)
    for key, value in summary.items():
        out.print(f"{key}: {value}", highlight=False)


# --- bleeding diary -------------------------------------------------------------------------

diary_app = typer.Typer(
    help=(
        "A bleeding diary (CSV or JSON, one entry a day) against the FIGO 2018 limits: "
        "analyse it, assess it with the engine, chart it. Try "
        "examples/diary/regular_cycles.csv or examples/diary/between_periods_ru.json."
    ),
    no_args_is_help=True,
)
app.add_typer(diary_app, name="diary")

if TYPE_CHECKING:
    from bleedcheck.diary import Diary, DiaryAnalysis, DiaryFinding

DiaryFileArgument = Annotated[
    Path,
    typer.Argument(
        metavar="FILE",
        help=(
            "Diary file: CSV with the header date,flow[,after_sex,pain,clots,pads,note] or JSON "
            '[{"date": "2026-03-01", "flow": "light"}, ...]. Dates YYYY-MM-DD or DD.MM.YYYY; '
            "flow none, spotting, light, medium, heavy, very_heavy (or in Russian)."
        ),
    ),
]
DiaryAgeOption = Annotated[
    float | None,
    typer.Option(
        "--age",
        help="Age in years: the regularity limit is 7 days at 26-41, else 9; the engine uses it.",
    ),
]
DiaryTodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        help="Count days up to this date, not today (the example diaries end in June 2026).",
    ),
]


def _diary_analysis(
    file: Path, today: str | None, age: float | None
) -> tuple[Diary, DiaryAnalysis]:
    """Read and analyse a diary; a bad --today is bad input like a bad file."""
    import datetime as dt

    from bleedcheck.diary import analyse_diary, read_diary
    from bleedcheck.errors import DiaryError

    try:
        day = dt.date.fromisoformat(today) if today is not None else None
    except ValueError:
        raise DiaryError(f"--today: {today!r} is not a date; write YYYY-MM-DD") from None
    diary = read_diary(file, today=day)
    return diary, analyse_diary(diary, day, age)


@diary_app.command("analyse")
def diary_analyse(
    file: DiaryFileArgument,
    as_json: JsonOption = False,
    lang: LangOption = "en",
    age: DiaryAgeOption = None,
    today: DiaryTodayOption = None,
) -> None:
    """Episodes and cycles, FIGO classification with the numbers, and the findings it shows.

    Example: bleedcheck diary analyse examples/diary/regular_cycles.csv --today 2026-07-01
    """
    from bleedcheck.diary import diary_findings

    language = _lang(lang)
    _, analysis = _guard(lambda: _diary_analysis(file, today, age))
    findings = diary_findings(analysis)
    if as_json:
        out.print_json(
            data={
                "analysis": analysis.model_dump(mode="json"),
                "findings": [f.model_dump(mode="json") for f in findings],
            }
        )
        return
    _render_diary(analysis, findings, language)


def _render_diary(analysis: DiaryAnalysis, findings: list[DiaryFinding], lang: Lang) -> None:
    from rich import box
    from rich.table import Table

    from bleedcheck.diary.words import parameter_word, word

    episodes = Table(title=word("episodes", lang), box=box.SIMPLE_HEAD)
    for key in ("start", "days", "kind", "max_flow", "heavy_days", "cycle"):
        right = key in ("days", "heavy_days", "cycle")
        episodes.add_column(
            word(key, lang), justify="right" if right else "left", min_width=10 * (key == "start")
        )
    starts = [e.start for e in analysis.episodes if e.kind == "period"]
    for e in analysis.episodes:
        following = [s for s in starts if s > e.start] if e.kind == "period" else []
        episodes.add_row(
            e.start.isoformat(),
            str(e.days),
            word(e.kind.value, lang),
            word(e.max_flow.value, lang),
            str(e.heavy_days),
            str((following[0] - e.start).days) if following else "",
        )
    out.print(episodes)
    figo = Table(title=word("figo", lang), box=box.SIMPLE_HEAD)
    for key in ("parameter", "result", "why"):
        figo.add_column(word(key, lang))
    for c in analysis.classifications:
        style = "bold red" if c.abnormal else "green" if c.status != "unknown" else "dim"
        figo.add_row(
            parameter_word(c.parameter, lang),
            f"[{style}]{word(c.status, lang)}[/]",
            c.explanation[lang],
        )
    out.print(figo)
    out.print(f"[bold]{word('findings', lang)}:[/]", highlight=False)
    if not findings:
        out.print(f"  {word('no_findings', lang)}", highlight=False)
    for f in findings:
        state = word("present" if f.state == "present" else "absent_finding", lang)
        because = f" ({f.because})" if lang == "en" else ""
        out.print(f"  {state:14} {f.id}{because}", highlight=False)
    for note in analysis.notes:
        out.print(f"\n[italic]{note[lang]}[/]", highlight=False)


@diary_app.command("assess")
def diary_assess(
    file: DiaryFileArgument,
    age: DiaryAgeOption = None,
    as_json: JsonOption = False,
    lang: LangOption = "en",
    region: RegionOption = "DEFAULT",
    today: DiaryTodayOption = None,
    pdf: PdfOption = None,
    fhir: FhirOption = None,
) -> None:
    """Assess what the diary shows with the engine: urgency, likely causes, tests.

    Example: bleedcheck diary assess examples/diary/between_periods_ru.json --age 42 --today 2026-07-01
    """
    from bleedcheck.diary.findings import evidence_from_analysis
    from bleedcheck.engine.assess import assess_evidence
    from bleedcheck.knowledge.compile import compiled

    language = _lang(lang)

    read: list[tuple[Diary, DiaryAnalysis]] = []

    def run() -> Assessment:
        read.append(_diary_analysis(file, today, age))
        ckb = compiled()
        return assess_evidence(ckb, evidence_from_analysis(ckb, read[0][1]), language, region)

    result = _guard(run)
    if as_json:
        out.print_json(data=result.model_dump(mode="json"))
    else:
        render_assessment(result)

    def chart() -> bytes:
        from bleedcheck.diary import chart_png

        diary, analysis = read[0]
        return chart_png(diary, language, analysis=analysis)

    _write_reports(result, None, pdf, fhir, chart)


@diary_app.command("chart")
def diary_chart(
    file: DiaryFileArgument,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Where to write: a .png or .svg file.")
    ],
    lang: LangOption = "en",
    today: DiaryTodayOption = None,
) -> None:
    """Draw the diary: flow a day, periods shaded, bleeding between periods and after sex marked.

    Example: bleedcheck diary chart examples/diary/regular_cycles.csv -o diary.svg
    """
    from bleedcheck.diary import chart_png, chart_svg
    from bleedcheck.errors import DiaryError

    language = _lang(lang)
    kind = output.suffix.lower()
    if kind not in (".png", ".svg"):
        raise typer.BadParameter(f"'{output}' must end in .png or .svg", param_hint="-o")

    def draw() -> None:
        diary, analysis = _diary_analysis(file, today, None)
        try:
            if kind == ".png":
                output.write_bytes(chart_png(diary, language, analysis=analysis))
            else:
                output.write_text(chart_svg(diary, language, analysis=analysis), encoding="utf-8")
        except OSError as exc:
            raise DiaryError(f"{output}: cannot be written ({exc.strerror or exc})") from None

    _guard(draw)
    out.print(f"wrote {output}", highlight=False)


def main() -> None:
    app(prog_name="bleedcheck")


if __name__ == "__main__":
    main()
