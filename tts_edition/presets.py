"""Presets: named bundles of voice, pace, pauses and loudness, kept as TOML in ``voices/``.

A producer picks one with ``--preset`` and overrides any single setting with an option, so the
files hold the defaults a listener group needs, not every combination.

This is the boundary where settings come in: from a preset file, a command-line option, ``--set``
or a manifest, each value goes through the one check its setting has (``SETTINGS``) and lands in
a typed field (``Prosody``, ``Pauses``, ``AudioSpec``), so a mistyped or out-of-range value stops
the build before anything is voiced. The defaults are the fields' own defaults in ``model``.
"""

from __future__ import annotations

import dataclasses
import math
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import UserError
from .model import AudioSpec, Pauses, Prosody

# voices/ sits at the project root; an installed wheel carries a copy inside the package.
_PACKAGED = Path(__file__).resolve().parent / "voices"
VOICES_DIR = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parent.parent / "voices"

_PERCENT = re.compile(r"^([+-]\d+)%$")
_HERTZ = re.compile(r"^([+-]\d+)Hz$")


@dataclass(frozen=True)
class Preset:
    name: str
    description: str = ""
    engine: str = "offline"
    voices: dict[str, str] = field(default_factory=dict)  # engine name -> voice
    prosody: Prosody = field(default_factory=Prosody)
    pauses: Pauses = field(default_factory=Pauses)
    audio: AudioSpec = field(default_factory=AudioSpec)
    announce_titles: bool = True
    announce_count: bool = False  # "第三篇，共八篇：" before each title
    intro: bool = False  # the edition's name and date, spoken first
    outro: str = ""  # a short spoken close
    first_paragraph_only: bool = False  # a summary edition: headlines and leads

    def voice_for(self, engine: str) -> str | None:
        return self.voices.get(engine)

    def with_options(self, *, where: str = "", **options: Any) -> Preset:
        """The preset with every option the user gave (None means: not given), each checked.

        Options are named as settings (``rate="-15%"``, ``bitrate=96``, ``formats=["m4b"]``);
        an error names ``--option``, or ``where: option`` when they come from elsewhere."""
        preset = self
        for name, value in options.items():
            if value is not None:
                label = f"{where}: {name}" if where else "--" + OPTION_NAMES.get(name, name).replace("_", "-")
                preset = _apply(preset, name, value, label)
        return preset

    def with_settings(self, settings: list[str]) -> Preset:
        """The preset with ``name=value`` settings applied, e.g. ``pauses.article=3``, ``outro=""``."""
        preset = self
        for setting in settings:
            name, sep, raw = setting.partition("=")
            name = name.strip()
            if not sep:
                raise UserError(f"--set takes name=value, not {setting!r}")
            if name.startswith("pauses.") or name in SETTABLE:
                preset = _apply(preset, name, _toml_value(raw), f"--set {name}")
            else:
                raise UserError(f"--set: unknown setting {name!r}; settable: pauses.*, {', '.join(SETTABLE)}")
        return preset


# Pauses a preset may set (seconds of silence after a piece, by level; plus both ends).
PAUSES = tuple(f.name for f in dataclasses.fields(Pauses))
MAX_PAUSE = 60.0
# Constant bit rates LAME makes for MPEG-1 Layer III, the layer of a 44.1 kHz MP3.
BITRATES = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
OPTION_NAMES = {"formats": "audio_format"}  # settings whose command-line option is named otherwise


