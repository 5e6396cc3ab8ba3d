"""`gxparse check` prints what documents say as data: no markup, no terminal control sequences."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from gxparse.cli import main

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"
# Would style ([bold]), crash rich ([/]), write the clipboard (OSC 52), clear the screen, reverse the text.
HOSTILE = "[/][bold]\x1b]52;c;SGVsbG8=\x07\x1b[2J\u202e\x9b31m"
IN_A_NAME = HOSTILE.replace("/", "")


def test_check_prints_titles_and_paths_as_data(tmp_path):
    seed = (SEEDS / "kaifeng_2021.txt").read_text(encoding="utf-8")
    document = tmp_path / f"报告{IN_A_NAME}.txt"
    document.write_text(seed.replace("开封市人民政府2021年", f"开封市人民政府{HOSTILE}2021年", 1), encoding="utf-8")
    unreadable = tmp_path / f"坏{IN_A_NAME}.pdf"
    unreadable.write_bytes(b"%PDF-1.7 " + HOSTILE.encode() + b" not a PDF")
    result = CliRunner().invoke(main, ["check", str(document), str(unreadable)])
    assert result.exit_code in (1, 4), result.output          # no MarkupError, the usual exit codes
    for character in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert character not in result.output
    assert "报告[][bold].txt" in result.output and "坏[][bold].pdf" in result.output
