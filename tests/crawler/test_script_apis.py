"""Columns drawn by a script from an API's JSON answer (jQuery, Vue): the API asked as the script asks it,
its items' addresses made as the script makes them, its other pages posted (crawler.scripted.scriptapis)."""

from __future__ import annotations

import json
import time
from datetime import date
from urllib.parse import parse_qsl

import lxml.html
import pytest
import scrapy
from scrapy.http import Request, TextResponse

from crawler.pages.links import answer_links, page_fields
from crawler.scripted.scriptapis import (CACHE_BUSTER, MAX_SCRIPT_CHARS, MAX_TRIED, MAX_YEAR_LIST, MAX_YEARS, ApiCall,
                                         ItemUrl, PageGlobals, api_calls, defines_called, field_names, item_urls,
                                         offered_years, reads_fields)
from crawler.scripted.wrappers import wrapped_calls
from tests.crawler.helpers import FILES, file_response

COLUMN = "http://www.zhoukou.gov.cn/column/1205.html"
API = "http://www.zhoukou.gov.cn/api/content/list"


def _script() -> str:
    return (FILES / "column_script_api.html").read_text(encoding="utf-8").split("<script>")[1]


def _column_requests(spider) -> list[scrapy.Request]:
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "年度报告"}
    return [r for r in spider.parse_page(file_response("column_script_api.html", COLUMN, meta))
            if isinstance(r, scrapy.Request)]


def _answer(spider, api: dict, url: str = API, file: str = "api_content_list.json", column: str = COLUMN,
            link_text: str = "年度报告") -> list[scrapy.Request]:
    """What the spider asks next on reading the API's answer ``file`` at ``url`` (asked for ``column``)."""
    response = TextResponse(url=url, body=(FILES / file).read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/json;charset=UTF-8"},
                            request=Request(url, method="POST", meta={
                                "role": "page", "hops": 2, "chain": 0, "subsite": 0, "list_of": column,
                                "link_text": link_text, "api": api}))
    return [r for r in spider.parse_page(response) if isinstance(r, scrapy.Request)] + spider._held.release_all()


API_META = {"method": "POST", "data": [["columnId", "1205"], ["pageNo", "1"], ["pageSize", "15"]],
            "item_urls": [["/content/detail.html?id=", "id", ""]]}


def test_an_ajax_call_is_read_with_its_method_and_first_page():
    assert api_calls(_script())[0] == ApiCall("/api/content/list", "POST",
                                              (("columnId", "1205"), ("pageNo", "1"), ("pageSize", "15")))


def test_a_call_whose_data_names_an_unknown_variable_is_not_made():
    assert [c.url for c in api_calls(_script())] == ["/api/content/list"]


def test_the_script_says_how_an_item_address_is_made():
    assert item_urls(_script()) == (ItemUrl("/content/detail.html?id=", "id", ""),)


def test_items_with_an_id_only_get_the_address_the_script_makes():
    links = answer_links((FILES / "api_content_list.json").read_text(encoding="utf-8"), API,
                         (ItemUrl("/content/detail.html?id=", "id", ""),))
    assert links[0].url == "http://www.zhoukou.gov.cn/content/detail.html?id=8823"


def test_a_column_drawn_by_a_script_posts_the_script_request(spider):
    post = next(r for r in _column_requests(spider) if r.url == API)
    assert (post.method, dict(parse_qsl(post.body.decode()))) == \
        ("POST", {"columnId": "1205", "pageNo": "1", "pageSize": "15"})


def test_the_api_is_not_also_fetched_as_a_page(spider):
    assert [r.method for r in _column_requests(spider) if r.url.startswith(API)] == ["POST"]


def test_the_answer_items_are_requested_as_documents(spider):
    documents = {r.url for r in _answer(spider, API_META) if r.meta["role"] == "document"}
    assert "http://www.zhoukou.gov.cn/content/detail.html?id=8821" in documents


def test_the_answer_other_pages_are_posted_with_the_next_page_number(spider):
    posts = [dict(parse_qsl(r.body.decode())) for r in _answer(spider, API_META) if r.meta["role"] == "list"]
    assert posts == [{"columnId": "1205", "pageNo": "2", "pageSize": "15"}]


def test_a_hostile_script_costs_no_more_than_its_bounds():
    code = "$.ajax({url: '/a', data: {x: y}});" * 50_000 + "'/" * 100_000   # under MAX_SCRIPT_CHARS
    assert (api_calls(code), item_urls(code)) == ([], ())


def test_a_get_whose_url_the_script_continues_is_no_api_call():
    code = (FILES / "list_load_more.html").read_text(encoding="utf-8").split("<script>")[1]
    assert api_calls(code) == []


# -- axios, fetch, JSON bodies (Vue and React platforms) ---------------------------------------------------

