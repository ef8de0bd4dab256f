"""The Queue and the Calendar filtered by campaign, network and state, and searched; the week view opens on
this week (issue 21, item 5)."""

from __future__ import annotations

import re

import pytest

from tests.studio.helpers import SLUG, TIP, Studio

OTHER = "patience-matters"
TWO_NETWORKS = ("accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
                "  - {network: mastodon, handle: \"@junocounseling@mastodon.social\", publisher: outbox}\n")


@pytest.fixture
def studio(project):
    return Studio(project).sign_in()


def on_two_networks(root) -> None:
    schedule = root / "posts" / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text[:text.index("account:")] + TWO_NETWORKS + text[text.index("timezone:"):], encoding="utf-8")


def going_out(page: str) -> list[str]:
    """The Going out list's posts, by the post each row's Skip names."""
    section = page.split('id="plan-h"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'name="post" value="([^"]+)"', section)


def waiting(page: str) -> list[str]:
    if 'id="drafts-h"' not in page:
        return []
    section = page.split('id="drafts-h"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'href="/c/[^#]+#tip-([^"]+)"', section)


def test_the_queue_filters_by_network_state_and_words(studio):
    on_two_networks(studio.root)
    studio.status("approved")
    studio.status("approved", tip=OTHER)
    everything = studio.get("/queue").text
    assert sorted(going_out(everything)) == sorted([f"{SLUG}/{TIP}", f"{SLUG}/{TIP}@mastodon", f"{SLUG}/{OTHER}",
                                                    f"{SLUG}/{OTHER}@mastodon"])
    assert TIP not in waiting(everything) and "keep-the-invitation-open-ended" in waiting(everything)
    assert '<option value="mastodon">Mastodon</option>' in everything

    mastodon = studio.get("/queue?network=mastodon").text
    assert sorted(going_out(mastodon)) == sorted([f"{SLUG}/{TIP}@mastodon", f"{SLUG}/{OTHER}@mastodon"])
    assert '<option value="mastodon" selected>Mastodon</option>' in mastodon
    assert "Clear filters" in mastodon

    searched = studio.get("/queue?q=PATIENCE").text  # words of the headline, any case
    assert sorted(going_out(searched)) == [f"{SLUG}/{OTHER}", f"{SLUG}/{OTHER}@mastodon"]
    assert waiting(searched) == []

    drafts = studio.get("/queue?state=draft").text
    assert going_out(drafts) == [] and len(waiting(drafts)) == 18
    assert "Showing 18 of" in drafts


def test_a_filter_that_matches_nothing_says_so_and_offers_the_way_back(studio):
    page = studio.get("/queue?q=no+such+words+anywhere")
    assert page.status_code == 200
    assert "Showing 0 of" in page.text and "Nothing matches these filters" in page.text
    assert 'href="/queue">clear them</a>' in page.text
    assert 'value="no such words anywhere"' in page.text  # the search stays in its box


def test_a_filter_naming_nothing_is_a_bad_request_with_a_way_back(studio):
    for query in ("campaign=no-such-campaign", "network=myspace", "state=lost", "state=draft&network=x%00"):
        page = studio.get(f"/queue?{query}")
        assert page.status_code == 400, query
        assert "there is no such" in page.text and 'href="/queue"' in page.text
    calendar = studio.get("/calendar?state=draft")  # a draft is never on the calendar
    assert calendar.status_code == 400 and "pick one of: failed, missed, posted, queued" in calendar.text


def test_the_calendar_keeps_its_filters_from_page_to_page(studio):
    studio.status("approved")
    studio.status("approved", tip=OTHER)
    page = studio.get("/calendar?mode=month&day=2026-12-01&q=patience").text
    assert f'id="post-{SLUG}-{OTHER}"' in page and f'id="post-{SLUG}-{TIP}"' not in page
    assert "1 post matches the filters in this month." in page
    assert "day=2027-01-01&amp;q=patience" in page  # Later keeps the search
    assert 'name="mode" value="month"' in page and 'name="day" value="2026-12-01"' in page
    none = studio.get("/calendar?mode=week&day=2026-12-01&campaign=" + SLUG + "&state=posted").text
    assert "0 posts match the filters in this week." in none and "clear the filters" in none


def test_the_week_view_opens_on_this_week(studio):
    """Tuesday 1 December: Week view from this month's page shows Monday 30 November to Sunday 6 December."""
    month = studio.get("/calendar").text
    week_link = re.search(r'href="(/calendar\?mode=week[^"]*)"', month).group(1).replace("&amp;", "&")
    assert week_link == "/calendar?mode=week&day=2026-12-01"
    week = studio.get(week_link).text
    assert "Week of 30 November 2026" in week
    assert 'data-day="2026-11-30"' in week and 'data-day="2026-12-06"' in week


def test_a_move_or_a_skip_made_from_a_filtered_page_comes_back_to_it(studio):
    studio.status("approved")
    studio.status("approved", tip=OTHER)
    calendar = studio.get("/calendar?mode=month&day=2026-12-01&q=patience").text
    form = re.search(r'<form method="post" action="(/posts/move\?back=[^"]+)"', calendar).group(1).replace("&amp;", "&")
    answer = studio.post(form, {"post": f"{SLUG}/{OTHER}", "at": "2026-12-12T11:00", "mode": "month",
                                "filters": "q=patience"})
    assert answer.status_code == 303 and answer.headers["location"] == "/calendar?mode=month&day=2026-12-12&q=patience"
    queue = studio.get("/queue?q=patience").text
    skip = re.search(r'action="(/do/skip\?back=[^"]+)"', queue).group(1).replace("&amp;", "&")
    answer = studio.post(skip, {"post": f"{SLUG}/{OTHER}"})
    assert answer.status_code == 303 and answer.headers["location"] == "/queue?q=patience"
