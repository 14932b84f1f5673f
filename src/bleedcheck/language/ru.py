"""Russian text → finding mentions: pymorphy3 lemmas, phrase matching, context scopes.

Words are lemmatised (synonyms the same way), so "кровотечения", "кровотечением" and
"кровотечение" are one word; a word stands for every lemma pymorphy3 offers and its own form,
so an ambiguous or unknown word ("Миреной", "кровит") still meets its synonym. A synonym
matches its lemmas in order, with at most two extra words between two of them and never
across punctuation (a comma may stand before "когда": "режет, когда писаю"). Russian word
order is free, so a synonym also matches its words in any order when they sit close together
in one clause ("живот болит", "на шейке какое-то разрастание", "в моче была кровь"). Context
cues (see `ru_context`) reach forward to the end of their clause; a negation at the end of a
clause reaches back ("боли нет").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations

from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.language import ru_context as cues
from bleedcheck.language.generic import generic_synonyms
from bleedcheck.language.mentions import Mention, Modifier, Reading
from bleedcheck.language.morphology import (
    can_be_genitive,
    fold,
    is_adjectival,
    is_infinitive,
    is_known,
    is_preposition,
    is_verb,
    lemma,
    lemmas,
    number_gender,
)
from bleedcheck.language.numbers import to_number
from bleedcheck.language.resolve import select_matches
from bleedcheck.language.spelling import Speller

_VOWEL_INITIALS = (("а", "о"), ("о", "а"))
_TOKEN = re.compile(
    # "т.ч.", "т.е.", "т.к.": one word, so their dots do not end a sentence
    r"\b[тТ]\.\s?[чекдпЧЕКДП]\.|[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[.,]\d+)?(?:\s?[-–]\s?\d+(?:[.,]\d+)?)?|\n|[^\w\s]",
    re.UNICODE,
)
_PARTICLE = re.compile(r"-(?:то|нибудь|либо|таки)$", re.IGNORECASE)  # "какой-то": one word
MAX_GAP = 2  # extra words between two words of a synonym in its own order
# Words that say nothing of the finding and count as no gap, at most MAX_FILLERS of them.
FILLERS = frozenset(
    {"очень", "прям", "прямо", "просто", "еще", "уже", "вот", "тоже", "всегда", "опять",
     "снова", "вновь", "ну", "же", "вообще", "что-то", "какой-то", "какие-то", "какая-то"}
)  # fmt: skip
MAX_FILLERS = 2
FREE_ORDER_SLACK = 2  # extra words inside a synonym matched in another order (1 for two words)
# A comma may stand before these inside a phrase: "жжет, когда писаю".
SUBORDINATORS = frozenset({"когда", "как", "что", "если", "чтобы", "то"})  # "то есть, то нет"
TIME_UNITS = frozenset({"минута", "час", "день", "сутки", "неделя", "месяц", "год"})
_CATEGORY = {
    cues.NEGATED: Modifier.NEGATED,
    cues.UNCERTAIN: Modifier.UNCERTAIN,
    cues.HYPOTHETICAL: Modifier.HYPOTHETICAL,
    cues.HISTORICAL: Modifier.HISTORICAL,
    cues.FAMILY: Modifier.FAMILY,
}


@dataclass(frozen=True)
class Token:
    text: str
    form: str  # folded surface form
    lemma: str
    start: int
    end: int
    lemmas: frozenset[str] = frozenset()  # every reading of the word, and the form itself

    @property
    def is_word(self) -> bool:
        return self.form[:1].isalnum()

    def meets(self, want: frozenset[str]) -> bool:
        return not self.lemmas.isdisjoint(want)


# A note's clipped units: their dot ends no sentence when the text goes on in lower case or
# after a colon or comma ("в течение 3 мес.: межменструальные ...", "1–2 сут., повторяются").
_CLIPPED = frozenset({"мес", "нед", "сут", "мин", "сиг"})
_GOES_ON = re.compile(r"\s*(?:[,:;(]|[а-яё])")


def split_words(text: str) -> Iterator[tuple[str, int, int]]:
    """Words (hyphenated ones split into parts), numbers and punctuation, with offsets."""
    previous = ""
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word == "." and previous.lower() in _CLIPPED and _GOES_ON.match(text, m.end()):
            previous = word
            continue
        previous = word
        if "-" in word and word[0].isalpha() and not _PARTICLE.search(word):
            offset = m.start()
            for part in word.split("-"):
                yield part, offset, offset + len(part)
                offset += len(part) + 1
        else:
            yield word, m.start(), m.end()


@dataclass(frozen=True)
class Synonym:
    finding: str
    text: str
    lemmas: tuple[frozenset[str], ...]
    numeric: bool = False  # has a number: its words keep their order ("два раза в месяц")


@dataclass(frozen=True)
class Match:
    synonym: Synonym
    first: int  # token index of the first and last matched word
    last: int
    tokens: frozenset[int]


class RussianReader:
    """The compiled Russian matcher for one knowledge base."""

    def __init__(self, ckb: CompiledKB) -> None:
        self.ckb = ckb
        synonyms = [
            (fid, v)
            for fid, f in ckb.kb.findings.items()
            for s in f.synonyms.ru
            if s.strip()
            for v in paraphrases(fid, s)
        ] + generic_synonyms("ru")
        words = {fold(w) for _, s in synonyms for w, _, _ in split_words(s)}
        words |= {w for c in cues.CUES for w in c.words}
        # an unstressed first "о" is heard and typed as "а" ("астанавливается")
        self.speller = Speller(words, min_length=5, same=lemma, initials=_VOWEL_INITIALS)
        self.by_word: dict[str, list[Synonym]] = {}
        for fid, text in synonyms:
            toks = [t for t in self.tokens(text) if t.is_word]
            readings = tuple(t.lemmas for t in toks)
            if readings:
                numeric = any(_is_number(t) for t in toks)
                synonym = Synonym(fid, text, readings, numeric)
                for key in readings[0]:
                    self.by_word.setdefault(key, []).append(synonym)
        self.cues = sorted(cues.CUES, key=lambda c: -len(c.words))
        self.cue_first: dict[str, list[cues.RuCue]] = {}
        for cue in self.cues:
            self.cue_first.setdefault(cue.words[0], []).append(cue)

    def tokens(self, text: str) -> list[Token]:
        out = []
        for word, start, end in split_words(text):
            form = fold(word)
            rest = _fused_negation(form)
            if rest is not None:  # "нетянет", "неболит": "не" typed together with a verb
                out.append(Token(word[:2], "не", "не", start, start + 2, frozenset({"не"})))
                word, form, start = word[2:], rest, start + 2
            elif form.isalpha() and not is_known(form):
                form = _spoken(form) or self.speller.correct(form)
            readings = lemmas(form) | _value(form)
            out.append(Token(word, form, lemma(form), start, end, readings | _aliases(readings)))
        return _echoed(_carried_subject(_elided(_antecedents(_test_signs(out)))))

    def read(self, text: str) -> Reading:
        tokens = self.tokens(text)
        sentences = _sentences(tokens, len(text))
        candidates = [
            m
            for m in self._matches(tokens)
            if not _blood_in_gap(m, tokens) and not _pain_not_blood(m, tokens)
        ]
        chosen = select_matches(
            [
                (m.first, m.last + 1, m.synonym.finding, len(m.tokens) * 100 - (m.last - m.first))
                for m in candidates
            ],
            self.ckb,
        )
        matches = [candidates[i] for i in chosen]
        all_cues = self._cues(tokens)
        pseudo = {j for s, e, c in all_cues if c.category == cues.PSEUDO for j in range(s, e)}
        matches = [
            m
            for m in matches
            if not _jumps_negation_of(m, matches, tokens) and not _said_of_surgery(m, matches)
        ]
        used = set().union(*(m.tokens for m in matches)) if matches else set()
        found = _third_person(
            [
                c
                for c in all_cues
                if c[2].category != cues.PSEUDO and not used & set(range(c[0], c[1]))
            ]
            # "не пью ок": the verb of a cue is part of a phrase, its "не" still denies it
            + [
                (c[0], c[0] + 1, _NOT)
                for c in all_cues
                if c[2].category == cues.NEGATED
                and len(c[2].words) > 1
                and c[2].words[0] == "не"
                and c[0] not in used
                and used & set(range(c[0], c[1]))
            ],
            all_cues,
        )
        mentions = []
        for match in matches:
            modifiers = (
                tuple(
                    (_CATEGORY[cue.category], " ".join(cue.words))
                    for start, end, cue in found
                    if cue.category in _CATEGORY and _reaches(tokens, found, start, end, cue, match)
                )
                + _skipped_negation(match, tokens, pseudo)
                + _removed(match, tokens)
                + _tested_negative(match, tokens)
                + self._doubted(match, tokens)
            )
            mentions.append(
                Mention(
                    finding=match.synonym.finding,
                    start=tokens[match.first].start,
                    end=tokens[match.last].end,
                    sentence=_sentence_of(sentences, tokens[match.first].start),
                    synonym=match.synonym.text,
                    modifiers=modifiers,
                )
            )
        return Reading(mentions=_settled(_not_pregnant_by_test(mentions)), sentences=sentences)

    def _matches(self, tokens: list[Token]) -> Iterator[Match]:
        for i, tok in enumerate(tokens):
            seen: set[int] = set()
            for key in tok.lemmas:
                for syn in self.by_word.get(key, ()):
                    if id(syn) in seen:
                        continue
                    seen.add(id(syn))
                    positions = _follow(tokens, i, syn.lemmas)
                    if positions is None and len(syn.lemmas) > 1 and not syn.numeric:
                        positions = _any_order(tokens, i, syn.lemmas)
                    if positions is not None:
                        yield Match(syn, min(positions), max(positions), frozenset(positions))

    def _doubted(self, match: Match, tokens: list[Token]) -> tuple[tuple[Modifier, str], ...]:
        """A diagnosis asked about ("СПКЯ?") is not a diagnosis; a state wished, feared or
        tried for ("хочу забеременеть", "не могла забеременеть") is not the state; weeks that
        give the size of the womb ("матка увеличена до 9 недель беременности") are not weeks
        pregnant."""
        finding = match.synonym.finding
        nxt = match.last + 1
        if (
            nxt < len(tokens)
            and tokens[nxt].form == "?"
            and not finding.startswith("_")
            and self.ckb.kb.findings[finding].kind == "risk"
        ):
            return ((Modifier.UNCERTAIN, "?"),)
        if finding in _ASKED_STATES and _asked(match, tokens):
            return ((Modifier.UNCERTAIN, "?"),)  # "Это климакс уже?": a state asked about
        if finding == "before_first_period" and any(t.meets(_BIRTH) for t in tokens):
            return ((Modifier.UNCERTAIN, "после родов"),)  # no period yet since the birth
        if finding == "bleeding_with_expected_period" and (
            _long_ago(match, tokens) or _at_age(match, tokens)
        ):
            return ((Modifier.HISTORICAL, "назад"),)  # "начались год назад": the menarche
        if finding == "period_late" and any(
            tokens[j].form in _DELAYS for j in match.tokens
        ):  # "после задержек": delays over many cycles, not a period late now
            return ((Modifier.HISTORICAL, "задержек"),)
        if finding == "reduced_fetal_movements" and any(
            t.form in _NOT_YET for t in _clause_words(tokens, match, 3)
        ):  # "шевелений пока не чувствую": not felt yet, too early to feel
            return ((Modifier.UNCERTAIN, "пока"),)
        if finding == "regular_contractions" and _manner(match, tokens):
            return ((Modifier.UNCERTAIN, "схватками"),)  # "живот крутит схватками": crampy
        if finding == "bleeding_not_stopping" and _not_the_bleed(match, tokens):
            return ((Modifier.UNCERTAIN, "почти"),)
        if finding == "fast_heartbeat" and _fetal_heart(match, tokens):
            return ((Modifier.FAMILY, "плода"),)  # the baby's heartbeat, not the woman's
        if finding == "postpartum_12w" and _parity(match, tokens):
            return ((Modifier.HISTORICAL, "трое родов"),)  # births counted, not one just had
        if _wished(match, tokens) and self.ckb.kb.findings[finding].kind in ("context", "risk"):
            return ((Modifier.HYPOTHETICAL, "хочу"),)
        if finding in _PREGNANCY_WEEKS:
            before = [t for t in tokens[max(match.first - 3, 0) : match.first] if t.is_word]
            if any(t.form.startswith(_SIZE_WORDS) for t in before) or (
                any(t.form.startswith("матк") for t in before)
                and any(t.form in ("как", "с") for t in before)
            ):  # "матка как на 12 неделе"
                return ((Modifier.UNCERTAIN, "размер матки"),)
        return ()

    def _cues(self, tokens: list[Token]) -> list[tuple[int, int, cues.RuCue]]:
        """Cue occurrences, longest first, not overlapping (token start, end, cue)."""
        found: list[tuple[int, int, cues.RuCue]] = []
        i = 0
        while i < len(tokens):
            for cue in self.cue_first.get(tokens[i].form, ()):
                n = len(cue.words)
                if tuple(t.form for t in tokens[i : i + n]) == cue.words:
                    found.append((i, i + n, cue))
                    i += n
                    break
            else:
                i += 1
        # "чуть сознание не потеряла": a near miss, like "чуть не", is not a denial; "СД 2
        # типа" names a type, it is no colloquial hedge
        return [
            c
            for c in found
            if not (
                c[2].words == ("не",)
                and any(t.form in NEAR_MISS for t in tokens[max(c[0] - 3, 0) : c[0]])
            )
            and not (c[2].words == ("типа",) and c[0] > 0 and _is_number(tokens[c[0] - 1]))
        ]


# How Russian names the blood itself: a phrase about *when* blood appears ("кровит после
# секса") is said with any of these heads. Bleeding heads stand for each other; for findings
# about the timing only (not the amount) spotting heads do too.
BLEEDING_HEADS = (
    "кровь идет",
    "идет кровь",
    "кровь пошла",
    "пошла кровь",
    "кровянистые выделения",
    "кровотечение",
    "кровит",
    "кровь",
)
SPOTTING_HEADS = ("мажущие выделения", "мажет", "мазня", "подмазывает", "кровомазание")
TIMING_ONLY = frozenset(
    {
        "bleeding_after_sex",
        "postcoital_over_4w",
        "bleeding_between_periods",
        "midcycle_spotting",
        "premenstrual_spotting",
        "bleeding_on_exertion",
        "bleeding_after_first_sex",
        "postmenopausal",
    }
)
# (not "getting heavier": its comparatives share a lemma with the plain adjective, so
# "кровотечение сильнее" would meet "кровотечение сильное")
BLEEDING_ONLY = frozenset({"bleeding_not_stopping"})


def paraphrases(finding: str, synonym: str) -> list[str]:
    """A synonym and, for a finding about when blood appears, the same phrase with each
    other way of naming the blood: "кровит после секса" → "кровь идет после секса",
    "мажет после секса", "кровянистые выделения после секса", ..."""
    if finding not in TIMING_ONLY and finding not in BLEEDING_ONLY:
        return [synonym]
    padded = f" {fold(synonym)} "
    for head in (*BLEEDING_HEADS, *SPOTTING_HEADS):
        if f" {head} " in padded and padded.strip() != head:
            if finding in BLEEDING_ONLY:
                heads: tuple[str, ...] = BLEEDING_HEADS if head in BLEEDING_HEADS else ()
            else:
                heads = (*BLEEDING_HEADS, *SPOTTING_HEADS)
            variants = [padded.replace(f" {head} ", f" {other} ", 1).strip() for other in heads]
            return [synonym, *dict.fromkeys(v for v in variants if v != padded.strip())]
    return [synonym]


# Words of a birth or breastfeeding: no period "yet" after them is no menarche to come.
_BIRTH = frozenset({"роды", "родить", "кормить", "лактация", "кесарев", "кесарево", "гв"})
_LONG_UNITS = frozenset({"месяц", "год", "полгода", "полтора"})
_AGO = frozenset({"назад", "году"})


def _clause_words(tokens: list[Token], match: Match, reach: int) -> list[Token]:
    """Up to `reach` words either side of a match, inside its clause."""
    out: list[Token] = []
    for step, edge in ((-1, match.first), (1, match.last)):
        j, words = edge + step, 0
        while 0 <= j < len(tokens) and words < reach and not _is_break(tokens[j]):
            if tokens[j].form != ",":
                out.append(tokens[j])
                words += 1
            j += step
    return out


def _long_ago(match: Match, tokens: list[Token]) -> bool:
    """Periods that began months or years ago are the first periods, not this bleed:
    "месячные начались полгода назад"."""
    near = _clause_words(tokens, match, 4)
    return any(t.meets(_LONG_UNITS) for t in near) and any(t.form in _AGO for t in near)


_NOT_YET = frozenset({"пока", "еще", "ещё"})
_DELAYS = frozenset({"задержек", "задержками", "задержках"})


def _at_age(match: Match, tokens: list[Token]) -> bool:
    """Periods that began at an age ("месячные начались в 13", "с 12 лет") are the first
    periods."""
    j = match.last + 1
    return (
        j + 1 < len(tokens)
        and tokens[j].form in ("в", "с")
        and tokens[j + 1].form.isdigit()
        and 8 <= int(tokens[j + 1].form) <= 18
    )


def _manner(match: Match, tokens: list[Token]) -> bool:
    """Contractions named in the instrumental after a verb of pain say how it hurts ("живот
    крутит схватками", "болит схватками"), not that labour has begun."""
    if len(match.tokens) != 1 or not tokens[match.first].form.endswith("ами"):
        return False
    before = [t for t in tokens[max(match.first - 2, 0) : match.first] if t.is_word]
    return any(is_verb(t.form) for t in before)


def _not_the_bleed(match: Match, tokens: list[Token]) -> bool:
    """A bleed that does not stop said "almost" ("почти постоянно мажет": it comes and goes),
    or "не переставая" said of pain ("болит не переставая")."""
    lo = max(match.first - 1, 0)
    if any(tokens[j].form == "почти" for j in range(lo, match.last + 1)):
        return True
    if any(tokens[j].meets(_BLEEDING_WORDS) for j in match.tokens):
        return False
    before = [t for t in tokens[max(match.first - 2, 0) : match.first] if t.is_word]
    return any(t.meets(_PAIN_WORDS) for t in before)


# States a woman asks about as a diagnosis ("Это климакс уже?", "у меня климакс?"), and
# the words that may stand between the state and the question mark.
_ASKED_STATES = frozenset({"postmenopausal"})
_QUESTION_TAIL = frozenset({"уже", "ли", "наступил", "начался", "начинается", "или", "что"})
QUESTION_TAIL_REACH = 2


def _asked(match: Match, tokens: list[Token]) -> bool:
    j = match.last + 1
    limit = j + QUESTION_TAIL_REACH
    while j < len(tokens) and j < limit and tokens[j].form in _QUESTION_TAIL:
        j += 1
    return j < len(tokens) and tokens[j].form == "?"


# Words of a heartbeat seen on a scan or heard on a monitor: the baby's, not the woman's
# ("на УЗИ сердцебиения нет", "Сердцебиение плода не выслушивается").
_FETAL = frozenset(
    {
        "плод",
        "эмбрион",
        "малыш",
        "ребенок",
        "ребёнок",
        "сердечко",
        "узи",
        "ктг",
        "ктр",
        "кардиотокография",
    }
)
FETAL_REACH = 6  # words either side of "сердцебиение", inside its clause
_BIRTHS = frozenset({"роды"})
# A count or an ordinal before births makes them the woman's parity: "трое родов", "после
# третьих родов", "двое родов в анамнезе".
_BIRTH_COUNTS = frozenset(
    {
        "двое", "трое", "четверо", "пятеро", "второй", "третий", "четвертый", "четвёртый",
        "пятый", "предыдущий", "прошлый", "все",
    }
)  # fmt: skip


def _fetal_heart(match: Match, tokens: list[Token]) -> bool:
    return any(t.meets(_FETAL) for t in _clause_words(tokens, match, FETAL_REACH))


def _parity(match: Match, tokens: list[Token]) -> bool:
    births = [j for j in match.tokens if tokens[j].meets(_BIRTHS)]
    return any(
        j > 0 and (tokens[j - 1].meets(_BIRTH_COUNTS) or tokens[j - 1].form.isdigit())
        for j in births
    )


# Verbs whose infinitive object is wished, planned, feared or tried for, not done.
_MODALS = frozenset(
    {
        "хотеть", "хотеться", "мочь", "смочь", "планировать", "бояться", "опасаться",
        "пытаться", "попытаться", "стараться", "мечтать", "надеяться", "собираться",
        "получаться", "получиться", "удаваться", "удаться", "шанс", "возможность",
    }
)  # fmt: skip
MODAL_REACH = 2  # words between the modal and its infinitive


def _wished(match: Match, tokens: list[Token]) -> bool:
    """An infinitive of the match governed by a modal near it outside the match: "хочу
    забеременеть", "забеременеть не могла", "боимся забеременеть"."""
    if not any(is_infinitive(tokens[j].form) for j in match.tokens):
        return False
    near = (
        *range(match.first - 1, max(match.first - 2 - MODAL_REACH, -1), -1),
        *range(match.last + 1, min(match.last + 2 + MODAL_REACH, len(tokens))),
    )
    for j in near:
        tok = tokens[j]
        if not tok.is_word or tok.form in cues.CLAUSE_WORDS:
            continue
        if tok.meets(_MODALS):
            return all(
                tokens[k].is_word and tokens[k].form not in cues.CLAUSE_WORDS
                for k in range(min(j, match.first) + 1, max(j, match.last))
                if k not in match.tokens
            )
    return False


# Weeks of pregnancy named in words, and words that make them the size of the womb.
_PREGNANCY_WEEKS = frozenset(
    {
        "pregnancy_confirmed",
        "gestation_under_6w",
        "gestation_6_13w",
        "gestation_13_20w",
        "gestation_20w_plus",
    }
)
_SIZE_WORDS = ("увелич", "соответств", "размер", "величин")
_NOT = next(c for c in cues.CUES if c.words == ("не",))
# The clinical word for a period meets every synonym written with the everyday one.
# An imperfective verb meets the synonyms written with its perfective pair, as a denial or a
# habit is usually said: "таблетки не пропускала" (пропустила таблетку), "матку не удаляли".
_ASPECT_PAIRS = {
    "пропускать": "пропустить",
    "удалять": "удалить",
    "забывать": "забыть",
    "прижигать": "прижечь",
    "вынимать": "вынуть",
    "доставать": "достать",
    "назначать": "назначить",
    "отменять": "отменить",
    "выскабливать": "выскоблить",
    "вставлять": "вставить",
    "убирать": "убрать",
    "отходить": "отойти",
    "выходить": "выйти",
    "терять": "потерять",
    "падать": "упасть",
    "ударяться": "удариться",
    "рваться": "порваться",
    "усиливаться": "усилиться",
    "начинаться": "начаться",
    "появляться": "появиться",
    "останавливаться": "остановиться",
    "прекращаться": "прекратиться",
    "заканчиваться": "закончиться",
    "увеличиваться": "увеличиться",
    "уменьшаться": "уменьшиться",
    "выделяться": "выделиться",
    "промокать": "промокнуть",
    "протекать": "протечь",
    "задерживаться": "задержаться",
    "повторяться": "повториться",
    "устанавливать": "установить",
    "менять": "поменять",
    "бросать": "бросить",
}
# A diminutive meets the synonyms written with its plain word ("животик болит").
_DIMINUTIVES = {
    "животик": "живот",
    "шишечка": "шишка",
    "сгусточек": "сгусток",
    "сгусточки": "сгустки",
    "прокладочка": "прокладка",
    "кусочек": "кусок",
    "капелька": "капля",
    "пятнышко": "пятно",
    "язвочка": "язва",
    "кровушка": "кровь",
    "месячки": "месячные",
    "болючий": "болезненный",
    # the verb meets the noun's phrases: "болит при половом акте" (боль при половом акте)
    "болеть": "боль",
}
# A colour "-оватый" (a tinge of it) meets the synonyms written with the plain colour:
# "сперма розоватая" (розовая сперма), "выделения коричневатые".
_TINGES = {
    "желтоватый": "желтый",
    "зеленоватый": "зеленый",
    "коричневатый": "коричневый",
    "сероватый": "серый",
    "красноватый": "красный",
    "беловатый": "белый",
    "буроватый": "бурый",
}
_ALIASES = {
    "менструация": frozenset({"месячные", "месячный"}),
    # the forums' abbreviation of "месячные": "мд не пришли", "мажет перед мд"
    "мд": frozenset({"месячные", "месячный"}),
    **{tinge: frozenset({plain}) for tinge, plain in _TINGES.items()},
    **{imperfective: frozenset({perfective}) for imperfective, perfective in _ASPECT_PAIRS.items()},
    **{small: frozenset({plain}) for small, plain in _DIMINUTIVES.items()},
}
# Discharge other than blood: "обильные кровянистые выделения" are not profuse mucus.
_NOT_BLOOD = frozenset(
    {
        "discharge_mucoid_profuse",
        "discharge_white_curd",
        "discharge_stretchy_midcycle",
        "discharge_yellow_green",
        "discharge_frothy",
        "discharge_grey_fishy",
    }
)
_BLOOD_WORDS = frozenset({"кровянистый", "кровяной", "кровь", "алый", "кровавый", "ярко"})
_TESTS = frozenset({"хгч", "тест", "тесты", "бхгч", "беременность"})


def _aliases(readings: frozenset[str]) -> frozenset[str]:
    out: frozenset[str] = frozenset()
    for key, extra in _ALIASES.items():
        if key in readings:
            out |= extra
    return out


def _test_signs(tokens: list[Token]) -> list[Token]:
    """A plus or minus after a test is its result: "ХГЧ+", "тест (+)", "ХГЧ (-)"; the
    brackets around it go, so the result stands next to its test."""
    out = list(tokens)
    drop: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.form not in ("+", "-", "−"):
            continue
        bracket = i > 0 and tokens[i - 1].form == "("
        before = tokens[i - 2] if bracket and i > 1 else tokens[i - 1] if i > 0 else None
        if before is None or before.form not in _TESTS:
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.form != "+" and after is not None and (after.form[:1].isdigit() or after.is_word):
            continue  # "ХГЧ - 1500", "тест - отрицательный": a dash
        word = "положительный" if tok.form == "+" else "отрицательный"
        out[i] = Token(tok.text, word, word, tok.start, tok.end, frozenset({word}))
        if bracket and after is not None and after.form == ")":
            drop |= {i - 1, i + 1}
    return [t for j, t in enumerate(out) if j not in drop]


def _blood_in_gap(match: Match, tokens: list[Token]) -> bool:
    if match.synonym.finding not in _NOT_BLOOD:
        return False
    return any(
        j not in match.tokens and tokens[j].meets(_BLOOD_WORDS)
        for j in range(match.first + 1, match.last)
    )


# "резкая боль во время полового акта": a phrase about when, said of pain and not of blood
_PAIN_WORDS = frozenset({"боль", "болеть", "больно", "заболеть", "болезненный", "прострелить"})
_BLEEDING_WORDS = frozenset(
    {
        "кровь",
        "кровить",
        "кровотечение",
        "кровянистый",
        "кровяной",
        "мазать",
        "мазня",
        "кровомазание",
        "подмазывать",
        "выделение",
        "выделения",
    }
)


def _pain_not_blood(match: Match, tokens: list[Token]) -> bool:
    if match.synonym.finding != "bleeding_after_sex":
        return False
    if any(tokens[j].meets(_BLEEDING_WORDS) for j in match.tokens):
        return False
    lo, hi = match.first, match.last
    while lo > 0 and tokens[lo - 1].form not in cues.SENTENCE_PUNCT:
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].form not in cues.SENTENCE_PUNCT:
        hi += 1
    sentence = [tokens[j] for j in range(lo, hi + 1) if j not in match.tokens]
    pain = any(t.meets(_PAIN_WORDS) for t in sentence)
    return pain and not any(t.meets(_BLEEDING_WORDS) for t in sentence)


