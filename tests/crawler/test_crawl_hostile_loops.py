"""Hostile loops crawled together with a good site over real HTTP (tests/crawler/hostile.py): a 加载更多 chain
whose every answer lists fresh report-looking links, a script-drawn JSON list of 300,000 items (12 M characters),
a column page and an answer of 20,000 report-looking links each, iframes nested
without end and frames framing each other or themselves, a cookie challenge writing a new cookie on every answer,
a 广东 gkmlpt catalog API whose pages never end and whose total grows, sitemap indexes listing themselves and
thousands of sitemaps beside a robots.txt naming 10⁵ of them, redirects looping across two origins of one host,
meta refreshes and ``location.href`` scripts without end. Each costs its own site a bounded number of pages and
seconds, is named in its coverage or errors, and what it lists is never yielded; every genuine report of every
other site is still yielded."""

from __future__ import annotations

import json
import re

import pytest

from crawler.pages.links import MAX_PAGE_LINKS
from crawler.settings import GXMON_CHALLENGES_PER_HOST, REDIRECT_MAX_TIMES
from crawler.spiders.sitemaps import MAX_SITEMAPS
from crawler.steering.traps import MAX_BARREN, MAX_CHAIN
from tests.crawler.hostile import Answer, HostileSite, crawled, page, report_page

BIG_ITEMS = 300_000    # items of the script-drawn list: 12 M characters (the benchmark's 10⁶ make 46 MB)
WIDE_ITEMS = 20_000    # anchors of a column page, items of an answer under MAX_ANSWER_CHARS


def _number(path: str) -> int:
    return int(re.sub(r"\D", "", path.rsplit("/", 1)[1]) or 0)


def _farm_report(site: HostileSite, prefix: str) -> None:
    """Pages under ``prefix`` are report pages of agencies that do not exist, one a number."""
    site.families[prefix] = lambda path: Answer(report_page(f"{site.name}第{_number(path)}局", 2023, _number(path) + 9))


def load_more_reports() -> HostileSite:
    """A column whose 加载更多 names a new address on every answer (data-next with a new session id), each later
    page listing three fresh report-looking links of agencies that do not exist."""
    site = HostileSite("未市")
    _farm_report(site, "/lm/")

    def listed(query: dict) -> Answer:
        n = int(query.get("page", ["1"])[0])
        more = f'<button class="more" data-next="/ndbg/?page={n + 1}&sid={n * 7919:x}">加载更多</button>'
        if n == 1:
            return Answer(site.column().body.replace(b"</ul>", f"</ul>{more}".encode()))
        items = "".join(f'<li><a href="/lm/{n * 3 + k}.html">{site.name}第{n * 3 + k}局2023年政府信息公开工作'
                        f'年度报告</a></li>' for k in range(3))
        return Answer(page("政府信息公开年报", f"<ul>{items}</ul>{more}"))

    site.dynamic["/ndbg/"] = listed
    return site


def big_drawn_list(items: int = BIG_ITEMS) -> HostileSite:
    """A 年报 page whose list a script asks by GET, the JSON answer holding ``items`` report-looking items."""
    site = HostileSite("申市")
    rows = ",".join(f'{{"title":"第{n}局年报","url":"/b/{n}"}}' for n in range(items))
    site.answers["/api/all"] = Answer(f'{{"total":{items},"rows":[{rows}]}}'.encode(), "application/json")
    site.answers["/nbapi/"] = Answer(page("政府信息公开年报", "<ul id='list'></ul><script>"
                                                            "$.getJSON('/api/all?page=1', function (d) {});</script>"))
    site.answers["/"] = Answer(page("申市人民政府", '<a href="/ndbg/">政府信息公开年报</a><a href="/nbapi/">年报</a>'))
    _farm_report(site, "/b/")
    return site


def wide_page(items: int = WIDE_ITEMS) -> HostileSite:
    """A 年报 column page of ``items`` report-looking links (``第N局年报``) to pages of agencies that do not exist."""
    site = HostileSite("巳市")
    column = site.column
    links = "".join(f'<li><a href="/w/{n}">第{n}局年报</a></li>' for n in range(items))
    site.dynamic["/ndbg/"] = lambda query: Answer(column().body.replace(b"</ul>", f"{links}</ul>".encode()))
    site.families["/w/"] = lambda path: Answer(page("年报", ""))
    return site


