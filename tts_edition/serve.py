"""A small HTTP server for the output folder, so a phone on the home network can listen.

The standard library's server is enough for a family; what it lacks is byte ranges
(browsers and podcast apps seek in the MP3 with them) and a strict refusal of any
path outside the folder, so both are added here; and limits (a fixed pool of worker
threads, time limits for idle and slow clients, a long listen backlog) so that many
listeners or a misbehaving client cannot exhaust it. Nothing is printed: the CLI prints
the links that :func:`links` returns.
"""

from __future__ import annotations

import contextlib
import email.utils
import io
import logging
import mimetypes
import os
import queue
import re
import selectors
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .formats import FORMATS
from .publish.feed import rebased
from .publish.subscribe import QR_FILE, qr_svg

log = logging.getLogger(__name__)

CHUNK = 64 * 1024

# Types players and feed readers look for (audio files: their format's, as in the feed); the rest from ``mimetypes``.
TYPES_BY_NAME = {
    "feed.xml": "application/rss+xml; charset=utf-8",
    "chapters.json": "application/json+chapters; charset=utf-8",
}
TYPES_BY_SUFFIX = {
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
    for fmt in FORMATS.values():  # audio as the feed announces it
        if suffix == Path(fmt.file_name).suffix:
            return fmt.media_type
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
    """GET and HEAD for files under ``self.server.root``; directories serve their index.html.

    One request per instance: the server reads the request head before a worker thread runs
    this (so a slow or silent client never holds a thread) and takes the connection back for
    the next request on it.
    """

    server: Server  # type: ignore[assignment]  # ours, not a socketserver.BaseServer
    server_version = "tts-edition"
    sys_version = ""  # no Python version in the Server header
    protocol_version = "HTTP/1.1"

    def __init__(self, connection: socket.socket, address, server: Server, head: bytes):
        self.head = head
        super().__init__(connection, address, server)  # type: ignore[arg-type]  # our Server, not socketserver's

    def setup(self) -> None:
        self.connection = self.request
        self.connection.settimeout(WRITE_TIMEOUT)  # a client that stops reading is dropped
        self.rfile = io.BytesIO(self.head)
        self.wfile = self.connection.makefile("wb", buffering=0)

    def handle(self) -> None:
        self.close_connection = True
        self.handle_one_request()

    def finish(self) -> None:
        self.wfile.close()

    def version_string(self) -> str:
        return self.server_version

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def do_GET(self) -> None:
        self._send(body=True)

    def do_HEAD(self) -> None:
        self._send(body=False)

    def log_message(self, format: str, *args) -> None:
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
        self._send_file(target, body)

    def _send_file(self, path: Path, body: bool) -> None:
        with path.open("rb") as f:
            stat = os.fstat(f.fileno())
            size = stat.st_size
            etag = f'"{stat.st_mtime_ns:x}-{size:x}"'
            modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
            if _not_modified(self.headers, etag, stat.st_mtime):
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                return
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


def _not_modified(headers, etag: str, mtime: float) -> bool:
    """RFC 9110: If-None-Match decides when present; else If-Modified-Since, to the second."""
    match = headers.get("If-None-Match")
    if match is not None:
        return match.strip() == "*" or etag in [t.strip().removeprefix("W/") for t in match.split(",")]
    since = headers.get("If-Modified-Since")
    if since:
        try:
            return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
    return False


def _copy(src, dst, length: int) -> None:
    while length > 0:
        block = src.read(min(CHUNK, length))
        if not block:
            break
        dst.write(block)
        length -= len(block)


# Limits that keep the server's threads and memory flat whatever clients do.
WORKERS = 16  # requests answered at once; more wait their turn (a file is sent in well under a second)
BACKLOG = 1024  # connections the kernel queues before accept
MAX_CONNECTIONS = 2048  # open connections held; beyond this new ones are closed at once
HEAD_TIMEOUT = 10.0  # seconds a connection may be idle or take to send a request head
WRITE_TIMEOUT = 30.0  # seconds a client may go without reading what it asked for
MAX_HEAD = 16 * 1024  # bytes of request line and headers


class Server:
    """An HTTP/1.1 file server: one thread reads request heads from every connection (selectors),
    a fixed pool of worker threads answers them. An idle, slow or half-open connection costs
    one socket and never a thread, and is closed after ``HEAD_TIMEOUT``; a client resetting its
    connection is normal (players drop connections whenever they seek) and logged at debug level.
    """

    def __init__(self, root: Path, address: tuple[str, int]):
        self.root = Path(root).resolve()
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind(address)
            self.socket.listen(BACKLOG)
        except OSError:
            self.socket.close()
            raise
        self.socket.setblocking(False)
        self.server_address = self.socket.getsockname()
        self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="serve")
        self._returned: queue.SimpleQueue = queue.SimpleQueue()  # (socket, address, leftover) back from workers
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._stop = threading.Event()
        self._stopped = threading.Event()
        self._stopped.set()
        self._waiting: dict[socket.socket, _Waiting] = {}

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.server_close()

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        self._stop.clear()
        self._stopped.clear()
        selector = selectors.DefaultSelector()
        selector.register(self.socket, selectors.EVENT_READ, "listen")
        selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        try:
            while not self._stop.is_set():
                for key, _ in selector.select(timeout=min(poll_interval, 1.0)):
                    if key.data == "listen":
                        self._accept(selector)
                    elif key.data == "wake":
                        with contextlib.suppress(OSError):
                            self._wake_r.recv(4096)
                    else:
                        self._read(selector, key.fileobj)  # type: ignore[arg-type]  # only sockets are registered
                self._take_back(selector)
                self._close_expired(selector)
        finally:
            for conn in list(self._waiting):
                self._drop(selector, conn)
            selector.close()
            self._stopped.set()

    def shutdown(self) -> None:
        self._stop.set()
        self._wake()
        self._stopped.wait()

    def server_close(self) -> None:
        self._stop.set()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.socket.close()
        self._wake_r.close()
        self._wake_w.close()
        while not self._returned.empty():
            _close(self._returned.get()[0])

    def open_connections(self) -> int:
        return len(self._waiting)

    # -- the reading thread ---------------------------------------------------------------

    def _accept(self, selector) -> None:
        for _ in range(64):
            try:
                conn, address = self.socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as e:  # out of file descriptors: let the backlog wait
                log.warning("cannot accept a connection: %s", e.strerror)
                return
            if len(self._waiting) >= MAX_CONNECTIONS:
                _close(conn)
                continue
            self._park(selector, conn, address, b"")

    def _park(self, selector, conn: socket.socket, address, buffer: bytes) -> None:
        conn.setblocking(False)
        self._waiting[conn] = _Waiting(address, buffer, time.monotonic() + HEAD_TIMEOUT)
        selector.register(conn, selectors.EVENT_READ, "conn")
        if b"\r\n\r\n" in buffer:  # a pipelined request already read
            self._read(selector, conn, fresh=False)

    def _read(self, selector, conn: socket.socket, fresh: bool = True) -> None:
        waiting = self._waiting[conn]
        if fresh:
            try:
                data = conn.recv(65536)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                data = b""
            if not data:
                return self._drop(selector, conn)
            waiting.buffer += data
        end = waiting.buffer.find(b"\r\n\r\n")
        if end < 0:
            if len(waiting.buffer) > MAX_HEAD:
                self._drop(selector, conn)
            return
        head, rest = waiting.buffer[: end + 4], waiting.buffer[end + 4 :]
        selector.unregister(conn)
        del self._waiting[conn]
        self._pool.submit(self._answer, conn, waiting.address, head, rest)

    def _take_back(self, selector) -> None:
        while not self._returned.empty():
            conn, address, rest = self._returned.get()
            if self._stop.is_set():
                _close(conn)
            else:
                self._park(selector, conn, address, rest)

    def _close_expired(self, selector) -> None:
        now = time.monotonic()
        for conn, waiting in list(self._waiting.items()):
            if waiting.deadline <= now:
                self._drop(selector, conn)

    def _drop(self, selector, conn: socket.socket) -> None:
        self._waiting.pop(conn, None)
        with contextlib.suppress(KeyError, ValueError):
            selector.unregister(conn)
        _close(conn)

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")

    # -- a worker thread ------------------------------------------------------------------

    def _answer(self, conn: socket.socket, address, head: bytes, rest: bytes) -> None:
        keep = False
        try:
            handler = Handler(conn, address, self, head)
            keep = not handler.close_connection
        except (ConnectionError, TimeoutError, OSError) as e:
            log.debug("%s went away: %s", address[0], e)
        except Exception:  # a bug in answering one request must not stop the server
            log.exception("error answering %s", address[0])
        if keep:
            self._returned.put((conn, address, rest))
            self._wake()
        else:
            _close(conn)


@dataclass
class _Waiting:
    address: tuple
    buffer: bytes
    deadline: float


def _close(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):
        conn.close()


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