def _third_person(
    found: list[tuple[int, int, cues.RuCue]], every: list[tuple[int, int, cues.RuCue]]
) -> list[tuple[int, int, cues.RuCue]]:
    """In a note about the patient ("Пациентка 30 лет. У нее мажет"), "у нее" is the patient:
    it marks someone else only when the writer speaks of herself or of a relative too."""
    proxy = _written_for(every)
    if proxy is not None:  # "Пишу за подругу: у неё задержка и сильная боль справа"
        return [c for c in found if not (c[2].category == cues.FAMILY and _names(c[2], proxy))]
    other = [c for c in every if c[2].category == cues.FAMILY and c[2].words != ("у", "нее")]
    if other or any(c[2].category == cues.SELF for c in every):
        return found
    return [c for c in found if c[2].words != ("у", "нее")]


# A message written for another woman: her current complaints are what is assessed (safety
# first), as long as the writer reports nothing of her own ("у меня", "мне").
_PROXY_VERBS = frozenset({"пишу", "спрашиваю", "пишем", "спрашиваем"})
_OWN = frozenset({("у", "меня"), ("мне",), ("меня",), ("сама",)})


def _written_for(every: list[tuple[int, int, cues.RuCue]]) -> str | None:
    """The stem of the woman a message is written for ("подруг"), or None."""
    named = None
    for _, _, cue in every:
        if cue.category == cues.FAMILY and len(cue.words) >= 2 and cue.words[-2] == "за":
            named = cue.words[-1][:5]
        elif cue.category == cues.FAMILY and cue.words[0] in _PROXY_VERBS and named is None:
            named = ""
    if named is None or any(cue.words in _OWN for _, _, cue in every):
        return None
    return named


