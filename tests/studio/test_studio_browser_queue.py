"""The Queue as a manager uses it for several posts at once, in chromium at phone and desktop width.

approve three drafts ticked on the drafts view -> tick all shown and skip them -> `u` says it will undo the skip of
the three, and Enter puts each back in its own slot -> move two a week later, Undo -> filter to one campaign,
search, and a search that matches nothing -> archive the campaign, then Undo. axe-core on every state (drafts,
ticked, skipped, filtered, empty, the archive's confirmation, archived),
no sideways scroll, screenshots in tests/artifacts/studio-queue-*.png.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.conftest import run_cli
from tests.studio.walk import NOW, SLUG, opened, settled, undo_with_key
from tests.test_preview_browser import WIDTHS, browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIPS = ("resistance-isnt-necessarily-indifference", "keep-the-invitation-open-ended", "patience-matters")


def plan(root) -> dict:
    result = run_cli("--root", str(root), "plan", "--json", "--now", NOW, "--days", "90")
    assert result.code == 0, result
    return {row["id"]: row["at"] for row in json.loads(result.out)["posts"]}


@pytest.mark.parametrize("screen", WIDTHS)
def test_tick_several_approve_skip_undo_move_and_filter(browser, project, screen):  # noqa: F811
    with opened(browser, project, WIDTHS[screen], f"queue-{screen}", "/queue") as visit:
        page, studio = visit.page, visit.studio
        page.get_by_role("link", name="see and approve them").click()
        page.wait_for_url("**/queue?state=draft")
        visit.check("drafts")
        settled(page)

        headlines = {}
        for tip in TIPS:
            box = page.locator(f"input.tick[value='{SLUG}/{tip}']")
            headlines[tip] = box.get_attribute("aria-label").removeprefix("Tick ")
            page.get_by_label(f"Tick {headlines[tip]}", exact=True).check()
        visit.check("drafts-ticked")
        settled(page)
        with page.expect_navigation():
            page.get_by_role("button", name="Approve the ticked drafts").click()
        assert page.locator(".said").inner_text().startswith("Approved 3 tips at once: the first goes out ")
        slots = plan(project)
        assert sorted(slots) == sorted(f"{SLUG}/{tip}" for tip in TIPS)

        page.goto(f"{studio.base}/queue")
        page.get_by_label("Tick every post shown").check()  # the script's shortcut
        assert page.locator("input.tick[name=post]:checked").count() == 3
        with page.expect_navigation():
            page.get_by_role("button", name="Skip the ticked posts").click()
        assert page.locator(".said").inner_text() == "Skipped 3 posts; Undo puts them all back in their slots."
        assert plan(project) == {}
        visit.check("skipped")
        settled(page)

        undo_with_key(page, "the skip on the queue of 3 posts at once")
        assert plan(project) == slots  # each in its own slot

        for tip in TIPS[:2]:
            page.get_by_label(f"Tick {headlines[tip]}", exact=False).first.check()
        page.get_by_label("Move the ticked posts").select_option(label="a week later")
        with page.expect_navigation():
            page.get_by_role("button", name="Move", exact=True).click()
        assert page.locator(".said").inner_text().startswith("Moved 2 posts a week later")
        assert plan(project) != slots
        expect(page.locator("#undo-form button")).to_contain_text("the move of 2 posts at once")
        with page.expect_navigation():
            page.locator("#undo-form button").click()
        assert plan(project) == slots

        page.get_by_label("Search words").fill(headlines[TIPS[2]].split()[0])
        with page.expect_navigation():
            page.get_by_role("button", name="Show").click()
        assert "q=" in page.url
        assert page.locator("input.tick[name=post]").count() >= 1
        visit.check("filtered")
        settled(page)

        page.get_by_label("Search words").fill("words no tip has anywhere")
        with page.expect_navigation():
            page.get_by_role("button", name="Show").click()
        expect(page.locator(".filtered")).to_contain_text("Nothing matches these filters")
        visit.check("empty")
        settled(page)
        with page.expect_navigation():
            page.get_by_role("link", name="Clear filters").click()
        assert page.locator("input.tick[name=post]").count() == 3

        page.goto(f"{studio.base}/calendar?q={headlines[TIPS[2]].split()[0]}")
        visit.check("calendar-filtered")
        settled(page)

        # archive the campaign: a page says what will happen first; Undo brings every post back to its slot
        page.goto(f"{studio.base}/")
        with page.expect_navigation():
            page.locator(f"a[href='/c/{SLUG}/archive']").click()
        expect(page.locator("h1")).to_contain_text("Archive “What to Do When One Partner Wants Counseling and the Other")
        assert plan(project) == slots  # nothing changed yet
        visit.check("archive-confirm")
        settled(page)
        button = page.get_by_role("button", name="Archive it and withdraw 3 posts")
        box = button.bounding_box()
        assert box["y"] + box["height"] <= page.viewport_size["height"], box  # on the first screen, even at 375 px
        expect(page.locator("details.withdrawn")).not_to_have_attribute("open", "")
        with page.expect_navigation():
            page.get_by_role("button", name="Archive it and withdraw 3 posts").click()
        expect(page.locator(".said")).to_contain_text("3 posts withdrawn")
        assert plan(project) == {}
        visit.check("archived")
        settled(page)
        with page.expect_navigation():
            page.locator("#undo-form button").click()
        assert page.locator(".said").inner_text() == f"Undid the archiving of {SLUG}."
        assert plan(project) == slots


def test_a_long_refusal_on_a_phone_stays_a_strip_and_hides_at_a_tap(browser, project):  # noqa: F811
    """A user trial at 375 x 812: a refusal naming ten tips was a sticky bar as tall as the screen, over every
    button, with no way to close it but a reload. The message is at most 30 % of the screen (it scrolls inside
    itself), and Hide takes it away, leaving the page as it was."""
    with opened(browser, project, WIDTHS["phone"], "queue-long-refusal", "/queue?state=draft", height=812) as visit:
        page = visit.page
        gone = [f"{SLUG}/a-tip-split-no-longer-makes-{n}" for n in range(20)]  # each refused by name: a long message
        page.evaluate("""(keys) => {
            const form = document.getElementById("selected");
            for (const key of keys) {
                const box = document.createElement("input");
                box.type = "hidden"; box.name = "tip"; box.value = key;
                form.appendChild(box);
            }
        }""", gone)
        page.get_by_role("button", name="Approve the ticked drafts").click()
        page.wait_for_load_state()
        banner = page.locator(".said.refused")
        expect(banner).to_be_visible()
        assert len(banner.inner_text()) > 1000
        box = banner.bounding_box()
        assert box["height"] <= 0.3 * 812 + 1, box
        visit.check("refused")
        page.get_by_role("button", name="Hide this message").click()
        expect(page.locator(".said")).to_have_count(0)
        page.get_by_role("link", name="Calendar").click()  # the page's own links answer taps again
        page.wait_for_url("**/calendar")
    assert not visit.problems, visit.problems
