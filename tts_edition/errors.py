"""One family for every error a user can cause; the CLI maps it to exit status 2."""

import errno
from pathlib import Path


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
