"""The studio's Save makes the same four edits as tests/tips/test_hand_edit_notes.py (issue 19, items 2 and 8): no
note and no flag's reason on the page or in the file says what her edit made untrue, the notes it left true stay,
and a later `split` reads her tips as the studio did. Through the real `juno-scheduler studio` process and its
HTTP routes."""

from __future__ import annotations

import pytest

from scheduler.tips.drafts import CASE_NOTE
from scheduler.tips.standalone import CARRIED_QUESTION
from tests.studio.server import StudioProcess
from tests.studio.test_studio_notes_stay_true import Browser, tip_on_page
from tests.tips.test_hand_edit_notes import (
    CARRIED,
    FLAGGED,
    GONE,
    HEADING_CASED,
    LEAD_CASED,
    LONG,
    OWN_QUESTION,
    SLUG,
    campaign_tips,
    cli,
    long_notes,
    split_project,
)


@pytest.mark.slow
def test_the_studio_s_save_says_nothing_her_edits_made_untrue(tmp_path):
    root = split_project(tmp_path)
    tips = campaign_tips(root)
    edits = {
        HEADING_CASED: {"headline": "Look after your body first."},
        LEAD_CASED: {"headline": "Keep meals free of screens."},
        OWN_QUESTION: {"text": "Do you know how your partner’s week really went? " + tips[OWN_QUESTION]["text"]},
        CARRIED: {"headline": "Listen without fixing."},
        LONG: {"text": tips[LONG]["text"].replace("It keeps the bigger conversations possible.",
                                                  "Small talk keeps the big talks possible.")},
        FLAGGED: {"text": tips[FLAGGED]["text"].replace("about suicide", "about wanting to disappear").replace(
            "a crisis can", "it can")},
    }
    studio = StudioProcess(root)
    try:
        browser = Browser(studio, SLUG)
        for tip_id, words in edits.items():
            browser.post(f"/c/{SLUG}/tips/{tip_id}/edit",
                         {**words, **{f"was_{key}": tips[tip_id][key] for key in words}})
        saved = campaign_tips(root)
        page = browser.page()
        for look in (lambda tip_id: saved[tip_id]["notes"], lambda tip_id: tip_on_page(page, tip_id)):
            assert CASE_NOTE not in look(HEADING_CASED), "sentence-case note on the headline she wrote"
            assert CASE_NOTE in look(LEAD_CASED), "her text still opens on split's cased lead-in: the note holds"
            assert CARRIED_QUESTION not in look(OWN_QUESTION), "her own question called the article's"
            assert CARRIED_QUESTION in look(CARRIED), "the article's question still opens the text: the note holds"
            assert "long headline" not in " ".join(look(LONG)), "a long-headline note on split's headline"
        flagged = tip_on_page(page, FLAGGED)
        assert GONE in flagged and "“suicide”, “crisis” in the text" not in flagged, flagged
        assert saved[FLAGGED]["review"] == ["sensitive"], "taking the words out keeps the flag"
    finally:
        studio.stop()

    assert cli(root, "split", f"posts/articles/{SLUG}.md").code == 0
    again = campaign_tips(root)
    assert long_notes(again) == {}
    assert {tip_id: again[tip_id]["notes"] for tip_id in edits} == {tip_id: saved[tip_id]["notes"]
                                                                    for tip_id in edits}, (
        "split reads her edited tips as the studio read them")
