"""A lexicon: many phrase patterns, written in lower case, searched as one case-insensitive alternation.

Each pattern is run only on a text that holds one of the words every match of it holds (`required_literals`),
and those words are all looked for in one pass of an Aho-Corasick automaton (pyahocorasick): most texts hold
none, and a text that holds some is searched with those few patterns instead of the hundreds of the whole
alternation. The answers are those of `\\b(?:p1|p2|...)` searched with re.IGNORECASE: at each place, the first
pattern in the lexicon's order that matches there; where none of a pattern's words is in the text, it matches
nowhere, so leaving it out changes no answer.

Nothing is compiled before the lexicon is first searched: a process that never reads a tip's words pays for none
of it, and one that does compiles only the patterns its texts may hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick

from scheduler.tips.patterns import (
    by_first_letter,
    required_literals,
    screen_of,
    skips_ahead,
)
from scheduler.tips.sentences import (
    STOPWORDS,
    Caseless,
    lowered_text,
    words_while_splitting,
)

_WORD_BOUNDARY = re.compile(r"\b")


class Lexicon:
    __slots__ = ("_automaton", "_bare", "_patterns", "_rules", "_screens", "_whole")

    def __init__(self, patterns: Sequence[str]):
        self._patterns = tuple(patterns)
        self._rules: list[re.Pattern | None] = [None] * len(self._patterns)
        self._bare: list[re.Pattern | None | bool] = [False] * len(self._patterns)  # False: not compiled yet
        self._screens: list[tuple[frozenset[str], tuple[str, ...]] | None | bool] = [False] * len(self._patterns)
        self._automaton: ahocorasick.Automaton | None = None
        self._whole: Caseless | None = None

    @property
    def pattern(self) -> str:
        """The alternation the lexicon answers as (searched with re.IGNORECASE)."""
        return r"\b(?:" + "|".join(self._patterns) + ")"

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the lexicon is found in the text, as (start, end) in the text as written, as finditer finds them."""
        lowered = lowered_text(text)
        if lowered is None:  # a letter re.IGNORECASE pairs with another that lower() does not: the whole rule
            return self._caseless().spans(text)
        rules = self._possible(lowered)
        ahead = [self._find(index, lowered, 0) for index in rules]
        found: list[tuple[int, int]] = []
        at = 0
        while True:
            first: re.Match | None = None
            for place, index in enumerate(rules):
                match = ahead[place]
                if match is not None and match.start() < at:
                    match = ahead[place] = self._find(index, lowered, at)
                if match is not None and (first is None or match.start() < first.start()):
                    first = match  # on a tie the earlier pattern stays, as in the alternation
            if first is None:
                return found
            found.append(first.span())
            at = first.end()

    def search(self, text: str) -> bool:
        lowered = lowered_text(text)
        if lowered is None:
            return self._caseless().search(text)
        return any(self._find(index, lowered, 0) is not None for index in self._possible(lowered))

    def _find(self, index: int, lowered: str, at: int) -> re.Match | None:
        """The first match of pattern `index` (opening at a \\b) in the lowered text from `at`, as
        `\\b(?:pattern)` finds it. A pattern the engine can skip ahead in (its first letters fixed) is searched
        without the \\b, which stops that skip, and the \\b checked where it is found (as Caseless does)."""
        bare = self._bare[index]
        if bare is False:
            bare = self._bare[index] = re.compile(f"(?:{self._patterns[index]})") if skips_ahead(
                f"(?:{self._patterns[index]})") else None
        if bare is None:
            return self._rule(index).search(lowered, at)
        while (found := bare.search(lowered, at)) is not None:  # type: ignore[union-attr]
            if _WORD_BOUNDARY.match(lowered, found.start()):
                return found
            at = found.start() + 1
        return None

    def _possible(self, lowered: str) -> list[int]:
        """The patterns, in their order, one of whose words the lowered text holds; while an article is split, as a
        whole word where the pattern's matches hold one (as a Caseless rule is screened): "er" of the emergency
        room is inside most sentences ("after", "never"), the word "er" in next to none."""
        if self._automaton is None:
            self._automaton = self._build()
        found = sorted({index for _end, indices in self._automaton.iter(lowered) for index in indices})
        text_words = words_while_splitting(lowered) if found else None
        if text_words is None:
            return found
        return [index for index in found if self._may_hold(index, text_words, lowered)]

    def _may_hold(self, index: int, text_words: frozenset[str], lowered: str) -> bool:
        screen = self._screens[index]
        if screen is False:
            screen = self._screens[index] = screen_of(rf"\b(?:{self._patterns[index]})", STOPWORDS)
        if screen is None or screen is True:
            return True
        whole, written = screen
        return not whole.isdisjoint(text_words) or any(map(lowered.__contains__, written))

    def _build(self) -> ahocorasick.Automaton:
        owners: dict[str, list[int]] = {}
        for index, pattern in enumerate(self._patterns):
            letters = re.sub(r"\\[A-Za-z]", "", pattern)
            if letters.lower() != letters:
                raise ValueError(f"a lexicon pattern is written in lower case: {pattern[:60]!r}")
            if re._parser.parse(pattern).getwidth()[0] == 0:  # type: ignore[attr-defined]
                raise ValueError(f"a lexicon pattern that can match no text: {pattern[:60]!r}")
            needs = required_literals(pattern)
            if needs is None:
                raise ValueError(f"no words that every match holds can be read from {pattern[:60]!r}")
            for word in needs:
                owners.setdefault(word, []).append(index)
        automaton = ahocorasick.Automaton()
        for word, indices in owners.items():
            automaton.add_word(word, tuple(indices))
        automaton.make_automaton()
        return automaton

    def _rule(self, index: int) -> re.Pattern:
        rule = self._rules[index]
        if rule is None:
            rule = self._rules[index] = re.compile(r"\b(?:" + self._patterns[index] + ")")
        return rule

    def _caseless(self) -> Caseless:
        if self._whole is None:
            self._whole = Caseless(r"\b" + by_first_letter(list(self._patterns)))
        return self._whole
