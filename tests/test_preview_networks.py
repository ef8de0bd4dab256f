"""The review page measures each post by its own network's rule and limit, as `plan` and the studio do (user trial 3,
finding 1: every Bluesky and Mastodon post read "N / 280 characters as X counts them", and one that fit Bluesky and
Mastodon was marked "Too long")."""

from __future__ import annotations

import json

from tests.conftest import THREE_ACCOUNTS, drawn_project, seed_campaign
from tests.schedules import schedule_text
from tests.test_preview import Page

OUTBOX_ACCOUNTS = THREE_ACCOUNTS.replace("}\n", ", publisher: outbox}\n").replace("timezone: America/New_York\n", "")
SCHEDULE = schedule_text(OUTBOX_ACCOUNTS, min_gap="1h", max_per_day=1, jitter="0m", link="{mode: in-post}",
                         hashtags='["#CouplesCounseling"]')
# over X's 280 once the link and the hashtag are added, well within Bluesky's 300 and Mastodon's 500
LONG = ("Reach out when it matters, today. " + "Small steady habits make repair easier for both partners over time. " * 3)
TIPS = f"""\
  - id: reach-out
    headline: "Reach out when it matters."
    text: "{LONG.strip()}"
    status: approved
  - id: start-softly
    headline: "Start softly."
    text: "Start softly. A gentle opening keeps the talk going."
    status: approved
"""
NOW = "2026-11-30T07:00"


def test_each_post_on_the_page_is_measured_by_its_own_network(tmp_path, cli):
    root = drawn_project(tmp_path / "p", SCHEDULE, "what-to-do-when-one-partner-wants-counseling",
                         seed_campaign(TIPS))
    queued = cli("queue", "--now", NOW, cwd=root)
    assert queued.code == 0 and "queued on bluesky, mastodon only" in queued.out + queued.err, queued
    planned = cli("plan", "--now", NOW, "--json", cwd=root)
    assert planned.code == 0, planned
    plan = {row["id"]: row for row in json.loads(planned.out)["posts"]}
    result = cli("preview", "--now", NOW, "--out", str(tmp_path / "page.html"), cwd=root)
    assert result.code == 0, result
    assert "need attention" not in result.out, "every post fits its own network"
    page = Page((tmp_path / "page.html").read_text(encoding="utf-8"))

    tip = "what-to-do-when-one-partner-wants-counseling/reach-out"
    assert set(plan) >= {f"{tip}@bluesky", f"{tip}@mastodon"} and tip not in plan, "left off X on purpose"
    for post_id, row in plan.items():
        shown = page.texts[post_id]
        assert "Too long" not in shown, post_id
        assert f"{row['weighted_length']} / {row['limit']} {row['how']}" in " ".join(shown.split()), post_id
    assert "300 graphemes as Bluesky shows them" in page.texts[f"{tip}@bluesky"]
    assert "/ 500 " in page.texts[f"{tip}@mastodon"] and "as X counts them" not in page.texts[f"{tip}@mastodon"]
    start = "what-to-do-when-one-partner-wants-counseling/start-softly"
    assert "/ 280 characters as X counts them" in page.texts[start]


def test_a_sensitive_post_the_manager_acknowledged_needs_no_more_attention(tmp_path, cli):
    """The fourth user trial: preview's "2 posts need attention" counted sensitive posts she had acknowledged. The
    page says the flag was acknowledged, on every network's post (Bluesky's and Mastodon's showed no flag at all)."""
    tips = TIPS + "    review: [sensitive]\n    reviewed: [sensitive]\n"  # on start-softly
    root = drawn_project(tmp_path / "p", SCHEDULE, "what-to-do-when-one-partner-wants-counseling", seed_campaign(tips))
    assert cli("queue", "--now", NOW, cwd=root).code == 0
    result = cli("preview", "--now", NOW, "--out", str(tmp_path / "page.html"), cwd=root)
    assert result.code == 0, result
    assert "need attention" not in result.out and "needs attention" not in result.out, result.out
    page = Page((tmp_path / "page.html").read_text(encoding="utf-8"))
    start = "what-to-do-when-one-partner-wants-counseling/start-softly"
    for post_id in (start, f"{start}@bluesky", f"{start}@mastodon"):
        assert "Read and acknowledged: Sensitive topic" in " ".join(page.texts[post_id].split()), post_id
