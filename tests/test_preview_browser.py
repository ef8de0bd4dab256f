"""The review page in a real headless chromium, at phone width and at desktop width.

Screenshots land in tests/artifacts/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli
from tests.test_preview import HOSTILE_ID, HOSTILE_TEXT, NOW, build_reviewed_project

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "tests" / "artifacts"
WIDTHS = {"phone": 375, "desktop": 1280}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def browser_environment() -> dict[str, str]:
    """The environment for Chromium: the person's browser keeps the real clock under `make test-shifted`.

    The clock that moves is the product's and the fakes' (a preloaded libfaketime); Chromium hangs loading
    any page under it, and it is the person's program, not ours.
    """
    return {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing under CI=true; install Debian's chromium (see .ci/run)")
        pytest.skip(f"{CHROMIUM} is missing; install Debian's chromium to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                              env=browser_environment())
        yield chromium
        chromium.close()


class OpenPage:
    """A page opened from disk, with everything that went wrong while it loaded."""

    def __init__(self, browser, path: Path, width: int):
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.problems: list[str] = []
        self.page.on("console", lambda msg: self.problems.append(f"console {msg.type}: {msg.text}")
                     if msg.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on("request", lambda req: self.problems.append(f"request to {req.url}")
                     if not req.url.startswith(("data:", "file:")) else None)
        self.page.goto(path.as_uri(), wait_until="load")

    def images(self) -> list[dict]:
        return self.page.eval_on_selector_all(
            "img", "els => els.map(e => ({complete: e.complete, width: e.naturalWidth, shown: e.clientWidth}))")

    def overflow(self) -> int:
        """How many pixels the page is wider than the window (a sideways scroll on a phone)."""
        return self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self):
        self.page.close()


HOSTILE = ('<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> '
           '&amp; &lt;b&gt; "quoted" <a href="javascript:window.pwned=3">click</a>')


@pytest.mark.parametrize("screen", WIDTHS)
def test_hostile_article_text_shows_as_text_and_runs_nothing(browser, tmp_path, screen):
    from scheduler.preview import render_preview
    from tests.test_preview import card_uri

    row = {"id": "seed/evil", "network": "x", "limit": 280, "how": "characters as X counts them",
           "at": "2026-12-02T13:30:00Z", "status": "queued", "text": HOSTILE,
           "card": card_uri(), "alt_text": HOSTILE, "weighted_length": 140, "campaign": "seed",
           "headline": HOSTILE, "review": ["privacy"]}
    view = {"handle": "junocounseling", "timezone": "America/New_York", "now": "2026-11-30T08:00:00-05:00",
            "days": 14, "posts": [row], "drafts": [dict(row, id="seed/evil-draft", at=None)],
            "published": [{"id": "seed/old", "at": "2026-11-20T13:30:00Z", "url": "javascript:window.pwned=4",
                           "text": HOSTILE}]}
    page_file = tmp_path / "hostile.html"
    page_file.write_text(render_preview(view), encoding="utf-8")

    opened = OpenPage(browser, page_file, WIDTHS[screen])
    try:
        page = opened.page
        for link in page.locator("a").all():
            if link.is_visible() and not link.get_attribute("href").startswith("#"):
                link.click()
        assert page.evaluate("window.pwned") is None
        assert page.locator("script").count() == 0
        assert page.locator("main img").count() == 2, "only the two cards are images"
        assert page.locator("[onerror]").count() == 0
        assert page.locator("#post-seed-evil .text").inner_text() == HOSTILE
        assert page.locator("#published .ptext").inner_text() == HOSTILE
        assert opened.problems == []
        opened.screenshot(f"preview-hostile-{screen}.png")
    finally:
        opened.close()


@pytest.fixture(scope="module")
def reviewed_page(tmp_path_factory):
    """The page `preview` wrote for a reviewed campaign with its cards, its queue and one post published."""
    root = tmp_path_factory.mktemp("browser") / "project"
    report = build_reviewed_project(root)
    plan = json.loads(run_cli("plan", "--now", NOW, "--days", "35", "--json", cwd=root).out)["posts"]
    return Path(report["out"]), plan, report


@pytest.mark.parametrize("screen", WIDTHS)
def test_the_review_page_shows_the_whole_queue_with_every_card(browser, reviewed_page, screen):
    page_file, plan, report = reviewed_page
    opened = OpenPage(browser, page_file, WIDTHS[screen])
    try:
        page = opened.page
        images = opened.images()
        assert len(images) == report["posts"] + report["drafts"]
        assert all(image["complete"] and image["width"] > 0 for image in images), images
        assert all(image["shown"] >= 250 for image in images), f"cards too small to read: {images}"

        posts = page.locator("#posts article[data-post]")
        assert posts.count() == len(plan) > 0
        assert [posts.nth(i).get_attribute("data-post") for i in range(posts.count())] == [r["id"] for r in plan]
        assert all(posts.nth(i).is_visible() for i in range(posts.count()))
        assert page.locator("#drafts article[data-post]").count() == report["drafts"]
        assert page.locator("#published [data-published]").count() == report["published"]
        assert opened.overflow() <= 0, "nothing makes the page scroll sideways"
        hostile = page.locator(f'#posts article[data-post="{HOSTILE_ID}"] .text')
        assert HOSTILE_TEXT in hostile.inner_text()
        assert page.evaluate("window.pwned") is None and page.locator("script, [onerror]").count() == 0

        last = plan[-1]["id"]
        page.locator(f'.chip[href="#post-{last.replace("/", "-")}"]').click()
        assert page.locator(f'article[data-post="{last}"]').is_visible()
        assert page.evaluate(f"document.getElementById('post-{last.replace('/', '-')}')"
                             ".getBoundingClientRect().top") < WIDTHS[screen] * 2, "the calendar links to the post"

        assert opened.problems == []
        opened.screenshot(f"preview-{screen}.png")
    finally:
        opened.close()


def test_a_long_tracking_warning_wraps_on_a_phone(browser, reviewed_page, tmp_path):
    # a user trial: the warning about an article address with utm_... tracking ran off a 375 px screen, and the
    # whole page scrolled sideways
    page_file, _plan, _report = reviewed_page
    root = tmp_path / "project"
    shutil.copytree(page_file.parents[1], root)
    campaign = root / "posts" / "talking-about-counseling.yaml"
    address = "https://junocounseling.com/blog/talking-about-counseling"
    tracked = f"{address}?utm_source=newsletter&utm_medium=email&utm_campaign=december-sleep-series"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace(address, tracked, 1), encoding="utf-8")
    result = run_cli("preview", "--now", NOW, "--out", "review/page.html", cwd=root)
    assert result.code == 0, result
    opened = OpenPage(browser, root / "review" / "page.html", WIDTHS["phone"])
    try:
        notice = opened.page.locator(".notices li")
        assert notice.count() == 1 and "utm_campaign=december-sleep-series" in notice.inner_text()
        box = notice.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS["phone"], box
        assert opened.page.evaluate("(el => el.scrollWidth - el.clientWidth)(document.querySelector('.notices li'))") <= 0
        assert opened.overflow() <= 0, "nothing makes the page scroll sideways"
        assert opened.problems == []
        opened.screenshot("preview-tracking-warning-phone.png")
    finally:
        opened.close()
