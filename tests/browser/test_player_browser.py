"""The player in a real browser, served by `serve`: what an elderly listener does with it.

Everything waits on a condition in the page (WebDriverWait), never on a fixed sleep.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from .edition import ARTICLE, FOLDER, TITLES, cues


AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
LAG = 0.3  # seconds the shown sentence may trail the audio
DESKTOP = {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False}
TV = {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False}

STATE = """
const a = document.getElementById('audio');
const cue = document.getElementById('cue');
const current = document.querySelector('#chapters button[aria-current="true"]');
return {t: a.currentTime, paused: a.paused, rate: a.playbackRate, ready: a.readyState,
        cue: cue.textContent, cueIndex: Number(cue.dataset.cue),
        chapter: current ? Number(current.dataset.index) : -1,
        nowChapter: document.getElementById('now-chapter').textContent,
        playLabel: document.getElementById('play').getAttribute('aria-label')};
"""


def state(driver) -> dict:
    return driver.execute_script(STATE)


def wait_for(driver, condition, timeout: float = 15, message: str = "") -> dict:
    """Poll the page's state until ``condition`` holds; return that state."""
    from selenium.webdriver.support.ui import WebDriverWait

    def met(d):
        s = state(d)
        return s if condition(s) else False

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(met, message)


def click(driver, css: str) -> None:
    driver.find_element("css selector", css).click()


def expected_cue(t: float) -> int:
    """The sentence that should be on screen at t: the last one begun (the page keeps it through the pause)."""
    begun = [i for i, c in enumerate(cues()) if c.start <= t + 0.05]
    return begun[-1] if begun else -1


def test_play_button_plays(page):
    wait_for(page, lambda s: s["ready"] >= 1, message="audio metadata never loaded")
    click(page, "#play")
    s = wait_for(page, lambda s: s["t"] > 0.5, message="currentTime did not advance after play")
    assert not s["paused"]
    assert s["playLabel"] == "暂停"
    click(page, "#play")
    # the label follows the audio's pause event, a moment after the click
    wait_for(page, lambda s: s["paused"] and s["playLabel"] == "播放", message="pausing did not show 播放")


def test_chapter_button_jumps_to_its_start(page):
    click(page, '#chapters button[data-index="2"]')
    s = wait_for(
        page, lambda s: s["t"] >= 2 * ARTICLE and not s["paused"] and s["chapter"] == 2, message="no jump to chapter 3"
    )
    assert s["t"] < 2 * ARTICLE + 2
    assert TITLES[2] in s["nowChapter"]
    click(page, '#chapters button[data-index="0"]')
    s = wait_for(page, lambda s: s["t"] < ARTICLE / 2 and s["chapter"] == 0)
    assert TITLES[0] in s["nowChapter"]  # &, <, quotes and emoji shown as written


def test_previous_and_next_article_buttons(page):
    wait_for(page, lambda s: s["ready"] >= 1)
    click(page, "#next")
    wait_for(page, lambda s: s["chapter"] == 1 and ARTICLE <= s["t"] < ARTICLE + 2)
    click(page, "#next")
    wait_for(page, lambda s: s["chapter"] == 2 and s["t"] >= 2 * ARTICLE)
    click(page, "#prev")
    wait_for(page, lambda s: s["chapter"] == 1 and ARTICLE <= s["t"] < ARTICLE + 2)


def test_speed_buttons_change_playback_rate(page):
    for rate in (0.8, 1.2, 1.0):
        click(page, f'.speeds button[data-rate="{rate:g}"]')
        s = state(page)
        assert s["rate"] == pytest.approx(rate)
        pressed = page.execute_script(
            "return [...document.querySelectorAll('.speeds button[aria-pressed=\"true\"]')].map(b => b.dataset.rate)"
        )
        assert pressed == [f"{rate:g}"]


def test_transcript_follows_the_audio(page):
    click(page, '#chapters button[data-index="1"]')
    seen = set()

    def shows_the_right_sentence(s):
        # The page redraws on "timeupdate" (every 250 ms at most), so it may be that far behind the clock.
        i = s["cueIndex"]
        assert expected_cue(s["t"] - LAG) <= i <= expected_cue(s["t"]), f"at {s['t']:.2f} s the page shows sentence {i}"
        assert s["cue"] == cues()[i].text
        seen.add(i)
        return len(seen) >= 3

    wait_for(page, shows_the_right_sentence, timeout=20, message=f"the sentence did not move on: {seen}")
    assert min(seen) >= 4  # sentences of the second article, not the first


def test_position_survives_a_reload(page):
    click(page, '#chapters button[data-index="1"]')
    wait_for(page, lambda s: s["t"] > ARTICLE + 1.5)
    click(page, "#play")
    where = wait_for(page, lambda s: s["paused"])["t"]
    page.refresh()
    s = wait_for(page, lambda s: s["ready"] >= 1 and s["t"] > 0 and s["chapter"] == 1, message="the position was not restored")
    assert s["t"] == pytest.approx(where, abs=0.05)
    assert s["paused"]  # restored, but it waits for the listener
    keys = page.execute_script("return Object.keys(localStorage)")
    assert "tts-edition:position:" + FOLDER in keys  # one position per edition


