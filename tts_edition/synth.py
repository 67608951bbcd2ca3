"""Turn pieces into audio files: only the missing ones, in parallel, each checked, all cached.

Engines only know how to voice one text. Everything around that — which pieces still need a
voice, how many run at once, what is retried, what counts as a believable result — lives here,
once, so every engine gets the same guarantees: no piece lost, none voiced twice.

Two kinds of engine: a CPU-bound one (the offline voice) runs in a pool of processes, one per
core; a network-bound one (the edge voices, which have ``asynthesize``) runs as coroutines in
this process, as many at once as the service tolerates, learnt as we go (``limiter.py``).

Engines signal through their exceptions: ``PermanentError`` is never retried; a
``TransientError`` is, after a growing, jittered delay; one with ``throttled = True`` (429/503)
also halves the number of requests at once and pauses the queue; one with ``no_audio = True``
that persists may be voiced with the job's fallback voice; ``UserError`` and ``BuildError``
stop the whole run (bad input, or a service that refuses everyone).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import random
import time
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import engines, killpoints
from .cache import Cache, piece_key
from .engines.base import Engine, PermanentError, TransientError, Unspeakable
from .errors import BuildError
from .limiter import AdaptiveLimit
from .model import Audio, Piece, Prosody

log = logging.getLogger(__name__)

# Mandarin news is read at 3 to 6 characters a second; a piece far shorter than the fastest
# believable reading was cut off (a dropped connection), and one far longer is noise.
FASTEST_CHARS_PER_SECOND = 12.0
SLOWEST_SECONDS_PER_CHAR = 1.5
SLACK_SECONDS = 5.0  # leading and trailing silence, a title read slowly


@dataclass(frozen=True)
class Job:
    """What every worker needs to voice pieces with one engine and one voice."""

    engine: str
    voice: str
    prosody: Prosody
    options: dict = field(default_factory=dict)  # keyword arguments of every encode/asynthesize call
    cache_salt: str = ""  # anything else that changes the sound, e.g. the lexicon's fingerprint
    fallback_voice: str | None = None  # voice for texts the first one persistently gets no audio for

    def key(self, text: str) -> str:
        return piece_key(self.engine, self.voice, self.prosody, text, self.cache_salt)


@dataclass(frozen=True)
class Policy:
    """How hard to try. The defaults suit the real service; tests shorten the waits."""

    retries: int = 4
    backoff: float = 0.5  # the first retry's delay in seconds, doubled each time, jittered ±50%
    max_backoff: float = 30.0
    timeout: float = 20.0  # a whole request, connection to last byte, plus…
    timeout_per_char: float = 0.1  # …this for each character
    start: int = 2  # requests at once to begin with, for a network engine
    pause: float = 1.0  # how long a throttle stops the queue (doubles while throttles go on)

    def timeout_for(self, text: str) -> float:
        return self.timeout + self.timeout_per_char * len(text)

    def delay(self, attempt: int) -> float:
        return min(self.max_backoff, self.backoff * 2**attempt) * random.uniform(0.5, 1.5)


DEFAULT_POLICY = Policy()


@dataclass
class Progress:
    total: int
    done: int = 0
    cached: int = 0
    audio_seconds: float = 0.0
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # texts the voice cannot say at all: left out
    permanent: bool = False  # a failure no rerun cures (bad parameters, a refused request)
    attempts: int = 0  # requests made, retries included
    retries: int = 0
    fallbacks: int = 0  # pieces voiced with the fallback voice
    limits: list[int] = field(default_factory=list)  # every value the concurrency limit took
    peak: int = 0  # the most requests in flight at once


ProgressCallback = Callable[[Progress], None]


def synthesize(
    pieces: list[Piece],
    job: Job,
    cache: Cache,
    *,
    jobs: int | None = None,
    on_progress: ProgressCallback | None = None,
    policy: Policy | None = None,
    progress: Progress | None = None,
) -> list[Path | None]:
    """One WAV file per piece, in order; None for a piece the voice cannot say at all (an
    ``Unspeakable`` error: a rare character, kana only), which is left out with a warning. Raises
    BuildError naming what failed for a reason a rerun may cure (a timeout, an outage);
    everything voiced before that stays in the cache for the next run.

    ``jobs`` caps the requests at once (default: the engine's ``max_concurrency``, or one per
    CPU); pass a ``progress`` to read the run's figures afterwards."""
    engine = engines.create(job.engine)
    job = _prepared(engine, job)
    keys = [job.key(p.text) for p in pieces]
    missing = {k: p.text for k, p in zip(keys, pieces) if cache.get(k) is None}
    unique = len(set(keys))
    progress = progress or Progress(total=unique)
    progress.total, progress.cached = unique, unique - len(missing)
    progress.done = progress.cached
    if on_progress:
        on_progress(progress)
    if missing:
        log.info("voicing %d pieces (%d cached)", len(missing), progress.cached)
        run = _Run(engine, job, cache, policy or DEFAULT_POLICY, progress, on_progress)
        asyncio.run(run.all(missing, jobs))
    if progress.failed:
        shown = "; ".join(progress.failed[:3])
        raise BuildError(
            f"{len(progress.failed)} of {len(missing)} pieces could not be voiced ({shown}); the others are cached"
            + ("" if progress.permanent else ", run the build again to retry")
        )
    unsaid = set(progress.skipped)
    return [None if p.text in unsaid else cache.path(k) for k, p in zip(keys, pieces)]


