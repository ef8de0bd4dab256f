"""User trial 4 (tests/data/trial/supporting-a-partner-through-depression.md): a crisis-line paragraph that also
tells the worried partner what to do (b13: "do not keep it a secret", "ask them directly", "stay with them") was left
out as boilerplate with a grey "left out by design"; and `split --take b12`, offered for b12's warning signs in no
tip, copied the tip b12 gave and cut the warning signs again, after which every split fell silent of them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

ARTICLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "trial" / "supporting-a-partner-through-depression.md"
NAME = f"posts/articles/{ARTICLE.name}"
CAMPAIGN = f"posts/{ARTICLE.stem}.yaml"
WARNING_SIGNS = "Other warning signs include giving away things that matter to them"


def _block(report, locator):
    return next(block for block in report["blocks"] if block["locator"] == locator)


def _taken(project, locator):
    tips = yaml.safe_load((project / CAMPAIGN).read_text(encoding="utf-8"))["tips"]
    return [tip for tip in tips if f"taken by hand from {locator}" in " ".join(tip.get("notes") or [])]


def test_a_crisis_line_paragraph_with_advice_is_warned_of_as_loudly_as_a_sensitive_sentence(project, cli):
    shutil.copy(ARTICLE, project / NAME)
    summary = cli("split", NAME, cwd=project)
    assert summary.code == 0, summary
    assert "left out by design: the crisis-line paragraph b13" not in summary.out, summary.out
    assert ("1 crisis-line paragraph also gives advice to the reader that no tip carries (the crisis footer gives the "
            "number only): read it and take it as a tip:\n  b13: “If you notice these signs, do not wait and do not "
            "keep it a secret.” (split --take b13 makes a tip of the passage)") in summary.out, summary.out
    block = _block(json.loads(cli("split", "--json", NAME, cwd=project).out), "b13")
    assert not block["tips"] and block["left_out"].startswith("a crisis-line paragraph also gives advice"), block


def test_take_makes_a_sensitive_tip_that_carries_the_crisis_paragraphs_advice(project, cli):
    shutil.copy(ARTICLE, project / NAME)
    assert cli("split", NAME, "--take", "b13", cwd=project).code == 0
    (tip,) = _taken(project, "b13")
    assert "do not keep it a secret" in tip["text"] and "Ask them directly whether they are thinking of ending their " \
        "life" in tip["text"], tip
    assert tip["review"] == ["sensitive"], tip
    summary = cli("split", NAME, cwd=project).out
    assert "b13" not in summary, summary  # its advice is in a tip now


def test_a_paragraph_that_is_only_the_line_stays_left_out_by_design(project, cli):
    (project / "posts" / "articles" / "line.md").write_text(
        "# Hard days\n\n## Rest\n\nTake a short walk after lunch when the afternoon drags; the light helps.\n\n"
        "## Help\n\nIf you are in crisis, call 988. If you are in immediate danger, call 911.\n", encoding="utf-8")
    summary = cli("split", "posts/articles/line.md", cwd=project).out
    assert "left out by design: the crisis-line paragraph b2" in summary, summary
    assert "advice to the reader" not in summary, summary


def test_take_of_a_passage_named_for_its_sensitive_sentence_carries_that_sentence(project, cli):
    shutil.copy(ARTICLE, project / NAME)
    assert cli("split", NAME, cwd=project).code == 0
    assert cli("split", NAME, "--take", "b12", cwd=project).code == 0
    (tip,) = _taken(project, "b12")
    assert WARNING_SIGNS in tip["text"], tip
    tips = yaml.safe_load((project / CAMPAIGN).read_text(encoding="utf-8"))["tips"]
    ids = [t["id"] for t in tips]
    assert ids.index(tip["id"]) == ids.index("know-when-it-is-urgent") + 1, ids  # in the article's order
    summary = cli("split", NAME, cwd=project).out
    assert "b12" not in summary, summary


def test_the_summary_still_names_a_sensitive_sentence_a_take_left_out(project, cli):
    shutil.copy(ARTICLE, project / NAME)
    assert cli("split", NAME, "--take", "b12", cwd=project).code == 0
    path = project / CAMPAIGN
    text = path.read_text(encoding="utf-8")
    (tip,) = _taken(project, "b12")
    assert tip["text"] in text
    path.write_text(text.replace(tip["text"], tip["text"].split(" Other warning")[0]), encoding="utf-8")  # as before
    summary = cli("split", NAME, cwd=project).out
    assert ("b12: a sentence that speaks of a sensitive topic (“giving away things that matter to them, saying "
            "goodbye”) is in no tip, not even the one taken by hand: “Other warning signs include giving away things "
            "that…” (write it into a tip by hand)") in summary, summary
