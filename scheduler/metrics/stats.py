"""stats: each post's counts at each age per network, and its shrunk score with interval (score.py); best times
per network (besttimes.py)."""

from __future__ import annotations

from collections import defaultdict

from scheduler.metrics.ages import AGE_NAMES
from scheduler.metrics.besttimes import slot_table
from scheduler.metrics.ranking import age_shown
from scheduler.metrics.score import NOT_ENOUGH, fit_prior, outcomes_at, score
from scheduler.results import counted, counts_words, few_said, ranked_at
from scheduler.store import Store
from scheduler.store.records import UNPUBLISHED
from scheduler.store.snapshots import Snapshot

ENDS = 3  # posts named at each end, best and worst, per network


def stats(settings, store: Store) -> dict:
    zone = settings.schedule.zone
    posts = {p.id: p for p in store.posts()}
    by_age: dict[tuple[str, str], list[Snapshot]] = defaultdict(list)
    for snapshot in store.snapshots():
        by_age[(snapshot.network, snapshot.age)].append(snapshot)
    rows: dict[tuple[str, str], dict] = {}
    accounts: dict[str, dict] = defaultdict(dict)
    for (network, age), snapshots in sorted(by_age.items(), key=lambda item: (item[0][0], AGE_NAMES.index(item[0][1]))):
        outcomes = outcomes_at(network, snapshots)
        prior = fit_prior(outcomes)
        counted_only = bool(outcomes) and all(o.counted for o in outcomes)
        measure = "interactions against the typical post" if counted_only or not any(
            s.counts.impressions is not None for s in snapshots) else "engagements / impressions"
        accounts[network][age] = {"posts": len(outcomes), "measure": measure,
                                  "average": round(prior.mean, 6) if prior else None,
                                  "verdict": None if prior else NOT_ENOUGH}
        if counted_only:  # the typical post's interactions, which the score is against
            accounts[network][age]["typical"] = outcomes[0].typical
        scores = {s.post_id: s for s in score(outcomes)}
        for snapshot in snapshots:
            post = posts.get(snapshot.post_id)
            row = rows.setdefault((snapshot.post_id, network), {
                "id": snapshot.post_id, "tip": post.tip_key if post else snapshot.post_id, "network": network,
                "posted_at": post.posted_at.astimezone(zone).isoformat() if post and post.posted_at else None,
                "round": post.round if post else 1, "time": time_out(post.round if post else 1),
                "gone": gone(post), "unpublished": unpublished(post), "ages": {}})
            found = scores.get(snapshot.post_id)
            row["ages"][age] = {"taken_at": snapshot.taken_at.astimezone(zone).isoformat(), "late": snapshot.late,
                                "counts": snapshot.numbers(), "score": found.as_dict() if found else None}
    for post in posts.values():  # deleted on its network before any count was read: said all the same
        if gone(post) and (post.id, post.network) not in rows:
            rows[(post.id, post.network)] = {
                "id": post.id, "tip": post.tip_key, "network": post.network,
                "posted_at": post.posted_at.astimezone(zone).isoformat() if post.posted_at else None,
                "gone": gone(post), "unpublished": True, "ages": {}}
    return {"posts": [rows[key] for key in sorted(rows)],
            "accounts": {network: accounts[network] for network in sorted(accounts)},
            "best_times": times_by_network(settings, posts, by_age)}


def unpublished(post) -> bool:
    """Is the post no longer on its network (removed with `unpublish`, or found gone there by `collect`)?"""
    return post is not None and post.status == UNPUBLISHED


def gone(post) -> str | None:
    """Why a post is no longer on its network (deleted there by a person, as collect found, or with `unpublish`),
    or None."""
    if not unpublished(post):
        return None
    return post.last_error or UNPUBLISHED_WHY


UNPUBLISHED_WHY = "deleted with juno-scheduler unpublish"  # said as is on the Analytics page too


def times_by_network(settings, posts: dict, by_age: dict[tuple[str, str], list[Snapshot]]) -> dict:
    """Per network, the slot table at the age tips are compared at (recycle.score_at, 72 h by default)."""
    zone, age = settings.schedule.zone, settings.schedule.recycle.score_at
    found = {}
    for network in sorted({network for network, _ in by_age}):
        snapshots = by_age.get((network, age), [])
        posted = {s.post_id: posts[s.post_id].posted_at for s in snapshots
                  if s.post_id in posts and posts[s.post_id].posted_at}
        found[network] = {"age": age, **slot_table(network, snapshots, posted, zone).as_dict()}
    return found


def time_out(round_: int) -> str:
    """Which time out a post is: "first post", then "repeat 1", "repeat 2" (a recycled tip's later times)."""
    return "first post" if round_ <= 1 else f"repeat {round_ - 1}"


