"""The scheduler with the edge engine against the local protocol server: no piece lost, none
voiced twice, whatever the service does."""

import pytest

from tests.edge_server import EdgeServer, Faults
from tts_edition import synth
from tts_edition.cache import Cache, read_wav
from tts_edition.engines.base import TransientError
from tts_edition.errors import BuildError, UserError
from tts_edition.model import Audio, Level, Piece, Prosody

TEXTS = [f"第{n}条消息，今天天气很好，我们去公园散步。" for n in range(1, 13)]
FAST = synth.Policy(retries=6, backoff=0.01, max_backoff=0.05, timeout=10.0, timeout_per_char=0.0, pause=0.05)
JOB = synth.Job("edge", "yunyang", Prosody())


def pieces(texts=TEXTS):
    return [Piece(t, Level.SENTENCE, 0, i) for i, t in enumerate(texts)]


@pytest.fixture
def cache(tmp_path):
    return Cache(tmp_path / "cache")


def durations(paths):
    return [read_wav(p).duration for p in paths]


def test_every_piece_is_voiced_once_and_cached(server, cache):
    wavs = synth.synthesize(pieces(), JOB, cache, policy=FAST)
    assert durations(wavs) == [server.durations[t] for t in TEXTS]
    assert [round(server.durations[t], 1) for t in TEXTS] == [server.expected_seconds(t) for t in TEXTS]
    assert set(server.served.values()) == {1}
    assert len(server.served) == len(TEXTS)


def test_a_second_run_asks_for_nothing(server, cache):
    synth.synthesize(pieces(), JOB, cache, policy=FAST)
    again = synth.Progress(0)
    synth.synthesize(pieces(), JOB, cache, policy=FAST, progress=again)
    assert again.attempts == 0 and again.cached == len(TEXTS)
    assert server.handshakes == len(TEXTS)


def test_short_and_full_voice_names_share_the_cache(server, cache):
    synth.synthesize(pieces(), JOB, cache, policy=FAST)
    full = synth.Job("edge", "zh-CN-YunyangNeural", Prosody())
    synth.synthesize(pieces(), full, cache, policy=FAST)
    assert server.handshakes == len(TEXTS)


def test_with_a_fifth_of_requests_failing_every_piece_arrives_whole_and_once(monkeypatch, cache):
    with EdgeServer(Faults(rate=0.2, seed=1)) as server:
        monkeypatch.setenv("TTS_EDITION_EDGE_URL", server.url)
        progress = synth.Progress(0)
        wavs = synth.synthesize(pieces(), JOB, cache, policy=FAST, progress=progress)
    assert sum(server.failures.values()) > 0 and progress.retries > 0
    assert durations(wavs) == [server.durations[t] for t in TEXTS]
    assert set(server.served.values()) == {1}


def test_a_piece_cut_short_is_retried_never_kept(server, cache):
    server.faults.script = ["cut"]
    [wav] = synth.synthesize(pieces(TEXTS[:1]), JOB, cache, policy=FAST)
    assert read_wav(wav).duration == server.durations[TEXTS[0]]
    assert server.attempts[TEXTS[0]] == 2


def test_a_stalled_request_times_out_and_is_retried(server, cache):
    server.faults.script = ["stall"]
    policy = synth.Policy(retries=3, backoff=0.01, timeout=1.5, timeout_per_char=0.0)
    progress = synth.Progress(0)
    synth.synthesize(pieces(TEXTS[:1]), JOB, cache, policy=policy, progress=progress)
    assert server.failures["stall"] == 1 and progress.retries >= 1
    assert server.served[TEXTS[0]] == 1


def test_a_permanent_failure_is_not_retried_and_the_rest_is_kept(server, cache):
    server.faults.script = ["400"]
    with pytest.raises(BuildError, match="1 of 3 pieces could not be voiced"):
        synth.synthesize(pieces(TEXTS[:3]), JOB, cache, policy=FAST, jobs=1)
    assert server.handshakes == 3  # the failed piece was asked for once
    assert len(server.served) == 2


def test_too_many_requests_at_once_make_the_limit_settle_below_the_servers(server, cache):
    server.faults.throttle_above = 3
    server.faults.hold = 1.0  # so more than 3 at once meet on the server, however busy the machine
    server.faults.latency = 0.05
    progress = synth.Progress(0)
    many = [f"第{n}条，天气很好。" for n in range(30)]
    synth.synthesize(pieces(many), JOB, cache, policy=FAST, jobs=8, progress=progress)
    assert set(server.served.values()) == {1} and len(server.served) == 30
    assert server.failures["429"] > 0  # it did go past the server's limit…
    assert any(b < a for a, b in zip(progress.limits, progress.limits[1:]))  # …and backed off


def test_persistent_no_audio_uses_the_fallback_voice_only_when_allowed(server, cache):
    server.faults.mute_voices = {"yunyang"}
    policy = synth.Policy(retries=1, backoff=0.01)
    with pytest.raises(BuildError, match="no audio"):
        synth.synthesize(pieces(TEXTS[:2]), JOB, cache, policy=policy)
    assert not server.served

    allowed = synth.Job("edge", "yunyang", Prosody(), fallback_voice="xiaoxiao")
    progress = synth.Progress(0)
    synth.synthesize(pieces(TEXTS[:2]), allowed, cache, policy=policy, progress=progress)
    assert server.voices == {"XiaoxiaoNeural": 2}
    assert progress.fallbacks == 2


def test_an_unknown_voice_stops_the_run_before_any_request(server, cache):
    with pytest.raises(UserError):
        synth.synthesize(pieces(), synth.Job("edge", "nobody", Prosody()), cache, policy=FAST)
    assert server.handshakes == 0


def test_a_service_refusing_everyone_stops_the_run_with_advice(server, cache):
    server.faults.script = ["403"] * 40
    with pytest.raises(BuildError, match="update edge-tts"):
        synth.synthesize(pieces(), JOB, cache, policy=FAST)
    assert not server.served


def audio(seconds: float) -> Audio:
    return Audio(b"\0\0" * round(seconds * 24_000), 24_000)


def test_check_refuses_empty_audio():
    with pytest.raises(TransientError, match="no audio"):
        synth.check(audio(0), "你好")


def test_check_refuses_audio_too_short_for_its_characters():
    with pytest.raises(TransientError, match="too short"):
        synth.check(audio(0.5), "今天天气很好，我们去公园散步。")  # 13 characters in half a second


def test_check_allows_a_faster_voice_to_be_shorter():
    text = "今天天气很好我们去公园散步吧一二三四五六七八九十"  # 24 characters
    with pytest.raises(TransientError):
        synth.check(audio(1.5), text)
    synth.check(audio(1.5), text, rate=50)


def test_check_refuses_audio_far_too_long():
    with pytest.raises(TransientError, match="too long"):
        synth.check(audio(60), "你好")


def test_check_accepts_ordinary_speech():
    synth.check(audio(3.0), "今天天气很好，我们去公园散步。")
