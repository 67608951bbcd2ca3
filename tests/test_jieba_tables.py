import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from tts_edition import jieba_tables


@pytest.mark.parametrize("name", jieba_tables.TABLES)
def test_each_pickled_table_is_the_one_jiebas_source_defines(name):
    import jieba

    source = Path(jieba.__file__).parent / "posseg" / f"{name}.py"
    table = jieba_tables._Table(f"probe.{name}", source.with_suffix(".p"))
    assert runpy.run_path(str(source))["P"] == table.P


def test_a_build_process_tags_with_the_pickled_tables():
    code = (
        "import sys, tts_edition, jieba.posseg as p; "
        "print(type(sys.modules['jieba.posseg.prob_emit']).__name__, "
        "[(w, t) for w, t in p.cut('我们在北京开会', HMM=False)])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("_Table ")
    assert "('北京', 'ns')" in out
