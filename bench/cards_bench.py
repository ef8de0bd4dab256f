"""How long a quote card takes, against the floor of encoding its own finished pixels.

`run()` (called by `python -m bench cards`) renders the seed campaign's headlines in a warm
process (fonts loaded, backgrounds drawn, glyphs rasterised per font and size as a batch keeps
them; word measurements forgotten before every card, so each card is shaped and set afresh) and reports medians per size, each card timed next to
saving that same card's finished pixels with the same PNG settings and metadata (the floor):
what is left above it is setting and drawing. `cards_batch` renders every tip of the seed
campaign in every size with `render_campaigns`, on every core, from a cold cards folder.
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from PIL import Image, PngImagePlugin

from bench import REPO, figure
from scheduler.cards import fonts
from scheduler.cards.brand import load_brand
from scheduler.cards.render import (
    FINGERPRINT_KEY,
    PNG_OPTIONS,
    SIZES,
    draw_card,
    render_card,
)

ROUNDS = 3  # rounds over the seed campaign's 20 tips: 60 cards timed per size, each beside its own floor


def seed_tips():
    """Every tip of the bundled campaigns: the cards the practice will really post."""
    from scheduler.campaigns.file import find_campaigns

    tips = [(tip.headline, tip.section) for c in find_campaigns(REPO) for tip in c.tips if tip.status != "skip"]
    if not tips:
        raise RuntimeError("no tips in posts/*.yaml to draw; run `juno-scheduler split` on the bundled article")
    return tips


def encode_png(image: Image.Image) -> bytes:
    """The floor: saving the card's own finished pixels, with the cards' PNG settings and metadata."""
    info = PngImagePlugin.PngInfo()
    info.add_text(FINGERPRINT_KEY, "0" * 24)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, **PNG_OPTIONS)
    return buffer.getvalue()


def per_card(brand, size: str, tips) -> dict:
    """Medians per card, each card timed beside encoding its own pixels so both see the same machine load."""
    for headline, section in tips:  # warm: fonts, the background, the logo
        render_card(headline, brand, size, section)
    finished_cards = [draw_card(headline, brand, size, section) for headline, section in tips]  # the same each round
    dimensions = SIZES[size]
    wall: dict[str, list[float]] = {"card": [], "floor": []}
    cpu: dict[str, list[float]] = {"card": [], "floor": []}
    for _ in range(ROUNDS):
        for (headline, section), finished in zip(tips, finished_cards):
            fonts.length.cache_clear()  # shape and measure every word afresh
            for name, work in (("card", lambda headline=headline, section=section: render_card(headline, brand, size, section)),
                               ("floor", lambda finished=finished: encode_png(finished))):
                started, started_cpu = time.perf_counter(), time.process_time()
                work()
                wall[name].append((time.perf_counter() - started) * 1000)
                cpu[name].append((time.process_time() - started_cpu) * 1000)
    value, floor = statistics.median(wall["card"]), statistics.median(wall["floor"])
    return figure(value, "ms", floor=floor, goal="ratio <= 1.3", cards=len(wall["card"]),
                  cpu_ratio=statistics.median(cpu["card"]) / statistics.median(cpu["floor"]),
                  floor_is=f"saving the card's own finished {dimensions[0]}x{dimensions[1]} pixels with the "
                           "cards' PNG settings")


def batch() -> dict:
    from scheduler.campaigns.file import find_campaigns
    from scheduler.cards.render import render_campaigns
    from scheduler.config import load_settings

    scratch = Path(tempfile.mkdtemp(prefix="juno-cards-bench-"))
    try:
        for part in ("posts", "assets"):
            shutil.copytree(REPO / part, scratch / part)
        settings = load_settings(scratch)
        campaigns = find_campaigns(scratch)
        started = time.perf_counter()
        report = render_campaigns(settings, campaigns, "all", progress=False)
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return figure(report["rendered"] / seconds, "cards/s", cards=report["rendered"], seconds=seconds, cores=cores,
                  floor_is=None)


def run() -> dict:
    brand = load_brand(REPO, "junocounseling")
    tips = seed_tips()
    figures = {f"card_{size}": per_card(brand, size, tips) for size in SIZES}
    if (REPO / "posts").is_dir():
        figures["cards_batch"] = batch()
    return figures


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
