"""A build killed (SIGKILL) at any phase leaves a consistent folder, and a rerun makes the very MP3
an uninterrupted build makes.

Each case starts from an older edition in OUT (other pauses, so a different MP3), kills a rebuild
at one named point (``TTS_EDITION_KILL_AT``, see ``tts_edition/killpoints.py``), checks the folder,
reruns, and checks again: the old or the new edition whole, never a mix; nothing left behind.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import feedparser
import pytest
from mutagen.id3 import ID3

from tts_edition.publish.player import read_vtt

PAPER = """# 测试日报 2020年11月25日

## 全县举行表彰大会

本报讯，全县共有三百人参加表彰大会。

## 天气

明天多云。
"""
FOLDER = "2020-11-25-ceshi-ribao"
OLD = ["--set", "pauses.article=3"]


def tts(*args, env=None, cache=None):
    environ = {**os.environ, "TTS_EDITION_CACHE": str(cache)} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "tts_edition", *args], capture_output=True, text=True, timeout=300, env=environ,
    )


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The paper, a warm cache, the MP3 an uninterrupted build makes, and an OUT holding the old edition."""
    tmp = tmp_path_factory.mktemp("kill")
    paper = tmp / "paper.txt"
    paper.write_text(PAPER, encoding="utf-8")
    cache = tmp / "cache"
    reference = tmp / "reference"
    result = tts("build", str(paper), "-o", str(reference), cache=cache)
    assert result.returncode == 0, result.stderr
    old = tmp / "old"
    result = tts("build", str(paper), "-o", str(old), *OLD, cache=cache)
    assert result.returncode == 0, result.stderr
    return {
        "paper": paper, "cache": cache, "old": old,
        "reference": (reference / FOLDER / "edition.mp3").read_bytes(), "reference_out": reference,
    }


def assert_consistent(out, *, feed_may_lag=False):
    """MP3 size = record = feed enclosure; chapters, cues and player page agree with the record."""
    folder = out / FOLDER
    record = json.loads((folder / "edition.json").read_text("utf-8"))
    [audio] = record["audio"]
    mp3 = folder / audio["file"]
    assert mp3.stat().st_size == audio["bytes"] and audio["type"] == "audio/mpeg"
    tags = ID3(mp3)
    starts = [tags[f"CHAP:{i}"].start_time for i in tags.getall("CTOC")[0].child_element_ids]
    assert starts == [round(c["start"] * 1000) for c in record["chapters"]]
    chapters = json.loads((folder / "chapters.json").read_text("utf-8"))["chapters"]
    assert [c["startTime"] for c in chapters] == [c["start"] for c in record["chapters"]]
    cues = read_vtt((folder / "edition.vtt").read_text("utf-8"))
    assert cues and cues[-1].end <= record["duration"]
    assert [c["text"] for c in record["cues"]] == [c.text for c in cues]
    page = (folder / "index.html").read_text("utf-8")
    assert json.dumps(record["duration"]) in page or str(record["duration"]) in page
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    [entry] = feed.entries
    if not feed_may_lag:
        assert int(entry.enclosures[0].length) == mp3.stat().st_size
    return record


def assert_nothing_left_behind(out):
    assert not (out / ".staging").exists()
    leftovers = [p for p in out.rglob(".*") if p.is_file()]
    assert leftovers == []


def kill_then_rerun(world, tmp_path, point, cache=None):
    out = tmp_path / "out"
    shutil.copytree(world["old"], out)
    before = assert_consistent(out)
    cache = cache or world["cache"]
    killed = tts("build", str(world["paper"]), "-o", str(out), env={"TTS_EDITION_KILL_AT": point}, cache=cache)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    after = assert_consistent(out, feed_may_lag=point == "switched")
    assert after["inputs"] in (before["inputs"], after["inputs"])  # old or new, whole
    assert after["id"] == before["id"] and after["published"] == before["published"]
    rerun = tts("build", str(world["paper"]), "-o", str(out), cache=cache)
    assert rerun.returncode == 0, rerun.stderr
    assert_consistent(out)
    reference = world["reference"]
    if cache != world["cache"]:  # the voice is not deterministic: compare with a build from this cache
        tts("build", str(world["paper"]), "-o", str(out.parent / "fresh"), cache=cache)
        reference = (out.parent / "fresh" / FOLDER / "edition.mp3").read_bytes()
    assert (out / FOLDER / "edition.mp3").read_bytes() == reference
    assert_nothing_left_behind(out)
    return before, after


