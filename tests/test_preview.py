"""The review page: what a manager reads on it, and that article text can never become markup."""

from __future__ import annotations

import base64
import io
import json
import shutil
from datetime import UTC
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from scheduler.preview import render_preview
from tests.conftest import REPO, run_cli


def card_uri(color=(44, 106, 102)) -> str:
    buf = io.BytesIO()
    Image.new("RGB", (160, 90), color).save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def post(tip_id, at, **extra):
    row = {"id": f"seed/{tip_id}", "network": "x", "limit": 280, "how": "characters as X counts them",
           "at": at, "status": "queued",
           "text": "Patience matters.\n\nhttps://junocounseling.com/a?utm_source=x #CouplesCounseling",
           "card": card_uri(), "alt_text": "“Patience matters.” (quote card, @junocounseling)",
           "weighted_length": 60, "campaign": "seed", "headline": "Patience matters.", "review": []}
    row.update(extra)
    return row


def view(**extra):
    data = {"handle": "junocounseling", "timezone": "America/New_York", "now": "2026-11-30T08:00:00-05:00",
            "days": 35, "posts": [], "drafts": [], "published": [], "blackout": []}
    data.update(extra)
    return data


class Page(HTMLParser):
    """The parsed page: every element with its attributes, and the text inside chosen elements."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self._stack: list[tuple[str, dict, list]] = []
        self.texts: dict[str, str] = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag not in ("img", "meta", "br", "input", "link"):
            self._stack.append((tag, attributes, []))

    def handle_endtag(self, tag):
        while self._stack:
            open_tag, attributes, parts = self._stack.pop()
            text = "".join(parts)
            for key in (attributes.get("id"), attributes.get("data-post")):
                if key:
                    self.texts[key] = text
            if self._stack:
                self._stack[-1][2].append(text)
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._stack:
            self._stack[-1][2].append(data)

    def all(self, tag=None, **attrs):
        return [a for t, a in self.elements
                if (tag is None or t == tag) and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def with_attr(self, name):
        return [a for _, a in self.elements if name in a]


def test_each_post_is_shown_once_with_its_exact_text_length_and_alt_text():
    posts = [post("a", "2026-12-02T13:30:00+00:00"), post("b", "2026-12-03T00:30:00+00:00"),
             post("c", "2026-12-05T15:00:00+00:00")]
    page = Page(render_preview(view(posts=posts)))

    shown = [a["data-post"] for a in page.with_attr("data-post")]
    assert shown == ["seed/a", "seed/b", "seed/c"]
    body = page.texts["seed/a"]
    assert "Patience matters.\n\nhttps://junocounseling.com/a?utm_source=x #CouplesCounseling" in body
    assert "60 / 280" in body
    assert "“Patience matters.” (quote card, @junocounseling)" in body
    assert page.all("img", alt="“Patience matters.” (quote card, @junocounseling)")


def test_times_are_the_practices_local_times_across_a_dst_change():
    posts = [post("winter", "2026-12-02T13:30:00+00:00"), post("late", "2026-12-03T00:30:00+00:00"),
             post("summer", "2027-03-15T12:30:00Z")]
    page = Page(render_preview(view(posts=posts, days=120)))

    assert "Wed 2 Dec 2026, 8:30 AM EST" in page.texts["seed/winter"]
    # 00:30 UTC on the 3rd is still the evening of the 2nd in New York
    assert "Wed 2 Dec 2026, 7:30 PM EST" in page.texts["seed/late"]
    assert "Mon 15 Mar 2027, 8:30 AM EDT" in page.texts["seed/summer"]


def test_the_calendar_puts_each_post_on_its_local_day_and_links_to_it():
    posts = [post("late", "2026-12-03T00:30:00+00:00")]
    html = render_preview(view(posts=posts, blackout=["2026-12-24"]))
    page = Page(html)

    chips = page.all("a", **{"class": "chip"})
    assert [c["href"] for c in chips] == ["#post-seed-late"]
    assert page.all("article", id="post-seed-late")
    assert "7:30pm" in page.texts["calendar"]
    wednesday = [a for a in page.all("div", role="cell") if a.get("aria-label") == "Wed 2 Dec"]
    assert wednesday, "the calendar has a cell for Wed 2 Dec"
    assert "blackout" in html.split('aria-label="Thu 24 Dec"')[1].split("</div>")[0]


def test_the_calendar_shows_what_went_out_earlier_this_week():
    published = [{"id": "seed/monday", "at": "2026-11-30T13:30:00Z", "url": "https://x.com/j/status/1", "text": "t"}]
    page = Page(render_preview(view(now="2026-12-02T12:00:00-05:00", published=published)))

    chips = page.all("a", **{"class": "chip posted"})
    assert [c["href"] for c in chips] == ["#published-seed-monday"]
    assert page.all("li", id="published-seed-monday")


def test_review_flags_a_missing_card_and_a_post_over_280_are_called_out():
    posts = [post("ok", "2026-12-02T13:30:00Z"),
             post("sensitive", "2026-12-03T13:30:00Z", review=["sensitive"]),
             post("private", "2026-12-04T13:30:00Z", review=["privacy", "stale"]),
             post("long", "2026-12-05T13:30:00Z", weighted_length=281),
             post("bare", "2026-12-06T13:30:00Z", card=None),
             post("missed", "2026-12-07T13:30:00Z", status="failed", error="X answered 503; trying again")]
    html = render_preview(view(posts=posts))
    page = Page(html)

    def flags(tip):
        return page.texts[f"seed/{tip}"]

    assert "Sensitive topic" not in flags("ok") and "Too long" not in flags("ok")
    assert "Sensitive topic" in flags("sensitive")
    assert "Privacy check" in flags("private") and "Stale" in flags("private")
    assert "Too long" in flags("long") and "281 / 280" in flags("long")
    assert "No card yet" in flags("bare")
    assert "Last attempt: X answered 503; trying again" in flags("missed")
    attention = [a["data-post"] for a in page.with_attr("data-post") if "attention" in a["class"].split()]
    assert attention == ["seed/sensitive", "seed/private", "seed/long", "seed/bare", "seed/missed"]
    assert "<strong>5</strong> posts need attention" in html
    imgs = page.all("img")
    assert len(imgs) == 5, "no broken image for the post without a card"


def test_a_post_only_written_to_the_outbox_is_shown_as_simulated_not_published():
    """preview's Published section counted the outbox's posts as published while the CLI and the studio said
    "simulated, not posted" (results.seen_status): the page says it as they do."""
    published = [{"id": "seed/real", "at": "2026-11-30T13:30:00Z", "url": "https://x.com/j/status/1", "text": "real",
                  "seen": "posted"},
                 {"id": "seed/rehearsed", "at": "2026-12-01T13:30:00Z", "url": "file:///tmp/outbox/1.json",
                  "text": "rehearsed", "seen": "simulated"}]
    html = render_preview(view(now="2026-12-02T12:00:00-05:00", published=published))
    page = Page(html)
    assert [a["data-published"] for a in page.with_attr("data-published")] == ["seed/real"]
    assert [a["data-simulated"] for a in page.with_attr("data-simulated")] == ["seed/rehearsed"]
    assert "rehearsed" in page.texts["simulated"] and "rehearsed" not in page.texts["published"]
    said = " ".join(html.split())
    assert "<strong>1</strong> published" in said and "<strong>1</strong> simulated, not posted" in said
    chips = {a["href"]: a["title"] for a in page.all("a") if a.get("class", "").startswith("chip")}
    assert "(simulated, not posted)" in chips["#published-seed-rehearsed"]
    assert "simulated" not in chips["#published-seed-real"]
    # nothing simulated: no such section
    assert not Page(render_preview(view(published=published[:1]))).all("section", id="simulated")


def test_drafts_waiting_for_approval_and_published_posts_with_links():
    drafts = [{"id": "seed/maybe", "network": "x", "limit": 280, "how": "characters as X counts them",
               "campaign": "seed", "headline": "Curiosity works better.",
               "text": "Curiosity often works better than persuasion.", "weighted_length": 46,
               "alt_text": "alt", "card": card_uri(), "review": ["privacy"]}]
    published = [{"id": "seed/old", "at": "2026-11-20T13:30:00Z", "url": "https://x.com/junocounseling/status/1",
                  "text": "Pressure tends to backfire."},
                 {"id": "seed/odd", "at": "2026-11-21T13:30:00Z", "url": "javascript:alert(1)", "text": "odd"}]
    page = Page(render_preview(view(drafts=drafts, published=published)))

    assert "Curiosity often works better than persuasion." in page.texts["drafts"]
    assert "Privacy check" in page.texts["drafts"]
    assert "Curiosity" not in page.texts["posts"]
    assert page.all("a", href="https://x.com/junocounseling/status/1")
    assert not [a for a in page.with_attr("href") if a["href"].startswith("javascript")]
    assert "javascript:alert(1)" in page.texts["published"]  # shown as text, not a link
    assert "Fri 20 Nov 2026, 8:30 AM EST" in page.texts["published"]


HOSTILE = ('<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> '
           '&amp; &lt;b&gt; "quoted" \'single\' </textarea></p><style>body{display:none}</style>')


def test_hostile_article_text_is_shown_as_text_and_never_becomes_markup():
    hostile = post("evil", "2026-12-02T13:30:00Z", text=HOSTILE, alt_text=HOSTILE, headline=HOSTILE,
                   campaign='"><script>x()</script>')
    draft = dict(hostile, id='seed/"><svg onload=alert(1)>', at=None)
    published = [{"id": "seed/p", "at": "2026-11-20T13:30:00Z", "url": 'https://x.com/"><script>y()</script>',
                  "text": HOSTILE}]
    html = render_preview(view(posts=[hostile], drafts=[draft], published=published, handle="<b>juno</b>"))
    page = Page(html)

    assert not page.all("script") and not page.all("svg") and not page.all("textarea")
    assert len(page.all("style")) == 1
    assert not [a for _, a in page.elements for name in a if name.startswith("on")]
    assert page.all("img", alt=HOSTILE)
    assert [a["src"] for a in page.all("img")] == [hostile["card"], hostile["card"]]
    assert HOSTILE in page.texts["seed/evil"]
    assert HOSTILE in page.texts["published"]
    assert "&lt;script&gt;window.pwned" in html


def test_the_page_loads_nothing_from_anywhere_and_forbids_scripts():
    posts = [post("a", "2026-12-02T13:30:00Z")]
    published = [{"id": "seed/old", "at": "2026-11-20T13:30:00Z", "url": "https://x.com/j/status/1", "text": "t"}]
    page = Page(render_preview(view(posts=posts, published=published)))

    assert all(a["src"].startswith("data:image/") for a in page.with_attr("src"))
    assert not page.all("link") and not page.all("script")
    csp = page.all("meta", http_equiv="Content-Security-Policy")
    assert csp and "default-src 'none'" in csp[0]["content"] and "script-src" not in csp[0]["content"]
    assert page.all("meta", name="viewport")


def test_an_empty_plan_says_what_to_do():
    page = Page(render_preview(view()))

    assert "juno-scheduler queue" in page.texts["posts"]
    assert "No tips are waiting" in page.texts["drafts"]
    assert "Nothing has been published" in page.texts["published"]


def test_the_same_data_gives_the_same_page():
    data = view(posts=[post("a", "2026-12-02T13:30:00Z")])
    assert render_preview(data) == render_preview(dict(data))


def test_a_card_is_embedded_as_a_sharp_thumbnail_and_a_bad_one_as_missing(tmp_path):
    from scheduler.preview import THUMBNAIL_WIDTH, card_data_uri

    card = tmp_path / "card.png"
    Image.new("RGB", (1600, 900), (44, 106, 102)).save(card)
    uri = card_data_uri(card)
    assert uri.startswith("data:image/webp;base64,")
    with Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))) as thumbnail:
        assert thumbnail.size == (THUMBNAIL_WIDTH, 450)
    assert card_data_uri(card) == uri

    corrupt = tmp_path / "corrupt.png"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    assert card_data_uri(corrupt) is None
    assert card_data_uri(tmp_path / "missing.png") is None


# --- the whole path: campaign file, cards, queue, a post published, the page ---------------------

CAMPAIGN = """\
article:
  title: "Talking about counseling"
  url: "https://junocounseling.com/blog/talking-about-counseling"
  source: "articles/talking-about-counseling.txt"
