"""A bundled page's pictures are checked when the page answers 304: the store of what each page was archived
with (``crawler.documents.picture_state``) and the middleware that checks (``PictureRecheckMiddleware``), on their
own."""

from __future__ import annotations

import pickle
from dataclasses import asdict

import pytest
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.request import request_from_dict

from crawler.documents.picture_state import KnownPicture, PictureStore
from crawler.items import ReportDocument
from crawler.middlewares import ConditionalGetMiddleware, PictureRecheckMiddleware
from crawler.siteconfig import Site
from crawler.spiders.reports import ReportsSpider

PAGE = "http://www.zhoukou.gov.cn/zwgk/ndbg/202501/t20250124_1.html"
PNG = [b"\x89PNG one", b"\x89PNG two"]
PICTURES = [KnownPicture.fetched(f"http://www.zhoukou.gov.cn/uploads/{n}.png", f'"{n}"', None, body)
            for n, body in enumerate(PNG)]


def _item(url: str = PAGE, status: int = 200, pictures: list[KnownPicture] = PICTURES) -> ReportDocument:
    return ReportDocument("zhoukou", url, url, status, {}, b"", pictures=[asdict(p) for p in pictures])


# -- the store -------------------------------------------------------------------------------------------

def test_a_bundled_page_is_remembered_with_its_pictures(tmp_path):
    store = PictureStore(tmp_path / "p.jsonl")
    store.item_scraped(_item())
    assert store.pictures(PAGE) == PICTURES


def test_what_was_archived_survives_a_crash_before_the_crawl_closes(tmp_path):
    PictureStore(tmp_path / "p.jsonl").item_scraped(_item())   # never compacted: the crawl died
    assert PictureStore(tmp_path / "p.jsonl").pictures(PAGE) == PICTURES


def test_a_line_cut_short_by_a_crash_is_skipped_and_the_next_one_kept(tmp_path):
    path = tmp_path / "p.jsonl"
    PictureStore(path).item_scraped(_item("http://a/1.html"))
    path.write_text(path.read_text() + '{"url": "http://a/2.h')
    PictureStore(path).item_scraped(_item("http://a/3.html"))
    store = PictureStore(path)
    assert (store.pictures("http://a/1.html"), store.pictures("http://a/3.html")) == (PICTURES, PICTURES)


def test_a_page_archived_without_pictures_is_forgotten(tmp_path):
    store = PictureStore(tmp_path / "p.jsonl")
    store.item_scraped(_item())
    store.item_scraped(_item(pictures=[]))
    assert store.pictures(PAGE) == [] and PictureStore(tmp_path / "p.jsonl").pictures(PAGE) == []


def test_a_304_keeps_the_pictures_and_a_404_forgets_them(tmp_path):
    store = PictureStore(tmp_path / "p.jsonl")
    store.item_scraped(_item())
    store.item_scraped(_item(status=304, pictures=[]))
    assert store.pictures(PAGE) == PICTURES
    store.item_scraped(_item(status=404, pictures=[]))
    assert store.pictures(PAGE) == []


def test_compacting_leaves_one_line_a_page(tmp_path):
    store = PictureStore(tmp_path / "p.jsonl")
    for _ in range(3):
        store.item_scraped(_item())
    store.compact()
    assert len((tmp_path / "p.jsonl").read_text().splitlines()) == 1
    assert PictureStore(tmp_path / "p.jsonl").pictures(PAGE) == PICTURES


def test_a_crawl_without_bundles_leaves_no_file(tmp_path):
    store = PictureStore(tmp_path / "p.jsonl")
    store.item_scraped(_item(pictures=[]))
    store.compact()
    assert not (tmp_path / "p.jsonl").exists()


# -- the middleware --------------------------------------------------------------------------------------

@pytest.fixture
def middleware(tmp_path) -> PictureRecheckMiddleware:
    site = Site("zhoukou", "周口市人民政府", ("http://www.zhoukou.gov.cn/",), allowed_domains=("zhoukou.gov.cn",))
    crawler = Crawler(ReportsSpider, Settings({"REPORT_PICTURE_MAXSIZE": 1000}))
    crawler.stats = MemoryStatsCollector(crawler)
    crawler.spider = ReportsSpider.from_crawler(crawler, site=site)
    store = PictureStore(tmp_path / "p.jsonl")
    store.item_scraped(_item())
    return PictureRecheckMiddleware(crawler, store)


def _page_304(middleware) -> tuple[Request, Response]:
    spider = middleware.crawler.spider
    request = Request(PAGE, callback=spider.parse_document, errback=spider.on_error,
                      headers={"If-None-Match": '"page"'}, meta={"role": "document", "gxmon_document": True})
    return request, Response(PAGE, status=304, headers={"ETag": '"page"'}, request=request)


def _answer(request: Request, status: int = 304, body: bytes = b"") -> Response:
    return Response(request.url, status=status, body=body, request=request)


def _through(middleware, answers) -> Request | Response:
    """The page's 304 through the middleware, each picture check answered by ``answers(n, request)``."""
    result = middleware.process_response(*_page_304(middleware))
    n = 0
    while isinstance(result, Request) and "gxmon_check" in result.meta:
        outcome = answers(n, result)
        result = (middleware.process_exception(result, outcome) if isinstance(outcome, Exception)
                  else middleware.process_response(result, outcome))
        n += 1
    return result


