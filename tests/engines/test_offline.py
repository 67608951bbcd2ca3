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


def mel_of(models, text):
    from tts_edition.engines import offline
    from tts_edition.engines.mandarin import to_symbols

    table = offline.mapper()["symbol_to_id"]
    return models.mel([table[s] for s in to_symbols(text)], offline.speed_ratio(-30))


LONG = "我县认真学习贯彻十九届五中全会精神，深入推进放管服改革，坚持问题导向。"  # several vocoder windows


def test_vocoding_in_windows_gives_exactly_the_whole_mels_samples(engine):
    import numpy as np

    from tts_edition.engines import offline

    engine.load()
    models = offline._models(engine.threads)
    mel = mel_of(models, LONG)
    assert mel.shape[1] > 2 * offline.WINDOW  # several windows
    whole = models.pqmf(models._vocode(mel))
    assert len(models.wave(mel)) == len(whole) == mel.shape[1] * offline.HOP
    np.testing.assert_allclose(models.wave(mel), whole, atol=1e-6)


def test_the_numpy_pqmf_gives_the_original_vocoders_samples(engine):
    """The shipped vocoder ends in the PQMF synthesis; ours stops at the subbands
    and joins them in numpy: the same samples, to float rounding."""
    import numpy as np
    from ai_edge_litert.interpreter import Interpreter

    from tts_edition.engines import offline

    engine.load()
    models = offline._models(engine.threads)
    mel = mel_of(models, LONG)
    original = Interpreter(model_path=str(offline.asset_dir() / "mb_melgan.tflite"), num_threads=1)
    windows = []  # the windowing as it was done with the original model
    for start in range(0, mel.shape[1], offline.WINDOW):
        first, last = max(0, start - offline.CONTEXT), min(mel.shape[1], start + offline.WINDOW + offline.CONTEXT)
        index = original.get_input_details()[0]["index"]
        original.resize_tensor_input(index, [1, last - first, 80])
        original.allocate_tensors()
        original.set_tensor(index, np.ascontiguousarray(mel[:, first:last, :]))
        original.invoke()
        samples = original.get_tensor(original.get_output_details()[0]["index"])[0, :, 0]
        skip = (start - first) * offline.HOP
        windows.append(samples[skip : skip + min(offline.WINDOW, mel.shape[1] - start) * offline.HOP])
    before, now = np.concatenate(windows), models.wave(mel)
    assert len(now) == len(before) == mel.shape[1] * offline.HOP
    assert np.abs(now - before).max() < 1e-5
    assert np.abs(before).max() > 0.1  # speech, not silence


@pytest.fixture
def models_folder(tmp_path, monkeypatch):
    """An empty cache for the prepared models, and a process that has not looked for them yet."""
    from tts_edition.engines import offline

    monkeypatch.setenv("TTS_EDITION_CACHE", str(tmp_path))
    monkeypatch.setattr(offline, "_ready", {})
    return tmp_path / "models"


def test_prepared_models_are_kept_under_the_cache_and_found_again(models_folder, monkeypatch):
    from tts_edition.engines import offline

    vocoder = offline._prepared(offline.VOCODER)
    assert vocoder.parent == models_folder and vocoder.name.startswith("mb_melgan-")
    monkeypatch.setattr(offline, "_ready", {})  # a later run
    assert offline._prepared(offline.VOCODER) == vocoder
    assert [p.name for p in models_folder.glob("*.tflite")] == [vocoder.name]
    assert not list(models_folder.glob("*.tmp"))  # written atomically, nothing left behind


