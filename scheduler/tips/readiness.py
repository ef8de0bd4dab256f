"""Whether a tip can go out as split wrote it, and the notes that say why not.

A tip is ready when nothing in it needs a person's eye: its review notes are only the kind that describe
(a light compression, a text shortened at a sentence end) and its words pass the checks a manager would
make before posting (a headline that is more than a bare heading, no odd capitals, no hedge or condition
lost from the headline: scheduler.tips.meaning, after the tip model). Everything else carries a note that names what to look at.
"""

from __future__ import annotations

import re

from scheduler.tips import standalone
from scheduler.tips.advice_lists import JOINED_NOTE
from scheduler.tips.cardfit import NOTE as MISFIT
from scheduler.tips.cardfit import SHORTENED
from scheduler.tips.conditions import ADDED, carries, lacked_condition
from scheduler.tips.drafts import (
    CASE_NOTE,
    LATER_SENTENCE,
    MAX_HEADLINE,
    TITLE_HEADING_NOTE,
    UNFINISHED_NOTE,
)
from scheduler.tips.edges import SCENE as _SCENE
from scheduler.tips.filters import opens_with_reference, unresolved_pronoun
from scheduler.tips.leadins import ELLIPTICAL_NOTE
from scheduler.tips.meaning import DANGLING, HEADLINE_LEFT_OUT, TEXT_LEFT_OUT, TURNED
from scheduler.tips.persons import KEPT, NAMED
from scheduler.tips.referents import REWRITTEN, UNLINKED
from scheduler.tips.rewrites import LABEL_JOINED
from scheduler.tips.rewrites import SURE as _SURE_REWRITES
from scheduler.tips.scorer import REASONS
from scheduler.tips.sentences import split_sentences, words
from scheduler.tips.standalone import NOTES as STANDALONE_NOTES
from scheduler.tips.standalone import WEAK_READINGS, content_hints, standalone_notes
from scheduler.tips.tipmodel import (
    DOUBTED,
    FEATURES,
    HELD,
    LEANING,
    MODEL_NOTES,
    NOT_SURE,
    PLACE_NOTES,
    PRIVATE,
    SIGNS,
    UNLIKELY,
    flag_note,
    judge_tip,
    shown_reason,
    thresholds,
)
from scheduler.tips.typos import typo_notes
from scheduler.tips.unpostable import holds_markup
from scheduler.tips.verbs import SIBLINGS_COMMANDS, is_imperative

# A tip whose text's opening sentence a person rewrote (scheduler.tips.judging.rewrote_opening): what split said of
# the place its words stood in went, and later edits and `split` read it as the opening of a section.
OPENING_REWRITTEN = "opening rewritten by hand: read as the start of a section, not where split took it from"
# Notes that describe what split did without doubting the result; any other note means "look at this".
FINE = (OPENING_REWRITTEN, "headline lightly compressed from the sentence", "headline shortened from a longer sentence",
         "text shortened to fit a post",
         "rewritten from first person to an imperative", "headline is the section heading", LATER_SENTENCE)
_SHOUTED = re.compile(r"\b[A-Z]{3,}\b")
_ACRONYMS = frozenset(["ADHD", "PTSD", "OCD", "CBT", "DBT", "EMDR", "LGBTQ", "BIPOC", "NIMH", "CDC", "USA", "SAD",
                       "HALT", "RAIN", "STOP", "TIPP", "ACT", "NAMI", "SMART", "TED", "ASD", "GAD", "PPD", "COVID",
                       "AAMFT", "APA", "LGBT", "DEAR", "MAN", "GIVE", "FAST", "PLEASE", "HIPAA", "BPD", "IEP",
                       "TV", "FOMO"])


# Split leaves out a tip whose words hold markup (scheduler.tips.unpostable); a person's edit that writes some gets
# this note: "<b>Lower</b> the bar" goes out with its "<b>", an "&amp;" as five characters.
MARKUP = "looks like HTML/markup: it will be posted as written"


def markup_notes(*fields: str) -> list[str]:
    """MARKUP when any of the tip's words hold an HTML tag or entity; else none."""
    return [MARKUP] if any(holds_markup(field or "") for field in fields) else []


# A tip whose text lost, to the post's length, the sentence of its paragraph that says what to do (drafting.is_step):
# the manager sees which, and the tip waits for them
STEP_CUT = "the paragraph's step did not fit the post (“{}”): write it into the tip by hand"


