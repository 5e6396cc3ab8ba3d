"""gxmon over HTTP: the simulated site crawled by the real crawler into the archive, mail to aiosmtpd.

Each test serves its own SimSite (revise/withdraw change it) and runs the ``gxmon`` console script as a
separate process, as cron or an operator would.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from sqlmodel import Session, select

from monitor.archive import leases
from monitor.archive.db import make_engine
from monitor.archive.diff import flatten_figures
from monitor.alerts.mailsink import MailSink, free_port
from monitor.archive.models import Alert, CrawlRun, Delivery, Finding, Site
from simsite import SimServer, SimSite

from .smtp_servers import ScriptedServer

GXMON = str(Path(sys.executable).with_name("gxmon"))
SITE_SIZE = 0      # the smallest site the simulator builds: a city and its base departments and counties
ONE_COLUMN = "/bm/tjj/xxgk/ndbg/"   # one department's report column, for tests that need a crawl, not a site
COUNTY = "/qx/c00/"                 # a county sub-site: three agencies, six years each, HTML/PDF/DOCX
# Seconds between the requests of a crawl a test interrupts once it has archived a few documents: stopped a few
# documents in, not dozens (the site's 144 reports at full speed reach 24 parsed before a SIGTERM lands).
INTERRUPTED_DELAY = 0.1


def gxmon(db: str, *args: str, check: bool = True, timeout: float = 240, columns: int | None = None,
          cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GXMON_DB"} | ({"COLUMNS": str(columns)} if columns else {})
    result = subprocess.run([GXMON, "--db", db, *args], capture_output=True, text=True, timeout=timeout, env=env,
                            cwd=cwd)
    if check and result.returncode != 0:
        raise AssertionError(f"gxmon {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def write_config(path: Path, base_url: str, smtp_port: int, schedule: str = "0 6 * * *", watch: bool = False,
                 column: str | None = None, admin_to: str | None = None, delay: float = 0) -> Path:
    """A config for the simulated site: all of it, or only one agency's report column (``column``)."""
    start = f"{base_url}{column}" if column else f"{base_url}/"
    text = f"""
[mail]
host = "127.0.0.1"
port = {smtp_port}
sender = "gxmon@example.org"
timeout = 60
retry_base_seconds = 0
{f'admin_to = ["{admin_to}"]' if admin_to else ''}

[web]
base_url = "http://gxmon.test"

[[site]]
id = "sim"
name = "模拟市人民政府门户网站"
start_urls = ["{start}"]
depth = {0 if column else 8}
schedule = "{schedule}"
delay = {delay}
concurrency = 8
alert_to = ["zwgk@example.org"]
"""
    if watch:   # an agency the site has no report of: report.overdue
        text += '\n[[watch]]\nsite = "sim"\nagency = "临江市审计局"\n'
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def site():
    site = SimSite(seed="gxmon-tests", size=SITE_SIZE)
    with SimServer(site).start() as server:
        yield site, server


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'gxmon.db'}"


def rows(db: str, model, *where):
    engine = make_engine(db)
    with Session(engine) as s:
        found = s.exec(select(model).where(*where)).all()
    engine.dispose()
    return found


