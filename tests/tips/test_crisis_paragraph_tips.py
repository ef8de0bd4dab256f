"""A tip from a crisis paragraph never goes out bare (a user trial: b11 of "Helping Your Teen Through Anxiety" gave
"Taking words seriously is always the right choice." from "Taking these words seriously …", the teen's talk of dying
behind "these words", with no flag and so no crisis footer).

1. No rewrite drops "these"/"those" before a noun: the bare noun means nothing in particular, so the sentence keeps
   its pointer and the rules that read a leaning sentence leave it out.
2. A tip whose own paragraph speaks of suicide, self-harm, abuse or a crisis in a sentence no tip carries (by the
   lexicon) is flagged `sensitive`, with a note naming the paragraph: `approve` holds it until a person acknowledges
   the flag, and its posts carry the crisis footer."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

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


HEAVIER = """# Caring for yourself after a hard season

## Rest is part of recovery

Give yourself one evening a week with nothing planned. A slower evening lets your body catch up with everything the week asked of it.

## When it is more than stress

Sometimes a hard season turns into something heavier. If you notice that nothing feels worth doing anymore, that you have pulled away from everyone you love, or that you have begun having thoughts of ending your life, please tell someone you trust today and call your doctor. You deserve care, and asking for it is a strength.
"""
HEAVIER_TIP = "sometimes-a-hard-season-turns-into-something"


def test_a_tip_whose_paragraph_speaks_of_suicide_in_no_tip_is_flagged_sensitive(tmp_path):
    tips = {tip.id: tip for tip in _split(tmp_path, HEAVIER).tips}
    tip = tips[HEAVIER_TIP]
    assert "ending your life" not in tip.text, tip
    assert tip.sensitive and not tip.ready, tip
    assert ("flagged sensitive for its paragraph b2, which speaks of “ending your life” in no tip: read it before "
            "acknowledging the flag") in tip.notes, tip
    assert tip.flag_reasons()["sensitive"] == "for its paragraph b2, which speaks of “ending your life” in no tip"
    # the ordinary paragraph's tip is not swept in
    assert not tips["rest-is-part-of-recovery"].sensitive


def test_approve_holds_it_and_plan_shows_the_crisis_footer(project, cli_process):
    article = project / "posts" / "articles" / "hard-season.md"
    article.write_text(HEAVIER, encoding="utf-8")
    assert cli_process("split", "posts/articles/hard-season.md", cwd=project).code == 0
    approved = cli_process("approve", "hard-season", cwd=project)
    assert approved.code == 0, approved.err
    assert (f"{HEAVIER_TIP} waits: it is flagged sensitive (for its paragraph b2, which speaks of “ending your life” "
            "in no tip)") in approved.out, approved.out
    queued = cli_process("queue", cwd=project)
    assert HEAVIER_TIP not in queued.out, queued.out  # held until a person acknowledges the flag
    acked = cli_process("approve", HEAVIER_TIP, "--ack", "sensitive", cwd=project)
    assert acked.code == 0, acked.err
    assert cli_process("queue", cwd=project).code == 0
    planned = cli_process("plan", "--json", "--days", "90", cwd=project)
    assert planned.code == 0, planned.err
    (post,) = [post for post in json.loads(planned.out)["posts"] if post["id"] == f"hard-season/{HEAVIER_TIP}"]
    footer = yaml.safe_load((project / "posts" / "schedule.yaml").read_text(encoding="utf-8"))["crisis_footer"]
    assert footer and footer in post["text"], post


def test_a_tip_the_crisis_footer_would_not_fit_is_left_out_with_why(tmp_path):
    path = tmp_path / "article.md"
    path.write_text(HEAVIER, encoding="utf-8")

    def fits(text: str, sensitive: bool) -> bool:  # a crisis footer longer than any post leaves room for
        return not sensitive

    split = split_report(read_article(path, tmp_path), fits=fits)
    assert HEAVIER_TIP not in [tip.id for tip in split.tips]
    (block,) = [block for block in split.blocks if block["locator"] == "b2"]
    assert not block["tips"], block
    assert "too long for a post with the crisis footer" in block["left_out"], block
