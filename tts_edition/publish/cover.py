"""Cover art: podcast directories want a square JPEG or PNG of 1400 to 3000 pixels.

The default cover is drawn with Noto Sans SC (SIL Open Font License 1.1), which
the ``pylopdf-fonts-zh-cn`` package ships, so Chinese titles render without
any system font.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from ..errors import UserError
from ..model import chinese_date

log = logging.getLogger(__name__)

SIZE = 1400
MIN_SIZE, MAX_SIZE = 1400, 3000
BACKGROUND = (153, 27, 30)  # newspaper-masthead red
INK = (255, 255, 255)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        import pylopdf_fonts_zh_cn

        return ImageFont.truetype(str(pylopdf_fonts_zh_cn.sans_path()), size)
    except (ImportError, OSError):
        log.warning("Noto Sans SC not found; the cover falls back to Pillow's font (no Chinese glyphs)")
        return ImageFont.load_default(size)


def _fit(draw: ImageDraw.ImageDraw, text: str, width: int, size: int):
    """The largest font up to ``size`` that keeps ``text`` within ``width``."""
    while size > 24:
        font = _font(size)
        if draw.textlength(text, font=font) <= width:
            return font
        size = int(size * 0.9)
    return _font(size)


def default_cover(title: str, date: dt.date | None, *, subtitle: str = "有声版", size: int = SIZE) -> bytes:
    """A plain masthead: the paper's name, the date and a subtitle, as JPEG bytes."""
    image = Image.new("RGB", (size, size), BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin = size // 10
    width = size - 2 * margin
    draw.rectangle([margin // 2, margin // 2, size - margin // 2, size - margin // 2], outline=INK, width=size // 140)
    name_font = _fit(draw, title, width, size // 5)
    draw.text((size / 2, size * 0.40), title, font=name_font, fill=INK, anchor="mm")
    if date:
        day = chinese_date(date)
        draw.text((size / 2, size * 0.62), day, font=_fit(draw, day, width, size // 12), fill=INK, anchor="mm")
    if subtitle:
        draw.text((size / 2, size * 0.78), subtitle, font=_fit(draw, subtitle, width, size // 14), fill=INK, anchor="mm")
    return _jpeg(image)


def load_cover(path: Path) -> bytes:
    """A user's image made fit for directories: cropped square, 1400–3000 px, JPEG."""
    try:
        with Image.open(path) as img:
            image = ImageOps.exif_transpose(img).convert("RGB")
    except (OSError, UnidentifiedImageError) as e:
        raise UserError(f"cover image {path}: cannot read it ({e.__class__.__name__})") from e
    side = min(max(min(image.size), MIN_SIZE), MAX_SIZE)
    image = ImageOps.fit(image, (side, side), Image.Resampling.LANCZOS)
    return _jpeg(image)


def _jpeg(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=88, optimize=True)
    return buf.getvalue()
