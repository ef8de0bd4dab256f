"""After a refused Save, in Debian's chromium (a third user trial, finding D): the words typed stay on the page
with the reason, and Undo, a reload and the browser's Back from that page answer a page, never a 405."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.studio.walk import SLUG, TIP, opened, said, save, submit
from tests.test_preview_browser import browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HEADLINE = "Headline (the card's words)"


def test_undo_reload_and_back_after_a_refused_save_keep_the_typed_words(browser, project):  # noqa: F811
    with opened(browser, project, 1280, "trial3-refused-undo", f"/c/{SLUG}") as visit:
        page = visit.page
        tip = page.locator(f"#tip-{TIP}")
        before = tip.get_by_label("Post text").input_value()
        fixed = before.replace("e", "é", 1)  # a one-character edit: the last real change
        tip.get_by_label("Post text").fill(fixed)
        save(page)
        assert said(page).startswith(f"Saved text of {TIP}"), said(page)

        typed = "Ask what worries your partner about counseling, and listen to the whole answer first."
        tip = page.locator(f"#tip-{TIP}")
        tip.get_by_label(HEADLINE).fill("")
        tip.get_by_label("Post text").fill(typed)
        save(page)
        tip = page.locator(f"#tip-{TIP}")
        expect(tip.locator(".error").first).to_be_visible()
        expect(tip.get_by_label("Post text")).to_have_value(typed)
        assert "/edit" not in page.url, page.url  # the browser is on a page it can reload, not on the POST's address

        page.reload()
        tip = page.locator(f"#tip-{TIP}")
        expect(tip.get_by_label("Post text")).to_have_value(typed)  # reloaded: still the typed words and the reason
        expect(tip.locator(".error").first).to_be_visible()

        submit(page, page.locator("#undo-form button"))
        assert said(page) == f"Undid the edit of {TIP} (text).", said(page)
        tip = page.locator(f"#tip-{TIP}")
        expect(tip.get_by_label("Post text")).to_have_value(typed)  # not dropped by the Undo
        expect(tip.locator("input[name=was_text]")).to_have_value(before)  # the file has the words before the edit
        expect(tip).to_contain_text("Not saved yet")

        page.go_back()
        page.go_back()
        expect(page.locator("h1")).to_be_visible()
        visit.problems[:] = [p for p in visit.problems if "422" not in p]  # the refusal itself, answered and logged
    assert not visit.problems, visit.problems


def test_a_second_tab_saving_the_same_tip_is_refused_and_keeps_its_words(browser, project):  # noqa: F811
    with opened(browser, project, 1280, "trial3-two-tabs", f"/c/{SLUG}") as visit:
        first = visit.page
        tab = browser.new_context(viewport={"width": 1280, "height": 900})  # another tab: the same sign-in
        tab.add_cookies(first.context.cookies())
        second = tab.new_page()
        second.goto(first.url)
        first.locator(f"#tip-{TIP}").get_by_label(HEADLINE).fill("Hesitation is not indifference.")
        save(first)
        assert said(first).startswith(f"Saved headline of {TIP}"), said(first)

        mine = "Resistance is often worry, not a lack of love."
        second.locator(f"#tip-{TIP}").get_by_label(HEADLINE).fill(mine)
        save(second)
        expect(second.locator("h1")).to_have_text("The campaign file changed on disk")
        expect(second.locator("main")).to_contain_text(mine)  # yours, not saved, beside the file's
        expect(second.locator("main")).to_contain_text("Hesitation is not indifference.")
        second.reload()  # the address bar holds the kept page, not the Save's address
        tip = second.locator(f"#tip-{TIP}")
        expect(tip.get_by_label(HEADLINE)).to_have_value(mine)
        expect(tip).to_contain_text("Not saved: the tip changed")
        expect(tip.locator("input[name=was_headline]")).to_have_value("Hesitation is not indifference.")  # it stands
        tab.close()
        visit.problems[:] = [p for p in visit.problems if "409" not in p]
    assert not visit.problems, visit.problems
