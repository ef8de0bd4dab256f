"""A tip in the making, and the tests a sentence passes to become a card's words.

Shared by scheduler.tips.drafting (paragraphs) and scheduler.tips.lists (lists and examples of what to say).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scheduler.tips.flags import personal_details
from scheduler.tips.sentences import words
from scheduler.tips.filters import (compress, dangling_references, is_fragment, is_meta, is_promotion, is_question,
                                  opens_with_reference, shorten_to_clause, unresolved_pronoun)

MAX_HEADLINE = 90  # the card's words: a complete thought of at most about 90 characters
MAX_CONTEXT_SENTENCES = 2


@dataclass
class Draft:
    """A tip before its length is fitted, its flags set and its id given."""

    headline: str
    sentences: list[str]
    section: str | None
    paragraph: int
    sentence: int
    sources: list[str]
    context: str
    score: float
    kind: str = "sentence"
    fixed_text: bool = False  # the text is composed (a list, an example): it is not trimmed sentence by sentence
    extra: list[str] = field(default_factory=list)  # shorter composed texts, tried in turn when the text is too long

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class Scope:
    names: frozenset[str]
    people: frozenset[str]


def usable(sentence: str, scope: Scope) -> bool:
    return not (is_promotion(sentence, scope.names) or is_meta(sentence) or is_fragment(sentence)
                or has_markup(sentence))


def has_markup(text: str) -> bool:
    return bool(re.search(r"<[a-zA-Z/][^>]*>|&[a-zA-Z]+;|&#\d+;|\*\*|__|\[[^\]]*\]\(|^#+\s|`", text))


IMPERATIVES = frozenset("""accept acknowledge adjust agree allow apologize approach ask assume avoid be begin believe
breathe bring build call celebrate check choose clarify commit communicate consider create decide define describe
discuss do don’t don't drop encourage end explain explore express focus follow forgive frame get give go hold honor
identify imagine include invite keep learn leave let limit listen look make mention name note notice offer open pause
pay pick plan practice prepare protect put read recognize reflect release remember repeat resist respect respond rest
return revisit save schedule see seek set share show sit skip slow speak start stay step stop suggest summarize take
talk tell thank think treat trust try turn use validate wait watch welcome work write""".split())


def is_imperative(sentence: str) -> bool:
    first = words(sentence)[:1]
    return bool(first) and first[0].lower() in IMPERATIVES and not re.match(r"^\w+ing\b", sentence)


def headline_score(sentence: str, index: int, total: int) -> float | None:
    """How well the sentence works as a card's words; None when it cannot be one."""
    if opens_with_reference(sentence) or is_question(sentence) or unresolved_pronoun(sentence):
        return None
    compressed = compress(sentence)
    if dangling_references(compressed):
        return None
    if len(compressed) > MAX_HEADLINE and short_headline(compressed) is None:
        return None
    count = len(words(compressed))
    score = 2.0 if count <= 8 else 1.0 if count <= 14 else 0.0 if count <= 20 else -1.0
    if index == 0:
        score += 1.5
    elif index == total - 1:
        score += 0.5
    if is_imperative(compressed):
        score += 1.0
    if re.search(r"\d", compressed):
        score -= 0.5
    if personal_details(compressed):
        score -= 1.0
    return score


def make_headline(sentence: str) -> tuple[str, str]:
    """(the card's words, the sentence as the text opens with it)."""
    compressed = compress(sentence)
    headline = compressed if len(compressed) <= MAX_HEADLINE else short_headline(compressed)
    return headline or compressed, compressed


def short_headline(sentence: str) -> str | None:
    return shorten_to_clause(sentence, MAX_HEADLINE, imperative=is_imperative(sentence))


def has_verb(text: str) -> bool:
    return bool(re.search(r"\b(is|are|was|were|can|could|will|would|may|might|must|should|has|have|had|do|does|did|"
                          r"isn’t|aren’t|doesn’t|don’t|won’t|can’t|helps?|means?|matters?|works?|tends?|makes?|"
                          r"needs?|takes?|gives?|feels?|becomes?|comes?|shows?|builds?|lets?|keeps?)\b",
                          text, re.IGNORECASE))
