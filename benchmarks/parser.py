"""Free-text parser benchmark on the frozen corpora (evaluation/corpora/{en,ru}.yaml).

python benchmarks/parser.py          # a table per language, then the misses
python benchmarks/parser.py --json   # {"en": {...}, "ru": {...}}
python benchmarks/parser.py --corpus src/bleedcheck/evaluation/corpora/ru_dev.yaml --misses
                                     # score any corpus file; language from --lang or the file
                                     # name prefix (ru_dev.yaml -> ru)

Scoring: a predicted (finding, state) pair with state present or absent is a true positive
when the annotation gives that finding the same state; an annotated present/absent pair not
predicted is a false negative; a predicted present/absent pair not annotated (or annotated
unknown) is a false positive. `safety_absent_errors` counts safety-screen findings
(`safety_order` set) parsed absent where the annotation says present; it must be 0.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml

from bleedcheck.knowledge.compile import CompiledKB, compiled
from bleedcheck.language.parse import parse
from bleedcheck.vocab import LANGS, Lang, Presence

SCORED = (Presence.PRESENT, Presence.ABSENT)


@dataclass
class Score:
    items: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    age_right: int = 0
    safety_absent_errors: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "age_accuracy": round(self.age_right / self.items, 4) if self.items else 1.0,
            "safety_absent_errors": self.safety_absent_errors,
            "ms_per_item": round(1000 * self.seconds / self.items, 3) if self.items else 0.0,
        }


def corpus_path(lang: Lang) -> Path:
    return Path(str(resources.files("bleedcheck") / "evaluation" / "corpora" / f"{lang}.yaml"))


def load_corpus_file(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return cast(list[dict[str, Any]], data or [])


def load_corpus(lang: Lang) -> list[dict[str, Any]]:
    return load_corpus_file(corpus_path(lang))


def lang_of(path: Path) -> Lang:
    """The language of a corpus file from its name: `ru.yaml`, `ru_dev.yaml` -> "ru"."""
    prefix = path.stem.split("_", 1)[0].split("-", 1)[0]
    for lang in LANGS:
        if prefix == lang:
            return lang
    raise SystemExit(f"cannot tell the language of {path}; pass --lang")


def score(lang: Lang, ckb: CompiledKB, path: Path | None = None) -> Score:
    result = Score()
    safety = {fid for fid, f in ckb.kb.findings.items() if f.safety_order is not None}
    parse("warm up", lang, ckb)
    for item in load_corpus_file(path or corpus_path(lang)):
        gold = {fid: Presence(state) for fid, state in (item.get("findings") or {}).items()}
        start = time.perf_counter()
        parsed = parse(item["text"], lang, ckb)
        result.seconds += time.perf_counter() - start
        predicted = {f.id: f.state for f in parsed.findings if f.state in SCORED}
        result.items += 1
        result.age_right += parsed.age == item.get("age")
        wrong: list[str] = []
        for fid, state in predicted.items():
            if gold.get(fid) == state:
                result.tp += 1
            else:
                result.fp += 1
                wrong.append(f"+{fid}:{state.value}")
        for fid, state in gold.items():
            if state in SCORED and predicted.get(fid) != state:
                result.fn += 1
                wrong.append(f"-{fid}:{state.value}")
                if (
                    fid in safety
                    and state is Presence.PRESENT
                    and predicted.get(fid) is Presence.ABSENT
                ):
                    result.safety_absent_errors += 1
                    wrong.append("SAFETY")
        if parsed.age != item.get("age"):
            wrong.append(f"age {parsed.age} != {item.get('age')}")
        if wrong:
            result.misses.append(f"{item['id']}: {' '.join(wrong)}\n    {item['text']}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--misses", action="store_true", help="list every item with an error")
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="score this corpus file instead of the frozen ones (repeatable)",
    )
    parser.add_argument("--lang", choices=LANGS, help="language of --corpus files")
    args = parser.parse_args()
    ckb = compiled()
    scores: dict[str, Score]
    if args.corpus:
        scores = {}
        for path in args.corpus:
            lang = cast(Lang, args.lang) if args.lang else lang_of(path)
            scores[path.stem] = score(lang, ckb, path)
    else:
        scores = {lang: score(lang, ckb) for lang in LANGS if corpus_path(lang).is_file()}
    if args.json:
        print(json.dumps({lang: s.summary() for lang, s in scores.items()}, indent=2))
        return
    header = f"{'lang':7} {'items':>5} {'prec':>6} {'recall':>6} {'F1':>6} {'age':>6} {'safety':>6} {'ms':>6}"
    print(header)
    for lang, s in scores.items():
        m = s.summary()
        print(
            f"{lang:7} {m['items']:5d} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
            f"{m['age_accuracy']:6.3f} {m['safety_absent_errors']:6d} {m['ms_per_item']:6.2f}"
        )
    if args.misses:
        for lang, s in scores.items():
            print(f"\n# {lang}: {len(s.misses)} items with an error")
            print("\n".join(s.misses))


if __name__ == "__main__":
    main()
