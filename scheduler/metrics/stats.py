"""stats: each post's counts at each age per network, and its shrunk score with interval (score.py)."""

from __future__ import annotations

from collections import defaultdict

from scheduler.metrics.ages import AGE_NAMES
from scheduler.metrics.score import NOT_ENOUGH, fit_prior, outcomes_at, score
from scheduler.store import Store
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
                "ages": {}})
            found = scores.get(snapshot.post_id)
            row["ages"][age] = {"taken_at": snapshot.taken_at.astimezone(zone).isoformat(), "late": snapshot.late,
                                "counts": snapshot.numbers(), "score": found.as_dict() if found else None}
    return {"posts": [rows[key] for key in sorted(rows)],
            "accounts": {network: accounts[network] for network in sorted(accounts)}}


def stats_lines(data: dict) -> list[str]:
    """The terminal table: each post per network, an age a line, with its counts and score."""
    lines = []
    for network, ages in data["accounts"].items():
        shown = ", ".join(f"{age}: {row['posts']} posts, " + (f"average {row['average']:.1%}" if row["average"] is not None
                                                             else row["verdict"]) for age, row in ages.items())
        lines.append(f"{network} ({next(iter(ages.values()))['measure']}): {shown}")
    for row in data["posts"]:
        lines.append(f"{row['id']} on {row['network']}")
        for age, found in row["ages"].items():
            counts = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in found["counts"].items() if n is not None)
            score = found["score"]
            judged = (f"{score['estimate']:.1%} [{score['low']:.1%}–{score['high']:.1%}], {score['verdict']}"
                      if score else "no score")
            lines.append(f"  {age:>3}{' (late)' if found['late'] else ''}: {counts}; {judged}")
    return lines or ["no metrics yet: run `juno-scheduler collect` after posts have gone out"]
