"""Several drafts approved, or several posts moved, from the Queue page: each change as the studio makes one
alone, sharing one batch id in .juno/audit.jsonl, so that one Undo reverts them all.

Approving approves what it can and says why each of the others waits (a flag to acknowledge, a post too long),
as approving them one by one would. Moving is all or nothing: the posts shift by the same number of days
(each keeps its time of day), the farthest first so that none lands on a day another is about to leave; if
one is refused, the ones moved before it go back to their exact slots and the reason is shown.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from scheduler.errors import Refused
from scheduler.results import Pinned, counted
from scheduler.studio.said import Done, Said

DAY_SHIFTS = {-7: "a week earlier", -1: "a day earlier", 1: "a day later", 2: "two days later",
              7: "a week later", 14: "two weeks later"}


def approve(ws, keys: list[str]) -> tuple[Said, str]:
    """Approve each `campaign/tip`; returns the message for the banner and its kind (done or refused)."""
    keys = list(dict.fromkeys(keys))
    batch = ws.project.new_batch(ws.clock()) if len(keys) > 1 else None
    approved, waiting = [], []
    for key in keys:
        slug, _, tip_id = key.partition("/")
        try:
            saved = ws.set_status(slug, tip_id, "approved", None, (), batch=batch)
        except Refused as refused:
            waiting.append(f"{tip_id or key}: {refused}")
            continue
        if saved.entry is not None:
            approved.append((slug, tip_id))
    said = []
    then = ""
    if approved:
        first_slug, first_tip = approved[0]
        going = ws.project.next_out(first_slug, first_tip)
        said.append(f"Approved {counted(len(approved), 'tip')}"
                    f"{' at once' if len(approved) > 1 else ''}: the first goes out "
                    f"{ws.project.where_it_goes(first_slug, first_tip)}. Undo takes "
                    f"{'them all' if len(approved) > 1 else 'it'} back.")
        then = ("the first " if len(approved) > 1 else "") + (going.short if going is not None else "not in the queue")
    if waiting:
        said.append(f"Not approved ({len(waiting)}): " + "; ".join(waiting) + ". Open each on its campaign's page.")
        then = f"{len(waiting)} not approved: tap to read why"
    if not said:
        return Said("Nothing to approve: those tips are approved already.",
                    Done("Nothing to approve", undoable=False)), "done"
    return Said(" ".join(said), Done("Approved", len(approved), "tip", then, undoable=bool(approved))), \
        "refused" if waiting else "done"


def move(ws, post_ids: list[str], days: str) -> tuple[str, str]:
    """Shift the posts by `days` whole days (one post per tip: a tip moves on every network together)."""
    try:
        shift = int(days)
    except ValueError:
        shift = 0
    if shift not in DAY_SHIFTS:
        raise Refused("choose how far to move them: " + ", ".join(DAY_SHIFTS.values()))
    now = ws.clock()
    when = {row.id: datetime.fromisoformat(row.at) for row in ws.project.plan(now, 400)}
    chosen: dict[str, str] = {}
    for post_id in post_ids:
        if post_id not in when:
            raise Refused(f"{post_id} is not in the queue any more; reload the page")
        chosen.setdefault(post_id.split("@", 1)[0].split("~", 1)[0], post_id)  # one post of each tip
    order = sorted(chosen.values(), key=lambda post_id: when[post_id], reverse=shift > 0)
    batch = ws.project.new_batch(now) if len(order) > 1 else None
    moved: list[Pinned] = []
    for post_id in order:
        to = (when[post_id].replace(tzinfo=None) + timedelta(days=shift)).isoformat(timespec="minutes")
        try:
            moved.append(ws.move(post_id, to, batch=batch))
        except Refused as refused:
            if moved:
                ws.undo()  # the batch so far, back to its exact slots
            back = f"; the {len(moved)} moved before it are back in their slots" if moved else ""
            return f"Nothing moved: {post_id} cannot go {DAY_SHIFTS[shift]}: {refused}{back}.", "refused"
    count = len(moved)
    rounds = {post_id.split("@", 1)[0] for post_id in order}  # a tip's round moves on every network together
    posts = sum(1 for post_id in when if post_id.split("@", 1)[0] in rounds)
    what = counted(posts, "post") if posts == count else f"{counted(count, 'tip')} ({counted(posts, 'post')})"
    said = (f"Moved {what} {DAY_SHIFTS[shift]}, each at its own time; Undo puts "
            f"{'them all' if posts != 1 else 'it'} back.")
    return Said(said, Done("Moved", posts, then=f"{DAY_SHIFTS[shift]}, each at its own time")), "done"


__all__ = ["DAY_SHIFTS", "approve", "move"]
