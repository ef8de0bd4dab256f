"""studio: the review page with 200 queued posts, a headline edit to new card bytes, memory over 1,000 edits.

All through the studio's own ASGI app and Starlette's test client in this process (the server's time, no
browser), but for the cards four at once: those go to the studio served by uvicorn on 127.0.0.1, as the
browser's live preview does, from four client threads. Floors, measured in the same run: the same client and
security checks answering the favicon (what a request costs before any studio work), and drawing the same
cards with the cards stage alone (one at a time, or four at once in four threads).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import tempfile
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import REPO, figure, samples

SLUG = "what-to-do-when-one-partner-wants-counseling"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
QUEUED = 200
# Edits before the RSS is read again. Each edit re-queues the approved tip and rewrites the campaign file (about
# 0.17 s of CPU with 200 posts queued, most of it the round-trip YAML; it was 0.26 s before the timetable kept its
# slots per day): `make bench` makes 50 (JUNO_BENCH_EDITS=1000 for the studio issue's full run).
EDITS = int(os.environ.get("JUNO_BENCH_EDITS", "50"))


def p95_ms(fn, repeat: int, warmup: int = 3) -> float:
    return statistics.quantiles(samples(fn, repeat=repeat, warmup=warmup), n=20)[-1] * 1000


def cpu_p95_ms(fn, repeat: int, warmup: int = 3) -> float:
    """p95 of this process's CPU time per call (the client's and the studio's threads both count): what a call
    costs whatever else the shared machine runs, which the wall-clock figures cannot say under load."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.quantiles(times, n=20)[-1] * 1000


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
        csrf = gate.csrf_of(client.cookies.get(gate.cookie))  # this session's own token

        def page():
            answer = client.get(f"/c/{SLUG}")
            assert answer.status_code == 200 and "queued · " in answer.text

        page_p95 = p95_ms(page, 100)
        floor_p95 = p95_ms(lambda: client.get("/favicon.ico"), 100)
        page_cpu = cpu_p95_ms(page, 40)
        floor_cpu = cpu_p95_ms(lambda: client.get("/favicon.ico"), 40)

        headlines = [f"Resistance is not indifference, take {n}." for n in range(60)]
        asked = iter(headlines)

        def card():
            answer = client.get(f"/c/{SLUG}/tips/{tip.id}/preview", params={"headline": next(asked)})
            assert answer.json()["card"].startswith("data:image/png;base64,")

        card_p95 = p95_ms(card, 50)
        drawn = iter(f"Resistance is not indifference, draw {n}." for n in range(60))
        brand = load_brand(root, ws.settings.schedule.account.handle)
        draw_p95 = p95_ms(lambda: render_card(next(drawn), brand, "x", kicker_for(brand, campaign, tip)), 50)

        def edit(n: int, from_page: bool = True):
            version = ws.campaign(SLUG)[1]
            if from_page and n % 10 == 0:  # every tenth edit the way a person makes it, from the page (and the page agrees)
                text = client.get(f"/c/{SLUG}").text
                assert re.search(r'name="version" value="(\w+)"', text).group(1) == version
            answer = client.post(f"/c/{SLUG}/tips/{tip.id}/edit", follow_redirects=False,
                                 data={"csrf": csrf, "version": version, "headline": f"Edit number {n}.",
                                       "text": tip.text, "alt_text": ""})
            assert answer.status_code == 303, answer.text[:300]

        for n in range(20):
            edit(n)
        before = rss_mb()
        for n in range(EDITS):
            edit(n + 100)
        after = rss_mb()
        edits = iter(range(1000, 2000))
        edit_p95 = p95_ms(lambda: edit(next(edits), from_page=False), 30)
        edit_cpu = cpu_p95_ms(lambda: edit(next(edits), from_page=False), 30)
        # last: a second studio and its threads would leave memory behind in the RSS figure
        together_p95 = cards_four_at_once(root, tip.id)
        draw_together_p95 = four_at_once(lambda n, k: render_card(f"Four at once, drawn {n}, {k}.", brand, "x",
                                                                  kicker_for(brand, campaign, tip)))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return {
        "studio_page_p95": figure(page_p95, "ms", floor=floor_p95, goal="value <= 50",
                                  floor_is="the same client and security checks answering the favicon",
                                  queued_posts=QUEUED, cpu_p95_ms=page_cpu, floor_cpu_p95_ms=floor_cpu,
                                  load_average=os.getloadavg()[0]),
        "studio_card_p95": figure(card_p95, "ms", floor=draw_p95, goal="value <= 150",
                                  floor_is="the cards stage drawing and encoding the same kind of card alone"),
        "studio_card_p95_four": figure(together_p95, "ms", floor=draw_together_p95, goal="ratio <= 1.5",
                                       floor_is="the cards stage drawing the same kind of card in four threads at once",
                                       at_once=4),
        "studio_edit_p95": figure(edit_p95, "ms", floor=page_p95,
                                  floor_is="the review page (studio_page_p95), which the browser loads after the save",
                                  queued_posts=QUEUED, cpu_p95_ms=edit_cpu),
        "studio_rss_edits": figure(after, "MB", floor=before, goal="ratio <= 1.1",
                                   floor_is=f"RSS after 20 edits, before the {EDITS:,}", edits=EDITS,
                                   growth_mb=round(after - before, 1)),
    }


def four_at_once(call, rounds: int = 12) -> float:
    """p95 in ms of call(n, k) made from four threads at once, `rounds` times each (after one warm round)."""
    times: list[float] = []
    lock = threading.Lock()

    def worker(k: int) -> None:
        for n in range(rounds + 1):
            start = time.perf_counter()
            call(n, k)
            if n:
                with lock:
                    times.append(time.perf_counter() - start)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statistics.quantiles(times, n=20)[-1] * 1000


def cards_four_at_once(root: Path, tip_id: str) -> float:
    """The live preview's card asked by four browsers' worth of requests at once, of the studio served by
    uvicorn on 127.0.0.1 (one event loop, as `juno-scheduler studio` runs it)."""
    import asyncio

    import httpx
    import uvicorn

    from scheduler.studio import bind, make_studio

    sock = bind(0)
    port = sock.getsockname()[1]
    app, gate = make_studio(root, port, lambda: NOW)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    serving = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), daemon=True)
    serving.start()
    clients: list = []
    try:
        while not server.started:
            time.sleep(0.01)
        clients = [httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) for _ in range(4)]
        clients[0].get(gate.link().removeprefix(f"http://127.0.0.1:{port}"))  # one session, four connections
        for client in clients[1:]:
            client.cookies = clients[0].cookies

        def card(n: int, k: int) -> None:
            answer = clients[k].get(f"/c/{SLUG}/tips/{tip_id}/preview",
                                    params={"headline": f"Four at once, asked {n}, {k}."})
            assert answer.json()["card"].startswith("data:image/png;base64,"), answer.text[:300]

        return four_at_once(card)
    finally:
        for client in clients:
            client.close()
        server.should_exit = True
        serving.join(timeout=10)
        sock.close()


if __name__ == "__main__":  # pragma: no cover
    import json

    print(json.dumps(run(), indent=2))
