"""Each tip's post on every configured network, as it will be sent: the review page against what queue stores."""

from __future__ import annotations

import html
import io
import json
import re

import pytest
from PIL import Image

from tests.studio.helpers import SLUG, TIP, Studio

NAMES = {"x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon"}
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
            # as it is posted (a link whole: data-href), and as the network shows it (Bluesky shortens a link)
            "text": _words(re.search(r'data-net-text="\w+">(.*?)</p>', body, re.DOTALL).group(1), whole=True),
            "shown": _words(re.search(r'data-net-text="\w+">(.*?)</p>', body, re.DOTALL).group(1), whole=False),
            "account": _words(re.search(r'<span class="who">(.*?)</span></p>', body, re.DOTALL).group(1), whole=False),
            "left": html.unescape(re.search(r'data-net-left="\w+"[^>]*>([^<]*)<', body).group(1)),
            "count": re.search(r'data-net-count="\w+"[^>]*>([^<]*)<', body).group(1),
            "card": html.unescape(re.search(r'<img class="net-card" data-src="([^"]+)"', body).group(1)),
            "alt": html.unescape(re.search(r'<p class="alt-shown"><span>Alt text:</span> ([^<]*)</p>', body).group(1)),
            "warnings": re.findall(r'<span class="badge flag">([^<]*)<', body),
        }
    return found


def _words(part: str, *, whole: bool) -> str:
    if whole:
        part = re.sub(r'<span class="post-link" data-href="([^"]*)">.*?</span>', lambda m: m.group(1), part)
    return html.unescape(re.sub(r"<[^>]+>", "", part))


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
    page = studio.get(f"/c/{SLUG}").text
    shown = shown_posts(page)
    main = html.unescape(re.search(rf'id="tip-{TIP}".*?<img class="card" src="([^"]+)"', page, re.DOTALL).group(1))
    sizes = {}
    for network, post in shown.items():
        answer = studio.get(post["card"])
        assert answer.status_code == 200, (network, answer.text)
        sizes[network] = Image.open(io.BytesIO(answer.content)).size
        if network in ("x", "mastodon"):  # X's size: the card above the form
            assert answer.content == studio.get(main).content
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
    assert 'name="url" inputmode="url" placeholder="https://… (empty: posts go out without a link)"\n        value=""' in page
    assert f"Posts from {SLUG} go out without a link: the campaign has no article address." in page
    assert "utm_" not in shown_posts(page)["x"]["text"]


def links(studio, url: str, hashtags: str, **extra):
    page = studio.get(f"/c/{SLUG}").text
    was = {f"was_{key}": html.unescape(re.search(rf'name="was_{key}" value="([^"]*)"', page).group(1))
           for key in ("url", "hashtags", "own_hashtags")}
    return studio.post(f"/c/{SLUG}/links", {**was, "url": url, "hashtags": hashtags, **extra})


