"""Editions as tracks for simple players: one MP3 per article, in a folder a TF card can hold.

Players without a screen (a 老人机, a small MP3 player, a radio with a card slot) play files
in name or folder order and show no chapters. So each article becomes its own file, named
so that alphabetical order is reading order and FAT32 accepts the name; every track starts
with its title spoken, and each edition's first track says the paper, the date and how many
articles follow. The articles are cut out of the edition's MP3 without re-encoding; only the
spoken navigation is voiced here.

``DEST/.tts-edition-export.json`` lists what this command wrote, so a rerun changes nothing
that is up to date and ``--newest`` removes only files it wrote itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mutagen.id3 import ID3, TALB, TIT2, TPE1, TRCK, TYER
from mutagen.mp3 import MP3

from . import audio, formats
from .assemble import join_pcm
from .errors import BuildError, UserError
from .files import atomic_path, scratch_path, write_text
from .model import AudioSpec, Pauses, Piece, chinese_date
from .publish.feed import editions
from .publish.record import AudioFile, Record

log = logging.getLogger(__name__)

MANIFEST = ".tts-edition-export.json"
MAX_NAME = 64  # characters in a file or folder name, extension included
CUT_MARGIN = 0.3  # seconds kept clear of the next article: cuts fall in the pause between articles
TITLE_PAUSE = 0.8  # seconds after a title voiced here, as after a spoken title in an edition
NORM = AudioSpec()  # the loudness the editions are made to by default: the podcast norm
_FAT_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f"*/:<>?\\|]')

Voiced = tuple[list[Piece], list[Path]]  # one text's pieces and their WAV files
Speak = Callable[[list[str], str, str], list[Voiced]]  # (texts, engine, voice) -> each text voiced


@dataclass(frozen=True)
class Track:
    """One file to put on the card, and everything it is made from."""

    path: str  # relative to DEST, with / between folders
    number: int  # 1-based, in the folder
    count: int  # tracks in the folder
    title: str  # TIT2
    album: str  # TALB: the edition
    artist: str  # TPE1: the paper
    year: str  # TYER
    record: Record = field(compare=False, repr=False)
    start: float = 0.0  # seconds of the edition's MP3; start == end: no audio from the edition
    end: float = 0.0
    say: str = ""  # spoken first, voiced here: a title, or a whole announcement

    @property
    def folder(self) -> str:
        return self.path.rpartition("/")[0]

    def key(self) -> str:
        """What the file is made of; equal keys mean the file on the card is up to date."""
        made_of = [self.record.id, self.record.built, mp3_of(self.record).bytes, self.path, self.number, self.count,
                   self.title, self.album, self.artist, self.year, self.start, self.end, self.say]  # fmt: skip
        return hashlib.sha256(json.dumps(made_of, ensure_ascii=False).encode()).hexdigest()


@dataclass
class Report:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    editions: int = 0


def fat_name(text: str, suffix: str = "") -> str:
    """``text`` as a FAT32 long name: no characters FAT forbids, no trailing dots or spaces,
    at most ``MAX_NAME`` characters with ``suffix``."""
    text = " ".join(_FAT_FORBIDDEN.sub(" ", text).split())
    text = text[: MAX_NAME - len(suffix)].rstrip(" .")
    return (text or "track") + suffix


def plan(records: Sequence[Record], *, per_day: bool = False) -> list[Track]:
    """Every track, in the order a player should play them: oldest edition first."""
    ordered = sorted(records, key=lambda r: (r.date or "", r.issued_at, r.part or 0, r.folder))
    groups: dict[str, list[Record]] = {}
    for r in ordered:
        groups.setdefault(_folder(r, per_day), []).append(r)
    tracks: list[Track] = []
    for folder, group in groups.items():
        items = [item for r in group for item in _items(r)]
        width = max(2, len(str(len(items))))
        for n, (r, title, start, end, say) in enumerate(items, 1):
            name = fat_name(f"{n:0{width}d} {title}", ".mp3")
            tracks.append(
                Track(f"{folder}/{name}", n, len(items), title, r.title, r.paper, (r.date or "")[:4], r, start, end, say)
            )
    return tracks


def _folder(r: Record, per_day: bool) -> str:
    day = r.date or "undated"
    if per_day:
        return fat_name(day)
    part = f" 第{r.part}部分" if r.part else ""
    return fat_name(f"{day} {r.paper}{part}")


def _items(r: Record) -> list[tuple[Record, str, float, float, str]]:
    """(record, title, start, end, what to say first) for the announcement and each article."""
    items = []
    if not r.intro:
        items.append((r, f"{r.paper} 导读", 0.0, 0.0, announcement(r)))
    for i, ch in enumerate(r.chapters):
        start = 0.0 if i == 0 else max(0.0, ch.start - CUT_MARGIN)
        end = r.duration if i == len(r.chapters) - 1 else max(start, ch.end - CUT_MARGIN)
        items.append((r, ch.title, start, end, "" if r.titles else ch.title))
    return items


def mp3_of(r: Record) -> AudioFile:
    """The edition's MP3: tracks are cut from it frame by frame, without encoding again."""
    for a in r.audio:
        if a.type == formats.MP3().media_type:
            return a
    raise BuildError(f"{r.folder}: no MP3 to cut tracks from")


