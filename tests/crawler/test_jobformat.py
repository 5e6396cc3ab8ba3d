"""A JOBDIR left by a crawler of another job format is started afresh; one of this format is resumed."""

from __future__ import annotations

import pickle

from scrapy.crawler import Crawler
from scrapy.settings import Settings

from crawler.jobformat import JOB_FORMAT, MARK, open_job
from crawler.spiders.reports import ReportsSpider


def _interrupted(folder, mark: str | None) -> None:
    (folder / "requests.queue").mkdir(parents=True)
    (folder / "requests.queue" / "p0").write_bytes(b"queued")
    (folder / "requests.seen").write_text("fingerprint\n")
    # a state naming a module the crawler no longer has, as one pickled before crawler/ was regrouped
    (folder / "spider.state").write_bytes(pickle.dumps({"frontier": 1}).replace(b"builtins", b"crawler.gonemodule"))
    (folder / "validators.json").write_text("{}")
    if mark is not None:
        (folder / MARK).write_text(mark)


def test_a_job_left_before_the_mark_is_started_afresh_keeping_its_validators(tmp_path):
    _interrupted(tmp_path, None)
    assert open_job(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [MARK, "validators.json"]
    assert (tmp_path / MARK).read_text() == str(JOB_FORMAT)


def test_a_job_of_another_format_is_started_afresh(tmp_path):
    _interrupted(tmp_path, str(JOB_FORMAT - 1))
    assert open_job(tmp_path)
    assert not (tmp_path / "spider.state").exists() and not (tmp_path / "requests.queue").exists()


def test_a_job_of_this_format_is_resumed_as_it_was(tmp_path):
    _interrupted(tmp_path, str(JOB_FORMAT))
    assert not open_job(tmp_path)
    assert (tmp_path / "requests.queue" / "p0").read_bytes() == b"queued"
    assert (tmp_path / "requests.seen").exists() and (tmp_path / "spider.state").exists()


def test_a_new_job_folder_is_made_and_marked(tmp_path):
    folder = tmp_path / "site"
    assert not open_job(folder)
    assert (folder / MARK).read_text() == str(JOB_FORMAT)


def test_the_spider_opens_its_job_folder_before_scrapy_loads_it(tmp_path):
    _interrupted(tmp_path, None)
    crawler = Crawler(ReportsSpider, Settings({"JOBDIR": str(tmp_path)}))
    ReportsSpider.from_crawler(crawler, start_url="http://www.example.gov.cn/")
    assert not (tmp_path / "spider.state").exists() and (tmp_path / MARK).exists()
