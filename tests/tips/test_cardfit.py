"""split hands the manager only headlines its cards can draw: judged by the cards' own typesetting, with room for a
kicker, or the tip is held with a note that names the card and what to do."""

from __future__ import annotations

import json
import shutil

from scheduler.cards.brand import load_brand
from scheduler.cards.render import SIZES, check_card
from scheduler.errors import ContentError
from tests.conftest import BUNDLED_TIPS, REPO

ARTICLE = REPO / "tests" / "data" / "cardfit" / "long-dash-words.txt"
BUNDLED = "what-to-do-when-one-partner-wants-counseling"


def drawn_on_every_card(headline: str, brand) -> bool:
    try:
        for size in SIZES:
            check_card(headline, brand, size, "A section name as the kicker")
    except ContentError:
        return False
    return True


def test_a_sentence_no_card_can_draw_gives_a_held_tip_that_names_the_card(project, cli):
    shutil.copy(ARTICLE, project / "posts" / "articles" / ARTICLE.name)
    result = cli("split", "--json", f"posts/articles/{ARTICLE.name}", cwd=project)
    assert result.code == 0, result
    tips = json.loads(result.out)["tips"]
    brand = load_brand(project, "junocounseling")
    for tip in tips:
        fits = drawn_on_every_card(tip["headline"], brand)
        held = not tip["ready"] and any(note.startswith("the headline does not fit the x card") for note in tip["notes"])
        assert fits != held, tip
    wind_down = next(tip for tip in tips if "wind-down-and-switch-off" in tip["headline"])
    assert not wind_down["ready"]
    assert ("the headline does not fit the x card at a legible size: “wind-down-and-switch-off-the-screens-an-hour-"
            "before-bed” is wider than the card; break it with a space, or shorten the headline") in wind_down["notes"]
    assert any(drawn_on_every_card(tip["headline"], brand) and len(tip["headline"]) > 100 for tip in tips)


def test_cards_draws_every_tip_of_the_bundled_campaign_kicker_or_not(project, cli):
    campaign = project / "posts" / f"{BUNDLED}.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("status: draft", "status: approved"),
                        encoding="utf-8")
    for kicker in ("none", "section"):
        brand_file = project / "assets" / "brand.yaml"
        brand_file.write_text(brand_file.read_text(encoding="utf-8").replace(
            "kicker: none ", f"kicker: {kicker} ").replace("kicker: section ", f"kicker: {kicker} "), encoding="utf-8")
        result = cli("cards", "--size", "all", "--json", BUNDLED, cwd=project)
        assert result.code == 0, result
        report = json.loads(result.out)
        assert not report.get("refused") and len(report["cards"]) == BUNDLED_TIPS * len(SIZES)


def test_the_bundled_tip_keeps_its_condition_on_a_card_it_fits(project):
    text = (project / "posts" / f"{BUNDLED}.yaml").read_text(encoding="utf-8")
    assert ('headline: "You might share educational resources without insisting your partner engage immediately."'
            in text)
