"""Lists of practical advice (coping steps, self-care ideas) item by item, and lists that are never advice.

An advice list gives tips from its items that stand alone: a command ("Limit caffeine") or a whole sentence is
a tip; an item that finishes its lead-in ("It can help to:" + "write down one worry") is a tip with the lead-in
written out in front ("It can help to write down one worry."); the bare phrases left over ("A warm bath",
"Journaling") go together after the article's own lead-in sentence only when that reads as the article said it,
and are otherwise left out with a reason. A reading list, a bibliography or a list of the practice's services
gives no tip at all. `plan` says what becomes of each item; scheduler.tips.lists makes the tips.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scheduler.articles import Block, Item, Section
from scheduler.tips.drafts import label_lead, whole_sentence
from scheduler.tips.edges import first_person
from scheduler.tips.filters import (
    FIRST_PLURAL,
    is_fragment,
    is_question,
    opens_with_reference,
)
from scheduler.tips.sentences import (
    capitalize_first,
    content_words,
    end_with_period,
    lower_first,
    split_sentences,
    words,
)
from scheduler.tips.verbs import (
    SIBLINGS_COMMANDS,
    has_verb,
    is_command,
    is_imperative,
    main_verb,
)

JOINED_NOTE = "lead-in joined to a list item: check it reads as the article meant"

_DESCRIBES = re.compile(r"\b(?:signs?|symptoms?|causes?|risks?|risk factors|red flags|warning|myths?|mistakes?|"
                        r"triggers?|side effects|effects|reasons?|types?|kinds|stages?|examples? of|what not|"
                        r"avoid|don['’]t|do not|never|not to|stop|instead of|looks? like|feels? like|may include|"
                        r"can include|common)\b", re.IGNORECASE)
_ADVICE = re.compile(r"\b(?:tips?|ways?|steps?|strateg(?:y|ies)|ideas?|self-care|cop(?:e|ing)|habits?|things you can|"
                     r"what you can do|what helps|try|helps?|helpful|practices|skills|tools|suggestions|"
                     r"how to|care for)\b", re.IGNORECASE)
_STEM_END = re.compile(r"\b(?:to|can|could|may|might|should|will|must|you|try|please|also)$", re.IGNORECASE)
_TRY_STEM = re.compile(r"\btry$", re.IGNORECASE)
_TRAILING_JOINER = re.compile(r"(?:\s*[;,]\s*(?:and|or)?|\s+(?:and|or))\s*$", re.IGNORECASE)

_REFERENCE_HEADING = re.compile(r"\b(?:reading|books?|bibliography|references|further reading|resources|"
                                r"recommended|podcasts?|websites|links|sources|citations|works cited|"
                                r"services|specialt(?:y|ies)|areas of (?:focus|expertise)|we (?:offer|treat|help)|"
                                r"what (?:we|i) (?:offer|treat)|insurance|fees|rates|accepted plans|issues treated|"
                                r"conditions treated|therapies offered|modalities)\b", re.IGNORECASE)
_CITED = re.compile(r"\bby\s+(?:Dr\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.?)*(?:\s+[a-z]{2,3})?(?:\s+[A-Z][\w’'-]+)+|"
                    r"\(\d{4}\)|,\s*(?:19|20)\d{2}\b|\bISBN\b|\bpp?\.\s*\d|\bdoi\b|https?://|www\.|"
                    r"\b(?:Press|Publishing|Publications|Books|Sounds True|Penguin|Random House|Harper\w*)\b")
_SERVICE = re.compile(r"^(?:(?:individual|couples?|family|group|teen|adolescent|child|play|art|online|in-person|"
                      r"marriage|premarital|trauma|grief|christian|faith-based|virtual)\s+)*(?:therapy|counsel+ing|"
                      r"psychotherapy|coaching|sessions?|assessments?|evaluations?|consultations?|workshops?|"
                      r"supervision|intensives?|EMDR|CBT|DBT|ACT|IFS|EFT|telehealth|medication management)\b",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Step:
    """What becomes of one list item: `tip` (the item, or the sentence it makes with its lead-in, as a tip of
    its own), `together` (one of the phrases that go after the lead-in in one tip) or `leave` (with a reason)."""

    number: int
    kind: str
    item: Item
    reason: str = ""
    notes: tuple[str, ...] = ()


def tidy_item(item: Item) -> Item:
    """An item without the joiner a list writer left at its end ("Name five things you can see;", "... in, and")."""
    text = _TRAILING_JOINER.sub("", item.text) if item.text else item.text
    if text != item.text and text:
        text = end_with_period(text) if text[:1].isupper() and len(split_sentences(text)) <= 1 else text
        return Item(text=text, lead=item.lead, children=item.children, mended=item.mended)
    return item


def reference_reason(block: Block, section: Section, items: list[Item]) -> str | None:
    """Why a list is never advice: a reading list or bibliography, or the practice's services."""
    where = " ".join(part for part in (section.heading, block.lead_in) if part)
    texts = [item.full for item in items]
    cited = sum(bool(_CITED.search(text)) for text in texts)
    if cited * 2 > len(texts) or (cited and _REFERENCE_HEADING.search(where)):
        return "reading list or bibliography"
    services = sum(bool(_SERVICE.match(text.strip())) and len(words(text)) <= 6 for text in texts)
    if services * 2 > len(texts) or (services and _REFERENCE_HEADING.search(where) and all(
            len(words(text)) <= 6 for text in texts)):
        return "list of services"
    if _REFERENCE_HEADING.search(where) and all(not has_verb(text) and not is_imperative(text) for text in texts):
        return "reading list or list of services"
    return None


