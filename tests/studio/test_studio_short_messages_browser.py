"""Studio trial 3 on a 390 x 844 phone in Debian's chromium: after ticking posts on the Queue and skipping them,
the message was its sentence cut to one line ("Skipped 2 posts; Undo puts them a…"). Now it is a short line of its
own, what happened to how many and what next, with Undo beside it; a tap shows the whole sentence."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.studio.helpers import TIP, Studio
from tests.studio.walk import opened
from tests.test_preview_browser import ARTIFACTS, browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}


def test_on_a_phone_skipping_ticked_posts_says_how_many_in_a_line_of_its_own(browser, project):  # noqa: F811
    studio = Studio(project).sign_in()
    for tip in (TIP, "patience-matters", "keep-the-invitation-open-ended"):
        studio.status("approved", tip=tip)
    with opened(browser, project, PHONE["width"], "short-skip", "/queue", height=PHONE["height"]) as visit:
        page = visit.page
        ticks = page.locator("input.tick[name=post]")
        ticks.nth(0).check()
        ticks.nth(1).check()
        with page.expect_navigation():
            page.get_by_role("button", name="Skip the ticked posts").click()
        slot = page.locator(".said-slot")
        seen = slot.locator(".said-short")
        expect(seen).to_be_visible()
        assert seen.inner_text() == "Skipped 2 posts · out of the queue", seen.inner_text()
        said = slot.locator(".said")
        assert said.text_content() == "Skipped 2 posts; Undo puts them all back in their slots."
        lines = seen.evaluate("e => Math.round(e.scrollHeight / parseFloat(getComputedStyle(e).lineHeight))")
        assert lines <= 2, f"the short message takes {lines} lines"
        expect(slot.locator(".said-undo")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "studio-short-skip-phone.png"))
        seen.click()  # a tap: the whole sentence
        expect(said).to_be_visible()
        expect(seen).to_be_hidden()
    assert not visit.problems, visit.problems