def wide_answer(items: int = WIDE_ITEMS) -> HostileSite:
    """A 年报 page whose list a script asks, the answer ``items`` report-looking items under MAX_ANSWER_CHARS."""
    site = big_drawn_list(items)
    site.families["/b/"] = lambda path: Answer(page("年报", ""))
    return site


def frames() -> HostileSite:
    """Reports listed as an iframe page nesting a new iframe page without end, as two framesets framing each
    other, and as a frameset framing itself; each titled as a report."""
    site = HostileSite("酉市")
    title = f"{site.name}财政局2022年政府信息公开工作年度报告"

    def frameset(*sources: str) -> Answer:
        framed = "".join(f'<frame src="{src}">' for src in sources)
        return Answer(f'<html><head><meta charset="utf-8"><title>{title}</title></head><frameset rows="10%,*">'
                      f'{framed}</frameset></html>'.encode())

    site.families["/ndbg/if/"] = lambda path: Answer(page(title, f'<h1>{title}</h1><iframe src="/ndbg/if/'
                                                                 f'{_number(path) + 1}.html"></iframe>'))
    site.answers["/ndbg/fa.html"] = frameset("/ndbg/fb.html")
    site.answers["/ndbg/fb.html"] = frameset("/ndbg/fa.html")
    site.answers["/ndbg/self.html"] = frameset("/ndbg/self.html")
    for path in ("/ndbg/if/0.html", "/ndbg/fa.html", "/ndbg/self.html"):
        site.column_extra.append(f'<li><a href="{path}">{title}</a></li>')
    return site


def endless_challenge() -> HostileSite:
    """A site answering every request with a 加速乐-style 521 writing a new __jsl_clearance cookie, forever."""
    site = HostileSite("戌市", agencies=())
    count = iter(range(10 ** 9))

    def challenge(path: str) -> Answer:
        cookie = f"__jsl_clearance={1700000000 + next(count)}.{next(count) % 997}|0|x{next(count):x}"
        return Answer(f'<html><script>document.cookie="{cookie}"+";max-age=3600;path=/";'
                      f'location.href=location.pathname+location.search</script></html>'.encode(), status=521)

    site.families["/"] = challenge
    return site


def endless_gkmlpt() -> HostileSite:
    """A 广东 gkmlpt platform whose 年报 catalog API never ends: page N lists twenty new report-looking items, 20 a
    page, and claims a total of one page more than it has shown so far; its first page lists the genuine reports
    too."""
    site = HostileSite("亥市")
    genuine = [{"title": f"{agency}{year}年政府信息公开工作年度报告", "url": url, "first_publish_time": 1705708800}
               for url, (agency, year) in site.expected.items()]
    site.answers["/gkmlpt/index"] = Answer(page("政府信息公开目录", '<a href="#2059">政府信息公开年报</a>'
                                                                 "<script>var SID = '9';</script>"))
    site.answers["/"] = Answer(page("亥市人民政府", '<a href="/gkmlpt/index">政府信息公开目录</a>'))

    def catalog(query: dict) -> Answer:
        n = int(query.get("page", ["1"])[0])
        fake = [{"title": f"{site.name}第{n * 20 + k}局2023年政府信息公开工作年度报告",
                 "url": f"{site.base}/gk/{n * 20 + k}.html", "first_publish_time": 1705708800} for k in range(20)]
        articles = (genuine if n == 1 else []) + fake
        return Answer(json.dumps({"total": (n + 1) * 20 + len(genuine), "page": n, "pageSize": 20, "articles": articles},
                                 ensure_ascii=False).encode(), "application/json")

    site.dynamic["/gkmlpt/api/all/2059"] = catalog
    _farm_report(site, "/gk/")
    return site