_WARNS = re.compile(r"\b(?:(?:things|habits|what|foods?|behaviou?rs?|mistakes?|words|phrases) to avoid|avoid(?:ing)? "
                    r"(?:these|the following)|to avoid\s*:?$|not to|what not|mistakes?|myths?|red flags|harmful|"
                    r"unhealthy|toxic|bad habits|worse|traps?|pitfalls?|unhelpful|fall into|steer clear|watch out for|"
                    r"beware|stop doing|things to stop|don['’]t do)\b", re.IGNORECASE)


def warns(block: Block, section: Section) -> bool:
    """A list of what not to do ("Things to avoid before bed", "Habits that make anxiety worse", "Avoid:"): its
    items, often commands, must never stand alone as advice."""
    return bool(_WARNS.search(block.lead_in or "") or _WARNS.search(section.heading or "")) or forbids(block)


_FORBIDDING = re.compile(r"^(?:avoid(?:ing)?|don['’]t|do not|never|instead of|rather than|not)\b|"
                         r"\b(?:not to|to avoid|what not)\b", re.IGNORECASE)


def forbids(block: Block) -> bool:
    """The lead-in's last clause says not to do what the items name ("Avoid:", "Don't say:", "Instead of:", "What
    not to say:"); one that turns to what to do ("Instead of “Are you okay?”, try:") does not."""
    lead = (block.lead_in or "").strip().rstrip(":").strip()
    clause = re.split(r"[,;—–]\s*|[.!?]\s+", lead)[-1].strip() if lead else ""
    return bool(clause) and bool(_FORBIDDING.search(clause))


def is_advice_list(block: Block, section: Section, items: list[Item]) -> bool:
    """Practical advice (coping steps, self-care ideas), not a list that describes (signs, causes, myths) or
    warns ("Try not to:")."""
    lead = block.lead_in or ""
    if lead and (first_person(lead) or FIRST_PLURAL.search(lead)):
        return False  # "I offer an integrative approach to working with clients:": what the practice does
    if stem(block):
        return False  # its items finish the lead-in's sentence: they are no commands of their own
    if _DESCRIBES.search(lead) or (not lead and _DESCRIBES.search(section.heading or "")):
        return False
    commands = sum(is_command(capitalize_first(item.full)) or (bool(item.lead) and is_command(item.text))
                   for item in items)
    return commands * 2 > len(items) or bool(_ADVICE.search(lead) or _ADVICE.search(section.heading or ""))


def stem(block: Block) -> str | None:
    """The lead-in's last sentence when an item finishes it ("When the days feel heavy, it can help to")."""
    if not block.lead_in or not block.lead_in.rstrip().endswith(":"):
        return None
    sentences = split_sentences(block.lead_in)
    last = (sentences[-1] if sentences else block.lead_in).rstrip().rstrip(":").rstrip()
    if not _STEM_END.search(last) or opens_with_reference(last):
        return None
    return last


def joined(lead: str, item: Item) -> str | None:
    """The lead-in and one item as a sentence, when the item finishes it: a verb phrase after "can", "to" or
    "you", anything after "Try"."""
    if item.lead or item.children:
        return None
    phrase = (split_sentences(item.text) or [""])[0].strip().rstrip(".;:,")
    if not phrase or len(split_sentences(item.text)) > 1 or phrase.endswith("?"):
        return None
    if not _TRY_STEM.search(lead) and not is_imperative(capitalize_first(phrase)):
        return None
    sentence = end_with_period(capitalize_first(lead) + " " + lower_first(phrase))
    return None if is_fragment(sentence) else sentence