def judged(score: dict | None) -> str:
    """A score in words: a rate with its interval (X), or, without impressions, a multiple of the typical post."""
    if score is None:
        return "no reads yet"
    if score["verdict"] == NOT_ENOUGH:  # no account average to shrink toward: no interval worth reading yet
        return NOT_ENOUGH if score.get("typical") else f"its own rate {score['rate']:.1%}, {NOT_ENOUGH}"
    if score.get("typical"):
        mid, low, high = score["times_typical"]
        shown = f"{mid:.1f}× the typical post [{low:.1f}×–{high:.1f}×]"
    else:
        shown = f"{score['estimate']:.1%} [{score['low']:.1%}–{score['high']:.1%}]"
    few = few_said(score)
    return f"{shown}, {score['verdict']}{f'; {few}' if few else ''}"


def average_words(row: dict) -> str:
    """A network's average at one age in words."""
    if row["average"] is None:
        return row["verdict"]
    if row.get("typical"):
        typical = row["typical"]
        return f"typical post {typical:g} interaction{'' if typical == 1 else 's'}"
    return f"average {row['average']:.1%}"


def ends_lines(data: dict, few: int = ENDS) -> list[str]:
    """Per network, the best and worst few posts at the age tips are compared at, each with which time out it was."""
    lines = []
    for network, ages in data["accounts"].items():
        age = ((data.get("best_times") or {}).get(network) or {}).get("age", "72h")
        account = ages.get(age)
        if account is None:
            continue
        at = age_shown(age)
        if account["average"] is None:
            lines.append(f"{network} at {at}: {account['verdict']} ({counted(account['posts'], 'post')}): no best or worst yet")
            continue
        scored = ranked_at(data["posts"], network, age)
        if not any(score["verdict"] != "like the account's usual" for _, score in scored):
            lines.append(f"{network} at {at}: no post stands apart from the account's usual yet "
                         f"({counted(len(scored), 'post')})")
            continue
        ends = min(few, len(scored) // 2)
        for title, chosen in (("best", scored[:ends]), ("worst", scored[len(scored) - ends:][::-1])):
            lines.append(f"{title} on {network} at {at}:")
            lines += [f"  {row['tip']} ({row.get('time', 'first post')}): {judged(score)}" for row, score in chosen]
    return lines


def times_lines(data: dict, each: bool = True) -> list[str]:
    """Best times in the terminal: a slot a line with its shrunk rate and interval (without impressions, as a
    multiple of the typical post), then the suggestion or why not; without `each`, only the suggestion line."""
    lines = []
    for network, table in (data.get("best_times") or {}).items():
        typical = (((data.get("accounts") or {}).get(network) or {}).get(table["age"]) or {}).get("typical")
        slots = counted(len(table["slots"]), "slot")
        lines.append(f"best times on {network} at {age_shown(table['age'])} ({counted(table['posts'], 'post')}, {slots})"
                     + (":" if each else ": " + (f"suggestion: {table['suggestion']} ({table['why']})"
                                                 if table["suggestion"] else table["why"])))
        if not each:
            continue
        lines += [f"  {row['slot']:<13} {_slot_value(row, typical)}, {counted(row['posts'], 'post')}"
                  for row in table["slots"]]
        lines.append(f"  suggestion: {table['suggestion']} ({table['why']})" if table["suggestion"]
                     else f"  no suggestion: {table['why']}")
    return lines


def _slot_value(row: dict, typical: float | None) -> str:
    if typical:
        mid, low, high = (v / (1 - v) if v < 1 else float("inf") for v in (row["estimate"], row["low"], row["high"]))
        return f"{mid:.1f}× the typical post [{low:.1f}×–{high:.1f}×]"
    return f"{row['estimate']:.1%} [{row['low']:.1%}–{row['high']:.1%}]"


def stats_lines(data: dict, each: bool = False) -> list[str]:
    """The terminal summary: each network's average, its best and worst posts and best times; with `each`, then
    each post per network, an age a line, with its counts and score."""
    lines = []
    for network, ages in data["accounts"].items():
        shown = ", ".join(f"{age}: {counted(row['posts'], 'post')}, {average_words(row)}" for age, row in ages.items())
        lines.append(f"{network} ({next(iter(ages.values()))['measure']}): {shown}")
    if not lines:
        return ["no metrics yet: run `juno-scheduler collect` after posts have gone out"]
    lines += ends_lines(data)
    lines += times_lines(data, each)
    if not each:
        lines.append(f"each slot, and each post's counts and score at each age ({counted(len(data['posts']), 'post')}): "
                     "`juno-scheduler stats --posts`")
        return lines
    for row in data["posts"]:
        lines.append(f"{row['id']} on {row['network']} ({row.get('time', 'first post')})"
                     + (f": gone, {row['gone']}" if row.get("gone") else ""))
        for age, found in row["ages"].items():
            counts = counts_words(found["counts"])
            lines.append(f"  {age:>3}{' (late)' if found['late'] else ''}: {counts}; {judged(found['score'])}")
    return lines
