"""Three review notes a practice manager found untrue of tips split from her own article ("Setting Boundaries With a
Parent Who Criticizes You", issue 19), each of which also kept its tip from being ready: a quoted line to say read as
the practice's pitch, a reassurance read as a definition, and a pointer whose reaction the tip had just described
read as pointing outside the tip. Articles and tips written for these tests, several wordings of each; the notes
stay on a real pitch, a real definition and a real pointer."""

from __future__ import annotations

import pytest
from conftest import split_written, tip_opening

from scheduler.tips.filters import voiced_in_quotes_only
from scheduler.tips.lists import gives_words_to_say
from scheduler.tips.scorer import REASONS
from scheduler.tips.standalone import DEFINITION, THE_UNSAID, standalone_notes

PITCH = REASONS["pitch"]
UNSAID = THE_UNSAID.split("(")[0]

SCRIPTS = """# Setting Boundaries With a Parent Who Criticizes You

Criticism from a parent can follow you into adulthood.

You could tell your dad, “I've heard your concern. My mind is made up, and we can talk about something else.” \
Short answers give criticism less to grab onto.

You can tell your mom, “I know you mean well. I'm happy with my choices, and I'd like us to enjoy the visit.” \
A warm tone keeps the door open.

When your father criticizes your job, you might reply, “My work matters to me, and I'd rather we talk about your \
trip.” Steering the talk gives you both somewhere to go.

You can text your parent, “I'm going to skip dinner this week. I'll call you on Sunday.” A short message is enough.
"""


@pytest.fixture(scope="module")
def script_tips(tmp_path_factory):
    return split_written(tmp_path_factory.mktemp("scripts"), "scripts.md", SCRIPTS)


@pytest.mark.parametrize("opening", ["You could tell your dad", "You can tell your mom",
                                     "When your father criticizes your job", "You can text your parent"])
def test_a_quoted_line_to_say_is_not_the_practices_pitch(script_tips, opening):
    assert PITCH not in tip_opening(script_tips, opening).notes


@pytest.mark.parametrize("sentence", [
    "You might say, “I'm not going to talk about my weight. If it comes up, I'll change the subject.”",
    "Try: “I hear that you're worried. I've made my decision, and I'd like us to talk about something else.”",
    "You could tell your dad, “My mind is made up, and we can talk about something else.”",
    "You can text your parent, “I'm going to skip dinner this week.”",
])
def test_the_i_and_we_of_a_quotation_are_not_the_practice_speaking(sentence):
    assert voiced_in_quotes_only(sentence)


@pytest.mark.parametrize("sentence", [
    "Our therapists often hear, “I don't know where to start.”",  # the practice's own "our therapists"
    "I always tell my clients, “You are not your parent's critic.”",  # the author speaking
    "Call us today and say, “I'm ready to start.”",  # the practice's call to action
    "We offer evening sessions, so you never have to say, “I can't make it.”",
    "Setting a boundary takes practice.",  # no quotation at all
])
def test_a_pitch_outside_the_quotation_is_still_the_practice_speaking(sentence):
    assert not voiced_in_quotes_only(sentence)


def test_words_to_say_are_told_from_other_quotations():
    assert gives_words_to_say("You could tell your dad, “My mind is made up.”")
    assert gives_words_to_say("Try: “I'd like us to talk about something else.”")
    assert not gives_words_to_say("Many parents remember the day a child said “I'm fine” and meant the opposite.")


@pytest.mark.parametrize(("headline", "text"), [
    ("Boundaries are a way to stay in the relationship on terms you can live with.",
     ("Boundaries are a way to stay in the relationship on terms you can live with. They are not the same as "
     "rejecting your parent.")),
    ("Guilt is a normal part of setting limits with a parent.",
     "Guilt is a normal part of setting limits with a parent. It doesn't mean you are a bad daughter."),
    ("Distance is a way to protect what you still share with your mother.",
     ("Distance is a way to protect what you still share with your mother. Taking a break isn't the same as cutting "
     "her off.")),
    ("Guilt is a common reaction to setting limits.",
     "Guilt is a common reaction to setting limits, and it does not mean you did something wrong."),
])
def test_a_reframe_is_not_a_definition(headline, text):
    assert DEFINITION not in standalone_notes(headline, text, kind="sentence")


