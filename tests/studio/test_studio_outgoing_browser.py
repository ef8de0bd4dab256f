"""Each tip's post on every network and the live counters, as a manager sees them in Chromium at 375 and 1280 px.

Type the post's words: each network's count and post follow; a post too long on one network opens there with
preview's "Too long". Type a headline over the limit: the counter and the card say so at once, before Save.
Set the article's address and hashtags: every network's post carries them. axe-core finds nothing serious.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from scheduler import open_project
from tests.studio.test_studio_outgoing import URL, on_three_networks
from tests.studio.walk import NOW, SLUG, TIP, opened
from tests.test_preview_browser import ARTIFACTS, WIDTHS, browser  # noqa: F401 - the shared chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def shot(page, name: str) -> None:
    """What is on the screen now (the full-page shots of a 20-tip page are too tall to look at)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"studio-outgoing-screen-{name}.png"))


@pytest.mark.parametrize("screen", WIDTHS)
def test_posts_per_network_follow_the_typing_and_the_headline_limit_shows_before_save(browser, project, screen):  # noqa: F811
    on_three_networks(project, url=None)
    with opened(browser, project, WIDTHS[screen], f"outgoing-{screen}", f"/c/{SLUG}") as visit:
        page = visit.page
        tip = page.locator(f"#tip-{TIP}")
        networks = tip.locator("details.network")
        expect(networks).to_have_count(3)
        assert networks.evaluate_all("all => all.map(d => [d.dataset.network, d.open])") == [
            ["x", True], ["bluesky", False], ["mastodon", False]]
        visit.check("review")
        # each network's box shows a disclosure marker, closed or open: a closed one never looks empty (a user trial)
        marker = "d => getComputedStyle(d.querySelector('summary'), '::before').content"
        assert networks.evaluate_all(f"all => all.map({marker})") == ['"▾" / ""', '"▸" / ""', '"▸" / ""']

        # the address and hashtags, set above the tips, reach every network's post
        expect(page.locator("#links summary")).to_contain_text("no link: set the article's address")
        page.locator("#links summary").click()
        page.get_by_label("The article's address (each post links to it)").fill(URL)
        page.get_by_label("Hashtags", exact=True).fill("#Couples #Counseling")
        with page.expect_navigation():
            page.get_by_role("button", name="Save address and hashtags").click()
        assert page.locator(".said").inner_text().startswith("Saved the article's address and the hashtags")
        # X shows the link as t.co's display URL; the line under it says where it goes, tracking included
        expect(tip.locator("[data-net-text=x]")).to_contain_text("junocounseling.com/blog…")
        expect(tip.locator("[data-net-links=x]")).to_contain_text(f"{URL}?utm_source=x&utm_medium=social")
        expect(tip.locator("[data-net-text=bluesky]")).to_contain_text("#Couples #Counseling")
        expect(page.locator("#links summary")).to_contain_text("a link to junocounseling.com/blog/one-partner")
        page.locator("#links").evaluate("d => { d.open = true; }")
        page.locator("#links").scroll_into_view_if_needed()
        shot(page, f"{screen}-links")

        # typing the post's words: every network's count and words follow, the one too long opens and says so
        # (X counts the link as 23 and allows 280, Bluesky counts it as shown and allows 300, Mastodon 500)
        typed = "Counseling is a place to be heard, even when only one of you is ready to go. " * 3 + "Truly so."
        tip.get_by_label("Post text").fill(typed)
        expected = {p.network: p for p in open_project(project).campaign_posts(SLUG, TIP, typed).tips[0].posts}
        assert {n for n, p in expected.items() if not p.fits} == {"x"}, {n: p.length for n, p in expected.items()}
        for network, post in expected.items():
            for count in tip.locator(f"[data-net-count={network}]").all():
                expect(count).to_have_text(f"{post.length} / {post.limit}")
        expect(tip.locator("[data-net-warnings=x]")).to_have_text("Too long")
        expect(tip.locator("details[data-network=x]")).to_have_class(re.compile(r"\bover\b"))
        expect(tip.locator("[data-net-warnings=bluesky]")).to_have_text("")
        expect(tip.locator("[data-net-text=mastodon]")).to_contain_text(typed.strip()[:60])
        expect(tip.locator(f"#count-{TIP} [data-net-count=x]")).to_have_class("over")
        tip.get_by_label("Post text").scroll_into_view_if_needed()
        shot(page, f"{screen}-typing")
        tip.locator("section.outgoing").scroll_into_view_if_needed()
        tip.locator("details[data-network=bluesky] summary").click()  # a tap on the count opens it too
        expect(tip.locator("details[data-network=bluesky]")).to_have_attribute("open", "")
        shot(page, f"{screen}-networks")
        visit.check("typing")
        tip.get_by_label("Post text").fill(typed[:200])  # shorter again: the mark goes
        expect(tip.locator("[data-net-warnings=x]")).to_have_text("")

        # a headline over the limit: counted at once, and the card says so before any Save
        headline = tip.get_by_label("Headline (the card's words)")
        headline.fill("A headline that goes on and on " * 5)
        expect(tip.locator("[data-headline-count]")).to_have_text("154 / 120")
        expect(tip.locator("[data-headline-count]")).to_have_class("over")
        expect(tip.locator("[data-card-over]")).to_be_visible()
        expect(tip.locator("[data-card-over]")).to_contain_text("154 / 120")
        expect(tip.locator("[data-card-problem]")).to_contain_text("over 120")
        tip.locator("[data-card-box]").scroll_into_view_if_needed()
        shot(page, f"{screen}-headline-over")
        visit.check("headline-over")
        headline.fill("Hesitation is not a lack of love.")
        expect(tip.locator("[data-card-over]")).to_be_hidden()
        expect(tip.locator("[data-headline-count]")).to_have_text("33 / 120")
        assert "A headline that goes on" not in (project / "posts" / f"{SLUG}.yaml").read_text()  # nothing saved


