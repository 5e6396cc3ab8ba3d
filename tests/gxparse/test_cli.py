"""`gxparse parse` and `gxparse check`: output, exit codes (shared/spec/cli.md)."""

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from gxparse.cli import main
from tests.gxparse.seeds import SEED_DIR

KAIFENG = str(SEED_DIR / "kaifeng_2021.txt")
OFFICE = str(SEED_DIR / "zhoukou_office_2021.txt")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_parse_prints_json_lines_and_exits_0():
    result = run("parse", KAIFENG, OFFICE)
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert [json.loads(line)["agency"] for line in lines] == ["开封市人民政府", "周口市人民政府办公室"]
    assert json.loads(lines[0])["s2"]["admin_fees"]["amount_wan_yuan"] == "8937.0276"


def test_parse_pretty_indents():
    result = run("parse", "--pretty", KAIFENG)
    assert result.output.startswith("{\n  ")
    assert json.loads(result.output)["year"] == 2021


def test_unreadable_document_gets_an_error_line_and_exit_1(tmp_path: Path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = run("parse", str(empty), KAIFENG)
    assert result.exit_code == 1
    first, second = result.stdout.strip().splitlines()
    assert json.loads(first) == {"source": str(empty), "error": "文件为空（0 字节）"}
    assert json.loads(second)["year"] == 2021
    assert "empty.pdf" in result.stderr


def test_check_exit_0_without_errors():
    result = run("check", KAIFENG)
    assert result.exit_code == 0
    assert "narrative.mismatch" in result.output


def test_check_exit_4_with_errors_listed_first():
    result = run("check", OFFICE)
    assert result.exit_code == 4
    rules = [line.split()[1] for line in result.output.splitlines() if line.startswith("  ")]
    assert rules[:2] == ["section.missing", "cell.missing"] and rules[-1] == "section.heading_missing"


def test_console_script_is_installed():
    bin_dir = Path(sys.executable).parent
    done = subprocess.run([str(bin_dir / "gxparse"), "parse", KAIFENG], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["template"] == "v2021"