VUE_COLUMN = "http://www.zhoukou.gov.cn/xxgk/nb.html"
VUE_API = "http://www.zhoukou.gov.cn/prod-api/cms/article/page"
VUE_META = {"method": "POST", "json": True, "bare": ["pageNum", "pageSize"],
            "data": [["channelId", "nb"], ["pageNum", "1"], ["pageSize", "10"], ["status", "0"]],
            "item_urls": [["/article/detail.html?articleId=", "articleId", ""]]}


def _calls(name: str) -> list[ApiCall]:
    return api_calls((FILES / name).read_text(encoding="utf-8").split("<script>")[1])


def _vue_requests(spider) -> list[scrapy.Request]:
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "政府信息公开年报"}
    return [r for r in spider.parse_page(file_response("column_vue_axios.html", VUE_COLUMN, meta))
            if isinstance(r, scrapy.Request)]


def _ruoyi_answer(spider) -> list[scrapy.Request]:
    return _answer(spider, VUE_META, VUE_API, "api_ruoyi_rows.json", VUE_COLUMN,
                   "政府信息公开年报 政府信息公开年报-临江市教育局")


def test_an_axios_post_sends_its_object_as_json_its_numbers_as_numbers():
    assert _calls("column_vue_axios.html")[0] == ApiCall(
        "/prod-api/cms/article/page", "POST", (("channelId", "nb"), ("pageNum", "1"), ("pageSize", "10"),
                                               ("status", "0")), True, ("pageNum", "pageSize"))


def test_an_axios_get_asks_its_params_in_the_query():
    assert ApiCall("/prod-api/cms/banner/list", "GET", (("siteId", "3"), ("position", "top"))) \
        in _calls("column_vue_axios.html")


def test_an_axios_config_call_whose_data_qs_stringify_writes_posts_a_form():
    assert ApiCall("/prod-api/cms/visit/add", "POST", (("siteId", "3"), ("channelId", "nb"))) \
        in _calls("column_vue_axios.html")


def test_axios_as_a_webpack_4_modules_default_asks_as_axios():
    """Vue CLI compiles ``import axios from "axios"`` to a module whose default is ``o.a`` (``o=n.n(r)``)."""
    code = ('var r=n("bc3a"),o=n.n(r);s={methods:{load:function(t){o.a.get("/czj/api/nb/list",{params:{page:t,size:10,'
            'channel:"cznb"}}).then(function(t){})},save:function(){return c.default.post("/czj/api/visit",{id:"nb"})}}}')
    assert api_calls(code) == [ApiCall("/czj/api/nb/list", "GET", (("page", "1"), ("size", "10"), ("channel", "cznb"))),
                               ApiCall("/czj/api/visit", "POST", (("id", "nb"),), True)]


def test_angulars_http_client_asks_as_axios():
    code = ('class t{constructor(e){this.http=e}getList(){return this.http.get("/jyj/api/list",{params:{page:"1",'
            'column:"ndbg"}})}}')
    assert api_calls(code) == [ApiCall("/jyj/api/list", "GET", (("page", "1"), ("column", "ndbg")))]


def test_a_get_of_a_longer_name_or_a_property_is_no_axios_call():
    assert api_calls('cache.a.get("/api/list",{params:{page:1}});this.store.a.get("/api/x",{params:{p:1}})') == []


def test_a_fetch_of_a_template_literal_asks_the_address_its_substitutions_make():
    """create-react-app keeps template literals: the API's base a declared string, the page a state's value."""
    code = ('var e=n(791),p="modulepreload";const API="/wjw/api";function r(){const[r,a]=(0,e.useState)([]),[p]=(0,'
            'e.useState)(1);(0,e.useEffect)((()=>{fetch(`${API}/list?page=${p}&size=10&column=ndbg`).then((e=>e.json()))'
            '}),[p]);return axios.get(`${API}/menu`,{params:{site:"wjw"}})}')
    assert api_calls(code) == [ApiCall("/wjw/api/menu", "GET", (("site", "wjw"),)),
                               ApiCall("/wjw/api/list?page=1&size=10&column=ndbg", "GET", ())]


def test_a_template_literal_with_an_unknown_substitution_is_not_asked():
    assert api_calls('fetch(`${base}/list?column=${col}`).then(r=>r.json())') == []


def test_an_axios_call_naming_an_unknown_variable_is_not_made():
    assert "/prod-api/cms/article/search" not in [c.url for c in _calls("column_vue_axios.html")]


def test_a_fetch_posts_the_json_its_body_stringifies_and_gets_without_options():
    assert _calls("column_fetch_json.html") == [
        ApiCall("/api/info/list", "POST", (("catId", "33"), ("page", "1"), ("rows", "10"), ("keyword", "")), True,
                ("catId", "page", "rows")),
        ApiCall("/api/site/config", "GET", ())]   # fetch('/api/stat/visit', options): options unknown


