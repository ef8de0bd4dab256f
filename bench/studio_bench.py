"""studio: the review page with 200 queued posts, a headline edit to new card bytes, memory over 1,000 edits.

All through the studio's own ASGI app and Starlette's test client in this process (the server's time, no
browser). Floors, measured in the same run: the same client and security checks answering the favicon (what
a request costs before any studio work), and drawing the same cards with the cards stage alone.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import REPO, figure, samples

SLUG = "what-to-do-when-one-partner-wants-counseling"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
QUEUED = 200
# Edits before the RSS is read again. Each edit re-queues the approved tip and rewrites the campaign file (half
# a second of CPU with 200 posts queued, over a second on the busy machine): 1,000 take most of ten minutes
# there, so `make bench` makes 50 (JUNO_BENCH_EDITS=1000 for the studio issue's full run).
EDITS = int(os.environ.get("JUNO_BENCH_EDITS", "50"))


def p95_ms(fn, repeat: int, warmup: int = 3) -> float:
    return statistics.quantiles(samples(fn, repeat=repeat, warmup=warmup), n=20)[-1] * 1000


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def project() -> Path:
    """The bundled project with every tip approved and queued, and the queue filled to 200 posts."""
    from scheduler.campaigns.queueing import queue_campaigns
    from scheduler.campaigns.timetable import Timetable
    from scheduler.config import load_settings
    from scheduler.store import open_store

    root = Path(tempfile.mkdtemp(prefix="juno-studio-bench-"))
    for part in ("posts", "assets"):
        shutil.copytree(REPO / part, root / part)
    campaign = root / "posts" / f"{SLUG}.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("status: draft", "status: approved"),
                        encoding="utf-8")
    settings = load_settings(root)
    with open_store(settings.database_url) as store:
        queue_campaigns(settings, store, NOW)
        template = store.posts()[0]
        timetable = Timetable(settings.schedule)
        days = {timetable.local_date(post.due_at) for post in store.posts()}
        slots = (slot for slot in timetable.iter_slots(max(post.due_at for post in store.posts()) + timedelta(days=1),
                                                        timedelta(days=3660))
                 if timetable.local_date(slot) not in days and not days.add(timetable.local_date(slot)))
        filler = []
        for n, slot in zip(range(QUEUED - len(store.posts())), slots):  # one a day on the timetable, as queue would
            post_id = f"older/tip-{n}"
            filler.append(replace(template, id=post_id, tip_key=post_id, campaign="older", card=None,
                                  due_at=slot + timetable.jitter(post_id)))
        store.add_posts(filler, NOW)
        assert len(store.posts()) == QUEUED
    return root


def run() -> dict:
    from starlette.testclient import TestClient

    from scheduler.cards.brand import load_brand
    from scheduler.cards.render import kicker_for, render_card
    from scheduler.studio import make_studio
    from scheduler.studio.workspace import Workspace

    root = project()
    try:
        ws = Workspace(root, lambda: NOW)
        campaign, _ = ws.campaign(SLUG)
        tip = campaign.tips[0]  # the campaign's first tip (the splitter names tips from their words)
        app, gate = make_studio(root, 8765, lambda: NOW)
        client = TestClient(app, base_url="http://127.0.0.1:8765")
        client.get(gate.link().removeprefix("http://127.0.0.1:8765"))

        def page():
            answer = client.get(f"/c/{SLUG}")
            assert answer.status_code == 200 and "queued · " in answer.text

        page_p95 = p95_ms(page, 100)
        floor_p95 = p95_ms(lambda: client.get("/favicon.ico"), 100)

        headlines = [f"Resistance is not indifference, take {n}." for n in range(60)]
        asked = iter(headlines)

        def card():
            answer = client.get(f"/c/{SLUG}/tips/{tip.id}/preview", params={"headline": next(asked)})
            assert answer.json()["card"].startswith("data:image/png;base64,")

        card_p95 = p95_ms(card, 50)
        drawn = iter(f"Resistance is not indifference, draw {n}." for n in range(60))
        brand = load_brand(root, ws.settings.schedule.account.handle)
        draw_p95 = p95_ms(lambda: render_card(next(drawn), brand, "x", kicker_for(brand, campaign, tip)), 50)

        def edit(n: int):
            version = ws.campaign(SLUG)[1]
            if n % 10 == 0:  # every tenth edit the way a person makes it, from the page (and the page agrees)
                text = client.get(f"/c/{SLUG}").text
                assert re.search(r'name="version" value="(\w+)"', text).group(1) == version
            answer = client.post(f"/c/{SLUG}/tips/{tip.id}/edit", follow_redirects=False,
                                 data={"csrf": gate.csrf, "version": version, "headline": f"Edit number {n}.",
                                       "text": tip.text, "alt_text": ""})
            assert answer.status_code == 303, answer.text[:300]

        for n in range(20):
            edit(n)
        before = rss_mb()
        for n in range(EDITS):
            edit(n + 100)
        after = rss_mb()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return {
        "studio_page_p95": figure(page_p95, "ms", floor=floor_p95, goal="value <= 50",
                                  floor_is="the same client and security checks answering the favicon",
                                  queued_posts=QUEUED),
        "studio_card_p95": figure(card_p95, "ms", floor=draw_p95, goal="value <= 150",
                                  floor_is="the cards stage drawing and encoding the same kind of card alone"),
        "studio_rss_edits": figure(after, "MB", floor=before, goal="ratio <= 1.1",
                                   floor_is=f"RSS after 20 edits, before the {EDITS:,}", edits=EDITS,
                                   growth_mb=round(after - before, 1)),
    }


if __name__ == "__main__":  # pragma: no cover
    import json

    print(json.dumps(run(), indent=2))
