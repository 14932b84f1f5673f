"""A chart of the diary for the clinician report and the web: PNG bytes or SVG text.

Days run along the x axis; a bar a day shows the flow (0 none … 5 very heavy). Meaning never
rests on colour alone: each flow level has its own hatching as well as its colour, periods are
shaded and labelled, and bleeding between periods and after sex carry distinct markers. Built
on a bare `Figure` with the Agg canvas: no pyplot, no global state.
"""

from __future__ import annotations

import datetime as dt
import io
from xml.sax.saxutils import escape

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from bleedcheck.diary.analyse import DiaryAnalysis, analyse_diary
from bleedcheck.diary.episodes import EpisodeKind
from bleedcheck.diary.model import Diary, Flow
from bleedcheck.diary.words import word
from bleedcheck.vocab import Lang

# Colour-blind-safe sequence (light to dark red-purple), each with its own hatch.
_STYLE: dict[Flow, tuple[str, str]] = {
    Flow.SPOTTING: ("#f4c6c6", "...."),
    Flow.LIGHT: ("#e88b8b", "//"),
    Flow.MEDIUM: ("#d1495b", "\\\\"),
    Flow.HEAVY: ("#9e1b32", "xx"),
    Flow.VERY_HEAVY: ("#4a0d1f", "++"),
}
_DESCRIPTION: dict[Lang, str] = {
    "en": "Bleeding diary from {first} to {last}: {periods} periods, {between} episodes of "
    "bleeding between periods, {postcoital} after sex.",
    "ru": "Дневник кровотечений с {first} по {last}: менструаций {periods}, кровотечений между "
    "месячными {between}, после секса {postcoital}.",
}


_MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ru": ("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
}


def _ticks(first: dt.date, last: dt.date, lang: Lang) -> tuple[list[int], list[str]]:
    """Weekly ticks for a short diary, monthly (or every 2nd, 3rd... month) for a long one."""
    span = (last - first).days
    if span <= 60:
        days = [first + dt.timedelta(days=n) for n in range(0, span + 1, 7)]
    else:
        step = 1 + span // 400  # months between ticks, so that about a dozen fit
        days = []
        month = dt.date(first.year, first.month, 1)
        while month <= last:
            if month >= first and (month.year * 12 + month.month) % step == 0:
                days.append(month)
            month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    labels = []
    for i, day in enumerate(days):
        label = f"{day.day} {_MONTHS[lang][day.month - 1]}"
        if i == 0 or day.month == 1:
            label += f"\n{day.year}"
        labels.append(label)
    return [(d - first).days for d in days], labels


def _figure(diary: Diary, analysis: DiaryAnalysis, lang: Lang) -> Figure:
    days = (analysis.last - analysis.first).days + 1
    fig = Figure(figsize=(min(16.0, max(8.0, days / 12)), 4.2), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    first = analysis.first
    for episode in analysis.episodes:
        if episode.kind is EpisodeKind.PERIOD:
            ax.axvspan(
                (episode.start - first).days - 0.5,
                (episode.end - first).days + 0.5,
                facecolor="#dddddd",
                edgecolor="none",
                zorder=0,
            )
    for flow, (colour, hatch) in _STYLE.items():
        dates = [(e.date - first).days for e in diary.entries if e.flow is flow]
        if dates:
            ax.bar(
                dates,
                [flow.level] * len(dates),
                width=0.9,
                color=colour,
                hatch=hatch,
                edgecolor="black",
                linewidth=0.4,
                zorder=2,
            )
    marks = (
        ([e for e in analysis.episodes if e.kind.between_periods], "v", "#1f4e99", "between"),
        (
            [e for e in analysis.episodes if e.kind is EpisodeKind.POSTCOITAL],
            "*",
            "#e69f00",
            "after_sex",
        ),
    )
    for episodes, marker, colour, _ in marks:
        if episodes:
            ax.scatter(
                [(e.start - first).days for e in episodes],
                [Flow.VERY_HEAVY.level + 0.6] * len(episodes),
                marker=marker,
                s=90,
                color=colour,
                edgecolors="black",
                zorder=3,
            )
    ax.set_ylim(0, Flow.VERY_HEAVY.level + 1.2)
    ax.set_yticks([f.level for f in Flow], [word(f.value, lang) for f in Flow])
    ax.set_ylabel(word("flow", lang))
    ax.set_xlim(-1, days)
    ax.set_xticks(*_ticks(analysis.first, analysis.last, lang))
    ax.grid(axis="y", color="#cccccc", linewidth=0.5, zorder=1)
    ax.set_title(
        f"{word('title', lang)}: {analysis.first.isoformat()} – {analysis.last.isoformat()}"
    )
    handles: list[object] = [
        Patch(facecolor=c, hatch=h, edgecolor="black", label=word(f.value, lang))
        for f, (c, h) in _STYLE.items()
    ]
    handles.append(Patch(facecolor="#dddddd", label=word("period", lang)))
    for _episodes, marker, colour, key in marks:
        handles.append(
            ax.scatter(
                [], [], marker=marker, s=90, color=colour, edgecolors="black", label=word(key, lang)
            )
        )
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    return fig


def chart_description(analysis: DiaryAnalysis, lang: Lang) -> str:
    """One sentence saying what the chart shows (its <desc>, or an <img> alt text)."""
    return _DESCRIPTION[lang].format(
        first=analysis.first.isoformat(),
        last=analysis.last.isoformat(),
        periods=len(analysis.pattern.periods),
        between=sum(e.kind.between_periods for e in analysis.episodes),
        postcoital=len(analysis.pattern.of_kind(EpisodeKind.POSTCOITAL)),
    )


def _render(
    diary: Diary, fmt: str, lang: Lang, today: dt.date | None, analysis: DiaryAnalysis | None
) -> bytes:
    analysis = analysis or analyse_diary(diary, today)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "bleedcheck", "hatch.linewidth": 0.6}):
        fig = _figure(diary, analysis, lang)
        title = word("title", lang)
        description = chart_description(analysis, lang)
        metadata: dict[str, str | None] = (
            {"Title": title, "Description": description, "Date": None}
            if fmt == "svg"
            else {"Title": title, "Description": description}
        )
        fig.savefig(buffer, format=fmt, dpi=110, metadata=metadata)
    return buffer.getvalue()


def chart_png(
    diary: Diary,
    lang: Lang = "en",
    today: dt.date | None = None,
    analysis: DiaryAnalysis | None = None,
) -> bytes:
    """The chart as PNG bytes (title and description in the PNG text chunks)."""
    return _render(diary, "png", lang, today, analysis)


def chart_svg(
    diary: Diary,
    lang: Lang = "en",
    today: dt.date | None = None,
    analysis: DiaryAnalysis | None = None,
) -> str:
    """The chart as SVG text, with a <title> and <desc> for screen readers."""
    analysis = analysis or analyse_diary(diary, today)
    svg = _render(diary, "svg", lang, today, analysis).decode("utf-8")
    # matplotlib writes the <title> from the metadata; screen readers also want a <desc>
    desc = f"<desc>{escape(chart_description(analysis, lang))}</desc>"
    at = svg.index("</title>") + len("</title>")
    return svg[:at] + "\n " + desc + svg[at:]
