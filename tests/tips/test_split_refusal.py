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
