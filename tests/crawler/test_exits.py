"""Links through a portal's exit page (您即将离开本站, ``/link.jsp?url=…``) lead to the address in its query
(crawler.pages.exits), from a frozen home page (tests/files/home_exit_page_links.html)."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from crawler.pages.exits import MAX_QUERY_FIELDS, MAX_TARGET_CHARS, exit_target
from crawler.pages.links import page_links

FILES = Path(__file__).resolve().parent.parent / "files"
BASE = "http://www.yunzhou.gov.cn/"


def _links() -> dict[str, str]:
    root = lxml.html.fromstring((FILES / "home_exit_page_links.html").read_bytes())
    return {link.text: link.url for link in page_links(root, BASE)}


def test_a_link_through_the_exit_page_leads_to_the_address_in_its_query():
    links = _links()
    assert [links[name] for name in ("市发展和改革委员会", "市教育局", "市卫生健康委员会", "云州县")] == [
        "http://fgw.yunzhou.gov.cn/", "https://jyj.yunzhou.gov.cn/xxgk/index.html", "http://wjw.yunzhou.gov.cn/",
        "http://www.yzx.gov.cn/"]


def test_a_query_naming_no_absolute_address_is_kept_as_it_is():
    links = _links()
    assert [links[name] for name in ("站内搜索", "无效链接", "新闻中心")] == [
        BASE + "search.jsp?q=%E5%B9%B4%E6%8A%A5&url=%2Fxxgk%2F", BASE + "link.jsp?url=javascript%3Aalert(1)",
        BASE + "link.jsp?url=%2Fxwzx%2Findex.html"]


def test_only_the_first_fields_of_a_query_and_short_values_are_read():
    late = "/link.jsp?" + "&".join(f"k{n}=1" for n in range(MAX_QUERY_FIELDS)) + "&url=http%3A%2F%2Fa.gov.cn%2F"
    long = "/link.jsp?url=http%3A%2F%2Fa.gov.cn%2F" + "a" * MAX_TARGET_CHARS
    assert [exit_target(BASE + late[1:]), exit_target(BASE + long[1:])] == [BASE + late[1:], BASE + long[1:]]
