import pytest

from tts_edition.cache import Cache, damage, piece_key, read_wav
from tts_edition.model import Audio, Prosody


def test_key_changes_with_everything_that_changes_the_sound():
    base = piece_key("offline", "baker", Prosody(), "今天")
    assert base == piece_key("offline", "baker", Prosody(), "今天")
    assert base != piece_key("edge", "baker", Prosody(), "今天")
    assert base != piece_key("offline", "other", Prosody(), "今天")
    assert base != piece_key("offline", "baker", Prosody(rate=-15), "今天")
    assert base != piece_key("offline", "baker", Prosody(), "今天。")
    assert base != piece_key("offline", "baker", Prosody(), "今天", extra="lexicon-v2")


def test_put_then_get_returns_the_same_audio(tmp_path):
    cache = Cache(tmp_path)
    key = piece_key("offline", "baker", Prosody(), "你好")
    assert cache.get(key) is None
    audio = Audio(bytes(range(200)) * 10, 24000, boundaries=[(0.0, "你好")])
    path = cache.put(key, audio)
    assert cache.get(key) == path
    back = read_wav(path)
    assert back.samples == audio.samples and back.sample_rate == 24000
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [path.name]  # nothing beside it nobody reads


def test_a_cache_written_by_an_older_version_still_hits(tmp_path):
    """Older versions wrote the engine's word boundaries as JSON beside a piece: ignored, not a miss."""
    cache = Cache(tmp_path)
    key = piece_key("edge", "zh-CN-YunyangNeural", Prosody(), "你好")
    path = cache.put(key, Audio(bytes(range(200)) * 10, 24000))
    path.with_suffix(".json").write_text('[[0.0, "你好"]]')
    assert Cache(tmp_path).get(key) == path


def test_nothing_half_written_is_left_beside_a_piece(tmp_path):
    cache = Cache(tmp_path)
    cache.put("ab" + "0" * 62, Audio(b"\0\0" * 100, 24000))
    assert [p.suffix for p in tmp_path.rglob("*") if p.is_file()] == [".wav"]


def _damaged(kind: str, path):
    data = path.read_bytes()
    return {
        "truncated to half": data[: len(data) // 2],
        "zero-length": b"",
        "zero-filled": bytes(len(data)),
        "garbage": b"not audio at all" * 100,
        "header says 0 frames": data[:40] + b"\0\0\0\0" + data[44:],
        "one sample changed": data[:100] + bytes([data[100] ^ 0xFF]) + data[101:],
        "8-bit stereo": data[:22] + b"\x02\x00" + data[24:34] + b"\x08\x00" + data[36:],
        "no checksum (older version)": data[:4] + (len(data) - 48).to_bytes(4, "little") + data[8:-40],
    }[kind]


@pytest.mark.parametrize(
    "kind",
    ["truncated to half", "zero-length", "zero-filled", "garbage", "header says 0 frames",
     "one sample changed", "8-bit stereo", "no checksum (older version)"],
)
def test_a_damaged_piece_is_not_used_but_removed_to_be_voiced_again(tmp_path, kind):
    cache = Cache(tmp_path)
    key = piece_key("offline", "baker", Prosody(), "你好")
    path = cache.put(key, Audio(bytes(range(256)) * 40, 24000))
    assert damage(path) is None
    path.write_bytes(_damaged(kind, path))
    assert damage(path) is not None
    assert cache.get(key) is None and not path.exists()


def test_a_whole_piece_reads_back_with_the_standard_wave_module(tmp_path):
    import wave

    path = Cache(tmp_path).put("cd" + "1" * 62, Audio(b"\x01\x02" * 500, 22050))
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()) == (1, 2, 22050, 500)
