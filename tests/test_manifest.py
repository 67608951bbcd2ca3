"""papers.toml: several papers, each with its inputs, output folder, feed and voice settings."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tts_edition import manifest
from tts_edition.errors import UserError

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_the_bundled_example_names_both_samples_with_their_own_settings():
    renmin, fumeng = manifest.load(SAMPLES / "papers.toml")
    assert [p.name for p in renmin.inputs] == ["renmin-ribao.txt"]
    assert [p.name for p in fumeng.inputs] == ["fumeng-xianbao.txt"]
    assert renmin.out.resolve() == (SAMPLES.parent / "output" / "renmin").resolve()
    assert renmin.feed.title == "人民日报 有声版" and fumeng.feed.author == "某某图书馆"
    assert fumeng.preset.name == "elder" and fumeng.preset.pauses.article == 2


@pytest.mark.parametrize(
    "text, words",
    [
        ('[[paper]]\ninputs = ["*.txt"]\n', "out"),
        ('[[paper]]\ninputs = ["none-*.txt"]\nout = "o"\n', "matches no file"),
        ('[[paper]]\ninputs = ["a.txt"]\nout = "o"\ncolour = "red"\n', "colour"),
        ('[[paper]]\ninputs = ["a.txt"]\nout = "o"\nrate = "fast"\n', "rate"),
        ('[[paper]]\ninputs = ["a.txt"]\nout = "o"\nfeed = { colour = "red" }\n', "colour"),
        ('title = "x"\n', "paper"),
        ("[[paper\n", "TOML"),
    ],
)
def test_a_mistake_in_the_manifest_is_a_user_error(tmp_path, text, words):
    (tmp_path / "a.txt").write_text("# 报\n\n正文。\n", encoding="utf-8")
    (tmp_path / "papers.toml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=words):
        manifest.load(tmp_path / "papers.toml")


def test_batch_builds_every_paper_into_its_own_folder_and_feed(tmp_path):
    for name, day in (("甲", 24), ("乙", 25)):
        (tmp_path / f"{name}-{day}.txt").write_text(f"# {name}报 2020年11月{day}日\n\n## 新闻\n\n今天天气很好。\n", encoding="utf-8")
    (tmp_path / "papers.toml").write_text(
        '[[paper]]\nname = "甲报"\ninputs = ["甲-*.txt"]\nout = "site/jia"\nfeed = { title = "甲报有声" }\n'
        '[[paper]]\nname = "乙报"\ninputs = ["乙-*.txt"]\nout = "site/yi"\npreset = "elder"\n',
        encoding="utf-8",
    )
    env = dict(os.environ, TTS_EDITION_CACHE=str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "-m", "tts_edition", "batch", str(tmp_path / "papers.toml"), "--report", str(tmp_path / "r.json")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads((tmp_path / "r.json").read_text())
    assert [(r["paper"], r["status"]) for r in rows] == [("甲报", "built"), ("乙报", "built")]
    assert "甲报有声" in (tmp_path / "site/jia/feed.xml").read_text()
    assert (tmp_path / "site/yi/feed.xml").is_file()
    elder = json.loads(next((tmp_path / "site/yi").glob("*/edition.json")).read_text())
    assert elder["duration"] > rows[0]["duration"]  # the elder preset adds an intro and a close
