"""The pronunciation lexicon: what rules cannot know (names, places, polyphones).

A lexicon is a plain UTF-8 TOML file a user edits. Each entry maps a word to
what the text voices should read instead (``say``, a homophone spelling) and to
tone-numbered pinyin for the offline voice (``pinyin``). Files are layered:
the default in ``voices/``, then one beside the input; later files win.

Words are replaced only where jieba puts a word boundary at both ends, so an
entry for 六安 changes "六安市" but not "十六安置房" (jieba cuts that 十六/安置房).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .. import zh
from ..errors import UserError

SYLLABLE = re.compile(r"^[a-zü]+[1-5]$")


@dataclass(frozen=True)
class Entry:
    word: str
    say: str
    pinyin: tuple[str, ...] = ()


@dataclass
class Lexicon:
    entries: dict[str, Entry] = field(default_factory=dict)
    _any_word: re.Pattern | None = field(default=None, repr=False, compare=False)

    @staticmethod
    def default_path() -> Path:
        """The default lexicon: ``voices/lexicon.toml`` at the project root.

        An installed wheel has no project root; if the build copies ``voices/``
        into the package (``tts_edition/voices``), that copy is used instead.
        """
        packaged = Path(__file__).parents[1] / "voices" / "lexicon.toml"
        if packaged.is_file():
            return packaged
        return Path(__file__).parents[2] / "voices" / "lexicon.toml"

    @classmethod
    def load(cls, *paths: Path) -> Lexicon:
        """Merge lexicon files in order; an entry in a later file replaces an earlier one."""
        entries: dict[str, Entry] = {}
        for path in paths:
            entries.update(_read(Path(path)))
        return cls(entries)

    def apply(self, text: str) -> str:
        """Replace each lexicon word by its ``say`` text, longest first, whole words only.

        A match must start where jieba starts a word, and end where jieba ends
        one, or be the head of a longer jieba word (六安 in 六安市, 蚌埠 in
        蚌埠市): place and name entries are followed by suffixes jieba keeps.
        """
        if not self.entries or not self._finder().search(text):
            return text
        token_end = self._tokens(text)
        ends = set(token_end.values())
        longest = max(len(w) for w in self.entries)
        out: list[str] = []
        i = 0
        while i < len(text):
            hit = None
            if i in token_end:
                for n in range(min(longest, len(text) - i), 0, -1):
                    word = text[i : i + n]
                    if word in self.entries and (i + n in ends or token_end[i] > i + n):
                        hit = self.entries[word]
                        break
            if hit:
                out.append(hit.say)
                i += len(hit.word)
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    def pinyin_overrides(self) -> dict[str, list[str]]:
        """Word -> tone-numbered syllables, for the offline voice's front end.

        The ``say`` spelling maps to the same syllables, so text that has been
        through ``apply`` (钱维 for 犍为) still gets the lexicon's reading.
        """
        out: dict[str, list[str]] = {}
        for e in self.entries.values():
            if e.pinyin:
                if e.say != e.word and len(zh.han(e.say)) == len(e.pinyin) == len(e.say):
                    out.setdefault(e.say, list(e.pinyin))
                out[e.word] = list(e.pinyin)
        return out

    def _finder(self) -> re.Pattern:
        """One pattern for every word: most sentences hold none, and this says so quickly."""
        if self._any_word is None:
            self._any_word = re.compile("|".join(map(re.escape, self.entries)))
        return self._any_word

    def _tokens(self, text: str) -> dict[int, int]:
        """Start offset -> end offset of each jieba word, lexicon words in its dictionary
        (a private one: our words must not change how the rest of the program cuts text)."""
        spans, pos = {}, 0
        for token in zh.tokenizer(tuple(self.entries)).cut(text, HMM=False):
            spans[pos] = pos + len(token)
            pos += len(token)
        return spans


def _read(path: Path) -> dict[str, Entry]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: lexicon file not found") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: lexicon is not UTF-8 text") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as e:
        raise UserError(f"{path}: {e}") from None
    words = data.get("words", {})
    if not isinstance(words, dict):
        raise UserError(f"{path}:{_line_of(raw, 'words')}: [words] must be a table")
    entries = {}
    for word, value in words.items():
        where = f"{path}:{_line_of(raw, word)}"
        entries[word] = _entry(word, value, where)
    return entries


def _entry(word: str, value: object, where: str) -> Entry:
    if not word.strip():
        raise UserError(f"{where}: empty word")
    if isinstance(value, str):  # "词" = "fu4 meng2 xian4" is a shorthand for pinyin only
        value = {"pinyin": value}
    if not isinstance(value, dict):
        raise UserError(f"{where}: {word!r} must be a table like {{ say = \"…\", pinyin = \"…\" }}")
    unknown = set(value) - {"say", "pinyin"}
    if unknown:
        raise UserError(f"{where}: {word!r} has unknown key(s) {', '.join(sorted(unknown))}")
    say = value.get("say", word)
    pinyin = value.get("pinyin", "")
    if not isinstance(say, str) or not say.strip():
        raise UserError(f"{where}: {word!r}: say must be non-empty text")
    if not isinstance(pinyin, str):
        raise UserError(f"{where}: {word!r}: pinyin must be text like \"fu4 meng2 xian4\"")
    syllables = tuple(pinyin.lower().split())
    for s in syllables:
        if not SYLLABLE.match(s):
            raise UserError(f"{where}: {word!r}: {s!r} is not a pinyin syllable with a tone digit 1-5")
    if syllables and len(syllables) != len(zh.han(word)):
        raise UserError(
            f"{where}: {word!r} has {len(zh.han(word))} characters but {len(syllables)} syllables"
        )
    if "say" not in value and not syllables:
        raise UserError(f"{where}: {word!r} needs say or pinyin")
    return Entry(word, say, syllables)


def _line_of(raw: str, key: str) -> int:
    """The 1-based line that defines ``key`` (for error messages), or 1."""
    for n, line in enumerate(raw.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith((f'"{key}"', f"'{key}'", f"{key} ", f"{key}=", f"[{key}]")):
            return n
    return 1
