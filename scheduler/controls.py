"""A person's levers and gauges: status, history, retry, skip, unpublish, pause, resume (per account)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from scheduler import networks
from scheduler.accounts import WHERE_COUNTS_COME_FROM, countable
from scheduler.campaigns.file import SCHEDULE_NAME, campaign_path, read_campaigns
from scheduler.campaigns.placing import taken_calendar
from scheduler.campaigns.recycling import recycled_rows
from scheduler.campaigns.refusals import skip_tip
from scheduler.campaigns.timetable import Timetable
from scheduler.config import month_bounds
from scheduler.errors import JunoError, PublishError, UsageError, did_you_mean, redacted
from scheduler.results import keep_a_date, local_time
from scheduler.runner.decision import Why
from scheduler.runner.run import worker_running
from scheduler.runner.wanted import awaiting_line, awaiting_queue
from scheduler.store import (
    ACTIVE,
    CLAIMED,
    DEAD,
    FAILED,
    MISSED,
    PAUSED,
    POSTED,
    SKIPPED,
    STATES,
    STOPPED,
    Post,
    Store,
)
from scheduler.store.records import (
    SKIPPED_BY_CAMPAIGN,
    UNPUBLISHED,
    WAITING,
    latest_rounds,
    with_settings,
)


def find_post(store: Store, given: str) -> Post:
    """A post by its id ("campaign/tip", "campaign/tip@mastodon"), or by its tip id alone when that is
    unambiguous; a bare tip id names its post on X (or the first network it has)."""
    posts = find_posts(store, given)
    return next((p for p in posts if p.network == networks.first()), posts[0])


def find_posts(store: Store, given: str) -> list[Post]:
    """The posts `given` names: a tip's posts on every network (the latest round of each), or with
    `@network` only that network's."""
    post = store.get(given)
    if post is not None and networks.network_of(given)[1] is not None:
        return [post]
    tip, network = networks.network_of(given)
    matches = [p for p in store.posts() if (p.tip_key == tip or p.tip_key.endswith(f"/{tip}")
                                            or p.id.split("@")[0] == tip or p.id.split("@")[0].endswith(f"/{tip}"))
               and (network is None or p.network == network)]
    if post is not None:  # a full id: that tip (and round), every network
        matches = [p for p in matches if p.tip_key == post.tip_key and p.round == post.round]
    latest = latest_rounds(matches, key=lambda p: (p.tip_key, p.network))
    tips = sorted({key for key, _ in latest})
    if len(tips) > 1:
        raise UsageError(f"{given!r} names several tips ({', '.join(tips)}); give the full id")
    if not latest:
        known = {name for p in store.posts() for name in (p.tip_key, p.tip_key.split("/", 1)[-1])}
        hint = did_you_mean(tip, known) or "; see `juno-scheduler status` or `plan` for post ids"
        raise UsageError(f"no post {given!r}{hint}")
    return sorted(latest.values(), key=lambda p: p.id)


def _act(store: Store, given: str, change, only: str) -> list[Post]:
    """Apply `change(post id)` to every post `given` names; a UsageError if it changed none."""
    posts = find_posts(store, given)
    done = [p for p in posts if change(p.id)]
    if not done:
        states = ", ".join(f"{p.id} {_state(p)}" for p in posts)
        raise UsageError(f"{states}; only {only}")
    return [store.get(p.id) or p for p in done]  # the store never deletes a post


def _state(post: Post) -> str:
    if post.status == SKIPPED and post.skip_reason == SKIPPED_BY_CAMPAIGN:
        return "was withdrawn by its campaign file"
    return "is skipped already" if post.status == SKIPPED else f"is {post.status}"


def skip_post(store: Store, given: str, now: datetime, root: Path | None = None) -> list[Post]:
    """Skip the posts `given` names. `root`: a tip of a campaign there with no post to skip (never queued, or
    withdrawn by its campaign file) is refused with where to set `status: skip`, what keeps such a tip out."""
    try:
        return _act(store, given, lambda post_id: store.skip(post_id, now), "a post still to go out can be skipped")
    except UsageError:
        hint = _keep_out(store, given, root) if root is not None else None
        if hint is None:
            raise
        raise UsageError(hint) from None


def _keep_out(store: Store, given: str, root: Path) -> str | None:
    """What keeps out of the queue the approved tip `given` names when it has no post `skip` could skip."""
    tip_id = networks.network_of(given)[0]
    found = [(c, t) for c in read_campaigns(root).read for t in c.tips
             if tip_id in (t.id, f"{c.slug}/{t.id}")]
    if len(found) != 1:
        return None
    campaign, tip = found[0]
    key = f"{campaign.slug}/{tip.id}"
    if any(p.tip_key == key and not (p.status == SKIPPED and p.skip_reason == SKIPPED_BY_CAMPAIGN)
           for p in store.posts(tip_keys=[key])):
        return None
    return (f"tip {key} is not in the queue (`skip` takes queued posts); to keep it out, "
            f"{skip_tip(campaign, root, tip.id)}")


