"""split refuses before it writes: a refused split leaves no campaign and no block report behind."""

from __future__ import annotations

SLUG = "what-to-do-when-one-partner-wants-counseling"


def test_a_split_refused_for_a_missing_brand_writes_nothing(project, cli):
    """A user trial on a fresh folder (posts/ copied, assets/ not): split said `error: assets/brand.yaml: file
    not found` and exit 2, yet had written posts/<slug>.yaml and .juno/split/<slug>.json."""
    (project / "posts" / f"{SLUG}.yaml").unlink()
    (project / "assets" / "brand.yaml").unlink()
    result = cli("split", f"posts/articles/{SLUG}.txt", cwd=project)
    assert result.code == 2 and result.err.startswith("error: assets/brand.yaml: file not found;"), result
    assert not (project / "posts" / f"{SLUG}.yaml").exists()
    assert not (project / ".juno" / "split").exists()


def test_paragraphs_in_another_script_are_left_out_as_not_english(project, cli):
    # a user trial: Japanese and Arabic paragraphs were left out as "fragment", a Cyrillic one as "duplicate of
    # another tip"; the manager should read that split reads English and the tip must be written by hand
    import json

    (project / "posts" / "articles" / "mixed.md").write_text(
        "# Rest\n\nTake a short walk after lunch; it clears the head for the afternoon.\n\n"
        "ストレスを感じたときは、深呼吸をして、少し休憩を取りましょう。\n\n"
        "عندما تشعر بالتوتر، خذ نفسًا عميقًا واسترح قليلاً.\n\n"
        "Если вы чувствуете стресс, сделайте глубокий вдох и немного отдохните.\n", encoding="utf-8")
    result = cli("split", "--json", "posts/articles/mixed.md", cwd=project)
    assert result.code == 0, result
    why = {block["locator"]: block["left_out"] for block in json.loads(result.out)["blocks"]}
    assert why["b1"] is None
    assert {why["b2"], why["b3"], why["b4"]} == {"not in English (split reads English; write the tip by hand)"}, why


def test_an_article_past_the_length_split_takes_is_refused_at_once_in_one_line(project, cli):
    # a user trial: a 6 MB article took a minute with no word of progress, and was taken for a hang; past
    # 300,000 characters of text split refuses (file, length, limit, what to do), exit 2, nothing written
    paragraph = "Take a short walk after lunch; it clears the head for the afternoon and helps you sleep.\n\n"
    (project / "posts" / "articles" / "long.md").write_text("# Walks\n\n" + paragraph * 3_400, encoding="utf-8")
    result = cli("split", "posts/articles/long.md", cwd=project)
    assert result.code == 2, result
    assert result.err == ("error: posts/articles/long.md: 306,009 characters of text, over split's limit of 300,000 "
                          "for one article (about 45,000 words; a blog article has a few thousand); cut it into "
                          "several articles, one file each, and split each\n"), result.err
    assert not (project / "posts" / "long.yaml").exists() and not (project / ".juno" / "split").exists()
    # the same words as an HTML page: its markup is not counted, the text the reader finds is
    page = "<html><body><h1>Walks</h1>" + "<p>Take a short walk after lunch; it clears the head.</p>" * 6_200
    (project / "posts" / "articles" / "page.html").write_text(page + "</body></html>", encoding="utf-8")
    refused = cli("split", "posts/articles/page.html", cwd=project)
    assert refused.code == 2 and "characters of text, over split's limit of 300,000" in refused.err, refused
    assert not (project / "posts" / "page.yaml").exists()