SHORT_LINE = "a short line with nothing after it: check it says something by itself"
# The same line where the article goes on after it (questions, examples split left out): the note must be true of it.
SHORT_ALONE = "a short line without what follows it: check it says something by itself"


def review_notes(headline: str, text: str, notes: list[str], *, kind: str, section: str = "",
                 after: str = "", names: frozenset[str] = frozenset()) -> list[str]:
    """The notes a tip goes out with: split's own, less noise, plus the problems a person must look at. `after`:
    what the article's paragraph has after the tip's words (that split left out); `names`: words the article writes
    capitalised mid-sentence more than once (standalone.mid_sentence_names)."""
    found = list(notes)
    head_words = words(headline)
    if kind == "heading" and text.strip() == headline.strip():
        found.append("the section heading alone: add the sentence that makes it advice")
    elif len(head_words) <= 2 and text.strip() == headline.strip():
        found.append("a headline of two words and nothing more: add what makes it advice")
    elif len(head_words) <= 12 and text.strip() == headline.strip() and kind == "sentence" and not is_imperative(
            headline):
        found.append(SHORT_ALONE if after else SHORT_LINE)
    if kind == "sentence" and (re.match(r"^(?:maybe|perhaps)\b", headline, re.IGNORECASE) or (
            _SCENE.match(headline) and not re.search(r"\b(?:can|try|need|deserve|don’t|don't)\b", headline))):
        found.append("describes the reader’s situation rather than advising: check it says something a follower "
                     "can use")
    if any(word not in _ACRONYMS and word not in names for word in _SHOUTED.findall(headline)) or re.search(
            r"\b[a-z]+[A-Z][a-z]", headline):
        found.append("odd capitals in the headline: write it in sentence case")
    if kind != "edited":  # a person's own words are theirs to judge
        own = standalone_notes(headline, text, kind=kind, section=section, names=names)
        if any(note.startswith(LABEL_JOINED) or note == standalone.DEFINITION for note in notes):
            # the label names what its sentence is about, or the term its words define
            own = [note for note in own if not note.startswith(standalone.LABEL.split("“")[0])]
        if _siblings_commands(notes):  # the step it gives is said already
            own = [note for note in own if note != standalone.NOT_TO_READER]
        if after.endswith(":") and len(split_sentences(after)) <= 1 and standalone.NOT_TO_READER in own:
            # no advice, and its paragraph goes on to "Try these:" and a list: the list's lead-in, its items left out
            own = [standalone.LEAD_IN_ALONE if note == standalone.NOT_TO_READER else note for note in own]
        if not is_ready(found):  # a problem named already: the weaker readings would only add words
            own = [note for note in own if note not in WEAK_READINGS]
        found += own
        setup = contrast_setup(headline, text)
        if setup:
            found.append(CONTRAST_SETUP.format(setup))
    return list(dict.fromkeys(found))


CONTRAST_SETUP = ("headline is a setup that the next sentence answers (“{}”): head the card with that point, or "
                  "check the card does not read as the opposite of it")
# "Traditional therapy sometimes treats symptoms as problems.", "Many people often think rest is lazy.": what others
# do or think, told to be set against; the point is the sentence after it (user trial 11)
_SETUP_SUBJECT = re.compile(r"^(?:(?:traditional|conventional|standard|mainstream|older)\s+\w+|our culture|society|"
                            r"(?:many|most|some)\s+(?:people|therapists|therapies|doctors|approaches|treatments|"
                            r"programs|programmes|parents|couples|experts))\b[^.!?]{0,60}?\b(?:sometimes|often|usually|"
                            r"typically|tends? to|traditionally|commonly)\b", re.IGNORECASE)


# "It's not about being perfect.", "This isn't a flaw.", "Recovery is not about willpower.": a headline that says only
# what something is not, its point in the sentence after it (a user trial); "It's not selfish to rest." is a point
_NOT_ABOUT = re.compile(r"^[^,;:—–]{1,60}?(?:\b(?:is|are|was)\s+not|’s not|'s not|\b(?:isn|aren|wasn)[’']t)\s+"
                        r"(?:(?:really|just|only|all|always)\s+)?about\b[^,;:—–]{0,60}\.$", re.IGNORECASE)
