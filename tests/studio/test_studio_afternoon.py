"""The manager's afternoon in chromium (issue 21): fails on any lost edit or wrong undo.

Edit one tip, then save another; reload with unsaved words; approve two tips, move one on the calendar,
skip the other on the Queue page, then Undo (it says what it will undo) unskips it in its own slot and
the move stands; Undo again puts the moved post back in its exact slot; a refused save shows its error in
view; the review page at 375 px shows a tip first. axe-core on every page, the skipped state included.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from playwright.sync_api import expect

from tests.conftest import run_cli
from tests.studio.walk import (
    NOW,
    SLUG,
    TIP,
    approve,
    move_on_calendar,
    opened,
    said,
    save,
    submit,
    undo_with_key,
)
from tests.test_preview_browser import browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]
LIVE = re.compile(r"^data:image/png;base64,")


def tips(project) -> dict:
    return {t["id"]: t for t in yaml.safe_load((project / "posts" / f"{SLUG}.yaml").read_text())["tips"]}


def plan(project) -> dict:
    out = run_cli("--root", str(project), "plan", "--json", "--now", NOW, "--days", "60").out
    return {row["id"]: row["at"] for row in json.loads(out)["posts"]}


def test_an_afternoon_loses_no_edit_and_undo_undoes_what_it_says(browser, project):  # noqa: F811
    other = next(t for t in tips(project) if t != TIP)
    dialogs: list[str] = []
    with opened(browser, project, 1280, "afternoon", f"/c/{SLUG}") as visit:
        page, studio = visit.page, visit.studio
        page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
        mine = page.locator(f"#text-{TIP}")
        words = "My own words, typed and not saved yet."
        mine.fill(words)
        expect(page.locator(f"#tip-{TIP} [data-unsaved]")).to_be_visible()
        expect(page.locator(f"#tip-{TIP} img.card")).to_have_attribute("src", LIVE)  # the live preview answered

        # Save on another tip: the first tip's typing is neither lost nor written back
        page.locator(f"#headline-{other}").fill("A second tip, a new headline.")
        expect(page.locator(f"#tip-{other} img.card")).to_have_attribute("src", LIVE)
        save(page, other)
        assert said(page) == f"Saved headline of {other}."
        assert tips(project)[other]["headline"] == "A second tip, a new headline."
        assert tips(project)[TIP]["text"] != words  # not saved behind the manager's back
        expect(page.locator(f"#text-{TIP}")).to_have_value(words)  # ... and not lost either
        expect(page.locator(f"#tip-{TIP}")).to_have_class(re.compile(r"\bdirty\b"))

        # a reload with unsaved words asks first, and the words come back
        page.reload()
        assert dialogs == ["beforeunload"]
        expect(page.locator(f"#text-{TIP}")).to_have_value(words)
        expect(page.locator(f"#tip-{TIP} img.card")).to_have_attribute("src", LIVE)  # redrawn from the kept words
        save(page, TIP)
        assert tips(project)[TIP]["text"] == words
        assert tips(project)[other]["headline"] == "A second tip, a new headline."
        page.reload()
        assert dialogs == ["beforeunload"]  # saved: nothing to warn about

        # approve both; move the other on the calendar; skip this one on the queue
        for tip in (TIP, other):
            approve(page, tip)
        slots = plan(project)
        page.goto(f"{studio.base}/calendar?day=2026-12-01")
        move_on_calendar(page, other, "2026-12-09T14:00")
        page.goto(f"{studio.base}/queue")
        submit(page, page.locator(f"form[action^='/do/skip']:has(input[value='{SLUG}/{TIP}']) button"))
        assert f"{SLUG}/{TIP}" not in plan(project)
        visit.check("queue-skipped")
        page.goto(f"{studio.base}/c/{SLUG}")
        visit.check("review-skipped")  # the skipped state, for axe-core
        page.goto(f"{studio.base}/queue")

        # u says what it will undo, then undoes exactly that
        undo_with_key(page, f"the skip on the queue of {TIP}")
        now = plan(project)
        assert now[f"{SLUG}/{TIP}"] == slots[f"{SLUG}/{TIP}"]  # its own slot
        assert now[f"{SLUG}/{other}"] == "2026-12-09T14:00:00-05:00"  # the older move stands

        # the Undo button names the move; undoing it returns the post to its exact slot
        expect(page.locator("#undo-form button")).to_contain_text(f"the move of {other} to 2026-12-09 14:00")
        submit(page, page.locator("#undo-form button"))
        assert plan(project)[f"{SLUG}/{other}"] == slots[f"{SLUG}/{other}"]
        page.goto(f"{studio.base}/changes")
        visit.check("changes")

        # a refused save: the error is beside the field, in view, announced
        page.goto(f"{studio.base}/c/{SLUG}")
        last = page.locator("[data-tip]").last
        last_id = last.get_attribute("data-tip")
        page.locator(f"#headline-{last_id}").fill("Far too long " * 12)
        expect(last.locator("[data-card-problem]")).to_contain_text("over 120")
        save(page, last_id)
        error = page.locator(f"#err-{last_id}-headline")
        expect(error).to_be_visible()
        expect(error).to_be_in_viewport()
        assert page.evaluate("document.activeElement.id") == f"headline-{last_id}"
        assert all("422" in problem for problem in visit.problems), visit.problems  # the refusal, and only it
        visit.problems.clear()
        visit.check("refused")


def test_the_review_page_on_a_phone_starts_with_a_tip(browser, project):  # noqa: F811
    with opened(browser, project, 375, "phone-review", f"/c/{SLUG}") as visit:
        page = visit.page
        first = page.locator("[data-tip]").first
        assert first.bounding_box()["y"] < 900, first.bounding_box()  # within the first screen
        page.get_by_role("link", name="Read the article these tips came from").click()
        expect(page.locator("#article-h")).to_be_in_viewport()
        visit.check("review")