def test_an_ajax_call_whose_data_json_stringify_writes_sends_json():
    assert _calls("column_ajax_json_body.html") == [ApiCall(
        "/gateway/api/info/queryPage", "POST", (("columnCode", "ndbg"), ("current", "1"), ("size", "15"),
                                                ("isTop", "false")), True, ("current", "size", "isTop"))]


def test_an_item_field_read_through_the_answer_path_makes_the_address():
    code = (FILES / "column_ajax_json_body.html").read_text(encoding="utf-8").split("<script>")[1]
    assert item_urls(code) == (ItemUrl("/info/detail?infoId=", "infoId", ""),)


def test_an_item_address_written_in_a_template_literal_is_its_template():
    code = ("r.data.map(d => `<li><a href=\"/jyj/art/${d.id}.html\" target=\"_blank\">${d.title}</a></li>`)"
            ";fetch(`${API}/list?page=${p}`)")
    assert item_urls(code) == (ItemUrl("/jyj/art/", "id", ".html"),)


def test_an_address_the_script_declares_before_an_items_field_is_its_template():
    code = ("var base = '/wjw/xxgk/detail.html?id=', size = 10;\nres.data.records.forEach(function (item) {\n"
            "  li.onclick = function () { location.href = base + item.id; };\n"
            "  li.title = label + item.title;\n});")   # label is declared no address: no template of it
    assert item_urls(code + "\nvar label = '年报';") == (ItemUrl("/wjw/xxgk/detail.html?id=", "id", ""),)


def test_an_address_written_of_the_name_a_loop_gives_an_items_field_is_its_template():
    code = ("var base = '/wjw/xxgk/detail.html?id=';\nres.data.forEach(function (item) {\n"
            "  var id = item.id, title = item.title;\n  li.onclick = function () { location.href = base + id; };\n"
            "});\nrows.forEach((row) => { const {docId: doc, year} = row;\n"
            "  tr.onclick = () => window.open('/art/' + doc + '.html');\n"
            "  a.href = '/nb/' + year + '/' + doc + '.html'; });\n"   # two fields: no address of one
            "var total = res.total; $('#count').text('共' + total + '条');")   # total is no address's
    assert item_urls(code) == (ItemUrl("/wjw/xxgk/detail.html?id=", "id", ""), ItemUrl("/art/", "docId", ".html"))


def test_an_address_of_two_fields_of_an_item_gives_none_never_a_partial_one():
    """Each way an address is written of an item's field: where a second field (or a variable) stands before or
    after it, ItemUrl (prefix, field, suffix) cannot write it, and the part of it one field gives is no address."""
    code = ("res.data.forEach(function (item) {\n"
            "  html += '<a href=\"/xxgk/detail.html?id=' + item.id + '&type=' + item.type + '\">' + item.title;\n"
            "  html += '<a href=\"/nb/' + item.year + '/' + item.docId + '.html\">';\n"
            "  html += '<a href=\"' + root + '/art/' + item.artId + '.html\">';\n"
            "  el.href = base + item.catId + '/' + item.infoId;\n"
            "  li.innerHTML = `<a href=\"/jyj/${d.year}/${d.uid}.html\">${d.title}</a>`;\n});\n"
            "var base = '/show/';")
    assert item_urls(code) == ()
    one = "html += '<a href=\"/art/' + item.id + '.html\" title=\"' + item.title + '\">' + item.title + '</a>';"
    assert item_urls(one) == (ItemUrl("/art/", "id", ".html"),)


def test_an_items_markup_calling_the_pages_function_with_its_field_gets_the_address_the_function_makes():
    code = ("function openDetail(id) { window.open('/nyj/xxgk/detail.html?id=' + id); }\n"
            "function show(y, id) { location.href = '/art/' + y + '/' + id + '.html'; }\n"
            "$.each(r.data, function (i, item) {\n"
            "  html += '<li><a onclick=\"openDetail(\\'' + item.id + '\\')\">' + item.title + '</a></li>';\n"
            "  html += '<li><a onclick=\"show(' + item.docId + ')\">' + item.title + '</a></li>';\n});")
    # show takes two arguments: one field is not its address
    assert item_urls(code) == (ItemUrl("/nyj/xxgk/detail.html?id=", "id", ""),)


def test_a_vue_column_posts_the_json_body_its_script_sends(spider):
    post = next(r for r in _vue_requests(spider) if r.url == VUE_API)
    assert (post.method, post.headers[b"Content-Type"], json.loads(post.body)) == \
        ("POST", b"application/json", {"channelId": "nb", "pageNum": 1, "pageSize": 10, "status": "0"})


def test_an_axios_api_is_not_also_fetched_as_a_page(spider):
    assert [r.method for r in _vue_requests(spider) if r.url.startswith(VUE_API)] == ["POST"]


