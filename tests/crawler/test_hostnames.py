"""crawler.hosts.hostnames: every host in scope read under one origin whichever www/bare name or scheme a link used,
a redirect between twins moving it (HostTwinMiddleware, TwinRedirectMiddleware), mobile twins left alone."""

from __future__ import annotations

from types import SimpleNamespace

from scrapy.http import Request, Response

from crawler.hosts.hostnames import SiteNames, desktop_twin
from crawler.hosts.scope import Scope
from crawler.middlewares import HostTwinMiddleware, TwinRedirectMiddleware

START = ("https://www.dongjiang.gov.cn/",)


def test_an_address_on_the_configured_hosts_twin_is_read_under_the_configured_name():
    names = SiteNames(START)
    assert names.canonical("https://dongjiang.gov.cn/xxgk/ndbg/nb2023.html?a=1#x") \
        == "https://www.dongjiang.gov.cn/xxgk/ndbg/nb2023.html?a=1#x"
    assert names.canonical("https://DongJiang.gov.cn:443/a.html") == "https://www.dongjiang.gov.cn/a.html"
    assert SiteNames(("http://dongjiang.gov.cn/",)).canonical("http://www.dongjiang.gov.cn/a.html") \
        == "http://dongjiang.gov.cn/a.html"


def test_other_hosts_keep_their_names():
    names = SiteNames(START)
    for url in ("https://www.dongjiang.gov.cn/a.html", "http://fgw.dongjiang.gov.cn/a.html",
                "http://www.xidongjiang.gov.cn/a.html"):
        assert names.canonical(url) == url


def test_the_configured_hosts_mobile_twin_is_out_of_scope_unless_configured():
    scope = Scope(START, ["dongjiang.gov.cn"])
    assert not scope.contains("https://m.dongjiang.gov.cn/xxgk/ndbg/index.html")
    assert not scope.contains("http://wap.dongjiang.gov.cn/")
    assert not scope.admit_subsite("https://m.dongjiang.gov.cn/", "https://www.dongjiang.gov.cn/")
    assert scope.contains("http://fgw.dongjiang.gov.cn/")
    assert Scope(("https://m.dongjiang.gov.cn/",), ["dongjiang.gov.cn"]).contains("https://m.dongjiang.gov.cn/a")


def test_a_departments_www_twin_is_read_under_the_name_first_asked():
    scope = Scope(START, ["dongjiang.gov.cn"])
    assert scope.canonical("http://fgw.dongjiang.gov.cn/xxgk/ndbg/") == "http://fgw.dongjiang.gov.cn/xxgk/ndbg/"
    assert scope.canonical("http://www.fgw.dongjiang.gov.cn/art/nb.html") == "http://fgw.dongjiang.gov.cn/art/nb.html"
    assert scope.canonical("http://www.jyj.dongjiang.gov.cn:8080/") == "http://www.jyj.dongjiang.gov.cn:8080/"
    assert scope.canonical("http://jyj.dongjiang.gov.cn:8080/a") == "http://www.jyj.dongjiang.gov.cn:8080/a"


def test_http_and_https_of_a_host_are_read_under_the_scheme_first_asked():
    scope = Scope(START, ["dongjiang.gov.cn"])
    assert scope.canonical("http://www.dongjiang.gov.cn/a.html") == "https://www.dongjiang.gov.cn/a.html"
    assert scope.canonical("http://sfj.dongjiang.gov.cn/") == "http://sfj.dongjiang.gov.cn/"
    assert scope.canonical("https://www.sfj.dongjiang.gov.cn:443/t.html") == "http://sfj.dongjiang.gov.cn/t.html"
    # another port is another server: never a twin
    assert scope.canonical("https://sfj.dongjiang.gov.cn:8443/t.html") == "https://sfj.dongjiang.gov.cn:8443/t.html"


def test_a_redirect_between_twins_moves_the_host_to_its_target():
    scope = Scope(("http://dongjiang.gov.cn/",), ["dongjiang.gov.cn"])
    scope.names.moved("https://www.dongjiang.gov.cn/")
    assert scope.canonical("http://dongjiang.gov.cn/xxgk/") == "https://www.dongjiang.gov.cn/xxgk/"


def test_hosts_out_of_scope_are_never_remembered():
    scope = Scope(START, ["dongjiang.gov.cn"])
    assert scope.canonical("http://www.example.com/a") == "http://www.example.com/a"
    assert scope.canonical("https://example.com/a") == "https://example.com/a"
    assert scope.names._origins.keys() == {("dongjiang.gov.cn", None)}


