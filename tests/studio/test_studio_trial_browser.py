"""What a manager found wrong in the studio on a real trauma article (a user trial), seen in Debian's chromium:
which words or which heading flagged each tip, and the article pane as the article reads."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from tests.conftest import REPO, run_cli
from tests.studio.walk import opened
from tests.test_preview_browser import WIDTHS, browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TRAUMA = REPO / "tests" / "data" / "articles" / "real" / "02-nimh-coping-with-traumatic-events.md"
SLUG = TRAUMA.stem


@pytest.fixture
def trauma(project):
    shutil.copy(TRAUMA, project / "posts" / "articles" / TRAUMA.name)
    assert run_cli("split", f"posts/articles/{TRAUMA.name}", cwd=project).code == 0
    return project


def test_each_flagged_tip_says_what_flagged_it(browser, trauma):  # noqa: F811
    with opened(browser, trauma, WIDTHS["phone"], "flag-reasons", f"/c/{SLUG}") as visit:
        page = visit.page
        first = page.locator("#tip-a-traumatic-event-is-a-shocking-scary")
        expect(first.locator(".flag-why")).to_have_text(
            "sensitive: “traumatic event” in the text and under the heading “How do people respond to traumatic "
            "events?”")
        # the tip now carries its heading's condition ("After a traumatic event, avoid …"), so its own words flag it
        expect(page.locator("#tip-avoid-the-use-of-alcohol-or-drugs .flag-why")).to_have_text(
            "sensitive: “traumatic event” in the text")
        expect(page.locator("#tip-people-who-experience-traumatic-events-may-experience .flag-why")).to_have_text(
            "sensitive: “traumatic events”, “suicidal”, “trauma” in the text")
        expect(first.get_by_label("I have reviewed it", exact=False)).to_be_visible()
        assert "(“traumatic event” in the text" in first.locator("label", has_text="I have reviewed it").inner_text()
        assert page.locator("article.tip").count() == page.locator("article.tip .flag-why").count() == 18
        visit.check("review")
    assert not visit.problems, visit.problems


def test_the_article_pane_shows_a_lists_lead_in_once(browser, trauma):  # noqa: F811
    """A user trial: the sentence that introduces a list ("Here are some tips:") stood twice in the article pane,
    as its own paragraph and again above the list."""
    with opened(browser, trauma, 1280, "lead-in", f"/c/{SLUG}") as visit:
        page = visit.page
        pane = page.locator("section.article")
        lead = "Healthy ways of coping can help reduce stress and improve well-being."
        assert pane.get_by_text(lead, exact=False).count() == 1
        assert pane.get_by_text("To learn more or find a study, visit:", exact=False).count() == 1
        paragraphs = pane.locator(".block > p:not(.fed):not(.why)").all_inner_texts()
        assert len(paragraphs) == len(set(paragraphs)), [p for p in paragraphs if paragraphs.count(p) > 1]
        block = pane.locator(".block", has_text=lead)
        expect(block.locator("p").first).to_contain_text("Here are some")
        expect(pane.locator(".block", has=page.locator("ul")).filter(has_text="Avoid the use of alcohol")).to_have_count(1)
        visit.check("article")
    assert not visit.problems, visit.problems
