"""The mechanics every site family shares: routes per host, ground truth, revisions and withdrawals, HTTP
resources. No markup lives here: each family builds its own pages (``trs.py``, ``hanweb.py``, ``query.py``).

A family subclass sets ``name`` and ``hosts`` (its portal first), builds its city in ``_build`` (placing the
``publishing`` records on its own URLs) and registers a handler per (host, path) with ``_route``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import parse_qs, quote, urlsplit

from simsite.documents import attachment_bytes, doc_fixture_report
from simsite.families.publishing import Doc, Habits, Publisher, publish
from simsite.figures import Agency, report_series, revise
from simsite.picture_pages import PicturePages
from simsite.pictures import is_pictured, table_pictures
from simsite.render import render_report_body
from simsite.republish import Republishing
from simsite.resource import MIME, PORTAL, Clock, ExpectedReport, Resource

Query = dict[str, list[str]]
Handler = Callable[[Query], Resource]
DOC_FIXTURE_SEED = "fixture"  # the series of the agency whose report is the committed DOC


class FamilySite(Republishing, PicturePages):
    """A deterministic simulated city site of one CMS family; see the module docstring."""

    name: str = ""
    hosts: tuple[str, ...] = (PORTAL,)
    index_document = "index.html"   # what a path ending in "/" serves
    default_size = 400

    def __init__(self, seed: int | str = 0, size: int | None = None):
        self.seed = seed
        self.size = self.default_size if size is None else size
        self.rng = random.Random(f"{self.name}/{seed}")
        self.clock = Clock()
        self.urls = {host: f"http://{host}.unbound.invalid" for host in self.hosts}  # until a server binds it
        self._routes: dict[tuple[str, str], tuple[Handler, Callable[[], int]]] = {}
        self._docs: dict[str, Doc] = {}
        self._doc_agency: Agency | None = None
        self._series = lru_cache(maxsize=None)(self._make_series)
        self.publishers: list[Publisher] = self._build()

    # -- the family's part -------------------------------------------------------------------------

    def _build(self) -> list[Publisher]:
        raise NotImplementedError

    # -- ground truth and switches -----------------------------------------------------------------

    def expected_reports(self) -> list[ExpectedReport]:
        out = []
        for doc in self.entries("report"):
            if doc.withdrawn:
                continue
            report = self.report(doc)
            # A file behind a report page is requested by its own URL; anything else by the list's link.
            requested = doc.file if doc.file and doc.page else doc.href
            out.append(ExpectedReport(doc.id, report["agency"], report["year"], report["template"], doc.fmt,
                                      self.url(doc.host, requested), self.url(doc.host, doc.document),
                                      doc.published.date().isoformat(), report, pictured=self._pictured(doc)))
        return sorted(out, key=lambda e: e.id)

    def entries(self, kind: str | None = None) -> list[Doc]:
        return [d for d in self._docs.values() if kind is None or d.kind == kind]

    def report(self, doc: Doc) -> dict:
        """The report dict behind a report, as currently published."""
        if doc.fmt == "doc":
            return doc_fixture_report(self.name)
        report = {**self._series(doc.agency)[doc.year], "title": doc.title}
        for n in range(1, doc.revision + 1):
            report = revise(report, n)
        return report

    def prerender(self) -> None:
        """Build every attachment and table picture now, so a timed crawl measures the crawler and not
        reportlab or PIL."""
        for doc in self.entries("report"):
            if doc.file and not doc.withdrawn:
                attachment_bytes(doc.fmt, self.report(doc))
            elif self._pictured(doc) and not doc.withdrawn:
                table_pictures(self.report(doc))

    def page_count(self) -> int:
        """Distinct URLs that answer 200 (list pages counted one by one, endless calendars not at all)."""
        return sum(pages() for _, pages in self._routes.values())

    def _report_entry(self, report_id: str) -> Doc:
        doc = self._docs.get(report_id)
        if doc is None or doc.kind != "report":
            raise KeyError(f"no report {report_id!r} on this {self.name} site (ids look like 'jyj-2021')")
        return doc

    # -- where the site is -------------------------------------------------------------------------

    def bind(self, urls: Mapping[str, str]) -> None:
        """Learn where the server put each host (``{host key: base URL}``)."""
        self.urls = {host: urls[host] for host in self.hosts}

    @property
    def base_url(self) -> str:
        return self.urls[self.hosts[0]]

    def url(self, host: str, path: str) -> str:
        return self.urls[host] + path

    def link(self, on_host: str, host: str, path: str) -> str:
        """A link from a page on ``on_host``: root-relative on the same host, absolute to another."""
        return path if on_host == host else self.url(host, path)

    # -- answering requests ------------------------------------------------------------------------

    def get(self, target: str, host: str = PORTAL) -> Resource:
        """The resource for a request target (path and query) on one of the site's hosts."""
        parts = urlsplit(target)
        path = parts.path + (self.index_document if parts.path.endswith("/") else "")
        route = self._routes.get((host, path))
        if route is None:
            if (host, f"{path}/{self.index_document}") in self._routes:  # a folder asked without its slash
                return Resource(301, location=f"{path}/")
            return self._picture(host, path) or self._not_found()
        return route[0](parse_qs(parts.query))

    def _route(self, host: str, path: str, handler: Handler, pages: int | Callable[[], int] = 1) -> None:
        """Answer ``path`` on ``host``; ``pages`` is how many distinct 200 pages it serves (list pages)."""
        self._routes[(host, path)] = (handler, pages if callable(pages) else (lambda: pages))

    def _publish(self, publisher: Publisher, habits: Habits) -> list[Doc]:
        """Everything ``publisher``'s column lists (``publishing.publish``), registered with the site."""
        docs = publish(self.rng, publisher, habits, (self._doc_agency, doc_fixture_report(self.name)["title"]))
        for doc in docs:
            publisher.docs.append(doc)
            self._docs[doc.id] = doc
        return docs

    def _make_series(self, agency: Agency) -> dict[int, dict]:
        return report_series(agency, DOC_FIXTURE_SEED if agency == self._doc_agency else self.seed)

    def _doc_fixture_for(self, agency: Agency) -> None:
        """This agency's reports follow the series of the family's committed DOC (one of them is it)."""
        self._doc_agency = agency

    # -- report pages whose tables are pictures (simsite.picture_pages) ------------------------------

    def _pictured(self, doc: Doc) -> bool:
        return (doc.kind == "report" and doc.fmt == "html" and doc.page is not None
                and is_pictured(f"{self.name}/{self.seed}", doc.id))

    def _picture_location(self, doc: Doc, name: str) -> tuple[str, str]:
        """Uploads beside the page, on its host; a family may keep them elsewhere."""
        return doc.host, f"/uploads/{doc.published:%Y/%m}/{name}.png"

    def _report_content(self, doc: Doc) -> str:
        """The body of a report's own page: the report, its tables printed as tables or as pictures."""
        if self._pictured(doc):
            return self._pictured_content(doc)
        return render_report_body(self.report(doc), with_title=False)

    # -- resources ---------------------------------------------------------------------------------

    def _html(self, text: str, encoding: str = "utf-8", header_charset: bool = True,
              modified: datetime | None = None) -> Resource:
        """A page in ``encoding``; ``header_charset=False`` leaves the charset out of Content-Type."""
        content_type = f"text/html; charset={encoding}" if header_charset else "text/html"
        return Resource(200, text.encode(encoding), content_type,
                        last_modified=modified or self.clock.changed_at)

    def _doc_modified(self, doc: Doc) -> datetime:
        return doc.modified or doc.published.astimezone(UTC)

    def _file(self, doc: Doc, download_name: str | None = None) -> Resource:
        """The report's attachment; ``download_name`` serves it as a download (octet-stream, filename)."""
        if doc.withdrawn:
            return self._not_found()
        body = attachment_bytes(doc.fmt, self.report(doc))
        if download_name is None:
            return Resource(200, body, MIME[doc.fmt], last_modified=self._doc_modified(doc))
        return Resource(200, body, "application/octet-stream", last_modified=self._doc_modified(doc),
                        disposition=f"attachment; filename*=UTF-8''{quote(download_name)}")

    def _not_found(self) -> Resource:
        return Resource(404, b"<html><body><h1>404 Not Found</h1></body></html>")

    @staticmethod
    def _redirect(location: str, status: int = 302) -> Resource:
        return Resource(status, location=location)