def test_a_json_answer_with_its_record_count_only_is_paged_by_the_size_asked_as_json(spider):
    bodies = [json.loads(r.body) for r in _ruoyi_answer(spider) if r.meta["role"] == "list"]
    assert [b["pageNum"] for b in bodies] == [2, 3]


def test_a_json_answer_with_few_reports_is_still_its_column_list(spider):
    documents = {r.url for r in _ruoyi_answer(spider) if r.meta["role"] == "document"}
    assert documents == {"http://www.zhoukou.gov.cn/article/detail.html?articleId=61203"}


def test_a_hostile_script_of_axios_and_fetch_calls_costs_no_more_than_its_bounds():
    code = "axios.post('/a', {x: y}); fetch('/b', o); axios({url: '/c', params: z});" * 20_000   # 1.4M chars
    assert api_calls(code) == []


def test_a_hostile_script_of_template_literal_fetches_costs_no_more_than_its_bounds():
    """Substitutions of names declared only at the end of a long script: the declarations are read once."""
    names = [f"n{k}" for k in range(40)]
    sites = "".join(f"fetch(`/{k}/" + "".join(f"${{{n}}}" for n in names) + "`);" for k in range(60))
    code = sites + ";" * 1_800_000 + "var " + ",".join(f'{n}="x"' for n in names) + ";"
    started = time.monotonic()
    assert len(api_calls(code)) == 10   # MAX_CALLS
    assert time.monotonic() - started < 5


def test_a_column_a_script_fetches_posts_the_json_the_script_stringifies(spider):
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "政府信息公开年度报告"}
    requests = spider.parse_page(file_response("column_fetch_json.html", "http://www.zhoukou.gov.cn/gk/nb.html", meta))
    post = next(r for r in requests if isinstance(r, scrapy.Request) and r.method == "POST")
    assert (post.url, json.loads(post.body)) == \
        ("http://www.zhoukou.gov.cn/api/info/list", {"catId": 33, "page": 1, "rows": 10, "keyword": ""})


def test_an_item_address_bound_in_a_vue_template_goes_with_the_request(spider):
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "政府信息公开年报"}
    requests = spider.parse_page(file_response("column_vue_template.html", "http://www.zhoukou.gov.cn/xxgk/nb.html",
                                               meta))
    post = next(r for r in requests if isinstance(r, scrapy.Request) and r.method == "POST")
    assert post.meta["api"]["item_urls"] == [["/xxgk/detail.html?id=", "id", ""]]


# -- whole objects and shorthand keys ---------------------------------------------------------------------

def test_a_whole_query_object_is_sent_as_the_vue_data_writes_it():
    assert _calls("column_vue_whole_query.html") == [ApiCall(
        "/mzj/api/info/list", "POST", (("pageNum", "1"), ("pageSize", "10"), ("columnCode", "mzndbg")), True,
        ("pageNum", "pageSize"))]   # this.typeQuery is written nowhere: not asked


def test_the_object_nearest_before_the_call_is_the_one_sent():
    code = ("function a(){var n={pageNum:1,catId:'x'};return t.post('/a',n)}"
            "function b(){var n={pageNum:1,catId:'y'};axios.post('/api/b',n)}")
    assert api_calls(code) == [ApiCall("/api/b", "POST", (("pageNum", "1"), ("catId", "y")), True, ("pageNum",))]


def test_a_vue3_refs_value_is_its_object():
    code = 'const t=m([]),n=m({channelCode:"jynb",current:1});axios.get("/api/page",{params:n.value})'
    assert api_calls(code) == [ApiCall("/api/page", "GET", (("channelCode", "jynb"), ("current", "1")))]


def test_shorthand_keys_are_the_variables_of_their_names():
    assert _calls("column_ajax_shorthand.html") == [ApiCall(
        "/wjw/api/list", "POST", (("columnId", "wjwnb"), ("pageNo", "1"), ("pageSize", "15")))]   # keyword: unknown


def test_an_object_written_far_before_the_call_is_not_taken():
    code = "var q={pageNum:1,catId:'x'};" + ";" * 30_000 + "axios.post('/api/b',q)"
    assert api_calls(code) == []


def test_an_object_spread_into_the_data_is_sent_with_it():
    code = ('new Vue({data(){return {pageNum:1,queryParams:{pageSize:10,catalogCode:"nb"}}},methods:{getList(){'
            'axios.post("/api/list",{...this.queryParams,pageNum:this.pageNum})}}})')
    assert api_calls(code) == [ApiCall("/api/list", "POST", (("pageSize", "10"), ("catalogCode", "nb"),
                                                             ("pageNum", "1")), True, ("pageSize", "pageNum"))]


