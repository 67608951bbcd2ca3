import datetime as dt
import io

import pytest
from PIL import Image

from tts_edition.errors import UserError
from tts_edition.publish.cover import default_cover, load_cover


def test_default_cover_is_a_square_jpeg_of_directory_size():
    image = Image.open(io.BytesIO(default_cover("人民日报", dt.date(2020, 11, 24))))
    assert image.format == "JPEG" and image.size == (1400, 1400)


def test_the_chinese_name_is_drawn_with_real_glyphs():
    """A font without CJK glyphs draws the same box for every character: the covers would match."""
    a = default_cover("人民日报", None, subtitle="")
    b = default_cover("阜蒙县报", None, subtitle="")
    assert a != b
    blank = default_cover("", None, subtitle="")
    assert a != blank


@pytest.mark.parametrize("size, side", [((800, 600), 1400), ((2000, 1500), 1500), ((5000, 4000), 3000)])
def test_user_images_are_cropped_square_within_limits(tmp_path, size, side):
    Image.new("RGB", size, "white").save(tmp_path / "c.png")
    assert Image.open(io.BytesIO(load_cover(tmp_path / "c.png"))).size == (side, side)


def test_an_unreadable_image_is_a_user_error(tmp_path):
    (tmp_path / "c.jpg").write_text("not an image")
    with pytest.raises(UserError, match="cannot read"):
        load_cover(tmp_path / "c.jpg")
