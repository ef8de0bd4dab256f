"""The steps a person takes in the studio in Chromium, shared by the browser walks.

`opened` is how every walk begins (the studio as a real process, a page at a width, signed in, settled). Visit
watches one page (console errors, failed requests, 4xx/5xx answers) and checks it (screenshot, no sideways scroll,
no serious axe-core finding). The steps click as a person clicks and check what the studio
says back: open the link, approve a tip, save it, move a post on the calendar, undo with the `u` key.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import expect

from tests.conftest import REPO
from tests.studio.server import StudioProcess
from tests.test_preview_browser import ARTIFACTS

SLUG = "what-to-do-when-one-partner-wants-counseling"
TIP = "resistance-isnt-necessarily-indifference"
NOW = "2026-12-01T07:00"  # the practice's local time: Tuesday morning
AXE = (REPO / "tests" / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


class Visit:
    def __init__(self, browser, width: int, name: str, height: int = 900):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.name = name
        self.studio: StudioProcess | None = None  # the studio it walks, when `opened` started it
        self.problems: list[str] = []
        self.page.on("console", lambda msg: self.problems.append(f"console {msg.type}: {msg.text}")
                     if msg.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on("requestfailed", lambda req: None if _left_behind(req) else self.problems.append(
            f"request failed: {req.url} ({req.failure})"))
        self.page.on("response", lambda res: self.problems.append(f"{res.status} for {res.url}")
                     if res.status >= 400 else None)

    def check(self, step: str) -> None:
        """Screenshot, no sideways scroll, no serious accessibility violation, nothing logged."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"studio-{self.name}-{step}.png"), full_page=True)
        overflow = self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{step}: the page is {overflow} px wider than the window"
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE + "\n;true")  # evaluated: the page's CSP refuses injected script tags
        violations = self.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))")
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert not serious, f"{step}: {json.dumps(serious, indent=1)[:3000]}"
        assert not self.problems, f"{step}: {self.problems}"


def _left_behind(request) -> bool:
    """An image, or the live card's fetch, still loading when the person went to another page (a Save right after
    typing): the browser drops it; nothing failed. (What the studio cannot serve answers 4xx or 5xx, which the
    response check catches.)"""
    return request.resource_type in ("image", "fetch") and request.failure == "net::ERR_ABORTED"


def loaded_width(image, seconds: float = 15) -> int:
    """The image's natural width once it has loaded (a lazy image loads when scrolled to)."""
    image.scroll_into_view_if_needed()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        width = image.evaluate("img => img.complete ? img.naturalWidth : 0")
        if width:
            return width
        time.sleep(0.1)
    return 0


def settled(page) -> None:
    """Every image the page asked for has arrived (a full-page screenshot loads the lazy cards), so leaving
    the page aborts no card being drawn."""
    deadline = time.monotonic() + 60
    while not page.evaluate("Array.from(document.images).every(i => i.complete || !i.currentSrc)"):
        assert time.monotonic() < deadline, "a card never arrived"
        time.sleep(0.1)


@contextmanager
def opened(browser, root, width: int, name: str, path: str | None = None, *, now: str = NOW,
           height: int = 900) -> Iterator[Visit]:
    """How every walk opens: `juno-scheduler studio --now NOW` as a real process on `root`, a page `width` px wide
    (and `height` high) watched by a Visit named `name`, signed in through the printed link and at `path`, every
    image arrived. The Visit's `studio` is the process. Afterwards the page closes and the studio stops, however
    the walk ended."""
    studio = StudioProcess(root, "--now", now)
    try:
        visit = Visit(browser, width, name, height)
        visit.studio = studio
        try:
            sign_in(visit.page, studio, path)
            settled(visit.page)
            yield visit
        finally:
            visit.page.close()
    finally:
        studio.stop()


# --- steps -------------------------------------------------------------------------------------------

def sign_in(page, studio, path: str | None = None) -> None:
    """Open the printed link (it signs this browser in), then the page at `path`."""
    page.goto(studio.link)
    if path is not None:
        page.goto(studio.base + path)


def said(page) -> str:
    return page.locator(".said").inner_text()


def submit(page, control) -> None:
    """Click a control that posts a form, and wait for the page the studio answers."""
    with page.expect_navigation():
        control.click()


def save(page, tip: str = TIP) -> None:
    submit(page, page.locator(f"#tip-{tip}").get_by_role("button", name="Save"))


def approve(page, tip: str = TIP) -> str:
    """Approve on the review page; the studio says when the tip goes out."""
    submit(page, page.locator(f"#tip-{tip}").get_by_role("button", name="Approve"))
    message = said(page)
    assert message.startswith(f"Approved {tip}: it goes out "), message
    return message


def move_on_calendar(page, tip: str, when: str) -> None:
    """Open the post's Move form on the calendar shown, move it to `when` (YYYY-MM-DDTHH:MM)."""
    post = page.locator(f"#post-{SLUG}-{tip}")
    post.locator("summary").click()
    post.get_by_label("New day and time").fill(when)
    submit(page, post.get_by_role("button", name="Move"))
    day, at = when.split("T")
    assert f"now goes out {day} at {at}" in said(page), said(page)


def undo_with_key(page, what: str) -> None:
    """`u` says what it will undo ("Undo <what>?"); Enter undoes exactly that."""
    page.keyboard.press("u")
    expect(page.locator(".confirm-undo")).to_contain_text(f"Undo {what}?")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert said(page) == f"Undid {what}.", said(page)
