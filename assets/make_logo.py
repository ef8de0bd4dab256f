"""Draws assets/logo.png: a "J" for Juno in the headline font, cream on a deep teal circle.

Run it from the project folder (`.venv/bin/python assets/make_logo.py`); the output is the same
every time. Drawn four times larger and scaled down, so the edge of the circle is smooth.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
SIZE, SCALE = 512, 4
TEAL, CREAM = (47, 93, 98, 255), (247, 242, 234, 255)


def draw_logo() -> Image.Image:
    big = SIZE * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, big - 1, big - 1), fill=TEAL)
    ring = int(big * 0.06)
    draw.ellipse((ring, ring, big - 1 - ring, big - 1 - ring), outline=CREAM, width=int(big * 0.012))
    font = ImageFont.truetype(str(HERE / "fonts" / "Vollkorn-Medium.ttf"), int(big * 0.62))
    left, top, right, bottom = draw.textbbox((0, 0), "J", font=font)
    draw.text(((big - (right - left)) / 2 - left, (big - (bottom - top)) / 2 - top), "J", font=font, fill=CREAM)
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    draw_logo().save(HERE / "logo.png", optimize=True)
