"""A tip a person edited by hand in posts/<slug>.yaml is judged by the next `split` as split judges the same words: a
note that explains what split rewrote ("kept “they” as the article wrote it…", "named who “their” is…") is true of
split's text only, so it goes once her text replaces it, and the notes that still hold stay (the sensitive flag no
one acknowledged, what the tip's place says); her headline over a text that still opens on the step keeps the tip
ready. The studio's side is tests/studio/test_studio_rewrite_notes.py."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import REPO, article_project, run_cli

ARTICLE = REPO / "tests" / "data" / "trial" / "supporting-a-partner-through-depression.md"
SLUG = ARTICLE.stem
RESIST = "resist-the-urge-to-argue-with-how"  # split kept its "they", the condition in front naming "your partner"
KEPT = "kept “they” as the article wrote it"
SENSITIVE = "a sensitive topic: read it and acknowledge the flag"
IN_LIST = "one item of a list"
OWN_TEXT = "Don't argue your partner out of a low mood. Accept how your partner feels without agreeing it is hopeless."


def trial_project(tmp_path: Path) -> Path:
    """The fourth trial's article split in a fresh project (the bundled timetable and brand)."""
    root = article_project(tmp_path, ARTICLE.name, ARTICLE.read_text(encoding="utf-8"))
    split(root)
    return root


def split(root: Path) -> str:
    result = run_cli("--root", str(root), "split", f"posts/articles/{ARTICLE.name}")
    assert result.code == 0, result
    return result.out


def tip(root: Path, tip_id: str, slug: str = SLUG) -> dict:
    data = yaml.safe_load((root / "posts" / f"{slug}.yaml").read_text(encoding="utf-8"))
    found = next(item for item in data["tips"] if item["id"] == tip_id)
    return {**found, "notes": found.get("notes") or []}


def starting(notes: list[str], opening: str) -> list[str]:
    return [note for note in notes if note.startswith(opening)]


def test_a_text_replaced_by_hand_loses_splits_rewrite_note_on_the_next_split(tmp_path):
    root = trial_project(tmp_path)
    before = tip(root, RESIST)
    assert starting(before["notes"], KEPT) and before["review"] == ["sensitive"], before
    path = root / "posts" / f"{SLUG}.yaml"
    written = path.read_text(encoding="utf-8")
    old = f'    text: "{before["text"]}"\n'
    assert written.count(old) == 1, "the text as split writes it"
    path.write_text(written.replace(old, f'    text: "{OWN_TEXT}"\n'), encoding="utf-8")

    split(root)
    after = tip(root, RESIST)
    assert after["text"] == OWN_TEXT, "her words stand"
    assert not starting(after["notes"], KEPT), after["notes"]
    assert after["review"] == ["sensitive"] and starting(after["notes"], SENSITIVE), (
        "a flag no one acknowledged still holds it back, and its note says so")
    assert starting(after["notes"], IN_LIST), "what its place says still holds"
    assert after["ready"] is False
    assert "unchanged" in split(root).splitlines()[0], "split again changes nothing"


def test_a_text_split_wrote_keeps_its_rewrite_note_on_the_next_split(tmp_path):
    root = trial_project(tmp_path)
    before = tip(root, RESIST)
    split(root)
    assert tip(root, RESIST)["notes"] == before["notes"]


def test_a_headline_edited_by_hand_keeps_a_ready_tip_ready_when_its_text_still_gives_the_step(project):
    """The bundled campaign's "Reluctance doesn’t always mean refusal." is ready: split reads the reframe in the
    headline it drew from the text's first sentence. Her own headline over that text, then `split`: the text still
    opens on the reframe, so the tip stays ready, without "no step to take"."""
    slug = "what-to-do-when-one-partner-wants-counseling"
    path = project / "posts" / f"{slug}.yaml"
    written = path.read_text(encoding="utf-8")
    old = '    headline: "Reluctance doesn’t always mean refusal."\n'
    assert written.count(old) == 1 and tip(project, "reluctance-doesnt-always-mean-refusal", slug)["ready"] is True
    path.write_text(written.replace(old, '    headline: "Hesitation is often fear in disguise."\n'), encoding="utf-8")

    result = run_cli("--root", str(project), "split", f"posts/articles/{slug}.txt")
    assert result.code == 0, result
    after = tip(project, "reluctance-doesnt-always-mean-refusal", slug)
    assert after["headline"] == "Hesitation is often fear in disguise."
    assert not starting(after["notes"], "says nothing to the reader"), after["notes"]
    assert after["ready"] is True, after["notes"]