def test_the_address_and_hashtags_set_in_the_studio_reach_every_post_and_undo_exactly(project):
    on_three_networks(project, url=None)
    studio = Studio(project).sign_in()
    assert studio.status("approved").status_code == 303
    before = studio.campaign_text()
    answer = links(studio, URL, "#Grief Loss")
    assert answer.status_code == 303 and answer.headers["location"].endswith("#links")
    text = studio.campaign_text()
    assert f'  url: "{URL}"' in text and 'hashtags: ["#Grief", "#Loss"]\ntips:' in text
    assert text.replace(f'"{URL}"', "null").replace('hashtags: ["#Grief", "#Loss"]\n', "") == before
    shown = shown_posts(studio.get(f"/c/{SLUG}").text)
    stored = queued(project)  # the approved tip's queued posts follow at once
    for network, post in shown.items():
        assert post["text"].endswith(f"{URL}?utm_source={network}&utm_medium=social&utm_campaign={SLUG} #Grief #Loss")
        assert stored[network]["text"] == post["text"]
    entry = json.loads((project / ".juno" / "audit.jsonl").read_text().splitlines()[-1])
    assert (entry["what"], entry["before"], entry["after"]) == (
        "links", {"url": None, "hashtags": None}, {"url": URL, "hashtags": ["#Grief", "#Loss"]})
    page = studio.post("/undo?back=/c/" + SLUG, {}, follow=True).text
    assert f"Undid the change of {SLUG}'s address and hashtags." in html.unescape(page)
    assert studio.campaign_text() == before
    assert "#CouplesCounseling" in queued(project)["x"]["text"] and "utm_" not in queued(project)["x"]["text"]
    undo = json.loads((project / ".juno" / "audit.jsonl").read_text().splitlines()[-1])
    assert undo["what"] == "undo" and undo["undoes"] == entry["id"]
    page = studio.post("/undo", {"change": undo["id"]}, follow=True).text  # Redo, from the Changes page
    assert f"Redid the change of {SLUG}'s address and hashtags." in html.unescape(page)
    assert 'hashtags: ["#Grief", "#Loss"]' in studio.campaign_text() and f'url: "{URL}"' in studio.campaign_text()


def test_saving_the_address_alone_says_every_post_carries_it(project):
    on_three_networks(project, url=None)
    studio = Studio(project).sign_in()
    page = studio.get(f"/c/{SLUG}").text
    was = {f"was_{key}": html.unescape(re.search(rf'name="was_{key}" value="([^"]*)"', page).group(1))
           for key in ("url", "hashtags", "own_hashtags")}
    answer = studio.post(f"/c/{SLUG}/links", {**was, "url": URL, "hashtags": "", "practice": "1"}, follow=True)
    said = html.unescape(answer.text)
    assert "Saved the article's address; every post below carries it." in said, "one address: 'it' (trial 3)"


def test_the_card_on_the_page_says_its_real_size(studio):
    """The <img> said 1200 x 675 while the card is 1600 x 900 (trial 3, section 8)."""
    page = studio.get(f"/c/{SLUG}").text
    tags = re.findall(r'<img class="card" [^>]*>', page)
    assert tags
    for tag in tags:
        src, width, height = (re.search(rf'{name}="([^"]*)"', tag).group(1) for name in ("src", "width", "height"))
        with Image.open(io.BytesIO(studio.get(html.unescape(src)).content)) as card:
            assert card.size == (int(width), int(height)), tag


def test_no_hashtags_and_back_to_the_practice_s(studio):
    before = studio.campaign_text()
    assert links(studio, URL, "").status_code == 303
    assert "hashtags: []\ntips:" in studio.campaign_text()
    assert all(not post["text"].endswith("#CouplesCounseling") for post in shown_posts(studio.get(f"/c/{SLUG}").text).values())
    assert links(studio, URL, "", practice="1").status_code == 303
    assert studio.campaign_text() == before
    assert links(studio, URL, "#CouplesCounseling").status_code == 303  # the practice's, typed: left to the practice
    assert studio.campaign_text() == before


@pytest.mark.parametrize("url, hashtags, field, message", [
    ("junocounseling.com/blog", "#CouplesCounseling", "url", "'junocounseling.com/blog' is not a web address"),
    (URL, "#Two-words", "hashtags", "'#Two-words' is not a hashtag"),
    ("https://" + "a" * 2100, "", "url", "over 2,000 characters"),
])
def test_a_bad_address_or_hashtag_is_refused_beside_its_field_and_nothing_changes(studio, url, hashtags, field, message):
    before = studio.campaign_text()
    answer = links(studio, url, hashtags)
    assert answer.status_code == 422
    page = html.unescape(answer.text)
    assert re.search(r'<p class="error" id="links-error" role="alert">[^<]*' + re.escape(message), page), page[-3000:]
    assert f'id="links-{field}"' in page and 'aria-invalid="true"' in page
    assert studio.campaign_text() == before