tips:
  - id: resistance-isnt-necessarily-indifference
    headline: "Resistance isn't indifference."
    text: "Resistance isn't indifference. Many people avoid counseling because they don't want to make things worse."
    status: approved
    section: "What resistance is"
  - id: reluctance-isnt-refusal
    headline: "Reluctance doesn't always mean refusal."
    text: "Reluctance doesn't always mean refusal. Often it reflects fear or past experiences."
    status: approved
    section: "Why partners hesitate"
  - id: when-it-feels-unsafe
    headline: "Your safety comes first."
    text: "If home does not feel safe, your safety comes first. Reach out for support today."
    status: approved
    section: "Safety"
    review: [sensitive]
    reviewed: [sensitive]
  - id: curiosity-over-persuasion
    headline: "Curiosity often works better than persuasion."
    text: "Curiosity often works better than persuasion. Ask what worries your partner, and listen."
    status: approved
    section: "How to talk about it"
  - id: pressure-backfires
    headline: "Pressure tends to backfire."
    text: "Pressure tends to backfire. Ultimatums can increase fear and resistance."
    status: approved
    section: "Pitfalls"
  - id: patience-matters
    headline: "Patience matters."
    text: "Patience matters. Readiness is personal and can change as safety increases."
    status: approved
    section: "When to revisit"
  - id: hostile-markup
    headline: '<b>Bold</b> & <i>brave</i>'
    text: '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> &amp; &lt;b&gt; is not markup.'
    alt_text: '<img src=x onerror="window.pwned = 3">'
    status: approved
    section: '<script>window.pwned = 4</script>'
  - id: a-clients-story
    headline: "One couple found their way."
    text: "Maria, 34, told us her husband came round after six months."
    status: draft
    section: "Stories"
    review: [privacy]
  - id: far-too-long
    headline: "Small steps count."
    text: "{long}"
    status: draft
    section: "Small steps"
  - id: not-for-now
    headline: "Skipped for now."
    text: "This tip was skipped."
    status: skip
    section: "Other"
