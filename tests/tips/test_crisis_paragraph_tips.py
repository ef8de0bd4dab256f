"""A tip from a crisis paragraph never goes out bare (a user trial: b11 of "Helping Your Teen Through Anxiety" gave
"Taking words seriously is always the right choice." from "Taking these words seriously …", the teen's talk of dying
behind "these words", with no flag and so no crisis footer).

1. No rewrite drops "these"/"those" before a noun: the bare noun means nothing in particular, so the sentence keeps
   its pointer and the rules that read a leaning sentence leave it out.
2. A tip whose own paragraph speaks of abuse (or death, grief, trauma) in a sentence no tip carries keeps its note,
   which `approve` repeats when it approves the tip with the rest: the note is not a flag (flagging every such tip put
   the crisis footer on 34 tips of the frozen set that needed none; docs/splitting.md). A paragraph of suicide,
   wanting to die, self-harm, a crisis line or an emergency flags its tips instead (test_crisis_passage.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, article_project, run_cli_in_process

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report

POINTER = """# Supporting a friend who is struggling

## Listening without fixing

Friends often share hard things in pieces, and listening is the first help you can give. When a friend tells you about a hard week, put your phone away and let them finish.

## When words turn worrying

Some things a friend says need more than listening. If a friend says they want to die, talks about ending their life, or you notice signs of self-harm, do not wait until morning. Stay with them and call or text 988, the Suicide and Crisis Lifeline, or go to the nearest emergency room. Taking these words seriously is always the right choice, even if your friend later says it was a joke.
"""


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


ABUSE = """# Fighting fair as a couple

## Arguments that go too far

Every couple argues, and a fair fight can bring you closer. Take a break when voices rise, and come back to the talk within the hour. If a partner hits you, threatens you or controls who you see, that is abuse, not conflict.
"""


def test_approve_names_a_tip_whose_paragraph_speaks_of_abuse_in_no_tip(tmp_path):
    """The tip of a paragraph whose sentence of abuse is in no tip is approved with the others (noted, not flagged),
    and approve says which tip and which paragraph to read before it goes out; a campaign with no such tip gets no
    such line."""
    project = article_project(tmp_path, "fighting-fair.md", ABUSE)
    assert run_cli_in_process("split", "posts/articles/fighting-fair.md", cwd=project).code == 0
    approved = run_cli_in_process("approve", "fighting-fair", cwd=project)
    assert approved.code == 0, approved
    noted = [line for line in approved.out.splitlines() if line.startswith("note: ")]
    assert len(noted) == 1, approved.out
    assert "“abuse”" in noted[0] and "read b1 before posting" in noted[0], noted
    assert "waits" not in approved.out, approved.out  # not flagged: no crisis footer for its readers


def test_approve_holds_a_tip_whose_paragraph_speaks_of_wanting_to_die(project):
    """The second user trial's article: b14's tip ("Sometimes work anxiety grows into something heavier.") was
    approved with the others, noted only; its paragraph speaks of "not wanting to be here", so it is flagged now and
    waits for a person to acknowledge it, saying why."""
    article = project / "posts" / "articles" / "when-work-anxiety-follows-you-home.md"
    article.write_bytes((REPO / "tests" / "data" / "trial" / article.name).read_bytes())
    assert run_cli_in_process("split", str(article), cwd=project).code == 0
    approved = run_cli_in_process("approve", "when-work-anxiety-follows-you-home", cwd=project)
    assert approved.code == 0, approved
    assert "note: " not in approved.out, approved.out
    waits = [line for line in approved.out.splitlines() if " waits: " in line]
    assert len(waits) == 1 and waits[0].startswith("sometimes-work-anxiety-grows-into-something-heavier waits: it is "
                                                   "flagged sensitive (its paragraph speaks of “not wanting to be here”"), waits

    seed = run_cli_in_process("approve", "what-to-do-when-one-partner-wants-counseling", cwd=project)
    assert seed.code == 0 and "note: " not in seed.out, seed
