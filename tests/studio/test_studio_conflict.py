"""Two tabs on one tip, through the real `juno-scheduler studio` process (user trial: "Keep yours" lost the other
tab's headline). Tab B opened the tip before tab A saved a new headline and text; B changed only the text. The
conflict page shows only the fields that differ, under the edit form's labels, marks the one both changed, and
"Keep yours" writes only what B changed: the file keeps A's headline and gets B's text, and Save says so."""

from __future__ import annotations

import html
import re

import httpx
import pytest
import yaml

from tests.conftest import run_cli
from tests.studio.helpers import SLUG, TIP, Studio, planned, said
from tests.studio.server import StudioProcess
from tests.studio.test_studio_outgoing import on_three_networks

A_HEADLINE = "Hesitation is not indifference."
A_TEXT = "Hesitation is not indifference: many people fear making things worse."
B_TEXT = "Resistance isn’t indifference. Ask what worries them about counseling, gently."


def form_of(page: str, action: str) -> dict[str, str]:
    """The fields a form posts, as the browser would post them untouched: hidden inputs and textareas."""
    start = page.index(f'action="{action}')
    form = page[start:page.index("</form>", start)]
    fields = {m.group(1): html.unescape(m.group(2))
              for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)}
    fields.update({m.group(1): html.unescape(m.group(2))
                   for m in re.finditer(r'<textarea[^>]* name="([^"]+)"[^>]*>([^<]*)</textarea>', form)})
    return fields


class Tab:
    """One tab of a signed-in browser on the real studio (the tabs of a browser share its session)."""

    def __init__(self, client: httpx.Client):
        self.client = client

    def edit_form(self) -> dict[str, str]:
        """The tip's edit form as the campaign page holds it now (the tab is opened)."""
        page = self.client.get(f"/c/{SLUG}")
        assert page.status_code == 200, page.text
        return {"csrf": re.search(r'data-csrf="([^"]+)"', page.text).group(1),
                **form_of(page.text, f"/c/{SLUG}/tips/{TIP}/edit")}

    def save(self, form: dict[str, str]) -> httpx.Response:
        return self.client.post(f"/c/{SLUG}/tips/{TIP}/edit", data=form)


def tip_on_disk(root) -> dict:
    data = yaml.safe_load((root / "posts" / f"{SLUG}.yaml").read_text(encoding="utf-8"))
    return next(t for t in data["tips"] if t["id"] == TIP)


def rows(page: str) -> dict[str, str]:
    """The conflict page's table: each field's label and its row's words."""
    return {html.unescape(m.group(1)).strip(): html.unescape(re.sub(r"<[^>]+>", " ", m.group(2)))
            for m in re.finditer(r'<tr[^>]*data-field="[^"]+">\s*<th scope="row">([^<]*)(.*?)</tr>', page, re.DOTALL)}


@pytest.mark.slow
def test_keep_yours_writes_only_what_this_tab_changed_and_keeps_the_other_tab_s_headline(project):
    on_three_networks(project)  # the form shows a field per network's own text, all empty
    old = tip_on_disk(project)
    studio = StudioProcess(project)
    try:
        browser = httpx.Client(base_url=studio.base, timeout=60)
        assert browser.get(studio.link.removeprefix(studio.base)).status_code == 303
        tab_a, tab_b = Tab(browser), Tab(browser)
        form_b = tab_b.edit_form()  # B opens the tip before A saves
        form_a = tab_a.edit_form()
        assert tab_a.save({**form_a, "headline": A_HEADLINE, "text": A_TEXT}).status_code == 303

        conflict = tab_b.save({**form_b, "text": B_TEXT})  # B changed only the text
        assert conflict.status_code == 409
        shown = rows(conflict.text)
        # only the fields that differ, under the edit form's words; the one both tabs changed is marked
        assert set(shown) == {"Headline", "Post text"}, shown
        assert "changed on both sides" in shown["Post text"] and B_TEXT in shown["Post text"]
        assert A_TEXT in shown["Post text"]
        assert "changed on both sides" not in shown["Headline"] and "keeps the file's" in shown["Headline"]
        assert A_HEADLINE in shown["Headline"] and old["headline"] in shown["Headline"]
        assert "alt_text" not in html.unescape(re.sub(r"<input[^>]*>", "", conflict.text))
        assert "own_text_" not in re.sub(r"<input[^>]*>", "", conflict.text)
        assert tip_on_disk(project)["headline"] == A_HEADLINE  # nothing saved yet

        keep = {"csrf": form_b["csrf"], **form_of(conflict.text, f"/c/{SLUG}/tips/{TIP}/edit")}
        assert set(keep) - {"csrf", "version"} == {"text", "was_text"}  # B's text, nothing else
        kept = tab_b.client.post(f"/c/{SLUG}/tips/{TIP}/edit", data=keep, follow_redirects=True)
        assert kept.status_code == 200
        assert said(kept.text) == [f"Saved text of {TIP}."]  # names only what was written
        on_disk = tip_on_disk(project)
        assert on_disk["headline"] == A_HEADLINE and on_disk["text"] == B_TEXT
        assert "alt_text" not in on_disk and "texts" not in on_disk
    finally:
        studio.stop()


