"""The analytics page in Chromium at 375 and 1280 px, served by the real `juno-scheduler studio` process over a
project whose snapshots are in a real SQLite file: the numbers a person reads are `stats --json`'s, the charts are
SVG drawn by the server (no script of their own, hidden from screen readers beside the same numbers in words), the
page never scrolls sideways, and axe-core finds nothing serious; with nothing collected it says what to run."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.queue_helpers import write_schedule
from tests.studio.analytics_project import (
    FEW,
    SEEN,
    few_counts,
    posted_project,
    stats_json,
)
from tests.studio.walk import opened
from tests.test_preview_browser import ARTIFACTS, WIDTHS, browser  # noqa: F401 - the shared chromium fixture

# a count of one is said in the singular ("1 reply", not "1 replies")
ONE = {"replies": "reply"}

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def pct(value: float) -> str:
    return f"{value:.1%}"


@pytest.mark.parametrize("screen", WIDTHS)
def test_analytics_shows_stats_numbers_and_charts_at_every_width(browser, project, screen):  # noqa: F811
    posted_project(project)
    report = stats_json(project)
    with opened(browser, project, WIDTHS[screen], f"analytics-{screen}", now=SEEN.isoformat()) as visit:
        page, studio = visit.page, visit.studio
        page.get_by_role("link", name="Analytics").click()
        expect(page).to_have_url(f"{studio.base}/analytics")
        expect(page.get_by_role("heading", name="Analytics", level=1)).to_be_visible()
        visit.check("posted")

        for row in report["posts"]:
            table = page.locator(f'table.post-numbers[data-post="{row["id"]}"][data-network="{row["network"]}"]')
            for age, found in row["ages"].items():
                score = found["score"]
                expect(table.locator(f'tr[data-age="{age}"] [data-score]')).to_have_text(
                    f"{pct(score['estimate'])} [{pct(score['low'])}–{pct(score['high'])}], {score['verdict']} "
                    f"({score['posts']} posts behind it)")
                expect(table.locator(f'tr[data-age="{age}"] [data-counts]')).to_have_text(", ".join(
                    f"{n:,} {ONE.get(name, name.removesuffix('s')) if n == 1 else name}".replace("_", " ")
                    for name, n in found["counts"].items() if n is not None))

        times = report["best_times"]["x"]
        for row in times["slots"]:
            cells = page.locator(f'table.slots tr[data-slot="{row["slot"]}"] td')
            expect(cells.nth(0)).to_have_text(str(row["posts"]))
            expect(cells.nth(1)).to_have_text(f"{pct(row['estimate'])} [{pct(row['low'])}–{pct(row['high'])}]")
        expect(page.locator("[data-suggestion]")).to_contain_text("Suggestion: sat midday")

        # the charts: server-drawn SVG, one strip per tip named and per slot, hidden from screen readers (the same
        # numbers are the text beside them); no script on the page but the studio's own file
        strips = page.locator("svg.strip")
        expect(strips).to_have_count(6 + len(times["slots"]))
        assert set(strips.evaluate_all("all => all.map(s => s.getAttribute('aria-hidden'))")) == {"true"}
        assert page.locator("script").evaluate_all("all => all.map(s => s.getAttribute('src'))") == ["/static/studio.js"]
        best = page.locator(".ranked").first.locator("li").first
        assert best.locator("svg.strip").bounding_box()["width"] > 100  # drawn across the column, not a speck
        page.locator("table.slots").scroll_into_view_if_needed()
        page.screenshot(path=str(visit_artifact(f"analytics-{screen}-slots.png")))


@pytest.mark.parametrize("screen", WIDTHS)
def test_analytics_with_nothing_collected_says_to_run_collect(browser, project, screen):  # noqa: F811
    write_schedule(project, publisher="x")
    with opened(browser, project, WIDTHS[screen], f"analytics-empty-{screen}", "/analytics",
                now=SEEN.isoformat()) as visit:
        page = visit.page
        expect(page.get_by_role("heading", name="Nothing collected yet")).to_be_visible()
        expect(page.locator("[data-empty]")).to_have_text(
            "No metrics yet: run juno-scheduler collect after posts have gone out.")
        expect(page.locator("svg")).to_have_count(0)
        visit.check("empty")


# the words of an element's text that the browser drew across more than one line
BROKEN_WORDS = """el => {
  const text = el.firstChild, broken = [];
  for (const m of text.data.matchAll(/\\S+/g)) {
    const range = document.createRange();
    range.setStart(text, m.index); range.setEnd(text, m.index + m[0].length);
    if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1) broken.push(m[0]);
  }
  return broken;
}"""


def test_analytics_note_on_a_post_seen_by_few_fits_a_phone(browser, project):  # noqa: F811
    """The note beside a score that rests on few impressions, in Best and in the post's table, wraps inside a
    375 px screen: no sideways scroll, the chart strip still drawn across its column."""
    posted_project(project, tips=len(FEW), counts=few_counts)
    row = next(row for row in stats_json(project)["posts"] if row["tip"] == "alpha/t00")
    note = "only 3 impressions: mostly the account's average"
    with opened(browser, project, WIDTHS["phone"], "analytics-few-phone", "/analytics", now=SEEN.isoformat()) as visit:
        page = visit.page
        named = page.locator(f'.ranked li[data-post="{row["id"]}"]')
        expect(named.locator("[data-few]")).to_have_text(note)
        score = page.locator(f'table.post-numbers[data-post="{row["id"]}"] tr[data-age="72h"] [data-score]')
        expect(score.locator("[data-few]")).to_have_text(note)
        expect(page.locator("[data-few]")).to_have_count(2)
        for shown in (named, score, page.locator(f'table.post-numbers[data-post="{row["id"]}"]')):
            shown.scroll_into_view_if_needed()
            box = shown.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS["phone"], box
        assert named.locator("svg.strip").bounding_box()["width"] > 100
        for said in page.locator("[data-few]").all():  # wrapped between words, never inside one ("impression|s")
            assert said.evaluate(BROKEN_WORDS) == [], said.inner_text()
        named.scroll_into_view_if_needed()
        page.screenshot(path=str(visit_artifact("analytics-few-phone-best.png")))
        visit.check("few")


def visit_artifact(name: str):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name
