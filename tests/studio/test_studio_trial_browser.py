"""What a manager found wrong in the studio on a real trauma article (a user trial), seen in Debian's chromium:
which words or which heading flagged each tip, and the article pane as the article reads."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from tests.conftest import REPO, run_cli
from tests.studio.server import StudioProcess
from tests.studio.walk import NOW, Visit, settled, sign_in
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
    studio = StudioProcess(trauma, "--now", NOW)
    visit = Visit(browser, WIDTHS["phone"], "flag-reasons")
    page = visit.page
    try:
        sign_in(page, studio, f"/c/{SLUG}")
        settled(page)
        first = page.locator("#tip-a-traumatic-event-is-a-shocking-scary")
        expect(first.locator(".flag-why")).to_have_text(
            "sensitive: “traumatic event” in the text and under the heading “How do people respond to traumatic "
            "events?”")
        expect(page.locator("#tip-avoid-the-use-of-alcohol-or-drugs .flag-why")).to_have_text(
            "sensitive: under the heading “What can I do to cope after a traumatic event?”")
        expect(page.locator("#tip-people-who-experience-traumatic-events-may-experience .flag-why")).to_have_text(
            "sensitive: “traumatic events”, “suicidal”, “trauma” in the text")
        expect(first.get_by_label("I have reviewed it", exact=False)).to_be_visible()
        assert "(“traumatic event” in the text" in first.locator("label", has_text="I have reviewed it").inner_text()
        assert page.locator("article.tip").count() == page.locator("article.tip .flag-why").count() == 17
        visit.check("review")
    finally:
        page.close()
        studio.stop()
    assert not visit.problems, visit.problems
