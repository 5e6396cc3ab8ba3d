"""A small real archive for the web tests, on SQLite and on PostgreSQL, and the app over it.

Built through ``monitor.archive.record.Archive.record`` from the seed reports rendered as pages (parsed by gxparse
for real), in three crawls: a report revised twice (figures and prose), a next-year report that fails the
year-over-year carry check, a report with a failing cell, one whose title carries a script, an
unreadable PDF attachment that is then withdrawn (HTTP 404), and a watched agency's overdue report.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from crawler.coverage import ROBOTS_REFUSED
from monitor.archive.record import Archive
from monitor.config import parse_config
from monitor.archive.db import make_engine, migrate
from monitor.archive.documents import FetchedDocument
from monitor.archive.models import Agency, Report, Version
from monitor.archive.store import BlobStore
from monitor.web import create_app
from tests.monitor.conftest import (  # noqa: F401 (postgres_server: a fixture, used by name)
    changed,
    document,
    new_postgres_database,
    page,
    postgres_server,
    seed_report,
)

XSS_TITLE = '<script>alert("xss")</script>潢川县人民政府2021年政府信息公开工作年度报告'
OVERDUE_AGENCY = "开封市审计局"          # watched, never publishes: report.overdue for TODAY's last year
TODAY = date(2025, 6, 1)
CRAWL_TIMES = ("2024-03-05T06:00:00Z", "2024-04-05T06:00:00Z", "2024-05-05T06:00:00Z")
EXTRA_SENTENCE = "下一步，我们将进一步规范依申请公开答复文书。"


@dataclass
class WebArchive:
    url: str
    store: Path
    kaifeng_2021: int          # report revised twice
    kaifeng_2022: int          # yoy.carry against 2021
    xinfang: int               # a failing cell (s3.row_sum)
    xss: int                   # a title with a script in it
    pdf: int                   # unreadable, then withdrawn
    overdue: int               # a watched agency's missing 2024 report
    versions: list[int]        # the three versions of kaifeng_2021, oldest first
    kaifeng_agency: int


def _config():
    return parse_config({"site": [{"id": "kf", "name": "开封市人民政府网站", "start_urls": ["http://www.kaifeng.gov.cn/"]}],
                         "web": {"base_url": "http://gxmon.test"},
                         "watch": [{"site": "kf", "agency": OVERDUE_AGENCY}]})


# What the second crawl covered (crawler.coverage.Coverage.to_dict()).
COVERAGE = {
    "subsites": [{"name": "开封市人民政府", "url": "http://kf.test/", "found_via": "start",
                  "columns": ["http://kf.test/nb/"], "reports": 2},
                 {"name": "开封市信访局", "url": "http://kf.test/bm/xf/", "found_via": "部门信息公开", "columns": [],
                  "reports": 0},
                 {"name": "开封市教育局", "url": "http://jyj.kf.test/", "found_via": "部门信息公开", "columns": [],
                  "reports": 1, "notices": ["http://jyj.kf.test/tzgg/"]},
                 {"name": "开封市卫生健康委员会", "url": "http://wjw.kf.test/", "found_via": "部门信息公开", "columns": [],
                  "reports": 0, "refused": ROBOTS_REFUSED}],
    "reports": [{"agency": "开封市人民政府", "years": {"2021": 1, "2022": 1}}],
    "traps": [{"pattern": "kf.test/rl/?date=#-#-#", "reason": "61 pages in a row in one URL pattern",
               "url": "http://kf.test/rl/?date=2024-03-05"}],
}


def build_archive(url: str, store: Path) -> WebArchive:
    engine = make_engine(url)
    migrate(engine)
    archive = Archive(engine, BlobStore(store), _config())
    kaifeng = seed_report("kaifeng_2021")
    next_year = copy.deepcopy(kaifeng)
    next_year["title"] = "开封市人民政府2022年政府信息公开工作年度报告"
    xinfang = changed(seed_report("zhoukou_xinfang_2021"), s3__new_received__natural_person=900)
    xss = seed_report("huangchuan_2021")
    xss["title"] = XSS_TITLE
    revised = changed(kaifeng, s3__new_received__natural_person=509)
    revised["text"] = {**revised["text"], "s5": revised["text"]["s5"] + "\n" + EXTRA_SENTENCE}
    again = changed(revised, s4__review__upheld=6, s4__review__total=26)

    def pdf(body: bytes, status: int = 200) -> FetchedDocument:
        return FetchedDocument(site_id="kf", url="http://kf.test/nb/zk2021.pdf", status=status, body=body,
                               content_type="application/pdf", agency="周口市人民政府", year=2021,
                               listing_url="http://kf.test/nb/")

    def crawl(when: str, *docs: FetchedDocument, coverage: str | None = None) -> None:
        run = archive.start_run("kf", site_name="开封市人民政府网站")
        for doc in docs:
            doc.fetched_at = when
            archive.record(doc, run)
        archive.finish_run(run, today=TODAY, coverage=coverage)

    crawl(CRAWL_TIMES[0], document(page(kaifeng)), document(page(next_year), url="http://kf.test/nb/2022.html"),
          document(page(xinfang), url="http://kf.test/bm/xf/2021.html"),
          document(page(xss), url="http://kf.test/qx/hc/2021.html"),
          pdf(b"%PDF-1.4\n% truncated in transit"))
    crawl(CRAWL_TIMES[1], document(page(revised)), document(page(next_year), url="http://kf.test/nb/2022.html"),
          pdf(b"", status=404), coverage=json.dumps(COVERAGE, ensure_ascii=False))
    crawl(CRAWL_TIMES[2], document(page(again)))
    with Session(engine) as s:
        def report(agency: str, year: int) -> int:
            return s.exec(select(Report.id).join(Agency, Agency.id == Report.agency_id)
                          .where(Agency.name == agency, Report.year == year)).one()

        ids = WebArchive(
            url, store, report("开封市人民政府", 2021), report("开封市人民政府", 2022), report("周口市信访局", 2021),
            s.exec(select(Report.id).where(Report.title == XSS_TITLE)).one(), report("周口市人民政府", 2021),
            report(OVERDUE_AGENCY, 2024), [],
            s.exec(select(Agency.id).where(Agency.name == "开封市人民政府")).one())
        ids.versions = list(s.exec(select(Version.id).where(Version.report_id == ids.kaifeng_2021)
                                   .order_by(Version.seq)))
    engine.dispose()
    return ids


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def web_archive(request, tmp_path_factory) -> WebArchive:
    folder = tmp_path_factory.mktemp("web")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'archive.db'}"
    else:
        url = new_postgres_database(request.getfixturevalue("postgres_server"))
    return build_archive(url, folder / "store")


@pytest.fixture(scope="module")
def client(web_archive) -> TestClient:
    app = create_app(web_archive.url, web_archive.store)
    with TestClient(app) as test_client:
        yield test_client
    app.state.engine.dispose()
