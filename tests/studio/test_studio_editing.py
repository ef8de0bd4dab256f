"""Editing through the studio: the file keeps its comments and order, bad input saves nothing, conflicts show both."""

from __future__ import annotations

import difflib
import html
import json
import shutil

import pytest
import yaml

from scheduler import audit
from tests.conftest import BUNDLED_TIPS, REPO, run_cli
from tests.studio.helpers import NOW, SLUG, TIP, Studio, errors, said

HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> & "quoted"'


@pytest.fixture
def studio(project):
    return Studio(project).sign_in()


def tip_data(studio, tip_id=TIP) -> dict:
    data = yaml.safe_load(studio.campaign_text())
    return next(t for t in data["tips"] if t["id"] == tip_id)


def test_an_edit_changes_only_that_tip_and_keeps_comments_key_order_and_quoting(studio):
    before = studio.campaign_text()
    answer = studio.edit(headline="Resistance is not indifference.", text="Resistance isn’t indifference.")
    assert answer.status_code == 303, answer.text
    after = studio.campaign_text()
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
               if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    # the edit is judged as split judges its words (user trial 3, finding F; this expected `ready: true` before):
    # the long tip's note goes with its length, and split holds back a tip of three words with a note of its own
    assert changed == [
        '-    headline: "Resistance isn’t necessarily indifference."', changed[1],
        '+    headline: "Resistance is not indifference."', '+    text: "Resistance isn’t indifference."',
        '-    notes: ["30 words or more: outside graders mostly trimmed such tips; shorten it"]',
        '+    notes: ["12 words or fewer: check it gives enough to act on (a how or a why)"]']
    assert after.splitlines()[:3] == before.splitlines()[:3]  # the header comments


def test_every_change_is_in_the_audit_log_and_undo_puts_it_back(studio):
    before = studio.campaign_text()
    studio.edit(headline="A different headline.", text=tip_data(studio)["text"])
    entries = [json.loads(line) for line in (studio.root / ".juno" / "audit.jsonl").read_text().splitlines()]
    assert [(e["what"], e["tip"], e["before"]["headline"], e["after"]["headline"]) for e in entries] == [
        ("edit", TIP, "Resistance isn’t necessarily indifference.", "A different headline.")]
    answer = studio.post("/undo?back=/c/" + SLUG, {}, follow=True)
    assert "Undid the edit" in said(answer.text)[0]
    assert studio.campaign_text() == before
    assert "Nothing to undo" in said(studio.post("/undo", {}, follow=True).text)[0]


def test_hostile_text_is_saved_as_written_and_shown_as_text(studio):
    article = studio.root / "posts" / "articles" / f"{SLUG}.txt"
    article.write_text(article.read_text(encoding="utf-8") + f"\n\n{HOSTILE}\n", encoding="utf-8")
    assert studio.edit(text=HOSTILE, headline="Plain words.").status_code == 303
    assert tip_data(studio)["text"] == HOSTILE
    page = studio.get(f"/c/{SLUG}").text
    assert "<script>window.pwned" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&#34;window.pwned=2&#34;&gt;" in page
    assert page.count("&lt;script&gt;") >= 2  # in the tip's text field and in the article's left-out passage


@pytest.mark.parametrize("field,value,expected", [
    ("headline", "", "headline is empty"),
    ("headline", "   ", "headline is empty"),
    ("text", "", "text is empty"),
    ("headline", "x" * 5000, "a card holds at most 120"),
    ("text", "y" * 5001, "far too long"),
    ("alt_text", "z" * 5001, "far too long"),
    ("alt_text", "z" * 1200, "the alt text has 1,200 characters; X takes at most 1,000: shorten it"),  # trial 3
    ("headline", "W" * 85, "does not fit"),  # within the limit, but one word too wide for the card
    ("text", "Talk\x1b[2J gently.", "the control character U+001B is not allowed"),
    ("headline", "Talk \u202egently.", "the control character U+202E is not allowed"),
])
def test_bad_input_says_why_beside_the_field_and_saves_nothing(studio, field, value, expected):
    before = studio.campaign_text()
    values = {"headline": "Resistance isn’t indifference.", "text": "Some text.", "alt_text": ""}
    values[field] = value
    answer = studio.edit(**values)
    assert answer.status_code == 422
    assert any(expected in e for e in errors(answer.text)), errors(answer.text)
    assert f'id="err-{TIP}-{field}"' in answer.text
    assert value.strip() in answer.text, "the words typed stay on the page"
    assert studio.campaign_text() == before
    assert not (studio.root / ".juno" / "audit.jsonl").exists()


