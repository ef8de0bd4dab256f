"""A tip from a crisis paragraph never goes out bare (a user trial: b11 of "Helping Your Teen Through Anxiety" gave
"Taking words seriously is always the right choice." from "Taking these words seriously …", the teen's talk of dying
behind "these words", with no flag and so no crisis footer).

1. No rewrite drops "these"/"those" before a noun: the bare noun means nothing in particular, so the sentence keeps
   its pointer and the rules that read a leaning sentence leave it out.
2. A tip whose own paragraph speaks of suicide, self-harm, abuse or a crisis in a sentence no tip carries (by the
   lexicon) keeps its note, which `approve` now repeats when it approves the tip with the rest: the note is not a
   flag (flagging it put the crisis footer on 34 tips of the frozen set that needed none; docs/splitting.md)."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, run_cli_in_process

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report

POINTER = """# Supporting a friend who is struggling

## Listening without fixing

Friends often share hard things in pieces, and listening is the first help you can give. When a friend tells you about a hard week, put your phone away and let them finish.

## When words turn worrying

Some things a friend says need more than listening. If a friend says they want to die, talks about ending their life, or you notice signs of self-harm, do not wait until morning. Stay with them and call or text 988, the Suicide and Crisis Lifeline, or go to the nearest emergency room. Taking these words seriously is always the right choice, even if your friend later says it was a joke.
"""

NOT_READY = "note: approved though not marked ready"


def _split(tmp_path: Path, text: str):
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    return split_report(read_article(path, tmp_path))


def test_a_pointer_before_a_noun_is_never_dropped_to_make_a_tip(tmp_path):
    tips = _split(tmp_path, POINTER).tips
    for tip in tips:
        said = f"{tip.headline} {tip.text}"
        assert "Taking words" not in said and "taking words" not in said, tip
        if "seriously" in said:
            assert "these words" in said, tip


def test_approve_names_a_tip_whose_paragraph_speaks_of_a_crisis_in_no_tip(project):
    """The second user trial's article: b14's tip is approved with the others (noted, not flagged), and approve says
    which tip and which paragraph to read before it goes out; a campaign with no such tip gets no such line."""
    article = project / "posts" / "articles" / "when-work-anxiety-follows-you-home.md"
    article.write_bytes((REPO / "tests" / "data" / "trial" / article.name).read_bytes())
    assert run_cli_in_process("split", str(article), cwd=project).code == 0
    approved = run_cli_in_process("approve", "when-work-anxiety-follows-you-home", cwd=project)
    assert approved.code == 0, approved
    noted = [line for line in approved.out.splitlines()  # the notes of a paragraph, not the list of tips not ready
             if line.startswith("note: ") and not line.startswith(NOT_READY)]
    assert len(noted) == 1, approved.out
    assert "“not wanting to be here”" in noted[0] and "read b14 before posting" in noted[0], noted
    tip = noted[0].split(": ")[1]
    campaign = (project / "posts" / "when-work-anxiety-follows-you-home.yaml").read_text(encoding="utf-8")
    assert f"id: {tip}" in campaign

    seed = run_cli_in_process("approve", "what-to-do-when-one-partner-wants-counseling", cwd=project)
    assert seed.code == 0 and not [line for line in seed.out.splitlines()
                                   if line.startswith("note: ") and not line.startswith(NOT_READY)], seed
