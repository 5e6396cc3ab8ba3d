"""`gxmon demo`, the README's main command, end to end in a fresh folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from email import message_from_bytes
from email.policy import default
from pathlib import Path

from fastapi.testclient import TestClient
from lxml import html

from monitor.demo import SITE_SEED, SITE_SIZE
from monitor.web import create_app
from simsite import SimSite

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
    assert_misprints_reported(folder, mails, env)
    assert_look_further_runs(result.stdout, tmp_path, env)


def assert_look_further_runs(stdout: str, folder: Path, env: dict[str, str]) -> None:
    """The commands the demo suggests run as printed, from where the demo was run (gxmon is not on PATH)."""
    import shlex

    commands = [line.strip() for line in stdout.splitlines() if line.strip().startswith(f"{GXMON} --db ")]
    assert len(commands) >= 5, stdout
    for command in commands:
        args = shlex.split(command.split("→")[0])
        if "serve" in args:
            continue
        done = subprocess.run(args, cwd=folder, capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, (command, done.stderr)


def assert_misprints_reported(folder: Path, mails: list[Path], env: dict[str, str]) -> None:
    """The reports the site prints wrong are failing after the first crawl: in its digest, in `gxmon findings`
    with the planted rule on the planted cell, and marked on their web page."""
    misprinted = [r for r in SimSite(seed=SITE_SEED, size=SITE_SIZE).expected_reports() if r.misprint]
    assert len(misprinted) == 2
    first = message_from_bytes(mails[0].read_bytes(), policy=default)
    assert first["X-Gxmon-Run"] == "1" and "2份未通过校验" in first["Subject"]
    digest = first.get_body(("plain",)).get_content()
    db = f"sqlite:///{folder / 'gxmon.db'}"
    found = subprocess.run([GXMON, "--db", db, "findings", "--severity", "error", "--format", "json"],
                           capture_output=True, text=True, env=env, check=True)
    errors = json.loads(found.stdout)
    assert {(f["agency"], f["year"]) for f in errors} == {(r.agency, r.year) for r in misprinted}
    client = TestClient(create_app(db, folder / "gxmon-store"))
    for report in misprinted:
        cell = report.misprint.cells[0]
        assert report.agency in digest and all(f"[{rule}]" in digest for rule in report.misprint.rules)
        mine = [f for f in errors if (f["agency"], f["year"]) == (report.agency, report.year)]
        assert {f["rule"] for f in mine if cell in f["cells"]} == set(report.misprint.rules)
        page = html.fromstring(client.get(f"/reports/{mine[0]['report_id']}").text)
        [td] = page.xpath(f"//td[@id='v-{cell}']")
        assert "fail-error" in td.get("class")
