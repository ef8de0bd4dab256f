"""The condition a section heading or a list's lead-in gives its tips, and the tip that carries it.

Under "After a traumatic event", "Looking after yourself while you grieve" or a lead-in "When the days feel heavy,
try:", advice such as "Keep a simple routine." means "while you grieve, keep a simple routine"; posted alone it
reads as advice for always. `condition_of` reads the condition a heading or lead-in states (a clause that opens
with after, during, when, if, while..., "Coping with X", "What if ...?", "For parents of ..."), `needs` says
whether a tip's own words leave it out, and `with_condition` puts it in front of an instruction
("While you grieve, keep a simple routine."). Only an instruction takes it: a statement has a subject of its own
("You're so depleted you can't function." under "When time off might help" is one of the cases, and "When time
off helps, you're so depleted…" reads backwards), so it is left as it was and, when it leans on the heading, held
with a note naming what is missing (scheduler.tips.standalone), as is an instruction the card cannot hold with
its condition. A tip that opens on a condition of its own, or shares the condition's words, already says when it
applies and is left as it is. `situated_line` reads the situation a line of what to say gives itself ("When your
mother criticizes your cooking, you might say, “…”"), which its "Try saying" tip keeps.
"""

from __future__ import annotations

import re

from scheduler.tips.sentences import (
    STOPWORDS,
    capitalize_first,
    lower_first,
    per_split,
    words,
)
from scheduler.tips.verbs import is_command

ADDED = "condition added from the {}"  # "… from the heading: “While you grieve”"

_CLAUSE = r"(?P<clause>[^,:;?!.]{3,60}?)"
# A heading or lead-in that is, or ends in, a situation ("After a traumatic event", "What can I do to cope after a
# traumatic event?", "Looking after yourself while you grieve", "When your teen shuts down").
_SITUATION = re.compile(
    r"(?:^|\b(?:cope|coping|do|help|yourself|themselves|others|close|well|safe|calm|connected|grounded)\s+)"
    r"(?P<word>after|during|while|when|whenever|if|once|before|in the (?:middle|aftermath|wake) of)\s+"
    + _CLAUSE + r"$", re.IGNORECASE)
# A moment after a topic ("Self-care during the holidays", "Life after loss"); never "Looking after your health".
_MOMENT_AFTER_TOPIC = re.compile(r"^(?:[\w’'-]+\s+){0,3}?(?P<last>[\w’'-]+)\s+"
                                 r"(?P<word>after|during|in the (?:middle|aftermath|wake) of)\s+" + _CLAUSE + r"$",
                                 re.IGNORECASE)
_NOT_A_TOPIC = frozenset(["look", "looks", "looking", "looked", "take", "takes", "taking", "ask", "asking", "run",
                          "running", "chase", "chasing", "go", "going", "named", "yourself", "someone"])
_COPING = re.compile(r"^(?P<verb>coping|dealing|living) with\s+" + _CLAUSE + r"$"
                     r"|^(?:supporting|caring for|looking after) yourself (?:through|with)\s+" + _CLAUSE.replace(
                         "clause", "through") + r"$", re.IGNORECASE)
_WHAT_IF = re.compile(r"^what if\s+" + _CLAUSE + r"$", re.IGNORECASE)
_FOR_WHOM = re.compile(r"^for\s+(?P<whom>(?:(?:new|young|busy|working|single|grieving|first-time)\s+)?"
                       r"(?:parents|carers|caregivers|partners|couples|families|teens|teenagers|students|"
                       r"adults|men|women|dads|moms|mums|fathers|mothers)\b[\w\s’'-]{0,40})$", re.IGNORECASE)
# A "when" or "if" clause asks for a subject and a verb: "when to ...", "when should I ..." ask a question, and
# "When support looks like saying no" or "When 'I'm fine' is a red flag" name a kind of case, not a moment.
_NOT_A_MOMENT = re.compile(r"^(?:to|should|do|does|is|are|can|will|so|not|possible|needed|necessary|in doubt|"
                           r"you can|you need to)\b", re.IGNORECASE)
_COPULA = re.compile(r"\b(?:is|are|isn’t|isn't|looks like|feels like|seems|means|becomes|was)\b", re.IGNORECASE)
_PERSON_SUBJECT = re.compile(r"^(?:you|you’re|you're|your\s+\w+|a\s+loved one|someone|a\s+(?:partner|child|parent|"
                             r"friend|teen|spouse)|people)\b", re.IGNORECASE)
