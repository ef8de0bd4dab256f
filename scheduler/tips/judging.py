"""An edited tip (or one whose flag a person took off) judged as split judges a tip it writes: split's rules read the edited words (what they point at,
whom they speak to, their length, a short line alone), the tip model reads them with the tip's place in its
article (which an edit does not move), and the tip is ready only when split would call those words ready.

A note about words the edit did not change, or that still holds of the new words, stays; one goes only when the
edit removed what it named ("points at “the topic”" once the tip names it). The studio's Save and "This flag is wrong"
and split run again over a campaign a person edited (`reread`) judge with these same functions.

A person who rewrites how the text opens (its first words) has read the tip as a whole and written its start (issue 19,
item 2): what split said of the place its words stood in (mid-paragraph, after a question or a colon) no longer
holds, and the tip model reads the new words as opening a section (reopened_place). What still holds of the words
(a pointer with nothing to point at, a flag, markup) is read again from them and stays."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scheduler.articles import Article, read_article
from scheduler.campaigns.file import Campaign, Reread, Tip, article_file
from scheduler.errors import ContentError
from scheduler.tips.cardfit import CardCheck
from scheduler.tips.readiness import (
    FLAGS,
    OPENING_REWRITTEN,
    held_back_notes,
    is_ready,
    notes_after_edit,
    review_notes,
)
from scheduler.tips.scorer import REASONS
from scheduler.tips.sentences import split_sentences, words
from scheduler.tips.standalone import CARRIED_QUESTION, is_example_headline
from scheduler.tips.tipmodel import (
    LEANING,
    MODEL_NOTES,
    NOT_OPENING,
    Places,
    judge_tip,
    thresholds,
    tip_features,
    why_not_ready,
)

WORDS = ("headline", "text")


@dataclass(frozen=True)
class Place:
    """Where a tip split took from its article stands there: the tip model's numbers of it (Places.numbers), and
    the article's own words the tip opens on (Places.opening)."""
    numbers: dict[str, float]
    opening: str


_MODEL_SAID = (*MODEL_NOTES, *REASONS.values())


def judged_edit(item: dict, headline: str, text: str, changed, *, flags, others,
                where: Place | None) -> tuple[list[str], bool]:
    """The notes and `ready` of a tip split wrote (`item`, as the file has it) after an edit of its `changed`
    fields to these words. `where`: where it stands in its article (None: its article does not read, and what
    split said of its words' worth stays)."""
    before = [str(note) for note in item.get("notes") or ()]
    notes = notes_after_edit(before, headline, text, changed, flags=flags, others=others,
                             was=str(item.get("headline") or ""))
    notes = [note for note in notes if note != OPENING_REWRITTEN]
    place = where.numbers if where is not None else None
    leaned = not where.numbers.get("opens_section") if where is not None else bool(set(before) & set(LEANS_ON_PLACE))
    if leaned and rewrote_opening(before, str(item.get("text") or ""), text, where.opening if where else ""):
        notes = [note for note in notes if note not in LEANS_ON_PLACE] + [OPENING_REWRITTEN]
        place = reopened_place(place)
    if not set(changed) & set(WORDS):
        if "review" in changed and not flags and is_ready(notes) and place is not None:
            # a flag taken off (the words as they were): ready if split would call them ready unflagged
            return _model_says(notes, headline, text, place, kind="sentence", sensitive=False)
        return notes, is_ready(notes) and bool(item.get("ready"))  # other words never make a held-back tip ready
    kind = "example" if headline.startswith("Try saying") or is_example_headline(headline) else "sentence"
    notes = review_notes(headline, text, notes, kind=kind)  # split's rules on the new words, their place kept
    if CARRIED_QUESTION in notes and not _carried(before, text, str(item.get("text") or "")):
        notes.remove(CARRIED_QUESTION)
    if place is None:  # no reading of its place: what the model said of the old words stays
        notes += [note for note in before if note not in notes and _models(note)]
        return _in_order(notes, headline, text, ()), is_ready(notes)
    return _model_says(notes, headline, text, place, kind=kind, sensitive="sensitive" in flags)


def _model_says(notes: list[str], headline: str, text: str, place: dict[str, float], *, kind: str,
                sensitive: bool) -> tuple[list[str], bool]:
    """The notes with the tip model's reading of the words at their place, and whether the tip is ready."""
    reading = tuple(tip_features(headline, text, notes, ready=is_ready(notes), kind=kind, sensitive=sensitive,
                                 place=place))
    why = why_not_ready(reading, judge_tip(list(reading)).postable, thresholds()) if is_ready(notes) else None
    notes = notes + ([why] if why else [])
    return _in_order(notes, headline, text, reading), is_ready(notes)