def test_crawls_find_every_report_then_the_revision_and_the_withdrawal(site, db, tmp_path):
    """Three crawls of a county's report column: all of it, nothing changed, one revised and one withdrawn.

    The first is started from another folder: the crawler's state is kept beside the archive, not where gxmon
    is started. The pictures each bundled page was archived with (the column holds a report printed as
    pictures) are what a 304 is checked against next time: a gxmon started elsewhere must find them."""
    sim, server = site
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with MailSink(tmp_path / "mails") as sink:
        column = f"{COUNTY}xxgk/ndbg/"
        config = str(write_config(tmp_path / "sites.toml", server.base_url, sink.port, column=column))
        first = gxmon(db, "crawl", "--config", config, cwd=elsewhere)
        assert list(elsewhere.iterdir()) == []
        assert (tmp_path / "gxmon-crawl-state" / "sim" / "pictures.jsonl").stat().st_size > 0
        assert "sim" in first.stdout and "完成" in first.stdout
        assert "reports per agency and year" in first.stdout and "西山县人民政府" in first.stdout
        expected = [e for e in sim.expected_reports() if e.url.startswith(server.base_url + COUNTY)]
        assert len(expected) == 18
        archived = json.loads(gxmon(db, "reports", "--format", "json").stdout)
        assert len(archived) == len(expected)
        assert {(r["agency"], r["year"]) for r in archived} == {(e.agency, e.year) for e in expected}
        [misprinted] = [e for e in expected if e.misprint]     # the column holds one report printed wrong
        assert_reported(db, misprinted)

        blobs_before = sum(1 for p in (tmp_path / "gxmon-store").rglob("*") if p.is_file())
        gxmon(db, "crawl", "--config", config)        # nothing changed on the site
        [_, second] = rows(db, CrawlRun)
        assert (second.status, second.new_versions, second.revisions, second.withdrawals) == ("ok", 0, 0, 0)
        assert sum(1 for p in (tmp_path / "gxmon-store").rglob("*") if p.is_file()) == blobs_before

        reports = [e for e in expected if e.format == "html"]
        revised = next(e for e in reports if e.year == 2024)
        withdrawn = next(e for e in reports if e.agency != revised.agency)
        before = flatten_figures(sim.report(sim._report_entry(revised.id)))
        after = flatten_figures(sim.revise(revised.id))
        sim.withdraw(withdrawn.id)
        gxmon(db, "crawl", "--config", config)
        messages = [message_from_bytes(raw, policy=default) for _, raw in sink.messages]

    history = json.loads(gxmon(db, "history", revised.url, "--format", "json").stdout)
    assert len(history["versions"]) == 2
    [change] = [c for c in history["versions"][1]["changes"] if c["kind"] == "figures_changed"]
    old, new = history["versions"][0]["version"], history["versions"][1]["version"]
    diff = json.loads(gxmon(db, "diff", str(old), str(new), "--format", "json").stdout)
    expected_cells = {p: (before[p], after[p]) for p in before if before[p] != after[p]}
    assert {c["cell"]: (c["old"], c["new"]) for c in diff["figures"]} == expected_cells
    assert change["summary"].startswith("数字修改")

    gone = json.loads(gxmon(db, "history", withdrawn.url, "--format", "json").stdout)
    assert gone["report"]["status"] == "withdrawn"
    assert [e["kind"] for e in gone["events"]] == ["withdrawn"]

    [first_digest] = [m for m in messages if m["X-Gxmon-Run"] == "1"]
    first_text = first_digest.get_body(("plain",)).get_content()
    assert "1份未通过校验" in first_digest["Subject"] and misprinted.agency in first_text
    assert all(f"[{rule}]" in first_text for rule in misprinted.misprint.rules)

    [digest] = [m for m in messages if "修改" in m["Subject"] and m["X-Gxmon-Run"] == "3"]
    assert digest["Subject"].startswith("gxmon 模拟市人民政府门户网站：1份修改、1份撤回")
    text = digest.get_body(("plain",)).get_content()
    assert revised.agency in text and withdrawn.agency in text and "→" in text

    export = gxmon(db, "export", "--format", "csv").stdout.splitlines()
    assert len(export) == 1 + len(expected) + 1      # header, one row per version (one report has two)
    assert export[0].startswith("\ufeff报告编号,") and "表三 一、本年新收政府信息公开申请数量 / 总计" in export[0]


def assert_reported(db: str, misprinted) -> None:  # noqa: ANN001 (simsite.ExpectedReport)
    """`gxmon findings` names the planted mistake: its rules, on its cell, as errors of that report only."""
    errors = json.loads(gxmon(db, "findings", "--severity", "error", "--format", "json").stdout)
    assert {(f["agency"], f["year"]) for f in errors} == {(misprinted.agency, misprinted.year)}
    cell = misprinted.misprint.cells[0]
    assert {f["rule"] for f in errors if cell in f["cells"]} == set(misprinted.misprint.rules)


