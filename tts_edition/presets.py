"""Presets: named bundles of voice, pace, pauses and loudness, kept as TOML in ``voices/``.

A producer picks one with ``--preset`` and overrides any single setting with an option, so the
files hold the defaults a listener group needs, not every combination.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field, replace
from typing import Any
from pathlib import Path

from .errors import UserError
from .model import Prosody

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
    pauses: dict[str, float] = field(default_factory=dict)  # Level name (lower case) -> seconds
    loudness: float = -19.0
    true_peak: float = -1.0
    bitrate: int = 64
    audio_formats: tuple[str, ...] = ("mp3",)  # the MP3 always; "m4b" adds an audiobook beside it
    announce_titles: bool = True
    announce_count: bool = False  # "第三篇，共八篇：" before each title
    intro: bool = False  # the edition's name and date, spoken first
    outro: str = ""  # a short spoken close
    first_paragraph_only: bool = False  # a summary edition: headlines and leads

    def voice_for(self, engine: str) -> str | None:
        return self.voices.get(engine)

    def with_options(self, **options) -> Preset:
        """The preset with every option the user gave (None means: not given)."""
        given = {k: v for k, v in options.items() if v is not None}
        prosody = {k: given.pop(k) for k in ("rate", "pitch", "volume") if k in given}
        if prosody:
            given["prosody"] = replace(self.prosody, **prosody)
        return replace(self, **given).validated("command line")

    def with_settings(self, settings: list[str]) -> Preset:
        """The preset with ``name=value`` settings applied, e.g. ``pauses.article=3``, ``outro=""``."""
        preset = self
        for setting in settings:
            name, sep, raw = setting.partition("=")
            name = name.strip()
            if not sep:
                raise UserError(f"--set takes name=value, not {setting!r}")
            value = _toml_value(raw)
            where = f"--set {name}"
            if name.startswith("pauses."):
                level = name.removeprefix("pauses.")
                if level not in PAUSES:
                    raise UserError(f"--set: no pause called {level!r}; pauses: {', '.join(PAUSES)}")
                preset = replace(preset, pauses={**preset.pauses, level: _number(value, where)})
            elif name in SETTABLE:
                changes: dict[str, Any] = {name: SETTABLE[name](value, where)}
                preset = replace(preset, **changes)
            else:
                raise UserError(f"--set: unknown setting {name!r}; settable: pauses.*, {', '.join(SETTABLE)}")
            preset = preset.validated(where)
        return preset

    def validated(self, where: str) -> Preset:
        """The preset itself if every value is in range; else a UserError naming the first that is not.

        Checked when loaded and after every override, so a bad value stops the build before
        any piece is voiced, not inside ffmpeg or as chapters shifted by a negative pause."""
        for level, seconds in self.pauses.items():
            if level not in PAUSES:
                raise UserError(f"{where}: no pause called {level!r}; pauses: {', '.join(PAUSES)}")
            _in_range(seconds, 0, MAX_PAUSE, f"{where}: pause {level}", "s")
        _in_range(self.loudness, -40, -5, f"{where}: loudness", "LUFS")
        _in_range(self.true_peak, -9, 0, f"{where}: true_peak", "dBTP")
        if self.bitrate not in BITRATES:
            raise UserError(
                f"{where}: bitrate {self.bitrate!r} is not one the MP3 encoder makes at 44.1 kHz; "
                f"choose one of {', '.join(map(str, BITRATES))}"
            )
        _in_range(self.prosody.rate, -90, 200, f"{where}: rate", "%")
        _in_range(self.prosody.pitch, -200, 200, f"{where}: pitch", "Hz")
        _in_range(self.prosody.volume, -100, 100, f"{where}: volume", "%")
        if len(self.outro) > 500:
            raise UserError(f"{where}: outro is {len(self.outro)} characters; keep it under 500")
        return self


# Pauses a preset may set (seconds of silence after a piece, by level; plus both ends).
PAUSES = ("chunk", "sentence", "paragraph", "article", "lead_in", "lead_out")
MAX_PAUSE = 60.0
# Constant bit rates LAME makes for MPEG-1 Layer III, the layer of a 44.1 kHz MP3.
BITRATES = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)


def _number(value, where: str) -> float:
    """A real number: TOML's ``nan``/``inf`` and strings like ``abc`` are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise UserError(f"{where}: {value!r} is not a number")
    return float(value)


