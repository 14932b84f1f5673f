"""English ConText cues written for how patients talk (medspaCy's defaults are for notes).

Each cue is data: the phrase, its category, the direction it looks in, and how far. The
parser turns them into `ConTextRule`s with the same token normalisation as the synonyms, so
"dont", "don't" and "do not" are one cue.
"""

from __future__ import annotations

from dataclasses import dataclass

NEGATED = "NEGATED_EXISTENCE"
UNCERTAIN = "POSSIBLE_EXISTENCE"
HYPOTHETICAL = "HYPOTHETICAL"
HISTORICAL = "HISTORICAL"
FAMILY = "FAMILY"
# Pseudo-cues never modify a target; SELF and NOW end a family or historical scope
# ("my mum had fibroids and I have ..."), PSEUDO masks phrases that only look negated.
SELF = "SELF"
NOW = "NOW"
PSEUDO = "PSEUDO"
TERMINATE = "TERMINATE"
# In notes and exam questions "she" is the patient; these cues only mark another person when
# the text has named one before them ("my friend ... she has"; see `en.py`).
SHE_CUES = frozenset({"she's", "she is", "she has", "she had", "her symptoms"})

NEGATION_SCOPE = 10  # tokens: a negation rarely reaches further in patient text
VERB_NEGATION_SCOPE = 7


@dataclass(frozen=True)
class Cue:
    phrase: str
    category: str
    direction: str = "FORWARD"  # FORWARD | BACKWARD | BIDIRECTIONAL | PSEUDO | TERMINATE
    max_scope: int | None = None


def _many(category: str, direction: str, phrases: str, max_scope: int | None = None) -> list[Cue]:
    return [Cue(p.strip(), category, direction, max_scope) for p in phrases.split("|") if p.strip()]


