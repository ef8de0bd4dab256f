"""The project the collect tests share: the seed campaign's three approved tips, on X (the fake X API) and
Mastodon (the fake instance), posted daily in New York's time."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from conftest import daily_schedule, seed_campaign

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
