"""The Ray executor for real: a two-node Ray cluster on this machine, loopback only, the real
offline voice, a batch of short texts. Same editions as the local process pool; then a node
removed mid-batch, and still every edition complete."""

import json
import os
import threading
from pathlib import Path

import pytest

# Read by Ray when it is imported: on Linux, nodes and drivers on 127.0.0.1 only.
os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"
os.environ["RAY_ENABLE_UV_RUN_RUNTIME_ENV"] = "0"  # workers use this venv, not a rebuilt copy of it
ray = pytest.importorskip("ray", reason="Ray is the optional extra `ray`: run `uv run --extra ray pytest`")

from tts_edition import batch, pipeline, presets, synth  # noqa: E402
from tts_edition.cache import Cache  # noqa: E402
from tts_edition.executor import LocalExecutor  # noqa: E402
from tts_edition.ray_executor import RayExecutor  # noqa: E402

SENTENCES = ["全县举行表彰大会。", "明天多云，气温五到十度。", "今年粮食产量创新高。", "市民排队参观新馆。"]


def papers(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    out = []
    for day in range(24, 28):
        body = "".join(SENTENCES[(day + i) % 4] for i in range(4)) + f"第{day}期。"
        path = folder / f"{day}.txt"
        path.write_text(f"# 测试日报 2020年11月{day}日\n\n## 要闻\n\n{body}\n\n## 短讯\n\n{SENTENCES[day % 4]}\n",
                        encoding="utf-8")
        out.append(path)
    return out


def run(tmp: Path, executor, on_change=None) -> list[batch.Row]:
    options = pipeline.BuildOptions(out=tmp / "out", preset=presets.load("standard"), cache=Cache(tmp / "cache"))
    items = [batch.Item(p, options) for p in papers(tmp / "in")]
    with synth.Scheduler(options.cache, executor=executor) as scheduler:
        return batch.run(items, scheduler, on_change=on_change)


def made(rows: list[batch.Row]) -> list[tuple]:
    """Per edition: the duration in samples' seconds and the chapters, as written in edition.json."""
    records = [json.loads((Path(f) / "edition.json").read_text()) for r in rows for f in r.folders]
    return [(r["duration"], [(c["title"], c["start"]) for c in r["chapters"]]) for r in records]


@pytest.fixture(scope="module")
def cluster():
    from ray.cluster_utils import Cluster

    with pytest.MonkeyPatch.context() as env:
        env.delenv("RAY_ADDRESS", raising=False)
        node = {"num_cpus": 1, "object_store_memory": 100 * 2**20, "node_ip_address": "127.0.0.1"}
        cluster = Cluster(initialize_head=True, head_node_args={**node, "include_dashboard": False})
        worker = cluster.add_node(**node)
        cluster.wait_for_nodes()
        try:
            yield cluster, worker
        finally:
            ray.shutdown()
            cluster.shutdown()


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    rows = run(tmp_path_factory.mktemp("local"), LocalExecutor(2))
    assert all(r.built for r in rows)
    return made(rows)


def test_ray_on_two_local_nodes_makes_the_same_editions_as_the_process_pool(cluster, local, tmp_path):
    executor = RayExecutor(cluster[0].address)
    assert {n["NodeManagerAddress"] for n in ray.nodes()} == {"127.0.0.1"}
    assert len([n for n in ray.nodes() if n["Alive"]]) == 2
    assert len(set(executor.nodes())) == 2  # one voice actor on each node
    rows = run(tmp_path, executor)
    assert [r.status for r in rows] == ["built"] * 4
    assert made(rows) == local
    assert sum(r.voiced for r in rows) == len(list((tmp_path / "cache").rglob("*.wav")))


def test_a_node_lost_mid_batch_has_its_pieces_voiced_elsewhere(cluster, local, tmp_path):
    head, worker = cluster
    executor = RayExecutor(head.address)
    started = threading.Event()

    def on_change(live: batch.Live) -> None:
        if sum(p.done - p.cached for p in live.voicing.values()) >= 2:
            started.set()

    result: list = []
    runner = threading.Thread(target=lambda: result.append(run(tmp_path, executor, on_change)))
    runner.start()
    assert started.wait(120)
    head.remove_node(worker)
    runner.join(240)
    assert not runner.is_alive()
    [rows] = result
    assert [r.status for r in rows] == ["built"] * 4
    assert made(rows) == local
    assert executor.lost >= 1
