"""Article -> tips that stand on their own. Pure functions: same article, same tips.

A tip is a headline (the card's words: one complete thought from the article, lightly compressed)
and a text (the headline with the sentences after it that make it land). Sentences become headlines
only when they make sense alone; lists and examples of what to say are scheduler.tips.lists' work.
Near-duplicates are dropped (the better one stays), every text is made to fit the post, and each
tip gets a stable id, its source and its review flags.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import chain, repeat

from scheduler import networks
from scheduler.articles import Article, Block, Section
from scheduler.articles.lines import ATTRIBUTED_QUOTE
from scheduler.campaigns.file import PERSONAL_DETAILS, Tip, TipStatus, unique_id
from scheduler.posttext import length_on
from scheduler.tips.advice_lists import (
    JOINED_NOTE,
    alone_as_siblings,
    alone_by_rule,
    labelled_paragraph,
    run_lead_in,
)
from scheduler.tips.cardfit import CardCheck, bundled, drawable
from scheduler.tips.conditions import (
    ADDED,
    LACKS_PARAGRAPH_CONDITION,
    PARAGRAPH,
    after_condition,
    condition_of,
    needs,
    paragraph_condition,
    situated_line,
    step_through_can,
    takes_condition,
    with_condition,
)
from scheduler.tips.drafts import (
    LABEL_HEADS,
    LABEL_LEFT_OUT,
    LATER_SENTENCE,
    LONG_HEADLINE,
    MAX_CONTEXT_SENTENCES,
    MAX_HEADLINE,
    NOT_ENGLISH,
    TITLE_HEADING_NOTE,
    UNFINISHED_NOTE,
    Draft,
    Scope,
    advice_heading,
    bare_label,
    cut_short,
    defined_headline,
    defined_term,
    has_verb,
    heading_case_notes,
    headline_notes,
    headline_problem,
    headline_score,
    is_imperative,
    label_gives_way,
    label_heads,
    label_lead,
    later_headline,
    lead_in_case,
    long_headline_notes,
    make_headline,
    other_script,
    short_headline,
    topic_heading,
    unusable_reason,
    whole_sentence,
)
from scheduler.tips.edges import (
    edge_reason,
    first_person,
    habit_rewrite,
    imperative_rewrite,
    is_reader_scene,
    is_vignette,
    quoted_voice,
)
from scheduler.tips.filters import (
    advice_cut,
    advises_everyone,
    block_text,
    compress,
    dangling_references,
    ends_dangling,
    is_fragment,
    is_meta,
    is_question,
    opens_with_reference,
    points_elsewhere,
    practice_names,
    promo_heading,
    seeks_help_under_condition,
    tidy,
    unfinished,
    unresolved_pronoun,
    voiced_in_quotes_only,
)
from scheduler.tips.flags import (
    flag_words,
    personal_details,
    sensitive_words,
    vignette_names,
)
from scheduler.tips.ledger import Ledger, block_report
from scheduler.tips.lists import (
    ONE_OF,
    contrast_drafts,
    example_drafts,
    gives_words_to_say,
    introduces_example,
    is_contrast,
    labelled_item_sentence,
    labelled_run_draft,
    list_drafts,
    spoken_example,
    with_contrasts,
)
from scheduler.tips.meaning import (
    DANGLING,
    cut_open,
    keeps_meaning,
    meaning_notes,
    turned_note,
)
from scheduler.tips.persons import Named, article_person, named_person, names_the_person
from scheduler.tips.readiness import (
    POINT_HEADLINE,
    STEP_CUT,
    held_back_notes,
    is_ready,
    point_headline,
    review_notes,
)
from scheduler.tips.referents import pointer, resolved, unlinked, unnamed_reason
from scheduler.tips.rewrites import JOINED, LABEL_JOINED, joined_headline, voice_rewrite
from scheduler.tips.scorer import (
    LABELS,
    LEFT_OUT,
    REASONS,
    Candidate,
    Verdict,
    judge,
    thresholds,
)
from scheduler.tips.sentences import (
    Caseless,
    content_words,
    end_with_period,
    lower_first,
    mended_in,
    one_split,
    slugify,
    split_sentences,
    with_quotations_whole,
    words,
)
from scheduler.tips.situations import (
    TITLE,
    has_own_case,
    names_their_person,
    reads_as_command,
    referred_once,
    situation_of,
    states_own_case,
)
from scheduler.tips.standalone import (
    DEFINITION,
    FOR_WHAT,
    NO_ANTECEDENT,
    SITUATION,
    SITUATION_LEAD_IN,
    mid_sentence_names,
    orphan_pronoun,
    short_quote,
)
from scheduler.tips.teasers import announces_more, dropped_note, without_closing_teasers
from scheduler.tips.tipmodel import (
    FEATURES,
    Places,
    flag_note,
    judge_tip,
    left_out_reason,
    tip_features,
    why_not_ready,
)
from scheduler.tips.tipmodel import thresholds as tip_thresholds
from scheduler.tips.typos import typo_notes
from scheduler.tips.unpostable import unpostable_reason
from scheduler.tips.unsaid import name_unsaid
from scheduler.tips.verbs import is_command
from scheduler.tips.whose import for_the_reader_alone, someone_elses

__all__ = ["MAX_HEADLINE", "fits_bare", "split_article"]

STRONG_HEADLINE = 3.0  # a sentence this good starts its own tip even when it could extend the one before
NEAR_DUPLICATE = 0.5  # two tips sharing half their words (headline or text) are one tip
TEASER = "teaser (only announces what the next sentences say)"
SOFT_TEXT_LENGTH = 230  # context stops here: room for the link and hashtags, and a post that reads at a glance

Fits = Callable[[str, bool], bool]


def fits_bare(text: str, sensitive: bool) -> bool:
    return length_on(networks.first(), text).fits


@dataclass(frozen=True)
class Split:
    """The tips of an article and what became of each of its blocks (scheduler.tips.ledger)."""

    tips: list[Tip]
    blocks: list[dict]
    readings: list[tuple[float, ...]] = field(default_factory=list)  # what the tip model read of each tip


def split_article(article: Article, *, fits: Fits = fits_bare, cards: CardCheck | None = None) -> list[Tip]:
    """Every tip the article gives, in article order, each within `fits` and flagged for review."""
    return split_report(article, fits=fits, cards=cards).tips


def person_of(article: Article) -> str | None:
    """Whom the article speaks of throughout ("your partner"), read from its title, headings and blocks
    (scheduler.tips.persons), for a "they" or "them" that names no one before it."""
    return article_person([article.title] + [section.heading or "" for section in article.sections]
                          + [block_text(block) for _, block in article.blocks()])


@one_split()  # the rules remember their answers about its sentences until it is split
def split_report(article: Article, *, fits: Fits = fits_bare, judged: bool = True,
                 cards: CardCheck | None = None) -> Split:
    """The article's tips and its block report. `judged=False`: without the tip model's say (scheduler.tips.tipmodel),
    the tips as the rules alone make them, for training that model. `cards`: the cards each headline must fit
    (scheduler.tips.cardfit; by default the bundled brand's, every size)."""
    cards = cards or bundled()
    ledger = Ledger()
    scope = Scope(names=practice_names(article),
                  people=vignette_names(block.text for _, block in article.blocks()), ledger=ledger,
                  person=person_of(article),
                  title=article.title or "",
                  capitalised=mid_sentence_names(block.text for _, block in article.blocks() if block.kind == "paragraph"))
    cut = advice_cut(article, scope.names)
    intro = 0 if len(article.sections) > 1 and article.sections[0].heading is None else None
    drafts: list[Draft] = []
    for index, section in enumerate(article.sections):
        keep = cut.get(index, len(section.blocks))
        for block in section.blocks[keep:]:
            ledger.leave((block.number, None), "pitch or page furniture (its heading)" if promo_heading(
                section.heading, scope.names) else "pitch (the closing call to action and what follows it)")
        if keep:
            drafts.extend(_section_drafts(Section(section.heading, section.blocks[:keep]), scope,
                                          intro=index == intro))
    drafts = _without_near_duplicates(drafts, ledger)
    tips = []
    readings: list[tuple[float, ...]] = []
    used_ids: set[str] = set()
    places = Places(article)
    titled = situation_of(article.title)
    for draft in sorted(drafts, key=lambda d: (d.paragraph, d.sentence)):
        situation = _condition_for(draft, titled)
        condition = situation[0] if situation else None
        tip, named = _finish(draft, scope, fits, used_ids, condition=condition) or (None, None)
        lacking = _cannot_stand(tip) if tip is not None else None
        if tip is not None and lacking:
            for locator in draft.where():
                ledger.leave(locator, f"cannot stand alone, one line with nothing to carry it ({lacking})")
            used_ids.discard(tip.id)
            continue
        unusable = unpostable_reason(tip.headline, tip.text) if tip is not None else None
        if tip is not None and unusable:
            for locator in draft.where():
                ledger.leave(locator, unusable)
            used_ids.discard(tip.id)
            continue
        reading: tuple[float, ...] = ()
        if tip is not None:
            reading = tuple(tip_features(tip.headline, tip.text, tip.notes, ready=bool(tip.ready), kind=draft.kind,
                                         sensitive="sensitive" in tip.review,
                                         place=_joined_place(places.numbers(draft.paragraph, draft.sentence,
                                                                            tip.text), tip)))
        if tip is not None and judged:
            tip, unpostable = _judged(tip, reading)
            if unpostable:
                for locator in draft.where():
                    ledger.leave(locator, left_out_reason(tip.notes))
                used_ids.discard(tip.id)
                continue
        pieces = draft.pieces if len(draft.pieces) == len(draft.where()) else [""] * len(draft.where())
        if tip is not None and not any(piece in tip.text for piece in pieces):
            pieces = [""] * len(pieces)  # the headline alone was posted: it came from all of them
        for locator, piece in zip(draft.where(), pieces):
            if tip is None:  # an exercise cut short would change what the reader does: all of it or none
                ledger.leave(locator, "the steps of one exercise, too long for one post" if draft.whole
                             else "too long for a post")
            elif piece and piece not in tip.text:
                ledger.leave(locator, "list cut to fit a post")
            else:
                ledger.feed(locator, tip.id)
        if tip is not None:
            own = tip  # its own words, read before a condition is put in front of them (as the checks read them)
            if situation is not None:
                tip, own = _conditioned(tip, named, situation, fits)
            else:
                tip = _paragraph_conditioned(tip, draft, fits)
            tip = drawable(_meaning_kept(tip, draft, own.headline), cards)
            if not tip.ready:
                tip = replace(tip, notes=held_back_notes(tip.notes, own.headline, own.text, reading))
            tips.append(tip)
            readings.append(reading)
    tips = name_unsaid(article, tips, ledger)
    return Split(tips=tips, blocks=block_report(article, ledger), readings=readings)


def _joined_place(place: dict[str, float], tip: Tip) -> dict[str, float]:
    """A tip that opens on its lead-in joined to its label ("Grief counselling offers a space to feel.") does not
    follow the colon: it carries the sentence that ended on it (user trial 9: it was noted "follows a sentence
    ending on a colon")."""
    return {**place, "after_colon": 0.0} if JOINED_NOTE in tip.notes else place


# Notes that say a tip is missing what the article around it said, or is no advice at all: on a tip of one line
# there is nothing to carry it, so it is left out (with the note as the reason) rather than emitted.
# A command keeps its line (a manager can name "the topic" in a word; commands are most of an article's advice);
# a statement that leans on the article, or that the model reads as a setup, a pitch or a context, is left out.
_LACKING = ("leans on what came before", "a pronoun with no one to refer to", "points at another part",
            "points at something the tip has not said", "tells a story", "speaks about the practice’s clients",
            "a headline of two words and nothing more", "the section heading alone")
_MODEL_LACKING = (REASONS["context"], REASONS["setup"], REASONS["pitch"])


def _judged(tip: Tip, reading) -> tuple[Tip, bool]:
    """The tip with the tip model's say: held back from ready when graders would often edit one like it, and
    whether they would likely not post it at all (P(C) at least `drop`: what split keeps) to leave it out."""
    verdict = judge_tip(list(reading))
    limits = tip_thresholds()
    if verdict.unpostable >= limits["drop"] and not reading[FEATURES.index("example")]:
        return tip, True  # an example of what to say is never left out by a model: the rules decide it
    why = why_not_ready(reading, verdict.postable, limits)
    if tip.ready and why is None:
        why = flag_note(tip.review)
    if tip.ready and why:
        return replace(tip, ready=False, notes=tip.notes + (why,)), False
    if not tip.ready and limits.get("ready_alone") and why is None and "privacy" not in tip.review:
        return replace(tip, ready=True), False  # graders post tips like this as they come: the notes say what to check
    return tip, False


def _label(verdict: Verdict, headline: str) -> str:
    """The scorer's label, where the rules know better: a step ("Alternate holidays…", "If a relative is hurtful,
    talk later.") is advice whatever the label, and so is advice to everyone as "we" ("We all need support
    sometimes, and a counselor can help you."), which the scorer, reading every "we", calls the practice's pitch, and
    advice to seek help when something holds ("If your grief feels stuck …, professional support can help.", with no
    we, I, name or booking: user trial 9).
    Nor is a pitch a sentence whose "I", "we" and "my" are a quotation's, with no selling outside it (issue 19):
    words to say ("You might say, “I'm not going to talk about my weight.”") are a step; other quoted words get the
    scorer's next reading."""
    if (verdict.label == "other" and is_command(after_condition(headline))) or (
            verdict.label == "pitch" and (advises_everyone(headline) or seeks_help_under_condition(headline))):
        return "advice"
    if verdict.label == "context" and _own_clause_first(headline):
        return "advice"
    if verdict.label == "pitch" and voiced_in_quotes_only(headline):
        if gives_words_to_say(headline):
            return "advice"
        return max((p, label) for label, p in zip(LABELS, verdict.probabilities) if label != "pitch")[1]
    return verdict.label


# "Before you say yes to an invitation, …", "When your schedule fills up, …": a clause with a subject of its own opens
# the sentence, and names the moment it speaks of
_OWN_CLAUSE = re.compile(r"^(?:before|after|when|whenever|while|once|until|as soon as)\s+(?:you|your|a|an|someone|"
                         r"people)\b", re.IGNORECASE)


def _own_clause_first(headline: str) -> bool:
    """The scorer reads "before", "when" or "once" opening a headline as leaning on what came before; one that opens
    a clause of its own, with nothing else in the sentence pointing outside it, leans on nothing (a practice owner's
    trial: "Before you say yes to an invitation, pause for one breath and ask yourself, …" was noted "leans on what
    came before")."""
    return bool(_OWN_CLAUSE.match(headline.strip())) and not (
        opens_with_reference(headline) or unresolved_pronoun(headline) or dangling_references(compress(headline)))


# "Cognitive behavioral therapy is the best-supported treatment for …", "Exercise is one of the most effective ways
# to …": a statement of what helps
_WHAT_HELPS = re.compile(r"\b(?:is|are)\s+(?:the|a|an|one of the)\s+(?:best[- ]supported|most effective|best[- ]studied|"
                         r"first[- ]line|proven|evidence[- ]based|most helpful|best)\s+(?:treatments?|therap(?:y|ies)|"
                         r"approach(?:es)?|ways?|tools?)\s+(?:for|to)\b", re.IGNORECASE)
# "…, and you cannot offer calm when you are running on empty": the reader told what they can, must or need
_TO_THE_READER = re.compile(r"\byou\s+(?:can|can’t|can't|cannot|need|deserve|should|must|don’t have to|don't have to|"
                            r"do not have to)\b", re.IGNORECASE)


def _not_a_setup(headline: str, text: str) -> bool:
    """Whether a tip the scorer reads as a setup says what helps or goes on to what it sets up (user trial 8 graded
    both A: "Cognitive behavioral therapy is the best-supported treatment for school refusal …"; "Parents of teens
    with school refusal are often exhausted … Your own steadiness is one of your teen's best tools, and you cannot
    offer calm when you are running on empty."): its headline states what helps, or a later sentence of its text is
    a step or tells the reader what they can, must or need. Its note is then the model's doubt, not "a setup"."""
    return bool(_WHAT_HELPS.search(headline)) or any(is_command(sentence) or _TO_THE_READER.search(sentence)
                                                      for sentence in split_sentences(text)[1:])


def _cannot_stand(tip: Tip) -> str | None:
    """Why a tip of one line cannot stand alone, when it is missing what the article around it said (a word that
    leans on it, a pronoun or a "the symptoms" it never named, a story) or the model reads it as no advice, and
    it is no command: nothing after the line could carry it, so it is left out rather than emitted."""
    if tip.text.strip() != tip.headline.strip() or is_command(after_condition(tip.headline)):
        return None
    cut = short_headline(tip.headline) if len(tip.headline) > MAX_HEADLINE else None
    if cut and cut != tip.headline and not keeps_meaning(tip.headline, cut):
        return None  # a card's cut with the rest in the text, but for the condition it would leave out: as before
    if quoted_voice(tip.headline):
        return "someone's words alone, with nothing saying whose they are or what they show"
    if tip.ready:
        return None
    model = next((note for note in tip.notes if note in _MODEL_LACKING), None)
    if model:
        return model
    return next((note.split(":")[0].split(" (")[0] for note in tip.notes if note.startswith(_LACKING)), None)


def _section_drafts(section: Section, scope: Scope, *, intro: bool = False) -> list[Draft]:
    drafts = []
    blocks = section.blocks
    described = _describes_its_heading(section)
    if described:
        scope.ledger.leave((blocks[0].number, None), described)
        return []
    question = section.heading if section.heading and is_question(section.heading) else None
    consumed = 0
    heading_draft = None
    if blocks and blocks[0].kind == "paragraph":
        heading_draft, consumed = _heading_draft(section, blocks[0], scope)
        if heading_draft is not None:
            drafts.append(heading_draft)
            question = None
    labels = sum(labelled_paragraph(block) for block in blocks)
    lone, siblings = alone_by_rule(blocks)
    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        asked, question = question, None
        labelled = labelled_paragraph(block)
        lead_in = run_lead_in(blocks, position)
        alone = lone.get(position)
        joined = labelled_item_sentence(lead_in, section.heading, block.lead or "") if labelled and (
            lead_in or labels >= 2) else None  # "**Sleep disruption.**" is one of the signs its heading names
        if joined and (block.lead or "").rstrip().endswith(":") and ends_dangling((block.lead or "").rstrip().rstrip(":")):
            joined = None  # "**Rescuing says:** “You can't manage this…”": the label is the start of its sentence
        said = split_sentences(block.text)[:1] if joined else []
        if said and (is_question(said[0]) or len(joined or "") + len(said[0]) >= SOFT_TEXT_LENGTH or (
                len(words(block.lead or "")) < 2 and has_verb(said[0]) and not is_fragment(said[0])) or (
                (joined or "").startswith(ONE_OF) and (has_verb(said[0]) or is_command(said[0]))
                and not is_fragment(said[0])) or defined_term(block.lead or "", said[0])):
            joined = None  # the joined line would go out without the words that explain it, or a one-word label
            # ("**Relief:**") is left out of a tip that opens on its own sentence: the label stays as it was; and
            # "One of the <set>: <label>." never replaces a whole sentence of advice as the card's words (outside
            # readers graded such cards below the sentence they displaced)
        if alone is None and joined is None and position in siblings:
            alone = alone_as_siblings(block)
        if alone:
            scope.ledger.leave((block.number, None), alone)
        elif block.kind == "list":
            previous = blocks[position - 1] if position else None
            drafts.extend(list_drafts(block, section, previous, scope))
        elif block.kind == "quote":
            previous = blocks[position - 1] if position else None
            if previous is not None and introduces_example(previous.text):
                drafts.extend(example_drafts([block.text], block, section, scope))
            else:
                drafts.extend(_quotation_drafts(block, section, scope))
        else:
            introduces_list = following is not None and following.kind in ("list", "quote") and \
                block.text.rstrip().endswith(":")
            drafts.extend(_paragraph_drafts(block, section, scope, drop_last=introduces_list, question=asked,
                                            skip=consumed if position == 0 else 0, intro=intro, joined=joined,
                                            in_run=labelled and bool(lead_in)))
            run = _topic_run(blocks[position + 1:]) if block.text.rstrip().endswith(":") and not block.lead else []
            if run:
                drafts.extend(labelled_run_draft(block, run, section, scope))
            last = split_sentences(block.text)[-1:] if block.text else []
            # the article's own question goes on to the next paragraph's answer; a question someone asks inside a
            # quotation ("… Can we find other resources?") is what they say, not a question the next one answers
            question = last[0] if last and is_question(last[0]) and not last[0].rstrip().endswith(("”", '"')) else None
    return _headlines_apart(drafts)


def _headlines_apart(drafts: list[Draft]) -> list[Draft]:
    """The section's drafts, a list's tip named otherwise when a labelled item joined to the same lead-in has the
    headline it would have had ("Burnout in nurses might look like irritability and impatience." is the item's):
    by its whole list when that fits a card ("… irritability and impatience, early exhaustion, and detachment."),
    else by the first label no item's tip names ("Depression in young people might look like social withdrawal.").
    Two cards never say the same words; left as it was when every label has its own tip (the items' tips stay)."""
    joined = {draft.headline for draft in drafts if JOINED_NOTE in draft.notes}
    for draft in drafts:
        if draft.kind != "list" or draft.headline not in joined or draft.text == draft.headline:
            continue
        if len(draft.text) <= LONG_HEADLINE:
            draft.headline = draft.text
            draft.notes = [note for note in draft.notes if note != "headline names only some of the list's items"]
            draft.notes.extend(long_headline_notes(draft.text))
            continue
        named = draft.anchor or (draft.pieces[0] if draft.pieces else "")
        at = draft.headline.rfind(named) if named else -1
        opener = draft.headline[:at] if at > 0 else ""
        free = [piece for piece in draft.pieces if opener and end_with_period(opener + piece) not in joined
                and len(end_with_period(opener + piece)) <= LONG_HEADLINE]
        if free:
            draft.headline, draft.anchor = end_with_period(opener + free[0]), free[0]
            draft.notes = [note for note in draft.notes if not note.startswith(("long headline (", "headline names only"))]
            draft.notes += ["headline names only some of the list's items"] + long_headline_notes(draft.headline)
    return drafts


def _topic_run(after: tuple[Block, ...]) -> list[Block]:
    """The bold-labelled paragraphs right after a lead-in, when there are three or more and every label only names
    a topic ("**Mood shifts.**", "**Social withdrawal:**"); none otherwise."""
    run = []
    for block in after:
        if block.kind != "paragraph" or not block.lead or label_lead(block.lead):
            break
        run.append(block)
    return run if len(run) >= 3 and all(topic_heading(block.lead or "") for block in run) else []


def _describes_its_heading(section: Section) -> str | None:
    """Why a section's one sentence cannot stand without its heading: under "Psychiatrists", "Medical doctors who can
    prescribe medication and provide therapy." describes the heading's topic and has no subject of its own."""
    blocks = section.blocks
    if len(blocks) != 1 or blocks[0].kind != "paragraph" or blocks[0].lead or not section.heading:
        return None
    said = split_sentences(blocks[0].text)
    if not said or not all(_EXAMPLE.match(s) for s in said[1:]) or not topic_heading(section.heading) or is_command(
            said[0]) or whole_sentence(said[0]):
        return None  # "Your personal space, body, and physical needs. Example: “…”" under "Physical": its example too
    return f"describes its heading (“{section.heading.strip()}”) with no subject of its own"


_EXAMPLE = re.compile(r"^(?:(?:for )?example|e\.g\.)\b\s*:?\s*[“\"]", re.IGNORECASE)


def _quotation_drafts(block: Block, section: Section, scope: Scope) -> list[Draft]:
    """A short quotation with its author (“Grief is just love with no place to go.” — Jamie Anderson) is a quote
    card: the quotation is the headline, the text adds who said it. Others stay left out."""
    where = (block.number, None)
    match = ATTRIBUTED_QUOTE.match(block.text.strip())
    said = match.group("said").strip() if match else ""
    reason = None if not match else ("first person" if first_person(said) else unusable_reason(said, scope))
    headline = f"“{end_with_period(said)}”"
    if not match or reason or is_question(said) or len(headline) > LONG_HEADLINE:
        scope.ledger.leave(where, f"quotation ({reason})" if reason else "quotation")
        return []
    text = f"{headline} — {match.group('who').strip()}"
    return [Draft(headline=headline, sentences=[text], section=section.heading, paragraph=block.number, sentence=1,
                  sources=[block.text], context=block.text, score=2.0, kind="quote", fixed_text=True,
                  notes=["a quotation: check who said it"] + long_headline_notes(headline), locators=[where])]


def _heading_draft(section: Section, block: Block, scope: Scope) -> tuple[Draft | None, int]:
    """A heading that is itself advice ("## 3. Take a break before you boil over", "Step 2: Name what you need")
    is the tip's headline when the first sentence under it carries the thought on: the first sentences are the text.
    The heading is never pasted into the text; written as a title ("TAKE A BREAK", "Stay Connected With
    Friends") it is put in sentence case, with a note."""
    headline = advice_heading(section.heading or "")
    if headline is None or (block.lead and not label_lead(block.lead)) or is_meta(block.text):
        return None, 0
    said = with_contrasts([tidy(s) for s in with_quotations_whole(block.text)])
    rewrites = [voice_rewrite(s) for s in said[:MAX_CONTEXT_SENTENCES]]
    sentences = [rewrite.text if rewrite else s for s, rewrite in zip(said, rewrites)] + said[MAX_CONTEXT_SENTENCES:]
    if not sentences or first_person(sentences[0]) or not _carries_heading_on(sentences[0], scope):
        return None, 0
    taken = sentences[:1]
    for sentence in sentences[1:MAX_CONTEXT_SENTENCES]:
        if unusable_reason(sentence, scope) or is_question(sentence) or first_person(sentence) or len(
                " ".join(taken + [sentence])) > SOFT_TEXT_LENGTH + 40:
            break  # a sentence opening with "Instead" reads well after the first
        taken.append(sentence)
    taken += _on_to_the_step(taken, sentences, scope)
    rewritten = [rewrite.note for rewrite in rewrites[:len(taken)] if rewrite]  # what was turned to the reader
    case_notes = heading_case_notes(section.heading or "", headline)
    heading_words = words(section.heading or "")
    if case_notes and not set(heading_words[1:]) & scope.capitalised and not any(
            len(word) > 1 and word.isupper() for word in heading_words):
        # a title's capitals lowered from no word the article writes as a name: no names to check (a practice
        # owner's trial: the note's "check names" was untrue of "Lower the bar on purpose."), but the tip is still
        # read first (TITLE_HEADING_NOTE); capitals throughout ("STAY CONNECTED") may hide an acronym, and keep it
        case_notes = [TITLE_HEADING_NOTE]
    sources = [section.heading or ""] + taken
    joined = joined_headline(headline, taken[0], MAX_HEADLINE)
    verdict = judge(Candidate(text=joined.text, kind="sentence", index=0, total=1, first_block=True)) if joined else None
    if joined is not None and verdict is not None and verdict.advice >= judge(
            Candidate(text=headline, kind="heading")).advice:
        # "Stay connected." alone on a card says little: its first sentence goes with it, when the model reads the
        # two together as advice at least as surely as the heading alone
        joined_draft = Draft(headline=joined.text, sentences=[joined.text] + taken[1:], section=section.heading,
                             paragraph=block.number, sentence=1, sources=sources, context=block.text,
                             score=STRONG_HEADLINE + 1, notes=[joined.note] + rewritten + case_notes, verdict=verdict)
        return joined_draft, len(taken)
    setup = [SETUP_TEXT.format(opening=_opening_words(taken[0]))] if _sets_up_a_belief(taken) else []
    draft = Draft(headline=headline, sentences=taken, section=section.heading, paragraph=block.number,
                  sentence=1, sources=sources, context=block.text, score=STRONG_HEADLINE + 1,
                  kind="heading", notes=setup + ["headline is the section heading"] + rewritten + case_notes)
    return draft, len(taken)


def is_step(sentence: str) -> bool:
    """The sentence tells the reader what to do, after any condition it opens on ("When your schedule fills up, keep
    at least one small anchor each day, …"); not a list of nouns that opens on a word that may be a verb ("Sleep,
    movement and regular meals are not luxuries …")."""
    rest = after_condition(sentence.strip())
    return is_command(rest) and not re.match(r"^\W*[\w’'-]+,", rest)


def _on_to_the_step(taken: list[str], sentences: list[str], scope: Scope) -> list[str]:
    """The paragraph's sentences after the first ones a heading's tip takes, up to its first step, when the first
    ones give none, the step cannot head a tip of its own and the text stays short (a practice owner's trial: "Protect your routines" took "Sleep, movement
    and regular meals are not luxuries in December. They are the floor that holds you up." and cut "When your
    schedule fills up, keep at least one small anchor each day, …", the how of the tip); else none."""
    if len(taken) < MAX_CONTEXT_SENTENCES or any(is_step(sentence) for sentence in taken):
        return []
    step = next((index for index in range(len(taken), len(sentences)) if is_step(sentences[index])), None)
    if step is None or headline_score(sentences[step], step, len(sentences)) is not None:
        return []  # a step that heads a card is a tip of its own
    more = sentences[len(taken):step + 1]
    if len(" ".join(taken + more)) > SOFT_TEXT_LENGTH + 40 or any(
            unusable_reason(sentence, scope) or is_question(sentence) or first_person(sentence) for sentence in more):
        return []
    return more


# A section's first paragraph that sets up a belief its heading corrects (user trial 9: "There is no “right” way to
# grieve" over "You may have heard of the “stages of grief” … they're often misunderstood."): under the heading
# as a card it is no advice, only the way in; the tip is held with a note that says so
_BELIEF_SET_UP = Caseless(
    r"^(?:you(?:’ve|'ve| have| may have| might have| probably)(?: probably| already)? (?:heard|read|been told)|"
    r"(?:many|most) (?:people|of us) (?:think|believe|assume|have heard)|it(?:’s|'s| is) (?:often|commonly|widely) "
    r"(?:said|believed|assumed)|there(?:’s|'s| is) a (?:common|popular|widespread) (?:idea|belief|myth|notion))\b")
_OFTEN_MISREAD = Caseless(r"\b(?:often|commonly|widely|frequently) (?:misunderstood|misread|misused|misapplied)\b|"
                          r"\b(?:is|are) (?:a )?myths?\b")
SETUP_TEXT = ("the text is the section's setup (“{opening}”), not its advice: write what the heading means, or "
              "take the text from the advice under it")


def _sets_up_a_belief(sentences: list[str]) -> bool:
    """The text only sets up what the section goes on to correct: it opens on what the reader may have heard or
    many believe, or says it is often misunderstood, and no sentence of it is a step."""
    return bool(sentences) and bool(_BELIEF_SET_UP.search(sentences[0]) or any(
        _OFTEN_MISREAD.search(sentence) for sentence in sentences)) and not any(is_command(s) for s in sentences)


def _opening_words(sentence: str) -> str:
    found = sentence.split()
    return " ".join(found[:6]) + (" …" if len(found) > 6 else "")


def _carries_heading_on(sentence: str, scope: Scope) -> bool:
    """The first sentence under an advice heading reads with it as one thought: usable in a tip, not a question,
    a setup for a list ("Here's how:"), a story or a pointer elsewhere."""
    return not (unusable_reason(sentence, scope) or (is_question(sentence) and not is_contrast(sentence))
                or sentence.rstrip().endswith(":")
                or points_elsewhere(sentence) or len(words(sentence)) < 4
                or len(sentence) > SOFT_TEXT_LENGTH + 40)


def _paragraph_drafts(block: Block, section: Section, scope: Scope, *, drop_last: bool,
                      question: str | None = None, skip: int = 0, intro: bool = False,
                      joined: str | None = None, in_run: bool = False) -> list[Draft]:
    """Tips from one paragraph: each strong sentence opens a tip, the sentences after it give context.
    `in_run`: the paragraph is one of a run of bold-labelled ones under a lead-in ("Grief counselling offers:").

    A sentence that answers a question goes with its question when the question stands alone
    ("Should I push my partner to see a therapist? Gentle encouragement works better than pressure.");
    an answer to a question that points elsewhere ("What if I feel guilty about it?") stands alone or not at all.
    """
    where = (block.number, None)
    if is_meta(block.text):
        scope.ledger.leave(where, "meta (byline, date, link or credit)")
        return []
    sentences = with_quotations_whole(block.text)
    lead = None if label_lead(block.lead) else block.lead
    lead_notes: list[str] = []
    opening = ""  # how the tip that carries the lead-in opens, when that is not the lead-in as a sentence
    if lead and joined:  # the label written out with what it belongs to (lists.labelled_item_sentence)
        lead, lead_notes = joined, [JOINED_NOTE]
        sentences = [joined] + sentences
    elif lead and in_run and _label_gives_way(lead, sentences):
        lead_notes = [LABEL_LEFT_OUT.format(label=lead.strip().rstrip(":.").strip())]
        lead = None
    elif lead and sentences and defined_term(lead, sentences[0]):
        lead, lead_notes = lead_in_case(lead)
        sentences = [defined_term(lead, sentences[0]) or sentences[0]] + sentences[1:]
        lead_notes, opening = [*lead_notes, DEFINITION], sentences[0]
    elif lead and not label_heads(lead, sentences) and (gives_way := label_gives_way(lead, sentences)) is not None:
        # "**Movement**: Gentle movement …"
        (sentences, lead_notes), lead = gives_way, None
    elif lead:
        heads = label_heads(lead, sentences)  # "**Screen curfew**:" over a sentence no card holds
        lead, lead_notes = lead_in_case(lead)
        if heads:
            lead_notes = [*lead_notes, LABEL_HEADS.format(label=lead.strip().rstrip(":.").strip())]
        if lead.rstrip().endswith(":") and sentences and ends_dangling(lead.rstrip().rstrip(":")):
            # "**Enabling says:** "You can't handle this."": the lead-in is the start of its sentence
            sentences = [f"{lead.rstrip()} {sentences[0]}"] + sentences[1:]
        else:
            sentences = [end_with_period(lead)] + sentences
    sentences = with_contrasts([tidy(sentence) for sentence in sentences])
    if sentences and skip == 0 and edge_reason(sentences[0]) == "bio":
        scope.ledger.leave(where, "bio")  # the rest of a paragraph that opens as a bio is the bio too
        return []
    if skip == 0 and not lead and is_vignette(sentences):
        scope.ledger.leave(where, "story (a scene from someone's day, with no advice in it)")
        return []
    if skip == 0 and not lead and is_reader_scene(sentences):
        scope.ledger.leave(where, "setup (a scene in the reader's shoes, with no advice in it)")
        return []
    if drop_last and sentences:
        sentences = sentences[:-1]
        scope.ledger.leave(where, "introduces the list below")
    if skip:
        scope.ledger.leave(where, "used under its heading")
    drafts: list[Draft] = []
    current: Draft | None = None
    total = len(sentences)
    for index, sentence in enumerate(sentences):
        if index < skip:
            continue
        number = index + 1 - (1 if lead else 0)
        notes = []
        rewrite = voice_rewrite(sentence)
        if rewrite is not None:
            sentence, notes = rewrite.text, [rewrite.note]
        elif first_person(sentence) and not is_question(sentence) and (
                imperative_rewrite(sentence) is not None or habit_rewrite(sentence) is not None):
            scope.ledger.leave(where, "first person")  # a shape the rewrite refused (a hedge it would drop)
            current = None
            continue
        if is_contrast(sentence):
            drafts.extend(contrast_drafts(sentence, block, section, number=max(number, 1)))
            question = current = None
            continue
        if is_question(sentence):
            question, current = sentence, None
            continue
        asked, question = question, None
        if not _joins_as_context(current, sentence):
            named = _named_referent(sentences, index, block, section, scope)
            if named is not None:
                sentence, notes = named.text, notes + [named.note]
        reason = unusable_reason(sentence, scope, intro=intro) or (
            "setup" if intro and asked and _teaser(sentence) else None) or (
            TEASER if announces_more(sentence) and not _joins_as_context(current, sentence) else None)

        def read_card(sentence: str = sentence, index: int = index) -> Verdict:
            """The model's reading of the words a card would show (a light compression of the sentence): asked to
            leave out a sentence that would open a tip, and for a tip it opens, not for one that joins the tip
            before it as context."""
            return judge(Candidate(text=make_headline(sentence)[0], kind="sentence", index=index, total=total,
                                   first_block=bool(section.blocks) and block is section.blocks[0]))

        verdict = read_card() if reason is None and current is None else None
        if verdict is not None and verdict.sure_not_advice(thresholds()["drop"]) and spoken_example(sentence) is None \
                and _label(verdict, sentence) != "advice":
            reason = LEFT_OUT[_label(verdict, sentence)]
        if reason:
            scope.ledger.leave(where, reason)
            current = None
            continue
        kind = _question_kind(asked) if asked and not first_person(asked) else None
        if kind == "stands":
            assert asked is not None  # a kind is found only for a question asked
            score = headline_score(sentence, 0, total)
            if score is None:
                scope.ledger.leave(where, headline_problem(sentence))
                current = None
                continue
            headline, first = make_headline(sentence)
            pasted = [] if asked == section.heading else [asked]  # the section's own question is never pasted in
            current = Draft(headline=headline, sentences=pasted + [first], section=section.heading,
                            paragraph=block.number, sentence=max(number, 1), sources=pasted + [sentence],
                            context=block.text, score=score, notes=notes + headline_notes(sentence, headline),
                            verdict=verdict or read_card())
            drafts.append(current)
            continue
        example = spoken_example(sentence)
        if example is not None:
            situated = situated_line(sentence)
            drafts.extend(example_drafts([example], block, section, scope, sentence=max(number, 1),
                                         situation=situated[0] if situated and situated[1] == example else None))
            current = None
            continue
        score = headline_score(sentence, index, total)
        definition = defined_headline(sentence) if opening and index == 0 else None
        if score is None and definition:
            score = DEFINITION_SCORE
        room = (current is not None and len(current.sentences) <= MAX_CONTEXT_SENTENCES
                and len(current.text) + len(sentence) < SOFT_TEXT_LENGTH and not points_elsewhere(sentence))
        recommended = rewrite is not None and rewrite.sure  # "We recommend ..." is advice of its own, not context
        if score is not None and (current is None or score >= STRONG_HEADLINE or not room or recommended):
            headline, first = make_headline(sentence)
            headline = definition or headline
            current = Draft(headline=headline, sentences=[first], section=section.heading, paragraph=block.number,
                            sentence=max(number, 1), sources=[sentence], context=block.text, score=score,
                            notes=notes + headline_notes(sentence, headline), verdict=verdict or read_card())
            drafts.append(current)
        elif current is not None and room and not is_question(sentence):
            current.sentences.append(sentence)
            current.sources.append(sentence)
            current.notes.extend(notes)
        else:
            scope.ledger.leave(where, "too long to join the tip before" if score is not None else _why_no_headline(
                sentence))
            current = None
    for draft in drafts:
        later = later_headline(draft.sentences) if cut_short(draft.notes) else None
        if later is not None:  # "… often find that talking." gives way to a whole sentence of the tip
            draft.headline = later
            draft.notes = [note for note in draft.notes if not cut_short([note])] + [LATER_SENTENCE]
        if lead_notes and lead is None and draft.sentence == 1:
            draft.notes.extend(lead_notes)
        if lead_notes and lead and draft.text.startswith(opening or end_with_period(lead)):
            draft.notes.extend(lead_notes)
            if joined:
                draft.carried = content_words(joined) - content_words(block.lead or "")
        if lead and not joined and draft.headline == end_with_period(lead) and len(draft.sentences) > 1:
            _join_label(draft, lead)  # "Difficulty saying no: every request feels like a test."
        if mended_in(block.mended, draft.text):
            draft.notes.append("spaces put back in run-together words: check the source")
    return drafts


def _join_label(draft: Draft, lead: str) -> None:
    """A bold label that only names a topic ("**Difficulty saying no.**", "**Sunday-night dread:**"), made the
    tip's headline, joined with the whole sentence after it as a short heading and its first sentence are joined
    (issue 19: the label alone on a card says nothing; outside graders gave such tips C). Only when the sentence
    stands alone and the two fit a card. The model is not asked: it reads the label and the pair alike (advice
    about 0.1 either way on the dev set), so its say would only add noise."""
    label, sentence = lead.strip().rstrip(":.").strip(), draft.sentences[1]
    if not bare_label(label) or not whole_sentence(sentence) or is_question(sentence):
        return
    joined = joined_headline(label, sentence, MAX_HEADLINE, ing=True)
    if joined is None:
        return
    draft.headline, draft.sentences = joined.text, [joined.text] + draft.sentences[2:]
    draft.notes.append(joined.note.replace(JOINED, LABEL_JOINED, 1))


# A bold label of a run that only names a topic, where the lead-in cannot take it ("Grief counselling offers:" +
# "**Finding your way forward.**") and it does not join its sentence on a card: the paragraph's first sentence heads
# the tip (user trial 9: "Finding your way forward." was a card by itself)
DEFINITION_SCORE = 0.5  # a bold term and its definition (drafts.defined_term): a card, though a weak one


def _label_gives_way(lead: str, sentences: list[str]) -> bool:
    """A label written as a sentence of its own ("**Finding your way forward.**"; one before a colon is read with
    its sentence already) that would head its tip alone."""
    label = lead.strip().rstrip(":.").strip()
    first = sentences[0] if sentences else ""
    return (bool(first) and not lead.rstrip().endswith(":") and bare_label(label) and (whole_sentence(first) or has_verb(first) and not is_fragment(first))
            and not is_question(first) and not opens_with_reference(first)
            and joined_headline(label, first, MAX_HEADLINE, ing=True) is None)


def _why_no_headline(sentence: str) -> str:
    """headline_problem's reason, naming the pointer when the sentence opens on one split could not name."""
    problem = headline_problem(sentence)
    return unnamed_reason(sentence) if problem.startswith("needs context") and pointer(sentence) else problem


def _joins_as_context(current: Draft | None, sentence: str) -> bool:
    """The sentence would go on the tip before it as context, where what it points at is said before it."""
    return current is not None and len(current.sentences) <= MAX_CONTEXT_SENTENCES and len(current.text) + len(
        sentence) < SOFT_TEXT_LENGTH and not points_elsewhere(sentence)


def _named_referent(sentences: list[str], index: int, block: Block, section: Section, scope: Scope):
    """The sentence with its opening "They"/"These"/"It" named as what it certainly means (scheduler.tips.referents):
    from the sentence before in its paragraph, or, opening its section, from the heading or the article's title; or
    without its opening "And"/"But"/"So" when nothing else in it leans (referents.unlinked)."""
    if pointer(sentences[index]) is None:
        return unlinked(sentences[index])
    first = index == 0 and bool(section.blocks) and block is section.blocks[0] and not block.lead
    return resolved(sentences[index], before=sentences[index - 1] if index else None, heading=section.heading,
                    title=scope.title, first_in_section=first, article_person=scope.person)


def _teaser(sentence: str) -> bool:
    """The opening's answer to its own questions ("Do you wake up already exhausted? You might be dealing with
    burnout.", "You're not alone."): a short line with no advice in it, which says nothing alone."""
    return len(words(sentence)) <= 8 and not is_imperative(sentence) and not re.search(r"\d", sentence)


def _question_kind(question: str) -> str:
    """rhetorical ("The good news?"), stands (makes sense alone), or refers (points outside itself)."""
    if not (has_verb(question) or is_imperative(question) or re.match(
            r"^(how|why|what|when|where|who|which|should|can|could|would|will|is|are|do|does|did)\b", question,
            re.IGNORECASE)):
        return "rhetorical"
    if (opens_with_reference(question) or unresolved_pronoun(question)
            or re.search(r"\b(it|this|that|these|those|they|them)\b", question, re.IGNORECASE)):
        return "refers"
    return "stands"


def _without_near_duplicates(drafts: list[Draft], ledger: Ledger | None = None) -> list[Draft]:
    """The best of each group of drafts that share half their words (headline or text), best first."""
    kept: list[Draft] = []
    head_sizes: list[int] = []
    text_sizes: list[int] = []
    head_index: dict[str, list[int]] = {}
    text_index: dict[str, list[int]] = {}
    headlines: set[str] = set()
    for draft in sorted(drafts, key=lambda d: (-d.score, d.paragraph, d.sentence)):
        head_words, text_words = content_words(draft.headline) - draft.carried, content_words(draft.text) - draft.carried
        if not head_words or draft.headline.lower() in headlines or _overlaps(head_words, head_index, head_sizes) or _overlaps(
                text_words, text_index, text_sizes):
            if ledger is not None:  # no words split can read is not a duplicate (a Cyrillic paragraph said so)
                why = "duplicate of another tip" if head_words else (
                    NOT_ENGLISH if other_script(draft.headline) else "no words to post")
                for locator in draft.where():
                    ledger.leave(locator, why)
            continue
        position = len(kept)
        kept.append(draft)
        headlines.add(draft.headline.lower())
        head_sizes.append(len(head_words))
        text_sizes.append(len(text_words))
        for word in head_words:
            head_index.setdefault(word, []).append(position)
        for word in text_words:
            text_index.setdefault(word, []).append(position)
    return kept


def _overlaps(found: frozenset, index: dict[str, list[int]], sizes: list[int]) -> bool:
    shared = Counter(chain.from_iterable(map(index.get, found, repeat(()))))  # counted in C: the index grows long
    return any(count / (len(found) + sizes[position] - count) >= NEAR_DUPLICATE
               for position, count in shared.items())


def _finish(draft: Draft, scope: Scope, fits: Fits, used_ids: set[str], *,
            condition: str | None = None) -> tuple[Tip, Named | None] | None:
    """The draft as a tip: flagged from its own words, the condition to be put in front of them and its heading,
    fitted to a post, with its review notes; and the pronoun it named as the article's person, if it did."""
    said = f"{condition}, " if condition else ""  # "If your friend talks about suicide, …": flagged by those words too
    fits_posted = _as_posted(fits, lambda: bool(sensitive_words(said + draft.headline, draft.text, draft.section or "",
                                                                    title=scope.title)))
    text = _fitting_text(draft, fits_posted)
    if text is None:
        return None
    headline, text = without_stray_quote(draft.headline), without_stray_quote(text)
    named = named_person(headline, text, scope.person)
    if named is not None and not (len(named.headline) <= LONG_HEADLINE and fits_posted(named.text)):
        named = None
    if named is not None:
        headline, text = named.headline, named.text
    found = {flag: words_ for flag, words_ in flag_words(
        said + draft.headline + " " + text, heading=draft.section or "", names=scope.people, title=scope.title).items()}
    if "privacy" not in found and personal_details(draft.context, scope.people) and personal_details(
            text, scope.people):
        found["privacy"] = (PERSONAL_DETAILS,)
    notes = list(draft.notes) + ([named.note] if named is not None else []) + typo_notes(text) + _teaser_notes(
        draft, text)
    if len(text) < len(draft.text if draft.fixed_text else " ".join(without_closing_teasers(draft.sentences))):
        notes.append("list cut to fit a post" if draft.kind == "list" else "text shortened to fit a post")
        cut = [] if draft.fixed_text or draft.kind not in ("sentence", "heading") else [
            sentence for sentence in draft.sentences[1:] if sentence not in text and is_step(sentence)]
        if cut and not any(is_step(sentence) for sentence in split_sentences(text)):
            notes.append(STEP_CUT.format(short_quote(cut[0])))
    if draft.kind in ("sentence", "heading") and not draft.fixed_text:
        notes += turned_note(text, [s for s in draft.sentences[1:] if s not in text] + split_sentences(_after(draft)))
    point = point_headline(headline, text) if draft.kind == "sentence" else None
    if point:  # the card says the point; its setup stays in the text
        notes.append(POINT_HEADLINE.format(headline))
        headline = point
    notes = review_notes(headline, text, notes, kind=draft.kind, section="" if condition else draft.section or "",
                         after=_after(draft), names=scope.capitalised)
    verdict = draft.verdict or (judge(Candidate(text=draft.sources[0] if draft.kind == "item" else draft.headline,
                                                kind=draft.kind, index=max(draft.sentence - 1, 0)))
                                if draft.kind in ("item", "heading") else None)
    if verdict is not None and is_ready(notes) and verdict.advice < thresholds()["ready"]:
        # composed tips (a list, examples, a quotation) keep the rules' word; a step or advice to everyone as "we"
        # is advice whatever the scorer's label (_label): only its doubt is true of it
        label = _label(verdict, headline)
        notes.append(REASONS["advice" if label == "setup" and _not_a_setup(headline, text) else label])
    tip_id = unique_id(slugify(draft.headline), used_ids)
    digest = hashlib.sha1("\n".join(draft.sources).encode("utf-8")).hexdigest()[:12]
    flags = tuple(f for f in ("sensitive", "privacy") if f in found)
    return Tip(id=tip_id, headline=headline, text=text, status=TipStatus.DRAFT, section=draft.section,
               source={"paragraph": draft.paragraph, "sentence": draft.sentence, "digest": digest},
               review=flags, notes=tuple(note for note in notes if not note.startswith("long headline")),
               review_words={flag: tuple(found[flag]) for flag in flags}, ready=is_ready(notes)), named


def _teaser_notes(draft: Draft, text: str) -> list[str]:
    """What the teasers left off the end of the text said that the tip does not (scheduler.tips.teasers)."""
    if draft.fixed_text:
        return []
    dropped = [sentence for sentence in draft.sentences[1:] if announces_more(sentence) and sentence not in text]
    return [note for note in (dropped_note(sentence, text) for sentence in dropped) if note]


def _after(draft: Draft) -> str:
    """The paragraph's words after the tip's last sentence (questions, examples, a list's "Try these:" split left
    out of it); "" when it ends there or the sentence is not found as written."""
    last = draft.sources[-1] if draft.sources else ""
    end = draft.context.find(last) if last else -1
    return draft.context[end + len(last):].strip() if end >= 0 else ""


def _conditioned(tip: Tip, named: Named | None, situation: tuple[str, str], fits: Fits) -> tuple[Tip, Tip]:
    """The tip with its condition in front, and its own words as the checks read them. A pronoun of the tip that
    split named as the article's person stays as the article wrote it when the condition names that person: "When
    your partner is going through depression, resist the urge to argue with how they feel.", not "… with how your
    partner feels." (user trial 4); named, as before, when the condition cannot be put in front of it."""
    if named is not None and names_the_person(situation[0], named.person):
        own = replace(tip, headline=named.own_headline, text=named.own_text,
                      notes=tuple(named.kept_note if note == named.note else note for note in tip.notes))
        kept = _with_condition(own, *situation, fits)
        if kept.text != own.text and orphan_pronoun(kept.text) is None and orphan_pronoun(kept.headline) is None:
            return kept, own
    return _with_condition(tip, *situation, fits), tip


def _condition_for(draft: Draft, titled: str | None) -> tuple[str, str] | None:
    """The condition the draft's list lead-in, section heading or article title gives it, and where it is from,
    when the draft is an instruction, its words leave the condition out and its headline can take it within a card
    (scheduler.tips.conditions); None else (readiness then notes a condition still missing)."""
    if draft.kind not in ("sentence", "item") or draft.fixed_text or not draft.sentences:
        return None
    condition, where = _situation(draft, titled)
    whom = condition is not None and _names_whom(condition, draft.headline)
    if where != "lead-in" and condition and condition != condition_of(draft.section) and not reads_as_command(
            draft.headline) and not whom:
        return None
    if where == TITLE and states_own_case(draft.headline):
        return None
    if condition is None or not (takes_condition(draft.headline) or whom) or not needs(condition, draft.headline,
                                                                                          draft.text):
        return None
    if someone_elses(condition) and for_the_reader_alone(draft.headline, draft.section):
        return None  # "When your partner is …, keep sleeping, eating, and moving.": whose sleep? (scheduler.tips.whose)
    if words(draft.sentences[0])[:1] != words(draft.headline)[:1]:
        return None  # the text opens on something else (a question asked before it)
    if len(with_condition(condition, draft.headline)) > LONG_HEADLINE:
        if draft.condition:  # (a heading's condition is noted by readiness's own checks)
            draft.notes.append(SITUATION_LEAD_IN.format(short_quote(draft.condition)))
        return None
    return condition, where


def _paragraph_conditioned(tip: Tip, draft: Draft, fits: Fits) -> Tip:
    """The tip with the condition of a sensitive topic its paragraph gave its instruction a sentence or two before
    (conditions.paragraph_condition) in front, when the card and the post hold it ("If your teen talks about wanting
    to die, …, stay with them, …"); else held back with the note naming the condition it lacks, in place of the
    note asking what its words of care are for (user trial 8: that note pointed the wrong way)."""
    if draft.kind != "sentence" or draft.fixed_text or not draft.sources:
        return tip
    sentences = [sentence.strip() for sentence in split_sentences(draft.context)]
    at = sentences.index(draft.sources[0].strip()) if draft.sources[0].strip() in sentences else 0
    condition = paragraph_condition(sentences[:at], tip.headline, tip.text) if at else None
    if condition is None or not sensitive_words(condition):
        return tip
    if len(with_condition(lower_first(condition), tip.headline)) <= LONG_HEADLINE:
        conditioned = _with_condition(tip, lower_first(condition), PARAGRAPH, fits)
        if any(note.startswith(ADDED.format(PARAGRAPH)) for note in conditioned.notes):
            return conditioned
    for_what = FOR_WHAT.split("“")[0]
    return replace(tip, notes=tuple(note for note in tip.notes if not note.startswith(for_what))
                   + (LACKS_PARAGRAPH_CONDITION.format(condition),), ready=False)


def _names_whom(condition: str, headline: str) -> bool:
    """A step put as what the reader can do ("You can gently suggest seeing … their doctor") whose "they" the
    condition names ("when your partner is going through depression"): it reads as the command would."""
    return step_through_can(headline) and names_their_person(condition, headline)


def _situation(draft: Draft, titled: str | None) -> tuple[str | None, str]:
    """The situation a draft's list lead-in, or else its section heading, states ("when the days feel heavy", "while
    you grieve", "when a friend is grieving"); under a heading that states none, the one its article's title names
    (scheduler.tips.situations: "when your partner is struggling"), and where it is from."""
    if draft.condition:
        return draft.condition, "lead-in"
    heading = condition_of(draft.section) or situation_of(draft.section)
    if heading or has_own_case(draft.section):
        return heading, "heading"
    return titled, TITLE


def _with_condition(tip: Tip, condition: str, where: str, fits: Fits) -> Tip:
    """The finished tip with its condition in front of its headline and text ("While you grieve, keep a simple
    routine."), noted; read and judged before as its own words, which the condition only narrows. A text the
    condition would make too long for a post keeps its words, with the note that the condition is missing."""
    cased, case_notes = lead_in_case(condition)
    once = _person_once(cased, tip)
    if once is None and where == TITLE:
        return tip  # the title's person named again where "them" may not be English: the tip stands without it
    own_headline, own_text, person = once or (tip.headline, tip.text, None)
    text = with_condition(cased, own_text)
    if not fits(text, "sensitive" in tip.review) and where == TITLE:
        return tip  # the title's situation only narrows what the tip already says well enough to stand
    if not fits(text, "sensitive" in tip.review):
        return replace(tip, notes=tip.notes + ((SITUATION_LEAD_IN if where == "lead-in" else SITUATION).format(
            short_quote(cased)),), ready=False)
    note = f"{ADDED.format(where)}: “{cased[0].upper() + cased[1:]}”"
    said_once = (PERSON_ONCE.format(where, short_quote(person[0]), person[1]),) if person else ()
    headline = with_condition(cased, own_headline)
    if where == TITLE and len(headline) > LONG_HEADLINE:
        return tip  # (a person named in the headline since _condition_for measured it)
    kept = tuple(n for n in tip.notes if not (n.startswith(NO_ANTECEDENT.split("(")[0]) and orphan_pronoun(text) is None))
    return replace(tip, headline=headline, text=text, notes=kept + (note, *said_once, *case_notes),
                   ready=bool(tip.ready) and not case_notes)  # "If your loved one …, don't leave them alone": who


PERSON_ONCE = ADDED + "; “{}” after it is “{}”"  # starts as ADDED: a note of form, never holding back


def _person_once(condition: str, tip: Tip) -> tuple[str, str, tuple[str, str] | None] | None:
    """The tip's headline and text to put after `condition` with the person it names said once (situations.
    referred_once: "When your teen is …, encourage them to …", in the headline and the text's first sentence, the
    sentences the condition opens), and the words that gave way with their pronoun; None where a pronoun's grammar is not certain."""
    headline = referred_once(condition, tip.headline)
    sentences = split_sentences(tip.text)
    first = referred_once(condition, sentences[0]) if sentences else (tip.text, None)
    if headline is None or first is None:
        return None
    start = tip.text.find(sentences[0]) if sentences else -1
    text = tip.text if start < 0 else tip.text[:start] + first[0] + tip.text[start + len(sentences[0]):]
    return headline[0], text, headline[1] or first[1]


def _meaning_kept(tip: Tip, draft: Draft, own: str) -> Tip:
    """The tip held back with a note where its headline or text leaves out a condition, a qualifier, a hedge, a
    negation or a turning "but" of its source (scheduler.tips.meaning), and with a headline that ends on a word
    needing more ("… your teen is", "… the argument only") replaced by its text's first sentence when a card holds
    it, else held back with a note. `own`: the headline before a condition was put in front of it. Read after the
    tip model, which reads the tip's words as before."""
    headline, notes = tip.headline, list(tip.notes)
    open_end = cut_open(draft.sources, own)
    if open_end:
        first = next(iter(split_sentences(tip.text)), "")
        if first and len(first) <= LONG_HEADLINE and not ends_dangling(first.rstrip(".!?”\"’ ")) and not unfinished(first):
            headline = first
            notes = [note for note in notes if not note.startswith(("headline cut where", "headline shortened",
                                                                    "headline lightly compressed", UNFINISHED_NOTE))]
        else:
            notes.append(DANGLING.format(headline.rstrip(".!?”\"’ ").split()[-1]))
    found = meaning_notes(draft.sources, headline, tip.text)
    if not found and headline == tip.headline and not open_end:
        return tip
    notes += [note for note in found if note not in notes]
    held = bool(found) or (open_end and headline == tip.headline)
    return replace(tip, headline=headline, notes=tuple(notes), ready=bool(tip.ready) and not held)


def without_stray_quote(words_: str) -> str:
    """The words without a quotation mark that opens or closes nothing in them: a quotation the sentence cut
    began before the headline ('"Anxiety is not a character flaw…') or ended after it ('…the show."')."""
    for opening, closing in (('"', '"'), ("“", "”")):
        count = words_.count(opening) + (words_.count(closing) if closing != opening else 0)
        unpaired = count % 2 if opening == closing else words_.count(opening) != words_.count(closing)
        if not unpaired:
            continue
        stripped = words_.strip()
        if stripped.startswith(opening) and (opening == closing or closing not in stripped):
            return stripped[1:].lstrip()
        end = stripped.rstrip(".!?")
        if end.endswith(closing) and (opening == closing or opening not in stripped):
            return (end[:-1] + stripped[len(end):]).rstrip() if stripped[len(end):] else end[:-1].rstrip()
        if stripped.endswith(closing) and (opening == closing or opening not in stripped):
            return stripped[:-1].rstrip()
    return words_


def _as_posted(fits: Fits, sensitive: Callable[[], bool]) -> Callable[[str], bool]:
    """Whether a text fits as its tip will be posted: with the crisis footer when `sensitive()` says the tip's words
    are. A post that fits with the footer fits without it (the footer only adds to it), so the words are read for
    sensitivity (the lexicon and the topic reader: 7 % of a split) only for a text that fits without the
    footer and not with it, and once."""
    answer: list[bool] = []

    def fits_posted(text: str) -> bool:
        if fits(text, True):
            return True
        if not fits(text, False):
            return False
        if not answer:
            answer.append(sensitive())
        return not answer[0]

    return fits_posted


def _fitting_text(draft: Draft, fits: Callable[[str], bool]) -> str | None:
    if draft.fixed_text:
        # one item of a list is not the list
        alone = [] if draft.kind == "list" and (draft.anchor or draft.whole) else [draft.headline]
        for text in [draft.text] + draft.extra + alone:
            if draft.anchor and draft.anchor not in text:
                continue
            if fits(text):
                return text
        return None
    sentences = without_closing_teasers(draft.sentences)
    while sentences:
        text = " ".join(sentences)
        if fits(text):
            return text
        sentences = without_closing_teasers(sentences[:-1])
    if draft.kind == "heading":
        return None  # a heading is never the post's text
    return draft.headline if fits(draft.headline) else None
