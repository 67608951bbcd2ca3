"""The registry and the engine contracts: every engine is exactly one kind, and a third engine is
one module plus its line in ``engines.REGISTRY`` — here ``ToneEngine``, registered by the test."""

import json
import math
import struct
from collections import Counter

import pytest
from typer.testing import CliRunner

from tts_edition import engines, pipeline, presets, synth
from tts_edition.cache import Cache
from tts_edition.cli import app
from tts_edition.engines.base import BadRequest, LocalEngine, NetworkEngine, NoAudio, Throttled, Voice
from tts_edition.errors import UserError
from tts_edition.model import Audio, Level, Piece, Prosody

PAPER = "# 测试日报\n\n## 第一篇文章\n\n今天天气很好。我们去公园散步。\n"
CALLS: Counter[tuple[str, str]] = Counter()  # (voice, text) -> requests, across the engines the scheduler makes


class ToneEngine:
    """A network engine as a newcomer would write one: a tone of 0.2 s per character. Every first
    request for a text is throttled; the voice ``mute`` never has audio."""

    name = "tone"
    max_chars = 40
    max_concurrency = 4
    default_voice = "a"
    needs_pinyin = False

    def voices(self) -> list[Voice]:
        return [Voice("a", "zh-CN"), Voice("mute", "zh-CN")]

    def prepare(self, voice: str, prosody: Prosody) -> str:
        if voice not in ("a", "mute"):
            raise BadRequest(f"unknown tone voice {voice!r}")
        return voice

    async def asynthesize(self, text: str, voice: str, prosody: Prosody) -> Audio:
        CALLS[voice, text] += 1
        if voice == "mute":
            raise NoAudio(f"no audio from {voice}")
        if CALLS[voice, text] == 1:
            raise Throttled("service answered 429")
        n = int(0.2 * len(text) * 24_000)
        wave = (int(8000 * math.sin(2 * math.pi * 440 * i / 24_000)) for i in range(n))
        return Audio(struct.pack(f"<{n}h", *wave), 24_000)


class Neither:
    name = "neither"


@pytest.fixture
def tone(monkeypatch):
    CALLS.clear()
    monkeypatch.setitem(engines.REGISTRY, "tone", f"{__name__}:ToneEngine")
    monkeypatch.setitem(engines.REGISTRY, "neither", f"{__name__}:Neither")


@pytest.mark.parametrize("name", engines.NAMES)
def test_every_registered_engine_is_exactly_one_kind(name):
    engine = engines.create(name)
    assert engine.name == name
    assert isinstance(engine, LocalEngine) != isinstance(engine, NetworkEngine)


def test_an_unknown_engine_is_a_bad_request_naming_the_choices():
    with pytest.raises(BadRequest, match="unknown engine 'robot'; choose one of: offline, edge"):
        engines.create("robot")


def test_an_engine_of_no_kind_is_refused_when_made(tone):
    with pytest.raises(TypeError, match="one of LocalEngine, NetworkEngine"):
        engines.create("neither")


def test_the_pipeline_asks_the_engine_what_it_needs_from_the_lexicon(tmp_path, tone):
    paper = tmp_path / "paper.txt"
    paper.write_text(PAPER, encoding="utf-8")
    (tmp_path / "lexicon.toml").write_text('[words]\n"公园" = "gong1 yuan2"\n', encoding="utf-8")
    jobs = {}
    for name in ("offline", "tone"):
        preset = presets.load("standard").with_options(engine=name)
        jobs[name] = pipeline.prepare(paper, pipeline.BuildOptions(out=tmp_path / "out", preset=preset)).job
    assert jobs["offline"].overrides["公园"] == ["gong1", "yuan2"] and jobs["offline"].cache_salt
    assert jobs["tone"].overrides == {} and jobs["tone"].cache_salt == ""
    assert jobs["tone"].voice == "a"


def test_the_scheduler_reads_the_error_types_of_a_new_engine(tmp_path, tone):
    pieces = [Piece(t, Level.SENTENCE, 0, i) for i, t in enumerate(["今天天气很好。", "我们去公园散步。"])]
    policy = synth.Policy(retries=2, backoff=0.01, max_backoff=0.01, pause=0.01)
    progress = synth.Progress(0)
    job = synth.Job("tone", "mute", Prosody(), fallback_voice="a")
    wavs = synth.synthesize(pieces, job, Cache(tmp_path / "cache"), policy=policy, progress=progress)
    assert all(w is not None and w.is_file() for w in wavs)
    assert progress.fallbacks == 2  # NoAudio, persistently: the fallback voice
    assert progress.retries == 2 * 2 + 2  # mute: 2 retries each; then one Throttled each
    assert progress.limits[0] > min(progress.limits)  # Throttled halved the limit
    with pytest.raises(UserError, match="unknown tone voice 'b'"):  # BadRequest leaves as the app's error
        synth.synthesize(pieces, synth.Job("tone", "b", Prosody()), Cache(tmp_path / "cache"))


def test_a_registered_engine_builds_an_edition_from_the_command_line(tmp_path, tone):
    paper = tmp_path / "paper.txt"
    paper.write_text(PAPER, encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", str(paper), "--engine", "tone", "-o", str(out), "--cache", str(tmp_path / "c")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    [record] = out.glob("*/edition.json")
    assert json.loads(record.read_text(encoding="utf-8"))["engine"] == "tone"
    assert (record.parent / "edition.mp3").stat().st_size > 0