# Kills before the switch leave the old edition; after it, the new one.
BEFORE = ["joined", "encoded", "staged"]
AFTER = ["switched", "feed", "published"]


@pytest.mark.parametrize("point", ["staged", pytest.param("switched", marks=pytest.mark.slow)])
def test_a_kill_just_before_or_after_the_switch_leaves_one_whole_edition(world, tmp_path, point):
    before, after = kill_then_rerun(world, tmp_path, point)
    assert (after["inputs"] == before["inputs"]) == (point in BEFORE)


@pytest.mark.slow
@pytest.mark.parametrize("point", [p for p in BEFORE + AFTER if p not in ("staged", "switched")])
def test_a_kill_at_any_phase_leaves_one_whole_edition(world, tmp_path, point):
    before, after = kill_then_rerun(world, tmp_path, point)
    assert (after["inputs"] == before["inputs"]) == (point in BEFORE)


@pytest.mark.slow
def test_a_kill_while_voicing_keeps_the_old_edition_and_the_pieces_voiced(world, tmp_path):
    cache = tmp_path / "cold-cache"
    before, after = kill_then_rerun(world, tmp_path, "voiced@2", cache=cache)
    assert after["inputs"] == before["inputs"]
    assert len(list(cache.rglob("*.wav"))) >= 2


def test_a_killed_build_leaves_no_process_behind(world, tmp_path):
    """SIGKILL mid-encode: ffmpeg dies with the build (parent-death signal), nothing keeps running."""
    proc = start_build(world, tmp_path / "out", world["cache"], "--set", "pauses.article=5")
    deadline = time.monotonic() + 120
    children = []
    while time.monotonic() < deadline and not children and proc.poll() is None:
        children = [c for c in _children(proc.pid) if "ffmpeg" in _cmdline(c)]
        time.sleep(0.02)
    proc.kill()
    proc.communicate(timeout=10)
    assert children, "the build never started ffmpeg"
    time.sleep(0.5)
    assert [c for c in children if _alive(c)] == []


def test_sigterm_is_like_ctrl_c_one_line_and_no_scratch(world, tmp_path):
    out = tmp_path / "out"
    proc = start_build(world, out, world["cache"], "--set", "pauses.article=4")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and not (out / ".staging").exists():
        time.sleep(0.01)
    proc.terminate()
    err = proc.communicate(timeout=60)[1]
    if proc.returncode == 0:
        pytest.skip("the build finished before SIGTERM arrived")
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["interrupted; what was finished is kept, run again to resume"]
    assert not (out / ".staging").exists()


@pytest.mark.slow
def test_sigterm_while_voicing_stops_the_voice_lanes_and_leaves_no_process(world, tmp_path):
    cold = tmp_path / "cold"
    proc = start_build(world, tmp_path / "out", cold, "--jobs", "2")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and not any(cold.rglob("*.wav")):
        time.sleep(0.05)
    assert proc.poll() is None, "the build ended before it was voicing"
    children = _children(proc.pid)  # the loudness meter's ffmpeg, by now
    proc.terminate()
    err = proc.communicate(timeout=60)[1]  # lanes finish the render they are in, then stop
    assert proc.returncode == 130, err
    time.sleep(0.5)
    assert [c for c in children if _alive(c)] == []


