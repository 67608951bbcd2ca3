"""Every bad input or option a user can give: exit status 2, exactly one line on stderr, no traceback,
and nothing voiced. Run in this process (as the installed command runs) so the table stays fast;
``tests/test_cli.py`` runs a few of the same through a real subprocess.
"""

from __future__ import annotations

import os
import socket

import pytest

from tts_edition.cli import app

PAPER = "# 日报\n\n## 标题\n\n正文有三句话。第二句。第三句。\n"

USAGE = [
    [],  # help, exit 0: checked separately
][1:] + [
    ["build"],
    ["build", "PAPER", "--bogus"],
    ["build", "PAPER", "--jobs"],
    ["build", "PAPER", "--jobs", "abc"],
    ["build", "PAPER", "--jobs", "1.5"],
    ["build", "PAPER", "--bitrate", "fast"],
    ["build", "PAPER", "--max-minutes", "long"],
    ["build", "PAPER", "--split", "pages"],
    ["plan"],
    ["plan", "PAPER", "PAPER"],
    ["feed"],
    ["serve", "OUT", "--port", "http"],
    ["nonsense"],
    ["voices", "--engine"],
]

OPTIONS = [
    ["--jobs", "0"], ["--jobs", "-1"], ["--jobs", "999"],
    ["--max-minutes", "0"], ["--max-minutes", "-1"], ["--max-minutes", "nan"], ["--max-minutes", "inf"],
    ["--max-minutes", "1e308"],
    ["--bitrate", "0"], ["--bitrate", "7"], ["--bitrate", "31"], ["--bitrate", "33"], ["--bitrate", "321"],
    ["--bitrate", "-64"], ["--bitrate", "1000"],
    ["--rate", "fast"], ["--rate", "10"], ["--rate", "+10"], ["--rate", "++10%"], ["--rate", "+1000%"],
    ["--rate", "-100%"],
    ["--pitch", "5"], ["--pitch", "+5"], ["--pitch", "+1000Hz"], ["--volume", "x"], ["--volume", "+500%"],
    ["--base-url", "not a url"], ["--base-url", "javascript:alert(1)"], ["--base-url", "ftp://example.org/"],
    ["--base-url", "http://"], ["--base-url", "file:///etc/passwd"], ["--base-url", "http://a b/"],
    ["--base-url", "data:text/html,x"], ["--base-url", "//example.org/"], ["--base-url", "https://x.org/\n"],
    ["--date", "2020-13-01"], ["--date", "2020-02-30"], ["--date", "yesterday"], ["--date", "24.11.2020"],
    ["--date", ""],
    ["--engine", "robot"], ["--voice", "nope"], ["--preset", "nope"], ["--preset", "/nonexistent/p.toml"],
    ["--format", "pdf"],
]

SETTINGS = [
    "colour=red", "noequals", "=3", "pauses.nope=1", "pauses.artcle=3",
    "pauses.article=abc", "pauses.article=-5", "pauses.article=nan", "pauses.article=inf", "pauses.article=61",
    "pauses.article=1e308", "pauses.chunk=-0.1", "pauses.lead_in=100", "pauses.sentence=true",
    "bitrate=abc", "bitrate=7", "bitrate=64.5", "bitrate=true", "bitrate=-64", "bitrate=1e3",
    "loudness=abc", "loudness=nan", "loudness=1e308", "loudness=0", "loudness=-100", "loudness=true",
    "true_peak=5", "true_peak=nan", "true_peak=-50",
    "announce_titles=no", "announce_titles=1", "announce_titles=yes", "announce_titles=0",
    "announce_count=maybe", "intro=1", "first_paragraph_only=0", "first_paragraph_only=off",
    "outro=123", "outro=true", "outro=" + "长" * 600,
]

PRESET_FILES = [
    'engine = "offline"\ncolour = "red"\n',
    "[audio]\nbitrate = 7\n",
    '[audio]\nbitrate = "64"\n',
    "[audio]\nloudness = nan\n",
    "[pauses]\narticle = -1\n",
    "[pauses]\nparagraph = 120\n",
    "[pauses]\nnope = 1\n",
    "[pauses]\nartcle = 3\n",
    'audio = "loud"\n',
    '[announce]\ntitles = "no"\n',
    "[announce]\ncount = 1\n",
    '[voice]\nrate = "fast"\n',
    "[voice]\nrate = 10\n",
    "this is not toml = = =\n",
    'engine = 3\n',
    "[content]\nfirst_paragraph_only = 1\n",
]

INPUTS = {
    "missing": None,
    "empty": b"",
    "whitespace": b" \n\t\n  \n",
    "png": b"\x89PNG\r\n\x1a\n" + bytes(100),
    "pdf": b"%PDF-1.7\n" + bytes(100),
    "elf": b"\x7fELF" + bytes(100),
    "zeros": bytes(1000),
    "zip": b"PK\x03\x04" + bytes(100),
    "punctuation": "。，、！？……\n——\n".encode(),
    "headings only": "# 日报\n\n## 标题一\n\n## 标题二\n".encode(),
    "html links only": (
        "<html><body><nav>" + "".join(f'<p><a href="/{i}">频道{i}新闻</a></p>' for i in range(30))
        + "</nav><p>版权</p></body></html>"
    ).encode(),
    "bad utf-16": b"\xff\xfe" + b"\x00\xd8" * 10,
    "empty folder": "DIR",
    "fifo": "FIFO",
    "device": "/dev/null",
}