def _names(cue: cues.RuCue, stem: str) -> bool:
    """Does a family cue name the woman the message is written for?"""
    if cue.words == ("у", "нее") or cue.words[0] in _PROXY_VERBS or "за" in cue.words:
        return True
    return bool(stem) and any(w.startswith(stem) for w in cue.words)


def _skipped_negation(
    match: Match, tokens: list[Token], pseudo: set[int]
) -> tuple[tuple[Modifier, str], ...]:
    """A negation word inside a gapped or reordered match denies it: "рвоты не было" is
    "была рвота" denied, "воды не отходили" is "воды отходили" denied. A synonym that is
    itself negative keeps its sense (Russian negative concord): "месячных ещё ни разу не было"."""
    if any(tokens[j].form in NEGATION_WORDS for j in match.tokens):
        return ()
    if any(t.form in NEAR_MISS for t in tokens[max(match.first - 2, 0) : match.last]):
        return ()  # "чуть сознание не потеряла": a near miss
    for j in range(match.first + 1, match.last):
        if j not in match.tokens and j not in pseudo and tokens[j].form in NEGATION_WORDS:
            return ((Modifier.NEGATED, tokens[j].form),)
    return ()


def _not_pregnant_by_test(mentions: list[Mention]) -> list[Mention]:
    """ "Не беременна, тест отрицательный" reports the test: its denial of a pregnancy adds
    nothing to the negative test (and a negative test leaves a pregnancy possible)."""
    if not any(m.finding == "pregnancy_test_negative" and not m.modifiers for m in mentions):
        return mentions
    return [
        m
        for m in mentions
        if not (
            m.finding == "pregnancy_confirmed"
            and any(cat is Modifier.NEGATED for cat, _ in m.modifiers)
        )
    ]


