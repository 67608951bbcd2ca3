"""jieba's part-of-speech tables, read from the pickles jieba ships instead of its Python sources.

``jieba.posseg`` imports four modules that are each one large dict literal (6 MB of source).
Where no bytecode is cached (``PYTHONDONTWRITEBYTECODE``, a read-only install) every build
compiles them again: measured here, 70 MB more memory for the rest of the run and ~3 s more of
the front end's start than reading the same tables from the ``.p`` pickles beside them (41 MB).
``install`` puts stand-ins for those four modules in ``sys.modules`` before jieba is imported;
each reads its pickle when ``jieba.posseg`` first asks for its table.
"""

from __future__ import annotations

import importlib.util
import pickle
import sys
import types
from pathlib import Path
from typing import Any

TABLES = ("char_state_tab", "prob_start", "prob_trans", "prob_emit")


def install() -> None:
    """Seed the stand-ins, once, unless jieba's tagger is already imported (or jieba is absent)."""
    if "jieba.posseg" in sys.modules:
        return
    spec = importlib.util.find_spec("jieba")  # finds without importing
    if spec is None or not spec.submodule_search_locations:
        return
    folder = Path(next(iter(spec.submodule_search_locations))) / "posseg"
    for name in TABLES:
        if (folder / f"{name}.p").is_file():
            sys.modules.setdefault(f"jieba.posseg.{name}", _Table(f"jieba.posseg.{name}", folder / f"{name}.p"))


class _Table(types.ModuleType):
    """A module whose one attribute ``P`` (the table) is unpickled on first use."""

    def __init__(self, name: str, path: Path):
        super().__init__(name)
        self._path = path

    def __getattr__(self, attr: str) -> Any:
        if attr != "P":
            raise AttributeError(attr)
        with open(self._path, "rb") as f:
            self.P = pickle.load(f)  # jieba's own installed files, as jieba itself reads them on Jython
        return self.P
