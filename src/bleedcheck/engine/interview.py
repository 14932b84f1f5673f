"""The adaptive interview: what to ask next, when to stop, and the answer/undo state machine.

Order (DESIGN.md "Interview"): the fixed safety screen first; then contraception and
medicines (they select priors); then single findings by expected reduction in posterior
entropy, with questions whose answer alone could raise the triage level first. Everything
here is deterministic and pure: the state is a value that adapters persist.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from bleedcheck.engine.assess import infer
from bleedcheck.engine.evidence import complete
from bleedcheck.engine.questions import (
    AGE_QUESTION,
    QuestionSpec,
    askable,
    context_questions,
    group_text,
    relevant,
    safety_screen,
    visible_findings,
)
from bleedcheck.engine.quickscore import IntArray
from bleedcheck.engine.triage import rule_fires, rule_level
from bleedcheck.errors import AnswerError, StaleAnswer
from bleedcheck.knowledge.compile import CompiledKB, FloatArray
from bleedcheck.vocab import Evidence, Lang, Presence, TriageLevel

MAX_QUESTIONS = 25
CONFIDENT_TOP = 0.7  # estimate: stop when the top cause is at least this probable ...
CONFIDENT_RATIO = 2.0  # ... and at least twice as probable as the runner-up, ...
SERIOUS_FLOOR = 0.1  # estimate: ... unless a must-not-miss cause is still this probable
SERIOUS_WEIGHT = 2.0  # estimate: doubt about a cancer or an urgent cause counts double
MIN_GAIN_BITS = 0.05  # estimate: a question worth less than this is not asked
UNKNOWN_STREAK = 8  # after this many "don't know" answers in a row, stop asking
MIN_MEMBER_GAIN = 0.01  # a finding adds to its group's question only above this gain
MAX_OPTIONS = 8  # at most this many options in one adaptive checklist
CONTEXT_YES = 0.2  # estimate: chance that an unasked context fact applies
CONTEXT_FLOOR = 0.02  # context facts are considered for causes above this posterior
TRIAGE_BONUS_BITS = 1.0  # questions that can change the level come before pure diagnosis


class Option(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    prefill: Presence = Presence.UNKNOWN


class Question(BaseModel):
    """A localised question: yes_no, checklist (tick any), choice (one) or number."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    text: str
    options: list[Option] = Field(default_factory=list)
    safety: bool = False
    rationale: str = ""


class InterviewStep(BaseModel):
    model_config = ConfigDict(frozen=True)

    step: int
    question: Question | None
    should_stop: bool
    reason: str
    level: TriageLevel
    progress: float


class AnswerRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    step: int
    question_id: str
    answer: dict[str, Presence] = Field(default_factory=dict)
    age: float | None = None


