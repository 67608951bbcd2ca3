import datetime as dt
import json

from tts_edition import publish
from tts_edition.publish.record import AudioFile, read_record
from tts_edition.timeline import Chapter, Cue, Timeline

MP3_ONLY = [("edition.mp3", "audio/mpeg")]


def test_edition_record_has_what_the_feed_needs(edition):
    record = read_record(edition)
    assert record.folder == "2020-11-24-renmin-ribao"
    assert record.title == "人民日报 2020年11月24日" and record.paper == "人民日报"
    assert record.published == "2020-11-24T06:00:00+08:00"
    assert record.audio == [AudioFile("edition.mp3", "audio/mpeg", (edition / "edition.mp3").stat().st_size)]
    assert record.cues is not None and [c.text for c in record.cues if c.kind == "title"] == [
        c.title for c in record.chapters
    ]
    assert len(record.chapters) == 3 and record.cover == "cover.jpg"
    assert record.engine == "synthetic"
    assert {"chapters.json", "edition.vtt", "edition.srt", "cover.jpg", "edition.json"} <= {
        p.name for p in edition.iterdir()
    }


def test_a_rebuild_keeps_the_id_and_publication_time(edition):
    first = read_record(edition)
    from tests import synthetic

    timeline = Timeline(5.0, [Chapter("只有一篇", 0, 5.0)], [Cue(0.5, 4.0, "一句。")])
    later = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    record = publish.write_edition(
        edition, synthetic.edition(1, 1), timeline, MP3_ONLY, now=later
    )
    assert (record.id, record.published) == (first.id, first.published)
    assert record.built.startswith("2030-01-01")
    assert json.loads((edition / "edition.json").read_text())["duration"] == 5.0


def test_an_undated_edition_is_published_when_first_built(tmp_path):
    from tests import synthetic

    folder = tmp_path / "undated-x"
    folder.mkdir()
    (folder / "edition.mp3").write_bytes(b"x")
    now = dt.datetime(2026, 5, 1, 8, 30, tzinfo=dt.UTC)
    ed = synthetic.edition(1, 1, date=None)
    record = publish.write_edition(folder, ed, Timeline(1.0, [Chapter("a", 0, 1.0)], []), MP3_ONLY, now=now)
    assert record.published == now.isoformat()
    assert record.title == "人民日报"
