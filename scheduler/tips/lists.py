"""Lists and examples of what to say, into tips.

A list becomes one tip that carries its lead-in ("Common reasons a partner may resist include ..."),
or one tip per item when each item says something by itself; a quoted example of what to say
becomes a "Try saying: “...”" tip, after the situation its own sentence gives it ("When your mother criticizes your
cooking, try saying: “...”"), and an example of what not to say becomes nothing.
"""

from __future__ import annotations

import re

from scheduler.articles import Block, Item, Section
from scheduler.articles.model import join_lead
from scheduler.tips.advice_lists import (
    STEPS_OF_ONE_EXERCISE,
    TOGETHER_NOTE,
    Step,
    finished_items,
    forbids,
    holds_together,
    is_advice_list,
    plan,
    reference_reason,
    stem,
    tidy_item,
    warns,
)
from scheduler.tips.conditions import lead_in_condition, situated_example
from scheduler.tips.drafts import (
    LONG_HEADLINE,
    MAX_CONTEXT_SENTENCES,
    MAX_HEADLINE,
    Draft,
    Scope,
    has_verb,
    headline_notes,
    is_imperative,
    label_lead,
    lead_in_case,
    long_headline_notes,
    lowered_word,
    make_headline,
    topic_heading,
    unusable_reason,
)
from scheduler.tips.edges import edge_reason, first_person, without_quotes
from scheduler.tips.filters import (
    compress,
    dangling_references,
    is_fragment,
    is_meta,
    is_promotion,
    is_question,
    opens_with_reference,
    tidy,
    unresolved_it,
    unresolved_pronoun,
)
from scheduler.tips.flags import personal_details
from scheduler.tips.leadins import ELLIPTICAL_NOTE, names_nothing, naming_sentence
from scheduler.tips.rewrites import voice_rewrite
from scheduler.tips.sentences import (
    capitalize_first,
    end_with_period,
    lower_first,
    mended_in,
    split_sentences,
    words,
)
from scheduler.tips.verbs import IMPERATIVES, is_command

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
    if "“" not in sentence and '"' not in sentence:
        return None  # what is said is quoted: without a quotation mark, _SAY (tried at every place) cannot match
    match = _SAY.search(sentence)
    # the word that makes the quotation words to say leads into it: "Before you say yes …, pause and ask yourself,
    # “Do I have the energy for this?”" is a question to ask oneself, and its step, not "Try saying: “…”" (a
    # practice owner's trial)
    if not match or not re.search(r"\b(?:say|saying|try|example|instance|something like)\b",
                                  sentence[match.start():match.start(1)], re.IGNORECASE):
        return None
    window = re.split(r"[”\"]", sentence[: match.start(1) - 1])[-1]  # since the quote before, if any
    if _NOT_TO_SAY.search(window):
        return None
    return match.group(1)


def gives_words_to_say(sentence: str) -> bool:
    """The sentence ends on a quotation of what to say, or what not to ("You might say, “…”", "Try: “…”", "You could
    tell your dad, “…”", "Don't say “…”"): a step of what to say, whether or not it is an example to draw."""
    return ("“" in sentence or '"' in sentence) and _SAY.search(sentence) is not None


_INSTEAD_OF = re.compile(r"^instead of(?: saying)?:?\s*[“\"]([^”\"]{2,})[”\"]\s*[.!?]?$", re.IGNORECASE)
_TRY_THIS = re.compile(r"^(?:try(?: saying)?|say|say instead|try instead):?\s*[“\"]([^”\"]{2,})[”\"]\s*[.!?]?$",
                       re.IGNORECASE)
_CONTRAST = re.compile(r"^Instead of “[^”]+” try saying: “([^”]+)”$")


# A lead-in that introduces words to say ("Try saying:", "Phrases that help:", "You might respond with:"); quotations
# under another lead-in are what someone thinks or believes ("Trauma can shift our fundamental beliefs:" + "“It was my
# fault”"), never a script for the reader
_SPEECH_LEAD = re.compile(r"\b(?:say\w*|said|try\w*|ask\w*|tell\w*|phrases?|scripts?|words?|respon\w+|repl\w+|"
                          r"instead|examples?|like|statements?|sentences?|lines?|questions?|mantras?|affirmations?|"
                          r"remind\w*|repeat\w*|validat\w+|invit\w+|prompts?|starters?)\b", re.IGNORECASE)


def with_contrasts(sentences: list[str]) -> list[str]:
    """The sentences with an example of what not to say and the one to say instead as one ('Instead of: "You never
    listen." Try: "I feel unheard."' -> 'Instead of “You never listen,” try saying: “I feel unheard.”'): the example
    alone loses the point of the pair."""
    joined: list[str] = []
    for sentence in sentences:
        instead = _INSTEAD_OF.match(joined[-1]) if joined else None
        said = _TRY_THIS.match(sentence.strip()) if instead else None
        if instead and said:
            avoided = instead.group(1).strip()
            avoided = avoided[:-1] + "," if avoided.endswith(".") else avoided
            joined[-1] = f"Instead of “{avoided}” try saying: “{end_with_period(said.group(1).strip())}”"
        else:
            joined.append(sentence)
    return joined


def is_contrast(sentence: str) -> bool:
    return _CONTRAST.match(sentence) is not None


def contrast_drafts(sentence: str, block: Block, section: Section, *, number: int) -> list[Draft]:
    """A pair of what not to say and what to say instead is one tip: on the card the example when the pair is too
    long for it, in the text always the pair."""
    found = _CONTRAST.match(sentence)
    if found is None:
        return []
    headline = sentence if len(sentence) <= MAX_HEADLINE else f"Try saying: “{found.group(1)}”"
    if len(headline) > MAX_HEADLINE:
        return []
    return [Draft(headline=headline, sentences=[sentence], section=section.heading, paragraph=block.number,
                  sentence=number, sources=[sentence], context=block.text, score=2.0, kind="example",
                  fixed_text=True)]


def _quoted(text: str) -> str | None:
    """The words inside a whole-item quotation: `“I care about us.”` -> `I care about us.`"""
    match = re.fullmatch(r"\s*[“\"]([^”\"]+)[”\"]\s*[.!?]?\s*", text)
    return match.group(1).strip() if match else None


