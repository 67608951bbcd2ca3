"""The ffmpeg calls: measure loudness, normalise and encode once, read loudness back.

ffmpeg comes from ``imageio-ffmpeg`` so no system install is needed; that build has
no ffprobe, so everything is read from ffmpeg's own log output.
"""

from __future__ import annotations

import ctypes
import logging
import re
import signal
import queue
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg

from .errors import BuildError

log = logging.getLogger(__name__)

MP3_SAMPLE_RATE = 44_100
LIMITER_MARGIN = 1.5  # dB below the true-peak target where the limiter sets in
GAIN_TOLERANCE = 0.3  # LUFS off target accepted after limiting
MAX_GAIN_TRIES = 4
# per-frame readings go to the verbose log: at the default level a 3-hour edition prints 100,000 lines
EBUR128 = "ebur128=peak=true:framelog=verbose"


def ffmpeg_exe() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def run_ffmpeg(args: list[str]) -> str:
    """Run ffmpeg and return its log (stderr), where filters print their measurements."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", *args]
    proc = subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace",
        preexec_fn=die_with_parent,
    )  # an exception here (Ctrl-C, SIGTERM) kills ffmpeg before it propagates
    if proc.returncode != 0:
        if "No space left on device" in proc.stderr:
            raise BuildError(
                f"{args[-1]}: the disk is full; free some space and run again (finished pieces are cached)"
            )
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        raise BuildError(f"ffmpeg failed ({proc.returncode}): {tail}")
    return proc.stderr


def die_with_parent() -> None:
    """In a child before it runs: SIGKILL it when the build dies, even by SIGKILL (Linux)."""
    try:
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (AttributeError, OSError):  # not Linux: Ctrl-C and SIGTERM still stop ffmpeg
        pass


_PR_SET_PDEATHSIG = 1


def raw_input_args(pcm: Path, sample_rate: int) -> list[str]:
    """Joined audio is kept as headerless PCM: WAV headers stop at 4 GB (about 24 h at 24 kHz)."""
    return ["-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", str(pcm)]


@dataclass(frozen=True)
class Loudness:
    integrated: float  # LUFS
    true_peak: float  # dBTP


_SUMMARY_I = re.compile(r"Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+|-inf)\s*LUFS")
_SUMMARY_TP = re.compile(r"True peak:\s*\n\s*Peak:\s*(-?[\d.]+|-inf)\s*dBFS")


class LoudnessMeter:
    """EBU R128 loudness of PCM measured as it is written, by an ffmpeg reading a pipe: when the
    last piece is joined, the measurement is done too, and only the encode pass is left."""

    def __init__(self, sample_rate: int):
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 -- held until result() reads it
        cmd = [ffmpeg_exe(), "-hide_banner", "-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", "pipe:0",
               "-af", EBUR128, "-f", "null", "-"]  # fmt: skip
        self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._log)
        assert self._proc.stdin is not None
        self._stdin = self._proc.stdin

    def write(self, block: bytes) -> None:
        self._stdin.write(block)

    def result(self) -> Loudness:
        self._stdin.close()
        code = self._proc.wait()
        self._log.seek(0)
        err = self._log.read().decode(errors="replace")
        self._log.close()
        if code != 0:
            raise BuildError(f"ffmpeg failed ({code}) measuring loudness: {' | '.join(err.strip().splitlines()[-3:])}")
        return _parse_summary(err)

    def close(self) -> None:
        """Stop it if still running (the joining failed, or a live encode took over)."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        try:
            self._stdin.close()
        except OSError:  # the pipe's other end is gone: nothing to flush
            pass
        if not self._log.closed:
            self._log.close()


def encode_mp3(
    pcm: Path,
    sample_rate: int,
    out: Path,
    *,
    loudness: float,
    true_peak: float,
    bitrate: int,
) -> Loudness:
    """Measure, then apply one gain (and a limiter only if peaks need it) and encode once.

    Returns the input's measured loudness.
    """
    measured, filters = loudness_filters(pcm, sample_rate, loudness=loudness, true_peak=true_peak)
    encode(pcm, sample_rate, out, filters, mp3_args(bitrate))
    return measured


