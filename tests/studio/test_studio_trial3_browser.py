"""What a third user trial found in the studio (a manager with her own article), seen in Debian's chromium: an Undo
that could not be done filled the top of every page, and a sensitive sentence split left out of a passage's tips
was nowhere in the article pane."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from tests.conftest import REPO, run_cli
from tests.studio.walk import NOW, SLUG, opened, submit
from tests.test_preview_browser import WIDTHS, browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WORRY = REPO / "tests" / "data" / "trial" / "when-work-anxiety-follows-you-home.md"
UNSAID = "not wanting to be here"


def test_an_undo_that_cannot_be_done_is_said_once_on_changes_not_atop_every_page(browser, project):  # noqa: F811
    """`approve` from the command line, then three approved tips edited in an editor: the batch can no longer be
    undone exactly. Before: every page opened with "Cannot undo the approval of 19 tips at once" and a paragraph
    naming each tip, a third of a phone's first screen."""
    assert run_cli("--root", str(project), "approve", SLUG, "--now", NOW).code == 0
    path = project / "posts" / f"{SLUG}.yaml"
    text = path.read_text(encoding="utf-8")
    for headline in re.findall(r'    headline: "(.*)"\n', text)[:3]:
        text = text.replace(f'    headline: "{headline}"\n', f'    headline: "{headline} (edited)"\n', 1)
    path.write_text(text, encoding="utf-8")
    with opened(browser, project, WIDTHS["phone"], "trial3-undo", "/queue", height=812) as visit:
        page = visit.page
        for where in ("/queue", f"/c/{SLUG}", "/calendar"):
            if where != "/queue":
                page.goto(visit.studio.base + where)
            header = page.locator("body > header")
            expect(header.locator("#undo-form button")).to_be_disabled()
            expect(header.locator("#undo-form button")).to_have_text("Undo")
            assert header.locator("#undo-form").get_attribute("data-undo") is None  # nor does `u` offer it
            assert "can no longer be" not in page.locator("body").inner_text(), where
            assert header.bounding_box()["height"] < 260, (where, header.bounding_box())  # was 505 px
        visit.check("header")
        page.goto(visit.studio.base + "/changes")
        blocked = page.locator(".changes .undo-blocked")
        expect(blocked).to_have_count(1)
        expect(blocked.locator("summary")).to_have_text("Cannot be undone now")
        blocked.locator("summary").click()
        expect(blocked).to_contain_text(re.compile(r"3 of the \d+ changes made at once can no longer be undone"))
        expect(page.locator(".changes form button", has_text="Undo")).to_have_count(0)  # no button that is refused
        visit.check("changes")
    assert not visit.problems, visit.problems


def test_a_sensitive_sentence_left_out_of_a_passages_tips_is_marked_and_can_be_taken(browser, project):  # noqa: F811
    """The block report names it (`left_out`, scheduler/tips/unsaid.py); the article pane showed nothing of it."""
    shutil.copy(WORRY, project / "posts" / "articles" / WORRY.name)
    assert run_cli("split", f"posts/articles/{WORRY.name}", cwd=project).code == 0
    with opened(browser, project, WIDTHS["phone"], "trial3-unsaid", f"/c/{WORRY.stem}", height=812) as visit:
        page = visit.page
        block = page.locator("section.article .block", has_text=UNSAID)
        expect(block.locator(".fed")).to_be_visible()  # the passage gave tips
        expect(block.locator(".unsaid")).to_contain_text(UNSAID)
        expect(block.locator(".unsaid")).to_contain_text("(left out of the tips, sensitive)")  # not by colour alone
        expect(block.locator(".unsaid-why")).to_contain_text("Left out, sensitive: “If you find that you dread")
        expect(block.locator(".unsaid-why")).to_contain_text(f"“{UNSAID}”")
        block.scroll_into_view_if_needed()
        visit.check("marked")
        tips = page.locator("article.tip").count()
        submit(page, block.get_by_role("button", name="Make this passage a tip"))
        expect(page.locator("article.tip")).to_have_count(tips + 1)
        # the passage is too long for one post: take keeps its opening and says the sentence did not fit, so the
        # pane still marks it as in no tip (test_studio_editing: a tip that carries it takes the mark away)
        expect(page.locator("article.tip").last).to_contain_text("did not fit the post: write it into a tip by hand")
        expect(page.locator("section.article .block", has_text=UNSAID).locator(".unsaid")).to_contain_text(UNSAID)
        visit.check("taken")
    assert not visit.problems, visit.problems
