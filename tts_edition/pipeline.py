"""The stages joined up: read, segment, normalize (plan) and then synth, assemble, publish (build).

This is the only module that knows the order of the stages; each stage stays ignorant of the
others and can be run alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, engines, killpoints, segment, synth
from .assemble import assemble, durations
from .cache import Cache
from .engines.base import Engine
from .errors import BuildError, UserError, engine_errors
from .formats import FORMATS, AudioFormat, write_files
from .model import Edition, Level, Pauses, Piece, Prosody, chinese_date
from .normalize import normalize
from .normalize.lexicon import Lexicon
from .presets import Preset
from .publish import FeedConfig, default_cover, edition_tags, folder_name, write_all, write_edition
from .publish.commit import new_version
from .publish.parts import pieces_of, plan_parts
from .publish.player import write_player
from .publish.record import read_record
from .read import guess_note, read_edition

log = logging.getLogger(__name__)


@dataclass
class ReadOptions:
    title: str | None = None
    date: dt.date | None = None
    format: str = "auto"


@dataclass
class BuildOptions:
    out: Path
    preset: Preset
    voice: str | None = None
    fallback_voice: str | None = None  # edge: used for texts the voice persistently returns no audio for
    jobs: int | None = None
    cache: Cache = field(default_factory=Cache)
    feed: FeedConfig = field(default_factory=FeedConfig)
    read: ReadOptions = field(default_factory=ReadOptions)
    max_minutes: float | None = None  # split a long edition into parts of at most this length
    split: str | None = None  # "articles": one episode per article


def lexicon_for(path: Path) -> Lexicon:
    """The default lexicon, then ``lexicon.toml`` beside the input, then ``<input>.lexicon.toml``."""
    here = path if path.is_dir() else path.parent
    own = [p for p in (here / "lexicon.toml", path.with_suffix(".lexicon.toml")) if p.is_file()]
    return Lexicon.load(Lexicon.default_path(), *own)


def plan(path: Path, options: ReadOptions | None = None, lexicon: Lexicon | None = None) -> Edition:
    """The edition as it will be read: articles, sentences as printed and as spoken."""
    options = options or ReadOptions()
    edition = read_edition(path, title=options.title, date=options.date, format=options.format)
    edition = segment.segment(edition)
    lexicon = lexicon or lexicon_for(path)
    for sentence in edition.sentences():
        sentence.spoken = lexicon.apply(normalize(sentence.text))
    if not edition.sentences():
        raise UserError(f"{path}: no sentences to read")
    return edition


def speakable(text: str) -> bool:
    return any(c.isalnum() for c in text)


def pieces(edition: Edition, max_chars: int, preset: Preset, lexicon: Lexicon | None = None) -> list[Piece]:
    """Every request the voice will get, in reading order, with the pause that follows each.

    Titles and announcements are spoken text too, so they get the same normaliser and lexicon
    as the sentences.
    """
    lexicon = lexicon or Lexicon()

    def announce(text: str, article: int, level: Level, kind: str) -> list[Piece]:
        chunks = _announced(text, lexicon, max_chars, level, article)
        return [dataclasses.replace(p, shown=text, kind=kind) for p in chunks]

    out: list[Piece] = []
    if preset.intro:
        out += announce(_intro(edition), 0, Level.PARAGRAPH, "intro")
    index = 0
    count = len(edition.articles)
    for a, article in enumerate(edition.articles):
        if preset.announce_titles and speakable(article.title) and _headline(article.title, a):
            title = article.title
            if preset.announce_count:
                title = f"第{a + 1}篇，共{count}篇：{title}"
            out += announce(title, a, Level.PARAGRAPH, "title")
        for p, paragraph in enumerate(article.paragraphs):
            for sentence in paragraph.sentences:
                if p == 0 or not preset.first_paragraph_only:
                    out += _chunked(sentence.spoken, max_chars, Level.SENTENCE, a, index)
                index += 1
            _end_at(out, a, Level.PARAGRAPH)
        _end_at(out, a, Level.ARTICLE)
    if preset.outro and edition.articles:
        out += announce(preset.outro, count - 1, Level.ARTICLE, "outro")
    return out


# A headline is read in a breath; a "title" longer than this is a paragraph the reader mistook.
MAX_HEADLINE = 80


def _headline(title: str, article: int) -> bool:
    if len(title) <= MAX_HEADLINE:
        return True
    log.warning("article %d: a title of %d characters is not read out as a title", article + 1, len(title))
    return False


def _intro(edition: Edition) -> str:
    if edition.date is None:
        return f"{edition.title}。"
    return f"{edition.title}，{chinese_date(edition.date)}。"


def _announced(text: str, lexicon: Lexicon, max_chars: int, level: Level, article: int) -> list[Piece]:
    """A title, intro or close as pieces: read by the same normaliser and lexicon as sentences."""
    return _chunked(lexicon.apply(normalize(text)), max_chars, level, article, None)


def _chunked(spoken: str, max_chars: int, level: Level, article: int, sentence: int | None) -> list[Piece]:
    """One text as pieces the engine takes; the last carries the text's own pause."""
    parts = [c for c in segment.chunks(spoken, max_chars) if speakable(c)]
    last = len(parts) - 1
    return [
        Piece(c, level if i == last else Level.CHUNK, article, sentence, last_of_sentence=i == last)
        for i, c in enumerate(parts)
    ]