def test_object_assign_merges_its_objects_in_order_later_entries_winning():
    code = 'const n=m({channelCode:"cznb",current:3});axios.get("/api/page",{params:Object.assign({},n.value,{current:1})})'
    assert api_calls(code) == [ApiCall("/api/page", "GET", (("channelCode", "cznb"), ("current", "1")))]


def test_a_spread_of_an_unknown_object_makes_no_call():
    """Sending the other entries alone would ask what the script never asks."""
    assert api_calls('axios.post("/api/list",{...this.filters,pageNum:1})') == []


def test_a_webpack_5_compiled_spread_is_the_merged_object():
    code = 'const q={catalogId:"gknb"};axios.post("/api/list",(0,o.Z)((0,o.Z)({},q),{},{pageNum:1}))'
    assert api_calls(code) == [ApiCall("/api/list", "POST", (("catalogId", "gknb"), ("pageNum", "1")), True,
                                       ("pageNum",))]


def test_a_call_whose_first_object_is_not_written_in_place_is_no_merge():
    assert api_calls('const q={catalogId:"gknb"};axios.post("/api/list",(0,o.Z)(q,{pageNum:1}))') == []


def test_an_object_spreading_itself_ends_at_the_depth_bound():
    assert api_calls("var q={...q,page:1};axios.post('/api/list',q)") == []


def test_a_search_pages_script_sends_the_words_of_its_address_under_its_search_key():
    code = 'var kw = getQueryString("keyword"); $.ajax({url: "/search/api", data: {keyword: kw, page: p, size: 10}});'
    assert api_calls(code, "年报") == [ApiCall("/search/api", "GET", (("keyword", "年报"), ("page", "1"), ("size", "10")))]


def test_a_value_written_in_place_under_a_search_key_is_kept_on_a_search_page():
    code = '$.ajax({url: "/search/api", data: {key: "3f2a9c", wd: kw, page: 1}});'
    assert api_calls(code, "年报") == [ApiCall("/search/api", "GET", (("key", "3f2a9c"), ("wd", "年报"), ("page", "1")))]


def test_a_list_asked_by_record_offset_is_asked_first_at_offset_zero():
    code = (FILES / "column_offset_limit.html").read_text(encoding="utf-8").split("<script>")[1]
    assert api_calls(code) == [ApiCall("/api/info/list", "GET", (("channel", "ndbg"), ("offset", "0"), ("limit", "3")))]


CURSOR_API = "http://wjw.zhoukou.gov.cn/api/v1/articles?channelId=ndbg&limit=3&nextToken="
CURSOR_META = {"method": "GET", "data": [["channelId", "ndbg"], ["limit", "3"], ["nextToken", ""]], "item_urls": []}


def _cursor_answer(spider, cursors: int) -> list[scrapy.Request]:
    response = TextResponse(url=CURSOR_API, body=(FILES / "api_cursor_items.json").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/json;charset=UTF-8"},
                            request=Request(CURSOR_API, meta={
                                "role": "page", "hops": 2, "chain": 0, "subsite": 0, "list_of": COLUMN,
                                "link_text": "政府信息公开年报", "api": CURSOR_META, "cursors": cursors}))
    return [r for r in spider.parse_page(response) if isinstance(r, scrapy.Request) and r.meta["role"] == "list"]


def test_a_cursor_paged_answer_is_followed_by_the_page_it_names(spider):
    assert [(r.url, r.meta["cursors"]) for r in _cursor_answer(spider, 0)] == [(CURSOR_API + "b2Zmc2V0PTM%3D", 1)]


def test_a_cursor_paged_list_is_asked_at_most_max_cursor_pages_in_a_row(spider):
    from crawler.steering.pagers import MAX_CURSOR_PAGES
    assert _cursor_answer(spider, MAX_CURSOR_PAGES) == []


@pytest.mark.parametrize("code", [
    'axios.post("/api/list", {deptId: getQueryString("deptId"), pageNo: 1})',
    'var d = new URLSearchParams(window.location.search).get("deptId"); axios.post("/api/list", {deptId: d, pageNo: 1})',
    'axios.post("/api/list", {deptId: this.$route.query.deptId, pageNo: 1})',
])
def test_a_value_the_script_reads_from_its_pages_address_is_that_addresss_parameter(code):
    """One app shell for every body of a platform (index.html?deptId=1002): the body is the shell's own query."""
    assert api_calls(code, page_query={"deptId": "1002", "x": "1"}) == [
        ApiCall("/api/list", "POST", (("deptId", "1002"), ("pageNo", "1")), True, ("pageNo",))]


def test_a_read_of_a_parameter_the_pages_address_lacks_makes_no_call():
    assert api_calls('axios.post("/api/list", {deptId: getQueryString("deptId"), pageNo: 1})',
                     page_query={"orgCode": "fgw"}) == []


