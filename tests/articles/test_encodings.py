"""An article saved as UTF-16 without a byte order mark (a user trial: read as UTF-8 with its NULs dropped, the
tips garbled, no word said) is read as UTF-16; a file of NULs that is not UTF-16 is refused in one line."""

from __future__ import annotations

import json

import pytest

from scheduler.articles import read_article

TEXT = ("Listening First\n\nWhen your partner speaks, listen first. Reply with care and ask one question.\n\n"
        "Small steps count. A short walk together after dinner can open a talk that a sit-down would close.\n")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_utf16(tmp_path, codec):
    (tmp_path / "plain.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "wide.txt").write_bytes(TEXT.replace("care", "care — and warmth").encode(codec))
    wide, plain = read_article(tmp_path / "wide.txt", tmp_path), read_article(tmp_path / "plain.txt", tmp_path)
    assert wide.title == plain.title == "Listening First"
    assert [block.text for _, block in wide.blocks()] == [
        block.text.replace("care", "care — and warmth") for _, block in plain.blocks()]


def test_split_reads_a_utf16_article_without_a_mark_into_the_same_tips(project, cli):
    articles = project / "posts" / "articles"
    (articles / "plain.txt").write_text(TEXT, encoding="utf-8")
    (articles / "wide.txt").write_bytes(TEXT.encode("utf-16-le"))
    tips = []
    for name in ("plain", "wide"):
        result = cli("split", f"posts/articles/{name}.txt", "--json", cwd=project)
        assert result.code == 0 and result.err == "", result
        tips.append([(tip["headline"], tip["text"]) for tip in json.loads(result.out)["tips"]])
    assert tips[0] == tips[1] and tips[0]


def test_a_file_of_nuls_that_is_not_utf16_is_refused_in_one_line(project, cli):
    (project / "posts" / "articles" / "wider.txt").write_bytes(TEXT.encode("utf-32-le"))
    result = cli("split", "posts/articles/wider.txt", cwd=project)
    assert result.code == 2 and not (project / "posts" / "wider.yaml").exists()
    nuls = len(TEXT.encode("utf-32-le")) * 3 // 4
    assert result.err.strip().splitlines() == [(
        f"error: posts/articles/wider.txt: {nuls:,} NUL bytes: not UTF-8 text "
        "(UTF-16 or UTF-32 saved without a byte order mark?); save the article as UTF-8")]


def test_a_stray_nul_is_still_dropped_with_the_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.replace("listen first", "listen\x00 first").encode("utf-8"))
    assert "listen first" in next(block.text for _, block in read_article(path, tmp_path).blocks())
