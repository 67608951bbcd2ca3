"""jieba's model tables, read from the pickles jieba ships instead of its Python sources.

``jieba.posseg`` (the tagger) imports four modules and ``jieba.finalseg`` (the HMM that ``import
jieba`` loads) three, each one large dict literal. Where no bytecode is cached
(``PYTHONDONTWRITEBYTECODE``, a read-only install) every build compiles them again: measured
here, 70 MB more memory for the rest of the run and ~3 s more of the front end's start for the
tagger's (41 MB from the pickles), and 58 MB and 0.5 s for ``import jieba`` alone.
``install`` puts stand-ins for those modules in ``sys.modules`` before jieba is imported;
each reads the ``.p`` pickle beside its source when jieba first asks for its table. The
tagger's tables are read later still, on first use (``_Unpickled``): the tagger binds them as
it is imported but needs them only to guess the tags of words its dictionary lacks, which the
front end never asks for (it tags with ``HMM=False``): 20 MB less for a whole build.
"""

from __future__ import annotations

import importlib.util
import pickle
import sys
import types
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

# jieba's subpackage -> the table modules it imports
LAZY = ("posseg",)  # whose tables are read on first use, not when jieba binds them
TABLES = {
    "posseg": ("char_state_tab", "prob_start", "prob_trans", "prob_emit"),
    "finalseg": ("prob_start", "prob_trans", "prob_emit"),
}


def install() -> None:
    """Seed the stand-ins, once, for each of jieba's subpackages not imported yet (none if
    jieba is absent)."""
    spec = importlib.util.find_spec("jieba")  # finds without importing
    if spec is None or not spec.submodule_search_locations:
        return
    root = Path(next(iter(spec.submodule_search_locations)))
    for package, names in TABLES.items():
        if f"jieba.{package}" in sys.modules:
            continue
        for name in names:
            pickled = root / package / f"{name}.p"
            if pickled.is_file():
                module = f"jieba.{package}.{name}"
                sys.modules.setdefault(module, _Table(module, pickled, lazy=package in LAZY))


class _Table(types.ModuleType):
    """A module whose one attribute ``P`` (the table) is unpickled on first use."""

    def __init__(self, name: str, path: Path, *, lazy: bool = False):
        super().__init__(name)
        self._path, self._lazy = path, lazy

    def __getattr__(self, attr: str) -> Any:
        if attr != "P":
            raise AttributeError(attr)
        self.P = _Unpickled(self._path) if self._lazy else _unpickle(self._path)
        return self.P


class _Unpickled(Mapping):
    """A table read from its pickle when it is first looked into."""

    def __init__(self, path: Path):
        self._path = path
        self._table: dict | None = None

    def _loaded(self) -> dict:
        if self._table is None:
            self._table = _unpickle(self._path)
        return self._table

    def __getitem__(self, key: Any) -> Any:
        return self._loaded()[key]

    def __iter__(self) -> Iterator:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())

    def get(self, key: Any, default: Any = None) -> Any:
        return self._loaded().get(key, default)


def _unpickle(path: Path) -> Any:
    with open(path, "rb") as f:
        return pickle.load(f)  # jieba's own installed files, as jieba itself reads them on Jython
