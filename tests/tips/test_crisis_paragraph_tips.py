"""A tip from a crisis paragraph never goes out bare (a user trial: b11 of "Helping Your Teen Through Anxiety" gave
"Taking words seriously is always the right choice." from "Taking these words seriously …", the teen's talk of dying
behind "these words", with no flag and so no crisis footer).

1. No rewrite drops "these"/"those" before a noun: the bare noun means nothing in particular, so the sentence keeps
   its pointer and the rules that read a leaning sentence leave it out.
2. A tip whose own paragraph speaks of suicide, self-harm, abuse or a crisis in a sentence no tip carries (by the
   lexicon) is flagged `sensitive`, with a note naming the paragraph: `approve` holds it until a person acknowledges
   the flag, and its posts carry the crisis footer."""

from __future__ import annotations

from pathlib import Path

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
