"""One commit point per edition: a new version is made beside the old one and switched in at once.

An edition folder is many files that must agree (the MP3, its record, chapters, transcripts, the
player page). Written one by one in place, a killed build could leave the new MP3 beside the old
record. So a build writes the new version into ``OUT/.staging/<run>/<name>/`` and, when every file
is there, swaps it with ``OUT/<name>`` in one ``renameat2(RENAME_EXCHANGE)``: at every instant the
folder is wholly the old edition or wholly the new one. Where the kernel or file system cannot
exchange, the old folder is moved aside and the new one renamed in; a run killed between those two
renames is repaired by the next run, which moves the old folder back.

Each run's staging folder holds a lock (``flock``) for as long as the run lives; a staging folder
whose lock nobody holds belongs to a killed run and is removed by the next build in ``OUT``,
together with the temporary files a killed run left beside ``feed.xml`` and in edition folders.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import logging
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from ..errors import BuildError
from ..files import remove_stale
from .record import FILE as RECORD
from .record import read_record

log = logging.getLogger(__name__)

STAGING = ".staging"
LOCK = "lock"
ASIDE = "aside"  # where the old version waits when the two folders cannot be exchanged at once


@contextlib.contextmanager
def new_version(folder: Path) -> Iterator[Path]:
    """Yield an empty folder to write the edition's new version in; on success it replaces ``folder``.

    The old version's record is carried into the new one (its id and first publication date
    stay), and any file of the producer's own in the old folder is linked in too. On any
    failure (or kill) the old version stays as it was.
    """
    folder = Path(folder)
    out = folder.parent
    out.mkdir(parents=True, exist_ok=True)
    sweep(out)
    run = out / STAGING / f"{os.getpid()}-{secrets.token_hex(4)}"
    try:
        run.mkdir(parents=True)
        with open(run / LOCK, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            stage = run / folder.name
            stage.mkdir()
            _carry_record(folder, stage)
            yield stage
            _carry_own_files(folder, stage)
            switch(stage, folder, run / ASIDE)
    finally:
        shutil.rmtree(run, ignore_errors=True)
        with contextlib.suppress(OSError):
            run.parent.rmdir()  # only when no other run is staging


def switch(new: Path, folder: Path, aside: Path) -> None:
    """Put ``new`` where ``folder`` is, in one step where the system allows."""
    if not folder.exists():
        os.rename(new, folder)
        return
    if not folder.is_dir():
        raise BuildError(f"{folder}: is a file where the edition's folder should be; move it away")
    try:
        _exchange(new, folder)
        return
    except OSError as e:
        if e.errno not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
            raise
    log.info("%s: the file system cannot exchange folders; switching with two renames", folder)
    aside.mkdir(exist_ok=True)
    os.rename(folder, aside / folder.name)
    os.rename(new, folder)


def sweep(out: Path) -> None:
    """Remove what killed runs left in ``out``: staging folders nobody holds, stale temporary files.

    A killed run's old version still waiting aside (the two-rename switch) is moved back first."""
    remove_stale(out)
    staging = Path(out) / STAGING
    if not staging.is_dir():
        return
    for run in staging.iterdir():
        if not run.is_dir() or _held(run):
            continue
        for old in (run / ASIDE).glob("*") if (run / ASIDE).is_dir() else []:
            if not (Path(out) / old.name).exists():
                log.warning("%s: putting back the previous version a killed run had moved aside", old.name)
                os.rename(old, Path(out) / old.name)
        log.info("removing %s left by a killed run", run)
        shutil.rmtree(run, ignore_errors=True)
    with contextlib.suppress(OSError):
        staging.rmdir()  # only when empty


def _held(run: Path) -> bool:
    """Whether a running build holds ``run``'s lock."""
    try:
        with open(run / LOCK) as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            return False
    except FileNotFoundError:  # killed before it could lock: nobody holds it
        return False


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> None:
    """Swap two paths atomically (Linux ``renameat2``); OSError(ENOSYS) where there is no such call."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        raise OSError(errno.ENOSYS, "renameat2 is not available") from None
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(a), None, str(b))


def _carry_record(folder: Path, stage: Path) -> None:
    """The old record, so the new version keeps its feed id and first publication date."""
    try:
        if read_record(folder) is not None:
            shutil.copyfile(folder / RECORD, stage / RECORD)
    except BuildError as e:
        log.warning("%s; the edition gets a new one", e)


def _carry_own_files(folder: Path, stage: Path) -> None:
    """Files the producer put in the folder (not ours, not temporary) stay in the new version."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        target = stage / path.name
        if path.name.startswith(".") or target.exists() or not path.is_file():
            continue
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)
