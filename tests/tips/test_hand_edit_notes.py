"""A manager hand-edits tips in the campaign file, then runs `split` and `approve` again (issue 19, items 2 and 8):
no note and no flag's reason may say something her edit made untrue, and the notes her edit left true stay.
Four such came up in a user trial: the sentence-case note on a headline she rewrote, "the text opens with the
article's question" on a question she wrote, "long headline" on a headline of split's that every card fits, and
`approve` quoting "suicide" and "crisis" as "in the text" after she took both words out (the studio's side:
tests/studio/test_studio_hand_edit_notes.py)."""

from __future__ import annotations

from pathlib import Path

from scheduler.tips.drafts import CASE_NOTE
from scheduler.tips.standalone import CARRIED_QUESTION
from tests.conftest import article_project, edit_campaign_by_hand, run_cli, tips_by_id

SLUG = "after-a-hard-week"
ARTICLE = """# Looking after yourself and each other

## Take Care Of Your Body First

Sleep, food and a short walk each day steady your mood more than any single conversation can. Start with one of \
them this week. Our Body First group meets on Tuesdays, and Body First is free for clients.

## Make time to talk

Couples drift apart slowly, and most of them never notice it happening until the distance already feels too wide \
to cross.

Set aside twenty quiet minutes every single evening to talk with your partner about how your day went. It keeps \
the bigger conversations possible.

## Small habits

- **Thank Them Out Loud.** Say one specific thing your partner did that helped you today.
- **Put The Phones Away.** Keep meals free of screens so you can hear each other.
- **Plan Something Together.** Pick one small outing for the weekend and put it in the calendar.

## Know when to get help

If your partner talks about suicide, take it seriously and ask them directly how they are feeling. Asking does not \
put the idea in their head, and it shows them a crisis can be talked about.

When did you last ask how your partner is really doing? Ask today, and listen to the answer without fixing it.
"""
HEADING_CASED = "take-care-of-your-body-first"  # headline: the heading put in sentence case
LEAD_CASED = "put-the-phones-away"  # headline and text open on the bold lead-in put in sentence case
OWN_QUESTION = "make-time-to-talk"  # she puts her own question at the head of the text
CARRIED = "ask-today-and-listen-to-the-answer"  # the text opens with the article's question
LONG = "set-aside-twenty-quiet-minutes-every-single"  # a 102-character headline every card fits
FLAGGED = "know-when-to-get-help"  # sensitive for "suicide" and "crisis" in its text
# as she edited the file: each change in place, nothing else touched
EDITS = [
    ('headline: "Take care of your body first."', 'headline: "Look after your body first."'),
    ('headline: "Put the phones away."', 'headline: "Keep meals free of screens."'),
    ('text: "Couples drift apart slowly,',
     'text: "Do you know how your partner’s week really went? Couples drift apart slowly,'),
    ('headline: "Ask today, and listen to the answer without fixing it."', 'headline: "Listen without fixing."'),
    ('went. It keeps the bigger conversations possible."', 'went. Small talk keeps the big talks possible."'),
    ("talks about suicide, take it seriously", "talks about wanting to disappear, take it seriously"),
    ("and it shows them a crisis can be talked about.", "and it shows them it can be talked about."),
]
GONE = "“suicide”, “crisis” when flagged, since edited out of the text"


def split_project(tmp_path: Path) -> Path:
    """Her project, split, with the notes split gives before her edits (the ones they would make untrue)."""
    root = article_project(tmp_path, f"{SLUG}.md", ARTICLE)
    assert cli(root, "split", f"posts/articles/{SLUG}.md").code == 0
    tips = campaign_tips(root)
    assert CASE_NOTE in tips[HEADING_CASED]["notes"] and CASE_NOTE in tips[LEAD_CASED]["notes"]
    assert CARRIED_QUESTION in tips[CARRIED]["notes"]
    assert len(tips[LONG]["headline"]) == 102 and not long_notes(tips)
    assert tips[FLAGGED]["review"] == ["sensitive"] and tips[FLAGGED]["review_words"] == {
        "sensitive": ["suicide", "crisis"]}
    return root


def cli(root: Path, *args: str):
    return run_cli("--root", str(root), *args)


def campaign_tips(root: Path) -> dict[str, dict]:
    return tips_by_id(root, SLUG)


def edit_by_hand(root: Path) -> None:
    edit_campaign_by_hand(root, SLUG, EDITS)


def long_notes(tips: dict[str, dict]) -> dict[str, list[str]]:
    return {tip_id: found for tip_id, tip in tips.items()
            if (found := [note for note in tip["notes"] if note.startswith("long headline")])}


def test_split_again_over_her_edits_says_nothing_they_made_untrue(tmp_path):
    root = split_project(tmp_path)
    edit_by_hand(root)
    result = cli(root, "split", f"posts/articles/{SLUG}.md")
    assert result.code == 0, result
    tips = campaign_tips(root)
    assert CASE_NOTE not in tips[HEADING_CASED]["notes"], "sentence-case note on the headline she wrote"
    assert CASE_NOTE in tips[LEAD_CASED]["notes"], "her text still opens on split's cased lead-in: the note holds"
    assert CARRIED_QUESTION not in tips[OWN_QUESTION]["notes"], "her own question called the article's"
    assert CARRIED_QUESTION in tips[CARRIED]["notes"], "the article's question still opens the text: the note holds"
    assert long_notes(tips) == {}, "a long-headline note on split's headline, which every card fits"


def test_a_flag_s_reason_describes_the_tip_as_she_left_it_and_the_flag_stays(tmp_path):
    root = split_project(tmp_path)
    edit_by_hand(root)
    result = cli(root, "split", f"posts/articles/{SLUG}.md")
    assert f"  {FLAGGED}: sensitive ({GONE})" in result.out.splitlines(), result.out
    tip = campaign_tips(root)[FLAGGED]
    assert "suicide" not in tip["text"] and tip["review"] == ["sensitive"], "taking the words out keeps the flag"

    approve = cli(root, "approve", SLUG)
    waits = next(line for line in approve.out.splitlines() if line.startswith(f"{FLAGGED} waits"))
    assert "in the text" not in waits and f"flagged sensitive ({GONE})" in waits, waits
    assert campaign_tips(root)[FLAGGED]["status"] == "draft", "held until a person acknowledges the flag"