def retry_post(store: Store, given: str, now: datetime, settings=None) -> list[Post]:
    """Put a failed, dead, missed or skipped post back (on every network it names): now, if that keeps the
    timetable's rules (blackout, max_per_day, min_gap from every other post), else at the next free slot."""
    at = now
    if settings is not None:
        posts = find_posts(store, given)
        calendar = taken_calendar(store, Timetable(settings.schedule), now, exclude={p.tip_key for p in posts})
        if not calendar.fits(now):
            at = calendar.next_free(min(p.id for p in posts), now)
    return _act(store, given, lambda post_id: store.requeue(post_id, now, at=at),
                "a failed, dead, missed or skipped post can be retried")


def unpublish_post(settings, store: Store, given: str, now: datetime, publishers) -> list[dict]:
    """Delete a tip's published posts from their networks (or one, with @network) and record it."""
    posts = [p for p in find_posts(store, given) if p.status == POSTED]
    if not posts:
        raise UsageError(f"{given!r} has no published post to delete; see `juno-scheduler history`")
    rows = []
    for post in posts:
        try:
            existed = publishers.for_network(post.network).unpublish(post.remote_id or "")
        except NotImplementedError as exc:
            rows.append({"id": post.id, "network": post.network, "deleted": False,
                         "error": f"{exc}: delete it at {post.url} by hand"})
            continue
        except (PublishError, JunoError) as exc:
            rows.append({"id": post.id, "network": post.network, "deleted": False, "error": str(exc)})
            continue
        store.record_unpublished(post.id, now)
        rows.append({"id": post.id, "network": post.network, "deleted": True, "already_gone": not existed,
                     "url": post.url})
    return rows


def chosen_accounts(settings, network: str | None):
    """Every account, or `network`'s; a UsageError when posts/schedule.yaml has none on it."""
    accounts = settings.schedule.all_accounts
    if network is None:
        return accounts
    chosen = [a for a in accounts if a.network == network]
    if not chosen:
        raise UsageError(f"no {network} account in posts/schedule.yaml (accounts: "
                         f"{', '.join(a.network for a in accounts)})")
    return chosen


def pause(settings, store: Store, now: datetime, network: str | None = None) -> list[dict]:
    """Stop posting on every account, or on one network's."""
    for account in chosen_accounts(settings, network):
        store.set_account_state(account.key, PAUSED, "paused by a person", now)
    return [account_row(settings, store, a) for a in chosen_accounts(settings, network)]


def resume(settings, store: Store, now: datetime, network: str | None = None) -> list[dict]:
    """Start posting again, after a pause or after a stop whose cause a person fixed."""
    for account in chosen_accounts(settings, network):
        store.set_account_state(account.key, ACTIVE, None, now)
    return [account_row(settings, store, a) for a in chosen_accounts(settings, network)]


def account_row(settings, store: Store, configured=None) -> dict:
    configured = configured or settings.schedule.account
    unset = networks.get(configured.publisher).unset(settings, configured)
    was_unset = networks.get(configured.network).was_unset  # as run-due finds it: no secret, no post
    account = with_settings(store.account(configured.key), unset, lambda reason: was_unset(reason, configured))
    zone = settings.schedule.zone
    return {"network": configured.network, "handle": account.handle, "publisher": configured.publisher,
            "state": account.state, "reason": account.reason,
            "not_before": account.not_before.astimezone(zone).isoformat() if account.not_before else None}


