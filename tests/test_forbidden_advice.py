"""No output ever repeats a corrected claim or gives forbidden advice (English and Russian)."""

from __future__ import annotations

import json
import re

import pytest

from bleedcheck.engine.assess import assess_evidence
from bleedcheck.engine.evidence import evidence_from_case
from bleedcheck.evaluation.metrics import load_vignettes
from bleedcheck.knowledge.check import _texts
from tests.conftest import EXAMPLES

# Beyond the corrections file: advice the product must never give in any language.
NOT_EN = r"(?<!not )(?<!n't )(?<!never )(?<!no )"
NOT_RU = r"(?<!не )(?<!нельзя )(?<!никогда не )"
ALWAYS_FORBIDDEN = {
    "en": [
        NOT_EN + r"\bdouch(e|ing) (with|using)\b",
        NOT_EN + r"\b(take|use|try) (etamsylate|dicynone|vikasol|vitamin k)\b",
        NOT_EN
        + r"\bstop (taking )?(your|the) (pill|contraceptive|contraception|anticoagulant|blood thinner)",
        r"bleeding (in|during) pregnancy is (normal|nothing to worry)",
        r"erosion (turns|will turn|can turn) into cancer",
        NOT_EN + r"\bstay in bed\b",
    ],
    "ru": [
        NOT_RU + r"спринцу(йтесь|йте)",
        NOT_RU + r"(примите|принимайте|выпейте) (этамзилат|дицинон|викасол)",
        NOT_RU
        + r"(прекратите|бросьте|отмените) (при[её]м|принимать) (таблет|контрацепт|антикоагулянт)",
        r"кровотечение (при|во время) беременности — (это )?норма",
        r"эрозия (перерождается|переходит) в рак",
    ],
}
NSAID = {
    "en": NOT_EN + r"\b(take|use|try) (ibuprofen|naproxen|diclofenac|aspirin|mefenamic)",
    "ru": NOT_RU + r"(примите|принимайте|выпейте) (ибупрофен|нурофен|напроксен|диклофенак|аспирин)",
}


def patterns(ckb, lang):
    found = [re.compile(p, re.I) for p in ALWAYS_FORBIDDEN[lang]]
    for corr in ckb.kb.corrections:
        found += [re.compile(p, re.I) for p in getattr(corr.forbidden, lang)]
    return found


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def cases(ckb):
    for path in sorted(EXAMPLES.glob("*.json")):
        yield path.stem, evidence_from_case(ckb, json.loads(path.read_text(encoding="utf-8")))
    for v in load_vignettes():
        yield v.id, evidence_from_case(ckb, {"age": v.age, "evidence": dict(v.evidence)})


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_assessment_contains_forbidden_advice(ckb, lang):
    compiled_patterns = patterns(ckb, lang)
    nsaid = re.compile(NSAID[lang], re.I)
    for name, ev in cases(ckb):
        text = "\n".join(strings(assess_evidence(ckb, ev, lang=lang).model_dump(mode="json")))
        for pattern in compiled_patterns:
            assert not pattern.search(text), f"{name}: /{pattern.pattern}/"
        if ev.state("pregnancy_possible").value != "absent":
            assert not nsaid.search(text), f"{name}: NSAID advised while pregnancy possible"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_knowledge_base_text_contains_forbidden_advice(ckb, lang):
    compiled_patterns = patterns(ckb, lang)
    kb = ckb.kb
    models = [
        *kb.conditions.values(),
        *kb.findings.values(),
        *kb.rulebook.rules,
        *kb.tests.values(),
        *kb.rulebook.levels.values(),
    ]
    for model in models:
        for path, text in _texts(model):
            value = text.get(lang)
            for pattern in compiled_patterns:
                assert not pattern.search(value), (
                    f"{getattr(model, 'id', '')}.{path}: /{pattern.pattern}/"
                )


def test_the_corrections_themselves_are_not_flagged(ckb):
    for lang in ("en", "ru"):
        compiled_patterns = patterns(ckb, lang)
        for corr in ckb.kb.corrections:
            for pattern in compiled_patterns:
                assert not pattern.search(corr.correction.get(lang)), (corr.id, pattern.pattern)


def test_every_corrected_claim_is_caught_by_its_patterns(ckb):
    """Each correction with patterns detects advice phrased the wrong way (a self-test)."""
    for corr in ckb.kb.corrections:
        assert corr.claim.en and corr.correction.en and corr.sources, corr.id