# A coil named only as a coil ("ВМС", "спираль") is the hormonal one when the text names it
# ("ЛНГ-ВМС (Мирена) ... Нити ВМС визуализируются").
_BARE_COIL = frozenset({"вмс", "спираль", "стоит спираль", "внутриматочная спираль"})


def _settled(mentions: list[Mention]) -> list[Mention]:
    """Mentions settled against each other: no fibroid seen ("миомы нет", "миоматозных узлов
    нет") is no known fibroid either; see `_BARE_COIL` and the dryness of sex below."""
    if not any(m.finding == "known_fibroids" for m in mentions):
        mentions = mentions + [
            replace(m, finding="known_fibroids")
            for m in mentions
            if m.finding == "ultrasound_fibroid"
            and any(cat is Modifier.NEGATED for cat, _ in m.modifiers)
            and not any(cat is not Modifier.NEGATED for cat, _ in m.modifiers)
        ]
    # dryness said of sex ("при сексе сухость") is not dryness in everyday life too
    mentions = [
        m
        for m in mentions
        if not (
            m.finding == "vaginal_dryness"
            and any(
                o.finding == "dryness_during_sex" and o.start <= m.start and m.end <= o.end
                for o in mentions
            )
        )
    ]
    if not any(
        m.finding == "uses_hormonal_ius"
        and not any(cat is Modifier.NEGATED for cat, _ in m.modifiers)
        for m in mentions
    ):
        return mentions
    return [m for m in mentions if not (m.finding == "uses_copper_iud" and m.synonym in _BARE_COIL)]