def announcement(r: Record) -> str:
    """The spoken first track: the paper, the day and how many articles follow."""
    day = f"，{chinese_date(dt.date.fromisoformat(r.date))}" if r.date else ""
    part = f"，第{r.part}部分" if r.part else ""
    return f"{r.paper}{day}{part}。本期共{len(r.chapters)}篇文章。"


def export(
    out: Path, dest: Path, speak: Speak, *, per_day: bool = False, newest: int | None = None
) -> Report:
    """Put the editions of ``out`` on ``dest`` as tracks; remove tracks this command wrote
    before that are no longer wanted. Files that are up to date are not touched."""
    out, dest = Path(out), Path(dest)
    if newest is not None and newest < 1:
        raise UserError("--newest must be at least 1")
    if not out.is_dir():
        raise UserError(f"{out}: no such folder")
    records = editions(out)  # newest first
    if not records:
        raise UserError(f"{out}: no editions to export")
    if dest.exists() and not dest.is_dir():
        raise UserError(f"{dest}: not a folder")
    records = records[:newest] if newest else records
    tracks = plan(records, per_day=per_day)
    old = _read_manifest(dest)
    report = Report(editions=len(records))
    todo = _out_of_date(dest, tracks, old)
    report.unchanged = [t.path for t in tracks if t not in todo]
    spoken = _voiced(todo, speak)
    manifest = {path: old[path] for path in report.unchanged}
    for folder in dict.fromkeys(t.folder for t in todo):
        for path in [p for p in old if p.rpartition("/")[0] == folder]:  # written again, in order
            (dest / path).unlink(missing_ok=True)
    for track in todo:
        target = dest / track.path
        with atomic_path(target) as tmp:
            _render(track, out / track.record.folder / mp3_of(track.record).file, spoken.get(track.say), tmp)
        manifest[track.path] = {"key": track.key(), "bytes": target.stat().st_size}
        report.written.append(track.path)
        _write_manifest(dest, {**old, **manifest})  # a killed run still knows what it wrote
    report.removed = _remove_unwanted(dest, old, manifest)
    if report.written or report.removed or set(old) != set(manifest):
        _write_manifest(dest, manifest)
    return report


def _out_of_date(dest: Path, tracks: list[Track], manifest: dict[str, dict]) -> list[Track]:
    """Every track of a folder where any track is missing, damaged or changed.

    Simple players play a folder in the order its entries were written, so a folder is
    written whole, in reading order, or not at all.
    """
    stale = {t.folder for t in tracks if not _up_to_date(dest, t, manifest)}
    return [t for t in tracks if t.folder in stale]


def _up_to_date(dest: Path, track: Track, manifest: dict[str, dict]) -> bool:
    entry = manifest.get(track.path)
    target = dest / track.path
    return entry is not None and entry["key"] == track.key() and target.is_file() and target.stat().st_size == entry["bytes"]


def _voiced(todo: list[Track], speak: Speak) -> dict[str, Voiced]:
    """Voice every text the tracks to write need, once per engine and voice."""
    by_voice: dict[tuple[str, str], list[str]] = {}
    for t in todo:
        if t.say:
            texts = by_voice.setdefault((t.record.engine or "offline", t.record.voice), [])
            if t.say not in texts:
                texts.append(t.say)
    spoken: dict[str, Voiced] = {}
    for (engine, voice), texts in by_voice.items():
        spoken.update(zip(texts, speak(texts, engine, voice)))
    return spoken


