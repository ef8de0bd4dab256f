"""What a manager sees about a flagged tip (a user trial on a trauma article: every tip flagged, no telling why):
the words that raised each flag, or the heading the tip sits under, in split's summary and --json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scheduler.campaigns.file import flag_reason
from scheduler.tips.flags import flag_words

REPO = Path(__file__).resolve().parents[2]
TRAUMA = REPO / "tests" / "data" / "articles" / "real" / "02-nimh-coping-with-traumatic-events.md"
GRIEF = REPO / "tests" / "data" / "articles" / "grief-and-marriage.md"
HEADING = "“How do people respond to traumatic events?”"


def split(project: Path, cli, *extra: str, article: Path = TRAUMA):
    shutil.copy(article, project / "posts" / "articles" / article.name)
    return cli("split", *extra, f"posts/articles/{article.name}", cwd=project)


def test_split_says_which_words_or_which_heading_flagged_each_tip(project, cli):
    result = split(project, cli, "--json")
    assert result.code == 0, result
    tips = json.loads(result.out)["tips"]
    why = {tip["id"]: tip["review_why"] for tip in tips}
    assert why["a-traumatic-event-is-a-shocking-scary"] == {
        "sensitive": f"“traumatic event” in the text and under the heading {HEADING}"}
    assert why["people-who-experience-traumatic-events-may-experience"] == {
        "sensitive": "“traumatic events”, “suicidal”, “trauma” in the text"}
    assert all(tip["review_why"].get("sensitive") for tip in tips if "sensitive" in tip["review"])  # each says why

    grief = split(project, cli, "--json", article=GRIEF)
    why = {tip["id"]: tip["review_why"] for tip in json.loads(grief.out)["tips"]}
    assert why["make-room-for-both-sadness-and-ordinary"] == {  # "the person you lost": the heading's loss
        "sensitive": "under the heading “How to stay close while you grieve”"}


def test_the_tips_under_a_sensitive_heading_are_flagged_only_when_they_lean_on_it(project, cli):
    """A user trial on this trauma article: every tip under its headings was flagged, so the one that spoke of
    suicide was among "and 12 more", and one `approve --ack` for all invited rubber-stamping. A tip the heading
    alone flagged ("Avoid the use of alcohol or drugs" under "What can I do to cope after a traumatic event?")
    says nothing sensitive read alone, as the outside graders read them."""
    out = split(project, cli).out.splitlines()
    at = next(n for n, line in enumerate(out) if line.endswith("flagged for review:"))
    assert out[at] == "5 flagged for review:"
    assert out[at + 5] == ("  people-who-experience-traumatic-events-may-experience: sensitive (“traumatic events”, "
                           "“suicidal”, “trauma” in the text)")
    assert "more" not in out[at + 6]
    tips = json.loads(cli("split", "--json", f"posts/articles/{TRAUMA.name}", cwd=project).out)["tips"]
    assert {tip["id"]: tip["review"] for tip in tips}["avoid-the-use-of-alcohol-or-drugs"] == []
    assert sum(bool(tip["review"]) for tip in tips) == 5 and len(tips) == 17


def test_split_lists_tips_flagged_by_their_own_words_before_those_flagged_by_their_heading(project, cli):
    """The summary names five flagged tips: those flagged by their own words come first, so none of them is left
    under "and N more" behind a heading's tips."""
    out = split(project, cli, article=GRIEF).out.splitlines()
    at = next(n for n, line in enumerate(out) if line.endswith("flagged for review:"))
    assert out[at] == "7 flagged for review:"
    listed = [line.split(":")[0].strip() for line in out[at + 1:at + 6]]
    assert "no-two-people-grieve-the-same-way" in listed  # the last tip of the article, flagged by "grieve"
    assert "a-different-style-is-not-a-lack" not in listed and "make-room-for-both-sadness-and-ordinary" not in listed
    assert out[at + 6] == "  and 2 more: split --json (review_why) and the studio say why for each"


def test_split_again_does_not_list_the_tips_a_person_acknowledged_unless_their_passage_changed(project, cli):
    """A user trial: every re-split listed the tips already read and approved with --ack as flagged again."""
    assert split(project, cli).code == 0
    read = ["a-traumatic-event-is-a-shocking-scary", "it-is-natural-to-feel-afraid-during"]
    assert cli("approve", *read, "--ack", "sensitive", cwd=project).code == 0
    again = split(project, cli).out.splitlines()
    assert "3 flagged for review:" in again
    assert not [line for line in again if any(tip in line for tip in read)], again

    article = project / "posts" / "articles" / TRAUMA.name
    text = article.read_text(encoding="utf-8")
    assert "can affect someone emotionally" in text
    article.write_text(text.replace("can affect someone emotionally", "can affect a person emotionally"), encoding="utf-8")
    changed = cli("split", f"posts/articles/{TRAUMA.name}", cwd=project).out.splitlines()
    assert "4 flagged for review:" in changed
    assert f"  {read[0]}: stale" in changed  # the sensitive flag stays acknowledged; the new passage needs a look
    assert not [line for line in changed if read[1] in line], changed


@pytest.mark.parametrize(("heading", "tip", "flagged"), [
    ("Supporting yourself through grief", "Take care of your physical needs.", False),
    ("Supporting yourself through grief", "Join a support group. Ask a friend to come along the first time.", False),
    ("Supporting yourself through grief", "It's normal to feel tired for weeks.", False),
    ("What helps trauma healing stick", "Expect a non-linear path. A hard week isn't a failure.", False),
    ("Supporting yourself through grief", "Create rituals. Ways of honouring the person can be comforting.", True),
    ("Supporting yourself through grief", "Be gentle on the anniversary of the day.", True),
    ("Supporting yourself through grief", "It can take years. Be patient.", True),
    ("Supporting yourself through grief", "This is not something to rush.", True),
    ("Safety planning", "You are not alone, and these feelings can change with support.", True),
    ("After a traumatic event", "Write down your nightmares and bring them to your therapist.", True),
    ("Ten ways to rest", "Take care of your physical needs.", False),
])
def test_a_sensitive_heading_flags_the_tips_that_lean_on_it(heading, tip, flagged):
    found = flag_words(tip, heading=heading)
    assert ("sensitive" in found) is flagged, found
    if flagged:  # named as the heading's words, so the review says "under the heading"
        assert flag_reason(found["sensitive"], tip, heading) == f"under the heading “{heading}”"


def test_a_flag_an_earlier_split_wrote_stays_with_its_reason_when_split_again(project, cli):
    """A campaign split before a sensitive heading stopped flagging every tip under it keeps the flag (split never
    takes a flag off a person's file) and still says where it came from."""
    assert split(project, cli).code == 0
    campaign = project / "posts" / f"{TRAUMA.stem}.yaml"
    text = campaign.read_text(encoding="utf-8")
    start = text.index("- id: avoid-the-use-of-alcohol-or-drugs")
    at = text.index("    review: []", start)
    campaign.write_text(text[:at] + "    review: [sensitive]\n    review_words: {sensitive: [\"traumatic event\"]}"
                        + text[at + len("    review: []"):], encoding="utf-8")
    again = split(project, cli).out.splitlines()
    assert "6 flagged for review:" in again
    tips = {tip["id"]: tip for tip in json.loads(split(project, cli, "--json").out)["tips"]}
    assert tips["avoid-the-use-of-alcohol-or-drugs"]["review_why"] == {
        "sensitive": "under the heading “What can I do to cope after a traumatic event?”"}
