"""The podcast and audio rules of the design notes, one function each, callable on any output.

Each rule reads the files back with independent tools (mutagen, eyed3, ffmpeg, feedparser,
podcastparser, webvtt-py, lxml) and returns a list of problems; an empty list means the rule holds.

    uv run python -m tests.publish.rules OUT        # check every edition and the feed

Edition rules take an edition folder; feed rules take the output folder.
"""

from __future__ import annotations

import email.utils
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import eyed3.id3
import feedparser
import imageio_ffmpeg
import podcastparser
import webvtt
from lxml import etree
from mutagen.id3 import ID3, CTOCFlags
from mutagen.mp3 import MP3, BitrateMode

RECORD = "edition.json"
LOUDNESS, LOUDNESS_TOLERANCE, TRUE_PEAK_MAX = -19.0, 1.0, -1.0
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}


def _ffmpeg(*args: str) -> str:
    cmd = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-nostdin", *args]
    return subprocess.run(cmd, capture_output=True, text=True, errors="replace").stderr


def _mp3(folder: Path) -> Path:
    """The edition's podcast MP3: the audio file its record encloses."""
    record = json.loads((Path(folder) / RECORD).read_text("utf-8"))
    return Path(folder) / record["audio"][0]["file"]


def _duration(folder: Path) -> float:
    return decoded_duration(_mp3(folder))


def decoded_duration(mp3: Path) -> float:
    """The decoded duration as ffmpeg reports it (it honours the LAME encoder delay and padding)."""
    m = re.search(r"Duration: (\d+):(\d+):(\d+\.\d+)", _ffmpeg("-i", str(mp3)))
    if not m:
        return MP3(mp3).info.length
    h, mi, s = m.groups()
    return int(h) * 3600 + int(mi) * 60 + float(s)


# --- MP3 stream ------------------------------------------------------------------------------


def mp3_mono(folder: Path) -> list[str]:
    ch = MP3(_mp3(folder)).info.channels
    return [] if ch == 1 else [f"{ch} channels, not mono"]


def mp3_44k(folder: Path) -> list[str]:
    rate = MP3(_mp3(folder)).info.sample_rate
    return [] if rate == 44100 else [f"sample rate {rate}, not 44100"]


def mp3_cbr(folder: Path, bitrate: int = 64) -> list[str]:
    info = MP3(_mp3(folder)).info
    problems = []
    if info.bitrate_mode != BitrateMode.CBR:
        problems.append(f"bitrate mode {info.bitrate_mode!r}, not CBR")
    if info.bitrate != bitrate * 1000:
        problems.append(f"bitrate {info.bitrate}, not {bitrate * 1000}")
    return problems


def mp3_xing_lame(folder: Path) -> list[str]:
    """The first frame carries a Xing/Info header followed by a LAME extension (encoder delay)."""
    info = MP3(_mp3(folder)).info
    with open(_mp3(folder), "rb") as f:
        f.seek(info.frame_offset)
        frame = f.read(1024)
    # MPEG-1 Layer III mono: the side info is 17 bytes after the 4-byte header
    offset = 4 + (17 if info.channels == 1 else 32)
    tag = frame[offset : offset + 4]
    if tag not in (b"Xing", b"Info"):
        return ["no Xing/Info header in the first frame"]
    flags = int.from_bytes(frame[offset + 4 : offset + 8], "big")
    lame = offset + 8 + 4 * bool(flags & 1) + 4 * bool(flags & 2) + 100 * bool(flags & 4) + 4 * bool(flags & 8)
    encoder = frame[lame : lame + 4]
    if encoder not in (b"LAME", b"Lavc", b"Lavf", b"L3.9"):
        return [f"no LAME extension after the Xing header (found {encoder!r})"]
    delay = int.from_bytes(frame[lame + 21 : lame + 24], "big") >> 12
    return [] if delay > 0 else ["LAME extension records no encoder delay"]


def loudness(folder: Path) -> list[str]:
    err = _ffmpeg("-i", str(_mp3(folder)), "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-")
    summary = err[err.rfind("Summary:") :]
    i = re.search(r"I:\s*(-?[\d.]+|-inf) LUFS", summary)
    tp = re.search(r"Peak:\s*(-?[\d.]+|-inf) dBFS", summary)
    if not i or not tp:
        return ["ffmpeg ebur128 printed no summary"]
    problems = []
    lufs, peak = float(i.group(1)), float(tp.group(1))
    if abs(lufs - LOUDNESS) > LOUDNESS_TOLERANCE:
        problems.append(f"integrated loudness {lufs} LUFS, not {LOUDNESS} ±{LOUDNESS_TOLERANCE}")
    if peak > TRUE_PEAK_MAX:
        problems.append(f"true peak {peak} dBTP, above {TRUE_PEAK_MAX}")
    return problems


