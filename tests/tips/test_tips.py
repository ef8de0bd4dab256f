"""Every rule of a tip that stands on its own, asserted for every tip of every test article and the seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scheduler.articles import read_article
from scheduler.articles.text import parse_text
from scheduler.config import parse_schedule
from scheduler.networks.x import weighted_length
from scheduler.posttext import compose_for
from scheduler.tips.drafting import _as_posted, split_article, split_report
from scheduler.tips.drafts import LONG_HEADLINE, advice_heading
from scheduler.tips.edges import (
    edge_reason,
    habit_rewrite,
    is_reader_scene,
    is_vignette,
)
from scheduler.tips.filters import (
    compress,
    dangling_references,
    is_fragment,
    opens_with_reference,
)
from scheduler.tips.flags import is_sensitive, personal_details
from scheduler.tips.sentences import (
    content_words,
    fold,
    similarity,
    split_sentences,
    words,
)
from scheduler.tips.splitter import post_fits
from scheduler.yamlio import load_document

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "posts" / "articles" / "what-to-do-when-one-partner-wants-counseling.txt"
ARTICLES = sorted(p for p in (REPO / "tests" / "data" / "articles").iterdir()
                  if p.suffix in (".txt", ".md", ".html")) + [SEED]
URL = "https://junocounseling.com/blog/an-article-with-a-long-address"
REFERENCE_OPENERS = ("this", "they", "these", "that", "those", "it", "for example", "also", "however", "but",
                     "and", "so", "he", "she", "their", "such", "here")
ALLOWED_NEW_WORDS = {"try", "saying", "don’t", "don't", "include", "avoid"}
PROMOTION = re.compile(r"reach(?:ing)? out to us|contact us|book a|schedule a|our team|@\w|harbor light|juno|jupiter|"
                       r"subscribe|newsletter|all rights|tags:|photo by|share on", re.IGNORECASE)


@pytest.fixture(scope="module")
def schedule():
    return parse_schedule(load_document(REPO / "posts" / "schedule.yaml"))


@pytest.fixture(scope="module")
def splits(schedule):
    fits = post_fits(schedule, url=URL, slug="c")
    return {path.name: (read_article(path, REPO), split_article(read_article(path, REPO), fits=fits))
            for path in ARTICLES}


def article_words(article) -> set[str]:
    texts = [article.title] + [s.heading or "" for s in article.sections]
    for _, block in article.blocks():
        texts.append(block.text + " " + (block.lead or "") + " " + (block.lead_in or ""))
        stack = list(block.items)
        while stack:
            item = stack.pop()
            texts.append(item.full)
            stack.extend(item.children)
    return {fold(w) for w in words(" ".join(texts))}


def every_tip(splits):
    for name, (article, tips) in splits.items():
        for tip in tips:
            yield name, article, tip


def test_every_test_article_gives_tips(splits):
    assert len(splits) >= 6
    for name, (_, tips) in splits.items():
        assert len(tips) >= 4, name


def test_headlines_are_short_complete_sentences(splits):
    for name, _, tip in every_tip(splits):
        for part in (tip.headline, tip.text):
            assert part[0].isupper(), (name, part)
            assert part.rstrip("”\"’)")[-1] in ".!?", (name, part)
            assert not is_fragment(part.split("Try saying: ")[-1].strip("“”") if "Try saying" in part else part), \
                (name, part)
        assert len(tip.headline) <= LONG_HEADLINE, (name, tip.headline)
        assert not any(note.startswith("long headline") for note in tip.notes), (name, tip.headline)  # noise


def test_no_tip_opens_with_a_reference_outside_it(splits):
    for name, _, tip in every_tip(splits):
        for part in (tip.headline, tip.text):
            first = part.lower().lstrip("“\"")
            assert not any(re.match(rf"{re.escape(word)}\b", first) for word in REFERENCE_OPENERS) \
                or re.match(r"it(’s|'s| is| helps| takes)\b", first), (name, part)


def test_no_tip_is_a_question_without_its_answer(splits):
    for name, _, tip in every_tip(splits):
        assert not tip.headline.rstrip("”").endswith("?"), (name, tip.headline)
        assert not tip.text.rstrip("”").endswith("?"), (name, tip.text)


def test_no_markup_or_entities_leak(splits):
    leak = re.compile(r"<[a-zA-Z/][^>]*>|&[a-zA-Z]+;|&#\d+;|\*\*|__|\[[^\]]*\]\(|`|^#|\s#\w|\\[nt]")
    for name, _, tip in every_tip(splits):
        for part in (tip.headline, tip.text, tip.section or ""):
            assert not leak.search(part), (name, part)


# What a rewrite to the reader brings in (docs/splitting.md, Rewrites): "your" for "my", and the verb of "setting".
TURNED_TO_THE_READER = {"you", "your", "yours", "yourself", "you’re", "you're", "you’ve", "you've", "you’ll", "you'll",
                        "are"}


# What a situation named from the title brings in (scheduler.tips.situations): "When your partner has anxiety" from
# "… a Partner With Anxiety".
SITUATION_WORDS = {"when", "if", "is", "has", "your", "a", "an", "you’re", "going", "through"}


def test_tips_say_only_what_the_article_says(splits):
    for name, article, tip in every_tip(splits):
        known = article_words(article)
        rewritten = any(note.startswith("rewritten from") for note in tip.notes)
        situated = any(note.startswith("condition added from the title") for note in tip.notes)
        new = {w for w in words(tip.headline + " " + tip.text)
               if fold(w) not in known and w.lower() not in ALLOWED_NEW_WORDS
               and not (situated and w.lower() in SITUATION_WORDS)
               and not (rewritten and (w.lower() in TURNED_TO_THE_READER or _gerund_known(w.lower(), known)))}
        assert not new, (name, tip.id, new)


def _gerund_known(verb: str, known: set[str]) -> bool:
    """"Set" in a tip rewritten from "We recommend setting ...": the article has the verb in -ing."""
    return any(fold(form) in known for form in (verb + "ing", verb[:-1] + "ing", verb + verb[-1:] + "ing"))


def test_no_near_duplicates(splits):
    for name, (_, tips) in splits.items():
        for i, a in enumerate(tips):
            for b in tips[i + 1:]:
                assert similarity(content_words(a.text), content_words(b.text)) < 0.5, (name, a.id, b.id)
                assert similarity(content_words(a.headline), content_words(b.headline)) < 0.5, (name, a.id, b.id)


def test_no_list_item_is_torn_from_its_lead_in(splits):
    for name, article, tip in every_tip(splits):
        block = next(b for _, b in article.blocks() if b.number == tip.source["paragraph"])
        if block.kind != "list" or tip.headline.startswith("Try saying"):
            continue
        item = block.items[tip.source["sentence"] - 1]
        sentence = item.full.rstrip("”\"’)")
        stands_alone = item.lead is not None or (sentence[-1:] in ".!?" and len(words(sentence)) >= 5)
        section = next(s for s, b in article.blocks() if b is block)
        lead = (block.lead_in or section.heading or "").lower()
        assert stands_alone or " ".join(words(lead)[:3]).lower() in tip.text.lower(), (name, tip.text)


def test_tips_come_from_across_the_article(splits):
    for name, (article, tips) in splits.items():
        numbers = [b.number for _, b in article.blocks()]
        spread = [tip.source["paragraph"] for tip in tips]
        assert min(spread) <= numbers[len(numbers) // 3], name
        assert max(spread) >= numbers[(2 * len(numbers)) // 3 - 1], name


def test_nothing_comes_from_promotion_bylines_or_dates(splits):
    for name, _, tip in every_tip(splits):
        assert not PROMOTION.search(tip.text), (name, tip.text)
        assert not re.search(r"\b(19|20)\d\d\b", tip.text), (name, tip.text)


def test_every_tip_fits_a_post_with_link_hashtags_and_footer(splits, schedule):
    for name, _, tip in every_tip(splits):
        posted = compose_for(schedule, text=tip.text, url=URL, campaign="c", sensitive=tip.sensitive)
        assert weighted_length(posted) <= 280, (name, posted)


def test_ids_are_unique_slugs_and_sources_point_at_the_sentence(splits):
    for article, tips in splits.values():
        assert len({t.id for t in tips}) == len(tips)
        blocks = {b.number: b for _, b in article.blocks()}
        for tip in tips:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", tip.id)
            assert tip.source["paragraph"] in blocks and tip.source["sentence"] >= 1
            assert tip.status == "draft"


def test_the_seed_gives_the_practices_own_tips(splits):
    _, tips = splits[SEED.name]
    assert 12 <= len(tips) <= 25
    said = " ".join(t.headline + " " + t.text for t in tips).replace("’", "'").lower()
    for phrase in ("Resistance isn't necessarily indifference", "Reluctance doesn't always mean refusal",
                   "Curiosity often works better than persuasion", "Pressure tends to backfire", "Patience matters"):
        assert phrase.lower() in said, phrase
    assert not any("Counseling and Wellness" in t.text or "@junocounseling" in t.text for t in tips)
    assert not any(t.section and "Finding Support" in t.section for t in tips)


def test_examples_of_what_to_say_become_try_saying_tips(splits):
    for name in (SEED.name, "apology-fragment.html", "boundaries-with-family.html"):
        _, tips = splits[name]
        tries = [t for t in tips if t.headline.startswith("Try saying: “")]
        assert tries, name
        for tip in tries:
            assert tip.headline.endswith("”") and len(words(tip.headline)) >= 6


def test_a_list_becomes_one_tip_carrying_its_lead_in(splits):
    _, tips = splits[SEED.name]
    listed = [t for t in tips if t.text.startswith("Common reasons a partner may resist include fear of being blamed")]
    assert len(listed) == 1 and "discomfort with vulnerability" in listed[0].text


def test_a_numbered_list_with_bold_lead_ins_gives_one_tip_per_item(splits):
    _, tips = splits["five-repair-habits.md"]
    headlines = {t.headline for t in tips}
    assert {"Take a real break.", "Name the pattern, not the person.", "Listen for the feeling underneath."} <= headlines


def test_a_question_travels_with_its_answer_or_not_at_all(splits):
    _, grief = splits["grief-and-marriage.md"]
    answered = [t for t in grief if t.text.startswith("Should partners grieve the same way? No two people")]
    assert len(answered) == 1 and answered[0].headline.startswith("No two people grieve the same way")
    _, repair = splits["five-repair-habits.md"]
    assert not any("Why does this matter" in t.text for t in repair)  # a question pointing elsewhere stays out


def test_crisis_topics_are_sensitive_and_client_stories_private(splits, schedule):
    _, tips = splits["when-conflict-feels-unsafe.txt"]
    suicide = next(t for t in tips if "suicide" in t.text)
    assert "sensitive" in suicide.review
    posted = compose_for(schedule, text=suicide.text, url=URL, campaign="c", sensitive=True)
    assert "988" in posted and weighted_length(posted) <= 280
    assert not any(t.headline.startswith(("Dan, 41", "Maria, 34")) for t in tips)  # a client's story is no tip
    assert all("privacy" in t.review for t in tips if "Dan" in t.text or "Maria" in t.text)
    calm = [t for name, _, t in every_tip(splits) if name == "after-the-argument.txt"]
    assert not any(t.review for t in calm)


def test_the_same_article_always_gives_the_same_tips(splits):
    article, _tips = splits[SEED.name]
    assert split_article(article) == split_article(article)


def test_a_long_sentence_is_never_emitted_too_long():
    from scheduler.articles.text import parse_text

    long = "Patience matters. " + " ".join(["Readiness is personal and can change slowly as safety grows"] * 8) + "."
    article = parse_text(f"Title\n\n{long}\n", source="x.txt", fallback_title="x")
    for tip in split_article(article):
        assert weighted_length(tip.text) <= 280


@pytest.mark.parametrize("sentence, expected", [
    ("Resistance isn’t necessarily indifference.", "Resistance isn’t necessarily indifference."),  # a hedge stays
    ("Arguing doesn’t really hurt a relationship.", "Arguing doesn’t really hurt a relationship."),
    ("You really can start small.", "You can start small."),
    # "Try not to" is a hedge: "Don’t" would harden it (issue 19: a rewrite keeps the source's hedges; user trial)
    ("Try not to frame counseling as a test of commitment.", "Try not to frame counseling as a test of commitment."),
    ("Try to avoid screens after ten.", "Try to avoid screens after ten."),
    ("It’s important not to interpret hesitation as a lack of love.", "Don’t interpret hesitation as a lack of love."),
    ("You can still take meaningful steps.", "You can take meaningful steps."),
    ("Some couples also prefer a neutral goal.", "Some couples prefer a neutral goal."),
    ("The good news, however, is that sleep can be relearned.", "The good news is that sleep can be relearned."),
    ("Rest, though, is not a reward.", "Rest is not a reward."),
    ("However, rest helps.", "However, rest helps."),  # an opening "However" is left for the rules that read it
    # a pointer before a noun stays: "words" alone no longer means the teen's talk of dying (a user trial)
    ("Taking these words seriously is always the right choice.", "Taking these words seriously is always the right choice."),
    ("Acknowledging those fears can lower defensiveness.", "Acknowledging those fears can lower defensiveness."),
])
def test_light_compressions(sentence, expected):
    assert compress(sentence) == expected


@pytest.mark.parametrize("sentence, refers", [
    ("This difference can add strain.", True), ("They don't need to be long.", True),
    ("For example, ask what they need.", True), ("However, patience helps.", True),
    ("Often, it reflects fear.", True), ("It’s a common and painful place to be.", True),
    ("It’s important to listen.", False), ("Pressure tends to backfire.", False),
    ("When one partner changes, the relationship often shifts.", False),
])
def test_opening_references(sentence, refers):
    assert opens_with_reference(sentence) is refers


def test_sentences_keep_quotes_and_abbreviations_together():
    text = "Say “I care about us.” Then pause. Dr. Lee, e.g. a friend, helps. Is it late? No. You can start."
    assert split_sentences(text) == ["Say “I care about us.”", "Then pause.", "Dr. Lee, e.g. a friend, helps.",
                                     "Is it late?", "No.", "You can start."]


@pytest.mark.parametrize("text, sensitive, private", [
    ("If you are having thoughts of suicide, call someone.", True, False),
    ("Abuse is a pattern of control.", True, False),
    ("Maria, 34, came to her first session.", False, True),
    ("Write to jo@example.org for notes.", False, True),
    ("Call 561-555-0100 after six.", False, True),
    ("She lives at 12 Palm Beach Road now.", False, True),
    ("Patience matters.", False, False),
])
def test_review_flags(text, sensitive, private):
    assert is_sensitive(text) is sensitive
    assert personal_details(text) is private


@pytest.mark.parametrize("sentence, example", [
    ("You might say, “I miss feeling close to you.”", "I miss feeling close to you."),
    ("Instead of “You never listen,” try “I feel unheard when I’m interrupted.”", "I feel unheard when I’m interrupted."),
    ("Avoid saying “you always do this.”", None),
    ("Don't say \"calm down.\"", None),
    ("Saying “you’re overreacting” rarely calms anyone down.", None),
])
def test_only_examples_worth_saying_become_try_saying(sentence, example):
    from scheduler.tips.lists import spoken_example

    assert spoken_example(sentence) == example


def test_a_list_of_short_commands_under_a_tips_heading_gives_each_command_as_a_tip():
    from scheduler.articles.text import parse_text

    text = ("Small Habits\n\nTips for Busy Couples\n\n• Talk about your day at dinner\n• Put phones away after nine\n"
            "• Share one appreciation each night\n\nShare this: Facebook | Twitter\n")
    tips = split_article(parse_text(text, source="a.txt", fallback_title="a"))
    assert [(tip.headline, tip.text, tip.section) for tip in tips] == [  # each command stands alone (lists of advice)
        ("Talk about your day at dinner.", "Talk about your day at dinner.", "Tips for Busy Couples"),
        ("Put phones away after nine.", "Put phones away after nine.", "Tips for Busy Couples"),
        ("Share one appreciation each night.", "Share one appreciation each night.", "Tips for Busy Couples")]


@pytest.mark.parametrize("sentence, tidied", [
    ("Contempt predicts divorce (Gottman, 1999).", "Contempt predicts divorce."),
    ("Couples recover faster (Gottman & Levenson, 2000; Smith, 2010).", "Couples recover faster."),
    ("Sleep matters[1] for mood.", "Sleep matters for mood."),
    ("Tip: keep a journal.", "Keep a journal."),
    ("Remember: you are a team.", "Remember: you are a team."),
])
def test_citations_footnotes_and_labels_are_left_out(sentence, tidied):
    from scheduler.tips.filters import tidy

    assert tidy(sentence) == tidied


def test_the_quick_length_check_agrees_with_x_counting(schedule):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = ["Patience matters.", " Readiness is personal", "—", " “quoted” ", " café ", " 😀", " 👩‍👩‍👧",
              " 漢字", " e.g. ", " #CouplesCounseling", " 988", " x" * 40, " example.com"]
    fits = {flag: post_fits(schedule, url=URL, slug="c") for flag in (False, True)}

    @settings(max_examples=60, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(pieces), min_size=1, max_size=30), st.booleans())
    def agrees(parts, sensitive):
        text = "".join(parts).strip() or "A."
        posted = compose_for(schedule, text=text, url=URL, campaign="c", sensitive=sensitive)
        assert fits[sensitive](text, sensitive) is (weighted_length(posted) <= 280)

    agrees()


@pytest.mark.parametrize("network", ["x", "bluesky", "mastodon"])
def test_each_networks_quick_length_check_agrees_with_its_own_count(schedule, network):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from scheduler import networks

    pieces = ["Patience matters.", " Readiness is personal", "—", " café ", " 😀", " 👩‍👩‍👧", " 漢字", " e.g. ",
              " #CouplesCounseling", " x" * 40, " example.com", " https://junocounseling.com/a-long/path"]
    rules = networks.get(network)

    def compose(text: str, sensitive: bool) -> str:
        return compose_for(schedule, text=text, url=URL, campaign="c", sensitive=sensitive, network=network)

    fits = rules.fitter(compose)

    @settings(max_examples=60, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(pieces), min_size=1, max_size=60), st.booleans())
    def agrees(parts, sensitive):
        text = "".join(parts).strip() or "A."
        assert fits(text, sensitive) is rules.length(compose(text, sensitive)).fits

    agrees()


@pytest.mark.parametrize("network", ["x", "bluesky", "mastodon"])
def test_a_post_that_fits_with_the_crisis_footer_fits_without_it_on_each_network(schedule, network):
    """What split's fitting rests on (drafting._as_posted): it reads a tip's words for sensitivity only when a text
    fits without the footer and not with it."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from scheduler import networks

    pieces = ["Patience matters.", " Readiness is personal", "—", " café ", " 😀", " 漢字", " e.g. ", " 988",
              " #CouplesCounseling", " x" * 40, " example.com", " https://junocounseling.com/a-long/path", "\n"]

    def compose(text: str, sensitive: bool) -> str:
        return compose_for(schedule, text=text, url=URL, campaign="c", sensitive=sensitive, network=network)

    fits = networks.get(network).fitter(compose)

    @settings(max_examples=80, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(pieces), min_size=1, max_size=60))
    def holds(parts):
        text = "".join(parts).strip() or "A."
        assert not fits(text, True) or fits(text, False)

    holds()


