"""The command line: the only place that prints, and where errors become exit statuses.

0 success; 2 bad usage or bad input (one line, no traceback); 1 a failure while working, with
what was finished kept.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from . import engines, presets
from .cache import Cache
from .engines.base import LocalEngine
from .errors import BuildError, UserError, engine_errors, os_error_message

class _App(typer.Typer):
    """Typer, with usage errors as one line on stderr (exit 2) instead of a boxed panel."""

    def __call__(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            code = super().__call__(*args, **kwargs)
        except typer.TyperException as e:  # click's usage errors, vendored by typer
            ctx = getattr(e, "ctx", None)
            if type(e).__name__ == "NoArgsIsHelpError" and ctx is not None:
                print(ctx.get_help())
                sys.exit(0)
            where = f"{ctx.command_path}: " if ctx is not None else ""
            _say(f"error: {where}{_one_line(e.format_message())}")
            sys.exit(getattr(e, "exit_code", 2))
        except typer.Abort:
            _say("interrupted")
            sys.exit(130)
        sys.exit(code or 0)


app = _App(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn newspaper issues into chaptered audio editions and a podcast feed.",
)
err = Console(stderr=True)

Inputs = Annotated[list[Path], typer.Argument(help="Text, HTML or a folder of text files.")]
Out = Annotated[Path, typer.Option("--out", "-o", help="Where editions, feed.xml and index.html go.")]
Title = Annotated[str | None, typer.Option(help="Edition title (else the title heading or file name).")]
Date = Annotated[str | None, typer.Option(help="Edition date YYYY-MM-DD (else the first date in the text).")]
Report = Annotated[
    Path | None, typer.Option(help="Write one JSON row per input (status, folders, duration, …) here.")
]
Executor = Annotated[str, typer.Option(help="Where pieces are voiced: local (this machine) or ray (a Ray cluster).")]
RayAddress = Annotated[
    str | None, typer.Option(help="The Ray cluster to join (else RAY_ADDRESS, else a local Ray is started).")
]


class Split(str, Enum):
    articles = "articles"


Format = Annotated[str, typer.Option("--format", help="auto, markdown, raw or html.")]
BaseUrl = Annotated[str | None, typer.Option(help="Public URL of the output folder (feed links).")]
FeedTitle = Annotated[str | None, typer.Option(help="Podcast title (else OUT/feed.toml).")]
Author = Annotated[str | None, typer.Option(help="Podcast author.")]
OwnerEmail = Annotated[str | None, typer.Option(help="Podcast owner's e-mail.")]
Category = Annotated[str | None, typer.Option(help="iTunes category, e.g. News.")]
Artwork = Annotated[str | None, typer.Option(help="Podcast artwork: URL or image file.")]


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False):
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s")


@app.command()
def build(
    inputs: Inputs,
    out: Out = Path("output"),
    engine: Annotated[str | None, typer.Option(help=f"{' or '.join(engines.NAMES)} (default: the preset's)")] = None,
    preset: Annotated[str, typer.Option(help="A preset in voices/ or a TOML file.")] = "standard",
    voice: Annotated[str | None, typer.Option(help="Voice name (see `tts-edition voices`).")] = None,
    fallback_voice: Annotated[
        str | None, typer.Option(help="Edge: a second voice for texts the first persistently gets no audio for.")
    ] = None,
    rate: Annotated[str | None, typer.Option(help="Speed, e.g. -15% for slower.")] = None,
    pitch: Annotated[str | None, typer.Option(help="Pitch, e.g. +0Hz.")] = None,
    volume: Annotated[str | None, typer.Option(help="Volume, e.g. +0%.")] = None,
    bitrate: Annotated[int | None, typer.Option(help="MP3 bit rate in kbit/s (CBR).")] = None,
    audio_format: Annotated[
        list[str] | None,
        typer.Option(help="m4b: also an audiobook (AAC, chapters) beside the MP3; repeat or comma-separate."),
    ] = None,
    base_url: BaseUrl = None,
    feed_title: FeedTitle = None,
    author: Author = None,
    owner_email: OwnerEmail = None,
    category: Category = None,
    artwork: Artwork = None,
    jobs: Annotated[int | None, typer.Option(help="Pieces voiced at once (default: per engine).")] = None,
    cache: Annotated[Path | None, typer.Option(help="Cache folder (default ~/.cache/tts-edition).")] = None,
    max_minutes: Annotated[
        float | None, typer.Option(help="Split a long edition into parts of at most this many minutes.")
    ] = None,
    split: Annotated[Split | None, typer.Option(help="articles: one episode per article.")] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Any preset setting, e.g. pauses.article=3 or announce_count=true."),
    ] = None,
    title: Title = None,
    date: Date = None,
    format: Format = "auto",
    report: Report = None,
    executor: Executor = "local",
    ray_address: RayAddress = None,
):
    """Build one audio edition per input and update OUT/feed.xml; a failed input does not stop the others."""
    from . import pipeline

    def run() -> int:
        chosen = presets.load(preset).with_options(
            engine=engine, rate=rate or None, pitch=pitch or None, volume=volume or None, bitrate=bitrate,
            formats=audio_format or None,
        ).with_settings(set_ or [])
        _check_jobs(jobs, chosen.engine)
        _check_minutes(max_minutes)
        _check_out(out)
        options = pipeline.BuildOptions(
            out=out,
            preset=chosen,
            voice=voice,
            fallback_voice=fallback_voice,
            jobs=jobs,
            cache=Cache(cache),
            feed=_feed_config(out, base_url, feed_title, author, owner_email, category, artwork),
            read=pipeline.ReadOptions(title, _date(date), format),
            max_minutes=max_minutes,
            split=split.value if split else None,
        )
        from .batch import Item

        _check_voice(options)
        _check_report(report)
        return _run_editions([Item(path, options) for path in inputs], options, report, executor, ray_address)

    raise typer.Exit(_guarded(run))


@app.command()
def batch(
    manifest: Annotated[Path, typer.Argument(help="papers.toml: the papers, their inputs and settings.")],
    jobs: Annotated[int | None, typer.Option(help="Pieces voiced at once (default: per engine).")] = None,
    cache: Annotated[Path | None, typer.Option(help="Cache folder (default ~/.cache/tts-edition).")] = None,
    report: Report = None,
    executor: Executor = "local",
    ray_address: RayAddress = None,
):
    """Build every paper of a manifest on one scheduler; a failed input does not stop the others."""
    from . import manifest as manifests, pipeline
    from .batch import Item

    def run() -> int:
        shared = Cache(cache)
        items = []
        for paper in manifests.load(manifest):
            _check_jobs(jobs, paper.preset.engine)
            _check_minutes(paper.max_minutes)
            _check_out(paper.out)
            options = pipeline.BuildOptions(
                out=paper.out, preset=paper.preset, voice=paper.voice, jobs=jobs, cache=shared, feed=paper.feed,
                read=pipeline.ReadOptions(paper.title, None, paper.format), max_minutes=paper.max_minutes,
            )
            _check_voice(options)
            items += [Item(path, options, paper.name) for path in paper.inputs]
        _check_report(report)
        return _run_editions(items, items[0].options, report, executor, ray_address)

    raise typer.Exit(_guarded(run))


@app.command()
def plan(input: Annotated[Path, typer.Argument()], title: Title = None, date: Date = None, format: Format = "auto"):
    """Print the edition as JSON, before any synthesis."""
    from . import pipeline

    def run() -> int:
        edition = pipeline.plan(input, pipeline.ReadOptions(title, _date(date), format))
        print(json.dumps(edition.to_dict(), ensure_ascii=False, indent=2))  # one write: fast for big papers
        return 0

    raise typer.Exit(_guarded(run))


@app.command()
def normalize(
    text: Annotated[str | None, typer.Argument(help="Text, or - / nothing for stdin.")] = None,
    pinyin: Annotated[
        bool,
        typer.Option(
            "--pinyin",
            help="Also show, under each line, the offline voice's syllables per word "
            "(lexicon applied, after tone sandhi), as lines to copy into lexicon.toml.",
        ),
    ] = False,
    lexicon: Annotated[
        list[Path] | None, typer.Option(help="With --pinyin: lexicon files after the default one.")
    ] = None,
):
    """Print TEXT as it will be spoken; without TEXT, one line out per line in."""
    from .normalize import normalize as spoken

    def run() -> int:
        show = _pronouncer(lexicon or []) if pinyin else None
        lines = [text] if text is not None and text != "-" else (line.rstrip("\n") for line in sys.stdin)
        for line in lines:
            said = spoken(line)
            if show is None:
                print(said)
            else:
                said, words = show(said)
                print(said)
                print("".join(f'\t"{word}" = "{" ".join(syllables)}"\n' for word, syllables in words), end="")
        return 0

    raise typer.Exit(_guarded(run))


def _pronouncer(paths: list[Path]):
    """spoken text -> (text with the lexicon applied, [(word, syllables the offline voice reads)])."""
    from .engines.mandarin import analyse
    from .normalize.lexicon import Lexicon

    lexicon = Lexicon.load(Lexicon.default_path(), *paths)
    overrides = lexicon.pinyin_overrides()

    def show(said: str) -> tuple[str, list[tuple[str, list[str]]]]:
        said = lexicon.apply(said)
        return said, [(w.text, w.syllables) for w in analyse(said, overrides) if w.syllables]

    return show


@app.command()
def voices(
    engine: Annotated[str | None, typer.Option(help="Only this engine's voices.")] = None,
    refresh: Annotated[
        bool, typer.Option(help="Fetch the edge voice list from the service first (needs the internet).")
    ] = False,
):
    """List the voices and presets available."""

    def run() -> int:
        if refresh:
            from .engines.edge import refresh_voices

            count = refresh_voices()
            _say(f"edge voice list refreshed: {count} voices")
        for name in [engine] if engine else engines.NAMES:
            for v in engines.create(name).voices():
                print(f"{name}\t{v.name}\t{v.gender}\t{v.description}")
        for name in presets.available():
            preset = presets.load(name)
            print(f"preset\t{name}\t{presets.describe(preset)}\t{preset.description}")
        return 0

    raise typer.Exit(_guarded(run))


@app.command()
def feed(
    out: Annotated[Path, typer.Argument(help="The output folder holding editions.")],
    base_url: BaseUrl = None,
    feed_title: FeedTitle = None,
    author: Author = None,
    owner_email: OwnerEmail = None,
    category: Category = None,
    artwork: Artwork = None,
):
    """Rewrite OUT/feed.xml, OUT/index.html and the player pages from the editions already in OUT."""
    from . import pipeline

    def run() -> int:
        if not out.is_dir():
            raise UserError(f"{out}: no such folder")
        pipeline.republish(out, _feed_config(out, base_url, feed_title, author, owner_email, category, artwork))
        print(f"feed: {out / 'feed.xml'}")
        return 0

    raise typer.Exit(_guarded(run))


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="The output folder holding editions.")],
    dest: Annotated[Path, typer.Argument(help="Where the tracks go: a TF card or USB stick, or a folder.")],
    per_day: Annotated[bool, typer.Option(help="One folder per day instead of one per edition.")] = False,
    newest: Annotated[
        int | None, typer.Option(help="Keep only the newest N editions; older tracks this command wrote are removed.")
    ] = None,
    cache: Annotated[Path | None, typer.Option(help="Cache folder (default ~/.cache/tts-edition).")] = None,
):
    """Copy editions to DEST as one MP3 per article, for players that play files in order."""
    from . import pipeline
    from .export import export as export_tracks

    def run() -> int:
        pieces = Cache(cache)

        def speak(texts: list[str], engine: str, voice: str):
            return pipeline.voice_texts(texts, engine, voice or None, pieces)

        report = export_tracks(out, dest, speak, per_day=per_day, newest=newest)
        print(
            f"export: {report.editions} editions, {len(report.written)} tracks written, "
            f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, in {dest}"
        )
        return 0

    raise typer.Exit(_guarded(run))


@app.command()
def serve(
    out: Annotated[Path, typer.Argument(help="The output folder holding editions.")] = Path("output"),
    port: Annotated[int, typer.Option(help="TCP port (0: any free one).", min=0, max=65535)] = 8000,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 lets phones on the LAN in.")] = "0.0.0.0",
):
    """Serve OUT over HTTP so a phone or TV on the same network can listen or subscribe."""
    from .serve import links, make_server

    def run() -> int:
        try:
            server = make_server(out, port, host)
        except OSError as e:
            raise UserError(f"cannot listen on {host}:{port}: {e.strerror}") from None
        with server:
            for link in links(server.server_address[1], host):
                print(f"page: {link.page}\nfeed: {link.feed}")
            if host in ("0.0.0.0", "::", ""):
                _say("note: anyone on this network can open these links; --host 127.0.0.1 keeps them to this computer")
            sys.stdout.flush()
            server.serve_forever()
        return 0

    raise typer.Exit(_guarded(run))


def _check_voice(options) -> None:
    """A wrong voice or setting is a bad option: exit 2 before anything starts."""
    preset = options.preset
    engine = engines.create(preset.engine)
    engine.prepare(options.voice or preset.voice_for(preset.engine) or engine.default_voice, preset.prosody)


def _check_report(report: Path | None) -> None:
    if report is not None and not report.parent.is_dir():
        raise UserError(f"--report: {report.parent} is not a folder")


def _run_editions(items, options, report: Path | None, executor: str, ray_address: str | None) -> int:
    """Build every item on one scheduler; print what became of each; the exit status."""
    from . import batch, executor as executors, synth

    if executor not in executors.NAMES:
        raise UserError(f"--executor must be one of {', '.join(executors.NAMES)}, not {executor!r}")
    if ray_address and executor != "ray":
        raise UserError("--ray-address needs --executor ray")
    pool = executors.create(executor, options.jobs, ray_address) if executor != "local" else None
    many = len(items) > 1 or any(i.paper for i in items)
    with synth.Scheduler(options.cache, jobs=options.jobs, executor=pool) as scheduler, _RunProgress(len(items)) as shown:
        rows = batch.run(items, scheduler, on_change=shown.update, on_row=shown.row)
    if report is not None:
        from .files import write_text

        write_text(report, json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2) + "\n")
    if many:
        _summary(rows)
    built = [r for r in rows if r.built]
    for row in rows:
        if not row.built:
            _say(_one_line_error(row))
    if built:
        for out in sorted({Path(f).parent for r in built for f in r.folders}):
            print(f"feed: {out / 'feed.xml'}")
    status = batch.exit_status(rows)
    if status == 1 and many:
        _say(f"{len(rows) - len(built)} of {len(rows)} editions not built")
    return status


def _one_line_error(row) -> str:
    """An input's failure in one line, naming the input once."""
    error = _one_line(row.error if row.input in row.error else f"{row.input}: {row.error}")
    return f"error: {error}" if row.bad_input else error


