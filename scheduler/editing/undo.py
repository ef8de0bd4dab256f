"""Undo and redo: one change of .juno/audit.jsonl reverted exactly, if what it changed is still as it left it.

A change to a tip is reverted in its campaign file (words, status, pin and place) and then its posts go back
to their slots; a skip or retry on the queue puts the posts back; a pause or resume is reversed; an added
article goes again while nothing was done with it. An undo of an undo is a redo. Anything else is Refused,
with nothing changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from scheduler import audit, controls
from scheduler.audit import post_snapshot, snapshot
from scheduler.campaigns.placing import taken_calendar
from scheduler.campaigns.roundtrip import find, index_of, put_tip
from scheduler.campaigns.timetable import Timetable
from scheduler.errors import Conflict, JunoError, Refused, UsageError
from scheduler.fileio import write_atomic
from scheduler.store.records import SKIPPED, SKIPPED_BY_CAMPAIGN, WAITING, latest_rounds

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from scheduler.editing import Editor
    from scheduler.store import Store


def undo(editor: Editor, entry_id: str | None, now: datetime) -> dict | None:
    """Revert one change (default: the latest still in effect, wherever it was made), with every change made
    at once with it (a batch: a bulk skip, approval or move); returns the entry reverted (with `of`, how many
    together), or None when there is nothing to undo."""
    root = editor.root
    if entry_id:
        entry = audit.find_entry(root, entry_id)
        if entry is None:
            raise Refused("that change is not in .juno/audit.jsonl; reload the page")
        found = audit.entries(root)
        if entry["id"] in audit.undone_ids(found):
            raise Refused(f"{audit.describe(entry)} is undone already")
        if entry["id"] in audit.superseded_ids(found):
            raise Refused(f"{audit.describe(entry)} was undone or redone since: use the newest row of that change "
                          "on the Changes page")
    else:
        entry = audit.last_undoable(root)
        if entry is None:
            return None
    found = audit.entries(root)
    undone = audit.undone_ids(found)
    members = [e for e in reversed(audit.batch_of(found, entry)) if e["id"] not in undone]
    if len(members) <= 1:
        return _undo_alone(editor, entry, now)
    problem = _blocked(editor, entry, members, now)
    if problem:
        raise Refused(problem)
    batch = audit.new_batch(now)
    together = {"batch": batch, "of": len(members)}  # a redo reverts them together too
    kept = _keep(editor, members)
    member = members[0]
    elsewhere = []
    try:
        for member in members:  # newest first, as they were made the other way round
            elsewhere.append(_undo_one(editor, member, now, together))
    except Exception as failed:  # whatever stopped it (a refusal, a file, the database), all or nothing
        if not isinstance(failed, (JunoError, OSError)):
            logger.exception("undo: %s stopped part way", audit.describe(member))
        stuck = _put_back(editor, kept, lambda e: e.get("batch") == batch, now)
        said = f"none of the {len(members)} changes made at once was {_verb(entry)}: " + (
            str(failed) if isinstance(failed, Refused) else
            f"{audit.describe(member)} stopped part way ({' '.join(str(failed).split()) or type(failed).__name__})")
        if stuck:
            raise Refused(f"{said}; and {'; '.join(stuck)}: check them on the Queue page") from None
        raise Refused(f"{said}; every change of this undo is put back") from None
    return {**entry, "of": len(members), "elsewhere": "; ".join(said for said in elsewhere if said) or None}


def _undo_alone(editor: Editor, entry: dict, now: datetime) -> dict:
    """Revert a change made alone, all or nothing: a refusal writes nothing (each revert checks first), and
    one that stops part way (a file or the database failing after the campaign file was written) puts the
    file, the posts and the log back as they were and says so."""
    kept = _keep(editor, [entry])
    try:
        elsewhere = _undo_one(editor, entry, now)
    except JunoError:
        raise
    except Exception as failed:
        logger.exception("undo: %s stopped part way", audit.describe(entry))
        stuck = _put_back(editor, kept, lambda e: e.get("undoes") == entry["id"], now)
        why = ' '.join(str(failed).split()) or type(failed).__name__
        if stuck:
            raise Refused(f"{audit.describe(entry)} was not {_verb(entry)} (it stopped part way: {why}), and "
                          f"{'; '.join(stuck)}: check them on the Queue page") from None
        # one true thing: nothing changed, and what to do (no "undo it by hand" beside "as it was before")
        raise Refused(f"the {'redo' if _verb(entry) == 'redone' else 'undo'} of {audit.describe(entry)} stopped ({why}); what it had done is put back, so "
                      "nothing changed; try Undo again") from None
    return {**entry, "elsewhere": elsewhere}


def blocked(editor: Editor, entry_id: str, now: datetime) -> str | None:
    """Why undo(entry_id) would be refused now, in the words it would say (None: it would revert it)."""
    entry = audit.find_entry(editor.root, entry_id)
    if entry is None:
        return "that change is not in .juno/audit.jsonl"
    found = audit.entries(editor.root)
    undone = audit.undone_ids(found)
    members = [e for e in reversed(audit.batch_of(found, entry)) if e["id"] not in undone]
    return _blocked(editor, entry, members or [entry], now)


def _blocked(editor: Editor, entry: dict, members: Sequence[dict], now: datetime) -> str | None:
    """Every change of a batch checked (or the one change): one message naming each that cannot be reverted."""
    problems = []
    values: dict[str, dict[str, dict | None]] = {}  # each campaign file read once
    for member in members:
        try:
            _check_one(editor, member, now, values, slots=len(members) == 1)
        except Refused as refused:
            problems.append(str(refused))
    if not problems:
        return None
    if len(members) == 1:
        return f"{problems[0]}; undo the later change first, or change it by hand"
    return (f"{len(problems)} of the {len(members)} changes made at once can no longer be {_verb(entry)}: "
            f"{'; '.join(problems)}; so none of them was. Undo the later changes first, or change those by hand")


def _verb(entry: dict) -> str:
    return "redone" if entry["what"] == "undo" else "undone"


def _check_one(editor: Editor, entry: dict, now: datetime, values: dict[str, dict[str, dict | None]], slots: bool = False) -> None:
    """Refused (naming the change and why) when `entry` can no longer be reverted exactly; nothing written.
    `values`: each campaign's tips as on disk, filled as files are read."""
    if entry.get("tip") and entry.get("campaign") and not entry.get("links") and (
            entry.get("before") is not None or entry.get("after") is not None):
        slug = entry["campaign"]
        if slug not in values:
            values[slug] = editor.campaign_file(slug).tips_values()
        now_values = values[slug].get(entry["tip"])
        after = entry.get("after")
        expected = None if after is None else {k: v for k, v in after.items() if k != "position"}
        if now_values != expected:
            raise Refused(f"tip {entry['tip']!r} changed after {audit.describe(entry)}")
    elif not (entry.get("posts") or {}).get("before") and entry["what"] not in (
            "pause", "resume", "update-article", "archive", "add-article") and not entry.get("links"):
        raise Refused(f"{audit.describe(entry)} cannot be {_verb(entry)} from the studio")
    _check_posts(editor, entry, now, slots=slots)


