"""What became of every block: split --json and .juno/split/<slug>.json; review notes and flag words in the campaign."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from scheduler.campaigns.file import load_campaign
from scheduler.tips.taking import take

REPO = Path(__file__).resolve().parents[2]
PRACTICE = REPO / "tests" / "data" / "articles" / "practice"
REAL = REPO / "tests" / "data" / "articles" / "real"


def _split(project: Path, cli, name: str, *extra: str):
    shutil.copy(PRACTICE / name, project / "posts" / "articles" / name)
    return cli("split", *extra, f"posts/articles/{name}", cwd=project)


def test_split_json_lists_every_block_with_the_tips_it_fed_or_why_it_was_left_out(project, cli):
    result = _split(project, cli, "grief-during-the-holidays.html", "--json")
    assert result.code == 0, result
    data = json.loads(result.out)
    blocks = data["blocks"]
    tip_ids = {tip["id"] for tip in data["tips"]}
    assert [b["block"] for b in blocks] == list(range(1, len(blocks) + 1))
    for block in blocks:
        assert block["locator"] == f"b{block['block']}" and block["text"]
        assert set(block["tips"]) <= tip_ids
        assert block["left_out"] if not block["tips"] else block["left_out"] is None or " is in no tip: " in block[
            "left_out"]
    reasons = {b["text"][:30]: b["left_out"] for b in blocks if b["left_out"]}
    assert reasons["Happy holidays, everyone! I kn"] == "greeting; first person"
    assert "pitch" in reasons["If this season feels too heavy"]
    signs = next(b for b in blocks if b["kind"] == "list" and b["items"][0]["text"].startswith("trouble sleeping"))
    assert [item["locator"] for item in signs["items"]] == [f"{signs['locator']}.{n}" for n in range(1, 6)]
    assert all(item["tips"] or item["left_out"] for item in signs["items"])
    saved = json.loads((project / ".juno" / "split" / "grief-during-the-holidays.json").read_text(encoding="utf-8"))
    assert saved["blocks"] == blocks and data["blocks_file"] == ".juno/split/grief-during-the-holidays.json"


def test_flags_carry_their_words_and_notes_say_where_the_rules_were_unsure(project, cli):
    assert _split(project, cli, "grief-during-the-holidays.html").code == 0
    campaign_file = project / "posts" / "grief-during-the-holidays.yaml"
    text = campaign_file.read_text(encoding="utf-8")
    assert 'review_words: {sensitive: ["will to live", "after a major loss", "life isn’t worth"]}' in text
    campaign = load_campaign(campaign_file, project)
    will = next(tip for tip in campaign.tips if "will to live" in tip.text)
    assert will.review == ("sensitive",) and will.review_words == {"sensitive": ("will to live", "after a major loss", "life isn’t worth")}
    assert any(tip.notes for tip in campaign.tips)
    for tip in campaign.tips:
        assert all(isinstance(note, str) and 0 < len(note) <= 80 for note in tip.notes)
    # notes never block: a person approves a tip with notes, and a second split keeps that and changes no byte
    campaign_file.write_text(text.replace("status: draft", "status: approved"), encoding="utf-8")
    before = campaign_file.read_bytes()
    again = _split(project, cli, "grief-during-the-holidays.html")
    assert again.code == 0 and "unchanged" in again.out
    assert campaign_file.read_bytes() == before


def test_the_summary_points_at_the_block_report(project, cli):
    result = _split(project, cli, "ten-ways-to-fight-fair.md")
    assert result.code == 0, result
    assert "blocks gave no tip; what became of each block: .juno/split/ten-ways-to-fight-fair.json" in result.out


def test_the_summary_says_once_that_every_post_carries_the_practices_hashtags(project, cli):
    """A user trial: a sleep article's campaign got #CouplesCounseling on every post and nothing said so until
    the studio. The summary names them and how to give the campaign its own; a campaign with its own is quiet."""
    result = _split(project, cli, "ten-ways-to-fight-fair.md")
    assert result.code == 0, result
    assert ("every post carries the practice's hashtags #CouplesCounseling (posts/schedule.yaml); give this "
            "campaign its own with hashtags: in posts/ten-ways-to-fight-fair.yaml or in the studio") in result.out
    path = project / "posts" / "ten-ways-to-fight-fair.yaml"
    path.write_text("hashtags: []\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    again = _split(project, cli, "ten-ways-to-fight-fair.md")
    assert again.code == 0 and "hashtags" not in again.out, again


def test_a_left_out_passage_becomes_a_tip_in_one_step_and_stays(project, cli):
    assert _split(project, cli, "four-horsemen-faq.md").code == 0
    report = json.loads(cli("split", "--json", "posts/articles/four-horsemen-faq.md", cwd=project).out)
    left = next(b for b in report["blocks"] if b["text"].startswith("Contempt: mocking"))
    assert left["left_out"] and not left["tips"]
    taken = cli("split", "--take", left["locator"], "posts/articles/four-horsemen-faq.md", cwd=project)
    assert taken.code == 0, taken
    campaign = load_campaign(project / "posts" / "four-horsemen-faq.yaml", project)
    tip = next(tip for tip in campaign.tips if tip.notes and tip.notes[0].startswith("taken by hand"))
    assert tip.headline.startswith("Contempt: mocking, eye-rolling or name-calling"), tip.headline
    assert tip.source["paragraph"] == int(left["locator"][1:]) and tip.source["digest"]  # its passage, to follow
    assert tip.section == "The four patterns"
    assert tip.notes == (f"taken by hand from {left['locator']}: check it stands alone",)
    before = (project / "posts" / "four-horsemen-faq.yaml").read_bytes()
    again = cli("split", "--json", "--take", left["locator"], "posts/articles/four-horsemen-faq.md", cwd=project)
    assert (project / "posts" / "four-horsemen-faq.yaml").read_bytes() == before  # taken once, kept after
    fate = next(b for b in json.loads(again.out)["blocks"] if b["locator"] == left["locator"])
    assert fate["tips"] == [tip.id] and fate["left_out"] is None


def _counts_add_up(out: str) -> tuple[int, ...]:
    """split's first line, "18 tips (1 new, 17 kept, 0 stale)": its parts, which must make the whole."""
    match = re.search(r"(\d+) tips? \((\d+) new, (\d+) kept, (\d+) stale(?:, (\d+) by hand)?\)", out)
    assert match, out
    total, *parts = (int(n or 0) for n in match.groups())
    assert sum(parts) == total, out
    return total, *parts


