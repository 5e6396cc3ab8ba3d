"""The PDF-to-text renderings in tests/fixtures/extracted and the hand-read truth of the documents they print."""

from __future__ import annotations

import json
from pathlib import Path

EXTRACTED = Path(__file__).resolve().parent.parent / "fixtures" / "extracted"


def document_truth(document: str) -> dict:
    """Every figure of ``document`` (``kaifeng_2021``, ``simsite-c00-2019``) as its truth file holds them."""
    return json.loads((EXTRACTED / "truth" / f"{document}.truth.json").read_text(encoding="utf-8"))
