"""The studio as a person uses it, in Debian's chromium at phone and desktop width.

open the link -> review the bundled campaign -> edit a headline and see the card change -> approve ->
find it on the calendar -> move it to another day -> `juno-scheduler plan --json` shows the new time.
Every page: no console errors (a CSP violation is one), no sideways scroll, no serious axe-core violations.
Screenshots land in tests/artifacts/studio-*.png for a person to look at.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.conftest import run_cli
from tests.studio.walk import (
    NOW,
    SLUG,
    TIP,
    approve,
    loaded_width,
    move_on_calendar,
    opened,
    said,
    save,
    submit,
    undo_with_key,
)
from tests.test_preview_browser import WIDTHS, browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> & more words here.'


@pytest.mark.parametrize("screen", WIDTHS)
def test_review_edit_approve_and_move_a_post(browser, project, screen):  # noqa: F811
    with opened(browser, project, WIDTHS[screen], screen) as visit:
        page, studio = visit.page, visit.studio
        assert page.url == studio.base + "/"
        visit.check("campaigns")

        page.get_by_role("link", name="What to Do When One Partner Wants Counseling").click()
        page.wait_for_url(f"**/c/{SLUG}")
        tip = page.locator(f"#tip-{TIP}")
        card = tip.locator("img.card")
        assert loaded_width(card) == 1600
        assert page.locator("mark").count() >= 10  # source sentences highlighted in the article
        visit.check("review")

        before = card.get_attribute("src")
        tip.get_by_label("Headline (the card's words)").fill("Hesitation is not a lack of love.")
        expect(card).to_have_attribute("src", re.compile(r"^data:image/png;base64,"))  # the live card, not saved yet
        assert card.evaluate("img => img.naturalWidth") == 1600
        save(page)
        assert page.url.endswith(f"/c/{SLUG}#tip-{TIP}"), (page.url, page.locator(".error").all_inner_texts())
        assert said(page) == f"Saved headline of {TIP}."
        after = page.locator(f"#tip-{TIP} img.card").get_attribute("src")
        assert after != before and after.startswith(f"/cards/{SLUG}/{TIP}.png?v=")
        assert 'headline: "Hesitation is not a lack of love."' in (project / "posts" / f"{SLUG}.yaml").read_text()

        assert approve(page).startswith(f"Approved {TIP}: it goes out Wed 02 Dec 08:")
        assert "queued · Wed 02 Dec 08:" in page.locator(f"#tip-{TIP} .state").inner_text()
        visit.check("approved")

        page.get_by_role("link", name="Calendar").click()
        page.wait_for_url("**/calendar")
        post = page.locator(f"#post-{SLUG}-{TIP}")
        assert post.locator("xpath=ancestor::li[1]").get_attribute("data-day") == "2026-12-02"
        assert loaded_width(post.locator("img")) == 1600
        visit.check("calendar")

        move_on_calendar(page, TIP, "2026-12-05T15:45")
        moved = page.locator(f"#post-{SLUG}-{TIP}")
        assert moved.locator("xpath=ancestor::li[1]").get_attribute("data-day") == "2026-12-05"
        visit.check("moved")

        plan = run_cli("--root", str(project), "plan", "--json", "--now", NOW)
        assert [(p["id"], p["at"]) for p in json.loads(plan.out)["posts"]] == [
            (f"{SLUG}/{TIP}", "2026-12-05T15:45:00-05:00")]

        page.get_by_role("link", name="Queue").click()
        page.wait_for_url("**/queue")
        visit.check("queue")


def test_keyboard_moves_between_tips_and_a_approves(browser, project):  # noqa: F811
    article = project / "posts" / "articles" / f"{SLUG}.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n\n" + HOSTILE + "\n", encoding="utf-8")
    with opened(browser, project, 1280, "keys", f"/c/{SLUG}") as visit:
        page = visit.page
        assert page.evaluate("typeof window.pwned") == "undefined"  # the hostile passage is text, nothing ran
        # the reader takes stray tags out of an article as page furniture (scheduler/articles/furniture.py): the
        # passage's words are shown, and no element of it exists in the page
        assert "& more words here." in page.locator(".article").inner_text()
        assert page.locator(".article script, .article img").count() == 0
        seen = []  # j walks the tips one by one, in the page's order, until it reaches TIP
        while TIP not in seen and len(seen) < 40:
            page.keyboard.press("j")
            seen.append(page.evaluate("document.activeElement.dataset.tip"))
        assert seen[-1] == TIP and len(set(seen)) == len(seen), seen
        with page.expect_navigation():
            page.keyboard.press("a")
        assert said(page).startswith(f"Approved {TIP}: it goes out")
        undo_with_key(page, f"the approval of {TIP}")
        assert "status: draft" in (project / "posts" / f"{SLUG}.yaml").read_text().split(f"id: {TIP}")[1][:400]
        visit.check("keys")


def test_selecting_words_of_the_article_makes_them_a_tip_and_dragging_a_post_moves_it(browser, project):  # noqa: F811
    """The two gestures studio.js adds: a selection in the article fills the new-tip form; a drop on a day moves."""
    with opened(browser, project, 1280, "gestures", f"/c/{SLUG}") as visit:
        page, studio = visit.page, visit.studio
        number, words = page.evaluate("""() => {
            for (const block of document.querySelectorAll(".article .left-out[data-paragraph]")) {
                const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT,
                    {acceptNode: n => n.textContent.trim().length > 40 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP});
                const node = walker.nextNode();
                if (!node) continue;
                const range = document.createRange();
                range.setStart(node, 0);
                range.setEnd(node, node.textContent.length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return [block.dataset.paragraph, node.textContent.trim()];
            }
            return [null, null];
        }""")
        assert number, "the bundled article has a left-out passage long enough to select"
        form = page.locator("#selection-form")
        expect(form.locator("input[name=paragraph]")).to_have_value(number, timeout=5000)
        assert form.locator("textarea[name=text]").input_value() == words
        submit(page, form.locator("button[type=submit]"))
        assert said(page).startswith("Added tip ")
        assert words.split()[0] in (project / "posts" / f"{SLUG}.yaml").read_text(encoding="utf-8")

        approve(page)
        page.goto(f"{studio.base}/calendar?day=2026-12-01")
        post = page.locator(".calendar .post[draggable=true]").first
        target = page.locator(".calendar .day[data-day='2026-12-12']")
        with page.expect_navigation():
            post.drag_to(target)
        assert "2026-12-12" in said(page)
        visit.check("gestures")


def flag_by_hand(project, flags: str) -> None:
    """`review: [flags]` on the tip in its campaign file, as split writes a flag."""
    path = project / "posts" / f"{SLUG}.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("    review: []", text.index(f"  - id: {TIP}\n"))
    path.write_text(text[:at] + f"    review: [{flags}]" + text[at + len("    review: []"):], encoding="utf-8")


def test_a_refused_approve_on_a_phone_lands_on_its_reason(browser, project):  # noqa: F811
    """A user trial at 375 px: Approve on a sensitive tip without "I have reviewed it" reloaded the page at the
    top of the tip, with the red reason some 700 px below, out of sight and not focused."""
    flag_by_hand(project, "sensitive")
    with opened(browser, project, WIDTHS["phone"], "refused-approve", f"/c/{SLUG}#tip-{TIP}", height=812) as visit:
        page = visit.page
        submit(page, page.locator(f"#tip-{TIP}").get_by_role("button", name="Approve"))
        assert visit.problems and all("422" in problem for problem in visit.problems), visit.problems  # the refusal
        visit.problems.clear()
        reason = page.locator(f"#tip-{TIP} .error", has_text="acknowledge the sensitive flag before approving")
        expect(reason).to_be_visible()
        page.wait_for_function("document.activeElement && document.activeElement !== document.body")
        box = reason.bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= 812, box  # on the screen where the page lands
        focused = page.evaluate("""(tip) => {
            const at = document.activeElement;
            const said = (at.getAttribute("aria-describedby") || "").split(" ").map(id => document.getElementById(id));
            return {inside: at.closest("#tip-" + CSS.escape(tip)) !== null, invalid: at.getAttribute("aria-invalid"),
                    describedBy: said.filter(Boolean).map(e => e.textContent).join(" ")};
        }""", TIP)
        assert focused["inside"] and focused["invalid"] == "true", focused  # the box to tick, with its reason
        assert "acknowledge the sensitive flag" in focused["describedBy"], focused
        visit.check("refused")
        page.get_by_label("I have reviewed it", exact=False).check()
        approve(page)
    assert not visit.problems, visit.problems


def test_an_approved_tip_held_by_a_flag_is_acknowledged_with_one_button(browser, project):  # noqa: F811
    """A user trial at 375 px: a re-split marked an approved tip stale; the page showed the box "I have reviewed
    it" but only Skip and Back to draft, ticking did nothing, and nothing said the tip was held."""
    assert run_cli("--root", str(project), "approve", TIP, "--now", NOW).code == 0
    flag_by_hand(project, "stale")
    with opened(browser, project, WIDTHS["phone"], "held-approved", f"/c/{SLUG}#tip-{TIP}") as visit:
        page = visit.page
        tip = page.locator(f"#tip-{TIP}")
        expect(tip.locator(".held")).to_contain_text("Held: approved, but it does not go out until you acknowledge")
        button = tip.get_by_role("button", name="Acknowledge and keep approved")
        expect(button).to_be_visible()
        visit.check("held")
        tip.get_by_label("I have reviewed it", exact=False).check()
        submit(page, button)
        assert said(page).startswith(f"Acknowledged stale on {TIP}; it stays approved and goes out "), said(page)
        expect(page.locator(f"#tip-{TIP} .held")).to_have_count(0)
    assert not visit.problems, visit.problems
    shown = run_cli("--root", str(project), "plan", "--json", "--now", NOW, "--days", "60")
    assert f"{SLUG}/{TIP}" in {row["id"] for row in json.loads(shown.out)["posts"]}
