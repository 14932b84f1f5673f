"""End-to-end text benchmark: free text in, triage level and ranked causes out.

    python benchmarks/cases.py [--json]

Each case is read by the parser (nothing else is given: the age too comes from the text) and
assessed. The sets:
- `cases/en.yaml`, `cases/ru.yaml`: held-out cases written blind (see cases/README.md);
- `cases/*_dev*.yaml` (`en_dev.yaml`, ...): more blind cases, used during development;
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
    for dev in sorted(default_text_cases("en").parent.glob("*_dev*.yaml")):
        dev_lang: Lang = "ru" if dev.name.startswith("ru") else "en"
        sets[f"cases_{dev.stem} (dev)"] = (
            evaluate_text(ckb, load_text_cases(dev), dev_lang),
            dev_lang,
        )
    sets["vignettes_en (dev)"] = (evaluate_text(ckb, vignettes, "en"), "en")
    sets["vignettes_ru (dev)"] = (evaluate_text(ckb, russian_vignette_texts(vignettes), "ru"), "ru")
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description="free text to triage and causes, end to end")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--misses", action="store_true", help="list under-triaged and top-3 misses")
    parser.add_argument(
        "--only", metavar="TEXT", help="with --misses: list only the sets whose name contains TEXT"
    )
    args = parser.parse_args()
    sets = run()
    summary: dict[str, Any] = {name: report.summary() for name, (report, _) in sets.items()}
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    columns = list(next(iter(summary.values())))  # the metrics' own keys, in their order
    widths = [max(8, len(c)) + 2 for c in columns]
    print(f"{'set':24}" + "".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)))
    for name, row in summary.items():
        cells = zip(columns, widths, strict=True)
        print(f"{name:24}" + "".join(f"{row[c]:>{w}}" for c, w in cells))
    if args.misses:
        for name, (report, _) in sets.items():
            if args.only and args.only not in name:
                continue
            for o in report.outcomes:
                v = o.vignette
                if o.level.rank < v.gold_triage.rank or not o.top3:
                    print(
                        f"\n[{name}] {v.id}: gold {v.gold_condition} / {v.gold_triage.value}; "
                        f"got {o.top} / {o.level.value}\n  {v.text}"
                    )


if __name__ == "__main__":
    main()