@pytest.mark.parametrize("words", ["Talk 💬 gently 🌱.", "שלום, אפשר לדבר?", "مرحبا بكم في الاستشارة", "Café — “quoted” ‘words’."])
def test_emoji_and_right_to_left_text_round_trip(studio, words):
    answer = studio.edit(text=words, headline="Resistance isn’t indifference.", alt_text=words)
    assert answer.status_code == 303, errors(answer.text)
    tip = tip_data(studio)
    assert tip["text"] == words and tip["alt_text"] == words
    assert words in studio.campaign_text()  # written as the characters, not escapes


def test_a_file_changed_on_disk_under_an_open_page_is_not_overwritten(studio):
    version = studio.version()  # the manager opens the page ...
    path = studio.root / "posts" / f"{SLUG}.yaml"
    hand_edited = studio.campaign_text().replace('headline: "Resistance isn’t necessarily indifference."',
                                                 'headline: "Edited in vim."')
    path.write_text(hand_edited, encoding="utf-8")  # ... someone edits the file by hand ...
    answer = studio.edit(version=version, headline="Edited in the studio.", text="Mine.")  # ... then the manager saves
    assert answer.status_code == 409
    assert "Edited in vim." in answer.text and "Edited in the studio." in answer.text  # both versions shown
    assert studio.campaign_text() == hand_edited
    # choosing "keep yours" posts again with the file's new version
    import re

    fresh = re.search(r'name="version" value="(\w+)"', answer.text).group(1)
    kept = studio.edit(version=fresh, headline="Edited in the studio.", text="Mine.")
    assert kept.status_code == 303
    assert tip_data(studio)["headline"] == "Edited in the studio."


def test_two_tabs_are_the_same_case(studio):
    version = studio.version()
    assert studio.edit(version=version, headline="First tab.", text="One.").status_code == 303
    second = studio.edit(version=version, headline="Second tab.", text="Two.")
    assert second.status_code == 409
    assert tip_data(studio)["headline"] == "First tab."


def test_a_passage_becomes_a_draft_tip_after_the_tips_before_it(studio):
    version = studio.version()
    answer = studio.post(f"/c/{SLUG}/tips/new", {"version": version, "paragraph": "2",
                                                  "text": "It’s a common and painful place to be."})
    assert answer.status_code == 303
    data = yaml.safe_load(studio.campaign_text())
    ids = [t["id"] for t in data["tips"]]
    new = data["tips"][0]
    assert new["status"] == "draft" and new["text"] == "It’s a common and painful place to be."
    assert new["notes"] == ["taken by hand from b2: check it stands alone"]  # as `split --take b2` writes it
    assert "source" not in new and ids[1] == "understanding-the-reasons-behind-reluctance-can-help"
    assert [e["what"] for e in audit.entries(studio.root)] == ["add"]


def test_a_left_out_item_of_a_list_that_gave_a_tip_can_be_made_a_tip(studio):
    """A user trial: the list of reasons a partner may resist gave one tip from its first three items; the other
    four were shown plain, with no way to take one (the passage's button shows only for a block no tip came from)."""
    import html
    import re

    page = studio.get(f"/c/{SLUG}").text
    offered = [html.unescape(text) for text in re.findall(
        r'name="paragraph" value="5">\s*<input type="hidden" name="text" value="([^"]+)">\s*<button type="submit">'
        r'Make this item a tip', page)]
    assert len(offered) == 4 and offered[0].startswith("Concern about reopening"), offered
    answer = studio.post(f"/c/{SLUG}/tips/new", {"version": studio.version(), "paragraph": "5", "text": offered[0]})
    assert answer.status_code == 303
    new = next(t for t in yaml.safe_load(studio.campaign_text())["tips"] if t["text"].startswith(offered[0]))
    assert new["status"] == "draft" and new["notes"] == ["taken by hand from b5: check it stands alone"]
    assert "Make this item a tip<span class=\"visually-hidden\">: " + html.escape(offered[0], quote=False) \
        not in studio.get(f"/c/{SLUG}").text  # now a tip's source, it is marked instead


def test_the_left_out_passages_say_why_split_left_them_out(studio):
    from tests.conftest import run_cli

    article = f"posts/articles/{SLUG}.txt"
    assert run_cli("--root", str(studio.root), "split", article).code == 0  # writes .juno/split/<slug>.json
    page = studio.get(f"/c/{SLUG}").text
    assert "Left out: meta (byline, date, link or credit)" in page
    assert "Left out: needs context (refers to something outside it)" in page


def test_reorder_moves_the_tip_and_keeps_everything_else(studio):
    before = [t["id"] for t in yaml.safe_load(studio.campaign_text())["tips"]]
    studio.post(f"/c/{SLUG}/tips/{TIP}/reorder", {"version": studio.version(), "direction": "up"})
    after = [t["id"] for t in yaml.safe_load(studio.campaign_text())["tips"]]
    i = before.index(TIP)
    assert after[i - 1] == TIP and sorted(after) == sorted(before)


