"""A local stand-in for the Edge read-aloud service, speaking its WebSocket protocol.

Good enough for the real ``edge-tts`` client: it reads ``speech.config`` and ``ssml`` messages and
answers ``turn.start``, ``audio.metadata`` (one SentenceBoundary), binary ``audio`` frames of a
real MP3 (a tone lasting ``seconds_per_char`` per character of the text) and ``turn.end``. It
misbehaves on demand the ways the real service does: HTTP 429/503/403 at the handshake, stalls,
turns without audio, audio cut off by a closed connection, slow answers, and 429 above a number of
concurrent requests. It counts what it was asked, so tests can prove nothing was voiced twice.

    with EdgeServer(Faults(rate=0.2)) as server:
        os.environ["TTS_EDITION_EDGE_URL"] = server.url
        ...
        assert max(server.served.values()) == 1

Run alone (``python tests/edge_server.py --faults 0.2``) it prints its URL and serves until killed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from xml.sax.saxutils import unescape

import imageio_ffmpeg
from websockets.asyncio.server import ServerConnection, serve

FAILURES = ("429", "503", "stall", "noaudio", "cut")
FRAME_BYTES = 4096
TICKS = 10_000_000  # 100 ns units per second, as the service counts offsets
HOLD_CAP = 5.0  # seconds a request is held at most, well inside a test client's timeout


@dataclass
class Faults:
    """How the server misbehaves. ``script`` modes are used first, one per request, in order."""

    rate: float = 0.0  # fraction of requests that fail, each with a mode drawn from ``modes``
    modes: tuple[str, ...] = FAILURES
    seed: int = 0
    latency: float = 0.0  # seconds before the first answer
    throttle_above: int | None = None  # more concurrent requests than this get 429
    hold: float = 0.0  # with throttle_above: until the first 429, hold requests for company (see _hold)
    seconds_per_char: float = 0.2
    script: list[str] = field(default_factory=list)  # e.g. ["403", "403"]: the next requests' fates
    mute_voices: set[str] = field(default_factory=set)  # voices that never get audio (short names)


class EdgeServer:
    """The server, run on its own thread and event loop so synchronous code can call it."""

    def __init__(self, faults: Faults | None = None, port: int = 0):
        self.faults = faults or Faults()
        self.port = port
        self.handshakes = 0
        self.active = 0
        self.peak = 0
        self.attempts: Counter[str] = Counter()  # SSML requests per text, failed ones included
        self.served: Counter[str] = Counter()  # complete turns (turn.end sent) per text
        self.durations: dict[str, float] = {}  # seconds of audio served per text
        self.failures: Counter[str] = Counter()  # per mode
        self.voices: Counter[str] = Counter()  # complete turns per voice
        self._random = random.Random(self.faults.seed)
        self._fates: dict[int, str] = {}
        self._mp3s: dict[int, tuple[bytes, float]] = {}  # by milliseconds: the MP3, its decoded length
        self._loop: asyncio.AbstractEventLoop | None = None
        self._last_handshake = 0.0  # on the server loop's clock
        self._throttled: asyncio.Event | None = None  # set by the first 429 for too many at once
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/consumer/speech/synthesize/readaloud/edge/v1?TrustedClientToken=test"

    def __enter__(self) -> EdgeServer:
        self._thread = threading.Thread(target=asyncio.run, args=(self._serve(),), daemon=True)
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)

    def expected_seconds(self, text: str) -> float:
        """What the server means to serve for a text (``durations`` holds what it did serve)."""
        return self._chars(text) * self.faults.seconds_per_char

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        self._throttled = asyncio.Event()
        async with serve(self._handle, "127.0.0.1", self.port, process_request=self._admit) as server:
            self.port = server.sockets[0].getsockname()[1]
            self._ready.set()
            await self._stop.wait()

    def _admit(self, connection: ServerConnection, request):
        """Decide this request's fate at the handshake, where the service answers 429/503/403."""
        self.handshakes += 1
        self._last_handshake = self._loop.time()
        f = self.faults
        if f.script:
            fate = f.script.pop(0)
        elif f.throttle_above is not None and self.active >= f.throttle_above:
            fate = "429"
            self._throttled.set()
        elif self._random.random() < f.rate:
            fate = self._random.choice(f.modes)
        else:
            fate = "ok"
        if fate.isdigit():  # "429", "503", "403", or any other status at the handshake
            self.failures[fate] += 1
            return connection.respond(HTTPStatus(int(fate)), f"{fate} from the test server\n")
        self._fates[id(connection)] = fate
        self.active += 1
        self.peak = max(self.peak, self.active)
        return None

    async def _handle(self, ws: ServerConnection) -> None:
        fate = self._fates.pop(id(ws), "ok")
        try:
            await self._answer(ws, fate)
        finally:
            self.active -= 1

    async def _answer(self, ws: ServerConnection, fate: str) -> None:
        request_id, ssml = await self._read_request(ws)
        text = unescape(re.search(r"<prosody[^>]*>(.*)</prosody>", ssml, re.S).group(1))
        voice = re.search(r"<voice name='[^']*, ([^']*)\)'>", ssml).group(1)
        self.attempts[text] += 1
        await self._hold()
        if self.faults.latency:
            await asyncio.sleep(self.faults.latency)
        if fate == "stall":
            self.failures[fate] += 1
            await ws.wait_closed()  # until the client gives up
            return
        await ws.send(_text_message(request_id, "turn.start", {"context": {"serviceTag": uuid.uuid4().hex}}))
        if fate == "noaudio" or voice.removesuffix("Neural").lower() in self.faults.mute_voices:
            self.failures["noaudio"] += 1
            await ws.send(_text_message(request_id, "turn.end", {}))
            return
        mp3, seconds = await asyncio.to_thread(self._mp3, round(self.expected_seconds(text) * 1000))
        await ws.send(_text_message(request_id, "audio.metadata", _boundary(text, seconds)))
        frames = [mp3[i : i + FRAME_BYTES] for i in range(0, len(mp3), FRAME_BYTES)]
        if fate == "cut":
            self.failures[fate] += 1
            for frame in frames[: max(1, len(frames) // 2)]:
                await ws.send(_audio_message(request_id, frame))
            await ws.close()  # a clean close, no turn.end: the client sees no error
            return
        for frame in frames:
            await ws.send(_audio_message(request_id, frame))
        await ws.send(_audio_message(request_id, b""))  # the end of the stream: no Content-Type
        await ws.send(_text_message(request_id, "turn.end", {}))
        self.served[text] += 1
        self.voices[voice] += 1
        self.durations[text] = seconds

    async def _hold(self) -> None:
        """With ``hold`` and ``throttle_above`` set, keep the request open until the server has
        answered its first 429 for too many at once, or until no new request has come for ``hold``
        seconds (at most ``HOLD_CAP``): however slowly a busy client gets from one request to the
        next, requests it runs at once then overlap here, so a client running more than
        ``throttle_above`` at once is certain to be throttled, and one that never does is not."""
        f = self.faults
        if not f.hold or f.throttle_above is None:
            return
        give_up = self._loop.time() + HOLD_CAP
        while not self._throttled.is_set():
            left = min(self._last_handshake + f.hold, give_up) - self._loop.time()
            if left <= 0:
                return
            try:
                await asyncio.wait_for(self._throttled.wait(), left)
            except TimeoutError:
                pass  # a request may have come meanwhile, which moves the idle deadline

    async def _read_request(self, ws: ServerConnection) -> tuple[str, str]:
        """Skip speech.config; return the ssml message's request id and body."""
        while True:
            message = await ws.recv()
            head, _, body = message.partition("\r\n\r\n")
            headers = dict(line.split(":", 1) for line in head.split("\r\n"))
            if headers.get("Path") == "ssml":
                return headers.get("X-RequestId", uuid.uuid4().hex), body

    def _mp3(self, milliseconds: int) -> tuple[bytes, float]:
        """A tone of about that length, encoded as the service encodes (24 kHz mono 48 kbit/s
        MP3), and its length once decoded: MP3 frames round it up a little, and that decoded
        length is what a client must end up with."""
        if milliseconds not in self._mp3s:
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / "tone.mp3"
                subprocess.run(
                    [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin",
                     "-f", "lavfi", "-i", f"sine=frequency=220:sample_rate=24000:duration={milliseconds / 1000}",
                     "-af", "volume=0.3", "-ac", "1", "-c:a", "libmp3lame", "-b:a", "48k", str(out)],
                    check=True,
                )  # fmt: skip
                pcm = subprocess.run(
                    [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin",
                     "-f", "mp3", "-i", "pipe:0", "-f", "s16le", "-ac", "1", "-ar", "24000", "pipe:1"],
                    input=out.read_bytes(), capture_output=True, check=True,
                ).stdout  # fmt: skip
                self._mp3s[milliseconds] = (out.read_bytes(), len(pcm) / 2 / 24_000)
        return self._mp3s[milliseconds]

    @staticmethod
    def _chars(text: str) -> int:
        return sum(1 for c in text if not c.isspace())


def _text_message(request_id: str, path: str, body: dict) -> str:
    return (
        f"X-RequestId:{request_id}\r\nContent-Type:application/json; charset=utf-8\r\n"
        f"Path:{path}\r\n\r\n{json.dumps(body, ensure_ascii=False)}"
    )


def _audio_message(request_id: str, data: bytes) -> bytes:
    """Two bytes of header length, the headers (each line ending CRLF), then the MP3 bytes."""
    content_type = "Content-Type:audio/mpeg\r\n" if data else ""
    head = f"X-RequestId:{request_id}\r\n{content_type}X-StreamId:{request_id[:8]}\r\nPath:audio\r\n".encode()
    return len(head).to_bytes(2, "big") + head + data


def _boundary(text: str, seconds: float) -> dict:
    offset = 500_000  # the service starts its first sentence after a short silence
    return {
        "Metadata": [
            {
                "Type": "SentenceBoundary",
                "Data": {
                    "Offset": offset,
                    "Duration": max(0, round(seconds * TICKS) - offset),
                    "text": {"Text": text, "Length": len(text), "BoundaryType": "SentenceBoundary"},
                },
            }
        ]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--faults", type=float, default=0.0, help="fraction of requests that fail")
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--throttle-above", type=int)
    args = parser.parse_args()
    faults = Faults(rate=args.faults, latency=args.latency, throttle_above=args.throttle_above)
    with EdgeServer(faults, args.port) as server:
        print(server.url, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
