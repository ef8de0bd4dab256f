"""What a line of article text is: a sentence end, a dateline, a heading; bold lead-ins and inline marks."""

from __future__ import annotations

import re

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
    if not ends and (rest[:1].isalnum() or rest[:1] in ",;)’'" or (body[:1].islower() and rest[:1].isspace())):
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