class InterviewState(BaseModel):
    """Everything needed to continue an interview anywhere: a JSON-serialisable value."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lang: Lang = "en"
    region: str = "DEFAULT"
    prefilled: dict[str, Presence] = Field(default_factory=dict)
    prefilled_age: float | None = None
    history: list[AnswerRecord] = Field(default_factory=list)
    max_questions: int = MAX_QUESTIONS

    @property
    def step(self) -> int:
        """The number of the question being asked now (1-based)."""
        return len(self.history) + 1

    def evidence(self, ckb: CompiledKB) -> Evidence:
        findings = dict(self.prefilled)
        age = self.prefilled_age
        for record in self.history:
            findings.update(record.answer)
            if record.age is not None:
                age = record.age
        findings = {f: s for f, s in findings.items() if s is not Presence.UNKNOWN}
        return complete(ckb, Evidence(findings=findings, age=age))

    def asked(self) -> set[str]:
        """Question ids asked so far, plus every finding those questions offered."""
        out = {r.question_id for r in self.history}
        for record in self.history:
            out.update(record.answer)
        return out


_TEXT: dict[str, dict[Lang, str]] = {
    "screen": {
        "en": "asked to rule out an emergency",
        "ru": "вопрос, чтобы исключить неотложное состояние",
    },
    "context": {
        "en": "asked because it changes which causes are likely",
        "ru": "вопрос, от ответа на который зависит, какие причины вероятнее",
    },
    "triage": {
        "en": "asked because the answer could change how urgent this is",
        "ru": "вопрос, от ответа на который зависит срочность",
    },
    "separates": {
        "en": "asked because it separates {a} from {b}",
        "ru": "вопрос помогает отличить: {a} или {b}",
    },
    "stop_ambulance": {
        "en": "an emergency: call an ambulance now",
        "ru": "неотложное состояние: вызовите скорую сейчас",
    },
    "stop_emergency": {
        "en": "an emergency: seek care now",
        "ru": "неотложное состояние: обратитесь за помощью сейчас",
    },
    "stop_confident": {"en": "the picture is clear enough", "ru": "картина достаточно ясна"},
    "stop_nothing": {"en": "no further question would help", "ru": "дальнейшие вопросы не помогут"},
    "stop_limit": {"en": "question limit reached", "ru": "достигнут предел числа вопросов"},
    "none": {"en": "None of these", "ru": "Ничего из этого"},
}


def _t(key: str, lang: Lang, **values: str) -> str:
    text = _TEXT[key][lang]
    return text.format(**values) if values else text


@dataclass(frozen=True)
class _Choice:
    spec: QuestionSpec
    rationale: str


def _could_raise(ckb: CompiledKB, evidence: Evidence, finding: str, above: TriageLevel) -> bool:
    """Whether answering `finding` present alone would fire a rule above `above`."""
    trial = evidence.with_state(finding, Presence.PRESENT)
    for rule in ckb.kb.rulebook.rules:
        if rule.level.rank <= above.rank or finding not in rule.when.finding_ids():
            continue
        if rule_fires(rule, trial):
            return True
    return False


@lru_cache(maxsize=8)
def _weights(ckb: CompiledKB) -> FloatArray:
    """How much doubt about each cause counts: more for the ones that must not be missed."""
    conditions = ckb.kb.conditions
    return np.array(
        [
            SERIOUS_WEIGHT
            if conditions[c].cancer or conditions[c].level.rank >= TriageLevel.CONSULTATION_24.rank
            else 1.0
            for c in ckb.condition_ids
        ]
    )


def _uncertainty(p: FloatArray, weights: FloatArray) -> FloatArray:
    """Weighted sum of the binary entropies of the causes' marginals (bits), last axis."""
    q = np.clip(p, 1e-12, 1 - 1e-12)
    result: FloatArray = ((-(q * np.log2(q)) - (1 - q) * np.log2(1 - q)) * weights).sum(axis=-1)
    return result


def _information_gain(ckb: CompiledKB, post: FloatArray, cols: list[int]) -> FloatArray:
    top = np.flatnonzero(post > 1e-4)
    return _gain(ckb.links[top][:, cols], ckb.leak[cols], post, top, _weights(ckb)[top])


def _gain(
    links_tc: FloatArray, leak: FloatArray, post: FloatArray, top: IntArray, weights: FloatArray
) -> FloatArray:
    """Expected reduction in the uncertainty of the leading causes for yes/no on each finding.

    Answers update each condition's odds by its likelihood ratio with the other conditions
    held at their current posterior (a one-step mean-field approximation, fast enough to
    score every candidate).
    """
    links_all = links_tc.T  # [F, K] links of the candidates to the leading causes
    leak2 = leak[:, None]
    focus = post[top]
    log_not = np.log1p(-focus[None, :] * links_all)
    log_absent_all = np.log1p(-leak2) + log_not.sum(axis=1, keepdims=True)
    p_yes = -np.expm1(log_absent_all)  # [F, 1]
    a_others = np.exp(log_absent_all - log_not)
    with np.errstate(divide="ignore", invalid="ignore"):
        lr_yes = (1.0 - a_others * (1.0 - links_all)) / np.maximum(1.0 - a_others, 1e-300)
    lr_no = 1.0 - links_all
    odds = focus / np.maximum(1.0 - focus, 1e-12)

    def updated(lr: FloatArray) -> FloatArray:
        o = odds[None, :] * lr
        result: FloatArray = o / (1.0 + o)
        return result

    h_now = float(_uncertainty(focus, weights))
    expected = p_yes[:, 0] * _uncertainty(updated(lr_yes), weights) + (
        1 - p_yes[:, 0]
    ) * _uncertainty(updated(lr_no), weights)
    gain: FloatArray = h_now - expected
    return gain