def cases():
    for args in USAGE:
        yield pytest.param(args, id="usage:" + " ".join(args)[:40])
    for option in OPTIONS:
        yield pytest.param(["build", "PAPER", *option], id="option:" + " ".join(option)[:40])
    for setting in SETTINGS:
        yield pytest.param(["build", "PAPER", "--set", setting], id="set:" + setting[:40])
    for i in range(len(PRESET_FILES)):
        yield pytest.param(["build", "PAPER", "--preset", f"PRESET{i}"], id=f"preset-file:{i}")
    for name in INPUTS:
        yield pytest.param(["build", f"INPUT:{name}"], id=f"build-input:{name}")
        yield pytest.param(["plan", f"INPUT:{name}"], id=f"plan-input:{name}")
    yield pytest.param(["build", "PAPER", "-o", "AFILE"], id="out:a file")
    yield pytest.param(["build", "PAPER", "-o", "AFILE/sub"], id="out:under a file")
    yield pytest.param(["feed", "AFILE"], id="feed:a file")
    yield pytest.param(["feed", "NOWHERE"], id="feed:missing")
    yield pytest.param(["feed", "OUT", "--base-url", "javascript:x"], id="feed:bad url")
    yield pytest.param(["serve", "NOWHERE"], id="serve:missing")
    yield pytest.param(["serve", "OUT", "--port", "99999"], id="serve:port out of range")
    yield pytest.param(["serve", "OUT", "--host", "256.0.0.1"], id="serve:bad host")
    yield pytest.param(["voices", "--engine", "robot"], id="voices:unknown engine")
    yield pytest.param(["plan", "PAPER", "--format", "docx"], id="plan:format")
    yield pytest.param(["plan", "PAPER", "--date", "2020-00-10"], id="plan:date")


ALL = list(cases())


def test_the_table_has_at_least_a_hundred_cases():
    assert len(ALL) >= 100


@pytest.fixture
def place(tmp_path, monkeypatch):
    monkeypatch.setenv("TTS_EDITION_CACHE", str(tmp_path / "cache"))
    paper = tmp_path / "paper.txt"
    paper.write_text(PAPER, encoding="utf-8")
    (tmp_path / "afile").write_text("x")
    (tmp_path / "out").mkdir()
    for i, text in enumerate(PRESET_FILES):
        (tmp_path / f"preset{i}.toml").write_text(text, encoding="utf-8")
    for name, data in INPUTS.items():
        path = tmp_path / f"input-{name.replace(' ', '-')}.txt"
        if data == "DIR":
            path.mkdir()
        elif data == "FIFO":
            os.mkfifo(path)
        elif isinstance(data, str):
            path = data
        elif data is not None:
            path = path.with_suffix(".html" if name.startswith("html") else ".txt")
            path.write_bytes(data)
        INPUTS_AT[name] = str(path)
    return tmp_path


INPUTS_AT: dict[str, str] = {}


def fill(args, tmp_path):
    named = {
        "PAPER": str(tmp_path / "paper.txt"), "OUT": str(tmp_path / "out"), "AFILE": str(tmp_path / "afile"),
        "AFILE/sub": str(tmp_path / "afile" / "sub"), "NOWHERE": str(tmp_path / "nowhere"),
    }
    out = []
    for a in args:
        if a.startswith("INPUT:"):
            out.append(INPUTS_AT[a.removeprefix("INPUT:")])
        elif a.startswith("PRESET") and a[6:].isdigit():
            out.append(str(tmp_path / f"preset{a[6:]}.toml"))
        else:
            out.append(named.get(a, a))
    if out and out[0] == "build" and "-o" not in out:
        out += ["-o", str(tmp_path / "out")]
    return out


@pytest.mark.parametrize("args", ALL)
def test_bad_input_is_one_line_status_2_and_nothing_voiced(place, capsys, args):
    with pytest.raises(SystemExit) as exit:
        app(fill(args, place), prog_name="tts-edition")
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert exit.value.code == 2, captured.err
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err and lines[0].startswith("error: ")
    assert not (place / "cache").exists()  # nothing was voiced
    assert not [p for p in (place / "out").iterdir()]  # nothing was written


def test_no_arguments_prints_help_and_exits_0(capsys):
    with pytest.raises(SystemExit) as exit:
        app([], prog_name="tts-edition")
    assert exit.value.code == 0 and "build" in capsys.readouterr().out


def test_a_port_in_use_is_one_line(place, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(SystemExit) as exit:
            app(["serve", str(place / "out"), "--host", "127.0.0.1", "--port", str(busy.getsockname()[1])])
    err = capsys.readouterr().err
    assert exit.value.code == 2 and len(err.strip().splitlines()) == 1 and "cannot listen" in err
