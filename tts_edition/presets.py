"""Presets: named bundles of voice, pace, pauses and loudness, kept as TOML in ``voices/``.

A producer picks one with ``--preset`` and overrides any single setting with an option, so the
files hold the defaults a listener group needs, not every combination.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
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
    prosody: Prosody = Prosody()
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
        return replace(self, **given)


    def with_settings(self, settings: list[str]) -> Preset:
        """The preset with ``name=value`` settings applied, e.g. ``pauses.article=3``, ``outro=""``."""
        preset = self
        for setting in settings:
            name, sep, raw = setting.partition("=")
            name = name.strip()
            if not sep:
                raise UserError(f"--set takes name=value, not {setting!r}")
            value = _toml_value(raw)
            if name.startswith("pauses."):
                level = name.removeprefix("pauses.")
                if level not in ("chunk", "sentence", "paragraph", "article"):
                    raise UserError(f"--set: no pause called {level!r}")
                preset = replace(preset, pauses={**preset.pauses, level: float(value)})
            elif name in SETTABLE:
                preset = replace(preset, **{name: SETTABLE[name](value)})
            else:
                raise UserError(f"--set: unknown setting {name!r}; settable: pauses.*, {', '.join(SETTABLE)}")
        return preset


SETTABLE = {
    "loudness": float,
    "true_peak": float,
    "bitrate": int,
    "announce_titles": bool,
    "announce_count": bool,
    "intro": bool,
    "outro": str,
    "first_paragraph_only": bool,
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


def _from_dict(name: str, data: dict, where: str) -> Preset:
    voice = data.get("voice", {})
    audio = data.get("audio", {})
    announce = data.get("announce", {})
    try:
        prosody = Prosody(
            rate=parse_percent(voice.get("rate", "+0%"), f"{where}: rate"),
            pitch=parse_hertz(voice.get("pitch", "+0Hz"), f"{where}: pitch"),
            volume=parse_percent(voice.get("volume", "+0%"), f"{where}: volume"),
        )
        return Preset(
            name=name,
            description=data.get("description", ""),
            engine=data.get("engine", "offline"),
            voices={k: v for k, v in voice.items() if k not in ("rate", "pitch", "volume")},
            prosody=prosody,
            pauses={k: float(v) for k, v in data.get("pauses", {}).items()},
            loudness=float(audio.get("loudness", -19.0)),
            true_peak=float(audio.get("true_peak", -1.0)),
            bitrate=int(audio.get("bitrate", 64)),
            audio_formats=tuple(str(f) for f in audio.get("formats", ["mp3"])),
            announce_titles=bool(announce.get("titles", True)),
            announce_count=bool(announce.get("count", False)),
            intro=bool(announce.get("intro", False)),
            outro=str(announce.get("outro", "")),
            first_paragraph_only=bool(data.get("content", {}).get("first_paragraph_only", False)),
        )
    except (TypeError, ValueError, AttributeError) as e:
        raise UserError(f"preset {where}: {e}") from None
