"""Issue 12: tips from real articles and from practice-voice articles, every tip held to the rules.

tests/data/articles/real/ holds twelve real public-domain health pages as found (see its SOURCES.md);
tests/data/articles/practice/ and practice-fresh/ hold articles written in a counseling practice's voice, in the shapes
real practices publish: first person, greetings and sign-offs, awareness-month lines, bios, booking
pitches, link text, numbered "## 1." and "Step 3:" headings, inline <h2> in Markdown, bold-only heading
lines, flattened "Lead.Text" lead-ins, lists of phrases, of questions and of "Term: description", FAQ pairs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scheduler.articles import read_article
from scheduler.config import parse_schedule
from scheduler.tips.drafting import split_report
from scheduler.tips.drafts import LONG_HEADLINE
from scheduler.tips.edges import edge_reason, first_person
from scheduler.tips.filters import is_fragment, opens_with_reference
from scheduler.tips.flags import sensitive_words
from scheduler.tips.ledger import NO_ADVICE, dropped_lists
from scheduler.tips.splitter import post_fits
from scheduler.yamlio import load_document

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "articles"
URL = "https://junocounseling.com/blog/an-article-with-a-long-address"

MINIMUM_TIPS = {  # what a skilled reader pulls from each, less a margin; raise these as the rules improve
    "01-nimh-caring-for-your-mental-health.md": 12,
    "02-nimh-coping-with-traumatic-events.md": 15,
    "03-nimh-my-mental-health-do-i-need-help.md": 3,
    "04-nimh-depression-in-women-4-things.md": 10,
    "05-nimh-teen-depression.md": 8,
    "06-nimh-social-anxiety-disorder.md": 24,
    "07-nimh-panic-disorder.md": 19,
    "08-nimh-perinatal-depression.md": 25,  # 25 since user trial 10: a list no first item can head is left out
    "09-medlineplus-stress.md": 15,
    "10-medlineplus-child-mental-health.md": 2,  # its warning signs are a list too long to post, not one sign
    "11-medlineplus-mental-health.md": 9,
    "12-18f-covid-manage-anxiety-stress.md": 6,
    "ten-ways-to-fight-fair.md": 12,  # its ten ways; a line of way 5 ("You don't have to agree…") not kept
    "grief-during-the-holidays.html": 11,
    "anxious-attachment-in-relationships.md": 9,
    "burnout-signs-and-steps.txt": 9,
    "when-your-teen-shuts-down.html": 8,
    "four-horsemen-faq.md": 7,
    "couples-conflict-tips.txt": 7,  # its seven tips; the closing "What matters is that you keep trying" not kept
    "anxiety-in-kids.txt": 9,
    "grief-holidays.txt": 8,
    "burnout-wordpress.html": 6,
    "setting-boundaries.md": 11,  # its FAQ answer keeps "You decide who comes in and when." (no longer a tip alone)
    "what-i-do-on-sleepless-nights.md": 5,  # first-person advice, turned to the reader (tests/tips/test_rewrites.py)
}
ARTICLES = sorted(p for folder in ("real", "practice", "practice-fresh") for p in (DATA / folder).iterdir()
                  if p.suffix in (".md", ".txt", ".html") and p.name != "SOURCES.md")
PITCH = re.compile(r"\b(?:book (?:a|your)|schedule a|consultation|contact us|call us|our (?:team|therapists|"
                   r"counselors)|we(?:’|')d love|Harbor Light|Juniper Couples|Cedar Family|Bright Path|Willow Grief|"
                   r"read more|continue reading|here\.|website|LMFT|LCSW|LPC\b|warmly|with care|happy holidays|"
                   r"hi friends|thanks for reading|awareness month|marriage week)", re.IGNORECASE)
OPEN_END = re.compile(r"\b(?:a|an|the|(?<!want )(?<!need )(?<!have )to|of|(?<!out )for|and|or|but|with|by|from|such|as|than|that|your|their|its|into|"
                      r"about|including|include|includes|like|associated|along)$", re.IGNORECASE)
CAMEL_GLUE = re.compile(r"\b(?:the|of|in|on|is|and|to|for|with)[A-Z][a-z]")


@pytest.fixture(scope="module")
def splits():
    schedule = parse_schedule(load_document(REPO / "posts" / "schedule.yaml"))
    fits = post_fits(schedule, url=URL, slug="c")
    return {path.name: split_report(read_article(path, REPO), fits=fits) for path in ARTICLES}


def every_tip(splits):
    for name, split in splits.items():
        for tip in split.tips:
            yield name, tip


def test_every_article_is_here_with_its_minimum():
    assert sorted(MINIMUM_TIPS) == sorted(p.name for p in ARTICLES)
    assert len([p for p in ARTICLES if p.parent.name == "real"]) == 12
    sources = (DATA / "real" / "SOURCES.md").read_text(encoding="utf-8")
    for path in ARTICLES:
        if path.parent.name == "real":
            assert path.name in sources


def test_each_article_gives_at_least_its_minimum_of_tips(splits):
    short = {name: len(split.tips) for name, split in splits.items() if len(split.tips) < MINIMUM_TIPS[name]}
    assert not short


def test_headlines_stand_alone(splits):
    for name, tip in every_tip(splits):
        headline = tip.headline
        assert headline.lstrip("“")[0].isupper() and headline.rstrip("”\"’)")[-1] in ".!?", (name, headline)
        assert len(headline) <= LONG_HEADLINE, (name, headline)
        assert not any(note.startswith("long headline") for note in tip.notes), (name, headline)  # noise (issue 19)
        assert not OPEN_END.search(headline.rstrip(".!?”\"’")), (name, headline)  # never cut mid-clause
        assert headline.count("“") == headline.count("”") and headline.count('"') % 2 == 0, (name, headline)
        assert headline.count("(") == headline.count(")"), (name, headline)
        core = headline.split("Try saying: ")[-1].strip("“”") if headline.startswith("Try saying") else headline
        assert not is_fragment(core), (name, headline)
        assert not opens_with_reference(headline), (name, headline)


def test_no_tip_speaks_in_the_authors_voice_or_from_the_pages_edges(splits):
    for name, tip in every_tip(splits):
        for part in (tip.headline, tip.text):
            reader = part.startswith(("Ask yourself:", "Questions to ask yourself:"))  # the reader's own "I"
            assert reader or not first_person(part), (name, part)
            assert not PITCH.search(part), (name, part)
            assert edge_reason(part) in (None, "setup") or reader, (name, part, edge_reason(part))
            assert not CAMEL_GLUE.search(part), (name, part)


def test_no_list_is_dropped_without_a_reason(splits):
    for name, split in splits.items():
        assert not dropped_lists(split.blocks), name
        for entry in split.blocks:
            if entry["kind"] == "list":
                for item in entry["items"]:
                    assert item["tips"] or (item["left_out"] and item["left_out"] != NO_ADVICE), (name, item)


def test_every_block_says_what_became_of_it(splits):
    for name, split in splits.items():
        ids = {tip.id for tip in split.tips}
        numbers = [entry["block"] for entry in split.blocks]
        assert numbers == list(range(1, len(numbers) + 1)), name
        for entry in split.blocks:
            assert entry["locator"] == f"b{entry['block']}" and "text" in entry
            # a block that fed tips says only what sensitive sentence it left out all the same (tips.unsaid)
            assert entry["left_out"] if not entry["tips"] else entry["left_out"] is None or " is in no tip: " in entry[
                "left_out"], (name, entry["locator"])
            assert set(entry["tips"]) <= ids
        fed = {tip_id for entry in split.blocks for tip_id in entry["tips"]}
        assert fed == ids, name  # every tip is traced to the block it came from


def test_flags_come_from_the_tips_own_words_with_the_words_shown(splits):
    titles = {path.name: read_article(path, REPO).title or "" for path in ARTICLES}  # context in an article on grief
    for name, tip in every_tip(splits):
        found = sensitive_words(tip.headline + " " + tip.text, tip.section or "", title=titles[name])
        assert ("sensitive" in tip.review) == bool(found), (name, tip.text)
        assert set(tip.review_words) == set(tip.review), (name, tip.id)
        if found:
            assert set(tip.review_words["sensitive"]) == set(found)


def test_structure_gives_the_tips_a_skilled_reader_would_pull(splits):
    headlines = {name: {tip.headline for tip in split.tips} for name, split in splits.items()}
    fight = headlines["ten-ways-to-fight-fair.md"]  # "## 4. Ask for help." is advice, not a pitch
    assert {"Start softly: how a conversation begins predicts how it ends.", "Take a break before you boil over.",
            "Watch for contempt.", "Follow up when you're calm."} <= fight
    # the heading is joined to its first sentence only when the scorer reads the two as advice at least as surely
    assert {"Ask for help.", "Ask for help: some fights are too big for two people to untangle alone."} & fight
    attachment = headlines["anxious-attachment-in-relationships.md"]  # inline <h2> and "Step 3:" in Markdown
    assert {"Notice the alarm.", "Name what you need.", "Soothe yourself first."} <= attachment
    assert any(h.startswith("Ask yourself: Is this feeling about today") for h in attachment)  # a list of questions
    assert {"Talk to someone.", "Reach out to a friend you trust before you react."} <= attachment
    burnout = headlines["burnout-signs-and-steps.txt"]  # flattened "Lead.Text" lead-ins and a phrase list
    assert {"Protect your recovery time.", "Move your body daily.", "Say no to one thing.", "Rebuild slowly."} <= burnout
    assert any(h.startswith("Signs of burnout include") for h in burnout)
    teen = headlines["when-your-teen-shuts-down.html"]
    assert {"When your teen shuts down, talk side by side.", "When your teen shuts down, listen more than you advise."
            } <= teen  # the title's situation opens them (scheduler.tips.situations)
    grief = headlines["grief-during-the-holidays.html"]
    assert {"When you’re grieving during the holidays, plan ahead, loosely.",
            "When you’re grieving during the holidays, let people help.", "Talk to someone.",
            "Joy and grief can sit side by side."} <= grief
    faq = {tip.headline: tip.text for tip in splits["four-horsemen-faq.md"].tips}  # bold questions, FAQ pairs
    assert faq["Complain without blame."].startswith("What is the antidote to criticism? Complain without blame.")
    assert {"Stonewalling is usually a sign of flooding, not indifference.",
            "Say thank you for one small thing your partner did today."} <= set(faq)
    nimh = headlines["01-nimh-caring-for-your-mental-health.md"]
    assert {"Get regular exercise.", "Practice gratitude.", "Stay connected."} <= nimh


def test_a_counted_list_keeps_every_item_or_none(splits):
    texts = [tip.text for tip in splits["burnout-signs-and-steps.txt"].tips]
    assert not any(re.search(r"\bthree\b", text) for text in texts)  # "three key habits" is a setup, left out
    blocks = splits["burnout-signs-and-steps.txt"].blocks
    setup = next(entry for entry in blocks if entry["text"].startswith("Research points to three key habits"))
    assert setup["left_out"] == "setup"


def test_the_edges_are_left_out_with_their_reasons(splits):
    def reasons(name):
        return {entry["text"][:40]: entry["left_out"] for entry in splits[name].blocks if entry["left_out"]}

    grief = reasons("grief-during-the-holidays.html")
    opening = next(entry for entry in splits["grief-during-the-holidays.html"].blocks
                   if entry["text"].startswith("In my work"))  # the author's "I hear..." is left out, the claim after it is not
    assert opening["tips"] == ["grief-doesnt-follow-a-calendar"]
    assert any(reason and "pitch" in reason for text, reason in grief.items() if text.startswith("If this season"))
    burnout = reasons("burnout-signs-and-steps.txt")
    assert burnout["Thanks for reading, and take care of you"] == "sign-off"
    assert burnout["Sometimes the answer is right outside."] == "setup"
    attachment = reasons("anxious-attachment-in-relationships.md")
    assert attachment["May is Mental Health Awareness Month."] == "date line"
    assert attachment["Read my full review of Attached by Levin"] == "link text"


def test_everyday_words_raise_no_flag_and_grief_does(splits):
    attachment = splits["anxious-attachment-in-relationships.md"].tips
    assert not any(tip.review for tip in attachment)  # "kill time", "dying to try" are everyday words
    grief = splits["grief-during-the-holidays.html"].tips
    will = next(tip for tip in grief if "will to live" in tip.text)
    assert will.review == ("sensitive",) and "will to live" in will.review_words["sensitive"]


@pytest.mark.parametrize("text, flagged", [
    ("I'd neglect to mention the best part.", False),
    ("We kill time on our phones.", False),
    ("I'm dying to try the new café.", False),
    ("It felt like a midlife crisis.", False),
    ("He lost the will to live after the divorce.", True),
    ("Grieving partners often withdraw.", True),
    ("Some teens think about self-harm.", True),
    ("Emotional abuse is still abuse.", True),
    ("If you are in crisis, reach out now.", True),
    ("Life didn’t feel worth living.", True),
    ("Therapy helps build a life worth living.", False),
    ("Life isn’t worth living without her, he said.", True),
    ("Child neglect leaves lasting marks.", True),
])
def test_sensitive_words(text, flagged):
    assert bool(sensitive_words(text)) == flagged


def test_the_same_article_always_gives_the_same_split(splits):
    path = DATA / "practice" / "ten-ways-to-fight-fair.md"
    again = split_report(read_article(path, REPO))
    assert split_report(read_article(path, REPO)) == again


def test_labels_and_numbers_are_not_headlines(tmp_path):
    page = tmp_path / "calm.html"
    page.write_text("<h1>Calm in five steps</h1><p>Anxiety spikes fast, but you can slow it down.</p>"
                    "<p><strong>Step 1:</strong> Notice the alarm in your body before you react.</p>"
                    "<p><strong>Tip:</strong> Keep a glass of water by the bed.</p>"
                    "<h2>Tip #2: Breathe out longer than you breathe in</h2>"
                    "<p>A long exhale tells your nervous system that you are safe.</p>", encoding="utf-8")
    headlines = [tip.headline for tip in split_report(read_article(page)).tips]
    assert "Notice the alarm in your body before you react." in headlines
    assert "Keep a glass of water by the bed." in headlines
    assert "Breathe out longer than you breathe in." in headlines
    assert not any(re.match(r"^(?:Step|Tip)\b", h) for h in headlines)


def test_a_list_whose_count_does_not_match_its_lead_in_is_left_out_with_that_reason(tmp_path):
    page = tmp_path / "habits.txt"
    page.write_text("Small Habits\n\nThree habits that protect your sleep:\n• a fixed wake-up time\n• no screens in bed\n\n"
                    "Four habits that help in the morning:\n• a glass of water\n• ten minutes of daylight\n"
                    "• a short walk\n• one kind word\n", encoding="utf-8")
    split = split_report(read_article(page))
    (tip,) = split.tips
    assert tip.text == ("Four habits that help in the morning include a glass of water, ten minutes of daylight, "
                        "a short walk, and one kind word.")
    short = next(entry for entry in split.blocks if entry["kind"] == "list" and "wake-up" in entry["text"])
    assert short["left_out"] == "the lead-in counts 3 but the list has 2"
