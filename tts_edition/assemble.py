"""Join the voice's pieces into one edition: pauses, loudness, chapters and cues; the formats encode it.

The pieces are streamed to a temporary raw PCM file, a block at a time, so memory
stays flat however long the edition is; every time in the timeline is counted in
samples actually written, so chapters and transcript cues sit where the audio is.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from . import audio, killpoints
from .cache import open_wav
from .errors import BuildError
from .files import scratch_path
from .model import AudioSpec, Edition, Pauses, Piece
from .timeline import Chapter, Cue, Timeline

__all__ = ["Assembled", "Joined", "Pauses", "assemble", "durations", "join_pcm"]

log = logging.getLogger(__name__)

BLOCK_FRAMES = 1 << 16  # frames copied per read: 128 KiB of 16-bit mono


class Sink(Protocol):
    """Where joined PCM goes: a file, or the file and the loudness meter at once."""

    def write(self, block: bytes, /) -> int: ...


@dataclass(frozen=True)
class Joined:
    """Where each piece landed in the joined PCM, in samples."""

    sample_rate: int
    total: int  # samples in the whole file, silences included
    spans: list[tuple[int, int]]  # (first sample, end sample) per piece


def join_pcm(
    pieces: Sequence[Piece],
    wavs: Sequence[Path],
    pauses: Pauses,
    out: Sink,
    wait: Callable[[Path], None] | None = None,
    reached: Callable[[int], None] | None = None,
) -> Joined:
    """Write the pieces with their pauses to ``out`` as 16-bit mono PCM, one block at a time;
    ``wait(wav)`` before each piece, when they are still being voiced, and ``reached(i)`` once
    everything before piece ``i`` is written."""
    if len(pieces) != len(wavs):
        raise BuildError(f"{len(pieces)} pieces but {len(wavs)} audio files")
    if not pieces:
        raise BuildError("nothing to assemble: no pieces")
    wait = wait or (lambda wav: None)
    wait(wavs[0])
    rate = _sample_rate(wavs[0])
    written = _silence(out, rate, pauses.lead_in)
    spans: list[tuple[int, int]] = []
    for i, (piece, wav) in enumerate(zip(pieces, wavs)):
        if reached:
            reached(i)
        wait(wav)
        start = written
        written += _copy_wav(wav, rate, out)
        spans.append((start, written))
        last = i == len(pieces) - 1
        written += _silence(out, rate, pauses.lead_out if last else pauses.after(piece.level))
    return Joined(rate, written, spans)


@dataclass(frozen=True)
class Assembled:
    """The joined edition, ready for the output formats to encode: each applies the same filters
    to the same PCM, so every file sounds alike and its chapters sit at the same times."""

    pcm: Path  # 16-bit mono; exists while ``assemble``'s block runs
    sample_rate: int
    filters: list[str]  # the loudness correction: one gain, and a limiter only where peaks need it
    timeline: Timeline
    mp3: Path | None = None  # the MP3 (untagged), if it was encoded with ``filters`` as the pieces arrived


@contextlib.contextmanager
def assemble(
    pieces: Sequence[Piece],
    wavs: Sequence[Path],
    edition: Edition,
    pauses: Pauses,
    folder: Path,
    spec: AudioSpec,
    *,
    wait: Callable[[Path], None] | None = None,
) -> Iterator[Assembled]:
    """Join the pieces with their pauses into a scratch PCM file in ``folder``, measure its
    loudness as it is written, and yield it with its timeline and the filters that bring it to
    ``spec``'s loudness; the PCM is removed when the block ends.

    With ``wait`` (see ``join_pcm``) the pieces are joined and their loudness measured while the
    later ones are still being voiced, and from half-way the MP3 is encoded too (``_Live``), so
    little is left to do after the last.
    """
    if wait and wavs:
        wait(wavs[0])
    rate = _sample_rate(wavs[0]) if wavs else 0
    with scratch_path(Path(folder), ".pcm") as pcm, scratch_path(Path(folder), ".mp3") as early:
        with pcm.open("wb") as f, _Listeners(f, pcm, rate, early, spec, len(pieces) // 2 if wait else None) as ears:
            joined = join_pcm(pieces, wavs, pauses, _Tee(f, ears), wait, ears.reached)
            killpoints.reached("joined")
            timeline = make_timeline(pieces, joined, edition)
            log.info("joined %d pieces, %.1f s; normalising and encoding", len(pieces), timeline.duration)
            measured, live_filters = ears.results()
        if live_filters:
            yield Assembled(pcm, rate, live_filters, timeline, mp3=early)
            return
        _, filters = audio.loudness_filters(
            pcm, joined.sample_rate, loudness=spec.loudness, true_peak=spec.true_peak, measured=measured
        )
        yield Assembled(pcm, joined.sample_rate, filters, timeline)


class _Listeners:
    """What hears the PCM as it is written: the loudness meter, and from piece ``start`` the
    MP3 encoder (``audio.LiveMP3``) in its place, once half the edition is there to settle the
    gain on. With too little audio by then (a short edition), or no ``start``, the MP3 is
    encoded after the join; so is one whose live encode missed the target, after one more
    measuring pass (the meter stopped when the encoder started: one ffmpeg less in memory)."""

    MIN_SECONDS = 60.0  # audio joined before the gain is guessed on it

    def __init__(self, file: BinaryIO, pcm: Path, rate: int, out: Path, spec: AudioSpec, start: int | None):
        self.file, self.pcm, self.rate, self.out, self.spec, self.start = file, pcm, rate, out, spec, start
        self.meter: audio.LoudnessMeter | None = audio.LoudnessMeter(rate) if rate else None
        self.encoder: audio.LiveMP3 | None = None

    def __enter__(self) -> _Listeners:
        return self

    def __exit__(self, *exc) -> None:
        for ear in (self.meter, self.encoder):
            if ear is not None:
                ear.close()

    def write(self, block: bytes) -> None:
        if self.encoder is not None:
            self.encoder.write(block)
        elif self.meter is not None:
            self.meter.write(block)

    def reached(self, piece: int) -> None:
        if piece != self.start or not piece:
            return
        self.file.flush()
        head = self.file.tell()
        if head / 2 / self.rate < self.MIN_SECONDS:
            return
        if self.meter is not None:  # the encoder measures from here; a fallback measures the file
            self.meter.close()
            self.meter = None
        spec = self.spec
        try:
            self.encoder = audio.LiveMP3(
                self.pcm, self.rate, head, self.out, loudness=spec.loudness, true_peak=spec.true_peak,
                bitrate=spec.bitrate,
            )  # fmt: skip
        except BuildError as e:  # encoded after the join instead, which reports what is wrong
            log.info("not encoding while voicing: %s", e)

    def results(self) -> tuple[audio.Loudness | None, list[str] | None]:
        """The meter's loudness of the PCM, if it heard all of it; the live encode's filters, if
        its MP3 came out on target."""
        if self.encoder is None:
            return (self.meter.result() if self.meter else None), None
        out = self.encoder.finish()
        if out is None:
            return None, None
        ceiling = self.spec.true_peak - audio.LIMITER_MARGIN / 2
        if abs(out.integrated - self.spec.loudness) <= audio.GAIN_TOLERANCE and out.true_peak <= ceiling:
            log.info("encoded while voicing: %.1f LUFS, true peak %.1f dBTP", out.integrated, out.true_peak)
            return None, self.encoder.filters
        log.info("encoded while voicing came out at %.1f LUFS, %.1f dBTP: encoding again", out.integrated, out.true_peak)
        return None, None


class _Tee:
    """The joined PCM to its file and to whoever listens as it is written."""

    def __init__(self, file: BinaryIO, ears: _Listeners):
        self.file, self.ears = file, ears

    def write(self, block: bytes) -> int:
        self.ears.write(block)
        return self.file.write(block)


def make_timeline(pieces: Sequence[Piece], joined: Joined, edition: Edition) -> Timeline:
    """Chapters per article and cues per sentence, in seconds rounded to the millisecond."""
    rate = joined.sample_rate

    def sec(samples: int) -> float:
        return round(samples / rate, 3)

    duration = sec(joined.total)
    starts: list[tuple[str, float]] = []
    seen: set[int] = set()
    for piece, (start, _) in zip(pieces, joined.spans):
        if piece.article not in seen:
            seen.add(piece.article)
            starts.append((edition.articles[piece.article].title, sec(start)))
    if starts:
        starts[0] = (starts[0][0], 0.0)  # the lead-in belongs to the first chapter
    ends = [s for _, s in starts[1:]] + [duration]
    chapters = [Chapter(title, start, end) for (title, start), end in zip(starts, ends)]
    return Timeline(duration=duration, chapters=chapters, cues=_cues(pieces, joined, edition, sec))


def _cues(pieces, joined: Joined, edition: Edition, sec) -> list[Cue]:
    """A cue per spoken piece of text: every sentence, and every title, intro and close read out,
    so the transcript shows something whenever the voice speaks."""
    sentences = edition.sentences()
    cues: list[Cue] = []
    first: int | None = None
    for piece, (start, end) in zip(pieces, joined.spans):
        if first is None:
            first = start
        if piece.last_of_sentence:
            if piece.sentence is not None:
                cues.append(Cue(sec(first), sec(end), sentences[piece.sentence].text))
            else:
                cues.append(Cue(sec(first), sec(end), piece.shown or piece.text, kind=piece.kind))
            first = None
    return cues


def durations(wavs: Sequence[Path]) -> list[float]:
    """Seconds of audio in each piece, as ``join_pcm`` will copy it: its frames, from the header
    (the cache checked that every length in it adds up)."""
    out = []
    for path in wavs:
        with open_wav(path) as w:
            out.append(w.getnframes() / w.getframerate())
    return out


def _sample_rate(path: Path) -> int:
    with open_wav(path) as w:
        return w.getframerate()


def _copy_wav(path: Path, rate: int, out: Sink) -> int:
    with open_wav(path) as w:
        if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != (1, 2, rate):
            raise BuildError(
                f"{path}: expected 16-bit mono at {rate} Hz, got {w.getsampwidth() * 8}-bit, "
                f"{w.getnchannels()} channel(s) at {w.getframerate()} Hz"
            )
        count = 0
        while block := w.readframes(BLOCK_FRAMES):
            out.write(block)
            count += len(block) // 2
    return count


_ZEROS = bytes(2 * BLOCK_FRAMES)


def _silence(out: Sink, rate: int, seconds: float) -> int:
    frames = round(seconds * rate)
    left = frames
    while left > 0:
        n = min(left, BLOCK_FRAMES)
        out.write(_ZEROS[: 2 * n])
        left -= n
    return frames
