"""Sentences and words: the small language tools the tip rules are built from."""

from __future__ import annotations

import functools
import gc
import inspect
import re
import threading
import unicodedata
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from scheduler.tips.patterns import (
    WORD_RUN,
    only_whole_words,
    opens_with_boundary,
    required_literals,
    screen_of,
    skips_ahead,
)

_ABBREVIATIONS = {"e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "st", "jr", "sr", "prof", "approx",
                  "a.m", "p.m", "u.s", "u.k", "ph.d", "fig", "cf", "al", "inc", "ltd", "co", "mt"}
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]$")  # "V.S." in "Dr. V.S. Ramachandran", "J.R.R."
_BOUNDARY = re.compile(r"(?<=[.!?…])([”\"’)\]]*)\s+(?=[“\"‘(\[]?[A-Z0-9¿¡])")
_WORD = re.compile(r"[A-Za-z0-9À-ÖØ-öø-ÿ]+(?:[’'][A-Za-z]+)*")

STOPWORDS = frozenset(["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "about", "as", "into", "from", "than", "then", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "have", "has", "had", "having", "i", "you", "your", "yours", "we", "our", "they", "them", "their", "he", "she", "his", "her", "him", "me", "my", "mine", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "not", "no", "nor", "so", "too", "very", "can", "could", "may", "might", "must", "shall", "should", "will", "would", "just", "also", "still", "only", "even", "more", "most", "some", "any", "all", "each", "both", "few", "other", "such", "own", "same", "there", "here", "up", "down", "out", "over", "under", "again", "once", "s", "t", "don", "isn", "aren", "doesn", "didn", "won", "wouldn", "shouldn", "couldn", "can’t", "can't", "don’t", "don't", "isn’t", "isn't", "doesn’t", "doesn't", "it’s", "it's", "you’re", "you're", "they’re", "they're", "we’re", "we're", "i’m", "i'm"])


_UNLOWERED = re.compile("[İıſK]")  # letters re.IGNORECASE pairs with a-z that str.lower() leaves apart or lengthens


class Caseless:
    """A case-insensitive rule, written in lower case, that says whether it is found in a text.

    It answers as re.IGNORECASE would, several times faster: it runs without the flag on the lowered text,
    where the engine skips an alternative on its first letter instead of trying it (most of what the split
    spends is such rules run over every sentence). A text holding one of the few letters whose lower case
    re.IGNORECASE reads differently is searched with the flag.

    `screened`: a costly rule (one the engine tries at every place of a sentence) first looks for the words
    every match must hold (`needs`, read from the pattern), and is not run on a text that holds none of them;
    for a cheap rule the look costs more than the search.

    While an article is split, a rule is not searched in a text that holds none of its `words` as a whole word (the
    words every match holds from one \\b to the next, read from the pattern): the text's words are read once a split
    (`whole_words`), and most rules are asked of most sentences. A rule that is only such words (`\\b(?:you|your)\\b`)
    is answered from them alone; a part of a rule that holds no whole word is screened on the words it holds as
    written (`_written`: ")." for `\\(\\d{4}\\)\\.`). `match` is not screened: a rule tried at the text's start alone fails there sooner
    than the words are looked up."""

    __slots__ = ("_after_boundary", "_exact", "_lowered", "_only_words", "_written", "needs", "pattern", "words")

    def __init__(self, pattern: str, *, screened: bool = False):
        if re.sub(r"\\[A-Za-z]", "", pattern).lower() != re.sub(r"\\[A-Za-z]", "", pattern):
            raise ValueError(f"a Caseless pattern is written in lower case: {pattern[:60]!r}")
        self.pattern = pattern
        self._lowered = re.compile(pattern)
        self._exact = re.compile(pattern, re.IGNORECASE)
        self._after_boundary = re.compile(pattern[2:]) if opens_with_boundary(pattern) and skips_ahead(
            pattern[2:]) else None
        self.needs = required_literals(pattern) if screened else None
        if screened and self.needs is None:
            raise ValueError(f"no words that every match holds can be read from {pattern[:60]!r}: do not screen it")
        only = only_whole_words(pattern)
        screen = (only, ()) if only is not None else screen_of(pattern, STOPWORDS)
        self.words: frozenset[str] | None = screen[0] if screen is not None else None
        self._written: tuple[str, ...] = screen[1] if screen is not None else ()
        self._only_words = only is not None

    def search(self, text: str) -> bool:
        lowered, text_words = read_while_splitting(text) if self.words is not None else (lowered_text(text), None)
        if lowered is None:
            return self._exact.search(text) is not None
        if self.words is not None and text_words is not None:
            if self.words.isdisjoint(text_words) and not (
                    self._written and any(map(lowered.__contains__, self._written))):
                return False
            if self._only_words:
                return True
        if self.needs is not None and not any(map(lowered.__contains__, self.needs)):
            return False
        if self._after_boundary is None:
            return self._lowered.search(lowered) is not None
        # `\b(?:you|your)`: the engine skips ahead to a possible first letter only when the pattern opens with one,
        # not with \b (two to five times faster); so the rest is searched, and where it is found the \b checked
        at = 0
        while (found := self._after_boundary.search(lowered, at)) is not None:
            if _WORD_BOUNDARY.match(lowered, found.start()):
                return True
            at = found.start() + 1
        return False

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the rule is found in the text, as (start, end) in the text as written."""
        lowered, text_words = read_while_splitting(text) if self.words is not None else (lowered_text(text), None)
        if lowered is None:
            return [match.span() for match in self._exact.finditer(text)]
        if self.words is not None and text_words is not None and self.words.isdisjoint(text_words) and not (
                self._written and any(map(lowered.__contains__, self._written))):
            return []
        if self.needs is not None and not any(map(lowered.__contains__, self.needs)):
            return []
        return [match.span() for match in self._lowered.finditer(lowered)]

    def match(self, text: str) -> bool:
        lowered = lowered_text(text)
        if lowered is None:
            return self._exact.match(text) is not None
        if self.needs is not None and not any(map(lowered.__contains__, self.needs)):
            return False
        return self._lowered.match(lowered) is not None


_WORD_BOUNDARY = re.compile(r"\b")


class Screened:
    """A rule run as written (with its own flags), but only on a text that holds one of the words every match
    holds (`needs`, read from the pattern; in lower case when the rule ignores case): most sentences hold none,
    and looking for a few words costs less than running a rule that is tried at every place of a sentence.

    `by_words`: while an article is split, the rule is screened instead on the whole words every match holds (read
    from the pattern as a `Caseless` rule's are, compared in lower case with the text's words, which are read once a
    split): for a rule whose words are found inside common ones ("our" in "your", "me" in "some")."""

    __slots__ = ("_ignores_case", "_written", "needs", "pattern", "words")

    def __init__(self, pattern: str, flags: int = 0, *, by_words: bool = False):
        self.pattern = re.compile(pattern, flags)
        needs = required_literals(pattern)
        if needs is None:
            raise ValueError(f"no words that every match holds can be read from {pattern[:60]!r}: do not screen it")
        self._ignores_case = bool(flags & re.IGNORECASE)
        self.needs = tuple(sorted({need.lower() for need in needs})) if self._ignores_case else needs
        screen = screen_of(pattern, STOPWORDS) if by_words else None
        if by_words and screen is None:
            raise ValueError(f"no whole words that every match holds can be read from {pattern[:60]!r}")
        # lower case on both sides: a match as written is found, lowered, in the lowered text's words
        self.words = frozenset(word.lower() for word in screen[0]) if screen is not None else None
        self._written = tuple(word.lower() for word in screen[1]) if screen is not None else ()

    def may_match(self, text: str) -> bool:
        if self.words is not None and _splitting[0]:
            lowered, text_words = read_while_splitting(text)
            if lowered is None or text_words is None:
                return True
            return not self.words.isdisjoint(text_words) or (
                bool(self._written) and any(map(lowered.__contains__, self._written)))
        if self._ignores_case:
            lowered = lowered_text(text)
            if lowered is None:  # a letter re.IGNORECASE pairs with another that lower() does not
                return True
            text = lowered
        return any(map(text.__contains__, self.needs))

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text) if self.may_match(text) else None

    def findall(self, text: str) -> list:
        return self.pattern.findall(text) if self.may_match(text) else []

    def sub(self, replacement, text: str) -> str:
        return self.pattern.sub(replacement, text) if self.may_match(text) else text


_Answer = TypeVar("_Answer")


class _Remembered(dict[Hashable, _Answer]):
    """A text's answer, remembered while an article is split and looked up in C (`answers[text]`, or the bound
    `answers.__getitem__` passed as the function): the rules ask the same few things (a sentence lowered, its words, a
    word folded) of the same sentences tens of thousands of times a split, and a Python call for each look-up cost more
    than the look-up. A text not found is worked out (`work`), and kept only while a split is under way (one_split
    forgets it at the end): outside a split, nothing is remembered."""

    __slots__ = ("_work",)

    def __init__(self, work: Callable[[Any], _Answer]):
        super().__init__()
        self._work = work

    def __missing__(self, key: Hashable) -> _Answer:
        found = self._work(key)
        if _splitting[0]:
            self[key] = found
        return found


# The whole words of a lowered text (its runs of word characters), read once while an article is split.
_whole_words: _Remembered[frozenset[str]] = _Remembered(lambda lowered: frozenset(WORD_RUN.findall(lowered)))
whole_words = _whole_words.__getitem__


def _read(text: str) -> tuple[str | None, frozenset[str] | None]:
    lowered = lowered_text(text)
    return lowered, whole_words(lowered) if lowered is not None and _splitting[0] else None


# The text as lowered_text gives it, and that lowered text's whole words (whole_words; None when it is None or no
# article is being split): one look-up for the two things every screened rule asks of a sentence.
_read_texts: _Remembered[tuple[str | None, frozenset[str] | None]] = _Remembered(_read)
read_while_splitting = _read_texts.__getitem__


def words_while_splitting(lowered: str) -> frozenset[str] | None:
    """The whole words of a lowered text while an article is split (read once a split, as the Caseless rules read
    them); None outside a split, where nothing is remembered."""
    return whole_words(lowered) if _splitting[0] else None


def _lowered(text: str) -> str | None:
    return text.lower() if text.isascii() or not _UNLOWERED.search(text) else None


# The text in lower case for the Caseless rules, or None when it holds a letter whose lower case re.IGNORECASE reads
# differently (then the rule is searched with the flag). Remembered while an article is split: every rule asks it of
# the same sentences.
_lowered_texts: _Remembered[str | None] = _Remembered(_lowered)
lowered_text = _lowered_texts.__getitem__


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph, keeping quotes with the sentence that holds them (a new list each time: the
    same paragraph is split as a block, a candidate and a tip's text)."""
    return list(_sentences(text))


def _split_sentences(text: str) -> tuple[str, ...]:
    text = text.strip()
    if not text:
        return ()
    pieces, start = [], 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + len(match.group(1))
        before = text[start:end]
        last = before.rstrip("”\"’)]").rsplit(None, 1)[-1] if before.strip() else ""
        token = last.rstrip(".").lower().lstrip("(“\"")
        numbered = token == "no" and text[match.end():match.end() + 1].isdigit()
        if token in _ABBREVIATIONS or numbered or (len(token) == 1 and "a" <= token <= "z") or _INITIALS.match(
                token) or _unbalanced(before):
            continue
        pieces.append(before.strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return tuple(piece for piece in pieces if piece)


def with_quotations_whole(text: str) -> list[str]:
    """The paragraph's sentences with a quotation in straight quotes kept whole ('… the message: "You can't. The
    world is too much."'): the sentence rule keeps only “curly” quotations together, and the scorer's units are its
    sentences. A paragraph wholly in one pair of straight quotes (a pull quote) keeps its sentences apart."""
    said = split_sentences(text)
    stripped = text.strip()
    if stripped.count('"') < 2 or (stripped.startswith('"') and stripped.rstrip(".!?…").endswith('"')
                                   and stripped.count('"') == 2):
        return said
    joined: list[str] = []
    for sentence in said:
        if joined and joined[-1].count('"') % 2:
            joined[-1] += " " + sentence
        else:
            joined.append(sentence)
    return joined


def _unbalanced(text: str) -> bool:
    """True while a “quotation” or (parenthesis) opened in this text is still open."""
    return text.count("“") > text.count("”") or text.count("(") > text.count(")")


# The text's words (letters and digits, with an inner apostrophe), remembered while an article is split: the rules
# ask for the words of the same sentence many times.
_words_of: _Remembered[tuple[str, ...]] = _Remembered(lambda text: tuple(_WORD.findall(text)))
words = _words_of.__getitem__


def _fold(word: str) -> str:
    """A word for comparison: lower case, straight apostrophe, crude stem (`fold`, remembered while an article is
    split: the topic reader, the near-duplicate rule and others fold the same words again and again)."""
    word = word.lower().replace("’", "'")
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


_folded: _Remembered[str] = _Remembered(_fold)
fold = _folded.__getitem__


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
    """The text ending as a sentence does: a full stop added unless it ends on one, on ! ? …, or on an emoji or
    other pictograph, which a sentence ends on as it is (a user trial: "Start small 💪." from the heading)."""
    text = text.rstrip()
    stripped = text.rstrip("”\"’)")
    if stripped and (stripped[-1] in ".!?…" or ends_on_pictograph(stripped)):
        return text
    return text.rstrip(":;,—–- ") + "."


_EMOJI_TAIL = re.compile("[\ufe0e\ufe0f\u200d\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]+$")


def ends_on_pictograph(text: str) -> bool:
    """Ends on an emoji or another pictograph ("💪", "❤️", "👨‍👩‍👧", "→"), its selectors and modifiers counted with it;
    not on a letter-like symbol such as ™ or ©."""
    bare = _EMOJI_TAIL.sub("", text)
    if "\u20e3" in text[len(bare):]:
        return True  # a keycap: "1️⃣"
    return bool(bare) and ord(bare[-1]) >= 0x2190 and unicodedata.category(bare[-1]) == "So"


def mended_in(mended: tuple[str, ...], text: str) -> bool:
    """Whether the text holds words the reader put apart (each noted with a little of the text around it)."""
    squeezed = " ".join(text.split())
    return any(" ".join(piece.split()[1:-1] or piece.split()) in squeezed for piece in mended)


# --- answers remembered for one split ---------------------------------------------------------------

_Rule = TypeVar("_Rule", bound=Callable)
_NO_DEFAULT = object()
_answers: list[dict] = []
_splitting = [0]  # splits under way (a thread each in the studio); when the last ends, every answer is forgotten
_splitting_lock = threading.Lock()
_collector_paused = [False]  # whether the first split under way turned the collector off
_answers.extend([_lowered_texts, _words_of, _folded, _whole_words, _read_texts])


def per_split(rule: _Rule) -> _Rule:
    """A rule over a sentence whose answer is remembered while an article is split (`one_split`), where the
    same sentence is asked about again (as a paragraph's opener, a candidate, a headline, a tip), and
    forgotten when it is done: nothing of one article is kept for the next. Outside a split, it just runs.
    A rule of one argument is looked up in C (_Remembered), as most of the rules are asked most of the time."""
    parameters = list(inspect.signature(rule).parameters.values())
    if len(parameters) == 1 and parameters[0].default is parameters[0].empty and parameters[0].kind in (
            parameters[0].POSITIONAL_ONLY, parameters[0].POSITIONAL_OR_KEYWORD):
        one: _Remembered = _Remembered(rule)
        _answers.append(one)
        return one.__getitem__  # type: ignore[return-value]
    answers: dict = {}  # by the arguments, when the rule is asked with no keywords (most calls)
    with_keywords: dict = {}
    _answers.extend([answers, with_keywords])
    defaults = rule.__kwdefaults__ or {}  # a keyword given its default is the same question as one left out

    @functools.wraps(rule)
    def remembered(*args, **kwargs):
        if not _splitting[0]:
            return rule(*args, **kwargs)
        if not kwargs:  # most calls: one look-up, nothing built
            try:
                return answers[args]
            except KeyError:
                answer = answers[args] = rule(*args)
                return answer
        given = tuple(item for item in kwargs.items() if defaults.get(item[0], _NO_DEFAULT) != item[1])
        found, key = (with_keywords, (args, given)) if given else (answers, args)
        try:
            return found[key]
        except KeyError:
            answer = found[key] = rule(*args, **kwargs)
            return answer

    return remembered  # type: ignore[return-value]


_sentences = per_split(_split_sentences)


@contextmanager
def one_split() -> Iterator[None]:
    """While an article is split: per_split rules remember their answers until the last split under way ends, and
    the cyclic garbage collector rests. A split makes many short-lived objects, freed as soon as they are dropped,
    and next to no cycles (33 objects on the 20,000-word bench article, the same peak memory with the collector on
    or off), so the collections it would set off (some 5 % of a split's CPU) find nothing to free. A collector
    turned off before the first split stays off."""
    with _splitting_lock:
        if not _splitting[0]:
            _collector_paused[0] = gc.isenabled()
            gc.disable()
        _splitting[0] += 1
    try:
        yield
    finally:
        with _splitting_lock:
            _splitting[0] -= 1
            if not _splitting[0]:
                for answers in _answers:
                    answers.clear()
                if _collector_paused[0]:
                    gc.enable()
