"""A contact sheet: many cards on one PNG, each at the width a phone shows it, labelled by file name."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, PngImagePlugin

from scheduler.cards import fonts
from scheduler.errors import ContentError
from scheduler.fileio import write_atomic
from scheduler.images import open_image
from scheduler.outputs import SHEET_MARK, checked_output

THUMB_WIDTH = 400  # about how wide a phone shows a card
GAP = 24
LABEL = 18
PAPER = (232, 230, 226)
INK = (60, 60, 60)


def make_sheet(paths: list[Path], out: Path, *, label_font: Path | None = None, columns: int | None = None) -> Path:
    if not paths:
        raise ContentError("no cards to put on a contact sheet; render some first with `juno-scheduler cards`")
    out = checked_output(out, flag="--sheet", suffixes=(".png",), mark=SHEET_MARK, what="a contact sheet")
    thumbs = [_thumbnail(path) for path in paths]
    columns = columns or min(4, len(thumbs))
    font = fonts.load(label_font, LABEL) if label_font else None
    label_height = LABEL + 10 if font else 0
    rows = [thumbs[i:i + columns] for i in range(0, len(thumbs), columns)]
    heights = [max(t.height for t in row) + label_height for row in rows]
    width = GAP + columns * (THUMB_WIDTH + GAP)
    sheet = Image.new("RGB", (width, GAP + sum(h + GAP for h in heights)), PAPER)
    draw = ImageDraw.Draw(sheet)
    y = GAP
    for row_index, row in enumerate(rows):
        for column, thumb in enumerate(row):
            x = GAP + column * (THUMB_WIDTH + GAP)
            sheet.paste(thumb, (x, y))
            if font:
                name = _fitted(paths[row_index * columns + column].name, font)
                draw.text((x, y + thumb.height + 6), name, font=font, fill=INK, anchor="lt", features=fonts.FEATURES)
        y += heights[row_index] + GAP
    buffer = io.BytesIO()
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", SHEET_MARK.decode())
    sheet.save(buffer, "PNG", compress_level=6, pnginfo=info)
    return write_atomic(out, buffer.getvalue())


def _fitted(name: str, font) -> str:
    """The file name, shortened in the middle to fit under its thumbnail (the size stays readable)."""
    if font.getlength(name, features=fonts.FEATURES) <= THUMB_WIDTH:
        return name
    head, tail = name[: len(name) // 2], name[len(name) // 2:]
    while head and font.getlength(f"{head}…{tail}", features=fonts.FEATURES) > THUMB_WIDTH:
        head, tail = head[:-1], tail[1:] if len(tail) > 16 else tail
    return f"{head}…{tail}"


def _thumbnail(path: Path) -> Image.Image:
    if not Path(path).exists():
        raise ContentError(f"{path}: no such card; render it with `juno-scheduler cards`")
    with open_image(path, str(path), error=ContentError, fix="render it again with `juno-scheduler cards`") as image:
        image = image.convert("RGB")
    height = round(image.height * THUMB_WIDTH / image.width)
    return image.resize((THUMB_WIDTH, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
