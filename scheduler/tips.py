"""Article -> tips that stand on their own. Pure functions: same article, same tips.

A tip is a headline (the card's words: one complete thought from the article, lightly compressed)
and a text (the headline with the sentences after it that make it land). Sentences become headlines
only when they make sense alone; lists become one tip that carries their lead-in, or one tip per item
when each item is whole; an example of what to say becomes a "Try saying: ..." tip.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from scheduler.articles import Article, Block, Item, Section
from scheduler.campaign import Tip
from scheduler.flags import personal_details, review_flags, vignette_names
from scheduler.posttext import MAX_WEIGHTED_LENGTH, weighted_length
from scheduler.sentences import (capitalize_first, content_words, end_with_period, lower_first, slugify,
                                 split_sentences, words)
from scheduler.tipfilters import (advice_cut, compress, dangling_references, is_fragment, is_meta, tidy,
                                  is_promotion, is_question, opens_with_reference, practice_names, shorten_to_clause,
                                  unresolved_pronoun)

MAX_HEADLINE = 90
MAX_CONTEXT_SENTENCES = 2
STRONG_HEADLINE = 3.0  # a sentence this good starts its own tip even when it could extend the one before
NEAR_DUPLICATE = 0.5
SOFT_TEXT_LENGTH = 230  # context stops here: room for the link and hashtags, and a post that reads at a glance

Fits = Callable[[str, bool], bool]


def fits_bare(text: str, sensitive: bool) -> bool:
    return weighted_length(text) <= MAX_WEIGHTED_LENGTH


@dataclass
class Draft:
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
    extra: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class _Scope:
    names: frozenset[str]
    people: frozenset[str]


def split_article(article: Article, *, fits: Fits = fits_bare) -> list[Tip]:
    """Every tip the article gives, in article order, each within `fits` and flagged for review."""
    scope = _Scope(names=practice_names(article),
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


# --- sections and blocks ---------------------------------------------------------------------------

def _section_drafts(section: Section, scope: _Scope) -> list[Draft]:
    drafts = []
    blocks = section.blocks
    question = section.heading if section.heading and is_question(section.heading) else None
    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        asked, question = question, None
        if block.kind == "list":
            previous = blocks[position - 1] if position else None
            drafts.extend(_list_drafts(block, section, previous, scope))
        elif block.kind == "quote":
            previous = blocks[position - 1] if position else None
            if previous is not None and _introduces_example(previous.text):
                drafts.extend(_example_drafts([block.text], block, section, scope))
        else:
            introduces_list = following is not None and following.kind in ("list", "quote") and \
                block.text.rstrip().endswith(":")
            drafts.extend(_paragraph_drafts(block, section, scope, drop_last=introduces_list, question=asked))
            last = split_sentences(block.text)[-1:] if block.text else []
            question = last[0] if last and is_question(last[0]) else None
    return drafts


def _paragraph_drafts(block: Block, section: Section, scope: _Scope, *, drop_last: bool,
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
        if not _usable(sentence, scope):
            current = None
            continue
        kind = _question_kind(asked) if asked else None
        if kind == "refers":
            current = None
            continue
        if kind == "stands":
            score = _headline_score(sentence, 0, total)
            if score is None:
                current = None
                continue
            headline, first = _headline(sentence)
            current = Draft(headline=headline, sentences=[asked, first], section=section.heading,
                            paragraph=block.number, sentence=max(number, 1), sources=[asked, sentence],
                            context=block.text, score=score)
            drafts.append(current)
            continue
        example = _spoken_example(sentence)
        if example is not None:
            drafts.extend(_example_drafts([example], block, section, scope, sentence=max(number, 1)))
            current = None
            continue
        score = _headline_score(sentence, index, total)
        room = (current is not None and len(current.sentences) <= MAX_CONTEXT_SENTENCES
                and len(current.text) + len(sentence) < SOFT_TEXT_LENGTH)
        if score is not None and (current is None or score >= STRONG_HEADLINE or not room):
            headline, first = _headline(sentence)
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
    if not (_has_verb(question) or _is_imperative(question) or re.match(
            r"^(how|why|what|when|where|who|which|should|can|could|would|will|is|are|do|does|did)\b", question,
            re.IGNORECASE)):
        return "rhetorical"
    if (opens_with_reference(question) or unresolved_pronoun(question)
            or re.search(r"\b(it|this|that|these|those|they|them)\b", question, re.IGNORECASE)):
        return "refers"
    return "stands"


def _usable(sentence: str, scope: _Scope) -> bool:
    return not (is_promotion(sentence, scope.names) or is_meta(sentence) or is_fragment(sentence)
                or _has_markup(sentence))


def _has_markup(text: str) -> bool:
    return bool(re.search(r"<[a-zA-Z/][^>]*>|&[a-zA-Z]+;|&#\d+;|\*\*|__|\[[^\]]*\]\(|^#+\s|`", text))


_IMPERATIVES = frozenset("""accept acknowledge adjust agree allow apologize approach ask assume avoid be begin believe
breathe bring build call celebrate check choose clarify commit communicate consider create decide define describe
discuss do don’t don't drop encourage end explain explore express focus follow forgive frame get give go hold honor
identify imagine include invite keep learn leave let limit listen look make mention name note notice offer open pause
pay pick plan practice prepare protect put read recognize reflect release remember repeat resist respect respond rest
return revisit save schedule see seek set share show sit skip slow speak start stay step stop suggest summarize take
talk tell thank think treat trust try turn use validate wait watch welcome work write""".split())


def _is_imperative(sentence: str) -> bool:
    first = words(sentence)[:1]
    return bool(first) and first[0].lower() in _IMPERATIVES and not re.match(r"^\w+ing\b", sentence)


def _headline_score(sentence: str, index: int, total: int) -> float | None:
    """How well the sentence works as a card's words; None when it cannot be one."""
    if opens_with_reference(sentence) or is_question(sentence) or unresolved_pronoun(sentence):
        return None
    compressed = compress(sentence)
    if dangling_references(compressed):
        return None
    if len(compressed) > MAX_HEADLINE and _short_headline(compressed) is None:
        return None
    count = len(words(compressed))
    score = 2.0 if count <= 8 else 1.0 if count <= 14 else 0.0 if count <= 20 else -1.0
    if index == 0:
        score += 1.5
    elif index == total - 1:
        score += 0.5
    if _is_imperative(compressed):
        score += 1.0
    if re.search(r"\d", compressed):
        score -= 0.5
    if personal_details(compressed):
        score -= 1.0
    return score