# --- ID3 tag ---------------------------------------------------------------------------------


def id3_v23(folder: Path) -> list[str]:
    version = ID3(_mp3(folder)).version
    return [] if version[:2] == (2, 3) else [f"ID3 version {version}, not 2.3"]


def id3_date_v23(folder: Path) -> list[str]:
    """A v2.3 reader (eyed3) finds the issue's date: TYER/TDAT, not v2.4's TDRC."""
    expected = json.loads((Path(folder) / "edition.json").read_text("utf-8")).get("date")
    if not expected:
        return []
    tag = eyed3.id3.Tag()
    tag.parse(str(_mp3(folder)))
    found = str(tag.getBestDate() or "")
    return [] if found == expected else [f"eyed3 reads the date {found!r}, not {expected!r}"]


def id3_text(folder: Path) -> list[str]:
    tags = ID3(_mp3(folder))
    return [f"no {f}" for f in ("TIT2", "TALB", "TPE1") if not str(tags.get(f, "")).strip()]


def id3_cover(folder: Path) -> list[str]:
    covers = [f for f in ID3(_mp3(folder)).getall("APIC") if f.type == 3]
    if not covers:
        return ["no front cover (APIC type 3)"]
    return [] if covers[0].data[:3] in (b"\xff\xd8\xff", b"\x89PN") else ["cover is neither JPEG nor PNG"]


def _chaps(tags: ID3) -> list:
    return sorted(tags.getall("CHAP"), key=lambda c: c.start_time)


def id3_ctoc(folder: Path) -> list[str]:
    tags = ID3(_mp3(folder))
    tocs = tags.getall("CTOC")
    if len(tocs) != 1:
        return [f"{len(tocs)} CTOC frames, not one"]
    toc = tocs[0]
    problems = []
    if not toc.flags & CTOCFlags.TOP_LEVEL:
        problems.append("CTOC is not top-level")
    if not toc.flags & CTOCFlags.ORDERED:
        problems.append("CTOC is not ordered")
    in_time_order = [c.element_id for c in _chaps(tags)]
    if list(toc.child_element_ids) != in_time_order:
        problems.append("CTOC does not list the CHAP frames in time order")
    return problems


def id3_chap_ids(folder: Path) -> list[str]:
    ids = [c.element_id for c in ID3(_mp3(folder)).getall("CHAP")]
    problems = [] if ids else ["no CHAP frames"]
    if len(set(ids)) != len(ids):
        problems.append("CHAP element ids are not unique")
    problems += [f"CHAP id {i!r} is not printable ASCII" for i in ids if not re.fullmatch(r"[\x21-\x7e]+", i)]
    return problems


def id3_chap_times(folder: Path) -> list[str]:
    chaps = _chaps(ID3(_mp3(folder)))
    if not chaps:
        return ["no CHAP frames"]
    problems = []
    if chaps[0].start_time != 0:
        problems.append(f"first chapter starts at {chaps[0].start_time} ms, not 0")
    for a, b in zip(chaps, chaps[1:]):
        if a.end_time != b.start_time:
            problems.append(f"{a.element_id} ends at {a.end_time} ms but {b.element_id} starts at {b.start_time}")
    for c in chaps:
        if c.end_time <= c.start_time:
            problems.append(f"{c.element_id} is empty or reversed")
    duration_ms = _duration(folder) * 1000
    if abs(chaps[-1].end_time - duration_ms) > 100:
        problems.append(f"last chapter ends at {chaps[-1].end_time} ms, audio lasts {duration_ms:.0f} ms")
    return problems


def raw_chap_frames(path: Path) -> list[tuple[str, list[str]]]:
    """(element id, sub-frame ids) per CHAP, read from the bytes of an ID3v2.3 tag.

    mutagen keeps one sub-frame per kind, so a duplicate title is only visible here.
    """
    data = Path(path).read_bytes()
    if data[:3] != b"ID3" or data[3] != 3:
        return []
    end = 10 + sum(b << (7 * (3 - i)) for i, b in enumerate(data[6:10]))
    found = []
    for frame_id, body in _frames(data, 10, end):
        if frame_id == "CHAP":
            element_id, _, rest = body.partition(b"\0")
            subs = [sub_id for sub_id, _ in _frames(rest, 16, len(rest))]
            found.append((element_id.decode("latin1"), subs))
    return found


