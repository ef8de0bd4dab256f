"""Sentences and words: the small language tools the tip rules are built from."""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

_ABBREVIATIONS = {"e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "st", "jr", "sr", "prof", "approx",
                  "a.m", "p.m", "u.s", "u.k", "ph.d", "fig", "cf", "al", "inc", "ltd", "co", "mt"}
_BOUNDARY = re.compile(r"(?<=[.!?…])([”\"’)\]]*)\s+(?=[“\"‘(\[]?[A-Z0-9¿¡])")
_WORD = re.compile(r"[A-Za-z0-9À-ÖØ-öø-ÿ]+(?:[’'][A-Za-z]+)*")

STOPWORDS = frozenset(["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "about", "as", "into", "from", "than", "then", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "have", "has", "had", "having", "i", "you", "your", "yours", "we", "our", "they", "them", "their", "he", "she", "his", "her", "him", "me", "my", "mine", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "not", "no", "nor", "so", "too", "very", "can", "could", "may", "might", "must", "shall", "should", "will", "would", "just", "also", "still", "only", "even", "more", "most", "some", "any", "all", "each", "both", "few", "other", "such", "own", "same", "there", "here", "up", "down", "out", "over", "under", "again", "once", "s", "t", "don", "isn", "aren", "doesn", "didn", "won", "wouldn", "shouldn", "couldn", "can’t", "can't", "don’t", "don't", "isn’t", "isn't", "doesn’t", "doesn't", "it’s", "it's", "you’re", "you're", "they’re", "they're", "we’re", "we're", "i’m", "i'm"])


_UNLOWERED = re.compile("[İıſK]")  # letters re.IGNORECASE pairs with a-z that str.lower() leaves apart or lengthens


class Caseless:
    """A case-insensitive rule, written in lower case, that says whether it is found in a text.

    It answers as re.IGNORECASE would, two to four times faster: it runs without the flag on the lowered text,
    where the engine skips an alternative on its first letter instead of trying it (most of what the split
    spends is such rules run over every sentence). A text holding one of the few letters whose lower case
    re.IGNORECASE reads differently is searched with the flag."""

    __slots__ = ("_after_boundary", "_exact", "_lowered", "pattern")

    def __init__(self, pattern: str):
        if re.sub(r"\\[A-Za-z]", "", pattern).lower() != re.sub(r"\\[A-Za-z]", "", pattern):
            raise ValueError(f"a Caseless pattern is written in lower case: {pattern[:60]!r}")
        self.pattern = pattern
        self._lowered = re.compile(pattern)
        self._exact = re.compile(pattern, re.IGNORECASE)
        self._after_boundary = re.compile(pattern[2:]) if _opens_with_boundary(pattern) else None

    def search(self, text: str) -> bool:
        if not text.isascii() and _UNLOWERED.search(text):
            return self._exact.search(text) is not None
        if self._after_boundary is None:
            return self._lowered.search(text.lower()) is not None
        # `\bword|...`: the engine skips ahead to a possible first letter only when the pattern opens with one,
        # not with \b (five to ten times faster); so the rest is searched, and where it is found the \b checked
        lowered, at = text.lower(), 0
        while (found := self._after_boundary.search(lowered, at)) is not None:
            if _WORD_BOUNDARY.match(lowered, found.start()):
                return True
            at = found.start() + 1
        return False

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the rule is found in the text, as (start, end) in the text as written."""
        if not text.isascii() and _UNLOWERED.search(text):
            return [match.span() for match in self._exact.finditer(text)]
        return [match.span() for match in self._lowered.finditer(text.lower())]

    def match(self, text: str) -> bool:
        if not text.isascii() and _UNLOWERED.search(text):
            return self._exact.match(text) is not None
        return self._lowered.match(text.lower()) is not None


_WORD_BOUNDARY = re.compile(r"\b")


def _opens_with_boundary(pattern: str) -> bool:
    """Whether every match of the pattern starts at a \\b: the parsed pattern is one sequence opening with it
    (`\\ba|b` parses as one alternation, and `\\ba|\\bb` as \\b before one)."""
    if not pattern.startswith(r"\b"):
        return False
    parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
    return len(parsed) > 0 and parsed[0] == (re._constants.AT, re._constants.AT_BOUNDARY)  # type: ignore[attr-defined]


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph, keeping quotes with the sentence that holds them."""
    text = text.strip()
    if not text:
        return []
    pieces, start = [], 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + len(match.group(1))
        before = text[start:end]
        last = before.rstrip("”\"’)]").rsplit(None, 1)[-1] if before.strip() else ""
        token = last.rstrip(".").lower().lstrip("(“\"")
        numbered = token == "no" and text[match.end():match.end() + 1].isdigit()
        if token in _ABBREVIATIONS or numbered or re.fullmatch(r"[a-z]", token) or _unbalanced(before):
            continue
        pieces.append(before.strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def _unbalanced(text: str) -> bool:
    """True while a “quotation” or (parenthesis) opened in this text is still open."""
    return text.count("“") > text.count("”") or text.count("(") > text.count(")")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def fold(word: str) -> str:
    """A word for comparison: lower case, straight apostrophe, crude stem."""
    word = word.lower().replace("’", "'")
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words(text) if w.lower() not in STOPWORDS and len(w) > 1)


def similarity(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def slugify(text: str, *, max_words: int = 7, max_length: int = 60) -> str:
    text = re.sub(r"[—–/]", " ", text.replace("’", "").replace("'", ""))
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = "-".join(parts[:max_words]) or "tip"
    return slug[:max_length].rstrip("-")


def capitalize_first(text: str) -> str:
    for index, ch in enumerate(text):
        if ch.isalpha():
            return text[:index] + ch.upper() + text[index + 1:]
    return text


def lower_first(text: str) -> str:
    """`Fear of being blamed` -> `fear of being blamed`, leaving I, names and acronyms alone."""
    match = re.match(r"^([“\"‘(]*)([A-Za-z][\w’'-]*)", text)
    if not match:
        return text
    word = match.group(2)
    if word == "I" or word.startswith(("I’", "I'")) or (len(word) > 1 and word[1:2].isupper()):
        return text
    return text[: match.start(2)] + word[0].lower() + text[match.start(2) + 1:]


def end_with_period(text: str) -> str:
    text = text.rstrip()
    stripped = text.rstrip("”\"’)")
    if stripped and stripped[-1] in ".!?…":
        return text
    return text.rstrip(":;,—–- ") + "."


def mended_in(mended: tuple[str, ...], text: str) -> bool:
    """Whether the text holds words the reader put apart (each noted with a little of the text around it)."""
    squeezed = " ".join(text.split())
    return any(" ".join(piece.split()[1:-1] or piece.split()) in squeezed for piece in mended)


# --- answers remembered for one split ---------------------------------------------------------------

_Rule = TypeVar("_Rule", bound=Callable)
_answers: list[dict] = []
_splitting = [0]  # splits under way (a thread each in the studio); when the last ends, every answer is forgotten
_splitting_lock = threading.Lock()


def per_split(rule: _Rule) -> _Rule:
    """A rule over a sentence whose answer is remembered while an article is split (`one_split`), where the
    same sentence is asked about again (as a paragraph's opener, a candidate, a headline, a tip), and
    forgotten when it is done: nothing of one article is kept for the next. Outside a split, it just runs."""
    answers: dict = {}
    _answers.append(answers)

    @functools.wraps(rule)
    def remembered(*args, **kwargs):
        if not _splitting[0]:
            return rule(*args, **kwargs)
        key = (args, tuple(kwargs.items()))
        try:
            return answers[key]
        except KeyError:
            answer = answers[key] = rule(*args, **kwargs)
            return answer

    return remembered  # type: ignore[return-value]


@contextmanager
def one_split() -> Iterator[None]:
    """While an article is split: per_split rules remember their answers until the last split under way ends."""
    with _splitting_lock:
        _splitting[0] += 1
    try:
        yield
    finally:
        with _splitting_lock:
            _splitting[0] -= 1
            if not _splitting[0]:
                for answers in _answers:
                    answers.clear()
