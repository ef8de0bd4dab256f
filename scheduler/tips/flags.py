"""Review flags a person must see before a tip goes out: `sensitive` topics and `privacy` details."""

from __future__ import annotations

import functools
import re

_SENSITIVE = re.compile(
    r"\b(suicid\w*|self[- ]harm\w*|self[- ]injur\w*|cutting (?:myself|yourself|themselves)|"
    r"(?:kill|hurt|harm)(?:s|ing)? (?:myself|yourself|themselves|himself|herself|oneself)|"
    r"end(?:ing)? (?:my|your|their|his|her) (?:own )?life|take (?:my|your|their|his|her) (?:own )?life|"
    r"want(?:s|ed)? to die|abus\w*|domestic violence|intimate partner violence|family violence|violen(?:ce|t)|"
    r"assault\w*|rap(?:e|ed|ist)|sexual(?:ly)? (?:abuse|assault|coercion)|coercive control|stalk(?:ing|ed|er)|"
    r"overdos\w*|crisis|crises|988|hotline|emergency|unsafe|threat(?:en\w*)?|eating disorders?|anorexi\w*|"
    r"bulimi\w*|addiction|safety plan\w*|substance (?:use|abuse)|trafficking|neglect(?:ed)?|hopeless(?:ness)?)\b", re.IGNORECASE)

_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
_NAME_WITH_AGE = re.compile(
    rf"\b({_NAME}),?\s+(?:\(\d{{1,2}}\)|\d{{1,2}},|aged?\s+\d{{1,2}}|a\s+\d{{1,2}}-year-old|who\s+is\s+\d{{1,2}}|"
    rf"\d{{1,2}}-year-old)")
_AGED_NAME = re.compile(rf"\b(?:a|an)\s+\d{{1,2}}-year-old\s+[a-z]+(?:\s+[a-z]+)?\s+(?:named|called)\s+({_NAME})")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_PHONE = re.compile(r"(?<!\d)(?:\+?1[-.\s]?)?\(?\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}(?!\d)")
_STREET = re.compile(r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|"
                     r"Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Court|Ct\.?|Way|Place|Pl\.?|Terrace|Circle)\b")
_CLIENT_STORY = re.compile(r"\b(?:my|our|a|one)\s+client(?:s)?\b(?:\s+(?:named|called|who))?|"
                           r"\bnames?\s+(?:and\s+details\s+)?(?:have|has)\s+been\s+changed\b|\bidentifying details\b",
                           re.IGNORECASE)
_NOT_NAMES = {"Many", "Some", "Most", "Every", "Each", "When", "If", "For", "The", "This", "That", "After", "Before",
              "In", "By", "At", "On", "Over", "Under", "About", "Around", "Nearly", "Almost", "Only", "Just",
              "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Age", "Ages", "Chapter", "Step", "Session", "Week", "Day", "Year"}


def is_sensitive(*texts: str) -> bool:
    return any(_sensitive(text) for text in texts if text)


@functools.lru_cache(maxsize=4096)
def _sensitive(text: str) -> bool:
    return bool(_SENSITIVE.search(text))


def vignette_names(texts) -> frozenset[str]:
    """First names the article introduces with an age: `Maria, 34,`, `a 42-year-old teacher named Dan`."""
    names = set()
    for text in texts:
        for match in _NAME_WITH_AGE.finditer(text):
            first = match.group(1).split()[0]
            if first not in _NOT_NAMES:
                names.add(first)
        for match in _AGED_NAME.finditer(text):
            names.add(match.group(1).split()[0])
    return frozenset(names)


@functools.lru_cache(maxsize=4096)
def personal_details(text: str, names: frozenset[str] = frozenset()) -> bool:
    """A name with an age or a story's name, an email, a phone number, a street address, a client's story."""
    if not text:
        return False
    if _EMAIL.search(text) or _PHONE.search(text) or _STREET.search(text) or _CLIENT_STORY.search(text):
        return True
    if any(match.group(1).split()[0] not in _NOT_NAMES for match in _NAME_WITH_AGE.finditer(text)):
        return True
    return bool(names) and bool(_names_pattern(names).search(text))


@functools.lru_cache(maxsize=64)
def _names_pattern(names: frozenset[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(name) for name in sorted(names)) + r")\b")


def review_flags(tip_text: str, *, context: str = "", heading: str = "", names: frozenset[str] = frozenset()
                 ) -> tuple[str, ...]:
    flags = []
    if is_sensitive(tip_text, context, heading):
        flags.append("sensitive")
    if personal_details(tip_text, names) or personal_details(context, names):
        flags.append("privacy")
    return tuple(flags)