_PRONOUN_NOT = re.compile(r"^(?:this|that)(?:(?:’s|'s|\s+is|\s+was)\s+not|\s+(?:isn|wasn|doesn)[’']t|\s+does not)"
                          r"\b[^,;:—–]{0,60}\.$", re.IGNORECASE)
_SAYS_BOTH = re.compile(r"\b(?:but|instead|rather)\b", re.IGNORECASE)
POINT_HEADLINE = "headline: the point, not its setup (“{}” stays in the text)"


def point_headline(headline: str, text: str) -> str | None:
    """The sentence after a headline that only sets up a contrast, when it can head the card instead: it fits a
    headline (MAX_HEADLINE) and stands alone (no question, no pointer, no note that it leans on anything); None
    when the headline is no such setup or its point cannot head the card (CONTRAST_SETUP then names it)."""
    head = " ".join(headline.split())
    if _SAYS_BOTH.search(head) or not (_SETUP_SUBJECT.match(head) or _NOT_ABOUT.match(head) or
                                       _PRONOUN_NOT.match(head)):
        return None
    sentences = split_sentences(text) or [text]
    if len(sentences) < 2 or " ".join(sentences[0].split()) != head:
        return None
    point = " ".join(sentences[1].split())
    if (len(point) > MAX_HEADLINE or not point.endswith(".") or _NOT_ABOUT.match(point) or _PRONOUN_NOT.match(point)
            or opens_with_reference(point) or unresolved_pronoun(point)):
        return None
    if any(note.startswith(CONTENT + NO_ADVICE) for note in standalone_notes(point, point, kind="sentence")):
        return None
    return point


def contrast_setup(headline: str, text: str) -> str | None:
    """The opening of the sentence that answers a headline that only sets up a contrast (what others sometimes or
    often do, said to be set against the tip's point); None when the headline is no such setup or nothing answers."""
    if not _SETUP_SUBJECT.match(headline.strip()):
        return None
    sentences = split_sentences(text) or [text]
    start = next((index for index, sentence in enumerate(sentences)
                  if sentence.strip().rstrip(".!?")[:40] == headline.strip().rstrip(".!?")[:40]), None)
    if start is None or start + 1 >= len(sentences):
        return None
    return " ".join(sentences[start + 1].split()[:8]) + "…"


# Which of split's notes speak of which words: after a person rewrites those words, the note no longer holds and
# the checks that can be made on the words alone are made again (the others, e.g. "a quotation: check who said
# it", stay until the person is done with the tip).
_ABOUT_HEADLINE = ("headline ", "odd capitals in the headline", HEADLINE_LEFT_OUT,
                   DANGLING.split("“")[0], MISFIT.split("{")[0], POINT_HEADLINE.split("(")[0])  # "the headline does not fit the x card …"
# What split rewrote in the tip's words (a pronoun named or kept, a pointer resolved, a linking word left out, a
# lead-in joined): true of split's text only, so it goes once the text is a person's ("headline joins the section
# heading …", the headline's own rewrite, goes with the headline).
REWRITES = tuple(note.split("{")[0] for note in (NAMED, KEPT, REWRITTEN, UNLINKED, JOINED_NOTE))
_ABOUT_TEXT = (TEXT_LEFT_OUT, TURNED.split("(")[0], "text shortened to fit a post", "list cut to fit a post", "source sentence has a typo?",
               STEP_CUT.split("“")[0],
               "spaces put back in run-together words", "rewritten from", ADDED.format(""), *REWRITES)
_ABOUT_BOTH = ("a headline of two words", "a short line with", "a short line without", "the section heading alone",
               "describes the reader", *MODEL_NOTES) + tuple(REASONS.values()) + STANDALONE_NOTES  # the scorer's reading of the words split wrote


