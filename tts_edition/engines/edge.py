"""Microsoft Edge's neural voices through the pinned ``edge-tts`` client.

This module only turns one text into one piece of audio and says, through the kind of error it
raises, what went wrong: ``synth.py`` decides what to retry, how many requests run at once and
whether a piece is believable. What only the protocol can tell is told here: a connection that
closed before ``turn.end`` delivered a piece cut short, however good its first half sounds.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import aiohttp
import edge_tts
import edge_tts.communicate
from edge_tts.exceptions import EdgeTTSException, NoAudioReceived

from ..audio import ffmpeg_exe
from ..files import write_text
from ..model import Audio, Prosody
from .base import BadRequest, EngineError, NoAudio, PermanentError, Throttled, TransientError, Unavailable, Voice

log = logging.getLogger(__name__)

VOICES_FILE = Path(__file__).with_name("edge_voices.json")
URL_VARIABLE = "TTS_EDITION_EDGE_URL"
SERVICE_URL = edge_tts.communicate.WSS_URL
SAMPLE_RATE = 24_000  # the service always sends 24 kHz mono MP3
TICKS_PER_SECOND = 10_000_000  # boundary offsets are in 100 ns units

# What the service accepts, with room for slow, clear reading; outside this it answers nothing.
RATE_RANGE = (-50, 100)
PITCH_RANGE = (-50, 50)
VOLUME_RANGE = (-100, 100)


class EdgeEngine:
    name = "edge"
    max_chars = 300
    max_concurrency = 8  # the ceiling when --jobs is not given; the limit itself adapts
    default_voice = "zh-CN-YunyangNeural"
    needs_pinyin = False

    def __init__(self, connect_timeout: int = 5, receive_timeout: int = 60):
        self.connect_timeout = connect_timeout
        self.receive_timeout = receive_timeout
        self._reached = False  # has any request reached the service?
        self._forbidden = 0  # 403s since the last success

    def voices(self) -> list[Voice]:
        return [
            Voice(v["ShortName"], v["Locale"], v.get("Gender", ""), v.get("FriendlyName", ""))
            for v in _kept_voices()
        ]

    def resolve_voice(self, name: str) -> str:
        """The full voice name for a full or short name (``xiaoxiao`` -> ``zh-CN-XiaoxiaoNeural``)."""
        return resolve_voice(name, [v.name for v in self.voices()])

    def prepare(self, voice: str, prosody: Prosody) -> str:
        """Check everything a user chose before any request; returns the canonical voice name."""
        prosody_args(prosody)
        service_url()
        return self.resolve_voice(voice)

    def synthesize(self, text: str, voice: str, prosody: Prosody) -> Audio:
        """One piece, here and now, without the scheduler (tests, benchmarks)."""
        return asyncio.run(self.asynthesize(text, voice, prosody))

    async def asynthesize(self, text: str, voice: str, prosody: Prosody) -> Audio:
        voice = self.resolve_voice(voice)
        args = prosody_args(prosody)
        communicate = edge_tts.Communicate(
            text,
            voice,
            rate=args["rate"],
            volume=args["volume"],
            pitch=args["pitch"],
            boundary="SentenceBoundary",
            connect_timeout=self.connect_timeout,
            receive_timeout=self.receive_timeout,
        )
        mp3 = bytearray()
        boundaries: list[tuple[float, str]] = []
        # edge-tts reads the URL from a module global at each connection; every request in the
        # process dials the same one, so setting it here is safe with many requests in flight.
        edge_tts.communicate.WSS_URL = service_url()
        with self._errors_mapped(voice):
            async for chunk in communicate.stream():
                if chunk["type"] == "audio":
                    mp3 += chunk["data"]
                elif chunk["type"] == "SentenceBoundary":
                    boundaries.append((chunk["offset"] / TICKS_PER_SECOND, chunk["text"]))
        self._reached = True
        self._forbidden = 0
        # edge-tts sets the offset compensation only when it reads turn.end; without it the
        # connection closed mid-turn and the audio, however long, is only the start of the piece.
        if not communicate.state["offset_compensation"]:
            raise TransientError(f"connection closed before turn.end after {len(mp3)} bytes: cut short")
        samples = await decode_mp3(bytes(mp3))
        return Audio(samples, SAMPLE_RATE, boundaries)

    @contextmanager
    def _errors_mapped(self, voice: str):
        """The client's many exceptions sorted into what the scheduler acts on."""
        try:
            yield
        except aiohttp.ClientResponseError as e:  # the handshake was answered with a status
            self._reached = True
            raise self._status_error(e.status, e.message) from e
        except NoAudioReceived as e:
            self._reached = True
            raise NoAudio(f"no audio from {voice}") from e
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as e:
            if not self._reached:
                raise Unavailable(
                    f"cannot reach the edge voice service ({_why(e)}); check the network, "
                    "or build without it: --engine offline"
                ) from e
            raise TransientError(f"connection failed: {_why(e)}") from e
        except (aiohttp.ClientError, EdgeTTSException, TimeoutError, OSError) as e:
            raise TransientError(f"{type(e).__name__}: {e}") from e
        except ValueError as e:  # edge-tts refused a parameter
            raise PermanentError(str(e)) from e

    def _status_error(self, status: int, message: str) -> EngineError:
        if status in (429, 503):
            return Throttled(f"service answered {status}")
        if status == 403:
            self._forbidden += 1
            if self._forbidden >= 2:
                return Unavailable(
                    "the edge voice service refused every request (403): update edge-tts "
                    "(uv lock --upgrade-package edge-tts) or check that the computer's clock is right"
                )
            return TransientError("service answered 403")
        if 400 <= status < 500:
            return PermanentError(f"service answered {status} {message}")
        return TransientError(f"service answered {status} {message}")