CUES: tuple[Cue, ...] = tuple(
    # "no X, Y or Z" reaches along a list; a verb negation ("haven't had a smear in years")
    # rarely reaches past its own object, so it gets a shorter reach.
    _many(
        NEGATED,
        "FORWARD",
        "no|none|nor|neither|without|denies|deny|denied|free of|no sign of|no signs of"
        "|nothing like|no more|no longer|absence of|lack of|negative for|ruled out|zero"
        "|there is no|there was no|there are no|no real|not any|not on any|nil|no h/o|no hx of"
        "|no evidence of|no pmh of|neg for|denies any|denied any",
        NEGATION_SCOPE,
    )
    + _many(
        NEGATED,
        "FORWARD",
        "not|never|haven't got|have not got|don't get|didn't get|not had|not been|not having"
        "|not experiencing|not noticed|not seen|not taking|stopped taking|came off|come off"
        "|coming off|came off of|gave up|given up|quit|quitting|never used|never taken"
        "|stopped using|discontinued|not using|not currently",
        VERB_NEGATION_SCOPE,
    )
    + _many(NEGATED, "FORWARD", "ex|non|formerly|former", 2)
    + _many(
        NEGATED,
        "BACKWARD",
        "is gone|has gone|have gone|went away|gone away|has stopped|have stopped|stopped now"
        "|has settled|has resolved|resolved|none at all|not at all|not really|no longer"
        "|is fine now|are fine now|anymore|any more|stopped|settled|cleared up",
        3,
    )
    + _many(
        UNCERTAIN,
        "FORWARD",
        "maybe|perhaps|possibly|probably|might|may be|may have|could be|could it be|could have"
        "|could this be|could i be|could i have|is it|is this|are these|was it|not sure|unsure"
        "|not certain|uncertain|don't know if|don't know whether|do not know if|no idea if"
        "|no idea whether|no idea|don't think|do not think|didn't think|not convinced"
        "|wonder if|wondering if|wondering whether|i wonder|i guess|seems like|sort of|kind of"
        "|can't tell|cannot tell|hard to tell|hard to say|suspect|doubt|question of"
        "|possibility of|possible|like i'm|like i am|as if|as though|like i was|a bit like"
        "|i think|think|i believe|query|suspected|likely|presumed",
    )
    + _many(UNCERTAIN, "BACKWARD", "not sure|or not|i guess|maybe|perhaps|i think|not certain", 6)
    + _many(
        HYPOTHETICAL,
        "FORWARD",
        "if|in case|what if|whether|should i|would|will i|when to|how to|how do i know"
        "|how can i tell|how would i know|worried that|afraid that|scared that|risk of"
        "|chance of|signs of|symptoms of|in the future|next time|to prevent|to avoid|test for"
        "|check for|checked for|screen for|screening for|looking for|asked about|asking about"
        "|read about|heard about|unless|in order to|so that|expected|expecting|supposed to",
    )
    + _many(
        HISTORICAL,
        "FORWARD",
        "used to|in the past|history of|previously|as a teenager|as a teen|last year"
        "|when i was younger|when i was a teenager|when i was a teen|when i was a kid"
        "|when i was pregnant|in my last pregnancy|during my last pregnancy"
        "|in my previous pregnancy|with my first|with my last|years ago|once had",
    )
    + _many(
        HISTORICAL,
        "BACKWARD",
        "years ago|in the past|last year|as a teenager|when i was younger|as a teen|previously"
        "|when i was pregnant|in my last pregnancy|in my previous pregnancy|long ago|back then",
        8,
    )
    + _many(
        FAMILY,
        "FORWARD",
        "my mother|my mom|my mum|my mam|my sister|my aunt|my auntie|my grandmother|my grandma"
        "|my gran|my nan|my cousin|my friend|my friends|family history|runs in my family"
        "|runs in the family|in my family|my relatives|a relative|my niece|my colleague|she's"
        "|she is|she has|she had|her symptoms|asking for|for a friend|fh|fhx|family hx|fh:"
        "|family history:|fhx:|sister|sisters|mother|grandmother|aunt|aunts|cousin"
        "|her mother|her mum|her mom|her sister|her aunt|her grandmother|her cousin|her niece"
        "|her father|her brother|maternal aunt|paternal aunt|maternal grandmother"
        "|paternal grandmother",
    )
    + _many(
        FAMILY, "BACKWARD", "runs in my family|runs in the family|in my family|in the family", 8
    )
    + _many(SELF, "PSEUDO", "i|me|myself|mine|herself|pt herself|patient herself|she herself")
    + _many(
        NOW,
        "PSEUDO",
        "now|currently|at the moment|right now|these days|this time|today|this week|this month"
        "|recently|lately|since then|yesterday|last night|this morning",
    )
    + _many(
        PSEUDO,
        "PSEUDO",
        "not only|not just|no doubt|no matter|nothing but|not normal|not usual|not like my"
        "|not my usual|not my normal|not stop|not stopping|not stopped|not going away"
        "|not go away|not getting better|not improving|no better|not ease|not easing"
        "|not settle|not settling|not let up|not letting up|not slowing|not slow down"
        "|not help|not helping|not work|not working|not sure why|no reason|not regular"
        "|not on time|not coming|not come|never had this|never had anything like|is it normal"
        "|is this normal|is that normal|is it ok|is it okay|is this ok|is it serious|is this serious"
        "|is it dangerous|is this something|is it something|no one|nobody|not due|isn't due"
        "|not yet|not tested|haven't tested|not followed|nothing else|day history of"
        "|mother of|a mother|new mother|first-time mother|mother to"
        "|brought by her mother|brought in by her mother|brought by her mum|brought by mum"
        "|brought by mother|accompanied by her mother|accompanied by mum|with her mother"
        "|her mother noticed|her mother reports|her mother says|her mother suspects"
        "|her mum noticed|her mum says|mother noticed|mother reports|mother suspects|mum noticed"
        "|according to her mother|according to mum"
        "|days history of|week history of|weeks history of|month history of|months history of"
        "|hour history of|hours history of|year history of|years history of|short history of"
        "|recent history of|day hx of|week hx of"
        # a change of colour or amount is no end: "lochia had settled to brown"
        "|settled to|settled into|settled down to|eased to|eased off to|slowed to"
        "|slowed down to|died down to|calmed down to|turned to|changed to",
    )
    + _many(
        TERMINATE,
        "TERMINATE",
        "but|however|although|though|except|apart from|aside from|yet|whereas|while|which"
        "|who|because|as well as|instead|and then|then|now|since then|so|only|just|:|after"
        "|when|whenever|until",
    )
)

# "and" or a comma followed by a new subject or verb starts a new clause: a negation or a
# hedge stops there ("no fever and I am soaking a pad an hour").
CLAUSE_STARTERS: tuple[str, ...] = (
    "i",
    "my",
    "it",
    "she",
    "he",
    "the",
    "there",
    "this",
    "that",
    "they",
    "we",
    "also",
    "have",
    "has",
    "had",
    "am",
    "is",
    "was",
    "feel",
    "felt",
    "get",
    "got",
    "keep",
    "now",
    "then",
    "today",
    "yesterday",
    "since",
    "still",
    "test",
    "really",
    "suddenly",
    "started",
    "woke",
)

# A comma, at most two words, then a verb: a new clause ("not pregnant, test was negative").
CLAUSE_VERBS: tuple[str, ...] = (
    "is",
    "was",
    "are",
    "were",
    "'s",
    "has",
    "have",
    "had",
    "been",
    "feel",
    "felt",
    "get",
    "got",
    "keep",
    "came",
    "come",
    "started",
    "went",
    "looks",
    "seems",
    "did",
    "does",
    "do",
)

# A time phrase then a comma closes a clause ("no smear in 8 years, bleeding after sex").
TIME_WORDS: tuple[str, ...] = (
    "years",
    "months",
    "weeks",
    "days",
    "ago",
    "yesterday",
    "today",
    "morning",
    "night",
    "tonight",
    "hours",
    "time",
)