def _headline(sentence: str) -> tuple[str, str]:
    """(the card's words, the sentence as the text opens with it)."""
    compressed = compress(sentence)
    headline = compressed if len(compressed) <= MAX_HEADLINE else _short_headline(compressed)
    return headline or compressed, compressed


def _short_headline(sentence: str) -> str | None:
    return shorten_to_clause(sentence, MAX_HEADLINE, imperative=_is_imperative(sentence))


# --- examples of what to say -------------------------------------------------------------------------

_SAY = re.compile(r"\b(?:say(?:ing)?|try|ask(?:ing)?|tell(?:ing)?|like|example|instance|could|might)\b[^“\"]{0,40}?[,:]?\s*"
                  r"[“\"]([^”\"]{8,})[”\"]\s*[.!?]?\s*$", re.IGNORECASE)
_EXAMPLE_LEAD = re.compile(r"\b(for example|for instance|such as|try saying|you (?:might|could|can) say|say something like|"
                           r"examples?|phrases?|statements?|saying|scripts?|you might try|try)\b[^.]*:?\s*$",
                           re.IGNORECASE)


_NOT_TO_SAY = re.compile(r"\b(avoid|don’t|don't|do not|never|stop|instead of|rather than|not|won’t|won't|can’t|can't|"
                         r"criticism|blame|blaming|hurtful|harsh)\b", re.IGNORECASE)


def _introduces_example(text: str) -> bool:
    return bool(text) and text.rstrip().endswith(":") and bool(_EXAMPLE_LEAD.search(text))


def _spoken_example(sentence: str) -> str | None:
    match = _SAY.search(sentence)
    if not match or not re.search(r"\b(?:say|saying|try|example|instance|something like)\b", sentence, re.IGNORECASE):
        return None
    window = re.split(r"[”\"]", sentence[: match.start(1) - 1])[-1]  # since the quote before, if any
    if _NOT_TO_SAY.search(window):
        return None
    return match.group(1)


def _quoted(text: str) -> str | None:
    """The words inside a whole-item quotation: `“I care about us.”` -> `I care about us.`"""
    match = re.fullmatch(r"\s*[“\"]([^”\"]+)[”\"]\s*[.!?]?\s*", text)
    return match.group(1).strip() if match else None