def _keep(editor: Editor, members: Sequence[dict]) -> dict:
    """What a batch undo may change, as it is now: the campaign files' bytes, the tips' posts, the log's length."""
    slugs = {m["campaign"] for m in members if isinstance(m.get("campaign"), str)}
    files = {}
    for slug in slugs:
        try:
            file = editor.campaign_file(slug)
        except JunoError:  # not in posts/ now (archived, or never there): no file of it to keep
            continue
        files[slug] = (file.path, file.read()[0])
    keys = {f"{m['campaign']}/{m['tip']}" for m in members if m.get("campaign") and m.get("tip")}
    log = audit.audit_path(editor.root)
    return {"files": files, "posts": {key: editor.post_states(key) for key in keys},
            "log": log.stat().st_size if log.is_file() else 0}


def _put_back(editor: Editor, kept: dict, ours: Callable[[dict], bool], now: datetime) -> list[str]:
    """An undo that failed part way: its files, posts and log lines (those `ours` knows) back as they were
    before it. Each is tried whatever befell the others; returns what could not be put back, in a person's
    words."""
    stuck = []
    for slug, (path, text) in kept["files"].items():
        try:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:  # an untouched file stays as it is
                write_atomic(path, text)
        except (JunoError, OSError) as exc:
            logger.exception("undo: could not put back posts/%s.yaml", slug)
            stuck.append(f"posts/{slug}.yaml could not be put back ({exc})")
    for key, rows in kept["posts"].items():
        try:
            current = editor.post_states(key)
            if current != rows:  # untouched posts are not written again (the write that failed may fail again)
                editor.restore_posts(rows, current, now, slots=False)
        except Exception as exc:  # every other tip's posts still go back
            logger.exception("undo: could not put back the posts of %s", key)
            stuck.append(f"the posts of {key} could not be put back ({' '.join(str(exc).split())})")
    audit.drop_tail(editor.root, kept["log"], ours)
    return stuck


