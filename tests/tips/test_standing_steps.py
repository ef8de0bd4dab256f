"""A step mid-paragraph that leans on nothing before it is read as the first words under a heading are (issue 19,
item 2): the bundled article's "Share how you feel using “I” statements." and user trial 8's "Ask for a meeting with
the school counselor …" were held back only by "starts mid-paragraph: check it does not lean on the sentence before
it", which was untrue of them; her grades called them A, and her rewrite of their openings alone made them ready.
The note keeps firing where a step does lean: on a condition or an example the paragraph gave before it, on a word
of sequence, a pronoun, or a thing the sentence before named; and a statement mid-paragraph keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduler.tips.tipmodel import LEANING, step_stands_alone
from tests.conftest import split_written, tip_opening

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "posts" / "articles" / "what-to-do-when-one-partner-wants-counseling.txt"
TRIAL = REPO / "tests" / "data" / "trial" / "when-your-teenager-wont-go-to-school.md"
MID = LEANING["mid_paragraph"]


def _tips(tmp_path, path: Path):
    return split_written(tmp_path, path.name, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("opening", ["Share how you feel using “I” statements.",
                                     "Try not to frame counseling as a test of commitment."])
def test_a_step_that_stands_alone_mid_paragraph_is_ready_on_the_bundled_article(tmp_path, opening):
    tip = tip_opening(_tips(tmp_path, BUNDLED), opening)
    assert tip.ready and MID not in tip.notes, tip.notes


@pytest.mark.parametrize("opening", ["Curiosity often works better than persuasion.",
                                     "When one partner changes how they show up",
                                     "Understanding the reasons behind reluctance"])
def test_a_statement_mid_paragraph_still_says_it_may_lean_on_the_sentence_before(tmp_path, opening):
    tip = tip_opening(_tips(tmp_path, BUNDLED), opening)
    assert not tip.ready and MID in tip.notes, tip.notes


@pytest.mark.parametrize("opening", [
    "When your teenager won't go to school, listen more than you talk",
    "Ask for a meeting with the school counselor, the nurse, and a trusted teacher early",
    "Agree on how the school will respond when your teen asks to come home",
    "When your teenager won't go to school, lean on a partner, a friend, or your own counselor.",
])
def test_the_steps_user_trial_8_graded_a_are_ready(tmp_path, opening):
    tip = tip_opening(_tips(tmp_path, TRIAL), opening)
    assert tip.ready and MID not in tip.notes, tip.notes


@pytest.mark.parametrize("opening", ["Stay with your teen, remove or lock away medications",  # after "If your teen …"
                                     "Validation without expectation leaves a teen stuck",  # a statement
                                     "A stomachache on a Monday."])
def test_trial_8_tips_that_do_lean_on_their_paragraph_keep_the_note(tmp_path, opening):
    tip = tip_opening(_tips(tmp_path, TRIAL), opening)
    assert not tip.ready and MID in tip.notes, tip.notes


PANIC = """# Small habits for a calmer working day

## When panic rises

If panic rises in the middle of a meeting, excuse yourself, step outside for a few minutes, and find a quiet corner \
away from the noise. Breathe out slowly through your mouth, longer than you breathe in, and count to ten before you \
walk back into the room again. Press your feet into the floor and name five things you can see around you, one at a \
time, until your breathing slows.
"""


@pytest.mark.parametrize("opening", ["When panic rises, breathe out slowly", "Press your feet into the floor"])
def test_steps_after_the_condition_their_paragraph_opened_on_keep_the_note(tmp_path, opening):
    """"Press your feet into the floor …" is a step for when panic rises, two sentences back: posted alone it says
    less than the article meant."""
    tip = tip_opening(split_written(tmp_path, "panic.md", PANIC), opening)
    assert not tip.ready and MID in tip.notes, tip.notes


@pytest.mark.parametrize(("sentence", "earlier"), [
    ("Share how you feel using “I” statements.", ["Approach the topic during a calm moment, not in conflict."]),
    ("Ask for a meeting with the school counselor, the nurse, and a trusted teacher early, before absences pile up.",
     ["You do not have to solve this alone, and the school usually wants to help."]),
    ("Agree on how the school will respond when your teen asks to come home, so that everyone gives the same message.",
     ["Ask about a 504 plan or similar accommodations: a later start for a few weeks."]),
    ("Be gentle with each other when energy runs low.", ["It is easy to let healthy routines slip in December."]),
])
def test_steps_that_lean_on_nothing_before_them(sentence, earlier):
    assert step_stands_alone(sentence, earlier, known=frozenset({"school"}))


@pytest.mark.parametrize(("sentence", "earlier"), [
    ("Then stand up and stretch both arms above your head for a slow count of five.",
     ["Put a glass of water beside your keyboard."]),  # a sequence
    ("Read about it together if your partner is open to it.",
     ["Understanding how anxiety works can help you respond with patience."]),  # "it"
    ("Ask what they need most this week.", ["Your partner may not say so."]),  # "they"
    ("Do the same for your partner.", ["Write down three things you are grateful for."]),
    ("Listen for the worry under each request.", ["Name the choices you will face together."]),  # "each request"
    ("Try listening first.", ["With depression, advice can land as pressure."]),  # first, before the advice
    ("Make sure to get enough sleep and exercise, eat a healthy diet, and see friends.",
     ["Practicing a healthy lifestyle can help combat anxiety, although it cannot replace treatment."]),
    ("Name five things you can see around you.", ["For example, when panic rises, pause."]),
    ("Name five things you can see around you.", ["Try this:"]),
    ("Take three slow breaths.", ["What can you do when the panic starts?"]),
    ("Work anxiety rarely stays at work.", ["Maria's story is more common than you might think."]),  # no step
])
def test_steps_that_lean_on_their_paragraph(sentence, earlier):
    assert not step_stands_alone(sentence, earlier)
