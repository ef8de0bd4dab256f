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
        expect(second.locator("h1")).to_contain_text("The campaign file changed on disk: ")
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


def test_keep_yours_on_the_conflict_page_keeps_the_other_tab_s_headline(browser, project):  # noqa: F811
    """The user trial: tab A saved a new headline and text; tab B, opened before, changed only the text, met the
    conflict page and clicked "Keep yours": A's headline was put back to the old one, and nothing said so."""
    import yaml

    with opened(browser, project, 1280, "conflict-keep-yours", f"/c/{SLUG}") as visit:
        first = visit.page
        tab = browser.new_context(viewport={"width": 1280, "height": 900})  # another tab: the same sign-in
        tab.add_cookies(first.context.cookies())
        second = tab.new_page()
        second.goto(first.url)
        tip = first.locator(f"#tip-{TIP}")
        tip.get_by_label(HEADLINE).fill("Hesitation is not indifference.")
        tip.get_by_label("Post text").fill("Hesitation is not indifference: many fear making things worse.")
        save(first)
        assert said(first).startswith(f"Saved headline, text of {TIP}"), said(first)

        mine = "Resistance is often worry, not a lack of love. Ask what worries them, gently."
        second.locator(f"#tip-{TIP}").get_by_label("Post text").fill(mine)
        save(second)
        expect(second.locator("h1")).to_contain_text("The campaign file changed on disk: ")
        fields = second.locator("table.sides tbody th")
        expect(fields).to_have_count(2)  # only what differs, in the edit form's words
        expect(fields.nth(0)).to_have_text("Headline")
        expect(fields.nth(1)).to_have_text("Post text changed on both sides")
        expect(second.locator("main")).not_to_contain_text("alt_text")
        submit(second, second.get_by_role("button", name="Keep yours"))
        assert said(second) == f"Saved text of {TIP}.", said(second)
        tab.close()
        visit.problems[:] = [p for p in visit.problems if "409" not in p]
    data = yaml.safe_load((project / "posts" / f"{SLUG}.yaml").read_text(encoding="utf-8"))
    on_disk = next(t for t in data["tips"] if t["id"] == TIP)
    assert (on_disk["headline"], on_disk["text"]) == ("Hesitation is not indifference.", mine)
    assert not visit.problems, visit.problems