def test_a_tip_with_its_own_text_on_a_network_counts_every_network_as_typed(browser, project):  # noqa: F811
    """Typing the post text moves the networks without their own text; typing a network's own text moves that
    network; what the counters said before Save is what the page says after it."""
    from tests.studio.test_studio_own_texts import OWN, with_own_text

    on_three_networks(project)
    with_own_text(project)

    def counts() -> dict[str, str]:
        return {network: tip.locator(f"#count-{TIP} [data-net-count={network}]").inner_text()
                for network in ("x", "bluesky", "mastodon")}

    def expect_counts(text: str, texts: dict[str, str]) -> dict[str, str]:
        posts = {p.network: p for p in open_project(project).campaign_posts(SLUG, TIP, text, texts).tips[0].posts}
        for network, post in posts.items():
            expect(tip.locator(f"#count-{TIP} [data-net-count={network}]")).to_have_text(f"{post.length} / {post.limit}")
            expect(tip.locator(f"[data-net-text={network}]")).to_have_text("".join(p["shown"] for p in post.pieces))
        return {network: f"{post.length} / {post.limit}" for network, post in posts.items()}

    with opened(browser, project, WIDTHS["phone"], "own-texts", f"/c/{SLUG}") as visit:
        page = visit.page
        tip = page.locator(f"#tip-{TIP}")
        own = tip.locator("details.own-texts")
        expect(own).to_have_attribute("open", "")
        expect(own.locator("summary")).to_contain_text("Bluesky")
        expect(tip.get_by_label("Text on Bluesky only (empty: the same words as above)")).to_have_value(OWN)
        before = counts()

        typed = "Counseling is a place to be heard, even when only one of you is ready to go. Truly so."
        tip.get_by_label("Post text").fill(typed)
        shown = expect_counts(typed, {})
        assert shown["bluesky"] == before["bluesky"] and shown["x"] != before["x"]  # Bluesky keeps its own text

        mastodon = "On Mastodon: " + "a longer word about counseling and being heard, " * 6
        tip.get_by_label("Text on Mastodon only (empty: the same words as above)").fill(mastodon)
        tip.get_by_label("Text on Bluesky only (empty: the same words as above)").fill("Bluesky, typed now.")
        shown = expect_counts(typed, {"mastodon": mastodon, "bluesky": "Bluesky, typed now."})
        expect(tip.locator("[data-net-text=mastodon]")).to_contain_text("a longer word about counseling")
        visit.check("typed")

        with page.expect_navigation():
            tip.get_by_role("button", name="Save").click()
        tip = page.locator(f"#tip-{TIP}")
        assert counts() == shown  # what was counted while typing is what goes out
        saved = open_project(project).campaign(SLUG)[0].tip(TIP)
        assert dict(saved.texts) == {"bluesky": "Bluesky, typed now.", "mastodon": mastodon.strip()}
        assert saved.text == typed




def test_a_long_address_in_a_networks_own_text_keeps_the_review_page_375_px_wide(browser, project):  # noqa: F811
    """The user trial: `texts: bluesky:` holding a long URL made the review page wider than a 375 px phone, its
    fields cut off on the right. The review's column never grows past the screen; long words wrap."""
    from tests.conftest import run_cli
    from tests.studio.test_studio_own_texts import with_own_text

    on_three_networks(project)
    address = "https://junocounseling.com/blog/" + "what-to-do-when-one-partner-wants-counseling-" * 3 + "?ref=bluesky"
    with_own_text(project, text="Hesitation is rarely a lack of love; ask what worries them. " * 4 + f"Read: {address}")
    assert run_cli("--root", str(project), "approve", f"{SLUG}/{TIP}", "--now", NOW).code == 0
    assert run_cli("--root", str(project), "queue", "--now", NOW).code == 0
    with opened(browser, project, WIDTHS["phone"], "long-address", f"/c/{SLUG}") as visit:
        page = visit.page
        tip = page.locator(f"#tip-{TIP}")
        tip.locator("details[data-network=bluesky]").evaluate("d => { d.open = true; }")
        expect(tip.locator("[data-net-text=bluesky]")).to_contain_text("junocounseling.com/blog/wha…")  # as Bluesky shows it
        expect(tip.locator("[data-net-links=bluesky]")).to_contain_text(address)  # and where it goes, whole
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS["phone"]
        cut = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map(e => e.tagName + '.' + e.className)""")
        assert not cut, cut  # nothing runs past the right edge either
        visit.check("review")
