"""A simulated account: how often the best-time suggestion picks the truly best slot, and how often it suggests
anything it should not (with fewer than 20 posts, or when no slot is truly ahead).

Each simulated account posts N times, spread evenly at random over six coarse slots (as `spread:` does), in
one of three worlds:
- `one ahead`: one slot's true rate is 4.5 %, the others' 2.7-3.3 % (a 1.5x lead);
- `small lead`: one slot at 3.6 %, the others 2.7-3.3 % (a 1.2x lead);
- `all equal`: every slot at 3 %, so any suggestion is wrong.
A post's own rate varies with its content (a log-normal factor, sd 0.35) and its impressions (log-normal around
800); its engagements are drawn binomially (normal approximation). Each cell is 400 accounts, seeded: the same
figures every run. The suggestion is `scheduler.metrics.besttimes.best_times`, exactly as `stats` calls it.

    python -m bench besttimes            # the figures, and the table for docs/metrics.md
"""

from __future__ import annotations

import math
import random
import sys

from bench import figure
from scheduler.metrics.besttimes import best_times, chance_per_trial
from scheduler.metrics.score import Outcome

SLOTS = ("mon morning", "tue midday", "wed morning", "thu evening", "fri evening", "sat morning")
BEST = "thu evening"
OTHERS = (0.027, 0.030, 0.033, 0.028, 0.032)
WORLDS = {"one ahead": 0.045, "small lead": 0.036, "all equal": None}
POSTS = (10, 19, 20, 40, 80, 150, 300, 600)
ACCOUNTS = 400


def true_rates(world: str) -> dict[str, float]:
    lead = WORLDS[world]
    if lead is None:
        return dict.fromkeys(SLOTS, 0.03)
    others = iter(OTHERS)
    return {slot: lead if slot == BEST else next(others) for slot in SLOTS}


def simulate(rates: dict[str, float], posts: int, rng: random.Random) -> list[tuple[str, float, int]]:
    slots = [SLOTS[i % len(SLOTS)] for i in range(posts)]
    rng.shuffle(slots)
    observed = []
    for slot in slots:
        impressions = max(20, int(rng.lognormvariate(math.log(800), 0.5)))
        p = min(0.99, rates[slot] * rng.lognormvariate(-0.35 ** 2 / 2, 0.35))
        mean, sd = impressions * p, math.sqrt(impressions * p * (1 - p))
        engagements = min(impressions, max(0, round(rng.gauss(mean, sd))))
        observed.append((slot, engagements / impressions, impressions))
    return observed


def cell(world: str, posts: int, seed: int = 20) -> dict:
    rng = random.Random(f"{seed}:{world}:{posts}")
    rates = true_rates(world)
    truly_best = max(rates, key=lambda s: rates[s]) if WORLDS[world] is not None else None
    suggested = right = 0
    for _ in range(ACCOUNTS):
        observed = simulate(rates, posts, rng)
        found = best_times(observed, chance=chance_per_trial(
            [Outcome(str(n), rate * trials, trials) for n, (_, rate, trials) in enumerate(observed)])).suggestion
        suggested += found is not None
        right += found is not None and found == truly_best
    return {"world": world, "posts": posts, "suggested": suggested / ACCOUNTS, "right": right / ACCOUNTS,
            "wrong": (suggested - right) / ACCOUNTS}


def table() -> list[dict]:
    return [cell(world, posts) for world in WORLDS for posts in POSTS]


def markdown(rows: list[dict]) -> str:
    lines = ["| world | posts | a suggestion | the truly best slot | a wrong slot |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {r['world']} | {r['posts']} | {r['suggested']:.1%} | {r['right']:.1%} | {r['wrong']:.1%} |"
              for r in rows]
    return "\n".join(lines)


def run() -> dict:
    rows = table()
    few = [r for r in rows if r["posts"] < 20]
    ahead = {r["posts"]: r for r in rows if r["world"] == "one ahead"}
    equal = [r for r in rows if r["world"] == "all equal"]
    return {
        "besttimes_suggested_under_20": figure(100 * max(r["suggested"] for r in few), "%", goal="value == 0"),
        "besttimes_right_300_posts": figure(100 * ahead[300]["right"], "%",
                                            note="one slot 1.5x ahead, 300 posts over 6 slots"),
        "besttimes_wrong_when_equal": figure(100 * max(r["wrong"] for r in equal), "%", goal="value <= 5",
                                             note="no slot truly ahead: any suggestion is wrong"),
    }


if __name__ == "__main__":
    print(markdown(table()))
    sys.exit(0)
