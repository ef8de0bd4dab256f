"""A tip under a heading that names an emergency is flagged `sensitive` (so it goes out with the crisis footer),
whatever its own words say (issue 19, item 3; a user trial: her section "When Stress Becomes an Emergency" gave
"Most exam stress fades when the exams end. Sometimes it is something more serious." and "You do not need to be sure
before you reach out; …" with a note only, and no footer). A passage of a crisis under an ordinary heading notes its
tips, and `approve` repeats the note, but does not flag them: flagging them put the footer on 13 tips of the frozen
set, all 13 judged by an outside reader to need none (round 24, docs/evaluation.md). Ordinary tips stay unflagged:
grief named among the conditions a practice treats, "a crisis of confidence", an ordinary heading."""

from __future__ import annotations

import json

import pytest
from conftest import article_project, run_cli_in_process

from scheduler.campaigns.file import load_campaign

EMERGENCY = """# Helping your teenager through exam stress

Every spring our counselors hear from parents who are not sure how much exam worry is normal. This is what we tell them.

## How to Help at Home

Keep meals and bedtimes steady during exam weeks, even when revision runs late. A regular rhythm tells the body it is safe to rest.

Help your teen break big subjects into small daily goals. A plan on paper turns a mountain of work into a path they can walk.

## {heading}

Most exam stress fades when the exams end. Sometimes it is something more serious. If your teen talks about feeling hopeless, says they would be better off dead, mentions hurting themselves, or has stopped eating or sleeping for days, treat it as an emergency. Stay with them, stay calm, and call or text 988, the Suicide and Crisis Lifeline, any time of day or night. If they are in immediate danger, call 911. You do not need to be sure before you reach out; asking for help early is always the right call.

## After the Exams

Celebrate the effort, not only the results. Plan something fun for the first free weekend so your teen has something to look forward to.
"""

FADES = "Most exam stress fades when the exams end."
REACH_OUT = "You do not need to be sure before you reach out; asking for help early is always the right call."


def split_tips(tmp_path, text: str, name: str = "helping-your-teenager-through-exam-stress.md") -> dict[str, dict]:
    """The article split as a manager splits it, in a fresh project: each tip by its headline."""
    project = article_project(tmp_path, name, text)
    result = run_cli_in_process("split", "--json", f"posts/articles/{name}", cwd=project)
    assert result.code == 0, result
    return {tip["headline"]: tip for tip in json.loads(result.out)["tips"]}


def test_the_trials_section_flags_both_tips_under_her_heading(tmp_path):
    tips = split_tips(tmp_path, EMERGENCY.format(heading="When Stress Becomes an Emergency"))
    for headline in (FADES, REACH_OUT):
        assert tips[headline]["review"] == ["sensitive"], tips[headline]
        assert tips[headline]["review_why"] == {"sensitive": "under the heading “When Stress Becomes an Emergency”"}
    assert not any(tip["review"] for headline, tip in tips.items() if headline not in (FADES, REACH_OUT)), tips


def test_the_trials_paragraph_under_an_ordinary_heading_notes_both_tips_and_approve_repeats_the_note(tmp_path):
    """Under "When to Worry" (no flag of its own) the tips' own words do not speak of the crisis: each carries the note
    that its paragraph does, in no tip, and is not ready; `approve` approves them with the note said on a line of its
    own, so the manager reads the paragraph before they go out."""
    tips = split_tips(tmp_path, EMERGENCY.format(heading="When to Worry"))
    for headline in (FADES, REACH_OUT):
        assert tips[headline]["review"] == [], tips[headline]
        assert any(note.startswith("its paragraph also speaks of a sensitive topic (“hopeless”, “better off dead”")
                   for note in tips[headline]["notes"]), tips[headline]
        assert tips[headline]["ready"] is False
    assert not any(tip["review"] for headline, tip in tips.items() if headline not in (FADES, REACH_OUT)), tips


@pytest.mark.parametrize("heading", ["When Stress Becomes an Emergency", "When to get help right away",
                                     "In an emergency"])
