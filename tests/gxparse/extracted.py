"""The PDF-to-text and HTML-to-text renderings in tests/fixtures/extracted and tests/fixtures/htmltext and the
hand-read truth of the documents they print."""

from __future__ import annotations

import json
from pathlib import Path

EXTRACTED = Path(__file__).resolve().parent.parent / "fixtures" / "extracted"
HTMLTEXT = EXTRACTED.with_name("htmltext")


def document_truth(document: str, folder: Path = EXTRACTED) -> dict:
    """Every figure of ``document`` (``kaifeng_2021``, ``simsite-c00-2019``) as its truth file in ``folder`` holds
    them."""
    return json.loads((folder / "truth" / f"{document}.truth.json").read_text(encoding="utf-8"))
