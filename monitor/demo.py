"""``gxmon demo``: the whole job on this machine alone, in about a minute.

A simulated municipal government site (``simsite``) and a mail sink (aiosmtpd, writing ``.eml`` files)
start on 127.0.0.1. The site is crawled into a fresh archive: two of its reports are printed with tables
that do not add up (``simsite.misprints``), and the first digest mail names them. Then one report is revised
and another withdrawn on the site; the second crawl finds both. A short tour of what was found follows, with
the commands to look further. Everything stays in the demo folder.
"""

from __future__ import annotations

import shlex
import shutil
import sys
import time
from pathlib import Path

from rich.rule import Rule

from monitor.archive import queries
from monitor.config import load_config
from monitor.crawling.job import crawl_now, print_summary
from monitor.archive.db import open_engine, session
from monitor.labels import CHANGE_NAMES, cell_label
from monitor.alerts.mailsink import MailSink
from monitor.output import console, print_table, say
from monitor.archive.store import BlobStore
from monitor.timeutil import local_time, utcnow

SITE_SEED = "gxmon-demo"
SITE_SIZE = 120          # pages: three counties' worth of agencies, enough to show the variety, quick to crawl
RECIPIENT = "zwgk@demo.gxmon.test"


def _config_text(base_url: str, smtp_port: int, site_name: str, agency: str) -> str:
    return f"""# Written by `gxmon demo`: the simulated site, the mail sink, and who hears about what.
[mail]
host = "127.0.0.1"
port = {smtp_port}
sender = "gxmon@demo.gxmon.test"
retry_base_seconds = 1

[web]
base_url = "http://127.0.0.1:8000"     # `gxmon serve`

[[site]]
id = "demo"
name = "{site_name}"
start_urls = ["{base_url}/"]
schedule = "0 6 * * *"
delay = 0
concurrency = 8
alert_to = ["{RECIPIENT}"]

[[watch]]                               # must publish every year: report.overdue when it has not
site = "demo"
agency = "{agency}"
"""


def _fresh(folder: Path) -> None:
    for name in ("gxmon.db", "gxmon.db-wal", "gxmon.db-shm", "sites.toml"):
        (folder / name).unlink(missing_ok=True)
    for name in ("gxmon-store", "mails"):
        shutil.rmtree(folder / name, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)


def _pick(site) -> tuple:  # noqa: ANN001 (SimSite)
    """An HTML report to revise and another agency's report to withdraw (the clearest to read in a diff)."""
    reports = [r for r in site.expected_reports() if r.format == "html"]
    revised = next(r for r in reports if r.year == 2024)
    withdrawn = next(r for r in reports if r.agency != revised.agency and r.year == 2023)
    return revised, withdrawn


def run_demo(folder: Path) -> None:
    from simsite import SimServer, SimSite

    started = time.monotonic()
    folder = folder.resolve()
    _fresh(folder)
    console().print(Rule("gxmon demo"))
    site = SimSite(seed=SITE_SEED, size=SITE_SIZE)
    with SimServer(site).start() as server, MailSink(folder / "mails") as sink:
        # The city government is watched: the site has no report of it for last year (report.overdue).
        city = next(r.agency for r in site.expected_reports() if r.agency.endswith("市人民政府"))
        config_path = folder / "sites.toml"
        config_path.write_text(_config_text(server.base_url, sink.port, f"{city}门户网站", city), encoding="utf-8")
        config = load_config(config_path)
        engine = open_engine(f"sqlite:///{folder / 'gxmon.db'}")
        store = BlobStore(folder / "gxmon-store")
        say(f"simulated site  {server.base_url}/  ·  mail sink  127.0.0.1:{sink.port}  ·  "
            f"archive  {folder / 'gxmon.db'}")

        console().print(Rule("1. first crawl"))
        print_summary(crawl_now(engine, store, config, trigger="demo"))

        revised, withdrawn = _pick(site)
        site.revise(revised.id)
        site.withdraw(withdrawn.id)
        console().print(Rule("2. on the site: one report revised, one withdrawn"))
        say(f"revised:   {revised.agency} {revised.year}  {revised.url}\n"
            f"withdrawn: {withdrawn.agency} {withdrawn.year}  {withdrawn.url}")

        console().print(Rule("3. second crawl"))
        print_summary(crawl_now(engine, store, config, trigger="demo"))
        _tour(engine, store, folder, revised.url, withdrawn.url, sink)
        engine.dispose()
    console().print(Rule())
    say(f"done in {time.monotonic() - started:.0f} s.")


