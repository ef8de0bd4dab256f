"""The Queue page and the header show each account's own publisher and state, as `status` does (a user trial:
with X and Bluesky on the outbox and Mastodon for real, the studio said "nothing is sent to a network" and
"The account is active" while Mastodon had stopped for a missing token)."""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime

from tests.studio.helpers import SLUG, TIP, Studio, said

MIXED = ("accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
         "  - {network: bluesky, handle: junocounseling.bsky.social, publisher: outbox}\n"
         "  - {network: mastodon, handle: \"@junocounseling@mastodon.social\"}\n")
LATER = datetime(2026, 12, 20, 12, 0, tzinfo=UTC)


def accounts(page: str) -> dict[str, str]:
    section = page.split('id="account-h"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r'<li data-network="(\w+)">(.*?)</li>', section, re.DOTALL)
    words = {network: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split()) for network, row in rows}
    return {network: re.sub(r" ([.:)])", r"\1", text) for network, text in words.items()}


def test_each_account_shows_its_own_publisher_and_state_like_status(project, cli, monkeypatch):
    monkeypatch.delenv("MASTODON_ACCESS_TOKEN", raising=False)
    schedule = project / "posts" / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text[:text.index("account:")] + MIXED + text[text.index("timezone:"):], encoding="utf-8")
    studio = Studio(project, now=LATER).sign_in()
    studio.status("approved")
    root = ("--root", str(project))
    assert cli(*root, "queue", "--now", "2026-12-01T12:00:00+00:00").code == 0
    plan = json.loads(cli(*root, "plan", "--json", "--now", "2026-12-01T12:00:00+00:00").out)["posts"]
    due = max(row["at"] for row in plan if row["id"].startswith(f"{SLUG}/{TIP}"))
    cli(*root, "run-due", "--now", due)
    status = json.loads(cli(*root, "status", "--json", "--now", due).out)
    states = {a["network"]: a["state"] for a in status["accounts"]}
    assert states == {"x": "active", "bluesky": "active", "mastodon": "stopped"}

    page = studio.get("/queue").text
    shown = accounts(page)
    assert set(shown) == {"x", "bluesky", "mastodon"}
    for network in ("x", "bluesky"):
        assert "outbox" in shown[network] and "Posting is active" in shown[network]
        assert "Pause posting on " + network in shown[network]
    mastodon = shown["mastodon"]
    assert "posts go to Mastodon" in mastodon and "outbox" not in mastodon
    assert "Posting is stopped: " in mastodon and "MASTODON_ACCESS_TOKEN" in mastodon
    assert "juno-scheduler resume mastodon" in mastodon and "Resume posting on mastodon" in mastodon
    header = page.split('class="posting', 1)[1].split("</p>", 1)[0]
    assert "nothing is sent to a network" not in header
    assert "x, bluesky: written to .juno/outbox/, not sent" in html.unescape(header)

    # The Resume button resumes that network only, as `juno-scheduler resume mastodon` does.
    assert "mastodon" in said(studio.post("/do/resume", {"network": "mastodon"}, follow=True).text)[0]
    status = json.loads(cli(*root, "status", "--json", "--now", due).out)
    assert {a["network"]: a["state"] for a in status["accounts"]}["mastodon"] == "active"
