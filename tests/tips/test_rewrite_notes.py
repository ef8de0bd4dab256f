"""A note that explains what split rewrote ("kept “they” as the article wrote it…", "named who “their” is…") is true
of split's words only: after a person replaces the text by hand in posts/<slug>.yaml, a new `split` drops it and
keeps the notes that still hold (the sensitive flag no one acknowledged, what the tip's place says). The studio's
side is tests/studio/test_studio_rewrite_notes.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.conftest import REPO, run_cli

ARTICLE = REPO / "tests" / "data" / "trial" / "supporting-a-partner-through-depression.md"
SLUG = ARTICLE.stem
RESIST = "resist-the-urge-to-argue-with-how"  # split kept its "they", the condition in front naming "your partner"
KEPT = "kept “they” as the article wrote it"
SENSITIVE = "a sensitive topic: read it and acknowledge the flag"
IN_LIST = "one item of a list"
OWN_TEXT = "Don't argue your partner out of a low mood. Accept how your partner feels without agreeing it is hopeless."


def trial_project(tmp_path: Path) -> Path:
    """The fourth trial's article split in a fresh project (the bundled timetable and brand)."""
    root = tmp_path / "project"
    (root / "posts" / "articles").mkdir(parents=True)
    shutil.copy(REPO / "posts" / "schedule.yaml", root / "posts")
    shutil.copytree(REPO / "assets", root / "assets")
    shutil.copy(ARTICLE, root / "posts" / "articles")
    split(root)
    return root


def split(root: Path) -> str:
    result = run_cli("--root", str(root), "split", f"posts/articles/{ARTICLE.name}")
    assert result.code == 0, result
    return result.out


def tip(root: Path, tip_id: str) -> dict:
    data = yaml.safe_load((root / "posts" / f"{SLUG}.yaml").read_text(encoding="utf-8"))
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