def example_drafts(examples, block: Block, section: Section, scope: Scope, *, sentence: int = 1,
                   situation: str | None = None) -> list[Draft]:
    """A "Try saying: “…”" tip for each line to say. `situation`: what the line's own sentence says it is for
    ("When your mother criticizes your cooking"), kept in front of it (issue 19: a rewrite keeps the source's
    conditions): on the card when the two fit a headline, else in the text under the line alone."""
    drafts = []
    for offset, raw in enumerate(examples):
        spoken = _quoted(raw) if raw.lstrip()[:1] in "“\"" else raw.strip()
        if not spoken or len(words(spoken)) < 4 or personal_details(spoken, scope.people):
            continue
        spoken = end_with_period(capitalize_first(spoken))
        headline = f"Try saying: “{spoken}”"
        text = situated_example(situation, spoken) if situation else headline
        if len(text) <= MAX_HEADLINE:
            headline = text
        if len(headline) > MAX_HEADLINE:
            continue
        drafts.append(Draft(headline=headline, sentences=[text], section=section.heading, paragraph=block.number,
                            sentence=sentence + offset, sources=[raw], context=block.text or raw, score=2.0,
                            kind="example", fixed_text=True))
    return drafts


_VERB_ENDING = re.compile(r"\b(include|includes|including|are|is|can|could|might|may|help|helps|you|to|like|mean|"
                          r"means|involve|involves|try|with|about|for|of|by|as|need|needs|want|wants|should|if|when|whenever|unless|"
                          r"from|through|into|onto|upon|on|at|avoid|consider|notice)$",
                          re.IGNORECASE)


_VAGUE_LEAD = re.compile(r"^(for example|for instance|examples?|such as|here are|here’s|here's|try these|"
                         r"these include|some examples|consider these|a few|the following|they include|"
                         r"this includes|this can look like|it can look like)\b", re.IGNORECASE)


_TERM = re.compile(r"^([A-Z][\w’'()/ -]{0,40}?):\s+(.+)$")


def list_drafts(block: Block, section: Section, previous: Block | None, scope: Scope) -> list[Draft]:
    """Tips from a list, and a reason in the ledger for every item that gives none. An item in the first person
    that can be turned to the reader ("I keep my phone in the kitchen at night") is, with its note."""
    notes: dict[int, str] = {}
    items = []
    for number, item in enumerate(block.items, 1):
        rewrite = voice_rewrite(end_with_period(item.text)) if not (item.lead or item.children) else None
        if rewrite is not None:
            item, notes[number] = Item(text=rewrite.text, mended=item.mended), rewrite.note
        items.append(item)
    drafts = _list_drafts(block, tuple(items), section, scope)
    for draft in drafts:
        draft.notes.extend(notes[number] for where, number in draft.where() if where == block.number and number in notes)
    return drafts


def _list_drafts(block: Block, items_: tuple[Item, ...], section: Section, scope: Scope) -> list[Draft]:
    ledger = scope.ledger
    numbered = [(number, tidy_item(item)) for number, item in enumerate(items_, 1)]
    never = reference_reason(block, section, [item for _, item in numbered])
    if never:
        for number, _ in numbered:
            ledger.leave((block.number, number), never)
        return []
    items = []
    for number, item in numbered:
        voice = edge_reason(item.full)
        if voice == "first person" and is_question(item.full.strip()):
            voice = None  # "What would I tell a friend?" in a list of questions to ask yourself
        elif voice is None and first_person(item.full) and not is_question(item.full.strip()):
            voice = "first person"  # a shape the rewrite refused ("I sometimes skip dessert": the hedge would go)
        elif voice == "setup" and is_imperative(item.full):
            voice = None  # "Name five things you can see": a step, not a promise of five things to come
        reason = (voice or ("pitch" if is_promotion(item.full, scope.names) else None)
                  or ("meta (byline, date, link or credit)" if is_meta(item.full) else None))
        if reason:
            ledger.leave((block.number, number), reason)
        else:
            items.append((number, item))
    if not items:
        return []
    quoted = [_quoted(item.full) for _, item in items]
    if all(quoted) and forbids(block):  # "Avoid:" + "“You'll get over it.”": never "Try saying" what it forbids
        forbidding = (block.lead_in or "").strip()
        for number, _ in items:
            ledger.leave((block.number, number), f"an example of what not to say (“{forbidding}”)")
        return []
    if all(quoted) and (not block.lead_in or _SPEECH_LEAD.search(block.lead_in)):
        drafts = example_drafts([item.full for _, item in items], block, section, scope)
        for draft, (number, _) in zip(drafts, items):
            draft.locators = [(block.number, number)]
        return drafts
    questions = [(n, item) for n, item in items if is_question(item.full.strip())]
    if len(questions) * 2 > len(items):
        return _question_list_draft(block, questions, section, scope)
    terms = [(n, item) for n, item in items if _definition(item) is not None]
    if len(terms) * 2 > len(items):
        commands = [n for n, item in terms if _definition(item) and is_command(_definition(item) or "")]
        if _list_lead(block, section) is not None and not all(_names_its_term(item) for _, item in terms) and len(
                commands) * 2 <= len(terms):
            return _combined_list_draft(block, [item for _, item in items], section, scope,
                                        numbers=[n for n, _ in items])  # "Cynicism. You feel detached...": the terms
        drafts = []
        for number, item in terms:
            sentence = _definition(item)
            if sentence:
                drafts.extend(_item_drafts(Item(text=sentence), number, block, section, scope))
            else:
                ledger.leave((block.number, number), "definition (term: description) without a sentence")
        for number, item in items:
            if (number, item) in terms:
                continue
            if _whole(item, loose=True):
                drafts.extend(_item_drafts(item, number, block, section, scope))
            else:
                ledger.leave((block.number, number), "definition list")
        return drafts
    if conditional_lead(block):  # "Consider reaching out if:" + "You have nightmares": an item alone loses its "if"
        if _CONDITION_OPENS.match((split_sentences(block.lead_in or "") or [""])[-1]):
            for number, _ in items:  # "If your teen is:" + its items: what to do then is not in the lead-in
                ledger.leave((block.number, number), "a condition whose lead-in never says what to do then")
            return []
        return _combined_list_draft(block, [item for _, item in items], section, scope,
                                    numbers=[n for n, _ in items])
    together = holds_together(block, section, [item for _, item in items])
    if together:
        drafts = _combined_list_draft(block, [item for _, item in items], section, scope,
                                      numbers=[n for n, _ in items], together=True,
                                      whole=together == STEPS_OF_ONE_EXERCISE)
        if sum(_whole(item, loose=True) for _, item in items) * 2 >= len(items):  # they would have stood as tips
            for draft in drafts:
                draft.notes.append(TOGETHER_NOTE.format(kind=together))
        return drafts
    if warns(block, section) and stem(block) is None and sum(
            is_command(capitalize_first(item.full)) for _, item in items) * 2 > len(items):
        return _warning_drafts(block, items, section, scope)
    steps = finished_items(block, items, SOFT_LIST_TEXT) or (plan(
        block, section, items, whole=lambda item: _whole(item, loose=True)) if is_advice_list(
        block, section, [item for _, item in items]) else None)
    if steps is not None:
        return _advice_drafts(block, section, steps, scope)
    loose = _list_lead(block, section) is None  # no lead-in to carry: short commands stand as tips of their own
    whole = [(n, item) for n, item in items if _whole(item, loose=loose)]
    continues = bool(block.lead_in and _CONTINUED.search(block.lead_in.rstrip().rstrip(":")))
    if len(whole) * 2 >= len(items) and not continues:
        drafts = []
        for number, item in items:
            if _whole(item, loose=loose):
                drafts.extend(_item_drafts(item, number, block, section, scope))
            else:
                ledger.leave((block.number, number), "not a sentence in a list of sentences")
        return drafts
    return _combined_list_draft(block, [item for _, item in items], section, scope,
                                numbers=[n for n, _ in items])


