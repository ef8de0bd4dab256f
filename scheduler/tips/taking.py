"""A passage split left out, made a tip in one step: `split ARTICLE --take b12` (or `b12.3` for a list item).

The tip has its headline from the passage's first sentence, its text the passage fitted to a post, its flags, a
note naming the passage and a `source` with the passage's digest. A later split keeps it as a person's tip while
its passage reads the same (wherever it moved: the note follows it), and marks it stale once the passage changed or
left the article, as it does split's own tips. The block report then shows the passage as feeding that tip.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace

from scheduler.campaigns.file import Tip, TipStatus, unique_id
from scheduler.errors import ContentError
from scheduler.tips.drafts import LONG_HEADLINE, make_headline
from scheduler.tips.flags import flag_words
from scheduler.tips.sensitivity import sensitive_phrases
from scheduler.tips.sentences import end_with_period, slugify, split_sentences
from scheduler.tips.unsaid import crisis_advice, folded, unsaid_kind, unsaid_phrases

LOCATOR = re.compile(r"^b(\d+)(?:\.(\d+))?$")
TAKEN_NOTE = "taken by hand from {locator}: check it stands alone"
CUT_NOTE = "a sentence of a sensitive topic ({phrases}) did not fit the post: write it into a tip by hand"
_TAKEN = re.compile(r"^taken by hand from (b\d+(?:\.\d+)?)\b")


def passage_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _passages(blocks: list[dict]):
    """Every passage of the block report that can be taken: (locator, its words, its section)."""
    for entry in blocks:
        if entry["kind"] == "list":
            yield entry["locator"], " ".join(end_with_period(i["text"]) for i in entry["items"]), entry["section"]
            for item in entry.get("items") or []:
                yield item["locator"], item["text"], entry["section"]
        else:
            yield entry["locator"], entry["text"], entry["section"]


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
    items = entry.get("items") or []
    if item is not None and not 1 <= int(item) <= len(items):
        raise ContentError(f"{shown}: block b{number} has no item {item}"
                           + (f"; it has {len(items)}" if items else "; it is not a list"))
    wanted = f"b{number}" + (f".{int(item)}" if item is not None else "")
    return next((text, section) for at, text, section in _passages([entry]) if at == wanted)


def taken_source(locator: str, text: str) -> dict:
    """The `source` of a tip taken from the passage at `locator`: its block, its item (1 for a whole block) and
    the digest of its words."""
    match = LOCATOR.match(locator.strip())
    if match is None:
        return {}
    return {"paragraph": int(match.group(1)), "sentence": int(match.group(2) or 1), "digest": passage_digest(text)}


def still_there(tips, blocks: list[dict]) -> dict[str, Tip]:
    """The tips taken before whose passage still reads the same, by id, each with its source and note following
    the passage to where it is now (a paragraph added above it moves b12 to b13)."""
    where = {passage_digest(text): locator for locator, text, _ in _passages(blocks)}
    found = {}
    for tip in tips:
        locator = where.get(tip.source.get("digest", ""))
        taken = next((note for note in tip.notes if _TAKEN.match(note)), None)
        if locator is None or taken is None:
            continue
        notes = tuple(TAKEN_NOTE.format(locator=locator) if note == taken else note for note in tip.notes)
        found[tip.id] = replace(tip, source={**taken_source(locator, ""), "digest": tip.source["digest"]}, notes=notes)
    return found


def take(text: str, locator: str, fits, used_ids: set[str], *, section: str | None = None,
         people: frozenset[str] = frozenset(), source: dict | None = None, title: str = "",
         carried: Sequence[str] = ()) -> Tip:
    """The passage as a draft tip; `source`: where it is in the article (taken_source), {} for words a person
    selected, which a later split keeps as they are. `carried`: the words of the tips the passage already gave
    (unsaid.carried_text): a sentence of a sensitive topic none of them holds is what split named the passage for,
    so the tip keeps it and leaves out first what those tips say already (user trial 4: `--take b12` copied its
    tip and cut the warning signs it was taken for)."""
    sentences = split_sentences(text) or [text]
    # the sentences the take is for: a sensitive one no tip carries, or a crisis-line paragraph's advice
    needed = {index for index, sentence in enumerate(sentences)
              if unsaid_phrases(sentence, carried) and unsaid_kind(sentence) != "crisis line"}
    if not carried and not needed:
        needed = {index for index, sentence in enumerate(sentences) if crisis_advice(sentence)}
    said = {index for index, sentence in enumerate(sentences)
            if index not in needed and carried and any(folded(sentence) in tip for tip in carried)}
    kept = [index for index in range(len(sentences)) if index not in said] or list(range(len(sentences)))
    if kept[0] and len(make_headline(end_with_period(sentences[kept[0]].strip()))[0]) > LONG_HEADLINE:
        kept.insert(0, 0)  # "Other warning signs include …" is no card's headline: the passage's opening is
    everything = headline_of(sentences, kept, locator)[0] + " " + " ".join(sentences)
    found = flag_words(everything, heading=section or "", names=people, title=title)
    while len(kept) > 1 and not fits(" ".join(body_of(sentences, kept, locator)), "sensitive" in found):
        # the last sentence the take is not for (never the one the headline comes from); when only those it is for
        # are left and still do not fit, the last of them: the note below says which did not fit
        spare = [index for index in kept[1:] if index not in needed] or kept[1:]
        kept.remove(spare[-1])
    headline, body = headline_of(sentences, kept, locator)[0], body_of(sentences, kept, locator)
    # the reasons name words the tip says; a flag the whole passage raised stays even when its words were cut
    found = {**found, **flag_words(headline + " " + " ".join(body), heading=section or "", names=people, title=title)}
    tip_id = unique_id(slugify(headline), set(used_ids))
    flags = tuple(flag for flag in ("sensitive", "privacy") if flag in found)
    # a flag raised by words the post no longer holds would hide the cut: it is said (a user trial's b14); a
    # sentence another tip of the passage carries is not cut from the article's tips
    cut = [f"“{phrase}”" for index, sentence in enumerate(sentences) if index not in kept and index not in said
           for phrase in sensitive_phrases(sentence)]
    notes = (TAKEN_NOTE.format(locator=locator),) + ((CUT_NOTE.format(phrases=", ".join(dict.fromkeys(cut))),)
                                                     if cut else ())
    return Tip(id=tip_id, headline=headline, text=" ".join(body), status=TipStatus.DRAFT, section=section, source=source or {},
               review=flags, notes=notes,
               review_words={flag: tuple(found[flag]) for flag in flags})


def headline_of(sentences: list[str], kept: list[int], locator: str) -> tuple[str, str]:
    """The card's headline from the first sentence kept, and that sentence as the text opens with it."""
    headline, first = make_headline(end_with_period(sentences[kept[0]].strip()))
    if len(headline) > LONG_HEADLINE:
        raise ContentError(f"--take {locator}: its first sentence is too long for a card ({len(headline)} "
                           "characters); write this tip by hand in the campaign file")
    return headline, first


def body_of(sentences: list[str], kept: list[int], locator: str) -> list[str]:
    return [headline_of(sentences, kept, locator)[1]] + [sentences[index] for index in kept[1:]]


def taken_locators(tips) -> dict[str, list[str]]:
    """locator -> ids of the tips a person took from it (read back from their notes)."""
    found: dict[str, list[str]] = {}
    for tip in tips:
        for note in tip.notes:
            match = _TAKEN.match(note)
            if match:
                found.setdefault(match.group(1), []).append(tip.id)
    return found