def test_a_bundled_page_answering_304_has_its_first_picture_checked(middleware):
    check = middleware.process_response(*_page_304(middleware))
    assert check.url == PICTURES[0].url and check.dont_filter and check.meta["role"] == "picture"


def test_a_picture_check_is_conditional_on_what_the_picture_was_archived_with(middleware):
    check = middleware.process_response(*_page_304(middleware))
    ConditionalGetMiddleware(_NoValidators()).process_request(check)
    assert check.headers.get("If-None-Match") == b'"0"'


def test_pictures_answering_304_let_the_page_304_through_to_the_spider(middleware):
    result = _through(middleware, lambda n, r: _answer(r))
    spider = middleware.crawler.spider
    assert isinstance(result, Response) and (result.url, result.status) == (PAGE, 304)
    assert result.request.callback == spider.parse_document and result.meta["gxmon_document"]


def test_a_picture_answering_its_old_bytes_again_is_unchanged(middleware):
    result = _through(middleware, lambda n, r: _answer(r, 200, PNG[n]))
    assert isinstance(result, Response) and result.status == 304


@pytest.mark.parametrize("answer", [lambda r: _answer(r, 200, b"\x89PNG new"), lambda r: _answer(r, 404)])
def test_a_changed_or_gone_picture_has_the_page_fetched_again_in_full(middleware, answer):
    result = _through(middleware, lambda n, r: answer(r) if n == 1 else _answer(r))
    assert isinstance(result, Request) and result.url == PAGE and result.dont_filter
    assert result.meta["gxmon_refetch"] and b"If-None-Match" not in result.headers
    assert result.callback == middleware.crawler.spider.parse_document


def test_a_page_fetched_again_gets_no_conditional_headers(middleware):
    result = _through(middleware, lambda n, r: _answer(r, 404))
    ConditionalGetMiddleware(_AllKnown()).process_request(result)
    assert b"If-None-Match" not in result.headers


@pytest.mark.parametrize("answer", [lambda r: TimeoutError("slow"), lambda r: _answer(r, 503)])
def test_a_picture_that_cannot_be_checked_proves_nothing(middleware, answer):
    assert _through(middleware, lambda n, r: answer(r)).status == 304


def test_a_page_archived_without_pictures_answers_304_at_once(middleware):
    request, response = _page_304(middleware)
    other = request.replace(url="http://www.zhoukou.gov.cn/other.html")
    assert middleware.process_response(other, response) is response


def test_the_pictures_are_found_by_the_url_before_redirects(middleware):
    request, response = _page_304(middleware)
    moved = request.replace(url="http://www.zhoukou.gov.cn/moved.html", meta={**request.meta, "redirect_urls": [PAGE]})
    assert middleware.process_response(moved, response).url == PICTURES[0].url


def test_a_check_survives_a_jobdir_queue(middleware):
    """Scrapy's disk queues pickle a request's dict: a check resumed from one goes on where it stopped."""
    spider = middleware.crawler.spider
    check = middleware.process_response(*_page_304(middleware))
    resumed = request_from_dict(pickle.loads(pickle.dumps(check.to_dict(spider=spider), protocol=4)), spider=spider)
    result = middleware.process_response(resumed, _answer(resumed))
    assert result.url == PICTURES[1].url and result.meta["gxmon_check"].page["url"] == PAGE


def test_checks_are_counted(middleware):
    _through(middleware, lambda n, r: _answer(r))
    assert middleware.crawler.stats.get_value("gxmon/picture_check/unchanged") == 2


class _NoValidators:
    def get(self, url):
        return None


class _AllKnown:
    def get(self, url):
        return ('"x"', None)


def test_an_attached_part_is_checked_within_the_sites_download_limit_and_a_changed_one_refetches_the_page(tmp_path):
    """A bundled article's 附表.xls (crawler.documents.parts) is checked as its pictures are, but as large as the site
    lets a document be: a picture's limit would cut its answer short and prove nothing."""
    site = Site("zhoukou", "周口市人民政府", ("http://www.zhoukou.gov.cn/",), allowed_domains=("zhoukou.gov.cn",))
    crawler = Crawler(ReportsSpider, Settings({"REPORT_PICTURE_MAXSIZE": 1000}))
    crawler.stats = MemoryStatsCollector(crawler)
    crawler.spider = ReportsSpider.from_crawler(crawler, site=site)
    store = PictureStore(tmp_path / "p.jsonl")
    part = KnownPicture.fetched("http://www.zhoukou.gov.cn/uploads/fb.xls", '"x"', None, b"\xd0\xcf\x11\xe0 old", True)
    store.item_scraped(_item(pictures=[part]))
    middleware = PictureRecheckMiddleware(crawler, store)
    check = middleware.process_response(*_page_304(middleware))
    assert check.url == part.url and "download_maxsize" not in check.meta
    refetch = middleware.process_response(check, _answer(check, 200, b"\xd0\xcf\x11\xe0 new" * 500))
    assert isinstance(refetch, Request) and refetch.url == PAGE and refetch.meta["gxmon_refetch"]
    assert PictureStore(tmp_path / "p.jsonl").pictures(PAGE) == [part]
