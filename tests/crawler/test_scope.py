"""Which hosts a crawl may enter (crawler.hosts.scope)."""

from __future__ import annotations

import pytest

from crawler.hosts.scope import Scope, registered_domain

PORTAL = "http://www.nanhu.gov.cn/"


def scope() -> Scope:
    return Scope([PORTAL], [registered_domain("www.nanhu.gov.cn")])


@pytest.mark.parametrize("host, domain", [("www.nanhu.gov.cn", "nanhu.gov.cn"), ("xy.nanhu.gov.cn", "nanhu.gov.cn"),
                                          ("127.0.0.1", "127.0.0.1"), ("www.gov.cn", "www.gov.cn")])
def test_registered_domain(host, domain):
    assert registered_domain(host) == domain


def test_a_host_of_the_portal_domain_is_in_scope():
    assert scope().contains("http://xiyang.nanhu.gov.cn/zwgk/")


def test_another_domain_is_not_in_scope():
    assert not scope().contains("http://www.donghu.gov.cn/")


def test_a_government_host_linked_as_a_sub_site_from_the_portal_is_admitted():
    s = scope()
    s.admit_subsite("http://www.donghu.gov.cn/", PORTAL + "zfxxgk/")
    assert s.contains("http://www.donghu.gov.cn/zwgk/nb/")


def test_an_admitted_host_does_not_vouch_for_others():
    s = scope()
    s.admit_subsite("http://www.donghu.gov.cn/", PORTAL)
    assert not s.admit_subsite("http://www.lakeside.gov.cn/", "http://www.donghu.gov.cn/")


def test_a_host_that_is_no_government_host_is_never_admitted():
    assert not scope().admit_subsite("http://www.donghu-news.com/", PORTAL)


def test_an_address_of_the_portals_own_network_is_admitted():
    s = Scope(["http://127.0.0.1:8080/"], ["127.0.0.1"])
    assert s.admit_subsite("http://127.0.0.2:9090/", "http://127.0.0.1:8080/zwgk/")


def test_an_address_of_another_network_is_not():
    s = Scope(["http://127.0.0.1:8080/"], ["127.0.0.1"])
    assert not s.admit_subsite("http://10.1.2.3/", "http://127.0.0.1:8080/zwgk/")


def test_a_platform_on_a_public_address_linked_as_the_sites_own_is_admitted_as_a_tenancy():
    # 内蒙古 乌拉特前旗's 信息公开 at http://1.25.240.11:8082/sites/wltqq/, 吉林 舒兰's at 122.137.242.24:8080/pub/…
    s = Scope(["http://www.wltqq.gov.cn/"], ["wltqq.gov.cn"])
    assert s.admit_subsite("http://1.25.240.11:8082/sites/wltqq/index.jsp", "http://www.wltqq.gov.cn/")
    assert s.contains("http://1.25.240.11:8082/sites/wltqq/zwinfo.jsp?id=15652")
    assert s.shared_home("http://1.25.240.11:8082/") and not s.shared_home("http://1.25.240.11:8082/sites/wltqq/")
    assert not s.admit_subsite("http://192.168.10.5/xxgk/", "http://www.wltqq.gov.cn/")   # an intranet's


def test_a_province_platform_entered_at_the_citys_folder_keeps_its_home_page_out():
    # xxgk.yunze.gov.cn hosts every city's 信息公开 under a folder; its home page lists the other cities
    scope = Scope(["http://www.beiyuan.gov.cn/"], ["beiyuan.gov.cn"])
    assert scope.admit_subsite("http://xxgk.yunze.gov.cn/by/index.html", "http://www.beiyuan.gov.cn/")
    assert [scope.shared_home(u) for u in ("http://xxgk.yunze.gov.cn/", "http://xxgk.yunze.gov.cn/index.html",
                                           "http://xxgk.yunze.gov.cn/by/index.html",
                                           "http://xxgk.yunze.gov.cn/art/2025/1/10/art_1_2.html")] == \
        [True, True, False, False]


def test_a_county_site_entered_at_its_home_page_is_its_own():
    scope = Scope(["http://www.beiyuan.gov.cn/"], ["beiyuan.gov.cn"])
    assert scope.admit_subsite("http://www.bylh.gov.cn/", "http://www.beiyuan.gov.cn/")
    assert scope.admit_subsite("http://jyj.beiyuan.gov.cn/xxgk/", "http://www.beiyuan.gov.cn/")
    assert not scope.shared_home("http://www.bylh.gov.cn/") and not scope.shared_home("http://jyj.beiyuan.gov.cn/")


def test_an_address_of_the_portals_own_network_entered_at_a_folder_keeps_its_home_page():
    # a portal served from bare addresses (simsite's families): another address is one of its own hosts
    scope = Scope(["http://127.0.0.1:8000/"], ["127.0.0.1"])
    assert scope.admit_subsite("http://127.0.0.2:8000/col/col4097/index.html", "http://127.0.0.1:8000/")
    assert not scope.shared_home("http://127.0.0.2:8000/")
