"""Plain data for each page: the campaigns, one campaign beside its article, the calendar, the queue.

Nothing here changes a file or the database; the templates turn these dicts into HTML (autoescaped).
"""

from __future__ import annotations

import calendar as monthcal
import re
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from scheduler.errors import ContentError
from scheduler.results import SIMULATED, seen_report, seen_status
from scheduler.studio.filters import STATES, Filters

if TYPE_CHECKING:
    from scheduler.campaigns.file import Campaign

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ALL_BEHIND = 1_000_000  # posts behind: all of them (a campaign's for archiving, the simulated ones to count)
LISTED_DAYS = 35  # how far ahead the unfiltered Queue lists posts (the Calendar and a filter show the rest)
ALL_AHEAD = 36_600  # days: every post still to go
NETWORK_WARNINGS = ("too-long",)  # what `preview` marks a post with that differs from one network to another
FLAG_WHY = {"sensitive": "Sensitive topic: it keeps the crisis footer",
            "privacy": "Privacy: a client-like detail may be in it",
            "stale": "Stale: the article changed under it"}


def card_url(ws, campaign: Campaign, tip, size: str | None = None) -> str:
    """The tip's card as the studio serves it: in the first network's size, or `size` (another network's)."""
    shown = f"size={size}&" if size and size != ws.project.card_sizes[0] else ""
    return f"/cards/{campaign.slug}/{tip.id}.png?{shown}v={ws.project.card_version(campaign, tip, size)}"


def campaigns_overview(ws) -> list[dict]:
    """Every campaign with its counts and what needs a person."""
    rows: list[dict] = []
    now = ws.clock()
    latest = ws.project.latest_posts()
    for read in ws.project.campaigns():
        campaign = read.campaign
        if campaign is None:  # it does not read: a row saying why (the others still show)
            rows.append({"slug": None, "title": read.file, "problem": read.problem})
            continue
        counts = Counter(str(tip.status) for tip in campaign.tips)
        posts = [latest.get(f"{campaign.slug}/{tip.id}") for tip in campaign.tips]
        states = Counter(seen_status(post, now) for post in posts if post is not None)
        needs: Counter[str] = Counter()
        for tip in campaign.tips:
            for flag in tip.awaiting_person:  # as split's summary and approve count them
                needs[flag] += 1
            if tip.status != "skip":
                length, limit = ws.post_length(campaign, tip)
                if length > limit:
                    needs["too long"] += 1
                card = ws.project.card_state(campaign, tip)
                if card != "drawn":
                    needs["no card yet" if card == "missing" else "out of date"] += 1
        rows.append({"slug": campaign.slug, "title": campaign.title, "tips": len(campaign.tips),
                     "draft": counts["draft"], "approved": counts["approved"], "skipped": counts["skip"],
                     "queued": sum(states[s] for s in ("queued", "failed", "missed", "claimed")),
                     "posted": states["posted"], "simulated": states[SIMULATED], "needs": dict(needs)})
    return rows