""".replace("{long}", "Small steps count. " * 16)

APPROVED, DRAFTS, FIRST_POSTED = 7, 2, 1
HOSTILE_ID = "talking-about-counseling/hostile-markup"
HOSTILE_TEXT = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> &amp; &lt;b&gt; is not markup.'
NOW = "2026-11-30T09:00"


def build_reviewed_project(root: Path) -> dict:
    """A project with a reviewed campaign, its cards, the queue, one post published: the preview's report."""
    root.mkdir(parents=True)
    for part in ("posts", "assets"):
        shutil.copytree(REPO / part, root / part)
    for old in (root / "posts").glob("*.yaml"):
        if old.name != "schedule.yaml":
            old.unlink()
    (root / "posts" / "talking-about-counseling.yaml").write_text(CAMPAIGN, encoding="utf-8")
    for args in (("cards",), ("queue", "--now", "2026-11-30T07:00"), ("run-due", "--now", "2026-11-30T08:45")):
        result = run_cli(*args, cwd=root)
        assert result.code == 0, result
    (root / "review").mkdir()
    result = run_cli("preview", "--now", NOW, "--out", "review/page.html", "--json", cwd=root)
    assert result.code == 0, result
    return json.loads(result.out)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    root = tmp_path_factory.mktemp("preview") / "project"
    report = build_reviewed_project(root)
    return root, report


