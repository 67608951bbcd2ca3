"""A small HTTP server for the output folder, so a phone on the home network can listen.

The standard library's server is enough for a family; what it lacks is byte ranges
(browsers and podcast apps seek in the MP3 with them) and a strict refusal of any
path outside the folder, so both are added here. Nothing is printed: the CLI prints
the links that :func:`links` returns.
"""

from __future__ import annotations

import email.utils
import logging
import mimetypes
import os
import re
import socket
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .publish.feed import rebased
from .publish.subscribe import QR_FILE, qr_svg

log = logging.getLogger(__name__)

CHUNK = 64 * 1024

# Types players and feed readers look for; the rest come from ``mimetypes``.
TYPES_BY_NAME = {
    "feed.xml": "application/rss+xml; charset=utf-8",
    "chapters.json": "application/json+chapters; charset=utf-8",
}
TYPES_BY_SUFFIX = {
    ".mp3": "audio/mpeg",
    ".m4b": "audio/mp4",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
}

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_HOST = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?")
FOR_THE_ASKER = ("feed.xml", QR_FILE)  # served with the request's own address in them


def content_type(path: Path) -> str:
    if path.name in TYPES_BY_NAME:
        return TYPES_BY_NAME[path.name]
    suffix = path.suffix.lower()
    if suffix in TYPES_BY_SUFFIX:
        return TYPES_BY_SUFFIX[suffix]
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def parse_range(header: str, size: int) -> tuple[int, int] | None:
    """The single byte range ``header`` asks for, as (first, last) inclusive.

    Returns None when the header is not one we honour (several ranges, other units):
    the whole file is then sent, which RFC 9110 allows. Raises ValueError when the
    range lies outside the file (answered with 416).
    """
    m = _RANGE.match(header.strip().replace(" ", ""))
    if not m or m.group(1) == m.group(2) == "":
        return None
    first, last = m.group(1), m.group(2)
    if first == "":  # the last N bytes
        n = int(last)
        if n == 0 or size == 0:
            raise ValueError(header)
        return max(0, size - n), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise ValueError(header)
    return start, end


def resolve(root: Path, url_path: str) -> Path | None:
    """The file under ``root`` that ``url_path`` names, or None if it would leave ``root``.

    Any ``..`` segment is refused outright (percent-decoded first) rather than
    normalised away; so is any other segment starting with a dot, which hides the
    temporary files of a build in progress. Symlinks are followed before checking,
    so a link that points outside the folder is refused too.
    """
    path = unquote(urlsplit(url_path).path, errors="strict")
    if "\x00" in path or "\\" in path:
        return None
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if any(p.startswith(".") for p in parts):
        return None
    root = root.resolve()
    target = root.joinpath(*parts).resolve()
    if target != root and not target.is_relative_to(root):
        return None
    return target


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD for files under ``self.server.root``; directories serve their index.html."""

    server_version = "tts-edition"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._send(body=True)

    def do_HEAD(self) -> None:
        self._send(body=False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        log.debug("%s %s", self.address_string(), format % args)

    def _send(self, body: bool) -> None:
        try:
            target = resolve(self.server.root, self.path)
        except UnicodeDecodeError:
            target = None
        if target is not None and target.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                # Relative links in index.html only work below a trailing slash.
                return self._redirect(urlsplit(self.path).path + "/")
            target = target / "index.html"
        if target is not None and target.parent == self.server.root and target.name in FOR_THE_ASKER:
            return self._send_for_the_asker(target.name, body)
        if target is None or not target.is_file():
            return self._error(HTTPStatus.NOT_FOUND)
        try:
            self._send_file(target, body)
        except (BrokenPipeError, ConnectionResetError):
            # Media elements drop connections whenever they seek; nothing is wrong.
            log.debug("client went away while sending %s", target)

    def _send_file(self, path: Path, body: bool) -> None:
        with path.open("rb") as f:
            stat = os.fstat(f.fileno())
            size = stat.st_size
            etag = f'"{stat.st_mtime_ns:x}-{size:x}"'
            modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
            span = None
            header = self.headers.get("Range")
            if header and self.headers.get("If-Range", etag) in (etag, modified):
                try:
                    span = parse_range(header, size)
                except ValueError:
                    self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    self.send_header("Content-Range", f"bytes */{size}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
            first, last = span or (0, size - 1)
            length = last - first + 1 if size else 0
            self.send_response(HTTPStatus.PARTIAL_CONTENT if span else HTTPStatus.OK)
            self.send_header("Content-Type", content_type(path))
            self.send_header("Content-Length", str(length))
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.send_header("Cache-Control", "no-cache")
            if span:
                self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
            self.end_headers()
            if body:
                f.seek(first)
                _copy(f, self.wfile, length)

    def _send_for_the_asker(self, name: str, body: bool) -> None:
        """feed.xml (and its QR code) with URLs under the address this request came in on.

        The feed on disk holds whatever base URL it was built with (a ``file://`` folder, or
        127.0.0.1 when built for this machine), which a phone cannot fetch; the address the
        phone used to reach us is one it can. The Host header is only used when it looks like
        a host name or address, else the address we listen on.
        """
        feed = self.server.root / "feed.xml"
        if not feed.is_file():
            return self._error(HTTPStatus.NOT_FOUND)
        host = self.headers.get("Host", "")
        if not _HOST.fullmatch(host):
            address, port = self.server.server_address[:2]
            host = f"{lan_address() if address in ('0.0.0.0', '::') else address}:{port}"
        base = f"http://{host}/"
        data = rebased(feed.read_bytes(), base) if name == "feed.xml" else qr_svg(base + "feed.xml")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type(Path(name)))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _error(self, status: HTTPStatus) -> None:
        text = f"{status.value} {status.phrase}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(text)


def _copy(src, dst, length: int) -> None:
    while length > 0:
        block = src.read(min(CHUNK, length))
        if not block:
            break
        dst.write(block)
        length -= len(block)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path, address: tuple[str, int]):
        self.root = Path(root).resolve()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)


def make_server(out: Path, port: int = 8000, host: str = "0.0.0.0") -> Server:
    """A server bound to (host, port), not yet serving; port 0 picks a free one."""
    out = Path(out)
    if not out.is_dir():
        from .errors import UserError

        raise UserError(f"no such folder: {out}")
    return Server(out, (host, port))


@dataclass(frozen=True)
class Link:
    page: str  # the large-print list of editions
    feed: str  # what a podcast app subscribes to


def links(port: int, host: str = "0.0.0.0") -> list[Link]:
    """Where the page and feed can be opened: the LAN address first (for the phone), then this machine."""
    if host in ("0.0.0.0", "::", ""):
        hosts = [lan_address(), "127.0.0.1"]
    else:
        hosts = [host]
    seen: list[str] = []
    for h in hosts:
        if h not in seen:
            seen.append(h)
    out = []
    for h in seen:
        base = f"http://[{h}]:{port}/" if ":" in h else f"http://{h}:{port}/"
        out.append(Link(page=base, feed=base + "feed.xml"))
    return out


def lan_address() -> str:
    """This machine's address on the local network, or 127.0.0.1 when it has none.

    Connecting a UDP socket sends no packet; it only asks the kernel which local
    address would route towards a private network, which is the one a phone
    on the same Wi-Fi can reach.
    """
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.connect((probe, 1))
                address = s.getsockname()[0]
        except OSError:
            continue
        if address and not address.startswith("127.") and address != "0.0.0.0":
            return address
    return "127.0.0.1"