def test_a_tips_words_are_read_for_sensitivity_only_when_the_footer_decides_whether_it_fits():
    asked = []

    def sensitive():
        asked.append(1)
        return True

    fits_posted = _as_posted(lambda text, flagged: len(text) + (10 if flagged else 0) <= 20, sensitive)
    assert fits_posted("short") and not fits_posted("x" * 25) and asked == []  # the footer decides nothing
    assert not fits_posted("x" * 15) and not fits_posted("y" * 15) and asked == [1]  # it does: asked once


@pytest.mark.parametrize("sentence, rewritten", [
    ("I keep a glass of water by my bed each night.", "Keep a glass of water by your bed each night."),
    ("When I feel flooded, I step outside for ten minutes.", "When you feel flooded, step outside for ten minutes."),
    ("I don't check email after 8 pm.", "Don’t check email after 8 pm."),
    ("I try to walk for twenty minutes every morning.", "Try to walk for twenty minutes every morning."),
    ("I believe therapy helps.", None),           # a belief, not a habit
    ("I went for a walk yesterday.", None),       # a story in the past
    ("I often tell clients to breathe.", None),   # the practice's work
    ("I love my clients.", None),
])
def test_the_authors_habit_becomes_advice_in_the_second_person(sentence, rewritten):
    assert habit_rewrite(sentence) == rewritten


