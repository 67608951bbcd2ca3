"""Turn pieces into audio files: only the missing ones, in parallel, each checked, all cached.

Engines only know how to voice one text. Everything around that — which pieces still need a
voice, how many run at once, what is retried, what counts as a believable result — lives here,
once, so every engine gets the same guarantees: no piece lost, none voiced twice.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import random
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from . import engines
from .cache import Cache, piece_key
from .engines.base import PermanentError, TransientError
from .errors import BuildError
from .model import Audio, Piece, Prosody

log = logging.getLogger(__name__)

RETRIES = 4
# Mandarin news is read at 3 to 6 characters a second; a piece far shorter than the fastest
# believable reading was cut off (a dropped connection), and one far longer is noise.
FASTEST_CHARS_PER_SECOND = 12.0


@dataclass(frozen=True)
class Job:
    """What every worker needs to voice pieces with one engine and one voice."""

    engine: str
    voice: str
    prosody: Prosody
    options: dict = field(default_factory=dict)  # passed to the engine when created
    cache_salt: str = ""  # anything else that changes the sound, e.g. the lexicon's fingerprint

    def key(self, text: str) -> str:
        return piece_key(self.engine, self.voice, self.prosody, text, self.cache_salt)


@dataclass
class Progress:
    total: int
    done: int = 0
    cached: int = 0
    audio_seconds: float = 0.0
    failed: list[str] = field(default_factory=list)


ProgressCallback = Callable[[Progress], None]


def synthesize(
    pieces: list[Piece],
    job: Job,
    cache: Cache,
    *,
    jobs: int | None = None,
    on_progress: ProgressCallback | None = None,
) -> list[Path]:
    """One WAV file per piece, in order. Raises BuildError naming what could not be voiced;
    everything voiced before that stays in the cache for the next run."""
    keys = [job.key(p.text) for p in pieces]
    missing = {k: p.text for k, p in zip(keys, pieces) if cache.get(k) is None}
    progress = Progress(total=len(set(keys)), cached=len(set(keys)) - len(missing))
    progress.done = progress.cached
    if on_progress:
        on_progress(progress)
    if missing:
        log.info("voicing %d pieces (%d cached)", len(missing), progress.cached)
        asyncio.run(_voice_all(missing, job, cache, jobs, progress, on_progress))
    if progress.failed:
        shown = "; ".join(progress.failed[:3])
        raise BuildError(
            f"{len(progress.failed)} of {len(missing)} pieces could not be voiced ({shown}); "
            "the others are cached, run the build again to retry"
        )
    return [cache.path(k) for k in keys]


async def _voice_all(missing, job, cache, jobs, progress, on_progress) -> None:
    engine = engines.create(job.engine)
    workers = jobs or engine.max_concurrency or os.cpu_count() or 1
    context = multiprocessing.get_context("spawn")  # the voice's runtime does not survive fork
    with ProcessPoolExecutor(workers, context, initializer=_start_worker, initargs=(job,)) as pool:
        loop = asyncio.get_running_loop()

        async def voice(key: str, text: str) -> None:
            try:
                audio = await _with_retries(lambda: loop.run_in_executor(pool, _voice, text), text)
            except (PermanentError, TransientError) as e:
                progress.failed.append(f"{text[:20]!r}: {e}")
                return
            except BrokenProcessPool:
                raise BuildError("a voice process died (out of memory?); finished pieces are cached")
            cache.put(key, audio)
            progress.done += 1
            progress.audio_seconds += audio.duration
            if on_progress:
                on_progress(progress)

        await asyncio.gather(*(voice(k, t) for k, t in missing.items()))


async def _with_retries(call, text: str) -> Audio:
    for attempt in range(RETRIES + 1):
        try:
            audio = await call()
            check(audio, text)
            return audio
        except TransientError as e:
            if attempt == RETRIES:
                raise
            delay = min(30.0, 0.5 * 2**attempt) * random.uniform(0.5, 1.5)
            log.warning("retrying %r in %.1fs: %s", text[:20], delay, e)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")


def check(audio: Audio, text: str) -> None:
    """Refuse audio no listener should get: empty, or too short for what it says."""
    if not audio.samples:
        raise TransientError("no audio")
    speakable = sum(1 for c in text if c.isalnum())
    shortest = speakable / FASTEST_CHARS_PER_SECOND
    if audio.duration < shortest:
        raise TransientError(f"{audio.duration:.2f}s is too short for {speakable} characters")


# -- in each worker process ------------------------------------------------------------------

_worker: tuple | None = None


def _start_worker(job: Job) -> None:
    global _worker
    _worker = (engines.create(job.engine, **job.options), job)


def _voice(text: str) -> Audio:
    engine, job = _worker
    return engine.synthesize(text, job.voice, job.prosody)