def _undo_one(editor: Editor, entry: dict, now: datetime, together: dict | None = None) -> str | None:
    """Revert one entry; `together` (batch, of) marks the lines written as part of one undo of several. Returns
    where a post went instead of its old slot, and why, in words (None: everything is back exactly)."""
    root = editor.root
    extra = {k: v for k, v in (together or {}).items() if k == "batch"}
    what = "redo" if entry["what"] == "undo" else "undo"
    if entry["what"] in ("pause", "resume"):
        network = entry.get("network") if isinstance(entry.get("network"), str) else None
        with editor.store() as store:
            (controls.resume if entry["what"] == "pause" else controls.pause)(editor.settings, store, now, network)
        audit.record(root, what=what, campaign=None, tip=None, before=None, after=None, now=now,
                     undoes=entry["id"], extra={"network": network, **extra})
        return None
    if entry.get("links") and entry.get("campaign"):
        _revert_links(editor, entry, what, now)
        return None
    if entry["what"] == "update-article" and entry.get("campaign"):
        _revert_update(editor, entry, now)
        audit.record(root, what=what, campaign=entry["campaign"], tip=None, before=entry.get("after"), after=None,
                     now=now, undoes=entry["id"], extra=extra or None)
        return None
    if entry["what"] == "archive" and entry.get("campaign"):
        _unarchive(editor, entry, now)
        audit.record(root, what=what, campaign=entry["campaign"], tip=None, before=None, after=None, now=now,
                     undoes=entry["id"], extra=extra or None)
        return None
    if entry["what"] == "add-article":
        _remove_article(editor, entry)
        audit.record(root, what=what, campaign=entry["campaign"], tip=None, before=entry["after"],
                     after=None, now=now, undoes=entry["id"], extra=extra or None)
        return None
    if not entry.get("campaign"):
        raise Refused(f"{audit.describe(entry)} cannot be undone from the studio")
    posts = entry.get("posts") or {}
    if entry.get("tip") and (entry.get("before") is not None or entry.get("after") is not None):
        return _revert_tip(editor, entry, what, now, extra)
    if not posts.get("before"):
        if entry["what"] == "undo":
            raise Refused(f"{audit.describe(entry)} cannot be redone; make the change again")
        raise Refused(f"{audit.describe(entry)} cannot be undone from the studio")
    key = f"{entry['campaign']}/{entry['tip']}"
    current = editor.post_states(key)
    try:
        editor.restore_posts(posts["before"], posts.get("after") or current, now)
    except JunoError as exc:
        raise Refused(str(exc)) from None
    audit.record(root, what=what, campaign=entry["campaign"], tip=entry["tip"], before=None,
                 after=None, now=now, undoes=entry["id"],
                 posts={"before": current, "after": editor.post_states(key)}, extra=extra or None)
    return None