def test_a_rewritten_habit_is_a_tip_with_a_note_and_not_ready():
    article = parse_text("Title\n\nI keep a glass of water by my bed each night. It makes mornings easier.\n",
                         source="x.txt", fallback_title="x")
    (tip,) = split_article(article)
    assert tip.headline == "Keep a glass of water by your bed each night."
    assert "rewritten from first person: “I keep a glass of water…”: check it keeps the author’s meaning" in tip.notes
    assert tip.ready is False


@pytest.mark.parametrize("sentence", ["These are worth watching for.", "Doing this takes practice.",
                                      "Some work better than others.", "During those times, you may notice tension.",
                                      "When this happens, pause."])
def test_openers_that_lean_on_what_came_before_need_context(sentence):
    assert opens_with_reference(sentence)


@pytest.mark.parametrize("heading, headline", [("TAKE a BREAK", "Take a break."),
                                               ("STAY CONNECTED TO FRIENDS", "Stay connected to friends."),
                                               ("Use the HALT check", "Use the HALT check.")])
def test_headings_in_odd_case_become_sentence_case(heading, headline):
    assert advice_heading(heading) == headline


def test_a_story_in_the_past_and_a_command_on_an_unnamed_it_are_not_tips():
    article = parse_text("Title\n\nSarah felt overwhelmed when her mother moved in. She stopped sleeping.\n\n"
                         "One evening, the couple sat in silence after dinner. Neither knew how to start.\n\n"
                         "Think of worry as a guest. Open it gently.\n\n"
                         "Small rituals matter. A ten-minute walk after dinner gives you both a place to talk.\n",
                         source="x.txt", fallback_title="x")
    headlines = [tip.headline for tip in split_article(article)]
    assert "Small rituals matter." in headlines
    assert not any(h.startswith(("Sarah", "One evening", "Open it")) for h in headlines), headlines