def test_a_taken_passage_reads_as_split_reads_it_keeps_its_source_and_the_counts_add_up(project, cli):
    """A user trial on MedlinePlus's stress page: --take kept the copy's run-together words, wrote `source: null`,
    and the next split's counts did not add up (the taken tip was neither new nor kept)."""
    shutil.copy(REAL / "09-medlineplus-stress.md", project / "posts" / "articles")
    article = "posts/articles/09-medlineplus-stress.md"
    first = cli("split", article, cwd=project)
    total = _counts_add_up(first.out)[0]
    report = json.loads(cli("split", "--json", article, cwd=project).out)
    lead = next(b for b in report["blocks"] if b["locator"] == "b14")
    item = next(i for b in report["blocks"] for i in b.get("items", ()) if i["locator"] == "b17.4")
    assert lead["left_out"] and item["left_out"] and "thatimprove" in (REAL / "09-medlineplus-stress.md").read_text()

    taken = cli("split", "--take", "b14", "--take", "b17.4", article, cwd=project)
    assert _counts_add_up(taken.out)[:3] == (total + 2, 2, total)
    data = json.loads(cli("split", "--json", article, cwd=project).out)
    tips = {tip["notes"][0].split()[4].rstrip(":"): tip for tip in data["tips"] if tip["notes"][:1]
            and tip["notes"][0].startswith("taken by hand from")}
    assert tips["b14"]["text"].startswith("Simple things that improve your mental health")  # as split reads it
    assert tips["b14"]["source"]["paragraph"] == 14 and tips["b17.4"]["source"]["sentence"] == 4
    assert all(len(tip["source"]["digest"]) == 12 for tip in tips.values())
    blocks = {b["locator"]: b for b in data["blocks"]}
    assert blocks["b14"]["tips"] == [tips["b14"]["id"]] and blocks["b14"]["left_out"] is None
    assert all(bool(b["tips"]) != bool(b["left_out"]) for b in data["blocks"])  # fed a tip or left out, never both

    again = cli("split", article, cwd=project)
    assert "unchanged" in again.out and _counts_add_up(again.out)[:4] == (total + 2, 0, total + 2, 0)
    left = sum(1 for b in data["blocks"] if not b["tips"])
    assert f"{left} of {len(data['blocks'])} blocks gave no tip" in again.out

    source = project / article
    source.write_text(source.read_text(encoding="utf-8").replace("Difficulty focusing your thoughts",
                                                                 "Difficulty focusing"), encoding="utf-8")
    changed = cli("split", article, cwd=project)
    assert _counts_add_up(changed.out)[:5] == (total + 2, 0, total, 2, 0)  # the item's list tip goes stale too
    campaign = load_campaign(project / "posts" / "09-medlineplus-stress.yaml", project)
    gone = campaign.tip(tips["b17.4"]["id"])
    assert gone.review == ("stale",) and any(note.startswith("split makes no tip of its passage now") for note in gone.notes)
    assert campaign.tip(tips["b14"]["id"]).review == ()


