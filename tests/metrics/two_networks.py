"""The project the collect tests share: the seed campaign's three approved tips, on X (the fake X API) and
Mastodon (the fake instance), posted daily in New York's time."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import run_cli_in_process, seed_campaign
from schedules import daily_schedule

from scheduler.store import open_store

ZONE = ZoneInfo("America/New_York")
CAMPAIGN = "what-to-do-when-one-partner-wants-counseling"
ACCOUNTS = """\
accounts:
  - {network: x, handle: junocounseling}
  - {network: mastodon, handle: "@junocounseling@social.example"}
"""


def two_networks(extra: str = "") -> str:
    """posts/schedule.yaml for X and Mastodon, no links, a 10 USD budget, and `extra` keys."""
    return daily_schedule(ACCOUNTS, "link: {mode: none}\nbudget: {monthly_usd: 10}\n" + extra)


TIPS = seed_campaign("""\
  - id: reluctance-doesnt-always-mean-refusal
    headline: "Reluctance doesn’t always mean refusal."
    text: "Reluctance doesn’t always mean refusal. Often, it reflects fear, uncertainty, or past experiences."
    status: approved
    section: "Understanding Hesitation"
  - id: invite-rather-than-insist
    headline: "Invite rather than insist."
    text: "Invite rather than insist. A calm, specific request lands better than an ultimatum."
    status: approved
    section: "How to Start the Conversation"
  - id: small-steps-count
    headline: "Small steps count."
    text: "Small steps count. One honest talk about what you both want is a start."
    status: approved
    section: "If Your Partner Still Says No"
""")
A, B, C = (f"{CAMPAIGN}/{tip}" for tip in ("reluctance-doesnt-always-mean-refusal", "invite-rather-than-insist",
                                          "small-steps-count"))


def cli(root: Path, servers, now: str | None, *args: str, json_out: bool = True):
    """The real CLI in `root` against the fake X and Mastodon `servers`, their clocks and `--now` at `now`
    (New York's time): the result, and its JSON when asked for."""
    fx, fm = servers
    if now is not None:
        stamp = datetime.fromisoformat(now).replace(tzinfo=ZONE).timestamp()
        fx.set_now(stamp)
        fm.set_now(stamp)
    result = run_cli_in_process(*args, *(("--json",) if json_out else ()), *(("--now", now) if now else ()), cwd=root,
                                env={**fx.env(), **fm.env()})
    return result, (json.loads(result.out) if json_out and result.out.strip() else None)


def posted_project(drawn: Path, root: Path, servers) -> Path:
    """A copy of `drawn` at `root` with A, B and C posted on X and Mastodon at 09:01 and 12:01 on Dec 1 and 09:01
    on Dec 2 (New York)."""
    shutil.copytree(drawn, root)
    assert cli(root, servers, "2026-12-01T07:00", "queue")[0].code == 0
    for now in ("2026-12-01T09:01", "2026-12-01T12:01", "2026-12-02T09:01"):
        result, report = cli(root, servers, now, "run-due")
        assert result.code == 0 and len(report["posted"]) == 2, result
    return root


def remote_ids(root: Path) -> dict[str, str]:
    with open_store(f"sqlite:///{root / '.juno' / 'juno.db'}") as store:
        return {p.id: str(p.remote_id) for p in store.posts()}