STORY_LED = """# The backpack we all carry

Maya sits in her car in the office parking lot, engine off, phone buzzing. She has ten minutes before the meeting.
Her chest feels tight and her thoughts race ahead to everything that could go wrong.

Tom and Lisa argue about the dishes again. They stop talking by nine.

## Setting the backpack down

You can't empty the backpack for good, but you can set it down for a few minutes each day. Try a short walk
without your phone, or five slow breaths before you open your inbox.
"""


def _split(tmp_path, name: str, text: str):
    """split's report on an article written to a file of this name."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return split_report(read_article(path))


def _reasons(report) -> list[str]:
    """Why each block of the article was left out ("" where it gave a tip)."""
    return [block["left_out"] or "" for block in report.blocks]


def _left_out_as(report, reason: str) -> bool:
    """Whether some block was left out for this reason (its reason starts so)."""
    return any(found.startswith(reason) for found in _reasons(report))


def test_a_scene_from_someones_day_told_in_the_present_is_a_story_not_a_tip(tmp_path):
    report = _split(tmp_path, "story-led.md", STORY_LED)
    assert [tip.headline for tip in report.tips] == [
        "You can't empty the backpack for good, but you can set it down for a few minutes each day."]
    assert [block["left_out"] for block in report.blocks][:2] == [
        "story (a scene from someone's day, with no advice in it)"] * 2


def test_a_paragraph_that_puts_the_reader_in_a_scene_is_a_setup_not_a_tip(tmp_path):
    """The reader in a scene ("Your child is standing at the school gate …") opens an article or a section; the advice
    comes after. Outside graders gave every tip of such a paragraph a C ("setup with no advice", "opening scenario")."""
    report = _split(tmp_path, "scene.md",
                    "# The school gate\n\nYour child is standing at the school gate, refusing to let go of your hand. "
                    "Other parents are walking past. The bell rings.\n\nYou're packing lunches at seven. You've "
                    "already answered three emails and the kettle is still cold.\n\nYour child is scared, and you can "
                    "help: name the feeling out loud before you name the plan.\n")
    assert [tip.text for tip in report.tips] == [
        "Your child is scared, and you can help: name the feeling out loud before you name the plan."]
    assert [block["left_out"] for block in report.blocks][:2] == [
        "setup (a scene in the reader's shoes, with no advice in it)"] * 2


@pytest.mark.parametrize(("sentence", "reason"), [
    ("If you're new to running, you've probably felt that first-week ache.", "setup"),
    ("If you're planning a move, you're likely already juggling too much.", "setup"),
    ("If you're feeling low, you are not alone.", None),  # a reassurance
    ("If you've slipped up, you can start again tomorrow.", None),  # advice
    ("If you're tired, rest before you decide.", None),
])
def test_a_guess_at_who_the_reader_is_opens_no_tip(sentence, reason):
    """"If you're a parent of a teenager, you've been here." set the scene and said nothing a follower can use: outside
    graders gave each such opener a C ("setup with no advice")."""
    assert edge_reason(sentence) == reason


@pytest.mark.parametrize("sentences", [
    ["Your feelings are valid."],  # one line: an affirmation, not a scene
    ["You're doing more than you know.", "You can rest tonight."],
    ["You hold the memory in mind while your eyes follow the light.", "I ask what you notice between sets."],
    ["Your experiences were real.", "Your struggles were real."],
    ["Your quiet habits and odd fears aren't flaws.", "They kept you safe when little else did."],  # a plural subject
    ["Your nervous system stays alert.", "Try a slow breath out when it does."],
])
def test_a_paragraph_that_advises_reassures_or_speaks_as_the_author_is_no_scene(sentences):
    assert not is_reader_scene(sentences)


@pytest.mark.parametrize("sentences", [
    ["Physical responses to trauma may also mean that a person needs help.", "Physical symptoms may include:"],
    ["Sarah sits in her car.", "She is late, and you can see why."],
    ["Mindfulness helps many people.", "They find it calming."],
])
def test_paragraphs_that_speak_to_the_reader_or_of_a_topic_are_no_scene(sentences):
    assert not is_vignette(sentences)


def test_a_line_that_cannot_stand_alone_is_left_out_with_its_reason_and_a_command_keeps_its_line(tmp_path):
    report = _split(tmp_path, "lines.md",
                    "# Helping an anxious child\n\nAnxious kids need calm adults around them.\n\n"
                    "## When fears grow\n\nThe good news is that anxiety is very treatable.\n\n"
                    "Approach the topic during a calm moment, not in the middle of conflict.\n")
    headlines = [tip.headline for tip in report.tips]
    assert "The good news is that anxiety is very treatable." not in headlines
    assert "When fears grow, approach the topic during a calm moment, not in the middle of conflict." in headlines
    assert _left_out_as(report, "cannot stand alone, one line with nothing to carry it (leans on what came before")


def test_someones_words_alone_in_the_first_person_are_left_out_and_a_quotation_with_its_point_stays(tmp_path):
    """A client's or a parent's words on a line of their own ("“I can't stop overthinking.”", then the article's
    story) were a tip of one quotation: outside graders gave every such tip a C ("client quote alone")."""
    report = _split(tmp_path, "voices.md",
                    "# Quiet worry\n\n“I can't stop overthinking.”\n\nThe woman across from me looks calm.\n\n"
                    "## What helps\n\n“I don't care anymore.” When a teen who used to care stops caring, take it as a "
                    "sign to check in gently.\n\n“The relationship matters more than the method.”\n")
    headlines = [tip.headline for tip in report.tips]
    assert "“I can't stop overthinking.”" not in headlines
    assert "“I don't care anymore.”" in headlines  # the sentence after it says what it shows
    assert "“The relationship matters more than the method.”" in headlines  # no one's own feeling: left to the rules
    assert _left_out_as(report, "cannot stand alone, one line with nothing to carry it (someone's words alone")


def test_a_portrait_of_someone_under_a_label_is_left_out_and_a_labelled_claim_stays(tmp_path):
    """Case examples under labels naming a kind of person ("**The Planner:** A student who …") were tips of the label
    and one person's sketch: outside graders gave each a C ("example alone: case vignette under a label")."""
    report = _split(tmp_path, "portraits.md",
                    "# When exams loom\n\nExam stress looks different in every student.\n\n**The Planner:** A Year 11 "
                    "student who colour-codes every revision timetable, then rewrites it when one day slips.\n\n"
                    "**The Night Owl:** Someone whose revision starts at midnight, long after the house is quiet.\n\n"
                    "**Sleep and memory:** A student who sleeps well tends to remember more of what they revised.\n")
    headlines = [tip.headline for tip in report.tips]
    assert not any(headline.startswith(("The planner", "The night owl")) for headline in headlines), headlines
    assert any("tends to remember" in tip.text for tip in report.tips), headlines  # a claim, not a portrait
    reasons = _reasons(report)
    assert reasons.count("an example alone: a portrait of someone under a label (“The Planner”), with no advice") == 1


