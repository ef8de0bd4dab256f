"""stats: each post's counts at each age per network, and its shrunk score with interval (score.py); best times
per network (besttimes.py)."""

from __future__ import annotations

from collections import defaultdict

from scheduler.metrics.ages import AGE_NAMES
from scheduler.metrics.besttimes import slot_table
from scheduler.metrics.ranking import age_shown
from scheduler.metrics.score import NOT_ENOUGH, fit_prior, outcomes_at, score
from scheduler.results import counted, counts_words
from scheduler.store import Store
from scheduler.store.records import UNPUBLISHED
from scheduler.store.snapshots import Snapshot


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
        measure = "engagements / impressions" if any(s.counts.impressions for s in snapshots) else \
            "interactions against the typical post"
        accounts[network][age] = {"posts": len(outcomes), "measure": measure,
                                  "average": round(prior.mean, 6) if prior else None,
                                  "verdict": None if prior else NOT_ENOUGH}
        scores = {s.post_id: s for s in score(outcomes)}
        for snapshot in snapshots:
            post = posts.get(snapshot.post_id)
            row = rows.setdefault((snapshot.post_id, network), {
                "id": snapshot.post_id, "tip": post.tip_key if post else snapshot.post_id, "network": network,
                "posted_at": post.posted_at.astimezone(zone).isoformat() if post and post.posted_at else None,
                "gone": gone(post), "ages": {}})
            found = scores.get(snapshot.post_id)
            row["ages"][age] = {"taken_at": snapshot.taken_at.astimezone(zone).isoformat(), "late": snapshot.late,
                                "counts": snapshot.numbers(), "score": found.as_dict() if found else None}
    for post in posts.values():  # deleted on its network before any count was read: said all the same
        if gone(post) and (post.id, post.network) not in rows:
            rows[(post.id, post.network)] = {
                "id": post.id, "tip": post.tip_key, "network": post.network,
                "posted_at": post.posted_at.astimezone(zone).isoformat() if post.posted_at else None,
                "gone": gone(post), "ages": {}}
    return {"posts": [rows[key] for key in sorted(rows)],
            "accounts": {network: accounts[network] for network in sorted(accounts)},
            "best_times": times_by_network(settings, posts, by_age)}


def gone(post) -> str | None:
    """Why a post is no longer on its network (deleted there by a person, as collect found), or None."""
    return post.last_error if post is not None and post.status == UNPUBLISHED and post.last_error else None


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


def times_lines(data: dict) -> list[str]:
    """Best times in the terminal: a slot a line with its shrunk rate and interval, then the suggestion or why not."""
    lines = []
    for network, table in (data.get("best_times") or {}).items():
        pooled = ((data.get("accounts") or {}).get(network) or {}).get(table["age"], {}).get("average")
        average = table.get("average")
        beside = (f", each counted once: average {average:.1%}, where the {pooled:.1%} above pools their counts"
                  if average is not None and pooled is not None and f"{average:.1%}" != f"{pooled:.1%}" else "")
        lines.append(f"best times on {network} at {age_shown(table['age'])} ({counted(table['posts'], 'post')}{beside}):")
        lines += [f"  {row['slot']:<13} {row['estimate']:.1%} [{row['low']:.1%}–{row['high']:.1%}], "
                  f"{counted(row['posts'], 'post')}" for row in table["slots"]]
        lines.append(f"  suggestion: {table['suggestion']} ({table['why']})" if table["suggestion"]
                     else f"  no suggestion: {table['why']}")
    return lines


def stats_lines(data: dict) -> list[str]:
    """The terminal table: each post per network, an age a line, with its counts and score."""
    lines = []
    for network, ages in data["accounts"].items():
        shown = ", ".join(f"{age}: {counted(row['posts'], 'post')}, " + (f"average {row['average']:.1%}" if row["average"] is not None
                                                             else row["verdict"]) for age, row in ages.items())
        lines.append(f"{network} ({next(iter(ages.values()))['measure']}): {shown}")
    for row in data["posts"]:
        lines.append(f"{row['id']} on {row['network']}" + (f": gone, {row['gone']}" if row.get("gone") else ""))
        for age, found in row["ages"].items():
            counts = counts_words(found["counts"])
            score = found["score"]
            judged = (f"{score['estimate']:.1%} [{score['low']:.1%}–{score['high']:.1%}], {score['verdict']}"
                      if score else "no score")
            lines.append(f"  {age:>3}{' (late)' if found['late'] else ''}: {counts}; {judged}")
    lines += times_lines(data)
    return lines or ["no metrics yet: run `juno-scheduler collect` after posts have gone out"]
