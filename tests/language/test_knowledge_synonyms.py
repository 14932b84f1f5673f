"""A synonym added to the knowledge base is all it takes to teach the parser a phrase."""

from __future__ import annotations

import dataclasses

import pytest

from bleedcheck.knowledge.compile import CompiledKB, compile_knowledge
from bleedcheck.language.parse import parse
from bleedcheck.vocab import Lang, Presence

from .helpers import state

NEW = {"en": "zebra stripes on my liner", "ru": "кровавые зайчики"}
FID = "spotting_light"


def _with_synonym(ckb: CompiledKB, fid: str, lang: Lang, phrase: str) -> CompiledKB:
    finding = ckb.kb.findings[fid]
    synonyms = finding.synonyms.model_copy(
        update={lang: [*getattr(finding.synonyms, lang), phrase]}
    )
    findings = {**ckb.kb.findings, fid: finding.model_copy(update={"synonyms": synonyms})}
    return compile_knowledge(dataclasses.replace(ckb.kb, findings=findings))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_new_synonym_teaches_a_new_phrase(ckb, lang):
    text = {"en": "I noticed zebra stripes on my liner today", "ru": "Сегодня кровавые зайчики"}
    assert state(text[lang], lang, FID, ckb) is None
    taught = _with_synonym(ckb, FID, lang, NEW[lang])
    assert state(text[lang], lang, FID, taught) is Presence.PRESENT
    found = next(f for f in parse(text[lang], lang, taught).findings if f.id == FID)
    assert found.rule == f"synonym:{NEW[lang]}"
    # the shipped knowledge base is untouched
    assert NEW[lang] not in getattr(ckb.kb.findings[FID].synonyms, lang)
    assert state(text[lang], lang, FID, ckb) is None


def test_russian_synonym_matches_its_inflections_and_negation(ckb):
    taught = _with_synonym(ckb, FID, "ru", NEW["ru"])
    assert state("видела кровавых зайчиков", "ru", FID, taught) is Presence.PRESENT
    assert state("кровавых зайчиков нет", "ru", FID, taught) is Presence.ABSENT


def test_english_synonym_is_negated_like_any_other(ckb):
    taught = _with_synonym(ckb, FID, "en", NEW["en"])
    assert state("no zebra stripes on my liner", "en", FID, taught) is Presence.ABSENT
