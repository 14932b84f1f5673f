"""End-to-end text benchmark: free text in, triage level and ranked causes out.

    python benchmarks/cases.py [--json]

Each case is read by the parser (nothing else is given: the age too comes from the text) and
assessed. Four sets:
- `cases/en.yaml`, `cases/ru.yaml`: held-out cases written blind (see cases/README.md);
- `cases/en_dev.yaml`: more blind English cases, used during development;
- the vignettes' own English one-line summaries and their Russian renderings
  (`vignettes_ru.yaml`): used during development, so their figures are optimistic.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from bleedcheck.evaluation.metrics import (
    Report,
    default_text_cases,
    evaluate_text,
    load_text_cases,
    load_vignettes,
    russian_vignette_texts,
)
from bleedcheck.knowledge.compile import compiled
from bleedcheck.vocab import Lang


def run() -> dict[str, tuple[Report, Lang]]:
    ckb = compiled()
    vignettes = [v for v in load_vignettes() if v.text]
    sets: dict[str, tuple[Report, Lang]] = {}
    for lang in ("en", "ru"):
        path = default_text_cases(lang)
        if path.exists():
            sets[f"cases_{lang} (held out)"] = (
                evaluate_text(ckb, load_text_cases(path), lang),
                lang,
            )
    dev = default_text_cases("en").with_name("en_dev.yaml")
    if dev.exists():
        sets["cases_en_dev (dev)"] = (evaluate_text(ckb, load_text_cases(dev), "en"), "en")
    sets["vignettes_en (dev)"] = (evaluate_text(ckb, vignettes, "en"), "en")
    sets["vignettes_ru (dev)"] = (evaluate_text(ckb, russian_vignette_texts(vignettes), "ru"), "ru")
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description="free text to triage and causes, end to end")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--misses", action="store_true", help="list under-triaged and top-3 misses")
    args = parser.parse_args()
    sets = run()
    summary: dict[str, Any] = {name: report.summary() for name, (report, _) in sets.items()}
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    columns = list(next(iter(summary.values())))  # the metrics' own keys, in their order
    print(f"{'set':24}" + "".join(f"{c:>12}" for c in columns))
    for name, row in summary.items():
        print(f"{name:24}" + "".join(f"{row[c]:>12}" for c in columns))
    if args.misses:
        for name, (report, _) in sets.items():
            for o in report.outcomes:
                v = o.vignette
                if o.level.rank < v.gold_triage.rank or not o.top3:
                    print(
                        f"\n[{name}] {v.id}: gold {v.gold_condition} / {v.gold_triage.value}; "
                        f"got {o.top} / {o.level.value}\n  {v.text}"
                    )


if __name__ == "__main__":
    main()
