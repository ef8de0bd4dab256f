"""assets/brand.yaml: the bundled brand loads, and every mistake is one located line saying what to do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scheduler.cards.brand import LEGIBLE_HEADLINE, load_brand
from scheduler.cards.contrast import contrast_ratio
from scheduler.errors import ConfigError


def edit_brand(project: Path, old: str, new: str) -> None:
    path = project / "assets" / "brand.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the bundled brand.yaml no longer has {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, needle: str) -> int:
    lines = (project / "assets" / "brand.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def failure(project: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_brand(project, "junocounseling")
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_the_bundled_brand_loads_with_the_schedule_handle(project):
    brand = load_brand(project, "junocounseling")
    assert brand.handle == "junocounseling"
    assert brand.headline_font.name == "Vollkorn-Medium.ttf"
    assert brand.fallback and all(path.is_file() for path in brand.fallback)
    assert brand.logo is not None and brand.logo.is_file()
    assert brand.headline_min >= LEGIBLE_HEADLINE
    for colour in (brand.text, brand.small_text):
        assert min(contrast_ratio(colour, c) for c in brand.background.colours()) >= 4.5


def test_every_bundled_font_has_its_licence_beside_it():
    fonts = Path(__file__).resolve().parents[2] / "assets" / "fonts"
    for font in fonts.glob("*.ttf"):
        family = font.stem.split("-")[0].replace("Sans", "")
        assert (fonts / f"{family}-LICENSE.txt").is_file(), f"no licence for {font.name}"


def test_a_handle_in_the_brand_wins_over_the_schedule(project):
    edit_brand(project, "# handle: junocounseling", "handle: '@junoclinic'")
    assert load_brand(project, "junocounseling").handle == "junoclinic"


def test_a_word_that_is_not_a_colour_names_the_line(project):
    edit_brand(project, 'text: "#1F3B3E"', 'text: "tealish"')
    message = failure(project)
    assert message.startswith(f"assets/brand.yaml:{line_of(project, 'tealish')}:")
    assert "colors.text: 'tealish' is not a colour" in message and "#RRGGBB" in message


def test_an_unquoted_hex_colour_explains_the_yaml_comment(project):
    edit_brand(project, 'text: "#1F3B3E"', "text: #1F3B3E")
    assert "quotes" in failure(project) and "comment" in failure(project)


def test_an_unknown_key_suggests_the_right_one(project):
    edit_brand(project, "colors:", "colours:")
    message = failure(project)
    assert message.startswith(f"assets/brand.yaml:{line_of(project, 'colours:')}:1: colours: unknown key")
    assert "did you mean 'colors'?" in message


def test_a_missing_font_file_names_it_and_suggests_the_bundled_one(project):
    edit_brand(project, "fonts/Vollkorn-Medium.ttf", "fonts/Vollkorn-Mediun.ttf")
    message = failure(project)
    assert f"brand.yaml:{line_of(project, 'Mediun')}:" in message
    assert "assets/fonts/Vollkorn-Mediun.ttf not found" in message
    assert "did you mean 'Vollkorn-Medium.ttf'?" in message


def test_a_file_that_is_not_a_font_is_refused(project):
    (project / "assets" / "fonts" / "Broken.ttf").write_bytes(b"this is not a font at all" * 20)
    edit_brand(project, "fonts/Lato-Regular.ttf", "fonts/Broken.ttf")
    message = failure(project)
    assert "fonts.small: assets/fonts/Broken.ttf cannot be used" in message
    assert "replace it with a .ttf or .otf file" in message


def test_a_corrupt_logo_is_refused(project):
    logo = project / "assets" / "logo.png"
    logo.write_bytes(logo.read_bytes()[:300])  # a download cut short
    message = failure(project)
    assert f"brand.yaml:{line_of(project, 'logo: logo.png')}:" in message
    assert "assets/logo.png: not a readable image" in message and "remove the logo: line" in message


def test_a_missing_logo_is_refused(project):
    (project / "assets" / "logo.png").unlink()
    assert "assets/logo.png not found" in failure(project)


def test_a_low_contrast_brand_gives_the_measured_ratio(project):
    edit_brand(project, 'small_text: "#4E5F60"', 'small_text: "#A8A29A"')
    message = failure(project)
    assert f"brand.yaml:{line_of(project, 'small_text:')}:" in message
    ratio = float(re.search(r"reaches only ([\d.]+):1", message).group(1))
    assert 1.0 < ratio < 4.5
    assert "#ECE3D6" in message  # the darker end of the gradient is the worst pixel for a light grey
    assert "at least 4.5:1" in message


def test_text_on_a_dark_gradient_end_fails_even_if_the_light_end_is_fine(project):
    edit_brand(project, 'to: "#ECE3D6"', 'to: "#2A2A2A"')
    message = failure(project)
    assert "colors.text: #1F3B3E reaches only 1.0" in message  # against the gradient's darker pixels


def test_a_headline_minimum_below_legibility_is_refused(project):
    edit_brand(project, "{min: 0.047,", "{min: 0.03,")
    message = failure(project)
    assert "headline_size.min: 0.03 is below the legible minimum 0.047" in message


def test_a_bad_gradient_direction_suggests_one(project):
    edit_brand(project, "direction: vertical", "direction: verticl")
    assert "did you mean 'vertical'?" in failure(project)


def test_a_missing_brand_file_says_what_to_do(project):
    (project / "assets" / "brand.yaml").unlink()
    assert "assets/brand.yaml: file not found" in failure(project)


def test_the_cards_command_reports_a_broken_brand_in_one_line_and_writes_nothing(project, cli):
    write_campaign(project)
    edit_brand(project, 'text: "#1F3B3E"', 'text: "#F0F0F0"')
    result = cli("cards", cwd=project)
    assert result.code == 2, result
    assert result.err.startswith("error: assets/brand.yaml:") and result.err.count("\n") == 1
    assert "reaches only" in result.err
    assert not (project / ".juno" / "cards").exists()


def test_without_raqm_cards_are_refused_clearly(project, cli_process, tmp_path):
    """Pillow loads FriBiDi at run time; a broken one turns raqm off, as on a machine without it."""
    fake = tmp_path / "nofribidi"
    fake.mkdir()
    (fake / "libfribidi.so.0").write_bytes(b"not a shared library")
    write_campaign(project)
    result = cli_process("cards", cwd=project, env={"LD_LIBRARY_PATH": str(fake)})
    assert result.code == 2, result
    assert "raqm" in result.err and "apt-get install libfribidi0" in result.err
    assert not (project / ".juno" / "cards").exists()


def write_campaign(project: Path) -> Path:
    path = project / "posts" / "seed.yaml"
    path.write_text(
        "article: {title: Seed, source: articles/what-to-do-when-one-partner-wants-counseling.txt}\n"
        "tips:\n"
        "  - id: patience-matters\n"
        "    headline: Patience matters.\n"
        "    text: Patience matters.\n"
        "    status: approved\n", encoding="utf-8")
    return path
