"""The family server: byte ranges, content types, and nothing outside the folder."""

from __future__ import annotations

import http.client
import os
import threading
from pathlib import Path

import pytest

from tts_edition.errors import UserError
from tts_edition.serve import content_type, lan_address, links, make_server, parse_range, resolve

MP3 = bytes(range(256)) * 40  # 10,240 bytes; the server does not look inside


@pytest.fixture
def out(tmp_path: Path) -> Path:
    root = tmp_path / "out"
    edition = root / "2020-11-24-renmin-ribao"
    edition.mkdir(parents=True)
    (edition / "edition.mp3").write_bytes(MP3)
    (edition / "edition.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (edition / "chapters.json").write_text('{"version": "1.2.0", "chapters": []}', encoding="utf-8")
    (edition / "index.html").write_text("<!doctype html><title>播放</title>", encoding="utf-8")
    (root / "feed.xml").write_text("<rss/>", encoding="utf-8")
    (root / "index.html").write_text("<!doctype html><title>列表</title>", encoding="utf-8")
    (root / ".feed.xml.abc.tmp").write_text("half written", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    return root


def serving(root: Path):
    """A server on 127.0.0.1 for ``root`` while the test runs, stopped after it."""
    srv = make_server(root, port=0, host="127.0.0.1")
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def server(out: Path):
    yield from serving(out)


def request(server, method: str, path: str, headers: dict | None = None) -> tuple[http.client.HTTPResponse, bytes]:
    """http.client sends the path exactly as given, unlike a browser, which tidies ``..`` away."""
    conn = http.client.HTTPConnection(*server.server_address, timeout=5)
    conn.request(method, path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def test_range_request_gets_exactly_the_bytes_asked_for(server):
    response, body = request(server, "GET", "/2020-11-24-renmin-ribao/edition.mp3", {"Range": "bytes=0-99"})
    assert response.status == 206
    assert body == MP3[:100]
    assert response.getheader("Content-Range") == f"bytes 0-99/{len(MP3)}"
    assert response.getheader("Content-Length") == "100"
    assert response.getheader("Accept-Ranges") == "bytes"


def test_open_ended_and_suffix_ranges(server):
    response, body = request(server, "GET", "/2020-11-24-renmin-ribao/edition.mp3", {"Range": "bytes=10000-"})
    assert (response.status, body) == (206, MP3[10000:])
    response, body = request(server, "GET", "/2020-11-24-renmin-ribao/edition.mp3", {"Range": "bytes=-40"})
    assert (response.status, body) == (206, MP3[-40:])
    assert response.getheader("Content-Range") == f"bytes {len(MP3) - 40}-{len(MP3) - 1}/{len(MP3)}"


def test_range_beyond_the_end_is_416(server):
    response, _ = request(server, "GET", "/2020-11-24-renmin-ribao/edition.mp3", {"Range": "bytes=999999-"})
    assert response.status == 416
    assert response.getheader("Content-Range") == f"bytes */{len(MP3)}"


def test_stale_if_range_gets_the_whole_file(server):
    headers = {"Range": "bytes=0-99", "If-Range": '"not-the-etag"'}
    response, body = request(server, "GET", "/2020-11-24-renmin-ribao/edition.mp3", headers)
    assert (response.status, body) == (200, MP3)


def test_whole_file_advertises_ranges(server):
    response, body = request(server, "GET", "/2020-11-24-renmin-ribao/edition.mp3")
    assert response.status == 200
    assert body == MP3
    assert response.getheader("Accept-Ranges") == "bytes"


def test_head_sends_headers_only(server):
    response, body = request(server, "HEAD", "/2020-11-24-renmin-ribao/edition.mp3")
    assert response.status == 200
    assert body == b""
    assert response.getheader("Content-Length") == str(len(MP3))
    assert response.getheader("Content-Type") == "audio/mpeg"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/2020-11-24-renmin-ribao/edition.mp3", "audio/mpeg"),
        ("/2020-11-24-renmin-ribao/edition.vtt", "text/vtt; charset=utf-8"),
        ("/2020-11-24-renmin-ribao/chapters.json", "application/json+chapters; charset=utf-8"),
        ("/feed.xml", "application/rss+xml; charset=utf-8"),
        ("/", "text/html; charset=utf-8"),
        ("/2020-11-24-renmin-ribao/", "text/html; charset=utf-8"),
    ],
)
def test_content_types(server, path, expected):
    response, _ = request(server, "GET", path)
    assert response.status == 200
    assert response.getheader("Content-Type") == expected


def test_folder_without_slash_redirects_so_relative_links_work(server):
    response, _ = request(server, "GET", "/2020-11-24-renmin-ribao")
    assert response.status == 301
    assert response.getheader("Location") == "/2020-11-24-renmin-ribao/"


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/2020-11-24-renmin-ribao/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/2020-11-24-renmin-ribao/%2e%2e/feed.xml",  # inside, but still refused: no '..' at all
        "/..%5csecret.txt",
        "/.feed.xml.abc.tmp",  # a build's temporary file
        "/%ff%fe",
        "/missing.mp3",
    ],
)
def test_paths_outside_or_hidden_are_404(server, path):
    response, body = request(server, "GET", path)
    assert response.status == 404
    assert b"outside" not in body


