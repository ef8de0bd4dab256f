"""The sensitive sentences a block's tips leave unsaid: named in the block report and on the block's tips.

A block that gives a tip from one sentence may hold another, of suicide, self-harm, abuse or a crisis, that no tip
carries (a user trial: "thoughts of not wanting to be here ... please reach out to someone right away" vanished
behind the tip "Sometimes work anxiety grows into something heavier."). Such a sentence is never dropped without a
word: the block report names it as left out, with how to take it.

Each tip of such a block is flagged `sensitive` when the lexicon (never the topic reader's guess) names the topic in
the sentence left out: the tip is part of that passage's message to a follower (a user trial: "Taking these words
seriously is always the right choice" stood for the teen's talk of dying, and went out with no flag, so no crisis
footer). The flag holds it at `approve` until a person acknowledges it, and its posts carry the crisis footer; its
note names the passage and the words, since the tip's own words do not show why it is flagged. A tip that would no
longer fit a post with the footer is left out, its passage's reason saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from scheduler.articles import Article
from scheduler.campaigns.file import PASSAGE_FLAG, Tip
from scheduler.tips.edges import edge_reason
from scheduler.tips.ledger import (
    CRISIS_LINE,
    CRISIS_LINE_WHY,
    Ledger,
    Locator,
    locator_name,
)
from scheduler.tips.sensitivity import lexicon_phrases, sensitive_phrases
from scheduler.tips.sentences import split_sentences

TOO_LONG_FOOTER = "too long for a post with the crisis footer, which its passage's sensitive sentence calls for"
Fits = Callable[[str, bool], bool]  # fits(text, sensitive): whether the posted text fits (drafting.Fits)
# A sentence only the topic reader flags is named too, but not as a sensitive topic with the reader's words as the
# reason: those words are everyday ones ("a friend", "thing to", "anymore", "gone"), on the corpus's crisis phrasings
# as on ordinary advice, so the manager is shown more of the sentence and told whose guess it is (docs/splitting.md,
# "Sentences left out: what the summary names").
READER_ONLY = "a sentence only the topic reader takes as perhaps sensitive (the lexicon names nothing in it) is in no tip"
READER_WORDS = 16  # how much of such a sentence is quoted: its reason is the sentence, not a word of it


def _passages(article: Article) -> Iterable[tuple[Locator, str]]:
    for _, block in article.blocks():
        if block.kind == "list":
            yield from (((block.number, number), item.full) for number, item in enumerate(block.items, 1))
        else:
            yield (block.number, None), block.text if not block.lead else f"{block.lead} {block.text}"


def _folded(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _unsaid(text: str, carried: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The passage's sensitive sentences with their phrases, those whose phrases no tip in `carried` holds."""
    found = []
    for sentence in split_sentences(text):
        phrases = sensitive_phrases(sentence)
        if phrases and not any(all(_folded(phrase) in tip for phrase in phrases) for tip in carried):
            found.append((sentence, phrases))
    return found


def opening(text: str, words: int = 8) -> str:
    """The text's first words, an ellipsis after them when there are more: how a summary names a passage."""
    said = text.split()
    return " ".join(said[:words]) + ("…" if len(said) > words else "")


def _quoted(phrases: Iterable[str]) -> str:
    return ", ".join(f"“{phrase}”" for phrase in dict.fromkeys(phrases))


def name_unsaid(article: Article, tips: list[Tip], ledger: Ledger, fits: Fits) -> list[Tip]:
    """The tips, those of a passage with a sentence the lexicon names sensitive that none of them carries flagged
    `sensitive` with a note why (or left out when the crisis footer would not fit); the ledger told of each such
    sentence (Ledger.unsaid), so the block report names it as left out."""
    by_id = {tip.id: tip for tip in tips}
    notes: dict[str, list[str]] = {}
    for locator, text in _passages(article):
        fed = [by_id[tip_id] for tip_id in ledger.fed.get(locator, []) if tip_id in by_id]
        if not fed:
            continue  # a passage that gave no tip is left out whole, with its reason
        unsaid = _unsaid(text, [_folded(f"{tip.headline} {tip.text}") for tip in fed])
        if not unsaid:
            continue
        name = locator_name(locator)
        # the lexicon's sentences first, so a passage's report opens on what is surely sensitive (splitter reads it)
        for sentence, phrases in sorted(unsaid, key=lambda found: not lexicon_phrases(found[0])):
            said = f"“{opening(sentence)}”"
            if edge_reason(sentence) == CRISIS_LINE:
                ledger.unsay(locator, f"a crisis-line sentence is in no tip: {said}, {CRISIS_LINE_WHY}")
            elif lexicon_phrases(sentence):
                ledger.unsay(locator, f"a sentence that speaks of a sensitive topic ({_quoted(phrases)}) is in no tip: "
                                      f"{said} (split --take {name} makes a tip of the passage)")
            else:
                ledger.unsay(locator, f"{READER_ONLY}: “{opening(sentence, READER_WORDS)}” (read it; split --take "
                                      f"{name} makes a tip of the passage)")
        # the flag only for the lexicon's words: the topic reader, on a lone sentence, also flags "what you would
        # tell a friend who said the same thing to you", and the flag holds a tip and puts the footer under it
        noted = [p for sentence, _ in unsaid if edge_reason(sentence) != CRISIS_LINE for p in lexicon_phrases(sentence)]
        if not noted:
            continue
        note = PASSAGE_FLAG.format(passage="paragraph" if locator[1] is None else "list item", phrases=_quoted(noted),
                                   locator=name)
        for tip in fed:
            if tip.sensitive:
                continue  # its flag already asks a person to read it, and it goes out with the crisis footer
            notes.setdefault(tip.id, []).append(note)
    flagged = []
    for tip in tips:
        if tip.id not in notes:
            flagged.append(tip)
        elif not fits(tip.text, True):
            ledger.unfeed(tip.id, TOO_LONG_FOOTER)
        else:
            flagged.append(replace(tip, review=("sensitive", *tip.review), notes=tip.notes + tuple(notes[tip.id]),
                                   ready=False))
    return flagged
