"""User trial 10: `approve` said a tip listing the beliefs trauma leaves ("I'm not safe", "I can't trust anyone",
"it was my fault") "waits: it speaks of wanting to die". "I'm not safe" is a belief or a danger, not a wish to die:
the tip stays flagged sensitive (trauma counts), but it is not one to read alone, and the deletion of a wrong flag
is offered as for any other. The other phrasings moved out of the families to read alone are checked too. The
article is made up, of the same shape as hers."""

from __future__ import annotations

import pytest

from scheduler.tips.sensitivity import read_alone_topic, sensitive_phrases
from tests.conftest import article_project, run_cli

SLUG = "how-trauma-can-change-what-we-believe"
TIP = "trauma-can-shift-our-fundamental-beliefs"
ARTICLE = """# How trauma can change what we believe

## Trauma can shift our fundamental beliefs

After a frightening event, the mind often draws new conclusions about the world. Common beliefs after trauma \
include "I'm not safe," "I can't trust anyone," "It was my fault," and "I'm damaged." Noticing these beliefs is the \
first step toward questioning them.

## Small steps back to trust

Start with one person who has been steady for you. Share a small thing and notice how they respond.
"""


def test_approve_holds_the_trauma_beliefs_tip_as_flagged_not_as_wanting_to_die(tmp_path):
    root = article_project(tmp_path, f"{SLUG}.md", ARTICLE)
    split = run_cli("--root", str(root), "split", f"posts/articles/{SLUG}.md")
    assert split.code == 0 and f"{TIP}: sensitive" in split.out, split
    approve = run_cli("--root", str(root), "approve", SLUG, "--now", "2026-12-01T08:00")
    said = approve.out + approve.err
    assert approve.code == 0, approve
    [line] = [line for line in said.splitlines() if line.startswith(f"{TIP} waits:")]
    assert "wanting to die" not in line and "read it alone" not in line, line
    assert "it is flagged sensitive (“trauma”" in line and "delete sensitive from its review: list" in line, line


@pytest.mark.parametrize("text, family", [
    ("Texting a friend “I’m not safe” is a brave first step.", None),
    ("Self-harm is often a cry for help, and it deserves a calm answer.", "self-harm"),
    ("By the time the ambulance came, he was dead.", None),
    ("It is fine to talk about death with children, in words they know.", None),
    ("She had bruises on her arms she said came from the door.", None),
    ("He hides how low he feels from his friends.", None),
    ("In the crash I thought it was the end.", None),
    ("Years later, the war followed him home.", None),
    ("Survivors often say it should have been me.", None),
])
def test_phrases_whose_family_said_more_than_they_do_are_flagged_but_not_read_alone(text, family):
    assert sensitive_phrases(text), text
    assert read_alone_topic(text) == family, text


@pytest.mark.parametrize("text, family", [
    ("If you can't keep yourself safe tonight, call or text 988.", "wanting to die"),
    ("Some days she says she would rather be dead.", "wanting to die"),
    ("I wish I were dead.", "wanting to die"),
    ("He talks about not being here anymore.", "wanting to die"),
    ("Ask directly whether they are thinking of suicide.", "suicide"),
    ("Scars on her forearms can be a sign of self-harm.", "self-harm"),
])
def test_a_wish_to_die_or_self_harm_is_still_read_alone(text, family):
    assert read_alone_topic(text) == family, text