def _warning_drafts(block: Block, items: list[tuple[int, Item]], section: Section, scope: Scope) -> list[Draft]:
    """A list of what not to do is one tip whose headline keeps the lead-in in front of the item it names
    ("Things to avoid before bed: drink coffee after noon."): an item alone would advise the opposite."""
    drafts = _combined_list_draft(block, [item for _, item in items], section, scope, numbers=[n for n, _ in items])
    kept = []
    for draft in drafts:
        first = draft.pieces[0] if draft.pieces else ""
        at = draft.text.find(first) if first else -1
        headline = end_with_period(draft.text[:at + len(first)]) if at > 0 else ""
        if not headline or len(headline) > LONG_HEADLINE:
            for locator in draft.where():
                scope.ledger.leave(locator, "a list of what not to do with no headline that keeps its lead-in")
            continue
        draft.headline, draft.anchor = headline, first
        draft.notes = ["headline names only some of the list's items"] + long_headline_notes(headline)
        kept.append(draft)
    return kept


SOFT_LIST_TEXT = 230  # a list's items and lead-in longer than this would be cut to fit one post


def _advice_drafts(block: Block, section: Section, steps: list[Step], scope: Scope) -> list[Draft]:
    """A list of practical advice, item by item (scheduler.tips.advice_lists): its commands and sentences are tips
    of their own, an item that finishes its lead-in is a tip with the lead-in in front, and bare phrases go
    together after the article's lead-in sentence or are left out with the reason."""
    drafts = []
    for step in steps:
        if step.kind == "leave":
            scope.ledger.leave((block.number, step.number), step.reason)
        elif step.kind == "tip":
            made = _item_drafts(step.item, step.number, block, section, scope)
            for draft in made:
                draft.notes.extend(step.notes)
            drafts.extend(made)
    together = [step for step in steps if step.kind == "together"]
    if together:
        drafts.extend(_combined_list_draft(block, [step.item for step in together], section, scope,
                                           numbers=[step.number for step in together]))
    return drafts


def _definition(item: Item) -> str | None:
    """"Term: description" items: the description when it is a sentence of its own, "" when it is not,
    None for an item that is not a definition."""
    if item.lead and not _is_statement(end_with_period(item.lead)) and len(words(item.lead)) <= 5:
        body = item.text
    else:
        match = _TERM.match(item.full)
        if not match or len(words(match.group(1))) > 5 or _is_statement(match.group(1) + "."):
            return None
        body = match.group(2)
    first = (split_sentences(body) or [""])[0]
    if first[:1].isupper() and _is_statement(first) and len(words(first)) >= 5 and not opens_with_reference(first):
        return body
    if first[:1].isupper() and is_command(first) and len(words(first)) >= 2 and not opens_with_reference(first):
        return end_with_period(body)  # "Cool down: Splash cold water, step outside for fresh air"
    return ""


def _names_its_term(item: Item) -> bool:
    """A definition whose description names its term ("Stonewalling: stonewalling is usually a sign of flooding")
    stands alone; one that does not ("Cynicism. You feel detached from your work") needs the term beside it."""
    match = _TERM.match(item.full)
    term = item.lead or (match.group(1) if match else "")
    body = item.text if item.lead else item.full[len(term):]
    found = [w.lower() for w in words(term) if len(w) > 3]
    return bool(found) and any(w[:5] in body.lower() for w in found)


def _question_list_draft(block: Block, questions, section: Section, scope: Scope) -> list[Draft]:
    """A list of questions to ask yourself: one tip that carries its lead-in and the questions."""
    lead = block.lead_in or (section.heading or "")
    lead = lead.strip().rstrip(":").strip()
    sentences = split_sentences(lead)
    lead = sentences[-1].rstrip(":") if sentences else ""
    if not lead or opens_with_reference(lead) or first_person(lead) or is_question(lead):
        for number, _ in questions:
            scope.ledger.leave((block.number, number), "questions without a lead-in that stands alone")
        return []
    asked = [item.full.strip() for _, item in questions if not first_person(without_quotes(item.full))
             or lead.lower().startswith(("ask yourself", "questions to ask yourself"))]
    if not asked:
        return []
    opener = capitalize_first(lead) + ": "
    texts = [opener + " ".join(asked[:count]) for count in range(len(asked), 0, -1)]
    headline = opener + asked[0]
    if len(headline) > MAX_HEADLINE:
        headline = end_with_period(capitalize_first(lead))
        if len(words(headline)) < 3:
            for number, _ in questions:
                scope.ledger.leave((block.number, number), "questions without a lead-in that stands alone")
            return []
    notes = ["questions to ask yourself: check they read as the reader's own"]
    return [Draft(headline=headline, sentences=[texts[0]], section=section.heading, paragraph=block.number,
                  sentence=1, sources=[lead] + asked, context=" ".join([lead] + asked), score=2.0, kind="list",
                  fixed_text=True, extra=texts[1:], notes=notes,
                  locators=[(block.number, number) for number, _ in questions])]


def _whole(item: Item, *, loose: bool = False) -> bool:
    """An item that says something by itself: a bold lead that is a sentence, or a full sentence (or, `loose`,
    a command of three words or more without its period)."""
    if item.lead and _is_statement(end_with_period(item.lead)) and len(words(item.lead)) >= 2:
        return True
    sentences = split_sentences(item.text)
    if not sentences:
        return False
    first = sentences[0]
    if loose and is_command(first) and len(words(first)) >= 3 and first[:1].isupper() and not opens_with_reference(
            first):
        return True  # "Avoid the use of alcohol or drugs", with or without its period
    return (_is_statement(first) and (len(words(first)) >= 5 or is_command(first) and len(words(first)) >= 2)
            and first[:1].isupper()
            and (len(sentences) > 1 or first.rstrip("”\"’)")[-1:] in ".!?") and not opens_with_reference(first))