def test_a_broken_schedule_file_is_one_line_on_the_page_and_fixing_it_is_seen(studio):
    schedule = studio.root / "posts" / "schedule.yaml"
    good = schedule.read_text()
    schedule.write_text(good.replace("max_per_day: 1", "max_per_day: lots"))
    answer = studio.get(f"/c/{SLUG}")
    assert answer.status_code == 400
    assert any("posts/schedule.yaml" in e and "max_per_day" in e for e in errors(answer.text)), errors(answer.text)
    schedule.write_text(good)
    assert studio.get(f"/c/{SLUG}").status_code == 200


def test_a_pasted_article_is_saved_and_split_into_draft_tips(studio):
    text = ("Listening comes first. When you listen before you answer, your partner feels heard.\n\n"
            "Small rituals matter. A short walk together each evening can keep you close.")
    answer = studio.post("/articles", {"title": "Two small habits", "article": text}, follow=True)
    assert "Article added and split" in said(answer.text)[0]
    assert (studio.root / "posts" / "articles" / "two-small-habits.txt").read_text().startswith("Two small habits\n")
    campaign = yaml.safe_load((studio.root / "posts" / "two-small-habits.yaml").read_text())
    assert campaign["tips"] and {t["status"] for t in campaign["tips"]} == {"draft"}


@pytest.mark.parametrize("title,text,expected", [
    ("", "Some words.", "give the article's title"),
    ("Only a title", "", "paste its text"),
    ("What to Do When One Partner Wants Counseling", "Words.", "already here"),
])
def test_a_bad_article_says_why_and_leaves_nothing_behind(studio, title, text, expected):
    before = sorted(p.name for p in (studio.root / "posts").rglob("*"))
    answer = studio.post("/articles", {"title": title, "article": text})
    assert answer.status_code == 422 and any(expected in e for e in errors(answer.text)), errors(answer.text)
    assert sorted(p.name for p in (studio.root / "posts").rglob("*")) == before


def test_an_uploaded_file_that_is_not_an_article_is_refused(studio):
    answer = studio.client.post("/articles", data={"csrf": studio.csrf, "title": "", "article": ""},
                                files={"file": ("photo.png", b"\x89PNG...", "image/png")})
    assert answer.status_code == 422 and any(".txt, .md or .html" in e for e in errors(answer.text))


def test_the_campaigns_page_counts_what_needs_a_person(studio):
    from tests.studio.test_studio_scheduling import flag

    flag(studio, TIP, "sensitive")
    page = studio.get("/").text
    assert "1 sensitive" in page and f"{BUNDLED_TIPS} no card yet" in page
    studio.get(f"/cards/{SLUG}/{TIP}.png")  # the review page draws each card as it is shown
    assert f"{BUNDLED_TIPS - 1} no card yet" in studio.get("/").text


def test_a_tip_edited_to_speak_of_a_crisis_is_flagged_sensitive_and_posts_with_the_crisis_footer(studio):
    """The splitter flags a tip by its words; a person's edit is read the same way, so a tip rewritten to speak of
    suicide never goes out without the footer: it waits for the flag's acknowledgement, then carries it."""
    assert "sensitive" not in (tip_data(studio).get("review") or [])
    assert studio.status("approved").status_code == 303 and TIP in json.dumps(
        json.loads(run_cli("--root", str(studio.root), "plan", "--json", "--now", NOW.isoformat()).out))
    words = "If you are thinking about suicide, you deserve support today."
    answer = studio.post(f"/c/{SLUG}/tips/{TIP}/edit", {"version": studio.version(), "headline": "You deserve support today.",
                                                        "text": words}, follow=True)
    message = said(answer.text)[0]
    assert "flagged sensitive" in message and "“suicide”" in message and "back to draft" in message, message
    assert "I have reviewed it" in message, message
    tip = tip_data(studio)
    assert tip["review"] == ["sensitive"] and "suicide" in " ".join(tip["review_words"]["sensitive"]).lower()
    assert tip["status"] == "draft"  # out of the queue until approved again with the tick
    assert TIP not in json.dumps(json.loads(run_cli("--root", str(studio.root), "plan", "--json",
                                                    "--now", NOW.isoformat()).out))
    assert studio.status("approved", acknowledge=["sensitive"]).status_code == 303
    plan = json.loads(run_cli("--root", str(studio.root), "plan", "--json", "--now", NOW.isoformat()).out)
    post = next(p for p in plan["posts"] if TIP in p["id"])  # approving in the studio queued it
    assert words in post["text"] and "If you are in crisis, call or text 988." in post["text"]
    # an ordinary edit afterwards keeps the flag: only a person takes it away
    assert studio.edit(headline="You deserve support.", text="You deserve support.").status_code == 303
    assert tip_data(studio)["review"] == ["sensitive"]


