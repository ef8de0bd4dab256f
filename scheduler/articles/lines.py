"""What a line of article text is: a sentence end, a dateline, a heading; bold lead-ins and inline marks."""

from __future__ import annotations

import functools
import math
import re

import wordninja

_BOLD_LEAD = re.compile(r"^\s*(\*\*|__)(.+?)\1")
_LEAD_SEPARATOR = re.compile(r"^\s*(?:[:–—]|-{1,2}(?=\s)|\.(?=\s))\s*")


def bold_lead(lead: str | None, rest: str) -> tuple[str | None, str]:
    """The one rule every reader applies to a bold phrase that opens a paragraph or list item.

    `**Listen first.** — then talk` -> ("Listen first.", "then talk"); `**Term**: what it is` ->
    ("Term", "what it is"); a bold word that only stresses the sentence's first word
    (`**Don’t** interrupt.`) or runs on (`**Above all**, listen`) is not a lead-in: (None, whole text).
    """
    lead = " ".join((lead or "").split())
    if not lead:
        return None, rest.strip()
    separator = _LEAD_SEPARATOR.match(rest)
    if separator:
        if separator.group(0).strip() == "." and lead[-1] not in ".!?":
            lead += "."
        return lead, rest[separator.end():].strip()
    body = rest.strip()
    ends = lead[-1] in ".!?:;"
    if body and not ends and (rest[:1].isalnum() or rest[:1] in ",;)’'" or (body[:1].islower()
                                                                            and rest[:1].isspace())):
        return None, (lead + rest).strip() if not rest[:1].isspace() else f"{lead} {body}"
    return lead, body


_FLAT_LEAD = re.compile(r"^([A-Z][^.!?:]{3,80}?[a-z)’'][.!?])(?=[A-Z][a-z’']*\b)")


def split_flat_lead(text: str) -> tuple[str | None, str]:
    """A bold lead-in whose markup and space a copy lost: `Get regular exercise.Just 30 minutes` ->
    ("Get regular exercise.", "Just 30 minutes")."""
    match = _FLAT_LEAD.match(text)
    if not match or "://" in match.group(1) or "@" in match.group(1):
        return None, text
    if "." in text[match.end():].split(None, 1)[0].rstrip(".,;:!?”\"’)"):  # www.Example.com
        return None, text
    return match.group(1), text[match.end():]


def split_bold_lead(text: str) -> tuple[str | None, str]:
    """`**Listen first.** Give them time` -> ("Listen first.", "Give them time") for plain-text sources."""
    match = _BOLD_LEAD.match(text)
    if not match:
        return None, text
    return bold_lead(match.group(2), text[match.end():])


