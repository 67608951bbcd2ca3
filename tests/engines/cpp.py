"""Polyphone accuracy on CPP (Kakao Brain's benchmark), each part side by side.

    uv run python -m tests.engines.cpp [--data DIR] [--limit N] [--learn]

CPP sentences hold one labelled polyphone each, marked ``▁`` on both sides; the
same line of the ``.lb`` file holds its reading (tone 1-5, ``u:`` for ü). The
default data is the dev split in ``../shared/g2p`` beside the repository; only
dev is used to tune (the test split is for scoring from outside). Columns:

- plain pypinyin: ``lazy_pinyin`` with its phrase dictionary;
- model alone: g2pM's network on the whole sentence (``engines/neural.py``);
- front end without the model: today's dictionaries and rules;
- front end: ``to_pinyin(text, sandhi=False)``, everything together.

``--learn`` rewrites ``engines/data/overrule.tsv``: the (character, phrase
reading, model reading) triples where, on these sentences, the model was right
at least twice and more than twice as often as pypinyin's phrase reading.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from pypinyin import Style, lazy_pinyin

from tts_edition.engines import polyphones
from tts_edition.engines.mandarin import HAN, analyse, to_pinyin
from tts_edition.engines.neural import model

SHARED = Path(__file__).resolve().parents[3] / "shared" / "g2p"
SAMPLE = Path(__file__).resolve().parent / "data" / "cpp_dev_sample.tsv"


@dataclass(frozen=True)
class Item:
    sentence: str
    index: int  # of the labelled character in the sentence
    reading: str

    @property
    def han_index(self) -> int:
        return len(HAN.findall(self.sentence[: self.index]))


def load(folder: Path = SHARED, split: str = "dev") -> list[Item]:
    sentences = (folder / f"cpp_{split}.sent").read_text(encoding="utf-8").splitlines()
    labels = (folder / f"cpp_{split}.lb").read_text(encoding="utf-8").splitlines()
    return [_item(s, label) for s, label in zip(sentences, labels)]


def sample() -> list[Item]:
    """Every 20th dev sentence, shipped with the tests (CPP is Apache-2.0)."""
    rows = [line.split("\t") for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    return [_item(s, label) for s, label in rows]


def _item(marked: str, label: str) -> Item:
    return Item(marked.replace("▁", ""), marked.index("▁"), label.strip().replace("u:", "v"))


def plain_pypinyin(item: Item) -> str:
    return lazy_pinyin(item.sentence, style=Style.TONE3, neutral_tone_with_five=True, errors="ignore")[item.han_index]


def model_alone(item: Item) -> str:
    return model().predict(item.sentence, [item.index])[0].reading


def without_model(item: Item) -> str:
    return to_pinyin(item.sentence, sandhi=False, model=False)[item.han_index]


def front_end(item: Item) -> str:
    return to_pinyin(item.sentence, sandhi=False)[item.han_index]


READERS = {
    "plain pypinyin": plain_pypinyin,
    "model alone": model_alone,
    "front end without the model": without_model,
    "front end": front_end,
}


def accuracy(items: list[Item], read) -> float:
    return sum(read(item) == item.reading for item in items) / len(items)


def learn(items: list[Item]) -> list[tuple[str, str, str]]:
    """The triples where the model beats pypinyin's phrase reading (see the module docstring)."""
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for item in items:
        phrase, guess = _phrase_reading(item), model_alone(item)
        if phrase and guess != phrase:
            key = (item.sentence[item.index], phrase, guess)
            counts[key][0] += guess == item.reading
            counts[key][1] += phrase == item.reading
    return sorted(k for k, (won, lost) in counts.items() if won >= 2 and won > 2 * lost)


def _phrase_reading(item: Item) -> str | None:
    """The dictionary's reading of the labelled character where one covers it
    (the same test the front end makes), else None."""
    words = analyse(item.sentence, sandhi=False, model=False)
    places = polyphones._places(words, item.sentence)
    if item.index not in places or item.index in polyphones._phrases(places, item.sentence):
        return None
    w, k = places[item.index]
    return w.syllables[k] if k in polyphones._covered(w) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="folder with cpp_dev.sent and cpp_dev.lb")
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    parser.add_argument("--learn", action="store_true", help="rewrite engines/data/overrule.tsv")
    args = parser.parse_args()
    items = load(args.data)[: args.limit or None]
    if args.learn:
        rows = learn(items)
        path = Path(str(files("tts_edition.engines") / "data" / "overrule.tsv"))
        head = path.read_text(encoding="utf-8").splitlines()
        comments = [line for line in head if line.startswith("#")]
        path.write_text("\n".join(comments + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
        polyphones.overrule.cache_clear()
        print(f"{len(rows)} triples written to {path}")
    print(f"CPP dev, {len(items)} sentences")
    for name, read in READERS.items():
        start = time.perf_counter()
        print(f"  {name:<30} {accuracy(items, read):7.2%}   ({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