def _screen_choice(ckb: CompiledKB, evidence: Evidence, asked: set[str]) -> QuestionSpec | None:
    for spec in safety_screen(ckb):
        if spec.id in asked or not relevant(spec, evidence):
            continue
        return spec
    return None


def _ambulance_findings(ckb: CompiledKB) -> set[str]:
    return {
        f
        for rule in ckb.kb.rulebook.rules
        if rule.level is TriageLevel.EMERGENCY_AMBULANCE
        for f in rule.when.finding_ids()
    }


def _leads_to(spec: QuestionSpec) -> tuple[str, ...]:
    """The findings a screen question answers, or opens (pregnancy opens gestation)."""
    gestation = ("gestation_20w_plus", "gestation_13_20w", "gestation_6_13w", "gestation_under_6w")
    return (*spec.findings, *gestation) if spec.id == "pregnancy" else spec.findings


def asked_findings(ckb: CompiledKB, asked: set[str]) -> set[str]:
    """Findings already put to her, in grouped or single questions."""
    out = {q for q in asked if q in ckb.finding_index}
    for spec in (*safety_screen(ckb), *context_questions(ckb)):
        if spec.id in asked:
            out.update(spec.findings)
    return out


def _choose(
    ckb: CompiledKB,
    evidence: Evidence,
    asked: set[str],
    lang: Lang,
    limit: int,
    unknown_streak: int = 0,
    n_asked: int = 0,
) -> tuple[_Choice | None, str, TriageLevel]:
    level = rule_level(ckb, evidence)
    screen = _screen_choice(ckb, evidence, asked)
    if level is TriageLevel.EMERGENCY_AMBULANCE:
        return None, _t("stop_ambulance", lang), level
    if level is TriageLevel.EMERGENCY:
        # only what could still make it an ambulance case
        ambulance = _ambulance_findings(ckb)
        for spec in safety_screen(ckb):
            if spec.id in asked or not relevant(spec, evidence):
                continue
            if ambulance & set(_leads_to(spec)):
                return _Choice(spec, _t("triage", lang)), "", level
        put = asked_findings(ckb, asked)
        raising = [
            f
            for f in ckb.finding_ids
            if f not in put
            and evidence.state(f) is Presence.UNKNOWN
            and _could_raise(ckb, evidence, f, level)
        ][:MAX_OPTIONS]
        if raising:
            spec = QuestionSpec("group:alarm", "checklist", tuple(raising))
            return _Choice(spec, _t("triage", lang)), "", level
        return None, _t("stop_emergency", lang), level
    if n_asked >= limit:
        return None, _t("stop_limit", lang), level
    if screen is not None:
        return _Choice(screen, _t("screen", lang)), "", level
    for spec in context_questions(ckb):
        if spec.id in asked or not relevant(spec, evidence):
            continue
        if all(evidence.state(f) is Presence.UNKNOWN for f in spec.findings):
            return _Choice(spec, _t("context", lang)), "", level

    if unknown_streak >= UNKNOWN_STREAK:
        return None, _t("stop_nothing", lang), level
    return _adaptive(ckb, evidence, asked, lang, level)


def _context_gains(
    ckb: CompiledKB, evidence: Evidence, post: FloatArray, candidates: list[str]
) -> dict[str, float]:
    """Expected information from context findings, which move priors rather than likelihoods.

    The chance of a "yes" is a fixed estimate, not the model's own prediction, so expected
    entropy after the answer can exceed entropy now and would score a risk factor that makes a
    rare, serious cause likely as worse than useless. The expected divergence of the updated
    marginals from the current ones equals the entropy reduction when the two agree and is
    never negative.
    """
    weights = _weights(ckb)
    gains: dict[str, float] = {}
    for fid in candidates:
        yes = infer(ckb, complete(ckb, evidence.with_state(fid, Presence.PRESENT))).posterior.values
        no = infer(ckb, complete(ckb, evidence.with_state(fid, Presence.ABSENT))).posterior.values
        gains[fid] = CONTEXT_YES * _divergence(yes, post, weights) + (
            1 - CONTEXT_YES
        ) * _divergence(no, post, weights)
    return gains


