"""The linter and the type checker, run as part of the test suite so that CI runs them through
the README's one test command. Their settings live in pyproject.toml."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _check(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    _check("ruff", "check", "tts_edition", "tests", "bench")


def test_mypy_finds_nothing():
    _check("mypy")