def _why(error: Exception) -> str:
    """aiohttp's connection errors print their SSL context; say only where and why."""
    if isinstance(error, aiohttp.ClientConnectorError):
        return f"{error.host}:{error.port}: {error.os_error.strerror or error.os_error}"
    return str(error) or type(error).__name__


def prosody_args(prosody: Prosody) -> dict[str, str]:
    """Rate, pitch and volume the way edge-tts wants them: ``+0%``, ``-5Hz``."""
    for what, value, (low, high) in (
        ("rate", prosody.rate, RATE_RANGE),
        ("pitch", prosody.pitch, PITCH_RANGE),
        ("volume", prosody.volume, VOLUME_RANGE),
    ):
        if not low <= value <= high:
            unit = "Hz" if what == "pitch" else "%"
            raise BadRequest(f"edge voices take {what} from {low:+d}{unit} to {high:+d}{unit}, not {value:+d}{unit}")
    return {"rate": f"{prosody.rate:+d}%", "pitch": f"{prosody.pitch:+d}Hz", "volume": f"{prosody.volume:+d}%"}


def resolve_voice(name: str, known: list[str]) -> str:
    wanted = name.strip().lower()
    exact = [v for v in known if v.lower() == wanted]
    if exact:
        return exact[0]
    matches = [v for v in known if short_name(v) == wanted or short_name(v) + "neural" == wanted]
    if len(matches) > 1:  # the same name in several locales: Mandarin first
        matches = [v for v in matches if v.startswith("zh-CN-")] or matches
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise BadRequest(f"voice {name!r} is ambiguous: {', '.join(matches)}")
    raise BadRequest(f"unknown edge voice {name!r}; see `tts-edition voices --engine edge`")


def short_name(full: str) -> str:
    """``zh-CN-liaoning-XiaobeiNeural`` -> ``xiaobei``."""
    return full.rsplit("-", 1)[-1].removesuffix("Neural").lower()


def service_url() -> str:
    """Where the client connects: the public service, or ``TTS_EDITION_EDGE_URL`` (tests, proxies)."""
    url = os.environ.get(URL_VARIABLE)
    if not url:
        return SERVICE_URL
    if not re.match(r"^wss?://[^/?#]+", url):
        raise BadRequest(f"{URL_VARIABLE} must be a ws:// or wss:// URL, not {url!r}")
    # The client appends "&ConnectionId=…", so the URL must already have a query.
    return url if "?" in url else url + "?"


async def decode_mp3(mp3: bytes) -> bytes:
    """MP3 to 16-bit mono PCM at the service's 24 kHz, through ffmpeg's pipes."""
    process = await asyncio.create_subprocess_exec(
        ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error",
        "-f", "mp3", "-i", "pipe:0", "-f", "s16le", "-ac", "1", "-ar", str(SAMPLE_RATE), "pipe:1",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    pcm, err = await process.communicate(mp3)
    if process.returncode != 0 or not pcm:
        reason = err.decode(errors="replace").strip().splitlines()[-1:] or ["no samples"]
        raise TransientError(f"the service's audio did not decode: {reason[0]}")
    return pcm


@cache
def _kept_voices() -> list[dict]:
    return json.loads(VOICES_FILE.read_text(encoding="utf-8"))


def refresh_voices(path: Path = VOICES_FILE) -> int:
    """Fetch the service's voice list into the kept file (needs the network); returns its length."""
    try:
        voices = asyncio.run(edge_tts.list_voices())
    except (aiohttp.ClientError, EdgeTTSException, OSError) as e:
        raise Unavailable(f"could not fetch the edge voice list: {_why(e)}") from e
    voices.sort(key=lambda v: v["ShortName"])
    write_text(path, json.dumps(voices, ensure_ascii=False, indent=1) + "\n")
    _kept_voices.cache_clear()
    return len(voices)
