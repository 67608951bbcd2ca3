import pytest
from mutagen.id3 import ID3

from tests import synthetic
from tests.publish import rules
from tts_edition import publish
from tts_edition.formats import Tags
from tts_edition.formats.id3 import chapter_ids, tag_bytes, write_tagged
from tts_edition.timeline import Chapter

CHAPTERS = [Chapter("头版", 0.0, 1.5), Chapter("要闻", 1.5, 3.0)]


def test_chapter_ids_are_unique_ascii():
    ids = chapter_ids(12)
    assert len(set(ids)) == 12 and all(i.isascii() for i in ids)


def test_the_tag_is_id3v2_3():
    data = tag_bytes(Tags("标题", "报纸", "发行"), CHAPTERS)
    assert data[:4] == b"ID3\x03"


@pytest.fixture
def edition(tmp_path):
    ed = synthetic.edition(2, 1)
    pieces = synthetic.pieces_for(ed)
    folder = tmp_path / "ed"
    wavs = synthetic.wavs_for(pieces, tmp_path / "wavs")
    timeline = synthetic.encode(pieces, wavs, ed, folder, Tags("旧", "报纸", "发行"))
    publish.write_edition(folder, ed, timeline, [("edition.mp3", "audio/mpeg")])  # the rules find the MP3 by it
    return folder


def test_retagging_replaces_the_old_tag_and_keeps_the_audio(edition):
    mp3 = edition / "edition.mp3"
    audio_before = mp3.read_bytes()[rules.MP3(mp3).info.frame_offset :]
    once = edition / "once.mp3"
    write_tagged(mp3, once, Tags("新标题", "报纸", "发行"), CHAPTERS)
    write_tagged(once, mp3, Tags("新标题", "报纸", "发行"), CHAPTERS)
    once.unlink()
    tags = ID3(mp3)
    assert str(tags["TIT2"]) == "新标题"
    assert [c.element_id for c in tags.getall("CHAP")] and len(tags.getall("CTOC")) == 1
    assert not tags.getall("APIC")
    assert mp3.read_bytes().endswith(audio_before)
    assert rules.mp3_xing_lame(edition) == [] and rules.id3_chap_titles(edition) == []


def test_chap_frames_sit_in_time_order_in_the_file(tmp_path):
    """ffmpeg lists chapters in file order; mutagen alone would order them by frame size."""
    chapters = [Chapter("短", 0, 1), Chapter("一个长得多的标题" * 3, 1, 2), Chapter("中等标题", 2, 3), Chapter("末", 3, 4)]
    path = tmp_path / "tag.id3"
    path.write_bytes(tag_bytes(Tags("t", "a", "p"), chapters))
    assert [element_id for element_id, _ in rules.raw_chap_frames(path)] == chapter_ids(4)
    tags = ID3(path)
    assert [str(c.sub_frames["TIT2"]) for c in sorted(tags.getall("CHAP"), key=lambda c: c.start_time)] == [
        c.title for c in chapters
    ]
    assert str(tags["TIT2"]) == "t" and len(tags.getall("CTOC")) == 1
