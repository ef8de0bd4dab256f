"""Whether a tip still says what its source said: the condition, qualifier, hedge, negation or turning "but" that a
shortening left out (issue 19, item 4: "Gradually face the situations you fear." from "Under a therapist's
guidance, gradually face …"; "This medicine can raise the risk of falls." from "In adults over 65, …"; "Arguing
doesn't hurt a relationship." from "Arguing doesn't necessarily hurt a relationship when both people feel heard.").

The tip's words (headline or text) are lined up with each source sentence they come from, after the light
compressions split may make (scheduler.tips.filters.compress); what the source has and the tip lacks is read by
where it stood and the word that opens it (general grammar cues, no article's own words):
- in front of the kept words, an opening phrase before a comma that states a condition or narrows who or when
  ("Under a therapist's guidance,", "In adults over 65,", "If you can,", "Sometimes,");
- after them, a clause or phrase that narrows them ("… when both people feel heard", "… only when you feel safe",
  "… before you stop taking it", "… for some people", "… with your doctor") or turns them ("…, but the anxiety is
  likely to remain");
- inside them, or swapped for other words: a hedge ("may", "often", "necessarily", "some"), a negation ("not",
  "never", "doesn't") or a narrowing phrase ("in most cases").
Not counted: a separate claim joined by "and", a dash or a colon ("…, and it does not mean you did wrong"), examples
("such as", "including", "like"), a reason ("because …"), "even if"/"even when" (they widen, never narrow), and
emphasis ("especially …").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from scheduler.tips.filters import compress, unfinished
from scheduler.tips.sentences import per_split, split_sentences

CONDITION = "a condition"
SAFETY = "a safety condition"
QUALIFIER = "a qualifier"
HEDGE = "a hedge"
NEGATION = "a negation"
CONTRAST = "the “but” that turns it"


class Dropped(NamedTuple):
    kind: str  # CONDITION, SAFETY, QUALIFIER, HEDGE, NEGATION or CONTRAST
    words: str  # the source's words that were left out, as the source wrote them


_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[’'][A-Za-z]+)*")
_OPENERS = frozenset(["if", "unless", "when", "whenever", "until", "once", "provided", "providing", "only", "except",
                      "before", "after", "while", "under", "without", "during"])
_TURNS = frozenset(["but", "yet", "although", "though", "whereas", "however"])
_HEDGES = frozenset(["may", "might", "can", "could", "often", "sometimes", "usually", "generally", "typically",
                     "frequently", "occasionally", "rarely", "seldom", "necessarily", "likely", "unlikely", "probably",
                     "possibly", "perhaps", "maybe", "some", "many", "most", "several", "few", "tend", "tends",
                     "mostly", "partly", "somewhat", "almost", "nearly"])
_NEGATIONS = frozenset(["not", "never", "no", "none", "nothing", "nobody", "neither", "nor", "cannot", "without"])
_PREPOSITIONS = frozenset(["in", "for", "among", "with", "at", "on", "by", "from", "to", "over", "within", "across"])
_QUANTIFIERS = frozenset(["some", "many", "most", "few", "certain", "several", "older", "younger", "adults",
                          "children", "kids", "teens", "women", "men", "people", "cases"])
# Who or what makes a step safe: a condition naming one of these is never to be cut from the card
_SAFETY = re.compile(r"\b(?:doctor|physician|therapist|counsel+or|clinician|provider|professional|pharmacist|"
                     r"psychiatrist|pediatrician|paediatrician|nurse|guidance|supervision|safe|safely|safety|danger|"
                     r"emergency|prescribed|prescription)s?\b", re.IGNORECASE)
# What a dropped tail may open on and still be a separate thought, an example, a reason or emphasis
_SEPARATE = frozenset(["and", "or", "so", "then", "which", "who", "that", "such", "including", "like", "especially",
                       "particularly", "because", "since", "as", "even", "to", "plus", "also", "it", "they", "this"])
_AS_LONG_AS = re.compile(r"(?:as|so) long as\b|as soon as\b|in case\b", re.IGNORECASE)
_BOUNDARY = re.compile(r"\s*(?:[;:—–]|--|,\s+(?:and|or|so)\s)")
_SHOWN_WORDS = 8


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(found.group(0).lower().replace("’", "'"), found.start(), found.end()) for found in _TOKEN.finditer(text)]


def _negates(word: str) -> bool:
    return word in _NEGATIONS or word.endswith("n't")


def _bare(text: str) -> str:
    return text.strip().rstrip(".!?:").strip(" ,;—–-")


@per_split
def dropped(sources: tuple[str, ...], said: str) -> tuple[Dropped, ...]:
    """What the source sentences say and `said` (a headline or a text made from them) leaves out: a condition, a
    qualifier, a hedge, a negation, a turning "but". A source sentence `said` does not use (most of its words
    absent: a later sentence the text did not take) leaves nothing out."""
    found: list[Dropped] = []
    said_bare = _bare(said)
    said_words: list[str] = []
    for source in sources:
        if _bare(source) in said_bare:
            continue  # kept whole, as most texts keep their sentences
        for sentence in split_sentences(source):
            if _bare(sentence) in said_bare:
                continue
            whole = _bare(compress(sentence))
            if not whole or whole in said_bare:
                continue
            if said_bare and whole.startswith(said_bare):  # the headline is the sentence's opening
                found += _read(whole, len(said_bare), len(whole), place="tail")
                continue
            if not said_words:
                said_words = [word for word, _, _ in _tokens(said_bare)]
                said_set = set(said_words)
            tokens = _tokens(whole)
            shared = sum(word in said_set for word, _, _ in tokens)
            if shared < min(4, len(tokens)) or (shared < len(tokens) / 2 and shared < 0.6 * len(said_words)):
                continue  # not this sentence's words (a headline cut from it is mostly its words)
            found += _aligned(whole, tokens, said_words)
    return tuple(dict.fromkeys(found))


def _aligned(whole: str, tokens: list[tuple[str, int, int]], said_words: list[str]) -> list[Dropped]:
    words = [word for word, _, _ in tokens]
    matcher = SequenceMatcher(a=words, b=said_words, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks or max(block.size for block in blocks) < min(4, len(words)):
        return []  # a few words in common here and there: another sentence, not this one reworded
    first, last = blocks[0].a, blocks[-1].a + blocks[-1].size
    found: list[Dropped] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op not in ("delete", "replace"):
            continue
        start, end = tokens[i1][1], tokens[i2 - 1][2]
        if op == "replace":
            put = set(said_words[j1:j2])
            lost = [word for word in words[i1:i2] if (word in _HEDGES or _negates(word)) and word not in put]
            if lost and not (any(_negates(word) for word in lost) and any(_negates(word) for word in put)):
                kind = NEGATION if any(_negates(word) for word in lost) else HEDGE
                found.append(Dropped(kind, _shown(whole[start:end])))
            continue
        place = "lead" if i2 <= first else "tail" if i1 >= last else "inner"
        found += _read(whole, start, end if place != "tail" else len(whole), place=place)
    return found


def _read(whole: str, start: int, end: int, *, place: str) -> list[Dropped]:
    """What the words whole[start:end], left out at this place (lead, inner, tail), were, if they mattered."""
    span = whole[start:end].strip(" ,;:—–-")
    said = [word for word, _, _ in _tokens(span)]
    if not said:
        return []
    first = said[0]
    kind = None
    if place == "tail":
        limited = _BOUNDARY.split(span, maxsplit=1)[0]
        head = [word for word, _, _ in _tokens(limited)]
        separate = bool(re.match(r"^\s*(?:[;:—–]|--)", whole[start:end]))
        if first in _TURNS:
            kind = CONTRAST
        elif first in _OPENERS or _AS_LONG_AS.match(span):
            kind = CONDITION
            span = limited
        elif separate or first in _SEPARATE:
            kind = None
        elif first in _PREPOSITIONS and (
                any(word in _OPENERS or word in _QUANTIFIERS for word in head) or _SAFETY.search(limited)):
            kind = QUALIFIER if any(word in _QUANTIFIERS for word in head) else CONDITION
            span = limited
    elif place == "lead":
        opening = whole[end:].lstrip().startswith(",") or whole[start:end].rstrip().endswith(",")
        if first in _HEDGES:
            kind = HEDGE
        elif opening and (first in _OPENERS or first in _PREPOSITIONS):
            kind = CONDITION if first in _OPENERS else QUALIFIER
        elif any(_negates(word) for word in said):
            kind = NEGATION
    else:
        if first in _OPENERS:
            kind = CONDITION
        elif any(_negates(word) for word in said):
            kind = NEGATION
        elif any(word in _HEDGES for word in said):
            kind = HEDGE
        elif first in _PREPOSITIONS and any(word in _QUANTIFIERS for word in said):
            kind = QUALIFIER
    if kind is None:
        return []
    if kind in (CONDITION, QUALIFIER) and _SAFETY.search(span):
        kind = SAFETY
    return [Dropped(kind, _shown(span))]


def _shown(words: str) -> str:
    said = words.strip(" ,;:—–-").split()
    return " ".join(said[:_SHOWN_WORDS]) + ("…" if len(said) > _SHOWN_WORDS else "")


def meaning_notes(sources: Sequence[str], headline: str, text: str) -> list[str]:
    """The notes that say what the headline and the text left out of their source (one per part, the first found):
    'shortened: the headline leaves out “when both people feel heard” (a condition): …'."""
    notes = []
    for part, said in (("headline", headline), ("text", text)):
        lost = dropped(tuple(sources), said)
        if lost:
            notes.append(LEFT_OUT.format(part=part, words=lost[0].words, kind=lost[0].kind))
    return notes


LEFT_OUT = ("shortened: the {part} leaves out “{words}” ({kind}): put it back, or check it still says what the "
            "article meant")
HEADLINE_LEFT_OUT = "shortened: the headline leaves out"
DANGLING = "the headline ends on “{}”, a word that needs what follows: finish its thought"
TEXT_LEFT_OUT = "shortened: the text leaves out"


# A sentence that turns what came before it: a "But …", "The problem is …", "This backfires", "That relief is exactly
# what keeps the cycle going" (user trial 8: "Avoidance works … everyone in the house feels relief." went out without
# the sentence that says the relief keeps the cycle going, and read as advice to let the teen stay home).
_TURNING = re.compile(
    r"^(?:but|yet|however|unfortunately)\b"
    r"|^the (?:problem|trouble|catch|downside|danger|risk) (?:is|with)\b"
    r"|^(?:this|that|these|those|it|such)(?: [a-z]+){0,2}? (?:(?:often |can |may |usually |only )?backfires?\b|"
    r"(?:is|are) (?:exactly |precisely |just )?what (?:feeds?|fuels?|keeps?(?: [a-z]+){1,3} going)\b)",
    re.IGNORECASE)
TURNED = ("its paragraph goes on to turn it (“{}”): add that sentence, or check the tip does not say the opposite "
          "of the article")


def turns_back(sentence: str) -> bool:
    """Whether the sentence turns what the sentences before it said ("But …", "The problem is …", "This backfires",
    "That relief is exactly what keeps the cycle going"): a tip that ends before it may say the opposite."""
    return bool(_TURNING.match(sentence.strip().lstrip("“\"'‘(")))


def turned_note(text: str, left: Sequence[str]) -> list[str]:
    """TURNED when the first of the sentences the tip's paragraph goes on with after its text (`left`: those split
    left out, in order) turns it and the text does not say it."""
    first = next((sentence for sentence in left if sentence.strip()), "")
    if not first or not turns_back(first) or _bare(first) in text:
        return []
    return [TURNED.format(_shown(first))]


def keeps_meaning(sentence: str, headline: str) -> bool:
    """Whether a headline cut from the sentence keeps its conditions, qualifiers, hedges and negations."""
    return not dropped((sentence,), headline)


# Words a sentence cannot end on: an article or a possessive, a preposition or a conjunction, an auxiliary, "only"
_OPEN_END = re.compile(r"\b(?:a|an|the|your|my|their|our|his|its|this|these|those|every|each|of|to|for|with|from|by|at|"
                       r"into|about|and|or|but|nor|than|as|if|when|unless|because|until|while|although|whether|is|"
                       r"are|was|were|be|been|can|could|will|would|should|must|may|might|only|very|such|including|"
                       r"like|not)$", re.IGNORECASE)


def cut_open(sources: Sequence[str], headline: str) -> bool:
    """Whether the headline is an opening cut from one of its source sentences that stops where the sentence
    cannot ("If you notice your teen is", "Step away from the argument only", "…, it's.")."""
    head = _bare(headline)
    if not head or not (_OPEN_END.search(head, max(0, len(head) - 12)) or unfinished(head)):
        return False
    for source in sources:
        for sentence in split_sentences(source):
            whole = _bare(compress(sentence))
            if whole != head and whole.startswith(head):
                return True
    return False
