"""How many requests may run at once, learnt from how the service answers.

A network voice throttles without telling us its limit, and the limit moves. So the scheduler
starts low, adds one slot after each full round of successes, halves on a throttle (429/503) or
a burst of failures and pauses the queue for a while, like TCP's congestion window. The level
that drew a throttle is remembered, so the limit settles just below it instead of hitting it
again every few seconds; after a long calm it probes one level higher, because the service's
limit moves. ``ceiling`` (the user's ``--jobs``) caps everything.
"""

from __future__ import annotations

import asyncio
import logging
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Slot:
    """One admitted request; ``generation`` is the limit it was admitted under, so a burst of
    failures from requests started together halves the limit once, not once per request."""

    generation: int


class AdaptiveLimit:
    def __init__(
        self,
        ceiling: int,
        *,
        start: int = 2,
        adaptive: bool = True,
        pause: float = 1.0,
        max_pause: float = 30.0,
        burst: int = 3,
        probe_after: int = 50,
    ):
        if ceiling < 1:
            raise ValueError("ceiling must be at least 1")
        self.ceiling = ceiling
        self.adaptive = adaptive
        self.limit = max(1, min(start, ceiling)) if adaptive else ceiling
        self.base_pause = pause
        self.max_pause = max_pause
        self.burst = burst
        self.probe_after = probe_after
        self.active = 0
        self.peak = 0  # the most requests ever in flight at once
        self.history: list[int] = [self.limit]  # every value the limit took, in order
        self.throttles = 0
        self._generation = 0
        self._successes = 0  # since the limit last changed
        self._calm = 0  # successes at the highest allowed level
        self._failures = 0  # in a row, since the last success
        self._bad_level: int | None = None  # the level that last drew a throttle
        self._good_level: int | None = None  # a level that stayed calm for probe_after successes
        self._pause = pause
        self._resume_at = 0.0
        self._waiters: list[asyncio.Future] = []

    @property
    def paused(self) -> bool:
        return time.monotonic() < self._resume_at

    @asynccontextmanager
    async def slot(self):
        """Wait for a free slot and the end of any pause; hold the slot for one request."""
        while self.paused or self.active >= self.limit:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            timeout = self._resume_at - time.monotonic() if self.paused else None
            try:
                await asyncio.wait([waiter], timeout=timeout)
            finally:
                self._waiters.remove(waiter)
        self.active += 1
        self.peak = max(self.peak, self.active)
        try:
            yield Slot(self._generation)
        finally:
            self.active -= 1
            self._wake()

    def succeeded(self, slot: Slot) -> None:
        self._failures = 0
        self._pause = self.base_pause
        if not self.adaptive or slot.generation != self._generation:
            return
        self._successes += 1
        top = self._highest_allowed()
        if self.limit >= top:
            self._calm += 1
            if self._bad_level is not None and self._calm >= self.probe_after:
                self._good_level = self.limit
                self._bad_level += 1  # the service may allow more by now
                self._calm = 0
        elif self._successes >= self.limit:
            self._set(self.limit + 1)

    def throttled(self, slot: Slot) -> None:
        """The service said 429 or 503: halve, remember the level, pause the queue."""
        self.throttles += 1
        self._failures = 0
        if slot.generation == self._generation:
            self._bad_level = self.limit
            # A probe one above a calm level failed: step back to it rather than halve.
            step_back = self._good_level is not None and self.limit == self._good_level + 1
            self._back_off("throttled", self._good_level if step_back else None)

    def failed(self, slot: Slot) -> None:
        """A transient failure (stall, drop, no audio); a burst of them looks like overload."""
        self._failures += 1
        if self._failures >= self.burst and slot.generation == self._generation:
            self._failures = 0
            self._back_off(f"{self.burst} failures in a row")

    def _highest_allowed(self) -> int:
        if self._bad_level is None:
            return self.ceiling
        return max(1, min(self.ceiling, self._bad_level - 1))

    def _back_off(self, why: str, to: int | None = None) -> None:
        new = (to or max(1, self.limit // 2)) if self.adaptive else self.limit
        self._resume_at = time.monotonic() + self._pause
        log.warning("%s: %d requests at once (was %d), pausing %.1fs", why, new, self.limit, self._pause)
        self._pause = min(self.max_pause, self._pause * 2)
        self._set(new)

    def _set(self, limit: int) -> None:
        if limit != self.limit:
            self.history.append(limit)
        self.limit = limit
        self._generation += 1
        self._successes = 0
        self._calm = 0
        self._wake()

    def _wake(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
