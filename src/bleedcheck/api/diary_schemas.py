"""Request and response bodies of the diary routes (`/v1/diaries`).

Day entries use the keys of a JSON diary file (`date`, `flow`, `after_sex`, `pain`, `clots`,
`pads`, `note`), so a file's entries can be sent as they are; the importer checks the values
with the same messages as for a file. Responses reuse the diary's own models.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StrictBool, model_validator

from bleedcheck.api.schemas import Age, Count, Region, Request, Response
from bleedcheck.diary.analyse import DiaryAnalysis
from bleedcheck.diary.findings import DiaryFinding
from bleedcheck.diary.model import MAX_PADS, MAX_PAIN, DayEntry
from bleedcheck.vocab import Assessment, Lang

# Both stay under the default 64 KiB body limit, so the schema, not the limit, refuses more.
MAX_DAYS = 2_000  # entries in one import: days without bleeding need none, so decades fit
MAX_FILE = 60_000  # characters of file text: about 3,000 CSV lines
MAX_NOTE = 500

FlowWord = Annotated[
    str,
    Field(
        min_length=1,
        max_length=32,
        description=(
            "none, spotting, light, medium, heavy, very_heavy (or in Russian: нет, мажущие, "
            "скудные, умеренные, обильные, очень обильные)."
        ),
        examples=["light"],
    ),
]


class DayFields(Request):
    """One day, without its date (the date is in the path)."""

    flow: FlowWord
    after_sex: StrictBool = Field(
        default=False, description="The bleeding came during or after sex."
    )
    pain: Annotated[Count, Field(ge=0, le=MAX_PAIN)] | None = None
    clots: StrictBool = False
    pads: Annotated[Count, Field(ge=0, le=MAX_PADS)] | None = Field(
        default=None, description="Pads or tampons changed that day."
    )
    note: str | None = Field(default=None, max_length=MAX_NOTE)


class DayIn(DayFields):
    date: str = Field(
        min_length=1,
        max_length=10,
        description="YYYY-MM-DD or DD.MM.YYYY.",
        examples=["2026-03-01"],
    )


class DiaryIn(Request):
    """A new diary: its entries, or the text of a CSV or JSON diary file (exactly one)."""

    entries: list[DayIn] | None = Field(
        default=None, max_length=MAX_DAYS, description="Day entries; [] starts an empty diary."
    )
    file: str | None = Field(
        default=None,
        max_length=MAX_FILE,
        description=(
            "The text of a diary file: CSV with the header date,flow[,after_sex,pain,clots,pads,"
            'note] or JSON [{"date": ..., "flow": ...}] / {"entries": [...]}.'
        ),
        examples=["date,flow\n2026-03-01,medium\n2026-03-02,heavy\n"],
    )
    format: Literal["csv", "json"] | None = Field(
        default=None, description="The file's format; default: JSON if it starts with [ or {."
    )
    lang: Lang | None = Field(default=None, description="Default: from Accept-Language.")

    @model_validator(mode="after")
    def _one_source(self) -> DiaryIn:
        if (self.entries is None) == (self.file is None):
            raise ValueError("give either 'entries' or 'file' (the text of a CSV or JSON diary)")
        return self


class DiaryAssessmentIn(Request):
    age: Age | None = None
    lang: Lang | None = Field(default=None, description="Default: the diary's language.")
    region: Region | None = None


class DiaryOut(Response):
    id: str
    lang: Lang
    version: int = Field(description="Increases with every stored change.")
    created_at: datetime
    updated_at: datetime
    entries: list[DayEntry]
    analysis: DiaryAnalysis | None = Field(description="Absent while the diary has no entries.")
    findings: list[DiaryFinding] = Field(description="What the diary shows, for the engine.")
    chart: str = Field(description="Path of the diary's SVG chart (same token).")


class DiaryCreated(DiaryOut):
    token: str = Field(
        description="Access token: send it as `Authorization: Bearer <token>`. Shown only once."
    )


class DiaryAssessmentOut(Response):
    kb_version: str
    findings: list[DiaryFinding]
    assessment: Assessment