def test_a_departments_mobile_twin_is_out_of_scope():
    scope = Scope(START, ["dongjiang.gov.cn"])
    for url in ("http://m.fgw.dongjiang.gov.cn/", "http://wap.fgw.dongjiang.gov.cn/xxgk/ndbg/"):
        assert not scope.contains(url), url
    for url in ("http://mzj.dongjiang.gov.cn/", "http://fgw.dongjiang.gov.cn/mobile.html",
                "http://fgw.dongjiang.gov.cn/m", "http://fgw.dongjiang.gov.cn/xxgk/m/nb.html"):
        assert scope.contains(url), url


def test_a_mobile_folder_is_in_scope_its_desktop_twin_the_same_path_without_it():
    # a mobile-first department's only 年报 column may sit under /m/: the folder is no twin of a whole host
    scope = Scope(START, ["dongjiang.gov.cn"])
    assert scope.contains("http://fgw.dongjiang.gov.cn/m/xxgk/ndbg/")
    assert scope.contains("https://www.dongjiang.gov.cn/wap/index.html")
    assert desktop_twin("http://fgw.dongjiang.gov.cn/m/xxgk/ndbg/?p=2") == "http://fgw.dongjiang.gov.cn/xxgk/ndbg/?p=2"
    assert desktop_twin("https://www.dongjiang.gov.cn/WAP/") == "https://www.dongjiang.gov.cn/"
    assert desktop_twin("http://fgw.dongjiang.gov.cn/m") is None
    assert desktop_twin("http://fgw.dongjiang.gov.cn/xxgk/m/nb.html") is None


def test_a_sub_site_admitted_under_its_www_name_takes_its_bare_twin_in():
    scope = Scope(START, ["dongjiang.gov.cn"])
    assert scope.admit_subsite("http://www.xian.gov.cn/", "https://www.dongjiang.gov.cn/")
    assert scope.contains("http://xian.gov.cn/a") and not scope.contains("http://m.xian.gov.cn/a")


class _Crawler:
    """Stands in for Scrapy's crawler: its spider's scope, a site configured under www.linjiang.gov.cn."""

    def __init__(self) -> None:
        self.spider = SimpleNamespace(scope=Scope(("http://www.linjiang.gov.cn/",), ["linjiang.gov.cn"]))


def _asked_under_twin(crawler: _Crawler, url: str, location: str) -> tuple[Request, Response]:
    asked = HostTwinMiddleware(crawler).process_request(Request(url))
    return asked, Response(asked.url, status=301, headers={"Location": location}, request=asked)


def test_a_redirect_back_to_the_name_a_link_used_moves_the_host_there_past_the_duplicate_filter():
    crawler = _Crawler()
    asked, response = _asked_under_twin(crawler, "http://linjiang.gov.cn/nb.html", "http://linjiang.gov.cn/nb.html")
    followed = TwinRedirectMiddleware(crawler).process_response(asked, response)
    assert asked.url == "http://www.linjiang.gov.cn/nb.html"
    assert (followed.url, followed.dont_filter, followed.meta["redirect_urls"]) \
        == ("http://linjiang.gov.cn/nb.html", True, ["http://www.linjiang.gov.cn/nb.html"])
    assert crawler.spider.scope.canonical("https://www.linjiang.gov.cn:443/a") == "http://linjiang.gov.cn/a"


def test_a_redirect_anywhere_else_is_left_to_scrapy():
    crawler = _Crawler()
    asked, response = _asked_under_twin(crawler, "http://linjiang.gov.cn/a.html", "http://linjiang.gov.cn/b.html")
    assert TwinRedirectMiddleware(crawler).process_response(asked, response) is response


def test_a_folder_of_the_mobile_twin_a_page_in_scope_redirected_to_is_in_scope_the_rest_of_the_twin_not():
    # 市民政局 linked as www.X/mzj/, its site on the mobile host only: www.X/mzj/ answers 302 to m.X/mzj/index.html
    crawler = _Crawler()
    scope = crawler.spider.scope
    redirect = Request("http://m.linjiang.gov.cn/mzj/index.html",
                       meta={"redirect_urls": ["https://www.linjiang.gov.cn/mzj/"]})
    assert not scope.contains("http://m.linjiang.gov.cn/mzj/xxgk/ndbg.html")
    HostTwinMiddleware(crawler).process_request(redirect)
    assert scope.contains("http://m.linjiang.gov.cn/mzj/xxgk/ndbg.html")
    assert not scope.contains("http://m.linjiang.gov.cn/xxgk/ndbg/index.html")
    # a site sending every visitor to its twin's home mirrors itself there; a page out of scope vouches for nothing
    scope.redirected("https://www.linjiang.gov.cn/", "http://m.linjiang.gov.cn/")
    scope.redirected("http://www.example.com/a/", "http://m.linjiang.gov.cn/a/b.html")
    assert not scope.contains("http://m.linjiang.gov.cn/") and not scope.contains("http://m.linjiang.gov.cn/a/b.html")
