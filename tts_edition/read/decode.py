"""Bytes on disk -> text, or one clear line saying why not.

Publishers hand out text in whatever their system saves: UTF-8 with or without
a BOM, UTF-16 from Windows tools, GB18030/GBK from mainland systems, Big5 from
Taiwan and Hong Kong. We try the cheap certain answers first (a BOM, strict
UTF-8), and only then ask charset-normalizer, which guesses from the bytes.
The text is kept as written: traditional characters stay traditional.

Size: a whole file is decoded in memory, so inputs are refused above
``MAX_BYTES`` (32 MiB). That is about 11 million Chinese characters, some
25 days of speech, far beyond any newspaper issue; refusing is clearer than
streaming a file nobody will listen to, and it keeps memory bounded (a 10 MB
text plans in well under 500 MB).
"""

from __future__ import annotations

import codecs
import logging
import re
import stat
from pathlib import Path

from charset_normalizer import from_bytes

from tts_edition.errors import UserError
from tts_edition.zh import UNIFIED

log = logging.getLogger(__name__)

MAX_BYTES = 32 * 1024 * 1024

_BOMS = [  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document; export its text first"),
    (b"PK\x03\x04", "a zip archive (or a Word/OpenDocument file); export its text first"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document; export its text first"),
    (b"RIFF", "a RIFF (WAV/AVI/WebP) file"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg file"),
]


def read_text(path: Path) -> tuple[str, str]:
    """Return (text, encoding) of a text file, or raise UserError saying what is wrong."""
    data = _read_bytes(path)
    if not data.strip():
        raise UserError(f"{path}: the file is empty")
    text, encoding = decode(data, name=str(path))
    if not text.strip():
        raise UserError(f"{path}: the file holds only whitespace")
    return text, encoding


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise UserError(f"{path}: is a folder with no text files to read")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UserError(f"{path}: not a regular file (a pipe, socket or device); save the text to a file")
        size = info.st_size
        if size > MAX_BYTES:
            raise UserError(
                f"{path}: {size / 2**20:.0f} MB is too large (the limit is {MAX_BYTES // 2**20} MB); "
                "split the issue into smaller files"
            )
        with path.open("rb") as f:
            return f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except PermissionError:
        raise UserError(f"{path}: permission denied (cannot read the file)") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder") from None
    except OSError as e:
        raise UserError(f"{path}: cannot be read ({e.strerror or e})") from None


def decode(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode bytes whose encoding we are not told; return (text, encoding name)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UserError(f"{name}: not text, it looks like {what}")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    guessed = _guess(data)
    if guessed is None:
        what = "binary data" if b"\x00" in data[:4096] else "text in an encoding we cannot recognise"
        raise UserError(f"{name}: not readable as text (looks like {what}); save it as UTF-8")
    return _strict(data, guessed, name), guessed


def _guess(data: bytes) -> str | None:
    """Ask charset-normalizer, then check GB18030 and Big5 ourselves.

    On short texts charset-normalizer can mistake GBK for Korean (cp949), a
    Western code page, or Big5 for GBK; a Chinese newspaper is far likelier
    to be Chinese, so a Chinese reading made of frequent characters wins.
    """
    best = from_bytes(data, steps=8, chunk_size=2048, cp_isolation=None).best()
    encoding = codecs.lookup(best.encoding).name if best else None
    if encoding not in _UNICODE:
        encoding = _chinese_reading(data) or encoding
    if encoding and codecs.lookup(encoding).name not in _MULTIBYTE:
        encoding = _western(data) or encoding
    # GB2312 and GBK are subsets of GB18030: decoding with the superset never loses a character
    if encoding in ("gb2312", "gbk"):
        encoding = "gb18030"
    log.debug("decoding as %s", encoding)
    return encoding


_UNICODE = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
_COMMON = {"gb18030": range(0xB0, 0xD8), "big5": range(0xA4, 0xC7)}  # lead bytes of frequent characters
# The characters those lead bytes judge: frequent ones all lie in the unified block, and a
# common character outside it (〇) sits in another row, which would count against the reading.
_UNIFIED = re.compile(f"[{UNIFIED}]")


# Multi-byte encodings a guess may name; any other guess is a single-byte code page.
_MULTIBYTE = _UNICODE | {"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "cp949", "euc_kr", "euc_jp",
                          "shift_jis", "cp932", "iso2022_jp", "hz", "johab", "utf-8"}


def _western(data: bytes) -> str | None:
    """Windows-1252 for text mostly in ASCII letters with some accented ones: on a short text a
    guess among single-byte code pages is a coin toss ("crème" read as Baltic "crčme", or Urdu),
    and a Latin-script text is far likelier than one in a code page for another script, where
    most letters are high bytes."""
    letters = [b for b in data if b >= 0x80 or chr(b).isalpha()]
    if not letters or sum(1 for b in letters if b >= 0x80) > 0.3 * len(letters):
        return None
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return "cp1252"


def _chinese_reading(data: bytes) -> str | None:
    """GB18030 or Big5, whichever decodes the bytes into mostly frequent characters."""
    sample = data[:65536]
    scores = {}
    for encoding, common in _COMMON.items():
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        han = _UNIFIED.findall(text)
        private = sum(1 for c in text if "\ue000" <= c <= "\uf8ff")  # a wrong guess lands here
        if han:
            frequent = sum(1 for c in han if c.encode(encoding)[0] in common)
            scores[encoding] = (frequent - private) / len(han)
    if not scores:
        return None
    encoding = max(scores, key=scores.__getitem__)
    return encoding if scores[encoding] > 0.6 else None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise UserError(f"{name}: undecodable bytes at offset {e.start} for {encoding}") from None
    return _checked(text.removeprefix("\ufeff"), name)


def _checked(text: str, name: str) -> str:
    """Refuse text that decoded but is mostly control characters: binary data."""
    head = text[:65536]
    controls = sum(1 for c in head if c < " " and c not in "\t\n\r\f\v")
    if "\x00" in head or controls > len(head) / 100:
        raise UserError(f"{name}: not text, it looks like binary data")
    return text
