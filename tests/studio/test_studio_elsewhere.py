"""Changes made elsewhere while a studio page is open (a hostile trial, findings 4-6): an approval from the command
line does not make her Approve of another tip a conflict, and the header's Undo says whose change it offers; a
Save of a tip the command line approved (not queued yet) queues nothing ahead of the article's order; an
approval names the network a tip is too long for; a stale Undo says one true thing."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import run_cli
from tests.studio.helpers import NOW, SLUG, TIP, Studio, errors, planned, refused, said
from tests.studio.test_studio_outgoing import on_three_networks

OTHER = "curiosity-often-works-better-than-persuasion"
FIRST = "understanding-the-reasons-behind-reluctance-can-help"


@pytest.fixture
def studio(project):
    return Studio(project).sign_in()


def cli(root, *args):
    result = run_cli("--root", str(root), *args, "--now", NOW.isoformat())
    assert result.code == 0, result
    return result


def shown(page: str, tip: str) -> str:
    """The digest the tip's Approve form sends: the tip as that page showed it."""
    form = page[page.index(f'action="/c/{SLUG}/tips/{tip}/status'):]
    return re.search(r'name="shown" value="(\w+)"', form).group(1)


def undo_button(page: str) -> str:
    return " ".join(re.search(r'class="undo-what">([^<]*)<', page).group(1).split())


def test_an_approval_from_the_command_line_is_no_conflict_for_another_tips_approve(studio):
    page = studio.get(f"/c/{SLUG}").text
    version = re.search(r'name="version" value="(\w+)"', page).group(1)
    cli(studio.root, "approve", f"{SLUG}/{OTHER}")
    cli(studio.root, "queue")
    header = studio.get(f"/c/{SLUG}").text
    assert undo_button(header) == f"the approval of {OTHER}, made from the command line"

    answer = studio.post(f"/c/{SLUG}/tips/{TIP}/status", {"version": version, "status": "approved",
                                                          "shown": shown(page, TIP)}, follow=True)
    assert answer.status_code == 200 and not refused(answer.text), answer.text[:2000]
    assert said(answer.text)[0].startswith(f"Approved {TIP}: it goes out ")
    assert undo_button(answer.text) == f"the approval of {TIP}"  # hers, named as hers
    rows = planned(studio.root)
    assert any(key.startswith(f"{SLUG}/{TIP}") for key in rows) and any(key.startswith(f"{SLUG}/{OTHER}")
                                                                           for key in rows)


def test_an_approve_of_a_tip_changed_since_the_page_showed_it_is_still_a_conflict(studio):
    page = studio.get(f"/c/{SLUG}").text
    version = re.search(r'name="version" value="(\w+)"', page).group(1)
    path = studio.root / "posts" / f"{SLUG}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Resistance isn’t necessarily indifference. Many", "Resistance is not indifference. "
                                 "Many"), encoding="utf-8")
    answer = studio.post(f"/c/{SLUG}/tips/{TIP}/status", {"version": version, "status": "approved",
                                                          "shown": shown(page, TIP)})
    assert answer.status_code == 409
    assert "this tip itself changed since your page showed it" in " ".join(answer.text.split())
    assert "status: draft" in path.read_text(encoding="utf-8").split(f"id: {TIP}")[1].split("- id:")[0]


def test_saving_a_tip_approved_from_the_command_line_queues_nothing_ahead_of_the_article(studio):
    cli(studio.root, "approve", SLUG)  # every unflagged draft approved; `queue` not run yet
    assert planned(studio.root) == {}
    answer = studio.edit(TIP, text="Resistance isn’t indifference: many avoid counseling because they fear making "
                                   "things worse.", was_text=studio.campaign_text().split(f"id: {TIP}")[1]
                         .split('text: "')[1].split('"\n')[0])
    assert answer.status_code == 303, answer.text
    assert planned(studio.root) == {}  # still for `queue`: not alone into the first free slot
    page = studio.get(f"/c/{SLUG}").text
    assert "queued ·" not in page.split(f'id="tip-{TIP}"')[1].split('id="tip-')[0]
    cli(studio.root, "queue")
    rows = planned(studio.root)
    first = min(at for key, at in rows.items() if key.startswith(f"{SLUG}/{FIRST}"))
    mine = min(at for key, at in rows.items() if key.startswith(f"{SLUG}/{TIP}"))
    assert first < mine  # the article's order: its first tip goes out before the fourth


def test_approving_a_tip_too_long_for_x_says_x_is_left_out_and_why(project):
    on_three_networks(project)
    studio = Studio(project).sign_in()
    long = ("Resistance isn’t necessarily indifference. Many people avoid counseling because they don’t want to "
             "make things worse or feel exposed, and they worry about what a stranger would think of them and of "
             "the marriage they built together over the years.")
    words = long.split()
    for count in range(len(words), 10, -1):  # the longest text that Bluesky takes and X does not
        text = " ".join(words[:count])
        answer = studio.get(f"/c/{SLUG}/tips/{TIP}/preview", params={"headline": "Resistance isn’t indifference.",
                                                                     "text": text},
                            headers={"Accept": "application/json"})
        nets = {row["network"]: row for row in json.loads(answer.text)["networks"]}
        if not nets["x"]["fits"] and nets["bluesky"]["fits"]:
            break
    else:
        raise AssertionError("no text here fits Bluesky and not X")
    assert studio.edit(TIP, text=text).status_code == 303
    answer = studio.status("approved")
    page = studio.get(f"/c/{SLUG}").text
    message = said(page)[0]
    assert answer.status_code == 303 and message.startswith(f"Approved {TIP}: it goes out "), message
    assert f"; not on x: it would be {nets['x']['length']} " in message and "over 280" in message, message
    assert "give it texts: {x: ...}" in message or "shorten" in message, message
    assert not errors(page)