def review(ws, slug: str) -> dict:
    campaign, version = ws.campaign(slug)
    now = ws.clock()
    latest = ws.project.latest_posts(slug)
    zone = ws.settings.schedule.zone
    outgoing = ws.project.campaign_posts(slug)
    by_tip = {row.tip: row.posts for row in outgoing.tips}
    tips = []
    for position, tip in enumerate(campaign.tips):
        post = latest.get(f"{slug}/{tip.id}")
        length, limit = ws.post_length(campaign, tip)
        tips.append({
            "networks": [network_post(ws, campaign, tip, item) for item in by_tip.get(tip.id, ())],
            "marked": [flag["label"] for item in by_tip.get(tip.id, ())[:1] for flag in item.flags
                       if flag["key"] in tip.review],
            "tip": tip, "position": position, "card": card_url(ws, campaign, tip),
            # the card's real size (the first account's network's), so the page keeps its shape while it loads
            "card_box": next(((item.card_width, item.card_height) for item in by_tip.get(tip.id, ())[:1]), None),
            "alt": ws.project.alt_text(campaign, tip), "card_note": ws.project.card_note(campaign, tip),
            "length": length, "limit": limit,
            "included": ws.project.added_to_post(campaign, tip),
            "headline_length": len(" ".join(tip.headline.split())), "headline_limit": ws.project.headline_limit,
            "flags": [{"flag": f, "why": FLAG_WHY[f], "reason": reason, "acknowledged": f in tip.reviewed}
                      for f, reason in tip.flag_reasons().items()],
            # a draft is not in the queue: its withdrawn post (an approval undone) says no time, only that
            "post": None if post is None or _withdrawn(tip, post) else {
                "id": post.id, "status": seen_status(post, now),
                "at": datetime.fromisoformat(post.at).astimezone(zone).strftime("%a %d %b %H:%M")},
            "not_queued": post is not None and _withdrawn(tip, post),
            "source": tip.source,
        })
    return {"campaign": campaign, "version": version, "tips": tips, "article": ws.project.article(campaign),
            "first": tips[0]["tip"].id if tips else None, "outgoing": outgoing,
            "practice_hashtags": list(ws.settings.schedule.hashtags),
            "ready_drafts": [tip.id for tip in campaign.tips if tip.status == "draft" and tip.ready is True]}


def _withdrawn(tip, post) -> bool:
    """A draft's post that never went out (skipped when its approval was undone, or the tip set back to draft)."""
    return str(tip.status) == "draft" and post.status not in ("posted", "unpublished")


def live_networks(ws, campaign: Campaign, tip, text: str, texts: dict[str, str] | None = None) -> list[dict]:
    """What the live preview sends back for the words typed now (the text, and the networks' own texts where
    the tip has a field for them): each network's post, count, limit and marks."""
    posts = ws.project.campaign_posts(campaign.slug, tip.id, text, texts).tips[0].posts
    return [{key: value for key, value in network_post(ws, campaign, tip, post).items()
             if key in ("network", "text", "pieces", "length", "limit", "left", "fits", "warnings")} for post in posts]


def network_post(ws, campaign: Campaign, tip, post) -> dict:
    """One network's post for the page as that network shows it: the account heading it (name and handle, the
    network's own), the text as the network shows it (its links and hashtags), what is left of its limit, and the
    card at its size with the alt text.

    The studio draws a card the moment the page shows it, so `preview`'s "No card yet" is left out here."""
    return {"network": post.network, "name": post.name, "text": post.text, "pieces": post.pieces,
            "account_name": post.account_name, "account_handle": post.account_handle, "length": post.length,
            "limit": post.limit, "left": post.left, "how": post.how, "fits": post.fits, "alt_text": post.alt_text,
            # an address of its own (`in`, which the card route does not read): Chromium never completes a lazy image
            # whose address another image on the page has loaded, so the card above the form would wait forever
            "card": f"{card_url(ws, campaign, tip, post.card_size)}&in={post.network}", "card_size": post.card_size,
            "width": post.card_width, "height": post.card_height,
            "warnings": [flag["label"] for flag in post.flags if flag["key"] in NETWORK_WARNINGS]}


# --- the calendar ----------------------------------------------------------------------------

