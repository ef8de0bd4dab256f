"""The three readers give one Article shape, with none of the page's furniture or markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scheduler.articles import read_article
from scheduler.errors import ContentError

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "tests" / "data" / "articles"
SEED = REPO / "posts" / "articles" / "what-to-do-when-one-partner-wants-counseling.txt"


def all_text(article) -> str:
    parts = [article.title] + [s.heading or "" for s in article.sections]
    for _, block in article.blocks():
        parts.append(block.text)
        stack = list(block.items)
        while stack:
            item = stack.pop()
            parts.append(item.full)
            stack.extend(item.children)
    return "\n".join(parts)


def test_plain_text_headings_bullets_and_lead_ins():
    article = read_article(SEED, REPO)
    assert article.title == "What to Do When One Partner Wants Counseling and the Other Doesn’t"
    assert article.source == "articles/what-to-do-when-one-partner-wants-counseling.txt"
    headings = [s.heading for s in article.sections]
    assert headings[:4] == [None, "Understanding Hesitation Around Counseling", "Common Reasons a Partner May Resist",
                            "What Resistance Is (and Isn’t)"]
    assert "January 28, 2026" not in headings
    blocks = {b.number: b for _, b in article.blocks()}
    assert blocks[7].text.startswith("Resistance isn’t necessarily indifference.")
    reasons = blocks[5]
    assert reasons.kind == "list" and len(reasons.items) == 7
    assert reasons.items[0].text == "Fear of being blamed, judged, or “ganged up on”"
    examples = next(b for _, b in article.blocks() if b.kind == "list" and b.lead_in)
    assert examples.lead_in == "For example:" and examples.items[1].text.startswith("“I care about us")


def test_prose_without_headings_is_one_section_of_paragraphs():
    article = read_article(ARTICLES / "after-the-argument.txt")
    assert article.title == "After the Argument Is Over"
    assert [s.heading for s in article.sections] == [None]
    assert all(b.kind == "paragraph" for _, b in article.blocks())
    assert len(list(article.blocks())) == 13


def test_markdown_front_matter_nested_bullets_and_inline_html():
    article = read_article(ARTICLES / "grief-and-marriage.md")
    assert article.title == "When Grief Changes a Marriage"
    assert article.url == "https://harborlight.example/blog/grief-and-marriage"
    text = all_text(article)
    assert "tags:" not in text and "2026-02-14" not in text and "<em>" not in text and "<div" not in text
    styles = next(b for _, b in article.blocks() if b.kind == "list")
    assert styles.lead_in == "Some common grieving styles include:"
    assert [i.text for i in styles.items] == ["Talking it through", "Staying active", "Seeking quiet"]
    assert [c.text for c in styles.items[0].children] == ["Sharing memories out loud", "Looking at photos together"]
    assert "It is a different path through the same loss." in text
    assert "Grief has no deadline." in text


def test_markdown_numbered_list_keeps_bold_lead_ins():
    article = read_article(ARTICLES / "five-repair-habits.md")
    habits = next(b for _, b in article.blocks() if b.kind == "list")
    assert habits.ordered and habits.items[0].lead == "Take a real break."
    assert habits.items[0].text.startswith("When your heart is racing")
    assert "**" not in all_text(article)


def test_html_page_drops_navigation_sidebar_footer_images_and_share_buttons():
    article = read_article(ARTICLES / "boundaries-with-family.html")
    assert article.title == "Setting Boundaries with Family During the Holidays"
    assert article.url == "https://harborlight.example/blog/boundaries-with-family"
    text = all_text(article)
    for furniture in ("Home", "Recent posts", "Subscribe", "All rights reserved", "Share on", "555-0142",
                      "A family sitting around a holiday table", "Photo by", "logo"):
        assert furniture not in text, furniture
    assert "Decide together before you arrive" in [s.heading for s in article.sections]
    assert "each other’s families" in text and "&rsquo;" not in text
    pressure = next(b for _, b in article.blocks() if b.kind == "list")
    assert pressure.lead_in == "Boundaries are often tested in predictable places:" and len(pressure.items) == 3


def test_html_fragment_keeps_headings_lists_and_drops_alt_text():
    article = read_article(ARTICLES / "apology-fragment.html")
    assert [s.heading for s in article.sections] == ["What makes an apology work", "What to leave out"]
    text = all_text(article)
    assert "Two hands reaching" not in text and "&ldquo;" not in text and "“but.”" in text
    assert sum(1 for _, b in article.blocks() if b.kind == "list") == 1


@pytest.mark.parametrize("name, content, message", [
    ("a.pdf", b"%PDF", r"a\.pdf: unknown kind of article '\.pdf'; give a \.txt, \.md or \.html file"),
    ("a.txt", b"Title\n\nCaf\xe9 au lait.\n", r"a\.txt:3: not UTF-8 text; save the article as UTF-8"),
    ("a.md", b"   \n\n", r"a\.md: no article text found"),
    ("a.html", b"<html><body><nav>Home</nav></body></html>", r"a\.html: no article text found"),
])
def test_bad_articles_are_one_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ContentError, match=message):
        read_article(path, tmp_path)


def test_reading_is_deterministic():
    for path in sorted(p for p in ARTICLES.rglob("*") if p.suffix in (".txt", ".md", ".html")
                       and p.name != "SOURCES.md"):
        assert read_article(path) == read_article(path)


def test_crlf_and_entities_in_plain_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Title Here\r\n\r\nTips &amp; tricks help.\u200b Second line\r\nwraps here.\r\n".encode())
    article = read_article(path)
    (block,) = [b for _, b in article.blocks()]
    assert article.title == "Title Here" and block.text == "Tips & tricks help. Second line wraps here."
    assert not re.search(r"[\r\u200b]", block.text)


def test_direction_overrides_and_nul_inside_a_word_are_dropped(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Title Here\n\nWhen your partner speaks, lis\x00ten first. Reply \u202ewith care\u202c and "
                     "\u2067ask\u2069 one\u200f question.\n".encode())
    (block,) = [b for _, b in read_article(path).blocks()]
    assert block.text == "When your partner speaks, listen first. Reply with care and ask one question."


def test_hard_wrapped_text_with_numbered_headings():
    article = read_article(ARTICLES / "four-habits-wrapped.txt")
    assert [s.heading for s in article.sections] == [None, "Criticism", "Contempt", "Defensiveness", "Stonewalling"]
    first = next(b for s, b in article.blocks() if s.heading == "Criticism")
    assert first.text.startswith("Criticism attacks the person rather than the behavior. Compare \"you never think")


def test_bullets_separated_by_blank_lines_are_one_list(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nSigns include:\n\n• Pulling away\n\n• Short answers\n\n• Less laughter\n\nThe end.\n")
    article = read_article(path)
    lists = [b for _, b in article.blocks() if b.kind == "list"]
    assert len(lists) == 1 and [i.text for i in lists[0].items] == ["Pulling away", "Short answers", "Less laughter"]
    assert lists[0].lead_in == "Signs include:"


@pytest.mark.parametrize("top", [
    "**Source:** MEDLINEPLUS  \n**URL:** https://medlineplus.gov/stress.html",
    "URL: https://medlineplus.gov/stress.html",
    "Originally published at <https://medlineplus.gov/stress.html>.",
])
def test_a_saved_page_that_names_its_own_address_at_the_top_gives_the_articles_url(tmp_path, top):
    """A user trial: split said "the article gives no address: set article.url" for a page saved with
    "**URL:** https://…" under its title, so no post linked to it."""
    path = tmp_path / "stress.md"
    path.write_text(f"# Stress\n\n{top}\n\nStress is how your body responds to a demand. Take breaks.\n",
                    encoding="utf-8")
    assert read_article(path).url == "https://medlineplus.gov/stress.html"


def test_an_address_inside_the_articles_words_is_not_taken_for_its_own():
    text = ("# Stress\n\nStress is how your body responds to a demand.\n\nRead more at https://example.org/more "
            "when you have time to sit with it and make a plan for the week ahead.\n")
    from scheduler.articles.markdown import parse_markdown

    assert parse_markdown(text, source="x.md", fallback_title="x").url is None