def notes_after_edit(notes, headline: str, text: str, changed, *, flags=(), others=(), was: str = "") -> list[str]:
    """A tip's notes after a person changed its `changed` fields ("headline", "text", or others) to these words:
    the notes about those words go, and the checks on the words alone (odd capitals, a bare two-word headline, a
    likely typo, markup) are made again on the new words, and they go in split's order (note_rank). What split
    said of the tip's place in its article stays (an edit does not move it), and a flag not yet acknowledged
    (`flags`) holds it back with split's note for it. `others`: the tip's other words (alt text, the networks' own
    texts), read for markup; `was`: the headline before the edit, whose capitals split may have lowered (CASE_NOTE
    stays while its words are still in the tip). A headline's length is no note: the card fit says whether it
    fits (LONG_HEADLINES)."""
    changed = set(changed)
    about: tuple[str, ...] = (MARKUP, *FLAGS, LONG_HEADLINES)
    about += _ABOUT_BOTH if changed & {"headline", "text"} else ()
    about += _ABOUT_HEADLINE if "headline" in changed else ()
    about += _ABOUT_TEXT if "text" in changed else ()
    found = [note for note in notes if note in PLACE_NOTES or not note.startswith(about)]
    if changed & {"headline", "text"}:  # a condition the paragraph gave, that the person wrote in (user trial 8)
        found = [note for note in found if not ((lacking := lacked_condition(note)) and carries(lacking, headline,
                                                                                                 text))]
    if "headline" in changed and not _still_said(was, headline, text):
        found = [note for note in found if note not in (CASE_NOTE, TITLE_HEADING_NOTE)]
    if changed & {"headline", "text"}:
        found = review_notes(headline, text, found, kind="edited")
    if "text" in changed:
        found += typo_notes(text)
    found += markup_notes(headline, text, *others) + [note for note in [flag_note(flags)] if note]
    return sorted(dict.fromkeys(found), key=note_rank)  # as split orders them: content first, form last


# "long headline (102 characters): shorten it if you can": split gives no such note (noise on most tips, issue 19),
# and neither does an edit: a headline within the campaign file's limit is the manager's to keep when the cards
# fit it, and one they do not fit gets cardfit's note (split, split again over a hand-edited file) or is refused
# (the studio). The note is taken off a tip an old campaign file still gives it to, at its next edit.
LONG_HEADLINES = "long headline ("


def _still_said(was: str, headline: str, text: str) -> bool:
    """Whether the words of the headline before an edit are still in the tip (a lead-in split put in sentence
    case that opens the text too), whatever the headline says now."""
    bare = _folded(was.rstrip(".!?…"))
    return bool(bare) and bare in _folded(f"{headline} {text}")


def _folded(words_: str) -> str:
    return " ".join(words_.split())


def is_ready(notes: list[str] | tuple[str, ...]) -> bool:
    return all(note in FINE or note.startswith(("long headline", ADDED.format(""), SHORTENED.split("{")[0],
                                                 *_SURE_REWRITES)) for note in notes)


def _opening(note: str) -> str:
    return note.split("(")[0].split("“")[0]


# The order of a held-back tip's notes: first what is wrong with its content, in the words a manager acts on (it
# leans on something outside it, it gives no advice, it is one item of a list, a story, the practice's offer, a
# fragment), then the flags to acknowledge, then the doubts that name no fault, last the notes about its form
# (a headline shortened or taken from the heading, capitals, length, a condition added).
CONTENT = tuple(_opening(note) for note in (
    standalone.LEANS, standalone.NO_ANTECEDENT, standalone.POINTS_ELSEWHERE, standalone.POINTS_OUTSIDE,
    LEANING["opens_pointer"], LEANING["after_question"], LEANING["after_colon"],
    standalone.THE_UNSAID, standalone.SYMPTOMS_OF_WHAT, standalone.FOR_WHAT, standalone.TO_WHOM,
    standalone.SITUATION, standalone.SITUATION_LEAD_IN, standalone.LEAD_IN_ALONE, HELD["in_list"],
    standalone.STORY, standalone.OFFER, standalone.PRACTICE_VOICE, standalone.PRACTICE_TALK, REASONS["pitch"],
    standalone.FIRST_PERSON, standalone.QUESTION, standalone.CARRIED_QUESTION, standalone.EXAMPLE_ALONE,
    REASONS["context"], REASONS["setup"], REASONS["heading"], SIGNS["fragment"], SIGNS["question"], SIGNS["image"],
    standalone.BROKEN, standalone.CUT_SHORT, standalone.NO_VERB, standalone.LABEL, UNFINISHED_NOTE,
    MARKUP, "headline cut where the sentence goes on", "the section heading alone", "a headline of two words",
    HEADLINE_LEFT_OUT, TEXT_LEFT_OUT, TURNED, DANGLING, "headline names only some of the list's items", "headline puts one item where",
    ELLIPTICAL_NOTE))
# Readings that a tip gives no advice, without saying what it is instead (a setup, a story, a list's item…).
NO_ADVICE = tuple(_opening(note) for note in (
    standalone.NOT_TO_READER, standalone.DEFINITION, REASONS["other"], SIGNS["advice"],
    "a short line with", "a short line without", "describes the reader"))
