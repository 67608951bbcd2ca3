"""Whole builds with the edge engine through the local protocol server: a fifth of requests
failing, and a build killed mid-way, still give every piece exactly once."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mutagen.mp3 import MP3

from tests.edge_server import EdgeServer, Faults
from tts_edition import pipeline, presets, synth
from tts_edition.cache import Cache, read_wav
from tts_edition.engines.edge import EdgeEngine

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SHORT = """# 测试日报 2020年11月25日

## 全县举行表彰大会

本报讯，11月24日上午，全县共有1689人参加表彰大会。会议表彰了先进集体和先进个人。

大会号召全县干部群众向先进学习，为建设美丽家乡贡献力量。

## 天气

明天多云，气温5～10℃。后天有小雨，请注意添衣保暖。
"""
QUICK = synth.Policy(retries=8, backoff=0.02, max_backoff=0.2, timeout=4.0, timeout_per_char=0.0, pause=0.1)


def edge_preset():
    return presets.load("standard").with_options(engine="edge")


def planned(paper: Path, preset) -> list:
    """The pieces the build will ask for, as the pipeline cuts them."""
    return pipeline.pieces(pipeline.plan(paper), EdgeEngine.max_chars, preset)


def wav_for(cache: Cache, text: str, preset) -> Path:
    return cache.path(synth.Job("edge", "zh-CN-YunyangNeural", preset.prosody).key(text))


def build_through_faults(paper: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(synth, "DEFAULT_POLICY", QUICK)
    preset = edge_preset()
    cache = Cache(tmp_path / "cache")
    options = pipeline.BuildOptions(out=tmp_path / "out", preset=preset, cache=cache)
    with EdgeServer(Faults(rate=0.2, seed=5, seconds_per_char=0.1)) as server:
        monkeypatch.setenv("TTS_EDITION_EDGE_URL", server.url)
        [folder] = pipeline.build(paper, options)  # one part: no --max-minutes

    pieces = planned(paper, preset)
    texts = {p.text for p in pieces}
    assert sum(server.failures.values()) >= len(texts) // 10  # the faults did happen
    # Every text was voiced exactly once, failed attempts aside.
    assert set(server.served) == texts
    assert set(server.served.values()) == {1}
    # Each piece's WAV is what the server sent for its text, whole.
    wavs = [read_wav(wav_for(cache, p.text, preset)).duration for p in pieces]
    assert wavs == [server.durations[p.text] for p in pieces]
    # The edition is those pieces and the assembler's pauses, nothing missing, nothing doubled.
    pauses = preset.pauses
    between = sum(pauses.after(p.level) for p in pieces[:-1])
    expected = pauses.lead_in + sum(wavs) + between + pauses.lead_out
    record = json.loads((folder / "edition.json").read_text())
    assert record["duration"] == pytest.approx(expected, abs=0.01)
    assert MP3(folder / "edition.mp3").info.length == pytest.approx(expected, abs=0.1)


def test_a_short_build_with_a_fifth_of_requests_failing_has_every_piece_once(tmp_path, monkeypatch):
    paper = tmp_path / "paper.txt"
    paper.write_text(SHORT, encoding="utf-8")
    build_through_faults(paper, tmp_path, monkeypatch)


@pytest.mark.slow
def test_the_national_paper_with_a_fifth_of_requests_failing_has_every_piece_once(tmp_path, monkeypatch):
    build_through_faults(SAMPLES / "renmin-ribao.txt", tmp_path, monkeypatch)


@pytest.mark.slow
def test_a_killed_build_resumes_asking_only_for_the_missing_pieces(tmp_path):
    paper = SAMPLES / "fumeng-xianbao.txt"
    preset = edge_preset()
    cache = Cache(tmp_path / "cache")
    pieces = planned(paper, preset)
    texts = {p.text for p in pieces}
    command = [sys.executable, "-m", "tts_edition", "build", str(paper), "--engine", "edge",
               "-o", str(tmp_path / "out"), "--cache", str(cache.root)]  # fmt: skip

    with EdgeServer(Faults(latency=0.2)) as server:
        env = {**os.environ, "TTS_EDITION_EDGE_URL": server.url}
        first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            while len(list(cache.root.glob("*/*.wav"))) < len(texts) // 3:
                assert first.poll() is None, first.stderr.read().decode()
                time.sleep(0.05)  # polling for the condition, not waiting out a race
        finally:
            first.kill()
            first.wait()
        done = {t for t in texts if wav_for(cache, t, preset).is_file()}
        assert 0 < len(done) < len(texts)
        before = server.attempts.copy()

        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        assert second.returncode == 0, second.stderr
        asked_again = {t for t in texts if server.attempts[t] > before[t]}

    assert asked_again == texts - done
    assert all(wav_for(cache, t, preset).is_file() for t in texts)


def test_without_the_service_the_build_fails_in_seconds_suggesting_the_offline_voice(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from tts_edition.cli import app

    paper = tmp_path / "paper.txt"
    paper.write_text(SHORT, encoding="utf-8")
    monkeypatch.setenv("TTS_EDITION_EDGE_URL", "ws://127.0.0.1:9/edge/v1?")  # nothing listens there
    started = time.monotonic()
    result = CliRunner().invoke(
        app, ["build", str(paper), "--engine", "edge", "-o", str(tmp_path / "out"), "--cache", str(tmp_path / "c")]
    )
    assert result.exit_code == 1
    assert "--engine offline" in result.output
    assert time.monotonic() - started < 10
