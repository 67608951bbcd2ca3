"""A content-addressed store of synthesised pieces.

A piece is keyed by everything that changes its sound (engine, voice, prosody, spoken text, and
whatever else the engine says matters, such as a pronunciation lexicon), so a second build of the
same input synthesises nothing, and a killed build resumes from the pieces already stored. Files are
written under a temporary name and renamed, so a crash never leaves a half piece behind.

A piece proves itself: its WAV file carries, after the audio, a ``tsum`` chunk with the SHA-256
of the samples, and every RIFF and chunk length must add up to the file's size. A piece truncated,
zero-filled, overwritten or with a header that lies about its length is found when it is looked up,
removed and voiced again: a damaged cache never makes a shorter edition.
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import wave
from pathlib import Path

from .errors import BuildError
from .files import atomic_path
from .model import Audio, Prosody

log = logging.getLogger(__name__)

CHECKSUM_CHUNK = b"tsum"
UNCHECKED = "no checksum (written by an older version)"


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
        """The piece's file if it is there and whole; a damaged one is removed (and so voiced again)."""
        path = self.path(key)
        if not path.is_file():
            return None
        problem = damage(path)
        if problem is None:
            return path
        level = logging.INFO if problem == UNCHECKED else logging.WARNING
        log.log(level, "cached piece %s is not whole (%s); voicing it again", path, problem)
        path.unlink(missing_ok=True)
        return None

    def put(self, key: str, audio: Audio) -> Path:
        path = self.path(key)
        with atomic_path(path) as tmp:
            tmp.write_bytes(wav_bytes(audio))
        return path


def open_wav(path: Path) -> wave.Wave_read:
    """A cached piece for reading; a damaged one is named, not a bare wave.Error."""
    try:
        return wave.open(str(path), "rb")
    except (wave.Error, EOFError, OSError) as e:
        raise BuildError(f"{path}: not a readable WAV file ({e})") from e


def read_wav(path: Path) -> Audio:
    with open_wav(path) as w:
        return Audio(w.readframes(w.getnframes()), w.getframerate())



def wav_bytes(audio: Audio) -> bytes:
    """16-bit mono WAV with the samples' SHA-256 in a chunk after them (readers skip it)."""
    samples = audio.samples
    pad = b"\0" if len(samples) % 2 else b""
    fmt = struct.pack("<HHIIHH", 1, 1, audio.sample_rate, audio.sample_rate * 2, 2, 16)
    body = b"".join([
        b"WAVE",
        b"fmt ", struct.pack("<I", len(fmt)), fmt,
        b"data", struct.pack("<I", len(samples)), samples, pad,
        CHECKSUM_CHUNK, struct.pack("<I", 32), hashlib.sha256(samples).digest(),
    ])  # fmt: skip
    return b"RIFF" + struct.pack("<I", len(body)) + body


def damage(path: Path) -> str | None:
    """What is wrong with a cached piece, or None if it is whole: lengths that add up to the
    file's size, 16-bit mono PCM, some audio, and samples that match their checksum."""
    try:
        data = path.read_bytes()
    except OSError as e:
        return f"unreadable: {e.strerror or e}"
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return "not a WAV file"
    if struct.unpack_from("<I", data, 4)[0] != len(data) - 8:
        return f"RIFF length {struct.unpack_from('<I', data, 4)[0]} but {len(data) - 8} bytes follow"
    chunks: dict[bytes, bytes] = {}
    at = 12
    while at < len(data):
        if at + 8 > len(data):
            return "a chunk header is cut off"
        name, size = data[at : at + 4], struct.unpack_from("<I", data, at + 4)[0]
        if at + 8 + size > len(data):
            return f"chunk {name!r} says {size} bytes, the file ends sooner"
        chunks[name] = data[at + 8 : at + 8 + size]
        at += 8 + size + size % 2
    fmt, samples, checksum = chunks.get(b"fmt "), chunks.get(b"data"), chunks.get(CHECKSUM_CHUNK)
    if fmt is None or len(fmt) < 16 or struct.unpack_from("<HHIIHH", fmt)[0:2] != (1, 1) or fmt[14:16] != b"\x10\0":
        return "not 16-bit mono PCM"
    if not samples:
        return "no audio"
    if checksum is None:
        return UNCHECKED
    if hashlib.sha256(samples).digest() != checksum:
        return "the audio does not match its checksum"
    return None