def start_build(world, out, cache, *options):
    """A build running in the background, its stderr piped."""
    return subprocess.Popen(
        [sys.executable, "-m", "tts_edition", "build", str(world["paper"]), "-o", str(out), *options],
        env={**os.environ, "TTS_EDITION_CACHE": str(cache)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )


def _children(pid: int) -> list[int]:
    """Every descendant: ffmpeg and the voice workers start from the build's threads, not only its main one."""
    direct = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            direct += [int(c) for c in children.read_text().split()]
        except OSError:
            continue
    return direct + [g for c in direct for g in _children(c)]


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().decode(errors="replace")
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except OSError:
        return False


def test_text_the_voice_cannot_say_is_left_out_with_a_warning_and_a_note(world, tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text(PAPER.replace("明天多云。", "明天多云。\n\n𪚥。\n\nカタカナです。"), encoding="utf-8")
    result = tts("build", str(paper), "-o", str(tmp_path / "out"), cache=world["cache"])
    assert result.returncode == 0, result.stderr
    assert "run the build again" not in result.stderr
    note = result.stderr.strip().splitlines()[-1]
    assert "left out 2 piece(s)" in note and "𪚥" in note and "カタカナ" in note
    assert_consistent(tmp_path / "out")
    vtt = (tmp_path / "out" / FOLDER / "edition.vtt").read_text("utf-8")
    assert "明天多云。" in vtt and "𪚥" not in vtt


@pytest.mark.slow
def test_damaged_cache_pieces_are_voiced_again_never_a_shorter_edition(world, tmp_path):
    """Truncated, zero-length, zero-filled and wrong-format pieces: each is found, voiced again, and
    the edition is as long as an undamaged one, chapters at the same places (the voice's sound varies
    a little from one voicing to the next; its timing does not)."""
    cache = tmp_path / "cache"
    shutil.copytree(world["cache"], cache)
    pieces = sorted(cache.rglob("*.wav"))[:4]
    for piece, damage in zip(pieces, [lambda d: d[: len(d) // 2], lambda d: b"", lambda d: bytes(len(d)),
                                      lambda d: d[:22] + b"\x02\x00" + d[24:]]):
        piece.write_bytes(damage(piece.read_bytes()))
    result = tts("build", str(world["paper"]), "-o", str(tmp_path / "out"), cache=cache)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("voicing it again") == len(pieces)
    record = assert_consistent(tmp_path / "out")
    reference = json.loads((world["reference_out"] / FOLDER / "edition.json").read_text("utf-8"))
    assert record["duration"] == reference["duration"] and record["chapters"] == reference["chapters"]


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of a given size (root only); skipped with the reason where mounting is not allowed."""
    mounted = []

    def make(kilobytes: int):
        point = tmp_path / f"disk{len(mounted)}"
        point.mkdir()
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs", str(point)], capture_output=True, text=True
        )
        if result.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here: {result.stderr.strip() or 'not root'}")
        mounted.append(point)
        return point

    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    yield make
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], check=False)


def _size_kb(folder) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // 1024


def test_a_full_disk_is_one_line_exit_1_and_the_old_edition_stays(world, small_disk):
    disk = small_disk(_size_kb(world["old"]) + 200)  # room for the old edition, not for a new one beside it
    out = disk / "out"
    shutil.copytree(world["old"], out)
    before = assert_consistent(out)
    result = tts("build", str(world["paper"]), "-o", str(out), cache=world["cache"])
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "disk is full" in lines[0] and "Traceback" not in result.stderr
    assert assert_consistent(out) == before  # nothing earlier lost
    assert not (out / ".staging").exists()  # the scratch of the failed run is gone, the space is back


@pytest.mark.slow
def test_a_full_cache_disk_is_one_line_exit_1(world, small_disk, tmp_path):
    disk = small_disk(64)
    (disk / "filler").write_bytes(bytes(60 * 1024))  # what is left cannot hold a voiced piece
    result = tts("build", str(world["paper"]), "-o", str(tmp_path / "out"), cache=disk / "cache")
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "disk is full" in lines[0] and "Traceback" not in result.stderr