def sitemaps(indexed: int = 10_000, named: int = 100_000) -> HostileSite:
    """A robots.txt naming ``named`` sitemaps, the first an index listing itself and ``indexed`` sitemaps, each
    a sitemap of one report-looking page."""
    site = HostileSite("寅市")
    lines = "".join(f"Sitemap: {site.base}/sm/r{n}.xml\n" for n in range(named))
    site.answers["/robots.txt"] = Answer(f"User-agent: *\nDisallow:\nSitemap: {site.base}/sm/index.xml\n{lines}"
                                         .encode(), "text/plain")
    entries = "".join(f"<sitemap><loc>{site.base}/sm/{m}</loc></sitemap>"
                      for m in ("index.xml", *(f"s{n}.xml" for n in range(indexed))))
    site.answers["/sm/index.xml"] = Answer(f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.'
                                           f'sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'.encode(),
                                           "application/xml")

    def sitemap(path: str) -> Answer:
        return Answer(f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                      f'sitemap/0.9"><url><loc>{site.base}/smdoc/t20240120_{_number(path)}.html</loc></url>'
                      f'</urlset>'.encode(), "application/xml")

    site.families["/sm/"] = sitemap
    _farm_report(site, "/smdoc/")
    return site


def loops() -> tuple[HostileSite, HostileSite]:
    """A column linking a report-looking address that redirects to the same path on another origin of the host
    (another port), which redirects back one number on, without end; a page whose meta refresh names the next
    without end; a page whose script sets location.href to the next without end."""
    site, twin = HostileSite("卯市"), HostileSite("卯市")
    title = f"{site.name}审计局2022年政府信息公开工作年度报告"
    for one, other in ((site, twin), (twin, site)):
        one.families["/go/"] = lambda path, other=other: Answer(b"", status=302,
                                                                 location=f"{other.base}/go/{_number(path) + 1}.html")
    site.families["/mr/"] = lambda path: Answer(page(title, f'<meta http-equiv="refresh" content="0;url=/mr/'
                                                            f'{_number(path) + 1}.html"><h1>{title}</h1>'))
    site.families["/lh/"] = lambda path: Answer(page(title, f'<h1>{title}</h1><script>location.href="/lh/'
                                                            f'{_number(path) + 1}.html";</script>'))
    for path in ("/go/0.html", "/mr/0.html", "/lh/0.html"):
        site.column_extra.append(f'<li><a href="{path}">{title}</a></li>')
    return site, twin


SCENARIOS = {"load-more-reports": load_more_reports, "big-list": big_drawn_list, "wide-page": wide_page,
             "wide-answer": wide_answer,
             "frames": frames,
             "challenge": endless_challenge, "gkmlpt": endless_gkmlpt, "sitemaps": sitemaps}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    looping, twin = loops()
    sites = {"good": HostileSite("乙市"), **{name: make() for name, make in SCENARIOS.items()}, "loops": looping}
    try:
        with crawled(sites, tmp_path_factory.mktemp("hostile-loops")) as done:
            yield done, twin
    finally:
        twin.close()


@pytest.mark.parametrize("name", ["good", *SCENARIOS, "loops"])
def test_every_genuine_report_of_a_site_is_yielded(crawl, name):
    done = crawl[0]
    assert set(done.sites[name].expected) <= {item["final_url"] for item in done.items[name]}


def _asked(crawl, name: str, prefix: str) -> list[str]:
    return [t for t in crawl[0].sites[name].log if t.startswith(prefix)]


def _yielded(crawl, name: str, prefix: str) -> list[str]:
    base = crawl[0].sites[name].base
    return [i["final_url"] for i in crawl[0].items[name] if i["final_url"].startswith(base + prefix)]


def _errors(crawl, name: str) -> list[str]:
    return [f"{e.url} {e.reason}" for e in crawl[0].summary.site(name).errors]


def test_a_load_more_chain_of_fresh_reports_is_a_trap_cut_at_its_chain_bound(crawl):
    """Its pattern is the trap: nothing its pages list is archived, from the chain's first page on; the column page
    the site links, of another pattern, listed the genuine reports before the chain began: they are archived."""
    summary = crawl[0].summary.site("load-more-reports")
    assert len(_asked(crawl, "load-more-reports", "/ndbg/?page=")) <= MAX_CHAIN + 3
    assert [trap["pattern"].endswith("/ndbg/?page=#&sid=#") for trap in summary.coverage.traps] == [True]
    assert f"; {len(crawl[0].sites['load-more-reports'].expected)} documents its lists held fetched" \
        in summary.coverage.traps[0]["reason"]
    assert not _yielded(crawl, "load-more-reports", "/lm/")
    assert set(_yielded(crawl, "load-more-reports", "/ndbg/t")) == set(crawl[0].sites["load-more-reports"].expected)