def _is_statement(text: str) -> bool:
    """A sentence: a command (the list's own verbs counted, "Cut back on caffeine after lunch.") or a verb in it."""
    return not is_fragment(end_with_period(text)) and (is_command(text) or has_verb(text))


def _item_drafts(item: Item, number: int, block: Block, section: Section, scope: Scope) -> list[Draft]:
    sentences = split_sentences(item.text)
    where = (block.number, number)
    case_notes: list[str] = []
    if item.lead and not label_lead(item.lead) and _is_statement(end_with_period(item.lead)) and len(
            words(item.lead)) >= 2:
        lead, case_notes = lead_in_case(item.lead)
        if sentences and sentences[0][:1].islower() and not lead.endswith((".", "!", "?")):
            sentences = [join_lead(lead, sentences[0])] + sentences[1:]  # "Lead with curiosity: ask about..."
        else:
            sentences = [end_with_period(lead)] + sentences
    if sentences and sentences[-1][:1].isupper():
        sentences[-1] = end_with_period(sentences[-1])  # a list item often ends without its period
    for child in item.children:
        sentences += [end_with_period(s) for s in split_sentences(child.full)]
    kept: list[str] = []
    for sentence in sentences:
        reason = "question" if is_question(sentence) else unusable_reason(sentence, scope)
        if reason == "setup" and not kept and is_imperative(sentence):
            reason = None  # "Name five things you can see.": a step, not a promise of five things to come
        if reason:
            scope.ledger.leave(where, reason)
            if not kept:
                return []
            break
        kept.append(tidy(sentence))
    if not kept or opens_with_reference(kept[0]) or dangling_references(compress(kept[0]))  or (
            len(kept) == 1 and unresolved_it(kept[0])):  # "Take it seriously.": nothing after it says what
        scope.ledger.leave(where, "needs context")  # "Breathe slowly while doing this.": doing what, the item never says
        return []
    headline, first = make_headline(kept[0])
    if len(headline) > LONG_HEADLINE:
        scope.ledger.leave(where, "no headline within a card's length")
        return []
    notes = headline_notes(kept[0], headline) + case_notes + (
        ["spaces put back in run-together words: check the source"] if mended_in(item.mended, " ".join(kept)) else [])
    return [Draft(headline=headline, sentences=[first] + kept[1:1 + MAX_CONTEXT_SENTENCES],
                  section=section.heading, paragraph=block.number, sentence=number,
                  sources=[item.full], context=item.full, score=2.0, kind="item", notes=notes, locators=[where],
                  condition=lead_in_condition(block.lead_in))]


NO_HEADLINE = "no headline within a card's length"
# Why a list gave no tip when no headline was too long: its items are points with bold labels ("- **Trouble
# sleeping.** Sleeping far more or less than usual…", a list of signs), or phrases after words ("Emotionally",
# "With healthy boundaries") that are no lead-in split makes a headline of (none of the shapes of
# _combined_list_draft: a lead-in sentence, a lead-in its phrases finish, a plural head, commands). A tip of such a list was tried and wrote worse tips on unseen articles (docs/evaluation.md, round 20): the
# list is left out as a list, and the manager reads it and takes it by hand (a user trial: "no headline within a
# card's length" was untrue there, issue 19 point 8).
LABELLED_LIST = ("a list of points with bold labels ({labels}), left out as a list: read them, and "
                 "`split --take b{block}` makes a tip of the list (b{block}.N of its point N)")
NO_LEAD_SENTENCE = ("a list of phrases after “{lead}” that split writes no headline for (no sentence of its own "
                    "words heads them): read them, and `split --take b{block}` makes a tip of the list")


def _labels(leads: list[str]) -> str:
    """The list's first labels, quoted, as a reason names them ("“Trouble sleeping.”, “Pulling away.”, …")."""
    shown = [f"“{lead.strip()}”" for lead in leads if lead.strip()]
    return ", ".join(shown[:2]) + (", …" if len(shown) > 2 else "")