def _integer(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserError(f"{where}: {value!r} is not a whole number")
    return value


def _boolean(value, where: str) -> bool:
    """Only true or false: ``no`` or ``0`` meaning *true* is how a setting silently goes wrong."""
    if not isinstance(value, bool):
        raise UserError(f"{where}: {value!r} is not true or false")
    return value


def _string(value, where: str) -> str:
    if not isinstance(value, str):
        raise UserError(f"{where}: {value!r} is not text")
    return value


def _formats(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(f, str) for f in value):
        raise UserError(f"{where}: {value!r} is not a list of format names, e.g. [\"mp3\", \"m4b\"]")
    return tuple(value)


def _in_range(value: float, low: float, high: float, what: str, unit: str) -> None:
    if not (isinstance(value, (int, float)) and math.isfinite(value) and low <= value <= high):
        raise UserError(f"{what} must be between {low:g} and {high:g} {unit}, not {value!r}")


SETTABLE = {
    "loudness": _number,
    "true_peak": _number,
    "bitrate": _integer,
    "announce_titles": _boolean,
    "announce_count": _boolean,
    "intro": _boolean,
    "outro": _string,
    "first_paragraph_only": _boolean,
}


def _toml_value(raw: str):
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw.strip()


def describe(preset: Preset) -> str:
    """What a preset changes, in one line, for ``tts-edition voices``."""
    p = preset.prosody
    parts = [f"engine {preset.engine}", f"rate {p.rate:+d}%"]
    parts.append("pauses " + "/".join(f"{v:g}" for v in preset.pauses.values()) + " s")
    parts.append(f"{preset.loudness:g} LUFS")
    if preset.announce_count:
        parts.append("numbered articles")
    if preset.intro:
        parts.append("intro")
    if preset.outro:
        parts.append("outro")
    if preset.first_paragraph_only:
        parts.append("first paragraphs only")
    return ", ".join(parts)


def parse_percent(value: str, what: str) -> int:
    match = _PERCENT.match(value.strip())
    if not match:
        raise UserError(f"{what} must look like +10% or -15%, not {value!r}")
    return int(match.group(1))


def parse_hertz(value: str, what: str = "pitch") -> int:
    match = _HERTZ.match(value.strip())
    if not match:
        raise UserError(f"{what} must look like +0Hz or -20Hz, not {value!r}")
    return int(match.group(1))


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


# Every key a preset file may hold, by table; anything else is a typo that would be ignored.
_KEYS = {
    "": {"description", "engine", "voice", "pauses", "audio", "announce", "content"},
    "audio": {"loudness", "true_peak", "bitrate", "formats"},
    "announce": {"titles", "count", "intro", "outro"},
    "content": {"first_paragraph_only"},
    "pauses": set(PAUSES),
}


def _from_dict(name: str, data: dict, where: str) -> Preset:
    _check_keys(data, where)
    voice = data.get("voice", {})
    audio = data.get("audio", {})
    announce = data.get("announce", {})
    content = data.get("content", {})
    prosody = Prosody(
        rate=parse_percent(_string(voice.get("rate", "+0%"), f"{where}: rate"), f"{where}: rate"),
        pitch=parse_hertz(_string(voice.get("pitch", "+0Hz"), f"{where}: pitch"), f"{where}: pitch"),
        volume=parse_percent(_string(voice.get("volume", "+0%"), f"{where}: volume"), f"{where}: volume"),
    )
    voices = {k: _string(v, f"{where}: voice.{k}") for k, v in voice.items() if k not in ("rate", "pitch", "volume")}
    return Preset(
        name=name,
        description=_string(data.get("description", ""), f"{where}: description"),
        engine=_string(data.get("engine", "offline"), f"{where}: engine"),
        voices=voices,
        prosody=prosody,
        pauses={k: _number(v, f"{where}: pauses.{k}") for k, v in data.get("pauses", {}).items()},
        loudness=_number(audio.get("loudness", -19.0), f"{where}: audio.loudness"),
        true_peak=_number(audio.get("true_peak", -1.0), f"{where}: audio.true_peak"),
        bitrate=_integer(audio.get("bitrate", 64), f"{where}: audio.bitrate"),
        audio_formats=_formats(audio.get("formats", ["mp3"]), f"{where}: audio.formats"),
        announce_titles=_boolean(announce.get("titles", True), f"{where}: announce.titles"),
        announce_count=_boolean(announce.get("count", False), f"{where}: announce.count"),
        intro=_boolean(announce.get("intro", False), f"{where}: announce.intro"),
        outro=_string(announce.get("outro", ""), f"{where}: announce.outro"),
        first_paragraph_only=_boolean(content.get("first_paragraph_only", False), f"{where}: content.first_paragraph_only"),
    ).validated(where)


def _check_keys(data: dict, where: str) -> None:
    for table, allowed in _KEYS.items():
        values = data if table == "" else data.get(table, {})
        if not isinstance(values, dict):
            raise UserError(f"{where}: [{table}] must be a table")
        unknown = sorted(set(values) - allowed)
        if unknown:
            place = f"[{table}] " if table else ""
            raise UserError(f"{where}: unknown {place}key {unknown[0]!r}; known: {', '.join(sorted(allowed))}")
    if not isinstance(data.get("voice", {}), dict):
        raise UserError(f"{where}: [voice] must be a table")
