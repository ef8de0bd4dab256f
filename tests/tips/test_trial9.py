"""What user trial 9 found splitting a practice's grief guide, tried on an article written for these tests in the
same shapes (a pet-loss guide of a made-up practice): generic advice to seek help under a condition is a tip, not a
pitch; the practice's own selling stays out."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import article_project, run_cli, split_written

PET_LOSS = """# Losing a Pet: A Gentle Guide

Losing an animal companion can hurt as much as losing a person. Your grief deserves the same care.

## How grief shows up

Losing a pet touches more of you than you might expect:

### In the body
- Tiredness that sleep does not fix
- A tight chest or a heavy stomach
- Restless nights
- Reaching for the lead at walk time

### In the mind
- Trouble focusing at work
- Replaying the last days
- Listening for paws on the stairs

## When grief gets heavy

Most people find the sharpest pain eases over the first few months. But for some it lingers:

**Complicated pet loss** may be present when, many months after the death:
- The pain feels as sharp as on the first day
- You cannot bring yourself to put away the bowls
- Daily life feels empty without the animal

**Guilt** is one of the hardest feelings for owners who chose euthanasia:
- You replay the decision at night
- You wonder whether you waited too long
- You feel you betrayed their trust

If losing your pet keeps you from sleeping or working for weeks, a bereavement counsellor can help.

If your grief feels stuck, our counsellors can help you through it.

## Small daily steps

Keep your pet's collar or a photo somewhere you see it each day, if that brings comfort.

## There is no deadline for missing a pet

You may have heard that you should wait a year before bringing home another animal. Rules like that are often misunderstood.

**Healing is uneven.** A good week can be followed by a hard morning at the vet's for your other cat.

## Keep one small ritual

Light a candle on your pet's birthday each year, so the bond you shared keeps a place in your week.

## Grief others overlook

Some people will not see losing a pet as a real bereavement.

This "quiet grief" can feel especially lonely. Your sadness makes sense, even if friends never mention your pet by name.

This kind of loss is rarely spoken about. It can leave owners feeling alone for months.

## No single way through

**Sadness comes in waves.** Some days feel almost normal, and then a leash on a hook brings it all back.

**Your loss is real.** Friends sometimes say it was only a dog, but the bond you shared was a true one.

## What a support group gives

A pet-loss support group offers:

**A place to be understood.** Other owners know why an empty basket can undo your whole morning.

**Help with the guilt.** If you keep replaying the last vet visit, hearing others do the same eases the weight.

**Remembering together.** Over weeks, members share photos and stories, and the memories grow gentler.

## Finding support

If your grief feels stuck, we can help you find a way through it.

If the loss is weighing on you, book a free consultation with Willow Lane Counselling today.
"""


def _tips(tmp_path: Path, text: str = PET_LOSS):
    return split_written(tmp_path, "pet-loss.md", text)


def test_advice_to_seek_help_under_a_condition_is_a_tip(tmp_path):
    tips = _tips(tmp_path)
    found = [tip for tip in tips if tip.headline.startswith("If losing your pet keeps you from sleeping")]
    assert len(found) == 1, [tip.headline for tip in tips]
    assert "a bereavement counsellor can help" in found[0].text
    assert "sounds like the practice's own pitch, not a tip" not in found[0].notes


def test_the_practices_own_offer_of_help_stays_out(tmp_path):
    texts = " ".join(tip.text for tip in _tips(tmp_path))
    assert "we can help you find a way through" not in texts
    assert "our counsellors" not in texts
    assert "Willow Lane" not in texts


def test_a_lead_in_cut_at_its_colon_mid_clause_is_never_the_headline(tmp_path):
    """"… may be present when, many months after the death:" is half a clause: the headline is the lead-in with
    its first item, one sentence, and the text carries the items as the alternatives they are."""
    tips = _tips(tmp_path)
    tip = next(tip for tip in tips if tip.headline.startswith("Complicated pet loss"))
    assert tip.headline == ("Complicated pet loss may be present when, many months after the death, the pain feels "
                            "as sharp as on the first day.")
    assert tip.text.startswith("Complicated pet loss may be present when, many months after the death, the pain feels "
                               "as sharp as on the first day, you cannot bring yourself to put away the bowls")
    assert not any(tip.headline.endswith("after the death.") for tip in tips)


def test_a_lead_in_that_is_a_whole_sentence_still_heads_its_list(tmp_path):
    tip = next(tip for tip in _tips(tmp_path) if "replay the decision" in tip.text)
    assert tip.headline == "Guilt is one of the hardest feelings for owners who chose euthanasia."


def test_labels_under_an_offers_lead_in_are_joined_to_it_or_give_way(tmp_path):
    """"A pet-loss support group offers:" + "**A place to be understood.**", "**Help with the guilt.**": each label
    is joined to the lead-in, the first as the rest; a label the lead-in cannot take ("Remembering together") gives
    way to its paragraph's first sentence. No card is a bare label."""
    tips = _tips(tmp_path)
    headlines = [tip.headline for tip in tips]
    assert "A pet-loss support group offers a place to be understood." in headlines, headlines
    assert "A pet-loss support group offers help with the guilt." in headlines, headlines
    for label in ("A place to be understood.", "Help with the guilt.", "Remembering together."):
        assert label not in headlines
    remembering = next(tip for tip in tips if "share photos" in tip.text)
    assert remembering.headline.startswith("Over weeks, members share photos and stories")
    assert not remembering.text.startswith("Remembering together")
    assert not remembering.ready
    joined = next(tip for tip in tips if tip.headline.endswith("a place to be understood."))
    assert "follows a sentence ending on a colon: check it stands without it" not in joined.notes