def _combined_list_draft(block: Block, items: list[Item], section: Section, scope: Scope,
                         numbers: list[int] | None = None, together: bool = False, whole: bool = False) -> list[Draft]:
    """One tip of a list's phrases after its lead-in. `whole`: every item or none (the steps of one exercise: the
    4-7-8 breath cut after "hold for 7" changes what the reader does), as when the lead-in counts its items."""
    numbers = numbers or list(range(1, len(items) + 1))
    lead = _list_lead(block, section)
    from_lead_in = lead is not None and _lead_in_usable(block)
    if lead is None:
        for number in numbers:
            scope.ledger.leave((block.number, number), "list of phrases without a lead-in that stands alone")
        return []
    phrases_or_none = [_item_phrase(item) for item in items]
    kept: list[tuple[int, str]] = [(n, p) for n, p in zip(numbers, phrases_or_none)
                                   if p and not personal_details(p, scope.people)]
    for number, phrase in zip(numbers, phrases_or_none):
        if (number, phrase) not in kept:
            scope.ledger.leave((block.number, number), "question or personal details in a list of phrases")
    phrases = [p for _, p in kept]
    if len(phrases) < 2:
        for number, _ in kept:
            scope.ledger.leave((block.number, number), "a list of one phrase")
        return []
    orphaned = _orphaned_items(phrases) if not from_lead_in else None
    if orphaned:
        for number, _ in kept:
            scope.ledger.leave((block.number, number), orphaned)
        return []
    conditional = conditional_lead(block)  # its items are alternatives: any one of them meets the condition
    modal = _MODAL_REST.match(lead)
    if modal and not together:  # steps or signs that hold together: no one of them stands for the lead-in  # "These activities may help you feel better" + "spending time with loved ones"
        return _cataphoric_draft(block, lead, modal.group(1), kept, section, scope)
    open_ended = conditional or (bool(_VERB_ENDING.search(lead)) and (from_lead_in or _open_heading(section.heading)))
    noun_phrase = bool(re.match(r"^(?:\w+\s+){0,3}?\w+s\s+(?:that|which|who|to|for)\b", lead))  # "Four habits that help"
    clause = (not open_ended and from_lead_in and (has_verb(lead) or len(words(lead)) > 6) and not noun_phrase
              and not is_fragment(end_with_period(lead)))
    commands = sum(is_imperative(phrase) for phrase in phrases) * 2 > len(phrases)
    clauses = sum(bool(_CLAUSE_ITEM.match(phrase)) for phrase in phrases) * 2 > len(phrases)
    plural_head = (not open_ended and not clause and not commands and not clauses and _looks_plural(lead)
                   and not (from_lead_in and len(words(lead)) > 6 and not noun_phrase))  # "Small acts of care add up ..." + "include"
    before_colon = (not open_ended and not clause and not commands and _looks_plural(lead)
                    and bool(_NO_INCLUDE.search(lead)))  # "Without boundaries include …" garbled the list
    plural_head = plural_head and not before_colon
    lead = _spelled_out(lead)  # "5 warning signs of burnout" opens a sentence as "Five warning signs..."
    if open_ended:
        opener = lead + (", " if _CONDITION_ASIDE.search(lead) else " ")  # "when, after many months, the pain …"
    elif plural_head:
        opener = lead + " include "
    else:
        opener = lead.rstrip(":") + ": "
    said = _count_of(lead)
    counted = said is not None or whole  # "three habits": every item or none, so the number stays true ("2 weeks" counts none)
    if said is not None and said != len(phrases):
        for number, _ in kept:
            scope.ledger.leave((block.number, number), f"the lead-in counts {said} but the list has {len(phrases)}")
        return []
    texts = []
    for count in range(len(phrases), 1 if not counted else len(phrases) - 1, -1):
        texts.append(end_with_period(opener + _join(phrases[:count], either=conditional)))
    headline = None
    anchor = ""
    notes: list[str] = []
    if from_lead_in and names_nothing(lead):  # "Some that families tell us meant the most:" is no headline
        headline, texts, notes = _named_list(block.lead_in or "", lead, texts, items)
        if headline is not None and not notes:  # named by its sentence: with that longer opening, one item may be
            texts += [] if counted else [f"{headline} {end_with_period(opener + phrases[0])}"]  # all a post holds;
            anchor = phrases[0]  # never the sentence alone, without what it names
    held = bool(notes) and notes[-1].startswith(ELLIPTICAL_NOTE.split("“")[0])
    if clause and headline is None and not notes and len(end_with_period(lead)) <= MAX_HEADLINE:
        headline = end_with_period(lead)
    if headline is None and (open_ended or plural_head or together):
        for count in range(min(3, len(phrases)), 1, -1):
            candidate = end_with_period(opener + _join(phrases[:count], either=conditional))
            if count == 2 and any(" and " in phrase for phrase in phrases[:2]):
                continue  # "irritability and anger and academic decline": the first alone reads better
            if len(candidate) <= MAX_HEADLINE:
                headline = candidate
                break
        first = end_with_period(opener + phrases[0])
        if headline is None and conditional and len(first) <= LONG_HEADLINE:  # the list's first sign, not its shortest
            headline, anchor = first, phrases[0]
            notes.extend(long_headline_notes(first))
        if headline is None and len(first) <= MAX_HEADLINE:  # its first item, never one from the middle
            headline, anchor = first, phrases[0]
        if headline is not None:
            notes.append("headline names only some of the list's items")
    clause_head = re.sub(r",?\s+(?:including|such as|like)$", "", lead) if open_ended else ""
    if headline is None and clause_head != lead and has_verb(clause_head) and not is_fragment(
            end_with_period(clause_head)) and len(clause_head) < LONG_HEADLINE:
        headline = end_with_period(clause_head)  # "People may experience a range of reactions after trauma."
        notes.extend(long_headline_notes(headline))
    if headline is None and commands and not open_ended:
        first = end_with_period(capitalize_first(phrases[0]))
        if len(words(first)) >= 3 and len(first) <= MAX_HEADLINE:
            headline = first
    if headline is None and (open_ended or plural_head):  # a long card beats a list left behind
        first = end_with_period(opener + phrases[0])
        if len(first) <= LONG_HEADLINE:
            headline, anchor = first, phrases[0]
            notes.extend(["headline names only some of the list's items"] + long_headline_notes(headline))
    if headline is None and before_colon:
        first = end_with_period(opener + phrases[0])  # "Without boundaries: you may feel resentful, drained, or
        if len(first) <= MAX_HEADLINE and not is_question(phrases[0]):  # overwhelmed.": the lead-in and one item
            headline, anchor = first, phrases[0]
            notes.append("headline names only some of the list's items")
    if held:  # no headline names the items: the lead-in's own words, held back by the note that says so
        headline, anchor, notes = end_with_period(lead), "", [ELLIPTICAL_NOTE.format(lead=lead)]
    if headline is None:
        shaped = clause or open_ended or plural_head or together or before_colon or commands  # a headline was tried
        reason = (LABELLED_LIST.format(labels=_labels([item.lead or "" for item in items]), block=block.number)
                  if sum(bool(item.lead) for item in items) * 2 > len(items) else
                  NO_HEADLINE if shaped else NO_LEAD_SENTENCE.format(lead=lead.rstrip(":"), block=block.number))
        for number, _ in kept:
            scope.ledger.leave((block.number, number), reason)
        return []
    sources = [block.lead_in or section.heading or ""] + [item.full for item in items]
    # a lead-in named by the sentence before it says that sentence and what it names: that sentence's own tip is
    # the duplicate ("Specific offers are easier to accept." alone, beside the offers)
    score = NAMED_SCORE if not texts[0].startswith(opener) else 2.0
    return [Draft(headline=headline, sentences=[texts[0]], section=section.heading, paragraph=block.number,
                  sentence=1, sources=sources, context=" ".join(sources), score=score, kind="list", fixed_text=True,
                  extra=texts[1:], notes=notes, locators=[(block.number, number) for number, _ in kept],
                  anchor=anchor, pieces=phrases, whole=whole)]


NAMED_SCORE = 5.0  # above any sentence's own (scheduler.tips.drafts.headline_score, at most 4.5): it wins the duplicate


def _named_list(lead_in: str, lead: str, texts: list[str], items: list[Item]) -> tuple[str | None, list[str],
                                                                                     list[str]]:
    """(headline, texts, notes) of a list whose lead-in names nothing (scheduler.tips.leadins): the sentence before
    the lead-in, which says what the items are, as headline and the texts' opening; else the first item when it
    is a sentence (noted: it names one item); else no headline, and the note that holds the tip back."""
    named = naming_sentence(lead_in)
    if named is not None:
        return named, [f"{named} {text}" for text in texts], []
    first = end_with_period(capitalize_first(items[0].full.strip())) if items else ""
    if first and _whole(items[0]) and len(first) <= MAX_HEADLINE and not is_question(first):
        return first, texts, ["headline names only some of the list's items"]
    return None, texts, [ELLIPTICAL_NOTE.format(lead=lead)]


