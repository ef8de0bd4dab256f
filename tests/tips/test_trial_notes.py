"""Three review notes a practice manager found untrue of tips split from her own article ("Setting Boundaries With a
Parent Who Criticizes You", issue 19), each of which also kept its tip from being ready: a quoted line to say read as
the practice's pitch, a reassurance read as a definition, and a pointer whose reaction the tip had just described
read as pointing outside the tip. Articles and tips written for these tests, several wordings of each; the notes
stay on a real pitch, a real definition and a real pointer."""

from __future__ import annotations

import pytest

from scheduler.tips.standalone import DEFINITION, standalone_notes


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