def test_a_question_inside_a_quotation_is_not_carried_into_the_next_paragraph(tmp_path):
    """A script that ends with a question ("… Can we find other resources?") is someone speaking: the next
    paragraph's tip does not open with it (a development article gave 'Can we find other resources?" With
    yourself. …')."""
    path = tmp_path / "scripts.md"
    path.write_text('# Boundaries\n\n## In practice\n\n**With friends:** "I care about you, and I can\'t help right '
                    'now. Can we find other resources?"\n\n**With yourself:** "I\'m going to bed at 10pm even if I '
                    'haven\'t finished everything."\n', encoding="utf-8")
    texts = [tip.text for tip in split_report(read_article(path)).tips]
    assert not any(text.startswith("Can we find other resources") for text in texts), texts


def test_a_line_of_two_words_with_nothing_after_it_is_left_out_with_its_reason(tmp_path):
    """"At work." alone (its script lost) was a C for every outside grader: nothing could carry it."""
    report = _split(tmp_path, "two-words.md",
                    "# Boundaries\n\n## In practice\n\nAt work.\n\nSay no to a meeting that has no agenda, and "
                    "offer a short written update instead.\n")
    assert "At work." not in [tip.headline for tip in report.tips]
    assert _left_out_as(report, "cannot stand alone, one line with nothing to carry it (a headline of two words")