def test_keep_yours_after_a_third_change_is_a_conflict_again_not_a_silent_overwrite(project):
    studio = Studio(project).sign_in()
    form = form_of(studio.get(f"/c/{SLUG}").text, f"/c/{SLUG}/tips/{TIP}/edit")
    assert studio.edit(headline=A_HEADLINE, text=A_TEXT, was_headline=form["headline"],
                       was_text=form["text"]).status_code == 303
    conflict = studio.post(f"/c/{SLUG}/tips/{TIP}/edit", {**form, "text": B_TEXT, "headline": "Tab B's headline."})
    assert conflict.status_code == 409
    assert re.findall(r'<tr class="clash" data-field="(\w+)"', conflict.text) == ["headline", "text"]
    keep = form_of(conflict.text, f"/c/{SLUG}/tips/{TIP}/edit")
    assert studio.edit(text="A third tab's words.", was_text=A_TEXT).status_code == 303  # meanwhile, elsewhere
    again = studio.post(f"/c/{SLUG}/tips/{TIP}/edit", keep)
    assert again.status_code == 409 and "A third tab's words." in html.unescape(again.text)
    assert tip_on_disk(project)["text"] == "A third tab's words."
    assert studio.post(f"/c/{SLUG}/tips/{TIP}/edit", form_of(again.text, f"/c/{SLUG}/tips/{TIP}/edit")).status_code == 303
    assert (tip_on_disk(project)["headline"], tip_on_disk(project)["text"]) == ("Tab B's headline.", B_TEXT)


def test_both_tabs_writing_the_same_words_is_no_conflict(project):
    studio = Studio(project).sign_in()
    form = form_of(studio.get(f"/c/{SLUG}").text, f"/c/{SLUG}/tips/{TIP}/edit")
    assert studio.post(f"/c/{SLUG}/tips/{TIP}/edit", {**form, "text": B_TEXT}).status_code == 303
    assert studio.post(f"/c/{SLUG}/tips/{TIP}/edit", {**form, "text": B_TEXT}).status_code == 303
    assert tip_on_disk(project)["text"] == B_TEXT


def test_the_campaigns_page_says_cards_drawn_before_a_brand_change_are_out_of_date(project):
    studio = Studio(project).sign_in()
    assert run_cli("--root", str(project), "cards").code == 0
    shown = sum(tip["status"] != "skip" for tip in yaml.safe_load(studio.campaign_text())["tips"])
    assert "no card yet" not in studio.get("/").text and "out of date" not in studio.get("/").text
    brand = project / "assets" / "brand.yaml"
    brand.write_text(brand.read_text(encoding="utf-8").replace('text: "#1F3B3E"', 'text: "#1A2F30"'),
                     encoding="utf-8")
    page = html.unescape(studio.get("/").text)
    assert f'<a class="flag" href="/c/{SLUG}">{shown} cards out of date</a>' in page
    assert f"juno-scheduler cards {SLUG}" in page and "no card yet" not in page
    studio.get(f"/cards/{SLUG}/{TIP}.png")  # the campaign page draws each card again as it shows it
    assert f"{shown - 1} cards out of date" in studio.get("/").text