def test_an_ordinary_edit_raises_no_flag(studio):
    assert studio.edit(headline="Patience helps.", text="Patience helps when a partner is unsure.").status_code == 303
    assert not tip_data(studio).get("review")


def test_an_edit_that_speaks_of_a_death_only_as_losing_them_is_flagged_in_an_article_about_grief(studio):
    """The article's title is context for words that speak of a death only in such an article, as split reads them:
    the same edit raises nothing under the bundled title and is flagged under a title about grief."""
    assert studio.edit(headline="Plan the first holidays together.",
                       text="Plan the first holidays together, because losing them changes every one.").status_code == 303
    assert not tip_data(studio).get("review")
    # words the tip already had raise no flag on a later edit (user trial 10: a flag taken off stays off for the
    # words judged), so the grief title's reading is shown on words the edit brings
    assert studio.edit(headline="Plan the first holidays.", text="Plan the first holidays together.").status_code == 303
    campaign = studio.root / "posts" / f"{SLUG}.yaml"
    title = "What to Do When One Partner Wants Counseling and the Other Doesn’t"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace(title, "Grieving Together as a Couple"),
                        encoding="utf-8")
    assert studio.edit(headline="Plan the first holidays as a couple.",
                       text="Plan the first holidays as a couple, because losing them changes every one.").status_code == 303
    tip = tip_data(studio)
    assert tip["review"] == ["sensitive"] and tip["review_words"]["sensitive"] == ["losing them"]


def test_a_sensitive_sentence_in_no_tip_of_its_passage_is_marked_until_a_tip_carries_it(studio):
    """A user trial: split's block report named b14's "not wanting to be here" as left out of the passage's tips,
    the article pane showed nothing of it (the browser walk: test_studio_trial3_browser)."""
    article = REPO / "tests" / "data" / "trial" / "when-work-anxiety-follows-you-home.md"
    slug = article.stem
    shutil.copy(article, studio.root / "posts" / "articles" / article.name)
    assert run_cli("--root", str(studio.root), "split", f"posts/articles/{article.name}").code == 0
    page = studio.get(f"/c/{slug}").text
    block = page.split('id="p-14"', 1)[1].split('<div class="block', 1)[0]
    assert "<span class=\"unsaid\">If you find that you dread every morning" in block, block
    assert "Left out, sensitive: “If you find that you dread every morning,…” speaks of “not wanting to be here” " \
           "and is in no tip." in html.unescape(block)
    assert "Make this passage a tip" in block
    assert page.count('class="unsaid"') == 1  # the passages whose tips carry their sensitive words say nothing
    assert page.count('class="unsaid guess"') == 1  # b11: only the topic reader's guess, as split's report says
    assert "Left out, perhaps sensitive (the topic reader's guess; the lexicon names nothing in it): " \
           "“Then ask what you would tell a friend…” is in no tip." in html.unescape(page)

    tip = "sometimes-work-anxiety-grows-into-something-heavier"
    said_now = "If you have thoughts of not wanting to be here at all, please reach out to someone right away."
    answer = studio.post(f"/c/{slug}/tips/{tip}/edit", {"version": studio.version(slug), "text": said_now})
    assert answer.status_code == 303, answer.text
    block = studio.get(f"/c/{slug}").text.split('id="p-14"', 1)[1].split('<div class="block', 1)[0]
    assert 'class="unsaid"' not in block and "Left out, sensitive" not in block and "Make this passage" not in block


def test_a_crisis_line_paragraph_with_advice_in_no_tip_is_marked_red_with_its_take(studio):
    """User trial 4: b13 gives the crisis line and advice to the worried partner ("do not keep it a secret", "ask them
    directly"); the article pane showed it grey, "crisis line (left out by design…)", none of b12's red marking."""
    article = REPO / "tests" / "data" / "trial" / "supporting-a-partner-through-depression.md"
    slug = article.stem
    shutil.copy(article, studio.root / "posts" / "articles" / article.name)
    assert run_cli("--root", str(studio.root), "split", f"posts/articles/{article.name}").code == 0
    block = studio.get(f"/c/{slug}").text.split('id="p-13"', 1)[1].split('<div class="block', 1)[0]
    said = html.unescape(block)
    assert '<span class="unsaid">If you notice these signs, do not wait' in block, block
    assert '<span class="unsaid">Ask them directly whether' in block, block
    assert "If they are in immediate danger, call 911." in block and \
        '<span class="unsaid">If they are in immediate danger' not in block, block  # the number alone: the footer's
    assert "Left out, sensitive: this crisis-line paragraph also tells the reader what to do (“If you notice these " \
           "signs, do not wait…”), and no tip carries it" in said, said
    assert "Left out by design" not in said and "Make this passage a tip" in block, block
