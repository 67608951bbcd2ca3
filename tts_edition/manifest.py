"""``papers.toml``: several papers for one unattended run (``tts-edition batch``).

Each ``[[paper]]`` has its inputs (globs, relative to the manifest's folder), its own output
folder and feed, and its own preset, engine, voice and settings; every paper shares the run's
one scheduler. A manifest is checked whole before anything is voiced: a mistake in it is bad
usage (exit 2), not a failure half-way through::

    [[paper]]
    name = "人民日报"
    inputs = ["samples/renmin-*.txt"]
    out = "site/renmin"
    preset = "standard"            # or a TOML file, relative to the manifest
    engine = "offline"             # voice, rate, pitch, volume, bitrate, max_minutes, set = [...]
    feed = { title = "人民日报 有声版", link = "https://example.org/renmin/" }
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import presets
from .errors import UserError
from .presets import Preset
from .publish import FeedConfig

KEYS = {"name", "inputs", "out", "preset", "engine", "voice", "rate", "pitch", "volume", "bitrate",
        "max_minutes", "set", "feed", "title", "format"}  # fmt: skip


@dataclass
class Paper:
    name: str
    inputs: list[Path]
    out: Path
    preset: Preset
    feed: FeedConfig
    voice: str | None = None
    max_minutes: float | None = None
    title: str | None = None  # the edition title, else found in each input
    format: str = "auto"


def load(path: Path) -> list[Paper]:
    """Every paper of the manifest, its globs expanded (in name order), its settings checked."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise UserError(f"{path}: not valid TOML ({e})") from None
    papers = data.get("paper")
    if not isinstance(papers, list) or not papers:
        raise UserError(f"{path}: no [[paper]] tables")
    if set(data) - {"paper"}:
        raise UserError(f"{path}: unknown key {sorted(set(data) - {'paper'})[0]!r}")
    return [_paper(path, n, table) for n, table in enumerate(papers, 1)]


def _paper(manifest: Path, number: int, table: dict) -> Paper:
    where = f"{manifest}: paper {number}"
    unknown = set(table) - KEYS
    if unknown:
        raise UserError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    name = str(table.get("name", f"paper {number}"))
    where = f"{manifest}: {name}"
    here = manifest.parent
    globs = table.get("inputs")
    if isinstance(globs, str):
        globs = [globs]
    if not globs or not all(isinstance(g, str) for g in globs):
        raise UserError(f"{where}: inputs must be a list of file names or globs")
    inputs: list[Path] = []
    for pattern in globs:
        found = sorted(here.glob(pattern)) if not Path(pattern).is_absolute() else sorted(_absolute_glob(pattern))
        if not found:
            raise UserError(f"{where}: {pattern!r} matches no file")
        inputs += [p for p in found if p not in inputs]
    if "out" not in table:
        raise UserError(f"{where}: out (the output folder) is missing")
    out = here / str(table["out"])
    preset_name = str(table.get("preset", "standard"))
    if preset_name.endswith(".toml"):
        preset_name = str(here / preset_name)
    preset = presets.load(preset_name).with_options(
        where=where, **{name: table.get(name) for name in ("engine", "rate", "pitch", "volume", "bitrate")}
    ).with_settings([str(s) for s in table.get("set", [])])
    feed = table.get("feed", {})
    if not isinstance(feed, dict):
        raise UserError(f"{where}: feed must be a table of feed settings")
    max_minutes = table.get("max_minutes")
    if max_minutes is not None and (not isinstance(max_minutes, (int, float)) or max_minutes <= 0):
        raise UserError(f"{where}: max_minutes must be a number above 0")
    return Paper(
        name=name,
        inputs=inputs,
        out=out,
        preset=preset,
        feed=FeedConfig.load(out).merged(_source=where, **feed),
        voice=table.get("voice"),
        max_minutes=max_minutes,
        title=table.get("title"),
        format=str(table.get("format", "auto")),
    )


def _absolute_glob(pattern: str) -> list[Path]:
    path = Path(pattern)
    return list(Path(path.anchor).glob(str(path.relative_to(path.anchor))))