def _divergence(after: FloatArray, before: FloatArray, weights: FloatArray) -> float:
    """Weighted sum over causes of the Bernoulli KL divergence of `after` from `before` (bits)."""
    a = np.clip(after, 1e-12, 1 - 1e-12)
    b = np.clip(before, 1e-12, 1 - 1e-12)
    kl = a * np.log2(a / b) + (1 - a) * np.log2((1 - a) / (1 - b))
    return float((kl * weights).sum())


def _context_candidates(
    ckb: CompiledKB, evidence: Evidence, post: FloatArray, put: set[str]
) -> list[str]:
    """Unknown context findings that shape the prior of a cause still in play."""
    screen = {f for spec in safety_screen(ckb) for f in spec.findings}
    found: dict[str, None] = {}
    for i in np.flatnonzero(post > CONTEXT_FLOOR):
        prior = ckb.priors[int(i)]
        ids = [f for when, _ in prior.strata for f in when.finding_ids()]
        ids += [f for f, _ in prior.modifiers]
        for fid in ids:
            if (
                evidence.state(fid) is Presence.UNKNOWN
                and fid not in put
                and fid not in screen
                and askable(fid, evidence)
            ):
                found[fid] = None
    return list(found)


def _adaptive(
    ckb: CompiledKB, evidence: Evidence, asked: set[str], lang: Lang, level: TriageLevel
) -> tuple[_Choice | None, str, TriageLevel]:
    """Pick the question group with the largest expected gain (DESIGN.md "Interview")."""
    findings = ckb.kb.findings
    post = infer(ckb, evidence).posterior.values
    put = asked_findings(ckb, asked)
    child = [
        i
        for i, fid in enumerate(ckb.finding_ids)
        if ckb.child[i] and evidence.state(fid) is Presence.UNKNOWN and fid not in put
    ]
    child = [
        i
        for i in child
        if (ckb.links[:, i] * post).max() > 1e-3 and askable(ckb.finding_ids[i], evidence)
    ]
    gains: dict[str, float] = {}
    if child:
        values = _information_gain(ckb, post, child)
        gains = {ckb.finding_ids[i]: float(v) for i, v in zip(child, values, strict=True)}
    gains |= _context_gains(ckb, evidence, post, _context_candidates(ckb, evidence, post, put))
    if not gains:
        return None, _t("stop_nothing", lang), level
    raises = {f for f in gains if _could_raise(ckb, evidence, f, level)}
    groups: dict[str, list[str]] = {}
    for fid, gain in gains.items():
        group = findings[fid].group
        if f"group:{group}" in asked and fid not in raises:
            continue  # each topic is asked about once
        if gain > MIN_MEMBER_GAIN or fid in raises:
            groups.setdefault(group, []).append(fid)
    scored: list[tuple[float, str, list[str]]] = []
    for group, members in groups.items():
        members.sort(key=lambda f: (-(f in raises), -gains[f], f))
        chosen = members[:MAX_OPTIONS]
        score = sum(gains[f] for f in chosen) + TRIAGE_BONUS_BITS * any(f in raises for f in chosen)
        scored.append((score, group, chosen))
    if not scored:
        return None, _t("stop_nothing", lang), level
    scored.sort(key=lambda item: (-item[0], item[1]))
    score, group, chosen = scored[0]
    first, second = np.sort(post)[::-1][:2]
    if not raises:
        serious = (_weights(ckb) > 1.0) & (post >= SERIOUS_FLOOR)
        serious[int(np.argmax(post))] = False
        if first >= CONFIDENT_TOP and first >= CONFIDENT_RATIO * second and not serious.any():
            return None, _t("stop_confident", lang), level
        if score < MIN_GAIN_BITS:
            return None, _t("stop_nothing", lang), level
    if any(f in raises for f in chosen):
        rationale = _t("triage", lang)
    else:
        names = [
            ckb.kb.conditions[ckb.condition_ids[i]].name.get(lang) for i in np.argsort(-post)[:2]
        ]
        rationale = _t("separates", lang, a=names[0], b=names[1])
    if len(chosen) == 1:
        return _Choice(QuestionSpec(chosen[0], "yes_no", (chosen[0],)), rationale), "", level
    return _Choice(QuestionSpec(f"group:{group}", "checklist", tuple(chosen)), rationale), "", level