def test_killed_after_archiving_sends_the_alerts_once_on_the_next_run(site, db, tmp_path):
    """kill -9 between the archive commit and the mail: the next `gxmon send` sends it, once."""
    _, server = site
    with ScriptedServer("stall") as stalling:
        config = str(write_config(tmp_path / "sites.toml", server.base_url, stalling.port, watch=True,
                                  column=ONE_COLUMN))
        env = {k: v for k, v in os.environ.items() if k != "GXMON_DB"}
        crawl = subprocess.Popen([GXMON, "--db", db, "crawl", "--config", config], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert stalling.in_data.wait(240), "gxmon crawl never got to sending mail"
        finally:
            os.kill(crawl.pid, signal.SIGKILL)
            crawl.wait()
    [run] = rows(db, CrawlRun)
    assert run.status == "ok"                           # the archive was committed before the kill
    [overdue] = rows(db, Alert)
    assert overdue.kind == "overdue" and overdue.status == "pending"
    with MailSink(tmp_path / "mails") as sink:
        write_config(tmp_path / "sites.toml", server.base_url, sink.port, watch=True, column=ONE_COLUMN)
        assert gxmon(db, "send", "--config", config).stdout.startswith("已发送 1，")
        assert gxmon(db, "send", "--config", config).stdout.startswith("已发送 0，")
        [(recipients, raw)] = sink.messages
    message = message_from_bytes(raw, policy=default)
    assert recipients == ["zwgk@example.org"] and "1份逾期" in message["Subject"]
    [delivery] = rows(db, Delivery)
    assert message["Message-ID"] == delivery.message_id and delivery.status == "sent"


def _limited_config(tmp_path: Path, base_url: str, max_pages: int) -> str:
    path = write_config(tmp_path / "sites.toml", base_url, free_port(), watch=True)
    text = path.read_text(encoding="utf-8").replace("concurrency = 8\n", f"concurrency = 8\nmax_pages = {max_pages}\n")
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_crawl_closed_by_its_page_limit_accuses_no_one_of_what_it_did_not_reach(site, db, tmp_path):
    """A crawl cut by ``max_pages`` saw part of the site: it is interrupted, and no report is called overdue."""
    _, server = site
    gxmon(db, "crawl", "--config", _limited_config(tmp_path, server.base_url, 30), "--no-mail")
    [run] = rows(db, CrawlRun)
    assert run.status == "interrupted" and "closespider_pagecount" in run.error and run.reports_found > 0
    assert rows(db, Alert, Alert.kind == "overdue") == [] and rows(db, Finding, Finding.rule == "report.overdue") == []


def test_a_page_limit_too_low_to_find_any_report_is_a_failure_that_says_so(site, db, tmp_path):
    _, server = site
    gxmon(db, "crawl", "--config", _limited_config(tmp_path, server.base_url, 3), "--no-mail", check=False)
    [run] = rows(db, CrawlRun)
    assert run.status == "failed" and "closespider_pagecount" in run.error and "limit" in run.error


def test_a_site_that_cannot_be_crawled_is_alerted_to_the_administrators_and_exits_non_zero(db, tmp_path):
    with MailSink(tmp_path / "mails") as sink:
        config = str(write_config(tmp_path / "sites.toml", f"http://127.0.0.1:{free_port()}", sink.port,
                                  admin_to="ops@example.org"))
        result = gxmon(db, "crawl", "--config", config, check=False, columns=80)
        [(recipients, raw)] = sink.messages
    assert result.returncode == 3, result.stdout + result.stderr
    [run] = rows(db, CrawlRun)
    assert run.status == "failed" and len(run.error) > 20
    assert f"sim失败：{''.join(run.error.split())}" in "".join(result.stdout.split())   # in full, at 80 columns
    assert recipients == ["ops@example.org"]              # not the site's report recipients (zwgk@…)
    assert "sites done" not in result.stderr              # no progress display when stderr is piped
    message = message_from_bytes(raw, policy=default)
    assert message["Subject"].startswith("【抓取失败】")


def test_a_site_being_crawled_elsewhere_is_skipped(db, tmp_path):
    config = str(write_config(tmp_path / "sites.toml", "http://127.0.0.1:9", 25))
    engine = make_engine(db)
    from monitor.archive.db import migrate

    migrate(engine)
    with Session(engine) as s:
        s.add(Site(id="sim"))
        s.commit()
        assert leases.claim(s, Site, "sim", "lock_holder", "lock_until", 600)
    result = gxmon(db, "crawl", "--config", config, "--no-mail")
    assert "sim：跳过，另一次抓取正在进行" in result.stdout
    assert not rows(db, CrawlRun)
    engine.dispose()


def _jobs(db: str) -> dict[str, float]:
    from sqlalchemy import inspect

    engine = make_engine(db)
    with engine.connect() as conn:
        found = {}
        if inspect(conn).has_table("apscheduler_jobs"):   # APScheduler creates it when it starts
            found = dict(conn.exec_driver_sql("SELECT id, next_run_time FROM apscheduler_jobs").all())
    engine.dispose()
    return found


def _wait(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _set_next_run(db: str, job_id: str, when) -> None:  # noqa: ANN001
    """Move a stored job's next run time in APScheduler's job store (as if the scheduler had been down)."""
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler

    store = SQLAlchemyJobStore(url=db)
    store.start(BackgroundScheduler(timezone="Asia/Shanghai"), "default")
    job = store.lookup_job(job_id)
    state = job.__getstate__()
    state["next_run_time"] = when
    job.__setstate__(state)
    store.update_job(job)
    store.shutdown()


def test_scheduler_stops_on_sigterm_and_runs_missed_crawls_once_after_restart(site, db, tmp_path):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    _, server = site
    with MailSink(tmp_path / "mails") as sink:
        config = str(write_config(tmp_path / "sites.toml", server.base_url, sink.port, column=ONE_COLUMN))
        env = {k: v for k, v in os.environ.items() if k != "GXMON_DB"}
        scheduler = subprocess.Popen([GXMON, "--db", db, "run", "--config", config], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        _wait(lambda: "crawl:sim" in _jobs(db), 60, "the crawl job to be stored")
        assert _jobs(db)["crawl:sim"] > time.time()
        scheduler.send_signal(signal.SIGTERM)
        assert scheduler.wait(60) == 0, scheduler.stdout.read()
        assert not rows(db, CrawlRun)                    # 06:00 had not come

        # Down for three days: three 06:00 runs missed.
        _set_next_run(db, "crawl:sim", datetime.now(ZoneInfo("Asia/Shanghai")) - timedelta(days=3))
        scheduler = subprocess.Popen([GXMON, "--db", db, "run", "--config", config], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            _wait(lambda: [r for r in rows(db, CrawlRun) if r.finished_at], 240, "the missed crawl")
            time.sleep(2)
        finally:
            scheduler.send_signal(signal.SIGTERM)
            output = scheduler.communicate(timeout=120)[0]
        assert scheduler.returncode == 0, output
    [run] = rows(db, CrawlRun)                           # missed runs coalesce into one
    assert (run.trigger, run.status) == ("schedule", "ok") and run.reports_found > 0
    assert _jobs(db)["crawl:sim"] > time.time()          # and the next one is in the future again


def test_sigterm_during_a_crawl_interrupts_it_cleanly(site, db, tmp_path):
    from datetime import datetime, timedelta

    from sqlmodel import func

    from monitor.archive.models import Fetch

    _, server = site
    config = str(write_config(tmp_path / "sites.toml", server.base_url, free_port(), delay=INTERRUPTED_DELAY))
    env = {k: v for k, v in os.environ.items() if k != "GXMON_DB"}
    scheduler = subprocess.Popen([GXMON, "--db", db, "run", "--config", config], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait(lambda: "crawl:sim" in _jobs(db), 60, "the crawl job to be stored")
    finally:
        scheduler.send_signal(signal.SIGTERM)
        scheduler.wait(60)
    _set_next_run(db, "crawl:sim", datetime.now().astimezone() - timedelta(hours=1))
    scheduler = subprocess.Popen([GXMON, "--db", db, "run", "--config", config], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    engine = make_engine(db)

    def fetched() -> int:
        with Session(engine) as s:
            return s.exec(select(func.count()).select_from(Fetch)).one()

    try:
        _wait(lambda: fetched() >= 5, 120, "the crawl to archive documents")
    finally:
        scheduler.send_signal(signal.SIGTERM)
        output = scheduler.communicate(timeout=120)[0]
    engine.dispose()
    assert scheduler.returncode == 0, output
    [run] = rows(db, CrawlRun)
    assert run.status == "interrupted" and run.finished_at is not None
    assert 5 <= run.documents < len(site[0].expected_reports())
    [sim] = rows(db, Site)
    assert sim.lock_holder is None                        # the next crawl may start
    assert not _crawls_of(db)                             # no crawl process left behind


def _crawls_of(db: str) -> list[int]:
    """Crawl child processes (``python -m crawler.run JOB``) whose job writes to ``db``."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            args = (entry / "cmdline").read_bytes().decode().split("\0")
            if "crawler.run" in args and db in Path(args[args.index("crawler.run") + 1]).read_text():
                found.append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _fetched(db: str) -> int:
    """Fetches archived so far (0 while the crawl has not made the archive yet)."""
    from sqlalchemy.exc import OperationalError
    from sqlmodel import func

    from monitor.archive.models import Fetch

    engine = make_engine(db)
    try:
        with Session(engine) as s:
            return s.exec(select(func.count()).select_from(Fetch)).one()
    except OperationalError:
        return 0
    finally:
        engine.dispose()


def _start_crawl(db: str, config: str, **popen) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "GXMON_DB"}
    return subprocess.Popen([GXMON, "--db", db, "crawl", "--config", config, "--no-mail"], env=env,
                            **({"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True} | popen))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signalled_crawl_stops_its_child_and_closes_its_run_as_interrupted(site, db, tmp_path, signum):
    _, server = site
    config = str(write_config(tmp_path / "sites.toml", server.base_url, free_port(), delay=INTERRUPTED_DELAY))
    crawl = _start_crawl(db, config)
    try:
        _wait(lambda: _fetched(db) >= 5, 120, "the crawl to archive documents")
        assert _crawls_of(db)                             # the crawl's child is at work
        crawl.send_signal(signum)
        stdout, stderr = crawl.communicate(timeout=120)
    finally:
        crawl.kill()
    assert crawl.returncode == 128 + signum, stdout + stderr
    assert "停止" in stderr
    [run] = rows(db, CrawlRun)
    assert (run.status, run.error) == ("interrupted", "stopped (shutdown)") and run.finished_at is not None
    assert 5 <= run.documents < len(site[0].expected_reports())
    assert not _crawls_of(db)                             # no crawl process left behind
    [sim] = rows(db, Site)
    assert sim.lock_holder is None


def test_a_crawl_killed_outright_stops_its_child_and_its_run_is_closed_by_the_next_crawl(site, db, tmp_path):
    _, server = site
    config = str(write_config(tmp_path / "sites.toml", server.base_url, free_port(), delay=INTERRUPTED_DELAY))
    crawl = _start_crawl(db, config, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(lambda: _fetched(db) >= 5, 120, "the crawl to archive documents")
        [child] = _crawls_of(db)
        args = Path(f"/proc/{child}/cmdline").read_bytes().decode().split("\0")
        job_folder = Path(args[args.index("crawler.run") + 1]).parent   # the killed gxmon cannot remove it
    finally:
        crawl.kill()
        crawl.wait()
    _wait(lambda: not _crawls_of(db), 60, "the orphaned crawl child to stop by itself")
    shutil.rmtree(job_folder)
    [run] = rows(db, CrawlRun)
    assert run.status == "running"                        # nobody was left to close it
    down = tmp_path / "down.toml"
    down.write_text(f'[[site]]\nid = "down"\nname = "Down"\nstart_urls = ["http://127.0.0.1:{free_port()}/"]\n'
                    "delay = 0\nretries = 0\n", encoding="utf-8")   # failed at once, not after polite retries
    assert gxmon(db, "crawl", "--config", str(down), "--no-mail", check=False).returncode == 3
    first = next(r for r in rows(db, CrawlRun) if r.site_id == "sim")
    assert first.status == "interrupted" and "ended without closing it" in first.error
    assert first.documents >= 5 and first.finished_at is not None


def _on_a_terminal(command: list[str]) -> tuple[int, str]:
    """Run ``command`` with stderr on a pseudo-terminal: its exit code and what the terminal showed."""
    import pty

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "GXMON_DB"} | {"COLUMNS": "100", "TERM": "xterm"}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:                                   # EIO: the process closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return process.wait(timeout=240), shown.decode("utf-8", errors="replace")


def test_progress_on_a_terminal(site, db, tmp_path):
    """Pages, reports and sites done on stderr while the crawl runs (piped, it is quiet: see the test above)."""
    _, server = site
    config = str(write_config(tmp_path / "sites.toml", server.base_url, free_port(), column=ONE_COLUMN))
    code, shown = _on_a_terminal([GXMON, "--db", db, "crawl", "--config", config, "--no-mail"])
    assert code == 0, shown
    assert "crawling: 0 pages · 0 reports · 0/1 sites done" in shown
