"""Lists and examples of what to say, into tips.

A list becomes one tip that carries its lead-in ("Common reasons a partner may resist include ..."),
or one tip per item when each item says something by itself; a quoted example of what to say
becomes a "Try saying: “...”" tip, and an example of what not to say becomes nothing.
"""

from __future__ import annotations

import re

from scheduler.articles import Block, Item, Section
from scheduler.tips.drafts import (MAX_CONTEXT_SENTENCES, MAX_HEADLINE, Draft, Scope, has_verb, is_imperative,
                              make_headline, usable)
from scheduler.tips.flags import personal_details
from scheduler.tips.sentences import capitalize_first, end_with_period, lower_first, split_sentences, words
from scheduler.tips.filters import compress, is_fragment, is_meta, is_promotion, is_question, opens_with_reference, tidy

_SAY = re.compile(r"\b(?:say(?:ing)?|try|ask(?:ing)?|tell(?:ing)?|like|example|instance|could|might)\b[^“\"]{0,40}?[,:]?\s*"
                  r"[“\"]([^”\"]{8,})[”\"]\s*[.!?]?\s*$", re.IGNORECASE)


_EXAMPLE_LEAD = re.compile(r"\b(for example|for instance|such as|try saying|you (?:might|could|can) say|say something like|"
                           r"examples?|phrases?|statements?|saying|scripts?|you might try|try)\b[^.]*:?\s*$",
                           re.IGNORECASE)


_NOT_TO_SAY = re.compile(r"\b(avoid|don’t|don't|do not|never|stop|instead of|rather than|not|won’t|won't|can’t|can't|"
                         r"criticism|blame|blaming|hurtful|harsh)\b", re.IGNORECASE)


def introduces_example(text: str) -> bool:
    return bool(text) and text.rstrip().endswith(":") and bool(_EXAMPLE_LEAD.search(text))


def spoken_example(sentence: str) -> str | None:
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


def example_drafts(examples, block: Block, section: Section, scope: Scope, *, sentence: int = 1) -> list[Draft]:
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


_VERB_ENDING = re.compile(r"\b(include|includes|including|are|is|can|could|might|may|help|helps|you|to|like|mean|"
                          r"means|involve|involves|try|with|about|for|of|by|as|need|needs|want|wants|should)$",
                          re.IGNORECASE)


_VAGUE_LEAD = re.compile(r"^(for example|for instance|examples?|such as|here are|here’s|here's|try these|"
                         r"these include|some examples|consider these|a few|the following|they include|"
                         r"this includes|this can look like|it can look like)\b", re.IGNORECASE)


def list_drafts(block: Block, section: Section, previous: Block | None, scope: Scope) -> list[Draft]:
    items = [item for item in block.items if not is_meta(item.full) and not is_promotion(item.full, scope.names)]
    if not items:
        return []
    quoted = [_quoted(item.full) for item in items]
    if all(quoted):
        return example_drafts([item.full for item in items], block, section, scope)
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
    return not is_fragment(end_with_period(text)) and (is_imperative(text) or has_verb(text))


def _item_drafts(item: Item, number: int, block: Block, section: Section, scope: Scope) -> list[Draft]:
    sentences = split_sentences(item.text)
    if item.lead and _is_statement(end_with_period(item.lead)) and len(words(item.lead)) >= 2:
        sentences = [end_with_period(item.lead)] + sentences
    for child in item.children:
        sentences += [end_with_period(s) for s in split_sentences(child.full)]
    sentences = [tidy(s) for s in sentences if usable(s, scope) and not is_question(s)]
    if not sentences or opens_with_reference(sentences[0]):
        return []
    headline, first = make_headline(sentences[0])
    if len(headline) > MAX_HEADLINE:
        return []
    return [Draft(headline=headline, sentences=[first] + sentences[1:1 + MAX_CONTEXT_SENTENCES],
                  section=section.heading, paragraph=block.number, sentence=number,
                  sources=[item.full], context=item.full, score=2.0, kind="item")]


def _combined_list_draft(block: Block, items: list[Item], section: Section, scope: Scope) -> list[Draft]:
    lead = _list_lead(block, section)
    if lead is None:
        return []
    phrases = [_item_phrase(item) for item in items]
    phrases = [p for p in phrases if p and not personal_details(p, scope.people)]
    if len(phrases) < 2:
        return []
    open_ended = bool(_VERB_ENDING.search(lead))
    clause = (not open_ended and block.lead_in is not None and has_verb(lead)
              and not is_fragment(end_with_period(lead)))
    commands = sum(is_imperative(phrase) for phrase in phrases) * 2 > len(phrases)
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
