"""A practice owner's trial: her own holiday article, tests/data/trial/when-the-holidays-feel-heavy.md.

Split read a step that ends on the question it gives the reader to ask ("… pause for one breath and ask yourself,
“Do I have the energy for this?”") as a question the article asks: it left the step out, kept the line after it
alone ("Your answer is information, not a character flaw."), and `--take` named the step's opening as the words that
point outside it. A paragraph's line to say that ends on a question ("… such as “… How's your garden?”") was cut
from its tip the same way, and a heading's tip stopped before its paragraph's one step ("keep at least one small
anchor each day"). These tests hold her article and made-up ones of the same shapes."""

from __future__ import annotations

from pathlib import Path

from scheduler.tips.drafting import split_article
from scheduler.tips.drafts import CASE_NOTE
from scheduler.tips.readiness import STEP_CUT
from scheduler.tips.taking import Beside, take
from scheduler.tips.tipmodel import LEANING
from tests.conftest import split_written, tip_opening

REPO = Path(__file__).resolve().parents[2]
TRIAL = REPO / "tests" / "data" / "trial" / "when-the-holidays-feel-heavy.md"


def _her_tips(tmp_path):
    return split_written(tmp_path, TRIAL.name, TRIAL.read_text(encoding="utf-8"))


def test_her_pause_and_ask_step_is_a_tip_with_the_line_after_it(tmp_path):
    tips = _her_tips(tmp_path)
    tip = tip_opening(tips, "Before you say yes to an invitation")
    assert "Do I have the energy for this?" in tip.text
    assert tip.text.endswith("Your answer is information, not a character flaw.")
    assert not any(note.startswith("leans on what came before") for note in tip.notes)
    assert sum("Your answer is information" in other.text for other in tips) == 1


def test_her_tips_keep_the_practical_part_of_their_paragraph(tmp_path):
    tips = _her_tips(tmp_path)
    talk = tip_opening(tips, "If you know a certain relative")
    assert "A short, kind line works best" in talk.text and "How's your garden?" in talk.text
    routines = tip_opening(tips, "Sleep, movement and regular meals")
    assert "keep at least one small anchor each day" in routines.text


def test_an_it_that_stands_for_the_clause_after_it_is_not_noted_as_pointing_outside(tmp_path):
    tip = tip_opening(_her_tips(tmp_path), "It is okay to take a walk")
    assert LEANING["opens_pointer"] not in tip.notes


ARTICLE = """# Back to School Without Burning Out

Every September the calendar fills faster than anyone can keep up with.

## Guard the Afternoons

Before you sign your child up for another activity, stop for a moment and ask yourself, "Will this leave us any time to rest?" Whatever you decide is useful information, not a failure.

## Get Ready for the Tough Talks

If you know another parent tends to compare kids or push you to volunteer, plan what you will say. A calm, friendly reply works well, such as "We're keeping this term light. How was your summer?"

## Keep Your Evenings Steady

Dinner, homework and screens are not small things in a school week. They are the frame the whole day hangs on. When the week gets crowded, protect at least one steady habit each evening, such as a short walk after dinner or reading together before bed.
"""


def test_a_step_that_ends_on_a_question_to_ask_oneself_is_kept_whole(tmp_path):
    tips = split_written(tmp_path, "school.md", ARTICLE)
    tip = tip_opening(tips, "Before you sign your child up")
    assert '"Will this leave us any time to rest?" Whatever you decide' in tip.text
    assert not any(other.text.startswith(("Whatever you decide", "Try saying")) for other in tips)


def test_a_line_to_say_that_ends_on_a_question_stays_with_its_advice(tmp_path):
    tip = tip_opening(split_written(tmp_path, "school.md", ARTICLE), "If you know another parent")
    assert tip.text.endswith('such as "We\'re keeping this term light. How was your summer?"')


def test_a_heading_tip_goes_on_to_its_paragraphs_step(tmp_path):
    tip = tip_opening(split_written(tmp_path, "school.md", ARTICLE), "Dinner, homework and screens")
    assert "protect at least one steady habit each evening" in tip.text


def test_a_step_the_post_has_no_room_for_is_named_and_holds_the_tip_back(tmp_path):
    from scheduler.articles import read_article

    path = tmp_path / "school.md"
    path.write_text(ARTICLE, encoding="utf-8")
    tips = split_article(read_article(path, tmp_path), fits=lambda text, sensitive: len(text) <= 150)
    tip = tip_opening(tips, "Dinner, homework and screens")
    assert "steady habit" not in tip.text
    cut = [note for note in tip.notes if note.startswith(STEP_CUT.split("“")[0])]
    assert cut and "“When the week gets" in cut[0]
    assert not tip.ready


def test_a_reported_worry_in_quotes_is_still_the_question_the_paragraph_answers(tmp_path):
    article = ("# Grief at the holidays\n\nIn my work with grieving clients, I hear the same worry every December: "
               "“Am I doing this wrong?” You are not. Grief doesn’t follow a calendar, and the holidays can stir up "
               "loss in ways that catch even the most prepared people off guard.\n\n## Keep one ritual\n\nChoose "
               "one tradition that still feels right and let the others rest this year.\n")
    tips = split_written(tmp_path, "grief.md", article)
    assert any(tip.text.startswith("Grief doesn’t follow a calendar") for tip in tips)


def test_a_take_names_the_words_that_point_not_the_opening():
    tip = take("Before you answer, ask whether you can do that. Your answer is information, not a flaw.", "b6",
               lambda text, sensitive: len(text) <= 280, set(), section="Lower the bar", beside=Beside())
    assert any("“do that” points outside the tip" in note for note in tip.notes), tip.notes
    framed = take('Before you say yes, pause and ask yourself, "Do I have the energy for this?" Your answer is '
                  "information, not a character flaw.", "b6", lambda text, sensitive: len(text) <= 280, set(),
                  section="Lower the bar", beside=Beside())
    assert framed.text.startswith("Before you say yes, pause and ask yourself")
    assert not any(note.startswith("left out") for note in framed.notes)


def test_a_heading_lowered_from_a_name_the_article_writes_keeps_its_note(tmp_path):
    article = ("# Staying well\n\n## Walk The Riverside Loop\n\nA loop of the park most mornings clears the head "
               "before work. Meet the group at the Riverside gate, or start alone from the Riverside cafe.\n\n"
               "## Keep Your Evenings Quiet\n\nA quiet hour before bed helps you sleep. Put the phone in "
               "another room.\n")
    tips = split_written(tmp_path, "walk.md", article)
    walk = next(tip for tip in tips if tip.headline.startswith("Walk the riverside loop"))
    assert CASE_NOTE in walk.notes
    quiet = next(tip for tip in tips if tip.headline.startswith("Keep your evenings quiet"))
    assert CASE_NOTE not in quiet.notes
