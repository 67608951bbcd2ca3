from tts_edition.cache import Cache, piece_key, read_wav
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
    assert cache.boundaries(key) == [(0.0, "你好")]


def test_nothing_half_written_is_left_beside_a_piece(tmp_path):
    cache = Cache(tmp_path)
    cache.put("ab" + "0" * 62, Audio(b"\0\0" * 100, 24000))
    assert [p.suffix for p in tmp_path.rglob("*") if p.is_file()] == [".wav"]