# A device taken out or a method stopped: "ВМС удалили", "Мирену сняли" (the removal is
# also a procedure, whose phrase takes the verb, so this is not a cue).
_REMOVAL = frozenset(
    {
        "удалили", "удалила", "удалял", "сняли", "сняла", "вынули", "вынула", "достали",
        "достала", "извлекли", "извлекла", "убрали", "убрала",
    }
)  # fmt: skip
REMOVAL_REACH = 3


def _removed(match: Match, tokens: list[Token]) -> tuple[tuple[Modifier, str], ...]:
    if not match.synonym.finding.startswith(("uses_implant", "uses_hormonal_ius", "uses_copper")):
        return ()
    for step, edge in ((1, match.last), (-1, match.first)):
        j, words, commas = edge + step, 0, 0
        while 0 <= j < len(tokens) and words < REMOVAL_REACH:
            tok = tokens[j]
            # "до этого мирена была, её сняли": the removal in the next clause, after a comma
            if tok.form == "," and step == 1 and commas == 0:
                commas += 1
                j += step
                continue
            if _stops_phrase(tok):
                break
            if tok.form in _REMOVAL:
                return ((Modifier.NEGATED, tok.form),)
            if tok.form not in _IT:
                words += 1
            j += step
    return ()


_IT = frozenset({"ее", "её", "его", "их"})


_NEGATIVE = frozenset({"отрицательный"})
_RESULT_LINKS = frozenset({"—", "–", "-", ":", "был", "была", "было", "были"})


def _tested_negative(match: Match, tokens: list[Token]) -> tuple[tuple[Modifier, str], ...]:
    """A finding that is a test's finding, with a negative result right after it: "ВПЧ
    отрицательный", "ВПЧ — отриц." (a synonym that holds the result keeps its sense)."""
    if any(tokens[j].meets(_NEGATIVE) for j in match.tokens):
        return ()
    j = match.last + 1
    while j < len(tokens) and tokens[j].form in _RESULT_LINKS:
        j += 1
    if j < len(tokens) and tokens[j].meets(_NEGATIVE):
        return ((Modifier.NEGATED, tokens[j].form),)
    return ()


def _said_of_surgery(match: Match, matches: list[Match]) -> bool:
    """A long bleed after a tooth was pulled or an operation ("после удаления зуба кровь
    долго не останавливалась") is that bleed, not a vaginal bleed that does not stop."""
    return match.synonym.finding == "bleeding_not_stopping" and any(
        other.synonym.finding == "bleeding_after_surgery_or_dental"
        and not other.tokens.isdisjoint(match.tokens)
        for other in matches
    )


def _jumps_negation_of(match: Match, matches: list[Match], tokens: list[Token]) -> bool:
    """A match that skips a negation word which belongs to a longer match around it yields to
    that match: in "месячные не пришли" (a late period) "пришли месячные" is not said."""
    for j in range(match.first + 1, match.last):
        if j in match.tokens or tokens[j].form not in NEGATION_WORDS:
            continue
        for other in matches:
            if (
                other is not match
                and j in other.tokens
                and other.first <= match.first
                and match.last <= other.last
            ):
                return True
    return False


NEGATION_WORDS = frozenset({"не", "нет", "ни", "без"})
NEAR_MISS = frozenset({"чуть", "едва", "чуть-чуть"})


def _follow(tokens: list[Token], i: int, lemmas: tuple[frozenset[str], ...]) -> list[int] | None:
    """The synonym's words in order from tokens[i], a word or a comma+subordinator apart."""
    positions = [i]
    pos = i
    for want in lemmas[1:]:
        gap = fillers = 0
        j = pos + 1
        while j < len(tokens) and gap <= MAX_GAP:
            tok = tokens[j]
            if tok.meets(want):
                positions.append(j)
                pos = j
                break
            if tok.form == "," and not want.isdisjoint(SUBORDINATORS):
                j += 1
                continue
            if _whose(tokens, j):  # "цикл у меня всегда плавает": "у меня" is no gap
                j += 2
                continue
            if tok.form in FILLERS and fillers < MAX_FILLERS:  # "кровь опять прям идет"
                fillers += 1
                j += 1
                continue
            if tok.form == "," or tok.form in cues.AND_WORDS:
                shared = _through_list(tokens, pos, j, want)
                if shared is not None:
                    positions.append(shared)
                    pos = shared
                    break
            if _stops_phrase(tok) or (_is_number(tok) and _is_unit_next(tokens, j, want)):
                return None
            gap += 1
            j += 1
        else:
            return None
    return positions


LIST_REACH = 8  # tokens a list of adjectives sharing one word may run over


_OWNERS = frozenset({"меня", "нее", "неё", "него", "тебя", "нас", "вас", "дочки", "дочери"})


def _whose(tokens: list[Token], j: int) -> bool:
    """Whether tokens[j:j+2] say whose something is ("у меня", "у нее")."""
    return tokens[j].form == "у" and j + 1 < len(tokens) and tokens[j + 1].form in _OWNERS


def _owned(tokens: list[Token], j: int) -> bool:
    """Whether tokens[j] is part of a "у меня" inside a phrase ("вес у меня большой")."""
    return _whose(tokens, j) or (j > 0 and _whose(tokens, j - 1))


