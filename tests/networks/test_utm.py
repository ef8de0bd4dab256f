"""Links people can trace: each network's post links to the article with its own UTM parameters (on by default,
`link.utm: off` or values of the practice's own in posts/schedule.yaml), counted as the network counts a link."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from queue_helpers import SCHEDULE, write_campaign, write_schedule

from scheduler.config import load_settings
from scheduler.errors import ConfigError
from scheduler.posttext import compose_for, length_on, tracking_replaced

URL = "https://junocounseling.com/blog/what-to-do-when-one-partner-wants-counseling"
ACCOUNTS = """accounts:
  - {network: x, handle: junocounseling, publisher: outbox}
  - {network: bluesky, handle: junocounseling.bsky.social, publisher: outbox}
  - {network: mastodon, handle: "@juno@social.example", publisher: outbox}"""


def _schedule(root, link: str):
    text = SCHEDULE.replace("account: {handle: junocounseling, publisher: PUBLISHER}", ACCOUNTS)
    text = text.replace("RECYCLE", "null").replace("link: {mode: in-post, utm: {source: x, medium: social}}", link)
    write_schedule(root, text=text)
    return load_settings(root).schedule


def _utm(text: str) -> dict[str, list[str]]:
    link = next(word for word in text.split() if word.startswith("https://"))
    return {k: v for k, v in parse_qs(urlsplit(link).query).items() if k.startswith("utm_")}


def _post(schedule, network: str, url: str = URL) -> str:
    return compose_for(schedule, text="A tip.", url=url, campaign="one-partner", sensitive=False, network=network)


@pytest.mark.parametrize("link", ["link: {mode: in-post}", ""], ids=["in-post", "no link key"])
def test_by_default_each_network_gets_its_own_source_medium_social_and_the_campaign(tmp_path, link):
    schedule = _schedule(tmp_path, link)
    for network in ("x", "bluesky", "mastodon"):
        assert _utm(_post(schedule, network)) == {"utm_source": [network], "utm_medium": ["social"],
                                                 "utm_campaign": ["one-partner"]}


def test_utm_off_leaves_the_link_as_the_article_gives_it(tmp_path):
    schedule = _schedule(tmp_path, "link: {mode: in-post, utm: off}")
    assert all(f"{URL}\n" in _post(schedule, n) + "\n" or f"{URL} " in _post(schedule, n)
               for n in ("x", "bluesky", "mastodon"))
    assert all(_utm(_post(schedule, n)) == {} for n in ("x", "bluesky", "mastodon"))


def test_values_given_replace_the_defaults_and_the_rest_stay(tmp_path):
    schedule = _schedule(tmp_path, "link: {mode: in-post, utm: {medium: organic, campaign: winter, content: tip}}")
    assert _utm(_post(schedule, "bluesky")) == {"utm_source": ["bluesky"], "utm_medium": ["organic"],
                                                "utm_campaign": ["winter"], "utm_content": ["tip"]}


def test_tracking_already_in_the_articles_address_is_replaced_per_network_and_the_rest_kept(tmp_path):
    schedule = _schedule(tmp_path, "link: {mode: in-post}")
    url = URL + "?ref=home&utm_source=newsletter&UTM_Medium=email&utm_content=header"
    for network in ("x", "bluesky", "mastodon"):
        post = _post(schedule, network, url)
        assert _utm(post) == {"utm_source": [network], "utm_medium": ["social"], "utm_campaign": ["one-partner"]}
        assert "ref=home" in post and "newsletter" not in post and "email" not in post.lower()
    warning = tracking_replaced(schedule, url, "one-partner")
    assert warning == ("posts/one-partner.yaml: the article's address carries utm_source=newsletter&UTM_Medium=email"
                       "&utm_content=header, another channel's tracking: each network's post replaces it with its "
                       "own (utm_source=<network>&utm_medium=social&utm_campaign=one-partner); give the address "
                       "without it (article.url) to keep this warning away")
    assert tracking_replaced(schedule, URL + "?ref=home", "one-partner") is None


def test_with_utm_off_the_articles_own_tracking_stays_and_nothing_is_said(tmp_path):
    schedule = _schedule(tmp_path, "link: {mode: in-post, utm: off}")
    assert f"{URL}?utm_source=newsletter" in _post(schedule, "x", URL + "?utm_source=newsletter")
    assert tracking_replaced(schedule, URL + "?utm_source=newsletter", "one-partner") is None


def test_queue_preview_and_the_studio_warn_of_tracking_the_posts_replace(project, cli):
    from tests.studio.helpers import Studio

    _schedule(project, "link: {mode: in-post}")
    write_campaign(project, "alpha", [{"id": "t1"}], url=URL + "?utm_source=newsletter")
    queued = cli("queue", "--now", "2026-12-01T09:00", cwd=project)
    assert queued.code == 0
    assert "warning: posts/alpha.yaml: the article's address carries utm_source=newsletter" in queued.out
    again = cli("queue", "-q", "--now", "2026-12-01T09:00", cwd=project)  # cron's: said once, when its posts queued
    assert again.code == 0 and again.out == "", again
    # a tip added or edited later, the address kept: said once already (user trial 3, finding 6: it came back at
    # every queue after each edit, though the user had chosen that address)
    write_campaign(project, "alpha", [{"id": "t1", "text": "Edited words."}, {"id": "t2"}],
                   url=URL + "?utm_source=newsletter")
    kept = json.loads(cli("queue", "--json", "--now", "2026-12-01T09:00", cwd=project).out)
    assert kept["queued"] and kept["updated"] and kept["notices"] == [], kept
    moved = URL + "-moved?utm_source=newsletter"  # a new address: its posts change, and it is said again
    write_campaign(project, "alpha", [{"id": "t1", "text": "Edited words."}, {"id": "t2"}], url=moved)
    assert json.loads(cli("queue", "--json", "--now", "2026-12-01T09:00", cwd=project).out)["notices"] == [
        tracking_replaced(load_settings(project).schedule, moved, "alpha")]
    write_campaign(project, "alpha", [{"id": "t1"}, {"id": "t2"}], url=URL + "?utm_source=newsletter")
    plan = json.loads(cli("plan", "--json", "--now", "2026-12-01T09:00", cwd=project).out)["posts"]
    assert all("newsletter" not in row["text"] and f"utm_source={row['network']}" in row["text"] for row in plan)
    out = project / "preview.html"
    assert cli("preview", "--out", str(out), "--now", "2026-12-01T09:00", cwd=project).code == 0
    assert "the article&#39;s address carries utm_source=newsletter" in out.read_text(encoding="utf-8")
    page = Studio(project).sign_in().get("/c/alpha").text
    assert "its own tracking is replaced" in page
    assert "the article&#39;s address carries utm_source=newsletter" in page


def test_no_link_no_parameters(tmp_path):
    schedule = _schedule(tmp_path, "link: {mode: none}")
    assert "https://" not in _post(schedule, "x")


def test_a_bad_utm_value_is_one_located_error(tmp_path):
    with pytest.raises(ConfigError) as error:
        _schedule(tmp_path, "link: {mode: in-post, utm: {medium: [a, b]}}")
    assert "posts/schedule.yaml:" in str(error.value) and "utm" in str(error.value)


def test_x_counts_the_long_link_as_23_so_the_parameters_cost_no_room(tmp_path):
    schedule = _schedule(tmp_path, "link: {mode: in-post}")
    text = "x" * 200
    with_utm = compose_for(schedule, text=text, url=URL, campaign="a-long-campaign-name-" * 3, sensitive=False,
                           network="x")
    plain = compose_for(_schedule(tmp_path, "link: {mode: in-post, utm: off}"), text=text, url=URL,
                        campaign="c", sensitive=False, network="x")
    assert len(with_utm) > len(plain) + 60
    assert length_on("x", with_utm).length == length_on("x", plain).length
    assert length_on("x", with_utm).fits and length_on("mastodon", with_utm).fits


def test_queue_plan_and_preview_show_each_networks_link(project, cli):
    _schedule(project, "link: {mode: in-post}")
    write_campaign(project, "alpha", [{"id": "t1"}], url=URL)
    assert cli("queue", "--now", "2026-12-01T09:00", cwd=project).code == 0
    shown = cli("plan", "--json", "--now", "2026-12-01T09:00", cwd=project)
    rows = {row["network"]: row for row in json.loads(shown.out)["posts"]}
    assert sorted(rows) == ["bluesky", "mastodon", "x"]
    for network, row in rows.items():
        assert f"{URL}?utm_source={network}&utm_medium=social&utm_campaign=alpha" in row["text"]
        assert row["weighted_length"] <= row["limit"]
    out = project / "preview.html"
    assert cli("preview", "--out", str(out), "--now", "2026-12-01T09:00", cwd=project).code == 0
    page = out.read_text(encoding="utf-8")
    assert "utm_source=x&amp;utm_medium=social&amp;utm_campaign=alpha" in page