def _number(value: object, where: str) -> float:
    """A real number: TOML's ``nan``/``inf`` and strings like ``abc`` are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise UserError(f"{where}: {value!r} is not a number")
    return float(value)


def _in_range(value: float, low: float, high: float, where: str, unit: str) -> float:
    if not low <= value <= high:
        raise UserError(f"{where} must be between {low:g} and {high:g} {unit}, not {value!r}")
    return value


def _boolean(value: object, where: str) -> bool:
    """Only true or false: ``no`` or ``0`` meaning *true* is how a setting silently goes wrong."""
    if not isinstance(value, bool):
        raise UserError(f"{where}: {value!r} is not true or false")
    return value


def _string(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise UserError(f"{where}: {value!r} is not text")
    return value


def _outro(value: object, where: str) -> str:
    text = _string(value, where)
    if len(text) > 500:
        raise UserError(f"{where}: the outro is {len(text)} characters; keep it under 500")
    return text


def _pause(value: object, where: str) -> float:
    return _in_range(_number(value, where), 0, MAX_PAUSE, where, "s")


def _loudness(value: object, where: str) -> float:
    return _in_range(_number(value, where), -40, -5, where, "LUFS")


def _true_peak(value: object, where: str) -> float:
    return _in_range(_number(value, where), -9, 0, where, "dBTP")


def _bitrate(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserError(f"{where}: {value!r} is not a whole number")
    if value not in BITRATES:
        raise UserError(
            f"{where}: {value} kbit/s is not a rate the MP3 encoder makes at 44.1 kHz; "
            f"choose one of {', '.join(map(str, BITRATES))}"
        )
    return value


def _formats(value: object, where: str) -> tuple[str, ...]:
    from .formats import parse_formats  # the encoders and taggers load only when formats are named

    if not isinstance(value, (list, tuple)) or not all(isinstance(f, str) for f in value):
        raise UserError(f"{where}: {value!r} is not a list of format names, e.g. [\"mp3\", \"m4b\"]")
    return tuple(f.name for f in parse_formats(value, where))


def _signed(pattern: re.Pattern[str], example: str, low: int, high: int, unit: str) -> Callable[[object, str], int]:
    def parse(value: object, where: str) -> int:
        match = pattern.match(value.strip()) if isinstance(value, str) else None
        if not match:
            raise UserError(f"{where} must look like {example}, not {value!r}")
        return int(_in_range(int(match.group(1)), low, high, where, unit))

    return parse


# Every setting: the typed group it belongs to ("" for the preset itself) and its one check.
SETTINGS: dict[str, tuple[str, Callable[[object, str], Any]]] = {
    "description": ("", _string),
    "engine": ("", _string),
    "rate": ("prosody", _signed(_PERCENT, "+10% or -15%", -90, 200, "%")),
    "pitch": ("prosody", _signed(_HERTZ, "+0Hz or -20Hz", -200, 200, "Hz")),
    "volume": ("prosody", _signed(_PERCENT, "+10% or -15%", -100, 100, "%")),
    **{f"pauses.{name}": ("pauses", _pause) for name in PAUSES},
    "loudness": ("audio", _loudness),
    "true_peak": ("audio", _true_peak),
    "bitrate": ("audio", _bitrate),
    "formats": ("audio", _formats),
    "announce_titles": ("", _boolean),
    "announce_count": ("", _boolean),
    "intro": ("", _boolean),
    "outro": ("", _outro),
    "first_paragraph_only": ("", _boolean),
}
# What --set may change; the rest have options of their own (--engine, --rate, --audio-format…).
SETTABLE = ("loudness", "true_peak", "bitrate", "announce_titles", "announce_count", "intro", "outro",
            "first_paragraph_only")  # fmt: skip


def _apply(preset: Preset, name: str, value: object, where: str) -> Preset:
    """``preset`` with the setting ``name`` checked and set to ``value``."""
    if name not in SETTINGS:
        if name.startswith("pauses."):
            raise UserError(f"{where}: no pause called {name.removeprefix('pauses.')!r}; pauses: {', '.join(PAUSES)}")
        raise UserError(f"{where}: unknown setting {name!r}")
    group, check = SETTINGS[name]
    checked = check(value, where)
    if not group:
        return replace(preset, **{name: checked})
    part = getattr(preset, group)
    return replace(preset, **{group: replace(part, **{name.rpartition(".")[2]: checked})})


def _toml_value(raw: str) -> object:
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw.strip()


def describe(preset: Preset) -> str:
    """What a preset changes, in one line, for ``tts-edition voices``."""
    p, pauses = preset.prosody, preset.pauses
    parts = [f"engine {preset.engine}", f"rate {p.rate:+d}%"]
    levels = (pauses.chunk, pauses.sentence, pauses.paragraph, pauses.article)
    parts.append("pauses " + "/".join(f"{v:g}" for v in levels) + " s")
    parts.append(f"{preset.audio.loudness:g} LUFS")
    if preset.announce_count:
        parts.append("numbered articles")
    if preset.intro:
        parts.append("intro")
    if preset.outro:
        parts.append("outro")
    if preset.first_paragraph_only:
        parts.append("first paragraphs only")
    return ", ".join(parts)


def available() -> list[str]:
    return sorted(p.stem for p in VOICES_DIR.glob("*.toml") if p.stem != "lexicon")


def load(name_or_path: str) -> Preset:
    """A preset by name (a file in ``voices/``) or by path to a TOML file of one's own."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = VOICES_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        raise UserError(f"unknown preset {name_or_path!r}; available: {', '.join(available())}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise UserError(f"preset {path}: {e}") from None
    return _from_dict(path.stem, data, str(path))


# Where each setting sits in a preset file: table -> key -> setting. [voice] also names a voice
# per engine (offline = "baker").
_FILE: dict[str, dict[str, str]] = {
    "": {"description": "description", "engine": "engine"},
    "voice": {"rate": "rate", "pitch": "pitch", "volume": "volume"},
    "pauses": {name: f"pauses.{name}" for name in PAUSES},
    "audio": {"loudness": "loudness", "true_peak": "true_peak", "bitrate": "bitrate", "formats": "formats"},
    "announce": {"titles": "announce_titles", "count": "announce_count", "intro": "intro", "outro": "outro"},
    "content": {"first_paragraph_only": "first_paragraph_only"},
}
_TABLES = {name for name in _FILE if name}


def _from_dict(name: str, data: dict, where: str) -> Preset:
    preset = Preset(name=name)
    for table, keys in _FILE.items():
        values = data if table == "" else data.get(table, {})
        if not isinstance(values, dict):
            raise UserError(f"{where}: [{table}] must be a table")
        allowed = set(keys) | (_TABLES if table == "" else set())
        place = f"[{table}] " if table else ""
        for key, value in values.items():
            if key in keys:
                preset = _apply(preset, keys[key], value, f"{where}: {table + '.' if table else ''}{key}")
            elif table == "voice":
                voices = {**preset.voices, key: _string(value, f"{where}: voice.{key}")}
                preset = replace(preset, voices=voices)
            elif key not in allowed:
                raise UserError(f"{where}: unknown {place}key {key!r}; known: {', '.join(sorted(allowed))}")
    return preset