def calendar(ws, mode: str, anchor: date | None, filters=None) -> dict:
    """A month (weeks of days) or one week, in the practice's zone, with every post still to go or gone
    that the filters show."""
    settings = ws.settings
    zone = settings.schedule.zone
    now = ws.clock()
    today = now.astimezone(zone).date()
    anchor = anchor or today
    if mode == "week":
        start = anchor - timedelta(days=anchor.weekday())
        days = [start + timedelta(days=i) for i in range(7)]
        previous, following = start - timedelta(days=7), start + timedelta(days=7)
        title = f"Week of {start:%d %B %Y}"
    else:
        mode = "month"
        first = anchor.replace(day=1)
        weeks = monthcal.Calendar().monthdatescalendar(first.year, first.month)
        days = [day for week in weeks for day in week]
        previous = (first - timedelta(days=1)).replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        title = f"{first:%B %Y}"
    begin = datetime.combine(days[0], time.min, zone)
    end = datetime.combine(days[-1] + timedelta(days=1), time.min, zone)
    by_day: dict[date, list] = {day: [] for day in days}
    for post in ws.project.calendar_posts(begin - timedelta(days=1), end + timedelta(days=1)):
        local = datetime.fromisoformat(post.at).astimezone(zone)
        slug, tip_id = post.tip_key.split("/", 1)
        status = seen_status(post, now)
        if filters is not None and not filters.shows(campaign=slug, network=post.network, state=status,
                                                     words=(post.text, tip_id, slug)):
            continue
        if local.date() in by_day:
            by_day[local.date()].append({
                "id": post.id, "slug": slug, "tip": tip_id, "status": status, "time": f"{local:%H:%M}",
                "network": post.network,
                "anchor": f"{slug}-{tip_id}" + re.sub(r"[^a-z0-9]+", "-", post.id[len(post.tip_key):].lower()),
                "value": f"{local:%Y-%m-%dT%H:%M}", "text": post.text, "pinned": post.pinned, "note": post.note,
                "card": f"/cards/{slug}/{tip_id}.png" if post.card else None,
                "url": post.url, "movable": post.movable})
    blackout = set(settings.schedule.blackout)
    cells = []
    for day in days:
        cells.append({"date": day, "iso": day.isoformat(), "label": f"{WEEKDAYS[day.weekday()]} {day.day}",
                      "long": f"{day:%A %d %B %Y}", "blackout": day in blackout, "dst": _dst_change(day, zone),
                      "today": day == today, "outside": mode == "month" and day.month != anchor.month,
                      "posts": sorted(by_day[day], key=lambda p: p["time"])})
    return {"mode": mode, "title": title, "weeks": [cells[i:i + 7] for i in range(0, len(cells), 7)],
            "previous": previous.isoformat(), "following": following.isoformat(), "timezone": zone.key,
            "weekdays": WEEKDAYS, "today": today.isoformat(), "matching": sum(len(posts) for posts in by_day.values()),
            "shown_day": anchor.isoformat(),
            "week_of": (today if (today.year, today.month) == (anchor.year, anchor.month) else anchor.replace(day=1)
                        ).isoformat()}


def _dst_change(day: date, zone) -> str | None:
    start = datetime.combine(day, time.min, zone).utcoffset()
    end = datetime.combine(day + timedelta(days=1), time.min, zone).utcoffset()
    if start is None or end is None or start == end:
        return None
    return "clocks go forward" if end > start else "clocks go back"


# --- queue and history -----------------------------------------------------------------------

def filter_options(ws) -> dict:
    """What the filters offer: the campaigns (slug, title), the configured networks (name, label), the states."""
    campaigns = [(c.slug, c.title) for c in _readable_campaigns(ws)]
    # a network rehearsed in the outbox is named so wherever a post's network is shown ("X (outbox) posted"):
    # nothing went to X
    networks = [(row.network, f"{row.name} (outbox)" if row.rehearsal else row.name)
                for row in ws.project.configured_networks()]
    return {"campaigns": campaigns, "networks": networks, "states": list(STATES.items())}


def read_filters(ws, query, states=None):
    """The page's filters, checked against the campaigns, networks and states there are (UnknownFilter if not)."""
    options = filter_options(ws)
    filters = Filters.read(query, [slug for slug, _ in options["campaigns"]], [name for name, _ in options["networks"]],
                           states or tuple(STATES))
    return filters, options


