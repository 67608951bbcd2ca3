"""A content-addressed store of synthesised pieces.

A piece is keyed by everything that changes its sound (engine, voice, prosody, spoken text, and
whatever else the engine says matters, such as a pronunciation lexicon), so a second build of the
same input synthesises nothing, and a killed build resumes from the pieces already stored. Files are
written under a temporary name and renamed, so a crash never leaves a half piece behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import wave
from pathlib import Path

from .errors import BuildError
from .files import atomic_path, write_text
from .model import Audio, Prosody


def default_root() -> Path:
    env = os.environ.get("TTS_EDITION_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tts-edition"


def piece_key(engine: str, voice: str, prosody: Prosody, text: str, extra: str = "") -> str:
    fields = [engine, voice, str(prosody.rate), str(prosody.pitch), str(prosody.volume), extra, text]
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


class Cache:
    def __init__(self, root: Path | None = None):
        self.root = root or default_root()

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.wav"

    def get(self, key: str) -> Path | None:
        path = self.path(key)
        return path if path.is_file() else None

    def put(self, key: str, audio: Audio) -> Path:
        path = self.path(key)
        if audio.boundaries:
            write_text(path.with_suffix(".json"), json.dumps(audio.boundaries))
        with atomic_path(path) as tmp, wave.open(str(tmp), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(audio.sample_rate)
            w.writeframes(audio.samples)
        return path

    def boundaries(self, key: str) -> list[tuple[float, str]]:
        """Word or sentence boundaries an engine reported for a piece, if it did."""
        path = self.path(key).with_suffix(".json")
        return [tuple(b) for b in json.loads(path.read_text())] if path.is_file() else []


def open_wav(path: Path) -> wave.Wave_read:
    """A cached piece for reading; a damaged one is named, not a bare wave.Error."""
    try:
        return wave.open(str(path), "rb")
    except (wave.Error, EOFError, OSError) as e:
        raise BuildError(f"{path}: not a readable WAV file ({e})") from e


def read_wav(path: Path) -> Audio:
    with open_wav(path) as w:
        return Audio(w.readframes(w.getnframes()), w.getframerate())

