"""crawler.hostnames: a site's www/bare twin read under its configured name, its mobile twin left alone."""

from __future__ import annotations

from crawler.hostnames import SiteNames
from crawler.scope import Scope

START = ("https://www.dongjiang.gov.cn/",)


def test_an_address_on_the_configured_hosts_twin_is_read_under_the_configured_name():
    names = SiteNames(START)
    assert names.canonical("https://dongjiang.gov.cn/xxgk/ndbg/nb2023.html?a=1#x") \
        == "https://www.dongjiang.gov.cn/xxgk/ndbg/nb2023.html?a=1#x"
    assert names.canonical("http://DongJiang.gov.cn:8080/a.html") == "http://www.dongjiang.gov.cn:8080/a.html"
    assert SiteNames(("http://dongjiang.gov.cn/",)).canonical("http://www.dongjiang.gov.cn/a.html") \
        == "http://dongjiang.gov.cn/a.html"


def test_other_hosts_keep_their_names():
    names = SiteNames(START)
    for url in ("https://www.dongjiang.gov.cn/a.html", "http://fgw.dongjiang.gov.cn/a.html",
                "http://www.fgw.dongjiang.gov.cn/a.html", "http://www.xidongjiang.gov.cn/a.html"):
        assert names.canonical(url) == url


def test_the_configured_hosts_mobile_twin_is_out_of_scope_unless_configured():
    scope = Scope(START, ["dongjiang.gov.cn"])
    assert not scope.contains("https://m.dongjiang.gov.cn/xxgk/ndbg/index.html")
    assert not scope.contains("http://wap.dongjiang.gov.cn/")
    assert not scope.admit_subsite("https://m.dongjiang.gov.cn/", "https://www.dongjiang.gov.cn/")
    assert scope.contains("http://fgw.dongjiang.gov.cn/") and scope.contains("http://m.fgw.dongjiang.gov.cn/")
    assert Scope(("https://m.dongjiang.gov.cn/",), ["dongjiang.gov.cn"]).contains("https://m.dongjiang.gov.cn/a")