def test_a_bundles_request_function_sends_the_shells_parameter_it_reads():
    code = (FILES / "bundle_query_dept.js").read_text(encoding="utf-8")
    assert wrapped_calls(code, (), {"deptId": "2001"}) == [ApiCall(
        "/prod-api/xxgk/article/page", "POST", (("columnCode", "ndbg"), ("deptId", "2001"), ("pageNo", "1"),
                                                ("pageSize", "5")), True, ("pageNo", "pageSize"))]


def test_a_cursor_paged_api_posted_a_json_body_is_posted_the_token_its_answer_names(spider):
    api = {"method": "POST", "data": [["channelId", "ndbg"], ["limit", "3"], ["nextToken", ""]], "json": True,
           "bare": ["limit"], "item_urls": []}
    posts = [json.loads(r.body) for r in _answer(spider, api, file="api_cursor_items.json") if r.meta["role"] == "list"]
    assert posts == [{"channelId": "ndbg", "limit": 3, "nextToken": "b2Zmc2V0PTM="}]


def _year_choice() -> str:
    return (FILES / "column_year_choice.html").read_text(encoding="utf-8").split("<script>")[1]


def test_a_list_filtered_by_year_is_asked_for_each_year_the_script_offers():
    [call] = api_calls(_year_choice())
    assert [dict(c.data)["year"] for c in offered_years(_year_choice(), call)] == [
        "2025", "2024", "2023", "2022", "2021", "2020"]


@pytest.mark.parametrize("code", [
    'var years = [2024, 2023]; axios.get("/api/list", {params: {year: 2025, pageNo: 1}})',   # not among them
    'var sizes = [2025, 2030]; axios.get("/api/list", {params: {size: 2025, pageNo: 1}})',   # no year's key
])
def test_a_list_not_filtered_by_an_offered_year_is_asked_once(code):
    [call] = api_calls(code)
    assert offered_years(code, call) == [call]


def test_a_list_filtered_by_year_is_asked_for_at_most_max_years_years():
    code = f'var y = [{", ".join(str(y) for y in range(2049, 1999, -1))}]; axios.get("/api/list", {{params: {{nd: 2049}}}})'
    [call] = api_calls(code)
    assert len(offered_years(code, call)) == MAX_YEARS


def test_an_array_of_more_than_max_year_list_years_is_no_choice_of_years():
    code = (f'var y = [{", ".join(str(2000 + k % 100) for k in range(MAX_YEAR_LIST + 1))}]; '
            'axios.get("/api/list", {params: {nd: 2001}})')
    [call] = api_calls(code)
    assert offered_years(code, call) == [call]


def test_a_name_minified_code_first_assigns_no_literal_is_no_value():
    """var e=this in one function, {params:{id:e}} in another: the id is the caller's argument, never "this"."""
    code = (FILES / "bundle_minified_detail.js").read_text(encoding="utf-8")
    assert api_calls(code) == []
    assert api_calls("var n=t.page;" + code.replace("{id:e}", "{id:7,pageNo:n}")) == [
        ApiCall("/prod-api/gk/article/detail", "GET", (("id", "7"), ("pageNo", "1")))]


def test_a_list_filtered_by_the_current_year_is_asked_for_each_year_a_loop_offers():
    code = (FILES / "column_year_loop.html").read_text(encoding="utf-8").split("<script>")[1]
    [call] = api_calls(code)
    this_year = date.today().year
    assert [dict(c.data)["year"] for c in offered_years(code, call)] == [
        str(y) for y in range(this_year, 2018, -1)][:MAX_YEARS]


@pytest.mark.parametrize("loop, first, last", [
    ("for (let y = 2019; y <= new Date().getFullYear(); y++)", 2019, None),        # ascending, to this year
    ("for(var i=(new Date).getFullYear()+1;i>=2020;i--)", None, 2020),           # minified, next year first
    ("for (var y = 2099; y >= 2019; y--)", None, 2019),                          # never past next year
    ("for (var y = new Date().getFullYear(); y >= 1900; y--)", None, None),      # never more than MAX_YEARS
])
def test_the_years_a_loop_offers_are_bounded_by_next_year_and_max_years(loop, first, last):
    code = (f'var years = []; {loop} years.push(y);'
            f' axios.get("/api/list", {{params: {{year: new Date().getFullYear(), pageNo: 1}}}})')
    [call] = api_calls(code)
    years = [int(dict(c.data)["year"]) for c in offered_years(code, call)]
    this_year = date.today().year
    assert years[0] == this_year and len(years) <= MAX_YEARS and max(years) <= this_year + 1
    assert len(set(years)) == len(years)
    if first is not None:
        assert min(years) == max(first, this_year + 1 - MAX_YEARS)
    if last is not None:
        assert min(years) == max(last, this_year + 1 - MAX_YEARS)


def _query_fallback() -> str:
    return (FILES / "column_query_fallback.html").read_text(encoding="utf-8").split("<script>")[1]


