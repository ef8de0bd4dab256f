"""Issue 19, point 2, in the studio: every draft says whether split judged it ready to go out as written, and the
ready ones are approved in one step (one change in the log, one Undo), as `approve --ready` does on the command
line; the drafts that need a look stay drafts and say why."""

from __future__ import annotations

import html
import re

import yaml

from tests.studio.helpers import SLUG, Studio, said


def drafts(studio) -> dict[str, dict]:
    return {t["id"]: t for t in yaml.safe_load(studio.campaign_text())["tips"] if t.get("status") == "draft"}


def tip_box(page: str, tip: str) -> str:
    return page.split(f'id="tip-{tip}"', 1)[1].split("</article>", 1)[0]


def test_the_review_page_marks_each_draft_and_approves_only_the_ready_ones_in_one_step(project):
    studio = Studio(project).sign_in()
    before = drafts(studio)
    ready = [t for t, tip in before.items() if tip.get("ready") is True and not tip.get("review")]
    others = [t for t in before if t not in ready]
    assert ready and others, "the bundled campaign has drafts of both kinds"
    page = studio.get(f"/c/{SLUG}").text
    for tip in before:
        box = tip_box(page, tip)
        assert ('<span class="badge ready">ready</span>' in box) == (tip in ready), tip
        assert ('<span class="badge look">needs a look</span>' in box) == (before[tip].get("ready") is False), tip
        if before[tip].get("ready") is False:  # and the note that says why is beside it
            assert all(note in html.unescape(box) for note in before[tip]["notes"]), tip

    form = re.search(r'<form method="post" action="([^"]+)" class="approve-ready">(.*?)</form>', page, re.DOTALL)
    assert form and f"Approve the {len(ready)} ready drafts</button>" in form.group(2)
    sent = re.findall(r'name="tip" value="([^"]+)"', form.group(2))
    assert sorted(sent) == sorted(f"{SLUG}/{t}" for t in ready)
    answer = studio.post(html.unescape(form.group(1)), {"action": "approve", "tip": sent}, follow=True)
    assert answer.url.path == f"/c/{SLUG}"
    assert said(answer.text)[0].startswith(f"Approved {len(ready)} tips at once: the first goes out "), said(answer.text)
    after = drafts(studio)
    assert sorted(after) == sorted(others)  # the ones that need a look wait for a person
    assert 'class="approve-ready"' not in answer.text  # nothing ready is left to approve

    undo = re.search(r'name="change" value="([^"]+)"', studio.get(f"/c/{SLUG}").text).group(1)
    undone = studio.post(f"/undo?back=/c/{SLUG}", {"change": undo}, follow=True)
    assert said(undone.text)[0].startswith("Undid the approval of "), said(undone.text)
    assert drafts(studio) == before  # one Undo takes every one of them back


def test_the_queue_drafts_list_says_which_need_a_look_and_why(project):
    studio = Studio(project).sign_in()
    before = drafts(studio)
    page = studio.get("/queue?state=draft").text
    rows = page.split('<ul class="rows going">', 1)[1].split("</ul>", 1)[0].split("<li>")[1:]
    assert len(rows) == len(before)
    for row in rows:
        tip = re.search(r'value="[^"/]+/([^"]+)"', row).group(1)
        assert ("needs a look" in row) == (before[tip].get("ready") is False), tip
        if before[tip].get("ready") is False:
            assert before[tip]["notes"][0] in html.unescape(row), tip
