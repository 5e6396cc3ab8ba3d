"""Lists an API answers as XML (crawler.scripted.xmlanswers): read into objects as a JSON answer is, their links found
as a JSON answer's are; and the spider reading an XML answer to a script's request as the column's list."""

from __future__ import annotations

import scrapy
from scrapy.http import Request, Response

from crawler.pages.links import xml_answer_links
from crawler.scripted.scriptapis import ItemUrl
from crawler.scripted.xmlanswers import MAX_ELEMENTS, is_xml_answer, xml_answer_data
from tests.crawler.helpers import FILES

API = "http://www.zhoukou.gov.cn/mzj/interface/getList.jsp?columnid=nb&pageNo=1"


def _body() -> bytes:
    return (FILES / "api_list_answer.xml").read_bytes()


def test_an_xml_answers_items_are_links_named_by_their_titles():
    links = xml_answer_links(_body(), API)
    assert [(link.url, link.text, link.date) for link in links] == [
        ("http://www.zhoukou.gov.cn/mzj/art/2024/8842.html", "周口市民政局2023年政府信息公开工作年度报告", "2024-01-20"),
        ("http://www.zhoukou.gov.cn/mzj/art/2024/8840.html", "周口市民政局2023年度工作总结", "2024-01-12"),
        ("http://www.zhoukou.gov.cn/mzj/art/2023/8501.html", "周口市民政局2022年政府信息公开工作年度报告", "2023-01-18")]


def test_an_item_without_an_address_gets_the_one_the_asking_script_builds():
    links = xml_answer_links(_body(), API, (ItemUrl("/mzj/detail.jsp?id=", "id", ""),))
    assert "http://www.zhoukou.gov.cn/mzj/detail.jsp?id=8422" in [link.url for link in links]


def test_records_written_as_attributes_are_read():
    body = ('<?xml version="1.0"?><docs><doc id="1" title="周口市2023年政府信息公开工作年度报告" url="/a/1.html"/>'
            '<doc id="2" title="周口市2022年政府信息公开工作年度报告" url="/a/2.html"/></docs>').encode()
    assert [link.url for link in xml_answer_links(body, API)] == ["http://www.zhoukou.gov.cn/a/1.html",
                                                                  "http://www.zhoukou.gov.cn/a/2.html"]


def test_html_and_json_are_no_xml_answer():
    assert not is_xml_answer(b"<!DOCTYPE html><html><body></body></html>")
    assert not is_xml_answer(b"<html><body></body></html>")
    assert not is_xml_answer(b'{"list": []}')


def test_an_entity_bomb_is_not_expanded_and_a_huge_answer_is_read_within_its_bounds():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><list><item><title>&c;</title></item></list>')
    data = xml_answer_data(bomb)
    assert data is None or len(str(data)) < 1000
    many = b"<list>" + b"<item><title>t</title><url>/a.html</url></item>" * (MAX_ELEMENTS + 10) + b"</list>"
    assert len(xml_answer_data(many)["list"]["item"]) < MAX_ELEMENTS


def test_the_spider_reads_an_xml_answer_to_a_scripts_request_as_the_columns_list(spider):
    api = {"method": "GET", "data": [["columnid", "nb"], ["pageNo", "1"]], "item_urls": [], "json": False}
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "list_of": "http://www.zhoukou.gov.cn/mzj/nb.html",
            "link_text": "政府信息公开年报", "api": api}
    response = Response(API, body=_body(), headers={"Content-Type": "text/xml;charset=UTF-8"},
                        request=Request(API, meta=meta))
    requested = [r.url for r in spider.parse_page(response) if isinstance(r, scrapy.Request)]
    assert "http://www.zhoukou.gov.cn/mzj/art/2024/8842.html" in requested
    assert "http://www.zhoukou.gov.cn/mzj/art/2023/8501.html" in requested


def test_an_html_fragment_a_loader_puts_in_place_is_no_xml_answer():
    assert not is_xml_answer('<li><a href="/a/1.html">周口市2023年政府信息公开工作年度报告</a></li>'.encode())
    assert not is_xml_answer(b'<div class="list"><ul><li></li></ul></div>')
    assert not is_xml_answer(b'<table><tr><td></td></tr></table>')
    assert is_xml_answer(b'<docs><doc id="1" title="t" url="/a/1.html"/></docs>')


def test_records_under_a_root_named_as_an_html_element_are_an_xml_answer():
    records = ('<table>\n  <row id="1"><title>周口市2023年政府信息公开工作年度报告</title><link>/a/1.html</link></row>\n'
               '  <row id="2"><title>周口市2022年政府信息公开工作年度报告</title><link>/a/2.html</link></row>\n</table>').encode()
    assert [link.url for link in xml_answer_links(records, API)] == ["http://www.zhoukou.gov.cn/a/1.html",
                                                                     "http://www.zhoukou.gov.cn/a/2.html"]
    assert is_xml_answer(b'<?xml version="1.0" encoding="UTF-8"?>\n<table><tr><td>t</td></tr></table>')
    # HTML's: an attribute of HTML on the root, HTML's markup within, a page's own first element
    assert not is_xml_answer(b'<table class="list"><row><title>t</title></row></table>')
    assert not is_xml_answer(b'<table>\n<tbody><tr><td><a href="/a/1.html">t</a></td></tr></tbody></table>')
    assert not is_xml_answer(b'<!DOCTYPE html><title>t</title><link rel="stylesheet" href="/a.css">')