def _check_posts(editor: Editor, entry: dict, now: datetime, slots: bool = True) -> None:
    """Refused, nothing written, when the posts `entry` changed are no longer as it left them (a later move,
    skip or retry of the same posts) or can no longer be put back (posted; with `slots`, their old slots taken)."""
    posts = entry.get("posts") or {}
    if (not posts.get("before") or not entry.get("campaign") or not entry.get("tip") or entry.get("links")
            or entry["what"] in ("pause", "resume", "update-article", "archive", "add-article")):
        return
    current = editor.post_states(f"{entry['campaign']}/{entry['tip']}")
    expected = posts.get("after") or _status_kept(posts["before"], current)
    try:
        editor.restore_posts(posts["before"], expected, now, check_only=True, slots=slots)
    except JunoError as exc:
        raise Refused(f"{audit.describe(entry)}: {exc}") from None


def _status_kept(wanted: Sequence[dict], current: Sequence[dict]) -> list[dict]:
    """What a change that recorded no posts after it (a move) left: each post as it is now, but in the status
    it had before (a move changes no status; a post skipped or posted since has changed after it)."""
    status = {str(row.get("id")): row.get("status") for row in wanted}
    return [{"id": row["id"], "status": status.get(row["id"], row["status"])} for row in current]


def _revert_update(editor: Editor, entry: dict, now: datetime) -> None:
    """The article and its campaign file back as they were before "update the campaign with this text", if the
    campaign file is still as that update left it; then its posts follow, as after any change."""
    after = entry.get("after") or {}
    slug = entry["campaign"]
    file = editor.campaign_file(slug)
    _, version = file.read()
    if after.get("version") != version:
        raise Refused(f"posts/{slug}.yaml changed after its article was updated; put it back by hand "
                      f"(the earlier files are in {after.get('kept')})")
    kept = editor.root / str(after.get("kept", ""))
    article = editor.root / str(after.get("article", ""))
    if not (kept / "article").is_file() or article.parent != editor.root / "posts" / "articles":
        raise Refused(f"the earlier article of {slug} is no longer in .juno/replaced/; put it back by hand")
    write_atomic(article, (kept / "article").read_bytes())
    write_atomic(file.path, (kept / "campaign.yaml").read_bytes())
    editor.queue(slug, now)


def _unarchive(editor: Editor, entry: dict, now: datetime) -> None:
    """The archived campaign back in posts/, and each post it withdrew back in its own slot."""
    posts = entry.get("posts") or {}
    try:
        controls.restore_campaign(editor.root, entry["campaign"])
    except UsageError as exc:
        raise Refused(str(exc)) from None
    try:
        editor.restore_posts(posts.get("before") or [], posts.get("after") or [], now)
    except JunoError as exc:
        raise Refused(f"{entry['campaign']} is back in posts/, but not its posts: {exc}") from None


def _revert_tip(editor: Editor, entry: dict, what: str, now: datetime, extra: dict | None = None) -> str | None:
    """The tip back as it was before `entry` (its words, status, pin and place), then its posts' slots: those it
    recorded, or else those its posts had when `entry` took the tip out of the queue (an edit that flagged it)."""
    file = editor.campaign_file(entry["campaign"])
    tip_id = entry["tip"]
    before, after = entry.get("before"), entry.get("after")

    def revert(tips):
        now_values = snapshot(find(tips, tip_id))
        expected = None if after is None else {k: v for k, v in after.items() if k != "position"}
        if now_values != expected:
            raise Refused(f"tip {tip_id!r} changed after {audit.describe(entry)}, so Undo cannot put it back "
                          "exactly; nothing changed. Change it back yourself on its page (or in its file)")
        _check_posts(editor, entry, now)  # before the file is written: a refusal leaves it and the log alone
        values = None if before is None else {k: v for k, v in before.items() if k != "position"}
        position = before.get("position") if before else index_of(tips, tip_id)
        return put_tip(tips, values, tip_id, position)

    key = f"{entry['campaign']}/{tip_id}"
    slots_before = (entry.get("posts") or {}).get("before")
    current = editor.post_states(key) if slots_before else None
    withdrawn = [] if slots_before else _withdrawn_by(editor, entry, key)
    before_text, _ = file.read()
    saved = file.change(tip_id, revert, version=None, what=what, now=now, undoes=entry["id"],
                        posts={"before": current, "after": slots_before} if slots_before else None,
                        extra=extra or None)
    if slots_before and saved.entry is not None:
        # the posts back in their slots before the campaign is queued again: queue must never see a post whose
        # pin just went still at the pinned time (off the timetable), or it moves it on, with a warning, before
        # this puts it back
        moved = editor.post_states(key)
        try:
            editor.restore_posts(slots_before, moved, now)
        except JunoError as exc:
            editor.queue_or_restore(file, before_text, saved, now)
            raise Refused(f"the tip is back as it was, but {exc}") from None
        try:
            editor.queue_or_restore(file, before_text, saved, now)
        except Refused:
            editor.restore_posts(moved, editor.post_states(key), now, slots=False)
            raise
        return None
    editor.queue_or_restore(file, before_text, saved, now)
    return _back_in_old_slots(editor, key, withdrawn, now) if saved.entry is not None else None


