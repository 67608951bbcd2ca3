"""A short edition made from tones, so the player's tests need neither a voice nor the assembler.

Three articles of 8 s, one "sentence" every 2 s: a real MP3 (made with the ffmpeg
that imageio-ffmpeg ships), chapters.json, edition.vtt and edition.json, laid out
as the build lays them out.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import imageio_ffmpeg

from tts_edition.publish.cover import default_cover
from tts_edition.publish.record import AudioFile, Record, write_record
from tts_edition.publish.transcript import write_vtt
from tts_edition.timeline import Chapter, Cue

FOLDER = "2020-11-24-ceshi-ribao"
ARTICLE = 8.0
TITLES = ["头版：A&B <测试> \"引号\" 🎉", "经济：增长 3.5% 的一年", "天气：明天晴，最高 25℃"]
TONES = [440, 554, 659]


def cues() -> list[Cue]:
    out = []
    for a in range(len(TITLES)):
        for s in range(4):
            start = a * ARTICLE + s * 2.0
            text = f"第{a + 1}篇第{s + 1}句：A&B <注> “引号”，温度 25℃。"
            if s == 2:  # one long caption per article: on a phone it takes several lines
                text = text[:-1] + "，各地认真贯彻落实，推动发展。"
            out.append(Cue(start=start, end=start + 1.8, text=text))
    return out


def chapters() -> list[Chapter]:
    return [Chapter(title=t, start=i * ARTICLE, end=(i + 1) * ARTICLE) for i, t in enumerate(TITLES)]


def make_mp3(path: Path) -> None:
    cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-nostdin", "-loglevel", "error", "-y"]
    for hz in TONES:
        cmd += ["-f", "lavfi", "-i", f"sine=frequency={hz}:duration={ARTICLE}:sample_rate=44100"]
    cmd += ["-filter_complex", f"concat=n={len(TONES)}:v=0:a=1,volume=0.3", "-ac", "1", "-ar", "44100",
            "-c:a", "libmp3lame", "-b:a", "64k", str(path)]
    subprocess.run(cmd, check=True, capture_output=True)


def make_edition(out: Path) -> Path:
    """Write the edition folder under ``out`` and return it (the player page is not written here)."""
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    make_mp3(folder / "edition.mp3")
    (folder / "cover.jpg").write_bytes(default_cover("测试日报", dt.date(2020, 11, 24)))
    write_vtt(folder / "edition.vtt", cues())
    chapter_list = chapters()
    (folder / "chapters.json").write_text(
        json.dumps({"version": "1.2.0", "chapters": [{"startTime": c.start, "title": c.title} for c in chapter_list]},
                   ensure_ascii=False),
        encoding="utf-8",
    )
    write_record(folder, Record(
        id="00000000-0000-4000-8000-000000000001",
        folder=FOLDER,
        title="测试日报 2020年11月24日",
        paper="测试日报",
        date="2020-11-24",
        published="2020-11-24T06:00:00+08:00",
        built="2020-11-24T06:00:00+08:00",
        duration=ARTICLE * len(TITLES),
        audio=[AudioFile("edition.mp3", "audio/mpeg", (folder / "edition.mp3").stat().st_size)],
        chapters=chapter_list,
        cues=cues(),
        cover="cover.jpg",
        articles=len(TITLES),
    ))
    return folder