def _localise(ckb: CompiledKB, choice: _Choice, evidence: Evidence, lang: Lang) -> Question:
    spec = choice.spec
    findings = ckb.kb.findings
    safety = spec.safety_order is not None
    if spec.kind == "number":
        return Question(
            id=spec.id,
            kind="number",
            text=group_text(AGE_QUESTION, lang),
            safety=True,
            rationale=choice.rationale,
        )
    if spec.kind == "yes_no":
        fid = spec.findings[0]
        return Question(
            id=spec.id,
            kind="yes_no",
            text=findings[fid].question.get(lang),
            safety=safety,
            rationale=choice.rationale,
        )
    options = [
        Option(id=f, text=findings[f].question.get(lang), prefill=evidence.state(f))
        for f in visible_findings(spec, evidence)
    ]
    return Question(
        id=spec.id,
        kind=spec.kind,
        text=group_text(spec.id.removeprefix("group:"), lang),
        options=options,
        safety=safety,
        rationale=choice.rationale,
    )


def _progress(ckb: CompiledKB, evidence: Evidence, asked: set[str], done: int, limit: int) -> float:
    remaining = sum(1 for s in safety_screen(ckb) if s.id not in asked and relevant(s, evidence))
    return round(done / max(done + remaining + 3, 1), 3) if done < limit else 1.0


def next_question(
    ckb: CompiledKB,
    evidence: Evidence,
    lang: Lang = "en",
    asked: set[str] | None = None,
    limit: int = MAX_QUESTIONS,
    confirm_prefilled: bool = False,
    unknown_streak: int = 0,
    n_asked: int | None = None,
) -> InterviewStep:
    """The next question (or none) for this evidence, with `should_stop` and a rationale.

    A grouped question counts as asked once every finding in it has an answer, unless
    `confirm_prefilled` is set (an interview shows the screen even when free text answered it).
    """
    evidence = complete(ckb, evidence)
    done = set(asked or ())
    groups = () if confirm_prefilled else (*safety_screen(ckb), *context_questions(ckb))
    for spec in groups:
        if spec.findings and all(
            evidence.state(f) is not Presence.UNKNOWN for f in visible_findings(spec, evidence)
        ):
            done.add(spec.id)
    if evidence.age is not None:
        done.add(AGE_QUESTION)
    count = len(asked or ()) if n_asked is None else n_asked
    choice, reason, level = _choose(ckb, evidence, done, lang, limit, unknown_streak, count)
    question = _localise(ckb, choice, evidence, lang) if choice else None
    return InterviewStep(
        step=count + 1,
        question=question,
        should_stop=question is None,
        reason=reason or (choice.rationale if choice else ""),
        level=level,
        progress=1.0 if question is None else _progress(ckb, evidence, done, count, limit),
    )


def current_step(ckb: CompiledKB, state: InterviewState) -> InterviewStep:
    asked = state.asked()
    streak = 0
    fixed = {spec.id for spec in (*safety_screen(ckb), *context_questions(ckb))}
    for record in reversed(state.history):
        if record.question_id in fixed or record.question_id == AGE_QUESTION:
            break
        if record.answer and all(s is Presence.UNKNOWN for s in record.answer.values()):
            streak += 1
        else:
            break
    step = next_question(
        ckb,
        state.evidence(ckb),
        state.lang,
        asked,
        state.max_questions,
        confirm_prefilled=True,
        unknown_streak=streak,
        n_asked=len(state.history),
    )
    return step.model_copy(update={"step": state.step})


