"""Each tip's post on every configured network, as it will be sent: the review page against what queue stores."""

from __future__ import annotations

import html
import io
import json
import re

import pytest
from PIL import Image

from tests.studio.helpers import SLUG, TIP, Studio

URL = "https://junocounseling.com/blog/one-partner-wants-counseling"
ACCOUNTS = ("accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
            "  - {network: bluesky, handle: junocounseling.bsky.social, publisher: outbox}\n"
            "  - {network: mastodon, handle: \"@junocounseling@mastodon.social\", publisher: outbox}\n")


def on_three_networks(root, url: str | None = URL) -> None:
    schedule = root / "posts" / "schedule.yaml"
    text = schedule.read_text()
    schedule.write_text(text[:text.index("account:")] + ACCOUNTS + text[text.index("timezone:"):])
    if url:
        campaign = root / "posts" / f"{SLUG}.yaml"
        campaign.write_text(campaign.read_text().replace("url: null", f"url: {json.dumps(url)}", 1))


@pytest.fixture
def studio(project):
    on_three_networks(project)
    return Studio(project).sign_in()


def shown_posts(page: str, tip: str = TIP) -> dict[str, dict]:
    """network -> what the tip's "As it will go out" section shows for it."""
    start = page.index(f'id="tip-{tip}"')
    part = page[start:page.index("</article>", start)]
    found = {}
    for network, body in re.findall(r'<details class="network[^"]*" data-network="(\w+)"[^>]*>(.*?)</details>', part, re.DOTALL):
        found[network] = {
            "text": html.unescape(re.search(r'data-net-text="\w+">(.*?)</p>', body, re.DOTALL).group(1)),
            "count": re.search(r'data-net-count="\w+"[^>]*>([^<]*)<', body).group(1),
            "card": html.unescape(re.search(r'<img class="net-card" src="([^"]+)"', body).group(1)),
            "alt": html.unescape(re.search(r'class="net-card" src="[^"]+" alt="([^"]*)"', body).group(1)),
            "warnings": re.findall(r'<span class="badge flag">([^<]*)<', body),
        }
    return found


def queued(root) -> dict[str, dict]:
    from scheduler import open_project

    with open_project(root).store() as store:
        return {post.network: {"text": post.text, "alt": post.alt_text} for post in store.posts()
                if post.tip_key == f"{SLUG}/{TIP}"}


def test_each_network_shows_the_post_exactly_as_queue_then_stores_it(studio):
    page = studio.get(f"/c/{SLUG}").text
    shown = shown_posts(page)
    assert list(shown) == ["x", "bluesky", "mastodon"]
    assert studio.status("approved").status_code == 303
    stored = queued(studio.root)
    assert set(stored) == {"x", "bluesky", "mastodon"}
    for network, post in shown.items():
        assert post["text"] == stored[network]["text"], network
        assert post["alt"] == stored[network]["alt"], network
        assert f"?utm_source={network}&utm_medium=social&utm_campaign={SLUG}" in post["text"]
        assert post["text"].endswith("#CouplesCounseling")
    assert shown["x"]["count"].endswith("/ 280") and shown["bluesky"]["count"].endswith("/ 300")
    assert shown["mastodon"]["count"].endswith("/ 500")


def test_each_network_shows_its_card_at_its_own_size(studio):
    shown = shown_posts(studio.get(f"/c/{SLUG}").text)
    sizes = {}
    for network, post in shown.items():
        answer = studio.get(post["card"])
        assert answer.status_code == 200, (network, answer.text)
        sizes[network] = Image.open(io.BytesIO(answer.content)).size
    assert sizes == {"x": (1600, 900), "bluesky": (1080, 1080), "mastodon": (1600, 900)}
    assert studio.get(f"/cards/{SLUG}/{TIP}.png?size=portrait").status_code == 404  # no network here shows it


def test_a_post_too_long_on_one_network_is_marked_there_as_preview_marks_it(studio):
    words = "Counseling is a place to be heard. " * 7  # about 245 characters: fits X's 280 without the link
    studio.edit(text=words.strip())
    shown = shown_posts(studio.get(f"/c/{SLUG}").text)
    over = {network for network, post in shown.items() if post["warnings"] == ["Too long"]}
    lengths = {network: int(post["count"].split(" / ")[0]) for network, post in shown.items()}
    limits = {network: int(post["count"].split(" / ")[1]) for network, post in shown.items()}
    assert over == {network for network in shown if lengths[network] > limits[network]}
    assert over and "mastodon" not in over


def test_a_campaign_without_an_address_says_so_as_preview_does(project):
    on_three_networks(project, url=None)
    studio = Studio(project).sign_in()
    page = html.unescape(studio.get(f"/c/{SLUG}").text)
    assert "none: posts go out without a link" in page
    assert f"Posts from {SLUG} go out without a link: the campaign has no article address." in page
    assert "utm_" not in shown_posts(page)["x"]["text"]