def test_symlink_out_of_the_folder_is_404(server, out):
    os.symlink(out.parent / "secret.txt", out / "link.txt")
    os.symlink(out.parent, out / "up")
    assert request(server, "GET", "/link.txt")[0].status == 404
    assert request(server, "GET", "/up/secret.txt")[0].status == 404


def test_symlink_inside_the_folder_is_served(server, out):
    os.symlink(out / "feed.xml", out / "latest.xml")
    response, body = request(server, "GET", "/latest.xml")
    assert (response.status, body) == (200, b"<rss/>")


def test_resolve_keeps_to_the_root(tmp_path):
    assert resolve(tmp_path, "/a/b.mp3?x=1") == tmp_path.resolve() / "a" / "b.mp3"
    assert resolve(tmp_path, "/a/../b") is None


@pytest.mark.parametrize(
    ("header", "span"),
    [("bytes=0-99", (0, 99)), ("bytes=5-", (5, 999)), ("bytes=-1", (999, 999)), ("bytes=0-5000", (0, 999)),
     ("bytes=0-1,5-6", None), ("items=0-1", None)],
)
def test_parse_range(header, span):
    assert parse_range(header, 1000) == span


def test_parse_range_unsatisfiable():
    with pytest.raises(ValueError):
        parse_range("bytes=1000-", 1000)
    with pytest.raises(ValueError):
        parse_range("bytes=5-2", 1000)


def test_content_type_falls_back_to_mimetypes():
    assert content_type(Path("cover.png")) == "image/png"
    assert content_type(Path("edition.srt")).startswith("application/x-subrip")
    assert content_type(Path("edition.m4b")) == "audio/mp4"  # unknown to mimetypes


def test_links_put_the_lan_address_first():
    found = links(8000)
    assert found[0].page == f"http://{lan_address()}:8000/"
    assert found[-1].feed == "http://127.0.0.1:8000/feed.xml"
    assert links(9000, host="192.168.1.5")[0].feed == "http://192.168.1.5:9000/feed.xml"


def test_lan_address_is_an_ipv4_address():
    parts = lan_address().split(".")
    assert len(parts) == 4 and all(p.isdigit() and 0 <= int(p) <= 255 for p in parts)


def test_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(UserError):
        make_server(tmp_path / "nope", port=0)


def test_ipv6_host(out):
    try:
        srv = make_server(out, port=0, host="::1")
    except OSError:
        pytest.skip("no IPv6 loopback here")
    with srv:
        thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        thread.start()
        conn = http.client.HTTPConnection("::1", srv.server_address[1], timeout=5)
        conn.request("HEAD", "/feed.xml")
        assert conn.getresponse().status == 200
        conn.close()
        srv.shutdown()


def test_an_unchanged_file_is_not_sent_again(server):
    path = "/2020-11-24-renmin-ribao/edition.mp3"
    first, _ = request(server, "GET", path)
    etag, modified = first.getheader("ETag"), first.getheader("Last-Modified")
    response, body = request(server, "GET", path, {"If-None-Match": etag})
    assert response.status == 304 and body == b"" and response.getheader("ETag") == etag
    response, body = request(server, "GET", path, {"If-Modified-Since": modified})
    assert response.status == 304 and body == b""
    response, body = request(server, "GET", path, {"If-None-Match": '"other"', "If-Modified-Since": modified})
    assert response.status == 200 and body == MP3  # If-None-Match decides when both are sent


def test_no_sniffing_and_no_version_disclosed(server):
    response, _ = request(server, "GET", "/feed.xml")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Server") == "tts-edition"