def without_unsaid(todo: list[Piece], wavs: list[Path | None]) -> tuple[list[Piece], list[Path]]:
    """The pieces that have audio; a left-out piece hands its pause and its sentence's end to the
    piece before it, so paragraphs and cues stay where they were."""
    kept: list[Piece] = []
    paths: list[Path] = []
    for piece, wav in zip(todo, wavs):
        if wav is not None:
            kept.append(piece)
            paths.append(wav)
            continue
        if kept and kept[-1].article == piece.article:
            last = kept[-1]
            ends = piece.last_of_sentence and last.sentence == piece.sentence
            kept[-1] = dataclasses.replace(
                last, level=max(last.level, piece.level), last_of_sentence=last.last_of_sentence or ends
            )
    return kept, paths


def _end_at(out: list[Piece], article: int, level: Level) -> None:
    if out and out[-1].article == article and out[-1].level < level:
        out[-1] = dataclasses.replace(out[-1], level=level)


@dataclass
class Prepared:
    """An edition read and planned, with every request its voice will get: what the scheduler needs."""

    path: Path
    edition: Edition
    job: synth.Job
    pieces: list[Piece]
    formats: list[AudioFormat]  # the audio files to write, the MP3 first


def prepare(path: Path, options: BuildOptions) -> Prepared:
    """Read, plan and cut an edition into pieces; raises UserError for bad input."""
    preset = options.preset
    formats = [FORMATS[name] for name in preset.audio.formats]
    lexicon = lexicon_for(path)
    edition = plan(path, options.read, lexicon)
    with engine_errors():
        engine = engines.create(preset.engine)
    voice = options.voice or preset.voice_for(preset.engine) or engine.default_voice
    job = _job(engine, voice, preset.prosody, lexicon, fallback_voice=options.fallback_voice)
    return Prepared(path, edition, job, pieces(edition, engine.max_chars, preset, lexicon), formats)


def build(path: Path, options: BuildOptions, on_progress: synth.ProgressCallback | None = None) -> list[Path]:
    """Build one edition (one folder per part) under ``options.out``; returns the folders.
    (A run of many editions shares one scheduler: see ``batch.py``.)"""
    prepared = prepare(path, options)
    with synth.Scheduler(options.cache, jobs=options.jobs) as scheduler:
        return finish(prepared, scheduler.voice(prepared.pieces, prepared.job, on_progress=on_progress), options)


def finish(prepared: Prepared, voicing: synth.Voicing, options: BuildOptions) -> list[Path]:
    """Finish one edition as its pieces arrive: assemble, write the edition folder(s) and the
    player, publish the feed. Returns the folders; an unchanged one is left alone.

    Assembly starts with the first piece voiced, not the last (``assemble``'s ``wait``). A piece
    the voice cannot say is only known once its turn comes: then the edition is assembled again
    from what was said, each left-out piece handing its pause to the one before."""
    try:
        if options.max_minutes and None in voicing.result():  # parts are cut by the pieces' lengths
            raise synth.LeftOut()
        folders = _finish(prepared, voicing.paths, voicing.wait, options)
    except synth.LeftOut:
        todo, wavs = without_unsaid(prepared.pieces, voicing.result())
        if not todo:
            raise UserError(f"{prepared.path}: the voice can say none of the text") from None
        folders = _finish(dataclasses.replace(prepared, pieces=todo), wavs, None, options)
    voicing.result()  # every piece voiced, even where a folder was already up to date
    publish(options.out, options.feed)
    killpoints.reached("published")
    if note := guess_note(prepared.edition):
        log.warning(note)
    return folders


