"""The crawler's validator store backed by the archive (setting ``GXMON_VALIDATORS``).

``get(url)`` gives the ETag and Last-Modified of the URL's last 200 answer to the crawl's site, so the
crawler can ask "changed since?" and the site can answer 304; ``known_urls(site_id)`` lists the URLs of the
site's reports that the archive still considers published, so the crawler revisits those missing from the
list pages (two such crawls withdraw a report, a 404/410 at once). A URL two sites fetched has a row per
site: a 304 must come back to the site whose row it can be recorded on.
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from sqlmodel import Session, col, select

from monitor.archive.db import database_url, open_engine
from monitor.archive.models import ACTIVE, Report, ReportUrl


class ArchiveValidatorStore:
    def __init__(self, engine, site_id: str | None) -> None:  # noqa: ANN001 (Engine)
        self.engine = engine
        self.site_id = site_id

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveValidatorStore:
        site_id = getattr(crawler.spider, "site_id", None)    # one crawler per site (crawler.run)
        return cls(open_engine(database_url(crawler.settings.get("GXMON_DB"))), site_id)

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        if self.site_id is None:    # without a site a 304 could not be filed: fetch in full
            return None
        with Session(self.engine) as s:
            # A URL that answered 404/410 is asked again unconditionally: if it is back, it is read in full.
            row = s.exec(select(ReportUrl.etag, ReportUrl.last_modified).where(
                ReportUrl.site_id == self.site_id, ReportUrl.url == url, col(ReportUrl.gone_at).is_(None))).first()
        if row is None or (row[0] is None and row[1] is None):
            return None
        return row[0], row[1]

    def known_urls(self, site_id: str) -> list[str]:
        with Session(self.engine) as s:
            return list(s.exec(select(ReportUrl.url).join(Report, Report.id == ReportUrl.report_id).where(
                ReportUrl.site_id == site_id, Report.status == ACTIVE, col(ReportUrl.gone_at).is_(None))
                .order_by(col(ReportUrl.id))))
