"""Real-style news sentences, read the way an announcer reads them.

The seeds (samples/) and the kinds of sentence a county paper or Xinhua prints:
datelines, economic figures, weather, notices, sports scores, document numbers.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tts_edition.normalize import normalize

DATA = Path(__file__).parent / "data" / "news.tsv"
SAMPLES = Path(__file__).parents[2] / "samples"


def news_cases() -> list[tuple[str, str]]:
    with open(DATA, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r[0], r[1]) for r in rows if r and not r[0].startswith("#")]


@pytest.mark.parametrize(("printed", "spoken"), news_cases())
def test_news_sentence(printed, spoken):
    assert "".join(normalize(printed).split()) == "".join(spoken.split())


@pytest.mark.parametrize("name", ["renmin-ribao.txt", "fumeng-xianbao.txt"])
def test_seed_papers_leave_no_digit_unread(name):
    for line in (SAMPLES / name).read_text(encoding="utf-8").splitlines():
        said = normalize(line)
        assert not any(c.isdigit() and c.isascii() for c in said), (line, said)
        assert "●" not in said and "►" not in said and not said.startswith("#")
