"""A one-page PDF for the gynaecologist: triage, her answers, the differential and the work-up.

fpdf2 draws it with the DejaVu Sans font that matplotlib ships (a dependency already), so
Cyrillic prints without a system font. Long lists are cut to what one A4 page holds; the
FHIR bundle carries everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import TableCellFillMode, XPos, YPos
from fpdf.fonts import FontFace

from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.report.fhir import answered_labels
from bleedcheck.report.strings import report_text
from bleedcheck.settings import software_version
from bleedcheck.vocab import Assessment, TriageLevel

FONT = "DejaVu"
_FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
MARGIN = 14  # mm
LINE = 4.6  # mm per line of body text
BODY, SMALL, HEADING = 9, 7.5, 11  # font sizes (pt)
CHART_HEIGHT = 38  # mm for an optional diary chart


@dataclass(frozen=True)
class _Limits:
    """How much of each list goes on the page; tighter limits are tried until it fits."""

    causes: int
    tests: int
    reasons: int
    words_chars: int  # her own words, cut with an ellipsis beyond this
    list_chars: int  # present / absent findings, cut beyond this


LIMITS = (
    _Limits(causes=8, tests=8, reasons=4, words_chars=600, list_chars=420),
    _Limits(causes=6, tests=6, reasons=3, words_chars=300, list_chars=260),
    _Limits(causes=5, tests=5, reasons=2, words_chars=160, list_chars=160),
)

# the level's colour is a cue only: the label is always printed beside it
LEVEL_RGB: dict[TriageLevel, tuple[int, int, int]] = {
    TriageLevel.EMERGENCY_AMBULANCE: (176, 0, 32),
    TriageLevel.EMERGENCY: (200, 40, 40),
    TriageLevel.CONSULTATION_24: (214, 120, 0),
    TriageLevel.CONSULTATION: (30, 90, 170),
    TriageLevel.SELF_CARE: (30, 130, 60),
}
GREY = (90, 90, 90)
HEADER_FILL = (232, 232, 232)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _Page(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.add_font(FONT, "", str(_FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(_FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.add_font(FONT, "I", str(_FONT_DIR / "DejaVuSans-Oblique.ttf"))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.add_page()

    def finish(self) -> bytes:
        """The PDF bytes; then the font files fontTools keeps open for lazy loading are closed."""
        data = bytes(self.output())
        for font in self.fonts.values():
            ttfont = getattr(font, "ttfont", None)
            if ttfont is not None:
                ttfont.close()
        return data

    def heading(self, text: str) -> None:
        self.ln(1.5)
        self.set_font(FONT, "B", HEADING)
        self.cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def para(self, text: str, style: str = "", size: float = BODY) -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(0, LINE, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def labelled(self, label: str, text: str) -> None:
        self.set_font(FONT, "B", BODY)
        self.write(LINE, f"{label}: ")
        self.set_font(FONT, "", BODY)
        self.write(LINE, text)
        self.ln(LINE)


def clinician_pdf(
    ckb: CompiledKB,
    result: Assessment,
    *,
    text: str | None = None,
    chart_png: bytes | None = None,
    created: datetime | None = None,
) -> bytes:
    """The assessment as a one-page A4 PDF (bytes), in the assessment's language.

    Lists are cut step by step (`LIMITS`) until everything fits on one page.
    """
    when = (created or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    for limits in LIMITS:
        pdf = _render(ckb, result, text, chart_png, when, limits)
        data = pdf.finish()
        if pdf.page_no() == 1:
            break
    return data


def _render(
    ckb: CompiledKB,
    result: Assessment,
    text: str | None,
    chart_png: bytes | None,
    when: str,
    limits: _Limits,
) -> _Page:
    lang = result.lang
    pdf = _Page()
    pdf.set_title(report_text("title", lang))
    pdf.set_creator("bleedcheck")

    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(0, 7, report_text("title", lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*GREY)
    pdf.para(report_text("generated", lang, when=when, version=software_version()), size=SMALL)
    pdf.set_text_color(0, 0, 0)
    age = (
        f"{result.age:g} {report_text('years', lang)}"
        if result.age is not None
        else report_text("age_unknown", lang)
    )
    pdf.labelled(report_text("age", lang), age)
    if text:
        words = _cut(text.strip(), limits.words_chars)
        pdf.labelled(report_text("her_words", lang), f"«{words}»")

    _triage(pdf, result, limits)
    _findings(pdf, ckb, result, limits)
    _differential(pdf, result, limits)

    if result.tests:
        pdf.heading(report_text("workup", lang))
        pdf.para(" · ".join(t.name for t in result.tests[: limits.tests]))
    if chart_png:
        pdf.heading(report_text("diary", lang))
        pdf.image(BytesIO(chart_png), h=CHART_HEIGHT)

    pdf.ln(2)
    pdf.set_text_color(*GREY)
    pdf.para(result.disclaimer, "I", SMALL)
    pdf.para(report_text("footer", lang, kb=ckb.version), size=SMALL)
    return pdf


def _triage(pdf: _Page, result: Assessment, limits: _Limits) -> None:
    tri = result.triage
    lang = result.lang
    pdf.heading(report_text("triage", lang))
    top = pdf.get_y()
    pdf.set_x(MARGIN + 3)
    pdf.set_font(FONT, "B", HEADING)
    pdf.set_text_color(*LEVEL_RGB[tri.level])
    pdf.cell(0, 6, f"{tri.label} ({tri.level.value})", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.set_left_margin(MARGIN + 3)
    pdf.labelled(report_text("timeframe", lang), tri.timeframe)
    reasons = [hit.reason for hit in tri.rules if hit.reason] or tri.reasons
    if reasons:
        pdf.set_font(FONT, "B", BODY)
        pdf.cell(0, LINE, f"{report_text('red_flags', lang)}:", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for reason in reasons[: limits.reasons]:
            pdf.para(f"• {reason}")
    pdf.labelled(report_text("safety_net", lang), tri.safety_net)
    pdf.set_left_margin(MARGIN)
    pdf.set_fill_color(*LEVEL_RGB[tri.level])
    pdf.rect(MARGIN, top, 1.5, pdf.get_y() - top, style="F")
    pdf.set_fill_color(255, 255, 255)


def _findings(pdf: _Page, ckb: CompiledKB, result: Assessment, limits: _Limits) -> None:
    lang = result.lang
    present, absent = answered_labels(ckb, result)
    none = report_text("none", lang)
    pdf.heading(f"{report_text('present', lang)} / {report_text('absent', lang)}")
    pdf.labelled(report_text("present", lang), _cut(", ".join(present) or none, limits.list_chars))
    pdf.labelled(report_text("absent", lang), _cut(", ".join(absent) or none, limits.list_chars))


def _differential(pdf: _Page, result: Assessment, limits: _Limits) -> None:
    lang = result.lang
    pdf.heading(report_text("differential", lang))
    pdf.set_font(FONT, "", SMALL + 0.5)
    pdf.set_draw_color(*GREY)
    head = (
        "#",
        report_text("condition", lang),
        report_text("icd10", lang),
        report_text("probability", lang),
        report_text("supported_by", lang),
    )
    with pdf.table(
        col_widths=(6, 62, 22, 12, 80),
        text_align=("RIGHT", "LEFT", "LEFT", "RIGHT", "LEFT"),
        line_height=LINE - 0.6,
        first_row_as_headings=True,
        headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL),
        cell_fill_mode=TableCellFillMode.NONE,
    ) as table:
        table.row(head)
        for i, c in enumerate(result.conditions[: limits.causes], start=1):
            support = ", ".join(s.label for s in c.supporting[:4])
            table.row((str(i), c.name, ", ".join(c.icd10), f"{c.probability:.0%}", support))
    if result.serious_not_ruled_out:
        names = {c.id: c.name for c in result.conditions}
        serious = [names[s] for s in result.serious_not_ruled_out if s in names]
        pdf.ln(1)
        pdf.labelled(report_text("serious", lang), ", ".join(serious))
