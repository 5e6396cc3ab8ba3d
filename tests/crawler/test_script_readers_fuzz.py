"""Property-based fuzzing of the readers of scripts, pagers and gates: whatever a page or script writes (made of
the tokens their patterns look for), they raise nothing and cost time in proportion to it."""

from __future__ import annotations

import time

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.pages.scriptcalls import url_templates
from crawler.scripted.chunks import chunk_files, lazy_chunks, menu_column_views, router_api
from crawler.scripted.scriptapis import api_calls, item_urls
from crawler.scripted.wrappers import exported_functions, wrapped_calls
from crawler.scripted.xmlanswers import is_xml_answer, xml_answer_data
from crawler.scripted.yearloops import looped_years
from crawler.steering.formpagers import submitted_pages
from crawler.steering.pagers import create_page_urls, json_page_urls, proxy_page_urls
from crawler.transport.challenge import challenge_cookies, script_challenge

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PAGE = "http://a.gov.cn/ndbg/index.html"
TOKENS = ["$.ajax({", "$.post('/api/list'", "fetch('/a'", "axios.get('/a',", "'/art/' + item.id", "`/a/${d.id}`",
          "var base = '/detail.html?id=';", "base + item.id", "const {id} = item;", "openDetail('' + item.id + '')",
          "function openDetail(id) { window.open('/d.html?id=' + id); }", "{path:'/nb'", "import('./a.js')",
          "function turnPage(n) { location.href = n == 1 ? 'index.html' : 'index_' + n + '.html'; }", "n == 1 ? ",
          "'index_' + (n - 1) + '.html'", "(n - 1)", "function goPage(r) { ", "form.action = ", "f.submit();",
          "document.pageForm", "$('#pageForm').attr('action', ", "getElementById('pageForm')",
          "'index.jsp?startrow=' + r", "'index' + (n == 1 ? '' : '_' + (n - 1)) + '.html'", "(n > 1 ? ", " : '')",
          "for (var i = 1; i < total + 1; i++) {", "var base = 'list_';", "base + i + '.html'",
          'n.e("12")', '"12":"a1b2"', "document.cookie=", "'a=b'", "+", "location.reload()", "createPageHTML(",
          "dataproxy.jsp?columnid=1", "<totalrecord>", "perpage=", '{"total":', "10", ",", "(", ")", "{", "}", "'",
          '"', "`", "${", "\\", " ", "\n", "<?xml ", "<row>", "var d = getQueryString('d') ?? '1';", " || '1'",
          "for (var y = new Date().getFullYear(); y >= 2019; y--)", "year: (new Date).getFullYear()", "2024", "</", "export{", "k as g}", "a" * 50, "/" * 20]
# a pager of calls beside the form a function may post
FORM_PAGE = lxml.html.fromstring('<form id="pageForm" method="post"><input type="hidden" name="c" value="1"></form>'
                                 + '<a href="javascript:goPage(4)">2</a>' * 50)
codes = st.lists(st.sampled_from(TOKENS), max_size=200).map("".join)
READERS = [api_calls, item_urls, lambda c: lazy_chunks(c, "http://a.gov.cn/app.js", PAGE), menu_column_views,
           lambda c: router_api(c, PAGE), lambda c: chunk_files(c, PAGE), wrapped_calls,
           lambda c: exported_functions(c, "a.js"), lambda c: url_templates([c]),
           lambda c: challenge_cookies(c.encode()), lambda c: script_challenge(c.encode()),
           lambda c: is_xml_answer(c.encode()), lambda c: xml_answer_data(c.encode()),
           lambda c: create_page_urls(c, PAGE), lambda c: proxy_page_urls(c, PAGE, 15),
           lambda c: json_page_urls(c, PAGE + "?page=1"), lambda c: submitted_pages(FORM_PAGE, PAGE, [c]),
           looped_years, lambda c: api_calls(c, page_query={"d": "2"})]


@FUZZ
@given(codes)
def test_no_reader_raises_on_any_script(code):
    for read in READERS:
        read(code)


@settings(FUZZ, max_examples=6)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=4).map("".join))
def test_a_token_repeated_into_half_a_megabyte_costs_each_reader_at_most_seconds(unit):
    code = unit * (500_000 // len(unit))
    for read in READERS:
        started = time.process_time()
        read(code)
        assert time.process_time() - started < 3, read