@pytest.mark.parametrize(("written", "posted"), [
    ('"Anxiety is not a character flaw, and it is not something to overcome alone.',
     "Anxiety is not a character flaw, and it is not something to overcome alone."),
    ('You deserve to live without fear running the show."', "You deserve to live without fear running the show."),
    ("“Rest is part of the work.", "Rest is part of the work."),
    ('Say "no" to one thing this week.', 'Say "no" to one thing this week.'),
    ("Try saying: “I need a minute.”", "Try saying: “I need a minute.”"),
])
def test_a_quotation_mark_that_opens_or_closes_nothing_in_the_tip_goes(written, posted):
    """Outside graders edited every tip that kept half of a quotation the sentence cut ("drop the stray closing
    quote mark")."""
    from scheduler.tips.drafting import without_stray_quote

    assert without_stray_quote(written) == posted


@pytest.mark.parametrize("sentence, refers", [
    ("Not perfectly.", True), ("Not a quick fix, and not a checklist.", True),
    ("Not because you're doing anything wrong.", True), ("Others stay in therapy for years.", True),
    ("Few talk about the cost of a sleepless week.", True), ("Some cite money as their first worry.", True),
    ("Don't give up, though!", True), ("Perhaps you grew up in a loud house.", True),
    ("Perhaps the hardest part is the waiting.", False),
    ("Not everyone needs a therapist to feel better.", False),
    ("Some people feel better after a walk.", False), ("Many parents worry about screens.", False),
    ("Most couples argue about chores.", False), ("Rest is not a reward, though it can feel like one.", False),
])
def test_fragments_and_quantifiers_that_answer_the_sentence_before_need_context(sentence, refers):
    assert opens_with_reference(sentence) is refers