def _withdrawn_by(editor: Editor, entry: dict, key: str) -> list[dict]:
    """The posts `entry` took out of the queue when it sent its tip back from approved (an edit that flagged it):
    skipped by the campaign, each still holding its old slot."""
    if (entry.get("before") or {}).get("status") != "approved" or (entry.get("after") or {}).get("status") == "approved":
        return []
    return [row for row in editor.post_states(key) if row["status"] == SKIPPED
            and row.get("skip_reason") == SKIPPED_BY_CAMPAIGN]


def _back_in_old_slots(editor: Editor, key: str, withdrawn: Sequence[dict], now: datetime) -> str | None:
    """Queue placed the posts of a tip approved again at the next free slot: each back in the slot it had before
    (when still ahead and free); else where it goes instead and why, in words."""
    placed = {row["id"]: row for row in editor.post_states(key)}
    wanted = [{**row, "status": placed[row["id"]]["status"], "pinned": placed[row["id"]]["pinned"]}
              for row in withdrawn if placed.get(row["id"], {}).get("status") in WAITING]
    zone = editor.settings.schedule.zone

    def local(row: dict) -> str:
        return f"{datetime.fromisoformat(str(row['due_at'])).astimezone(zone):%a %d %b %H:%M}"

    try:
        editor.restore_posts(wanted, [placed[row["id"]] for row in wanted], now)
    except JunoError as exc:  # an old slot taken by another post now: queue's slot stays
        why = str(exc).removesuffix("; move it by hand on the calendar")
        for row in wanted:
            why = why.removeprefix(f"{row['id']}: ")
        return f"{why}, so it goes out {local(placed[wanted[0]['id']])} instead"
    went = {row["id"]: row for row in editor.post_states(key)}
    return "; ".join(dict.fromkeys(f"its old slot {local(row)} has passed, so it goes out {local(went[row['id']])} instead"
                                   for row in wanted if row["id"] in went and local(went[row["id"]]) != local(row))) or None


def _revert_links(editor: Editor, entry: dict, what: str, now: datetime) -> None:
    """The article's address and the campaign's hashtags back as they were before `entry`, if still as it left them."""
    file = editor.campaign_file(entry["campaign"])
    before_text, _ = file.read()
    try:
        saved = file.change_links(entry.get("before") or {}, was=entry.get("after") or {}, now=now,
                                  what=what, undoes=entry["id"])
    except Conflict:
        raise Refused(f"the address or hashtags of {entry['campaign']} changed after {audit.describe(entry)}; "
                      "set them by hand") from None
    editor.queue_or_restore(file, before_text, saved, now)


def _remove_article(editor: Editor, entry: dict) -> None:
    """Undo of "Add an article": its campaign, article and split record go, if nothing was done with it."""
    root = editor.root
    slug = entry["campaign"]
    after = entry.get("after") or {}
    file = editor.campaign_file(slug)
    _, version = file.read()
    if after.get("version") != version:
        raise Refused(f"posts/{slug}.yaml changed after it was added; remove the campaign by hand")
    with editor.store() as store:
        if any(post.campaign == slug for post in store.posts()):
            raise Refused(f"{slug} has posts in the queue; skip them first")
    article = root / str(after.get("article", ""))
    if article.parent == root / "posts" / "articles":
        article.unlink(missing_ok=True)
    (root / ".juno" / "split" / f"{slug}.json").unlink(missing_ok=True)
    file.path.unlink()


