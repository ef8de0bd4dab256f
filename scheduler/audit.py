"""`.juno/audit.jsonl`: one JSON line per change to a campaign (what, when, by what, before and after).

Lines are only ever appended (O_APPEND, one write per line, fsync), so two writers never interleave
half-lines and a crash loses at most the line being written. Undo reads the log backwards: the
latest change not yet undone (an undo is itself a line that names the change it reverted).
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from scheduler.errors import OutputError
from scheduler.fileio import check_target, read_input

AUDIT_NAME = "audit.jsonl"
AUDIT_SHOWN = ".juno/audit.jsonl"
AUDIT_LIMIT = 256 * 1024 * 1024


def audit_path(root: Path | str) -> Path:
    return Path(root) / ".juno" / AUDIT_NAME


def check_writable(root: Path | str) -> None:
    """Before a change that will be logged: the log can take a line (OutputError if not; nothing changed yet)."""
    check_target(audit_path(root), AUDIT_SHOWN, append=True)


def record(root: Path | str, *, what: str, campaign: str | None, tip: str | None, before, after, now: datetime,
           by: str = "studio", undoes: str | None = None, posts: dict | None = None,
           extra: dict | None = None) -> dict:
    """Append one change; returns the entry (with its id).

    `before`/`after` are the tip's mapping (with its position) on either side of the change; `posts` is
    {"before": [...], "after": [...]} with the queued posts' state (status, slot, pin) when the change moved
    or skipped posts, so that undo can put them back exactly."""
    entry = {"id": f"{now.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(4)}", "at": now.isoformat(),
             "by": by, "what": what, "campaign": campaign, "tip": tip, "before": before, "after": after}
    if posts:
        entry["posts"] = posts
    if extra:
        entry.update({k: v for k, v in extra.items() if k not in entry})
    if undoes:
        entry["undoes"] = undoes
        if "reverses" not in entry:
            entry["reverses"] = _reversed_words(root, undoes)
    path = audit_path(root)
    check_writable(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(entry, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o644)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)
    return entry


def drop_tail(root: Path | str, size: int, ours: Callable[[dict], bool]) -> None:
    """Take back the lines an undo that failed part way wrote (those `ours` knows, after byte `size`): the log is
    cut back only when every line after `size` is one of them; a line someone else wrote since stays, and each
    of ours is then reverted by a line of its own."""
    path = audit_path(root)
    if not path.is_file():
        return
    with open(path, "rb") as handle:
        handle.seek(size)
        tail = [_loaded(line) for line in handle.read().splitlines() if line.strip()]
    if all(isinstance(e, dict) and ours(e) for e in tail):
        os.truncate(path, size)
        return
    for e in tail:
        if isinstance(e, dict) and ours(e):
            record(root, what="redo", campaign=e.get("campaign"), tip=e.get("tip"), before=None, after=None,
                   now=datetime.fromisoformat(str(e["at"])), by=str(e.get("by", "studio")), undoes=str(e["id"]))


def _reversed_words(root: Path | str, target_id: str) -> str | None:
    """The words for the change an undo or redo reverts, kept in its own line ("the move of a-tip to 2026-12-08
    12:00", "the approval of 20 tips at once"): an undo of an undo, a redo, names the first change too."""
    found = entries(root)
    target = next((e for e in found if e["id"] == target_id), None)
    if target is None:
        return None
    if target["what"] in REVERSALS and isinstance(target.get("reverses"), str):
        return target["reverses"]
    return describe(_counted(found, target))


def _loaded(line: bytes):
    try:
        return json.loads(line)
    except ValueError:
        return None


def entries(root: Path | str) -> list[dict]:
    """Every entry, oldest first. A line that is not a whole entry (a crash mid-write, a hand edit, junk)
    is passed over: the log is read defensively, so one bad line never stops undo."""
    path = audit_path(root)
    if not path.is_file():  # missing, or a folder, pipe or device in its place: nothing to read, never a wait
        return []
    try:
        lines = read_input(path, AUDIT_SHOWN, error=OutputError, limit=AUDIT_LIMIT).decode("utf-8", "replace").splitlines()
    except OutputError:
        return []
    found = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if _whole(entry):
            found.append(entry)
    return found


def _whole(entry) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("id"), str) and isinstance(entry.get("what"), str)
            and isinstance(entry.get("campaign"), (str, type(None))) and isinstance(entry.get("tip"), (str, type(None)))
            and isinstance(entry.get("before"), (dict, type(None))) and isinstance(entry.get("after"), (dict, type(None)))
            and isinstance(entry.get("posts", {}), dict) and isinstance(entry.get("undoes", ""), str))


REVERSALS = ("undo", "redo")


def undone_ids(found: list[dict]) -> set[str]:
    """The ids of the entries whose effect is reverted now (an undo that was itself undone no longer counts)."""
    undone: set[str] = set()
    for entry in reversed(found):  # newest first: a later reversal decides
        target = entry.get("undoes")
        if target and entry["id"] not in undone:
            undone.add(target)
    return undone


def superseded_ids(found: list[dict]) -> set[str]:
    """The ids of the entries a later undo or redo of the same change has overtaken. A change and its undos and
    redos form one chain (each `undoes` the one before); only the chain's newest entry can be reversed, so a
    redo's Undo and the original's Undo can never both be offered, one of them then refused."""
    by_id = {entry["id"]: entry for entry in found}

    def origin(entry: dict) -> str:
        seen = set()
        while entry.get("undoes") in by_id and entry["id"] not in seen:
            seen.add(entry["id"])
            entry = by_id[entry["undoes"]]
        return entry["id"]

    newest: dict[str, str] = {}
    for entry in found:  # oldest first: the last one of each chain stays
        newest[origin(entry)] = entry["id"]
    latest = set(newest.values())
    return {entry["id"] for entry in found if entry["id"] not in latest}


