"""The local executor and the scheduler around it: workers ready before the first piece, the front
end ahead of the workers."""

import asyncio
import threading

from tts_edition import synth
from tts_edition.cache import Cache, read_wav
from tts_edition.engines.offline import OfflineEngine
from tts_edition.executor import LocalExecutor
from tts_edition.model import Level, Piece, Prosody

TEXTS = ["今天天气很好。", "我们去公园散步。", "明天还要上班。"]


def test_each_lane_loads_its_models_as_it_starts(monkeypatch):
    loaded, lanes = threading.Semaphore(0), []
    real_load = OfflineEngine.load

    def load(self):
        real_load(self)
        lanes.append(threading.current_thread().name)
        loaded.release()

    monkeypatch.setattr(OfflineEngine, "load", load)
    executor = LocalExecutor(2, preload="offline")
    try:
        assert all(loaded.acquire(timeout=300) for _ in range(2))  # before any piece was sent
        assert sorted(lanes) == ["voice-1", "voice-2"]
    finally:
        executor.close()


def test_two_lanes_render_two_pieces_at_once(monkeypatch):
    both = threading.Barrier(2, timeout=300)  # one lane alone would wait here in vain and fail
    real_render = OfflineEngine.render

    def render(self, ids, voice, prosody):
        both.wait()
        return real_render(self, ids, voice, prosody)

    monkeypatch.setattr(OfflineEngine, "render", render)
    engine, executor = OfflineEngine(), LocalExecutor(2)

    async def two():
        payloads = [engine.encode(text, {}) for text in TEXTS[:2]]
        return await asyncio.gather(*(executor.render("offline", p, "baker", Prosody()) for p in payloads))

    try:
        first, second = asyncio.run(two())
    finally:
        executor.close()
    assert first.duration > 0.5 and second.duration > 0.5


class FrontEndFirst:
    """The real executor, except that its first render waits until every piece is encoded:
    with the front end run only once a worker is free, that never happens (it gives up after
    five minutes and the test fails)."""

    def __init__(self, encoded: list[str], all_encoded: threading.Event):
        self._real = LocalExecutor(1)
        self.workers = self._real.workers
        self.encoded, self.all_encoded, self.seen = encoded, all_encoded, []

    async def render(self, engine, payload, voice, prosody):
        if not self.seen:
            await asyncio.to_thread(self.all_encoded.wait, 300)
        self.seen.append(len(self.encoded))
        return await self._real.render(engine, payload, voice, prosody)

    def close(self):
        self._real.close()


def test_every_piece_is_encoded_without_waiting_for_a_free_worker(tmp_path, monkeypatch):
    encoded: list[str] = []
    all_encoded = threading.Event()
    lock = threading.Lock()
    real_encode = OfflineEngine.encode

    def counting(self, text, overrides):
        ids = real_encode(self, text, overrides)
        with lock:
            encoded.append(text)
            if len(encoded) == len(TEXTS):
                all_encoded.set()
        return ids

    monkeypatch.setattr(OfflineEngine, "encode", counting)
    executor = FrontEndFirst(encoded, all_encoded)
    pieces = [Piece(t, Level.SENTENCE, 0, i) for i, t in enumerate(TEXTS)]
    with synth.Scheduler(Cache(tmp_path / "cache"), executor=executor) as scheduler:
        wavs = scheduler.voice(pieces, synth.Job("offline", "baker", Prosody())).result()
    assert executor.seen[0] == len(TEXTS)  # the first render began with every piece encoded
    assert encoded == TEXTS  # once each, in order
    assert all(read_wav(w).duration > 0.5 for w in wavs)
