"""Read the shared product definition: seed ids and the reference tables to cover."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SharedDocs:
    seed_ids: frozenset[str]
    triage_rows: int  # rows of clinical-reference section 3
    correction_rows: int  # rows of clinical-reference section 6


def find_shared_dir() -> Path | None:
    """`$BLEEDCHECK_SHARED`, else a `shared/` folder beside the checkout or the working dir."""
    env = os.environ.get("BLEEDCHECK_SHARED")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [p.parent / "shared" for p in here.parents[:6]]
    candidates += [Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for cand in candidates:
        if (cand / "seed-inventory.md").is_file():
            return cand
    return None


def _table_rows(text: str, heading: str) -> int:
    """Count the body rows of the first markdown table after a heading."""
    start = text.find(heading)
    if start < 0:
        return 0
    rows = 0
    in_table = False
    for line in text[start:].splitlines()[1:]:
        if line.startswith("|"):
            in_table = True
            rows += 1
        elif in_table or line.startswith("## "):
            break
    return max(rows - 2, 0)  # header and separator


def read_shared(shared: Path) -> SharedDocs:
    inventory = (shared / "seed-inventory.md").read_text(encoding="utf-8")
    seed_ids = frozenset(re.findall(r"^\|\s*(S-[A-Z]\d{2})\s*\|", inventory, flags=re.M))
    reference_path = shared / "clinical-reference.md"
    reference = reference_path.read_text(encoding="utf-8") if reference_path.is_file() else ""
    return SharedDocs(
        seed_ids=seed_ids,
        triage_rows=_table_rows(reference, "## 3. Red flags"),
        correction_rows=_table_rows(reference, "## 6. Common errors"),
    )
