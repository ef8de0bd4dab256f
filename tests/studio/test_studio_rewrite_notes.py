"""The review notes of a tip must be trusted after the studio's Save (through the studio's real app): a headline
edit is judged as split judges the same headline and text, so a ready tip whose text still gives its step stays
ready; a note that explains what split rewrote ("kept “they” as the article wrote it…") goes once the manager
replaces the text, while the notes that still hold stay. The file's side is tests/tips/test_rewrite_notes.py."""

from __future__ import annotations

import html
import re

from tests.studio.helpers import SLUG as BUNDLED
from tests.studio.helpers import Studio, refused, said
from tests.studio.test_studio_notes_stay_true import tip_on_page
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
from tests.tips.test_rewrite_notes import tip as tip_of

NO_STEP = "says nothing to the reader (no “you”, no step to take)"
RELUCTANCE = "reluctance-doesnt-always-mean-refusal"  # ready: its text opens on the reframe the headline gave
LISTEN = "listen-more-than-you-fix"  # ready: its step is its headline (the section heading), its text has none


def save(studio: Studio, tip_id: str, slug: str = SLUG, **words: str) -> None:
    """The review page's edit form for one tip, Saved as a browser sends it: every field, with what the page showed."""
    page = studio.get(f"/c/{slug}").text
    form = page.split(f'action="/c/{slug}/tips/{tip_id}/edit', 1)[1].split("</form>", 1)[0]
    data = {name: html.unescape(value) for name, value in re.findall(
        r'<input type="hidden" name="(was_[a-z_]+)" value="([^"]*)"', form)}
    data |= {name: html.unescape(value) for name, value in re.findall(
        r'<textarea[^>]*name="([a-z_]+)"[^>]*>([^<]*)</textarea>', form)}
    data |= words
    answer = studio.post(f"/c/{slug}/tips/{tip_id}/edit", {"version": studio.version(slug), **data}, follow=True)
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
    assert KEPT not in tip_on_page(studio.get(f"/c/{SLUG}").text, RESIST), "the page shows the note no more"


def test_a_headline_edit_keeps_a_ready_tip_ready_when_its_text_still_gives_the_step(project):
    """A tester's report: a ready tip's headline changed to another short, sound one gained "no step to take" and
    lost `ready`, though its text still opens on the reframe split read in the headline it drew from that text."""
    before = tip_of(project, RELUCTANCE, BUNDLED)
    assert before["ready"] is True and before["text"].startswith(before["headline"].rstrip(".")), before
    studio = Studio(project).sign_in()

    save(studio, RELUCTANCE, BUNDLED, headline="Hesitation is often fear in disguise.")
    after = tip_of(project, RELUCTANCE, BUNDLED)
    assert after["headline"] == "Hesitation is often fear in disguise." and after["text"] == before["text"]
    assert not starting(after["notes"], NO_STEP), after["notes"]
    assert after["ready"] is True, after["notes"]
    assert NO_STEP not in tip_on_page(studio.get(f"/c/{BUNDLED}").text, RELUCTANCE)


def test_a_headline_edit_that_removes_the_step_says_so(tmp_path):
    """The step lived in the headline (the section heading over a text of reasons): a statement in its place
    leaves the tip no step, and the note says why it is no longer ready."""
    root = trial_project(tmp_path)
    assert tip(root, LISTEN)["ready"] is True
    studio = Studio(root).sign_in()

    save(studio, LISTEN, headline="Advice can land as pressure.")
    after = tip(root, LISTEN)
    assert after["ready"] is False and starting(after["notes"], NO_STEP), after["notes"]


def test_a_held_back_edit_names_its_problem_not_a_step_its_text_still_gives(project):
    """A headline that leans on what came before holds the tip back, and its notes say so; they do not also say
    "no step to take" of a text that still opens on the reframe (the reading of a held-back tip's words reads the
    text's own sentences, as the rules that judged it ready did)."""
    studio = Studio(project).sign_in()

    save(studio, RELUCTANCE, BUNDLED, headline="They may simply be scared.")
    after = tip_of(project, RELUCTANCE, BUNDLED)
    assert after["ready"] is False and starting(after["notes"], "leans on what came before"), after["notes"]
    assert not starting(after["notes"], NO_STEP), after["notes"]
