"""The analytics page's data: `stats` (the same report and scores as `juno-scheduler stats`) and `status` (this
month's reading spend), both through the front door, laid out for a person.

Nothing here scores, shrinks or ranks anything of its own: every estimate, interval, verdict and slot rate is the
report's. What this adds is presentation: which posts a page shows, the report's posts ordered by their own
shrunk estimate to name the best and worst, and where each number falls on a chart's scale (server-drawn SVG,
no script, each chart beside the same numbers in words).
"""

from __future__ import annotations

from datetime import datetime

from scheduler.results import counts_words, few_said, ranked_at

PAGE_SIZE = 40          # posts (each on one network) a page shows, newest first
BEST_WORST = 3          # tips named at each end


def analytics(ws, page: int = 1) -> dict:
    now = ws.clock()
    zone = ws.settings.schedule.zone
    report = ws.project.stats()
    status = ws.project.status(now)
    names = {row.network: row.name for row in ws.project.configured_networks()}
    headlines = {f"{read.campaign.slug}/{tip.id}": tip.headline for read in ws.project.campaigns()
                 if read.campaign is not None for tip in read.campaign.tips}
    posts = sorted(report.posts, key=lambda row: (row["posted_at"] or "", row["network"]), reverse=True)
    pages = max(1, -(-len(posts) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    networks = [_network(network, names.get(network, network), report, ages, headlines)
                for network, ages in report.accounts.items()]
    return {
        "empty": None if report.posts else _words(report.summary[0] if report.summary else ""),
        "empty_collect": not report.posts and any("collect`" in line for line in report.summary),
        "networks": networks,
        "posts": [_post(row, names, zone, headlines) for row in posts[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]],
        "post_count": len(posts), "page": page, "pages": pages,
        "spend": _spend(status, names, zone),
        "timezone": zone.key,
    }


def _words(line: str) -> list[tuple[str, bool]]:
    """A CLI line as text and code: "run `juno-scheduler collect` now" -> [("run ", False), ("juno-…", True), …]."""
    line = line[:1].upper() + line[1:]
    return [(part, n % 2 == 1) for n, part in enumerate(line.split("`")) if part]


def shown_age(age: str) -> str:
    return f"{age[:-1]} {age[-1]}"


def percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


def against(value: float | None, typical: float | None) -> str:
    """A value on the score's scale in words: a percent, or, where the network gives no impressions (`typical`,
    the typical post's interactions), a multiple of the typical post ("1.4×")."""
    if value is None:
        return ""
    if not typical:
        return percent(value)
    return f"{value / (1 - value):.1f}×" if value < 1 else "∞×"


def _network(network: str, name: str, report, ages: dict, headlines: dict) -> dict:
    """One network: the account's average at each age, the best and worst tips at the age tips are compared at,
    and the slot table."""
    times = report.best_times.get(network) or {}
    compared = times.get("age") or "72h"
    account = ages.get(compared) or {}
    ranked = ranked_at(report.posts, network, compared)  # posts no longer on the network are named at neither end
    with_counts = sum(1 for row in report.posts if row["network"] == network and (row["ages"].get(compared) or {}).get("score"))
    enough = account.get("average") is not None
    if enough:
        ends = min(BEST_WORST, len(ranked) // 2)
        best, worst = ranked[:ends], ranked[len(ranked) - ends:][::-1]
    else:
        best, worst = [], []
    shown = best + worst
    scale = _scale([s["high"] for _, s in shown] + [account.get("average") or 0])
    apart = any(s["verdict"] != "like the account's usual" for _, s in ranked)
    return {
        "network": network, "name": name, "measure": account.get("measure") or next(iter(ages.values()))["measure"],
        "ages": [{"age": age, "shown": shown_age(age), "posts": row["posts"],
                  "average": against(row["average"], row.get("typical")),
                  "verdict": row["verdict"]} for age, row in ages.items()],
        "compared": shown_age(compared), "compared_posts": with_counts or account.get("posts", 0),
        "enough": enough, "apart": apart, "average": account.get("average"),
        "average_shown": against(account.get("average"), account.get("typical")), "average_at": _at(account.get("average"), scale),
        "best": [_ranked(row, s, scale, headlines) for row, s in best],
        "worst": [_ranked(row, s, scale, headlines) for row, s in worst],
        "slots": _slots(times, account.get("typical")) if times else None,
    }


def _scale(values: list[float]) -> float:
    """The top of a chart's axis: a little above its highest number (a rate is at most 1)."""
    top = max(values, default=0.0)
    return min(1.0, top * 1.15) if top > 0 else 1.0


def _at(value: float | None, scale: float) -> float | None:
    """Where a number sits across a chart, in percent of its width (kept inside it)."""
    return None if value is None else round(min(max(value / scale * 100, 0.5), 99.5), 2)


def tip_link(tip: str) -> str | None:
    """The tip's place on its campaign's page ("slug/tip-id" -> "/c/slug#tip-tip-id")."""
    slug, _, tip_id = tip.partition("/")
    return f"/c/{slug}#tip-{tip_id}" if tip_id else None


def _ranked(row: dict, score: dict, scale: float, headlines: dict) -> dict:
    typical = score.get("typical")
    return {"id": row["id"], "tip": row["tip"], "link": tip_link(row["tip"]), "headline": headlines.get(row["tip"]),
            "time": row.get("time", "first post"), "estimate": against(score["estimate"], typical),
            "low": against(score["low"], typical), "high": against(score["high"], typical),
            "rate": against(score["rate"], typical), "posts": score["posts"],
            "verdict": score["verdict"], "few": few_said(score),
            "x": {k: _at(score[k], scale) for k in ("low", "estimate", "high")}}


def _slots(times: dict, typical: float | None = None) -> dict:
    """The slot table: each slot's shrunk rate (its posts' counts pooled) and interval, and the suggestion."""
    rows = times["slots"]
    scale = _scale([row["high"] for row in rows] + [times.get("average") or 0])
    return {"age": shown_age(times["age"]), "posts": times["posts"], "average": against(times.get("average"), typical),
            "average_at": _at(times.get("average"), scale), "suggestion": times["suggestion"], "why": times["why"],
            "rows": [{"slot": row["slot"], "posts": row["posts"], "estimate": against(row["estimate"], typical),
                      "low": against(row["low"], typical), "high": against(row["high"], typical),
                      "rate": against(row["rate"], typical),
                      "x": {k: _at(row[k], scale) for k in ("low", "estimate", "high")},
                      "suggested": row["slot"] == times["suggestion"]} for row in rows]}


def _local(stamp: str | None, zone) -> str:
    return f"{datetime.fromisoformat(stamp).astimezone(zone):%a %d %b %Y %H:%M}" if stamp else "time unknown"


def _post(row: dict, names: dict, zone, headlines: dict) -> dict:
    ages = []
    for age, found in row["ages"].items():
        score = found["score"]
        ages.append({"key": age, "age": shown_age(age), "late": found["late"], "taken_at": found["taken_at"],
                     "taken": _local(found["taken_at"], zone), "counts": counts_words(found["counts"]),
                     "score": None if score is None else {
                         "estimate": against(score["estimate"], score.get("typical")),
                         "low": against(score["low"], score.get("typical")),
                         "high": against(score["high"], score.get("typical")),
                         "rate": against(score["rate"], score.get("typical")), "posts": score["posts"],
                         "verdict": score["verdict"], "few": few_said(score)}})
    return {"id": row["id"], "tip": row["tip"], "link": tip_link(row["tip"]), "headline": headlines.get(row["tip"]),
            "network": row["network"], "time": row.get("time", "first post"), "gone": row.get("gone"),
            "name": names.get(row["network"], row["network"]), "posted_at": row["posted_at"],
            "posted": _local(row["posted_at"], zone), "ages": ages}


def _spend(status, names: dict, zone) -> dict:
    metrics, month = status.metrics, status.month
    reading = metrics.get("reading") or {}
    return {"last": _local(metrics["last_collected"], zone) if metrics.get("last_collected") else None,
            "start": month.start, "spent": month.spent_usd, "budget": month.budget_usd,
            "reading": [{"network": network, "name": names.get(network, network), "read": row["posts_read"],
                         "spent": row["spent_usd"]} for network, row in sorted(reading.items())],
            "reading_total": round(sum(row["spent_usd"] for row in reading.values()), 4)}