_PRONOUN_ITEM = re.compile(r"^(?:they|their|them|he|she|his|her|it|its)\b", re.IGNORECASE)


def _orphaned_items(phrases: list[str]) -> str | None:
    """Why a list under a heading alone gives no tip: most of its items speak of "they" ("They can prescribe
    medications" under "Decide on Your Needs"), whom only a paragraph before it names, and a heading in front would
    read as their subject ("Decide on your needs they can prescribe …")."""
    if sum(bool(_PRONOUN_ITEM.match(phrase)) for phrase in phrases) * 2 <= len(phrases):
        return None
    return "a list item alone: its items speak of “they” and no lead-in says who"


def _open_heading(heading: str | None) -> bool:
    """A heading that a list finishes, written to end on a colon ("Symptoms may include:"): a heading without one
    ends on a noun ("Decide on Your Needs", not "… needs" someone)."""
    return bool(heading) and (heading or "").rstrip().endswith(":")


def labelled_run_draft(lead_in: Block, run: list[Block], section: Section, scope: Scope) -> list[Draft]:
    """A run of bold-labelled paragraphs whose labels only name topics, under the paragraph that leads into them
    ("Depression in young people might look like:" + "**Irritability and anger:** …", "**Academic decline:** …"):
    one tip of the lead-in and the labels, a list of phrases, beside what each paragraph gives by itself."""
    items = tuple(Item(text="", lead=block.lead.strip().rstrip(":.").strip()) for block in run if block.lead)
    listed = Block(number=lead_in.number, kind="list", items=items, lead_in=lead_in.text)
    lead = _list_lead(listed, section) if _lead_in_usable(listed) else None
    if lead is None or not _VERB_ENDING.search(lead) or _DEFINITE_SUBJECT.match(lead):
        return []  # only a lead-in of the article's own that the labels finish ("… might look like:"), whose subject
        # the tip can name ("The therapeutic process typically involves:": which one?)
    drafts = _combined_list_draft(listed, list(items), section, scope)
    for draft in drafts:
        draft.locators = [(block.number, None) for block in run]
    return drafts


# A lead-in's last words that take a noun as their object, so a topic label can finish it ("… might look like:",
# "… often relates to:", "Common causes include:"); not "… help you to:" (a verb must follow) nor a condition
_TAKES_A_NOUN = re.compile(r"(?:\b(?:include|includes|including|like|from|through|into|involve|involves|are|is|"
                          r"offers?|provides?|triggers?|supports?|brings?|causes?|requires?|gives?|affects?)|"
                          r"\b\w+(?:s|ed)\s+to)$", re.IGNORECASE)
# A heading that names a kind of thing in the plural ("Signs Your Student Is Burning Out", "2. Causes of
# Depression", "Common warning signs"): a label under it is one of them
_KIND_HEADING = re.compile(r"^(?P<adjectives>(?:(?:common|early|warning|hidden|subtle|key|main|possible|physical|"
                           r"emotional|behavioural|behavioral|typical|other)\s+){0,2})(?P<kind>signs|symptoms|"
                           r"causes|reasons|red flags|risk factors|triggers|effects|costs)\b(?P<rest>.*)$",
                           re.IGNORECASE)
# The verb a plural kind takes right after "that"/"which" ("Signs that are easy to miss"), as one of them takes it
# ("A sign that is easy to miss"); a subject between them ("Signs that parents miss") leaves the verb as it is
_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does", "aren't": "isn't", "weren't": "wasn't",
             "haven't": "hasn't", "don't": "doesn't", "aren’t": "isn’t", "weren’t": "wasn’t", "haven’t": "hasn’t",
             "don’t": "doesn’t"}
_SINGULAR_VERB = re.compile(r"^(\s+(?:that|which)\s+)(" + "|".join(map(re.escape, _SINGULAR)) + r")(?!\w)", re.IGNORECASE)
# What a lead-in gives that a label in -ing cannot be ("Trauma-informed counselling provides reconnecting …")
_NO_GERUND = re.compile(r"\b(?:offers?|provides?|gives?|brings?|triggers?|causes?|affects?|are|is)$", re.IGNORECASE)
# What a lead-in that offers or provides names as its items (user trial 9: "Grief counselling offers:" +
# "**A space to feel.**", "**Help with complicated grief.**"): a noun with its article and what it is for, or help,
# support, space or time with what it is for; a label with a verb of its own ("A space opens up") is no such thing
_OFFERED = re.compile(r"^(?:(?:a|an|some|more)\s+[a-z-]+(?:\s+(?:to|for|of|with|in|where)\s+[\w’' -]+)?|"
                      r"(?:help|support|guidance|space|time|room|comfort|relief|tools)\s+(?:with|for|in|to|through|"
                      r"after|around)\s+[\w’' -]+)$", re.IGNORECASE)
_OFFERS = re.compile(r"\b(?:offers?|provides?|gives?|brings?|includes?|can give|can offer|can provide)$", re.IGNORECASE)
_NOUN_AFTER_VERB = re.compile(r"^[A-Z][a-z]+\s+[a-z]+(?:tion|sion|ment|ness|ity|ance|ence|ies)$")  # "Sleep disruption"


def labelled_item_sentence(lead_in: str, heading: str | None, label: str) -> str | None:
    """The sentence a paragraph's topic label stands for once it says what it belongs to (the way a list's lead-in
    is written in front of its items): the article's own lead-in, when the label finishes it ("Depression in young
    people might look like:" + "**Irritability and anger:**" -> "Depression in young people might look like
    irritability and anger."), or else one of the kinds its heading names ("Signs Your Student Is Burning Out" +
    "**Sleep disruption.**" -> "A sign your student is burning out: sleep disruption."). None when neither says it
    for certain (a lead-in that opens on "It", a condition, a heading that names no kind): the label stays as it
    was."""
    bare = re.sub(r"[.:;,]+$", "", _NUMBERED.sub("", label.strip())).strip()  # "**1. Deep breathing:**": no "1."
    if not bare or bare[:1] in "“\"‘":
        return None
    offered = bool(_OFFERED.match(bare))  # "A space to feel", "Help with complicated grief": a thing offered
    if not (topic_heading(bare) and not is_command(bare) or _NOUN_AFTER_VERB.match(bare) or offered):
        return None
    phrase = lower_first(_sentence_case(bare))
    listed = Block(number=0, kind="list", lead_in=lead_in or None)
    lead = _list_lead(listed, Section(None, ())) if lead_in and _lead_in_usable(listed) else None
    if offered and not (lead and _OFFERS.search(lead)):
        return None
    if lead and _TAKES_A_NOUN.search(lead) and not _DEFINITE_SUBJECT.match(lead) and not conditional_lead(listed):
        if re.match(r"^\w+ing\b", phrase) and _NO_GERUND.search(lead):
            return None  # "… provides reconnecting with yourself": the label is no thing the lead-in can give
        return end_with_period(f"{lead} {phrase}")
    bare_heading = _NUMBERED.sub("", heading or "").strip().rstrip(":.").strip()
    kind = _KIND_HEADING.match(bare_heading)
    if kind is None:
        return _one_of(bare_heading, phrase)
    singular = {"red flags": "red flag", "risk factors": "risk factor"}.get(kind.group("kind").lower(),
                                                                          kind.group("kind").lower()[:-1])
    rest = _SINGULAR_VERB.sub(lambda found: found.group(1) + _SINGULAR[found.group(2).lower()], kind.group("rest"))
    named = lower_first(_sentence_case(f"{kind.group('adjectives')}{singular}{rest}".strip()))
    article = "An" if named[:1] in "aeiou" else "A"
    return end_with_period(f"{article} {named}: {phrase}")


