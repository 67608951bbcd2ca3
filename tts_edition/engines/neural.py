"""g2pM's polyphone model, run with numpy from the weights inside its wheel.

g2pM (Kakao Brain, Apache-2.0) is a one-layer bidirectional LSTM (64-d
character embeddings, 32 units each way) with a two-layer classifier over 876
readings, trained on the CPP benchmark (97.3% on its test split). We use its
files, not its ``G2pM`` class: that class steps the LSTM with four matrix
products per character, loads CC-CEDICT's readings of every character and
picks among all 876 readings. Here the input projection is one product per
sentence (a look-up in a table made at load time), both directions step
together, and the choice is made only among the readings the character has.
Same readings as g2pM on CPP dev (97.36%), in a fifth of the time.

The weights are 1.6 MB; they load on first use (tens of milliseconds, about
14 MB with the table: ``bench/frontend.py``), once, in the process that runs the
front end, never in the voice workers, which get symbol ids.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np

BOS, EOS, UNK = "시", "끝", "<UNK>"  # g2pM's own sentence markers


@dataclass(frozen=True)
class Guess:
    """The model's reading for one character and its probability among that character's readings."""

    reading: str
    probability: float


class PolyphoneModel:
    """Readings of polyphonic characters from the whole sentence around them."""

    def __init__(self) -> None:
        folder = files("g2pM")

        def load(name: str):
            with (folder / name).open("rb") as f:
                return pickle.load(f)  # the installed package's own files

        self.char_ids: dict[str, int] = load("char2idx.pkl")
        classes: dict[str, int] = load("class2idx.pkl")
        self.readings: dict[str, list[str]] = {
            ch: [r.replace("u:", "v") for r in rs] for ch, rs in load("digest_cedict.pkl").items() if len(rs) > 1
        }
        self.class_ids = {r.replace("u:", "v"): i for r, i in classes.items()}
        w = load("np_ckpt.pkl")
        self.hidden = h = w["lstm.weight_hh_l0"].shape[1]
        # Both directions step as one 2H-vector. PyTorch orders gates i f g o; here they are
        # i f o g (the three sigmoids together), each gate forward then backward.
        order = [slice(k * h, (k + 1) * h) for k in (0, 1, 3, 2)]

        def gates(m_fw, m_bw):
            return np.concatenate([part for k in order for part in (m_fw[k], m_bw[k])])

        # Each character's input to the gates, worked out once: a look-up per sentence then, not
        # a matrix product (OpenBLAS spends milliseconds on threads for such small ones).
        biases = gates(w["lstm.bias_ih_l0"] + w["lstm.bias_hh_l0"], w["lstm.bias_ih_l0_reverse"] + w["lstm.bias_hh_l0_reverse"])
        self.gate_inputs = w["embedding.weight"] @ gates(w["lstm.weight_ih_l0"], w["lstm.weight_ih_l0_reverse"]).T + biases
        self.forward_columns = np.tile(np.repeat([True, False], h), 4)
        zero = np.zeros_like(w["lstm.weight_hh_l0"])
        self.w_rec = np.concatenate(
            [gates(w["lstm.weight_hh_l0"], zero), gates(zero, w["lstm.weight_hh_l0_reverse"])], axis=1
        ).T  # [2H, 8H], block-diagonal by direction
        self.fc0, self.b0 = w["logit_layer.0.weight"].T, w["logit_layer.0.bias"]
        self.fc1, self.b1 = w["logit_layer.2.weight"].T, w["logit_layer.2.bias"]
        self._option_cache: dict[str, tuple[list[str], np.ndarray]] = {}

    def is_polyphone(self, char: str) -> bool:
        return char in self.readings

    def predict(self, text: str, positions: list[int]) -> list[Guess]:
        """The reading of ``text[p]`` for each position, chosen among that character's readings."""
        if not positions:
            return []
        ids = [self.char_ids[BOS]] + [self.char_ids.get(c, self.char_ids[UNK]) for c in text] + [self.char_ids[EOS]]
        states = self._states(np.array(ids))
        hidden = np.maximum(states[[p + 1 for p in positions]] @ self.fc0 + self.b0, 0)
        logits = hidden @ self.fc1 + self.b1
        out = []
        for row, p in zip(logits, positions):
            options, classes = self._options(text[p])
            if not options:
                out.append(Guess("", 0.0))
                continue
            scores = row[classes]
            probs = np.exp(scores - scores.max())
            best = int(probs.argmax())
            out.append(Guess(options[best], float(probs[best] / probs.sum())))
        return out

    def _options(self, char: str) -> tuple[list[str], np.ndarray]:
        """A character's readings the classifier knows, and their classes."""
        if char not in self._option_cache:
            options = [r for r in self.readings.get(char, []) if r in self.class_ids]
            self._option_cache[char] = options, np.array([self.class_ids[r] for r in options], dtype=np.intp)
        return self._option_cache[char]

    def _states(self, ids: np.ndarray) -> np.ndarray:
        """[T, 2H]: forward and backward hidden states for each position."""
        n, h = len(ids), self.hidden
        # Step t feeds position t forward and position n-1-t backward.
        inputs = np.where(self.forward_columns, self.gate_inputs[ids], self.gate_inputs[ids[::-1]])  # [T, 8H]
        steps = np.empty((n, 2 * h), np.float32)
        hs, cs = np.zeros(2 * h, np.float32), np.zeros(2 * h, np.float32)
        w_rec, tanh, sigmoids, cell = self.w_rec, np.tanh, slice(0, 6 * h), slice(6 * h, None)
        for t in range(n):
            gates = inputs[t] + hs @ w_rec
            sig = tanh(gates[sigmoids] * 0.5) * 0.5 + 0.5  # the logistic function, in one ufunc
            cs = sig[2 * h : 4 * h] * cs + sig[: 2 * h] * tanh(gates[cell])
            hs = sig[4 * h :] * tanh(cs)
            steps[t] = hs
        return np.concatenate([steps[:, :h], steps[::-1, h:]], axis=1)


@cache
def model() -> PolyphoneModel:
    """The model, loaded on first use."""
    return PolyphoneModel()
