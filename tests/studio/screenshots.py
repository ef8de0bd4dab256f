"""`make screenshots`: the README's pictures of the studio, taken again in headless Chromium.

The bundled project, on three networks with the article's address set, at a fixed time (Tue 1 Dec 2026, 07:00
in the practice's zone); four tips approved and queued, so the Queue has posts. Each picture is a page from
its top, as a manager scrolls it, at 375 and at 1280 px: the review page down to the end of its first tip
(its fields, then its post on each network), the Queue down to its fourth post going out (375) or whole
(1280). Saved as docs/studio-<page>-<width>.png, made smaller with Pillow (a palette of 256 colours).

    python -m tests.studio.screenshots [--out DIR]
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from tests.conftest import REPO, run_cli
from tests.studio.server import StudioProcess
from tests.studio.test_studio_outgoing import URL, on_three_networks
from tests.test_preview_browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    WIDTHS,
    browser_environment,
)

SLUG = "what-to-do-when-one-partner-wants-counseling"
FIRST = "resistance-isnt-necessarily-indifference"
QUEUE_ROWS = {375: 4, 1280: None}  # a phone's picture ends after the fourth post going out; a laptop's shows all
APPROVED = ("understanding-the-reasons-behind-reluctance-can-help", FIRST, "keep-the-invitation-open-ended",
            "patience-matters")
NOW = "2026-12-01T07:00"
HEIGHTS = {375: 812, 1280: 900}  # a phone's screen, a laptop's (the pictures run on below it)
PICTURES = ("review", "queue")
MAX_BYTES = 300_000


def names() -> list[str]:
    """The files the README shows, in its order."""
    return [f"studio-{picture}-{width}.png" for picture in PICTURES for width in sorted(WIDTHS.values())]


def prepare(root: Path) -> None:
    for part in ("posts", "assets"):
        shutil.copytree(REPO / part, root / part)
    on_three_networks(root, url=URL)
    for command in (("approve", *(f"{SLUG}/{tip}" for tip in APPROVED)), ("queue",)):
        result = run_cli("--root", str(root), *command, "--now", NOW)
        if result.code != 0:
            raise SystemExit(f"error: {command[0]} on the bundled project failed: {result.err.strip()}")


def settle(page) -> None:
    """Every card on the page has arrived (they are drawn on request), those below the screen too."""
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })")
    # a network's card is asked for once its post is open and on the screen: these are, in the tall window
    page.evaluate("document.querySelectorAll('details[open] img.net-card[data-src]')"
                  ".forEach(i => { i.src = i.dataset.src; i.removeAttribute('data-src'); })")
    deadline = time.monotonic() + 60
    while not page.evaluate("Array.from(document.images).every(i => !i.getAttribute('src') || (i.complete && i.naturalWidth))"):
        if time.monotonic() > deadline:
            raise SystemExit("error: a card never arrived: " + str(page.evaluate(
                "Array.from(document.images).filter(i => i.getAttribute('src') && !(i.complete && i.naturalWidth))"
                ".map(i => i.className + ' ' + i.getAttribute('src'))")))
        time.sleep(0.1)


def shrink(png: bytes) -> bytes:
    """The screenshot as a 256-colour PNG: a third of the size, and the same bytes for the same picture."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    quantized = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    quantized.save(out, format="PNG", optimize=True)
    return out.getvalue()


def take(out: Path) -> list[Path]:
    # lazy: a test extra, needed only here
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise SystemExit(f"error: {CHROMIUM} is missing; install Debian's chromium")
    written = []
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        root = Path(scratch) / "project"
        root.mkdir()
        prepare(root)
        studio = StudioProcess(root, "--now", NOW)
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                              env=browser_environment())
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(studio.link)
            for width in sorted(WIDTHS.values()):
                page.set_viewport_size({"width": width, "height": HEIGHTS[width]})
                page.goto(f"{studio.base}/c/{SLUG}")
                settle(page)
                written.append(save(page, out / f"studio-review-{width}.png", "[data-tip]", 1))
                page.goto(f"{studio.base}/queue")
                settle(page)
                written.append(save(page, out / f"studio-queue-{width}.png", "input.tick[name=post]", QUEUE_ROWS[width]))
        finally:
            page.close()
            chromium.close()
            studio.stop()
    return written


def save(page, path: Path, rows: str, count: int | None) -> Path:
    """The page from its top to the end of its `count`th row (a tip, a post going out), or all of it."""
    page.evaluate("window.scrollTo(0, 0)")
    bottom = page.evaluate("document.documentElement.scrollHeight")
    if count is not None:
        bottom = page.locator(rows).nth(count - 1).evaluate(
            "e => (e.closest('li, article') || e).getBoundingClientRect().bottom + window.scrollY + 12")
    screen = page.viewport_size
    page.set_viewport_size({"width": screen["width"], "height": int(bottom)})  # a window that tall: the article
    try:  # pane (as tall as the window) runs down beside the tip instead of stopping a screen down
        settle(page)
        data = shrink(page.screenshot(animations="disabled", caret="hide"))
    finally:
        page.set_viewport_size(screen)
    if len(data) > MAX_BYTES:
        raise SystemExit(f"error: {path.name} is {len(data)} bytes, over {MAX_BYTES}; make the picture smaller")
    path.write_bytes(data)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.studio.screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="where to write them (default: docs/)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in take(args.out):
        print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
