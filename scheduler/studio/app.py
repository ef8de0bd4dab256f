"""The studio's routes: each reads a form, calls one Workspace or views function, and answers a page.

Every change is a POST (CSRF-checked by security.Guard) answered by a redirect back to the page it
came from (so reloading never repeats it); a refused change answers the same page with the reason
beside the field, and a change that met a newer file answers the conflict page with both versions.
A page answered to a POST names the address it stands for (never the POST's, which takes no GET): a refused
change's words are kept at an address of their own (`?kept=`), so Undo, a reload or Back from it shows them again.
"""

from __future__ import annotations

import base64
import logging
import secrets
from collections import OrderedDict
from datetime import date, datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from PIL import Image
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from scheduler.errors import Conflict, JunoError, Refused
from scheduler.results import NextOut, counted, local_time, state_said
from scheduler.studio import analytics, bulk, views
from scheduler.studio.filters import CALENDAR_STATES, STATES, Filters, UnknownFilter
from scheduler.studio.said import Done, Said
from scheduler.studio.security import (
    CSRF_FIELD,
    CSRF_SCOPE,
    SESSION_SCOPE,
    Gate,
    Guard,
    TooLarge,
)
from scheduler.studio.workspace import Workspace

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
FIRST_DAY, LAST_DAY = date(1971, 1, 1), date(9998, 12, 1)  # a month or week around them still exists
STATIC = HERE / "static"
OWN_TEXT = "own_text_"  # + a network's key: the form field of that network's own text
FIELD_NAMES = {"texts": "the networks' own texts"}
KEPT = 100  # refused changes whose typed words the studio keeps, newest first (in memory, while it runs)
GONE = Refused("The words of that refused change are no longer kept (the studio restarted, or over "
               f"{KEPT} changes were refused since): nothing of them was saved; type them again.")


def _goes_out(going: NextOut | None) -> str:
    """When and where a tip goes out next, short: 'goes out Mon 07 Dec 08:34 on X and Bluesky'."""
    return going.short if going is not None else "not in the queue"


