"""Throughput of many editions in one run, against the voice alone, all measured in this one run.

    uv run --extra ray python bench/batch.py [--editions 6] [--chars 3000] [--no-ray] [--no-national]

Makes N editions of about ``--chars`` characters from the sentences of
``../shared/g2p/cpp_dev.sent`` (Wikipedia, one sentence a line; the ▁ marks dropped), each
edition its own sentences, and from an empty cache each time prints characters voiced a second
and the ratio to the voice alone for (each build with the voice's models already prepared, as
they are after a machine's first run, but no piece voiced):

- the voice alone: one process, the pieces of the first edition, at its best thread count
  (as ``bench/offline_voice.py`` measures it);
- a single cold build of the first edition (``tts-edition build``), and with ``--jobs 1``
  (one voice lane with every thread: the lighter shape);
- the issue's own single-build target: the national sample (``samples/renmin-ribao.txt``),
  the voice alone on its pieces at the best thread count found above, and a cold build of it;
- a batch of the first two, to see memory stay flat as editions are added;
- a batch of all N with the local voice lanes (``tts-edition build e1 ... eN``);
- the same batch with ``--executor ray`` on a two-node Ray cluster on this machine
  (``ray.cluster_utils.Cluster``, one CPU per node, 127.0.0.1 only);

each national row against the voice alone on the national sample, each batch against the
voice alone on the batch's own editions (measured just before the batches: editions differ
in how fast they are said, and the machine's speed drifts over a run), the single builds
against the voice alone on the first edition; and the peak memory (PSS) of the build's whole process tree,
sampled every 50 ms (for Ray, the driver's tree; the actors live under the Ray nodes, reported
apart).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ROOT.parent / "shared" / "g2p" / "cpp_dev.sent"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import run  # noqa: E402  (bench/build.py: a build timed, tree memory sampled)


def editions(folder: Path, count: int, chars: int, sentences: Path = SENTENCES) -> list[Path]:
    """``count`` papers of about ``chars`` characters, articles of eight sentences."""
    lines = [line.strip().replace("▁", "") for line in sentences.read_text(encoding="utf-8").splitlines() if line.strip()]
    paths, at = [], 0
    for n in range(count):
        body, size, article = [], 0, []
        while size < chars:
            article.append(lines[at])
            size += len(lines[at])
            at += 1
            if len(article) == 8:
                body.append(f"## 第{len(body) + 1}篇\n\n" + "".join(article))
                article = []
        if article:
            body.append(f"## 第{len(body) + 1}篇\n\n" + "".join(article))
        path = folder / f"edition-{n + 1}.txt"
        path.write_text(f"# 百科日报 2021年3月{n + 1}日\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


NATIONAL = ROOT / "samples" / "renmin-ribao.txt"


def spoken_chars(path: Path) -> tuple[int, list[str]]:
    """What the voice is asked to say for an edition: its pieces, and their characters."""
    from tts_edition import pipeline, presets

    prepared = pipeline.prepare(path, pipeline.BuildOptions(out=Path("unused"), preset=presets.load("standard")))
    texts = [p.text for p in prepared.pieces]
    return sum(1 for t in texts for c in t if c.isalnum()), texts


def voice_alone(texts: list[str], threads: int) -> float:
    """Seconds for one process with ``threads`` threads to voice the texts (models loaded first)."""
    from tts_edition.engines.offline import OfflineEngine
    from tts_edition.model import Prosody

    engine = OfflineEngine(threads=threads)
    engine.synthesize("你好。", "baker", Prosody())
    start = time.perf_counter()
    for text in texts:
        engine.synthesize(text, "baker", Prosody())
    return time.perf_counter() - start


def ray_cluster():
    os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"  # read at import: 127.0.0.1 only
    os.environ["RAY_ENABLE_UV_RUN_RUNTIME_ENV"] = "0"
    from ray.cluster_utils import Cluster

    node = {"num_cpus": 1, "object_store_memory": 100 * 2**20, "node_ip_address": "127.0.0.1"}
    cluster = Cluster(initialize_head=True, head_node_args={**node, "include_dashboard": False})
    cluster.add_node(**node)
    cluster.wait_for_nodes()
    return cluster


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--editions", type=int, default=6)
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument("--no-national", action="store_true", help="skip the national sample's rows")
    parser.add_argument("--sentences", type=Path, default=SENTENCES)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inputs = editions(tmp, args.editions, args.chars, args.sentences)
        counted = [spoken_chars(p) for p in inputs]
        first_chars, first_texts = counted[0]
        total_chars = sum(c for c, _ in counted)

        # the voice's models are prepared once per machine (engines/offline.py): here by the
        # voice-alone runs, then copied into each build's cache, which holds no piece ("cold")
        os.environ["TTS_EDITION_CACHE"] = str(tmp / "cache-voice-alone")

        def build(name: str, paths: list[Path], *extra: str) -> tuple[float, float]:
            cache = tmp / f"cache-{name}"
            shutil.copytree(tmp / "cache-voice-alone" / "models", cache / "models")
            env = dict(os.environ, TTS_EDITION_CACHE=str(cache))
            cmd = [sys.executable, "-m", "tts_edition", "build", *map(str, paths), "-o", str(tmp / f"out-{name}"), *extra]
            took, (pss, _) = run(cmd, env)
            return took, pss

        print(f"{args.editions} editions, {total_chars} spoken characters ({first_chars} in the first); "
              f"load before: {os.getloadavg()[0]:.1f}")
        alone = {t: voice_alone(first_texts, t) for t in (1, 2)}
        best = min(alone, key=alone.get)
        voice = first_chars / alone[best]
        # (what, characters, seconds, peak PSS or None, the voice-alone rate it is compared with)
        rows = [(f"voice alone ({best} threads; {3 - best}: {first_chars / alone[3 - best]:.0f}/s)", first_chars,
                 alone[best], None, voice)]  # fmt: skip
        took, pss = build("single", inputs[:1])
        rows.append(("single cold build", first_chars, took, pss, voice))
        took, pss = build("single-jobs1", inputs[:1], "--jobs", "1")
        rows.append(("single cold build, --jobs 1", first_chars, took, pss, voice))
        if not args.no_national:
            national_chars, national_texts = spoken_chars(NATIONAL)
            alone_national = voice_alone(national_texts, best)
            national_voice = national_chars / alone_national
            rows.append((f"national: voice alone ({best} threads)", national_chars, alone_national, None, national_voice))
            took, pss = build("national", [NATIONAL])
            rows.append(("national: single cold build", national_chars, took, pss, national_voice))
        # the batches against the voice alone on their own editions, measured just before them:
        # editions differ in how fast they are said, and this machine's speed drifts over a run
        each = [voice_alone(texts, best) for _, texts in counted]
        batch_voice = total_chars / sum(each)
        rows.append((f"voice alone, all {args.editions} editions", total_chars, sum(each), None, batch_voice))
        two = sum(c for c, _ in counted[:2])
        took, pss = build("batch-2", inputs[:2])
        rows.append(("batch of 2, local lanes", two, took, pss, two / sum(each[:2])))
        took, pss = build("batch", inputs)
        rows.append((f"batch of {args.editions}, local lanes", total_chars, took, pss, batch_voice))
        pool = total_chars / took
        if not args.no_ray:
            cluster = ray_cluster()
            try:
                took, pss = build("ray", inputs, "--executor", "ray", "--ray-address", cluster.address)
                rows.append((f"batch of {args.editions}, Ray on 2 local nodes", total_chars, took, pss, batch_voice))
            finally:
                cluster.shutdown()
        for name, chars, seconds, memory, reference in rows:
            mem = f"  peak {memory:.0f} MB PSS" if memory else ""
            print(f"{name:42s} {chars:6d} chars in {seconds:6.1f} s = {chars / seconds:6.1f}/s "
                  f"= {chars / seconds / reference:.2f} x voice alone{mem}")
        if not args.no_ray:
            print(f"Ray / local lanes: {total_chars / rows[-1][2] / pool:.2f}")
        print(f"load after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