def loudness_filters(
    pcm: Path, sample_rate: int, *, loudness: float, true_peak: float, measured: Loudness | None = None
) -> tuple[Loudness, list[str]]:
    """The filters that bring the joined audio to the target: measured once, so every format
    encoded from the same PCM gets the same gain and sounds equally loud.

    One linear gain for the whole edition keeps quiet and loud articles as the voice
    made them. ``loudnorm`` would do the same in linear mode but runs at 192 kHz,
    about seven times slower than measuring with ``ebur128`` here. ``measured``: the loudness if
    it was measured already, as the PCM was written (``LoudnessMeter``).
    """
    measured = measured or measure_ebur128(pcm, raw_input_args(pcm, sample_rate))
    log.info("joined audio: %.1f LUFS, true peak %.1f dBTP", measured.integrated, measured.true_peak)
    if measured.integrated < -70:  # -inf for digital silence
        raise BuildError("the joined audio is silent")
    return measured, _gain_filters(
        raw_input_args(pcm, sample_rate), measured, loudness=loudness, true_peak=true_peak
    )


def mp3_args(bitrate: int) -> list[str]:
    """CBR with a Xing/LAME header and no tags of ffmpeg's: ours are written afterwards."""
    return [
        "-c:a", "libmp3lame", "-b:a", f"{bitrate}k",
        "-write_xing", "1", "-id3v2_version", "0", "-write_id3v1", "0",
        "-map_metadata", "-1",
        "-f", "mp3",
    ]  # fmt: skip


def encode(
    pcm: Path, sample_rate: int, out: Path, filters: list[str], codec_args: list[str], inputs: Sequence[str] = ()
) -> None:
    """One encode of the joined PCM at 44.1 kHz mono; ``inputs`` are extra ffmpeg inputs (metadata)."""
    run_ffmpeg(
        [
            *raw_input_args(pcm, sample_rate),
            *inputs,
            "-map", "0:a",
            "-af", ",".join([*filters, f"aresample={MP3_SAMPLE_RATE}"]),
            "-ac", "1", "-ar", str(MP3_SAMPLE_RATE),
            *codec_args,
            str(out),
        ]
    )  # fmt: skip


def _gain_filters(
    source: list[str], measured: Loudness, *, loudness: float, true_peak: float, always_limit: bool = False
) -> list[str]:
    """One gain to the target; if that lifts peaks too high, a limiter and a corrected gain.

    A limiter takes a little loudness away with every peak it catches, so the gain
    is raised by what a measurement of the limited audio (``source``: ffmpeg input arguments)
    falls short, up to a few times. ``always_limit``: keep the limiter even where the measured
    peaks do not need it (a live encode, whose later audio is not measured yet); it changes no
    sample below its ceiling.
    """
    gain = loudness - measured.integrated
    ceiling = true_peak - LIMITER_MARGIN
    if measured.true_peak + gain <= ceiling and not always_limit:
        return [f"volume={gain:.2f}dB"]
    limiter = f"alimiter=limit={10 ** (ceiling / 20):.4f}:level=false:latency=true:attack=5:release=50"
    for _ in range(MAX_GAIN_TRIES):
        filters = [f"volume={gain:.2f}dB", limiter]
        chain = ",".join([*filters, EBUR128.replace("peak=true:", "")])
        err = run_ffmpeg([*source, "-af", chain, "-f", "null", "-"])
        limited = _parse_summary(err).integrated
        log.info("limited at %.1f dBFS with %.1f dB gain: %.1f LUFS", ceiling, gain, limited)
        if abs(limited - loudness) <= GAIN_TOLERANCE:
            break
        gain += loudness - limited
    return filters


def measure_ebur128(path: Path, input_args: list[str] | None = None) -> Loudness:
    """Integrated loudness and true peak (EBU R128), as a listener's player would measure them."""
    err = run_ffmpeg([*(input_args or ["-i", str(path)]), "-af", EBUR128, "-f", "null", "-"])
    return _parse_summary(err)