def test_a_damaged_prepared_model_is_made_again(models_folder, monkeypatch):
    from tts_edition.engines import offline

    vocoder = offline._prepared(offline.VOCODER)
    whole = vocoder.read_bytes()
    vocoder.write_bytes(whole[: len(whole) // 2])  # cut short, as a full disk might leave it
    monkeypatch.setattr(offline, "_ready", {})
    again = offline._prepared(offline.VOCODER)
    assert again.read_bytes() == whole


def test_a_prepared_model_damaged_while_running_is_made_again(models_folder):
    from tts_edition.engines import offline

    vocoder = offline._prepared(offline.VOCODER)
    whole = vocoder.read_bytes()
    vocoder.write_bytes(whole[:100_000])  # after this process checked it
    models = offline._Models(1)
    assert len(models.wave(mel_of(models, "你好。"))) > 0
    assert offline._prepared(offline.VOCODER).read_bytes() == whole


def test_the_voice_loads_from_prepared_files_and_never_imports_the_schema_module(models_folder):
    """The flatbuffer schema module costs tens of MB imported, and parsing a model as
    much again: a child process prepares the files, the voice only maps them."""
    import os
    import subprocess
    import sys

    load = (
        "import sys; from tts_edition.engines import offline; offline._models(1); "
        "print(sorted(offline._ready.values()) == sorted(offline.default_root().joinpath('models').glob('*.tflite')),"
        " 'ai_edge_litert.schema_py_generated' in sys.modules)"
    )
    for run in ("first", "later"):
        done = subprocess.run([sys.executable, "-c", load], capture_output=True, text=True, env=os.environ, check=True)
        assert done.stdout.split() == ["True", "False"], run
    assert len(list(models_folder.glob("*.tflite"))) == 2


def test_without_a_writable_cache_the_models_are_prepared_in_memory(tmp_path, monkeypatch, engine):
    import numpy as np

    from tts_edition.engines import offline

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TTS_EDITION_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(offline, "_ready", {})
    assert isinstance(offline._prepared(offline.ACOUSTIC), bytes)
    assert offline._interpreter(offline.ACOUSTIC, 1).get_input_details()  # loads from those bytes
    models = offline._Models(1)  # a vocoder from bytes too
    assert len(models.wave(mel_of(models, "你好。"))) > 0.3 * offline.SAMPLE_RATE
    assert np.isfinite(models.pqmf.taps).all()


def test_each_thread_renders_with_its_own_vocoder(engine):
    import gc
    import threading
    import weakref

    from tts_edition.engines import offline

    engine.load()
    mine, theirs, durations = offline._models(engine.threads), [], []

    def lane():
        engine.load()
        theirs.append(offline._models(engine.threads))
        durations.append(engine.synthesize(TEXT, "baker", Prosody()).duration)

    lanes = [threading.Thread(target=lane) for _ in range(2)]
    for thread in lanes:
        thread.start()
    for thread in lanes:
        thread.join()
    assert offline._models(engine.threads) is mine
    assert len({id(mine.vocoder), *(id(models.vocoder) for models in theirs)}) == 3
    assert all(models.acoustic is mine.acoustic for models in theirs)  # shared, under a lock
    assert all(d > 2 for d in durations)
    gone = [weakref.ref(models) for models in theirs]
    theirs.clear()
    gc.collect()
    assert [ref() for ref in gone] == [None, None]  # a finished thread's models went with it
    assert mine in offline._loaded



FORK_WHILE_A_LANE_HOLDS_MODELS = """
import subprocess, sys, threading
from tts_edition.engines.offline import OfflineEngine
from tts_edition.model import Prosody

engine, loaded, done = OfflineEngine(threads=2), threading.Event(), threading.Event()

def lane():
    engine.synthesize("今天天气很好。", "baker", Prosody())
    loaded.set()
    done.wait(60)

thread = threading.Thread(target=lane)
thread.start()
loaded.wait()
child = subprocess.run([sys.executable, "-c", "print('ran')"], preexec_fn=lambda: None, capture_output=True, text=True)
print(child.stdout.strip())
done.set()
thread.join()
"""


def test_a_child_forked_to_run_python_while_a_lane_holds_models_starts():
    """ffmpeg is started with a ``preexec_fn`` while lanes render: that child runs Python after
    the fork, which clears the other threads' state. Had it freed a lane's models, LiteRT's
    destructor would wait there forever for worker threads the child does not have (and
    ``subprocess`` waits for the child's exec before any timeout applies), so this runs in a
    process of its own, with a timeout."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", FORK_WHILE_A_LANE_HOLDS_MODELS], capture_output=True, text=True,
                         timeout=240)
    assert run.stdout.split()[-1:] == ["ran"], run.stderr[-500:]
