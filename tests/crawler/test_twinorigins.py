"""crawler.hosts.twinorigins: two origins of one host name are one site only where their pages show it, compared a
bounded number of times; crawler.hosts.hostnames then asks the one kept."""

from __future__ import annotations

import time

from crawler.hosts.hostnames import SiteNames
from crawler.hosts.twinorigins import MAX_CHECKS, MAX_PATHS, OriginTwins, page_sign


def _page(origin: str, path: str, title: str = "临川县人民政府") -> tuple[str, object]:
    """A page at ``path`` whose links are absolute under ``origin``, as a CMS writes them."""
    links = [f"{origin}/", f"{origin}/zwgk/", f"{origin}/zwgk/ndbg/index.html"]
    body = f"<title>{title}</title>" + "".join(f'<a href="{u}">x</a>' for u in links)
    return origin + path, page_sign(body.encode(), title, links)


def test_two_origins_answering_the_same_pages_on_two_paths_are_one_the_start_urls_kept():
    twins = OriginTwins(["http://www.lc.gov.cn:8080/"])
    assert twins.observe(*_page("http://www.lc.gov.cn:8080", "/")) is None
    assert twins.observe(*_page("https://lc.gov.cn", "/")) is None   # one path: not yet
    assert twins.observe(*_page("https://lc.gov.cn", "/zwgk/")) is None
    assert twins.observe(*_page("http://www.lc.gov.cn:8080", "/zwgk/")) \
        == ("https://lc.gov.cn", "http://www.lc.gov.cn:8080")


def test_without_a_start_url_among_them_https_and_no_port_are_kept():
    twins = OriginTwins(["https://www.portal.gov.cn/"])
    for path in ("/", "/a.html"):
        twins.observe(*_page("http://lc.gov.cn:8080", path))
        joined = twins.observe(*_page("https://lc.gov.cn", path))
    assert joined == ("http://lc.gov.cn:8080", "https://lc.gov.cn")


def test_origins_answering_other_pages_are_compared_a_bounded_number_of_times_and_never_joined():
    twins = OriginTwins(["https://lc.gov.cn/"])
    for n in range(MAX_CHECKS + 5):
        twins.observe(*_page("https://lc.gov.cn", f"/p{n}.html", title=f"页面{n}"))
        assert twins.observe(*_page("https://lc.gov.cn:8443", f"/p{n}.html", title=f"系统{n}")) is None
    # past the bound, even the same pages join nothing: the pair was judged two sites
    for path in ("/x.html", "/y.html"):
        twins.observe(*_page("https://lc.gov.cn", path))
        assert twins.observe(*_page("https://lc.gov.cn:8443", path)) is None


def test_other_host_names_are_never_compared():
    twins = OriginTwins(["https://lc.gov.cn/"])
    for path in ("/", "/zwgk/", "/a.html"):
        twins.observe(*_page("https://lc.gov.cn", path))
        assert twins.observe(*_page("https://jyj.lc.gov.cn", path)) is None


def test_an_origin_keeps_the_signs_of_its_first_pages_only():
    twins = OriginTwins(["https://lc.gov.cn/"])
    start = time.perf_counter()
    for n in range(20_000):
        twins.observe(*_page("https://lc.gov.cn", f"/p{n}.html"))
    assert time.perf_counter() - start < 5
    assert len(twins._pages["https://lc.gov.cn"]) == MAX_PATHS


def test_an_origin_given_up_is_asked_under_the_one_kept():
    names = SiteNames(["https://lc.gov.cn/"])
    names.join("http://www.lc.gov.cn:8080", "https://lc.gov.cn")
    assert names.canonical("http://www.lc.gov.cn:8080/zwgk/ndbg/2023.html?a=1") \
        == "https://lc.gov.cn/zwgk/ndbg/2023.html?a=1"
    assert names.joined("http://lc.gov.cn:8080/a.html") and not names.joined("https://lc.gov.cn/a.html")
    assert names.canonical("http://lc.gov.cn:9090/a.html") == "http://lc.gov.cn:9090/a.html"   # another port


def test_an_origin_kept_on_a_port_keeps_its_port():
    names = SiteNames(["http://lc.gov.cn:8080/"])
    names.join("https://lc.gov.cn", "http://lc.gov.cn:8080")
    assert names.canonical("https://www.lc.gov.cn/a.html") == "http://lc.gov.cn:8080/a.html"


def test_a_page_is_wanted_only_while_its_origin_keeps_pages_and_its_path_is_new():
    twins = OriginTwins(["https://lc.gov.cn/"])
    assert twins.wants("https://lc.gov.cn/")
    twins.observe(*_page("https://lc.gov.cn", "/"))
    assert not twins.wants("https://lc.gov.cn/")   # its path already kept
    for n in range(MAX_PATHS):
        twins.observe(*_page("https://lc.gov.cn", f"/p{n}.html"))
    assert not twins.wants("https://lc.gov.cn/new.html")   # the origin keeps MAX_PATHS pages: no sign is made
    assert twins.wants("http://lc.gov.cn:8080/new.html")