def _through_list(tokens: list[Token], pos: int, j: int, want: frozenset[str]) -> int | None:
    """A word shared by a list of adjectives, across the commas and "и" of the list: the
    noun after it ("тянущих, схваткообразных, односторонних болей нет": each adjective is
    said of "болей") or the subject before it ("месячные стали обильнее, длительнее и
    болезненнее": each comparative is said of "месячные"). Every item of the list is an
    adjective, a participle or a comparative, and so is one end."""
    if j - 1 > pos and not is_adjectival(tokens[j - 1].form):
        return None  # the list's first item ends the words skipped before its comma
    items = int(j - 1 > pos)
    for k in range(j, min(j + LIST_REACH, len(tokens))):
        tok = tokens[k]
        if tok.meets(want):
            ends = (tokens[pos].form, tok.form)
            return k if items and any(is_adjectival(w) for w in ends) else None
        if tok.form == "," or tok.form in cues.AND_WORDS:
            continue
        if not tok.is_word or not is_adjectival(tok.form):
            return None
        items += 1
    return None


def _any_order(tokens: list[Token], i: int, lemmas: tuple[frozenset[str], ...]) -> list[int] | None:
    """The synonym's words in another order, close together in one clause around tokens[i].

    tokens[i] is the synonym's first word; every other word takes the nearest free token
    that fits, and the words may have at most `FREE_ORDER_SLACK` others among them.
    """
    slack = 1 if len(lemmas) == 2 else FREE_ORDER_SLACK
    reach = len(lemmas) + slack
    lo = i
    while lo > 0 and i - lo < reach and not _stops_phrase(tokens[lo - 1]):
        lo -= 1
    hi = i
    while hi < len(tokens) - 1 and hi - i < reach and not _stops_phrase(tokens[hi + 1]):
        hi += 1
    positions = [i]
    for want in lemmas[1:]:
        free = [j for j in range(lo, hi + 1) if j not in positions and tokens[j].meets(want)]
        if not free:
            return None
        positions.append(min(free, key=lambda j: abs(j - i)))
    light = sum(  # negation and filler words inside take no room: "ОК больше не пью"
        1
        for j in range(min(positions), max(positions))
        if j not in positions and (tokens[j].form in _LIGHT_WORDS or _owned(tokens, j))
    )
    if max(positions) - min(positions) + 1 - light > len(lemmas) + slack:
        return None
    for j in range(min(positions), max(positions)):
        if (
            j not in positions
            and _is_number(tokens[j])
            and j + 1 in positions
            and tokens[j + 1].meets(TIME_UNITS)
        ):
            return None
    return positions


_LIGHT_WORDS = NEGATION_WORDS | FILLERS | {"больше"}


def _value(form: str) -> frozenset[str]:
    """A number's value as digits, so "два", "две" and "2" are one word."""
    value = to_number(form, "ru") if form[:1].isalnum() else None
    if value is None or value != int(value) or form in _NOT_NUMBERS:
        return frozenset()
    return frozenset({str(int(value))})


_NOT_NUMBERS = frozenset({"пара", "пару", "несколько"})


def _is_number(tok: Token) -> bool:
    return tok.form[:1].isdigit() or to_number(tok.form, "ru") is not None


def _is_unit_next(tokens: list[Token], j: int, want: frozenset[str]) -> bool:
    """A number standing just before the unit a synonym wants changes it: "каждые 2 часа"
    is not "каждый час"."""
    return j + 1 < len(tokens) and tokens[j + 1].meets(want) and not want.isdisjoint(TIME_UNITS)


def _stops_phrase(tok: Token) -> bool:
    """Punctuation, "и"/"или" and clause words ("но", "а") end a phrase."""
    return not tok.is_word or tok.form in cues.GAP_BREAKS or tok.form in cues.AND_WORDS


def _fused_negation(form: str) -> str | None:
    """The verb in a "не" typed together with it ("нетянет" → "тянет"), if it is one."""
    if len(form) < 6 or not form.startswith("не") or is_known(form):
        return None
    rest = form[2:]
    return rest if is_known(rest) and is_verb(rest) else None


def _spoken(form: str) -> str | None:
    """Spelling as it sounds: "кружица" → "кружится", "щас" → "сейчас"."""
    for written, standard in _SPOKEN_ENDINGS:
        if form.endswith(written):
            fixed = form[: -len(written)] + standard
            if is_known(fixed):
                return fixed
    return _SPOKEN_WORDS.get(form) or _NOTE_WORDS.get(form) or _akanye(form)


def _akanye(form: str) -> str | None:
    """An unstressed "о" typed as "а" (and back): "галава" → "голова", "пракладка" →
    "прокладка"; the fewest changes that give a known word, and only one such word."""
    spots = [i for i, c in enumerate(form) if c in "ао"]
    if not spots or len(spots) > 5:
        return None
    for size in range(1, min(len(spots), 3) + 1):
        found = set()
        for picked in combinations(spots, size):
            letters = list(form)
            for i in picked:
                letters[i] = "о" if letters[i] == "а" else "а"
            fixed = "".join(letters)
            if is_known(fixed):
                found.add(fixed)
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None


_SPOKEN_ENDINGS = (("ца", "тся"), ("ца", "ться"), ("тса", "тся"), ("ться", "тся"))
_SPOKEN_WORDS = {"щас": "сейчас", "седня": "сегодня", "чет": "что-то", "ваще": "вообще"}
# A clinical note's clipped results: "ВПЧ отриц.", "ХГЧ полож."
_NOTE_WORDS = {
    "отриц": "отрицательный",
    "отрицат": "отрицательный",
    "полож": "положительный",
}


def _is_break(tok: Token) -> bool:
    """Sentence ends, clause words ("но", "а") and punctuation other than a comma."""
    return tok.form in cues.CLAUSE_WORDS or (not tok.is_word and tok.form != ",")


def _reaches(
    tokens: list[Token],
    found: list[tuple[int, int, cues.RuCue]],
    start: int,
    end: int,
    cue: cues.RuCue,
    match: Match,
) -> bool:
    """Whether a cue at tokens[start:end] modifies a match."""
    if cue.category == cues.HYPOTHETICAL and _has_result(tokens, match):
        return False  # "анализ на ВПЧ был положительный": a test done, with its result
    if cue.words[0] in cues.PRESCRIBED and match.synonym.finding.startswith("uses_"):
        return False  # "назначили ксарелто": a drug prescribed is a drug taken
    if (
        match.first < start < match.last
    ):  # inside the phrase: "кровь не идёт", "тампон кажется остался"
        return True
    if start > match.last:
        return _reaches_back(tokens, start, end, cue, match)
    if cue.forward == 0 or match.first < end:
        return False
    words = 0
    for j in range(end, match.first):
        tok = tokens[j]
        if _is_break(tok):
            return False
        if _ends_scope(found, j, cue):
            return False
        if tok.form == "," and cue.category == cues.UNCERTAIN and words > 0:
            return False  # "кажется остался, ..., выделения с запахом": doubt ends at a comma
        if cue.words[0] in _PREPOSITIONAL_NEGATIONS and _is_finite_verb(tok):
            return False  # "без смазки заметила немного крови": "без" denies its noun only
        if tok.form == "," or tok.form in cues.AND_WORDS:
            nxt = _next_word(tokens, j)
            if cue.category == cues.NEGATED and _has_result(tokens, match):
                return False  # "месячных нет, тест отрицательный": a result is said anew
            if (
                cue.category == cues.NEGATED
                and not (cue.genitive and nxt is not None and can_be_genitive(tokens[nxt].form))
                and not (cue.listing and _lists_on(tokens, nxt))
            ):
                return False
            if not tok.is_word:
                continue
        if tok.is_word:
            words += 1
        if words > cue.forward:
            return False
    return True


_RESULTS = frozenset({"положительный", "отрицательный", "обнаружить", "выявить", "найти"})


def _has_result(tokens: list[Token], match: Match) -> bool:
    """Whether a match states a result, in it or just after it ("ВПЧ положительный", "ВПЧ
    был положительный", "ВПЧ 16 обнаружен")."""
    hi = min(match.last + 3, len(tokens))
    for j in range(match.first, hi):
        if j > match.last and not tokens[j].is_word:
            break
        if tokens[j].meets(_RESULTS):
            return True
    return False


