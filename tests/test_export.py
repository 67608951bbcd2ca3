"""Export for simple players: real editions from the offline voice, cut into tracks and read back."""

import dataclasses
import datetime as dt
import shutil
import subprocess
import sys

import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from tests.test_build import PAPER
from tts_edition import audio, export, pipeline, presets
from tts_edition.cache import Cache
from tts_edition.errors import UserError
from tts_edition.publish import read_record


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """One edition built with the offline voice, as MP3 and M4B."""
    tmp = tmp_path_factory.mktemp("export")
    paper = tmp / "paper.txt"
    paper.write_text(PAPER, encoding="utf-8")
    options = pipeline.BuildOptions(
        out=tmp / "out", preset=presets.load("standard").with_options(formats=["m4b"]), cache=Cache(tmp / "cache")
    )
    pipeline.build(paper, options)
    return options, paper


def speaker(options):
    return lambda texts, engine, voice: pipeline.voice_texts(texts, engine, voice, options.cache)


def run_export(options, dest, **kw):
    return export.export(options.out, dest, speaker(options), **kw)


def tracks(folder):
    return sorted(p for p in folder.rglob("*.mp3"))


def test_fat_names_drop_what_fat32_forbids():
    assert export.fat_name('01 习近平：a/b\\c*d?"e"<f>|g:', ".mp3") == "01 习近平：a b c d e f g.mp3"
    assert export.fat_name("标题…  ", "") == "标题…"
    assert export.fat_name("1. end. .", "") == "1. end"
    assert len(export.fat_name("长" * 100, ".mp3")) == 64
    assert export.fat_name("\x00\n", ".mp3") == "track.mp3"


def test_the_m4b_is_made_beside_the_mp3_and_recorded(out):
    options, _ = out
    [folder] = [p for p in options.out.iterdir() if p.is_dir()]
    record = read_record(folder)
    assert [(a.file, a.type) for a in record.audio] == [("edition.mp3", "audio/mpeg"), ("edition.m4b", "audio/mp4")]
    assert all(a.bytes == (folder / a.file).stat().st_size for a in record.audio)


def test_tracks_play_in_name_order_announcement_first(out, tmp_path):
    options, _ = out
    report = run_export(options, tmp_path)
    files = tracks(tmp_path)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == report.written
    assert [f.name for f in files] == ["01 测试日报 导读.mp3", "02 全县举行表彰大会.mp3", "03 天气.mp3"]
    assert files[0].parent.name == "2020-11-25 测试日报"
    for n, f in enumerate(files, 1):
        tags = ID3(f, translate=False)  # the frames as stored, not upgraded to v2.4
        assert tags.version == (2, 3, 0)
        assert tags["TRCK"].text == [f"{n}/3"]
        assert tags["TALB"].text == ["测试日报 2020年11月25日"] and tags["TPE1"].text == ["测试日报"]
        assert tags["TYER"].text == ["2020"]
    assert [ID3(f)["TIT2"].text[0] for f in files] == ["测试日报 导读", "全县举行表彰大会", "天气"]


def test_article_tracks_hold_the_whole_edition_and_decode_cleanly(out, tmp_path):
    options, _ = out
    run_export(options, tmp_path)
    [folder] = [p for p in options.out.iterdir() if p.is_dir()]
    edition = MP3(folder / "edition.mp3").info.length
    intro, *articles = [MP3(f) for f in tracks(tmp_path)]
    assert 2 < intro.info.length < 15  # 测试日报，2020年11月25日。本期共2篇文章。
    assert sum(a.info.length for a in articles) == pytest.approx(edition, abs=0.15)
    for f in tracks(tmp_path):
        assert MP3(f).info.sample_rate == 44_100 and MP3(f).info.channels == 1
        errors = subprocess.run(
            [audio.ffmpeg_exe(), "-v", "error", "-i", str(f), "-f", "null", "-"], capture_output=True, text=True
        ).stderr
        assert errors == ""
        assert audio.measure_ebur128(f).integrated == pytest.approx(-19, abs=2)


def test_without_spoken_titles_each_track_gets_its_title_voiced(out, tmp_path):
    options, paper = out
    untitled = dataclasses.replace(
        options, out=tmp_path / "out", preset=options.preset.with_settings(["announce_titles=false"])
    )
    [folder] = pipeline.build(paper, untitled)
    chapters = read_record(folder).chapters
    run_export(untitled, tmp_path / "card")
    _, *articles = tracks(tmp_path / "card")
    for track, chapter in zip(articles, chapters):
        assert MP3(track).info.length > chapter.end - chapter.start + 1.0  # the title and its pause came first


