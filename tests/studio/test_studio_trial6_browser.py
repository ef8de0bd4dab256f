"""What a sixth user trial (the second of the studio on a phone) found, each seen as she saw it: a 390 x 844 phone
in Debian's chromium, and 1280 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.studio.walk import SLUG, TIP, approve, opened, save
from tests.test_preview_browser import ARTIFACTS, browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}


def test_on_a_phone_the_message_after_approve_says_when_and_where_first_with_undo_beside(browser, project):  # noqa: F811
    """Before: collapsed to one line it read "Approved resistance-isnt-necessarily-indiff…": when it goes out, on
    which networks and Undo were a tap away, hidden behind the tip's id."""
    with opened(browser, project, PHONE["width"], "trial6-message", f"/c/{SLUG}", height=PHONE["height"]) as visit:
        page = visit.page
        message = approve(page)
        slot = page.locator(".said-slot")
        said = slot.locator(".said")
        expect(said).to_have_attribute("role", "status")
        assert said.text_content() == message  # the whole message is still what a screen reader reads
        seen = slot.locator(".said-short")
        expect(seen).to_be_visible()
        shown = seen.inner_text()
        assert shown.startswith("Approved · goes out ") and " on " in shown and TIP not in shown, shown
        lines = seen.evaluate("e => Math.round(e.scrollHeight / parseFloat(getComputedStyle(e).lineHeight))")
        assert lines <= 2, f"the short message takes {lines} lines"
        undo = slot.get_by_role("button", name="Undo", exact=False).first
        expect(undo).to_be_visible()
        box, top = undo.bounding_box(), slot.bounding_box()
        assert box["y"] >= top["y"] and box["y"] + box["height"] <= top["y"] + top["height"] + 1
        assert top["height"] <= 72, f"the message is {top['height']} px high: more than two lines"
        tip = page.locator(f"#tip-{TIP}")
        assert tip.locator("h3").bounding_box()["y"] >= top["height"], "the message covers the approved tip's heading"
        page.screenshot(path=str(ARTIFACTS / "studio-trial6-message-phone.png"))  # the screen as she sees it
        visit.check("short")
        seen.click()  # a tap: the whole text, with the tip's id
        expect(said).to_be_visible()
        assert TIP in said.inner_text()
        expect(seen).to_be_hidden()
        visit.check("tapped")
        with page.expect_navigation():
            undo.click()
        assert said.inner_text().startswith("Undid"), said.inner_text()
        # before: back at the top of the page, the tip a draft again yet tagged "skipped · Mon 07 Dec 08:34"
        assert page.url.endswith(f"#tip-{TIP}"), page.url
        state = page.locator(f"#tip-{TIP} .state")
        expect(state).to_contain_text("draft")
        expect(state).to_contain_text("not queued")
        assert "skipped" not in state.inner_text() and ":" not in state.inner_text(), state.inner_text()
        visit.check("undone")
    assert not visit.problems, visit.problems


def test_at_1280_the_message_after_approve_has_its_undo_beside_it(browser, project):  # noqa: F811
    with opened(browser, project, 1280, "trial6-message-wide", f"/c/{SLUG}") as visit:
        page = visit.page
        message = approve(page)
        slot = page.locator(".said-slot")
        expect(slot.locator(".said")).to_be_visible()
        assert slot.locator(".said").inner_text() == message
        expect(slot.locator(".said-short")).to_be_hidden()
        expect(slot.locator(".said-undo")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "studio-trial6-message-wide.png"))
    assert not visit.problems, visit.problems


def _conflict(browser, first, width: int):  # noqa: F811
    """Tab A saves a new headline; tab B, opened before at `width`, saves its own: B gets the conflict page."""
    tab = browser.new_context(viewport={"width": width, "height": 844})  # another tab: the same sign-in
    tab.add_cookies(first.context.cookies())
    second = tab.new_page()
    second.goto(first.url)
    first.locator(f"#tip-{TIP}").get_by_label(HEADLINE).fill("Hesitation is not indifference.")
    save(first)
    second.locator(f"#tip-{TIP}").get_by_label(HEADLINE).fill("Resistance is often worry, not a lack of love.")
    save(second)
    return tab, second


HEADLINE = "Headline (the card's words)"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_conflict_page_names_the_tip_stacks_on_a_phone_and_sets_its_choices_side_by_side(browser, project,  # noqa: F811
                                                                                              width):
    """Before, at 390: the 4-column table broke words ("Ke/ep/yo/urs"), the heading did not say which tip clashed;
    at 1280 the two buttons stood at different heights."""
    with opened(browser, project, width, f"trial6-conflict-{width}", f"/c/{SLUG}") as visit:
        tab, page = _conflict(browser, visit.page, width)
        expect(page.locator("h1")).to_have_text("The campaign file changed on disk: “Hesitation is not indifference.”")
        # no word in the table is broken across lines: every cell is as wide as its longest word
        broken = page.evaluate("""() => Array.from(document.querySelectorAll('.sides tbody th, .sides tbody td')).filter(cell => {
            const words = cell.textContent.split(/\\s+/).filter(Boolean);
            const probe = document.createElement('span');
            probe.style.whiteSpace = 'nowrap';
            cell.append(probe);
            const widest = Math.max(...words.map(w => { probe.textContent = w; return probe.offsetWidth; }));
            probe.remove();
            return widest > cell.clientWidth;
        }).map(cell => cell.textContent.trim())""")
        assert not broken, f"words broken in {broken}"
        keep = page.get_by_role("button", name="Keep yours")
        reload = page.get_by_role("link", name="Keep the file's (reload)")
        mine, theirs = keep.bounding_box(), reload.bounding_box()
        if width >= 800:
            assert abs(mine["y"] - theirs["y"]) < 1 and abs(mine["height"] - theirs["height"]) < 1, (mine, theirs)
        else:
            cells = page.locator(".sides tbody tr").first.locator("td")
            xs = {round(cells.nth(i).bounding_box()["x"]) for i in range(cells.count())}
            assert len(xs) == 1, f"the fields are not stacked: {xs}"
        page.screenshot(path=str(ARTIFACTS / f"studio-trial6-conflict-{width}.png"), full_page=True)
        tab.close()
        visit.problems[:] = [p for p in visit.problems if "409" not in p]
    assert not visit.problems, visit.problems
