"""A campaign's article stays inside the project (user trial: article.source "../../../../tmp/secret.txt" passed
check and the studio showed that file)."""

from __future__ import annotations

import pytest

from tests.studio.helpers import SLUG, Studio

CAMPAIGN = f"posts/{SLUG}.yaml"
SOURCE = f'  source: "articles/{SLUG}.txt"'


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Top secret words nobody may see.\n\nThe password is hunter2.\n", encoding="utf-8")
    return path


def _source(project, source: str) -> None:
    path = project / CAMPAIGN
    text = path.read_text(encoding="utf-8")
    assert SOURCE in text
    path.write_text(text.replace(SOURCE, f'  source: "{source}"'), encoding="utf-8")


@pytest.mark.parametrize("how", ["climbing", "absolute", "symlink"])
def test_a_source_outside_the_project_is_refused_and_never_shown(cli, project, secret, how):
    if how == "symlink":
        (project / "posts" / "articles" / "link.txt").symlink_to(secret)
        source = "articles/link.txt"
    else:
        source = str(secret) if how == "absolute" else "../" * 12 + str(secret).lstrip("/")
    _source(project, source)
    result = cli("check", cwd=project)
    assert result.code == 2, result
    line = next(line for line in result.out.splitlines() if "article.source" in line)
    assert f"{CAMPAIGN}:" in line and "leads outside the project" in line and "posts/articles/" in line, line
    page = Studio(project).sign_in().get(f"/c/{SLUG}").text
    assert "hunter2" not in page and "Top secret" not in page


def test_split_refuses_an_article_outside_the_project_and_writes_nothing(cli, project, secret):
    before = sorted(p.name for p in (project / "posts").iterdir())
    result = cli("split", str(secret), cwd=project)
    assert result.code == 2, result
    assert result.err.startswith(f"error: {secret}: the article is outside the project") and "cp " in result.err
    assert len(result.err.splitlines()) == 1
    assert sorted(p.name for p in (project / "posts").iterdir()) == before
    assert not (project / ".juno" / "split" / "secret.json").exists()