def _reaches_back(tokens: list[Token], start: int, end: int, cue: cues.RuCue, match: Match) -> bool:
    if cue.backward == 0:
        return False
    if start == match.last + 1 and cue.words[0] in cues.ENDED:
        return True  # "курить бросила год назад": an ended habit, right after its object
    # only a cue that closes its clause looks back: "боли нет", "температуры не было"; a
    # hedge before the closing negation does too: "температуры вроде нет"; so does a cue
    # with an emphatic word after it: "зуда нет вообще" (not "совсем": "не совсем" hedges)
    while end < len(tokens) and tokens[end].form in _EMPHATIC:
        end += 1
    if end < len(tokens) and not (
        _is_break(tokens[end])
        or tokens[end].form in (",", "и", "-", "—")
        or (cue.category == cues.UNCERTAIN and tokens[end].form in ("нет", "не"))
    ):
        return False
    words = 0
    genitive_list = (cue.genitive and _genitive_list(tokens, match.first, start)) or (
        cue.closing
        and _noun_list(tokens, match.first, start)
        and (not cue.words[-1].startswith(_TAKING) or match.synonym.finding.startswith("uses_"))
    )  # "ЗГТ, антикоагулянты не принимает" lists drugs, not "кровянистые выделения, ..."
    for j in range(match.last + 1, start):
        tok = tokens[j]
        if _is_break(tok) or (
            tok.form == "," and not (cue.listing and _lists_on(tokens, j)) and not genitive_list
        ):
            return False
        if tok.is_word:
            words += 1
    return words <= cue.backward


def _genitive_list(tokens: list[Token], first: int, cue: int) -> bool:
    """A note's list of denied nouns before "нет": "Обмороков, головокружения нет" — every
    word from the match to the cue can be a genitive (or stands in a prepositional phrase:
    "выделений с запахом") and none is a verb, so a comma does not end the denial (it does in
    "болит живот, температуры нет", "кровотечение сильное, обмороков нет")."""
    after_preposition = False
    seen = False
    for tok in tokens[first:cue]:
        if tok.form == "," or tok.form in cues.AND_WORDS:
            after_preposition = False
            continue
        if not tok.is_word:
            return False
        if is_verb(tok.form):
            return False
        if is_preposition(tok.form):
            after_preposition = True
            continue
        if not (after_preposition or can_be_genitive(tok.form)):
            return False
        seen = True
    return seen


_TAKING = ("прини", "получ", "испол", "приме", "пь", "пил", "употр")
# Words that stress a closing negation without ending its clause: "боли нет вообще".
_EMPHATIC = frozenset({"вообще", "абсолютно", "ваще"})
# Negations that are prepositions: they deny the noun they govern, not the clause after it.
_PREPOSITIONAL_NEGATIONS = frozenset({"без", "безо"})


def _is_finite_verb(tok: Token) -> bool:
    """A verb that cannot be read as a noun or adjective ("заметила", not "течение")."""
    return tok.is_word and is_verb(tok.form) and not can_be_genitive(tok.form)


def _noun_list(tokens: list[Token], first: int, cue: int) -> bool:
    """A note's list of nouns before a closing "не отмечает" / "не принимает" ("ЗГТ,
    антикоагулянты не принимает"): no verb from the match to the cue."""
    words = [t for t in tokens[first:cue] if t.is_word and t.form not in cues.AND_WORDS]
    return (
        bool(words)
        and not any(is_verb(t.form) and not can_be_genitive(t.form) for t in words)
        and all(t.is_word or t.form == "," for t in tokens[first:cue])
    )


def _lists_on(tokens: list[Token], j: int | None) -> bool:
    """Whether a list goes on at tokens[j]: a noun phrase, not a new verb or complaint
    ("отрицает тошноту, рвоту" but not "отрицает боли, отмечает мажущие выделения")."""
    if j is None:
        return False
    nxt = next((k for k in range(j, len(tokens)) if tokens[k].is_word), None)
    if nxt is None:
        return False
    form = tokens[nxt].form
    return form not in _NEW_CLAUSE and not (is_verb(form) and not can_be_genitive(form))


_NEW_CLAUSE = frozenset({"жалобы", "жалуется", "жалоб", "беспокоят", "беспокоит", "есть"})


def _ends_scope(found: list[tuple[int, int, cues.RuCue]], j: int, cue: cues.RuCue) -> bool:
    """Self-reference ends a family scope; 'now' ends a family or historical one."""
    for start, _, other in found:
        if start == j:
            if other.category == cues.SELF and cue.category == cues.FAMILY:
                return True
            if other.category == cues.NOW and cue.category in (cues.FAMILY, cues.HISTORICAL):
                return True
    return False


def _next_word(tokens: list[Token], j: int) -> int | None:
    for k in range(j + 1, min(j + 3, len(tokens))):
        if tokens[k].is_word and tokens[k].form not in cues.AND_WORDS:
            return k
    return None


# Ellipsis across clauses and sentences: "После секса кровь. И после него мажет" — a pronoun
# after "после" stands for the nearest earlier act it can refer to; "месячные нерегулярные,
# между ними мажет" — "между ними" stands for between periods. The pronoun token takes the
# antecedent's readings, so the usual phrases ("мажет после секса") match across the gap.
_ANAPHORS = {
    "после": frozenset({"него", "нее", "неё", "этого", "такого", "которого"}),
    "время": frozenset({"него", "этого", "которого"}),  # "после ПА, во время которого"
    "между": frozenset({"ними"}),
}
_SEX = frozenset(
    {"секс", "близость", "па", "интим", "акт", "контакт", "муж", "партнер", "партнёр", "парень"}
)
_FIRST = frozenset({"первый"})
_PERIODS = frozenset({"месячные", "месячный", "менструация", "менструальный", "цикл"})
_SEX_READINGS = frozenset({"секс"})
_PERIOD_READINGS = frozenset({"месячные", "месячный"})
# nouns an "after it" more likely refers to than sex: a nearer one of these blocks the link
_OTHER_ACTS = frozenset(
    {
        "процедура", "операция", "гистероскопия", "прижигание", "биопсия", "чистка",
        "выскабливание", "аборт", "роды", "узи", "осмотр", "мазок", "укол", "спираль",
        "таблетка", "постинор", "спортзал", "тренировка", "туалет", "выкидыш", "свеча",
    }
)  # fmt: skip
ANAPHOR_REACH = 40  # tokens back (about two sentences) where an antecedent is looked for


def _antecedents(tokens: list[Token]) -> list[Token]:
    """(The first sex stays the first: "Первый половой контакт вчера, после него кровит" —
    a "первый" before the act comes back before the pronoun as a token of no width.)"""
    out = list(tokens)
    first: list[int] = []  # pronouns whose act was the first one
    for i in range(1, len(tokens)):
        prev = tokens[i - 1].form
        if tokens[i].form not in _ANAPHORS.get(prev, ()):
            continue
        back = [t for t in reversed(tokens[max(i - 1 - ANAPHOR_REACH, 0) : i - 1]) if t.is_word]
        if prev == "между":
            if any(t.meets(_PERIODS) for t in back):
                out[i] = replace(tokens[i], lemmas=tokens[i].lemmas | _PERIOD_READINGS)
            continue
        for t in back:
            if t.meets(_OTHER_ACTS):
                break
            if t.meets(_SEX):
                out[i] = replace(tokens[i], lemmas=tokens[i].lemmas | _SEX_READINGS)
                k = tokens.index(t)
                if any(u.meets(_FIRST) for u in tokens[max(k - 2, 0) : k]):
                    first.append(i)
                break
    for i in reversed(first):
        out.insert(i, Token("", "первый", "первый", out[i].start, out[i].start, _FIRST))
    return out


