"""What a fifth user trial found in the studio (a manager in Debian's chromium on a 390 x 844 phone and at 1280 px),
each seen as she saw it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.studio.walk import SLUG, TIP, approve, opened
from tests.test_preview_browser import ARTIFACTS, browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}


def test_the_message_after_approve_is_one_line_that_covers_no_tip_and_can_be_hidden(browser, project):  # noqa: F811
    """Before: "Approved …: it goes out … Undo takes it back." was 189 px of an 844 px screen, sticky at the top,
    over the approved tip's heading and, a `j` later, over the next tip's."""
    with opened(browser, project, PHONE["width"], "trial5-message", f"/c/{SLUG}", height=PHONE["height"]) as visit:
        page = visit.page
        message = approve(page)
        slot = page.locator(".said-slot")
        said = slot.locator(".said")
        expect(slot).to_have_attribute("aria-live", "polite")
        expect(said).to_have_attribute("role", "status")
        assert said.text_content() == message  # the whole message is there for a screen reader
        bottom = slot.bounding_box()["height"]
        assert bottom <= 72, f"the message is {bottom} px high: more than two lines"  # trial 6: two, when first
        tip = page.locator(f"#tip-{TIP}")
        assert tip.locator("h3").bounding_box()["y"] >= bottom, "the message covers the approved tip's heading"
        page.keyboard.press("j")  # on to the next tip, as she reads on
        following = page.locator("article.tip:focus")
        expect(following).not_to_have_id(f"tip-{TIP}")
        assert following.locator("h3").bounding_box()["y"] >= bottom, "the message covers the next tip's heading"
        page.screenshot(path=str(ARTIFACTS / "studio-trial5-message-next-tip.png"))  # the screen as she sees it
        visit.check("one-line")
        slot.locator(".said-short").click()  # a tap shows the whole message, still short of a third of the screen
        expanded = slot.bounding_box()["height"]
        assert bottom < expanded <= PHONE["height"] * 0.3 + 1, expanded
        visit.check("tapped")
        slot.get_by_role("button", name="Hide this message").click()
        expect(said).to_have_count(0)
        assert slot.bounding_box() is None or slot.bounding_box()["height"] == 0
    assert not visit.problems, visit.problems