def _answer_findings(question: Question, answer: Any) -> tuple[dict[str, Presence], float | None]:
    """Translate a user's answer into finding states; reject anything that does not fit."""
    if question.kind == "number":
        if answer in (None, "unknown"):
            return {}, None
        try:
            age = float(answer)
        except (TypeError, ValueError):
            raise AnswerError(f"'{answer}' is not an age in years") from None
        if not 0 <= age <= 120:
            raise AnswerError(f"age {answer} is out of range (0-120)")
        return {}, age
    option_ids = [o.id for o in question.options] or [question.id]
    if question.kind == "yes_no":
        mapping = {"yes": Presence.PRESENT, "no": Presence.ABSENT, "unknown": Presence.UNKNOWN}
        key = str(answer).lower()
        if key in Presence._value2member_map_:
            return {question.id: Presence(key)}, None
        if key not in mapping:
            raise AnswerError(f"answer '{answer}' is not one of yes, no, unknown")
        return {question.id: mapping[key]}, None
    if answer in ("unknown", None):
        return {f: Presence.UNKNOWN for f in option_ids}, None
    if answer == "none":
        return {f: Presence.ABSENT for f in option_ids}, None
    if question.kind == "choice":
        if not isinstance(answer, str) or answer not in option_ids:
            raise AnswerError(
                f"'{answer}' is not one of the choices: {', '.join([*option_ids, 'none', 'unknown'])}"
            )
        return {f: Presence.PRESENT if f == answer else Presence.ABSENT for f in option_ids}, None
    # checklist: a list of ticked ids (the rest absent) or a full mapping
    if isinstance(answer, list):
        bad = [a for a in answer if a not in option_ids]
        if bad:
            raise AnswerError(f"'{bad[0]}' is not one of the choices: {', '.join(option_ids)}")
        return {f: Presence.PRESENT if f in answer else Presence.ABSENT for f in option_ids}, None
    if isinstance(answer, dict):
        out: dict[str, Presence] = {}
        for f, s in answer.items():
            if f not in option_ids:
                raise AnswerError(f"'{f}' is not one of the choices: {', '.join(option_ids)}")
            if str(s) not in Presence._value2member_map_:
                raise AnswerError(f"'{s}' for '{f}' is not one of present, absent, unknown")
            out[f] = Presence(str(s))
        return out, None
    raise AnswerError("a checklist answer is a list of ticked choices, 'none' or 'unknown'")


def answer(
    ckb: CompiledKB, state: InterviewState, step: int, question_id: str, value: Any
) -> InterviewState:
    """Record the answer to the current question.

    Replaying the last answer with its step number is idempotent; any other old step raises
    `StaleAnswer`; an answer to a question that is not the current one raises `AnswerError`.
    """
    if step == state.step - 1 and state.history:
        last = state.history[-1]
        replay_state = undo(state)
        current = current_step(ckb, replay_state)
        if last.question_id == question_id and current.question is not None:
            findings, age = _answer_findings(current.question, value)
            if findings == last.answer and age == last.age:
                return state
        raise StaleAnswer(f"step {step} was already answered; the current step is {state.step}")
    if step != state.step:
        raise StaleAnswer(f"step {step} is not the current step ({state.step})")
    current = current_step(ckb, state)
    if current.question is None:
        raise AnswerError("the interview is finished; no question is waiting for an answer")
    if current.question.id != question_id:
        raise AnswerError(
            f"'{question_id}' is not the question being asked; the current question is '{current.question.id}'"
        )
    findings, age = _answer_findings(current.question, value)
    record = AnswerRecord(step=step, question_id=question_id, answer=findings, age=age)
    new_state = state.model_copy(update={"history": [*state.history, record]})
    new_state.evidence(ckb)  # raises EvidenceError on an impossible combination
    return new_state


def undo(state: InterviewState) -> InterviewState:
    """Go back one step (no-op at the start)."""
    return state.model_copy(update={"history": state.history[:-1]})


def start(
    lang: Lang = "en",
    region: str = "DEFAULT",
    prefilled: Evidence | None = None,
    max_questions: int = MAX_QUESTIONS,
) -> InterviewState:
    return InterviewState(
        lang=lang,
        region=region,
        prefilled=dict(prefilled.findings) if prefilled else {},
        prefilled_age=prefilled.age if prefilled else None,
        max_questions=max_questions,
    )
