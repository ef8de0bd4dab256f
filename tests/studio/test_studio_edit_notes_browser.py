"""A small edit keeps what split said of a tip's words, in Debian's chromium (a third user trial, finding F): a
one-character edit leaves "points at “the topic”" and "30 words or more" and the tip's "needs a look", a note goes
only when the edit removed what it named; the notes under the badge say why it still needs a look."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.studio.walk import SLUG, TIP, opened, save
from tests.test_preview_browser import browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TOPIC = "approach-the-topic-during-a-calm-moment"
POINTS = "points at something the tip has not said (“the topic”): name it"
LONG = "30 words or more: outside graders mostly trimmed such tips; shorten it"


def test_a_one_character_edit_keeps_the_notes_that_still_hold(browser, project):  # noqa: F811
    with opened(browser, project, 1280, "trial3-edit-notes", f"/c/{SLUG}") as visit:
        page = visit.page
        tip = page.locator(f"#tip-{TOPIC}")
        expect(tip.locator(".notes")).to_contain_text(POINTS)
        tip.get_by_label("Post text").fill("Approach the topic during a calm moment, not in the middle of a conflict.")
        save(page, TOPIC)
        tip = page.locator(f"#tip-{TOPIC}")
        expect(tip.locator(".notes")).to_contain_text(POINTS)
        expect(tip.locator(".badge.look")).to_have_text("needs a look")

        tip.get_by_label("Headline (the card's words)").fill("Bring up counseling during a calm moment.")
        tip.get_by_label("Post text").fill("Bring up counseling during a calm moment, not in the middle of a "
                                           "conflict.")
        save(page, TOPIC)
        tip = page.locator(f"#tip-{TOPIC}")
        expect(tip).not_to_contain_text("points at something")  # the edit named it: that note goes

        long = page.locator(f"#tip-{TIP}")
        text = long.get_by_label("Post text").input_value()
        long.get_by_label("Post text").fill(text.replace("counseling", "counselling", 1))
        save(page)
        long = page.locator(f"#tip-{TIP}")
        expect(long.locator(".notes")).to_contain_text(LONG)
        expect(long.locator(".badge.look")).to_have_text("needs a look")
        visit.check("after-small-edits")
    assert not visit.problems, visit.problems
