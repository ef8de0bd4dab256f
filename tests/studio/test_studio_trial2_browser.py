"""What a second user trial found on the review page, seen in Debian's chromium: after an edit a tip's badge and
notes say what split would say of the new words (a new flag, markup) and of its place in the article."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.studio.walk import SLUG, opened, said, save
from tests.test_preview_browser import browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

READY = ("reluctance-doesnt-always-mean-refusal", "check-in-after-positive-moments-or-small",  # split's ready drafts
         "share-how-you-feel-using-i-statements", "try-not-to-frame-counseling-as-a")
PLACED = "understanding-the-reasons-behind-reluctance-can-help"  # a draft held for its place in the paragraph
MID_PARAGRAPH = "starts mid-paragraph: check it does not lean on the sentence before it"


def approve_ready(page):
    return page.locator("form.approve-ready button[data-approve]")


def test_an_edit_that_flags_a_tip_or_adds_markup_takes_away_ready_and_keeps_the_notes_on_its_place(
        browser, project):  # noqa: F811
    with opened(browser, project, 1280, "trial2-ready", f"/c/{SLUG}") as visit:
        page = visit.page
        page.on("dialog", lambda dialog: visit.problems.append(f"a script ran: {dialog.message}"))
        expect(approve_ready(page)).to_have_text("Approve the 4 ready drafts")

        flagged = page.locator(f"#tip-{READY[0]}")
        flagged.get_by_label("Post text").fill("Reluctance doesn’t always mean refusal. If your partner talks "
                                              "about self-harm, call 988 together.")
        save(page, READY[0])
        assert "flagged sensitive" in said(page), said(page)
        flagged = page.locator(f"#tip-{READY[0]}")
        expect(flagged.locator(".badge.look")).to_have_text("needs a look")
        expect(flagged.locator(".badge.ready")).to_have_count(0)
        expect(flagged).to_contain_text("a sensitive topic: read it and acknowledge the flag before it goes out")
        expect(approve_ready(page)).to_have_text("Approve the 3 ready drafts")  # the flagged one is not counted

        marked = page.locator(f"#tip-{READY[1]}")
        marked.get_by_label("Headline (the card's words)").fill("<b>Check in</b> after positive moments.")
        marked.get_by_label("Post text").fill('Check in after good moments <img src=x onerror=alert("t")> '
                                              "</textarea><script>alert(9)</script> &amp; say what you saw.")
        save(page, READY[1])
        marked = page.locator(f"#tip-{READY[1]}")
        expect(marked.locator(".badge.look")).to_have_text("needs a look")
        expect(marked).to_contain_text("looks like HTML/markup: it will be posted as written")
        expect(approve_ready(page)).to_have_text("Approve the 2 ready drafts")  # nor the one with markup

        placed = page.locator(f"#tip-{PLACED}")
        expect(placed).to_contain_text(MID_PARAGRAPH)
        placed.get_by_label("Post text").fill("Understanding the reasons behind reluctance can help you start the "
                                              "conversation calmly.")
        save(page, PLACED)
        placed = page.locator(f"#tip-{PLACED}")
        expect(placed).to_contain_text(MID_PARAGRAPH)  # the edit changed its words, not where it stands
        expect(placed.locator(".badge.look")).to_have_text("needs a look")
        visit.check("after-edits")
    assert not visit.problems, visit.problems
