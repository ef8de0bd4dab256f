"""One decision for run-due and its dry run: the same cases give the same outcome in both, budget included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from queue_helpers import ScriptedPublisher, make_post, settings_for, write_schedule

from scheduler.runner.decision import Action, Rules, TipState, Why, decide
from scheduler.runner.run import run_due
from scheduler.store import Account, open_store
from scheduler.store.records import AccountState

NOW = datetime(2026, 12, 7, 14, 5, tzinfo=UTC)  # Monday 09:05 in New York
LINK = "https://junocounseling.com/blog/x"
RULES = Rules(catch_up=timedelta(hours=2), budget_usd=0.25, next_month=datetime(2027, 1, 1, 5, tzinfo=UTC))


@pytest.mark.parametrize("account, late, spent, cost, expected, why", [
    (Account("j"), timedelta(minutes=1), 0.0, 0.2, Action.PUBLISH, Why.DUE),
    (Account("j"), timedelta(hours=3), 0.0, 0.2, Action.MOVE, Why.MISSED),
    (Account("j", not_before=NOW + timedelta(minutes=5)), timedelta(minutes=1), 0.0, 0.0, Action.DEFER,
     Why.RATE_LIMIT),
    (Account("j"), timedelta(minutes=1), 0.2, 0.2, Action.DEFER, Why.BUDGET),
    (Account("j"), timedelta(minutes=1), 0.2, 0.05, Action.PUBLISH, Why.DUE),
    (Account("j", state=AccountState.PAUSED), timedelta(minutes=1), 0.0, 0.0, Action.RELEASE, Why.PAUSED),
    (Account("j", state=AccountState.STOPPED, reason="bad keys"), timedelta(minutes=1), 0.0, 0.0, Action.STOP,
     Why.STOPPED),
    (Account("j", state=AccountState.PAUSED), timedelta(hours=5), 0.0, 0.0, Action.RELEASE, Why.PAUSED),
])
def test_the_decision_table(account, late, spent, cost, expected, why):
    post = make_post("c/p", NOW - late)
    decision = decide(post, account, NOW, RULES, spent_usd=spent, cost_usd=cost)
    assert (decision.action, decision.why) == (expected, why)


@pytest.mark.parametrize("tip, today_blackout, late, expected", [
    (TipState(wanted=False, reason="its tip is draft"), False, timedelta(minutes=1), Action.WITHDRAW),
    (TipState(wanted=False, reason="its tip is draft"), False, timedelta(hours=5), Action.WITHDRAW),  # never moved
    (TipState(readable=False, reason="its campaign cannot be read"), False, timedelta(minutes=1), Action.HOLD),
    (TipState(), True, timedelta(minutes=1), Action.MOVE),
    (TipState(wanted=False, reason="edited"), True, timedelta(minutes=1), Action.WITHDRAW),
    (TipState(), False, timedelta(minutes=1), Action.PUBLISH),
])
def test_the_campaign_and_the_blackout_dates_are_rules_of_the_decision(tip, today_blackout, late, expected):
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("America/New_York")
    blackout = frozenset({NOW.astimezone(zone).date()}) if today_blackout else frozenset()
    rules = Rules(catch_up=RULES.catch_up, budget_usd=None, next_month=RULES.next_month, zone=zone, blackout=blackout)
    decision = decide(make_post("c/p", NOW - late), Account("j"), NOW, rules, spent_usd=0.0, cost_usd=0.0, tip=tip)
    assert decision.action == expected
    assert (decision.why == Why.BLACKOUT) == (expected == Action.MOVE)
    assert decision.reason == (tip.reason if expected in (Action.WITHDRAW, Action.HOLD) else
                               "blackout" if today_blackout else decision.reason)


CASES = {
    # name: (budget, posts as (id, minutes late, has a link), account state, not_before in minutes)
    "two due": ("10", [("c/a", 1, False), ("c/b", 1, False)], "active", None),
    "budget cuts the second": ("0.25", [("c/a", 1, True), ("c/b", 1, True)], "active", None),
    "budget spares cheap posts": ("0.25", [("c/a", 1, True), ("c/b", 1, False)], "active", None),
    "a missed slot moves": ("10", [("c/a", 300, False), ("c/b", 1, False)], "active", None),
    "a rate limit defers all": ("10", [("c/a", 1, False), ("c/b", 1, True)], "active", 30),
    "paused": ("10", [("c/a", 1, False)], "paused", None),
    "stopped": ("10", [("c/a", 1, False)], "stopped", None),
    "nothing due": ("10", [], "active", None),
}


def _project(tmp_path, database_url, budget, posts, state, not_before):
    write_schedule(tmp_path, publisher="x")
    schedule = tmp_path / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("monthly_usd: 10", f"monthly_usd: {budget}"))
    settings = settings_for(tmp_path, database_url)
    with open_store(settings.database_url) as store:
        store.add_posts([make_post(pid, NOW - timedelta(minutes=late), text=f"Tip {pid}" + (f" {LINK}" if link else ""))
                         for pid, late, link in posts], NOW)
        if state != "active":
            store.set_account_state("junocounseling", state, "bad keys", NOW)
        if not_before:
            store.set_not_before("junocounseling", NOW + timedelta(minutes=not_before), NOW)
    return settings


@pytest.mark.parametrize("case", list(CASES))
def test_dry_run_says_what_the_real_run_then_does(tmp_path, database_url, case):
    settings = _project(tmp_path, database_url, *CASES[case])
    with open_store(settings.database_url) as store:
        before = store.counts()
        dry = run_due(settings, store, ScriptedPublisher(), NOW, "w", dry_run=True)
        assert store.counts() == before  # the dry run recorded nothing
        real = run_due(settings, store, ScriptedPublisher(), NOW, "w")

    def outcome(report):
        return ([p.id for p in report.posted], [(d.id, d.until, d.reason) for d in report.deferred],
                [(m.id, m.moved_to) for m in report.missed], report.stopped)

    assert outcome(dry) == outcome(real)
    assert dry.lines(), "a dry run always says something"


def test_the_budget_case_from_the_issue(tmp_path, database_url):
    """budget 0.25 and two due posts with links: the dry run says one goes out and one waits, as the run does."""
    settings = _project(tmp_path, database_url, *CASES["budget cuts the second"])
    with open_store(settings.database_url) as store:
        dry = run_due(settings, store, ScriptedPublisher(), NOW, "w", dry_run=True)
    assert [p.id for p in dry.posted] == ["c/a"]
    assert [(d.id, d.reason) for d in dry.deferred] == [("c/b", "budget")]


def test_a_dry_run_with_nothing_due_names_the_next_post(tmp_path, database_url):
    settings = _project(tmp_path, database_url, "10", [], "active", None)
    with open_store(settings.database_url) as store:
        store.add_posts([make_post("c/later", NOW + timedelta(days=2))], NOW)
        dry = run_due(settings, store, ScriptedPublisher(), NOW, "w", dry_run=True)
    assert dry.lines() == ["nothing is due; next post at Wed 2026-12-09 09:05"]