def test_one_connection_serves_several_requests(server):
    conn = http.client.HTTPConnection(*server.server_address, timeout=5)
    for _ in range(3):
        conn.request("GET", "/2020-11-24-renmin-ribao/edition.vtt")
        response = conn.getresponse()
        assert response.status == 200 and response.read() == b"WEBVTT\n"
    conn.close()


def test_silent_and_half_sent_connections_hold_no_thread_and_are_closed(out, monkeypatch):
    import socket
    import time

    from tts_edition import serve

    monkeypatch.setattr(serve, "HEAD_TIMEOUT", 0.5)
    srv = make_server(out, port=0, host="127.0.0.1")
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    threads_before = threading.active_count()
    idle = []
    try:
        for i in range(60):
            s = socket.create_connection(srv.server_address, timeout=5)
            if i % 2:
                s.sendall(b"GET /feed.xml HTTP/1.1\r\nHost: x\r\n")  # never finished
            idle.append(s)
        started = time.monotonic()
        response, _ = request(srv, "GET", "/feed.xml")
        assert response.status == 200 and time.monotonic() - started < 1.0
        assert threading.active_count() <= threads_before + serve.WORKERS
        for s in idle:
            s.settimeout(3)
            assert s.recv(1) == b""  # closed by the server after HEAD_TIMEOUT
        assert srv.open_connections() == 0
    finally:
        for s in idle:
            s.close()
        srv.shutdown()
        srv.server_close()


def test_a_client_reset_is_not_a_traceback(server, caplog):
    import socket
    import struct

    for _ in range(5):
        s = socket.create_connection(server.server_address, timeout=5)
        s.sendall(b"GET /2020-11-24-renmin-ribao/edition.mp3 HTTP/1.1\r\nHost: x\r\n\r\n")
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()  # RST
    response, _ = request(server, "GET", "/feed.xml")
    assert response.status == 200
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL") or r.exc_info]


@pytest.fixture
def site(tmp_path: Path):
    """A real output folder built without --base-url: its feed on disk holds file:// URLs."""
    import datetime as dt

    from tests import synthetic
    from tests.publish.conftest import build_edition
    from tts_edition import publish

    root = tmp_path / "site"
    build_edition(root, tmp_path / "wavs", synthetic.edition(2, 1, "人民日报", dt.date(2020, 11, 24)))
    publish.write_all(root, publish.remember(root))
    assert "file://" in (root / "feed.xml").read_text("utf-8")
    yield from serving(root)


def test_the_served_feed_holds_urls_the_asking_phone_can_fetch(site):
    import podcastparser

    port = site.server_address[1]
    response, body = request(site, "GET", "/feed.xml", {"Host": f"localhost:{port}"})
    assert response.status == 200 and response.getheader("Content-Type").startswith("application/rss+xml")
    assert int(response.getheader("Content-Length")) == len(body)
    podcast = podcastparser.parse(f"http://localhost:{port}/feed.xml", __import__("io").BytesIO(body))
    episode = podcast["episodes"][0]
    for url in [episode["enclosures"][0]["url"], episode["transcript_url"], episode["chapters_json_url"]]:
        assert url.startswith(f"http://localhost:{port}/2020-11-24-renmin-ribao/")
        fetched, data = request(site, "GET", url.removeprefix(f"http://localhost:{port}"))
        assert fetched.status == 200 and data
    # another phone, another address: the same feed with its own URLs; a forged Host is not echoed
    _, other = request(site, "GET", "/feed.xml", {"Host": "192.168.1.20:8000"})
    assert b"http://192.168.1.20:8000/2020-11-24-renmin-ribao/edition.mp3" in other
    _, forged = request(site, "GET", "/feed.xml", {"Host": "evil.example/<x>"})
    assert b"evil" not in forged and f"http://127.0.0.1:{port}/".encode() in forged
    head, empty = request(site, "HEAD", "/feed.xml", {"Host": f"localhost:{port}"})
    assert head.status == 200 and empty == b""


def test_the_served_qr_code_is_the_address_the_page_was_opened_at(site):
    from tts_edition.publish.subscribe import qr_svg

    response, body = request(site, "GET", "/feed-qr.svg", {"Host": "192.168.1.20:8000"})
    assert response.status == 200 and response.getheader("Content-Type") == "image/svg+xml"
    assert body == qr_svg("http://192.168.1.20:8000/feed.xml")
