"""What an engine is, in its two kinds, and the errors every engine raises.

An engine only turns one text into one piece of audio. Scheduling, retries, verification and
caching live in ``synth.py``, once, and read nothing of an engine but what is declared here:
its kind (which protocol it satisfies), the facts in ``Engine``, and the type of the error it
raises. A third engine is one module that satisfies ``LocalEngine`` or ``NetworkEngine`` plus
its line in ``engines/__init__.py``'s registry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from ..model import Audio, Prosody


@dataclass(frozen=True)
class Voice:
    name: str  # what the engine is asked for, e.g. "zh-CN-XiaoxiaoNeural"
    language: str  # BCP 47, e.g. "zh-CN"
    gender: str = ""
    description: str = ""


class Engine(Protocol):
    """What every engine tells the pipeline and the scheduler before any piece is voiced."""

    name: str  # its name in the registry, presets and the cache key
    max_chars: int  # the longest chunk it takes safely
    max_concurrency: int  # how many requests it tolerates at once (0: one per CPU)
    default_voice: str
    # What it needs from the lexicon. The lexicon's ``say`` is already in the spoken text every
    # engine gets; True: also the lexicon's tone-numbered pinyin per word, given to ``encode``
    # (and part of the cache key). A network engine is sent the spoken text only: False.
    needs_pinyin: bool

    def voices(self) -> list[Voice]: ...

    def prepare(self, voice: str, prosody: Prosody) -> str:
        """Check the user's voice and settings before any piece (``BadRequest``); return the
        voice's one canonical name, so cached pieces are shared however the user spelled it."""
        ...


@runtime_checkable
class LocalEngine(Engine, Protocol):
    """A CPU-bound engine (offline). Split in two so the workers stay lean: ``encode`` runs once
    per piece in the main process (a front end, dictionary-heavy but cheap); ``render`` runs in a
    worker (a process of the pool, or a Ray actor) that made the engine with
    ``engines.create(name, threads=n)`` and keeps its models loaded. The payload crosses process
    and machine boundaries, so it must pickle and should be small (symbol ids, not text)."""

    def encode(self, text: str, overrides: Mapping[str, list[str]]) -> Any:
        """The payload for one text; ``overrides`` is the lexicon's pinyin (empty unless
        ``needs_pinyin``). ``Unspeakable`` if nothing in it can be said."""
        ...

    def render(self, payload: Any, voice: str, prosody: Prosody) -> Audio: ...

    def load(self) -> None:
        """Load the models now: a worker does as it starts, while the main process loads its
        front end, so the first piece does not wait for them."""
        ...


@runtime_checkable
class NetworkEngine(Engine, Protocol):
    """An engine behind a service (edge): many requests run at once as coroutines in the main
    process, as many as the service tolerates (an adaptive limit, halved on ``Throttled``)."""

    async def asynthesize(self, text: str, voice: str, prosody: Prosody) -> Audio: ...


# -- errors: the type says what the scheduler does ------------------------------------------------


class EngineError(Exception):
    """Every failure an engine reports. Engines never raise the app's ``UserError`` or
    ``BuildError``: where the app calls an engine, ``errors.engine_errors`` turns the ones that
    stop a run into those (``BadRequest``: exit 2; the others: exit 1), message unchanged."""


class TransientError(EngineError):
    """A failure worth retrying, after a growing, jittered delay (timed out, cut short)."""


class Throttled(TransientError):
    """The service wants fewer requests (429, 503): also halves the requests at once and pauses
    the queue."""


class NoAudio(TransientError):
    """The service closed the turn without audio (an outage, a blocked voice): if it persists, the
    job's fallback voice is tried."""


class PermanentError(EngineError):
    """A failure no retry can heal (the service refused this text): the piece fails, the edition
    is not built, the other pieces stay cached."""


class Unspeakable(PermanentError):
    """Text this voice cannot say at all (a character it has no sound for, a script it does not
    read): the piece is left out with a warning rather than failing the edition."""


class Unavailable(EngineError):
    """The engine cannot voice anything (its model is missing, the service cannot be reached or
    refuses every request): the whole run stops; a BuildError, exit 1."""


class BadRequest(EngineError):
    """What the user asked for cannot be served (an unknown engine or voice, settings out of
    range, a malformed pronunciation): the run stops before voicing; a UserError, exit 2."""
