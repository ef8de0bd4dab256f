"""The manager's review page: what goes out when, what needs attention, what waits for approval.

Two halves. `render_preview(view)` is a pure function from plain data to one self-contained HTML
page (inline CSS, cards as data: URIs, no script, a Content-Security-Policy that forbids anything
from the network). `write_preview(...)` collects that data from the plan, the campaigns, the cards
and the store, and writes the page atomically.

Everything that comes from an article or a campaign file reaches the page through Jinja's
autoescaping; links are kept only for http, https and file addresses.
"""

from __future__ import annotations

import base64
import io
import logging
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from PIL import Image

from scheduler import networks
from scheduler.campaigns.file import read_campaigns
from scheduler.campaigns.planning import plan_posts
from scheduler.cards.brand import load_brand
from scheduler.cards.render import (
    campaign_alt_text,
    card_path,
    dimensions,
    kicker_left_off,
)
from scheduler.errors import ContentError, OutputError, UsageError
from scheduler.fileio import write_atomic
from scheduler.images import open_image
from scheduler.outputs import PAGE_MARK, checked_output
from scheduler.posttext import compose_tip, tracking_replaced
from scheduler.results import SIMULATED, counted, seen
from scheduler.runner.wanted import as_sent
from scheduler.store import POSTED

logger = logging.getLogger(__name__)

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LINK_SCHEMES = ("http", "https", "file")

FLAG_LABELS = {
    "sensitive": "Sensitive topic",
    "privacy": "Privacy check",
    "stale": "Stale: the article changed",
    "too-long": "Too long",
    "no-card": "No card yet",
}
ATTENTION_STATUSES = ("failed", "dead", "missed")

# Cards are embedded as thumbnails: twice the width a phone shows them at, so they stay sharp on a
# high-density screen while a month of posts stays a page of a few megabytes at most.
THUMBNAIL_WIDTH = 800
THUMBNAIL_QUALITY = 82


def _accounts_said(accounts) -> str:
    """Whose plan this is, as the page's first line: "@junocounseling on X (outbox), … on Bluesky"."""
    return ", ".join(f"{networks.written(a.network, a.handle)} on {networks.get(a.network).name}"
                     + (" (outbox)" if networks.get(a.publisher).rehearsal else "") for a in accounts)


# --- rendering: plain data in, one HTML page out ----------------------------------------------

def render_preview(view: Mapping[str, Any]) -> str:
    """One self-contained HTML page from plain data.

    view: {"handle", "accounts"? (who posts, said once), "timezone", "now" (ISO 8601), "days",
           "posts": [{"id", "network", "at", "status", "text", "weighted_length", "limit", "how", "alt_text", "card",
                      "campaign"?, "headline"?, "review"?: [...] (flags no person acknowledged),
                      "acknowledged"?: [...] (flags a person acknowledged), "error"?, "note"?,
                      "notes"?: [...] (split's notes on the tip), "ready"?: split's true/false, None by hand}],
           "drafts": [{"id", "network", "campaign"?, "headline"?, "text", "weighted_length", "limit", "how",
                       "alt_text", "card", "review"?: [...], "notes"?: [...], "ready"?}],
           "published": [{"id", "at", "url", "text", "seen"?}] ("seen": results.seen_status's word: "simulated"
                         for a post only written to the outbox, shown apart as simulated, not posted),
           "blackout"?: ["YYYY-MM-DD", ...], "notices"?: ["what a person should fix", ...]}
    A card is an image address (a data: URI) or None. `weighted_length`, `limit` and `how` are the post's length
    as its own network counts it (scheduler.networks: the page knows no network's rule). The output depends only
    on `view`.
    """
    zone = ZoneInfo(view["timezone"])
    now = _local(view["now"], zone)
    days = int(view["days"])
    posts = [_post_model(post, zone) for post in view.get("posts", ())]
    drafts = [_post_model(draft, zone, anchor="draft-") for draft in view.get("drafts", ())]
    went_out = [_published_model(item, zone) for item in view.get("published", ())]
    published = [item for item in went_out if item["status"] != SIMULATED]
    simulated = [item for item in went_out if item["status"] == SIMULATED]  # the outbox's: never on a network
    page = {
        "handle": view["handle"],
        "accounts": view.get("accounts") or f"@{view['handle']} on X",
        "timezone": view["timezone"],
        "generated": _long_time(now),
        "window": f"{_day_label(now.date())} to {_day_label(now.date() + timedelta(days=days))}",
        "days": days,
        "posts": posts,
        "drafts": drafts,
        "published": published,
        "simulated": simulated,
        "notices": list(view.get("notices", ())),
        "attention": sum(1 for post in posts if post["attention"]),
        "weeks": _calendar(posts + went_out, now.date(), days,
                           {date.fromisoformat(day) for day in view.get("blackout", ())}),
    }
    return _template().render(page=page)