def _finish(prepared: Prepared, wavs: list[Path], wait, options: BuildOptions) -> list[Path]:
    preset, edition, todo, formats = options.preset, prepared.edition, prepared.pieces, prepared.formats
    pauses = preset.pauses
    lengths = durations(wavs) if options.max_minutes else []
    parts = plan_parts(todo, lengths, pauses, max_minutes=options.max_minutes, split=options.split)
    cover = default_cover(edition.title, edition.date)
    now = dt.datetime.now(dt.UTC).astimezone()  # one time for all parts: they are dated in order
    folders = []
    for n, part in enumerate(parts, 1):
        number = n if len(parts) > 1 else None
        folder = options.out / folder_name(edition, part=number)
        part_pieces, part_wavs = pieces_of(part, todo, wavs)
        tags = edition_tags(edition, cover=cover, part=number)
        inputs = _digest(edition, part_pieces, part_wavs, pauses, preset, tags, [f.name for f in formats])
        folders.append(folder)
        if _up_to_date(folder, inputs):
            log.info("%s is up to date", folder)
            continue
        with new_version(folder) as stage:  # the folder switches from old to new at one instant
            with assemble(part_pieces, part_wavs, edition, pauses, stage, preset.audio, wait=wait) as assembled:
                write_files(assembled, stage, formats, tags=tags, bitrate=preset.audio.bitrate)
            write_edition(
                stage, edition, assembled.timeline, [(f.file_name, f.media_type) for f in formats],
                cover=cover, engine=preset.engine, voice=prepared.job.voice, part=number, inputs=inputs,
                titles=preset.announce_titles,
                intro=preset.intro and n == 1,
                preset=preset.name, now=now, out=options.out,
            )
            write_player(stage)  # whole on its own; rewritten below once the other parts exist
            killpoints.reached("staged")
        killpoints.reached("switched")
    for folder in folders:  # after all parts exist, so each part's page can offer the next
        write_player(folder)
    return folders


def voice_texts(
    texts: list[str], engine_name: str, voice: str | None, cache: Cache, *, jobs: int | None = None
) -> list[tuple[list[Piece], list[Path]]]:
    """Announcements made outside an edition (spoken navigation for exported tracks): each text
    normalised like a title, chunked and voiced; returns each text's pieces and their audio."""
    lexicon = Lexicon.load(Lexicon.default_path())
    with engine_errors():
        engine = engines.create(engine_name)
    job = _job(engine, voice or engine.default_voice, Prosody(), lexicon)
    groups = [_announced(t, lexicon, engine.max_chars, Level.SENTENCE, 0) for t in texts]
    wavs = synth.synthesize([p for g in groups for p in g], job, cache, jobs=jobs)
    out, start = [], 0
    for group in groups:
        out.append(without_unsaid(group, wavs[start : start + len(group)]))
        start += len(group)
    return out


def _digest(
    edition: Edition, todo: list[Piece], wavs: list[Path], pauses: Pauses, preset: Preset, tags, formats: list[str]
) -> str:
    """Everything an edition folder is made from; the WAV names are content hashes of the audio."""
    made_of = [
        __version__,
        [(p.text, int(p.level), p.article, p.sentence) for p in todo],
        [w.name for w in wavs],
        dataclasses.astuple(pauses),
        [preset.audio.loudness, preset.audio.true_peak, preset.audio.bitrate],
        [tags.title, tags.album, tags.artist, tags.date, hashlib.sha256(tags.cover or b"").hexdigest()],
        [a.title for a in edition.articles],
        [s.text for s in edition.sentences()],
        *([formats] if formats != ["mp3"] else []),  # MP3 alone hashes as before: no rebuild on upgrade
    ]
    return hashlib.sha256(json.dumps(made_of, ensure_ascii=False).encode()).hexdigest()


def _up_to_date(folder: Path, inputs: str) -> bool:
    """The folder holds a whole edition made from exactly these inputs."""
    try:
        record = read_record(folder)
    except BuildError as e:
        log.warning("%s; the edition is made again", e)
        return False
    if record is None or record.inputs != inputs:
        return False
    whole = all((folder / a.file).is_file() and (folder / a.file).stat().st_size == a.bytes for a in record.audio)
    return whole and all((folder / f).is_file() for f in (record.chapters_file, record.vtt, record.srt))


def publish(out: Path, feed: FeedConfig) -> None:
    """The feed and the editions page, from every edition in ``out``."""
    write_all(out, feed)


def republish(out: Path, feed: FeedConfig) -> None:
    """Everything ``out`` serves, rebuilt from the editions on disk: after a move or an upgrade."""
    for record in write_all(out, feed):
        write_player(out / record.folder)


def _job(
    engine: Engine, voice: str, prosody: Prosody, lexicon: Lexicon, fallback_voice: str | None = None
) -> synth.Job:
    """What the scheduler needs to voice with this engine: the lexicon's pinyin only if the engine
    reads it (``needs_pinyin``), and then its fingerprint in every cache key."""
    if not engine.needs_pinyin:
        return synth.Job(engine.name, voice, prosody, fallback_voice=fallback_voice)
    overrides = lexicon.pinyin_overrides()
    salt = hashlib.sha256(json.dumps(overrides, sort_keys=True).encode()).hexdigest()[:16]
    return synth.Job(engine.name, voice, prosody, overrides, salt, fallback_voice=fallback_voice)
