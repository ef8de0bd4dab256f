"""A refused Save in Debian's chromium (a second user trial): the page keeps the words typed, and its counts and
"As it will go out" previews are those of the words in the fields, not of the saved ones."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.studio.walk import SLUG, TIP, opened, save
from tests.test_preview_browser import browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_after_a_refused_save_the_counts_and_previews_follow_the_words_in_the_fields(browser, project):  # noqa: F811
    with opened(browser, project, 1280, "trial2-refused", f"/c/{SLUG}") as visit:
        page = visit.page
        tip = page.locator(f"#tip-{TIP}")
        saved_count = tip.locator("[data-count]").inner_text()
        typed = ("Resistance is often fear in disguise: ask what worries your partner about counseling, listen to "
                 "the whole answer, and say back what you heard before you answer it.")
        tip.get_by_label("Headline (the card's words)").fill("Unconditionallyunquestionablyunhesitatingly" * 2)
        tip.get_by_label("Post text").fill(typed)
        save(page)
        visit.problems[:] = [p for p in visit.problems if "422" not in p]  # the refusal itself, answered and logged
        tip = page.locator(f"#tip-{TIP}")
        expect(tip.locator(".error").first).to_contain_text("one word that does not fit")
        expect(tip.get_by_label("Post text")).to_have_value(typed)
        expect(tip.locator('[data-net-text="x"]')).to_contain_text(typed)  # "As it will go out", as typed
        expect(tip.locator("[data-count]")).not_to_have_text(saved_count)
        expect(tip.locator("[data-headline-count]")).to_have_text(f"{2 * 43} / "
                                                                   f"{tip.locator('[data-headline-count]').get_attribute('data-limit')}")
        visit.check("refused")
    assert not visit.problems, visit.problems