def _frames(data: bytes, pos: int, end: int):
    while pos + 10 <= end and data[pos : pos + 4].strip(b"\0"):
        size = int.from_bytes(data[pos + 4 : pos + 8], "big")
        yield data[pos : pos + 4].decode("latin1"), data[pos + 10 : pos + 10 + size]
        pos += 10 + size


def id3_chap_titles(folder: Path) -> list[str]:
    chaps = raw_chap_frames(_mp3(folder))
    problems = [] if chaps else ["no CHAP frames in an ID3v2.3 tag"]
    for element_id, subs in chaps:
        if subs.count("TIT2") != 1:
            problems.append(f"{element_id} has {subs.count('TIT2')} TIT2 titles, not one")
    for c in ID3(_mp3(folder)).getall("CHAP"):
        if not str(c.sub_frames.get("TIT2", "")).strip():
            problems.append(f"{c.element_id} has an empty title")
    return problems


def ffmpeg_chapters(folder: Path) -> list[str]:
    """ffmpeg's own reader sees the same chapters (titles and start times) as mutagen, in time order."""
    listing = _ffmpeg("-i", str(_mp3(folder)))
    seen = [
        (round(float(start) * 1000), title.strip())
        for start, title in re.findall(r"Chapter #\d+:\d+: start (\S+), end \S+\s+Metadata:\s+title\s+: (.*)", listing)
    ]
    expected = [(c.start_time, str(c.sub_frames.get("TIT2", ""))) for c in _chaps(ID3(_mp3(folder)))]
    if not seen:
        return ["ffmpeg lists no chapters"]
    if sorted(seen) != expected:
        return [f"ffmpeg lists {sorted(seen)}, mutagen {expected}"]
    return [] if seen == expected else ["ffmpeg lists the chapters out of time order (CHAP frames not in order)"]


# --- side files ------------------------------------------------------------------------------


def chapters_json(folder: Path) -> list[str]:
    try:
        data = json.loads((Path(folder) / "chapters.json").read_text("utf-8"))
    except (OSError, ValueError) as e:
        return [f"chapters.json unreadable: {e}"]
    problems = []
    if data.get("version") != "1.2.0":
        problems.append(f"version {data.get('version')!r}, not '1.2.0'")
    chapters = data.get("chapters")
    if not isinstance(chapters, list) or not chapters:
        return problems + ["no chapters list"]
    for c in chapters:
        if not isinstance(c.get("startTime"), (int, float)) or not isinstance(c.get("title"), str):
            problems.append(f"chapter without numeric startTime and title: {c}")
            return problems
    starts = [round(c["startTime"] * 1000) for c in chapters]
    if starts != sorted(starts):
        problems.append("chapters are not in time order")
    id3 = [(c.start_time, str(c.sub_frames.get("TIT2", ""))) for c in _chaps(ID3(_mp3(folder)))]
    if list(zip(starts, [c["title"] for c in chapters])) != id3:
        problems.append("chapters.json and the ID3 chapters differ")
    return problems


_CUE_TIME = r"(\d{2,}):(\d{2}):(\d{2})[.,](\d{3})"
_CUE = re.compile(rf"^{_CUE_TIME} --> {_CUE_TIME}", re.M)


def _seconds(h: str, m: str, s: str, ms: str) -> float:
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def _parse_cues(text: str) -> list[tuple[float, float, str]]:
    cues = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if m := _CUE.match(line):
                g = m.groups()
                cues.append((_seconds(*g[:4]), _seconds(*g[4:]), "\n".join(lines[i + 1 :])))
                break
    return cues


def _cue_problems(name: str, cues: list[tuple[float, float, str]], duration: float) -> list[str]:
    problems = [] if cues else [f"{name}: no cues"]
    for prev, cue in zip([(0.0, 0.0, "")] + cues, cues):
        if cue[0] > cue[1]:
            problems.append(f"{name}: cue at {cue[0]} ends before it starts")
        if cue[0] < prev[1]:
            problems.append(f"{name}: cue at {cue[0]} starts before the previous one ends")
        if cue[1] > duration + 0.05:
            problems.append(f"{name}: cue ends at {cue[1]}, after the audio ({duration})")
        if not cue[2].strip():
            problems.append(f"{name}: cue at {cue[0]} has no text")
    return problems


def transcript_vtt(folder: Path) -> list[str]:
    text = (Path(folder) / "edition.vtt").read_text("utf-8")
    if not text.startswith("WEBVTT"):
        return ["edition.vtt does not start with WEBVTT"]
    return _cue_problems("edition.vtt", _parse_cues(text), _duration(folder))