def new_batch(now: datetime) -> str:
    """The id several changes made as one (a bulk skip, approval or move) share: undo reverts them together."""
    return f"batch-{now.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(4)}"


def batch_of(found: list[dict], entry: dict) -> list[dict]:
    """The entries made together with `entry` (itself included), oldest first; just [entry] when alone."""
    batch = entry.get("batch")
    if not isinstance(batch, str):
        return [entry]
    return [e for e in found if e.get("batch") == batch]


def _counted(found: list[dict], entry: dict) -> dict:
    """The entry with `of`: how many changes were made together with it (for its description)."""
    members = batch_of(found, entry)
    return {**entry, "of": len(members)} if len(members) > 1 else entry


def last_undoable(root: Path | str) -> dict | None:
    """The latest change that is in effect (a change, or a redo), wherever it was made."""
    found = entries(root)
    undone = undone_ids(found) | superseded_ids(found)
    for entry in reversed(found):
        if entry["id"] in undone or entry["what"] == "undo":
            continue
        return _counted(found, entry)
    return None


def find_entry(root: Path | str, entry_id: str) -> dict | None:
    return next((e for e in entries(root) if e["id"] == entry_id), None)


def recent(root: Path | str, limit: int = 20) -> list[dict]:
    """The latest changes, newest first, each with `undone` (reverted since) and `superseded` (a later undo or redo
    of the same change carries its button). Changes made at once (a bulk
    skip, move or approval, or its undo) are one row: their newest entry, with `of` (how many) and `items` (the
    tips they touched, campaign/tip, in the order they were made); one Undo reverts them all."""
    found = entries(root)
    undone = undone_ids(found)
    superseded = superseded_ids(found)
    rows: list[dict] = []
    seen: set[str] = set()
    for entry in reversed(found):
        if len(rows) >= limit:
            break
        batch = entry.get("batch")
        if isinstance(batch, str):
            if batch in seen:
                continue
            seen.add(batch)
        members = batch_of(found, entry)
        entry = _counted(found, entry)
        items = list(dict.fromkeys("/".join(str(m[key]) for key in ("campaign", "tip") if m.get(key)) for m in members))
        rows.append({**entry, "undone": entry["id"] in undone, "superseded": entry["id"] in superseded,
                     "describe": describe(entry),
                     "items": [item for item in items if item] if len(members) > 1 else []})
    return rows


_WHAT = {"edit": "edit", "approve": "approval", "acknowledge": "acknowledgement", "skip": "skip", "draft": "back to draft",
         "reorder": "reordering", "add": "new tip", "move": "move", "skip-post": "skip on the queue",
         "retry-post": "retry", "pause": "pause", "resume": "resume", "add-article": "new article",
         "archive": "archiving", "update-article": "update of the article", "unflag": "removal of a flag",
         "rename-handle": "renaming"}


def describe(entry: dict) -> str:
    """A person's words for one change: 'the skip on the queue of resistance-isnt-indifference'."""
    what = entry["what"]
    of = entry.get("of")
    together = of if isinstance(of, int) else 1
    if what in REVERSALS:
        if isinstance(entry.get("reverses"), str):
            return f"{what} of {entry['reverses']}"
        if together > 1:
            return f"{what} of {together} changes made at once"
        return f"{what} of {entry.get('tip') or entry.get('campaign') or 'a change'}"
    words = _WHAT.get(what, what)
    if together > 1:
        things = "posts" if what in ("skip-post", "retry-post", "move") else "tips"
        return f"the {words} of {together} {things} at once"
    if what in ("pause", "resume"):
        return f"the {words} of posting"
    if what == "rename-handle":
        return f"the {words} of {entry.get('old')} to {entry.get('new')} on {entry.get('network')}"
    if what == "add-article":
        return f"the {words} {entry.get('campaign')}"
    if what == "links":
        changed = [{"url": "address", "hashtags": "hashtags"}.get(str(f), str(f)) for f in entry.get("fields") or ()]
        return f"the change of {entry.get('campaign')}'s {' and '.join(changed) or 'address and hashtags'}"
    if what == "move" and isinstance(entry.get("after"), dict) and entry["after"].get("at"):
        return f"the move of {entry.get('tip')} to {str(entry['after']['at']).replace('T', ' ')}"
    fields = entry.get("fields")
    if what == "edit" and isinstance(fields, list) and fields:
        return f"the edit of {entry.get('tip')} ({', '.join(str(f).replace('_', ' ') for f in fields)})"
    return f"the {words} of {entry.get('tip') or entry.get('campaign')}"


def post_snapshot(post) -> dict:
    """A queued post as the log keeps it, for undo: id, network, status, slot (UTC ISO), pin, skip reason."""
    return {"id": post.id, "network": post.network, "status": str(post.status),
            "due_at": post.due_at.isoformat(), "pinned": post.pinned, "skip_reason": post.skip_reason}


def snapshot(item) -> dict | None:
    """A tip's mapping as plain JSON-able data, for the log and for comparing (times to the minute)."""
    if item is None:
        return None

    def plain(value):
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, datetime):
            return value.isoformat(timespec="minutes")
        if isinstance(value, str):
            return str(value)
        return value

    return plain(item)
