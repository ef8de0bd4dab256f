"""What a line of article text is: a sentence end, a dateline, a heading; bold lead-ins and inline marks."""

from __future__ import annotations

import re

_BOLD_LEAD = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*[:.\-–—]?\s*")


def split_bold_lead(text: str) -> tuple[str | None, str]:
    """`**Listen first.** Give them time` -> ("Listen first.", "Give them time") for plain-text sources."""
    match = _BOLD_LEAD.match(text)
    if not match:
        return None, text
    lead = match.group(2).strip()
    tail = text[match.end():]
    separator = text[match.end(1) + len(match.group(2)) + len(match.group(1)): match.end()].strip()
    if separator == ":" and not lead.endswith(":"):
        lead = lead.rstrip(":")
    return lead, tail


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


def heading_like(line: str) -> bool:
    """A short line without end punctuation, or a short title-case question."""
    line = line.strip()
    if is_dateline(line):
        return False
    words = line.split()
    if not words or len(words) > 14 or len(line) > 100 or not (line[0].isupper() or line[0].isdigit()
                                                               or line[0] in "“\"'‘"):
        return False
    if line.endswith("?"):
        long_words = [w for w in words if len(w) > 3]
        return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)
    return not ends_sentence(line) and not line.endswith(",") and not _OPEN_END.search(line)