def check(audio: Audio, text: str, rate: int = 0) -> None:
    """Refuse audio no listener should get: empty, or too short or too long for what it says.

    ``rate`` is the prosody's speed-up in percent: a faster voice may take less time."""
    if not audio.samples:
        raise TransientError("no audio")
    speakable = sum(1 for c in text if c.isalnum())
    shortest = speakable / (FASTEST_CHARS_PER_SECOND * (1 + max(0, rate) / 100))
    if audio.duration < shortest:
        raise TransientError(f"{audio.duration:.2f}s is too short for {speakable} characters: cut short?")
    longest = speakable * SLOWEST_SECONDS_PER_CHAR + SLACK_SECONDS
    if audio.duration > longest:
        raise TransientError(f"{audio.duration:.2f}s is too long for {speakable} characters")


def _prepared(engine: Engine, job: Job) -> Job:
    """Check the user's voice and settings before any request; name the voice one way, so
    ``xiaoxiao`` and ``zh-CN-XiaoxiaoNeural`` share cached pieces."""
    voice = engine.prepare(job.voice, job.prosody)
    fallback = engine.prepare(job.fallback_voice, job.prosody) if job.fallback_voice else None
    return replace(job, voice=voice, fallback_voice=fallback)


Call = Callable[[str, str], Awaitable[Audio]]  # (text, voice) -> audio