def complete(item: Item) -> bool:
    """A whole sentence once it has its period ("If you can't sleep after 20 minutes, get up and read")."""
    text = item.full.strip()
    first = (split_sentences(text) or [""])[0]
    return (first[:1].isupper() and len(words(first)) >= 5 and has_verb(" ".join(words(first)[1:]))
            and not opens_with_reference(first) and not is_fragment(end_with_period(first)))  # not "Support for ..."


def _command(item: Item) -> bool:
    """A command of two words or more, with or without its period ("Limit caffeine", "Eat well")."""
    first = (split_sentences(item.full.strip()) or [""])[0]
    second = words(first)[1:2]
    return (first[:1].isupper() and len(words(first)) >= 2 and is_command(first) and not opens_with_reference(first)
            and not (second and second[0].lower() in ("for", "of")))  # "Respect for your style": a noun


_DETERMINERS = "the|a|an|your|their|our|my|his|her|its|this|these|those|some|any|each|every|all|no|more|less|one"
_OBJECT = re.compile(rf"^(?:{_DETERMINERS})\b", re.IGNORECASE)
# Words that open a phrase or a sentence with a subject, never a command: a determiner, a number, a preposition,
# a joiner, a pronoun, an auxiliary, the adjectives and nouns a list of phrases opens with; or an inflected form
_NOT_A_VERB = re.compile(
    rf"^(?:{_DETERMINERS}|that|most|fewer|few|many|much|two|three|four|five|extra|other|another|both|"
    r"in|on|at|for|with|without|by|from|to|of|about|after|before|during|over|under|between|"
    r"and|or|but|if|when|while|because|so|not|also|plus|only|even|just|very|too|"
    r"i|you|we|they|he|she|it|there|here|what|which|who|how|why|where|"
    r"are|is|was|were|have|has|had|do|does|did|can|could|will|would|should|may|might|must|"
    r"short|long|warm|cold|hot|cool|deep|fresh|quiet|small|big|good|great|best|better|new|old|"
    r"regular|daily|weekly|nightly|healthy|simple|gentle|kind|clear|honest|calm|low|high|"
    r"family|bedtime|weekend|morning|evening|night|screen|phone|sleep|meal|school|home|work)$|"
    r".*(?:ing|ed|ly|ful|ous|ive|ic|al|able|ible|less|ish|est|ion|ness|ment|ity|s)$", re.IGNORECASE)
_AFTER_PLURAL = re.compile(r"^(?:outside|inside|before|after|during|away|off|out|overnight|at night|early|once|"
                           r"every|each)\b", re.IGNORECASE)  # where or when ("phones outside…"), not "reactions to…"


def _verb_led(item: Item) -> bool:
    """An item that opens with a base-form verb the lists in scheduler.tips.verbs lack, read so because its siblings
    are commands and the word is followed by its object ("Charge phones outside the bedroom at night.", "Dim the
    lights an hour before bed."): a capitalised first word that is no determiner, pronoun, preposition, common
    adjective or inflected form, then, with nothing between, a determiner, or a plural noun followed by where or
    when ("phones outside…"), and no verb of its own further on (which would make it a sentence with a subject)."""
    first = (split_sentences(item.full.strip()) or [""])[0]
    found = re.match(r"^(?P<verb>[A-Z][a-z]{2,})\s+(?P<next>[a-z]+)\b\s*(?P<rest>.*)$", first)
    if not found or _NOT_A_VERB.match(found["verb"]) or has_verb(found["rest"]) or len(words(first)) < 3 or \
            first.rstrip().endswith("?"):
        return False
    after = found["next"]
    if _OBJECT.match(after):
        return True
    return (after.endswith("s") and not after.endswith(("ss", "us", "is")) and len(after) > 3
            and bool(_AFTER_PLURAL.match(found["rest"])))


def finished_items(block: Block, numbered: list[tuple[int, Item]], limit: int) -> list[Step] | None:
    """A long list whose items finish a lead-in that speaks to the reader ("When the days feel heavy, it can help
    to:" + "write down one thing you need each morning"): one tip per item, the lead-in written out in front of
    each, when the items together would not fit one post (`limit` characters) and every item finishes it; None
    otherwise (the list goes into one tip with its lead-in, scheduler.tips.lists)."""
    lead = stem(block)
    if lead is None or not _READER.search(lead) or len(lead) > 100:
        return None
    sentences = [joined(lead, item) for _, item in numbered]
    if not all(sentences) or len(lead) + sum(len(item.full) + 2 for _, item in numbered) <= limit:
        return None
    return [Step(number, "tip", Item(text=sentence or ""), notes=(JOINED_NOTE,))
            for (number, _), sentence in zip(numbered, sentences)]


