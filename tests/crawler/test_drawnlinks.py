"""Links a page's script draws from the answer of a GET it makes (crawler.scripted.drawnlinks): a 信息公开 page whose 目录 is
fetched as JSON and written as links, frozen in tests/files/catalog_drawn_from_json.html."""

from __future__ import annotations

import pytest
import scrapy

from crawler.scripted.drawnlinks import MAX_DRAWN, drawn_requests
from tests.crawler.helpers import FILES, file_response, list_meta

PAGE = "http://www.zhoukou.gov.cn/col/col2/index.html"


def test_a_catalogue_a_script_writes_as_links_from_an_answer_is_asked(spider):
    response = file_response("catalog_drawn_from_json.html", PAGE, list_meta("page"))
    asked = {r.url for r in spider.parse_page(response) if isinstance(r, scrapy.Request)}
    assert "http://www.zhoukou.gov.cn/api/catalog/tree.json" in asked
    assert not any("count.jsp" in url for url in asked)   # its other request writes no link


@pytest.mark.parametrize(("code", "asked"), [
    ("$.getJSON('/module/xxgk/tree.jsp', {divid: 'div1'}, function (data) { var h = '';"
     " for (var i = 0; i < data.length; i++) { h += \"<a href='\" + data[i].url + \"'>\" + data[i].name + '</a>'; }"
     " $('#t').html(h); });", "http://www.zhoukou.gov.cn/module/xxgk/tree.jsp?divid=div1"),
    ("axios.get('/api/columns').then(res => { el.innerHTML = res.data.map(d => `<a href=\"${d.link}\">${d.title}</a>`)"
     ".join(''); });", "http://www.zhoukou.gov.cn/api/columns"),
])
def test_a_request_whose_callback_writes_an_items_address_as_a_link_is_asked(code, asked):
    assert drawn_requests(code, PAGE) == [asked]


@pytest.mark.parametrize(("code", "asked"), [
    # jQuery EasyUI's tree drawing the 部门 of a 政府信息公开 platform, a node opened when clicked
    ('var treeData;$.getJSON("/zwgk/js/tree.json",function(d){treeData=d;$("#deptTree").tree({data:treeData,'
     'onClick:function(n){if(n.url){window.open(n.url);}}});});', "http://www.zhoukou.gov.cn/zwgk/js/tree.json"),
    # layui's tree, the node's address under its data
    ("$.get('/api/dept/tree', {siteId: 3}, function (res) { tree.render({elem: '#t', data: res.data,"
     " click: function (obj) { location.href = obj.data.href; }}); });",
     "http://www.zhoukou.gov.cn/api/dept/tree?siteId=3"),
])
def test_a_request_whose_callback_opens_an_items_address_is_asked(code, asked):
    assert drawn_requests(code, PAGE) == [asked]


def test_a_tree_opened_from_an_answer_leads_to_its_nodes(spider):
    response = file_response("catalog_opened_from_json.html", PAGE, list_meta("page"))
    asked = {r.url for r in spider.parse_page(response) if isinstance(r, scrapy.Request)}
    assert "http://www.zhoukou.gov.cn/zwgk/js/tree.json" in asked


def test_requests_writing_no_link_or_far_from_it_or_posted_are_none():
    assert drawn_requests("$.getJSON('/count.jsp', function (n) { $('#c').text(n.count); });", PAGE) == []
    # a fixed address opened is no item's
    assert drawn_requests("$.getJSON('/tree.json', function (n) { window.open('/col/1.html'); });", PAGE) == []
    assert drawn_requests("$.getJSON('/tree.json', function (n) { location.href = location.origin; });", PAGE) == []
    # a drop-down of sites opening its own value is no item's field
    assert drawn_requests("$.getJSON('/count.jsp', function (n) { $('#c').text(n.count); });"
                          " $('#s').change(function () { window.open(this.value); });", PAGE) == []
    far = "$.getJSON('/tree.json', function (n) {" + " " * 700 + "'<a href=\"' + n.url; });"
    assert drawn_requests(far, PAGE) == []
    assert drawn_requests("$.post('/tree.do', {id: 1}, function (n) { h = '<a href=\"' + n.url; });", PAGE) == []
    # a fixed address concatenated is no item's
    assert drawn_requests("$.getJSON('/tree.json', function (n) { h = '<a href=\"' + '/col/1.html'; });", PAGE) == []


def test_a_script_gives_at_most_the_bound_of_drawn_requests():
    code = " ".join(f"$.getJSON('/t{k}.json', function (n) {{ h = '<a href=\"' + n.url; }});" for k in range(20))
    assert len(drawn_requests(code, PAGE)) == MAX_DRAWN


def test_the_pages_own_origin_before_an_items_path_is_no_item_field():
    # the list API's answer is read with the base the script writes (crawler.scripted.scriptapis), not as a catalogue
    code = (FILES / "list_relative_items.js").read_text(encoding="utf-8")
    assert drawn_requests(code, "https://www.zhoukou.gov.cn/xxgk/ndbg/index.html") == []
