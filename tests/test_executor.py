"""The local executor and the scheduler around it: workers ready before the first piece, the front
end ahead of the workers."""

import asyncio
import threading

from tts_edition import synth
from tts_edition.cache import Cache, read_wav
from tts_edition.engines import offline
from tts_edition.engines.offline import OfflineEngine
from tts_edition.executor import LocalExecutor
from tts_edition.model import Level, Piece, Prosody

TEXTS = ["今天天气很好。", "我们去公园散步。", "明天还要上班。"]


def models_loaded() -> bool:
    """In a worker: has this process loaded the voice's models?"""
    return bool(offline._loaded)


def test_a_worker_started_with_preload_has_its_models_before_any_piece():
    executor = LocalExecutor(1, preload="offline")
    try:
        assert executor._pool.submit(models_loaded).result(timeout=300)
    finally:
        executor.close()


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