FLAGS = (HELD["sensitive"], PRIVATE)
FORM = (*FINE, "long headline", "odd capitals in the headline", _opening(standalone.TITLE_CASE), CASE_NOTE, TITLE_HEADING_NOTE,
        ADDED.format(""), "rewritten from", "text shortened", "list cut to fit a post", HELD["long"],
        _opening(standalone.LONG), "source sentence has a typo")


def note_rank(note: str) -> int:
    """0 a problem of content, 1 no advice in it, 2 a flag to acknowledge, 3 a doubt that names no fault, 4 a note
    about form, 5 what split did that asks for no look (FINE: "headline lightly compressed from the sentence"),
    which never opens a held-back tip's notes: read first, it hid why the tip was held back."""
    if note in FINE:
        return 5
    if note.startswith(CONTENT):
        return 0
    if note.startswith(NO_ADVICE):
        return 1
    if note.startswith(FLAGS):
        return 2
    return 4 if note.startswith(FORM) else 3


def _siblings_commands(notes) -> bool:
    """A list item read as a command from its siblings: it gives a step, whatever the checks' verb lists say."""
    return any(note.startswith(SIBLINGS_COMMANDS.split("“")[0]) for note in notes)


def held_back_notes(notes, headline: str, text: str, reading=()) -> tuple[str, ...]:
    """A held-back tip's notes in the order a manager reads them, content first, opening on the likeliest problem:
    what its words show (content_hints: a word pointing outside it, a story, the practice's offer, an image), then
    split's own notes of content, then what its place says (one item of a list: `reading` is the tip model's numbers
    of it), "no advice" (which says only what it is not) after those. Only the order and these readings change, not
    whether the tip is ready."""
    found = list(notes)
    context = any(note.startswith(_CONTEXT) for note in found)
    said = [note for note in content_hints(headline, text) if not (context and note.startswith(_CONTEXT))
            and not (note == standalone.NOT_TO_READER and _siblings_commands(found))]
    named = any(note_rank(note) == 0 for note in found + said)
    place = dict(zip(FEATURES, reading))
    hints = said + ([HELD["in_list"]] if not named and place.get("in_list") else [])
    leaning = None if place.get("opens_section", 1) else next(
        (LEANING[name] for name in _PLACES if place.get(name)), None)
    if leaning and not any(note.startswith(_CONTEXT) or note in LEANING.values() for note in found + said):
        hints.append(leaning)  # "starts mid-paragraph" on every held-back tip it is true of, not only where the
        # tip model held it back for its place (a tip held for its length or a flag did not get it)
    if any(note_rank(note) == 1 or note == standalone.LEAD_IN_ALONE for note in found):
        # one reading of "no advice" is enough (a list's lead-in says what it is instead)
        hints = [note for note in hints if note_rank(note) != 1]
    found += hints
    if reading and not any(names_a_problem(note) for note in found):
        # held back by a doubt alone ("the model is unsure…"): say what its numbers show, or else its P(A)
        postable, ready = judge_tip(list(reading)).postable, thresholds()["ready"]
        found.append(shown_reason(reading) or (UNLIKELY.format(postable, ready) if postable < ready else DOUBTED))
    return tuple(sorted(dict.fromkeys(found), key=lambda note: (note_rank(note), note in _UNSURE, note not in said)))


def names_a_problem(note: str) -> bool:
    """Whether a note names why a tip is not ready: not what split did (FINE), not a bare doubt (the scorer's or
    the tip model's)."""
    return note not in FINE and note not in _UNSURE and not note.startswith(("long headline", ADDED.format("")))


# Doubts that name nothing to check: after one that does ("starts mid-paragraph: check it does not lean on the
# sentence before it"), which a user's "Money, travel… all pile up at once." did not get before it.
_UNSURE = (REASONS["advice"], NOT_SURE)


# What a tip's place says it may lean on (never its words: the model's opens_pointer reads "Some people" as one).
_PLACES = ("after_question", "after_colon", "mid_paragraph")
_CONTEXT = tuple(_opening(note) for note in (standalone.LEANS, standalone.NO_ANTECEDENT, standalone.POINTS_ELSEWHERE,
                                             standalone.POINTS_OUTSIDE, standalone.THE_UNSAID, REASONS["context"]))