# What split said of the place a tip's words stood in, that a person's rewrite of its opening answers; "one item of a
# list" stays (the tip is still drawn from a list, whatever its first words).
LEANS_ON_PLACE = (NOT_OPENING, *(LEANING[name] for name in ("after_question", "after_colon", "mid_paragraph")))


def rewrote_opening(before: list[str], was: str, text: str, article: str = "") -> bool:
    """Whether a person wrote how the tip's text begins: its first OPENING_WORDS words are not the article's own
    where split took the tip from (`article`), and this edit changed them (`was`: the text before it) or an edit
    before it did (its note says so). The text's, not the headline's: the post opens on the text, and a headline
    rewritten over a text still opening "This helps…" leaves the post leaning on the article. Its first words, not
    the whole sentence: what leans on the sentence before ("This", "That is why", "But then") is there, and a word
    changed at the end of a long first sentence keeps it. An opening put back to the article's words (a condition
    split added, taken out) stands where the article has it: what split said of that place holds."""
    opening = _opening_words(text)
    if not opening or opening == _opening_words(article):
        return False
    return OPENING_REWRITTEN in before or opening != _opening_words(was)


def _opening_words(text: str) -> list[str]:
    return [word.lower() for word in words(next(iter(split_sentences(text)), ""))[:OPENING_WORDS]]


OPENING_WORDS = 5


def reopened_place(place: dict[str, float] | None) -> dict[str, float] | None:
    """The place numbers of a tip whose opening a person rewrote: it opens a section, as the first words under a
    heading do (they lean on nothing before them); in a list and its share of the paragraph as they were."""
    if place is None:
        return None
    return {**place, "opens_section": 1.0, "mid_paragraph": 0.0, "after_colon": 0.0, "after_question": 0.0}


def reread(article: Article, cards: CardCheck | None) -> Reread:
    """How split run again judges a kept tip whose words a person edited, or whose flag a person took off: as the
    studio judged the edit (judged_edit), from what split says now of the tip's passage (`fresh`), the fields that
    differ from split's words read as edited, and the headline's card fit checked again (the studio refuses a
    headline that does not fit; a campaign file edited by hand is not refused)."""
    places = Places(article)

    def judged(tip: Tip, fresh: Tip, review: tuple[str, ...], reviewed: tuple[str, ...]):
        changed = [key for key in WORDS if getattr(tip, key) != getattr(fresh, key)]
        changed += ["review"] if any(flag not in review for flag in fresh.review) else []
        flags = [flag for flag in review if flag not in reviewed]
        others = [tip.alt_text or "", *(words for _, words in tip.texts if words)]
        source = tip.source or {}
        where = _where(places, source, tip.text) if source.get("paragraph") else None
        split_wrote = {"headline": fresh.headline, "text": fresh.text, "notes": list(fresh.notes), "ready": fresh.ready}
        notes, ready = judged_edit(split_wrote, tip.headline, tip.text,
                                   changed, flags=flags, others=others, where=where)
        misfit = cards.misfit(tip.headline) if cards is not None and "headline" in changed else None
        if misfit is not None:
            notes, ready = [*notes, misfit[1]], False
        return tuple(notes), (None if fresh.ready is None else ready)

    return judged


def place_of(root: Path, campaign: Campaign, item: dict) -> Place | None:
    """Where the tip split took from its article stands there (None: written by hand, or the article does not
    read now)."""
    source = item.get("source") or {}
    if not isinstance(source, dict) or not source.get("paragraph"):
        return None
    try:
        article = read_article(article_file(root, campaign), root)
    except ContentError:
        return None
    return _where(Places(article), source, str(item.get("text")))


def _where(places: Places, source: dict, text: str) -> Place:
    paragraph, sentence = int(source["paragraph"]), int(source.get("sentence") or 1)
    return Place(places.numbers(paragraph, sentence, text), places.opening(paragraph, sentence))


def _carried(before: list[str], text: str, was: str) -> bool:
    """Whether the question the edited text opens on is the article's: split said so of the words before the
    edit, and the edit kept that opening sentence. A question the person wrote is theirs to judge, and a note
    calling it the article's would be untrue."""
    opening = split_sentences(text)[:1]
    return CARRIED_QUESTION in before and bool(opening) and opening == split_sentences(was)[:1]


def _models(note: str) -> bool:
    """A note the tip model or the scorer gave the words (not a flag's, which follows the flags)."""
    return note.startswith(_MODEL_SAID) and not note.startswith(FLAGS)


def _in_order(notes: list[str], headline: str, text: str, reading) -> list[str]:
    """As split lists a held-back tip's notes (content first, its place's hints); a ready one's as they are."""
    return list(dict.fromkeys(notes)) if is_ready(notes) else list(held_back_notes(notes, headline, text, reading))
