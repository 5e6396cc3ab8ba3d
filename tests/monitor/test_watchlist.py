"""The watch list without editing TOML: gxmon sites add/list/pause/resume, kept in the archive, used by
gxmon crawl (a real crawl of the simulated site), gxmon run's jobs and the outbox."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from click.testing import CliRunner

from monitor.alerts.channels import channel_key
from monitor.archive.db import make_engine, migrate
from monitor.cli import main
from monitor.config import load_config
from monitor.crawling.scheduler import CRAWL_PREFIX, sync_jobs
from monitor.watchlist import merged_config
from simsite import SimServer, SimSite

GXMON = str(Path(sys.executable).with_name("gxmon"))
ONE_COLUMN = "/bm/tjj/xxgk/ndbg/"     # one department's report column of the simulated site


@pytest.fixture
def config_file(tmp_path) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(textwrap.dedent("""
        [[site]]
        id = "zhoukou"
        name = "周口市人民政府"
        start_urls = ["https://www.zhoukou.gov.cn/"]
        schedule = "0 6 * * *"
        alert_to = ["zwgk@zhoukou.example.org"]
    """), encoding="utf-8")
    return path


def sites(db: str, config: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, ["sites", *args, "--db", db, "--config", str(config)])
    assert result.exit_code == code, result.output
    return result.output


def listed(db: str, config: Path) -> dict[str, dict]:
    return {row["id"]: row for row in json.loads(sites(db, config, "list", "--format", "json"))}


def test_add_list_pause_resume_beside_the_config(sqlite_url, config_file):
    out = sites(sqlite_url, config_file, "add", "https://www.kaifeng.gov.cn/", "--name", "开封市人民政府",
                "--alert-to", "zwgk@kaifeng.example.org", "--notify", "wecombot://kfbotkey", "--id", "kaifeng",
                "--schedule", "30 6 * * 1-5", "--set", "delay=2", "--set", "max_pages=300")
    assert "已添加 kaifeng（开封市人民政府）" in out
    rows = listed(sqlite_url, config_file)
    assert [(r["id"], r["source"], r["paused"]) for r in rows.values()] == [
        ("zhoukou", "配置文件", False), ("kaifeng", "命令行添加", False)]
    assert rows["kaifeng"]["notify"] == ["wecombot://k...y/"]          # the bot's key masked
    assert rows["kaifeng"]["schedule"] == "30 6 * * 1-5"
    config = merged_config(load_config(config_file), make_engine(sqlite_url))
    kaifeng = config.site("kaifeng")
    assert (kaifeng.delay, kaifeng.max_pages, kaifeng.start_urls) == (2.0, 300, ("https://www.kaifeng.gov.cn/",))
    assert config.recipients("kaifeng", None) == ["zwgk@kaifeng.example.org", channel_key("wecombot://kfbotkey")]

    assert "kaifeng（开封市人民政府）已暂停" in sites(sqlite_url, config_file, "pause", "开封市人民政府")
    assert "本来就已暂停" in sites(sqlite_url, config_file, "pause", "https://www.kaifeng.gov.cn")
    assert "zhoukou（周口市人民政府）已暂停" in sites(sqlite_url, config_file, "pause", "zhoukou")   # a config site too
    assert {i for i, r in listed(sqlite_url, config_file).items() if r["paused"]} == {"zhoukou", "kaifeng"}
    table = sites(sqlite_url, config_file, "list")
    assert "监测列表：2个网站" in table and "已暂停" in table
    assert "已恢复监测" in sites(sqlite_url, config_file, "resume", "zhoukou")
    assert "本来就在监测中" in sites(sqlite_url, config_file, "resume", "zhoukou")
    assert not listed(sqlite_url, config_file)["zhoukou"]["paused"]


@pytest.mark.parametrize(("args", "message"), [
    (("https://www.zhoukou.gov.cn/", "--name", "周口", "--alert-to", "a@example.org"), "已在监测列表中：zhoukou"),
    (("https://x.gov.cn/", "--name", "X", "--alert-to", "a@example.org", "--id", "zhoukou"),
     "网站编号 'zhoukou' 已在监测列表中"),
    (("https://x.gov.cn/", "--name", "X"), "请至少给出一个 --alert-to 邮箱或 --notify 通知地址"),
    (("ftp://x.gov.cn/", "--name", "X", "--alert-to", "a@example.org"), "不是 http(s) 网址"),
    (("https://x.gov.cn/", "--name", "X", "--alert-to", "a@example.org", "--set", "dela=2"),
     "unknown key 'dela'; did you mean 'delay'?"),
    (("https://x.gov.cn/", "--name", "X", "--notify", "nosuch://x"), "Apprise 无法识别通知地址"),
    (("https://x.gov.cn/", "--name", "X", "--alert-to", "a@example.org", "--schedule", "daily"), "not cron syntax"),
])
def test_what_cannot_be_watched_is_refused(sqlite_url, config_file, args, message):
    assert message in sites(sqlite_url, config_file, "add", *args, code=1)
    assert set(listed(sqlite_url, config_file)) == {"zhoukou"}


def test_sites_list_refuses_a_missing_archive_and_creates_none(tmp_path, config_file):
    missing = tmp_path / "none.db"
    assert "没有这个存档文件" in sites(str(missing), config_file, "list", code=1)
    assert not missing.exists()


def test_the_scheduler_follows_the_watch_list(sqlite_url, config_file, tmp_path):
    engine = make_engine(sqlite_url)
    migrate(engine)
    sites(sqlite_url, config_file, "add", "https://www.kaifeng.gov.cn/", "--name", "开封市人民政府",
          "--alert-to", "a@example.org", "--id", "kaifeng", "--schedule", "30 6 * * *")
    scheduler = BackgroundScheduler()

    def jobs() -> set[str]:
        sync_jobs(scheduler, merged_config(load_config(config_file), engine), sqlite_url, tmp_path / "store")
        return {j.id.removeprefix(CRAWL_PREFIX) for j in scheduler.get_jobs() if j.id.startswith(CRAWL_PREFIX)}

    assert jobs() == {"zhoukou", "kaifeng"}
    sites(sqlite_url, config_file, "pause", "kaifeng")
    assert jobs() == {"zhoukou"}
    sites(sqlite_url, config_file, "resume", "kaifeng")
    sites(sqlite_url, config_file, "pause", "zhoukou")
    assert jobs() == {"kaifeng"}
    engine.dispose()


def gxmon(db: str, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GXMON_DB"}
    return subprocess.run([GXMON, "--db", db, *args], capture_output=True, text=True, timeout=300, cwd=cwd, env=env)


def test_gxmon_crawl_crawls_the_added_site_and_skips_it_paused(tmp_path):
    """No config file at all: the watch list in the archive is what gxmon crawl crawls."""
    db = f"sqlite:///{tmp_path / 'gxmon.db'}"
    with SimServer(SimSite(seed="gxmon-tests", size=0)).start() as server:
        url = f"{server.base_url}{ONE_COLUMN}"
        added = gxmon(db, tmp_path, "sites", "add", url, "--name", "模拟市统计局", "--id", "tjj",
                      "--alert-to", "tjj@example.org", "--set", "depth=0", "--set", "delay=0",
                      "--set", "concurrency=8")
        assert added.returncode == 0, added.stderr
        crawled = gxmon(db, tmp_path, "crawl", "--no-mail")
        assert crawled.returncode == 0, crawled.stdout + crawled.stderr
        reports = json.loads(gxmon(db, tmp_path, "reports", "--site", "tjj", "--format", "json").stdout)
        assert len(reports) == 6 and {r["agency"] for r in reports} == {"临江市统计局"}
        assert gxmon(db, tmp_path, "sites", "pause", "tjj").returncode == 0
        named = gxmon(db, tmp_path, "crawl", "--site", "tjj")
        assert named.returncode == 1 and "网站 tjj 已暂停（gxmon sites resume tjj 恢复监测）" in named.stderr
        unnamed = gxmon(db, tmp_path, "crawl")
        assert unnamed.returncode == 1 and "nothing to crawl" in unnamed.stderr