def test_a_heading_that_names_an_emergency_flags_every_tip_under_it(tmp_path, heading):
    text = f"""# Looking after yourself in a hard season

## {heading}

Keep the number of your doctor's office on your fridge where everyone in the family can see it. Tell one friend which signs you want them to watch for, so you are not the only one keeping an eye on things.

## Small habits that help

Take a ten-minute walk after lunch. Daylight and movement lift the mood more than most people expect.
"""
    tips = split_tips(tmp_path, text, "looking-after-yourself.md")
    under = [tip for tip in tips.values() if tip["section"] == heading]
    assert under, tips
    for tip in under:
        assert tip["review"] == ["sensitive"], tip
        assert tip["review_why"]["sensitive"].endswith(f"under the heading “{heading}”"), tip
    assert all(not tip["review"] for tip in tips.values() if tip["section"] == "Small habits that help"), tips


def test_grief_among_a_practices_conditions_a_loss_a_crisis_of_confidence_and_an_ordinary_heading_flag_nothing(tmp_path):
    """A passage that names grief or a loss in passing is not read for the flag: the earlier attempt to flag every tip
    of such a passage put the crisis footer on 34 tips of the frozen set that needed none."""
    text = """# Finding your footing after a setback at work

## Who we help

Our counselors work with adults facing anxiety, depression, grief and loss, and stress at work, and poor sleep runs through all of them. Keep the same wake-up time every day, even on weekends, so your body knows when the day starts.

## When confidence slips

A crisis of confidence at work can follow a missed promotion or a harsh review. Write down three things you did well this month before you judge the whole year.

## Evenings

Grief after a loss in the family can make the evenings feel long. Eat dinner with someone at least one night a week, even if you keep the talk light.

## Starting again

Pick one small task you can finish before lunch. Finishing something early in the day rebuilds trust in yourself faster than a big plan.
"""
    tips = split_tips(tmp_path, text, "finding-your-footing.md")
    assert {tip["section"] for tip in tips.values()} == {"Who we help", "When confidence slips", "Evenings",
                                                         "Starting again"}, tips
    for headline, tip in tips.items():
        own = f"{headline} {tip['text']}".lower()
        assert tip["review"] == (["sensitive"] if "grief" in own else []), tip  # grief in its own words only


def test_a_campaign_split_before_gains_the_flag_its_note_stood_in_for_and_a_person_can_still_take_it_off(tmp_path):
    """The trial's campaign file, written by the earlier split (the two tips under her emergency heading noted, not
    flagged, and approved): split again, they are flagged and held from the queue until a person acknowledges the
    flag; a flag the person then deletes stays deleted."""
    name = "helping-your-teenager-through-exam-stress"
    project = article_project(tmp_path, f"{name}.md", EMERGENCY.format(heading="When Stress Becomes an Emergency"))
    assert run_cli_in_process("split", f"posts/articles/{name}.md", cwd=project).code == 0
    campaign = project / "posts" / f"{name}.yaml"
    written = campaign.read_text(encoding="utf-8")
    note = ("its paragraph also speaks of a sensitive topic (“better off dead”, “hurting themselves”), in no tip: "
            "read b5 before posting")
    old_words = 'review_words: {sensitive: ["becomes an emergency"]}\n    notes: ['
    assert written.count(old_words) == 2, written
    as_before = (written.replace("review: [sensitive]", "review: []")
                 .replace(old_words, f'notes: ["{note}", '))
    campaign.write_text(as_before, encoding="utf-8")
    approved = run_cli_in_process("approve", name, cwd=project).out  # as the trial saw it (beside the tips not ready)
    assert approved.count("note: ") - approved.count("note: approved though not marked ready") == 2, approved

    again = run_cli_in_process("split", f"posts/articles/{name}.md", cwd=project)
    assert again.code == 0 and "2 flagged for review" in again.out, again
    tips = {tip.headline: tip for tip in load_campaign(campaign, project).tips}
    for headline in (FADES, REACH_OUT):
        assert tips[headline].status == "approved", tips[headline]  # approved by the person, held by the new flag
        assert tips[headline].review == ("sensitive",) and tips[headline].held, tips[headline]
        assert tips[headline].flag_reasons()["sensitive"] == "under the heading “When Stress Becomes an Emergency”"
        assert note not in tips[headline].notes

    campaign.write_text(campaign.read_text(encoding="utf-8").replace("review: [sensitive]", "review: []"),
                        encoding="utf-8")  # a person takes the flag off
    assert run_cli_in_process("split", f"posts/articles/{name}.md", cwd=project).code == 0
    assert not any(tip.review for tip in load_campaign(campaign, project).tips)