def test_an_address_changed_on_disk_since_the_page_was_opened_is_not_overwritten(studio):
    page = studio.get(f"/c/{SLUG}").text
    was = {f"was_{key}": html.unescape(re.search(rf'name="was_{key}" value="([^"]*)"', page).group(1))
           for key in ("url", "hashtags", "own_hashtags")}
    path = studio.root / "posts" / f"{SLUG}.yaml"
    path.write_text(path.read_text().replace(f'url: "{URL}"', 'url: "https://elsewhere.example/a"'))
    before = studio.campaign_text()
    answer = studio.post(f"/c/{SLUG}/links", {**was, "url": URL + "?x=1", "hashtags": "#CouplesCounseling"})
    assert answer.status_code == 409
    assert studio.campaign_text() == before


def test_the_paste_form_takes_the_address_and_hashtags_and_undo_removes_it_all(project):
    studio = Studio(project).sign_in()
    home = html.unescape(studio.get("/").text)
    assert 'id="new-hashtags" name="hashtags"' in home and 'value="#CouplesCounseling"' in home
    article = ("Talking about money without fighting\n\n" + "Money fights are rarely about money. " * 3 + "\n\n"
               + "Agree on one shared goal before you talk about spending. " * 2 + "\n")
    answer = studio.post("/articles", {"title": "Talking about money", "article": article,
                                       "url": "https://junocounseling.com/blog/money", "hashtags": "#Money Couples"})
    assert answer.status_code == 303, answer.text
    slug = answer.headers["location"].removeprefix("/c/")
    text = (project / "posts" / f"{slug}.yaml").read_text()
    assert 'url: "https://junocounseling.com/blog/money"' in text or "url: https://junocounseling.com/blog/money" in text
    assert 'hashtags: ["#Money", "#Couples"]' in text
    page = html.unescape(studio.get(f"/c/{slug}").text)
    assert "https://junocounseling.com/blog/money?utm_source=x&utm_medium=social" in page and "#Money #Couples" in page
    studio.post("/undo", {}, follow=True)
    assert not (project / "posts" / f"{slug}.yaml").exists()
    assert not list((project / "posts" / "articles").glob(f"{slug}.*"))


def test_the_paste_form_refuses_a_bad_address_beside_it_and_writes_nothing(project):
    studio = Studio(project).sign_in()
    before = sorted(p.name for p in (project / "posts").rglob("*"))
    answer = studio.post("/articles", {"title": "Talking about money", "article": "Money fights. " * 20,
                                       "url": "not an address", "hashtags": "#Money"})
    assert answer.status_code == 422
    page = html.unescape(answer.text)
    assert "the article's address: 'not an address' is not a web address" in page
    assert 'value="not an address" aria-invalid="true"' in page and 'value="#Money"' in page
    assert sorted(p.name for p in (project / "posts").rglob("*")) == before


def test_the_live_preview_counts_the_typed_words_on_every_network_as_they_would_go_out(studio):
    typed = "Counseling is a place to be heard. " * 8
    answer = studio.get(f"/c/{SLUG}/tips/{TIP}/preview", params={"text": typed}).json()
    from scheduler import open_project

    expected = open_project(studio.root).campaign_posts(SLUG, TIP, typed).tips[0].posts
    assert [(n["network"], n["text"], n["length"], n["limit"], n["fits"]) for n in answer["networks"]] == [
        (p.network, p.text, p.length, p.limit, p.fits) for p in expected]
    assert {n["network"]: n["warnings"] for n in answer["networks"]} == {
        p.network: (["Too long"] if not p.fits else []) for p in expected}
    assert any(not p.fits for p in expected) and any(p.fits for p in expected)
    assert typed.strip() in answer["networks"][0]["text"]
    assert "Counseling is a place to be heard." not in studio.campaign_text()  # nothing is saved