@pytest.mark.parametrize(("headline", "text"), [
    ("Stonewalling is the habit of shutting down during a disagreement.",
     "Stonewalling is the habit of shutting down during a disagreement. It often follows a long argument."),
    ("Abuse is a pattern of control, not a single bad argument.",
     "Abuse is a pattern of control, not a single bad argument. It can be emotional, financial, or physical."),
    ("Stress is how your brain and body respond to a challenge or demand.",
     "Stress is how your brain and body respond to a challenge or demand. It is not always harmful."),
])
def test_a_definition_is_still_one(headline, text):
    assert DEFINITION in standalone_notes(headline, text, kind="sentence")


@pytest.mark.parametrize(("headline", "text"), [
    ("Notice your body.", ("You may feel your chest tighten or your face go hot when the criticism starts. That "
                          "reaction is normal, and it tells you something matters to you.")),
    ("Your voice may shake when you finally say no to your mother.",
     "Your voice may shake when you finally say no to your mother. This reaction fades with practice, so keep going."),
    ("You might snap at your father after one comment too many.",
     ("You might snap at your father after one comment too many. Those reactions are common, and you can repair them "
     "later with a short apology.")),
    ("If a visit ends in an argument, give yourself a day before you call.",
     ("If a visit ends in an argument, give yourself a day before you call. The event does not have to define your "
     "relationship.")),
    ("Box breathing is a simple calming exercise.",
     "Box breathing is a simple calming exercise. You can use the technique in the car before a hard visit."),
    ("Some people notice a wave of guilt after they hold a line.",  # "This feeling": no listed pointer noun at all
     "Some people notice a wave of guilt after they hold a line. This feeling usually fades as you keep going."),
])
def test_a_pointer_whose_thing_the_tip_named_points_at_nothing_outside_it(headline, text):
    assert not any(note.startswith(UNSAID) for note in standalone_notes(headline, text, kind="sentence"))


@pytest.mark.parametrize(("headline", "text"), [
    ("Name the reaction before you answer.", "Name the reaction before you answer. It tells you something matters."),
    ("Notice how tired you are on the drive home.",  # tiredness is no reaction the tip named
     "Notice how tired you are on the drive home. That reaction tells you the visit cost you something."),
    ("Approach the topic during a calm moment.", ("Approach the topic during a calm moment, not in the middle of a "
                                                 "visit.")),
    ("Keep your own plans.", "Keep your own plans. A full life makes the waiting less loud."),
    ("Use the technique before a hard call.", "Use the technique before a hard call. Breathe in for four counts."),
])
def test_a_pointer_at_what_the_tip_never_named_keeps_its_note(headline, text):
    assert any(note.startswith(UNSAID) for note in standalone_notes(headline, text, kind="sentence"))


TRIAL = """# Setting Boundaries With a Parent Who Criticizes You

Criticism from a parent can follow you into adulthood.

## Your body

You may feel your chest tighten or your face go hot when the criticism starts. That reaction is normal, and it \
tells you something matters to you.

## Guilt

Boundaries are a way to stay in the relationship on terms you can live with. They are not the same as rejecting \
your parent.
"""


def test_the_trial_article_tips_lose_the_untrue_notes(tmp_path):
    tips = split_written(tmp_path, "trial.md", TRIAL)
    body = tip_opening(tips, "You may feel your chest tighten")
    reframe = tip_opening(tips, "Boundaries are a way")
    assert not any(note.startswith(UNSAID) for note in body.notes), body.notes
    assert DEFINITION not in reframe.notes, reframe.notes