def test_preview_writes_one_page_with_the_queue_the_drafts_and_what_was_published(reviewed):
    root, report = reviewed
    page_file = root / "review" / "page.html"
    assert report["out"] == str(page_file)
    plan = json.loads(run_cli("plan", "--now", NOW, "--days", "35", "--json", cwd=root).out)["posts"]
    assert len(plan) == APPROVED - FIRST_POSTED
    # the outbox's post is simulated, not published (newcomer trial, finding 3: preview said "1 published")
    assert (report["posts"], report["drafts"], report["published"], report["simulated"]) == (len(plan), DRAFTS, 0,
                                                                                             FIRST_POSTED)

    html = page_file.read_text(encoding="utf-8")
    page = Page(html)
    assert [a["data-post"] for a in page.all("article") if a["id"].startswith("post-")] == [row["id"] for row in plan]
    chips = [a["href"] for a in page.all("a") if a.get("class", "").startswith("chip") and "posted" not in a["class"]]
    assert chips == [f"#post-{row['id'].replace('/', '-')}" for row in plan]
    for row in plan:
        assert row["text"] in page.texts[row["id"]], "the text exactly as it will be posted"
        assert "https://junocounseling.com/blog/talking-about-counseling?utm_source=x" in row["text"]
    sensitive = page.texts["talking-about-counseling/when-it-feels-unsafe"]
    assert "Sensitive topic" in sensitive and "call or text 988" in sensitive
    assert "Privacy check" in page.texts["talking-about-counseling/a-clients-story"]
    assert "Too long" in page.texts["talking-about-counseling/far-too-long"]
    assert "This tip was skipped" not in html
    # whose plan: the account as configured, rehearsed in the outbox (the page said "@junocounseling on X" whatever
    # the schedule named, and nothing of the outbox)
    assert '<p class="eyebrow">@junocounseling on X (outbox)</p>' in html
    assert HOSTILE_TEXT in page.texts[HOSTILE_ID] and not page.all("script") and not page.all("i")
    assert page.all("img", alt='<img src=x onerror="window.pwned = 3">')
    # the page says so too, as the CLI and the studio do (results.seen_status): not under "Published"
    assert "Mon 30 Nov 2026, 8:" in page.texts["simulated"] and "Simulated, not posted" in page.texts["simulated"]
    assert "Nothing has been published" in page.texts["published"] and not page.with_attr("data-published")
    summary = " ".join(html.split())
    assert "<strong>0</strong> published" in summary and "<strong>1</strong> simulated, not posted" in summary
    assert [a for a in page.all("a", **{"class": "plink"}) if a["href"].startswith("file://")]
    imgs = page.all("img")
    assert len(imgs) == len(plan) + DRAFTS and all(a["src"].startswith("data:image/webp;base64,") for a in imgs)


