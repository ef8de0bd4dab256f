"""User trial 8, a practice's article on a body-based therapy (tried here on an article written for these tests in
the same shapes): a run of "**Label**: one sentence" paragraphs gave a card of the label alone ("Body awareness."),
left another item out as a fragment with no headline, and took a third with a cut that was no point; every item's
card now states its point from its own sentence (issue 19), the label left out with a note. And a paragraph whose
last sentence opens "By tuning into …" was left out as meta (a byline), which it is not."""

from __future__ import annotations

import json

import yaml

from tests.conftest import article_project, run_cli, split_written

ARTICLE = """# Finding calm through the body

Many people carry stress without noticing it, and small daily habits can change how the body holds tension.

## Everyday Body Practices:

**Paced Breathing**: Breathing out slowly helps to settle the nervous system, ease worry, and sharpen your sense of what you feel.

**Posture Checks**: People are invited to notice particular feelings, such as tightness or unease, to find emotional habits linked to the way the body reacts.

**Stretching**: Light stretching routines can help release stored tension and worry, allowing the body to find a sense of ease and rest again.

**Warmth**: In some cases, a warm compress may be used (with your doctor's approval) to help soften tension or to support you through hard feelings.

**Anchoring Habits**: These habits help people return to the present moment and find a sense of steadiness and safety.

## The Body Keeps Score

We've all had days when worry or tiredness seems to "sit" in our muscles—sore necks, a tight chest, or a churning gut. The body's signals are not random noise, but useful messages that tell us about our inner life. By paying attention to these signals, you can notice feelings earlier, allowing for a gentler way of coping.
"""

LABELS = ("Paced breathing", "Posture checks", "Stretching", "Anchoring habits")


def _report(tmp_path):
    root = article_project(tmp_path, "calm.md", ARTICLE)
    return json.loads(run_cli("split", "--json", "posts/articles/calm.md", cwd=root).out)


def test_no_card_is_a_label_alone_and_each_states_its_items_point(tmp_path):
    tips = split_written(tmp_path, "calm.md", ARTICLE)
    headlines = [tip.headline for tip in tips]
    assert not any(headline.rstrip(".").lower() == label.lower() for headline in headlines for label in LABELS)
    assert ("Breathing out slowly helps to settle the nervous system, ease worry, and sharpen your sense of what you "
            "feel.") in headlines
    assert "Light stretching routines can help release stored tension and worry." in headlines, headlines


def test_a_labels_text_is_its_sentence_and_a_note_says_the_label_was_left_out(tmp_path):
    tips = split_written(tmp_path, "calm.md", ARTICLE)
    stretching = next(tip for tip in tips if tip.text.startswith("Light stretching"))
    assert "Stretching:" not in stretching.text
    assert any("“Stretching”" in note for note in stretching.notes), stretching.notes


def test_an_item_that_says_these_takes_its_label_as_its_subject_with_a_note(tmp_path):
    tips = split_written(tmp_path, "calm.md", ARTICLE)
    anchoring = [tip for tip in tips if "present moment" in tip.text]
    assert len(anchoring) == 1
    assert anchoring[0].headline.startswith("Anchoring habits help people return to the present moment")
    assert any("“These habits”" in note for note in anchoring[0].notes), anchoring[0].notes


def test_every_item_of_the_run_is_answered_one_way(tmp_path):
    blocks = [b for b in _report(tmp_path)["blocks"] if b["section"] == "Everyday Body Practices:"]
    assert len(blocks) == 5
    for block in blocks:
        assert block["tips"] or "headline" in (block["left_out"] or ""), block
        assert "fragment" not in (block["left_out"] or ""), block


def test_a_sentence_opening_by_doing_something_is_no_byline(tmp_path):
    block = next(b for b in _report(tmp_path)["blocks"] if b["text"].startswith("We've all had days"))
    assert "meta" not in (block["left_out"] or ""), block


def test_a_byline_is_still_meta():
    from scheduler.tips.filters import is_meta

    assert all(is_meta(line) for line in ("By Jane Doe, LPC", "by jane doe", "BY JANE DOE | March 3", "By Dr. Kim"))
    assert not any(is_meta(line) for line in ("By tuning into these sensations, you can notice feelings earlier.",
                                                "By the end of a session, you may feel lighter."))


def test_a_take_of_a_labelled_item_leaves_its_label_out_as_split_does(tmp_path):
    root = article_project(tmp_path, "calm.md", ARTICLE)
    blocks = json.loads(run_cli("split", "--json", "posts/articles/calm.md", cwd=root).out)["blocks"]
    warmth = next(b for b in blocks if b["text"].startswith("Warmth:"))
    assert not warmth["tips"] and warmth["left_out"] == "no headline within a card's length", warmth
    assert run_cli("split", "posts/articles/calm.md", "--take", warmth["locator"], cwd=root).code == 0
    tips = yaml.safe_load((root / "posts" / "calm.yaml").read_text(encoding="utf-8"))["tips"]
    taken = next(tip for tip in tips if "warm compress" in tip["text"])
    assert taken["text"].startswith("In some cases, a warm compress may be used"), taken
    assert "Warmth" not in taken["headline"]
    assert any("“Warmth”" in note for note in taken["notes"]), taken["notes"]


def test_a_long_sentence_is_cut_before_what_its_clause_brings_about():
    from scheduler.tips.filters import shorten_to_clause

    sentence = ("Regular short walks can lower stress and worry, allowing the body to settle into a steadier rhythm "
                "through the day.")
    assert shorten_to_clause(sentence, 90) == "Regular short walks can lower stress and worry."
    listed = ("Walks, naps, and stretching can lower stress, helping the body settle into a steadier rhythm through "
              "the whole of a long day.")
    assert shorten_to_clause(listed, 90) != "Walks, naps, and stretching can lower stress."  # not after a series