def test_notes_are_checked_again_after_an_edit_and_undo_puts_them_back(studio):
    import yaml

    tip = "some-couples-prefer-starting-with-a-neutral"
    before = studio.campaign_text()

    def notes():
        found = next(t for t in yaml.safe_load(studio.campaign_text())["tips"] if t["id"] == tip)
        return found.get("notes"), found.get("ready")

    # split's notes: readiness's own check that it speaks to no one (so not ready), then the compression
    assert notes() == (["says nothing to the reader (no “you”, no step to take): is it advice?",
                        "headline lightly compressed from the sentence"], False)
    held = studio.get(f"/c/{SLUG}").text.count("says nothing to the reader")
    assert studio.edit(tip, headline="Know WHY your partner hesitates.").status_code == 303
    assert notes() == (["odd capitals in the headline: write it in sentence case"], False)
    page = studio.get(f"/c/{SLUG}").text
    assert "odd capitals in the headline" in page and page.count("says nothing to the reader") == held - 1
    assert studio.edit(tip, headline="Know why your partner hesitates.").status_code == 303
    # judged as split judges these words where the tip stands (user trial 3, finding F; this expected (None, True)
    # before): the model holds back a tip that does not open its section, and says so
    assert notes() == (["not the first words under a heading: check it leans on nothing before it"], False)
    studio.post("/undo", {})
    studio.post("/undo", {})
    assert studio.campaign_text() == before


def test_notes_about_the_words_a_person_did_not_touch_stay():
    from scheduler.tips.readiness import notes_after_edit

    notes = ["a quotation: check who said it", "headline lightly compressed from the sentence",
             "text shortened to fit a post"]
    assert notes_after_edit(notes, "A fine headline.", "Fine words, alot of them.", ["headline"]) == [
        "a quotation: check who said it", "text shortened to fit a post"]
    assert notes_after_edit(notes, "A fine headline.", "Fine words, alot of them.", ["text"]) == [
        "a quotation: check who said it", "source sentence has a typo? (alot)",
        "headline lightly compressed from the sentence"]  # what asks for a look before what split merely did
    # what is wrong with the new words' content goes first, as split puts it
    assert notes_after_edit(notes, "Breathe.", "Breathe.", ["text"])[0].startswith("a headline of two words")


def test_a_save_refused_for_posts_too_long_keeps_what_was_typed_and_links_every_such_tip(project):
    """A user trial: a save refused because approved tips would go over X's 280 folded the panel, put the old
    address and hashtags back in its fields and named only the first tip too long, without a link."""
    studio = Studio(project).sign_in()
    approved = (TIP, "patience-matters")
    for tip in approved:
        assert studio.status("approved", tip=tip).status_code == 303
    before, queued_before = studio.campaign_text(), queued(project)
    hashtags = " ".join(f"#HashtagLongEnough{n}" for n in range(14))
    answer = links(studio, URL, hashtags)
    assert answer.status_code == 422
    page = html.unescape(answer.text)
    assert '<details class="panel going-out" id="links" open>' in page
    assert f'name="url" inputmode="url" placeholder="https://… (empty: posts go out without a link)"\n        value="{URL}"' in page
    assert f'name="hashtags" autocapitalize="off" spellcheck="false"\n        value="{hashtags}"' in page
    error = re.search(r'<p class="error" id="links-error" role="alert">(.*?)</p>', page, re.DOTALL).group(1)
    for tip in approved:
        assert f"tip '{tip}' would be" in error and f'<a href="#tip-{tip}"><code>{tip}</code></a>' in error
    assert studio.campaign_text() == before and queued(project) == queued_before


