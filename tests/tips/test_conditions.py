"""A tip keeps the condition its section heading or its list's lead-in gives it (issue 19, items 4 and 6): "Keep a
simple routine." under "After a breakup" goes out as "After a breakup, keep a simple routine.", with a note saying
the condition came from the heading; a tip that cannot take it is held with a note naming what is missing; a tip
that already says when it applies, or that is true in general, is left as it is. The text is the team's own."""

from __future__ import annotations

import re

import pytest

from scheduler.articles import read_article
from scheduler.tips.conditions import condition_of, lead_in_condition
from scheduler.tips.drafting import split_article
from scheduler.tips.readiness import notes_after_edit

SITUATIONS = [
    ("After a breakup", "after a breakup"),
    ("After divorce", "after divorce"),
    ("During the holidays", "during the holidays"),
    ("Self-care during the holidays", "during the holidays"),
    ("What can I do during a panic attack?", "during a panic attack"),
    ("Looking after yourself while you grieve", "while you grieve"),
    ("If your teen is struggling", "if your teen is struggling"),
    ("When your child is anxious", "when your child is anxious"),
    ("When the panic hits", "when the panic hits"),
    ("Step 3: When the panic hits", "when the panic hits"),
    ("Coping with grief", "when coping with grief"),
    ("Living with chronic pain", "when living with chronic pain"),
    ("Supporting yourself through a divorce", "when going through a divorce"),
    ("What if my teen won't talk?", "if your teen won't talk"),
    ("What should I do if I think I have burnout?", "if you think you have burnout"),
    ("For parents of young children", "for parents of young children"),
    ("In the aftermath of a loss", "in the aftermath of a loss"),
]

TOPICS = [
    "Looking after your mental health",  # "after" of "look after", no moment
    "Looking after yourself",
    "When to get help",  # a question of timing, not a condition
    "When should I call a doctor?",
    "When support looks like saying no",  # a kind of case, not a moment
    "When “I'm fine” is a red flag",
    "When it is more than burnout",
    "What you can do if they're not ready",  # "they": who? the condition would lean on the article
    "What if it happens again?",
    "Signs of burnout",
    "Everyday habits",
    "Why the holidays hurt more",
    "After all",
]


@pytest.mark.parametrize("heading, condition", SITUATIONS)
def test_a_heading_that_is_a_situation_gives_its_condition(heading, condition):
    assert condition_of(heading) == condition


@pytest.mark.parametrize("heading", TOPICS)
def test_a_topic_heading_gives_no_condition(heading):
    assert condition_of(heading) is None


def test_a_lead_in_that_opens_on_a_condition_gives_it():
    assert lead_in_condition("When the days feel heavy:") == "when the days feel heavy"
    assert lead_in_condition("After a loss, it can help to:") == "after a loss"
    assert lead_in_condition("If you notice these signs:") is None  # "these": the items are the signs
    assert lead_in_condition("Here are some ideas:") is None


ARTICLE = """# Looking after yourself in a hard season

Hard seasons come for everyone, and most of us get through them with a few small habits.

## After a breakup

Keep a simple routine for meals and sleep. Small anchors make the days easier to get through.

Do not make any big life changes for a few months. Moving or quitting a job can add a second loss to the first.

Write down three things you still look forward to each week, even small ones like a morning coffee with a friend.

## Coping with grief

Be patient with yourself. Healing is not a straight line, and setbacks are normal.

Grief often comes in waves, and a song or a smell can bring it back for a day.

## During the holidays

Plan an exit before you arrive at a family gathering. Knowing you can leave often makes it easier to stay.

## If your teen is struggling

Ask one open question at dinner, then listen without fixing. Teens talk more when they do not feel managed.

When a talk turns into an argument, take a break until tomorrow.

## When your partner pulls away

Most people pull away when they feel flooded, not because they stopped caring.

## What if my partner refuses to talk?

You can't force the conversation, but you can say that the door stays open. Pressure usually makes the silence longer.

## Getting through a hard week

When the days feel heavy:

- Take a short walk outside, even for ten minutes.
- Call one friend and tell them how the week is going.
- Go to bed at the same time every night.

## Everyday habits

Drink a glass of water when you wake up. Your body has gone hours without it.
"""


def split_sample(tmp_path):
    path = tmp_path / "hard-seasons.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return {tip.headline: tip for tip in split_article(read_article(path, tmp_path))}


def test_advice_under_a_situation_heading_carries_it_and_says_so(tmp_path):
    tips = split_sample(tmp_path)
    routine = tips["After a breakup, keep a simple routine for meals and sleep."]
    assert routine.text == ("After a breakup, keep a simple routine for meals and sleep. Small anchors make the days "
                            "easier to get through.")
    assert "condition added from the heading: “After a breakup”" in routine.notes
    assert routine.id == "keep-a-simple-routine-for-meals-and"  # the id is the tip's own words, as before
    for headline in ("After a breakup, do not make any big life changes for a few months.",
                     "When coping with grief, be patient with yourself.",
                     "During the holidays, plan an exit before you arrive at a family gathering.",
                     "If your teen is struggling, ask one open question at dinner, then listen without fixing."):
        assert headline in tips, sorted(tips)
        assert any(note.startswith("condition added from the heading") for note in tips[headline].notes)
        assert tips[headline].text.startswith(headline)


