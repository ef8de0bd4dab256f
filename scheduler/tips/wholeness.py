"""Whether the opening of a sentence, cut to be a card's headline, still stands as a sentence of its own.

A cut may end only where a sentence can: not on a verb left without what the rest of the sentence gave it ("… who
has experience working with men" is not "… who has experience working."), not with a clause that has no main
verb ("As simple as it sounds, what may be the easiest …", "You can't force it, but steady support — and …"), and
not on punctuation the cut left behind (a comma inside a closing quote: “I hear you,”.). Used where split shortens
a sentence (scheduler.tips.filters.shorten_to_clause) and where it says why a headline needs a look
(scheduler.tips.drafts)."""

from __future__ import annotations

import re

from scheduler.tips.sentences import words
from scheduler.tips.verbs import IMPERATIVES, has_verb, is_imperative, verb_spans

_FINITE = re.compile(r"\b(?:is|are|was|were|am|be|been|can|could|will|would|may|might|must|should|shall|has|have|had|"
                     r"do|does|did|cannot|\w+n[’']t|\w+[’'](?:s|re|ve|ll|d|m))\b", re.IGNORECASE)
_PERSON = re.compile(r"\b(?:i|you|we|they|he|she|it|people|someone|everyone|others)\s+(?:\w+ly\s+)?([a-z]+)\b",
                     re.IGNORECASE)
_WH_OPENER = re.compile(r"^(?:what|how|why|where|which|whether|who|whom|whose)\b", re.IGNORECASE)
# An opening phrase or clause before the main one: "As simple as it sounds,", "Even if …,", "When …,", "For many,".
_LEAD = re.compile(r"^(?:as\b[^,]*\bas\b|even (?:if|when|though)|if|when|whenever|while|although|though|because|since|"
                   r"unless|until|once|after|before|for|in|on|at|with|without|by|during|from)\b[^,]*,\s+",
                   re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|isn[’']t|aren[’']t|wasn[’']t|weren[’']t)\b", re.IGNORECASE)
_COORDINATED = re.compile(r"(?:,\s+(?:but|yet|so)|;)\s+(?=\S)", re.IGNORECASE)  # not "and"/"or": a series
_PREPOSITION = re.compile(r"^(?:with|to|for|on|about|through|toward|towards|into|in)\b", re.IGNORECASE)
_MODAL_OR_PERSON = re.compile(r"^(?:can|could|will|would|may|might|must|should|to|cannot|\w+n[’']t|i|you|we|they)$",
                              re.IGNORECASE)
# What someone finds, notices or learns: the clause after "that" needs a verb of its own ("… find that talking
# with a therapist helps"), which a cut before it leaves out ("… find that talking")
_REPORTED = re.compile(r"\b(?:finds?|found|notices?|noticed|discovers?|discovered|reali[sz]es?|reali[sz]ed|learns?|"
                       r"learned|knows?|knew|shows?|showed|suggests?|suggested|says?|said|believes?|believed|"
                       r"sees?|saw|means?|meant)\s+that\s+([^,;:—–]+)$", re.IGNORECASE)
_QUOTE_COMMA = re.compile(r"[,;:—–-]+(?=[”\"’]+$)")


def has_main_verb(clause: str) -> bool:
    """A finite verb: an auxiliary, a modal, a contraction, a verb after its subject ("you feel"), a known verb with
    -s or -ed after the first word ("the cost stays"); or the clause is a command."""
    if is_imperative(clause) or _FINITE.search(clause):
        return True
    if any(_verb_form(found.group(1)) for found in _PERSON.finditer(clause)):
        return True
    return any(word.lower().endswith(("s", "ed")) and _verb_form(word) for word in words(clause)[1:])


def _finite_count(clause: str) -> int:
    """How many verbs the clause has: a clause opening with "what" or "how" needs two, its own and the sentence's."""
    starts = {found.start() for found in _FINITE.finditer(clause)} | {start for start, end in verb_spans(clause) if clause[end - 1] == "s"}
    return len(starts) + sum(word.lower().endswith(("s", "ed")) and _verb_form(word) for word in words(clause)[1:])