_READER = re.compile(r"\b(?:you|your|yourself|try|it (?:can|may|might|will|often) help|it helps|helps? to|helpful to|"
                     r"consider|remember to|make sure to|be sure to)\b", re.IGNORECASE)


def plan(block: Block, section: Section, numbered: list[tuple[int, Item]], *, whole) -> list[Step] | None:
    """What becomes of each item of an advice list; None when no item stands as a tip by itself (the list is
    one tip with its lead-in, as before). `whole(item)`: the splitter's test for an item that says something by
    itself (scheduler.tips.lists)."""
    steps = []
    commands = sum(_command(item) for _, item in numbered)
    for number, item in numbered:
        if whole(item) or complete(item) or _command(item):
            steps.append(Step(number, "tip", item))
        elif commands >= 2 and _verb_led(item):
            steps.append(Step(number, "tip", item, notes=(SIBLINGS_COMMANDS.format(words(item.full)[0]),)))
        elif item.lead and not item.children and _command(Item(text=item.text)):
            steps.append(Step(number, "tip", Item(text=end_with_period(item.text))))  # "Cool off: Run cold water..."
        else:
            steps.append(Step(number, "together", item))
    if not any(step.kind == "tip" for step in steps):
        return None
    phrases = [step for step in steps if step.kind == "together"]
    if phrases and not _together_reads(block, [step.item for step in phrases]):
        reason = ("a phrase in a list of advice: it says nothing alone, and no lead-in of the article's own "
                  "carries it faithfully")
        steps = [Step(s.number, "leave", s.item, reason) if s.kind == "together" else s for s in steps]
    return steps


def _together_reads(block: Block, items: list[Item]) -> bool:
    """The leftover phrases read as the article said them after its own lead-in sentence (not a heading, which
    would make "Caffeine after noon" one of the "Tips for better sleep"): two or more short phrases."""
    return bool(block.lead_in) and len(items) >= 2 and all(
        len(words(item.full)) <= 12 and len(split_sentences(item.full)) <= 1 and not item.children for item in items)


TOGETHER_NOTE = "a list whose items do not stand alone ({kind}): kept as one tip with its lead-in"
STEPS_OF_ONE_EXERCISE = "the steps of one exercise"

_SEQUENCE = re.compile(r"^(?:then|next|now|after(?:wards| that| this)?|finally|lastly|last|continue|keep going|"
                       r"repeat|again|once (?:you|your)|when you(?:['’]re| are)? (?:done|finished|ready)|"
                       r"still|slowly (?:release|let)|release|let go)\b|\b(?:repeat(?:ing)?|again|this time|"
                       r"the same (?:way|steps?)|(?:one|two|three|four|five|ten) more times|\d+ (?:more )?times|"
                       r"for (?:a count of|\d+|two|three|four|five|six|seven|eight) (?:counts?|seconds|breaths))\b",
                       re.IGNORECASE)
_COUNTDOWN = re.compile(r"\b(?:five|four|three|two|one|5|4|3|2|1)\s+(?:\w+\s+)?(?:things?|sounds?|objects?|"
                        r"colou?rs?|breaths?|smells?|tastes?|textures?)\b", re.IGNORECASE)
_ONE_EXERCISE = re.compile(r"\b(?:this|the|a|an|following|simple|quick|short|grounding|breathing|relaxation|"
                           r"calming|mindfulness)\s+(?:\w+\s+)?(?:exercise|technique|practice|meditation|method|"
                           r"routine|ritual|drill)(?!s)\b|\b(?:box|4-7-8|belly|diaphragmatic|square|paced) breathing\b|"
                           r"\bbody scan\b|\bprogressive (?:muscle )?relaxation\b|\b5-4-3-2-1\b|\bhere['’]s how\b|"
                           r"\bhow to do (?:it|this)\b|\bto do (?:it|this)\b|\bstep[- ]by[- ]step\b", re.IGNORECASE)
_RECORD = re.compile(r"\b(?:diary|journal entry|log|worksheet|tracker|thought record|mood chart|chart|template|"
                     r"columns?|fields?|record (?:of|the|each|what)|write down|note down|jot down|keep track)\b",
                     re.IGNORECASE)
