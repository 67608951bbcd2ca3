"""One family for every error a user can cause; the CLI maps it to exit status 2."""

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .engines.base import BadRequest, EngineError


class UserError(Exception):
    """Bad usage or bad input: shown as one line, exit status 2."""


class BuildError(Exception):
    """A failure while working (engine down, disk full): exit status 1, finished work kept."""


# What to do about the system errors a producer meets, by errno.
_ADVICE = {
    errno.ENOSPC: "the disk is full; free some space and run again (finished pieces are cached)",
    errno.EDQUOT: "the disk quota is used up; free some space and run again (finished pieces are cached)",
    errno.EACCES: "permission denied; check who owns it or choose another place",
    errno.EPERM: "not permitted; check who owns it or choose another place",
    errno.EROFS: "the file system is read-only; choose another place",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "is a folder, not a file",
    errno.EMFILE: "too many open files; raise the limit (ulimit -n) or use fewer --jobs",
    errno.ENOMEM: "out of memory; use fewer --jobs",
    errno.EIO: "an input/output error: the disk may be failing",
}


def os_error_message(e: OSError, where: str | Path = "?") -> str:
    """The path and what to do about it, in one line: how every system error reaches the user.
    ``where`` names the place when the error itself does not (a write to an open file)."""
    if e.filename is not None:
        where = e.filename if e.filename2 is None else f"{e.filename} -> {e.filename2}"
    advice = _ADVICE.get(e.errno) if e.errno is not None else None
    what = advice or (e.strerror or str(e)).lower()
    return " ".join(f"{where}: {what}".split())


def engine_failure(e: EngineError) -> UserError | BuildError:
    """An engine's error that stops a run, as the app's: what the user asked for (``BadRequest``)
    is a UserError, anything else a BuildError; the message is the engine's, unchanged."""
    failure = UserError(str(e)) if isinstance(e, BadRequest) else BuildError(str(e))
    failure.__cause__ = e
    return failure


@contextmanager
def engine_errors() -> Iterator[None]:
    """Where the app calls an engine (its registry, ``prepare``, the scheduler's results), the
    engine's errors leave as the app's: engines never raise ``UserError`` or ``BuildError``."""
    try:
        yield
    except EngineError as e:
        raise engine_failure(e) from e
