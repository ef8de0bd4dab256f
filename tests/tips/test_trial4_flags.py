"""User trial 4's wrong sensitive flags (tests/data/trial/supporting-a-partner-through-depression.md): "can mean more
than you think" flagged for "think" (the topic reader read an idiom the lexicon's everyday phrases would have blanked),
and `approve` saying the "hopeless" tip "speaks of wanting to die" (hopelessness was filed under that topic)."""

from __future__ import annotations

import shutil
from pathlib import Path

from scheduler.tips.flags import sensitive_words
from scheduler.tips.sensitivity import read_alone_topic

ARTICLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "trial" / "supporting-a-partner-through-depression.md"
HOPELESS = "You do not have to agree that things are hopeless to accept that they feel that way."


def test_a_comparison_with_think_raises_no_flag():
    for text in ('Saying "I noticed you went outside today, that\'s great" can mean more than you think.',
                 "A short walk helps more than you might imagine.", "Repair is easier than most people expect."):
        assert sensitive_words(text) == (), text
    # the same words as a thought of the topic still raise it
    assert sensitive_words("Ask them directly whether they are thinking of ending their life.")


def test_hopelessness_is_flagged_but_not_read_as_wanting_to_die():
    assert sensitive_words(HOPELESS) == ("hopeless",)
    assert read_alone_topic(HOPELESS) is None
    assert read_alone_topic("They say they do not want to be here anymore.") == "wanting to die"


def test_the_trial_split_and_approve_say_neither(project, cli):
    shutil.copy(ARTICLE, project / "posts" / "articles" / ARTICLE.name)
    summary = cli("split", f"posts/articles/{ARTICLE.name}", cwd=project).out
    assert "notice-the-small-wins-a-shower-a: sensitive" not in summary, summary
    assert "resist-the-urge-to-argue-with-how: sensitive (“hopeless” in the text)" in summary, summary
    approve = cli("approve", ARTICLE.stem, cwd=project)
    said = approve.out + approve.err
    assert "resist-the-urge-to-argue-with-how" in said, said
    assert "resist-the-urge-to-argue-with-how waits: it speaks of wanting to die" not in said, said