def test_a_second_export_changes_nothing(out, tmp_path):
    options, _ = out
    run_export(options, tmp_path)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    report = run_export(options, tmp_path)
    assert report.written == [] and report.removed == [] and len(report.unchanged) == 3
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == before


def test_a_damaged_track_has_its_folder_written_again_in_reading_order(out, tmp_path):
    """Players without a screen play a folder in the order its entries were written."""
    options, _ = out
    first = run_export(options, tmp_path).written
    _, second, _ = tracks(tmp_path)
    good = second.read_bytes()
    second.write_bytes(good[: len(good) // 2])
    report = run_export(options, tmp_path)
    assert report.written == first == sorted(first)
    assert second.read_bytes() == good


def test_newest_keeps_the_latest_editions_and_removes_only_its_own_files(out, tmp_path):
    options, paper = out
    both = dataclasses.replace(options, out=tmp_path / "out")
    shutil.copytree(options.out, both.out)
    later = dataclasses.replace(both, read=pipeline.ReadOptions(date=dt.date(2020, 11, 26)))
    pipeline.build(paper, later)
    card = tmp_path / "card"
    run_export(both, card)
    older = card / "2020-11-25 测试日报"
    assert len(tracks(card)) == 6
    (card / "音乐.mp3").write_bytes(b"the listener's own")
    (older / "notes.txt").write_text("mine")
    report = run_export(both, card, newest=1)
    assert len(report.removed) == 3 and all(r.startswith("2020-11-25") for r in report.removed)
    assert [p.name for p in tracks(card)] == ["01 测试日报 导读.mp3", "02 全县举行表彰大会.mp3", "03 天气.mp3", "音乐.mp3"]
    assert (older / "notes.txt").read_text() == "mine"


def test_per_day_puts_each_day_in_one_folder(out, tmp_path):
    options, _ = out
    run_export(options, tmp_path, per_day=True)
    assert {p.parent.name for p in tracks(tmp_path)} == {"2020-11-25"}


def test_bad_arguments_are_user_errors(out, tmp_path):
    options, _ = out
    with pytest.raises(UserError, match="--newest"):
        run_export(options, tmp_path, newest=0)
    with pytest.raises(UserError, match="no editions"):
        export.export(tmp_path, tmp_path / "card", speaker(options))
    (tmp_path / "file").write_text("")
    with pytest.raises(UserError, match="not a folder"):
        run_export(options, tmp_path / "file")


@pytest.mark.skipif(not (shutil.which("mkfs.vfat") and shutil.which("mcopy")), reason="needs dosfstools and mtools (.ci/fat.sh)")
def test_a_fat32_card_takes_every_track(out, tmp_path):
    """mtools refuses names FAT forbids; what comes back from the image is what was exported."""
    options, _ = out
    card = tmp_path / "card"
    image = tmp_path / "card.img"
    subprocess.run(["truncate", "-s", "40M", str(image)], check=True)
    subprocess.run(["mkfs.vfat", "-F", "32", str(image)], check=True, capture_output=True)
    written = run_export(options, card).written
    env = {"MTOOLS_SKIP_CHECK": "1", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin:/usr/sbin:/sbin"}

    def mtools(*args):
        return subprocess.run([*args], check=True, env=env, capture_output=True, text=True).stdout

    for folder in dict.fromkeys(w.rpartition("/")[0] for w in written):
        mtools("mmd", "-i", str(image), f"::/{folder}")
    for name in written:  # in the order export wrote them, as on a mounted card
        mtools("mcopy", "-i", str(image), str(card / name), f"::/{name}")
    listed = mtools("mdir", "-b", "-i", str(image), "::/2020-11-25 测试日报").splitlines()
    assert [line.rpartition("/")[2] for line in listed] == [p.name for p in tracks(card)]  # entry order
    back = tmp_path / "back"
    back.mkdir()
    mtools("mcopy", "-s", "-i", str(image), "::/*", str(back))
    assert [p.relative_to(back) for p in tracks(back)] == [p.relative_to(card) for p in tracks(card)]
    assert all((back / p.relative_to(card)).read_bytes() == p.read_bytes() for p in tracks(card))


def test_the_export_command(out, tmp_path):
    options, _ = out
    cmd = [sys.executable, "-m", "tts_edition", "export", str(options.out), str(tmp_path / "card")]
    cmd += ["--cache", str(options.cache.root)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "3 tracks written" in done.stdout
    bad = subprocess.run([*cmd[:4], str(tmp_path / "nothing"), str(tmp_path / "x")], capture_output=True, text=True)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "no such folder" in bad.stderr
