"""Lists answered as JSONP (crawler.scripted.jsonp): the JSON a callback is called with is the answer, its items the
list's documents and its page count the list's other pages (the frozen gkmlpt answer, wrapped as jQuery wraps it);
the request sent with a callback, as jQuery sends it."""

from __future__ import annotations

import json

import pytest
import scrapy
from scrapy.http import Request, TextResponse

from crawler.scripted.jsonp import CALLBACK, MAX_REQUOTED_CHARS, is_json_answer, json_text
from crawler.scripted.scriptapis import api_calls
from tests.crawler.helpers import FILES

API = "http://www.zhoukou.gov.cn/gkmlpt/api/all/2059?page=1&sid=757"
ANSWER = (FILES / "gkmlpt_api_nb2020.json").read_bytes()


def _wrapped(prefix: bytes, suffix: bytes = b");") -> TextResponse:
    return TextResponse(url=API, body=prefix + ANSWER + suffix, encoding="utf-8",
                        headers={"Content-Type": "application/javascript;charset=UTF-8"},
                        request=Request(API, meta={"role": "page", "hops": 2, "link_text": "2020年"}))


@pytest.mark.parametrize("prefix", [b"jQuery18305_1701820000000(", b"/**/ cb (", b"?(", b"\xef\xbb\xbfcallback(\n"])
def test_a_callback_called_with_json_is_an_answer_of_that_json(prefix):
    assert is_json_answer(prefix + ANSWER) and json_text((prefix + ANSWER + b");\n").decode("utf-8-sig")) == \
        ANSWER.decode()


def test_a_script_calling_a_function_is_no_answer():
    assert not is_json_answer(b"jQuery(function () { $.ajax({url: '/api/list'}); });")


def test_a_jsonp_answer_lists_its_reports_as_documents(spider):
    results = list(spider.parse_page(_wrapped(b"jQuery18305_1701820000000(")))
    held = spider._held.release_all()
    urls = {r.url for r in [*results, *held] if isinstance(r, scrapy.Request) and r.meta["role"] == "document"}
    assert "http://www.zhoukou.gov.cn/gkmlpt/content/2/2916/post_2916840.html#2059" in urls


def test_a_jsonp_answer_gives_the_other_pages_of_its_list(spider):
    pages = {r.url for r in spider.parse_page(_wrapped(b"cb(")) if isinstance(r, scrapy.Request)
             and r.meta["role"] == "list"}
    assert pages == {API.replace("page=1", "page=2"), API.replace("page=1", "page=3")}


def test_a_jsonp_ajax_call_sends_its_callback_as_jquery_does():
    code = '$.ajax({url: "/api/list", dataType: "jsonp", data: {channelId: "ndbg", page: 1}, success: draw});'
    assert api_calls(code)[0].data == (("channelId", "ndbg"), ("page", "1"), ("callback", CALLBACK))


def test_a_jsonp_ajax_call_names_its_callback_as_its_options_say():
    code = "$.ajax({url: '/api/list', dataType: 'jsonp', jsonp: 'cb', jsonpCallback: 'showList'});"
    assert api_calls(code)[0].data == (("cb", "showList"),)


def test_the_callback_jquery_fills_in_is_named():
    [call] = api_calls("$.getJSON('/api/list?callback=?', {page: 1}, draw);")
    assert call.url == f"/api/list?callback={CALLBACK}"


def test_a_json_ajax_call_sends_no_callback():
    assert api_calls("$.ajax({url: '/api/list', dataType: 'json', data: {page: 1}});")[0].data == (("page", "1"),)


def test_an_answer_with_strings_in_single_quotes_is_read_as_the_json_it_means():
    # TRS WAS5's docs.jsp list: "py":'###pypy###' where JSON has double quotes; a quote inside a string stays
    text = json_text((FILES / "was5_docs_answer.txt").read_text(encoding="utf-8"))
    answer = json.loads(text)
    assert (answer["py"], [d["time"] for d in answer["docs"]]) == ("###pypy###", ["2025-01-20", "2024-01-25"])
    assert json.loads(json_text("""{"a": 'it\\'s "so"', "b": "don't", "c": ['x']}""")) == {
        "a": "it's \"so\"", "b": "don't", "c": ["x"]}


def test_single_quoted_strings_are_read_within_bounds():
    unclosed = "{\"a\":'" + "x\\'" * 100_000   # a quote never closed: left as written, no JSON
    assert json_text(unclosed) == unclosed
    big = "{\"py\":'###pypy###', \"pad\": \"" + " " * MAX_REQUOTED_CHARS + "\"}"
    assert json_text(big) is big   # past the bound, not re-quoted
