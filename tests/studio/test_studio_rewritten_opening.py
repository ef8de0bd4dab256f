"""The studio's Save judges a rewritten opening as split run again does (tests/tips/test_rewritten_opening.py): her
new first words make the tip ready, "This helps…" does not, a later edit of the end keeps it ready, and an edit of
the end alone keeps "starts mid-paragraph". Through the real `juno-scheduler studio` process and its HTTP routes."""

from __future__ import annotations

import re

import pytest

from scheduler.tips.readiness import OPENING_REWRITTEN
from tests.studio.server import StudioProcess
from tests.studio.test_studio_notes_stay_true import Browser
from tests.tips.test_rewritten_opening import (
    HELD,
    MID,
    MID_PARAGRAPH,
    SLUG,
    campaign_tips,
    cli,
    split_project,
)


class Studio(Browser):
    def save(self, root, tip_id: str, **words: str) -> dict:
        was = campaign_tips(root)[tip_id]
        self.post(f"/c/{SLUG}/tips/{tip_id}/edit", {**words, **{f"was_{key}": was[key] for key in words}})
        return campaign_tips(root)[tip_id]


@pytest.mark.slow
def test_the_studio_s_save_reads_her_new_opening_as_split_again_does(tmp_path):
    root = split_project(tmp_path)
    before = campaign_tips(root)
    studio = StudioProcess(root)
    try:
        browser = Studio(studio, SLUG)
        ended = browser.save(root, MID, text=before[MID]["text"].replace("calmly", "kindly"))
        assert MID_PARAGRAPH in ended["notes"] and ended["ready"] is False, "the end alone: its place still holds"

        tip = browser.save(root, MID, headline="Before you visit a critical parent, choose the topics you will keep "
                                               "off the table.",
                           text="Before you visit a critical parent, choose the topics you will keep off the table. "
                                "Name one, such as your weight, and say so calmly at the start.")
        assert tip["ready"] is True and MID_PARAGRAPH not in tip["notes"] and OPENING_REWRITTEN in tip["notes"], tip
        tip = browser.save(root, MID, text=tip["text"].replace("calmly", "kindly"))
        assert tip["ready"] is True, "a later edit of the end: her opening is still hers"

        held = browser.save(root, HELD, headline="This helps you leave early.",
                            text=before[HELD]["text"].replace("Your parent may not change.",
                                                              "This helps you leave early."))
        assert held["ready"] is False and any("“This helps”" in note for note in held["notes"]), held
        assert re.search(r"This helps", browser.page())
    finally:
        studio.stop()

    assert cli(root, "split", f"posts/articles/{SLUG}.md").code == 0
    again = campaign_tips(root)
    assert (again[MID]["ready"], again[HELD]["ready"]) == (True, False), "split reads her tips as the studio did"
