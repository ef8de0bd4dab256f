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
    for a cheap rule the look costs more than the search."""

    __slots__ = ("_after_boundary", "_exact", "_lowered", "needs", "pattern")

    def __init__(self, pattern: str, *, screened: bool = False):
        if re.sub(r"\\[A-Za-z]", "", pattern).lower() != re.sub(r"\\[A-Za-z]", "", pattern):
            raise ValueError(f"a Caseless pattern is written in lower case: {pattern[:60]!r}")
        self.pattern = pattern
        self._lowered = re.compile(pattern)
        self._exact = re.compile(pattern, re.IGNORECASE)
        self._after_boundary = re.compile(pattern[2:]) if _opens_with_boundary(pattern) and _skips_ahead(
            pattern[2:]) else None
        self.needs = required_literals(pattern) if screened else None
        if screened and self.needs is None:
            raise ValueError(f"no words that every match holds can be read from {pattern[:60]!r}: do not screen it")

    def search(self, text: str) -> bool:
        lowered = lowered_text(text)
        if lowered is None:
            return self._exact.search(text) is not None
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
        lowered = lowered_text(text)
        if lowered is None:
            return [match.span() for match in self._exact.finditer(text)]
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
    and looking for a few words costs less than running a rule that is tried at every place of a sentence."""

    __slots__ = ("_ignores_case", "needs", "pattern")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = re.compile(pattern, flags)
        needs = required_literals(pattern)
        if needs is None:
            raise ValueError(f"no words that every match holds can be read from {pattern[:60]!r}: do not screen it")
        self._ignores_case = bool(flags & re.IGNORECASE)
        self.needs = tuple(sorted({need.lower() for need in needs})) if self._ignores_case else needs

    def may_match(self, text: str) -> bool:
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


def _opens_with_boundary(pattern: str) -> bool:
    """Whether every match of the pattern starts at a \\b: the parsed pattern is one sequence opening with it
    (`\\ba|b` parses as one alternation, and `\\ba|\\bb` as \\b before one)."""
    if not pattern.startswith(r"\b"):
        return False
    parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
    return len(parsed) > 0 and parsed[0] == (re._constants.AT, re._constants.AT_BOUNDARY)  # type: ignore[attr-defined]


_FEW_FIRST_LETTERS = 5