# A heading that names a set of things ("The Six Core Processes of ACT", "The Four DBT Skill Modules", "Common
# Triggers"): a plural noun phrase, with what it is of
_SET_HEADING = re.compile(r"^(?:the\s+)?(?:[\w-]+\s+){0,4}?[\w-]+[^s\W]s(?P<rest>\s+(?:of|for|after|during)\s+[^?!:]+)?$",
                          re.IGNORECASE)


_NO_SET = re.compile(r"^(?:how|what|why|when|where|who|which)\b|^\w+ing\s+(?:the|a|an|your|their|our|my|with|to|for)\b|"
                     r"\b(?:and|or|its|their|your|our|my|of|for|to|in|on|with|after|during)\b", re.IGNORECASE)


def _one_of(heading: str, phrase: str) -> str | None:
    """The label as one of the set its heading names ("One of the six core processes of ACT: cognitive defusion."),
    when the heading is a plural noun phrase with no verb after its noun; None otherwise ("How CBT Works")."""
    found = _SET_HEADING.match(heading)
    head = heading[:found.start("rest")] if found and found.group("rest") else heading
    if found is None or is_question(heading) or (found.group("rest") and has_verb(found.group("rest"))) or (
            _NO_SET.search(head)):
        return None  # "How CBT Works", "Understanding the Underlying Patterns", "Masking and its costs": no set named
    named = lower_first(_sentence_case(heading))
    return end_with_period(f"{ONE_OF}{named[4:] if named.lower().startswith('the ') else named}: {phrase}")


ONE_OF = "One of the "  # how a label joined to the set its heading names opens (_one_of)


def _cataphoric_draft(block: Block, lead: str, rest: str, kept, section: Section, scope: Scope) -> list[Draft]:
    """A list its lead-in points at ("These activities may help you feel better:"): the text is the lead-in with
    the items; the headline puts the first item that fits where the lead-in said "these activities"."""
    phrases = [phrase for _, phrase in kept]
    texts = [end_with_period(lead + ": " + _join(phrases[:count])) for count in range(len(phrases), 1, -1)]
    headline: str | None = None
    anchor = ""
    for phrase in phrases[:3]:
        candidate = end_with_period(capitalize_first(phrase) + " " + rest)
        if len(candidate) <= MAX_HEADLINE and not is_fragment(candidate):
            headline, anchor = candidate, phrase
            break
    if headline is None:
        for number, _ in kept:
            scope.ledger.leave((block.number, number), NO_HEADLINE)
        return []
    sources = [lead] + phrases
    return [Draft(headline=headline, sentences=[texts[0]], section=section.heading, paragraph=block.number,
                  sentence=1, sources=sources, context=" ".join(sources), score=2.0, kind="list", fixed_text=True,
                  extra=texts[1:], notes=["headline puts one item where the lead-in said “these”"],
                  locators=[(block.number, number) for number, _ in kept], anchor=anchor, pieces=phrases)]


_DEFINITE_SUBJECT = re.compile(r"^the\s+(?:[\w-]+\s+)?[\w-]+\s+(?!of\b)", re.IGNORECASE)
_CONTINUED = re.compile(r"\b(?:to|you|can|should|may|might|will|could|must)$", re.IGNORECASE)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _count_of(lead: str) -> int | None:
    """The number of things a lead-in promises ("three key habits" -> 3), when it counts the list's items."""
    match = re.search(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[a-z-]+\s+){0,2}?(?:ways|tips|"
                      r"steps|things|habits|signs|reasons|ideas|strategies|practices|tools|questions|rules|"
                      r"keys|lessons|mistakes|myths)\b", lead, re.IGNORECASE)
    if not match:
        return None
    word = match.group(1).lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _spelled_out(lead: str) -> str:
    number = re.match(r"^(\d{1,2})\b(?!\s*[.:)%])", lead)
    names = {value: name for name, value in _NUMBER_WORDS.items()}
    if not number or int(number.group(1)) not in names:
        return lead
    return names[int(number.group(1))].capitalize() + lead[number.end():]




_CONDITION = re.compile(r"\b(?:if|when|whenever|unless)$", re.IGNORECASE)
_CONDITION_OPENS = re.compile(r"^(?:if|when|whenever|unless)\b", re.IGNORECASE)
# "… may be present when, after many months or years:" + "The pain remains as intense …": the condition's clause
# opens, an aside between commas follows, and the items give its subject and verb (user trial 9: the lead-in alone
# was the headline "… may be present when, after many months or years.", a clause cut at the colon)
_CONDITION_ASIDE = re.compile(r"\b(?:if|when|whenever|unless),\s+[^,:;]{2,60}$", re.IGNORECASE)
_OPEN_CONDITION = re.compile(r"\b(?:if|when|whenever|unless)((?:\s+[\w’'-]+){1,4})$", re.IGNORECASE)
# "Get help right away if stress is causing you to:" + "Feel you can't cope": the items give the condition's verb
_OPEN_INFINITIVE = re.compile(r"\b(?:if|when|whenever|unless)(?:\s+[\w’'-]+){1,6}\s+to$", re.IGNORECASE)
# "It's particularly helpful for people who:" + "Engage in impulsive behaviors when upset": the items finish a
# relative clause, and one alone reads as a command the article never gave
_OPEN_RELATIVE = re.compile(r"\b(?:who|whose|(?:people|those|anyone|someone|adults|children|kids|teens|"
                            r"teenagers|parents|partners|couples|clients|individuals|students)\s+that)$",
                            re.IGNORECASE)