def strip_inline_marks(text: str) -> str:
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])", r"\1", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return re.sub(r"`([^`]*)`", r"\1", text)


_END = ".!?:;…"
_CLOSERS = "\"'”’»)]"


def ends_sentence(line: str) -> bool:
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _END


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DATELINE = re.compile(
    r"^(?:(?:posted|published|updated|last updated|written|date)\b[^\w]*(?:on\b)?\s*)?(?:[a-z]+day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b.{0,60}$", re.IGNORECASE)


def is_dateline(line: str) -> bool:
    return bool(DATELINE.match(line.strip())) and len(line.split()) <= 14


_OPEN_END = re.compile(r"\b(?:to|the|a|an|and|or|but|of|with|for|in|on|at|by|your|my|our|their|that|is|are|"
                       r"was|be|as|than|from|into|about)$", re.IGNORECASE)


_BYLINE = re.compile(r"^(?:posted|written|published|updated|by|reviewed by|photo)\b", re.IGNORECASE)


ATTRIBUTED_QUOTE = re.compile(r"^[“\"](?P<said>[^”\"]{10,})[”\"]\s*(?:[—–]|--?)\s*(?P<who>[A-Z][^\n“”\"]{1,60})$")


def heading_like(line: str) -> bool:
    """A short line without end punctuation, or a short title-case question."""
    line = line.strip()
    if is_dateline(line) or _BYLINE.match(line) or ATTRIBUTED_QUOTE.match(line):
        return False
    words = line.split()
    if not words or len(words) > 14 or len(line) > 100 or not (line[0].isupper() or line[0].isdigit()
                                                               or line[0] in "“\"'‘"):
        return False
    if line.endswith("?"):
        long_words = [w for w in words if len(w) > 3]
        return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)
    return not ends_sentence(line) and not line.endswith(",") and not _OPEN_END.search(line)


# --- spaces a copy lost around links: "Findtips for talking with a providerabout your health" ---------------

_FUNCTION_WORDS = frozenset(["the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "about", "from", "and", "or", "as", "is", "are", "can", "was", "be", "your", "you", "more", "their", "this", "that", "such", "it", "its"])
_PREFIXES = frozenset(["over", "under", "out", "up", "down", "self", "re", "non", "pre", "post", "anti", "co", "counter", "inter", "multi", "super", "hyper", "micro", "tele", "neuro", "psycho", "well", "mid", "semi"])
_PARTICLES = frozenset(["back", "away", "up", "out", "off", "down", "over"])
_SHORT_VERBS = frozenset(["get", "eat", "try", "ask", "set", "let", "put", "see", "use", "add", "say", "cut", "aim", "pay"])
_GLUE_CANDIDATE = re.compile(r"(?<![\w’'@#/.-])[A-Za-z]{5,}(?![\w’'@/])")
_CAMEL_GLUE = re.compile(r"(?<![\w’'@#/.-])(" + "|".join(sorted(_FUNCTION_WORDS, key=len, reverse=True))
                         + r")(?=[A-Z](?:[A-Za-z]+\b|\.[A-Z]\.))")
_COMMA_GLUE = re.compile(r"(?<=[A-Za-z]),(?=[A-Za-z])")
_DIGIT_GLUE = re.compile(r"\b([a-z]{3,})(?=\d{3,}\b)")
_PAREN_GLUE = re.compile(r"(?<=[a-z]{3})\((?=[A-Za-z]{2})|(?<=\))(?=[A-Za-z]{2})")
_BAD_SUFFIXES = frozenset({"or", "a", "an", "as", "it", "to", "at", "in", "is"})
_LONGEST_GLUE = 100  # letters: a few words run together around a link, never a page of them (kept linear)


@functools.lru_cache(maxsize=1)
def _word_costs() -> dict[str, float]:
    return wordninja.DEFAULT_LANGUAGE_MODEL._wordcost


def _rank(word: str, costs: dict[str, float]) -> float:
    cost = costs.get(word.lower())
    return math.inf if cost is None else math.exp(cost) / math.log(len(costs))


def _unglue(match: re.Match) -> str:
    token = match.group(0)
    if len(token) > _LONGEST_GLUE or token.lower() in _word_costs():
        return token
    start = match.start() == 0 or _mark_before(match.string, match.start()) in ".!?:\"“"
    return _unglued(token, start)


def _mark_before(text: str, index: int) -> str:
    """The last character before `index` that is not white space ("" when there is none): looked for from
    `index` back, so a long text costs its length, not its length for each word."""
    while index > 0 and text[index - 1].isspace():
        index -= 1
    return text[index - 1:index]


def _inflected_word(lower: str, costs: dict[str, float]) -> bool:
    return any(form in costs for form in (lower + "s", lower + "es", lower + "ed", lower + "ing",
                                          lower[:-1] if lower.endswith("s") else None) if form)


_SIBLING_ENDINGS = ("ing", "ers", "er", "ed", "es", "e", "s", "")


def _derived_word(lower: str, costs: dict[str, float]) -> bool:
    """A word the list lacks whose sibling it holds: "caregiving" beside "caregiver", "homemaking" beside
    "homemaker"; the same stem with another of a verb's endings is one word, never two run together."""
    for ending in ("ing", "ers", "er", "ed"):
        stem = lower.removesuffix(ending)
        if stem != lower and len(stem) >= 5:
            return any(stem + other in costs for other in _SIBLING_ENDINGS if other != ending)
    return False


@functools.lru_cache(maxsize=8192)
def _unglued(token: str, start: bool) -> str:
    costs = _word_costs()
    lower = token.lower()
    edge_word = any(lower.startswith(w) or lower.endswith(w) for w in _FUNCTION_WORDS if len(w) > 1)
    verb_first = start and lower[:3] in _SHORT_VERBS  # "Getenough sleep": a sentence opens with a short verb
    two_words = any(lower[:i] in costs and lower[i:] in costs for i in range(3 if verb_first else 4, len(lower) - 3))
    if not (edge_word or two_words):  # no split can be two words or start or end with a function word
        return token
    parts = wordninja.split(token)
    if len(parts) < 2 or min(len(p) for p in parts) < 2 or parts[0].lower() in _PREFIXES:
        return token
    if _inflected_word(lower, costs) or _derived_word(lower, costs) or (len(parts) == 2 and parts[1].lower() in _PARTICLES):
        return token  # "takeaway" beside "takeaways", "pushback": a word, not two
    lowers = [p.lower() for p in parts]
    ranks = [_rank(p, costs) for p in parts]
    function = [p in _FUNCTION_WORDS for p in lowers]
    if lowers[-1] in _BAD_SUFFIXES and not function[0]:  # stressor, mentor: a word, not "stress or"
        return token
    verb = verb_first and lowers[0] in _SHORT_VERBS  # a short verb is as sure a word as a long one
    if any(function):  # "providerabout", "ofsuicide", "fromchildhoodandadolescencethrough"
        joined = max(ranks) <= 60000 and all(f or len(p) >= 4 or (n == 0 and verb)
                                             for n, (p, f) in enumerate(zip(lowers, function)))
    else:  # "Findtips": two common words, never a name written in the middle of a sentence ("Talkspace")
        joined = (len(parts) == 2 and min(len(p) for p in lowers[verb:]) >= 4 and max(ranks) <= 8000
                  and (token[:1].islower() or start))
    return " ".join(parts) if joined else token


def mend_spacing(text: str, found: list[str] | None = None) -> str:
    """Spaces put back where a copy ran words together around a link (`Findtips`, `theFDA`, `family,even`);
    `found` collects the mended words as they now read ("Find tips")."""
    if not text:
        return text

    def noted(replace):
        def apply(match: re.Match) -> str:
            out = replace(match) if callable(replace) else match.expand(replace)
            if out != match.group(0) and found is not None:
                start, end = match.start(), match.end()
                found.append((match.string[max(0, start - 12):start] + out + match.string[end:end + 12]).strip())
            return out
        return apply

    text = _COMMA_GLUE.sub(noted(lambda m: ", "), text)
    text = _DIGIT_GLUE.sub(noted(r"\1 "), text)
    text = _PAREN_GLUE.sub(noted(lambda m: " (" if m.group(0) == "(" else " "), text)
    text = _CAMEL_GLUE.sub(noted(r"\1 "), text)
    return _GLUE_CANDIDATE.sub(noted(_unglue), text)
