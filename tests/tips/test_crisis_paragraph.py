"""split leaves an article's crisis-line paragraph out by design (the crisis footer carries one on every post
flagged sensitive) and says so, naming the paragraph and why, in its summary and its block report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

TRAUMA = Path(__file__).resolve().parents[2] / "tests" / "data" / "articles" / "real" / "02-nimh-coping-with-traumatic-events.md"
WHY = ("crisis line (left out by design: a post flagged sensitive carries the crisis line as its footer, "
       "crisis_footer in posts/schedule.yaml)")


def test_the_crisis_paragraph_left_out_is_named_with_why(project, cli):
    """A user trial: the summary said only "16 of 28 blocks gave no tip", and the manager thought the article's
    crisis paragraph ("call or text the 988 Suicide and Crisis Lifeline") was lost."""
    shutil.copy(TRAUMA, project / "posts" / "articles" / TRAUMA.name)
    result = cli("split", f"posts/articles/{TRAUMA.name}", cwd=project)
    assert result.code == 0, result
    (line,) = [line for line in result.out.splitlines() if line.startswith("left out by design")]
    assert line.startswith("left out by design: the crisis-line paragraphs b12 (“If you or someone you know is "
                           "struggling…”), b21 ("), line
    assert line.endswith("every post flagged sensitive ends with the crisis footer instead (“If you are in crisis, "
                         "call or text 988.”, crisis_footer in posts/schedule.yaml)"), line
    report = json.loads(cli("split", "--json", f"posts/articles/{TRAUMA.name}", cwd=project).out)
    blocks = {block["locator"]: block for block in report["blocks"]}
    assert blocks["b12"]["left_out"] == WHY and "988" in blocks["b12"]["text"]
    assert blocks["b21"]["left_out"].endswith(WHY)


def test_without_a_crisis_footer_split_says_no_post_carries_one(project, cli):
    schedule = project / "posts" / "schedule.yaml"
    data = yaml.safe_load(schedule.read_text(encoding="utf-8"))
    data.pop("crisis_footer")
    schedule.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copy(TRAUMA, project / "posts" / "articles" / TRAUMA.name)
    result = cli("split", f"posts/articles/{TRAUMA.name}", cwd=project)
    (line,) = [line for line in result.out.splitlines() if line.startswith("left out by design")]
    assert line.endswith("; no post carries one: set crisis_footer in posts/schedule.yaml and posts flagged "
                         "sensitive end with it"), line


def test_many_crisis_paragraphs_are_named_up_to_three_and_counted(project, cli):
    # a 6 MB article repeating its crisis paragraph made this one line 200 KB long, naming every block
    body = "\n\n".join(f"## Part {n}\n\nTake a short walk after lunch; it clears the head for the afternoon.\n\n"
                       "If you or someone you know is struggling, call or text 988." for n in range(1, 8))
    (project / "posts" / "articles" / "repeats.md").write_text("# Walks\n\n" + body + "\n", encoding="utf-8")
    result = cli("split", "posts/articles/repeats.md", cwd=project)
    assert result.code == 0, result
    (line,) = [line for line in result.out.splitlines() if line.startswith("left out by design")]
    assert line.count("(“If you or someone") == 3 and " and 4 more (the blocks file names each);" in line, line
