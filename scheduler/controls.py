"""A person's levers and gauges: status, history, retry, skip, pause, resume."""

from __future__ import annotations

from datetime import datetime

from scheduler.errors import UsageError
from scheduler.store import ACTIVE, PAUSED, STATES, STOPPED, Post, Store
from scheduler.store.records import WAITING, latest_rounds


def find_post(store: Store, given: str) -> Post:
    """A post by its id ("campaign/tip"), or by its tip id alone when that is unambiguous."""
    post = store.get(given)
    if post is not None:
        return post
    latest = latest_rounds(p for p in store.posts() if p.tip_key.endswith(f"/{given}") or p.id.endswith(f"/{given}"))
    if len(latest) == 1:
        return next(iter(latest.values()))
    if latest:
        raise UsageError(f"{given!r} names several posts ({', '.join(sorted(latest))}); give the full id")
    raise UsageError(f"no post {given!r}; see `juno-scheduler status` or `plan` for post ids")


def skip_post(store: Store, given: str, now: datetime) -> Post:
    post = find_post(store, given)
    if not store.skip(post.id, now):
        raise UsageError(f"{post.id} is {post.status}; only a post still to go out can be skipped")
    return _reread(store, post)


def retry_post(store: Store, given: str, now: datetime) -> Post:
    post = find_post(store, given)
    if not store.requeue(post.id, now):
        raise UsageError(f"{post.id} is {post.status}; only a failed, dead, missed or skipped post can be retried")
    return _reread(store, post)


def _reread(store: Store, post: Post) -> Post:
    return store.get(post.id) or post  # the store never deletes a post


def pause(settings, store: Store, now: datetime) -> dict:
    handle = settings.schedule.account.handle
    store.set_account_state(handle, PAUSED, "paused by a person", now)
    return account_row(settings, store)


def resume(settings, store: Store, now: datetime) -> dict:
    """Start posting again, after a pause or after a stop whose cause a person fixed."""
    handle = settings.schedule.account.handle
    store.set_account_state(handle, ACTIVE, None, now)
    return account_row(settings, store)


def account_row(settings, store: Store) -> dict:
    account = store.account(settings.schedule.account.handle)
    zone = settings.schedule.zone
    return {"handle": account.handle, "state": account.state, "reason": account.reason,
            "not_before": account.not_before.astimezone(zone).isoformat() if account.not_before else None}


def status(settings, store: Store, now: datetime) -> dict:
    """The account, how many posts are in each state, the next one, and this month's posts and spend."""
    from scheduler.config import redact_url
    from scheduler.runner.run import month_bounds

    zone = settings.schedule.zone
    counts = store.counts()
    waiting = store.posts(WAITING)
    following = min(waiting, key=lambda p: (p.eligible_at, p.id)) if waiting else None
    start, _ = month_bounds(now, zone)
    posts, spent = store.spend_since(start)
    return {
        "account": account_row(settings, store),
        "publisher": settings.schedule.account.publisher,
        "counts": {state: counts.get(state, 0) for state in STATES},
        "next": ({"id": following.id, "at": following.eligible_at.astimezone(zone).isoformat()}
                 if following else None),
        "month": {"start": start.astimezone(zone).date().isoformat(), "posts": posts,
                  "spent_usd": round(spent, 4), "budget_usd": settings.schedule.budget.monthly_usd},
        "failing": [{"id": p.id, "status": p.status, "error": p.last_error, "attempts": p.attempts}
                    for p in store.posts(("failed", "dead"))],
        "database": redact_url(settings.database_url),
    }


def history(settings, store: Store, limit: int = 50) -> list[dict]:
    """The latest posted, failed, dead, missed and skipped posts, newest first."""
    zone = settings.schedule.zone
    rows = []
    for post in store.history(limit):
        when = post.posted_at or post.updated_at or post.due_at
        rows.append({"id": post.id, "status": post.status, "at": when.astimezone(zone).isoformat(),
                     "slot": post.due_at.astimezone(zone).isoformat(), "url": post.url,
                     "remote_id": post.remote_id, "error": post.last_error, "cost_usd": post.cost_usd,
                     "attempts": post.attempts})
    return rows


__all__ = ["find_post", "skip_post", "retry_post", "pause", "resume", "status", "history", "STOPPED"]
