"""A passage split left out, made a tip in one step: `split ARTICLE --take b12` (or `b12.3` for a list item).

The tip is written like one a person adds by hand (no `source`, so later splits keep it as it is), with its
headline from the passage's first sentence, its text the passage fitted to a post, its flags and a note
naming the passage. The block report then shows the passage as feeding that tip.
"""

from __future__ import annotations

import re

from scheduler.campaigns.file import Tip, TipStatus
from scheduler.errors import ContentError
from scheduler.tips.drafts import LONG_HEADLINE, make_headline
from scheduler.tips.flags import flag_words
from scheduler.tips.sentences import end_with_period, slugify, split_sentences

LOCATOR = re.compile(r"^b(\d+)(?:\.(\d+))?$")
TAKEN_NOTE = "taken by hand from {locator}: check it stands alone"
_TAKEN = re.compile(r"^taken by hand from (b\d+(?:\.\d+)?)\b")


def passage(blocks: list[dict], locator: str, shown: str) -> tuple[str, str | None]:
    """The words at `locator` in the block report and their section, or a ContentError naming what to give."""
    match = LOCATOR.match(locator.strip())
    if not match:
        raise ContentError(f"--take {locator!r}: give a block's locator such as b12, or b12.3 for a list's third "
                           "item (split --json lists them)")
    number, item = int(match.group(1)), match.group(2)
    entry = next((entry for entry in blocks if entry["block"] == number), None)
    if entry is None:
        raise ContentError(f"{shown} has no block {locator}; it has b1 to b{len(blocks)} (see split --json)")
    if item is None:
        if entry["kind"] == "list":
            return " ".join(end_with_period(i["text"]) for i in entry["items"]), entry["section"]
        return entry["text"], entry["section"]
    items = entry.get("items") or []
    if not 1 <= int(item) <= len(items):
        raise ContentError(f"{shown}: block b{number} has no item {item}"
                           + (f"; it has {len(items)}" if items else "; it is not a list"))
    return items[int(item) - 1]["text"], entry["section"]


def take(text: str, locator: str, fits, used_ids: set[str], *, section: str | None = None,
         people: frozenset[str] = frozenset()) -> Tip:
    sentences = split_sentences(text) or [text]
    headline, first = make_headline(end_with_period(sentences[0].strip()))
    if len(headline) > LONG_HEADLINE:
        raise ContentError(f"--take {locator}: its first sentence is too long for a card ({len(headline)} "
                           "characters); write this tip by hand in the campaign file")
    body = [first] + sentences[1:]
    found = flag_words(headline + " " + " ".join(body), heading=section or "", names=people)
    while len(body) > 1 and not fits(" ".join(body), "sensitive" in found):
        body.pop()
    tip_id = slugify(headline)
    base, number = tip_id, 2
    while tip_id in used_ids:
        tip_id, number = f"{base}-{number}", number + 1
    flags = tuple(flag for flag in ("sensitive", "privacy") if flag in found)
    return Tip(id=tip_id, headline=headline, text=" ".join(body), status=TipStatus.DRAFT, section=section, source={},
               review=flags, notes=(TAKEN_NOTE.format(locator=locator),),
               review_words={flag: tuple(found[flag]) for flag in flags})


def taken_locators(tips) -> dict[str, list[str]]:
    """locator -> ids of the tips a person took from it (read back from their notes)."""
    found: dict[str, list[str]] = {}
    for tip in tips:
        for note in tip.notes:
            match = _TAKEN.match(note)
            if match:
                found.setdefault(match.group(1), []).append(tip.id)
    return found