def test_a_month_of_posts_makes_a_page_of_reasonable_size(reviewed):
    _root, report = reviewed
    per_card = report["bytes"] / (report["posts"] + report["drafts"])
    assert per_card < 60_000, f"{per_card:.0f} bytes per card: a month of posts would make a heavy page"


def test_preview_without_out_writes_into_the_project_state_folder(reviewed, tmp_path):
    root, _ = reviewed
    result = run_cli("preview", "--now", NOW, cwd=root)
    assert result.code == 0, result
    assert (root / ".juno" / "preview.html").is_file()
    assert result.out.startswith(f"wrote {root / '.juno' / 'preview.html'}: 6 posts in the next 35 days")
    day = run_cli("preview", "--now", NOW, "--days", "1", "--out", str(tmp_path / "day.html"), cwd=root)
    assert day.code == 0 and ": 0 posts in the next 1 day, 2 drafts waiting for approval" in day.out, day


def test_preview_refuses_a_folder_or_an_unwritable_place_and_writes_nothing(reviewed, tmp_path):
    from datetime import datetime

    from scheduler.config import load_settings
    from scheduler.errors import UsageError
    from scheduler.preview import write_preview
    from scheduler.store import open_store

    root, _ = reviewed
    result = run_cli("preview", "--now", NOW, "--out", str(tmp_path), cwd=root)
    assert result.code == 2, result
    assert result.err.startswith(f"error: --out {tmp_path}: that is a folder") and len(result.err.splitlines()) == 1

    settings = load_settings(root)
    now = datetime(2026, 11, 30, 14, tzinfo=UTC)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with open_store(settings.database_url) as store:
        with pytest.raises(UsageError, match="cannot write a preview page there: .* is not a folder"):
            write_preview(settings, store, now, blocker / "page.html", 35)
        with pytest.raises(UsageError, match="cannot write a preview page there: .* is not a folder"):
            write_preview(settings, store, now, tmp_path / "no-such-folder" / "page.html", 35)
        with pytest.raises(UsageError, match="--days 0"):
            write_preview(settings, store, now, tmp_path / "page.html", 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
