"""The sensitive sentences a block's tips leave unsaid: named in the block report and on the block's tips.

A block that gives a tip from one sentence may hold another, of suicide, self-harm, abuse or a crisis, that no tip
carries (a user trial: "thoughts of not wanting to be here ... please reach out to someone right away" vanished
behind the tip "Sometimes work anxiety grows into something heavier."). Such a sentence is never dropped without a
word: the block report names it as left out, with how to take it, and each tip of the block carries a note that its
paragraph speaks of it (unless it is flagged `sensitive` already, which asks the same). A note rather than the `sensitive` flag: the tip's own words do not speak of the topic, and a
crisis footer under them is a needless footer to readers; the manager reads the paragraph and decides (round 24: a
passage of suicide, self-harm, a crisis line or an emergency flagged its tips for a while; 13 of 13 such tips of the
frozen set were judged to need no footer, so a heading that names an emergency flags its section, and a passage only
notes its tips).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from scheduler.articles import Article
from scheduler.campaigns.file import REVIEW_FLAGS, Tip
from scheduler.tips.edges import edge_reason
from scheduler.tips.ledger import (
    CRISIS_LINE,
    CRISIS_LINE_WHY,
    Ledger,
    Locator,
    locator_name,
)
from scheduler.tips.persons import NAMED
from scheduler.tips.sensitivity import lexicon_phrases, sensitive_phrases
from scheduler.tips.sentences import end_with_period, split_sentences
from scheduler.tips.verbs import is_command

UNSAID_NOTE = "its {passage} also speaks of a sensitive topic ({phrases}), in no tip: read {locator} before posting"
# A sentence only the topic reader flags is named too, but not as a sensitive topic with the reader's words as the
# reason: those words are everyday ones ("a friend", "thing to", "anymore", "gone"), on the corpus's crisis phrasings
# as on ordinary advice, so the manager is shown more of the sentence and told whose guess it is (docs/splitting.md,
# "Sentences left out: what the summary names").
_UNSAID_OPENING = re.compile(r"its (?:paragraph|list item) also speaks of a sensitive topic \(")


def read_first(tip: Tip) -> str | None:
    """The note `name_unsaid` gave `tip` if its passage speaks of a sensitive topic in no tip: `approve` repeats it,
    as such a tip is noted, not flagged, and so approved with the rest (a user trial, 2026-12-06; flagging it put the
    crisis footer on 34 tips of the frozen set that needed none: docs/splitting.md)."""
    return next((note for note in tip.notes if _UNSAID_OPENING.match(note)), None)


def flagged_in_place_of_the_note(before: Iterable[Tip], fresh: Iterable[Tip]) -> tuple[Tip, ...]:
    """A campaign's tips (`before`), each that an earlier split noted (read_first) and that split now flags
    `sensitive` from the same passage (same digest) flagged as split flags it now: the note stood in for the flag, no
    person took a flag off it, so splitting the article again brings the crisis footer to a campaign split before
    (the user trial's tips had gone through approve with the note). An approved tip stays approved and is held
    until a person acknowledges the flag, as any unacknowledged flag holds a tip."""
    flagged = {tip.source["digest"]: tip for tip in fresh if tip.sensitive and tip.source.get("digest")}
    kept = []
    for tip in before:
        now = flagged.get(tip.source.get("digest", ""))
        if now is not None and not tip.sensitive and read_first(tip) is not None:
            tip = replace(tip, review=tuple(flag for flag in REVIEW_FLAGS if flag in (*tip.review, "sensitive")),
                          review_words={**tip.review_words, "sensitive": now.review_words.get("sensitive", ())})
        kept.append(tip)
    return tuple(kept)


READER_ONLY = "a sentence only the topic reader takes as perhaps sensitive (the lexicon names nothing in it) is in no tip"
READER_WORDS = 16  # how much of such a sentence is quoted: its reason is the sentence, not a word of it


def _passages(article: Article) -> Iterable[tuple[Locator, str]]:
    for _, block in article.blocks():
        if block.kind == "list":
            yield from (((block.number, number), item.full) for number, item in enumerate(block.items, 1))
        else:
            yield (block.number, None), block.text if not block.lead else f"{block.lead} {block.text}"


def folded(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _unsaid(text: str, carried: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The passage's sensitive sentences with their phrases, those whose phrases no tip in `carried` holds."""
    return [(sentence, phrases) for sentence in split_sentences(text) if (phrases := unsaid_phrases(sentence, carried))]


def unsaid_phrases(sentence: str, carried: Iterable[str]) -> tuple[str, ...]:
    """The sentence's sensitive phrases when no tip of `carried` (headline and text, as carried_text gives them)
    holds them all, else (): whether a sentence of a passage that gave tips is left out and sensitive."""
    phrases = sensitive_phrases(sentence)
    if phrases and not any(all(folded(phrase) in tip for phrase in phrases) for tip in carried):
        return phrases
    return ()


def carried_text(tip: Tip) -> str:
    """A tip's words as unsaid_phrases looks for a sentence's phrases in them; a pronoun the tip names as the
    article's person ("things that matter to your partner", persons.NAMED) carries the article's "them" too."""
    said = f"{tip.headline} {tip.text}"
    for note in tip.notes:
        named = _NAMED.match(note)
        if named:
            person = named.group("person")
            said += " " + re.sub(rf"\b{re.escape(person)}\b", named.group("pronoun"), said, flags=re.IGNORECASE)
    return folded(said)


_NAMED = re.compile("^" + re.escape(NAMED).replace(re.escape("“{}”"), "“(?P<pronoun>[^”]+)”", 1)
                    .replace(re.escape("“{}”"), "“(?P<person>[^”]+)”", 1))


def unsaid_kind(sentence: str) -> str:
    """What kind of sensitive sentence left out this is: "crisis line" (left out by design: the crisis footer says
    it), "topic" (the lexicon names a sensitive topic in it) or "guess" (only the topic reader takes it as perhaps
    sensitive)."""
    if edge_reason(sentence) == CRISIS_LINE:
        return "crisis line"
    return "topic" if lexicon_phrases(sentence) else "guess"


# A crisis-line paragraph that also tells the reader what to do ("do not keep it a secret", "ask them directly",
# "stay with them") is not boilerplate: the footer gives the number to the person in crisis, not the advice to the
# one beside them (user trial 4, b13). Its report opens with this, so split's summary and the studio warn of it.
CRISIS_ADVICE = "a crisis-line paragraph also gives advice beyond the number, and no tip carries it"
_CLAUSES = re.compile(r"\s*(?:[,;:]\s+(?:and\s+|but\s+|then\s+)?|\s+and\s+(?=[a-z]))")
_HELP = re.compile(r"^(?:please\s+)?(?:reach out|get help|ask for help)\b[^,]{0,30}$", re.IGNORECASE)  # the footer's own
_CONDITION = re.compile(r"^(?:if|when|whenever|once|as soon as|should)\b[^,]*$", re.IGNORECASE)


def crisis_advice(sentence: str) -> bool:
    """A clause of the sentence tells the reader what to do beyond calling the line: a command ("Stay with them",
    "do not keep it a secret", "ask them directly") that is not itself the call ("call or text 988", "call 911")."""
    for clause in _CLAUSES.split(sentence.strip()):
        clause = clause.strip().rstrip(".!")
        if not clause or _CONDITION.match(clause) or _HELP.match(clause):
            continue
        command = clause[0].upper() + clause[1:]
        if (is_command(command) or re.match(r"^(?:do not|don['’]t|never)\b", clause, re.IGNORECASE)) \
                and edge_reason(end_with_period(command)) != CRISIS_LINE:
            return True
    return False


def crisis_advice_sentences(text: str) -> list[str]:
    """The sentences of a crisis-line passage that give advice beyond the number (crisis_advice)."""
    return [sentence for sentence in split_sentences(text) if crisis_advice(sentence)]


def opening(text: str, words: int = 8) -> str:
    """The text's first words, an ellipsis after them when there are more: how a summary names a passage."""
    said = text.split()
    return " ".join(said[:words]) + ("…" if len(said) > words else "")


def _quoted(phrases: Iterable[str]) -> str:
    return ", ".join(f"“{phrase}”" for phrase in dict.fromkeys(phrases))


def unsaid_reasons(unsaid: list[tuple[str, tuple[str, ...]]], name: str, *, taken: bool = False) -> list[str]:
    """What the block report says of each sensitive sentence in no tip, the lexicon's first (splitter reads the first);
    `taken`: a tip was taken of the passage by hand and still leaves it out."""
    reasons = []
    take = "write it into a tip by hand" if taken else f"split --take {name} makes a tip of the passage"
    for sentence, phrases in sorted(unsaid, key=lambda found: not lexicon_phrases(found[0])):
        said = f"“{opening(sentence)}”"
        kind = unsaid_kind(sentence)
        if kind == "crisis line":
            reasons.append(f"a crisis-line sentence is in no tip: {said}, {CRISIS_LINE_WHY}")
        elif kind == "topic":
            reasons.append(f"a sentence that speaks of a sensitive topic ({_quoted(phrases)}) is in no tip"
                           f"{', not even the one taken by hand' if taken else ''}: {said} ({take})")
        else:
            reasons.append(f"{READER_ONLY}: “{opening(sentence, READER_WORDS)}” (read it; {take})")
    return reasons


def still_unsaid(text: str, tips: Iterable[Tip], name: str) -> str | None:
    """After a person took tips of the passage: what the report still says of its sensitive sentences in no tip
    (the crisis-line ones are the footer's), None when every one is carried now."""
    unsaid = [(sentence, phrases) for sentence, phrases in _unsaid(text, [carried_text(tip) for tip in tips])
              if unsaid_kind(sentence) != "crisis line"]
    return "; ".join(unsaid_reasons(unsaid, name, taken=True)) or None


def name_unsaid(article: Article, tips: list[Tip], ledger: Ledger) -> list[Tip]:
    """The tips, those of a passage with a sensitive sentence none of them carries noted; the ledger told of each
    such sentence (Ledger.unsaid), so the block report names it as left out."""
    by_id = {tip.id: tip for tip in tips}
    notes: dict[str, list[str]] = {}
    for locator, text in _passages(article):
        fed = [by_id[tip_id] for tip_id in ledger.fed.get(locator, []) if tip_id in by_id]
        if not fed:  # a passage that gave no tip is left out whole, with its reason; a crisis line's advice is warned of
            advice = crisis_advice_sentences(text) if CRISIS_LINE in ledger.reasons.get(locator, ()) else []
            if advice:
                ledger.unsay(locator, f"{CRISIS_ADVICE}: “{opening(advice[0], READER_WORDS)}” (split --take "
                                      f"{locator_name(locator)} makes a tip of the passage)")
            continue
        unsaid = _unsaid(text, [carried_text(tip) for tip in fed])
        if not unsaid:
            continue
        for reason in unsaid_reasons(unsaid, locator_name(locator)):
            ledger.unsay(locator, reason)
        # the note only for the lexicon's words: the topic reader, on a lone sentence, also flags "what you would
        # tell a friend who said the same thing to you", and a note holds a tip back from ready
        noted = [p for sentence, _ in unsaid if unsaid_kind(sentence) != "crisis line" for p in lexicon_phrases(sentence)]
        if not noted:
            continue
        note = UNSAID_NOTE.format(passage="paragraph" if locator[1] is None else "list item", phrases=_quoted(noted),
                                  locator=locator_name(locator))
        for tip in fed:
            if tip.sensitive:
                continue  # its flag already asks a person to read it, and it goes out with the crisis footer
            notes.setdefault(tip.id, []).append(note)
    return [replace(tip, notes=tip.notes + tuple(notes[tip.id]), ready=False) if tip.id in notes else tip for tip in tips]
