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