# --- the posts' slots -------------------------------------------------------------------------------

def post_states(store: Store, tip_key: str) -> list[dict[str, Any]]:
    """The latest post of a tip on each network as undo needs it."""
    posts = latest_rounds((p for p in store.posts() if p.tip_key == tip_key), key=lambda p: p.network)
    return [post_snapshot(post) for post in sorted(posts.values(), key=lambda p: p.id)]


def restore_posts(settings, store: Store, wanted: Sequence[dict], expected: Sequence[dict], now: datetime,
                  check_only: bool = False, slots: bool = True) -> list[str]:
    """Put posts back as `wanted` says (status, slot, pin), if each is still as `expected` left it (its status,
    slot, pin and skip reason: a later move or skip of the same post is a refusal, never overwritten).

    The exact inverse of a skip, retry or move: a post returns to its own slot when that slot is still
    ahead and free; otherwise a UsageError says why and nothing changes. Returns the ids changed;
    `check_only`: only the checks, nothing written (a change that also writes a file asks first); `slots`
    False: not whether the old slots are free (posts of one batch free each other's slots as they go back)."""
    now_by_id = {row["id"]: row for row in expected}
    changed: list[str] = []
    plans = []
    for row in wanted:
        post = store.get(str(row.get("id")))
        if post is None:
            raise UsageError(f"{row.get('id')}: no such post any more; nothing was undone")
        if not _as_left(post_snapshot(post), now_by_id.get(post.id)):
            raise UsageError(f"{post.id} changed after that ({_said(post)} now); a later change touched it, so "
                             "nothing was put back: undo that later change first, or change it by hand")
        if post.status not in WAITING + (SKIPPED,):
            raise UsageError(f"{post.id} is {post.status}; it can no longer be put back")
        due = datetime.fromisoformat(str(row["due_at"]))
        plans.append((post, due, row))
    timetable = Timetable(settings.schedule)
    calendar = taken_calendar(store, timetable, now, exclude={post.tip_key for post, _, _ in plans})
    for post, due, row in plans if slots else ():
        if row["status"] in WAITING and due > now and not calendar.fits(due):
            local = due.astimezone(settings.schedule.zone)
            raise UsageError(f"{post.id}: its old slot {local:%a %d %b %H:%M} is taken by another post now; "
                             "move it by hand on the calendar")
    if check_only:
        return []
    for post, due, row in plans:
        status = row["status"] if row["status"] in WAITING + (SKIPPED,) else post.status
        if status in WAITING and due <= now:  # its slot has passed: it goes at the next free one
            due = calendar.next_free(post.id, now)
        if store.update_waiting(post.id, now, status=status, skip_reason=row.get("skip_reason"),
                                due_at=due, pinned=bool(row.get("pinned"))):
            changed.append(post.id)
    return changed


def _as_left(now_row: dict, expected: dict | None) -> bool:
    """Is a post (as post_snapshot gives it) still as a change left it? Its status, slot (to the minute), pin
    and skip reason; a row the change did not record (an older log line) is taken as it is."""
    if expected is None:
        return True
    for key in ("status", "pinned", "skip_reason"):
        if key in expected and now_row.get(key) != expected.get(key):
            return False
    if "due_at" in expected:
        try:
            then = datetime.fromisoformat(str(expected["due_at"]))
        except ValueError:
            return False
        if abs((datetime.fromisoformat(now_row["due_at"]) - then).total_seconds()) >= 60:
            return False
    return True


def _said(post) -> str:
    due = post.due_at.isoformat(timespec="minutes").replace("T", " ")
    return f"{post.status}{', pinned' if post.pinned else ''}, due {due}"