def transcript_srt(folder: Path) -> list[str]:
    text = (Path(folder) / "edition.srt").read_text("utf-8")
    cues = _parse_cues(text)
    problems = _cue_problems("edition.srt", cues, _duration(folder))
    numbers = [b.splitlines()[0].strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    if numbers != [str(i) for i in range(1, len(numbers) + 1)]:
        problems.append("edition.srt cues are not numbered 1, 2, 3…")
    vtt = _parse_cues((Path(folder) / "edition.vtt").read_text("utf-8"))
    if [c[:2] for c in cues] != [c[:2] for c in vtt]:
        problems.append("edition.srt and edition.vtt times differ")
    return problems


def transcript_reads_along(folder: Path, max_chars: int = 40, max_gap: float = 1.0) -> list[str]:
    """webvtt-py sees a cue within ``max_gap`` s of every chapter's start (the spoken title has
    one) and no caption longer than ``max_chars`` characters."""
    cues = [(c.start_time.in_milliseconds() / 1000, c.text) for c in webvtt.read(str(Path(folder) / "edition.vtt"))]
    chapters = json.loads((Path(folder) / "chapters.json").read_text("utf-8"))["chapters"]
    problems = []
    for ch in chapters:
        first = next((start for start, _ in cues if start >= ch["startTime"] - 0.001), None)
        if first is None or first - ch["startTime"] > max_gap:
            problems.append(f"chapter {ch['title']!r} at {ch['startTime']} s: first cue at {first} s")
    problems += [f"caption of {len(t)} characters: {t[:20]}…" for _, t in cues if len(t) > max_chars]
    return problems


EDITION_RULES = [
    mp3_mono, mp3_44k, mp3_cbr, mp3_xing_lame, loudness,
    id3_v23, id3_date_v23, id3_text, id3_cover, id3_ctoc, id3_chap_ids, id3_chap_times, id3_chap_titles, ffmpeg_chapters,
    chapters_json, transcript_vtt, transcript_srt, transcript_reads_along,
]  # fmt: skip


# --- feed ------------------------------------------------------------------------------------


def _channel(out: Path):
    return etree.parse(str(Path(out) / "feed.xml")).getroot().find("channel")


def feed_parses(out: Path) -> list[str]:
    parsed = feedparser.parse(str(Path(out) / "feed.xml"))
    if parsed.bozo:
        return [f"feedparser: {parsed.bozo_exception}"]
    problems = []
    if parsed.version != "rss20":
        problems.append(f"feedparser reads {parsed.version!r}, not RSS 2.0")
    if len(parsed.entries) != len(_channel(out).findall("item")):
        problems.append("feedparser and lxml count different items")
    return problems


def feed_gpodder(out: Path) -> list[str]:
    """gPodder's parser (podcastparser) sees every episode with its audio, chapters and transcript."""
    base = _channel(out).findtext("link") or ""
    with open(Path(out) / "feed.xml", "rb") as f:
        podcast = podcastparser.parse(base + "feed.xml", f)
    problems = []
    if len(podcast["episodes"]) != len(_channel(out).findall("item")):
        problems.append("podcastparser and lxml count different items")
    for episode in podcast["episodes"]:
        title = episode.get("title", "?")
        audio = [e for e in episode.get("enclosures", []) if e.get("mime_type") == "audio/mpeg"]
        mp3 = _local_file(out, base, audio[0]["url"]) if audio else None
        if mp3 is None or not mp3.exists():
            problems.append(f"{title}: podcastparser finds no audio file")
            continue
        expected = json.loads((mp3.parent / "chapters.json").read_text("utf-8"))["chapters"]
        seen = [(c["start"], c["title"]) for c in episode.get("chapters", [])]
        if seen != [(int(c["startTime"]), c["title"]) for c in expected]:
            problems.append(f"{title}: podcastparser sees {len(seen)} chapters, chapters.json has {len(expected)}")
        transcript = _local_file(out, base, episode.get("transcript_url", ""))
        if transcript is None or not transcript.exists():
            problems.append(f"{title}: podcastparser finds no transcript")
    return problems


def feed_channel(out: Path) -> list[str]:
    ch = _channel(out)
    problems = []
    for tag in ("title", "link", "description", "language"):
        if not (ch.findtext(tag) or "").strip():
            problems.append(f"channel has no {tag}")
    if (ch.findtext("language") or "").lower() != "zh-cn":
        problems.append(f"channel language {ch.findtext('language')!r}, not zh-cn")
    image = ch.find("itunes:image", NS)
    if image is None or not image.get("href", "").startswith(("http://", "https://", "file:")):
        problems.append("channel has no itunes:image href")
    category = ch.find("itunes:category", NS)
    if category is None or not category.get("text"):
        problems.append("channel has no itunes:category text")
    if ch.findtext("itunes:explicit", namespaces=NS) not in ("true", "false"):
        problems.append("itunes:explicit is not true/false")
    selfs = [a for a in ch.findall("atom:link", NS) if a.get("rel") == "self"]
    if len(selfs) != 1 or not selfs[0].get("href", "").endswith("feed.xml"):
        problems.append("channel has no atom:link rel=self to feed.xml")
    guid = ch.findtext("podcast:guid", namespaces=NS) or ""
    if not re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", guid):
        problems.append(f"podcast:guid {guid!r} is not a UUIDv5")
    return problems


def _local_file(out: Path, base: str, url: str) -> Path | None:
    return Path(out) / unquote(url[len(base) :]) if url.startswith(base) else None


def feed_items(out: Path) -> list[str]:
    ch = _channel(out)
    base = ch.findtext("link") or ""
    problems = []
    guids = []
    for item in ch.findall("item"):
        title = item.findtext("title") or "?"
        guid = (item.findtext("guid") or "").strip()
        guids.append(guid)
        if not guid:
            problems.append(f"{title}: no guid")
        if not item.findtext("title"):
            problems.append("item without title")
        if email.utils.parsedate_tz(item.findtext("pubDate") or "") is None:
            problems.append(f"{title}: pubDate is not RFC 2822")
        enc = item.find("enclosure")
        if enc is None or enc.get("type") != "audio/mpeg":
            problems.append(f"{title}: no audio/mpeg enclosure")
            continue
        mp3 = _local_file(out, base, enc.get("url", ""))
        if mp3 is None or not mp3.exists():
            problems.append(f"{title}: enclosure {enc.get('url')} is not a file under the output folder")
            continue
        if enc.get("length") != str(mp3.stat().st_size):
            problems.append(f"{title}: enclosure length {enc.get('length')}, file has {mp3.stat().st_size} bytes")
        duration = item.findtext("itunes:duration", namespaces=NS) or ""
        if not duration.isdigit():
            problems.append(f"{title}: itunes:duration {duration!r} is not whole seconds")
        elif abs(int(duration) - _duration(mp3.parent)) > 1:
            problems.append(f"{title}: itunes:duration {duration} s, the MP3 lasts {_duration(mp3.parent):.1f} s")
        chapters = item.find("podcast:chapters", NS)
        if chapters is None or chapters.get("type") != "application/json+chapters":
            problems.append(f"{title}: no podcast:chapters of type application/json+chapters")
        elif not (f := _local_file(out, base, chapters.get("url", ""))) or not f.exists():
            problems.append(f"{title}: podcast:chapters points at no file")
        transcripts = item.findall("podcast:transcript", NS)
        if not any(t.get("type") == "text/vtt" for t in transcripts):
            problems.append(f"{title}: no podcast:transcript of type text/vtt")
        for t in transcripts:
            if not (f := _local_file(out, base, t.get("url", ""))) or not f.exists():
                problems.append(f"{title}: podcast:transcript {t.get('url')} points at no file")
    if len(set(guids)) != len(guids):
        problems.append("item guids are not unique")
    return problems


def feed_order(out: Path) -> list[str]:
    dates = [email.utils.parsedate_to_datetime(i.findtext("pubDate")) for i in _channel(out).findall("item")]
    return [] if dates == sorted(dates, reverse=True) else ["items are not newest first"]


FEED_RULES = [feed_parses, feed_gpodder, feed_channel, feed_items, feed_order]


def check_edition(folder: Path) -> dict[str, list[str]]:
    return {rule.__name__: problems for rule in EDITION_RULES if (problems := rule(folder))}


def check_feed(out: Path) -> dict[str, list[str]]:
    return {rule.__name__: problems for rule in FEED_RULES if (problems := rule(out))}


def check_output(out: Path) -> dict[str, list[str]]:
    """Every edition folder (one holding an edition.json) and the feed."""
    found = {}
    for record in sorted(Path(out).glob(f"*/{RECORD}")):
        found.update({f"{record.parent.name}: {k}": v for k, v in check_edition(record.parent).items()})
    found.update({f"feed: {k}": v for k, v in check_feed(out).items()})
    return found


if __name__ == "__main__":
    failures = check_output(Path(sys.argv[1] if len(sys.argv) > 1 else "output"))
    for rule, problems in failures.items():
        for p in problems:
            print(f"{rule}: {p}")
    print("all rules hold" if not failures else f"{len(failures)} rule(s) broken")
    sys.exit(1 if failures else 0)
