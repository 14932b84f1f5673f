"""From mentions and numbers to one state per finding.

1. Each mention's state comes from its context (see `mentions.state_of`); a family cue does
   not apply to a family-history finding, nor a past-time cue to a risk factor (those are
   about relatives and the past by definition).
2. Several mentions of one finding: present wins over absent, absent over unknown.
3. Numbers set banded findings (`timing`); a figure beats a band named in words.
4. Implications: a more specific finding implies its general one (a late period makes
   pregnancy possible; weeks of pregnancy mean a confirmed pregnancy).
5. At most one finding of each band group is present (the most urgent one is kept).
"""

from __future__ import annotations

from collections.abc import Iterable

from bleedcheck.errors import KnowledgeError, did_you_mean
from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.language.generic import DENIES, denies_by_itself, is_generic
from bleedcheck.language.mentions import Assertion, Mention, Modifier, Reading, state_of
from bleedcheck.language.timing import GESTATION_BANDS, PREGNANT, Timing
from bleedcheck.vocab import Presence

IMPLIES: dict[str, tuple[str, ...]] = {
    "postcoital_over_4w": ("bleeding_after_sex",),
    "heavy_periods_since_menarche": ("heavy_periods",),
    "bleeding_after_first_sex": ("bleeding_after_sex", "first_intercourse"),
    "period_late": ("pregnancy_possible",),
    "acute_pain_during_sex": ("pain_sudden_after_sex_or_exercise",),
    "ultrasound_fibroid": ("known_fibroids",),  # a fibroid seen on a scan is a diagnosis
    "midcycle_spotting": ("bleeding_between_periods",),  # mid-cycle is between periods
    "rough_sex_or_toys": ("bleeding_after_sex",),  # asked as "before the blood appeared"
    **{band: (PREGNANT,) for _, band in GESTATION_BANDS},
    # only a pregnant woman feels her baby move less or has her waters break
    "reduced_fetal_movements": (PREGNANT,),
    "waters_broken": (PREGNANT,),
}
# Both at once imply a third: vomiting or diarrhoea while on the pill is what the
# missed-pills question asks about (the pill may not have been absorbed).
IMPLIES_JOINTLY: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (
        ("uses_combined_pill", "uses_progestogen_pill"),
        ("vomiting", "diarrhoea"),
        "missed_pills",
    ),
)
# Findings about the past by nature, which a past-time cue does not make uncertain.
PERMANENT = frozenset({"hysterectomy", "postmenopausal"})
_RANK = {Presence.PRESENT: 2, Presence.ABSENT: 1, Presence.UNKNOWN: 0}


def check_implications(ckb: CompiledKB) -> None:
    joint = [(implied, (*pills, *upsets)) for pills, upsets, implied in IMPLIES_JOINTLY]
    for child, parents in [*IMPLIES.items(), *joint]:
        for fid in (child, *parents):
            if fid not in ckb.kb.findings:
                raise KnowledgeError(
                    "findings.yaml",
                    fid,
                    "the text parser's implications need this finding"
                    + did_you_mean(fid, ckb.kb.findings),
                )


def ignored(finding: str, ckb: CompiledKB) -> frozenset[Modifier]:
    """Context categories that do not apply to a finding."""
    if is_generic(finding):
        return frozenset()
    kind = ckb.kb.findings[finding].kind
    skip: set[Modifier] = set()
    if finding.startswith(("family_", "partner_")):
        skip.add(Modifier.FAMILY)
    if kind == "risk" or finding in PERMANENT:
        skip.add(Modifier.HISTORICAL)
    return frozenset(skip)


def mention_assertions(reading: Reading, ckb: CompiledKB) -> list[Assertion]:
    out = []
    for m in reading.mentions:
        if is_generic(m.finding):
            out.extend(_generic(m))
            continue
        state, rule = state_of(m, ignored(m.finding, ckb))
        finding = m.finding
        if (
            finding == "recent_miscarriage_or_abortion"
            and state is Presence.ABSENT
            and "miscarr" in m.synonym
            and any(cue.lower() in _EVER_CUES for _, cue in m.modifiers)
        ):
            finding = "previous_miscarriage"  # "never had a miscarriage": ever, not recently
        out.append(Assertion(finding, state, m.start, m.end, rule))
    return out


_EVER_CUES = frozenset({"never", "never ever", "not ever"})


def _generic(m: Mention) -> list[Assertion]:
    """A denied generic word denies each finding it stands for; otherwise it says nothing."""
    denying = denies_by_itself(m.finding, m.synonym)
    # a reassuring fact stays true however long ago it was said to happen ("sterilised in 2015")
    state, rule = state_of(m, frozenset({Modifier.HISTORICAL}) if denying else frozenset())
    if denying:
        if state is not Presence.PRESENT:  # "не безболезненно", "цикл не регулярный": no denial
            return []
        state, rule = Presence.ABSENT, f"denying_word:{m.synonym}"
    if state is not Presence.ABSENT:
        return []
    return [Assertion(fid, state, m.start, m.end, rule) for fid in DENIES[m.finding]]