def conditional_lead(block: Block) -> bool:
    """A lead-in that ends on the condition its items finish ("Consider reaching out if:", "Seek help when:"), also
    on a verb whose object the items are ("Seek help immediately if you notice:", "… if your child is:", "… if
    stress is causing you to:"), or on a relative clause the items finish ("… helpful for people who:"): each
    item alone ("You have nightmares", "Engage in impulsive behaviors") would read as a statement or a command,
    the condition lost."""
    lead = (block.lead_in or "").rstrip()
    if not lead.endswith(":"):
        return False
    lead = lead.rstrip(":").rstrip()
    if (_CONDITION.search(lead) or _CONDITION_ASIDE.search(lead) or _OPEN_INFINITIVE.search(lead)
            or _OPEN_RELATIVE.search(lead)):
        return True
    rest = _OPEN_CONDITION.search(lead)
    last = words(rest.group(1))[-1].lower() if rest else ""
    return bool(last) and (last in IMPERATIVES or bool(has_verb(last)) or (
        last.endswith("ing") and not last.endswith("thing")))  # "if you're experiencing", not "when something"


def _lead_in_usable(block: Block) -> bool:
    if not block.lead_in or _VAGUE_LEAD.match(block.lead_in):
        return False
    sentences = split_sentences(block.lead_in)
    last = sentences[-1] if sentences else block.lead_in
    cataphoric = bool(_CATAPHORIC.match(last))
    return not ((opens_with_reference(last) and not cataphoric) or is_promotion(last) or first_person(last)
                or edge_reason(last) not in (None, "setup") or dangling_references(last) or unresolved_pronoun(last))


def _list_lead(block: Block, section: Section) -> str | None:
    """The words a list of phrases hangs from: its lead-in sentence, or else its heading when that is a topic."""
    if block.lead_in and _lead_in_usable(block):
        sentences = split_sentences(block.lead_in)
        last = sentences[-1] if sentences else block.lead_in
        return capitalize_first(compress(last.rstrip().rstrip(":").rstrip()))
    heading = _NUMBERED.sub("", section.heading or "").strip()
    if block.lead_in and _NO_INCLUDE.search(heading):
        return None  # a heading that says something of its own ("The body keeps the score") never stands in for
        # the article's own lead-in (user trial 10): it would open the items with words the article did not put there
    if heading.endswith(":") and _CATAPHORIC.match(heading):
        return capitalize_first(compress(heading.rstrip(":").strip()))
    heading = heading.rstrip(":")
    if heading and not heading.endswith("?") and not first_person(heading) and not re.match(
            r"^(how|why|what|when|where|who|which|is|are|can|should|do|does)\b", heading, re.IGNORECASE):
        return _sentence_case(heading)
    return None


_CATAPHORIC = re.compile(r"^(?:these|the following)\s+(?:[\w-]+\s+){0,2}?[\w-]+s\b", re.IGNORECASE)
_CLAUSE_ITEM = re.compile(r"^(?:you|your|you['’]re|they|their|he|she|his|her|it|we|i|people|kids|children|teens|"
                          r"partners?|everything|nothing|work|sleep)\b", re.IGNORECASE)  # "you feel tired": no "include"
_MODAL_REST = re.compile(r"^(?:these|the following)\s+(?:[\w-]+\s+){0,2}?[\w-]+s\s+((?:may|can|might|could|will|"
                         r"often|usually)\b.*)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(?:(?:step|tip|part|no\.?|#)\s*\d{1,2}\s*[:.)—–-]?\s*|\d{1,2}\s*[.):—–-]\s*)",
                       re.IGNORECASE)


_NO_SUBJECT = re.compile(r"^(?:for|with|at|in|on|during|after|before|when|if|about|to|from|by|while|within|among)\b",
                         re.IGNORECASE)
# Words in front of a list that end on a plural yet cannot open "… include …": a subject and its verb ("The body keeps
# the score", "Learning therapy skills leads to …", "Masking and its costs"), a phrase of circumstance ("Without
# boundaries"). The list's tip says them before a colon ("Without boundaries: you may feel resentful …").
_NO_INCLUDE = re.compile(r"^(?:(?:the|a|an|this|that|your|my|our)\s+[a-z-]+[^s\s]\s+[a-z-]+s\b|"
                         r"\w+ing\s+(?:the|a|an|your|their|our|my|and|with|to|for)\b|"
                         r"(?:without|beyond|despite|through|under|over|instead)\b)|"
                         r"\b\w+s\s+(?:leads|helps|means|makes|takes|gives|keeps|brings|causes)\b", re.IGNORECASE)


def _looks_plural(phrase: str) -> bool:
    """A plural noun phrase that can open "… include …" ("Common signs of burnout"), not a phrase that opens with a
    preposition ("For parents and carers")."""
    if _NO_SUBJECT.match(phrase):
        return False
    head = re.split(r"\s+(?:a|an|the|to|that|for|of|when|who|your|you|in|on|with|partners?|people)\b", phrase,
                    maxsplit=1)[0]
    last = words(head)[-1:] if words(head) else []
    return bool(last) and last[0].lower().endswith("s") and not last[0].lower().endswith("ss")


def _sentence_case(heading: str) -> str:
    parts = heading.split()
    return " ".join([parts[0]] + [lowered_word(word, parts[i]) for i, word in enumerate(parts[1:])])


def _item_phrase(item: Item) -> str | None:
    term = item.lead if item.lead else (_TERM.match(item.full.strip()) or [None, None])[1]
    described = item.text if item.lead else item.full[len(term or ""):]
    if term and not term.rstrip().endswith((".", "!", "?")) and len(words(term)) <= 5 and not re.search(
            r"\d", described):  # "Quick Meditation: 2-minute focused breathing": its term; not a phone number's
        return lower_first(_sentence_case(re.sub(r"[;:,]+$", "", term).strip()))
    text = (split_sentences(item.full.strip()) or [""])[0]
    if not text or is_question(text):
        return None
    text = re.sub(r"[.;:,]+$", "", text).strip()
    return lower_first(text)


def _join(phrases: list[str], either: bool = False) -> str:
    """The phrases as one series: "a, b, and c", or "a, b, or c" when any one of them will do (`either`)."""
    separator = "; " if any("," in p for p in phrases) else ", "
    conjunction = "or" if either else "and"
    if len(phrases) == 2 and separator == ", ":
        return f"{phrases[0]} {conjunction} {phrases[1]}"
    return separator.join(phrases[:-1]) + f"{separator}{conjunction} {phrases[-1]}"
