"""The voices tts-edition can speak with, by name: the registry.

A new engine is one module satisfying ``base.LocalEngine`` or ``base.NetworkEngine`` and one
line here; the CLI, pipeline and scheduler ask the engine for everything else.
"""

from __future__ import annotations

from importlib import import_module

from .base import BadRequest, Engine, LocalEngine, NetworkEngine

# name -> "module:class", imported on first use so a build with one engine never loads another's
# libraries.
REGISTRY: dict[str, str] = {
    "offline": "tts_edition.engines.offline:OfflineEngine",
    "edge": "tts_edition.engines.edge:EdgeEngine",
}
NAMES = tuple(REGISTRY)


def create(name: str, **options) -> Engine:
    """A fresh engine (``options``: its constructor's, e.g. a worker's ``threads``)."""
    if name not in REGISTRY:
        raise BadRequest(f"unknown engine {name!r}; choose one of: {', '.join(REGISTRY)}")
    module, _, cls = REGISTRY[name].partition(":")
    engine = getattr(import_module(module), cls)(**options)
    if isinstance(engine, LocalEngine) == isinstance(engine, NetworkEngine) or engine.name != name:
        raise TypeError(f"engine {name!r}: must be named so and be one of LocalEngine, NetworkEngine (base.py)")
    return engine