def strongest(assertions: Iterable[Assertion]) -> dict[str, Assertion]:
    """One assertion per finding: present over absent over unknown, then the earliest."""
    best: dict[str, Assertion] = {}
    for a in sorted(assertions, key=lambda a: a.start):
        held = best.get(a.finding)
        if held is None or _RANK[a.state] > _RANK[held.state]:
            best[a.finding] = a
    return best


def resolve(reading: Reading, timing: Timing, ckb: CompiledKB) -> list[Assertion]:
    best = strongest(
        a for a in mention_assertions(reading, ckb) if (a.finding, a.start) not in timing.overruled
    )
    if timing.postpartum_over and "postpartum_12w" in best:
        held = best["postpartum_12w"]
        best["postpartum_12w"] = Assertion(
            held.finding, Presence.UNKNOWN, held.start, held.end, "timing:birth_over_12_weeks"
        )
    if timing.gestation_band is not None:
        for _, band in GESTATION_BANDS:
            if band != timing.gestation_band and band in best:
                del best[band]
    for a in timing.assertions:
        current = best.get(a.finding)
        if current is None or current.state is not Presence.PRESENT:
            best[a.finding] = a
    _imply(best)
    _one_per_band(best, ckb)
    return sorted(best.values(), key=lambda a: (a.start, a.finding))


def _imply(best: dict[str, Assertion]) -> None:
    for pills, upsets, implied in IMPLIES_JOINTLY:
        held = best.get(implied)
        if held is not None and held.state is Presence.PRESENT:
            continue
        pill = next((best[f] for f in pills if _present(best, f)), None)
        upset = next((best[f] for f in upsets if _present(best, f)), None)
        if pill is not None and upset is not None:
            best[implied] = Assertion(
                implied,
                Presence.PRESENT,
                upset.start,
                upset.end,
                f"implied_by:{pill.finding}+{upset.finding}",
            )
    changed = True
    while changed:
        changed = False
        for child, parents in IMPLIES.items():
            a = best.get(child)
            if a is None or a.state is not Presence.PRESENT:
                continue
            for parent in parents:
                held = best.get(parent)
                if held is None or held.state is not Presence.PRESENT:
                    best[parent] = Assertion(
                        parent, Presence.PRESENT, a.start, a.end, f"implied_by:{child}"
                    )
                    changed = True


def _present(best: dict[str, Assertion], finding: str) -> bool:
    held = best.get(finding)
    return held is not None and held.state is Presence.PRESENT


def _one_per_band(best: dict[str, Assertion], ckb: CompiledKB) -> None:
    for members in ckb.bands.values():
        present = [f for f in members if f in best and best[f].state is Presence.PRESENT]
        for fid in present[:-1]:  # bands are listed from the least to the most urgent
            del best[fid]


def select_matches(matches: list[tuple[int, int, str, int]], ckb: CompiledKB) -> list[int]:
    """Which of several overlapping matches (first token, end token, finding, weight) count.

    The longer (heavier) match wins over a match nested inside it when both are the same
    finding, when the nested one is a generic word ("pain" in "pain during sex"), or when it
    is a context finding of the same question group, because the longer phrase says which
    one it is ("hormonal coil" is not the copper "coil"). A nested symptom, sign or test
    result still counts: "brown spotting before my period" is premenstrual spotting, spotting
    and dark blood at once. Matches that only partly overlap all count.
    """
    order = sorted(
        range(len(matches)), key=lambda i: (-matches[i][3], matches[i][0], matches[i][2])
    )
    kept: list[int] = []
    seen: set[tuple[int, int, str]] = set()
    for i in order:
        start, end, finding, _ = matches[i]
        if (start, end, finding) in seen:
            continue
        nested_in = [
            matches[k][2]
            for k in kept
            if matches[k][0] <= start
            and end <= matches[k][1]
            and (matches[k][0], matches[k][1]) != (start, end)
        ]
        if any(_loses_to(finding, outer, ckb) for outer in nested_in):
            continue
        kept.append(i)
        seen.add((start, end, finding))
    return sorted(kept, key=lambda i: (matches[i][0], matches[i][2]))


def _loses_to(inner: str, outer: str, ckb: CompiledKB) -> bool:
    if inner == outer or is_generic(inner):
        return True
    if is_generic(outer):
        return False
    finding = ckb.kb.findings[inner]
    if ckb.kb.findings[outer].band is not None and ckb.kb.findings[inner].band is None:
        return False  # "started the pill 6 weeks ago": how long says nothing of which method
    return finding.is_context and ckb.kb.findings[outer].group == finding.group
