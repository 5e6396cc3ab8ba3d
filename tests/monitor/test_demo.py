"""`gxmon demo`, the README's main command, end to end in a fresh folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from email import message_from_bytes
from email.policy import default
from pathlib import Path

GXMON = str(Path(sys.executable).with_name("gxmon"))


def test_demo_leaves_the_archive_and_the_mails(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "GXMON_DB"} | {"COLUMNS": "160"}
    result = subprocess.run([GXMON, "demo"], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    folder = tmp_path / "gxmon-demo"
    mails = sorted((folder / "mails").glob("*.eml"))
    subjects = [message_from_bytes(p.read_bytes(), policy=default)["Subject"] for p in mails]
    assert any("1份修改、1份撤回" in s for s in subjects), subjects
    assert "done in" in result.stdout and "gxmon diff" in result.stdout
    db = f"sqlite:///{folder / 'gxmon.db'}"
    listed = subprocess.run([GXMON, "--db", db, "reports", "--format", "json"], capture_output=True, text=True,
                            env=env, check=True)
    statuses = sorted({r["status"] for r in json.loads(listed.stdout)})
    assert statuses == ["active", "missing", "withdrawn"]     # missing: the watched city's overdue report