def status(settings, store: Store, now: datetime) -> dict:
    """The account, how many posts are in each state, the next one, and this month's posts and spend."""
    zone = settings.schedule.zone
    counts = store.counts()
    every = store.posts()
    waiting = [p for p in every if p.status in WAITING]
    accounts = [account_row(settings, store, a) for a in settings.schedule.all_accounts]
    posting = {a["network"] for a in accounts if a["state"] == ACTIVE}
    # The next post that goes out by itself: a paused or stopped account's posts wait for `resume`; a claimed one
    # is a worker's (said under `claimed`).
    going = [p for p in waiting if p.network in posting and p.status != CLAIMED]
    following = min(going, key=lambda p: (p.eligible_at, p.id)) if going else None
    # Slots passed by more than the catch-up window (an account paused for days, or no run): the next run
    # that posts for the account moves them to the next free slots, never out late in a burst.
    overdue = now - settings.schedule.catch_up
    start, _ = month_bounds(now, zone)
    by_network = store.spend_by_network(start)
    reading = store.reading_spend_since(start)
    posts, spent = store.spend_since(start)

    def network_month(network: str) -> dict:
        posted, cost = by_network.get(network, (0, 0.0))
        return {"posts": posted, "spent_usd": round(cost + reading.get(network, (0, 0.0))[1], 4)}

    return {
        "account": account_row(settings, store),
        "publisher": settings.schedule.account.publisher,
        "accounts": [{**a, "counts": {state: sum(1 for p in every if p.network == a["network"] and p.status == state)
                                      for state in STATES},
                      "overdue": sum(1 for p in waiting if p.network == a["network"] and p.eligible_at < overdue)}
                     for a in accounts],
        "counts": {state: counts.get(state, 0) for state in STATES},
        "next": ({"id": following.id, "at": following.eligible_at.astimezone(zone).isoformat()}
                 if following else None),
        "month": {"start": start.astimezone(zone).date().isoformat(), "posts": posts,
                  "spent_usd": round(spent, 4), "budget_usd": settings.schedule.budget.monthly_usd,
                  "networks": {a.network: network_month(a.network) for a in settings.schedule.all_accounts}},
        "failing": [{"id": p.id, "network": p.network, "status": p.status, "error": p.last_error,
                     "attempts": p.attempts,
                     "retry_at": p.eligible_at.astimezone(zone).isoformat() if p.status == "failed" else None}
                    for p in store.posts(("failed", "dead"))],
        "database": redacted(settings.database_url),
        "metrics": metrics_row(store, start, zone, countable(settings.schedule.all_accounts)),
        "recycled": recycled_rows([p for p in waiting if p.round > 1], zone),
        # posts a network said no longer exist (deleted there by a person): not read, their tips not recycled
        "gone": [{"id": p.id, "network": p.network, "why": p.last_error} for p in store.posts((UNPUBLISHED,))
                 if p.last_error],
        "claimed": [claimed_row(p, now, zone) for p in waiting if p.status == CLAIMED],
        "moved": [{"id": p.id, "network": p.network, "at": p.due_at.astimezone(zone).isoformat(), "why": said(p, zone)}
                  for p in waiting if p.status == MISSED],
        # withdrawn posts whose tip is approved now: out until a person runs `queue` (said, not left to history)
        "awaiting_queue": [{"id": p.id, "network": p.network, "why": awaiting_line(p.id, p.last_error)}
                           for p in awaiting_queue(store, read_campaigns(settings.root).read)],
    }


def claimed_row(post: Post, now: datetime, zone) -> dict:
    """A claimed post: which worker holds it, whether that worker still runs ("running", "stopped", or "unknown" on
    another machine), until when its lease holds, and whether the next worker looks on the network first (an
    attempt of it may have gone out)."""
    running = worker_running(post.claimed_by or "")
    lease_over = post.claimed_until is not None and post.claimed_until <= now
    worker = "stopped" if running is False or lease_over else "unknown" if running is None else "running"
    return {"id": post.id, "network": post.network, "by": post.claimed_by, "worker": worker,
            "until": post.claimed_until.astimezone(zone).isoformat() if post.claimed_until else None,
            "look_first": post.attempt_open}


def metrics_row(store: Store, month_start: datetime, zone, countable: bool = True) -> dict:
    """When metrics were last collected, and what reading them cost this month (counted in the month's spend);
    with only the outbox (not `countable`), why there are none to collect."""
    last = store.last_collected()
    reading = store.reading_spend_since(month_start)
    return {"last_collected": last.astimezone(zone).isoformat() if last else None,
            # networks whose counts could not be read lately, since when and what to fix
            "failing": [{"network": network, "since": since.astimezone(zone).isoformat(),
                         "last": last_at.astimezone(zone).isoformat(), "error": error}
                        for network, since, last_at, error in store.read_failures()],
            "reading": {network: {"posts_read": count, "spent_usd": round(spent, 4)}
                        for network, (count, spent) in reading.items()},
            **({} if countable or last else {"none": WHERE_COUNTS_COME_FROM})}


def history(settings, store: Store, limit: int = 50) -> list[dict]:
    """The latest posted, failed, dead, missed and skipped posts, newest first."""
    zone = settings.schedule.zone
    rows = []
    for post in store.history(limit):
        when = post.posted_at or post.updated_at or post.due_at
        rows.append({"id": post.id, "network": post.network, "status": post.status,
                     "at": when.astimezone(zone).isoformat(),
                     "slot": post.due_at.astimezone(zone).isoformat(), "url": post.url,
                     "remote_id": post.remote_id, "error": post.last_error, "cost_usd": post.cost_usd,
                     "attempts": post.attempts, "why": said(post, zone)})
    return rows


