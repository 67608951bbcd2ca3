"""The executor on a Ray cluster: one actor per CPU, each holding the voice's models.

Only the engine payload (the offline voice's symbol ids) goes out and only the audio comes
back, through Ray's object store, so the nodes share no file system: the driver keeps the
cache and writes every output. An actor lost with its node is dropped and the piece it held is
voiced by another (the scheduler caches a piece once, so nothing is lost and nothing doubled).

Each node needs tts-edition installed (with the same Python and the ``ray`` extra); see
``docs/cluster.md``. Ray is an optional extra: without it ``--executor ray`` is a one-line error.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

from .errors import BuildError, UserError
from .executor import render_in_worker
from .model import Audio, Prosody

log = logging.getLogger(__name__)


def _import_ray():
    try:
        import ray
    except ImportError:
        raise UserError(
            "--executor ray needs Ray: install the extra (pip install 'tts-edition[ray]', "
            "or uv run --extra ray tts-edition ...)"
        ) from None
    return ray


class VoiceActor:
    """Lives on a node for the whole run; the engine is loaded on its first piece and kept."""

    def render(self, engine: str, payload: Any, voice: str, prosody: Prosody) -> Audio:
        return render_in_worker(engine, payload, voice, prosody)

    def node(self) -> str:
        import ray

        return ray.get_runtime_context().get_node_id()


class RayExecutor:
    """As many voice actors as the cluster has CPUs (or ``workers``, if fewer)."""

    def __init__(self, address: str | None = None, workers: int | None = None):
        self._ray = ray = _import_ray()
        # Workers use the tts-edition installed on each node, not a copy of the driver's folder
        # (Ray would otherwise rebuild the uv project on every node when run under `uv run`).
        os.environ.setdefault("RAY_ENABLE_UV_RUN_RUNTIME_ENV", "0")
        self._started = not ray.is_initialized()
        if self._started:
            joining = address or os.environ.get("RAY_ADDRESS")
            extra = {} if joining else {"include_dashboard": False}
            try:
                ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING, **extra)
            except (ConnectionError, ValueError, RuntimeError) as e:
                raise UserError(f"cannot join the Ray cluster at {joining or 'a new local instance'}: {e}") from None
        cpus = int(ray.cluster_resources().get("CPU", 0))
        if cpus < 1:
            raise UserError("the Ray cluster has no CPUs to voice on")
        self.workers = min(workers or cpus, cpus)
        self._remote = ray.remote(num_cpus=1, max_restarts=0)(VoiceActor)
        self._actors = [self._remote.remote() for _ in range(self.workers)]
        self._idle: asyncio.Queue | None = None  # made on the scheduler's loop, at the first piece
        self.lost = 0  # actors lost during the run (a node gone)
        log.info("voicing on Ray: %d actors", self.workers)

    def nodes(self) -> list[str]:
        """The node each live actor runs on (for tests and the log)."""
        return self._ray.get([a.node.remote() for a in self._actors])

    async def render(self, engine: str, payload: Any, voice: str, prosody: Prosody) -> Audio:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for actor in self._actors:
                self._idle.put_nowait(actor)
        while True:
            actor = await self._idle.get()
            if actor is None:  # every actor is gone: tell the next waiter too
                self._idle.put_nowait(None)
                raise BuildError("every Ray voice worker was lost; finished pieces are cached")
            try:
                audio = await actor.render.remote(engine, payload, voice, prosody)
            except self._ray.exceptions.RayActorError as e:
                self._lose(actor, e)
                continue
            self._idle.put_nowait(actor)
            return audio

    def _lose(self, actor, error: Exception) -> None:
        if actor in self._actors:
            self._actors.remove(actor)
            self.lost += 1
            log.warning("a Ray voice worker was lost (%s); its piece goes to another", type(error).__name__)
        if not self._actors and self._idle is not None:
            self._idle.put_nowait(None)  # wake a waiter so it can see there is no one left

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started:
            self._ray.shutdown()