def test_each_network_s_post_looks_like_that_network_s_post(studio):
    """User trial 5: each network's preview was a plain box of text. Now each is headed by that network's own
    account (name, and the handle as the network writes it), shows the words as the network shows them (Bluesky
    shortens a link on screen and the page says where it goes), what is left of that network's limit, and the
    card at its size with its alt text."""
    shown = shown_posts(studio.get(f"/c/{SLUG}").text)
    assert shown["x"]["account"] == "junocounseling @junocounseling"
    assert shown["bluesky"]["account"] == "junocounseling @junocounseling.bsky.social"
    assert shown["mastodon"]["account"] == "junocounseling @junocounseling@mastodon.social"
    for network, post in shown.items():
        length, limit = (int(n) for n in post["count"].split(" / "))
        assert post["left"] == f"{limit - length} left of {NAMES[network]}'s {limit}", post["left"]
        assert post["alt"] and post["card"]
    assert "junocounseling.com/blog/one…" in shown["bluesky"]["shown"]
    assert "https://" not in shown["bluesky"]["shown"] and "utm_source=bluesky" in shown["bluesky"]["text"]
    page = html.unescape(studio.get(f"/c/{SLUG}").text)
    assert "Bluesky shows the link shortened; it goes to https://" in page


def test_x_and_mastodon_show_the_link_shortened_as_their_apps_do_and_count_it_as_23(studio):
    """Studio trial 3: X's and Mastodon's previews showed the whole tracking link, which their apps never do: X
    shows t.co's display URL (no scheme, host and path cut after 23 characters), Mastodon host and path cut after
    30, Bluesky the facet's text. Each count still takes a link as that network counts it."""
    page = studio.get(f"/c/{SLUG}").text
    shown = shown_posts(page)
    assert "junocounseling.com/blog…" in shown["x"]["shown"]
    assert "junocounseling.com/blog/one-pa…" in shown["mastodon"]["shown"]
    assert "junocounseling.com/blog/one…" in shown["bluesky"]["shown"]
    for network in ("x", "mastodon"):
        assert "https://" not in shown[network]["shown"] and "utm_source=" not in shown[network]["shown"]
        assert f"utm_source={network}" in shown[network]["text"]
    words = html.unescape(page)
    assert "X shows the link shortened; it goes to https://junocounseling.com/blog/" in words
    assert "Mastodon shows the link shortened; it goes to https://junocounseling.com/blog/" in words
    answer = studio.get(f"/c/{SLUG}/tips/{TIP}/preview", params={"headline": "Short.", "text": "Short words. #Hope"})
    nets = {net["network"]: net for net in answer.json()["networks"]}
    for network, net in nets.items():
        links = [p for p in net["pieces"] if p["kind"] == "link"]
        others = sum(len(p["shown"]) for p in net["pieces"] if p["kind"] != "link")
        assert len(links) == 1, network
        # X and Mastodon count any link as 23, whatever it shows; Bluesky counts what it shows
        counted_link = len(links[0]["shown"]) if network == "bluesky" else 23
        assert net["length"] == others + counted_link, (network, net["length"], others)
        assert net["left"] == net["limit"] - net["length"]
    assert [p["shown"] for p in nets["x"]["pieces"] if p["kind"] == "link"] == ["junocounseling.com/blog…"]
    assert [p["shown"] for p in nets["mastodon"]["pieces"] if p["kind"] == "link"] == ["junocounseling.com/blog/one-pa…"]


def test_the_live_preview_sends_each_network_s_words_as_it_shows_them_and_what_is_left(studio):
    answer = studio.get(f"/c/{SLUG}/tips/{TIP}/preview", params={"headline": "Short.", "text": "Short words. #Hope"})
    assert answer.status_code == 200, answer.text
    nets = {net["network"]: net for net in answer.json()["networks"]}
    for net in nets.values():
        assert net["left"] == net["limit"] - net["length"]
        assert {"kind": "tag", "shown": "#Hope", "value": "Hope"} in net["pieces"]
    assert [p["shown"] for p in nets["bluesky"]["pieces"] if p["kind"] == "link"] == ["junocounseling.com/blog/one…"]
