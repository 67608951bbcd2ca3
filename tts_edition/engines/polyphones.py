"""Polyphones a phrase dictionary cannot settle."""

from __future__ import annotations


def apply(words) -> None:
    """Correct the readings of polyphonic characters from their context."""