_ORPHAN = re.compile(r"\b(?:they|them|their|they’re|they're|he|she|him|her|it|this|that|these|those)\b",
                     re.IGNORECASE)
_FIRST_TO_SECOND = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "am": "are",
                    "i’m": "you’re", "i'm": "you're", "i’ve": "you’ve", "i've": "you've", "i’d": "you’d",
                    "i'd": "you'd"}
# Openers of a tip that speaks to the reader and can follow a fronted condition without a change of sense.
_TO_READER = re.compile(r"^(?:you(?:’re|'re|’ll|'ll)?\s|it(?:’s|'s| is| can| may| often)?\s+(?:\w+\s+)?(?:helps?|"
                        r"okay|ok|normal|important|worth|fine|natural|essential|helpful|wise|useful|healthy|valid)\b)",
                        re.IGNORECASE)
_OWN_CONDITION = re.compile(r"^(?:if|when|whenever|while|after|during|before|once|until|unless|even if|even when|"
                            r"as long as|in the (?:middle|aftermath|wake) of|on (?:hard|bad|difficult) days)\b",
                            re.IGNORECASE)
_GENERIC = frozenset(["coping", "cope", "dealing", "deal", "living", "life", "things", "feel", "feeling", "feels",
                      "get", "gets", "getting", "going", "time", "times", "happens", "hard", "really", "away",
                      "parents", "parent", "carers", "people", "someone", "loved", "partner", "child", "teen"])
_UNFINISHED = frozenset(["a", "an", "the", "and", "or", "but", "of", "to", "your", "their", "my", "is", "are", "be",
                         "with", "for", "that", "if", "when", "you", "feel", "get"])
_SAME_STEM = {"griev": "grief", "berea": "grief", "anxio": "anxie"}  # grieve, bereaved: grief; anxious: anxiety


@per_split  # asked of a section's heading for each of its tips, before and after the tip is finished
def condition_of(heading: str | None) -> str | None:
    """The condition a heading or lead-in states, as words that can open a tip ("after a traumatic event", "while
    you grieve", "if your partner refuses help"); None when it states none or one that would lean on something
    else ("If they're not ready": who?)."""
    if not heading:
        return None
    bare = re.sub(r"^\s*(?:(?:step|tip|part)\s*)?\d{1,2}\s*[.):—–-]\s*", "", heading, flags=re.IGNORECASE)
    bare = " ".join(bare.split()).strip(" :.!?")
    clause = None
    coping = _COPING.match(bare)
    what_if = _WHAT_IF.match(bare)
    for_whom = _FOR_WHOM.match(bare)
    if coping:
        clause = (f"when {coping.group('verb').lower()} with {coping.group('clause')}" if coping.group("verb")
                  else f"when going through {coping.group('through')}")
    elif what_if:
        clause = "if " + what_if.group("clause")
    elif for_whom:
        clause = "for " + for_whom.group("whom").strip()
    else:
        situation = _SITUATION.search(bare)
        if situation is None:
            situation = _MOMENT_AFTER_TOPIC.match(bare)
            if situation is None or situation.group("last").lower() in _NOT_A_TOPIC:
                return None
        word, rest = situation.group("word").lower(), situation.group("clause")
        if word in ("when", "whenever", "if", "once", "while", "before"):
            if _NOT_A_MOMENT.match(rest) or len(words(rest)) < 2 or (
                    _COPULA.search(rest) and not _PERSON_SUBJECT.match(rest)):
                return None
        elif rest.lower() in STOPWORDS or rest.lower().split()[0] in ("all", "that", "this", "yourself", "school"):
            return None  # "After all": no moment named
        clause = f"{word} {rest}"
    clause = " ".join(_FIRST_TO_SECOND.get(w.lower(), w) if w.lower() in _FIRST_TO_SECOND else w
                      for w in clause.split())
    if _ORPHAN.search(clause) or re.search(r"\b(?:we|us|our)\b", clause, re.IGNORECASE):
        return None
    if clause.lower().split()[-1] in _UNFINISHED:
        return None  # "When you are", a heading cut short
    return clause