def test_taking_a_passage_that_is_not_there_says_which_there_are(project, cli):
    assert _split(project, cli, "four-horsemen-faq.md").code == 0
    before = (project / "posts" / "four-horsemen-faq.yaml").read_bytes()
    result = cli("split", "--take", "b99", "posts/articles/four-horsemen-faq.md", cwd=project)
    assert result.code == 2 and "has no block b99; it has b1 to b" in result.err
    assert (project / "posts" / "four-horsemen-faq.yaml").read_bytes() == before


def test_split_json_says_which_tips_are_ready_as_the_campaign_file_does(project, cli):
    result = _split(project, cli, "grief-during-the-holidays.html", "--json")
    assert result.code == 0, result
    printed = {tip["id"]: tip["ready"] for tip in json.loads(result.out)["tips"]}
    campaign = load_campaign(project / "posts" / "grief-during-the-holidays.yaml", project)
    assert printed == {tip.id: tip.ready for tip in campaign.tips}
    assert True in printed.values() and False in printed.values()


def test_a_tip_the_tip_model_leaves_out_has_its_reason_and_take_brings_it_back(project, cli):
    """couples-conflict-tips.txt's "Every couple argues." is a one-line statement the tip model (issue 19) reads
    as not postable: it is in the block report with a plain reason, and `--take` makes it a tip again."""
    name = "couples-conflict-tips.txt"
    shutil.copy(PRACTICE.parent / "practice-fresh" / name, project / "posts" / "articles" / name)
    report = json.loads(cli("split", "--json", f"posts/articles/{name}", cwd=project).out)
    assert not any(tip["headline"] == "Every couple argues." for tip in report["tips"])
    left = next(b for b in report["blocks"] if "tip model" in (b["left_out"] or ""))
    assert "not kept by the tip model: outside graders rarely posted tips like this one as they are" in left[
        "left_out"]
    assert cli("split", "--take", left["locator"], f"posts/articles/{name}", cwd=project).code == 0
    campaign = load_campaign(project / "posts" / "couples-conflict-tips.yaml", project)
    assert any(tip.headline.startswith("Every couple argues") for tip in campaign.tips)


def test_a_taken_tips_flag_reasons_name_only_words_its_text_keeps():
    """A user trial took a crisis paragraph back: its tip listed “988” and “911” as the words that flagged it, though
    the sentence holding them had been cut to fit. The flag stays (the passage spoke of a crisis); its reasons name
    what the tip says."""
    passage = ("If you notice thoughts of suicide or a wish to die, reach out to someone right away. "
               "Call or text 988, or call 911 if you are in danger.")
    tip = take(passage, "b7", lambda text, sensitive: len(text) <= 90, set())
    assert "988" not in tip.text and "suicide" in tip.text
    assert tip.review == ("sensitive",)
    assert not {"988", "911"} & {word for word in tip.review_words["sensitive"]}


def test_quiet_split_prints_nothing_and_a_reviewed_campaign_is_not_sent_back_to_review(project, cli):
    # a user trial: `split -q` printed the whole summary, and splitting again an unchanged article whose tips were
    # all approved still said "next: review …, set status: approved on the tips to post"
    seed = "posts/articles/what-to-do-when-one-partner-wants-counseling.txt"
    quiet = cli("-q", "split", seed, cwd=project)
    assert quiet.code == 0 and quiet.out == "", quiet
    first = cli("split", seed, cwd=project)
    assert "next: review posts/what-to-do-when-one-partner-wants-counseling.yaml" in first.out
    # the README's steps, in its order: approve, cards, queue (it said "set status: approved ... then run `cards`")
    nxt = next(line for line in first.out.splitlines() if line.startswith("next: "))
    steps = [nxt.find(f"`juno-scheduler {step}") for step in ("approve what-to-do-", "cards", "queue")]
    assert -1 not in steps and steps == sorted(steps), nxt
    campaign = project / "posts" / "what-to-do-when-one-partner-wants-counseling.yaml"
    approved = re.sub(r"status: draft\b", "status: approved", campaign.read_text(encoding="utf-8"))
    campaign.write_text(approved, encoding="utf-8")
    again = cli("split", seed, cwd=project)
    assert again.code == 0, again
    last = again.out.strip().splitlines()[-1]
    assert last.startswith("next: no draft waits for review") and "queue" in last, last
