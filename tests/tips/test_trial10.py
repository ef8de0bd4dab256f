"""What user trial 10 found splitting a practice's trauma guide, tried on an article written for these tests in the
same shapes: a bold term and its definition read as one line, never the bare term over a fragment; a real word
the copy wrote whole ("caregiving") is never split in two."""

from __future__ import annotations

from pathlib import Path

from scheduler.articles.lines import mend_spacing
from tests.conftest import article_project, run_cli, split_written
from tests.studio.helpers import Studio

TRAUMA = """# Understanding trauma

Trauma is not only what happened to you. It is also how your body carried it afterwards, and many people who grew
up with inconsistent caregiving learned early to stay alert.

## Kinds of trauma

**Acute trauma:** A single overwhelming event, such as an accident, an assault or a sudden loss, that leaves you
shaken long after it ends.

**Complex trauma:** Repeated or prolonged experiences, often in relationships, such as childhood neglect or years
of emotional abuse.

**Developmental trauma:** harm that happens while a child is still growing, often through inconsistent caregiving
from the adults they depend on.

## What helps

**Grounding:** Name five things you can see when you feel yourself slipping away, and notice your feet on the floor.
"""


def _tips(tmp_path: Path):
    return split_written(tmp_path, "trauma.md", TRAUMA)


def test_a_bold_term_and_its_definition_read_as_one(tmp_path):
    tips = _tips(tmp_path)
    tip = next(tip for tip in tips if tip.text.startswith("Complex trauma"))
    assert tip.text.startswith("Complex trauma: repeated or prolonged experiences, often in relationships")
    assert tip.headline == "Complex trauma: repeated or prolonged experiences."
    assert not tip.ready
    assert "a definition, not advice: check it gives a follower something to use" in tip.notes
    assert not any(note.startswith("opens with a label") for note in tip.notes)


def test_no_bare_term_heads_a_card(tmp_path):
    tips = _tips(tmp_path)
    terms = ("Acute trauma.", "Complex trauma.", "Developmental trauma.")
    assert not [tip.headline for tip in tips if tip.headline in terms or tip.text.startswith(terms)]
    starts = [tip.text.split(":")[0] for tip in tips]
    assert {"Acute trauma", "Complex trauma", "Developmental trauma"} <= set(starts), [tip.text for tip in tips]
    developmental = next(tip for tip in tips if tip.text.startswith("Developmental trauma"))
    assert developmental.text.startswith("Developmental trauma: harm that happens while a child is still growing")


def test_a_term_over_a_step_is_not_called_a_definition(tmp_path):
    tips = _tips(tmp_path)
    tip = next(tip for tip in tips if "Name five things" in tip.text or "name five things" in tip.text)
    assert "a definition, not advice: check it gives a follower something to use" not in tip.notes


def test_a_real_word_is_never_split(tmp_path):
    tips = _tips(tmp_path)
    texts = " ".join(tip.text for tip in tips)
    assert "care giving" not in texts
    assert "caregiving" in texts
    assert not any(note.startswith("spaces put back") for tip in tips for note in tip.notes)


def test_run_together_words_are_still_put_back():
    found: list[str] = []
    assert mend_spacing("Findtips for talking with a providerabout your health", found) == (
        "Find tips for talking with a provider about your health")
    assert found
    for word in ("caregiving", "homemaking", "breadwinning"):  # beside "caregiver", "homemaker", "breadwinner"
        assert mend_spacing(f"years of {word} at home") == f"years of {word} at home"


def test_the_studio_article_pane_shows_each_term_in_bold(tmp_path):
    root = article_project(tmp_path, "trauma.md", TRAUMA)
    result = run_cli("--root", str(root), "split", "posts/articles/trauma.md")
    assert result.code == 0, result
    page = Studio(root).sign_in().get("/c/trauma").text
    pane = page.split('id="article-h"', 1)[1].split('id="selection-form"', 1)[0]
    for term in ("Acute trauma:", "Complex trauma:", "Developmental trauma:", "Grounding:"):
        assert f"<strong class=\"lead\">{term}</strong> " in pane, term
    assert "care giving" not in pane and "inconsistent caregiving" in pane


SIGNS = """# When the past comes back

## The body keeps the score

When the nervous system has learned that the world is unsafe, it keeps watch on its own. This can look like:

- Hypervigilance, constantly scanning every room you enter for a threat that may never come
- Tight shoulders and a clenched jaw that never quite let go, even on a quiet weekend afternoon
- Nightmares or disturbed sleep
- Startling easily at ordinary sounds

## Signs you may need more support

Trauma responses can linger for months. Common signs you may need more support include:

- Flashbacks that pull you out of the present moment
- Avoiding places or people that remind you of the event
- Nightmares or disturbed sleep
"""


def test_a_heading_never_stands_in_for_the_articles_own_lead_in(tmp_path):
    tips = split_written(tmp_path, "signs.md", SIGNS)
    assert not [tip.text for tip in tips if tip.text.startswith("The body keeps the score:")]
    assert not [tip.text for tip in tips if "hypervigilance" in tip.text.lower() and "This can look like" not in
                tip.text]


def test_a_lists_headline_is_its_first_item(tmp_path):
    tips = split_written(tmp_path, "signs.md", SIGNS)
    tip = next(tip for tip in tips if tip.text.startswith("Common signs you may need more support include"))
    assert "Nightmares" not in tip.headline and "nightmares" not in tip.headline
    assert tip.headline.startswith("Common signs you may need more support include flashbacks"), tip.headline