def lead_in_condition(lead_in: str | None) -> str | None:
    """The condition that opens a list's lead-in ("When the days feel heavy, try:", "After a loss:")."""
    if not lead_in:
        return None
    last = re.split(r"(?<=[.!?])\s+", lead_in.strip())[-1]
    match = re.match(r"^(?P<cond>(?:if|when|whenever|while|after|during|once|before|in the (?:middle|aftermath|wake)"
                     r" of)\s[^,:;]{3,60}?)\s*[,:]", last, re.IGNORECASE)
    return condition_of(match.group("cond")) if match else None


def _stems(text: str) -> set[str]:
    found = set()
    for word in words(text):
        lower = word.lower()
        if lower in STOPWORDS or lower in _GENERIC or len(lower) < 3:
            continue
        stem = lower[:5]
        found.add(_SAME_STEM.get(stem, stem))
    return found


def needs(condition: str, headline: str, text: str) -> bool:
    """The tip's own words leave out the condition: it shares none of its words and opens on no condition of its
    own ("If your partner talks about self-harm, …" under "What if the anxiety gets worse?" says when it applies)."""
    wanted = _stems(condition)
    if not wanted or _OWN_CONDITION.match(headline.lstrip("“\"‘(")):
        return False
    said = _stems(headline + " " + text)
    return not wanted & said


def gives_advice(headline: str) -> bool:
    """A command or words to the reader: what a condition narrows, so a tip that leaves it out needs it."""
    bare = headline.lstrip("“\"‘(")
    return bool(is_command(bare) or _TO_READER.match(bare))


@per_split
def takes_condition(headline: str) -> bool:
    """An instruction ("Accept practical help.", "Don't rush."): the one kind of tip a condition can open without
    changing what it says. A statement ("You're so depleted you can't function.", "It helps to rest.") has a
    subject of its own, and a condition in front of it may turn a case of the heading into something it causes."""
    return is_command(headline.lstrip("“\"‘("))


# "You can gently suggest …", "You could offer …": a step given to the reader through "can" or "could"; a condition
# opens it as it opens a command ("When your partner is …, you can gently suggest …"), where it names whom the step
# speaks of (drafting: only then, so that a statement such as "You can feel …" keeps its words).
_YOU_CAN = re.compile(r"^you\s+(?:can|could)\s+(?:(?:also|gently|always|still|simply|just|then|calmly|kindly)\s+)?"
                      r"(?P<step>\w.*)$", re.IGNORECASE | re.DOTALL)


def step_through_can(headline: str) -> bool:
    """"You can gently suggest …": a step the reader can take, put as what they can do rather than a command."""
    found = _YOU_CAN.match(headline.lstrip("“\"‘("))
    return found is not None and is_command(found.group("step"))


def after_condition(sentence: str) -> str:
    """The sentence past the condition it opens on ("If you wake up worried, write it down." -> "Write it down.");
    the sentence itself when it opens on none."""
    opening = _OWN_CONDITION.match(sentence)
    comma = sentence.find(", ", opening.end()) if opening else -1
    return capitalize_first(sentence[comma + 2:]) if opening and 0 < comma <= 90 else sentence


def with_condition(condition: str, sentence: str) -> str:
    """The instruction with the condition in front: "While you grieve, keep a simple routine." (takes_condition)."""
    opener = condition[0].upper() + condition[1:]
    return f"{opener}, {lower_first(sentence.strip())}"


# A line of what to say whose own sentence says what it is for (issue 19): "When your mother criticizes your cooking,
# you might say, “…”", "If your partner says “You never listen,” try: “…”", "Next time …, try saying “…”". Only a
# lead that says nothing but "say" stands between the situation and the quotation: "…, take a breath and say “…”"
# carries a step of its own, and "…, say to your dad, “…”" a listener, that "try saying" would drop.
_SITUATED_LINE = re.compile(
    r"^(?P<situation>(?:when|whenever|if|next time|the next time|each time|every time|any ?time)\s+.{3,}?)"
    r"(?:\s*,\s*|(?<=,[”\"])\s+)(?:then\s+)?"
    r"(?:(?:you\s+(?:might|could|can|may)(?:\s+want\s+to)?|consider|it\s+(?:may|might|can)\s+help\s+to)\s+)?"
    r"(?:try(?:\s+saying)?|say(?:ing)?)(?:\s+something\s+like)?"
    r"\s*[,:]?\s*[“\"](?P<spoken>[^”\"]{8,})[”\"]\s*[.!?]?\s*$", re.IGNORECASE)
