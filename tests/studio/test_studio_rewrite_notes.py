"""The review notes of a tip must be trusted after the studio's Save (the fourth trial's article, the studio's real
app): a note that explains what split rewrote ("kept “they” as the article wrote it…") goes once the manager
replaces the text, while the notes that still hold stay. The file's side is tests/tips/test_rewrite_notes.py."""

from __future__ import annotations

import html
import re

from tests.studio.helpers import Studio, refused, said
from tests.tips.test_rewrite_notes import (
    IN_LIST,
    KEPT,
    OWN_TEXT,
    RESIST,
    SENSITIVE,
    SLUG,
    starting,
    tip,
    trial_project,
)


def save(studio: Studio, tip_id: str, **words: str) -> None:
    """The review page's edit form for one tip, Saved as a browser sends it: every field, with what the page showed."""
    page = studio.get(f"/c/{SLUG}").text
    form = page.split(f'action="/c/{SLUG}/tips/{tip_id}/edit', 1)[1].split("</form>", 1)[0]
    data = {name: html.unescape(value) for name, value in re.findall(
        r'<input type="hidden" name="(was_[a-z_]+)" value="([^"]*)"', form)}
    data |= {name: html.unescape(value) for name, value in re.findall(
        r'<textarea[^>]*name="([a-z_]+)"[^>]*>([^<]*)</textarea>', form)}
    data |= words
    answer = studio.post(f"/c/{SLUG}/tips/{tip_id}/edit", {"version": studio.version(SLUG), **data}, follow=True)
    assert answer.status_code == 200 and not refused(answer.text), said(answer.text)


def test_replacing_the_text_in_the_studio_drops_splits_rewrite_note(tmp_path):
    root = trial_project(tmp_path)
    before = tip(root, RESIST)
    assert starting(before["notes"], KEPT), before["notes"]
    studio = Studio(root).sign_in()

    save(studio, RESIST, text=OWN_TEXT)
    after = tip(root, RESIST)
    assert after["text"] == OWN_TEXT and after["headline"] == before["headline"]
    assert not starting(after["notes"], KEPT), after["notes"]
    assert after["review"] == ["sensitive"] and starting(after["notes"], SENSITIVE), "the flag still holds it back"
    assert starting(after["notes"], IN_LIST), "what its place says still holds"
    assert KEPT not in html.unescape(studio.get(f"/c/{SLUG}").text), "the page shows the note no more"
