"""The voices tts-edition can speak with, by name."""

from __future__ import annotations

from ..errors import UserError
from .base import Engine

NAMES = ("offline", "edge")


def create(name: str, **options) -> Engine:
    """A fresh engine; imported lazily so a build with one engine never loads the other."""
    if name == "offline":
        from .offline import OfflineEngine

        return OfflineEngine(**options)
    if name == "edge":
        from .edge import EdgeEngine

        return EdgeEngine(**options)
    raise UserError(f"unknown engine {name!r}; choose one of: {', '.join(NAMES)}")