_AMOUNTS = frozenset({"пара", "немного", "чуть", "чуть-чуть", "капля", "капли"})
_RESULT_WORDS = frozenset({"положительный", "отрицательный"})
# what sets a result off from its test: a dash or a comma, or the past of "to be" after words
# of when ("тест на беременность неделю назад был положительный")
_RESULT_MARKS = frozenset({",", "—", "–", "-", ":", "был", "была", "было", "были"})
RESULT_REACH = 5  # words between a test and its result set off by a dash or a comma


def _elided(tokens: list[Token]) -> list[Token]:
    """Words left out and understood, put back as tokens of no width: the act after or during
    which ("Больно при половом акте, кровит после." — after sex) and the test whose result stands
    apart ("тест делала два раза — отрицательный", "тест сделала, отрицательный")."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if tok.meets(_RESULT_WORDS) and i > 0 and tokens[i - 1].form in _RESULT_MARKS:
            test = _test_before(tokens, i - 1)
            if test is not None:
                out.append(replace(test, text="", start=tok.start, end=tok.start))
        out.append(tok)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        during = tok.form == "время" and i > 0 and tokens[i - 1].form == "во"
        if (tok.form == "после" or during) and (
            nxt is None
            or not nxt.is_word
            or (during and not can_be_genitive(nxt.form))
            or nxt.form in _AMOUNTS  # "после пара капель крови"
        ):  # "во время было больно": during sex just spoken of
            back = [t for t in reversed(tokens[max(i - ANAPHOR_REACH, 0) : i]) if t.is_word]
            for t in back:
                if t.meets(_OTHER_ACTS):
                    break
                if t.meets(_SEX):
                    out.append(Token("", "секс", "секс", tok.end, tok.end, _SEX_READINGS))
                    break
    return out


def _test_before(tokens: list[Token], j: int) -> Token | None:
    """The test a result set off at tokens[j] belongs to: "тест" rather than the
    "беременность" of "тест на беременность"."""
    found: list[Token] = []
    words = 0
    for k in range(j - 1, -1, -1):
        tok = tokens[k]
        if (
            tok.form in cues.SENTENCE_PUNCT
            or tok.form in cues.CLAUSE_WORDS
            or tok.meets(_RESULT_WORDS)  # the test before has its own result
            or words > RESULT_REACH
        ):
            break
        if tok.meets(_TESTS):
            found.append(tok)
        words += tok.is_word
    return next((t for t in found if t.form != "беременность"), found[0] if found else None)


# A sentence made of adjectives alone is said of the subject of the sentence before it:
# "Месячные идут 12 дней. Очень обильные." — the subject comes back as a token of no width
# after the adjectives, so "обильные месячные" matches.
_SUBJECTS = frozenset(
    {
        "месячные", "менструация", "кровотечение", "выделение", "выделения", "кровь", "боль",
        "живот", "поясница", "голова", "матка",
    }
)  # fmt: skip
_PRONOUNS = {
    "они": frozenset({"plur"}),
    "она": frozenset({"femn"}),
    "оно": frozenset({"neut"}),
}
_LEAD_WORDS = frozenset(
    {
        "но", "а", "и", "не", "очень", "такие", "такая", "такое", "такой", "сильно",
        "довольно", "крайне", "слишком", "просто", "совсем", "тоже", "еще", "все", "уже",
        "при", "этом", "причем", "ещё", "всё", "сейчас", "теперь", "сначала", "потом",
        "затем", "даже", "вообще",
    }
)  # fmt: skip


def _carried_subject(tokens: list[Token]) -> list[Token]:
    """Adjectives standing alone as a sentence, or as a clause after a comma or "и", are said
    of the nearest subject before them that they agree with: in the sentence before ("Месячные
    идут 12 дней. Очень обильные.") or earlier in their own ("месячные регулярные, каждые
    28 дней, не обильные"); so is a verb alone in a later clause ("Живот не болит, не
    тянет"). The subject comes back after them as a token of no width."""
    out: list[Token] = []
    before: list[Token] = []  # subjects of the sentence before
    current: list[Token] = []  # subjects so far in this sentence
    start = 0  # index in `out` where the current sentence starts
    clause = 0  # ... and the current clause
    for i, tok in enumerate(tokens):
        out.append(tok)
        if tok.form in cues.SENTENCE_PUNCT:
            before, current = current, []
            start = clause = len(out)
            continue
        if tok.form == "," or tok.form in cues.AND_WORDS:
            clause = len(out)
            continue
        if tok.meets(_SUBJECTS):  # "месячные" reads as an adjective too
            current.append(tok)
            continue
        if tok.form in _PRONOUNS:  # "Месячные пришли. Они очень обильные."
            pool = current or before
            agree = _PRONOUNS[tok.form]
            subject = next((t for t in reversed(pool) if agree & number_gender(t.form)), None)
            if subject is not None:
                out[-1] = replace(tok, lemmas=tok.lemmas | subject.lemmas)
                current.append(out[-1])
            continue
        adjective = is_adjectival(tok.form)
        # a verb alone in a later clause: "Живот не болит, не каменеет"
        verb = not adjective and clause > start and is_verb(tok.form)
        if not (adjective or verb):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.is_word and nxt.form not in cues.AND_WORDS:
            continue  # "Очень обильные месячные", "Сильная боль": the clause has its noun
        if not all(t.is_word and t.form in _LEAD_WORDS for t in out[clause:-1]):
            continue
        agree = number_gender(tok.form)
        pool = current if clause > start else before
        subject = next((t for t in reversed(pool) if verb or agree & number_gender(t.form)), None)
        if subject is not None:
            out.append(replace(subject, text="", start=tok.end, end=tok.end))
    return out


_TOO = frozenset({"тоже", "также"})
_PREDICATE_WORDS = frozenset({"больно", "нет"})


def _echoed(tokens: list[Token]) -> list[Token]:
    """A subject with "тоже" and no verb of its own takes the predicate of the clause before:
    "живот не болит, спина тоже" — "спина (не болит) тоже"; the negation and the verbs come
    back after the subject as tokens of no width."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        out.append(tok)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if not (
            nxt is not None
            and nxt.form in _TOO
            and tok.is_word
            and not is_verb(tok.form)
            and i >= 2
            and (tokens[i - 1].form == "," or tokens[i - 1].form in cues.AND_WORDS)
            and (i + 2 >= len(tokens) or not tokens[i + 2].is_word)
        ):
            continue
        j = i - 2
        if tokens[i - 1].form != "," and tokens[j].form == ",":
            j -= 1  # "живот не болит, и спина тоже"
        clause: list[Token] = []
        while j >= 0 and tokens[j].is_word and tokens[j].form not in cues.CLAUSE_WORDS:
            clause.append(tokens[j])
            j -= 1
        echo = [
            t
            for t in reversed(clause)
            if t.form in NEGATION_WORDS or t.form in _PREDICATE_WORDS or is_verb(t.form)
        ]
        if any(is_verb(t.form) or t.form in _PREDICATE_WORDS for t in echo):
            out.extend(replace(t, text="", start=tok.end, end=tok.end) for t in echo)
    return out


def _sentences(tokens: list[Token], length: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for tok in tokens:
        if tok.form in cues.SENTENCE_PUNCT:
            spans.append((start, tok.end))
            start = tok.end
    spans.append((start, max(length, start)))
    return spans


def _sentence_of(sentences: list[tuple[int, int]], offset: int) -> int:
    for n, (start, end) in enumerate(sentences):
        if start <= offset < end:
            return n
    return len(sentences) - 1


@lru_cache(maxsize=4)
def russian_reader(ckb: CompiledKB) -> RussianReader:
    """The Russian reader for a knowledge base, built once."""
    return RussianReader(ckb)
