"""Jeecms's attachments, whose addresses ``Cms.attachment`` writes from the keys the server answers
(``crawler.scripted.jeecms``): read from a frozen article, and asked by the spider in place of the article."""

from __future__ import annotations

import scrapy
from scrapy.http import Request, TextResponse

from crawler.items import ReportDocument
from crawler.scripted.jeecms import (MAX_ATTACHMENTS, MAX_KEY_CHARS, MAX_KEYS_ANSWER, attachment_calls,
                                    attachment_links)
from tests.crawler.helpers import document_meta, file_response

ARTICLE = "http://www.zhoukou.gov.cn/xxgk/ndbg/48356.jhtml"
KEYS = "http://www.zhoukou.gov.cn/attachment_url.jspx?cid=48356&n=2"
TITLE = "西川市教育局2021年政府信息公开工作年度报告"


def _article():
    return file_response("article_jeecms_attachment.html", ARTICLE, document_meta(link_text=TITLE))


def _calls():
    response = _article()
    return attachment_calls(response.selector.root, response.xpath("//script[not(@src)]/text()").getall(), ARTICLE)


def _keys(call, body: bytes, meta: dict) -> TextResponse:
    return TextResponse(url=call.keys_url, body=body, encoding="utf-8", request=Request(call.keys_url, meta=meta))


def test_a_call_names_each_attachment_by_its_element_and_asks_for_their_keys():
    (call,) = _calls()
    assert call.keys_url == KEYS
    assert call.names == (f"{TITLE}.pdf", "附表.xls")


def test_each_attachment_is_the_servlet_asked_with_its_key():
    (call,) = _calls()
    links = attachment_links(call, '["&t=1625796990073&k=e005329f", "&t=1625796990074&k=9a1b"]')
    assert [(link.url, link.text) for link in links] == [
        ("http://www.zhoukou.gov.cn/attachment.jspx?cid=48356&i=0&t=1625796990073&k=e005329f", f"{TITLE}.pdf"),
        ("http://www.zhoukou.gov.cn/attachment.jspx?cid=48356&i=1&t=1625796990074&k=9a1b", "附表.xls")]


def test_an_answer_that_is_no_list_of_keys_gives_no_attachment():
    (call,) = _calls()
    assert attachment_links(call, "<h1>404</h1>") == []
    assert attachment_links(call, '{"k": "&t=1"}') == []
    assert attachment_links(call, f'["&t=1 2", "&k={"a" * MAX_KEY_CHARS}"]') == []
    assert attachment_links(call, '["&t=1&k=2"' + " " * MAX_KEYS_ANSWER + "]") == []


def test_a_call_names_at_most_its_bound_of_attachments():
    html = '<div id="attach0">a.pdf</div><script>Cms.attachment("", "7", "5000", "attach");</script>'
    response = TextResponse(url=ARTICLE, body=html.encode(), encoding="utf-8")
    (call,) = attachment_calls(response.selector.root, response.xpath("//script/text()").getall(), ARTICLE)
    assert len(call.names) == MAX_ATTACHMENTS


def test_the_article_asks_for_its_attachments_keys_instead_of_being_the_report(spider):
    results = list(spider.parse_document(_article()))
    assert [r.url for r in results if isinstance(r, scrapy.Request)] == [KEYS]
    assert [r for r in results if isinstance(r, ReportDocument)] == []


def test_the_attachment_named_as_the_report_is_asked_with_its_key(spider):
    (keys_request,) = spider.parse_document(_article())
    answer = _keys(keys_request.meta["call"], b'["&t=1625796990073&k=e005329f", "&t=1625796990074&k=9a1b"]',
                   keys_request.meta)
    requests = list(spider.parse_attachment_keys(answer))
    assert [(r.url, r.meta["link_text"], r.meta["page_title"]) for r in requests] == [
        ("http://www.zhoukou.gov.cn/attachment.jspx?cid=48356&i=0&t=1625796990073&k=e005329f", f"{TITLE}.pdf", TITLE)]


def test_keys_that_open_nothing_leave_the_article_as_all_that_was_published(spider):
    (keys_request,) = spider.parse_document(_article())
    (item,) = spider.parse_attachment_keys(_keys(keys_request.meta["call"], b"[]", keys_request.meta))
    assert isinstance(item, ReportDocument) and item.final_url == ARTICLE