def _verb_form(word: str) -> bool:
    lowered = word.lower()
    for ending in ("s", "es", "ed", "d", ""):
        if lowered.endswith(ending) and lowered[:len(lowered) - len(ending)] in IMPERATIVES:
            return True
    return False


def cut_problem(head: str, rest: str = "") -> str | None:
    """Why this opening of a longer sentence is not a whole sentence, in a few words a note can quote; None when
    it stands. `rest`: what the sentence went on with after it (", and …", "— …", "with men …")."""
    bare = head.strip().rstrip(".!?").strip()
    main = _LEAD.sub("", bare, count=1)
    parts = _COORDINATED.split(main)
    contrast = len(parts) > 1 and _NEGATED.search(parts[-2])  # "is not to relive events, but to help …"
    clause = parts[-1]
    subject_clause = _WH_OPENER.match(clause) and _finite_count(clause) < 2  # "what may be the easiest" (… is …)
    if (main != bare or len(parts) > 1) and not contrast and (subject_clause or not has_main_verb(clause)):
        return "no main verb"  # the clause after "As simple as it sounds," or ", but" has none
    reported = _REPORTED.search(bare)
    if reported and len(words(reported.group(1))) <= 4 and not (has_main_verb(reported.group(1)) or has_verb(
            reported.group(1))):
        return f"no verb after “that {reported.group(1)}”"  # "… often find that counseling" (… restores …)
    went_on = rest.strip()
    verb = _last_verb(bare)
    if verb and _PREPOSITION.match(went_on):
        return f"ends on “{verb}”"
    return None


def _last_verb(head: str) -> str | None:
    """The head's last word when it is a verb that what follows may complete: an -ing or -s or -ed form of a known
    verb ("working", "checks"), or its plain form after a modal, "to" or a person ("should check", "to talk")."""
    found = words(head)[-2:]
    if not found:
        return None
    last = found[-1]
    lowered = last.lower()
    if lowered.endswith("ing") and (_verb_form(lowered[:-3]) or _verb_form(lowered[:-3] + "e")):
        return last
    if lowered.endswith(("s", "ed")) and _verb_form(lowered):
        return last
    if len(found) == 2 and _MODAL_OR_PERSON.match(found[0]) and _verb_form(lowered):
        return last
    return None


# Verbs whose sentence ends well without what they take: "… talking with a therapist helps." (of "helps them
# understand …"), "… a routine works.", "… it matters.", "… it passes." Only as the clause's finite verb: -s, or
# after a modal ("can help").
_STANDING = re.compile(r"\b(?:(?:helps|works|matters|heals|passes|fades|lasts|counts|pays off)|"
                       r"(?:can|will|may|might|does|do|often|usually|really|truly)\s+(?:help|work|matter|heal|pass|fade|"
                       r"last|count|pay off))\b(?=\s+(?!to\b|and\b|or\b|but\b)[\w’'])", re.IGNORECASE)


def standing_verb_cut(sentence: str, limit: int) -> str | None:
    """The longest opening of the sentence within `limit` that ends on a verb standing without its object ("Families
    … often find that talking with a therapist helps." of "… helps them understand each other's ways of grieving,
    so that …"), when that opening is a whole sentence; None when there is none. Where no clause ends in reach,
    this reads whole where a cut before "with" ("… find that talking.") does not."""
    best = None
    for found in _STANDING.finditer(sentence):
        head = sentence[:found.end()]
        if len(head) + 1 > limit:
            break
        if (len(words(head)) < 5 or head.count("“") != head.count("”") or head.count('"') % 2
                or head.count("(") != head.count(")") or cut_problem(head, sentence[found.end():])):
            continue
        best = closed(head)
    return best


def closed(head: str) -> str:
    """The cut opening ended as a sentence: a comma or dash left inside a closing quote becomes the period
    (“I hear you,” -> “I hear you.”); otherwise a period after it."""
    head = head.rstrip().rstrip(":;,—–- ")
    if _QUOTE_COMMA.search(head):
        return _QUOTE_COMMA.sub(".", head)
    if head.rstrip("”\"’)")[-1:] in (".", "!", "?", "…"):
        return head
    return head + "."
