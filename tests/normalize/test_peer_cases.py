"""The 634 cases from four public normalisers: how many we read the same way.

Where our convention differs on purpose, ``data/deliberate.tsv`` records the
case, our reading and why, and the test holds us to that reading. Run
``uv run python -m tests.normalize.test_peer_cases`` for the figures.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tts_edition.normalize import normalize

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[list[str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r and not r[0].startswith("#")]


def peer_cases() -> list[tuple[str, str]]:
    rows = _rows("peer_cases.tsv")
    return [(r[0], r[1]) for r in rows[1:]]


def deliberate() -> dict[tuple[str, str], tuple[str, str]]:
    """(input, peer expected) -> (our reading, reason)."""
    return {(r[0], r[1]): (r[2], r[3]) for r in _rows("deliberate.tsv")}


def same(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


def score() -> dict[str, int]:
    ours = deliberate()
    tally = {"cases": 0, "match": 0, "deliberate": 0, "differ": 0}
    for text, expected in peer_cases():
        tally["cases"] += 1
        if same(normalize(text), expected):
            tally["match"] += 1
        elif (text, expected) in ours:
            tally["deliberate"] += 1
        else:
            tally["differ"] += 1
    return tally


def test_every_deliberate_difference_is_a_peer_case_with_a_reason():
    cases = set(peer_cases())
    for key, (reading, reason) in deliberate().items():
        assert key in cases, key
        assert reading and len(reason) > 10, key


@pytest.mark.parametrize(("text", "expected", "ours"), [(k[0], k[1], v[0]) for k, v in deliberate().items()])
def test_deliberate_differences_read_our_way(text, expected, ours):
    got = normalize(text)
    assert same(got, ours)
    assert not same(got, expected)


def test_peer_cases_match_or_are_deliberate(record_property):
    tally = score()
    record_property("peer_accuracy", tally)
    assert tally["match"] / tally["cases"] >= 0.85, tally
    assert (tally["match"] + tally["deliberate"]) / tally["cases"] >= 0.95, tally


if __name__ == "__main__":
    t = score()
    n = t["cases"]
    print(f"{n} peer cases: {t['match']} match ({t['match'] / n:.1%}), {t['deliberate']} deliberate, "
          f"{t['differ']} differ; match or deliberate {(t['match'] + t['deliberate']) / n:.1%}")
    ours = deliberate()
    for text, expected in peer_cases():
        got = normalize(text)
        if not same(got, expected) and (text, expected) not in ours:
            print(f"  {text!r}: peers {expected!r}, ours {got!r}")