def _summary(rows) -> None:
    """The run's table on standard error: aligned on a terminal, tab-separated for scripts."""
    from rich.table import Table

    head = ["input", "edition", "duration", "chapters", "voiced/cached", "seconds", "status"]
    lines = [
        [r.input, ", ".join(Path(f).name for f in r.folders), f"{r.duration / 60:.1f} min" if r.built else "",
         str(r.chapters or ""), f"{r.voiced}/{r.cached}", f"{r.seconds:.1f}", "bad input" if r.bad_input else r.status]
        for r in rows
    ]  # fmt: skip
    if not err.is_terminal:
        for line in [head, *lines]:
            _say("\t".join(line))
        return
    table = Table(*head, box=None)
    for line in lines:
        table.add_row(*line)
    err.print(table)


def _guarded(run) -> int:
    """Run a command; every error a user can cause or meet becomes one line and an exit status."""
    previous = signal.signal(signal.SIGTERM, _interrupt)  # `kill`, systemd, a CI timeout: as Ctrl-C
    try:
        with engine_errors():
            return run()
    except UserError as e:
        _say(f"error: {_one_line(str(e))}")
        return 2
    except BuildError as e:
        _say(f"failed: {_one_line(str(e))}")
        return 1
    except BrokenPipeError:  # `tts-edition plan x | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0
    except OSError as e:
        _say(f"failed: {os_error_message(e)}")
        return 1
    except KeyboardInterrupt:
        _say("interrupted; what was finished is kept, run again to resume")
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _feed_config(out: Path, base_url, title, author, owner_email, category, artwork):
    from .publish import remember

    if base_url is not None:
        _check_url(base_url, "--base-url")  # before feed.toml remembers it
    config = remember(
        out, link=base_url, title=title, author=author, owner_email=owner_email, category=category, artwork=artwork
    )
    if config.link:
        _check_url(config.link, f"{out / 'feed.toml'}: link")
    return config


