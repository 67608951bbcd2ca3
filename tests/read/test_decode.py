"""Encodings publishers use, and every kind of bad file: one clear UserError each."""

import os
from pathlib import Path

import pytest

from tts_edition.errors import UserError
from tts_edition.read import read_edition
from tts_edition.read.decode import MAX_BYTES, decode, read_text

SAMPLES = Path(__file__).parents[2] / "samples"
DATA = Path(__file__).parent / "data"
COUNTY = (SAMPLES / "fumeng-xianbao.txt").read_text(encoding="utf-8")
TRADITIONAL = (DATA / "traditional.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("codec", "reported"),
    [
        ("gbk", {"gb18030"}),
        ("gb18030", {"gb18030"}),
        ("utf-8-sig", {"utf-8-sig"}),
        ("utf-16", {"utf-16"}),  # with a BOM
        ("utf-16-le", {"utf-16-le", "utf-16"}),  # without one
        ("utf-16-be", {"utf-16-be", "utf-16"}),
        ("utf-8", {"utf-8"}),
    ],
)
def test_sample_decodes_in_every_encoding_and_reports_it(tmp_path, codec, reported):
    path = tmp_path / "page.txt"
    path.write_bytes(COUNTY.encode(codec))
    text, encoding = read_text(path)
    assert text == COUNTY
    assert encoding in reported


def test_big5_keeps_traditional_characters(tmp_path):
    path = tmp_path / "trad.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    edition = read_edition(path)
    assert edition.encoding == "big5"
    assert edition.articles[0].title == "臺灣與香港讀者關心的新聞"
    assert edition.articles[0].paragraphs[0].text.startswith("國務院總理今天在北京會見了來訪的客人。")


def test_gb18030_characters_outside_gbk_survive():
    text = "𠀀字与㐀字都在GB18030里。" * 3
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_short_texts_are_read_as_chinese_not_korean():
    for codec, text in [("gbk", "第三篇用GBK保存。"), ("big5", "臺灣讀者關心。")]:
        assert decode(text.encode(codec))[0] == text


def test_large_gbk_text_decodes_whole(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes((COUNTY * 200).encode("gbk"))  # over 2 MB: the guess looks at the start only
    text, encoding = read_text(path)
    assert (len(text), encoding) == (len(COUNTY) * 200, "gb18030")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n  \n", "empty"),
        ("blank-cjk.txt", "\u3000\u3000\n\n".encode(), "only whitespace"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "PNG image"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + os.urandom(500), "PDF"),
        ("issue.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + os.urandom(500), "zip"),
        ("noise.txt", bytes(range(256)) * 40, "binary"),
        ("controls.txt", b"\x00\x01\x02\x03" * 100, "binary"),
        ("broken.txt", "我县深入推进改革".encode()[:-1] + bytes(range(0x80, 0xFF)) * 4, "not readable"),
    ],
)
def test_bad_files_raise_one_clear_line(tmp_path, name, data, message):
    path = _write(tmp_path, name, data)
    with pytest.raises(UserError) as e:
        read_edition(path)
    assert message in str(e.value)
    assert str(path) in str(e.value)
    assert "\n" not in str(e.value)


def test_missing_path(tmp_path):
    with pytest.raises(UserError, match="no such file"):
        read_edition(tmp_path / "nowhere.txt")


def test_folder_without_text_files(tmp_path):
    (tmp_path / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(UserError, match="no text files"):
        read_edition(tmp_path)


def test_enormous_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: 100 MB on paper, nothing on disk
        f.truncate(100 * 2**20)
    assert path.stat().st_size > MAX_BYTES
    with pytest.raises(UserError, match=r"100 MB is too large \(the limit is 32 MB\)"):
        read_edition(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path):
    path = _write(tmp_path, "locked.txt", "我县深入推进改革。".encode())
    path.chmod(0)
    with pytest.raises(UserError, match="permission denied"):
        read_edition(path)


def test_permission_error_is_a_user_error_even_as_root(tmp_path, monkeypatch):
    path = _write(tmp_path, "locked.txt", "我县深入推进改革。".encode())

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(UserError, match="permission denied"):
        read_edition(path)


def test_unknown_format(tmp_path):
    path = _write(tmp_path, "a.txt", "我县深入推进改革。".encode())
    with pytest.raises(UserError, match="unknown format 'pdf'"):
        read_edition(path, format="pdf")


def test_latin_1_is_not_read_as_a_baltic_or_urdu_code_page():
    assert decode("crème brûlée".encode("latin-1"))[0] == "crème brûlée"
    assert decode("Le café crème est très bon. Naïve façade.\n".encode("latin-1"))[0].startswith("Le café crème")
    assert decode("Привет, как дела? Хорошо.".encode("cp1251"))[0] == "Привет, как дела? Хорошо."


def test_a_fifo_or_device_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "paper.txt"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(UserError, match="not a regular file"):
            read_text(path)
