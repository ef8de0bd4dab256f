"""Setups, the practice's own pitch, stories and garbled text never reach a follower as tips (issue 19): each is
left out with its reason in the block report, and the advice beside them stays."""

from __future__ import annotations

import json
from pathlib import Path

from scheduler.tips.unpostable import unpostable_reason

# Made up for these tests, in a practice's voice: two setups, a client's story, the practice's own tool and a line
# about the page, beside the advice a follower should see.
SPRING_RESET = """\
# A spring reset for couples

Spring can feel like a fresh start for many families. The days get longer and the calendar fills up.

Start with one calm conversation a week. Pick a time when neither of you is rushed, and keep it to twenty minutes.

## When old arguments come back

Many couples come to therapy after years of conflict. They often describe the same fight on repeat.

Name the pattern, not the person. Saying \"we get stuck here\" lets you both look at the loop together.

One client described her marriage as two roommates passing in the hall. She said they had stopped asking each other anything.

Ask one real question a day. \"What was the hardest part of your day?\" opens more than \"How was work?\"

## Where to start

Take our free Couples Check-In to see where you stand. This guide explores the habits that keep couples close.

Loving someone through a hard season can feel overwhelming. Remember that small repairs count, and you can start again tomorrow.
"""


def _split(project: Path, cli, name: str) -> dict:
    (project / "posts" / "articles" / name).write_text(SPRING_RESET, encoding="utf-8")
    result = cli("split", "--json", f"posts/articles/{name}", cwd=project)
    assert result.code == 0, result
    return json.loads(result.out)


def _left_out(data: dict, opening: str) -> str:
    return next(block["left_out"] for block in data["blocks"] if block["text"].startswith(opening))


def test_a_follower_sees_the_advice_and_not_the_setup_or_the_pitch(project, cli):
    data = _split(project, cli, "spring-reset.md")
    posted = " ".join(tip["text"] for tip in data["tips"])
    assert "Spring can feel like a fresh start" not in posted
    assert "Take our free Couples Check-In" not in posted and "This guide explores" not in posted
    assert "Many couples come to therapy" not in posted and "One client described" not in posted
    assert _left_out(data, "Spring can feel").startswith("a setup with no advice")
    assert _left_out(data, "Take our free").startswith("the practice's own pitch")
    # the advice around them is still there, a setup followed by advice included
    headlines = [tip["headline"] for tip in data["tips"]]
    assert "Start with one calm conversation a week." in headlines
    assert any(h.endswith("name the pattern, not the person.") for h in headlines)
    assert any("Remember that small repairs count" in tip["text"] for tip in data["tips"])


def test_a_setup_is_a_way_in_with_nothing_a_follower_can_use():
    assert unpostable_reason("Many couples come to therapy after years of conflict.",
                             "Many couples come to therapy after years of conflict.").startswith("a setup")
    assert unpostable_reason("The holidays can be a busy time.", "The holidays can be a busy time. Calendars fill "
                             "up fast.").startswith("a setup")
    assert unpostable_reason("Grief can feel isolating.", "Grief can feel isolating. This article explores what "
                             "helps.").startswith("a setup")
    # a reassurance, a step or what the reader can do keeps it a tip
    assert unpostable_reason("While school avoidance can feel overwhelming, recovery is possible.",
                             "While school avoidance can feel overwhelming, recovery is possible.") is None
    assert unpostable_reason("Grief can feel isolating.", "Grief can feel isolating. Tell one friend how you are "
                             "really doing.") is None
    assert unpostable_reason("Many people find grief eases with time.",
                             "Many people find grief eases with time.") is None


def test_the_practices_pitch_is_its_own_selling_and_advice_to_see_a_therapist_is_not():
    assert unpostable_reason("Use our Mood Check-In.", "Use our Mood Check-In to understand your symptoms.")
    assert unpostable_reason("I offer free 15-minute consultations.", "I offer free 15-minute consultations.")
    assert unpostable_reason("Get ready to unleash your true potential.", "Get ready to unleash your true potential.")
    assert unpostable_reason("Talk to a therapist.", "Talk to a therapist who works with teens.") is None
    assert unpostable_reason("Our bodies keep score.", "Our bodies keep score of stress. Rest counts.") is None


def test_a_clients_story_and_broken_text_are_left_out_with_their_reason():
    assert unpostable_reason("A client once told me she felt invisible.",
                             "A client once told me she felt invisible.").startswith("a story")
    assert unpostable_reason("A 16-year-old described it as empty.", "A 16-year-old described it as empty. "
                             "Her parents thought it was a phase.").startswith("a story")
    assert unpostable_reason("Breathe out slowly.", "Breathe out slowly](/breathing) and count.").startswith("garbled")
    assert unpostable_reason("Write it downand keep it.", "Write it downand keepGoing.").startswith("garbled")
    assert unpostable_reason("Breathe out slowly.", "Breathe out slowly and count to four.") is None
