import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from tts_edition import jieba_tables


@pytest.mark.parametrize(
    "package, name", [(package, name) for package, names in jieba_tables.TABLES.items() for name in names]
)
def test_each_pickled_table_is_the_one_jiebas_source_defines(package, name):
    import jieba

    source = Path(jieba.__file__).parent / package / f"{name}.py"
    table = jieba_tables._Table(f"probe.{name}", source.with_suffix(".p"), lazy=package in jieba_tables.LAZY)
    assert runpy.run_path(str(source))["P"] == table.P


def test_a_build_process_tags_with_the_pickled_tables():
    code = (
        "import sys, tts_edition, jieba.posseg as p; "
        "print(type(sys.modules['jieba.posseg.prob_emit']).__name__, "
        "type(sys.modules['jieba.finalseg.prob_emit']).__name__, "
        "[(w, t) for w, t in p.cut('我们在北京开会', HMM=False)])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("_Table _Table ")
    assert "('北京', 'ns')" in out


def test_the_hmm_cuts_unknown_words_as_with_jiebas_own_tables():
    cut = "print('/'.join(jieba.cut('韩冰鉴定了这份文件', HMM=True)))"

    def run(code: str) -> str:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout

    assert run(f"import tts_edition, jieba; {cut}") == run(f"import jieba; {cut}")


def test_the_tagger_guesses_tags_of_unknown_words_as_with_jiebas_own_tables():
    tag = "import jieba.posseg as p; print([tuple(x) for x in p.cut('韩冰鉴定了这份文件', HMM=True)])"

    def run(code: str) -> str:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout

    assert run(f"import tts_edition; {tag}") == run(tag)