def _check_url(url: str, what: str) -> None:
    """Only a web address goes into the feed: no ``javascript:``, no spaces, no bare words."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() or ord(c) < 32 for c in url):
        raise UserError(f"{what} must be an http:// or https:// address, not {url!r}")


# Pieces voiced at once: a local engine's job is a voice lane with its own models (about 200 MB
# for the offline voice), and more lanes than cores only slow it down; network voices wait, so
# they may have more.
LOCAL_JOBS_PER_CORE = 2
NETWORK_JOBS = 32


def _check_jobs(jobs: int | None, engine: str) -> None:
    if jobs is None:
        return
    cores = os.cpu_count() or 1
    local = isinstance(engines.create(engine), LocalEngine)
    most = LOCAL_JOBS_PER_CORE * cores if local else NETWORK_JOBS
    if not 1 <= jobs <= most:
        raise UserError(f"--jobs must be between 1 and {most} for the {engine} voice on {cores} cores, not {jobs}")


def _check_minutes(minutes: float | None) -> None:
    if minutes is not None and not (math.isfinite(minutes) and 1 / 60 <= minutes <= 100_000):
        raise UserError(f"--max-minutes must be a number of minutes more than 0, not {minutes!r}")


def _check_out(out: Path) -> None:
    """OUT must be a folder (or not exist yet): a file there is the user's mistake, exit 2."""
    if out.exists() and not out.is_dir():
        raise UserError(f"{out}: is a file, not a folder; choose another --out")
    for parent in out.parents:
        if parent.exists() and not parent.is_dir():
            raise UserError(f"{parent}: is a file, not a folder; choose another --out")


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--date must be YYYY-MM-DD, not {value!r}") from None