@pytest.mark.parametrize("page_query, org, site", [
    ({}, "3001", "sfj"),                                     # the shell without its query: what it falls back to
    ({"orgId": "3002"}, "3002", "sfj"),                      # the page's value before the fallback
    ({"orgId": "3002", "site": "flyz"}, "3002", "flyz"),
])
def test_a_query_read_with_a_fallback_is_the_pages_value_or_the_fallback(page_query, org, site):
    [call] = api_calls(_query_fallback(), page_query=page_query)
    assert call.data == (("channel", "ndbg"), ("orgId", org), ("site", site), ("pageNo", "1"))


def test_a_query_read_without_a_fallback_is_still_unknown_when_the_page_has_none():
    assert api_calls('axios.post("/api/list", {deptId: getQueryString("deptId"), pageNo: 1})', page_query={}) == []
    assert api_calls('axios.post("/api/list", {deptId: getQueryString("deptId") || other, pageNo: 1})') == []


def test_a_scripts_address_reads_the_globals_the_pages_other_scripts_assign():
    # a TRS column asking WAS5: channelid and chnlid are set by scripts of their own, the page number joined last
    codes = [s.split("</script>")[0] for s in (FILES / "was5_column_shell.html").read_text("utf-8").split("<script>")[1:]]
    calls = api_calls(codes[-1], page=PageGlobals(codes))
    assert [c.url for c in calls] == ["/was5/web/search?channelid=229105&templet=docs.jsp&sortfield=-docorderpri%2C"
                                      "-docreltime&classsql=chnlid%3D9403&prepage=15&page=1"]
    assert api_calls(codes[-1]) == []   # what channelid holds is unknown to the script alone


def test_a_page_number_joined_after_a_page_key_is_the_first_page_one_joined_into_the_path_is_not_read():
    assert [c.url for c in api_calls('function f(page){$.getJSON("/api/list?cid=7&pageNo=" + page);}')] == [
        "/api/list?cid=7&pageNo=1"]
    assert api_calls('function f(page){$.getJSON("/list_" + page + ".json");}') == []


def test_a_pages_globals_are_read_within_bounds():
    codes = ["var channelid = 229105;", 'function f(p){$.getJSON("/was5/web/search?channelid=" + channelid);}']
    assert PageGlobals(codes).values["channelid"] == ("229105", True)
    # scripts longer together than a script may be give no globals (each is read alone, as it was)
    padded = [codes[0] + " " * MAX_SCRIPT_CHARS, codes[1]]
    assert (PageGlobals(padded).code, api_calls(codes[1], page=PageGlobals(padded))) == ("", [])


def test_a_call_to_an_address_the_script_declares_by_name_is_made():
    # 河北's columns: var blockUrl = '/columns/…/blocks/…'; $.get(blockUrl, {page: page, fix: 0}, …)
    code = (FILES / "column_block_loader.html").read_text(encoding="utf-8").split("<script>")[1]
    assert api_calls(code) == [ApiCall(
        "/columns/5f2d7c1a-3b4e-4a9d-8c61-2e7f90ab13c4/templates/0b6e1d2f-7a8c-4e3b-9f15-6c4d2a8e7b90/blocks/"
        "c3a9e5f1-2d7b-4c8a-a6e0-91f4b3d7c25e", "GET", (("page", "1"), ("fix", "0")), False, (), None)]
    # a name the script does not declare (a function's parameter) is no address known
    assert api_calls("function load(url) { $.get(url, {page: 1}, function (html) {}); }") == []


@pytest.mark.parametrize("buster", ["Math.random()", "new Date().getTime()", "(new Date()).getTime()", "Date.now()"])
def test_a_cache_busting_value_joined_into_the_address_is_asked_with_a_fixed_one(buster):
    # 福州's WAS5 column: '…&random=' + Math.random() + '&prepage=10&page=' + page (the server reads none of it)
    code = (FILES / "was5_column_cache_buster.html").read_text(encoding="utf-8").replace("Math.random()", buster)
    assert [c.url for c in api_calls(code)] == [
        "/was5/web/search?channelid=290792&templet=advsch.jsp&sortfield=-docorderpri%2C-docreltime&classsql=chnlid%3D5727"
        f"&random={CACHE_BUSTER}&prepage=10&page=1"]


def test_an_address_joined_from_the_pages_fields_is_asked_with_the_values_they_hold():
    # 甘肃's listPage.js: '/common/search/' + this.channelId + '…&_pageSize=' + parseInt($("#pageSize").val()) + …,
    # channelId: $("#channelId").val(); the shell's hidden fields hold them
    code = (FILES / "list_common_search_listpage.js").read_text()
    fields = page_fields(lxml.html.fromstring((FILES / "list_common_search_shell.html").read_bytes()))
    assert reads_fields(code, fields)
    assert [call.url for call in api_calls(code, page=PageGlobals([], fields))] == [
        "/common/search/8688418129ccd3c60370634eac34f109?_isAgg=true&_isJson=true&_pageSize=15&_template=index"
        "&_rangeTimeGte=&_channelName=&page=1"]
    assert api_calls(code) == []   # read without its page, what the fields hold is unknown


