"""What a manager sees about a flagged tip (a user trial on a trauma article: every tip flagged, no telling why):
the words that raised each flag, or the heading the tip sits under, in split's summary and --json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TRAUMA = REPO / "tests" / "data" / "articles" / "real" / "02-nimh-coping-with-traumatic-events.md"
HEADING = "“How do people respond to traumatic events?”"


def split(project: Path, cli, *extra: str):
    shutil.copy(TRAUMA, project / "posts" / "articles" / TRAUMA.name)
    return cli("split", *extra, f"posts/articles/{TRAUMA.name}", cwd=project)


def test_split_says_which_words_or_which_heading_flagged_each_tip(project, cli):
    result = split(project, cli, "--json")
    assert result.code == 0, result
    why = {tip["id"]: tip["review_why"] for tip in json.loads(result.out)["tips"]}
    assert why["a-traumatic-event-is-a-shocking-scary"] == {
        "sensitive": f"“traumatic event” in the text and under the heading {HEADING}"}
    assert why["people-who-experience-traumatic-events-may-experience"] == {
        "sensitive": "“traumatic events”, “suicidal”, “trauma” in the text"}
    assert why["avoid-the-use-of-alcohol-or-drugs"] == {
        "sensitive": "under the heading “What can I do to cope after a traumatic event?”"}
    assert all(why[tip] for tip in why)  # every flagged tip says why (each one here is flagged)

    again = split(project, cli).out.splitlines()
    at = next(n for n, line in enumerate(again) if line.endswith("flagged for review:"))
    assert again[at] == "17 flagged for review:"
    assert again[at + 1] == (f"  a-traumatic-event-is-a-shocking-scary: sensitive (“traumatic event” in the text and "
                             f"under the heading {HEADING})")
    assert f"  seek-professional-help-if-symptoms-do-not: sensitive (under the heading {HEADING})" in again
    assert again[at + 6] == "  and 12 more: split --json (review_why) and the studio say why for each"


def test_split_again_does_not_list_the_tips_a_person_acknowledged_unless_their_passage_changed(project, cli):
    """A user trial: every re-split listed the tips already read and approved with --ack as flagged again."""
    assert split(project, cli).code == 0
    read = ["a-traumatic-event-is-a-shocking-scary", "it-is-natural-to-feel-afraid-during"]
    assert cli("approve", *read, "--ack", "sensitive", cwd=project).code == 0
    again = split(project, cli).out.splitlines()
    assert "15 flagged for review:" in again
    assert not [line for line in again if any(tip in line for tip in read)], again

    article = project / "posts" / "articles" / TRAUMA.name
    text = article.read_text(encoding="utf-8")
    assert "can affect someone emotionally" in text
    article.write_text(text.replace("can affect someone emotionally", "can affect a person emotionally"), encoding="utf-8")
    changed = cli("split", f"posts/articles/{TRAUMA.name}", cwd=project).out.splitlines()
    assert "16 flagged for review:" in changed
    assert f"  {read[0]}: stale" in changed  # the sensitive flag stays acknowledged; the new passage needs a look
    assert not [line for line in changed if read[1] in line], changed
