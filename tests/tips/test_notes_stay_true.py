"""A note goes when the manager's change removed what it named, and a later `split` does not bring it back (user
trial 4, defects 4 and 5): on a real project folder through the command line, the campaign file edited as she
edited it (the studio's side is tests/studio/test_studio_notes_stay_true.py).

The article is the trial's, cut to the four tips she changed: a sensitive flag she judged wrong, a headline that
does not fit the X card, a headline that is the section heading, a condition added from the title."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import article_project, run_cli, tips_by_id

SLUG = "supporting-a-partner-through-depression"
ARTICLE = """# Supporting a partner through depression

## Understand what you are facing

Depression is a health condition, not a mood your partner is choosing or a sign of weakness. It changes sleep, \
appetite, energy, and the way a person sees themselves and the future. Telling someone to "cheer up" or "just get \
out of the house" rarely helps, because the problem is not a lack of effort.

## Celebrate small steps

Notice the small wins: a shower, a walk, a meal cooked together, a laugh at an old show.

Be patient with setbacks. A hard day does not erase the progress you have made together.

## Talking about the past

If your partner lived through abuse as a child, let them set the pace when they talk about it. Listen more than you \
speak, and do not push for details.
"""
FLAGGED = "if-your-partner-lived-through-abuse-as"
LONG = "telling-someone-to-cheer-up-or-just"
HEADING = "understand-what-you-are-facing"
CONDITION = "be-patient-with-setbacks"
# each tip, and the opening of the note split gives it that her change makes untrue
NOTES = {FLAGGED: "a sensitive topic: read it and acknowledge the flag",
         LONG: "the headline does not fit the x card",
         HEADING: "headline is the section heading",
         CONDITION: "condition added from the title"}
# her words (the condition taken out of the text as well as the headline)
SHORT = "Cheering someone up rarely helps."
REWRITTEN = "Depression is an illness, not a choice."
PATIENT = "Be patient with setbacks."


def trial_project(tmp_path: Path) -> Path:
    """A project folder as the trial's manager made hers (the bundled timetable and brand, her article), split."""
    root = article_project(tmp_path, f"{SLUG}.md", ARTICLE)
    split(root)
    tips = campaign_tips(root)
    for tip_id, note in NOTES.items():  # what split says before her changes: the notes her changes make untrue
        assert any(n.startswith(note) for n in tips[tip_id]["notes"]), (tip_id, tips[tip_id]["notes"])
    assert tips[FLAGGED]["review"] == ["sensitive"] and tips[FLAGGED]["review_words"] == {"sensitive": ["abuse"]}
    assert tips[CONDITION]["headline"].startswith("When your partner is going through depression, ")
    return root


def split(root: Path) -> str:
    result = run_cli("--root", str(root), "split", f"posts/articles/{SLUG}.md")
    assert result.code == 0, result
    return result.out


def campaign_tips(root: Path) -> dict[str, dict]:
    return tips_by_id(root, SLUG)


def stale_notes(tips: dict[str, dict]) -> dict[str, list[str]]:
    """Each changed tip's notes that name what her change removed (none, when every note is true)."""
    found = {tip_id: [n for n in tips[tip_id]["notes"] if n.startswith(note)] for tip_id, note in NOTES.items()}
    return {tip_id: notes for tip_id, notes in found.items() if notes}


def test_split_again_keeps_the_notes_of_a_campaign_file_edited_by_hand_true(tmp_path):
    root = trial_project(tmp_path)
    path = root / "posts" / f"{SLUG}.yaml"
    before = path.read_text(encoding="utf-8")
    tips = campaign_tips(root)
    edited = before
    for old, new in [  # as she edited the file: each change in place, nothing else touched
            ("    review: [sensitive]\n", "    review: []\n"),  # the flag deleted from review:, its words left
            (_headline(tips[LONG]["headline"]), _headline(SHORT)),
            (_headline(tips[HEADING]["headline"]), _headline(REWRITTEN)),
            (_headline(tips[CONDITION]["headline"]), _headline(PATIENT)),
            (_quoted(tips[CONDITION]["text"]), _quoted(tips[CONDITION]["text"].replace(
                "When your partner is going through depression, be patient", "Be patient")))]:
        assert edited.count(old) == 1, old
        edited = edited.replace(old, new)
    path.write_text(edited, encoding="utf-8")

    out = split(root)
    tips = campaign_tips(root)
    assert stale_notes(tips) == {}, "a note her edit made untrue came back"
    assert "review_words" not in tips[FLAGGED], "the words of the flag she took off came back"
    assert tips[FLAGGED]["review"] == [] and FLAGGED not in out, "split names the flag she took off"
    assert (tips[LONG]["headline"], tips[HEADING]["headline"], tips[CONDITION]["headline"]) == (
        SHORT, REWRITTEN, PATIENT), "her words stand"
    assert [n for n in tips[CONDITION]["notes"] if n.startswith("not the first words under a heading")], (
        "a note her edit left true stays")
    assert "unchanged" in split(root).splitlines()[0], "split again changes nothing"


def test_split_again_does_not_bring_back_a_flag_s_words_or_notes(tmp_path):
    """The flag and its words deleted by hand (what the studio's "This sensitive flag is wrong" writes), the notes
    left: split does not write `review_words: {sensitive: ["abuse"]}` back, and the flag's note goes."""
    root = trial_project(tmp_path)
    path = root / "posts" / f"{SLUG}.yaml"
    text = path.read_text(encoding="utf-8")
    edited = text.replace('    review: [sensitive]\n    review_words: {sensitive: ["abuse"]}\n', "    review: []\n")
    assert edited != text
    path.write_text(edited, encoding="utf-8")

    split(root)
    tip = campaign_tips(root)[FLAGGED]
    assert tip["review"] == [] and "review_words" not in tip
    assert not [n for n in tip["notes"] if n.startswith(NOTES[FLAGGED])], tip["notes"]


def _headline(words: str) -> str:
    return f"headline: {_quoted(words)}"


def _quoted(words: str) -> str:
    """The words as split writes them in the campaign file (double-quoted, inner quotes escaped)."""
    return '"' + words.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_a_flag_deleted_by_hand_stays_off_when_the_article_passage_changes_without_new_sensitive_words(tmp_path):
    """User trial 10: a flag a person took off holds for the words she judged. An edit of the article's passage
    makes the tip stale (its words are checked against the article again) but brings back `sensitive` only when the
    passage's new words have sensitive words the tip's did not."""
    root = trial_project(tmp_path)
    path = root / "posts" / f"{SLUG}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    review: [sensitive]\n", "    review: []\n"),
                    encoding="utf-8")
    article = root / "posts" / "articles" / f"{SLUG}.md"
    passage = "Listen more than you speak, and do not push for details."
    article.write_text(ARTICLE.replace(passage, "Listen more than you speak, and never push for details."),
                       encoding="utf-8")
    split(root)
    tip = campaign_tips(root)[FLAGGED]
    assert tip["review"] == ["stale"], tip

    article.write_text(ARTICLE.replace(passage, "Listen more than you speak; if they speak of self-harm, ask gently."),
                       encoding="utf-8")
    split(root)
    tip = campaign_tips(root)[FLAGGED]
    assert "sensitive" in tip["review"] and tip["review_words"]["sensitive"] == ["self-harm"], tip
