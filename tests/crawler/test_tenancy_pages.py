"""The spider on frozen pages of a city whose 信息公开 is hosted elsewhere (tests/files/): a city portal on ``.cn``
entering its platform on ``.gov.cn`` (and the reverse), and a province platform whose every page links the other
cities it hosts (crawler.hosts.scope)."""

from __future__ import annotations

import scrapy

from crawler.siteconfig import Site
from crawler.spiders.reports import ReportsSpider
from tests.crawler.helpers import file_response

PAGE_META = {"role": "page", "hops": 1, "chain": 0, "subsite": 0, "link_text": ""}


def _spider(home: str, domain: str) -> ReportsSpider:
    return ReportsSpider(site=Site("city", "南溪市人民政府", (home,), allowed_domains=(domain,)))


def _asked(spider: ReportsSpider, name: str, url: str) -> list[str]:
    return [r.url for r in spider.parse_page(file_response(name, url, PAGE_META)) if isinstance(r, scrapy.Request)]


def test_a_cn_city_portal_enters_its_gov_cn_platform_at_its_home_page_as_its_own():
    spider = _spider("http://www.nanxi.cn/", "nanxi.cn")
    assert "http://xxgk.nanxi.gov.cn/index.html" in _asked(spider, "home_city_portal_cn.html", "http://www.nanxi.cn/")
    assert not spider.scope.shared_home("http://xxgk.nanxi.gov.cn/index.html")
    assert not spider.scope.contains("http://www.kaifeng.gov.cn/")


def test_a_gov_cn_portal_enters_its_platform_of_its_own_name_on_com_cn():
    scope = _spider("http://www.nanxi.gov.cn/", "nanxi.gov.cn").scope
    assert scope.admit_subsite("http://xxgk.nanxi.com.cn/gk/", "http://www.nanxi.gov.cn/")
    assert not scope.shared_home("http://xxgk.nanxi.com.cn/")
    assert not scope.admit_subsite("http://www.yunze.com.cn/", "http://www.nanxi.gov.cn/")


def test_a_province_platforms_sidebar_of_sister_cities_is_not_followed():
    spider = _spider("http://www.beiyuan.gov.cn/", "beiyuan.gov.cn")
    assert spider.scope.admit_subsite("http://xxgk.yunze.gov.cn/by/index.html", "http://www.beiyuan.gov.cn/")
    asked = _asked(spider, "platform_sister_cities_sidebar.html", "http://xxgk.yunze.gov.cn/by/index.html")
    assert "http://xxgk.yunze.gov.cn/by/col/col1201/index.html" in asked
    assert "http://xxgk.yunze.gov.cn/art/2025/1/10/art_1201_88.html" in asked
    assert [u for u in asked if u.split("/")[3] in ("nx", "dh", "xl")] == []
