import datetime as dt
import shutil

import pytest

from tests import synthetic
from tts_edition import publish
from tts_edition.formats import MP3

BASE = "https://example.org/news/"


def build_edition(out, wavs_dir, ed, *, now=None, part=None, preset=""):
    """What the pipeline does for one edition (or one part of it), with synthetic audio."""
    pieces = synthetic.pieces_for(ed)
    wavs = synthetic.wavs_for(pieces, wavs_dir)
    folder = out / publish.folder_name(ed, part=part)
    folder.mkdir(parents=True, exist_ok=True)
    cover = publish.default_cover(ed.title, ed.date)
    tags = publish.edition_tags(ed, cover=cover, part=part)
    timeline = synthetic.encode(pieces, wavs, ed, folder, tags)
    return publish.write_edition(
        folder, ed, timeline, [(MP3().file_name, MP3().media_type)],
        cover=cover, engine="synthetic", now=now, part=part, preset=preset,
    )


@pytest.fixture(scope="session")
def good_output(tmp_path_factory):
    """Two editions and their feed, built once; tests copy it before breaking anything."""
    out = tmp_path_factory.mktemp("good") / "out"
    wavs = out.parent / "wavs"
    build_edition(out, wavs / "a", synthetic.edition(3, 2, "人民日报", dt.date(2020, 11, 24)))
    build_edition(out, wavs / "b", synthetic.edition(2, 2, "阜蒙县报 & <Co> 📰", dt.date(2020, 11, 25)))
    publish.write_all(out, publish.remember(out, link=BASE))
    return out


@pytest.fixture
def output(good_output, tmp_path):
    """A private copy of the good output, free to break."""
    copy = tmp_path / "out"
    shutil.copytree(good_output, copy)
    return copy


@pytest.fixture
def edition(output):
    return output / "2020-11-24-renmin-ribao"
