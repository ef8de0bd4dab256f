"""A sentence the sensitivity reader flags is never dropped without a word: when no tip of its block carries it, the
block report names it as left out (so a manager can `split --take` it), and the block's tips say that their
paragraph speaks of it (a user trial: b14's "thoughts of not wanting to be here" vanished)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report

ARTICLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "trial" / "when-work-anxiety-follows-you-home.md"
SHORT = """# When worry follows you home

## When it's time to get help

Sometimes worry grows into something heavier. If you find that you dread every morning, that you can't remember the last time you felt calm, or that you've started having thoughts of not wanting to be here at all, please reach out to someone right away. You deserve support, and you don't have to carry this alone.
"""


def _block(report, locator):
    return next(block for block in report if block["locator"] == locator)


def test_a_sensitive_sentence_in_no_tip_is_named_in_the_block_report(tmp_path):
    path = tmp_path / "worry.md"
    path.write_text(SHORT, encoding="utf-8")
    split = split_report(read_article(path, tmp_path))
    block = _block(split.blocks, "b1")
    assert block["tips"], block
    assert block["left_out"] is not None, block
    assert "speaks of a sensitive topic" in block["left_out"] and "in no tip" in block["left_out"], block
    assert "“not wanting to be here”" in block["left_out"], block
    assert "--take b1" in block["left_out"], block


def test_the_blocks_tips_say_their_paragraph_speaks_of_it(tmp_path):
    path = tmp_path / "worry.md"
    path.write_text(SHORT, encoding="utf-8")
    tips = split_report(read_article(path, tmp_path)).tips
    assert tips and all("not wanting to be here" not in tip.text for tip in tips)
    for tip in tips:
        assert any("paragraph also speaks of a sensitive topic" in note for note in tip.notes), tip
        assert not tip.ready, tip


def test_a_block_whose_tip_carries_the_sentence_says_nothing_more(tmp_path):
    path = tmp_path / "grief.md"
    path.write_text("# Grief\n\n## Losing a parent\n\nAfter the death of a parent, let yourself rest more than "
                    "usual. Grief takes energy.\n", encoding="utf-8")
    split = split_report(read_article(path, tmp_path))
    block = _block(split.blocks, "b1")
    assert block["tips"] and block["left_out"] is None, block
    assert all("paragraph also speaks" not in note for tip in split.tips for note in tip.notes)


def test_the_trial_article_names_b14s_sentence_and_take_brings_it_back(project, cli):
    shutil.copy(ARTICLE, project / "posts" / "articles" / ARTICLE.name)
    result = cli("split", "--json", f"posts/articles/{ARTICLE.name}", cwd=project)
    assert result.code == 0, result
    report = json.loads(result.out)
    block = _block(report["blocks"], "b14")
    assert block["tips"] and "not wanting to be here" in (block["left_out"] or ""), block
    summary = cli("split", f"posts/articles/{ARTICLE.name}", cwd=project)
    assert "b14" in summary.out and "sensitive" in summary.out, summary.out


def test_a_take_that_cannot_fit_the_sensitive_sentence_says_so(project, cli):
    """`--take b14` on X (280, with the crisis footer) keeps only the first sentence: the cut is said, not hidden
    behind the sensitive flag the cut words raised."""
    shutil.copy(ARTICLE, project / "posts" / "articles" / ARTICLE.name)
    taken = json.loads(cli("split", "--json", f"posts/articles/{ARTICLE.name}", "--take", "b14", cwd=project).out)
    (tip,) = [tip for tip in taken["tips"] if any(note.startswith("taken by hand from b14") for note in tip["notes"])]
    if "not wanting to be here" not in tip["text"]:
        assert any(note.startswith("a sentence of a sensitive topic (“not wanting to be here”) did not fit")
                   for note in tip["notes"]), tip