# "If possible, say …", "When in doubt, …": a hedge or a habit, not a situation a follower can recognise
_NO_SITUATION = re.compile(r"^(?:if|when)\s+(?:possible|needed|necessary|appropriate|so|not|in doubt|unsure|"
                           r"it helps|you (?:can|like|want|need to|feel (?:able|comfortable|ready)))\s*[,”\"]?$",
                           re.IGNORECASE)


def situated_line(sentence: str) -> tuple[str, str] | None:
    """The situation and the words to say of a sentence that gives both ("When your mother criticizes your
    cooking", "I'm happy with how it turned out."); None when its quotation follows a lead of another kind, or
    nothing before it names a case."""
    found = _SITUATED_LINE.match(sentence.strip())
    if found is None:
        return None
    situation = found.group("situation").strip()
    if _NO_SITUATION.match(situation) or len(words(situation)) < 3:
        return None
    return situation, found.group("spoken").strip()


def situated_example(situation: str, spoken: str) -> str:
    """The line to say, after the situation its sentence gave it: "When your mother criticizes your cooking, try
    saying: “I'm happy with how it turned out.”" (a situation that ends on a quotation keeps its comma inside)."""
    joint = " " if situation.endswith((",”", ',"')) else ", "
    return f"{situation}{joint}try saying: “{spoken}”"


# A tip's instruction that its paragraph gave under a condition a sentence or two before it (user trial 8: "If your
# teen talks about wanting to die, …, take it seriously every time. It is not attention seeking, … Stay with your
# teen, remove or lock away medications …"): posted alone, it tells every reader to lock away medications.
PARAGRAPH = "paragraph"
LACKS_PARAGRAPH_CONDITION = "the paragraph's condition “{}” is not in the tip: say when it applies"
_LACKS = re.compile(r"^the paragraph's condition “(?P<condition>[^”]+)” is not in the tip")
_CONDITIONAL = re.compile(r"^(?:if|when|whenever)\s", re.IGNORECASE)


def opens_on_condition(sentence: str) -> bool:
    """The sentence says itself when it applies: "If your teen talks about wanting to die, stay with them …"."""
    return bool(_OWN_CONDITION.match(sentence.lstrip("“\"‘(")))


def stated_condition(sentence: str) -> str | None:
    """The condition a conditional instruction opens on, whole: "If your teen talks about wanting to die, says they
    would be better off gone, or mentions hurting themselves" of "…, take it seriously every time."; None when
    the sentence opens on no if/when or no instruction follows its condition."""
    if not _CONDITIONAL.match(sentence.strip()):
        return None
    for comma in re.finditer(r",\s+", sentence):
        rest = sentence[comma.end():]
        if len(words(sentence[:comma.start()])) >= 3 and is_command(rest):
            return sentence[:comma.start()].strip()
    return None


def paragraph_condition(before: list[str], headline: str, text: str) -> str | None:
    """The condition the sentences just before an instruction in its paragraph give it: the one before, or the one
    before that when what stands between is no instruction of its own (it says why, not what else to do); None
    when the tip is no instruction, opens on a condition of its own or already shares the condition's words."""
    if not takes_condition(headline) or opens_on_condition(headline):
        return None
    for distance, sentence in enumerate(reversed(before[-2:])):
        condition = stated_condition(sentence)
        if condition is not None:
            return condition if needs(condition, headline, text) else None
        if distance == 0 and is_command(sentence):
            return None  # another step stands between: the tip follows that one, not the condition
    return None


def lacked_condition(note: str) -> str | None:
    """The condition a LACKS_PARAGRAPH_CONDITION note names."""
    found = _LACKS.match(note)
    return found.group("condition") if found else None


def carries(condition: str, headline: str, text: str) -> bool:
    """Both the card and the post say when the tip applies: each opens on a condition or shares the condition's
    words (a person's rewrite "If your teen talks about wanting to die, stay with them …" answers the note)."""
    return not needs(condition, headline, headline) and not needs(condition, text, text)
