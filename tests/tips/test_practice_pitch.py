"""The practice speaking of its own services, staff, place, price or availability is its pitch, wherever it stands in
an article (issue 19): such lines are in no tip and the block report says why; advice to see a therapist stays."""

from __future__ import annotations

import json
from pathlib import Path

# Made up for this test, in a practice's voice: each advice paragraph ends with a line of the practice's own selling
# that the older rules let through, and pitch-only paragraphs stand between them.
SLEEP_AND_WORRY = """\
# Sleep when worry keeps you up

Keep the same wake-up time every day, even after a bad night. Our specialized approach for insomnia builds on this.

Write tomorrow's worries on paper an hour before bed. A therapist can help you sort which ones you can act on.

If you live in the Riverton area, our evening sessions fit around work and school.

Telehealth sessions are available across the state, and we are taking on new clients.

At Stillwater, we specialise in sleep. My practice offers early morning appointments.

Get out of bed if you have been awake for twenty minutes. We're located two blocks from the station.

Consider talking to your doctor if poor sleep lasts more than a month. We do not accept insurance, but we would
be glad to give you a receipt.
"""

PITCHES = ("Our specialized approach", "Riverton", "Telehealth sessions", "taking on new clients", "We're located",
           "accept insurance", "would be glad",
           "specialise", "early morning appointments")


def test_the_practices_place_price_and_openings_are_left_out_and_the_advice_beside_them_stays(project: Path, cli):
    (project / "posts" / "articles" / "sleep-and-worry.md").write_text(SLEEP_AND_WORRY, encoding="utf-8")
    result = cli("split", "--json", "posts/articles/sleep-and-worry.md", cwd=project)
    assert result.code == 0, result
    data = json.loads(result.out)
    posted = " ".join(f"{tip['headline']} {tip['text']}" for tip in data["tips"])
    for pitch in PITCHES:
        assert pitch not in posted
    reasons = {block["text"][:20]: block["left_out"] for block in data["blocks"]}
    assert "pitch" in reasons["If you live in the R"] and "pitch" in reasons["Telehealth sessions "]
    assert "pitch" in reasons["At Stillwater, we sp"]
    # the advice stays, advice to see a therapist or a doctor included
    for advice in ("Keep the same wake-up time every day", "Write tomorrow's worries on paper",
                   "A therapist can help you sort", "Get out of bed if you have been awake",
                   "Consider talking to your doctor"):
        assert advice in posted
