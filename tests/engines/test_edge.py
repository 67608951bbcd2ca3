"""The edge engine against the local protocol server: one request, and every way it can fail."""

import time

import pytest

from tts_edition.engines import create
from tts_edition.engines.base import (
    BadRequest,
    LocalEngine,
    NetworkEngine,
    NoAudio,
    PermanentError,
    Throttled,
    TransientError,
    Unavailable,
)
from tts_edition.engines.edge import SERVICE_URL, EdgeEngine, prosody_args, service_url
from tts_edition.model import Prosody

TEXT = "今天天气很好，我们去公园散步。"


@pytest.fixture
def engine():
    return EdgeEngine()


def test_voices_come_from_the_kept_list_without_network():
    names = [v.name for v in create("edge").voices()]
    assert "zh-CN-XiaoxiaoNeural" in names
    assert EdgeEngine.default_voice in names


def test_it_is_a_network_engine_reading_only_the_spoken_text():
    engine = create("edge")
    assert isinstance(engine, NetworkEngine) and not isinstance(engine, LocalEngine)
    assert not engine.needs_pinyin


@pytest.mark.parametrize(
    "given, full",
    [
        ("xiaoxiao", "zh-CN-XiaoxiaoNeural"),
        ("Yunyang", "zh-CN-YunyangNeural"),
        ("yunyangneural", "zh-CN-YunyangNeural"),
        ("xiaobei", "zh-CN-liaoning-XiaobeiNeural"),
        ("zh-cn-xiaoxiaoneural", "zh-CN-XiaoxiaoNeural"),
        ("zh-TW-HsiaoChenNeural", "zh-TW-HsiaoChenNeural"),
    ],
)
def test_voices_by_short_or_full_name(given, full):
    assert EdgeEngine().resolve_voice(given) == full


def test_an_unknown_voice_is_refused_before_any_request(server, engine):
    with pytest.raises(BadRequest, match="unknown edge voice 'baker'"):
        engine.synthesize(TEXT, "baker", Prosody())
    assert server.handshakes == 0


def test_prosody_in_the_services_units():
    assert prosody_args(Prosody(rate=-15, pitch=5, volume=0)) == {"rate": "-15%", "pitch": "+5Hz", "volume": "+0%"}


@pytest.mark.parametrize("prosody", [Prosody(rate=-80), Prosody(pitch=200), Prosody(volume=150)])
def test_prosody_out_of_range_is_a_bad_request(prosody):
    with pytest.raises(BadRequest):
        EdgeEngine().prepare("xiaoxiao", prosody)


def test_the_url_comes_from_the_environment_and_keeps_its_query(monkeypatch):
    monkeypatch.delenv("TTS_EDITION_EDGE_URL", raising=False)
    assert service_url() == SERVICE_URL
    monkeypatch.setenv("TTS_EDITION_EDGE_URL", "ws://127.0.0.1:9/edge/v1")
    assert service_url() == "ws://127.0.0.1:9/edge/v1?"
    monkeypatch.setenv("TTS_EDITION_EDGE_URL", "http://example.org/")
    with pytest.raises(BadRequest):
        service_url()


def test_a_request_gives_24khz_pcm_as_long_as_the_servers_mp3_with_its_sentence_boundary(server, engine):
    audio = engine.synthesize(TEXT, "yunyang", Prosody(rate=-10))
    assert audio.sample_rate == 24_000
    assert audio.duration == server.durations[TEXT]
    assert audio.boundaries == [(0.05, TEXT)]
    assert server.served[TEXT] == 1
    assert server.voices["YunyangNeural"] == 1


def test_audio_cut_before_turn_end_is_a_transient_error_not_a_short_piece(server, engine):
    server.faults.script = ["cut"]
    with pytest.raises(TransientError, match=r"turn\.end"):
        engine.synthesize(TEXT, "yunyang", Prosody())


@pytest.mark.parametrize("status", ["429", "503"])
def test_throttling_is_transient_and_says_so(server, engine, status):
    server.faults.script = [status]
    with pytest.raises(Throttled):
        engine.synthesize(TEXT, "yunyang", Prosody())


def test_no_audio_is_transient_and_says_so(server, engine):
    server.faults.script = ["noaudio"]
    with pytest.raises(NoAudio):
        engine.synthesize(TEXT, "yunyang", Prosody())


def test_other_client_errors_are_permanent(server, engine):
    server.faults.script = ["400"]
    with pytest.raises(PermanentError):
        engine.synthesize(TEXT, "yunyang", Prosody())


def test_repeated_403_tells_the_user_to_update_edge_tts_or_check_the_clock(server, engine):
    # edge-tts itself retries a 403 once after correcting its clock from the server's Date.
    server.faults.script = ["403", "403"]
    with pytest.raises(TransientError, match="403"):
        engine.synthesize(TEXT, "yunyang", Prosody())
    server.faults.script = ["403", "403"]
    with pytest.raises(Unavailable, match=r"update edge-tts .* clock"):
        engine.synthesize(TEXT, "yunyang", Prosody())


def test_a_403_after_a_success_starts_the_count_again(server, engine):
    server.faults.script = ["403", "403"]
    with pytest.raises(TransientError):
        engine.synthesize(TEXT, "yunyang", Prosody())
    engine.synthesize(TEXT, "yunyang", Prosody())
    server.faults.script = ["403", "403"]
    with pytest.raises(TransientError):
        engine.synthesize(TEXT, "yunyang", Prosody())


def test_an_unreachable_service_fails_in_seconds_suggesting_the_offline_voice(monkeypatch, engine):
    monkeypatch.setenv("TTS_EDITION_EDGE_URL", "ws://127.0.0.1:9/edge/v1?")  # nothing listens there
    started = time.monotonic()
    with pytest.raises(Unavailable, match="--engine offline"):
        engine.synthesize(TEXT, "yunyang", Prosody())
    assert time.monotonic() - started < 5


def test_the_voices_command_lists_edge_voices_offline(monkeypatch):
    from typer.testing import CliRunner

    from tts_edition.cli import app

    monkeypatch.setenv("TTS_EDITION_EDGE_URL", "ws://127.0.0.1:9/nowhere?")  # would fail if dialled
    result = CliRunner().invoke(app, ["voices", "--engine", "edge"])
    assert result.exit_code == 0
    assert "edge\tzh-CN-YunyangNeural\tMale" in result.output
