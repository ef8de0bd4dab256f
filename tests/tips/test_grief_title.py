"""A death told only as "the loss" or "losing them" in an article about grief (issue 19, item 3: an outside reading
found such tips without their crisis footer): the article's title is context for those words, never a flag by itself."""

from __future__ import annotations

import json

import pytest

from scheduler.tips.flags import flag_words

ARTICLE = """# {title}

## Small steps for the weeks ahead

Since the loss, let one friend take charge of the meals each week so you can rest.

Plan the first holidays with the people who knew them best, because losing them changes every one.

Keep a regular bedtime and a short walk each morning to steady the days.
"""


def split_tips(project, cli, title: str) -> dict[str, dict]:
    (project / "posts" / "articles" / "weeks-ahead.md").write_text(ARTICLE.format(title=title), encoding="utf-8")
    result = cli("split", "--json", "posts/articles/weeks-ahead.md", cwd=project)
    assert result.code == 0, result
    return {tip["id"]: tip for tip in json.loads(result.out)["tips"]}


def test_a_loss_in_an_article_about_grief_is_flagged_by_its_own_words(project, cli):
    tips = split_tips(project, cli, "The First Year of Grief")
    meals, holidays, bedtime = tips.values()
    assert meals["review_why"] == {"sensitive": "“the loss” in the text"}
    assert holidays["review_why"] == {"sensitive": "“losing them” in the text"}
    assert "sensitive" not in bedtime["review"]  # the title flags nothing by itself


def test_the_same_words_under_another_title_raise_nothing(project, cli):
    tips = split_tips(project, cli, "Planning a Calmer Winter")
    assert not any("sensitive" in tip["review"] for tip in tips.values())


@pytest.mark.parametrize(("title", "text", "flagged"), [
    ("Life after loss", "Since the loss, small errands can feel enormous.", True),
    ("When a parent dies", "Missing them every day is part of loving them.", True),
    ("Supporting a grieving friend", "Ask how they are doing now that she's really gone.", True),
    ("Bereavement in the workplace", "Mark the anniversary with a day off if you can.", True),
    ("Life after loss", "A loss of appetite is common; eat small meals often.", False),
    ("Coping with grief", "A loss at the weekend match is a good time to teach kids to lose well.", False),
    ("Weight loss and your mood", "Those extra pounds? Losing them slowly is kinder to your mood.", False),
    ("Helping your team through change", "Losing them to another department is a chance to reset roles.", False),
])
def test_words_of_a_death_count_only_under_a_title_about_grief_and_never_for_a_loss_of_a_thing(title, text, flagged):
    assert ("sensitive" in flag_words(text, title=title)) == flagged, (title, text)