@pytest.mark.parametrize("sentence, leans", [
    ("Nobody will notice you doing it, but you will feel calmer.", True), ("You've tried them.", True),
    ("Write the worry down and then put it away.", False), ("Keep doing it mindfully.", False),
    ("Take your time with each one.", True), ("Add one or two to your morning.", True), ("Every parent says this.", True),
    ("Each one of us grieves differently.", False), ("Pick one or two friends to call this week.", False),
])
def test_a_pronoun_object_at_a_clause_end_leans_on_the_sentence_before(sentence, leans):
    assert bool(dangling_references(sentence)) is leans


def test_a_sentence_that_answers_the_one_before_opens_no_tip():
    article = parse_text(
        "Title\n\nSome people recover from a stressful month within a few weeks, once their sleep settles again and "
        "their days regain an ordinary shape. Others stay tired for months. Not forever. Pace yourself, though!\n\n"
        "Press your feet into the floor and notice the ground under you while you breathe out slowly for six counts. "
        "Nobody will know you're doing it, but your body will.\n",
        source="x.txt", fallback_title="x")
    tips = split_article(article)
    assert not any(tip.headline.startswith(("Others", "Not forever", "Pace yourself", "Nobody")) for tip in tips)


POINTERS = """# Sleep when you are anxious

## Before bed

Put your phone in another room an hour before bed. See the Resources page for more.

Visit our blog section for more ideas.

## During the night

If you wake up worried, write the worry down and tell yourself you will look at it in the morning.
"""


