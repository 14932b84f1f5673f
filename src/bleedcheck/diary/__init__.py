"""A bleeding diary: day entries → periods, cycles, FIGO classification → findings.

Pure functions; storage is elsewhere. Read a file with `read_diary`, analyse it with
`analyse_diary`, turn it into engine evidence with `diary_evidence`, draw it with `chart_png` or
`chart_svg`.
"""

from bleedcheck.diary.analyse import DiaryAnalysis, analyse_diary
from bleedcheck.diary.chart import chart_png, chart_svg
from bleedcheck.diary.episodes import Cycle, Episode, EpisodeKind, find_pattern
from bleedcheck.diary.figo import Classification
from bleedcheck.diary.findings import DiaryFinding, diary_evidence, diary_findings
from bleedcheck.diary.importer import (
    diary_from_bytes,
    diary_from_objects,
    parse_diary,
    read_diary,
    to_csv,
    to_json,
)
from bleedcheck.diary.model import DayEntry, Diary, Flow

__all__ = [
    "Classification",
    "Cycle",
    "DayEntry",
    "Diary",
    "DiaryAnalysis",
    "DiaryFinding",
    "Episode",
    "EpisodeKind",
    "Flow",
    "analyse_diary",
    "chart_png",
    "chart_svg",
    "diary_evidence",
    "diary_findings",
    "diary_from_bytes",
    "diary_from_objects",
    "find_pattern",
    "parse_diary",
    "read_diary",
    "to_csv",
    "to_json",
]
