"""The ffmpeg calls: measure loudness, normalise and encode once, read loudness back.

ffmpeg comes from ``imageio-ffmpeg`` so no system install is needed; that build has
no ffprobe, so everything is read from ffmpeg's own log output.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg

from .errors import BuildError

log = logging.getLogger(__name__)

MP3_SAMPLE_RATE = 44_100


def ffmpeg_exe() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def run_ffmpeg(args: list[str]) -> str:
    """Run ffmpeg and return its log (stderr), where filters print their measurements."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", *args]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace")
    if proc.returncode != 0:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        raise BuildError(f"ffmpeg failed ({proc.returncode}): {tail}")
    return proc.stderr


def raw_input_args(pcm: Path, sample_rate: int) -> list[str]:
    """Joined audio is kept as headerless PCM: WAV headers stop at 4 GB (about 24 h at 24 kHz)."""
    return ["-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", str(pcm)]


def measure_loudnorm(pcm: Path, sample_rate: int, *, loudness: float, true_peak: float) -> dict[str, str]:
    """Pass 1 of ``loudnorm``: the input's integrated loudness, range, true peak and threshold."""
    af = f"loudnorm=I={loudness}:TP={true_peak}:LRA=20:print_format=json"
    err = run_ffmpeg([*raw_input_args(pcm, sample_rate), "-af", af, "-f", "null", "-"])
    start = err.rfind("{")
    end = err.rfind("}")
    if start < 0 or end < start:
        raise BuildError("ffmpeg loudnorm printed no measurement")
    return json.loads(err[start : end + 1])


def encode_mp3(
    pcm: Path,
    sample_rate: int,
    out: Path,
    *,
    loudness: float,
    true_peak: float,
    bitrate: int,
) -> None:
    """Pass 2: normalise with the measured values and encode once to CBR MP3 with a LAME header.

    ``linear=true`` applies one gain to the whole edition (no pumping between quiet
    and loud articles); loudnorm itself falls back to dynamic mode only when that
    gain would push the true peak over the limit.
    """
    m = measure_loudnorm(pcm, sample_rate, loudness=loudness, true_peak=true_peak)
    log.info("measured %s LUFS, true peak %s dBTP", m["input_i"], m["input_tp"])
    if float(m["input_i"]) == float("-inf") or m["input_i"] in ("-inf", "inf"):
        raise BuildError("the joined audio is silent")
    af = (
        f"loudnorm=I={loudness}:TP={true_peak}:LRA=20"
        f":measured_I={m['input_i']}:measured_TP={m['input_tp']}"
        f":measured_LRA={m['input_lra']}:measured_thresh={m['input_thresh']}"
        f":offset={m['target_offset']}:linear=true,"
        f"aresample={MP3_SAMPLE_RATE}"
    )
    run_ffmpeg(
        [
            *raw_input_args(pcm, sample_rate),
            "-af", af,
            "-ac", "1", "-ar", str(MP3_SAMPLE_RATE),
            "-c:a", "libmp3lame", "-b:a", f"{bitrate}k",
            "-write_xing", "1", "-id3v2_version", "0", "-write_id3v1", "0",
            "-map_metadata", "-1",
            "-f", "mp3", str(out),
        ]
    )  # fmt: skip


@dataclass(frozen=True)
class Loudness:
    integrated: float  # LUFS
    true_peak: float  # dBTP


_SUMMARY_I = re.compile(r"Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+|-inf)\s*LUFS")
_SUMMARY_TP = re.compile(r"True peak:\s*\n\s*Peak:\s*(-?[\d.]+|-inf)\s*dBFS")


def measure_ebur128(path: Path) -> Loudness:
    """Loudness as a listener's player sees it, measured on the decoded file (EBU R128)."""
    err = run_ffmpeg(["-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"])
    summary = err[err.rfind("Summary:") :]
    i = _SUMMARY_I.search(summary)
    tp = _SUMMARY_TP.search(summary)
    if not i or not tp:
        raise BuildError("ffmpeg ebur128 printed no summary")
    return Loudness(float(i.group(1)), float(tp.group(1)))
