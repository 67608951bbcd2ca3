"""Every file is written under a temporary name in its own folder and renamed.

A rename within one folder is atomic, so a killed run leaves either the previous
file or the new one, never half of either. Temporary names carry the writer's process id,
so what a killed run left behind can be told from what a running one is writing
(:func:`remove_stale`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success it replaces ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        tmp.chmod(0o644)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def scratch_path(folder: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary file in ``folder`` that is always removed afterwards."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".scratch.{os.getpid()}.", suffix=suffix, dir=folder)
    os.close(fd)
    try:
        yield Path(name)
    finally:
        Path(name).unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_text(target: Path, text: str) -> Path:
    return write_bytes(target, text.encode("utf-8"))


def copy(source: Path, target: Path) -> Path:
    with atomic_path(target) as tmp:
        shutil.copyfile(source, tmp)
    return Path(target)


# .scratch.<pid>.<random><suffix> (scratch_path) and .<name>.<pid>.<random>.tmp (atomic_path); the same
# names without the process id are what older versions left.
_SCRATCH = re.compile(r"^\.scratch\.(?:(\d+)\.)?[a-z0-9_]+\.\w+$")
_ATOMIC = re.compile(r"^\..+?\.(?:(\d+)\.)?[a-z0-9_]+\.tmp$")


def remove_stale(folder: Path) -> int:
    """Remove temporary files in ``folder`` whose writer is no longer running; return how many."""
    removed = 0
    for path in Path(folder).glob(".*"):
        match = _SCRATCH.match(path.name) or _ATOMIC.match(path.name)
        if not match or not path.is_file() or (match.group(1) and _running(int(match.group(1)))):
            continue
        log.info("removing %s left by a killed run", path)
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