_SIGNS = re.compile(r"\b(?:(?:warning |early |common |telltale |red-flag )?signs?|symptoms?|red flags|"
                    r"you (?:may|might) (?:notice|feel|experience)|look(?:ing)? out for|watch(?:ing)? for|"
                    r"what (?:it|this) (?:can )?looks? like)\b", re.IGNORECASE)


def holds_together(block: Block, section: Section, items: list[Item]) -> str | None:
    """What kind of list this is when its items are parts of one whole and none says anything alone: the steps
    of one exercise (an item that says "then", "repeat" or "for four counts", a countdown of "five things you
    see, four you hear", or one exercise named in the lead-in with its steps in order), the fields of a diary
    or worksheet, or signs and symptoms. None for a list of separate pieces of advice."""
    lead = block.lead_in or ""
    where = " ".join(part for part in (section.heading, lead) if part)
    texts = [item.full for item in items]
    if len(texts) < 2:
        return None
    sequenced = sum(bool(_SEQUENCE.search(text)) for text in texts)
    if sum(bool(_COUNTDOWN.search(text)) for text in texts) >= 2:
        return STEPS_OF_ONE_EXERCISE
    if sequenced >= 2 or (sequenced and (block.ordered or _ONE_EXERCISE.search(where))) or (
            _ONE_EXERCISE.search(lead or where) and block.ordered):
        return STEPS_OF_ONE_EXERCISE
    if _RECORD.search(where) and all(len(words(text)) <= 8 for text in texts):
        return "the fields of a diary or worksheet"
    commands = sum(is_command(capitalize_first(text)) for text in texts)
    if _SIGNS.search(where) and commands * 2 <= len(texts) and not stem(block):
        return "signs or symptoms"
    return None


_NO_SUBJECT = re.compile(r"^(?:(?:\w+ly\s+)?(?!\w*thing\b)\w{2,}ing|for|at|about|not|without)\b", re.IGNORECASE)
_THEY = re.compile(r"^(?:they|he|she)\b", re.IGNORECASE)


# "**Noticing Parts**: Becoming aware of …", "**Building Trust**: …": a label that is a step, which goes out with its
# description as its siblings' do (user trial 11: the first of five steps was left out, the four like it kept)
_STEP_LABEL = re.compile(r"^(?:\w+ly\s+)?(?!\w*thing\b)\w{3,}ing\b")


# A condition before the description's own words ("If the illness has been traumatic, processing these experiences.")
_CONDITION_FIRST = re.compile(r"^(?:if|when)\b[^,]{3,100},\s*(?=\w)", re.IGNORECASE)


def finishes_lead_in(lead_in: str, label: str, body: str) -> str | None:
    """Why a bold-labelled paragraph of a run under a lead-in ("Counselling can provide:" + "**Identity work.**
    Exploring who you are beyond your health…") says nothing alone: its label only names a topic, and its
    description opens with no subject ("Exploring…", "For the years…", "Not knowing…"), has no verb of its own and
    does not open by naming the label's words (as "Medical trauma: Frightening medical experiences…" does; "Emotional
    literacy: Helping young people name their emotional experiences" names them too late), so it finishes the
    lead-in's sentence, which the tip would never say; or its description opens with a "they" that only the lead-in
    names ("**Withdrawal.** They're turning down plans…"). None when the description can stand as a sentence."""
    first = (split_sentences(body) or [""])[0].strip().lstrip("“\"‘(")
    condition = _CONDITION_FIRST.match(first)
    first = first[condition.end():] if condition else first
    bare = label.strip().rstrip(":.").strip()
    if lead_in and _THEY.match(first) and not has_verb(bare) and not is_imperative(bare) and len(words(bare)) <= 6:
        return "needs context: its description opens with a “they” the label never names"  # "They're turning down …"
    if not lead_in or not first or not _NO_SUBJECT.match(first) or has_verb(bare) or is_imperative(bare) or (
            _STEP_LABEL.match(bare) and not _SIGNS.search(lead_in)) or len(
            words(bare)) > 6 or main_verb(first) or content_words(bare) & content_words(" ".join(words(first)[:3])):
        return None
    said = (split_sentences(lead_in) or [lead_in])[-1].strip()
    return f"a list item alone: finishes its lead-in (“{said}”) with no subject of its own"


_WHOLE_QUOTE = re.compile(r"^\s*[“\"][^”\"]+[”\"]\s*$")