def _skips_ahead(pattern: str) -> bool:
    """Whether the engine, searching the pattern, skips ahead to the few letters every match opens with (fixed
    first letters, or at most five letters one of which opens every alternative). Only then is a rule opening with
    \\b searched faster without it (and the \\b checked where it is found): otherwise the engine tries every
    alternative at every place, where with the \\b it fails at once inside a word, and each find inside a word is
    one more search (on the 20,000-word bench article, a sentence: _CTA 5.9 µs searched without its \\b, 3.0 µs
    with it; _VERB, whose alternatives open with 18 letters, 5.7 and 3.2; "\\byou" 0.5 and 1.2 the other way)."""
    parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
    compiler, constants = re._compiler, re._constants  # type: ignore[attr-defined]
    prefix, _skip, _whole = compiler._get_literal_prefix(parsed, 0)
    if prefix:
        return True
    first = compiler._get_charset_prefix(parsed, 0)
    if first is None or any(op is not constants.LITERAL for op, _ in first):
        return False
    return len({letter for _, letter in first}) <= _FEW_FIRST_LETTERS


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Words of which every match of the pattern (searched without flags) holds at least one, as written in it:
    `\\b(?:call|text) us\\b` -> ("call us", "text us"); `[\\w-]+\\.(?:com|org)\\b` -> (".com", ".org"). None when no
    such words can be read from the pattern (a class or a wildcard in every place, an inline flag)."""
    found = _required(re._parser.parse(pattern))  # type: ignore[attr-defined]
    if not found:
        return None
    return tuple(sorted(word for word in found if not any(other != word and other in word for other in found)))


def by_first_letter(alternatives: list[str]) -> str:
    """The alternation of these patterns, grouped by the letter a match can open with: `(?:(?=a)(?:all that can open
    with a)|(?=b)(?:...)|...|(?![ab...])(?:those whose first letter cannot be read))`. It finds what `(?:p1|p2|...)`
    finds, at the same places (at a place, the alternatives that can match there are tried in their order), but
    the engine tries only the few alternatives of the letter at hand instead of all of them: the sensitive lexicon's
    333 alternatives, over a third opening with a group, cost a third as much so (docs/measuring.md, the eighth
    round). An alternative whose first letter cannot be read (a class, an optional start) is tried everywhere."""
    firsts = [_first_letters(re._parser.parse(pattern)) for pattern in alternatives]  # type: ignore[attr-defined]
    letters = sorted(set().union(*(first for first in firsts if first)))
    anywhere = [pattern for pattern, first in zip(alternatives, firsts, strict=True) if first is None]
    groups = [f"(?={re.escape(letter)})(?:" + "|".join(
        pattern for pattern, first in zip(alternatives, firsts, strict=True) if first is None or letter in first) + ")"
        for letter in letters]
    if anywhere:
        groups.append("(?![" + "".join(map(re.escape, letters)) + "])(?:" + "|".join(anywhere) + ")")
    return "(?:" + "|".join(groups) + ")"


def _first_letters(sequence) -> frozenset[str] | None:
    """The letters every match of this parsed sequence opens with, or None when they cannot be read."""
    constants = re._constants  # type: ignore[attr-defined]
    if not sequence:
        return None
    op, argument = sequence[0]
    if op is constants.LITERAL:
        return frozenset(chr(argument))
    if op is constants.IN and all(kind is constants.LITERAL for kind, _ in argument):
        return frozenset(chr(value) for _, value in argument)
    if op is constants.BRANCH:
        branches = [_first_letters(branch) for branch in argument[1]]
        return None if any(branch is None for branch in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
    if op is constants.SUBPATTERN and not (argument[1] or argument[2]):
        return _first_letters(argument[3])
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT) and argument[0] >= 1:
        return _first_letters(argument[2])
    return None


_MOST_WORDS = 64  # the most fixed words read as one place of a pattern


def _required(sequence) -> frozenset[str] | None:
    """The best set of words one of which every match of this parsed sequence holds (the fewest, of three letters
    or more when it can), or None. Neighbouring parts that match only fixed words are read as one word: `reach(?:ing)?
    out` -> "reach out", "reaching out"."""
    constants = re._constants  # type: ignore[attr-defined]
    options: list[frozenset[str]] = []
    run = frozenset([""])
    for op, argument in list(sequence) + [(None, None)]:
        fixed = _fixed([(op, argument)]) if op is not None else None
        if fixed is not None:
            options.append(fixed)  # a place alone may be screened on fewer words than its run of neighbours
        if fixed is not None and len(run) * len(fixed) <= _MOST_WORDS:
            run = frozenset(before + after for before in run for after in fixed)
            continue
        options.append(run)
        run = frozenset([""]) if fixed is None else fixed
        if op is constants.SUBPATTERN:
            _group, add_flags, del_flags, inner = argument
            if add_flags or del_flags:
                return None
            options.append(_required(inner) or frozenset())
        elif op is constants.BRANCH:
            alternatives = [_required(alternative) for alternative in argument[1]]
            if all(alternatives):
                options.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT) and argument[0] >= 1:
            options.append(_required(argument[2]) or frozenset())
    options = [option for option in options if option and "" not in option]
    if not options:
        return None
    return max(options, key=lambda option: (min(5, *map(len, option)), -len(option), min(map(len, option))))


def _fixed(sequence) -> frozenset[str] | None:
    """Every text this parsed sequence can match, when they are few fixed words (`colou?r` -> color, colour);
    a place that matches no text (\\b, a lookahead) adds nothing. None for anything else."""
    constants = re._constants  # type: ignore[attr-defined]
    found = frozenset([""])
    for op, argument in sequence:
        if op is constants.LITERAL:
            choices: frozenset[str] | None = frozenset([chr(argument)])
        elif op is constants.IN:
            choices = frozenset(chr(value) for kind, value in argument if kind is constants.LITERAL) if all(
                kind is constants.LITERAL for kind, _ in argument) else None
        elif op is constants.SUBPATTERN:
            choices = _fixed(argument[3]) if not (argument[1] or argument[2]) else None
        elif op is constants.BRANCH:
            alternatives = [_fixed(alternative) for alternative in argument[1]]
            choices = frozenset().union(*alternatives) if all(  # type: ignore[arg-type]
                alternative is not None for alternative in alternatives) else None
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT) and argument[1] <= 1:
            once = _fixed(argument[2])
            choices = None if once is None else (once | {""} if argument[0] == 0 else once)
        elif op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
            continue
        else:
            choices = None
        if choices is None or len(found) * len(choices) > _MOST_WORDS:
            return None
        found = frozenset(before + after for before in found for after in choices)
    return found


_lowered_texts: dict[str, str | None] = {}


def lowered_text(text: str) -> str | None:
    """The text in lower case for the Caseless rules, or None when it holds a letter whose lower case
    re.IGNORECASE reads differently (then the rule is searched with the flag). Remembered while an article is
    split: every rule asks it of the same sentences."""
    if _splitting[0]:
        try:
            return _lowered_texts[text]
        except KeyError:
            pass
    lowered = text.lower() if text.isascii() or not _UNLOWERED.search(text) else None
    if _splitting[0]:
        _lowered_texts[text] = lowered
    return lowered


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


_words_of: dict[str, tuple[str, ...]] = {}


def words(text: str) -> tuple[str, ...]:
    """The text's words (letters and digits, with an inner apostrophe), remembered while an article is split:
    the rules ask for the words of the same sentence many times."""
    if not _splitting[0]:
        return tuple(_WORD.findall(text))
    found = _words_of.get(text)
    if found is None:
        found = _words_of[text] = tuple(_WORD.findall(text))
    return found


_folded: dict[str, str] = {}


def fold(word: str) -> str:
    """A word for comparison: lower case, straight apostrophe, crude stem (remembered while an article is split:
    the topic reader, the near-duplicate rule and others fold the same words again and again)."""
    if not _splitting[0]:
        return _fold(word)
    found = _folded.get(word)
    if found is None:
        found = _folded[word] = _fold(word)
    return found


def _fold(word: str) -> str:
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
_NO_DEFAULT = object()
_answers: list[dict] = []
_splitting = [0]  # splits under way (a thread each in the studio); when the last ends, every answer is forgotten
_splitting_lock = threading.Lock()
_answers.extend([_lowered_texts, _words_of, _folded])


def per_split(rule: _Rule) -> _Rule:
    """A rule over a sentence whose answer is remembered while an article is split (`one_split`), where the
    same sentence is asked about again (as a paragraph's opener, a candidate, a headline, a tip), and
    forgotten when it is done: nothing of one article is kept for the next. Outside a split, it just runs."""
    answers: dict = {}  # by the arguments, when the rule is asked with no keywords (most calls)
    with_keywords: dict = {}
    _answers.extend([answers, with_keywords])
    defaults = rule.__kwdefaults__ or {}  # a keyword given its default is the same question as one left out

    @functools.wraps(rule)
    def remembered(*args, **kwargs):
        if not _splitting[0]:
            return rule(*args, **kwargs)
        given = tuple(item for item in kwargs.items()
                      if defaults.get(item[0], _NO_DEFAULT) != item[1]) if kwargs else ()
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