def test_a_script_drawn_list_larger_than_the_answer_bound_is_not_read_and_said(crawl):
    assert [e for e in _errors(crawl, "big-list") if "/api/all" in e and "not read" in e]
    assert not _asked(crawl, "big-list", "/b/") and crawl[0].summary.site("big-list").elapsed_seconds < 60


@pytest.mark.parametrize(("name", "path", "farm"), [("wide-page", "/ndbg/", "/w/"), ("wide-answer", "/api/all", "/b/")])
def test_a_list_of_more_links_than_the_bound_is_read_to_it_and_said(crawl, name, path, farm):
    assert [e for e in _errors(crawl, name) if path in e and f"past its first {MAX_PAGE_LINKS}" in e]
    # exactly the pages the barren trap is seen at (MAX_BARREN + 1, each answering): navigation hands Scrapy no
    # more of a pattern until one of its pages lists a report (TrapWatch.ask), the rest wait in the spider and are
    # refused at the crawl's end, so none is in flight when the trap fires. Handed over, they were downloaded
    # while the spider was behind (122 asked before): a downloader middleware sees them too early to refuse them
    assert crawl[0].summary.site(name).failure is None and len(_asked(crawl, name, farm)) == MAX_BARREN + 1


def test_frames_nested_cycling_or_framing_themselves_are_asked_once_each(crawl):
    assert sorted(_asked(crawl, "frames", "/ndbg/f") + _asked(crawl, "frames", "/ndbg/self")) == \
        ["/ndbg/fa.html", "/ndbg/fb.html", "/ndbg/self.html"]
    assert _asked(crawl, "frames", "/ndbg/if/") == ["/ndbg/if/0.html"]


def test_a_challenge_writing_a_new_cookie_forever_is_given_up_and_named(crawl):
    summary = crawl[0].summary.site("challenge")
    assert len(crawl[0].sites["challenge"].log) <= GXMON_CHALLENGES_PER_HOST + 2   # its robots.txt too
    assert summary.failure and "加速乐" in summary.failure


def test_an_endless_gkmlpt_catalog_asks_only_the_pages_its_first_page_claims(crawl):
    # 46 items of 20 a page; every later page claiming 20 more made it MAX_POSTED_PAGES pages of new items
    assert len(_asked(crawl, "gkmlpt", "/gkmlpt/api/all/2059")) == 3


def test_an_endless_gkmlpt_catalog_is_reported_and_its_growing_pages_not_archived(crawl):
    """Pages 2 and 3 claim 4 and 5 pages where page 1 claimed 3: a count growing as it is read. What page 1 listed
    (the genuine reports, and its twenty others: /gk/20 to /gk/39) stands; what the growing pages listed does not."""
    traps = crawl[0].summary.site("gkmlpt").coverage.traps
    assert [("/gkmlpt/api/all/#?" in trap["pattern"], "claiming 3, then 4, 5 pages" in trap["reason"])
            for trap in traps] == [(True, True)]
    assert sorted(_number(url) for url in _yielded(crawl, "gkmlpt", "/gk/")) == list(range(20, 40))


def test_sitemaps_named_by_the_hundred_thousand_ask_at_most_the_sitemaps_bound(crawl):
    assert 1 <= len(_asked(crawl, "sitemaps", "/sm/")) <= MAX_SITEMAPS


@pytest.mark.parametrize("prefix", ["/go/", "/mr/"])
def test_redirects_and_refreshes_without_end_stop_at_the_redirect_bound_and_are_named(crawl, prefix):
    twin = crawl[1]
    asked = _asked(crawl, "loops", prefix) + [t for t in twin.log if t.startswith(prefix)]
    assert len(asked) <= REDIRECT_MAX_TIMES + 1
    assert [e for e in _errors(crawl, "loops") if prefix in e and "max redirections" in e]


def test_a_location_script_without_end_is_asked_once(crawl):
    assert _asked(crawl, "loops", "/lh/") == ["/lh/0.html"]
