"""A bulleted list whose items each open with a bold label and go on with whole sentences is a run of
bold-labelled paragraphs written as a list (a user trial: the heart of a list article, "- **Trouble sleeping.**
Sleeping far more than usual … can point to stress.", gave no tip at all, each item left out with "no headline
within a card's length"). The same signs give the same tips either way. The articles here are made up."""

from __future__ import annotations

from scheduler.articles import read_article
from scheduler.tips.drafting import split_report

SIGNS = [
    ("Dropping old routines.", ("When your partner stops the morning walk you shared for years and won't say why, "
                               "ask about it over coffee rather than in passing.")),
    ("Snapping over small things.", "In adults, burnout often looks less like tiredness and more like a short fuse."),
    ("Sleeping at odd hours.", ("Staying up until three and dozing through the afternoon can both point to worry "
                               "or low mood.")),
    ("Talking about being a burden.", ("If your partner says things like “you would all be better off without me”, "
                                     "take it seriously and call a crisis line the same day.")),
]


def _article(as_list: bool) -> str:
    lines = [f"- **{label}** {body}" if as_list else f"**{label}** {body}\n" for label, body in SIGNS]
    return "# When your partner is running on empty\n\n## Signs worth noticing in a partner\n\n" + "\n".join(lines) + "\n"


def _split(tmp_path, as_list: bool):
    path = tmp_path / ("list.md" if as_list else "paragraphs.md")
    path.write_text(_article(as_list), encoding="utf-8")
    return split_report(read_article(path))


def test_a_list_of_bold_labelled_sentences_gives_the_tips_its_paragraphs_give(tmp_path):
    paragraphs, listed = _split(tmp_path, as_list=False), _split(tmp_path, as_list=True)
    assert paragraphs.tips, "the paragraphs give tips"
    assert [(tip.headline, tip.text, tip.review) for tip in listed.tips] == [
        (tip.headline, tip.text, tip.review) for tip in paragraphs.tips]


def test_every_item_is_a_tip_or_left_out_with_a_true_reason(tmp_path):
    report = _split(tmp_path, as_list=True)
    items = [item for entry in report.blocks if entry["kind"] == "list" for item in entry["items"]]
    assert len(items) == len(SIGNS)
    assert any(item["tips"] for item in items)
    for item in items:
        assert item["tips"] or item["left_out"], item
        assert "no headline within a card's length" not in (item["left_out"] or ""), item


def test_advice_in_an_item_becomes_a_tip_and_the_burden_sign_is_flagged(tmp_path):
    report = _split(tmp_path, as_list=True)
    texts = " ".join(tip.text for tip in report.tips)
    assert "ask about it over coffee" in texts
    burden = [tip for tip in report.tips if "better off without me" in tip.text]
    assert burden and all("sensitive" in tip.review for tip in burden)
