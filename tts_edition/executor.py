"""Where a CPU-bound voice runs: the seam between the scheduler and the machines doing the work.

The scheduler (``synth.Scheduler``) decides what to voice, retries and caches; an executor only
turns one engine payload (the offline voice's symbol ids) into audio on some worker that holds
the models. ``LocalExecutor`` is a pool of processes on this machine, one per core, started once
per run; ``tts_edition.ray_executor.RayExecutor`` is the same contract on a Ray cluster.
Texts go out and audio comes back through the executor, so workers need no shared file system:
the driver keeps the cache and writes every output.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable
from typing import Any, Protocol

from . import engines
from .engines.base import LocalEngine
from .errors import BuildError, UserError
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


class LocalExecutor:
    """A pool of voice processes on this machine for the whole run: ``workers`` renders at once,
    ``threads`` interpreter threads each (one process per CPU with one thread by default).

    ``preload``: an engine each worker loads as it starts, so its models load while this process
    loads its front end, not after (a cold build's first seconds)."""

    def __init__(self, workers: int | None = None, threads: int = 1, preload: str | None = None):
        self.workers = workers or os.cpu_count() or 1
        context = multiprocessing.get_context("spawn")  # the voice's runtime does not survive fork
        self._pool = ProcessPoolExecutor(
            self.workers, context, initializer=_start_worker, initargs=(os.getpid(), {"threads": threads}, preload)
        )
        self._pool.submit(int)  # start the workers now, from this thread, not from the scheduler's

    async def render(self, engine: str, payload: Any, voice: str, prosody: Prosody) -> Audio:
        try:
            return await asyncio.get_running_loop().run_in_executor(
                self._pool, render_in_worker, engine, payload, voice, prosody
            )
        except BrokenProcessPool:
            raise BuildError("a voice process died (out of memory?); finished pieces are cached") from None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _ray(workers: int | None, address: str | None) -> Executor:
    from .ray_executor import RayExecutor  # only when asked for: Ray is an optional extra

    return RayExecutor(address, workers)


# name -> how to make it from ``--jobs`` and ``--ray-address``. "local" is the default: the
# scheduler makes its own pool when a local engine first needs one, so a run on a network
# engine starts no processes. A new executor is one module and one line here.
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


# -- in each worker process ------------------------------------------------------------------

_engines: dict[str, LocalEngine] = {}
_options: dict[str, Any] = {}  # how this process makes its engines, e.g. its thread count


def render_in_worker(engine: str, payload: Any, voice: str, prosody: Prosody) -> Audio:
    """One render with this process's copy of the engine, loaded on first use and kept."""
    return _engine(engine).render(payload, voice, prosody)


def _engine(name: str) -> LocalEngine:
    if name not in _engines:
        engine = engines.create(name, **_options)
        assert isinstance(engine, LocalEngine), f"{name}: a network engine is not rendered by workers"
        _engines[name] = engine
    return _engines[name]


def _start_worker(parent: int, options: dict[str, Any], preload: str | None = None) -> None:
    _options.update(options)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if preload:
        try:
            _engine(preload).load()
        except Exception:  # the first render raises it again, as the piece's own error
            log.debug("could not preload %s", preload, exc_info=True)


def _exit_with_parent(parent: int) -> None:
    """A worker whose build was killed (SIGKILL, OOM killer) would wait for work forever."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)
