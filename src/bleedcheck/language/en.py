"""English text → finding mentions, with medspaCy.

A blank spaCy English tokenizer (no model download), a `TargetMatcher` whose rules are the
English synonyms of every finding, and `ConText` with the cues in `en_context`. Tokens are
compared by a normal form: lower case, American spelling, a light suffix stemmer (plurals,
-ing, -ed) and, for long words the synonyms do not use, the nearest synonym word (typos).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.language import en_context as cues
from bleedcheck.language.generic import DENIES, denies_by_itself, generic_synonyms, is_generic
from bleedcheck.language.mentions import Mention, Modifier, Reading
from bleedcheck.language.resolve import select_matches
from bleedcheck.language.spelling import Speller

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# One-for-one character replacements keep every offset valid for the original text.
_CHAR_MAP = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "\u00a0": " ", "–": "-", "—": "-"}
)
_CONTRACTIONS = {"m": "am", "ve": "have", "re": "are", "ll": "will", "nt": "not", "n't": "not"}
_IRREGULAR = {
    "bled": "bleed",
    "wee": "pee",
    "weeing": "pee",
    "wees": "pee",
    "poo": "poop",
    "pooing": "poop",
    "pooping": "poop",
    "poos": "poop",
    "felt": "feel",
    "threw": "throw",
    "thrown": "throw",
    "fell": "fall",
    "teeth": "tooth",
    "women": "woman",
    "lost": "lose",
    "mum": "mom",
    "mummy": "mom",
    "mam": "mom",
    "grey": "gray",
    "colour": "color",
    "coloured": "color",
    "odour": "odor",
    "tumour": "tumor",
    "labour": "labor",
    "periods": "period",
    "clots": "clot",
    # the short units of notes and posts: "2 wks late" is "2 weeks late"
    "wk": "week",
    "wks": "week",
    "hr": "hour",
    "hrs": "hour",
    "mth": "month",
    "mths": "month",
    "yr": "year",
    "yrs": "year",
    "tiredness": "tired",
}
_SPELLING = [
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe"), "e"),
    (re.compile(r"is(e|ed|es|ing)$"), r"iz\1"),
]
_DOUBLE = re.compile(r"([bcdfgkmnprtv])\1$")
DETERMINERS = ("my", "the", "a", "an", "her", "his", "this", "that", "some", "our", "your")
# Words an optional gap inside a phrase may not be: they change or split the meaning.
# "than", "mini", "hrt" too: "heavier than a period" is no heavy period, "the mini pill" is
# not "the pill", "on HRT patches" is not "on the patch".
_GAP_BLOCK = (
    "no",
    "not",
    "never",
    "without",
    "and",
    "or",
    "but",
    "nor",
    "if",
    "because",
    "than",
    "mini",
    "hrt",
    "who",  # "26-year-old who sees blood" is no "old blood"
    "which",
    "whose",
    "hormonal",  # "no hormonal contraception" is no "no contraception"
    "small",  # "with small clots" is no "with clots"
    "tiny",
    "get",  # "keep getting breakthrough bleeding" recurs; it is no "keeps bleeding"
    "like",  # "bleeding like a heavy period" compares; it is no "bleeding heavier"
)
# medspaCy only lets a terminating cue cut a scope its own scope overlaps, and its overlap
# test misses a terminator scope that wholly contains the other; a one-token scope avoids it.
_MARKER_SCOPE = 1
MAX_GAP = 2  # filler words allowed between two words of a synonym ("bleeding just won't stop")
SENTENCE_END = frozenset({".", "!", "?", ";", "...", "…"})


# "shoulder-tip", "right-sided", "blood-stained": the same words as "shoulder tip pain".
_INNER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


# "one-sided" is one word: otherwise "no one-sided pain" reads as the pseudo-cue "no one".
_ONE_SIDED = re.compile(r"\bone[- ]sided\b", re.IGNORECASE)


def clean(text: str) -> str:
    """Offsets stay valid: every replacement keeps the length."""
    text = _ONE_SIDED.sub("onesided ", text.translate(_CHAR_MAP))
    return _INNER_HYPHEN.sub(" ", text)


def stem(word: str) -> str:
    """A light English stemmer; the same function normalises synonyms and text."""
    word = _CONTRACTIONS.get(word, word)
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) >= 6:
        for pattern, repl in _SPELLING:
            word = pattern.sub(repl, word)
    for _ in range(2):
        before = word
        if len(word) > 5 and word.endswith("iness"):
            word = word[:-5] + "y"
        elif len(word) > 6 and word.endswith("ness"):
            word = word[:-4]
        elif (len(word) > 5 and word.endswith(("ies", "ied", "ier"))) or (
            len(word) > 5 and word.endswith("ily")
        ):
            word = word[:-3] + "y"
        elif len(word) > 6 and word.endswith("ly"):
            word = word[:-2]
        elif len(word) > 5 and word.endswith("ing"):
            word = _undouble(word[:-3])
        elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
            word = _undouble(word[:-2])
        elif len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
            word = word[:-2]
        elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        if word == before:
            break
    return word


def _undouble(word: str) -> str:
    return word[:-1] if _DOUBLE.search(word) else word


class Normaliser:
    """Normal forms of tokens; unknown long words are corrected towards the synonym words."""

    def __init__(self, words: Iterable[str], protected: Iterable[str]) -> None:
        vocabulary = set(words)
        self.stems = frozenset(stem(w) for w in vocabulary)
        self.speller = Speller(vocabulary, protected=protected)

    def norm(self, lower: str, default: str) -> str:
        base = _CONTRACTIONS.get(
            lower, default if default in ("not", "am", "will", "can") else lower
        )
        stemmed = stem(base)
        if stemmed in self.stems or not base.isalpha():
            return stemmed
        return stem(self.speller.correct(base))


def _token_words(nlp: Language, phrase: str) -> list[str]:
    return [t.lower_ for t in nlp.make_doc(clean(phrase)) if not t.is_space]


class EnglishReader:
    """The compiled English pipeline for one knowledge base."""

    def __init__(self, ckb: CompiledKB) -> None:
        with warnings.catch_warnings():
            # spaCy and medspaCy warn (and change warning filters) while importing.
            warnings.simplefilter("ignore")
            import spacy
            from medspacy.context import ConText, ConTextRule  # type: ignore[import-untyped]
            from medspacy.target_matcher import (  # type: ignore[import-untyped]
                TargetMatcher,
                TargetRule,
            )

            self.ckb = ckb
            self.nlp = spacy.blank("en")
            synonyms = [
                (fid, s) for fid, f in ckb.kb.findings.items() for s in f.synonyms.en if s.strip()
            ] + generic_synonyms("en")
            words = {w for _, s in synonyms for w in _token_words(self.nlp, s)}
            cue_words = {w for c in cues.CUES for w in _token_words(self.nlp, c.phrase)}
            from spacy.lang.en.stop_words import STOP_WORDS

            self.normaliser = Normaliser(words | cue_words, protected=set(STOP_WORDS))
            self.targets = TargetMatcher(self.nlp, result_type=None, prune=False)
            _skip_pattern_validation(self.targets)
            self._weight = {s: self._content_words(s) for _, s in synonyms}
            self.targets.add(
                [
                    TargetRule(literal=s, category=fid, pattern=self._pattern(s, flexible=True))
                    for fid, s in synonyms
                ]
            )
            self.context = ConText(
                self.nlp,
                rules=None,
                span_attrs=None,
                input_span_type="group",
                span_group_name="bleedcheck",
                prune_on_target_overlap=True,
            )
            rules = [self._context_rule(ConTextRule, c) for c in cues.CUES]
            starters = [stem(w) for w in cues.CLAUSE_STARTERS]
            verbs = [stem(w) for w in cues.CLAUSE_VERBS]
            # not a negation: ", never had HRT" is a negation, not a new clause
            any_word = {"IS_PUNCT": False, "NORM": {"NOT_IN": list(_GAP_BLOCK)}, "OP": "?"}
            for literal, pattern in (
                (
                    "<and/comma + subject>",
                    [{"NORM": {"IN": ["and", ",", "-"]}}, {"NORM": {"IN": starters}}],
                ),
                (
                    "<comma + verb>",
                    [{"NORM": {"IN": [",", "-"]}}, any_word, any_word, {"NORM": {"IN": verbs}}],
                ),
                (
                    "<time + comma>",
                    [{"NORM": {"IN": [stem(w) for w in cues.TIME_WORDS]}}, {"ORTH": ","}],
                ),
            ):
                rules.append(
                    ConTextRule(
                        literal=literal,
                        category=cues.TERMINATE,
                        direction="TERMINATE",
                        pattern=pattern,
                        max_scope=_MARKER_SCOPE,
                    )
                )
            self.context.add(rules)

    def _norms(self, phrase: str) -> list[str]:
        return [
            self.normaliser.norm(t.lower_, t.norm_)
            for t in self.nlp.make_doc(clean(phrase).lower())
            if not t.is_space
        ]

    def _content_words(self, phrase: str) -> int:
        return sum(1 for n in self._norms(phrase) if n not in DETERMINERS and n not in ("-", "/"))

    def _pattern(self, phrase: str, *, flexible: bool) -> list[dict[str, Any]]:
        """Token pattern for a phrase: hyphens optional; if flexible, any determiner may
        stand for a determiner and one filler word may sit between content words."""
        norms = self._norms(phrase)
        content = [n for n in norms if n not in DETERMINERS and n not in ("-", "/")]
        flexible = flexible and len(content) >= 2
        gap = {
            "IS_PUNCT": False,
            "LIKE_NUM": False,
            "NORM": {"NOT_IN": list(_GAP_BLOCK)},
            "OP": "?",
        }
        pattern: list[dict[str, Any]] = []
        for i, n in enumerate(norms):
            if n in ("-", "/"):
                pattern.append({"ORTH": {"IN": ["-", "/"]}, "OP": "?"})
                continue
            if flexible and n in DETERMINERS:
                pattern.append({"NORM": {"IN": list(DETERMINERS)}, "OP": "?"})
            else:
                pattern.append({"NORM": n})
            if flexible and i + 1 < len(norms) and norms[i + 1] not in ("-", "/"):
                pattern.extend([gap] * MAX_GAP)
        return pattern

    def _context_rule(self, rule_class: Any, cue: cues.Cue) -> Any:
        terminated_by = {
            cues.FAMILY: {cues.SELF, cues.NOW},
            cues.HISTORICAL: {cues.NOW},
        }.get(cue.category)
        return rule_class(
            literal=cue.phrase,
            category=cue.category,
            direction=cue.direction,
            pattern=self._pattern(cue.phrase, flexible=False),
            max_scope=_MARKER_SCOPE if cue.direction in ("TERMINATE", "PSEUDO") else cue.max_scope,
            terminated_by=terminated_by,
        )

    def doc(self, text: str) -> Doc:
        doc = self.nlp.make_doc(clean(text))
        start_next = True
        for token in doc:
            token.norm_ = self.normaliser.norm(token.lower_, token.norm_)
            token.is_sent_start = start_next
            start_next = token.text in SENTENCE_END or (token.is_space and "\n" in token.text)
        return doc

    def read(self, text: str) -> Reading:
        doc = self.doc(text)
        found = list(self.targets(doc))
        weights = [self._weight.get(s._.target_rule.literal, 0) for s in found]
        matches = [
            (s.start, s.end, s.label_, w * 100 + len(s))
            for s, w in zip(found, weights, strict=True)
        ]
        chosen = _english_choice(select_matches(matches, self.ckb), matches, found, self.ckb)
        spans = [found[i] for i in chosen]
        doc.spans["bleedcheck"] = spans
        self.context(doc)
        modifiers: dict[tuple[int, int, str], list[tuple[Modifier, str]]] = {}
        other_person = _OTHER_PERSON.search(text)
        proxy = other_person is not None and _writes_for_her(text)
        starts = frozenset(span.start for span in spans)
        for target, modifier in doc._.context_graph.edges:
            category = _CATEGORY.get(modifier.category)
            if category is not None:
                start, end = modifier.modifier_span
                cue_text = doc[start:end].text
                if (
                    category is Modifier.FAMILY
                    and clean(cue_text).lower() in cues.SHE_CUES
                    and (other_person is None or other_person.start() > doc[start].idx)
                ):
                    continue  # "she" is the patient unless someone else was named first
                if category is Modifier.NEGATED and _past_list_end(doc, start, end, target, starts):
                    continue
                if (
                    category is Modifier.FAMILY
                    and other_person is not None
                    and proxy
                    and _names_her(clean(cue_text).lower(), other_person.group().lower())
                ):
                    continue  # written for her: what "she" has now is what we assess
                key = (target.start, target.end, target.label_)
                modifiers.setdefault(key, []).append((category, cue_text))
        if other_person is not None and not proxy:  # "my friend had an ectopic, like mine"
            for span in spans:
                sent = span.sent
                before = text[max(sent.start_char, other_person.start()) : span.start_char]
                key = (span.start, span.end, span.label_)
                she = next(reversed(list(_SHE.finditer(before))), None)  # the last "she"
                if (
                    she is not None
                    and span.start_char > other_person.start()
                    and not _SELF.search(before[she.end() :])  # "her symptoms are like mine"
                ):
                    modifiers.setdefault(key, []).append((Modifier.FAMILY, she.group()))
        for span in spans:
            cue = _TRAILING_NEGATION.match(text, span.end_char)
            if cue is not None:
                key = (span.start, span.end, span.label_)
                modifiers.setdefault(key, []).append((Modifier.NEGATED, cue.group().strip()))
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        sentence_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
        mentions = [
            Mention(
                finding=span.label_,
                start=span.start_char,
                end=span.end_char,
                sentence=sentence_of[span.start],
                synonym=span._.target_rule.literal,
                modifiers=tuple(modifiers.get((span.start, span.end, span.label_), ())),
            )
            for span in spans
        ]
        return Reading(mentions=mentions, sentences=sentences)


# A value after the finding denies it, as in notes: "Fever: nil", "UPT -ve", "PCB nil",
# "tamoxifen: no", "shoulder tip pain not present". A bare "no" counts only after a colon.
_TRAILING_NEGATION = re.compile(
    r"\s*(?:(?::|=)\s*(?:nil|none|no|neg|negative|denied|absent)\b"
    r"|\s(?:nil|neg|negative|-ve|absent|denied|not present|not seen|not found"
    r"|not detected|not reported|not known)\b"
    r"|\s?-ve\b)",
    re.IGNORECASE,
)
# Someone other than the patient named before "she": then "she" is that person.
_OTHER_PERSON = re.compile(
    r"\b(?:my|our)\s+(?:friend|friends|sister|sisters|mum|mom|mother|mam|aunt|auntie|cousin"
    r"|niece|colleague|gran|grandma|grandmother|nan|flatmate|roommate|neighbou?r)\b"
    r"|\bfor\s+(?:a|my)\s+friend\b|\basking for\b",
    re.IGNORECASE,
)
_SHE = re.compile(r"\b(?:she|she's|her)\b", re.IGNORECASE)
# A message written for another woman ("my mum is on apixaban ... she just fainted, what do I
# do?"): she is described now, and the writer says nothing of symptoms of her own. Then the
# findings are hers and are assessed (safety first), while a family history stays history.
_HER_NOW = re.compile(
    r"\b(?:she(?:'s| is| has| was| just| keeps| feels| felt| fainted| passed| collapsed"
    r"| can't| cannot| looks| bled| started)|her (?:period|bleeding|blood|pain|pad|pads|stomach"
    r"|tummy|belly|cycle|heart|temperature))\b",
    re.IGNORECASE,
)
_MY_SYMPTOMS = re.compile(
    r"\b(?:i'?m|i am|i'?ve been|i have been|i have|i had|i was|i keep|i started|i noticed"
    r"|i get|i feel|i felt)\s+(?:\w+\s+){0,2}?(?:bleeding|spotting|pregnant|pain|cramp\w*"
    r"|dizzy|faint\w*|passing|losing|on (?:the|my)|bled|sore)"
    r"|\bmy\s+(?:period|periods|bleeding|cycle|cycles|pain|discharge|stomach|tummy|belly"
    r"|vagina|cervix|pad|pads|smear|coil|implant|pill)\b"
    r"|\b(?:i|i'?m|i am)\s+\d{2}\b|\b\d{2}\s?f\b",
    re.IGNORECASE,
)


def _names_her(cue: str, named: str) -> bool:
    """Is a family cue the woman the message is written for ("she", "my sister")?"""
    if cue in cues.SHE_CUES or cue in ("she", "asking for", "for a friend", "her symptoms"):
        return True
    return cue.split()[-1:] == named.split()[-1:]


def _writes_for_her(text: str) -> bool:
    return bool(_HER_NOW.search(text)) and not _MY_SYMPTOMS.search(text)


_SELF = re.compile(r"\b(?:i|i'm|im|me|my|mine|myself)\b", re.IGNORECASE)
# Matches that stand for heavy periods only where the sentence speaks of periods, and
# matches of acute heavy bleeding that do not count there ("heavy menstrual bleeding with
# flooding" is a long-standing heavy period, not a haemorrhage now).
_PERIOD_ONLY = frozenset({"flooding"})
_WEAK_ACUTE = frozenset({"heavy bleeding", "bleeding heavily", "gushing", "flooding right now"})
_PERIOD_TALK = re.compile(
    r"\b(?:periods?|menstrua\w*|menses|hmb|menorrhagia|cycles?)\b", re.IGNORECASE
)
# Groups whose findings name one medicine or method: inside a longer match of another
# finding of these groups, a shorter one is part of its name ("HRT patches" is no patch).
_PRODUCT_GROUPS = frozenset({"contraception", "medication"})
# "faint" and "collapsed" also describe things, not her: "a faint line", "a faint smell",
# "faint pink streaks"; "a collapsed ovarian cyst" on a scan. Those are no faint.
FAINTING = "fainting_or_collapse"
SEVERE_PAIN = "pain_severe_abdominal"
HEAVIER = "bleeding_getting_heavier"
_MORE = frozenset({"more", "getting", "got", "gets", "becoming", "became", "even"})
_FAINT_THING = re.compile(
    r"\s+(?:(?:positive|pink|brown|red|grey|gray|blue|second)\s+)?(?:lines?|positive|pos"
    r"|smell|odou?r|scent|trace|streaks?|tinge|marks?|stains?|spots?|spotting|blood|pink"
    r"|brown|red|colou?r|ache|twinges?|cramps?|result)\b",
    re.IGNORECASE,
)
_COLLAPSED_THING = re.compile(
    r"\s+(?:(?:right|left|r|l|the|a|an)\s+)?(?:(?:ovarian|corpus|luteal|haemorrhagic"
    r"|hemorrhagic)\s+)?(?:cysts?|follicles?|ovary|lung|sac|veins?|uterus|cervix)\b",
    re.IGNORECASE,
)
# ... and "the cyst had collapsed": the thing named just before
_THING_BEFORE = re.compile(
    r"\b(?:cysts?|follicles?|ovary|lung|sac|veins?)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
_FAINT_WORDS = frozenset({"faint", "collapsed"})
_LOOK_BACK = 40  # characters: a few words before the finding
# "tested positive for chlamydia", "a positive test for covid": a test for something else
PREGNANT = "pregnancy_confirmed"
_POSITIVE_FOR_OTHER = re.compile(
    r"\s+for\s+(?!(?:a\s+|the\s+)?(?:pregnan\w*|hcg|b-?hcg))\w", re.IGNORECASE
)
# "I keep bleeding after sex": it happens each time, not a bleed that will not stop
NOT_STOPPING = "bleeding_not_stopping"
_KEEP_WORDS = ("keep", "keeps", "kept")
_AFTER_TRIGGER = re.compile(r"\s+(?:after|during|with|when|whenever|every time)\b", re.IGNORECASE)
# A plain "coil" is the copper one unless the sentence names a hormonal one ("the coil
# (Mirena)"); a risk phrase that starts with a denial ("never had a smear") says nothing of
# a recent smear; "heavier than a period" compares with a period, not with yesterday.
_PLAIN_COIL = frozenset({"coil", "the coil", "iud", "intrauterine device"})
_DENIAL_START = ("never", "not", "no", "haven't", "hasn't", "have not", "has not")
_THAN_PERIOD = re.compile(
    r"\s+than\s+(?:a|my|her|your|the|an?)?\s*(?:normal\s+|usual\s+|heavy\s+)?"
    r"(?:period|menstrua)",
    re.IGNORECASE,
)


# Cues that deny every item of a comma list ("denies PCB, IMB, PMB"); other negations reach
# past a comma only into a list closed by "or"/"and" ("no pain, fever or vomiting"), so in a
# note's "not on HRT, BMI 36, type 2 diabetes" the diabetes is not denied.
_LIST_CUES = frozenset({"denies", "deny", "denied", "nil", "negative for", "neg for", "free of"})
_LIST_CLOSERS = frozenset({"or", "nor", "and", "&"})


def _past_list_end(
    doc: Doc, cue_start: int, cue_end: int, target: Any, starts: frozenset[int]
) -> bool:
    """Does a negation cue reach its target only across a comma of an open list, or across
    a comma after a phrase that is not a finding ("no test done, one-sided pain")? A cue
    after its target ("pain, contractions stopped") never reaches back past a comma."""
    if target.start < cue_end:
        return any(t.text == "," for t in doc[target.end : cue_start])
    between = doc[cue_end : target.start]
    if any(t.text in ("(", ")") for t in between):
        # "not pregnant (2 negative tests)": the bracket gives the evidence; "(... not
        # enough lube) i had some spotting": a denial inside brackets stays inside
        return True
    commas = [t.i for t in between if t.text == ","]
    if not commas:
        return False
    if not any(cue_end <= s < commas[0] for s in starts):
        return True  # the words before the first comma name no finding: no list
    if clean(doc[cue_start:cue_end].text).lower() in _LIST_CUES:
        return False
    stop = target.end
    while stop < len(doc) and doc[stop].text not in (",", *SENTENCE_END):
        stop += 1
    return not any(t.lower_ in _LIST_CLOSERS for t in doc[cue_end:stop])


def _english_choice(
    chosen: list[int],
    matches: list[tuple[int, int, str, int]],
    found: list[Any],
    ckb: CompiledKB,
) -> list[int]:
    """English-only pruning of the chosen matches (see the tables above)."""
    findings = ckb.kb.findings

    def sentence(i: int) -> str:
        return str(found[i].sent.text)

    # A phrase that denies by itself ("non-tender bump", "small clots") also silences a match
    # of what it denies that overlaps it ("tender bump", a gapped "with (small) clots").
    denials = [
        (matches[k][0], matches[k][1], DENIES[matches[k][2]])
        for k in chosen
        if is_generic(matches[k][2])
        and denies_by_itself(matches[k][2], found[k]._.target_rule.literal)
    ]
    kept: list[int] = []
    for i in chosen:
        start, end, finding, _ = matches[i]
        literal = found[i]._.target_rule.literal
        if any(finding in denied and s < end and start < e for s, e, denied in denials):
            continue
        group = findings[finding].group if finding in findings else None
        outer = [
            matches[k]
            for k in chosen
            if k != i
            and matches[k][0] <= start
            and end <= matches[k][1]
            and (matches[k][0], matches[k][1]) != (start, end)
        ]
        if group in _PRODUCT_GROUPS and any(
            o[2] in findings
            and findings[o[2]].group in _PRODUCT_GROUPS
            and o[2] != finding
            and o[3] // 100 > matches[i][3] // 100
            for o in outer
        ):
            continue
        if group in _PRODUCT_GROUPS and any(
            start <= matches[k][0]
            and matches[k][1] <= end
            and (matches[k][0], matches[k][1]) != (start, end)
            and matches[k][2] in findings
            and findings[matches[k][2]].group in _PRODUCT_GROUPS
            and matches[k][2] != finding
            and matches[k][3] // 100 >= matches[i][3] // 100
            for k in chosen
        ):
            continue  # "on the progestogen-only pill": a gapped "on the pill" around a name
        if finding in findings and findings[finding].kind == "context":
            denying_risk = [
                k
                for k in chosen
                if matches[k][0] < end
                and start < matches[k][1]
                and matches[k][2] in findings
                and findings[matches[k][2]].kind == "risk"
                and found[k]._.target_rule.literal.startswith(_DENIAL_START)
            ]
            if denying_risk:
                continue
        if (
            finding == "uses_copper_iud"
            and literal in _PLAIN_COIL
            and any(
                matches[k][2] == "uses_hormonal_ius" and found[k].sent == found[i].sent
                for k in chosen
            )
        ):
            continue
        if finding == "bleeding_getting_heavier" and _THAN_PERIOD.match(
            found[i].doc.text, found[i].end_char
        ):
            continue
        if literal in _PERIOD_ONLY and not _PERIOD_TALK.search(sentence(i)):
            continue
        if _describes_a_thing(finding, found[i]):
            continue
        if (
            finding == "acute_heavy_bleeding"
            and _PERIOD_TALK.search(found[i].text + " " + sentence(i))
            and (literal in _WEAK_ACUTE or _PERIOD_TALK.search(found[i].text))
        ):
            continue
        kept.append(i)
    return kept


def _describes_a_thing(finding: str, span: Any) -> bool:
    """Words of a finding that here describe something else: a faint line, a collapsed
    cyst, severe period pain, bleeding heavily (not heavier), a positive test for an
    infection, bleeding that comes back after each trigger."""
    text = str(span.doc.text)
    words = str(span.text).lower()
    if finding == FAINTING and words in _FAINT_WORDS:
        if words == "faint":
            return _FAINT_THING.match(text, span.end_char) is not None
        before = text[max(0, span.start_char - _LOOK_BACK) : span.start_char]
        return bool(_COLLAPSED_THING.match(text, span.end_char) or _THING_BEFORE.search(before))
    if finding == HEAVIER and "heavily" in words.split():
        # the stemmer makes "heavily" look like "heavier": only "more heavily" is a change
        return not _MORE.intersection(words.split())
    if finding == SEVERE_PAIN and _PERIOD_TALK.search(words):
        return True  # "horrendous period pain" is how bad her periods are, not acute pain
    if finding == PREGNANT and "positive" in words:
        return _POSITIVE_FOR_OTHER.match(text, span.end_char) is not None
    if finding == NOT_STOPPING and words.split()[0] in _KEEP_WORDS:
        return _AFTER_TRIGGER.match(text, span.end_char) is not None
    return False


def _skip_pattern_validation(target_matcher: Any) -> None:
    """The patterns are generated (and checked by a test), so skip spaCy's slow per-pattern
    schema validation, which would otherwise dominate the build time."""
    inner = getattr(target_matcher, "_TargetMatcher__matcher", None)
    matcher = getattr(inner, "_MedspacyMatcher__matcher", None)
    if matcher is not None and hasattr(matcher, "validate"):
        matcher.validate = False


_CATEGORY = {
    cues.NEGATED: Modifier.NEGATED,
    cues.UNCERTAIN: Modifier.UNCERTAIN,
    cues.HYPOTHETICAL: Modifier.HYPOTHETICAL,
    cues.HISTORICAL: Modifier.HISTORICAL,
    cues.FAMILY: Modifier.FAMILY,
}


@lru_cache(maxsize=4)
def english_reader(ckb: CompiledKB) -> EnglishReader:
    """The English reader for a knowledge base, built once."""
    return EnglishReader(ckb)