# Ends a post moved off a blackout date, where "pin it with at:" would not help: what happened, and where to change it.
OFF_A_BLACKOUT = "no post goes out on a date under blackout: in posts/schedule.yaml (remove the date there to post on it)"


def said(post: Post, zone) -> str | None:
    """What became of a post that did not go out as planned, and what comes next, in words a person acts on
    (status, history); None for a post out or waiting on its slot."""
    retry = f"`juno-scheduler retry {post.id}`"
    if post.status == MISSED:
        moved = post.moved or (f"moved to {local_time(post.due_at, zone)}: it was later than its slot by more than the "
                               f"catch-up window; it goes out then by itself (`juno-scheduler skip {post.id}` keeps it out)")
        if post.moved_for == Why.BLACKOUT:  # a pin cannot keep a date the practice does not post on
            return f"{moved}; {OFF_A_BLACKOUT}"
        return f"{moved}; {keep_a_date(post.id)}"
    if post.status == FAILED:
        return f"{post.last_error}; tried again by itself at {local_time(post.eligible_at, zone)}"
    if post.status == DEAD:
        return f"{post.last_error}; fix it, then {retry}"
    if post.status == SKIPPED and post.skip_reason == SKIPPED_BY_CAMPAIGN:
        return (f"withdrawn by its campaign file: {post.last_error or 'the tip is no longer approved there'}; "
                "`juno-scheduler queue` brings it back once the tip is approved again")
    if post.status == SKIPPED:
        return f"skipped by a person; {retry} queues it again"
    if post.status == UNPUBLISHED and post.last_error:  # found gone by collect: deleted on the network by hand
        return post.last_error
    if post.status == UNPUBLISHED:
        return f"deleted from {networks.get(post.network).name} by `unpublish`"
    return None


__all__ = [
    "STOPPED",
    "chosen_accounts",
    "find_post",
    "find_posts",
    "history",
    "pause",
    "resume",
    "retry_post",
    "skip_post",
    "status",
    "unpublish_post",
]


ARCHIVE = "archived"  # posts/archived/<slug>.yaml: out of every stage's sight, kept for a person to bring back


def archive_campaign(store: Store, root, slug: str, now: datetime) -> tuple[list[Post], list[Post]]:
    """Move posts/<slug>.yaml to posts/archived/ and withdraw its posts still to go out, as a tip taken out of its
    campaign is (so that queue takes them again once the campaign is back); posts already out stay in the
    history. Returns (the withdrawn posts before, after)."""
    source = campaign_path(root, slug)
    target = Path(root) / "posts" / ARCHIVE / f"{slug}.yaml"
    if not source.is_file():
        known = sorted(p.stem for p in (Path(root) / "posts").glob("*.yaml") if p.name != SCHEDULE_NAME)
        hint = did_you_mean(slug, known) or "; see the campaigns in posts/"
        raise UsageError(f"posts/{slug}.yaml: no such campaign to archive{hint}")
    if target.exists():
        raise UsageError(f"posts/{ARCHIVE}/{slug}.yaml is there already; move or delete it first, then archive again")
    waiting = [p for p in latest_rounds((p for p in store.posts() if p.campaign == slug),
                                        key=lambda p: (p.tip_key, p.network)).values() if p.status in WAITING]
    target.parent.mkdir(parents=True, exist_ok=True)
    source.rename(target)  # first: from here on no queue run finds the campaign to queue it again
    for post in waiting:
        store.skip(post.id, now, reason=SKIPPED_BY_CAMPAIGN)
    after = [p for p in (store.get(post.id) for post in waiting) if p is not None]
    return waiting, after


def restore_campaign(root, slug: str) -> None:
    """Put an archived campaign back in posts/; its withdrawn posts come back with the next queue (or undo)."""
    source = Path(root) / "posts" / ARCHIVE / f"{slug}.yaml"
    target = campaign_path(root, slug)
    if not source.is_file():
        hint = did_you_mean(slug, archived_campaigns(root)) or "; see posts/archived/"
        raise UsageError(f"posts/{ARCHIVE}/{slug}.yaml: no archived campaign of that name{hint}")
    if target.exists():
        raise UsageError(f"posts/{slug}.yaml is there already (split again since?); keep one of the two by hand")
    source.rename(target)


def archived_campaigns(root) -> list[str]:
    return sorted(p.stem for p in (Path(root) / "posts" / ARCHIVE).glob("*.yaml"))