class _RunProgress:
    """One bar for the whole run (editions done, hours of audio made, time left) and a line per
    finished edition; on something other than a terminal, no bar and one JSON line per edition."""

    def __init__(self, total: int):
        self.total = total
        self.bar = Progress(
            TextColumn("editions"),
            BarColumn(),
            TextColumn("{task.fields[done]}/{task.total:.0f}"),
            TextColumn("{task.fields[hours]:.2f} h audio"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        self.task = self.bar.add_task("", total=total, done=0, hours=0.0)

    def __enter__(self):
        self.bar.start()
        return self

    def update(self, live) -> None:
        self.bar.update(self.task, completed=live.editions_done, done=len(live.finished), hours=live.audio_seconds / 3600)

    def row(self, row) -> None:
        for folder in row.folders:
            print(f"{row.input}: edition written to {folder}", flush=True)
        if row.left_out:
            shown = ", ".join(repr(t) for t in row.left_out[:5])
            _say(f"{row.input}: note: left out {len(row.left_out)} piece(s) the voice cannot say: {shown}")
        if err.is_terminal:
            if self.total > 1:
                self.bar.console.print(f"{row.input}: {row.status} ({row.seconds:.0f} s)")
        elif self.total > 1:
            _say(json.dumps({"edition": row.input, "status": row.status, "folder": row.folder, "seconds": row.seconds},
                            ensure_ascii=False))

    def __exit__(self, *exc):
        self.bar.stop()