def test_the_names_assigned_a_pages_field_are_read_from_a_bounded_number_of_assignments():
    code = "".join(f'var n{k} = $("#f{k}").val();\n' for k in range(MAX_TRIED + 5))
    started = time.monotonic()
    names = field_names(code * 200)
    assert len(names) == MAX_TRIED and time.monotonic() - started < 1


def test_a_site_files_function_posting_its_parameter_as_json_posts_the_object_the_page_passes_it():
    # 县教育局's list: list.js's loadList(param) sends JSON.stringify(param); the page calls loadList({…})
    code, inline = (FILES / "site_script_json_post_list.js").read_text(), "loadList({columnCode: 'ndbg', pageNo: 1});"
    assert defines_called(code, [inline]) and not defines_called(code, ["show({id: 1});"])
    assert api_calls(code, page=PageGlobals([inline, code])) == [ApiCall(
        "/jyj/api/article/list", "POST", (("columnCode", "ndbg"), ("pageNo", "1")), json=True, bare=("pageNo",))]
    assert api_calls(code, page=PageGlobals([code])) == []   # the object unknown: nothing asked
EPOINT_API = "http://sthj.zhoukou.gov.cn/services/ZkWebService/getGovInfoPubMoreInfo"


def _epoint_answer(spider, size: str, **meta) -> list[scrapy.Request]:
    """What the spider posts next on reading 新点's answer of three records (a JSON text under ``return``, no
    count) to a request asking ``size`` records a page."""
    api = {"method": "POST", "item_urls": [], "data": [["response", "application/json"], ["pageIndex", "1"],
                                                       ["pageSize", size], ["categorynum", "003011"]]}
    return [r for r in _answer(spider, api, EPOINT_API, "api_epoint_return_table.json", **meta)
            if r.meta["role"] == "list"]


def test_a_full_page_of_a_posted_list_saying_no_count_is_followed_by_the_next_page(spider):
    posts = [(dict(parse_qsl(r.body.decode())), r.meta["filled"]) for r in _epoint_answer(spider, "3")]
    assert posts == [({"response": "application/json", "pageIndex": "2", "pageSize": "3", "categorynum": "003011"}, 1)]


def test_a_shorter_page_of_a_posted_list_is_its_last(spider):
    assert _epoint_answer(spider, "20") == []


def test_a_full_page_listing_nothing_new_ends_the_list(spider):
    """An API answering every page alike (its page number ignored) is not asked on and on."""
    for url in ("/zwgk/003011/20250115/9c1e0b7a4f.html", "/zwgk/003011/20250210/41d0aa93c2.html",
                "/zwgk/003011/20240116/7be2f5c018.html"):
        spider._requested["http://sthj.zhoukou.gov.cn" + url] = "document"
    assert _epoint_answer(spider, "3") == []


NEWS_API = "http://www.zhoukou.gov.cn/wcm/content/news_list.json"


def _news_answer(spider, filled: int = 0) -> list[scrapy.Request]:
    """The list pages the spider asks next on reading a full page of ``news_list.json`` asked by GET (``filled``
    pages asked so before it)."""
    api = {"method": "GET", "item_urls": [], "data": [["columnId", "48848cee"], ["page", "0"], ["size", "3"]]}
    url = NEWS_API + "?columnId=48848cee&page=0&size=3"
    response = TextResponse(url=url, body=(FILES / "api_news_list_bare.json").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/json;charset=UTF-8"},
                            request=Request(url, meta={"role": "page", "hops": 2, "chain": 0, "subsite": 0,
                                                       "list_of": COLUMN, "link_text": "年度报告", "api": api,
                                                       "api_url": NEWS_API, "filled": filled}))
    return [r for r in spider.parse_page(response) if isinstance(r, scrapy.Request) and r.meta["role"] == "list"]


def test_a_full_page_of_a_list_asked_by_get_saying_no_count_is_followed_by_the_next_page(spider):
    """信用徐州's ``news_list.json?columnId=…&page=0&size=3`` answers a bare list: the next page is asked at the call's
    address with its page set, while a page is full."""
    assert [(r.method, r.url) for r in _news_answer(spider)] == [
        ("GET", NEWS_API + "?columnId=48848cee&page=1&size=3")]


def test_a_list_saying_no_count_is_asked_at_most_max_posted_pages_in_a_row(spider):
    from crawler.steering.pagers import MAX_POSTED_PAGES
    assert _news_answer(spider, MAX_POSTED_PAGES) == []
