"""User trial 8, a practice's article on a body-based therapy (tried here on an article written for these tests in
the same shapes): a run of "**Label**: one sentence" paragraphs gave a card of the label alone ("Body awareness."),
left another item out as a fragment with no headline, and took a third with a cut that was no point; every item's
card now states its point from its own sentence (issue 19), the label left out with a note. And a paragraph whose
last sentence opens "By tuning into …" was left out as meta (a byline), which it is not."""

from __future__ import annotations

import json

from tests.conftest import article_project, run_cli

ARTICLE = """# Finding calm through the body

Many people carry stress without noticing it, and small daily habits can change how the body holds tension.

## Everyday Body Practices:

**Slow Exhaling**: Breathing out slowly helps to settle the nervous system, ease worry, and sharpen your sense of what you feel.

**Posture Checks**: People are invited to notice particular feelings, such as tightness or unease, to find emotional habits linked to the way the body reacts.

**Stretching**: Light stretching routines can help release stored tension and worry, allowing the body to find a sense of ease and rest again.

**Anchoring Habits**: These habits help people return to the present moment and find a sense of steadiness and safety.

## The Body Keeps Score

We've all had days when worry or tiredness seems to "sit" in our muscles—sore necks, a tight chest, or a churning gut. The body's signals are not random noise, but useful messages that tell us about our inner life. By paying attention to these signals, you can notice feelings earlier, allowing for a gentler way of coping.
"""

def _report(tmp_path):
    root = article_project(tmp_path, "calm.md", ARTICLE)
    return json.loads(run_cli("split", "--json", "posts/articles/calm.md", cwd=root).out)


def test_a_sentence_opening_by_doing_something_is_no_byline(tmp_path):
    block = next(b for b in _report(tmp_path)["blocks"] if b["text"].startswith("We've all had days"))
    assert "meta" not in (block["left_out"] or ""), block


def test_a_byline_is_still_meta():
    from scheduler.tips.filters import is_meta

    assert all(is_meta(line) for line in ("By Jane Doe, LPC", "by jane doe", "BY JANE DOE | March 3", "By Dr. Kim"))
    assert not any(is_meta(line) for line in ("By tuning into these sensations, you can notice feelings earlier.",
                                                "By the end of a session, you may feel lighter."))