class _Routes:
    """The studio's pages and changes, each a small handler over one Workspace."""

    def __init__(self, ws: Workspace, gate: Gate):
        self.ws = ws
        self.gate = gate
        self.templates = Environment(loader=FileSystemLoader(HERE / "templates"),
                                     autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
        self.templates.filters["state_word"] = state_said  # one word for one state, as `status` says it
        self.templates.filters["counted"] = counted  # "1 post", "2 posts", as the terminal says them
        self.said: dict[str, tuple[str, str]] = {}  # session -> the message its last change left for its next page
        self.kept: OrderedDict[str, dict] = OrderedDict()  # token -> a refused change's page, reason and words

    def page(self, request: Request, name: str, status: int = 200, here: str | None = None,
             **context) -> HTMLResponse:
        """The page `name`; `here` is the address it stands for (answered to a POST: the page the form was on,
        which the browser is told to show in its address bar, so Back, reload and Undo find a page)."""
        said, said_kind = self.said.pop(request.scope.get(SESSION_SCOPE) or "", (None, "done"))
        posted = request.method != "GET"
        here = here or (_referer(request, _page_of(request.url.path)) if posted else _here(request))
        html = self.templates.get_template(name).render(
            csrf=request.scope.get(CSRF_SCOPE), csrf_field=CSRF_FIELD, said=said, said_kind=said_kind, path=request.url.path,
            here=here, address=here if posted else None, handle=_handle(self.ws), next_undo=_next_undo(self.ws),
            posting=_posting(self.ws), **context)
        return HTMLResponse(html, status_code=status)

    def keep(self, page: str, **context) -> str:
        """The address of `page` showing a refused change again (`context`: problem, problem_tip, typed)."""
        token = secrets.token_urlsafe(12)
        self.kept[token] = {"page": page, **context}
        while len(self.kept) > KEPT:
            self.kept.popitem(last=False)
        return f"{page}?kept={token}"

    def kept_for(self, request: Request) -> dict:
        """The refused change this address keeps (its problem, tip and words), {} for none, GONE if forgotten."""
        token = request.query_params.get("kept")
        if not token:
            return {}
        kept = self.kept.get(token)
        if kept is None or kept["page"] != request.url.path:
            return {"problem": GONE}
        return {key: value for key, value in kept.items() if key != "page"}

    def back(self, request: Request, url: str, message: str | None = None, kind: str = "done") -> RedirectResponse:
        """Back to `url` with one message for the browser that asked: "done" (green, a status) or "refused" (red, an
        alert). Each signed-in session has its own message, shown once on its next page and on no other browser's."""
        session = request.scope.get(SESSION_SCOPE)
        for ended in [key for key in self.said if key not in self.gate.sessions]:
            del self.said[ended]
        if message and session:
            self.said[session] = (message, kind)
        return RedirectResponse(url, status_code=303)

    async def form(self, request: Request) -> dict:
        data = await request.form()
        return {key: data.getlist(key) if key == "acknowledge" else str(data.get(key, "")) for key in data}

    # --- pages ---------------------------------------------------------------------------------

    async def home(self, request: Request):
        kept = {"problem": None, "typed": {}, **self.kept_for(request)}
        return self.page(request, "campaigns.html", campaigns=views.campaigns_overview(self.ws),
                         archived=self.ws.project.archived(), practice_hashtags=_practice_hashtags(self.ws), **kept)

    async def campaign_page(self, request: Request):
        model = views.review(self.ws, request.path_params["slug"])
        kept = {"problem": None, "problem_tip": None, "typed": {}, **self.kept_for(request)}
        return self.page(request, "review.html", **kept, **model)

    async def calendar_page(self, request: Request):
        day = request.query_params.get("day")
        try:
            anchor = date.fromisoformat(day) if day else None
        except ValueError:
            anchor = None
        if anchor is not None and not FIRST_DAY <= anchor <= LAST_DAY:
            return self.page(request, "problem.html", status=400, back="/calendar", back_label="Back to this month",
                             message=f"day={(day or '')[:20]!r}: the calendar shows days from {FIRST_DAY:%Y} to {LAST_DAY:%Y}; "
                                     "pick a day in those years")
        try:
            filters, options = views.read_filters(self.ws, request.query_params, CALENDAR_STATES)
        except UnknownFilter as exc:
            return self.page(request, "problem.html", status=400, back="/calendar", back_label="Back to the calendar, "
                             "unfiltered", message=str(exc))
        model = views.calendar(self.ws, request.query_params.get("mode", "month"), anchor, filters)
        return self.page(request, "calendar.html", problem=None, filters=filters, options=options,
                         states=[(key, STATES[key]) for key in CALENDAR_STATES], **model)

    async def queue_page(self, request: Request):
        try:
            filters, options = views.read_filters(self.ws, request.query_params)
        except UnknownFilter as exc:
            return self.page(request, "problem.html", status=400, back="/queue", back_label="Back to the whole queue",
                             message=str(exc))
        days = None if request.query_params.get("all") else views.LISTED_DAYS
        return self.page(request, "queue.html", shifts=list(bulk.DAY_SHIFTS.items()),
                         **views.queue_page(self.ws, filters, options, days))

    # --- cards ---------------------------------------------------------------------------------

    async def card(self, request: Request):
        campaign, _ = self.ws.campaign(request.path_params["slug"])
        tip = campaign.tip(request.path_params["tip"])
        if tip is None:
            return Response("no such tip\n", status_code=404, media_type="text/plain")
        size = request.query_params.get("size") or self.ws.project.card_sizes[0]  # another network's size: its own card
        if size not in self.ws.project.card_sizes:
            return Response("no network here shows cards of that size\n", status_code=404, media_type="text/plain")
        # drawn in a worker thread: the event loop keeps answering other requests meanwhile
        path = await run_in_threadpool(self.ws.project.card, campaign, tip, size)
        return FileResponse(path, media_type="image/png", headers={"cache-control": "no-store"})

    async def preview(self, request: Request):
        """The card and the tightest network's count for what is typed now (nothing is saved): the live preview."""
        campaign, _ = self.ws.campaign(request.path_params["slug"])
        tip = campaign.tip(request.path_params["tip"])
        if tip is None:
            return JSONResponse({"error": "no such tip; reload the page"}, status_code=404)
        headline = " ".join(request.query_params.get("headline", tip.headline).split())[:5000]
        text = request.query_params.get("text", tip.text)[:5000]
        texts = {network: request.query_params[f"{OWN_TEXT}{network}"][:5000] for network in _networks(self.ws)
                 if f"{OWN_TEXT}{network}" in request.query_params} or None
        length, limit = self.ws.post_length(campaign, tip if texts is None else tip.with_texts(texts), text)
        most = self.ws.project.headline_limit
        answer: dict[str, object] = {"length": length, "limit": limit, "card": None, "error": None,
                                     "headline_length": len(headline), "headline_limit": most,
                                     "networks": views.live_networks(self.ws, campaign, tip, text, texts)}
        if len(headline) > most:  # refused at Save; drawing it would only cost time (or memory)
            answer["error"] = (f"the headline is {len(headline)} characters, over {most}: the card is drawn "
                               "again once it is shorter, and Save refuses it until then")
            return JSONResponse(answer)
        try:
            png = await run_in_threadpool(self.ws.project.sketch_card, campaign, tip, headline)
            answer["card"] = "data:image/png;base64," + base64.b64encode(png).decode()
        except JunoError as exc:
            answer["error"] = str(exc)
        except (ValueError, OSError, MemoryError, Image.DecompressionBombError) as exc:
            logger.warning("preview of %s/%s: the card cannot be drawn: %s", campaign.slug, tip.id, exc)
            answer["error"] = "this headline cannot be drawn on a card; write it with fewer marks or characters"
        return JSONResponse(answer)

    # --- changes -------------------------------------------------------------------------------

    async def change(self, request: Request, work, typed: dict | None = None, anchor: str | None = None):
        slug = request.path_params["slug"]
        tip_id = request.path_params.get("tip")
        try:
            message = work()
        except Conflict as conflict:
            here = self.keep(f"/c/{slug}", problem=_not_saved(conflict), problem_tip=tip_id, typed=typed or {})
            return self.page(request, "conflict.html", status=409, here=here, slug=slug, tip_id=tip_id,
                             mine=typed or {}, theirs=conflict.theirs, version=conflict.version,
                             clashed=_clashed(tip_id, conflict),
                             sides=_sides(self.ws, conflict))
        except Refused as refused:
            kept = {"problem": refused, "problem_tip": tip_id, "typed": typed or {}}
            model = views.review(self.ws, slug)
            return self.page(request, "review.html", status=422, here=self.keep(f"/c/{slug}", **kept), **kept,
                             **model)
        where = f"#tip-{tip_id}" if tip_id else (f"#{anchor}" if anchor else "")
        message, kind = message if isinstance(message, tuple) else (message, "done")
        return self.back(request, f"/c/{slug}{where}", message, kind)

    async def edit(self, request: Request):
        data = await self.form(request)
        slug, tip_id = request.path_params["slug"], request.path_params["tip"]
        values: dict = {key: data[key] for key in ("headline", "text", "alt_text") if key in data}
        was: dict | None = {key: data[f"was_{key}"] for key in values if f"was_{key}" in data}
        own = {key.removeprefix(OWN_TEXT): data[key] for key in data if key.startswith(OWN_TEXT)}
        if own:  # the networks' own texts, where the tip shows a field for them
            values["texts"] = own
            shown = {network: data[f"was_{OWN_TEXT}{network}"] for network in own if f"was_{OWN_TEXT}{network}" in data}
            if shown:
                was = {**(was or {}), "texts": shown}
        was = was or None

        def work():
            saved = self.ws.edit_tip(slug, tip_id, values, data.get("version", ""), was)
            if saved.entry is None:
                return Said("Nothing to save: the words are as they were.", Done("Nothing to save", undoable=False))
            fields = saved.entry.get("fields") or values
            said = f"Saved {', '.join(FIELD_NAMES.get(f, f.replace('_', ' ')) for f in fields)} of {tip_id}."
            flagged = _newly_sensitive(saved.entry, saved.campaign.tip(tip_id))
            said += flagged
            post = self.ws.project.latest_posts(slug).get(f"{slug}/{tip_id}")
            out = post is not None and views.seen_status(post, self.ws.clock()) == "posted"
            if out:
                said += " It was already out: that post keeps its old words, and this tip is not posted again."
            over = _own_texts_over(self.ws, slug, tip_id, saved.campaign.tip(tip_id))
            if over:
                return f"{said} {over}", "refused"
            then = ("flagged sensitive: review it" if flagged else "the post already out keeps its words" if out
                    else _goes_out(self.ws.project.next_out(slug, tip_id)))
            return Said(said, Done("Saved", len(fields), "field", then))

        typed = {key: value for key, value in data.items() if key in values or key.startswith(OWN_TEXT)}
        return await self.change(request, work, typed=typed)

    async def set_status(self, request: Request):
        data = await self.form(request)
        slug, tip_id = request.path_params["slug"], request.path_params["tip"]
        status = data.get("status", "")

        def work():
            was = self.ws.campaign(slug)[0].tip(tip_id)
            saved = self.ws.set_status(slug, tip_id, status, data.get("version", ""), data.get("acknowledge") or (),
                                       shown=data.get("shown") or None)
            going = _goes_out(self.ws.project.next_out(slug, tip_id))
            if status == "approved" and saved.entry is not None and was is not None and was.status == "approved":
                where = self.ws.project.where_it_goes(slug, tip_id)
                return Said(f"Acknowledged {' and '.join(was.unacknowledged)} on {tip_id}; it stays approved and "
                            f"goes out {where}. Undo takes it back.", Done("Acknowledged", then=going))
            if status == "approved" and saved.entry is not None:
                where = self.ws.project.where_it_goes(slug, tip_id)
                return Said(f"Approved {tip_id}: it goes out {where}. Undo takes it back.", Done("Approved", then=going))
            if status == "approved":
                return Said("Approved already.", Done("Approved already", then=going, undoable=False))
            if status == "skip":
                return Said(f"Skipped {tip_id}.", Done("Skipped", then="it will not go out"))
            if status == "draft":
                return Said(f"{tip_id} is back to draft.", Done("Back to draft", then="out of the queue until approved"))
            return None

        return await self.change(request, work)

    async def drop_flag(self, request: Request):
        data = await self.form(request)
        slug, tip_id, flag = request.path_params["slug"], request.path_params["tip"], data.get("flag", "")
        return await self.change(request, lambda: (
            self.ws.drop_flag(slug, tip_id, flag, data.get("version", "")),
            Said(f"Took the {flag} flag off {tip_id}. Undo puts it back.", Done(f"Took the {flag} flag off",
                                                                                 then="approve it to queue it")))[1])

    async def reorder(self, request: Request):
        data = await self.form(request)
        slug, tip_id = request.path_params["slug"], request.path_params["tip"]
        offset = -1 if data.get("direction") == "up" else 1
        return await self.change(request, lambda: (self.ws.reorder(slug, tip_id, offset, data.get("version", "")),
                                                   Said("Moved.", Done("Moved " + ("up" if offset < 0 else "down"),
                                                                       then="in the campaign's order")))[1])

    async def add_tip(self, request: Request):
        data = await self.form(request)
        slug = request.path_params["slug"]
        try:
            paragraph = int(data.get("paragraph") or 0) or None
        except ValueError:
            paragraph = None

        def work():
            saved = self.ws.add_tip(slug, data.get("text", ""), paragraph, data.get("version", ""))
            return (Said(f"Added tip {saved.entry['tip']}.", Done("Added a tip", then="a draft: approve it to queue it"))
                    if saved.entry else None)

        return await self.change(request, work, typed={"text": data.get("text", "")})

    async def add_article(self, request: Request):
        data = await request.form()
        upload = data.get("file")
        content = await upload.read() if upload is not None and hasattr(upload, "read") else None
        typed = {key: str(data.get(key, "")) for key in ("title", "article", "url", "hashtags")}
        try:
            slug = await run_in_threadpool(  # a long article splits for seconds: the studio answers meanwhile
                self.ws.add_article, typed["title"], typed["article"], getattr(upload, "filename", None), content,
                url=typed["url"], hashtags=typed["hashtags"] if "hashtags" in data else None,
                update=str(data.get("update", "")) or None)
        except (Refused, JunoError) as exc:
            return self.page(request, "campaigns.html", status=422, here=self.keep("/", problem=exc, typed=typed),
                             campaigns=views.campaigns_overview(self.ws), archived=self.ws.project.archived(),
                             problem=exc, typed=typed, practice_hashtags=_practice_hashtags(self.ws))
        if data.get("update"):
            return self.back(request, f"/c/{slug}", Said(
                f"{slug} is updated with the new text: your edits and statuses are kept, and tips whose words changed "
                "in the article are marked stale. Undo puts the earlier text back.",
                Done("Article updated", then="changed tips marked stale")))
        tips = len(self.ws.campaign(slug)[0].tips)
        return self.back(request, f"/c/{slug}", Said("Article added and split into tips.",
                                                     Done("Added the article:", tips, "tip", "drafts to review")))

    async def set_links(self, request: Request):
        data = await self.form(request)
        slug = request.path_params["slug"]
        typed = {"url": data.get("url", ""), "hashtags": data.get("hashtags", "")}

        def work():
            practice = data.get("practice") == "1"  # "Use the practice's hashtags"
            saved = self.ws.set_links(slug, typed["url"], None if practice else typed["hashtags"],
                                      {key: data.get(f"was_{key}", "") for key in ("url", "hashtags", "own_hashtags")})
            if saved.entry is None:
                return Said("Nothing to save: the address and hashtags are as they were.",
                            Done("Nothing to save", undoable=False))
            fields = " and ".join({"url": "the article's address", "hashtags": "the hashtags"}[f]
                                  for f in saved.entry["fields"])
            return Said(f"Saved {fields}; every post below carries {'them' if len(saved.entry['fields']) > 1 else 'it'}. "
                        "Undo takes it back.", Done(f"Saved {fields}", then="every post carries them"))

        return await self.change(request, work, typed=typed, anchor="links")

    async def undo(self, request: Request):
        data = await self.form(request)
        try:
            entry = self.ws.undo(data.get("change") or None)
        except (Refused, JunoError) as exc:
            return self.back(request, _referer(request), f"Nothing undone: {exc}", "refused")
        if entry is None:
            return self.back(request, _referer(request), "Nothing to undo.", "refused")
        verb = "Redid" if entry.what == "undo" else "Undid"
        # an undo of an undo (or of a redo) names the change itself: "Redid the approval of 20 tips at once."
        elsewhere = f", but {entry.elsewhere}" if entry.elsewhere else ""  # not back in its old slot: where, and why
        return self.back(request, _at_tip(_referer(request), entry.campaign, entry.tip),
                         Said(f"{verb} {entry.reverses or entry.describe}{elsewhere}.",
                              Done(verb, then=entry.elsewhere or "as it was before", undoable=False)))

    async def analytics_page(self, request: Request):
        try:
            page = int(request.query_params.get("page") or 1)
        except ValueError:
            page = 1
        return self.page(request, "analytics.html", **analytics.analytics(self.ws, page))

    async def changes_page(self, request: Request):
        zone = self.ws.settings.schedule.zone
        changes = [{**row.as_dict(), "when": _local(row.at, zone)} for row in self.ws.project.changes(30)]
        return self.page(request, "changes.html", changes=changes, timezone=zone.key)

    async def move_post(self, request: Request):
        data = await self.form(request)
        try:
            moved = self.ws.move(data.get("post", ""), data.get("at", ""))
        except (Refused, JunoError) as exc:
            return self.back(request, _referer(request, "/calendar"), f"Not moved: {exc}", "refused")
        day = moved.at[:10]
        kept = urlencode(parse_qsl(data.get("filters", "")))  # the page's filters, re-encoded (never raw)
        when = datetime.fromisoformat(moved.at)
        return self.back(request, f"/calendar?mode={data.get('mode') or 'month'}&day={day}" + (f"&{kept}" if kept else ""),
                         Said(f"{moved.id} now goes out {moved.at.replace('T', ' at ')}.",
                              Done("Moved", then=f"goes out {when:%a %d %b %H:%M}")))

    async def control(self, request: Request):
        data = await self.form(request)
        action = request.path_params["action"]
        now = self.ws.clock()
        self.ws.settings  # noqa: B018 - refreshed settings first
        try:
            if action == "retry":
                change = self.ws.project.retry(data.get("post", ""), now, by="studio")
                # as the CLI says it: the time retry chose is the post's slot, where plan and run-due take it
                message = Said(f"{change.id} is queued again; it goes out at the first run from "
                               f"{local_time(change.at)}." if change.at else f"{change.id} is queued again.",
                               Done("Queued again", len(change.posts),
                                    then=f"goes out from {datetime.fromisoformat(change.at):%a %d %b %H:%M}"
                                    if change.at else "goes out at the next run"))
            elif action == "skip":
                change = self.ws.project.skip(data.get('post', ''), now, by='studio')
                message = Said(f"{change.id} is skipped; Undo puts it back in its slot.",
                               Done("Skipped", len(change.posts), then="out of the queue"))
            elif action == "pause":
                self.ws.project.pause(now, data.get("network") or None, by="studio")
                message = Said(f"Posting is paused{_on(data.get('network'))}.",
                               Done(f"Paused{_on(data.get('network'))}", then="nothing goes out until Resume"))
            elif action == "resume":
                self.ws.project.resume(now, data.get("network") or None, by="studio")
                message = Said(f"Posting again{_on(data.get('network'))}.",
                               Done(f"Posting again{_on(data.get('network'))}", then="due posts go at the next run"))
            else:
                return Response("no such action\n", status_code=404, media_type="text/plain")
        except JunoError as exc:
            return self.back(request, _referer(request, "/queue"), f"Not done: {exc}", "refused")
        return self.back(request, _referer(request, "/queue"), message)

    async def bulk(self, request: Request):
        """Several posts skipped or moved, or several drafts approved, as one change: one Undo reverts them all."""
        data = await request.form()
        action = str(data.get("action", ""))
        back = _referer(request, "/queue")
        posts = [str(v) for v in data.getlist("post")][:500]
        tips = [str(v) for v in data.getlist("tip")][:500]
        chosen = tips if action == "approve" else posts
        if not chosen:
            what = "drafts" if action == "approve" else "posts"
            return self.back(request, back, f"Nothing done: tick the {what} to {action or 'change'} first.", "refused")
        try:
            if action == "skip":
                changes = self.ws.project.skip_posts(posts, self.ws.clock(), by="studio")
                count = sum(len(change.posts) for change in changes)
                return self.back(request, back, Said(
                    f"Skipped {counted(count, 'post')}; Undo puts {'them all' if count != 1 else 'it'} back in "
                    f"{'their' if count != 1 else 'its'} slot{'s' if count != 1 else ''}.",
                    Done("Skipped", count, then="out of the queue")))
            if action == "approve":
                return self.back(request, back, *bulk.approve(self.ws, tips))
            if action == "move":
                return self.back(request, back, *bulk.move(self.ws, posts, str(data.get("days", ""))))
        except (Refused, JunoError) as exc:
            return self.back(request, back, f"Nothing done: {exc}", "refused")
        return self.back(request, back, f"Nothing done: {action[:40]!r} is not something the queue can do to several.",
                         "refused")

    async def archive_page(self, request: Request):
        """The confirmation: what archiving this campaign withdraws, before anything changes."""
        slug = request.path_params["slug"]
        campaign, _ = self.ws.campaign(slug)
        # every post archiving withdraws, however far ahead, and every one out
        model = views.queue_page(self.ws, Filters(campaign=slug), days=None, history_rows=views.ALL_BEHIND)
        posted = sum(1 for row in model["history"] if row["status"] == "posted")
        return self.page(request, "archive.html", slug=slug, title=campaign.title, waiting=model["plan"],
                         posted=posted)

    async def archive(self, request: Request):
        slug = request.path_params["slug"]
        self.ws.campaign(slug)  # a name that is not a campaign here: the problem page
        try:
            done = self.ws.project.archive(slug, self.ws.clock(), by="studio")
        except JunoError as exc:
            return self.back(request, "/", f"Not archived: {exc}", "refused")
        count = len(done.withdrawn)
        withdrawn = f"; {counted(count, 'post')} withdrawn" if count else ""
        return self.back(request, "/", Said(f"Archived {slug} in {done.file}{withdrawn}. Undo brings it all back.",
                                            Done("Archived; withdrew", count, then="Undo brings it all back")))

    async def restore(self, request: Request):
        slug = request.path_params["slug"]
        if slug not in self.ws.project.archived():
            return self.back(request, "/", f"Not restored: there is no archived campaign {slug[:80]!r}.", "refused")
        try:
            done = self.ws.project.unarchive(slug, self.ws.clock(), by="studio")
        except JunoError as exc:
            return self.back(request, "/", f"Not restored: {exc}", "refused")
        count = len(done.queued)
        return self.back(request, f"/c/{slug}", Said(f"{slug} is back" + (f"; {counted(count, 'post')} queued again."
                                                                          if count else "."),
                                                     Done("Restored; queued again", count)))

    async def favicon(self, request: Request):
        return FileResponse(STATIC / "favicon.ico", media_type="image/x-icon")

    async def too_large(self, request: Request, exc: Exception):
        return self.page(request, "problem.html", status=413, message="that request is over 4 MB: an article file is "
                         "at most 2 MB; choose a smaller file", back=_referer(request), back_label="Back")

    async def not_here(self, request: Request, exc: Exception):
        code = getattr(exc, "status_code", 404)
        if code == 405 and request.method in ("GET", "HEAD"):  # a change's address, reloaded or bookmarked
            return RedirectResponse(_referer(request, _page_of(request.url.path)), status_code=303)
        return self.page(request, "problem.html", status=code, back="/", back_label="Back to the campaigns",
                         message="there is no such page in the studio" if code == 404 else
                         "that address does not take this kind of request")

    async def problem(self, request: Request, exc: Exception):
        if isinstance(exc, JunoError):
            parts = request.url.path.strip("/").split("/")
            if request.method == "POST" and len(parts) == 5 and parts[0] == "c" and parts[4] == "edit":
                # a Save that could not be made (say the campaign file does not read): her words were not saved,
                # and the way back is the tip's own page, where this tab brings them back into its fields (`?tip=`
                # only makes it another address than the one this page stands for, so the link loads the page)
                return self.page(request, "problem.html", status=400, back=f"/c/{parts[1]}?tip={parts[3]}#tip-{parts[3]}",
                                 message=f"Your words were not saved: {exc}",
                                 back_label=f"Back to {parts[3]}: your words are kept in this tab and come back there")
            return self.page(request, "problem.html", status=400, message=str(exc), back=_referer(request),
                             back_label="Back")
        raise exc


def build_app(ws: Workspace, gate: Gate) -> Guard:
    r = _Routes(ws, gate)
    routes = [
        Route("/", r.home),
        Route("/articles", r.add_article, methods=["POST"]),
        Route("/c/{slug}", r.campaign_page),
        Route("/c/{slug}/tips/new", r.add_tip, methods=["POST"]),
        Route("/c/{slug}/links", r.set_links, methods=["POST"]),
        Route("/c/{slug}/tips/{tip}/edit", r.edit, methods=["POST"]),
        Route("/c/{slug}/tips/{tip}/status", r.set_status, methods=["POST"]),
        Route("/c/{slug}/tips/{tip}/reorder", r.reorder, methods=["POST"]),
        Route("/c/{slug}/tips/{tip}/flag", r.drop_flag, methods=["POST"]),
        Route("/c/{slug}/tips/{tip}/preview", r.preview),
        Route("/cards/{slug}/{tip}.png", r.card),
        Route("/calendar", r.calendar_page),
        Route("/posts/move", r.move_post, methods=["POST"]),
        Route("/queue", r.queue_page),
        Route("/do/{action}", r.control, methods=["POST"]),
        Route("/queue/selected", r.bulk, methods=["POST"]),
        Route("/c/{slug}/archive", r.archive_page),
        Route("/c/{slug}/archive", r.archive, methods=["POST"]),
        Route("/archived/{slug}/restore", r.restore, methods=["POST"]),
        Route("/undo", r.undo, methods=["POST"]),
        Route("/changes", r.changes_page),
        Route("/analytics", r.analytics_page),
        Route("/favicon.ico", r.favicon),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={JunoError: r.problem, TooLarge: r.too_large,
                                                                   404: r.not_here, 405: r.not_here})

    async def fresh(scope, receive, send):  # every request sees the project's files as they are now
        if scope["type"] == "http":
            try:
                ws.refresh()
            except JunoError:
                pass  # the page that needs the settings shows the problem
        await app(scope, receive, send)

    return Guard(fresh, gate)


def _referer(request: Request, default: str = "/") -> str:
    """Back to the studio page the form was on (only a path on this site; never elsewhere)."""
    back = request.query_params.get("back") or ""
    return back if back.startswith("/") and not back.startswith("//") else default


def _at_tip(back: str, slug: str | None, tip_id: str | None) -> str:
    """Back on a campaign's page at the tip a change was about (an Undo there lands on it, not at the top)."""
    page = back.partition("#")[0]
    if not slug or not tip_id or page.partition("?")[0] != f"/c/{slug}":
        return back
    return f"{page}#tip-{tip_id}"


def _page_of(path: str) -> str:
    """The page a change's address (which takes only a POST) belongs to: where a GET of it, and a page answered
    to it, go back to."""
    parts = path.strip("/").split("/")
    if parts[0] == "c" and len(parts) > 1:
        return f"/c/{parts[1]}"
    return {"posts": "/calendar", "do": "/queue", "queue": "/queue"}.get(parts[0], "/")


def _not_saved(conflict: Conflict) -> Refused:
    """A conflict as the review page says it, beside the words kept from it."""
    theirs = conflict.theirs or {}
    now = "; ".join(f"{key.replace('_', ' ')}: “{theirs[key]}”" for key in ("headline", "text") if theirs.get(key))
    return Refused("Not saved: the tip changed (in another tab or an editor) after your page was opened. The fields "
                   "hold your words; Save puts them in place of the file's" + (f", which are {now}." if now else "."))


FIELD_LABELS = {"headline": "Headline", "text": "Post text", "alt_text": "Alt text"}  # as the edit form says them


def _clashed(tip_id: str | None, conflict: Conflict) -> str | None:
    """The tip that clashed, as a person knows it: its headline on disk (its id when it has none, or is gone)."""
    return str((conflict.theirs or {}).get("headline") or "") or tip_id


def _sides(ws: Workspace, conflict: Conflict) -> list[dict] | None:
    """The fields that differ between the words typed and the file's, as the conflict page shows them: the edit
    form's label, both sides' words, who changed it, and the form field "Keep yours" posts (with the file's
    words as what it was, so only the fields this tab changed are written, and a newer change is a conflict
    again). None: the change said nothing of what its page showed."""
    if conflict.sides is None:
        return None
    names = {row.network: row.name for row in ws.project.configured_networks()}
    rows = []
    for side in conflict.sides:
        network = side["network"]
        rows.append({**side, "both": side["you_changed"] and side["they_changed"],
                     "label": FIELD_LABELS[side["field"]] if network is None
                     else f"Text on {names.get(network, network)} only",
                     "name": side["field"] if network is None else f"{OWN_TEXT}{network}"})
    return rows


def _day(when: datetime) -> str:
    """A time with its day, as a person reads it: 'Mon 7 Dec 08:34' (a weekday alone does not say which week)."""
    return f"{when:%a} {when.day} {when:%b %H:%M}"


def _local(stamp, zone) -> str:
    """An audit entry's time as the practice reads it: 'Tue 01 Dec 07:00'."""
    try:
        return f"{datetime.fromisoformat(str(stamp)).astimezone(zone):%a %d %b %H:%M}"
    except ValueError:
        return str(stamp)[:16]


def _here(request: Request) -> str:
    """This page's path and query, to come back to after a change made from it."""
    query = request.url.query
    return request.url.path + (f"?{query}" if query and request.method == "GET" else "")


def _newly_sensitive(entry: dict, tip) -> str:
    """What Save says when the new words made the tip sensitive: why, and what to do before it can go out."""
    before = (entry.get("before") or {}).get("review") or []
    if tip is None or "sensitive" not in tip.review or "sensitive" in before:
        return ""
    words = ", ".join(f"“{word}”" for word in tip.review_words.get("sensitive", ()))
    again = (" A new flag re-opens review, so it is back to draft and out of the queue until you approve it again."
             if (entry.get("before") or {}).get("status") == "approved" else "")
    return (f" Its new words bring {words or 'a sensitive topic'}, which its words before did not have, so it is "
            f"flagged sensitive and will carry the crisis footer.{again} Tick “I have reviewed it” and approve it to "
            "queue it.")


def _own_texts_over(ws: Workspace, slug: str, tip_id: str, tip) -> str | None:
    """What queue does with a network's own text over that network's limit, in words (None: each fits)."""
    own = dict(tip.texts) if tip is not None else {}
    if not own:
        return None
    posts = ws.project.campaign_posts(slug, tip_id).tips[0].posts
    over = [p for p in posts if p.network in own and not p.fits]
    return " ".join(f"But the {p.name} text is {p.length} {p.how}, over {p.name}'s {p.limit}: it will not go out on "
                    f"{p.name} (the other networks still get theirs) until you shorten it." for p in over) or None


def _next_undo(ws: Workspace) -> dict | None:
    """What the Undo button (and the `u` key) will undo: its id and a person's words for it."""
    change = ws.project.next_undo()
    if change is None:
        return None
    try:
        blocked = ws.project.undo_blocked(change.id, now=ws.clock())
    except JunoError as exc:  # a campaign file that does not read: undo would say so too
        blocked = str(exc)
    # a change made elsewhere (the command line's `approve`) says so: the Undo beside her page is not taken for hers
    describe = change.describe if change.by == "studio" else f"{change.describe}, {_BY.get(change.by, 'made elsewhere')}"
    return {"id": change.id, "describe": describe, "blocked": blocked}


_BY = {"cli": "made from the command line", "demo": "made by the demo"}


def _posting(ws: Workspace) -> dict | None:
    """Whether posting really runs, in words for the header (None when the settings do not load)."""
    try:
        beat = ws.project.posting_runs(ws.clock())
        zone = ws.settings.schedule.zone
        configured = ws.project.configured_networks()
    except JunoError:
        return None
    rehearsed = [n.network for n in configured if n.rehearsal]
    if rehearsed and len(rehearsed) == len(configured):
        outbox = "outbox: posts are written to .juno/outbox/, nothing is sent to a network"
    elif rehearsed:
        outbox = f"{', '.join(rehearsed)}: written to .juno/outbox/, not sent; the others post for real"
    else:
        outbox = None
    if beat.daemon_pid:
        said = f"posting runs: the daemon (pid {beat.daemon_pid})"
    elif beat.last_run_due and not beat.stale:
        said = f"posting runs: run-due at {_day(datetime.fromisoformat(beat.last_run_due).astimezone(zone))}"
    elif beat.last_run_due:
        said = (f"posting has not run since {datetime.fromisoformat(beat.last_run_due).astimezone(zone):%a %d %b %H:%M}"
                f" (over the {beat.catch_up_minutes} min catch-up window): is cron still running run-due?")
    elif beat.simulated_run_due:
        said = "posting is not running: run-due has run here only with --now; add it to cron or start the daemon"
    else:
        said = "posting is not running: run-due has never run here; add it to cron or start the daemon"
    if beat.simulated_run_due and not beat.daemon_pid:
        simulated = datetime.fromisoformat(beat.simulated_run_due).astimezone(zone)
        said += f" (the latest run-due ran on a simulated clock: --now {simulated:%a %Y-%m-%d %H:%M})"
    return {"said": said, "stale": beat.stale,
            "outbox": outbox}


def _on(network: str | None) -> str:
    return f" on {network}" if network else ""


def _practice_hashtags(ws: Workspace) -> str:
    """posts/schedule.yaml's hashtags as the paste form shows them ("" when the settings do not load)."""
    try:
        return " ".join(ws.settings.schedule.hashtags)
    except JunoError:
        return ""


def _networks(ws: Workspace) -> list[str]:
    return [account.network for account in ws.settings.schedule.all_accounts]


def _handle(ws: Workspace) -> str:
    try:
        return ws.settings.schedule.account.handle
    except JunoError:
        return ""
