"""Named points in a build where a test can kill it, to prove a kill anywhere loses nothing.

``TTS_EDITION_KILL_AT=joined`` makes the process SIGKILL itself the first time it passes the
point called ``joined``; ``voiced@3`` the third time. Unset (always, outside tests), a point
costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

ENV = "TTS_EDITION_KILL_AT"
_passed: dict[str, int] = {}


def reached(name: str) -> None:
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    point, _, nth = wanted.partition("@")
    if point != name:
        return
    _passed[name] = _passed.get(name, 0) + 1
    if _passed[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
