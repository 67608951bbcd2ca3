"""Subscribing, reading along and coming back, in a real browser (phone, 320 px, TV sizes).

Screenshots go to ``artifacts/`` (and ``$TTS_EDITION_SHOTS`` when set) to be looked at.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from .edition import ARTICLE, FOLDER, TITLES
from .test_player_browser import PHONE, TV, click, state, wait_for

NARROW = {"width": 320, "height": 640, "deviceScaleFactor": 2, "mobile": True}
HINT = "按上面的大按钮开始收听"


def shoot(driver, artifacts: Path, name: str) -> Path:
    path = artifacts / name
    assert driver.save_screenshot(str(path))
    if os.environ.get("TTS_EDITION_SHOTS"):
        Path(os.environ["TTS_EDITION_SHOTS"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(os.environ["TTS_EDITION_SHOTS"]) / name)
    return path


def metrics(driver, device: dict) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", device)


@pytest.mark.parametrize(("name", "device"), [("phone", PHONE), ("tv", TV)])
def test_the_list_shows_the_address_and_a_qr_code_a_camera_reads(browser, base_url, artifacts, name, device):
    import zxingcpp
    from PIL import Image

    metrics(browser, device)
    browser.get(base_url)
    address = base_url + "feed.xml"
    assert browser.find_element("id", "feed-url").get_attribute("value") == address
    assert "添加节目" in browser.find_element("id", "subscribe-web").text
    qr = browser.find_element("id", "qr")
    browser.execute_script("arguments[0].scrollIntoView()", qr)
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", qr) > 0
    shot = Image.open(io.BytesIO(qr.screenshot_as_png))
    assert [b.text for b in zxingcpp.read_barcodes(shot)] == [address]  # what a phone camera reads
    shoot(browser, artifacts, f"subscribe-{name}.png")
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_page_opened_from_a_disk_says_how_to_get_an_address(browser, site):
    browser.get((site / "index.html").as_uri())
    assert not browser.find_element("id", "subscribe-web").is_displayed()
    assert "tts-edition serve" in browser.find_element("id", "subscribe-local").text


def test_nothing_below_the_sentence_moves_while_it_plays_on_a_phone(page, artifacts):
    metrics(page, PHONE)
    page.refresh()
    wait_for(page, lambda s: s["ready"] >= 1)
    click(page, "#play")
    # the first words of the page give way to what is being read as soon as it plays
    wait_for(page, lambda s: not s["paused"] and s["cue"] != HINT, timeout=1.5, message="the hint stayed")
    click(page, "#play")
    wait_for(page, lambda s: s["paused"])
    below = "return document.querySelector('.speeds').getBoundingClientRect().top + window.scrollY"
    tops = set()
    heights = set()
    for t in [0.1 + 2 * i for i in range(12)]:
        page.execute_script(f"document.getElementById('audio').currentTime = {t}")
        wait_for(page, lambda s, t=t: abs(s["t"] - t) < 0.05 and s["cueIndex"] == int(t // 2))
        tops.add(round(page.execute_script(below)))
        heights.add(page.execute_script("return document.getElementById('cue').offsetHeight"))
    assert len(tops) == 1, f"the speed buttons moved between {min(tops)} and {max(tops)} px"
    assert len(heights) == 1
    shoot(page, artifacts, "player-phone-long-caption.png")


def test_an_edition_heard_to_the_end_opens_at_the_beginning(page):
    wait_for(page, lambda s: s["ready"] >= 1)
    end = ARTICLE * len(TITLES)
    page.execute_script(f"document.getElementById('audio').currentTime = {end - 0.6}")
    click(page, "#play")
    wait_for(page, lambda s: s["paused"] and s["t"] >= end - 0.1, message="did not play to the end")
    page.refresh()
    s = wait_for(page, lambda s: s["ready"] >= 1)
    assert s["t"] == 0 and page.find_element("id", "time").text == "0:00"
    # a position saved at the last second by an older page counts as finished too
    page.execute_script(f"localStorage.setItem('tts-edition:position:{FOLDER}', '{end - 0.3}')")
    page.refresh()
    wait_for(page, lambda s: s["ready"] >= 1)
    click(page, "#play")
    s = wait_for(page, lambda s: not s["paused"] and s["t"] > 0.2, message="play did not start again")
    assert s["t"] < 2


def test_links_between_pages_work_opened_from_a_disk(browser, site):
    browser.get((site / "index.html").as_uri())
    click(browser, "a.edition")
    assert browser.current_url.endswith(f"/{FOLDER}/index.html")
    assert browser.find_elements("id", "play")  # the player, not a directory listing
    click(browser, "a.back")
    assert browser.current_url == (site / "index.html").as_uri()
    assert browser.find_elements("css selector", "ol.editions")


def test_space_presses_the_focused_button_and_arrows_leave_focus_to_the_remote(page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    wait_for(page, lambda s: s["ready"] >= 1)
    page.execute_script("document.getElementById('next').focus()")
    ActionChains(page).send_keys(Keys.SPACE).perform()
    wait_for(page, lambda s: s["chapter"] == 1 and not s["paused"], message="space did not press 下一篇")
    page.execute_script("document.querySelector('#chapters button[data-index=\"2\"]').focus()")
    ActionChains(page).send_keys(Keys.ARROW_LEFT).perform()
    ActionChains(page).send_keys(Keys.ARROW_RIGHT).perform()
    ActionChains(page).send_keys(Keys.ARROW_RIGHT).perform()
    assert state(page)["chapter"] == 1  # the arrows were the remote's, to move the focus: no article skipped


def test_the_lock_screen_gets_the_cover(page, base_url):
    artwork = page.execute_script("return navigator.mediaSession.metadata.artwork.map(a => a.src)")
    assert artwork == [base_url + FOLDER + "/cover.jpg"]
    status = page.execute_async_script(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));", artwork[0]
    )
    assert status == 200


@pytest.mark.parametrize("path", [FOLDER + "/", ""], ids=["player", "list"])
def test_the_icon_is_in_the_page_so_no_favicon_request_fails(page, base_url, path):
    page.get(base_url + path)
    icon = page.execute_script("const l = document.querySelector('link[rel~=icon]'); return l && l.href")
    assert icon and icon.startswith("data:image/svg+xml,")


def test_article_buttons_stay_on_one_line_at_320_px(page, artifacts):
    metrics(page, NARROW)
    page.refresh()
    lines = page.execute_script(
        """return ['prev', 'back', 'next'].map(id => {
             const b = document.getElementById(id), r = document.createRange();
             r.selectNodeContents(b);
             const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
             return [id, tops.size, b.scrollWidth <= b.clientWidth];
           });"""
    )
    assert lines == [["prev", 1, True], ["back", 1, True], ["next", 1, True]]
    shoot(page, artifacts, "player-320.png")


def test_screenshots_of_the_player_playing_on_a_phone_and_a_tv(page, artifacts):
    for name, device in (("phone", PHONE), ("tv", TV)):
        metrics(page, device)
        page.refresh()
        click(page, '#chapters button[data-index="1"]')
        wait_for(page, lambda s: s["cueIndex"] >= 5, timeout=20)
        click(page, "#play")
        wait_for(page, lambda s: s["paused"])
        shoot(page, artifacts, f"player-{name}-reading.png")
