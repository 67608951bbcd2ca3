"""One family for every error a user can cause; the CLI maps it to exit status 2."""


class UserError(Exception):
    """Bad usage or bad input: shown as one line, exit status 2."""


class BuildError(Exception):
    """A failure while working (engine down, disk full): exit status 1, finished work kept."""
