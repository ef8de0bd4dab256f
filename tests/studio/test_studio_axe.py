"""axe-core on every studio page in every state, at 375 and 1280 px: no serious or critical finding anywhere.

Each state is a project made as a manager would leave it (with the command line, which writes the same files
and database as the studio): empty, drafts, tips flagged sensitive or private, tips skipped, approved and
queued, some posted, many posted with their counts collected (Analytics' numbers); and a refused one, where
pages are also reached through the refusal a person would meet (a save too long, an empty article, a move into
a blackout day, a bulk approve of a flagged tip).
Every page of the studio is visited in each state: Campaigns with its paste/upload form, the review page,
the archive's confirmation, Queue, Calendar by month and by week, Changes, Analytics, the 4xx pages (the
guard's 401, 403 and 413 among them); and, where there is a change to undo, the box `u` opens to ask first. The test fails listing every finding (page, state, width, rule, nodes).
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.conftest import REPO, run_cli
from tests.studio.analytics_project import SEEN, posted_project
from tests.studio.server import StudioProcess
from tests.studio.walk import AXE, NOW, SLUG
from tests.test_preview_browser import WIDTHS, browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SERIOUS = ("serious", "critical")

# name -> address; the review, archive and calendar addresses answer the 4xx page when there is no campaign
PAGES = {
    "campaigns": "/",
    "review": f"/c/{SLUG}",
    "archive": f"/c/{SLUG}/archive",
    "queue": "/queue",
    "queue-drafts": "/queue?state=draft",
    "calendar-month": "/calendar?day=2026-12-01",
    "calendar-week": "/calendar?mode=week&day=2026-12-01",
    "changes": "/changes",
    "analytics": "/analytics",
    "404": "/no-such-page",
    "400": "/calendar?day=9999-12-31",
}
# a form posted without the session's CSRF token, and one over the 4 MB a request may carry (built in the page:
# the CSP refuses a script tag, not the test's own evaluation)
FORGED = """() => { const f = document.createElement("form"); f.method = "post"; f.action = "/undo";
  document.body.append(f); f.submit(); }"""
HUGE = """() => { const f = document.querySelector("form[action='/articles']");
  f.querySelector("textarea[name=article]").value = "words ".repeat(700000); f.submit(); }"""
STATES = ("empty", "drafts", "flagged", "skipped", "refused", "queued", "posted", "measured")


def cli(project, *args: str) -> None:
    result = run_cli("--root", str(project), *args)
    assert result.code == 0, (args, result.out, result.err)


def tip_ids(project) -> list[str]:
    text = (project / "posts" / f"{SLUG}.yaml").read_text(encoding="utf-8")
    return re.findall(r"^  - id: (\S+)$", text, flags=re.MULTILINE)


def set_tip(project, tip: str, old: str, new: str) -> None:
    path = project / "posts" / f"{SLUG}.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {tip}\n")
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")


def prepare(project, state: str) -> None:
    """The project as the state leaves it, through the real command line."""
    tips = tip_ids(project)
    if state == "empty":
        (project / "posts" / f"{SLUG}.yaml").unlink()
        return
    if state == "measured":  # 30 tips posted on X with their counts collected: Analytics has its numbers
        posted_project(project)
        return
    if state == "flagged":
        for tip in tips[:3]:
            set_tip(project, tip, "    review: []", "    review: [sensitive]")
        set_tip(project, tips[3], "    review: []", "    review: [privacy, stale]")
        set_tip(project, tips[4], "    review: []", "    review: [sensitive]\n    reviewed: [sensitive]")
    if state == "skipped":
        for tip in tips[5:9]:
            set_tip(project, tip, "    status: draft", "    status: skip")
    if state == "refused":
        set_tip(project, tips[7], "    review: []", "    review: [sensitive]")
    if state in ("skipped", "queued", "posted", "refused"):
        cli(project, "approve", *(f"{SLUG}/{tip}" for tip in tips[:4]), "--now", NOW)
        cli(project, "queue", "--now", NOW)
    if state == "skipped":
        cli(project, "skip", f"{SLUG}/{tips[0]}")
    if state == "posted":
        plan = run_cli("--root", str(project), "plan", "--json", "--now", NOW)
        for row in json.loads(plan.out)["posts"][:2]:  # each run at its slot, as cron would
            cli(project, "run-due", "--now", row["at"])
        assert any((project / ".juno" / "outbox").iterdir()), "nothing was posted"


class Walk:
    """One page of one browser signed in to one studio; every finding of every page it checks."""

    def __init__(self, browser, studio: StudioProcess, state: str):  # noqa: F811 - the fixture's value
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.goto(studio.link)
        self.studio, self.state = studio, state
        self.findings: list[str] = []
        self.checked: list[str] = []

    def axe(self, name: str, width: int) -> None:
        """Every disclosure opened first (a post's Move form, each network's post): axe checks only what shows."""
        self.page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE + "\n;true")  # evaluated: the page's CSP refuses injected script tags
        violations = self.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))")
        self.checked.append(f"{name}@{width}")
        for v in violations:
            if v["impact"] in SERIOUS:
                nodes = ", ".join(v["nodes"][:4]) + (f" (+{len(v['nodes']) - 4})" if len(v["nodes"]) > 4 else "")
                self.findings.append(f"{self.state} {name} {width}px: {v['id']} ({v['impact']}, "
                                     f"{len(v['nodes'])} nodes): {nodes}")

    def visit(self, name: str, path: str) -> None:
        """The page at both widths, loaded afresh at each (the phone layout as a phone loads it)."""
        for width in WIDTHS.values():
            self.page.set_viewport_size({"width": width, "height": 900})
            self.page.goto(self.studio.base + path)
            self.axe(name, width)

    def after(self, name: str, path: str, act) -> None:
        """The page a refusal answers, at both widths (each width acts again: the answer is a POST's)."""
        for width in WIDTHS.values():
            self.page.set_viewport_size({"width": width, "height": 900})
            self.page.goto(self.studio.base + path)
            with self.page.expect_navigation() as answered:
                act(self.page)
            refused = answered.value.status >= 400 or self.page.locator(".error, .said.refused").count()
            assert refused, f"{name}: no refusal shown"
            self.axe(name, width)


def refusals(walk: Walk, tips: list[str]) -> None:
    def long_headline(page):
        tip = page.locator(f"#tip-{tips[6]}")
        tip.get_by_label("Headline (the card's words)").fill("Far too long " * 12)
        tip.get_by_role("button", name="Save").click()

    def empty_article(page):
        page.get_by_label("Title").fill("An article with no words")
        page.get_by_role("button", name="Add and split").click()

    def move_to_blackout(page):
        post = page.locator(".calendar .post[draggable=true]").first
        post.locator("summary").click()
        post.get_by_label("New day and time").fill("2026-12-25T09:00")
        post.get_by_role("button", name="Move").click()

    def approve_flagged(page):
        page.locator(f"input.tick[value='{SLUG}/{tips[7]}']").check()
        page.get_by_role("button", name="Approve the ticked drafts").click()

    walk.after("review-refused-save", f"/c/{SLUG}", long_headline)
    walk.after("queue-refused-approve", "/queue?state=draft", approve_flagged)
    walk.after("campaigns-refused-article", "/", empty_article)
    walk.after("calendar-refused-move", "/calendar?day=2026-12-01", move_to_blackout)


@pytest.mark.parametrize("state", STATES)
def test_no_serious_axe_finding_on_any_page(browser, tmp_path, state):  # noqa: F811
    project = tmp_path / "project"
    project.mkdir()
    for part in ("posts", "assets"):
        shutil.copytree(REPO / part, project / part)
    prepare(project, state)
    tips = tip_ids(project) if state != "empty" else []
    studio = StudioProcess(project, "--now", SEEN.isoformat() if state == "measured" else NOW)
    walk = Walk(browser, studio, state)
    stranger = browser.new_page(viewport={"width": 375, "height": 900})
    try:
        for name, path in PAGES.items():
            walk.visit(name, path)
        if state == "refused":
            refusals(walk, tips)
        if state in ("skipped", "refused", "queued", "posted"):  # a change to undo: `u` asks first, in a box
            for width in WIDTHS.values():
                walk.page.set_viewport_size({"width": width, "height": 900})
                walk.page.goto(studio.base + "/queue")
                walk.page.keyboard.press("u")
                walk.page.locator(".confirm-undo").wait_for()
                walk.axe("undo-confirm", width)
        for width in WIDTHS.values():  # the pages the guard answers: without the session (and below, without
            stranger.set_viewport_size({"width": width, "height": 900})  # the CSRF token, over the size limit)
            stranger.goto(studio.base + "/queue")
            walk.page, kept = stranger, walk.page
            walk.axe("401", width)
            walk.page = kept
        walk.after("403", "/changes", lambda page: page.evaluate(FORGED))
        walk.after("413", "/", lambda page: page.evaluate(HUGE))
        print(f"{state}: {len(walk.checked)} page x width checks: {' '.join(walk.checked)}")
        assert not walk.findings, f"{len(walk.findings)} serious findings:\n" + "\n".join(walk.findings)
    finally:
        stranger.close()
        walk.page.close()
        studio.stop()


def test_the_walk_reports_a_serious_finding(browser, tmp_path):  # noqa: F811
    """The check can fail: a page with an unlabelled field and a nameless button is reported."""
    page = browser.new_page()
    try:
        page.set_content('<html lang="en"><title>t</title><main><input type="text"><button></button></main></html>')
        walk = Walk.__new__(Walk)
        walk.page, walk.state, walk.findings, walk.checked = page, "made-up", [], []
        walk.axe("made-up", 1280)
        assert {f.split(": ")[1].split(" ")[0] for f in walk.findings} >= {"label", "button-name"}, walk.findings
        print(json.dumps(walk.findings))
    finally:
        page.close()
