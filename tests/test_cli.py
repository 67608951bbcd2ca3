"""The command-line contract that outside tests rely on (design notes), run as a user would."""

import json
import subprocess
import sys

import pytest


def tts(*args, input=None):
    return subprocess.run(
        [sys.executable, "-m", "tts_edition", *args],
        capture_output=True, text=True, input=input, timeout=120,
    )


def assert_one_line_error(result, words):
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_plan_prints_the_edition_as_json(tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text("# 日报\n\n## 标题\n\n共有3个人。\n", encoding="utf-8")
    result = tts("plan", str(paper))
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["title"] == "日报" and plan["date"] is None
    sentence = plan["articles"][0]["paragraphs"][0]["sentences"][0]
    assert sentence == {"text": "共有3个人。", "spoken": "共有三个人。"}


def test_normalize_writes_one_line_per_input_line():
    lines = ["2020年11月24日", "", "增长3.5%", "没有数字"]
    result = tts("normalize", input="\n".join(lines) + "\n")
    assert result.returncode == 0
    out = result.stdout.split("\n")[:-1]
    assert len(out) == len(lines)
    assert out[0] == "二零二零年十一月二十四日" and out[1] == "" and out[3] == "没有数字"


def test_normalize_takes_text_as_an_argument():
    assert tts("normalize", "共200项").stdout == "共二百项\n"


def test_normalize_pinyin_shows_what_the_offline_voice_reads(tmp_path):
    import tomllib

    own = tmp_path / "own.toml"
    own.write_text('[words]\n"南京" = "nan3 jing3"\n', encoding="utf-8")
    result = tts("normalize", "--pinyin", "--lexicon", str(own), input="南京市有3个\n你好\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # The spoken line, then one TOML line per word (tab-indented) that can go into lexicon.toml as is.
    assert lines[0] == "南京市有三个"
    entries = [line for line in lines if line.startswith("\t")]
    words = tomllib.loads("\n".join(line.strip() for line in entries))
    assert words["南京"] == "nan3 jing3"  # the lexicon, at the head of jieba's 南京市
    assert words["三个"] == "san1 ge4"
    assert words["你好"] == "ni2 hao3"  # after tone sandhi, as the voice reads it
    assert "你好" in lines


def test_voices_lists_the_offline_voice_and_presets():
    result = tts("voices", "--engine", "offline")
    assert result.returncode == 0
    assert "baker" in result.stdout
    assert {"standard", "elder", "brief"} <= {ln.split("\t")[1] for ln in result.stdout.splitlines() if ln.startswith("preset")}


@pytest.mark.parametrize(
    "args, words",
    [
        (["build", "nope.txt"], "nope.txt"),
        (["plan", "nope.txt"], "nope.txt"),
        (["build", "PAPER", "--preset", "loud"], "unknown preset"),
        (["build", "PAPER", "--rate", "fast"], "--rate"),
        (["build", "PAPER", "--engine", "robot"], "unknown engine"),
        (["build", "PAPER", "--voice", "xiaoxiao"], "baker"),
        (["build", "PAPER", "--max-minutes", "0"], "--max-minutes"),
        (["build", "PAPER", "--date", "24.11.2020"], "--date"),
        (["build", "PAPER", "--set", "colour=red"], "--set"),
        (["plan", "EMPTY"], "empty"),
        (["feed", "nowhere"], "nowhere"),
    ],
)
def test_bad_input_is_one_line_and_status_2(tmp_path, args, words):
    paper = tmp_path / "paper.txt"
    paper.write_text("# 日报\n\n## 标题\n\n正文。\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    args = [str(paper) if a == "PAPER" else str(empty) if a == "EMPTY" else a for a in args]
    assert_one_line_error(tts(*args, "-o", str(tmp_path / "out")) if args[0] == "build" else tts(*args), words)


def test_serve_prints_the_page_and_feed_links_and_answers_ranges(tmp_path):
    import urllib.request

    (tmp_path / "edition.mp3").write_bytes(bytes(range(256)) * 4)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tts_edition", "serve", str(tmp_path), "--port", "0", "--host", "127.0.0.1"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        page = proc.stdout.readline().strip()
        feed = proc.stdout.readline().strip()
        assert page.startswith("page: http://127.0.0.1:") and feed.endswith("/feed.xml")
        base = page.removeprefix("page: ").rsplit("/", 1)[0]
        request = urllib.request.Request(f"{base}/edition.mp3", headers={"Range": "bytes=0-99"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 206 and len(response.read()) == 100
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_reader_that_stops_early_is_not_an_error(tmp_path):
    """`tts-edition plan paper.txt | head -c 10`: the rest is not wanted, nothing went wrong."""
    paper = tmp_path / "paper.txt"
    paper.write_text("# 日报\n\n## 标题\n\n" + "正文有很多句话。" * 2000 + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tts_edition", "plan", str(paper)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0 and err == ""
