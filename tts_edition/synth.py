"""Turn pieces into audio files: only the missing ones, in parallel, each checked, all cached.

Engines only know how to voice one text. Everything around that — which pieces still need a
voice, how many run at once, what is retried, what counts as a believable result — lives here,
once, so every engine gets the same guarantees: no piece lost, none voiced twice.

One ``Scheduler`` serves a whole run, every edition in it. Two kinds of engine
(``engines/base.py``): a ``LocalEngine`` (the offline voice) encodes here and renders through an
executor (``executor.py``: voice lanes in this process, one per core, or a Ray cluster); a
``NetworkEngine`` (the edge voices) runs as coroutines in this process, as many at once as the
service tolerates, learnt as we go (``limiter.py``).

Engines signal through the type of their errors: a ``PermanentError`` is never retried; a
``TransientError`` is, after a growing, jittered delay; ``Throttled`` (429/503) also halves the
number of requests at once and pauses the queue; ``NoAudio`` that persists may be voiced with the
job's fallback voice; ``Unavailable`` and ``BadRequest`` stop the whole run, and leave here as the
app's ``BuildError`` and ``UserError`` (a service that refuses everyone, a bad voice).
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import threading
from collections.abc import Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from . import engines, killpoints
from .cache import Cache, piece_key, read_wav
from .engines.base import (
    Engine,
    EngineError,
    LocalEngine,
    NetworkEngine,
    NoAudio,
    PermanentError,
    Throttled,
    TransientError,
    Unspeakable,
)
from .errors import BuildError, UserError, engine_errors, engine_failure
from .executor import Executor, LocalExecutor
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
    overrides: Mapping[str, list[str]] = field(default_factory=dict)  # the lexicon's pinyin, if the engine reads it
    cache_salt: str = ""  # anything else that changes the sound, e.g. the overrides' fingerprint
    fallback_voice: str | None = None  # voice for texts the first one persistently gets no audio for

    def key(self, text: str) -> str:
        return piece_key(self.engine, self.voice, self.prosody, text, self.cache_salt)


@dataclass(frozen=True)
class Policy:
    """How hard to try. The defaults suit the real service; tests shorten the waits."""

    retries: int = 4
    backoff: float = 0.5  # the first retry's delay in seconds, doubled each time, jittered ±50%
    max_backoff: float = 30.0
    timeout: float = 20.0  # a whole network request, connection to last byte, plus…
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
    """One WAV file per piece, in order: a run of one edition (see ``Scheduler.voice``); None for
    a piece the voice cannot say at all (an ``Unspeakable`` error: a rare character, kana only),
    which is left out with a warning."""
    with Scheduler(cache, jobs=jobs, policy=policy) as scheduler:
        return scheduler.voice(pieces, job, on_progress=on_progress, progress=progress).result()


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


class Scheduler:
    """Voicing for a whole run: every edition in it shares one loop, one pool of voice workers
    (models loaded once per worker), one concurrency limit per network service, and each
    distinct piece, so a piece two editions need is voiced once.

    ``voice`` returns at once with a ``Voicing``, so the caller can read, plan and assemble
    editions (this one's first pieces included) while pieces are voiced: the voice never waits
    for assembly. The
    scheduling runs on an event loop in a thread of its own; CPU-bound engines render through
    the ``executor`` (local voice lanes unless told otherwise, created on first need).
    """

    def __init__(
        self,
        cache: Cache,
        *,
        jobs: int | None = None,
        policy: Policy | None = None,
        executor: Executor | None = None,
    ):
        self.cache, self.jobs, self.policy = cache, jobs, policy or DEFAULT_POLICY
        self.executor = executor
        self._limits: dict[str, Limit] = {}
        self._shared: dict[str, _Shared] = {}
        self._fatal: BaseException | None = None  # an error that stops every edition (a service refusing us)
        # a local engine's front end, one piece after another in order, ahead of the workers
        self._frontend = ThreadPoolExecutor(1, thread_name_prefix="front-end")
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="voice-scheduler", daemon=True)
        self._thread.start()

    def __enter__(self) -> Scheduler:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def voice(
        self,
        pieces: list[Piece],
        job: Job,
        *,
        on_progress: ProgressCallback | None = None,
        progress: Progress | None = None,
    ) -> Voicing:
        """Start voicing an edition's pieces; the result is one WAV file per piece, in order,
        or BuildError naming what could not be voiced (the rest stays cached).

        The voice and settings are checked here, before any request (UserError). ``on_progress``
        is called from the scheduler's thread."""
        with engine_errors():
            engine = engines.create(job.engine)
            job = _prepared(engine, job)
        keys = [job.key(p.text) for p in pieces]
        texts = dict(zip(keys, (p.text for p in pieces)))
        missing = {k: t for k, t in texts.items() if k in self._shared or self.cache.get(k) is None}
        progress = progress or Progress(total=len(texts))
        progress.total, progress.cached = len(texts), len(texts) - len(missing)
        progress.done = progress.cached
        if on_progress:
            on_progress(progress)
        if missing and self.executor is None and isinstance(engine, LocalEngine):
            # fewer lanes than cores (--jobs): each gets the cores' interpreter threads
            workers = self.jobs or engine.max_concurrency or os.cpu_count() or 1
            self.executor = LocalExecutor(
                workers, threads=max(1, (os.cpu_count() or 1) // workers), preload=job.engine
            )
        arrived = {k: threading.Event() for k in missing}
        edition = _Edition(engine, job, progress, on_progress, arrived)
        future = asyncio.run_coroutine_threadsafe(self._voice(edition, keys, missing), self._loop)
        return Voicing(future, [self.cache.path(k) for k in keys], {self.cache.path(k): e for k, e in arrived.items()})

    def close(self) -> None:
        """Stop what is still running (finished pieces are cached), then the workers."""
        if self._loop.is_closed():
            return
        asyncio.run_coroutine_threadsafe(self._cancel_all(), self._loop).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
        self._frontend.shutdown(wait=False, cancel_futures=True)
        if self.executor is not None:
            self.executor.close()

    async def _cancel_all(self) -> None:
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # -- on the scheduler's loop ---------------------------------------------------------------

    async def _voice(self, edition: _Edition, keys: list[str], missing: dict[str, str]) -> list[Path | None]:
        if self._fatal is not None:
            raise self._fatal
        progress = edition.progress
        if missing:
            log.info("voicing %d pieces (%d cached)", len(missing), progress.cached)
            limit = self._limit(edition.engine)
            waits = [asyncio.create_task(self._wait(edition, k, t, limit)) for k, t in missing.items()]
            try:
                await asyncio.gather(*waits)
            except (BuildError, UserError) as e:
                self._fatal = e  # e.g. a voice worker that died: no edition can be voiced
                raise
            except EngineError as e:  # a service that refuses everyone, a bad pronunciation
                self._fatal = failure = engine_failure(e)
                raise failure from e
            finally:
                for event in edition.arrived.values():
                    event.set()  # whoever waits for a piece sees the edition's end, and its error
                for wait in waits:
                    wait.cancel()
                await asyncio.gather(*waits, return_exceptions=True)
                for key in missing:
                    self._release(key)
                progress.limits, progress.peak = limit.history, limit.peak
        if progress.failed:
            shown = "; ".join(progress.failed[:3])
            raise BuildError(
                f"{len(progress.failed)} of {len(missing)} pieces could not be voiced ({shown}); the others are cached"
                + ("" if progress.permanent else ", run the build again to retry")
            )
        unsaid = {k for k, t in missing.items() if t in set(progress.skipped)}
        return [None if k in unsaid else self.cache.path(k) for k in keys]

    def _limit(self, engine: Engine) -> Limit:
        """One limit per service (network engines) or for the executor, for the whole run."""
        if engine.name not in self._limits:
            limit: Limit
            if isinstance(engine, NetworkEngine):
                ceiling = self.jobs or engine.max_concurrency or 4
                limit = AdaptiveLimit(ceiling, start=self.policy.start, pause=self.policy.pause)
            else:
                assert self.executor is not None, "a local engine is voiced by the executor"
                limit = _InOrder(self.executor.workers)
            self._limits[engine.name] = limit
        return self._limits[engine.name]

    async def _wait(self, edition: _Edition, key: str, text: str, limit: Limit) -> None:
        """One piece of an edition: voiced by this edition, or by another that needed it first."""
        shared = self._shared.get(key)
        if shared is None and self.cache.get(key) is not None:  # finished for another edition meanwhile
            edition.progress.cached += 1
            self._count(edition, key, read_wav(self.cache.path(key)).duration)
            return
        mine = shared is None
        if shared is None:
            task = asyncio.create_task(self._piece(edition, key, text, limit))
            shared = _Shared(task)
            self._shared[key] = shared
        shared.waiters += 1
        failure = await asyncio.shield(shared.task)
        if failure is UNSAID:
            edition.progress.skipped.append(text)
            return
        if failure is not None:
            edition.progress.failed.append(failure.what)
            edition.progress.permanent |= failure.permanent
            return
        if not mine:
            edition.progress.cached += 1  # voiced once, for the edition that asked first
        self._count(edition, key, shared.seconds)

    @staticmethod
    def _count(edition: _Edition, key: str, seconds: float) -> None:
        edition.arrived[key].set()
        progress = edition.progress
        progress.done += 1
        progress.audio_seconds += seconds
        if edition.on_progress:
            edition.on_progress(progress)

    def _release(self, key: str) -> None:
        shared = self._shared.get(key)
        if shared is None:
            return
        shared.waiters -= 1
        if shared.waiters <= 0:
            shared.task.cancel()  # nobody waits for it any more (its edition failed); a no-op once done
            del self._shared[key]

    async def _piece(self, edition: _Edition, key: str, text: str, limit: Limit) -> _Failure | None:
        """Voice and cache one piece; a failure is returned, not raised (``UNSAID``: left out)."""
        if isinstance(edition.engine, LocalEngine):  # encoded before a worker is free, not while it waits
            encode = partial(edition.engine.encode, text, edition.job.overrides)
            edition.payloads[text] = asyncio.get_running_loop().run_in_executor(self._frontend, encode)
        try:
            audio = await self._voiced(edition, text, limit)
        except Unspeakable as e:  # no voicing will ever say it: say so and go on
            log.warning("left out %r: the voice cannot say it (%s)", text, e)
            return UNSAID
        except (TransientError, PermanentError) as e:
            log.error("could not voice %r: %s", text[:20], e)
            return _Failure(f"{text[:20]!r}: {e}", permanent=isinstance(e, PermanentError))
        self.cache.put(key, audio)
        killpoints.reached("voiced")
        self._shared[key].seconds = audio.duration
        return None

    def _call(self, edition: _Edition) -> Call:
        engine, job, executor = edition.engine, edition.job, self.executor
        if isinstance(engine, NetworkEngine):

            async def in_loop(text: str, voice: str) -> Audio:
                # a network request can stall; a render cannot, and may wait behind a loading model
                timeout = self.policy.timeout_for(text)
                return await asyncio.wait_for(engine.asynthesize(text, voice, job.prosody), timeout)

            return in_loop
        assert isinstance(engine, LocalEngine) and executor is not None  # the registry checked; ``voice`` made it

        async def in_executor(text: str, voice: str) -> Audio:
            # the front end ran in ``_piece``, once, ahead of the workers; they only hold the models
            payload = await edition.payloads[text]
            return await executor.render(job.engine, payload, voice, job.prosody)

        return in_executor

    async def _voiced(self, edition: _Edition, text: str, limit: Limit) -> Audio:
        """The job's voice, or the fallback voice where the first persistently gives no audio."""
        job, call = edition.job, self._call(edition)
        try:
            return await self._with_retries(edition, text, job.voice, limit, call)
        except NoAudio:
            if not job.fallback_voice:
                raise
        log.warning("no audio for %r from %s; using %s", text[:20], job.voice, job.fallback_voice)
        audio = await self._with_retries(edition, text, job.fallback_voice, limit, call)
        edition.progress.fallbacks += 1
        return audio

    async def _with_retries(self, edition: _Edition, text: str, voice: str, limit: Limit, call: Call) -> Audio:
        progress, policy = edition.progress, self.policy
        for attempt in range(policy.retries + 1):
            async with limit.slot() as slot:
                progress.attempts += 1
                try:
                    audio = await call(text, voice)
                    check(audio, text, edition.job.prosody.rate)
                except TimeoutError:
                    error: TransientError = TransientError(f"no answer in {policy.timeout_for(text):.0f}s")
                except TransientError as e:
                    error = e
                else:
                    limit.succeeded(slot)
                    return audio
                if isinstance(error, Throttled):
                    limit.throttled(slot)
                else:
                    limit.failed(slot)
            if attempt == policy.retries:
                raise error
            progress.retries += 1
            delay = policy.delay(attempt)
            log.warning("retrying %r in %.1fs: %s", text[:20], delay, error)
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")


class _InOrder:
    """The executor's limit: its workers' number, slots given first come first served, so the
    pieces of one edition are voiced before the next one's and editions finish in order."""

    def __init__(self, workers: int):
        self._free = asyncio.Semaphore(workers)  # wakes its waiters in order
        self.active = self.peak = 0
        self.history = [workers]

    @asynccontextmanager
    async def slot(self):
        async with self._free:
            self.active += 1
            self.peak = max(self.peak, self.active)
            try:
                yield None
            finally:
                self.active -= 1

    def succeeded(self, slot) -> None:
        pass

    failed = throttled = succeeded


Limit = AdaptiveLimit | _InOrder


class Voicing:
    """An edition's pieces on their way: all of them (``result``), or one at a time (``wait``),
    so assembly can start on the first pieces while the last are still being voiced."""

    def __init__(self, future: Future[list[Path | None]], paths: list[Path], arriving: dict[Path, threading.Event]):
        self.future = future
        self.paths = paths  # where each piece will be, in order: known before it is voiced
        self._arriving = arriving

    def result(self) -> list[Path | None]:
        return self.future.result()

    def wait(self, path: Path) -> None:
        """Until the piece at ``path`` is voiced; raises the edition's error if it never will be,
        or ``LeftOut`` if the voice cannot say it."""
        event = self._arriving.get(path)
        if event is not None:
            event.wait()
            if not path.is_file():
                self.future.result()
                raise LeftOut(path)


class LeftOut(Exception):
    """A piece the voice cannot say: the edition is assembled without it (``pipeline.finish``)."""


@dataclass(frozen=True)
class _Failure:
    what: str  # the text's start and the error, for the message
    permanent: bool  # no rerun cures it (bad parameters, a refused request)


UNSAID = _Failure("", permanent=True)  # the voice cannot say it: left out, not failed


@dataclass
class _Edition:
    """One ``voice`` call: its engine and job, the progress it reports, its pieces as they arrive."""

    engine: Engine
    job: Job
    progress: Progress
    on_progress: ProgressCallback | None
    arrived: dict[str, threading.Event]
    payloads: dict[str, asyncio.Future] = field(default_factory=dict)  # a local engine's input per text


@dataclass
class _Shared:
    """One piece being voiced, and how many editions wait for it."""

    task: asyncio.Task
    waiters: int = 0
    seconds: float = 0.0