def queue_page(ws, filters=None, options=None, days: int | None = LISTED_DAYS, history_rows: int = 50) -> dict:
    """The queue as the filters show it: every post still to go out, drafts waiting for approval, history (the
    latest `history_rows`).

    Filters, search and counts cover every post still to go; only the unfiltered list stops after `days` (None:
    never), and `later` says how many posts that leaves out and from when."""
    filters = filters or Filters()
    now = ws.clock()
    zone = ws.settings.schedule.zone
    options = options or filter_options(ws)
    names = dict(options["networks"])
    plan = [_readable(ws, row.as_dict(), zone, names) for row in ws.project.plan(now, ALL_AHEAD)]
    going = {row["id"] for row in plan}  # a missed or failed post still to go is shown once, under Going out
    history = [_readable(ws, {**row.as_dict(), "status": seen_status(row, now)}, zone, names)
               for row in ws.project.history(history_rows) if row.id not in going]
    drafts = [row for row in _drafts(ws) if filters.state in ("", "draft")]
    shown_drafts = [row for row in drafts if filters.shows(campaign=row["slug"], network=None, state="draft",
                                                            words=(row["headline"], row["text"], row["tip"]))]
    if filters.state == "draft":
        plan, history = [], []
    shown_plan = [row for row in plan if _shows(filters, row)]
    shown_history = [row for row in history if _shows(filters, row)]
    drafts_view = filters.state == "draft"
    horizon = None if days is None or filters.active else now + timedelta(days=days)
    later = [row for row in shown_plan if horizon is not None and datetime.fromisoformat(row["at"]) > horizon]
    report, simulated = seen_report(ws.project.status(now), ws.project.history(ALL_BEHIND), now)
    return {"report": report, "simulated": simulated, "plan": [row for row in shown_plan if row not in later],
            "later": _later(later, horizon, zone), "history": shown_history, "drafts": shown_drafts,
            "timezone": zone.key, "filters": filters, "options": options, "network_names": dict(options["networks"]),
            "shown": len(shown_drafts) if drafts_view else len(shown_plan) + len(shown_history),
            "total": len(drafts) if drafts_view else len(plan) + len(history),
            "drafts_link": "/queue?" + replace(filters, state="draft").query()}


def _later(rows: list[dict], horizon: datetime | None, zone) -> dict | None:
    """What the list leaves out after its horizon: how many posts, after which day, and the first one's day."""
    if not rows or horizon is None:
        return None
    return {"count": len(rows), "after": f"{horizon.astimezone(zone):%a %d %b}",
            "day": min(datetime.fromisoformat(row["at"]) for row in rows).astimezone(zone).date().isoformat()}


def _shows(filters, row: dict) -> bool:
    return filters.shows(campaign=row["slug"], network=row.get("network"), state=row["status"],
                         words=(row.get("headline"), row.get("text"), row["tip"], row["slug"]))


def _drafts(ws) -> list[dict]:
    """Every draft tip of every campaign, in campaign order: what "Approve selected" can take."""
    drafts = []
    for campaign in _readable_campaigns(ws):
        for tip in campaign.tips:
            if tip.status == "draft":
                drafts.append({"slug": campaign.slug, "tip": tip.id, "key": f"{campaign.slug}/{tip.id}",
                               "campaign": campaign.title, "headline": tip.headline, "text": tip.text,
                               "flags": list(tip.unacknowledged), "thumb": card_url(ws, campaign, tip),
                               "ready": tip.ready, "notes": list(tip.notes)})
    return drafts


def _readable_campaigns(ws) -> list[Campaign]:
    """Every campaign that reads (one that does not is named on the Campaigns page)."""
    return [read.campaign for read in ws.project.campaigns() if read.campaign is not None]


def _readable(ws, row: dict, zone, names: dict) -> dict:
    """A queue row as a person reads it: weekday, day and time in the practice's zone, network, headline, card."""
    key = row["id"].split("@", 1)[0].split("~", 1)[0]
    slug, _, tip_id = key.partition("/")
    row = {**row, "slug": slug, "tip": tip_id, "headline": None, "thumb": None,
           "network_name": names.get(row.get("network", ""), row.get("network", ""))}
    try:
        row["when"] = f"{datetime.fromisoformat(row['at']).astimezone(zone):%a %d %b %H:%M}"
    except (ValueError, TypeError):
        row["when"] = str(row.get("at", ""))
    try:
        campaign, _ = ws.campaign(slug)
    except ContentError:
        return row
    tip = campaign.tip(tip_id)
    if tip is not None:
        row["headline"] = tip.headline
        row["thumb"] = card_url(ws, campaign, tip)
    return row