def test_list_items_carry_their_lead_ins_condition(tmp_path):
    tips = split_sample(tmp_path)
    walk = tips["When the days feel heavy, take a short walk outside, even for ten minutes."]
    assert "condition added from the lead-in: “When the days feel heavy”" in walk.notes
    assert "When the days feel heavy, go to bed at the same time every night." in tips


def test_a_tip_that_already_stands_is_left_as_it_is(tmp_path):
    tips = split_sample(tmp_path)
    for headline in ("Grief often comes in waves, and a song or a smell can bring it back for a day.",  # its words
                     "When a talk turns into an argument, take a break until tomorrow.",  # a condition of its own
                     "Most people pull away when they feel flooded, not because they stopped caring.",  # a truth
                     "Drink a glass of water when you wake up."):  # no condition in its heading
        assert headline in tips, sorted(tips)
        assert not any("condition" in note or "says when this applies" in note for note in tips[headline].notes)


def test_a_statement_under_a_situation_heading_keeps_its_words_and_is_held(tmp_path):
    """"You can't force the conversation…" has a subject: a condition in front would make a new sentence."""
    tips = split_sample(tmp_path)
    statement = tips["You can't force the conversation, but you can say that the door stays open."]
    assert statement.text.startswith("You can't force the conversation")
    assert statement.ready is False
    assert "the heading says when this applies (“if your partner …”): say it in the tip" in statement.notes


CASES_AND_STEPS = """# Rest when the week wears you down

Everyone runs low sometimes, and a little rest goes a long way for most people.

## When a day off might help

- You're so tired you can't think straight by noon.
- Your patience runs out over small things at home.
- Plan one evening with nothing booked.

## After a long shift

You may notice that your mind keeps racing for an hour or two.

Put your phone away for the first hour at home.

## If your partner feels distant

I keep a short list of the things my partner enjoys talking about.

We tend to forget how much a single kind question can do.

They often want closeness too but don't know how to ask.

Don't wait for a big talk to reach out again.
"""


def test_only_an_instruction_takes_the_condition_a_statement_is_left_as_it_was(tmp_path):
    """Items under "When a day off might help" that say when it helps are its cases: "When a day off might help,
    you're so tired…" reads backwards. Statements (you, your, I, we, they + verb) keep their words; the
    instructions beside them carry the condition."""
    path = tmp_path / "rest.md"
    path.write_text(CASES_AND_STEPS, encoding="utf-8")
    tips = split_article(read_article(path, tmp_path))
    headlines = [tip.headline for tip in tips]
    for instruction in ("When a day off might help, plan one evening with nothing booked.",
                        "After a long shift, put your phone away for the first hour at home.",
                        "If your partner feels distant, don't wait for a big talk to reach out again."):
        assert instruction in headlines, headlines
    for statement in ("You're so tired you can't think straight by noon.",
                      "You may notice that your mind keeps racing for an hour or two."):
        assert statement in headlines, headlines
        assert "the heading says when this applies" in " ".join(tips[headlines.index(statement)].notes)
    for tip in tips:  # no condition in front of a subject: "When a day off might help, your patience runs out…"
        assert not re.search(r"^(?:When a day off|After a long shift|If your partner feels)[^,]*, (?:you|your|i|we|"
                             r"they)\b", tip.headline + " " + tip.text, re.IGNORECASE), tip.headline


def test_advice_that_cannot_take_its_condition_is_not_ready_and_says_what_is_missing(tmp_path):
    tips = split_sample(tmp_path)
    long = tips["Write down three things you still look forward to each week, even small ones like a morning coffee "
                "with a friend."]  # with "After a breakup, " in front it would not fit a card
    assert long.ready is False
    assert "the heading says when this applies (“after a breakup”): say it in the tip" in long.notes


def test_the_note_goes_when_a_person_rewrites_the_text(tmp_path):
    routine = split_sample(tmp_path)["After a breakup, keep a simple routine for meals and sleep."]
    notes = notes_after_edit(routine.notes, routine.headline, "Keep a simple routine after a breakup.", ["text"])
    assert not any(note.startswith("condition added") for note in notes)


def test_split_with_conditions_is_deterministic(tmp_path):
    assert split_sample(tmp_path) == split_sample(tmp_path)


def test_a_condition_that_speaks_of_suicide_flags_the_tip_it_is_put_in_front_of(tmp_path):
    """The flags read what a follower reads: a lead-in's words put in front of an item raise its flag."""
    path = tmp_path / "a-friend.md"
    path.write_text("# Being there for a friend\n\nIf your friend talks about suicide:\n\n"
                    "- Listen without arguing or lecturing.\n- Stay close and keep the conversation going.\n",
                    encoding="utf-8")
    tips = {tip.headline: tip for tip in split_article(read_article(path, tmp_path))}
    listen = tips["If your friend talks about suicide, listen without arguing or lecturing."]
    assert listen.review == ("sensitive",)
    assert "suicide" in listen.review_words["sensitive"]
