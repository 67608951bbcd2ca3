"""Subscribing from a phone: the feed's address as a QR code, made here (segno), never fetched.

``OUT/feed-qr.svg`` encodes the feed URL the output was published with; ``serve``
makes it afresh for the address each request came in on, as it does the feed.
"""

from __future__ import annotations

import io
from pathlib import Path

import segno

from ..files import write_bytes

QR_FILE = "feed-qr.svg"


def qr_svg(url: str) -> bytes:
    """A QR code of ``url``: black on white (readable on a dark page too), quiet zone included."""
    buffer = io.BytesIO()
    segno.make_qr(url, error="m").save(
        buffer, kind="svg", scale=8, border=4, dark="#000", light="#fff", title="订阅地址的二维码"
    )
    return buffer.getvalue()


def write_qr(out: Path, url: str) -> Path:
    return write_bytes(Path(out) / QR_FILE, qr_svg(url))