def test_a_pointer_to_another_page_of_the_site_is_never_a_tip(tmp_path):
    """'See the Resources page for more.' was posted alone three times on one practice's articles (an outside
    labeller, C: it points to a page the follower cannot see and says nothing they can use); the advice beside it
    stays."""
    report = _split(tmp_path, "pointers.md", POINTERS)
    texts = [tip.headline + " " + tip.text for tip in report.tips]
    assert not [text for text in texts if "Resources page" in text or "blog section" in text]
    assert any("phone in another room" in text for text in texts)
    assert any("write the worry down" in text for text in texts)


FAQ_REPLY = """# Anxiety at work

## Won't slowing down hurt my performance?

Usually the opposite. Anxiety-driven output comes at a cost to sleep, health, and creativity; easing the pressure tends to make good work more sustainable.
"""


def test_a_reply_to_a_question_heading_never_opens_a_tip(tmp_path):
    """'Usually the opposite.' answered an FAQ heading the card does not carry (an outside labeller, C: leans on
    context); the tip opens on the answer's own claim instead."""
    report = _split(tmp_path, "faq-reply.md", FAQ_REPLY)
    [tip] = report.tips
    assert tip.headline == "Anxiety-driven output comes at a cost to sleep, health, and creativity."
    assert "opposite" not in tip.text
