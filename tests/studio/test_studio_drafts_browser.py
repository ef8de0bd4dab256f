"""Words typed and not saved are never lost (a hostile trial, findings 1-3), in Debian's chromium against the studio
as a real process: an Undo of that field's earlier Save, the file changed under them (an editor), a Save that
never reached the studio, and a Save refused because the campaign file does not read. Each time her words come
back in the field; where the file's words changed meanwhile they are shown beside hers and she chooses."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.studio.server import StudioProcess
from tests.studio.walk import NOW, SLUG, TIP, opened, save, settled, sign_in, submit
from tests.test_preview_browser import browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SAVED = "Resistance is not indifference: many people avoid counseling because they fear making things worse."
TYPED = "Hesitation is not a lack of love: ask what worries your partner about counseling."


def _text(page):
    return page.locator(f"#tip-{TIP}").get_by_label("Post text")


def test_an_undo_of_the_saved_words_keeps_the_words_typed_since(browser, project):  # noqa: F811
    with opened(browser, project, 375, "drafts-undo", f"/c/{SLUG}") as visit:
        page = visit.page
        _text(page).fill(SAVED)
        save(page)
        _text(page).fill(TYPED)  # not saved
        submit(page, page.locator("#undo-form button[type=submit]"))
        assert "Undid the edit of" in page.locator(".said").inner_text()
        tip = page.locator(f"#tip-{TIP}")
        expect(_text(page)).to_have_value(TYPED)  # hers, still in the box
        choice = tip.locator(".draft-choice")
        expect(choice).to_contain_text("your words below are not saved")
        original = (project / "posts" / f"{SLUG}.yaml").read_text(encoding="utf-8")
        assert SAVED not in original and "Resistance isn’t necessarily indifference. Many" in original
        expect(choice.locator(".theirs")).to_contain_text("Resistance isn’t necessarily indifference. Many")
        visit.check("undone-choice")
        page.reload()  # still kept in this tab, the choice still offered
        expect(_text(page)).to_have_value(TYPED)
        expect(page.locator(f"#tip-{TIP} .draft-choice")).to_be_visible()
        submit(page, page.locator(f"#tip-{TIP} .draft-choice").get_by_role("button", name="Save mine"))
        assert page.locator(".said").inner_text().startswith(f"Saved text of {TIP}.")
        assert TYPED in (project / "posts" / f"{SLUG}.yaml").read_text(encoding="utf-8")
        expect(page.locator(".draft-choice")).to_have_count(0)
        expect(_text(page)).to_have_value(TYPED)
    assert not visit.problems, visit.problems


def test_words_typed_survive_an_editor_changing_the_file_and_the_files_words_can_be_chosen(browser, project):  # noqa: F811
    path = project / "posts" / f"{SLUG}.yaml"
    with opened(browser, project, 1280, "drafts-editor", f"/c/{SLUG}") as visit:
        page = visit.page
        _text(page).fill(TYPED)
        yaml = path.read_text(encoding="utf-8")
        path.write_text(yaml.replace("It’s important not to interpret hesitation", "Do not read hesitation"),
                        encoding="utf-8")
        page.reload()
        settled(page)
        expect(_text(page)).to_have_value(TYPED)
        choice = page.locator(f"#tip-{TIP} .draft-choice")
        expect(choice.locator(".theirs")).to_contain_text("Do not read hesitation")
        choice.get_by_role("button", name="Use the file's").click()
        expect(_text(page)).to_have_value(
            "Resistance isn’t necessarily indifference. Many people avoid counseling because they don’t want to "
            "make things worse or feel exposed. Do not read hesitation as a lack of love or commitment.")
        expect(page.locator(".draft-choice")).to_have_count(0)
        page.reload()  # her words were dropped because she chose so: they stay dropped
        expect(page.locator(".draft-choice")).to_have_count(0)
        expect(_text(page)).not_to_have_value(TYPED)
    assert not visit.problems, visit.problems


def test_a_save_that_never_reached_the_studio_keeps_the_words(browser, project):  # noqa: F811
    with opened(browser, project, 1280, "drafts-stopped", f"/c/{SLUG}") as visit:
        page = visit.page
        port = visit.studio.port
        _text(page).fill(TYPED)
        visit.studio.stop()
        page.locator(f"#tip-{TIP}").get_by_role("button", name="Save").click()  # the browser: can't be reached
        page.wait_for_load_state()
        again = StudioProcess(project, "--now", NOW, "--port", str(port))
        try:
            visit.problems.clear()  # the refused connection was the point
            sign_in(page, again, f"/c/{SLUG}")
            expect(_text(page)).to_have_value(TYPED)
            expect(page.locator(f"#tip-{TIP} [data-unsaved]")).to_be_visible()
            assert TYPED not in (project / "posts" / f"{SLUG}.yaml").read_text(encoding="utf-8")
        finally:
            again.stop()


def test_a_save_refused_by_a_broken_file_says_so_and_the_way_back_brings_the_words(browser, project):  # noqa: F811
    path = project / "posts" / f"{SLUG}.yaml"
    good = path.read_text(encoding="utf-8")
    with opened(browser, project, 375, "drafts-broken", f"/c/{SLUG}") as visit:
        page = visit.page
        _text(page).fill(TYPED)
        path.write_text(good + "\ntips: [unclosed\n", encoding="utf-8")
        visit.problems.clear()
        submit(page, page.locator(f"#tip-{TIP}").get_by_role("button", name="Save"))
        expect(page.locator("h1")).to_have_text("Something needs fixing")
        expect(page.locator(".error")).to_contain_text("Your words were not saved")
        path.write_text(good, encoding="utf-8")  # she fixes the file
        back = page.get_by_role("link", name=f"Back to {TIP}")
        with page.expect_navigation():
            back.click()
        expect(_text(page)).to_have_value(TYPED)
        expect(page.locator(f"#tip-{TIP} [data-unsaved]")).to_be_visible()
        visit.problems.clear()
        save(page)
        assert TYPED in path.read_text(encoding="utf-8")
