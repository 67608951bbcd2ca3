"""What an engine is: the few facts the scheduler needs and one synthesize call.

Scheduling, retries, verification and caching live in ``synth.py``, once, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..model import Audio, Prosody


@dataclass(frozen=True)
class Voice:
    name: str  # what the engine is asked for, e.g. "zh-CN-XiaoxiaoNeural"
    language: str  # BCP 47, e.g. "zh-CN"
    gender: str = ""
    description: str = ""


class Engine(Protocol):
    """Every engine has these. The scheduler then runs it one of two ways:

    - network engines also have ``async asynthesize(text, voice, prosody)`` and run as
      coroutines in the main process (edge);
    - CPU-bound engines also have ``encode(text, **options) -> payload``, run in the main
      process, and ``render(payload, voice, prosody) -> Audio``, run in one worker process per
      CPU, so the workers hold the model and nothing else (offline).
    """

    name: str
    max_chars: int  # the longest chunk it takes safely
    max_concurrency: int  # how many requests it tolerates at once (0: one per CPU)
    default_voice: str

    def voices(self) -> list[Voice]: ...

    def prepare(self, voice: str, prosody: Prosody) -> str:
        """Check the user's voice and settings before any piece (UserError); return the voice's
        one canonical name, so cached pieces are shared however the user spelled it."""
        ...

    def synthesize(self, text: str, voice: str, prosody: Prosody) -> Audio: ...


class TransientError(Exception):
    """A failure worth retrying (throttled, timed out, cut short)."""


class PermanentError(Exception):
    """A failure no retry can heal (unknown voice, bad parameters)."""


class Unspeakable(PermanentError):
    """Text this voice cannot say at all (a character it has no sound for, a script it does not
    read): the piece is left out with a warning rather than failing the edition."""
