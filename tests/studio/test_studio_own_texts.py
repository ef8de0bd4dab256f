"""A tip with its own text on some networks (`texts:`): the studio shows a field per network, counts each
network's post from what is typed in it as it is typed, saves only what changed, and undo puts it back."""

from __future__ import annotations

import re

import pytest

from scheduler import open_project
from tests.studio.helpers import SLUG, TIP, Studio, said
from tests.studio.test_studio_outgoing import on_three_networks, shown_posts

OWN = "On Bluesky: hesitation is rarely a lack of love. Ask what worries them about counseling."


def with_own_text(root, network: str = "bluesky", text: str = OWN) -> None:
    """The tip gets its own text on `network`, as a person writes it in the campaign file."""
    campaign = root / "posts" / f"{SLUG}.yaml"
    lines = campaign.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {TIP}")
    at = next(i for i in range(at, len(lines)) if lines[i].lstrip().startswith("text:"))
    lines.insert(at + 1, f'    texts:\n      {network}: "{text}"\n')
    campaign.write_text("".join(lines), encoding="utf-8")


@pytest.fixture
def studio(project):
    on_three_networks(project)
    with_own_text(project)
    return Studio(project).sign_in()


def test_the_live_counts_keep_a_network_s_own_text_and_follow_its_own_field(studio):
    typed = "Counseling is a place to be heard, even when only one of you is ready."
    answer = studio.get(f"/c/{SLUG}/tips/{TIP}/preview", params={"text": typed}).json()
    texts = {n["network"]: n["text"] for n in answer["networks"]}
    assert typed in texts["x"] and typed in texts["mastodon"]
    assert OWN in texts["bluesky"] and typed not in texts["bluesky"]  # its own text, typed text or not

    own = "Bluesky's own words, typed now and not saved."
    answer = studio.get(f"/c/{SLUG}/tips/{TIP}/preview",
                        params={"text": typed, "own_text_bluesky": own, "own_text_mastodon": ""}).json()
    expected = open_project(studio.root).campaign_posts(SLUG, TIP, typed, {"bluesky": own}).tips[0].posts
    assert [(n["network"], n["text"], n["length"]) for n in answer["networks"]] == [
        (p.network, p.text, p.length) for p in expected]
    assert own in expected[1].text and expected[1].network == "bluesky"
    assert own not in studio.campaign_text()  # nothing is saved


def test_the_page_shows_a_field_per_network_and_saving_writes_only_what_changed_and_undo_puts_it_back(studio):
    page = studio.get(f"/c/{SLUG}").text
    assert re.search(rf'<textarea id="own-{TIP}-bluesky" name="own_text_bluesky"[^>]*>{re.escape(OWN)}</textarea>', page)
    assert re.search(rf'<textarea id="own-{TIP}-mastodon" name="own_text_mastodon"[^>]*></textarea>', page)
    before = studio.campaign_text()

    mastodon = "Mastodon's own words for this tip, longer than X would like but fine there."
    answer = studio.edit(own_text_bluesky=OWN, was_own_text_bluesky=OWN, own_text_mastodon=mastodon,
                         was_own_text_mastodon="", own_text_x="", was_own_text_x="")
    assert answer.status_code == 303, answer.text[:300]
    answer = studio.get(answer.headers["location"])
    assert said(answer.text) == [f"Saved the networks' own texts of {TIP}."], said(answer.text)
    tip = open_project(studio.root).campaign(SLUG)[0].tip(TIP)
    assert dict(tip.texts) == {"bluesky": OWN, "mastodon": mastodon}
    assert f'    texts:\n      bluesky: "{OWN}"\n      mastodon: "{mastodon}"\n' in studio.campaign_text()
    shown = shown_posts(answer.text)
    assert mastodon in shown["mastodon"]["text"] and OWN in shown["bluesky"]["text"]

    studio.edit(own_text_bluesky="", was_own_text_bluesky=OWN)  # emptied: the tip's text goes out there
    assert dict(open_project(studio.root).campaign(SLUG)[0].tip(TIP).texts) == {"mastodon": mastodon}

    for _ in range(2):
        studio.post("/undo", {})
    assert studio.campaign_text() == before


def test_an_own_text_changed_on_disk_since_the_page_was_opened_is_a_conflict(studio):
    campaign = studio.root / "posts" / f"{SLUG}.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace(OWN, "Changed in an editor."), encoding="utf-8")
    answer = studio.edit(own_text_bluesky="Mine.", was_own_text_bluesky=OWN)
    assert answer.status_code == 409
    assert "Changed in an editor." in studio.campaign_text()


def test_an_own_text_for_a_network_not_configured_is_refused(studio):
    answer = studio.edit(own_text_threads="Elsewhere.", was_own_text_threads="")
    assert answer.status_code == 422
    assert "&#39;threads&#39; is not a network this project posts to" in answer.text
    assert "Elsewhere." not in studio.campaign_text()


def test_saving_a_network_text_over_its_limit_says_so_beside_the_field_and_it_does_not_go_out_there(studio):
    """The user trial: a Bluesky-only text of 374/300 graphemes was saved with just "Saved the networks' own texts"."""
    import html
    import json

    from tests.conftest import run_cli
    from tests.studio.helpers import NOW, refused

    long = "Hesitation is rarely a lack of love; ask what worries them about counseling, gently. " * 4 + "Truly."
    answer = studio.edit(own_text_bluesky=long, was_own_text_bluesky=OWN)
    page = studio.get(answer.headers["location"]).text
    post = next(p for p in open_project(studio.root).campaign_posts(SLUG, TIP).tips[0].posts if p.network == "bluesky")
    assert post.length > 300 == post.limit
    over = f"the Bluesky text is {post.length} graphemes as Bluesky shows them, over Bluesky's 300"
    message = said(page)[0]
    assert refused(page) and message.startswith(f"Saved the networks' own texts of {TIP}. But {over}"), message
    assert "will not go out on Bluesky" in message  # what queue does: the other networks only
    note = re.search(rf'<p class="error" id="over-{TIP}-bluesky" aria-live="polite">([^<]*)</p>', page)
    assert note and html.unescape(note.group(1)).startswith(over[0].upper() + over[1:]), note
    field = re.search(rf'<textarea id="own-{TIP}-bluesky"[^>]*>', page).group(0)
    assert f"over-{TIP}-bluesky" in field and 'aria-invalid="true"' in field
    studio.status("approved")
    result = run_cli("--root", str(studio.root), "plan", "--json", "--now", NOW.isoformat(), "--days", "60")
    networks = {row["network"] for row in json.loads(result.out)["posts"] if row["id"].startswith(f"{SLUG}/{TIP}")}
    assert networks == {"x", "mastodon"}, networks
