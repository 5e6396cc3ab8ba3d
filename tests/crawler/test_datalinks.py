"""Addresses a list keeps in data- attributes that its script opens (crawler.pages.datalinks), from a frozen list page
(tests/files/list_data_url.html)."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from crawler.pages.datalinks import built_addresses, read_attributes
from crawler.pages.links import page_links

FILES = Path(__file__).resolve().parent.parent / "files"
BASE = "http://www.yunzhou.gov.cn/czj/ndbg/2024/index.html"


def texts(name: str = "list_data_url.html") -> dict[str, str]:
    root = lxml.html.fromstring((FILES / name).read_bytes())
    return {link.url: link.text for link in page_links(root, BASE) if link.source == "data"}


def test_a_data_url_the_script_opens_is_a_link_named_by_its_title():
    assert texts()["http://www.yunzhou.gov.cn/art/2024/1/8842.html"] == "云州市财政局2023年政府信息公开工作年度报告"


def test_a_relative_data_href_the_script_reads_is_resolved_against_the_page():
    assert texts()["http://www.yunzhou.gov.cn/czj/ndbg/2023/7731.html"] == "云州市财政局2022年政府信息公开工作年度报告"


def test_an_item_carrying_only_an_id_has_the_address_its_handler_builds():
    assert texts()["http://www.yunzhou.gov.cn/art/6620.html"] == "云州市财政局2021年政府信息公开工作年度报告"


def test_data_attributes_holding_no_address_nor_an_id_a_script_builds_on_are_no_links():
    assert sorted(texts()) == ["http://www.yunzhou.gov.cn/art/2024/1/8842.html",
                               "http://www.yunzhou.gov.cn/art/2024/1/8842.html?share=weixin",
                               "http://www.yunzhou.gov.cn/art/6620.html",
                               "http://www.yunzhou.gov.cn/czj/ndbg/2023/7731.html"]


def test_data_attributes_no_script_reads_are_no_links():
    html = (FILES / "list_data_url.html").read_text(encoding="utf-8")
    root = lxml.html.fromstring(html[:html.index("<script>\n$(")] + "</body></html>")
    assert [link for link in page_links(root, BASE) if link.source == "data"] == []


def test_the_addresses_a_script_builds_around_an_attribute_are_read():
    code = "x = 'detail.html?id=' + this.dataset.docId; y = \"/a/\" + el.getAttribute('data-id') + '.shtml'"
    assert built_addresses([code]) == [("detail.html?id=", "doc-id", ""), ("/a/", "id", ".shtml")]


def test_the_attributes_a_script_reads_are_named_as_in_the_page():
    code = "el.dataset.detailUrl; $(x).attr('data-link'); document.querySelectorAll('[data-src]')"
    assert read_attributes([code]) == {"detail-url", "link", "src"}


def test_an_id_kept_in_a_variable_is_built_into_the_address_the_handler_loads():
    # var catalog = $(this).data('catalog-id'); … .load('/mzj/xxgk/getList.do?catalogId=' + catalog + '&page=1')
    links = {link.text: link.url for link in page_links(
        lxml.html.fromstring((FILES / "platform_catalog_data_tree.html").read_bytes()), "http://www.nanchuan.gov.cn/mzj/")
        if link.source == "data"}
    assert links["政府信息公开年度报告"] == "http://www.nanchuan.gov.cn/mzj/xxgk/getList.do?catalogId=0212&page=1"
    assert len(links) == 4
