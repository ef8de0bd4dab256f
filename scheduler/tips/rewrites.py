"""The rewrites split may make (issue 19, point 4), each keeping the source's meaning, hedges and conditions.

- The author's or the practice's advice turned to the reader: "I encourage you to write it down." -> "Write it
  down."; "We recommend setting a bedtime." -> "Set a bedtime." (only where "we" is the practice advising: the
  verb is recommend, suggest, encourage, advise, urge, invite); "If you can't sleep, we suggest talking with your
  doctor." keeps its condition; "I keep a glass of water by my bed each night." -> "Keep a glass of water by your
  bed each night."; "My clients often find that journaling helps." -> "Clients often find that journaling helps."
- A short section heading and its first sentence as one headline, when the heading alone would be the card's
  words: "Stay connected." + "Call one friend each week." -> "Stay connected: call one friend each week."
- A bold label written in for the "These <things>" its sentence opens on: "**Grounding Habits**: These habits help
  you feel steady." -> "Grounding habits help you feel steady." (the label alone would be the card's words).

Anything else is refused (None): a story in the past, a feeling or a belief ("I felt", "I think"), a hedge the
rewrite would drop ("I often suggest", "I sometimes skip"), first person left after the rewrite, the therapist's
own work. Each rewrite carries a note that says what was rewritten; only the kinds whose meaning is certain
(`SURE`: a recommendation addressed to the reader, a heading joined to its sentence) may leave the tip ready.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scheduler.tips.edges import first_person, habit_rewrite, without_quotes
from scheduler.tips.filters import (
    FIRST_PLURAL,
    compress,
    dangling_references,
    opens_with_reference,
    unresolved_pronoun,
)
from scheduler.tips.sentences import STOPWORDS, words
from scheduler.tips.verbs import IMPERATIVES

TO_IMPERATIVE = "rewritten from first person to an imperative"
WE_TO_IMPERATIVE = "rewritten from the practice’s “we” to an imperative"
TO_READER = "rewritten from first person to advice for the reader"
HABIT = "rewritten from first person"
CLIENTS = "rewritten from first person without “my”"
JOINED = "headline joins the section heading and its first sentence"
LABEL_JOINED = "headline joins the bold label and the sentence after it"
LABEL_SUBJECT = "the bold label (“{label}”) written in for “{pointer}”: check the sentence meant it"
SURE = (TO_IMPERATIVE, WE_TO_IMPERATIVE, JOINED, LABEL_JOINED)  # notes that may leave a tip ready: the meaning is certain

# Verbs a recommendation may name beyond the imperatives the headline rules know.
_MORE_VERBS = frozenset(["meditate", "reduce", "dim", "switch", "silence", "wind", "jot", "nap", "hydrate", "avoid",
                         "carry", "store", "charge", "wear", "place", "post", "text", "visit", "sign", "plant",
                         "spend", "mute", "log", "leave", "add", "cut", "lie", "ease"])
_VERBS = IMPERATIVES | _MORE_VERBS
_QUANTIFIERS = frozenset(["every", "many", "much", "another", "one", "two", "three", "several", "everyone",
                          "everything", "nothing", "someone", "something", "anyone", "anything", "nobody"])
_CONDITION = r"(?P<cond>(?:If|When|Whenever|Before|After|Once|While|Until|Each time|Every time)\s[^,]+,\s+)?"
_RECOMMEND = re.compile(
    r"^" + _CONDITION + r"(?P<who>I|[Ww]e|[Oo]ur (?:therapists|counsel(?:l)?ors|clinicians|team))(?:’d|'d|\s+would)?"
    r"\s+(?:(?P<adv>always|strongly|highly|really|gently|also|often|usually|sometimes|generally|typically|may|might|"
    r"can|could)\s+)?"
    r"(?P<verb>recommend|suggest|encourage|advise|urge|invite|ask)\s+(?P<that>that\s+)?"
    r"(?:(?P<obj>you|clients|couples|parents|partners|people|readers|families|patients|everyone)\s+(?:to\s+)?)?"
    r"(?P<rest>[a-z][^;:]*[.!])$")
_HEDGES = frozenset(["often", "usually", "sometimes", "generally", "typically", "may", "might", "can", "could"])
_CLIENTS = re.compile(
    r"^(?:(?P<many>Many|Most|Some|A lot|Lots) of (?:my|our) |(?:My|Our) )(?P<who>clients|couples|patients)\s+"
    r"(?P<adv>(?:often|usually|sometimes|also|generally|typically)\s+)?"
    r"(?P<verb>find|notice|discover|report|learn|realize|realise)(?P<rest>\s[^;:]*[.!])$")
_ANY_FIRST = re.compile(r"(?<![\w’'-])(?:I|I’m|I'm|I’ve|I've|I’ll|I'll|I’d|I'd|me|my|mine|myself|we|our|us|ours|"
                        r"we’re|we're|we’ve|we've)(?![\w’'-])", re.IGNORECASE)
_PEOPLE_UNSAID = re.compile(r"\b(?:they|them|their|theirs|themselves|he|him|his|she|her)\b", re.IGNORECASE)
_LEADING_ADVERB = re.compile(r"^(?P<adv>always|regularly)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Rewrite:
    text: str
    note: str
    sure: bool  # the meaning is certain to be kept: the tip may still be ready


def voice_rewrite(sentence: str) -> Rewrite | None:
    """The sentence turned to the reader, with a note that quotes what it was; None when it cannot be done safely."""
    stripped = sentence.strip()
    if without_quotes(stripped) != stripped:
        return None  # a quotation's "I" is someone else's voice
    return _recommendation(stripped) or _clients(stripped) or _habit(stripped)


def _recommendation(sentence: str) -> Rewrite | None:
    match = _RECOMMEND.match(sentence)
    if not match or (match.group("adv") or "").lower() in _HEDGES:
        return None
    who, verb, obj, rest = match.group("who"), match.group("verb"), match.group("obj"), match.group("rest")
    cond = match.group("cond") or ""
    if verb == "ask" and obj != "you" or verb == "invite" and obj not in (None, "you"):
        return None  # "I ask couples to sit facing each other": the therapist's work in the room, not advice
    action = _as_imperative(rest, gerund=obj is None and not match.group("that"))
    if action is None or _ANY_FIRST.search(cond + " " + action):
        return None
    text = cond + (action[0].lower() + action[1:] if cond else action)
    if obj not in (None, "you") and re.search(r"\b(?:they|them|their|theirs|themselves)\b", action, re.IGNORECASE):
        return None  # "We encourage parents to model what they want to see": "they" would lose its parents
    said = _opening(sentence, len(cond.split()) + 6)  # the quote reaches the words rewritten, past a condition
    if obj not in (None, "you"):
        return Rewrite(text, f"{TO_READER}: “{said}”: check it fits your followers", False)
    kind = TO_IMPERATIVE if who == "I" else WE_TO_IMPERATIVE
    return Rewrite(text, f"{kind}: “{said}”", True)


def _as_imperative(rest: str, *, gerund: bool) -> str | None:
    """`setting a bedtime and keeping it.` -> `Set a bedtime and keep it.`; `try a walk.` -> `Try a walk.`"""
    first = rest.split(" ", 1)[0]
    if gerund:
        base = _base_of(first)
        if base is None:
            return None
        rest = base + rest[len(first):]
        rest = re.sub(r"\b(and|or)\s+(\w+ing)\b", lambda m: f"{m.group(1)} {_base_of(m.group(2)) or m.group(2)}",
                      rest)
    elif first.lower() not in _VERBS:
        return None
    return rest[0].upper() + rest[1:]


def _base_of(gerund: str) -> str | None:
    if not gerund.endswith("ing") or len(gerund) < 5:
        return None
    stem = gerund[:-3].lower()
    for base in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None,
                 stem[:-1] + "ie" if stem.endswith("y") else None):
        if base and base in _VERBS:
            return base
    return None


def _clients(sentence: str) -> Rewrite | None:
    match = _CLIENTS.match(sentence)
    if not match or _ANY_FIRST.search(match.group("rest")):
        return None
    many = match.group("many")
    text = (f"{many} {match.group('who')}" if many else match.group("who").capitalize()) + " " + (
        match.group("adv") or "") + match.group("verb") + match.group("rest")
    return Rewrite(text, f"{CLIENTS}: “{_opening(sentence)}”: check it keeps the author’s meaning", False)


def _habit(sentence: str) -> Rewrite | None:
    if not first_person(sentence):
        return None
    adverb = re.match(r"^(?:[^,]+,\s+)?I\s+(\w+)", sentence)
    if adverb and adverb.group(1).lower() in _HEDGES:
        return None  # "I sometimes skip dessert." is not "Skip dessert."
    text = habit_rewrite(sentence)
    if text is None or _ANY_FIRST.search(text):
        return None
    if adverb and adverb.group(1).lower() in ("always", "regularly") and not _LEADING_ADVERB.match(text):
        head = re.match(r"^(?P<cond>[^,]+,\s+)?(?P<rest>.*)$", text)
        assert head is not None
        cond, rest = head.group("cond") or "", head.group("rest")
        adv = adverb.group(1).lower()
        text = cond + (adv if cond else adv.capitalize()) + " " + rest[0].lower() + rest[1:]
    return Rewrite(text, f"{HABIT}: “{_opening(sentence)}”: check it keeps the author’s meaning", False)


def joined_headline(heading: str, sentence: str, limit: int, *, ing: bool = False) -> Rewrite | None:
    """A short heading ("Stay connected.") and the sentence under it as one headline, when it fits the card and
    the sentence can follow a colon in lower case without changing a name ("Call one friend" -> "call ..."): its
    first word is a small word, a verb, a quantifier ("Every", "Many") or, with `ing`, a word in -ing ("Masking")."""
    head_words = words(heading)
    first = words(sentence)[:1]
    if not (1 <= len(head_words) <= 4) or not first or first[0] == "I":
        return None
    lowered = first[0].lower()
    common = lowered in STOPWORDS or lowered in _VERBS or lowered in _QUANTIFIERS or (ing and lowered.endswith("ing"))
    if not common or sentence.rstrip().endswith("?"):
        return None
    if opens_with_reference(sentence) or FIRST_PLURAL.search(sentence) or first_person(sentence) or (
            unresolved_pronoun(sentence) or dangling_references(compress(sentence)) or _PEOPLE_UNSAID.search(sentence)):
        return None  # "Avoid taking over: it's tempting to handle every task for them." leaves "them" unsaid
    if _repeats(head_words, words(sentence)):
        return None  # "Take a break: taking a break helps ..." says it twice
    text = heading.rstrip(" .!") + ": " + sentence.strip()[0].lower() + sentence.strip()[1:]
    if len(text) > limit:
        return None
    return Rewrite(text, f"{JOINED}: “{heading.rstrip()}” + “{_opening(sentence)}”", True)


def _repeats(heading: Sequence[str], sentence: Sequence[str]) -> bool:
    content = {w.lower()[:5] for w in heading if w.lower() not in STOPWORDS}
    said = {w.lower()[:5] for w in sentence}
    return bool(content) and len(content & said) * 2 >= len(content)


def _opening(sentence: str, count: int = 6) -> str:
    parts = sentence.split()
    return " ".join(parts) if len(parts) <= count else " ".join(parts[:count]) + "…"


# "These techniques help …", "This habit lets …": the sentence's subject only points back at the label above it
_POINTING_SUBJECT = re.compile(r"^(?P<pointer>(?P<these>These|Those)\s+(?P<noun>[a-z]+s)|(?:This|That)\s+(?P<one>[a-z]+))\s+"
                               r"(?=[a-z])")


def label_as_subject(label: str, sentence: str) -> Rewrite | None:
    """The sentence with its label (as the card writes it: "Grounding practices") in place of the "These <things>"
    it opens on, when the label names as many things as the pointer does: a plural label for "These", a singular
    one for "This". None otherwise, or for a label longer than a short name."""
    found = _POINTING_SUBJECT.match(sentence)
    label = label.strip().rstrip(":.").strip()
    if found is None or not 1 <= len(words(label)) <= 4:
        return None
    plural = label.endswith("s") and not label.endswith("ss")
    if plural != bool(found.group("these")):
        return None
    return Rewrite(text=f"{label} {sentence[found.end():]}",
                   note=LABEL_SUBJECT.format(label=label, pointer=found.group("pointer")), sure=False)
