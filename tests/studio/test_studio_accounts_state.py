"""The Queue page and the header show each account's own publisher and state, as `status` does (a user trial:
with X and Bluesky on the outbox and Mastodon for real, the studio said "nothing is sent to a network" and
"The account is active" while Mastodon could not post for a missing token)."""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime, timedelta

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


def posted_but_mastodon(project, cli) -> tuple[Studio, str]:
    """One tip out on X and Bluesky (the outbox); Mastodon, posting for real, not. Returns when it ran."""
    schedule = project / "posts" / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text[:text.index("account:")] + MIXED + text[text.index("timezone:"):], encoding="utf-8")
    studio = Studio(project, now=LATER).sign_in()
    studio.status("approved")
    root = ("--root", str(project))
    assert cli(*root, "queue", "--now", "2026-12-01T12:00:00+00:00").code == 0
    plan = json.loads(cli(*root, "plan", "--json", "--now", "2026-12-01T12:00:00+00:00").out)["posts"]
    due = max(row["at"] for row in plan if row["id"].startswith(f"{SLUG}/{TIP}"))
    ran = cli(*root, "run-due", "--now", due)
    # the studio looks after it ran: before its time, a post recorded as posted reads simulated (test_studio_demo)
    studio = Studio(project, now=max(LATER, datetime.fromisoformat(due) + timedelta(hours=1))).sign_in()
    studio.ran = ran
    return studio, due


def test_each_account_shows_its_own_publisher_and_state_like_status(project, cli, monkeypatch):
    """Mastodon with no token cannot post: status, check and the Queue page say so and what to set, never "Posting
    is active"; once the token is in .env it is active again, with no resume (the state is read from the settings
    each time, not from a stop recorded in the database)."""
    monkeypatch.delenv("MASTODON_ACCESS_TOKEN", raising=False)
    monkeypatch.delenv("MASTODON_API_BASE", raising=False)
    studio, due = posted_but_mastodon(project, cli)
    assert studio.ran.code == 2, studio.ran  # bad configuration, not a failed post
    assert "cannot post to @junocounseling@mastodon.social on mastodon: " in studio.ran.out + studio.ran.err
    root = ("--root", str(project))
    status = json.loads(cli(*root, "status", "--json", "--now", due).out)
    states = {a["network"]: a["state"] for a in status["accounts"]}
    assert states == {"x": "active", "bluesky": "active", "mastodon": "unconfigured"}
    [mastodon_row] = [a for a in status["accounts"] if a["network"] == "mastodon"]
    assert "MASTODON_ACCESS_TOKEN" in mastodon_row["reason"] and mastodon_row["counts"]["queued"] == 1
    text = cli(*root, "status", "--now", due).out
    assert "@junocounseling@mastodon.social via mastodon: cannot post: " in text and "no resume needed" in text
    check = cli(*root, "check")
    assert check.code == 2 and "MASTODON_ACCESS_TOKEN" in check.out

    page = studio.get("/queue").text
    shown = accounts(page)
    assert set(shown) == {"x", "bluesky", "mastodon"}
    for network in ("x", "bluesky"):
        assert "outbox" in shown[network] and "This account is active" in shown[network]
        assert "Pause posting on " + {"x": "X", "bluesky": "Bluesky"}[network] in shown[network]
    mastodon = shown["mastodon"]
    assert "posts go to Mastodon" in mastodon and "outbox" not in mastodon
    assert "This account is active" not in mastodon and "This account is stopped" not in mastodon
    assert "It cannot post: " in mastodon and "MASTODON_ACCESS_TOKEN" in mastodon and "no Resume needed" in mastodon
    assert "Resume" not in mastodon.replace("no Resume needed", "")
    header = page.split('class="posting', 1)[1].split("</p>", 1)[0]
    assert "nothing is sent to a network" not in header
    assert "x, bluesky: written to .juno/outbox/, not sent" in html.unescape(header)

    # The token set in .env: active at once, in the studio and in status, with no resume.
    secret = "a-token-that-must-never-show-9f3k"
    (project / ".env").write_text(f"MASTODON_ACCESS_TOKEN={secret}\nMASTODON_API_BASE=https://mastodon.social\n",
                                  encoding="utf-8")
    page = studio.get("/queue").text
    assert "This account is active" in accounts(page)["mastodon"] and secret not in page
    status = cli(*root, "status", "--json", "--now", due).out
    assert {a["network"]: a["state"] for a in json.loads(status)["accounts"]}["mastodon"] == "active"
    assert secret not in status

    # Pause and Resume act on that network only, as `juno-scheduler pause mastodon` / `resume mastodon` do.
    studio.post("/do/pause", {"network": "mastodon"}, follow=True)
    mastodon = accounts(studio.get("/queue").text)["mastodon"]
    assert "This account is paused" in mastodon and "Resume posting on Mastodon" in mastodon
    assert "mastodon" in said(studio.post("/do/resume", {"network": "mastodon"}, follow=True).text)[0]
    status = json.loads(cli(*root, "status", "--json", "--now", due).out)
    assert {a["network"]: a["state"] for a in status["accounts"]} == {"x": "active", "bluesky": "active",
                                                                     "mastodon": "active"}


def test_one_word_for_one_state_and_the_network_always_named(project, cli, monkeypatch):
    """A user trial: the Mastodon post run-due will try again was "1 retrying" in `status` and "1 failed" in the
    studio's Queue, and the Calendar said "posted" for X where the others said "bluesky · posted"."""
    monkeypatch.delenv("MASTODON_ACCESS_TOKEN", raising=False)
    monkeypatch.delenv("MASTODON_API_BASE", raising=False)
    # an instance that cannot be reached (nothing listens on port 9): the post is tried and retried later
    (project / ".env").write_text("MASTODON_ACCESS_TOKEN=a-token-1234\nMASTODON_API_BASE=http://127.0.0.1:9\n",
                                  encoding="utf-8")
    studio, due = posted_but_mastodon(project, cli)
    assert studio.ran.code == 0, studio.ran
    status = cli("--root", str(project), "status", "--now", due).out
    # the two in the outbox are simulated, not posted, as the studio says (newcomer trial, finding 3)
    assert "posts: 1 retrying" in status and "posts on every network: 1 retrying, 2 simulated, not posted" in status
    queue = html.unescape(studio.get("/queue").text)
    counts = re.sub(r"\s+", " ", queue.split('id="account-h"', 1)[1].split("</section>", 1)[0])
    # X and Bluesky wrote to the outbox: simulated, not posted (studio trial 3)
    assert "0 posted, 1 retrying" in counts and "2 simulated (not posted)" in counts
    assert "failed" not in counts.replace("failed for good", "")
    assert f"<code>{SLUG}/{TIP}@mastodon</code> retrying after" in queue
    calendar = html.unescape(studio.get(f"/calendar?mode=week&day={due[:10]}").text)
    badges = re.findall(r'<span class="badge">([^<]*)</span>', calendar)
    assert {"x · simulated, not posted", "bluesky · simulated, not posted", "mastodon · retrying"} <= set(badges), badges
    assert "posted" not in badges and "simulated, not posted" not in badges and "failed" not in " ".join(badges)