_PORTRAIT = re.compile(r"^(?:an?|someone|somebody)\b[^.,;:—–!?]{0,60}?\b(?:who|whose)\b(?P<clause>.*)$", re.IGNORECASE)
_CLAIM_VERB = re.compile(r"\b(?:is|are|can|may|might|should|must|means|helps|needs|tends|deserves)\b", re.IGNORECASE)


def labelled_portrait(label: str, body: str) -> str | None:
    """Why a paragraph that only sketches someone under a label naming a kind of person ("**The Perfectionist:** A Year
    10 student who stops attending after their first B grade…") says nothing alone: a case example, one person
    described by a "who" clause with no main verb after it (before its first comma), and nothing says what to do."""
    bare = label.strip().rstrip(":.").strip()
    said = split_sentences(body)
    found = _PORTRAIT.match(said[0].strip()) if len(said) == 1 else None
    if not found or _CLAIM_VERB.search(re.split(r"[,;—–]", found.group("clause"))[0]) or has_verb(bare) or is_imperative(bare) or len(
            words(bare)) > 6:
        return None
    return f"an example alone: a portrait of someone under a label (“{bare}”), with no advice"


def labelled_example(label: str, body: str) -> str | None:
    """Why a paragraph that is only a quotation under a label naming a situation ("**With family:** “I love you and I'm
    not willing to discuss my weight.”") says nothing alone: an example of what to say, and nothing says of what."""
    bare = label.strip().rstrip(":.").strip()
    if not _WHOLE_QUOTE.match(body) or has_verb(bare) or is_imperative(bare) or re.search(
            r"\b(?:says?|said|ask|tell)\b", bare, re.IGNORECASE) or len(words(bare)) > 4:
        return None
    return f"an example of what to say under a label (“{bare}”), with nothing saying what it is an example of"


def labelled_paragraph(block: Block) -> bool:
    """A paragraph under a bold label ("**Dread.** A knot in your stomach …"): one item of a run of them."""
    return block.kind == "paragraph" and bool(block.lead) and not label_lead(block.lead)


def run_lead_in(blocks: tuple[Block, ...] | list[Block], position: int) -> str:
    """The paragraph a run of bold-labelled paragraphs hangs from ("Counselling can provide:"), for one of them."""
    start = position
    while start > 0 and labelled_paragraph(blocks[start]) and labelled_paragraph(blocks[start - 1]):
        start -= 1
    before = blocks[start - 1] if start and labelled_paragraph(blocks[start]) else None
    if before is None or before.kind != "paragraph" or not before.text.rstrip().endswith(":"):
        return ""
    return before.text.strip()


def alone_by_rule(blocks: tuple[Block, ...] | list[Block]) -> tuple[dict[int, str], frozenset[int]]:
    """Why each bold-labelled paragraph says nothing alone (it finishes its lead-in, is an example or a portrait),
    by its place in the section; and the places of the runs of three or more (signs, causes) where one does."""
    alone: dict[int, str] = {}
    for position, block in enumerate(blocks):
        if labelled_paragraph(block):
            lead_in, label = run_lead_in(blocks, position), block.lead or ""
            reason = finishes_lead_in(lead_in, label, block.text) or labelled_example(label, block.text) or (
                labelled_portrait(label, block.text))
            if reason:
                alone[position] = reason
    siblings: set[int] = set()
    position = 0
    while position < len(blocks):
        end = position
        while end < len(blocks) and labelled_paragraph(blocks[end]):
            end += 1
        if end - position >= 3 and any(p in alone for p in range(position, end)):
            siblings.update(range(position, end))
        position = max(end, position + 1)
    return alone, frozenset(siblings)


def alone_as_siblings(block: Block) -> str | None:
    """Why a bold-labelled paragraph of a run whose siblings say nothing alone says nothing either: its label only
    names a topic (no sentence of the lead-in carries it) and its description is one line with no verb ("**Dread.**
    A knot in your stomach every Sunday evening."), the shape of its siblings left out (a user trial: two of five
    signs left out, one like them kept as a fragment)."""
    label = (block.lead or "").strip().rstrip(":.").strip()
    if whole_sentence(label) or is_command(label):
        return None  # a label that is a step or an action ("Processing underlying emotions.") goes out with it
    said = split_sentences(block.text)
    if len(said) != 1 or has_verb(said[0]) or main_verb(said[0]) or whole_sentence(said[0]) or is_command(
            said[0]) or is_question(said[0]):
        return None
    return f"a list item alone, as its siblings are: its description under “{label}” has no verb"