class _Run:
    """One synthesize call's scheduling state: the limit, the progress, the way to call the engine."""

    def __init__(self, engine, job: Job, cache: Cache, policy: Policy, progress: Progress, on_progress):
        self.engine, self.job, self.cache, self.policy = engine, job, cache, policy
        self.progress, self.on_progress = progress, on_progress

    async def all(self, missing: dict[str, str], jobs: int | None) -> None:
        if hasattr(self.engine, "asynthesize"):
            ceiling = jobs or self.engine.max_concurrency or 4
            limit = AdaptiveLimit(ceiling, start=self.policy.start, pause=self.policy.pause)
            await self._gather(missing, limit, self._in_loop)
            return
        workers = jobs or self.engine.max_concurrency or os.cpu_count() or 1
        context = multiprocessing.get_context("spawn")  # the voice's runtime does not survive fork
        with ProcessPoolExecutor(workers, context, initializer=_start_worker, initargs=(self.job, os.getpid())) as pool:
            loop = asyncio.get_running_loop()

            async def in_pool(text: str, voice: str) -> Audio:
                # the front end runs here, once; the workers only hold the models
                ids = self.engine.encode(text, **self.job.options)
                return await loop.run_in_executor(pool, _render, ids, voice)

            limit = AdaptiveLimit(workers, adaptive=False, pause=self.policy.pause)
            await self._gather(missing, limit, in_pool)

    async def _in_loop(self, text: str, voice: str) -> Audio:
        return await self.engine.asynthesize(text, voice, self.job.prosody, **self.job.options)

    async def _gather(self, missing: dict[str, str], limit: AdaptiveLimit, call: Call) -> None:
        tasks = [asyncio.create_task(self._piece(k, t, limit, call)) for k, t in missing.items()]
        try:
            await asyncio.gather(*tasks)
        except BrokenProcessPool:
            raise BuildError("a voice process died (out of memory?); finished pieces are cached") from None
        finally:
            for task in tasks:  # a run-stopping error: finished pieces are cached already
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self.progress.limits, self.progress.peak = limit.history, limit.peak

    async def _piece(self, key: str, text: str, limit: AdaptiveLimit, call: Call) -> None:
        try:
            audio = await self._voiced(text, limit, call)
        except Unspeakable as e:  # no voicing will ever say it: say so and go on
            log.warning("left out %r: the voice cannot say it (%s)", text, e)
            self.progress.skipped.append(text)
            return
        except PermanentError as e:
            self.progress.permanent = True
            self._failed(text, e)
            return
        except TransientError as e:
            self._failed(text, e)
            return
        self.cache.put(key, audio)
        killpoints.reached("voiced")
        self.progress.done += 1
        self.progress.audio_seconds += audio.duration
        if self.on_progress:
            self.on_progress(self.progress)

    async def _voiced(self, text: str, limit: AdaptiveLimit, call: Call) -> Audio:
        """The job's voice, or the fallback voice where the first persistently gives no audio."""
        try:
            return await self._with_retries(text, self.job.voice, limit, call)
        except TransientError as e:
            if not (getattr(e, "no_audio", False) and self.job.fallback_voice):
                raise
        log.warning("no audio for %r from %s; using %s", text[:20], self.job.voice, self.job.fallback_voice)
        audio = await self._with_retries(text, self.job.fallback_voice, limit, call)
        self.progress.fallbacks += 1
        return audio

    async def _with_retries(self, text: str, voice: str, limit: AdaptiveLimit, call: Call) -> Audio:
        for attempt in range(self.policy.retries + 1):
            async with limit.slot() as slot:
                self.progress.attempts += 1
                try:
                    audio = await asyncio.wait_for(call(text, voice), self.policy.timeout_for(text))
                    check(audio, text, self.job.prosody.rate)
                except TimeoutError:
                    error: TransientError = TransientError(f"no answer in {self.policy.timeout_for(text):.0f}s")
                except TransientError as e:
                    error = e
                else:
                    limit.succeeded(slot)
                    return audio
                if getattr(error, "throttled", False):
                    limit.throttled(slot)
                else:
                    limit.failed(slot)
            if attempt == self.policy.retries:
                raise error
            self.progress.retries += 1
            delay = self.policy.delay(attempt)
            log.warning("retrying %r in %.1fs: %s", text[:20], delay, error)
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    def _failed(self, text: str, error: Exception) -> None:
        log.error("could not voice %r: %s", text[:20], error)
        self.progress.failed.append(f"{text[:20]!r}: {error}")


# -- in each worker process ------------------------------------------------------------------

_worker: tuple | None = None


def _start_worker(job: Job, parent: int) -> None:
    global _worker
    _worker = (engines.create(job.engine), job)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose build was killed (SIGKILL, OOM killer) would wait for work forever."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _render(ids: list[int], voice: str) -> Audio:
    engine, job = _worker
    return engine.render(ids, voice, job.prosody)