def _from_here(path: Path) -> str:
    """A path as typed from the current folder (relative inside it), quoted for a shell."""
    try:
        return shlex.quote(str(path.relative_to(Path.cwd())))
    except ValueError:
        return shlex.quote(str(path))


def gxmon_command() -> str:
    """How to run this gxmon from the current folder: ``gxmon`` when it is the one on PATH, else the path of
    the console script beside this Python (``.venv/bin/gxmon`` from the project folder)."""
    script = Path(sys.executable).with_name("gxmon")
    found = shutil.which("gxmon")
    if found and Path(found).resolve() == script.resolve():
        return "gxmon"
    return _from_here(script)


def _tour(engine, store: BlobStore, folder: Path, revised_url: str, withdrawn_url: str,  # noqa: ANN001
          sink: MailSink) -> None:
    gxmon = f"{gxmon_command()} --db {_from_here(folder / 'gxmon.db')}"
    with session(engine) as s:
        history = queries.report_history(s, revised_url)
        gone = queries.find_report(s, withdrawn_url)
        warnings = queries.list_findings(s, severity="warning")
        errors = queries.list_findings(s, severity="error")
        reports = queries.list_reports(s)
        diff = None
        if len(history.versions) >= 2:
            diff = queries.version_diff(s, store, history.versions[-2].version, history.versions[-1].version)

    console().print(Rule("4. what the archive knows"))
    say(f"{len(reports)} reports archived; findings on current versions: {len(errors)} errors, "
        f"{len(warnings)} warnings.")
    rules: dict[str, int] = {}
    for f in errors + warnings:
        rules[f.rule] = rules.get(f.rule, 0) + 1
    if rules:
        print_table("findings by rule", ["rule", "count"], sorted(rules.items(), key=lambda kv: -kv[1]))
    if errors:
        print_table("reports whose figures do not add up (gxmon findings --severity error)",
                    ["report", "agency", "year", "rule", "message"],
                    [(f.report_id, f.agency, f.year, f.rule, f.message) for f in errors])

    r = history.report
    say("")
    say(("revised", "bold"), f": #{r.id} {r.agency} {r.year} — {len(history.versions)} versions")
    for version in history.versions:
        for change in version.changes:
            say(f"  v{version.seq} {CHANGE_NAMES.get(change.kind, change.kind)}: {change.summary}")
    if diff is not None:
        print_table(f"gxmon diff {diff.a.id} {diff.b.id}", ["cell", "label", "old", "new"],
                    [(c.cell, cell_label(c.cell), c.old, c.new) for c in diff.diff.figures])
    say("")
    say(("withdrawn", "bold"), f": #{gone.id} {gone.agency} {gone.year} — status {gone.status}")

    mails = sorted((folder / "mails").glob("*.eml"))
    console().print(Rule("5. the alert mails"))
    from email import message_from_bytes
    from email.policy import default

    for path in mails:
        message = message_from_bytes(path.read_bytes(), policy=default)
        say(f"{path.relative_to(folder.parent)}  To: {message['To']}  Subject: {message['Subject']}")
    # Every digest in full: the first names the reports that do not add up, the second the revision.
    for path in mails:
        body = message_from_bytes(path.read_bytes(), policy=default).get_body(("plain",)).get_content()
        console().print(Rule(f"{path.name} (text part)", style="dim"))
        say(body.strip())

    console().print(Rule("6. look further"))
    stamp = local_time(utcnow())
    say(f"Everything is in {folder} ({stamp}):\n"
        f"  archive  {folder / 'gxmon.db'}  (raw documents in {folder / 'gxmon-store'})\n"
        f"  mails    {folder / 'mails'}/*.eml\n"
        f"  config   {folder / 'sites.toml'}\n")
    # One command a line, never wrapped by us: they are to be copied and run.
    say(f"  {gxmon} reports --agency {shlex.quote(r.agency[:3])}\n"
        f"  {gxmon} history {r.id}\n"
        + (f"  {gxmon} diff {diff.a.id} {diff.b.id}\n" if diff else "")
        + f"  {gxmon} findings --severity error\n"
        + (f"  {gxmon} serve   → http://127.0.0.1:8000/reports/{errors[0].report_id}\n" if errors else "")
        + f"  {gxmon} export --format csv --out reports.csv", soft_wrap=True)
