"""A passage split left out, made a tip in one step: `split ARTICLE --take b12` (or `b12.3` for a list item).

The tip has its headline as split makes one (from the passage's first sentence; an advice heading or a later
sentence when that is too long for a card, never a topic heading), its text the passage fitted to a post, its flags, a
note naming the passage and a `source` with the passage's digest. A later split keeps it as a person's tip while
its passage reads the same (wherever it moved: the note follows it), and marks it stale once the passage changed or
left the article, as it does split's own tips. The block report then shows the passage as feeding that tip.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from scheduler.articles import is_dateline
from scheduler.campaigns.file import Tip, TipStatus, unique_id
from scheduler.errors import ContentError
from scheduler.tips.conditions import after_condition
from scheduler.tips.drafts import (
    LATER_SENTENCE,
    LONG_HEADLINE,
    MAX_HEADLINE,
    advice_heading,
    heading_case_notes,
    headline_problem,
    headline_score,
    label_gives_way,
    later_headline,
    long_headline_notes,
    make_headline,
    sentence_case,
    whole_sentence,
)
from scheduler.tips.edges import edge_reason
from scheduler.tips.filters import (
    calls_to_action,
    compress,
    dangling_references,
    dangling_words,
    is_question,
    leaning_words,
    opens_with_reference,
)
from scheduler.tips.flags import flag_words
from scheduler.tips.ledger import CRISIS_LINE
from scheduler.tips.meaning import LEFT_OUT, dropped, keeps_meaning
from scheduler.tips.persons import NAMED, named_person
from scheduler.tips.readiness import is_ready
from scheduler.tips.scorer import Candidate, judge
from scheduler.tips.sensitivity import sensitive_phrases
from scheduler.tips.sentences import (
    end_with_period,
    lower_first,
    slugify,
    split_sentences,
    words,
)
from scheduler.tips.standalone import PEOPLE, orphan_pronoun
from scheduler.tips.unsaid import (
    crisis_advice,
    folded,
    opening,
    unsaid_kind,
    unsaid_phrases,
)
from scheduler.tips.verbs import is_command

LOCATOR = re.compile(r"^b(\d+)(?:\.(\d+))?$")
TAKEN = "taken by hand from {locator}"
TAKEN_NOTE = TAKEN + ": check it stands alone"
LEANS_NOTE = ("left out “{opening}”: “{words}” points outside the tip, so it cannot stand alone in it: write it into "
              "a tip by hand")
STILL_LEANS_NOTE = "“{words}” points outside the tip and no sentence of the passage stands without it: say what it means"
ORPHAN_NOTE = "“{}” names no one in the tip: name who it is"
ROOMLESS_NOTE = ("headline is a later sentence of the passage the post had no room for: check that the card and the "
                 "post read as one tip")
LEANING_HEADLINE = ("the headline {}: no sentence of the passage heads a card alone; check it reads alone on the card "
                    "or write one")
CUT_NOTE = "a sentence of a sensitive topic ({phrases}) did not fit the post: write it into a tip by hand"
# a take of the page's furniture: said plainly, never "check it stands alone" alone (a user trial took the closing
# "Call us today …" and an "Updated March 3, 2024" line and got only that)
PITCH_NOTE = "this is the practice's call to action, not a tip: skip it, or write a tip of the advice by hand"
DATE_NOTE = "this is a date, not a tip: skip it"
# the passage's point is its second sentence and the post has room for one of the two (a user trial: the setup was
# kept and the advice cut)
SETUP_LEFT_NOTE = "kept the passage's advice (“{kept}”) and left out its setup (“{setup}”): {why}"
NO_ROOM = "the post had no room for both"
# a sentence the take leaves out as it seems to lean on words before the passage, said (a user trial: "Sometimes
# worry gets louder at night." went with only "check it stands alone")
SEEMS_TO_LEAN = "it seems to lean on words before the passage; put it back by hand if it reads alone"
LEFT_OUT_NOTE = "left out “{left}”: {why}"
ITEM_NOTE = "one item of a list whose lead-in “{}” is not in the tip: say what the item is"
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


def lead_in_of(blocks: list[dict], locator: str) -> str | None:
    """The lead-in of the list whose item `locator` names ("Watch for:"), the last sentence of the block before its
    items; None for a whole block or a list without one."""
    match = LOCATOR.match(locator.strip())
    if match is None or match.group(2) is None:
        return None
    entry = next((entry for entry in blocks if entry["block"] == int(match.group(1))), None)
    if entry is None or entry["kind"] != "list":
        return None
    before = entry["text"].split("\n")[0].strip()
    last = (split_sentences(before) or [before])[-1].strip() if before and not before.startswith("•") else ""
    return last if last.endswith(":") else None


def list_of_phrases(blocks: list[dict], locator: str) -> tuple[str, list[str]] | None:
    """(the words a whole list of phrases hangs from, its items), for a take of the list (`--take b12`): its lead-in
    sentence, else its heading ("Physically"); None for an item, a paragraph, or a list whose items are sentences."""
    match = LOCATOR.match(locator.strip())
    if match is None or match.group(2) is not None:
        return None
    entry = next((entry for entry in blocks if entry["block"] == int(match.group(1))), None)
    if entry is None or entry["kind"] != "list":
        return None
    items = [item["text"].strip() for item in entry.get("items") or [] if item["text"].strip()]
    if len(items) < 2 or sum(item.rstrip("”\"’)").endswith((".", "!")) for item in items) * 2 > len(items):
        return None
    before = entry["text"].split("\n")[0].strip()
    lead = (split_sentences(before) or [before])[-1].strip() if before and not before.startswith("•") else ""
    lead = lead.rstrip(":").strip() or sentence_case(entry["section"] or "").strip().rstrip(":.?!").strip()
    return (lead, items) if lead else None


PHRASES_NOTE = "a list of phrases taken as one tip after “{lead}”: check it reads as the article meant"


# "… may be present when, after many months or years": a condition its items finish after an aside
_OPEN_CONDITION = re.compile(r"\b(?:if|when|whenever|unless),\s+[^,:;]{2,60}$", re.IGNORECASE)
# "… can also result from", "Signs include": a word that takes the items as its object
_FINISHED_BY_ITEMS = re.compile(r"\b(?:include|includes|including|from|like|such as|of|for|with|about|into|through|"
                                r"by|to|the|a|an|involve|involves)$", re.IGNORECASE)


def _joined(lead: str, items: list[str]) -> str:
    """"Physically: exhaustion and fatigue, appetite changes, and lowered immunity." (items with commas of their own
    are set apart with semicolons); a lead-in the items finish goes on into them ("… can also result from the
    nature of the death", "… when, after many months or years, the pain remains …"), never through a colon."""
    phrases = [lower_first(item.rstrip(" .;,")) for item in items]
    after = ", " if _OPEN_CONDITION.search(lead) else " " if _FINISHED_BY_ITEMS.search(lead) else ": "
    if len(phrases) == 1:
        return end_with_period(f"{lead}{after}{phrases[0]}")
    mark = "; " if any("," in phrase for phrase in phrases) else ", "
    word = "or" if after == ", " else "and"
    return end_with_period(f"{lead}{after}{mark.join(phrases[:-1])}{mark.rstrip()} {word} {phrases[-1]}")


def _list_take(lead: str, items: list[str], locator: str, fits, used_ids: set[str], *, section: str | None,
               people: frozenset[str], source: dict | None, title: str) -> Tip:
    """A whole list of phrases as one tip (user trial 9: `--take b12` of the list under "Physically" gave its first
    item alone, "Exhaustion and fatigue."): the text is the lead-in or heading with as many items as the post holds,
    the headline with as many as a card holds (at least two when they fit), never an item alone."""
    sensitive = "sensitive" in flag_words(_joined(lead, items), heading=section or "", names=people, title=title)
    shown = next((count for count in range(len(items), 1, -1) if fits(_joined(lead, items[:count]), sensitive)), 1)
    text = _joined(lead, items[:shown])
    named = next((count for limit in (MAX_HEADLINE, LONG_HEADLINE) for count in range(shown, 1, -1)
                  if len(_joined(lead, items[:count])) <= limit), 0) or (1 if len(_joined(lead, items[:1])) <= LONG_HEADLINE else 0)
    headline = _joined(lead, items[:named]) if named else end_with_period(lead)
    notes = [TAKEN_NOTE.format(locator=locator), PHRASES_NOTE.format(lead=lead)]
    notes += (["headline names only some of the list's items"] if named < len(items) else []) + (
        ["list cut to fit a post"] if shown < len(items) else []) + long_headline_notes(headline)
    found = flag_words(f"{headline} {text}", heading=section or "", names=people, title=title)
    flags = tuple(flag for flag in ("sensitive", "privacy") if flag in found)
    return Tip(id=unique_id(slugify(headline), set(used_ids)), headline=headline, text=text, status=TipStatus.DRAFT,
               section=section, source=source or {}, review=flags, notes=tuple(notes),
               review_words={flag: tuple(found[flag]) for flag in flags})


# "Watch for:", "Try:", "Look out for:": a lead-in that is the start of every item's sentence
_JOINABLE = re.compile(r"^(?:watch|look|listen|ask|try|notice|check)(?: (?:out )?for)?:$", re.IGNORECASE)


_LABELLED = re.compile(r"^(?P<label>[^:.!?\n]{1,60}):\s+(?P<body>\S.*)$", re.DOTALL)


def _without_label(text: str) -> tuple[str, tuple[str, ...]]:
    """A labelled paragraph's passage as split reads it (drafts.label_gives_way): "Movement: Gentle movement
    exercises can help …" without a label that only names a topic, the note saying so (user trial 8: a take kept
    "Movement:" in the post and headed the card with a clause from the sentence's end)."""
    found = _LABELLED.match(text)
    if found is None:
        return text, ()
    body = found.group("body")
    gives_way = label_gives_way(f"{found.group('label')}:", split_sentences(body) or [body])
    if gives_way is None:
        return text, ()
    return " ".join(gives_way[0]), tuple(gives_way[1])


def _with_lead_in(lead_in: str | None, item: str) -> tuple[str, tuple[str, ...]]:
    """A list item as a take says it: after a lead-in that starts its sentence ("Watch for late arrivals …"), else
    as it is, with the note naming the lead-in it lacks (user trial 8: `--take b6.4` gave "Late arrivals and missed
    first periods …", a sign of nothing named)."""
    if not lead_in:
        return item, ()
    if _JOINABLE.match(lead_in.strip()):
        return f"{lead_in.strip()[:-1]} {lower_first(item.strip())}", ()
    return item, (ITEM_NOTE.format(lead_in.strip()),)


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
    # a labelled paragraph's passage read "Label words …" before its colon was kept: a take of it still finds it
    where = {passage_digest(text.replace(": ", " ", 1)): locator for locator, text, _ in _passages(blocks)}
    where.update({passage_digest(text): locator for locator, text, _ in _passages(blocks)})
    found = {}
    for tip in tips:
        locator = where.get(tip.source.get("digest", ""))
        taken = next((note for note in tip.notes if _TAKEN.match(note)), None)
        if locator is None or taken is None:
            continue
        notes = tuple(_TAKEN.sub(TAKEN.format(locator=locator), note) if note == taken else note for note in tip.notes)
        found[tip.id] = replace(tip, source={**taken_source(locator, ""), "digest": tip.source["digest"]}, notes=notes)
    return found


@dataclass(frozen=True)
class Beside:
    """What a take from split stands beside: `openings`, the first sentences of the campaign's other tips (folded); a
    take never repeats one. `person`: whom the article speaks of throughout (drafting.person_of), for a "them" that
    names no one in the tip."""
    openings: frozenset[str] = frozenset()
    person: str | None = None


def opening_of(tip: Tip) -> str:
    """The sentence a tip's text opens with, as Beside.openings holds it."""
    return folded((split_sentences(tip.text) or [tip.text])[0])


def take(text: str, locator: str, fits, used_ids: set[str], *, section: str | None = None,
         people: frozenset[str] = frozenset(), source: dict | None = None, title: str = "",
         carried: Sequence[str] = (), beside: Beside | None = None, lead_in: str | None = None,
         phrases: tuple[str, list[str]] | None = None) -> Tip:
    """The passage as a draft tip; `source`: where it is in the article (taken_source), {} for words a person
    selected, which a later split keeps as they are. `carried`: the words of the tips the passage already gave
    (unsaid.carried_text): a sentence of a sensitive topic none of them holds is what split named the passage for,
    so the tip keeps it and leaves out first what those tips say already (user trial 4: `--take b12` copied its
    tip and cut the warning signs it was taken for). `beside` (split's takes; the studio's selected words go as
    selected): the tip stands alone beside the campaign's tips (user trial 5): a sentence another tip opens with is
    left out, a sentence that points outside the tip ("these signs", "Other warning signs") is mended or left out,
    a "them" that names no one is named as the article's person, and when the post is short the passage's action
    (what to do, whom to call or text) is the last to go. `lead_in`: the lead-in of the list a list item is taken
    from (lead_in_of). `phrases`: a whole list of phrases and the words it hangs from (list_of_phrases)."""
    if phrases is not None:
        return _list_take(phrases[0], phrases[1], locator, fits, used_ids, section=section, people=people,
                          source=source, title=title)
    text, label_notes = _without_label(text)
    text, item_notes = _with_lead_in(lead_in, text)
    item_notes = label_notes + item_notes
    sentences = split_sentences(text) or [text]
    # the sentences the take is for: a sensitive one no tip carries, or a crisis-line paragraph's advice
    needed = {index for index, sentence in enumerate(sentences)
              if unsaid_phrases(sentence, carried) and unsaid_kind(sentence) != "crisis line"}
    # the sentences the block report names the passage for, the last to go: the sensitive ones no tip of it carries;
    # of a passage that gave no tip, its first advice beyond a crisis line's number (unsaid.name_unsaid), else its
    # opening
    advice = [index for index, sentence in enumerate(sentences) if crisis_advice(sentence)]
    named_for = set(needed) if carried else set(advice[:1] or [0])
    if not carried and not needed:
        needed = {index for index, sentence in enumerate(sentences) if crisis_advice(sentence)}
    said = {index for index, sentence in enumerate(sentences)
            if index not in needed and carried and any(folded(sentence) in tip for tip in carried)}
    leaning: dict[int, str] = {}  # a sentence left out as it points outside the tip: the words that point
    leans_back: set[int] = set()  # a sentence that points at the one before it, kept while that one is
    rest = list(range(len(sentences)))
    opener = True  # the passage's opening may be the headline
    if beside is not None:
        sentences, said, leaning, leans_back = _standing(sentences, said, beside.openings)
        # every sentence points outside: the tip is the passage as it is, and its notes say what points
        rest = [index for index in rest if index not in leaning] or rest
        opener = 0 in rest and folded(sentences[0]) not in beside.openings
    kept = [index for index in rest if index not in said] or rest
    if kept[0] and opener and len(make_headline(end_with_period(sentences[kept[0]].strip()))[0]) > LONG_HEADLINE:
        kept.insert(0, 0)  # "Other warning signs include …" is no card's headline: the passage's opening is
    # the heading heads the card only where split would let it head a tip of its own: advice, in sentence case (user
    # trial of issue 19: "When Criticism Becomes Emotional Abuse." was a take's headline; a topic is no advice)
    heading = advice_heading(section) if beside is not None and section else None
    sayable = [index for index in rest if index not in said]  # the sentences a headline may be, in the post or not
    everything = headline_of(sentences, kept, locator, heading, sayable, named_for)[0] + " " + " ".join(sentences)
    found = flag_words(everything, heading=section or "", names=people, title=title)
    actions = {index for index in kept if beside is not None and _action(sentences[index])}
    lines = {index for index in actions if _line(sentences[index])}  # whom to call or text: the last to go
    setup_left: tuple[str, ...] = ()
    while len(kept) > 1 and not fits(" ".join(body_of(sentences, kept, locator, heading, sayable, named_for)),
                                     "sensitive" in found):
        if beside is not None and kept[0] == 0 and 0 not in needed and _sets_up(sentences, kept):
            kept.remove(0)  # the advice wins over its setup when the post has room for only one (a user trial)
            setup_left = (SETUP_LEFT_NOTE.format(kept=opening(sentences[kept[0]]), setup=opening(sentences[0]),
                                                 why=NO_ROOM),)
            continue
        # the last sentence the take is not for (never the one the headline comes from), then those it is for, then
        # the passage's advice, whom to call or text last: the note below says which did not fit. Beside a campaign
        # the opening goes too when the next sentence can head the card (the action wins over its introduction)
        movable = kept[1:] if beside is None or _headline(sentences, kept[1:], heading, sayable, named_for) is None else kept
        # a sentence the take is for goes last of all: the block report named the passage for it (user trial 8:
        # `--take b15` kept the crisis line, which every sensitive post's footer gives, and cut "If your teen
        # talks about wanting to die, … take it seriously every time.")
        spare = _spare([index for index in movable if index not in named_for], needed, actions, lines) or _spare(
            movable, needed, actions, lines)
        kept.remove(spare[-1])
        if spare[-1] + 1 in leans_back and spare[-1] + 1 in kept and len(kept) > 1:
            kept.remove(spare[-1] + 1)  # it pointed at the sentence just cut
            leaning[spare[-1] + 1] = _pointing(sentences[spare[-1] + 1])
    headline, body = (headline_of(sentences, kept, locator, heading, sayable, named_for)[0],
                      body_of(sentences, kept, locator, heading, sayable, named_for))
    shortened = _headline(sentences, kept, heading, sayable, named_for) is None
    named = named_person(headline, " ".join(body), beside.person if beside else None)
    text_out = " ".join(body)
    own_notes: tuple[str, ...] = ()
    if named is not None:
        headline, text_out, own_notes = named.headline, named.text, (named.note,)
    elif beside is not None and (orphan := orphan_pronoun(text_out)) and orphan.lower() in ("they", "them", "their"):
        own_notes = (ORPHAN_NOTE.format(orphan),)
    elif beside is not None and beside.person and (mattered := _MATTERS_TO.search(text_out)) and not any(
            word.lower() in PEOPLE for word in words(text_out[:mattered.start()])):
        # "things that matter to them" after "Warning signs include": the signs are no one; the person is
        text_out = text_out[:mattered.start("them")] + beside.person + text_out[mattered.end("them"):]
        own_notes = (NAMED.format("them", beside.person),)
    if heading is not None and headline == heading:
        own_notes += ("headline is the section heading", *heading_case_notes(section or "", heading))
    elif shortened:
        point = folded(headline.rstrip("."))
        whence = next((sentence for sentence in sentences if point in folded(sentence)), body[0])
        lost = dropped((whence,), headline)  # a hedge or condition no card-sized cut could keep: named
        own_notes += (SHORTENED_NOTE.format(opening=opening(whence)),) + tuple(
            LEFT_OUT.format(part="headline", words=lost[0].words, kind=lost[0].kind) for _ in lost[:1]) + (
            (ROOMLESS_NOTE,) if whence not in body and end_with_period(whence.strip()) not in body else ()) + (
            (LEANING_HEADLINE.format(headline_problem(headline)),) if headline_score(headline, 1, 2) is None else ())
    elif headline != body[0] and headline in sentences:
        own_notes += (LATER_SENTENCE,) if headline in body[1:] else (ROOMLESS_NOTE,)
        if headline_score(headline, 1, 2) is None:
            own_notes += (LEANING_HEADLINE.format(headline_problem(headline)),)
    furniture = _furniture(text_out)
    if furniture:  # the page's own words as it writes them: "Posted March 3, 2024" gains no full stop (a user trial)
        headline, text_out = _as_written(headline, text), _as_written(text_out, text)
    # the reasons name words the tip says; a flag the whole passage raised stays even when its words were cut
    found = {**found, **flag_words(headline + " " + text_out, heading=section or "", names=people, title=title)}
    tip_id = unique_id(slugify(headline), set(used_ids))
    flags = tuple(flag for flag in ("sensitive", "privacy") if flag in found)
    # a flag raised by words the post no longer holds would hide the cut: it is said (a user trial's b14); a
    # sentence another tip of the passage carries is not cut from the article's tips
    # (a crisis line a sensitive post leaves out is said by its footer, as split's own tips leave it out; advice
    # beside the number is not)
    cut = [f"“{phrase}”" for index, sentence in enumerate(sentences)
           if index not in kept and index not in said and index not in leaning
           and not ("sensitive" in flags and _line(sentence) and not crisis_advice(sentence))
           for phrase in sensitive_phrases(sentence)]
    def leaned_note(index: int) -> bool:  # a sentence that points outside the tip that the take is for, or kept
        return index in kept or index in needed or _action(sentences[index]) or bool(sensitive_phrases(sentences[index]))
    leaned = [LEANS_NOTE.format(opening=opening(sentences[index]), words=words_) if index not in kept
              else STILL_LEANS_NOTE.format(words=words_) for index, words_ in leaning.items() if leaned_note(index)]
    # a sentence of the passage left out as it seemed to lean, which no note above names, is named
    unnamed = [index for index in leaning if index not in kept and index not in said and not leaned_note(index)]
    left = tuple(_left_out(sentences, kept, index) for index in unnamed) if not setup_left else ()
    # the page's date or the practice's call to action is no tip to check: its note says so alone (a user trial)
    taken = (TAKEN if furniture else TAKEN_NOTE).format(locator=locator)
    notes = (taken, *furniture) + ((CUT_NOTE.format(phrases=", ".join(dict.fromkeys(
        cut))),) if cut else ()) + tuple(leaned) + item_notes + setup_left + left + own_notes
    # ready as split marks its own tips: only with notes that ask for nothing and no flag (a take's always ask)
    return Tip(id=tip_id, headline=headline, text=text_out, status=TipStatus.DRAFT, section=section,
               source=source or {}, review=flags, notes=notes,
               review_words={flag: tuple(found[flag]) for flag in flags},
               ready=not furniture and not flags and is_ready(notes))


def _left_out(sentences: list[str], kept: list[int], index: int) -> str:
    """The note naming a sentence a take left out as it seemed to lean: the passage's setup before its advice in
    SETUP_LEFT_NOTE's words, else the sentence's opening."""
    if index < kept[0] and (_step(sentences[kept[0]]) or judge(Candidate(
            text=sentences[kept[0]], kind="sentence", index=kept[0])).label == "advice"):
        return SETUP_LEFT_NOTE.format(kept=opening(sentences[kept[0]]), setup=opening(sentences[index]),
                                      why=SEEMS_TO_LEAN)
    return LEFT_OUT_NOTE.format(left=opening(sentences[index]), why=SEEMS_TO_LEAN)


def _as_written(words: str, source: str) -> str:
    """`words` without the full stop a tip's sentence gains where the source has none ("Posted March 3, 2024")."""
    plain = words.removesuffix(".")
    return plain if plain and plain in source and words not in source else words


def not_a_tip(tip: Tip) -> str | None:
    """Why bulk `approve CAMPAIGN` leaves `tip` in draft: its words are the page's date or the practice's call to
    action (the note a take of them carries, by the same rule); None for a tip."""
    return next(iter(_furniture(tip.text)), None)


def _furniture(text: str) -> tuple[str, ...]:
    """The note that says a take is the page's date or the practice's call to action, as split reads them when it
    leaves them out (articles.is_dateline, filters.calls_to_action); () for anything else."""
    if is_dateline(text):
        return (DATE_NOTE,)
    return (PITCH_NOTE,) if calls_to_action(text) else ()


def _sets_up(sentences: list[str], kept: list[int]) -> bool:
    """The passage opens on a setup (the scorer's reading, and no step of its own), and a sentence after it kept
    carries the advice (a step, or the scorer reads it as advice)."""
    opener = sentences[0]
    if _step(opener) or crisis_advice(opener) or judge(Candidate(text=opener, kind="sentence", index=0)).label != "setup":
        return False
    return any(_step(sentences[index]) or judge(Candidate(text=sentences[index], kind="sentence", index=index)).label
               == "advice" for index in kept[1:])


def _step(sentence: str) -> bool:
    return is_command(after_condition(sentence.strip()))


def _spare(movable: list[int], needed: set[int], actions: set[int], lines: set[int]) -> list[int]:
    """The sentences a take that does not fit may cut, the last first: one it is not for, then those it is for,
    then the passage's advice, whom to call or text last."""
    return ([index for index in movable if index not in needed and index not in actions]
            or [index for index in movable if index not in actions]
            or [index for index in movable if index not in lines] or movable)


def _action(sentence: str) -> bool:
    """The sentence tells the reader what to do or whom to call or text: a crisis line, or advice beside one."""
    return crisis_advice(sentence) or _line(sentence)


def _line(sentence: str) -> bool:
    return edge_reason(end_with_period(sentence.strip())) == CRISIS_LINE


# "what matters to them": only a person has things that matter to them (orphan_pronoun lets a plural noun before it,
# "signs", "things", stand for "them")
_MATTERS_TO = re.compile(r"\b(?:matters?|mattered|means?|meant|belongs?|belonged|(?:is|are) (?:dear|precious|"
                         r"important)) to (?P<them>them)\b")


# "Other warning signs include …": the signs it sets itself beside are not in the tip, so it says "Warning signs".
_OTHER = re.compile(r"^Other\s+(?=[a-z])")
_POINTING = re.compile(r"\b(?:this|these|those|such|other|the above|the following)\s+[a-z’']+|^\W*(?:this|these|those|"
                       r"it|they|that)\b", re.IGNORECASE)


def _pointing(sentence: str) -> str:
    """The words of a sentence that point outside it, as a note quotes them."""
    found = _POINTING.search(sentence)
    if found:
        return found.group(0)
    # "ask yourself, … “for this”" is not "Before you say…", and "Sometimes" opening a reply is not "Sometimes worry
    # gets…": the note quotes the words that point, never the opening unless they are it (practice owners' trials)
    return leaning_words(sentence) or dangling_words(compress(sentence)) or opening(sentence, 3)


def _leans(sentence: str) -> bool:
    return opens_with_reference(sentence) or bool(dangling_references(compress(sentence)))


def _standing(sentences: list[str], said: set[int], openings: frozenset[str]
              ) -> tuple[list[str], set[int], dict[int, str], set[int]]:
    """The passage's sentences as a take may say them alone: one another tip opens with is said already (never
    kept), one that points outside the passage loses its "Other", or is left out with the words that point
    ("these signs": which signs, a follower cannot tell). A sentence may point at the one before it while that one
    is kept."""
    sentences, said = list(sentences), set(said) | {index for index, sentence in enumerate(sentences)
                                                     if folded(sentence) in openings}
    leaning: dict[int, str] = {}
    leans_back = set()
    for index, sentence in enumerate(sentences):
        if not _leans(sentence):
            continue
        mended = _OTHER.sub("", sentence.strip())
        mended = mended[:1].upper() + mended[1:]
        if mended != sentence.strip() and not _leans(mended):
            sentences[index] = mended
            continue
        if index and index - 1 not in said and index - 1 not in leaning:
            leans_back.add(index)  # "Take it seriously if … Other warning signs include …": the sentence before
            continue
        leaning[index] = _pointing(sentence)
    return sentences, said, leaning, leans_back


def headline_of(sentences: list[str], kept: list[int], locator: str, heading: str | None = None,
                sayable: Sequence[int] = (), named: Collection[int] = ()) -> tuple[str, str]:
    """The card's headline and the first sentence kept as the text opens with it; a ContentError when nothing can
    head the card (see _headline)."""
    found = _headline(sentences, kept, heading, sayable, named) or _shortened(sentences, kept, sayable)
    if found is None:
        raise ContentError(f"--take {locator}: it has no words a card can show; write this tip by hand in the "
                           "campaign file")
    return found


SHORTENED_NOTE = ("headline shortened from a sentence too long for a card (“{opening}”): check it says the "
                  "passage's point")
# "When you understand that X, …", "Once you see that X, …": the point is X
_FRAME = re.compile(r"^(?:when|once|if|as|after)\s+(?:you|we|people)\s+(?:(?:begin|start|come)\s+to\s+)?(?:understand|"
                    r"realise|realize|see|recognise|recognize|know|accept|remember|notice|learn|discover)\s+that\s+",
                    re.IGNORECASE)
# "Developed by Richard Schwartz, IFS is …", "In my experience, …": a phrase before the main clause
_LEADING_PHRASE = re.compile(r"^(?:developed|created|founded|designed|introduced|pioneered|known|used|based|in|for|by|"
                             r"with|after|over|at|from|through|like|unlike|according to|for example|as a result|"
                             r"above all|in short|ultimately|crucially|importantly)\b[^,;:—–]{0,80},\s+",
                             re.IGNORECASE)
# where a clause ends: a comma, a dash, a semicolon or a colon; "—and crucially, " opens the next one
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:]|—|–|\s-\s)\s*(?:(?:and|but|so|or)\s+)?(?:(?:crucially|importantly|above all|"
                           r"in fact|that is),\s+)?", re.IGNORECASE)


def _clauses(sentence: str, *, points: bool = False) -> list[str]:
    """The clauses of a long sentence a card might show alone, best first: its point after a frame ("When you
    understand that X, …": X), its main clause after an opening phrase, then its openings up to a clause's end, the
    longest first, then what follows each break."""
    bare = sentence.strip().rstrip(".!?").strip()
    found = []
    for pattern in (_FRAME, _LEADING_PHRASE):
        match = pattern.match(bare)
        if match:
            point = bare[match.end():]
            first = _CLAUSE_BREAK.search(point)
            found += ([] if pattern is _FRAME else [point]) + ([point[:first.start()]] if first else [point])
    if points:  # only the sentence's point: after its frame or its opening phrase
        return [end_with_period(clause[:1].upper() + clause[1:]) for clause in dict.fromkeys(found) if clause.strip()]
    breaks = list(_CLAUSE_BREAK.finditer(bare))
    found += [bare[:match.start()] for match in reversed(breaks)] + [bare[match.end():] for match in breaks]
    return [end_with_period(clause[:1].upper() + clause[1:]) for clause in dict.fromkeys(found) if clause.strip()]


# the opening phrase before a sentence's first comma ("In some cases, ", "If you can, ", "For many people, ")
_OPENING = re.compile(r"^[^,;:—–()]{2,80},\s+")
_SECOND_PURPOSE = re.compile(r",?\s+(?:or|and)\s+to\s+\w")


def _hedged(sentence: str) -> list[str]:
    """The sentence's point with the hedge or condition that opens it kept, as a card might show it (a user trial:
    `--take` of "In some cases, touch may be used (with full consent) to help …" was headed "Touch may be used …",
    which says it always is; issue 19): the opening phrase before the first comma when leaving it out loses a hedge,
    a qualifier or a condition (meaning.dropped), then the point as split cuts a headline, else its clauses. [] for a
    sentence that opens on no such phrase."""
    bare = sentence.strip().rstrip(".!?").strip()
    match = _OPENING.match(bare)
    if match is None or not bare[match.end():]:
        return []
    point = bare[match.end():]
    if _SUBORDINATE.match(point):
        return []  # "When X, when Y, it has become …": the first clauses are no main clause with its hedge
    said = end_with_period(point[:1].upper() + point[1:])
    if keeps_meaning(end_with_period(bare), said):
        return []
    # "… to help release tension or to guide clients …": a second purpose may go, the hedge stays
    purposes = [said[:found.start()] for found in reversed(list(_SECOND_PURPOSE.finditer(said)))]
    found = []
    for cut in [make_headline(said)[0], *purposes, *_clauses(said)]:
        head = cut.rstrip(".")
        if said.startswith(head) and head:
            found.append(end_with_period(bare[:match.end()] + point[:len(head)]))
    return list(dict.fromkeys(found))


# "When the criticism is constant, …": a clause that waits for the main one is no card's words
_SUBORDINATE = re.compile(r"^(?:when|whenever|if|unless|because|although|though|while|whereas|since|once|after|"
                          r"before|until|as|whether|even if|even though|so that)\b", re.IGNORECASE)


def _shortened(sentences: list[str], kept: list[int], sayable: Sequence[int]) -> tuple[str, str] | None:
    """A take's headline when no sentence of the passage fits a card whole (user trial 11: `--take` of "When you
    understand that your anxiety isn't a flaw but a part trying to protect you, or that …, you can approach yourself
    with compassion." was refused): the passage's point from a long sentence, the "when you understand that X"
    clause as X, its main clause, or the first clause that fits, a whole sentence that reads alone before one that
    leans; the last resort the opening words. None only when the passage has no words."""
    whole = end_with_period(sentences[kept[0]].strip())
    order = list(kept) + [index for index in sayable if index not in kept]
    # a clause that keeps its sentence's hedges and conditions first (issue 19); one that loses them is named in a
    # note (taking.take)
    for meant in (True, False):
        for alone in (True, False):
            for index in order:
                sentence = end_with_period(sentences[index].strip())
                hedged = _hedged(sentence) if meant else []
                lead = _OPENING.match(sentence)  # "In some cases.", "For many people who …": no card's words alone
                phrase = sentence[:lead.end()].strip(" ,") if lead else None
                for limit, points in ((LONG_HEADLINE, True), (MAX_HEADLINE, False), (LONG_HEADLINE, False)):
                    for clause in (hedged if points else []) + _clauses(sentences[index], points=points):
                        if (len(clause) <= limit and (points or whole_sentence(clause)) and not is_question(clause)
                                and (clause in hedged or not _SUBORDINATE.match(clause))
                                and clause.rstrip(".") != phrase and (not meant or keeps_meaning(sentence, clause))
                                and (not alone or headline_score(clause, 0, 1) is not None)):
                            return clause, whole
    words_ = whole.split()
    cut = ""
    for word in words_:
        if len(cut) + len(word) + 2 > MAX_HEADLINE:
            break
        cut = f"{cut} {word}".strip()
    cut = cut.rstrip(",;:—– ")
    return (end_with_period(cut), whole) if cut else None


def _headline(sentences: list[str], kept: list[int], heading: str | None, sayable: Sequence[int],
              named: Collection[int] = ()) -> tuple[str, str] | None:
    """The card's headline from the first sentence kept, and that sentence as the text opens with it, as split makes
    one. When that sentence is too long for a card (the text then opens with it whole): the section `heading`, given
    only where split would let it head a tip (advice_heading); else a later sentence kept that a card shows whole
    (LATER_SENTENCE); else one of the passage's later `sayable` sentences the post had no room for (ROOMLESS_NOTE);
    else such a sentence that leans on the words before it (LEANING_HEADLINE), last one kept that is longer than split
    aims for but that a card holds. `named`: the sentences the block report named the passage for, which a sentence
    the post had no room for heads the card from before any other (user trial 8: `--take b15`'s card read "You can
    call or text 988, …", which the report had not named). None when none can."""
    headline, first = make_headline(end_with_period(sentences[kept[0]].strip()))
    whole = end_with_period(sentences[kept[0]].strip())
    if _FRAME.match(first):
        return None  # "When you understand that X, you can …": the point is X (_shortened), not what follows it
    if len(headline) <= LONG_HEADLINE:
        return headline, first
    if heading and len(heading) < LONG_HEADLINE:
        return heading, whole
    inside = [whole] + [sentences[index] for index in kept[1:]]
    for pool in ([index for index in sayable if index in named], sayable) if named else (sayable,):
        outside = [whole] + [sentences[index] for index in pool if index > kept[0] and index not in kept]
        later = (later_headline(inside) or later_headline(outside) or later_headline(inside, alone=False)
                 or later_headline(outside, alone=False) or later_headline(inside, alone=False, limit=LONG_HEADLINE)
                 or later_headline(outside, alone=False, limit=LONG_HEADLINE))
        if later is not None:
            return later, whole
    return None


def body_of(sentences: list[str], kept: list[int], locator: str, heading: str | None = None,
            sayable: Sequence[int] = (), named: Collection[int] = ()) -> list[str]:
    return [headline_of(sentences, kept, locator, heading, sayable, named)[1]] + [sentences[index] for index in kept[1:]]


TWIN = ("--take {locator}: {locator} already has tip {id}, of the same sentence; edit that tip, or take another "
        "sentence or list item of the block (b12.3); nothing was written")


def twin_of(tip: Tip, others: Sequence[Tip]) -> Tip | None:
    """The tip of the passage (`others`: those its block report says it feeds) that already says every sentence of a
    take, word for word whatever the punctuation (a user trial: `--take` of a one-sentence paragraph split had made a
    tip of gave that sentence again under another headline); None when the take says a sentence none of them does
    (another sentence of the block, or the sensitive one its tips left out)."""
    mine = [_words_of(sentence) for sentence in split_sentences(tip.text) or [tip.text]]
    return next((other for other in others if all(sentence in _words_of(other.text) for sentence in mine if sentence)),
                None)


def _words_of(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+(?:'[a-z]+)?", folded(text))) + " "


def taken_locators(tips) -> dict[str, list[str]]:
    """locator -> ids of the tips a person took from it (read back from their notes)."""
    found: dict[str, list[str]] = {}
    for tip in tips:
        for note in tip.notes:
            match = _TAKEN.match(note)
            if match:
                found.setdefault(match.group(1), []).append(tip.id)
    return found