def test_a_form_that_does_not_say_what_it_showed_is_compared_with_the_file(project):
    """An old tab's form posts no was_* fields: it would write every field. Before, its conflict page listed every
    field on both sides (headline, text, alt text: all the same but the text); now it shows only the fields it
    would write over other words, and "Keep yours" writes only those."""
    studio = Studio(project).sign_in()
    version = studio.version()  # the old tab opens the page ...
    old = tip_on_disk(project)
    form = form_of(studio.get(f"/c/{SLUG}").text, f"/c/{SLUG}/tips/{TIP}/edit")
    assert studio.edit(text=A_TEXT, was_text=form["text"]).status_code == 303  # ... another saves the text ...
    old_form = {"version": version, "headline": old["headline"], "text": B_TEXT, "alt_text": ""}
    conflict = studio.post(f"/c/{SLUG}/tips/{TIP}/edit", old_form)  # ... the old tab saves its text, no was_*
    assert conflict.status_code == 409
    shown = rows(conflict.text)
    assert set(shown) == {"Post text"}, shown
    assert B_TEXT in shown["Post text"] and A_TEXT in shown["Post text"] and "writes yours" in shown["Post text"]
    assert "Yours (not saved)</h2>" not in conflict.text  # not the two lists of every field
    keep = form_of(conflict.text, f"/c/{SLUG}/tips/{TIP}/edit")
    assert set(keep) - {"csrf", "version"} == {"text", "was_text"}
    assert keep["was_text"] == A_TEXT
    assert studio.post(f"/c/{SLUG}/tips/{TIP}/edit", keep).status_code == 303
    assert (tip_on_disk(project)["headline"], tip_on_disk(project)["text"]) == (old["headline"], B_TEXT)


def test_a_form_that_does_not_say_what_it_showed_and_writes_the_file_s_words_is_no_conflict(project):
    studio = Studio(project).sign_in()
    version = studio.version()
    old = tip_on_disk(project)
    form = form_of(studio.get(f"/c/{SLUG}").text, f"/c/{SLUG}/tips/{TIP}/edit")
    assert studio.edit(text=A_TEXT, was_text=form["text"]).status_code == 303
    same = studio.post(f"/c/{SLUG}/tips/{TIP}/edit", {"version": version, "headline": old["headline"],
                                                       "text": A_TEXT, "alt_text": ""}, follow=True)
    assert same.status_code == 200
    assert said(same.text) == ["Nothing to save: the words are as they were."]
    assert tip_on_disk(project)["text"] == A_TEXT


def test_approving_in_a_second_tab_what_the_first_tab_approved_is_no_clash(project):
    """User trial 10: two tabs on one campaign; both Approve the same tip. The second tab's page is older than the
    file, but the file already says what that tab asked for: it reads "Approved already", not the conflict page
    ("Nothing was saved… choose which version to keep"), and the tip is approved and queued once."""
    first, second = Studio(project).sign_in(), Studio(project).sign_in()
    stale = second.version()  # the second tab opened the campaign first
    assert first.status("approved").status_code == 303
    again = second.status("approved", version=stale)
    assert again.status_code == 303, again.text[:400]
    page = second.get(again.headers["location"]).text
    assert said(page) == ["Approved already."]
    assert tip_on_disk(project)["status"] == "approved"
    approvals = [line for line in (project / ".juno" / "audit.jsonl").read_text().splitlines() if '"approve"' in line]
    assert len(approvals) == 1
    assert [post for post in planned(project) if TIP in post] == [f"{SLUG}/{TIP}"]


def test_an_old_tab_that_sends_back_to_draft_what_is_approved_still_shows_the_clash(project):
    """The shortcut is only for a request the file already satisfies: a stale tab asking for another status still
    gets the conflict page and nothing is written."""
    first, second = Studio(project).sign_in(), Studio(project).sign_in()
    stale = second.version()
    assert first.status("approved").status_code == 303
    clash = second.status("skip", version=stale)
    assert clash.status_code == 409
    assert tip_on_disk(project)["status"] == "approved"
