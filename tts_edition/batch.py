"""Many editions in one run: one scheduler for all, assembly of one while the next is voiced,
and a failed input reported, never a reason to stop the others.

The main thread reads and plans editions a few ahead and hands their pieces to the scheduler
(``synth.Scheduler``), whose workers voice them in order; one finishing thread assembles,
encodes and publishes each edition as soon as its pieces are all voiced, while the workers go
on with the next. Only a few editions are planned ahead, so memory stays flat however many
inputs a run has.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import pipeline
from .errors import BuildError, UserError, os_error_message
from .publish.record import read_record
from .synth import Progress, Scheduler, Voicing

log = logging.getLogger(__name__)

AHEAD = 3  # editions planned and queued for the voice beyond those being finished
UNWIND_SECONDS = 60  # how long an interrupted run waits for the edition being finished to clean up


@dataclass
class Item:
    """One input of a run and how to build it (a batch's papers each have their own options)."""

    path: Path
    options: pipeline.BuildOptions
    paper: str = ""  # the manifest's name for the paper, if any


@dataclass
class Row:
    """What became of one input: a line of the summary and of ``--report``."""

    input: str
    status: str  # "built" or "failed"
    folder: str | None = None  # the edition folder (the first part's, if split)
    folders: list[str] = field(default_factory=list)  # every part's
    paper: str = ""
    duration: float = 0.0  # seconds of audio, all parts
    chapters: int = 0
    voiced: int = 0  # pieces voiced in this run
    cached: int = 0  # pieces found in the cache (or voiced for an earlier edition of the run)
    seconds: float = 0.0  # wall time from planning to publishing
    error: str | None = None
    left_out: list[str] = field(default_factory=list)  # texts the voice cannot say, left out with a warning
    bad_input: bool = False  # failed because the input (or its options) was bad, not while working

    @property
    def built(self) -> bool:
        return self.status == "built"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Live:
    """The run as it goes, for a progress display: read from the callbacks' threads."""

    total: int
    finished: list[Row] = field(default_factory=list)
    voicing: dict[int, Progress] = field(default_factory=dict)  # editions with pieces in the scheduler

    @property
    def audio_seconds(self) -> float:
        return sum(r.duration for r in self.finished) + sum(p.audio_seconds for p in self.voicing.values())

    @property
    def editions_done(self) -> float:
        """Finished editions plus the voiced share of those still voicing: smooth for a time-left."""
        part = sum(p.done / p.total for p in self.voicing.values() if p.total)
        return len(self.finished) + 0.9 * part


def run(
    items: list[Item],
    scheduler: Scheduler,
    *,
    on_change: Callable[[Live], None] | None = None,
    on_row: Callable[[Row], None] | None = None,
) -> list[Row]:
    """Build every item; one row per item, in order. Editions are finished one at a time, in
    order, on a thread of their own; ``on_row`` is called from it as each one is done."""
    live = Live(len(items))
    rows: list[Row | None] = [None] * len(items)
    room = threading.Semaphore(AHEAD)
    lock = threading.Lock()

    def changed(*_) -> None:
        if on_change:
            on_change(live)

    def done(i: int, row: Row) -> None:
        with lock:
            rows[i] = row
            live.voicing.pop(i, None)
            live.finished.append(row)
        if on_row:
            on_row(row)
        changed()
        room.release()

    def finish(i: int, item: Item, prepared: pipeline.Prepared, voiced: Voicing, progress: Progress, start: float):
        row = Row(str(item.path), "built", paper=item.paper)
        try:
            folders = pipeline.finish(prepared, voiced, item.options)
            row.folders = [str(f) for f in folders]
            row.folder = row.folders[0] if row.folders else None
            records = [r for r in map(read_record, folders) if r is not None]
            row.duration = round(sum(r.duration for r in records), 3)
            row.chapters = sum(len(r.chapters) for r in records)
        except (BuildError, UserError) as e:
            row.status, row.error, row.bad_input = "failed", str(e), isinstance(e, UserError)
        except OSError as e:  # a full disk, a folder not writable: the path and what to do
            row.status, row.error = "failed", os_error_message(e, where=item.options.out)
        except Exception as e:  # an unexpected failure of one edition is still not every edition's
            log.exception("%s failed", item.path)
            row.status, row.error = "failed", f"{type(e).__name__}: {e}"
        row.cached, row.voiced = progress.cached, progress.done - progress.cached
        row.left_out = list(progress.skipped)
        row.seconds = round(time.monotonic() - start, 2)
        done(i, row)

    finisher = ThreadPoolExecutor(1, thread_name_prefix="finish")
    finishing: list[futures.Future] = []
    try:
        for i, item in enumerate(items):
            room.acquire()
            start = time.monotonic()
            try:
                prepared = pipeline.prepare(item.path, item.options)
                progress = Progress(total=len(prepared.pieces))
                with lock:
                    live.voicing[i] = progress
                voiced = scheduler.voice(prepared.pieces, prepared.job, on_progress=changed, progress=progress)
            except (BuildError, UserError) as e:
                with lock:
                    live.voicing.pop(i, None)
                seconds = round(time.monotonic() - start, 2)
                bad = isinstance(e, UserError)
                done(i, Row(str(item.path), "failed", paper=item.paper, error=str(e), seconds=seconds, bad_input=bad))
                continue
            finishing.append(finisher.submit(finish, i, item, prepared, voiced, progress, start))
        finisher.shutdown(wait=True)
    except BaseException:  # Ctrl-C, SIGTERM: the edition being finished unwinds and removes its staging
        scheduler.close()  # whoever waits for a piece sees the run's end
        finisher.shutdown(wait=False, cancel_futures=True)
        futures.wait(finishing, timeout=UNWIND_SECONDS)
        raise
    return [r for r in rows if r is not None]


def exit_status(rows: list[Row]) -> int:
    """0 all built; 2 nothing built because every input was bad; 1 anything else that failed."""
    if all(r.built for r in rows):
        return 0
    if all(r.bad_input for r in rows):
        return 2
    return 1
