"""`split --take` keeps the hedge or condition a passage opens on (issue 19: every rewrite keeps the source's meaning),
and a take that repeats the sentence a tip of its block already says is refused (a user trial: `--take` of a
labelled paragraph headed its card "Touch may be used …" without "In some cases", and a take of a paragraph split had
made a tip of gave the same sentence again under another headline). Made-up text of the trial's shape."""

from __future__ import annotations

import json

import yaml

from tests.conftest import article_project

PRESSURE = ("In some cases, gentle pressure may be applied (with full agreement) to help ease stiffness or to guide "
            "clients through emotional processing.")
MANY = ("For many people who have spent years carrying loss in silence and alone, a weekly walk beside a trusted "
        "friend becomes the most reliable anchor in a crowded week.")
ARTICLE = f"""# Working with the body in therapy

Body-based therapy draws on many small practices that help you notice what your body holds.

## Common Practices in Body Therapy:

**Breath work**: Slow breathing helps to settle the nervous system, ease worry, and raise emotional awareness.

**Pressure**: {PRESSURE}

**Company**: {MANY}

## How it works

Body-based therapy uses many methods, including breath work, posture, gentle pressure (with agreement), movement, and
stillness. One of the main aims of body-based therapy is to help people loosen held strain and build steadiness for
hard days. By making a calm room for clients to notice their body, therapists help clients loosen feelings that
may have been held in the body for years.
"""


def _project(tmp_path, cli):
    root = article_project(tmp_path, "body.md", ARTICLE)
    report = json.loads(cli("split", "--json", "posts/articles/body.md", cwd=root).out)
    return root, {block["text"].split(":")[0]: block for block in report["blocks"]}


def _taken(root, locator):
    tips = yaml.safe_load((root / "posts" / "body.yaml").read_text(encoding="utf-8"))["tips"]
    return next(t for t in tips if any(n.startswith(f"taken by hand from {locator}") for n in t["notes"]))


def _take_labelled(tmp_path, cli, label):
    """The tip `--take` makes of the paragraph labelled `label`."""
    root, blocks = _project(tmp_path, cli)
    locator = blocks[label]["locator"]
    result = cli("split", "posts/articles/body.md", "--take", locator, cwd=root)
    assert result.code == 0, result
    return _taken(root, locator)


def test_a_take_keeps_the_hedge_its_sentence_opens_on(tmp_path, cli):
    tip = _take_labelled(tmp_path, cli, "Pressure")
    assert tip["headline"] == "In some cases, gentle pressure may be applied (with full agreement) to help ease stiffness.", tip
    assert tip["text"] == PRESSURE, tip
    assert not any("leaves out" in note for note in tip["notes"]), tip


def test_a_hedge_no_card_can_keep_is_named_in_a_note(tmp_path, cli):
    tip = _take_labelled(tmp_path, cli, "Company")
    assert not tip["headline"].startswith("For many people"), tip  # the cut that fits a card
    assert any(note.startswith("shortened: the headline leaves out “For many people") for note in tip["notes"]), tip


def test_a_take_of_the_sentence_a_tip_already_says_is_refused(tmp_path, cli):
    root, blocks = _project(tmp_path, cli)
    block = blocks["Breath work"]
    assert block["tips"], block  # split made a tip of it
    before = (root / "posts" / "body.yaml").read_bytes()
    result = cli("split", "posts/articles/body.md", "--take", block["locator"], cwd=root)
    assert result.code == 2, result
    said = result.err.strip()
    assert "\n" not in said and f"already has tip {block['tips'][0]}" in said, said
    assert (root / "posts" / "body.yaml").read_bytes() == before


def test_a_take_of_another_sentence_of_a_block_with_a_tip_is_made(tmp_path, cli):
    root, blocks = _project(tmp_path, cli)
    block = next(b for b in blocks.values() if b["text"].startswith("Body-based therapy uses"))
    assert block["tips"], block
    result = cli("split", "posts/articles/body.md", "--take", block["locator"], cwd=root)
    assert result.code == 0, result
    tip = _taken(root, block["locator"])
    assert tip["id"] not in block["tips"] and tip["text"].startswith("By making a calm room"), tip