def _render(track: Track, mp3: Path, said: Voiced | None, target: Path) -> None:
    """Cut the article out of the edition's MP3 (no re-encoding), put the voiced title first."""
    with scratch_path(target.parent, ".cut.mp3") as cut, scratch_path(target.parent, ".say.mp3") as say:
        parts = []
        if said is not None:
            _encode_said(said, say, bitrate=_bitrate(mp3), lead_out=TITLE_PAUSE if track.end > track.start else 1.0)
            parts.append(say)
        if track.end > track.start:
            audio.run_ffmpeg(
                ["-ss", f"{track.start:.3f}", "-to", f"{track.end:.3f}", "-i", str(mp3),
                 "-map", "0:a", "-c", "copy", "-map_metadata", "-1", "-id3v2_version", "0",
                 "-write_xing", "1", "-f", "mp3", str(cut)]
            )  # fmt: skip
            parts.append(cut)
        _join(parts, target)
    _tag(target, track)


def _encode_said(said: Voiced, target: Path, *, bitrate: int, lead_out: float) -> None:
    """Voiced text as an MP3 of the edition's kind (44.1 kHz mono CBR), at the podcast loudness,
    so it joins the cut article frame for frame."""
    pieces, wavs = said
    with scratch_path(target.parent, ".pcm") as pcm:
        with pcm.open("wb") as f:
            joined = join_pcm(pieces, wavs, Pauses(lead_in=0.3, lead_out=lead_out), f)
        audio.encode_mp3(
            pcm, joined.sample_rate, target, loudness=NORM.loudness, true_peak=NORM.true_peak, bitrate=bitrate
        )


def _join(parts: list[Path], target: Path) -> None:
    if len(parts) == 1:
        target.write_bytes(parts[0].read_bytes())
        return
    with scratch_path(target.parent, ".concat.txt") as listing:
        listing.write_text("".join(f"file '{p.resolve()}'\n" for p in parts), encoding="utf-8")
        audio.run_ffmpeg(
            ["-f", "concat", "-safe", "0", "-i", str(listing), "-map", "0:a", "-c", "copy",
             "-map_metadata", "-1", "-id3v2_version", "0", "-write_xing", "1", "-f", "mp3", str(target)]
        )  # fmt: skip


def _tag(path: Path, track: Track) -> None:
    """ID3v2.3, what the simplest players read: title, edition, paper, n/N, year."""
    tag = ID3()
    tag.add(TIT2(encoding=1, text=track.title))
    tag.add(TALB(encoding=1, text=track.album))
    tag.add(TPE1(encoding=1, text=track.artist))
    tag.add(TRCK(encoding=1, text=f"{track.number}/{track.count}"))
    if track.year:
        tag.add(TYER(encoding=1, text=track.year))
    tag.save(path, v2_version=3, v1=0)


def _bitrate(mp3: Path) -> int:
    info = MP3(mp3).info
    assert info is not None, f"{mp3}: not an MP3"
    return max(32, round(info.bitrate / 1000))


def _read_manifest(dest: Path) -> dict[str, dict]:
    path = dest / MANIFEST
    if not path.is_file():
        return {}
    try:
        files = json.loads(path.read_text("utf-8"))["files"]
        return {k: v for k, v in files.items() if isinstance(v, dict) and {"key", "bytes"} <= v.keys()}
    except (ValueError, KeyError, TypeError):
        log.warning("%s is damaged: files it listed are left alone", path)
        return {}


def _write_manifest(dest: Path, files: dict[str, dict]) -> None:
    text = json.dumps({"version": 1, "files": dict(sorted(files.items()))}, ensure_ascii=False, indent=1)
    write_text(dest / MANIFEST, text + "\n")


def _remove_unwanted(dest: Path, old: dict[str, dict], wanted: dict[str, dict]) -> list[str]:
    """Files this command wrote before and no longer wants; folders they leave empty go too."""
    removed = []
    for name in sorted(set(old) - set(wanted)):
        path = dest / name
        if path.is_file():
            path.unlink()
            removed.append(name)
        folder = path.parent
        while folder != dest and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed
