"""posts/schedule.yaml's text for the tests that write a timetable of their own: one helper, so that each test says
only what its case turns on (the accounts, the days and times, the policy lines), and the shape is written once.

Plain text, no pytest: the processes the tests start (tests/recording_process.py) import it through queue_helpers."""

from __future__ import annotations

EVERY_DAY = "mon, tue, wed, thu, fri, sat, sun"
# Accounts as posts/schedule.yaml's `accounts:` list writes them (flow mappings), for schedule_text.
X_OUTBOX = "{network: x, handle: junocounseling, publisher: outbox}"
MASTODON_OUTBOX = '{network: mastodon, handle: "@junocounseling@mastodon.social", publisher: outbox}'
# The policy most runner and CLI tests post by: one post a day at the most, an hour apart, on time (no jitter),
# a slot missed by more than 2 h moved on, no link.
ONE_A_DAY = {"min_gap": "1h", "max_per_day": 1, "jitter": "0m", "catch_up": "2h", "link": "{mode: none}"}


def accounts_lines(*accounts: str) -> str:
    """posts/schedule.yaml's `accounts:` lines, one for each account's flow mapping (X_OUTBOX, ...)."""
    return "accounts:\n" + "".join(f"  - {account}\n" for account in accounts)


def schedule_text(accounts: str = "", *, days: str = EVERY_DAY, times: tuple[str, ...] = ("09:00",),
                  slots: str | None = None, **policy: object) -> str:
    """posts/schedule.yaml's text as a manager writes it: `accounts` (its `account:` or `accounts:` lines as
    written; none for a test that puts its own before it), New York time, one weekly slot on `days` at `times`
    (or `slots`, the lines under `slots:` as written), then a `key: value` line for each of `policy`, in order."""
    if slots is None:
        quoted = ", ".join(f'"{time}"' for time in times)
        slots = f"  - days: [{days}]\n    times: [{quoted}]\n"
    return (accounts + "timezone: America/New_York\nslots:\n" + slots
            + "".join(f"{key}: {value}\n" for key, value in policy.items()))


# The timetable the networks' CLI tests share: two posts a day, every day, at 09:00 and 12:00 New York time.
DAILY_TIMETABLE = schedule_text(times=("09:00", "12:00"), min_gap="1h", max_per_day=2, jitter="0m", catch_up="2h")


def daily_schedule(accounts: str, policy: str) -> str:
    """posts/schedule.yaml: the `account:`/`accounts:` lines, the shared daily timetable, then the link,
    hashtag and budget lines."""
    return accounts + DAILY_TIMETABLE + policy