def _example_drafts(examples, block: Block, section: Section, scope: _Scope, *, sentence: int = 1) -> list[Draft]:
    drafts = []
    for offset, raw in enumerate(examples):
        spoken = _quoted(raw) if raw.lstrip()[:1] in "“\"" else raw.strip()
        if not spoken or len(words(spoken)) < 4 or personal_details(spoken, scope.people):
            continue
        spoken = end_with_period(capitalize_first(spoken))
        headline = f"Try saying: “{spoken}”"
        if len(headline) > MAX_HEADLINE:
            continue
        drafts.append(Draft(headline=headline, sentences=[headline], section=section.heading, paragraph=block.number,
                            sentence=sentence + offset, sources=[raw], context=block.text or raw, score=2.0,
                            kind="example", fixed_text=True))
    return drafts


# --- lists ---------------------------------------------------------------------------------------

_VERB_ENDING = re.compile(r"\b(include|includes|including|are|is|can|could|might|may|help|helps|you|to|like|mean|"
                          r"means|involve|involves|try|with|about|for|of|by|as|need|needs|want|wants|should)$",
                          re.IGNORECASE)
_VAGUE_LEAD = re.compile(r"^(for example|for instance|examples?|such as|here are|here’s|here's|try these|"
                         r"these include|some examples|consider these|a few|the following|they include|"
                         r"this includes|this can look like|it can look like)\b", re.IGNORECASE)


def _list_drafts(block: Block, section: Section, previous: Block | None, scope: _Scope) -> list[Draft]:
    items = [item for item in block.items if not is_meta(item.full) and not is_promotion(item.full, scope.names)]
    if not items:
        return []
    quoted = [_quoted(item.full) for item in items]
    if all(quoted):
        return _example_drafts([item.full for item in items], block, section, scope)
    whole = [_whole(item) for item in items]
    if sum(whole) * 2 >= len(items):
        drafts = []
        for number, item in enumerate(block.items, 1):
            if item in items and _whole(item):
                drafts.extend(_item_drafts(item, number, block, section, scope))
        return drafts
    return _combined_list_draft(block, items, section, scope)


def _whole(item: Item) -> bool:
    """An item that says something by itself: a bold lead that is a sentence, or a full sentence."""
    if item.lead and _is_statement(end_with_period(item.lead)) and len(words(item.lead)) >= 2:
        return True
    sentences = split_sentences(item.text)
    if not sentences:
        return False
    first = sentences[0]
    return (_is_statement(first) and len(words(first)) >= 5
            and (len(sentences) > 1 or first.rstrip("”\"’)")[-1:] in ".!?") and not opens_with_reference(first))


def _is_statement(text: str) -> bool:
    return not is_fragment(end_with_period(text)) and (_is_imperative(text) or _has_verb(text))


def _has_verb(text: str) -> bool:
    return bool(re.search(r"\b(is|are|was|were|can|could|will|would|may|might|must|should|has|have|had|do|does|did|"
                          r"isn’t|aren’t|doesn’t|don’t|won’t|can’t|helps?|means?|matters?|works?|tends?|makes?|"
                          r"needs?|takes?|gives?|feels?|becomes?|comes?|shows?|builds?|lets?|keeps?)\b",
                          text, re.IGNORECASE))


def _item_drafts(item: Item, number: int, block: Block, section: Section, scope: _Scope) -> list[Draft]:
    sentences = split_sentences(item.text)
    if item.lead and _is_statement(end_with_period(item.lead)) and len(words(item.lead)) >= 2:
        sentences = [end_with_period(item.lead)] + sentences
    for child in item.children:
        sentences += [end_with_period(s) for s in split_sentences(child.full)]
    sentences = [tidy(s) for s in sentences if _usable(s, scope) and not is_question(s)]
    if not sentences or opens_with_reference(sentences[0]):
        return []
    headline, first = _headline(sentences[0])
    if len(headline) > MAX_HEADLINE:
        return []
    return [Draft(headline=headline, sentences=[first] + sentences[1:1 + MAX_CONTEXT_SENTENCES],
                  section=section.heading, paragraph=block.number, sentence=number,
                  sources=[item.full], context=item.full, score=2.0, kind="item")]