def test_speed_is_remembered_too(page):
    click(page, '.speeds button[data-rate="0.8"]')
    page.refresh()
    assert wait_for(page, lambda s: s["ready"] >= 1)["rate"] == pytest.approx(0.8)


def test_keyboard_alone(page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    wait_for(page, lambda s: s["ready"] >= 1)
    body = page.find_element("css selector", "body")
    body.send_keys(Keys.SPACE)
    wait_for(page, lambda s: not s["paused"] and s["t"] > 0.2, message="space did not start playback")
    body.send_keys(Keys.ARROW_RIGHT)
    wait_for(page, lambda s: s["chapter"] == 1, message="→ did not go to the next article")
    body.send_keys(Keys.ARROW_LEFT)
    wait_for(page, lambda s: s["chapter"] == 0 and s["t"] < 2, message="← did not go to the previous article")
    body.send_keys(Keys.SPACE)
    wait_for(page, lambda s: s["paused"], message="space did not pause")

    # Tab reaches the big button; space on it toggles once, not twice (keydown and the button's own click).
    page.execute_script("document.activeElement.blur()")
    tabs = 0
    while page.switch_to.active_element.get_attribute("id") != "play" and tabs < 5:
        ActionChains(page).send_keys(Keys.TAB).perform()
        tabs += 1
    assert page.switch_to.active_element.get_attribute("id") == "play"
    outline = page.execute_script("const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]")
    assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 3  # focus can be seen
    ActionChains(page).send_keys(Keys.SPACE).perform()
    wait_for(page, lambda s: not s["paused"], message="space on the focused play button did not play")
    ActionChains(page).send_keys(Keys.ENTER).perform()  # Enter presses the focused button
    wait_for(page, lambda s: s["paused"])


def test_big_text_and_big_targets_on_a_phone(page):
    page.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    small = page.execute_script(
        """return [...document.querySelectorAll('button, a')]
             .filter(e => e.offsetParent !== null)
             .map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.width, r.height]; })
             .filter(([, w, h]) => w < 64 || h < 64);"""
    )
    assert small == []
    tiny = page.execute_script(
        """const out = [];
           const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
           while (walk.nextNode()) {
             const n = walk.currentNode, e = n.parentElement;
             if (!n.textContent.trim() || e.closest('script, style') || e.offsetParent === null) continue;
             const px = parseFloat(getComputedStyle(e).fontSize);
             if (px < 24) out.push([n.textContent.trim().slice(0, 20), px]);
           }
           return out;"""
    )
    assert tiny == []
    overflow = page.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0  # nothing sticks out sideways on a narrow phone


def test_works_opened_as_a_file(browser, site):
    """Chapters and sentences are in the page itself, so a copy on a USB stick plays too."""
    browser.get((site / FOLDER / "index.html").as_uri())
    assert len(browser.find_elements("css selector", "#chapters button")) == len(TITLES)
    click(browser, '#chapters button[data-index="2"]')
    s = wait_for(browser, lambda s: s["t"] >= 2 * ARTICLE and s["cueIndex"] == 8)
    assert s["cue"] == cues()[8].text
    click(browser, "#play")
    wait_for(browser, lambda s: s["paused"])


def test_a_missing_mp3_is_explained(browser, site, base_url):
    broken = site / "broken"
    broken.mkdir(exist_ok=True)
    (broken / "index.html").write_bytes((site / FOLDER / "index.html").read_bytes())
    browser.get(base_url + "broken/")
    s = wait_for(browser, lambda s: "打不开" in s["cue"], message="no message for a missing MP3")
    assert s["cueIndex"] == -1


def test_no_request_leaves_the_server(page, base_url):
    click(page, "#play")
    wait_for(page, lambda s: s["t"] > 0.3)
    urls = page.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(base_url) for u in urls), urls


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["2020-11-24-ceshi-ribao/", ""], ids=["player", "list"])
def test_accessibility_check_finds_nothing_serious(page, base_url, path, scheme):
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    page.get(base_url + path)
    page.execute_script(AXE.read_text("utf-8"))
    result = page.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done(String(e)));"
    )
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert isinstance(result, list), result
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in result
               if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize(("name", "metrics"), [("phone", PHONE), ("desktop", DESKTOP), ("tv", TV)])
def test_screenshots(page, base_url, artifacts, name, metrics):
    page.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    click(page, '#chapters button[data-index="1"]')
    wait_for(page, lambda s: s["cueIndex"] >= 4)
    click(page, "#play")
    wait_for(page, lambda s: s["paused"])
    for what, shot in (("player", artifacts / f"player-{name}.png"), ("list", artifacts / f"list-{name}.png")):
        if what == "list":
            page.get(base_url)
        assert page.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
    page.get(base_url + "2020-11-24-ceshi-ribao/")
    save_full_page(page, artifacts / f"player-{name}-full.png")
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    save_full_page(page, artifacts / f"player-{name}-dark.png")
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def save_full_page(driver, path: Path) -> None:
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": True, "format": "png"})
    path.write_bytes(base64.b64decode(shot["data"]))
