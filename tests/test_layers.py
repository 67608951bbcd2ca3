"""Dependencies point one way: a stage imports only what sits below it.

read -> segment -> normalize come one after another, and none needs another's code: what they
share (what a Chinese character is, continuation marks, jieba) is in ``zh``, below them all.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "tts_edition"

# A stage (a module, or a package and everything in it) -> what it may import from the project.
BELOW = {
    "zh": set(),
    "model": set(),
    "read": {"errors", "model", "zh", "read"},
    "segment": {"model", "zh"},
    "normalize": {"errors", "zh", "normalize"},
}


def project_imports(path: Path) -> set[str]:
    """The project's modules a file imports, as paths below the package (read.text, zh)."""
    package = path.relative_to(PACKAGE).parent.parts
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(["tts_edition", *package[: len(package) - node.level + 1]]) if node.level else ""
            module = ".".join(filter(None, [base, node.module]))
            # from tts_edition import zh, from .. import zh: the names are modules
            names = [module] if node.module else [f"{module}.{a.name}" for a in node.names]
        else:
            continue
        found |= {n.removeprefix("tts_edition.") for n in names if n.startswith("tts_edition.")}
    return found


def files_of(stage: str) -> list[Path]:
    folder = PACKAGE / stage
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{stage}.py"]


@pytest.mark.parametrize("stage", sorted(BELOW))
def test_a_stage_imports_only_what_sits_below_it(stage):
    for path in files_of(stage):
        for name in project_imports(path):
            assert name.split(".")[0] in BELOW[stage], f"{path.relative_to(PACKAGE)} imports {name}"


def test_the_check_sees_imports_of_every_kind():
    found = project_imports(PACKAGE / "normalize" / "lexicon.py")
    found |= project_imports(PACKAGE / "read" / "raw.py")
    assert {"zh", "errors", "model", "read.text"} <= found
