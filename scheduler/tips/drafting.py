"""Article -> tips that stand on their own. Pure functions: same article, same tips.

A tip is a headline (the card's words: one complete thought from the article, lightly compressed)
and a text (the headline with the sentences after it that make it land). Sentences become headlines
only when they make sense alone; lists and examples of what to say are scheduler.tips.lists' work.
Near-duplicates are dropped (the better one stays), every text is made to fit the post, and each
tip gets a stable id, its source and its review flags.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Callable

from scheduler.articles import Article, Block, Section
from scheduler.campaign import Tip, TipStatus
from scheduler.tips.drafts import (MAX_CONTEXT_SENTENCES, MAX_HEADLINE, Draft, Scope, has_verb, headline_score,
                              is_imperative, make_headline, usable)
from scheduler.tips.flags import personal_details, review_flags, vignette_names
from scheduler.tips.lists import example_drafts, introduces_example, list_drafts, spoken_example
from scheduler.posttext import MAX_WEIGHTED_LENGTH, weighted_length
from scheduler.tips.sentences import content_words, end_with_period, slugify, split_sentences
from scheduler.tips.filters import (advice_cut, is_meta, is_question, opens_with_reference, practice_names, tidy,
                                  unresolved_pronoun)

__all__ = ["MAX_HEADLINE", "split_article", "fits_bare"]

STRONG_HEADLINE = 3.0  # a sentence this good starts its own tip even when it could extend the one before
NEAR_DUPLICATE = 0.5  # two tips sharing half their words (headline or text) are one tip
SOFT_TEXT_LENGTH = 230  # context stops here: room for the link and hashtags, and a post that reads at a glance

Fits = Callable[[str, bool], bool]


def fits_bare(text: str, sensitive: bool) -> bool:
    return weighted_length(text) <= MAX_WEIGHTED_LENGTH


def split_article(article: Article, *, fits: Fits = fits_bare) -> list[Tip]:
    """Every tip the article gives, in article order, each within `fits` and flagged for review."""
    scope = Scope(names=practice_names(article),
                  people=vignette_names(block.text for _, block in article.blocks()))
    cut = advice_cut(article, scope.names)
    drafts: list[Draft] = []
    for index, section in enumerate(article.sections):
        keep = cut.get(index, len(section.blocks))
        if keep:
            drafts.extend(_section_drafts(Section(section.heading, section.blocks[:keep]), scope))
    drafts = _without_near_duplicates(drafts)
    tips = []
    used_ids: set[str] = set()
    for draft in sorted(drafts, key=lambda d: (d.paragraph, d.sentence)):
        tip = _finish(draft, scope, fits, used_ids)
        if tip is not None:
            tips.append(tip)
    return tips


def _section_drafts(section: Section, scope: Scope) -> list[Draft]:
    drafts = []
    blocks = section.blocks
    question = section.heading if section.heading and is_question(section.heading) else None
    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        asked, question = question, None
        if block.kind == "list":
            previous = blocks[position - 1] if position else None
            drafts.extend(list_drafts(block, section, previous, scope))
        elif block.kind == "quote":
            previous = blocks[position - 1] if position else None
            if previous is not None and introduces_example(previous.text):
                drafts.extend(example_drafts([block.text], block, section, scope))
        else:
            introduces_list = following is not None and following.kind in ("list", "quote") and \
                block.text.rstrip().endswith(":")
            drafts.extend(_paragraph_drafts(block, section, scope, drop_last=introduces_list, question=asked))
            last = split_sentences(block.text)[-1:] if block.text else []
            question = last[0] if last and is_question(last[0]) else None
    return drafts


def _paragraph_drafts(block: Block, section: Section, scope: Scope, *, drop_last: bool,
                      question: str | None = None) -> list[Draft]:
    """Tips from one paragraph: each strong sentence opens a tip, the sentences after it give context.

    A sentence that answers a question goes with its question when the question stands alone
    ("Should I push my partner to see a therapist? Gentle encouragement works better than pressure."),
    and is left out when the question points elsewhere ("How long does it take?").
    """
    if is_meta(block.text):
        return []
    sentences = split_sentences(block.text)
    if block.lead:
        sentences = [end_with_period(block.lead)] + sentences
    sentences = [tidy(sentence) for sentence in sentences]
    if drop_last and sentences:
        sentences = sentences[:-1]
    drafts: list[Draft] = []
    current: Draft | None = None
    total = len(sentences)
    for index, sentence in enumerate(sentences):
        number = index + 1 - (1 if block.lead else 0)
        if is_question(sentence):
            question, current = sentence, None
            continue
        asked, question = question, None
        if not usable(sentence, scope):
            current = None
            continue
        kind = _question_kind(asked) if asked else None
        if kind == "refers":
            current = None
            continue
        if kind == "stands":
            score = headline_score(sentence, 0, total)
            if score is None:
                current = None
                continue
            headline, first = make_headline(sentence)
            current = Draft(headline=headline, sentences=[asked, first], section=section.heading,
                            paragraph=block.number, sentence=max(number, 1), sources=[asked, sentence],
                            context=block.text, score=score)
            drafts.append(current)
            continue
        example = spoken_example(sentence)
        if example is not None:
            drafts.extend(example_drafts([example], block, section, scope, sentence=max(number, 1)))
            current = None
            continue
        score = headline_score(sentence, index, total)
        room = (current is not None and len(current.sentences) <= MAX_CONTEXT_SENTENCES
                and len(current.text) + len(sentence) < SOFT_TEXT_LENGTH)
        if score is not None and (current is None or score >= STRONG_HEADLINE or not room):
            headline, first = make_headline(sentence)
            current = Draft(headline=headline, sentences=[first], section=section.heading, paragraph=block.number,
                            sentence=max(number, 1), sources=[sentence], context=block.text, score=score)
            drafts.append(current)
        elif current is not None and room and not is_question(sentence):
            current.sentences.append(sentence)
            current.sources.append(sentence)
        else:
            current = None
    return drafts


def _question_kind(question: str) -> str:
    """rhetorical ("The good news?"), stands (makes sense alone), or refers (points outside itself)."""
    if not (has_verb(question) or is_imperative(question) or re.match(
            r"^(how|why|what|when|where|who|which|should|can|could|would|will|is|are|do|does|did)\b", question,
            re.IGNORECASE)):
        return "rhetorical"
    if (opens_with_reference(question) or unresolved_pronoun(question)
            or re.search(r"\b(it|this|that|these|those|they|them)\b", question, re.IGNORECASE)):
        return "refers"
    return "stands"


def _without_near_duplicates(drafts: list[Draft]) -> list[Draft]:
    """The best of each group of drafts that share half their words (headline or text), best first."""
    kept: list[Draft] = []
    head_sizes: list[int] = []
    text_sizes: list[int] = []
    head_index: dict[str, list[int]] = {}
    text_index: dict[str, list[int]] = {}
    for draft in sorted(drafts, key=lambda d: (-d.score, d.paragraph, d.sentence)):
        head_words, text_words = content_words(draft.headline), content_words(draft.text)
        if not head_words or _overlaps(head_words, head_index, head_sizes) or _overlaps(
                text_words, text_index, text_sizes):
            continue
        position = len(kept)
        kept.append(draft)
        head_sizes.append(len(head_words))
        text_sizes.append(len(text_words))
        for word in head_words:
            head_index.setdefault(word, []).append(position)
        for word in text_words:
            text_index.setdefault(word, []).append(position)
    return kept


def _overlaps(found: frozenset, index: dict[str, list[int]], sizes: list[int]) -> bool:
    shared = Counter(position for word in found for position in index.get(word, ()))
    return any(count / (len(found) + sizes[position] - count) >= NEAR_DUPLICATE
               for position, count in shared.items())


def _finish(draft: Draft, scope: Scope, fits: Fits, used_ids: set[str]) -> Tip | None:
    flags = review_flags(draft.text, context=draft.context, heading=draft.section or "", names=scope.people)
    sensitive = "sensitive" in flags
    text = _fitting_text(draft, sensitive, fits)
    if text is None:
        return None
    if "privacy" in flags or personal_details(text, scope.people):
        flags = tuple(dict.fromkeys(flags + ("privacy",)))
    tip_id = _unique_id(slugify(draft.headline), used_ids)
    digest = hashlib.sha1("\n".join(draft.sources).encode("utf-8")).hexdigest()[:12]
    return Tip(id=tip_id, headline=draft.headline, text=text, status=TipStatus.DRAFT, section=draft.section,
               source={"paragraph": draft.paragraph, "sentence": draft.sentence, "digest": digest},
               review=tuple(f for f in ("sensitive", "privacy") if f in flags))


def _fitting_text(draft: Draft, sensitive: bool, fits: Fits) -> str | None:
    if draft.fixed_text:
        for text in [draft.text] + draft.extra + [draft.headline]:
            if fits(text, sensitive):
                return text
        return None
    sentences = list(draft.sentences)
    while sentences:
        text = " ".join(sentences)
        if fits(text, sensitive):
            return text
        sentences.pop()
    return draft.headline if fits(draft.headline, sensitive) else None


def _unique_id(base: str, used: set[str]) -> str:
    candidate, number = base, 2
    while candidate in used:
        candidate = f"{base}-{number}"
        number += 1
    used.add(candidate)
    return candidate
