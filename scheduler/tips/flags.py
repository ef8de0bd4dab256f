"""Review flags a person must see before a tip goes out: `sensitive` topics and `privacy` details."""

from __future__ import annotations

import functools
import re

from scheduler.campaigns.file import Tip
from scheduler.tips.griefcontext import grief_phrases
from scheduler.tips.sensitivity import (
    is_sensitive_text,
    read_alone_topic,
    sensitive_phrases,
)
from scheduler.tips.sentences import Screened

_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
_NAME_WITH_AGE = re.compile(
    rf"\b({_NAME}),?\s+(?:\(\d{{1,2}}\)|\d{{1,2}},|aged?\s+\d{{1,2}}|a\s+\d{{1,2}}-year-old|who\s+is\s+\d{{1,2}}|"
    rf"\d{{1,2}}-year-old)")
_AGED_NAME = re.compile(rf"\b(?:a|an)\s+\d{{1,2}}-year-old\s+[a-z]+(?:\s+[a-z]+)?\s+(?:named|called)\s+({_NAME})")
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_PHONE = re.compile(r"(?<!\d)(?:\+?1[-.\s]?)?\(?\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}(?!\d)")
_STREET = re.compile(r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|"
                     r"Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Court|Ct\.?|Way|Place|Pl\.?|Terrace|Circle)\b")
_CLIENT_STORY = Screened(r"\b(?:my|our|a|one)\s+client(?:s)?\b(?:\s+(?:named|called|who))?|"
                          r"\bnames?\s+(?:and\s+details\s+)?(?:have|has)\s+been\s+changed\b|\bidentifying details\b",
                          re.IGNORECASE)
_NOT_NAMES = {"Many", "Some", "Most", "Every", "Each", "When", "If", "For", "The", "This", "That", "After", "Before",
              "In", "By", "At", "On", "Over", "Under", "About", "Around", "Nearly", "Almost", "Only", "Just",
              "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Age", "Ages", "Chapter", "Step", "Session", "Week", "Day", "Year"}

_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"}


def _is_name(words: str) -> bool:
    """The capitalised words before an age are a name: not "Many", and not a date's month ("Posted March 3" is the
    page's date, not a client March aged 3; a user trial's `--take` of a date line was flagged privacy)."""
    said = words.split()
    return said[0] not in _NOT_NAMES and said[-1] not in _MONTHS


def is_sensitive(*texts: str) -> bool:
    return any(is_sensitive_text(text) for text in texts if text)


def vignette_names(texts) -> frozenset[str]:
    """First names the article introduces with an age: `Maria, 34,`, `a 42-year-old teacher named Dan`."""
    names = set()
    for text in texts:
        for match in _NAME_WITH_AGE.finditer(text):
            if _is_name(match.group(1)):
                names.add(match.group(1).split()[0])
        for match in _AGED_NAME.finditer(text):
            names.add(match.group(1).split()[0])
    return frozenset(names)


@functools.lru_cache(maxsize=4096)
def personal_details(text: str, names: frozenset[str] = frozenset()) -> bool:
    """A name with an age or a story's name, an email, a phone number, a street address, a client's story."""
    if not text:
        return False
    patterns, digits = _detail_patterns(text)
    if any(pattern.search(text) for pattern in patterns):
        return True
    if digits and any(_is_name(match.group(1)) for match in _NAME_WITH_AGE.finditer(text)):
        return True
    return bool(names) and bool(_names_pattern(names).search(text))


def _detail_patterns(text: str) -> tuple[tuple[re.Pattern, ...], bool]:
    """The detail patterns that can be found in the text, in their order, and whether it holds a digit (an email
    needs an @; a phone number, a street number and an age need digits; a client's story names a client, a change
    or identifying details): most sentences skip the costliest ones."""
    digits = _DIGIT.search(text) is not None
    return tuple(pattern for pattern, possible in ((_EMAIL, "@" in text), (_PHONE, digits), (_STREET, digits),
                                                   (_CLIENT_STORY.pattern, _CLIENT_STORY.may_match(text)))
                 if possible), digits


@functools.lru_cache(maxsize=64)
def _names_pattern(names: frozenset[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(name) for name in sorted(names)) + r")\b")


def sensitive_words(*texts: str, title: str = "") -> tuple[str, ...]:
    """The words that make a text sensitive, as written, in order, without repeats; under an article `title` that
    speaks of grief, also "the loss", "losing them" and the like (scheduler.tips.griefcontext)."""
    found: dict[str, None] = {}
    for text in texts:
        for word in sensitive_phrases(text or "") or grief_phrases(text or "", title):
            found.setdefault(word, None)
    return tuple(found)


def privacy_details(text: str, names: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """What in the text looks like a client's details: a name with an age, an email, a phone, an address."""
    found: dict[str, None] = {}
    patterns, digits = _detail_patterns(text)
    for pattern in patterns:
        for match in pattern.finditer(text):
            found.setdefault(match.group(0).strip(), None)
    for match in _NAME_WITH_AGE.finditer(text) if digits else ():
        if _is_name(match.group(1)):
            found.setdefault(match.group(0).strip(" ,"), None)
    if names:
        for match in _names_pattern(names).finditer(text):
            found.setdefault(match.group(0), None)
    return tuple(found)


def flag_words(tip_text: str, *, heading: str = "", names: frozenset[str] = frozenset(), title: str = ""
               ) -> dict[str, tuple[str, ...]]:
    """Review flags from the tip's own words and its heading, each with the words that raised it; the article's
    `title` counts only as context for words that speak of a death in an article about grief, never by itself."""
    flags = {}
    sensitive = sensitive_words(tip_text, heading, title=title)
    if sensitive:
        flags["sensitive"] = sensitive
    private = privacy_details(tip_text, names)
    if private:
        flags["privacy"] = private
    return flags


def review_flags(tip_text: str, *, context: str = "", heading: str = "", names: frozenset[str] = frozenset()
                 ) -> tuple[str, ...]:
    """The flag names alone (`context` is not read: a tip is flagged for its own words and its heading)."""
    return tuple(flag_words(tip_text, heading=heading, names=names))


def read_alone(tip: Tip) -> str | None:
    """Why a person reads this tip alone, never approving it in one command with others: it speaks of suicide,
    wanting to die or self-harm (the sensitive lexicon's topics, sensitivity.READ_ALONE), or sits under a heading
    that does. None for any other tip."""
    topic = read_alone_topic(f"{tip.headline} {tip.text}")
    if topic is not None:
        return f"speaks of {topic}"
    topic = read_alone_topic(tip.section or "")
    return None if topic is None else f"sits under a heading that speaks of {topic}"
