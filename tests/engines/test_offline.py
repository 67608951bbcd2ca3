"""The offline voice, run for real on short texts."""

import pickle

import pytest

from tts_edition.engines.base import LocalEngine, NetworkEngine, PermanentError
from tts_edition.engines.offline import OfflineEngine, pitch_factor, speed_ratio
from tts_edition.model import Prosody

TEXT = "今天天气很好，我们去公园散步。"  # 14 characters


@pytest.fixture(scope="module")
def engine():
    return OfflineEngine()


def test_what_the_scheduler_needs_to_know(engine):
    assert engine.name == "offline"
    assert engine.max_concurrency == 0
    assert [v.name for v in engine.voices()] == ["baker"]
    assert "non-commercial" in engine.voices()[0].description
    assert len(pickle.dumps(engine)) < 1000  # cheap to send to a worker process
    assert isinstance(engine, LocalEngine) and not isinstance(engine, NetworkEngine)
    assert engine.needs_pinyin


def test_the_payload_is_the_voices_symbol_ids(engine):
    ids = engine.encode("你好", {})
    assert ids[0] == 1 and ids[-1] == 218  # sil ... eos in baker_mapper.json
    assert len(ids) == 8  # sil n i2 #0 h ao3 sil eos


def test_it_speaks_at_a_plausible_speed(engine):
    audio = engine.synthesize(TEXT, "baker", Prosody())
    assert audio.sample_rate == 24000
    assert len(audio.samples) % 2 == 0
    chars_per_second = 13 / audio.duration
    assert 3 <= chars_per_second <= 7


def test_no_long_silence_at_the_edges(engine):
    import numpy as np

    wave = np.frombuffer(engine.synthesize(TEXT, "baker", Prosody()).samples, "<i2")
    tenth = 2400
    assert np.abs(wave[:tenth]).max() > 300 or np.abs(wave[tenth : 2 * tenth]).max() > 300
    assert np.abs(wave[-2 * tenth :]).max() > 300


def test_slower_rate_gives_longer_audio(engine):
    normal = engine.synthesize(TEXT, "baker", Prosody()).duration
    slow = engine.synthesize(TEXT, "baker", Prosody(rate=-30)).duration
    assert slow > normal * 1.25


def test_pitch_keeps_the_duration(engine):
    normal = engine.synthesize(TEXT, "baker", Prosody()).duration
    higher = engine.synthesize(TEXT, "baker", Prosody(pitch=20)).duration
    assert abs(higher - normal) < 0.15 * normal


def test_volume_is_a_gain(engine):
    import numpy as np

    quiet = np.frombuffer(engine.synthesize("你好", "baker", Prosody(volume=-50)).samples, "<i2")
    loud = np.frombuffer(engine.synthesize("你好", "baker", Prosody()).samples, "<i2")
    assert np.abs(quiet).max() < 0.7 * np.abs(loud).max()


def test_overrides_reach_the_voice(engine):
    audio = engine.synthesize("阜蒙县", "baker", Prosody(), overrides={"阜蒙县": ["fu4", "meng2", "xian4"]})
    assert audio.duration > 0.3


def test_nothing_speakable_is_permanent(engine):
    with pytest.raises(PermanentError):
        engine.synthesize("，。！？——", "baker", Prosody())


def test_unknown_voice_is_permanent(engine):
    with pytest.raises(PermanentError):
        engine.synthesize(TEXT, "xiaoxiao", Prosody())


@pytest.mark.slow
def test_a_chunk_too_long_for_one_call_is_split_not_lost(engine):
    text = "，".join(["今天天气很好我们去公园散步看看风景"] * 12)  # 215 characters
    audio = engine.synthesize(text, "baker", Prosody(rate=-30))
    assert 190 / audio.duration < 5  # all of it was spoken, slowly


def test_prosody_mapping():
    assert speed_ratio(0) == 1.0
    assert speed_ratio(-30) == pytest.approx(1 / 0.7)
    assert speed_ratio(25) == pytest.approx(0.8)
    assert pitch_factor(0) == 1.0
    assert pitch_factor(25) == pytest.approx(1.1)


def test_vocoding_in_windows_gives_exactly_the_whole_mels_samples(engine):
    import numpy as np

    from tts_edition.engines import offline
    from tts_edition.engines.mandarin import to_symbols

    engine.synthesize(TEXT, "baker", Prosody())  # loads the models
    models = offline._models(engine.threads)
    table = offline.mapper()["symbol_to_id"]
    ids = [table[s] for s in to_symbols("我县认真学习贯彻十九届五中全会精神，深入推进放管服改革，坚持问题导向。")]
    mel = models.mel(ids, 1.0)
    assert mel.shape[1] > 2 * offline.WINDOW  # several windows
    whole = models._vocode(mel)
    np.testing.assert_allclose(models.wave(mel), whole, atol=1e-6)
