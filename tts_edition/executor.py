"""Where a CPU-bound voice runs: the seam between the scheduler and the machines doing the work.

The scheduler (``synth.Scheduler``) decides what to voice, retries and caches; an executor only
turns one engine payload (the offline voice's symbol ids) into audio on some worker that holds
the models. ``LocalExecutor`` is a set of voice lanes in this process, one per core, started once
per run; ``tts_edition.ray_executor.RayExecutor`` is the same contract on a Ray cluster.
Texts go out and audio comes back through the executor, so workers need no shared file system:
the driver keeps the cache and writes every output.
"""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Protocol

from . import engines
from .engines.base import LocalEngine
from .errors import UserError
from .model import Audio, Prosody

log = logging.getLogger(__name__)


class Executor(Protocol):
    """Runs ``engine.render(payload, voice, prosody)`` on a worker that keeps the engine loaded."""

    workers: int  # how many renders may run at once

    async def render(self, engine: str, payload: Any, voice: str, prosody: Prosody) -> Audio:
        """The audio for one payload; raises the engine's own errors, or BuildError when the
        workers are gone for good."""
        ...

    def close(self) -> None: ...


_Task = tuple[Future, str, Any, str, Prosody]


class LocalExecutor:
    """The voice on this machine for the whole run: ``workers`` lanes, each a thread with its own
    copy of the engine and ``threads`` interpreter threads (one lane per core by default).

    Lanes are threads of this process, not processes: LiteRT lets go of the GIL while a model
    runs, so two lanes voice in parallel as two processes did, without a second Python, numpy
    and front end in memory, and the audio is not copied between processes (issue #10).
    ``preload``: an engine each lane loads as it starts, while this process loads the front end.
    """

    def __init__(self, workers: int | None = None, threads: int = 1, preload: str | None = None):
        self.workers = workers or os.cpu_count() or 1
        self._options = {"threads": threads}
        self._tasks: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self._closing = False
        self._lanes = [
            threading.Thread(target=self._lane, args=(preload,), name=f"voice-{n + 1}", daemon=True)
            for n in range(self.workers)
        ]
        for lane in self._lanes:
            lane.start()

    async def render(self, engine: str, payload: Any, voice: str, prosody: Prosody) -> Audio:
        future: Future[Audio] = Future()
        self._tasks.put((future, engine, payload, voice, prosody))
        return await asyncio.wrap_future(future)  # cancelled here: the lane skips it

    def close(self) -> None:
        """Let the lanes finish the render they are in (a second or so), then stop them; renders
        not begun are cancelled."""
        self._closing = True
        for _ in self._lanes:
            self._tasks.put(None)
        for lane in self._lanes:
            lane.join()

    def _lane(self, preload: str | None) -> None:
        lane_engines = _Engines(self._options)  # this lane's own
        if preload:
            try:
                lane_engines[preload].load()
            except Exception:  # the first render raises it again, as the piece's own error
                log.debug("could not preload %s", preload, exc_info=True)
        while (task := self._tasks.get()) is not None:
            future, name, payload, voice, prosody = task
            if self._closing:
                future.cancel()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(lane_engines[name].render(payload, voice, prosody))
            except BaseException as e:  # the piece's own error, for the scheduler to judge
                future.set_exception(e)


def _ray(workers: int | None, address: str | None) -> Executor:
    from .ray_executor import RayExecutor  # only when asked for: Ray is an optional extra

    return RayExecutor(address, workers)


# name -> how to make it from ``--jobs`` and ``--ray-address``. "local" is the default: the
# scheduler makes its own lanes when a local engine first needs them, so a run on a network
# engine loads no voice. A new executor is one module and one line here.
EXECUTORS: dict[str, Callable[[int | None, str | None], Executor]] = {
    "local": lambda workers, address: LocalExecutor(workers),
    "ray": _ray,
}
NAMES = tuple(EXECUTORS)


def create(name: str, workers: int | None = None, address: str | None = None) -> Executor:
    """The executor the user asked for (``--executor``); Ray only when its extra is installed."""
    if name not in EXECUTORS:
        raise UserError(f"--executor must be one of {', '.join(NAMES)}, not {name!r}")
    return EXECUTORS[name](workers, address)


class _Engines(dict[str, LocalEngine]):
    """Engines by name, each made on first use with ``options`` and kept with its models."""

    def __init__(self, options: dict[str, Any]):
        super().__init__()
        self.options = options

    def __missing__(self, name: str) -> LocalEngine:
        engine = engines.create(name, **self.options)
        assert isinstance(engine, LocalEngine), f"{name}: a network engine is not rendered by workers"
        self[name] = engine
        return engine


# -- in a worker process of another executor (a Ray actor) ------------------------------------

_engines = _Engines({})  # this process's


def render_in_worker(engine: str, payload: Any, voice: str, prosody: Prosody) -> Audio:
    """One render with this process's copy of the engine, loaded on first use and kept."""
    return _engines[engine].render(payload, voice, prosody)