def test_labels_that_are_claims_still_head_their_tips(tmp_path):
    headlines = [tip.headline for tip in _tips(tmp_path)]
    assert "Sadness comes in waves." in headlines, headlines
    assert "Your loss is real." in headlines, headlines


def test_every_list_the_report_offers_to_take_gives_a_tip_of_the_list(tmp_path):
    """The left-out report says "`split --take b3` makes a tip of the list" of the phrases under "### In the body":
    taken, the tip is its heading with the items (as many as fit), never the first item alone (user trial 9:
    "Exhaustion and fatigue." was the whole tip)."""
    root = article_project(tmp_path, "pet-loss.md", PET_LOSS)
    result = run_cli("--root", str(root), "split", "posts/articles/pet-loss.md", "--json")
    assert result.code == 0, result
    blocks = json.loads(result.out)["blocks"]
    offered = {found.group(1): block for block in blocks
               if (found := re.search(r"`split --take (b\d+)` makes a tip of the list", block["left_out"] or ""))}
    assert set(offered) >= {"b3", "b4"}, offered.keys()
    for locator, block in offered.items():
        taken = run_cli("--root", str(root), "split", "posts/articles/pet-loss.md", "--take", locator, "--json")
        assert taken.code == 0, taken
        tip = next(tip for tip in json.loads(taken.out)["tips"]
                   if f"taken by hand from {locator}: check it stands alone" in tip["notes"])
        items = [item["text"] for item in block["items"]]
        heading = block["section"]
        assert tip["headline"].startswith(f"{heading}: "), tip["headline"]
        assert tip["text"].startswith(f"{heading}: {items[0][0].lower()}{items[0][1:]}, "), tip["text"]
        assert sum(item[1:] in tip["text"] for item in items) >= 2, tip["text"]
        assert sum(item[1:] in tip["headline"] for item in items) >= 2, tip["headline"]
        assert tip["headline"] != f"{items[0]}."


def test_taking_a_list_item_alone_still_gives_that_item(tmp_path):
    root = article_project(tmp_path, "pet-loss.md", PET_LOSS)
    taken = run_cli("--root", str(root), "split", "posts/articles/pet-loss.md", "--take", "b3.3", "--json")
    assert taken.code == 0, taken
    tip = next(tip for tip in json.loads(taken.out)["tips"]
               if "taken by hand from b3.3: check it stands alone" in tip["notes"])
    assert tip["text"].startswith("Restless nights")


def test_a_heading_over_its_sections_setup_is_held_with_a_note(tmp_path):
    """"There is no deadline for missing a pet" over "You may have heard that … Rules like that are often
    misunderstood.": the text is the way in, not the advice; the tip is held and the note says so. A heading whose
    paragraph carries it on ("Keep one small ritual" + "Light a candle …") has no such note."""
    tips = _tips(tmp_path)
    setup = next(tip for tip in tips if tip.text.startswith("You may have heard"))
    assert not setup.ready
    assert setup.notes[0].startswith("the text is the section's setup (“You may have heard that you …”)"), setup.notes
    ritual = next(tip for tip in tips if "Light a candle" in tip.text)
    assert not any(note.startswith("the text is the section's setup") for note in ritual.notes), ritual.notes