def _template():
    env = Environment(loader=PackageLoader("scheduler", "templates"), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["counted"] = counted
    return env.get_template("preview.html")


def _post_model(post: Mapping[str, Any], zone: ZoneInfo, anchor: str = "post-") -> dict:
    network = networks.get(post["network"])
    length, limit = int(post.get("weighted_length") or 0), int(post["limit"])
    flags = post_flags(post.get("review") or (), length, limit, bool(post.get("card")))
    status = post.get("status") or "draft"
    at = _local(post["at"], zone) if post.get("at") else None
    return {
        "id": post["id"],
        "anchor": anchor + _anchor(post["id"]),
        "campaign": post.get("campaign") or "",
        "headline": post.get("headline") or "",
        "text": post.get("text") or "",
        "length": length,
        "length_percent": min(100, round(100 * length / limit)),
        "limit": limit,
        "how": post["how"],
        "network": network.key,
        "network_name": network.name,
        "network_badge": not network.keeps_tip_id,  # posts on the first network (X) carry no badge
        "alt_text": post.get("alt_text") or "",
        "error": post.get("error") or "",
        "note": post.get("note") or "",
        "card": post.get("card"),
        "status": status,
        "flags": flags,
        "acknowledged": [FLAG_LABELS[flag] for flag in post.get("acknowledged") or () if flag in FLAG_LABELS],
        # split's notes on the tip, and whether it marked it ready: the page says why a tip waits (user trial 11)
        "notes": [str(note) for note in post.get("notes") or ()],
        "unready": post.get("ready") is False,
        "attention": bool(flags) or status in ATTENTION_STATUSES or bool(post.get("note")),
        "date": at.date() if at else None,
        "when": _long_time(at) if at else "",
        "time": _short_time(at) if at else "",
        "iso": at.isoformat() if at else "",
    }


def post_flags(review, length: int, limit: int, has_card: bool) -> list[dict]:
    """What a post is marked with on the review page (and beside each network's post in the studio): its
    review flags, too long for its network, no card yet. [{"key", "label"}], in that order."""
    flags = [flag for flag in review if flag in FLAG_LABELS]
    if length > limit:
        flags.append("too-long")
    if not has_card:
        flags.append("no-card")
    return [{"key": flag, "label": FLAG_LABELS[flag]} for flag in flags]


def _published_model(item: Mapping[str, Any], zone: ZoneInfo) -> dict:
    at = _local(item["at"], zone) if item.get("at") else None
    url = item.get("url") or ""
    return {
        "id": item["id"],
        "anchor": "published-" + _anchor(item["id"]),
        "text": item.get("text") or "",
        "headline": "",
        "status": SIMULATED if item.get("seen") == SIMULATED else "posted",
        "acknowledged": [],
        "attention": False,
        "date": at.date() if at else None,
        "time": _short_time(at) if at else "",
        "when": _long_time(at) if at else "",
        "iso": at.isoformat() if at else "",
        "url": url if _linkable(url) else "",
        "url_text": url,
    }


def _calendar(posts: list[dict], today: date, days: int, blackout: set[date]) -> list[list[dict]]:
    """Weeks from Monday to Sunday covering today .. today + days, each day with its posts."""
    last = today + timedelta(days=days)
    by_day: dict[date, list[dict]] = {}
    for post in posts:
        if post["date"] is not None:
            by_day.setdefault(post["date"], []).append(post)
    start = today - timedelta(days=today.weekday())
    weeks: list[list[dict]] = []
    while start <= last:
        week = []
        for offset in range(7):
            day = start + timedelta(days=offset)
            week.append({
                "date": day,
                "number": day.day,
                "label": _day_label(day),
                "month": MONTHS[day.month - 1] if (day.day == 1 or not weeks and offset == 0) else "",
                "weekday": WEEKDAYS[day.weekday()],
                "inside": today <= day <= last,
                "today": day == today,
                "blackout": day in blackout,
                "posts": by_day.get(day, []),
            })
        weeks.append(week)
        start += timedelta(days=7)
    return weeks


def _local(value: str | datetime, zone: ZoneInfo) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def _short_time(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d}{'am' if moment.hour < 12 else 'pm'}"


def _long_time(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return (f"{_day_label(moment.date())} {moment.year}, {hour}:{moment.minute:02d} "
            f"{'AM' if moment.hour < 12 else 'PM'} {moment.tzname()}")


def _day_label(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def _anchor(post_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in str(post_id))


def _linkable(url: str) -> bool:
    try:
        return urlsplit(url).scheme.lower() in LINK_SCHEMES
    except ValueError:
        return False


# --- collecting: the plan, the drafts and the history, as plain data -----------------------------

def write_preview(settings, store, now: datetime, out: Path | str, days: int) -> dict:
    """Collect what goes out in the next `days` days, the drafts and recent history; write the page.

    Returns a report: {"out", "posts", "drafts", "published", "attention", "bytes"}.
    """
    if days < 1:
        raise UsageError(f"--days {days}: give a number of days of at least 1")
    out = checked_output(out, flag="--out", suffixes=(".html", ".htm"), mark=PAGE_MARK, what="a preview page")
    view = collect_preview(settings, store, now, days)
    html = render_preview(view)
    try:
        write_atomic(out, html)
    except OutputError as exc:
        raise UsageError(f"--out {exc}") from None
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot write the page there ({exc.strerror or exc}); "
                         "choose a file in a folder you can write to") from None
    zone = ZoneInfo(view["timezone"])
    attention = sum(1 for post in view["posts"] if _post_model(post, zone)["attention"])
    logger.info("wrote the preview %s (%d posts, %d drafts)", out, len(view["posts"]), len(view["drafts"]))
    return {"out": str(out), "posts": len(view["posts"]), "drafts": len(view["drafts"]),
            "published": sum(1 for item in view["published"] if item["seen"] != SIMULATED),
            "simulated": sum(1 for item in view["published"] if item["seen"] == SIMULATED), "attention": attention, "bytes": len(html.encode("utf-8")),
            "unreadable": view["unreadable"]}


def collect_preview(settings, store, now: datetime, days: int) -> dict:
    """The plain data render_preview shows, read from the plan, the campaign files, the cards and the store."""
    files = read_campaigns(settings.root)
    campaigns = files.read
    tips = {f"{campaign.slug}/{tip.id}": (campaign, tip) for campaign in campaigns for tip in campaign.tips}
    cards = _CardImages(settings.root)

    posts = []
    for row in plan_posts(settings, store, now, days, as_sent(settings)):
        campaign, tip = tips.get(_tip_key(row["id"]), (None, None))
        posts.append({
            "id": row["id"], "network": row["network"], "at": row["at"], "status": row["status"],
            "text": row["text"], "weighted_length": row["weighted_length"], "limit": row["limit"], "how": row["how"],
            "alt_text": row.get("alt_text") or "",
            "card": cards.uri(row.get("card")),
            "campaign": campaign.slug if campaign else _tip_key(row["id"]).split("/")[0],
            "headline": tip.headline if tip else "",
            "review": list(tip.unacknowledged) if tip else [],  # a flag a person acknowledged needs no more
            "acknowledged": [flag for flag in tip.review if flag in tip.reviewed] if tip else [],
            "error": _last_error(store, row), "note": row["note"],
            "notes": list(tip.notes) if tip else [], "ready": tip.ready if tip else None,
        })
    waiting = [(campaign, tip) for campaign in campaigns for tip in campaign.tips if tip.status == "draft"]
    brand = _brand(settings) if waiting else None
    drafts = [_draft(settings, brand, campaign, tip, cards) for campaign, tip in waiting]
    return {
        "handle": settings.schedule.account.handle,
        "accounts": _accounts_said(settings.schedule.all_accounts),
        "timezone": settings.schedule.timezone,
        "now": now.isoformat(),
        "days": days,
        "posts": posts,
        "drafts": drafts,
        "published": _published(store, now, days),
        "blackout": [day.isoformat() for day in settings.schedule.blackout],
        "notices": ([broken.line() for broken in files.unreadable] + _notices(settings, campaigns)
                    + _card_notices(settings, campaigns)),
        "unreadable": [broken.as_dict() for broken in files.unreadable],
    }


def _notices(settings, campaigns) -> list[str]:
    """What a person should fix that no single post shows: a campaign whose posts would go out without their link,
    or whose address carries another channel's tracking."""
    notices = (notice for campaign in campaigns for notice in link_notices(settings, campaign))
    return [notice for notice in notices if notice]


def _card_notices(settings, campaigns) -> list[str]:
    """Once per tip whose card is drawn without its kicker, its section name too long for the kicker's lines: why."""
    shown = [(campaign, tip) for campaign in campaigns for tip in campaign.tips if tip.status != "skip"]
    brand = _brand(settings) if shown else None
    if brand is None or brand.kicker == "none":
        return []
    sizes = networks.card_sizes(settings.schedule.all_accounts)
    return [f"Card {campaign.slug}/{tip.id}: {note}." for campaign, tip in shown
            if (note := kicker_left_off(brand, campaign, tip, sizes)) is not None]


def missing_link(settings, campaign) -> str | None:
    """The notice for a campaign whose posts would go out without their link (None when they have it)."""
    if settings.schedule.link.mode != "in-post" or campaign.url or all(tip.status == "skip" for tip in campaign.tips):
        return None
    return (f"Posts from {campaign.slug} go out without a link: the campaign has no article address. "
            f"Set article.url in posts/{campaign.slug}.yaml, then run juno-scheduler queue.")


def link_notices(settings, campaign) -> list[str]:
    """What preview, queue and the studio say about a campaign's link: missing, or carrying tracking of its own
    that the posts replace."""
    found = [missing_link(settings, campaign)]
    if any(tip.status != "skip" for tip in campaign.tips):
        found.append(tracking_replaced(settings.schedule, campaign.url, campaign.slug))
    return [notice for notice in found if notice]


def _brand(settings):
    return load_brand(settings.root, settings.schedule.card_handle)


def _draft(settings, brand, campaign, tip, cards: _CardImages) -> dict:
    post = network_posts(settings, brand, campaign, tip)[0]
    return {
        "id": f"{campaign.slug}/{tip.id}",
        "campaign": campaign.slug,
        "headline": tip.headline,
        "text": post["text"],
        "weighted_length": post["length"],
        "limit": post["limit"],
        "how": post["how"],
        "network": post["network"],
        "alt_text": post["alt_text"],
        "card": cards.uri(post["card"]),
        "review": list(tip.review),
        "notes": list(tip.notes),
        "ready": tip.ready,
    }


def network_posts(settings, brand, campaign, tip, text: str | None = None, composed=None) -> list[dict]:
    """A tip's post on each configured account's network exactly as it will be sent, the first account's first.

    Each: {"network", "name", "text" (with footer, link and its tracking parameters, hashtags), "length",
    "limit", "how", "card" (its file at the network's card size), "card_size", "card_width", "card_height",
    "alt_text" (as queue stores it), "account_name" and "account_handle" (the account as the network heads its
    posts), "pieces" (the text as the network shows it: shown_pieces),
    "flags" (post_flags: what the review page marks it with)}. `text`: the words typed in place of the tip's."""
    if composed is None:  # `composed`: compose_tip's answer for these words, when the caller has it already
        composed = compose_tip(settings.schedule, campaign, tip, text, state_dir=settings.state_dir)
    posts = []
    for network, body in composed.texts.items():
        alt = campaign_alt_text(brand, campaign, tip, networks.signature(settings.schedule, network))
        counted = composed.lengths[network]
        size = networks.get(network).card_size
        card = card_path(settings.cards_dir, campaign.slug, tip.id, size)
        account = settings.schedule.account_for(network)
        name, handle = networks.get(network).profile(account.handle) if account is not None else ("", "")
        posts.append({"network": network, "name": networks.get(network).name, "text": body,
                      "account_name": name, "account_handle": handle, "pieces": shown_pieces(network, body),
                      "length": counted.length, "limit": counted.limit, "how": counted.how, "card": card,
                      "card_size": size, "card_width": dimensions(size)[0], "card_height": dimensions(size)[1],
                      "alt_text": alt,
                      "flags": post_flags(tip.review, counted.length, counted.limit, card.is_file())})
    return posts


def shown_pieces(network: str, text: str) -> list[dict[str, str]]:
    """A post's text as its network shows it: [{"kind": text | link | tag, "shown", "value"}]."""
    return [{"kind": kind, "shown": shown, "value": value} for kind, shown, value in networks.get(network).pieces(text)]


def _published(store, now: datetime, days: int) -> list[dict]:
    """Posts published from `days` days before now on, newest first."""
    recent = [post for post in store.posts([POSTED], since=now - timedelta(days=days))
              if post.posted_at is not None]
    recent.sort(key=lambda post: (post.posted_at, post.id), reverse=True)
    return [{"id": post.id, "at": post.posted_at.isoformat(), "url": post.url or "", "text": post.text,
             "seen": seen(str(post.status), post.posted_at.isoformat(), post.remote_id, now)} for post in recent]


def _last_error(store, row: Mapping[str, Any]) -> str:
    """Why a post that failed or missed its slot has not gone out yet, as the store recorded it."""
    if row["status"] not in ATTENTION_STATUSES:
        return ""
    post = store.get(row["id"])
    return (post.last_error or "") if post is not None else ""


def _tip_key(post_id: str) -> str:
    """"<campaign>/<tip>" of a post id (a recycled post's id ends in "~N"; another network's post in "@network")."""
    return networks.network_of(str(post_id))[0].split("~", 1)[0]


class _CardImages:
    """Cards as data: URIs (WebP thumbnails), each file read once; None for a card that is missing or unreadable."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._seen: dict[Path, str | None] = {}

    def uri(self, card: str | Path | None) -> str | None:
        if not card:
            return None
        path = Path(card) if Path(card).is_absolute() else self.root / card
        if path not in self._seen:
            self._seen[path] = card_data_uri(path)
        return self._seen[path]


def card_data_uri(path: Path, width: int = THUMBNAIL_WIDTH) -> str | None:
    """A card as a WebP data: URI at most `width` pixels wide; None if it is missing or not an image."""
    if not Path(path).exists():
        return None
    try:
        with open_image(path, str(path), error=ContentError, fix="draw it again") as image:
            picture = image.convert("RGB")
    except ContentError as exc:
        logger.warning("%s; the preview shows it as missing", exc)
        return None
    if picture.width > width:  # reducing_gap: a fast box reduction first (an exact 2x for 1600 px cards)
        picture = picture.resize((width, max(1, round(picture.height * width / picture.width))),
                                 Image.Resampling.LANCZOS, reducing_gap=2.0)
    buffer = io.BytesIO()
    picture.save(buffer, "WEBP", quality=THUMBNAIL_QUALITY, method=2)  # half the time of 4, 3% larger
    return "data:image/webp;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
