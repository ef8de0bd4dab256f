"""Studio trial 3: on a phone only Approve's message had a short line of its own; every other action's (approve the
ticked drafts, skip, move, undo, pause...) was its whole sentence cut to one line ("Skipped 2 posts; Undo puts them
a…"). Now every action's result has a short line, made from what it did: what happened, to how many, and when or
where next (never parsed back out of the sentence); the whole sentence stays what a screen reader reads."""

from __future__ import annotations

import html
import re

import pytest

from tests.studio.helpers import SLUG, TIP, Studio, planned

OTHER = "patience-matters"
THIRD = "keep-the-invitation-open-ended"
WHEN = r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d:\d\d"


@pytest.fixture
def studio(project):
    return Studio(project).sign_in()


def short(page: str) -> tuple[str | None, bool]:
    """The phone's one line after a change, and whether Undo stands beside it."""
    found = re.search(r'<p class="said-short"[^>]*>([^<]*)</p>', page)
    return (html.unescape(found.group(1)) if found else None), 'class="said-undo"' in page


def selected(studio, action: str, **fields):
    return studio.post("/queue/selected?back=/queue", {"action": action, **fields}, follow=True).text


def test_every_action_s_result_has_a_short_line_of_what_how_many_and_what_next(studio):
    page = selected(studio, "approve", tip=[f"{SLUG}/{TIP}", f"{SLUG}/{OTHER}", f"{SLUG}/{THIRD}"])
    line, undo = short(page)
    assert re.fullmatch(rf"Approved 3 tips · the first goes out {WHEN} on X", line), line
    assert undo and TIP not in line

    posts = list(planned(studio.root))
    line, undo = short(selected(studio, "skip", post=posts[:2]))
    assert line == "Skipped 2 posts · out of the queue" and undo, line

    change = re.search(r'name="change" value="([^"]+)"', studio.get("/queue").text).group(1)
    line, undo = short(studio.post("/undo?back=/queue", {"change": change}, follow=True).text)
    assert line == "Undid · as it was before" and not undo, line  # Undo beside it would undo something else

    line, undo = short(selected(studio, "move", post=posts, days="1"))
    assert line == "Moved 3 posts · a day later, each at its own time" and undo, line

    line, undo = short(studio.post("/do/skip", {"post": posts[0]}, follow=True).text)
    assert line == "Skipped 1 post · out of the queue" and undo, line

    line, _ = short(studio.post("/do/pause", {}, follow=True).text)
    assert line == "Paused · nothing goes out until Resume", line
    line, _ = short(studio.post("/do/resume", {}, follow=True).text)
    assert line == "Posting again · due posts go at the next run", line

    line, undo = short(studio.post(f"/c/{SLUG}/tips/{OTHER}/status", {"version": studio.version(), "status": "draft"},
                                   follow=True).text)
    assert line == "Back to draft · out of the queue until approved" and undo, line

    line, undo = short(studio.post(f"/c/{SLUG}/tips/{THIRD}/edit", {"version": studio.version(),
                                                                    "text": "Keep the invitation open, gently."},
                                   follow=True).text)
    assert re.fullmatch(rf"Saved 1 field · goes out {WHEN} on X", line) and undo, line


def test_a_message_without_a_change_has_no_undo_beside_it(studio):
    studio.status("approved")
    line, undo = short(studio.post(f"/c/{SLUG}/tips/{TIP}/status", {"version": studio.version(), "status": "approved"},
                                   follow=True).text)
    assert re.fullmatch(rf"Approved already · goes out {WHEN} on X", line) and not undo, line