def _combined_list_draft(block: Block, items: list[Item], section: Section, scope: _Scope) -> list[Draft]:
    lead = _list_lead(block, section)
    if lead is None:
        return []
    phrases = [_item_phrase(item) for item in items]
    phrases = [p for p in phrases if p and not personal_details(p, scope.people)]
    if len(phrases) < 2:
        return []
    open_ended = bool(_VERB_ENDING.search(lead))
    clause = (not open_ended and block.lead_in is not None and _has_verb(lead)
              and not is_fragment(end_with_period(lead)))
    commands = sum(_is_imperative(phrase) for phrase in phrases) * 2 > len(phrases)
    plural_head = not open_ended and not clause and not commands and _looks_plural(lead)
    if open_ended:
        opener = lead + " "
    elif plural_head:
        opener = lead + " include "
    else:
        opener = lead.rstrip(":") + ": "
    texts = []
    for count in range(len(phrases), 1, -1):
        texts.append(end_with_period(opener + _join(phrases[:count])))
    headline = None
    if clause and len(end_with_period(lead)) <= MAX_HEADLINE:
        headline = end_with_period(lead)
    for phrase in phrases if (open_ended or plural_head) else ():
        candidate = end_with_period(opener + phrase)
        if len(candidate) <= MAX_HEADLINE:
            headline = candidate
            break
    if headline is None and commands and not open_ended:
        first = end_with_period(capitalize_first(phrases[0]))
        if len(words(first)) >= 3 and len(first) <= MAX_HEADLINE:
            headline = first
    if headline is None:
        return []
    sources = [block.lead_in or section.heading or ""] + [item.full for item in items]
    return [Draft(headline=headline, sentences=[texts[0]], section=section.heading, paragraph=block.number,
                  sentence=1, sources=sources, context=" ".join(sources), score=2.0, kind="list", fixed_text=True,
                  extra=texts[1:])]


def _list_lead(block: Block, section: Section) -> str | None:
    if block.lead_in and not _VAGUE_LEAD.match(block.lead_in):
        sentences = split_sentences(block.lead_in)
        last = sentences[-1] if sentences else block.lead_in
        if opens_with_reference(last) or is_promotion(last):
            return None
        return capitalize_first(compress(last.rstrip().rstrip(":").rstrip()))
    heading = section.heading
    if block.lead_in is None and heading and not heading.rstrip().endswith("?") and not re.match(
            r"^(how|why|what|when|where|who|which|is|are|can|should|do|does)\b", heading, re.IGNORECASE):
        return _sentence_case(heading)
    return None


def _looks_plural(phrase: str) -> bool:
    head = re.split(r"\s+(?:a|an|the|to|that|for|of|when|who|your|you|in|on|with|partners?|people)\b", phrase,
                    maxsplit=1)[0]
    last = words(head)[-1:] if words(head) else []
    return bool(last) and last[0].lower().endswith("s") and not last[0].lower().endswith("ss")


def _sentence_case(heading: str) -> str:
    parts = heading.split()
    out = [parts[0]]
    for word in parts[1:]:
        keep = word == "I" or word.startswith(("I’", "I'")) or (len(word) > 1 and word[1:2].isupper())
        out.append(word if keep else word[:1].lower() + word[1:])
    return " ".join(out)


def _item_phrase(item: Item) -> str | None:
    text = (split_sentences(item.full.strip()) or [""])[0]
    if not text or is_question(text):
        return None
    text = re.sub(r"[.;:,]+$", "", text).strip()
    return lower_first(text)


def _join(phrases: list[str]) -> str:
    separator = "; " if any("," in p for p in phrases) else ", "
    if len(phrases) == 2 and separator == ", ":
        return f"{phrases[0]} and {phrases[1]}"
    return separator.join(phrases[:-1]) + f"{separator}and {phrases[-1]}"


# --- duplicates, length, the finished tip --------------------------------------------------------

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


def _finish(draft: Draft, scope: _Scope, fits: Fits, used_ids: set[str]) -> Tip | None:
    flags = review_flags(draft.text, context=draft.context, heading=draft.section or "", names=scope.people)
    sensitive = "sensitive" in flags
    text = _fitting_text(draft, sensitive, fits)
    if text is None:
        return None
    if "privacy" in flags or personal_details(text, scope.people):
        flags = tuple(dict.fromkeys(flags + ("privacy",)))
    tip_id = _unique_id(slugify(draft.headline), used_ids)
    digest = hashlib.sha1("\n".join(draft.sources).encode("utf-8")).hexdigest()[:12]
    return Tip(id=tip_id, headline=draft.headline, text=text, status="draft", section=draft.section,
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
