import json

from tts_edition.publish.chapters import chapters_json, write_chapters
from tts_edition.timeline import Chapter


def test_chapters_json_uses_the_id3_milliseconds():
    chapters = [Chapter("一", 0.0, 10.5004), Chapter("二 & 三", 10.5004, 20.0)]
    assert chapters_json(chapters) == {
        "version": "1.2.0",
        "chapters": [
            {"startTime": 0.0, "endTime": 10.5, "title": "一"},
            {"startTime": 10.5, "endTime": 20.0, "title": "二 & 三"},
        ],
    }


def test_written_file_is_utf8_json(tmp_path):
    path = write_chapters(tmp_path / "chapters.json", [Chapter("头版", 0, 1)])
    assert json.loads(path.read_text("utf-8"))["chapters"][0]["title"] == "头版"
    assert "头版" in path.read_text("utf-8")  # not \\u-escaped
