"""Chapters in the Podcasting 2.0 JSON format (``application/json+chapters``).

Start times are the ID3 chapters' milliseconds, so the two never disagree.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ..files import write_text
from ..timeline import Chapter

VERSION = "1.2.0"
MIME = "application/json+chapters"


def chapters_json(chapters: Sequence[Chapter]) -> dict:
    return {
        "version": VERSION,
        "chapters": [
            {"startTime": c.start_ms / 1000, "endTime": c.end_ms / 1000, "title": c.title} for c in chapters
        ],
    }


def write_chapters(path: Path, chapters: Sequence[Chapter]) -> Path:
    return write_text(path, json.dumps(chapters_json(chapters), ensure_ascii=False, indent=2) + "\n")
