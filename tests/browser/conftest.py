"""Headless Chromium (Debian's package, never a downloaded browser) against `serve` on a tone edition."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from tts_edition.publish.player import render_index, write_player
from tts_edition.publish.record import read_record
from tts_edition.serve import make_server

from .edition import make_edition

ARTIFACTS = Path(__file__).parent / "artifacts"
BROWSERS = ["chromium", "chromium-browser", "google-chrome"]
DRIVERS = ["chromedriver"]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--autoplay-policy=no-user-gesture-required",
    "--lang=zh-CN",
]


def _find(env: str, names: list[str], fallback: str) -> str | None:
    for candidate in [os.environ.get(env)] + [shutil.which(n) for n in names] + [fallback]:
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def chromium_paths() -> tuple[str, str]:
    """(browser, driver), or skip the test saying what is missing and how to get it."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        pytest.skip("selenium is not installed (uv sync --group dev)")
    browser = _find("CHROMIUM", BROWSERS, "/usr/bin/chromium")
    driver = _find("CHROMEDRIVER", DRIVERS, "/usr/bin/chromedriver")
    if not browser or not driver:
        missing = "chromium" if not browser else "chromedriver"
        pytest.skip(f"no {missing} found: apt-get install chromium chromium-driver (or run .ci/browser.sh)")
    return browser, driver


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    print(f"\nbrowser test artefacts (screenshots): {ARTIFACTS}")
    return ARTIFACTS


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """An output folder with one tone edition, its player page and the editions list."""
    out = tmp_path_factory.mktemp("out")
    folder = make_edition(out)
    write_player(folder)
    (out / "index.html").write_text(render_index([read_record(folder)]), encoding="utf-8")
    (out / "feed.xml").write_text("<rss version='2.0'/>", encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def base_url(site: Path):
    server = make_server(site, port=0, host="127.0.0.1")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    binary, driver_path = chromium_paths()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, base_url):
    """The player, freshly loaded with nothing remembered, at a desktop size."""
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.set_window_size(1280, 900)
    # Forget from the editions list, not the player: leaving the player saves its position again.
    browser.get(base_url)
    browser.execute_script("localStorage.clear()")
    browser.get(base_url + "2020-11-24-ceshi-ribao/")
    return browser