def _parse_summary(err: str) -> Loudness:
    summary = err[err.rfind("Summary:") :]
    i = _SUMMARY_I.search(summary)
    tp = _SUMMARY_TP.search(summary)
    if not i:
        raise BuildError("ffmpeg ebur128 printed no summary")
    return Loudness(float(i.group(1)), float(tp.group(1)) if tp else float("nan"))


class LiveMP3:
    """The edition's MP3 encoded while its later pieces are still being voiced and joined, so
    that little encoding is left once the last piece arrives (issue #10: ~14 s of one core for
    the national sample, after the voice had finished).

    The gain must be fixed before the first sample is encoded, so it is settled on the audio
    joined so far (``pcm``'s first ``head`` bytes); the rest streams through ffmpeg as it is
    written (``write``), fed by a thread so the join never waits for the encoder. The encoder
    measures what it puts out, and ``finish`` returns that measurement: whether the whole
    edition came out on target is the caller's judgement (a much louder second half would
    not, and is then encoded again from the PCM, the classic way).
    """

    def __init__(
        self, pcm: Path, sample_rate: int, head: int, out: Path, *, loudness: float, true_peak: float, bitrate: int
    ):
        seconds = head / 2 / sample_rate
        source = ["-t", f"{seconds:.3f}", *raw_input_args(pcm, sample_rate)]
        guess = measure_ebur128(pcm, source)
        if guess.integrated < -70:
            raise BuildError("the joined audio is silent so far")
        self.filters = _gain_filters(source, guess, loudness=loudness, true_peak=true_peak, always_limit=True)
        log.info("encoding while voicing: %.1f LUFS in the first %.0f s", guess.integrated, seconds)
        chain = ",".join([*self.filters, f"aresample={MP3_SAMPLE_RATE}"])
        graph = f"[0:a]{chain},asplit[mp3][meter];[meter]{EBUR128},anullsink"
        cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", "-f", "s16le", "-ar", str(sample_rate), "-ac", "1",
               "-i", "pipe:0", "-filter_complex", graph, "-map", "[mp3]", "-ac", "1", "-ar", str(MP3_SAMPLE_RATE),
               *mp3_args(bitrate), str(out)]  # fmt: skip
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 -- held until finish() reads it
        self._proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._log, preexec_fn=die_with_parent
        )
        self._blocks: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._feeder = threading.Thread(target=self._feed, args=(pcm, head), name="live-mp3", daemon=True)
        self._feeder.start()

    def write(self, block: bytes) -> None:
        """More of the joined audio, after the head (which the feeder reads from the file)."""
        self._blocks.put(block)

    def finish(self) -> Loudness | None:
        """The encoded audio's loudness, once the encoder has all of it; None if it failed
        (a full disk, say: the classic encode then reports it)."""
        self._blocks.put(None)
        self._feeder.join()
        code = self._proc.wait()
        self._log.seek(0)
        err = self._log.read().decode(errors="replace")
        if code != 0:
            log.info("the live encode failed (%d): %s", code, " | ".join(err.strip().splitlines()[-2:]))
            return None
        try:
            return _parse_summary(err)
        except BuildError:  # measured nothing: encoded again the classic way, which says why
            return None

    def close(self) -> None:
        """Stop it if still running (the join failed), and let go of its log."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._blocks.put(None)
        self._feeder.join()
        self._log.close()

    def _feed(self, pcm: Path, head: int) -> None:
        stdin = self._proc.stdin
        assert stdin is not None
        try:
            with pcm.open("rb") as f:
                while head > 0 and (chunk := f.read(min(head, 1 << 20))):
                    stdin.write(chunk)
                    head -= len(chunk)
            while (block := self._blocks.get()) is not None:
                stdin.write(block)
        except (BrokenPipeError, OSError):  # the encoder is gone: finish() reports it
            while self._blocks.get() is not None:
                pass
        finally:
            try:
                stdin.close()
            except OSError:
                pass
