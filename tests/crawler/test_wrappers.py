"""Requests a script makes through its own request functions (crawler.scripted.wrappers): webpack's and Vite's minified
API modules, RuoYi's, and the spider asking them for a column page."""

from __future__ import annotations

import json
import time

import scrapy

from crawler.scripted.scriptapis import ApiCall
from crawler.scripted.wrappers import RequestFunction, exported_functions, request_functions, wrapped_calls
from tests.crawler.helpers import FILES, file_response


def _code(name: str) -> str:
    return (FILES / name).read_text(encoding="utf-8")


def test_a_webpack_api_modules_request_functions_are_read():
    assert request_functions(_code("bundle_webpack_app.js")) == [
        RequestFunction("r", "/prod-api/cms/content/list", "POST", "data"),
        RequestFunction("o", "/prod-api/cms/banner/list", "GET", "params"),
        RequestFunction("s", "/prod-api/cms/visit/add", "POST", "data")]


def test_a_webpack_export_called_with_vue_data_posts_that_object_as_json():
    # Object(o["b"])(this.queryParams).then(…): export "b" of the API module is r; queryParams is data()'s.
    assert wrapped_calls(_code("bundle_webpack_app.js")) == [ApiCall(
        "/prod-api/cms/content/list", "POST", (("pageNum", "1"), ("pageSize", "10"), ("categoryId", "gknb")), True,
        ("pageNum", "pageSize"))]


def test_a_vite_request_function_called_with_a_refs_value_gets_its_query():
    assert wrapped_calls(_code("bundle_vite_index.js")) == [ApiCall(
        "/api/gk/article/page", "GET", (("columnCode", "ndbg"), ("current", "1"), ("size", "10")))]


def test_a_request_function_awaited_with_a_literal_is_called_so():
    code = ("export function listArticle(query) {\n  return request({ url: '/api/article/list', method: 'post', "
            "data: query })\n}\nasync function load() { const res = await listArticle({ channelId: 'nb', pageNum: 1 })"
            " }\nfunction other() { listArticle(x); }")
    assert wrapped_calls(code) == [ApiCall("/api/article/list", "POST", (("channelId", "nb"), ("pageNum", "1")), True,
                                           ("pageNum",))]


def test_a_hostile_2mb_bundle_costs_at_most_a_second_or_two():
    code = ('function r(e){return Object(a["a"])({url:"/a",method:"post",data:e})}'
            + 'n.d(t,"b",(function(){return r}));Object(o["b"])(this.q).then(f);r(e.x).then(g);q:{a:1},' * 20_000
            + "{url:'/" * 50_000)[:1_999_000]
    started = time.perf_counter()
    assert wrapped_calls(code) == [ApiCall("/a", "POST", (("a", "1"),), True, ("a",))]
    assert time.perf_counter() - started < 2




def test_a_column_page_asks_through_its_inline_request_function(spider):
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "政府信息公开年报"}
    url = "http://www.zhoukou.gov.cn/xxgk/ndbg.html"
    requests = [r for r in spider.parse_page(file_response("column_ruoyi_request.html", url, meta))
                if isinstance(r, scrapy.Request) and r.method == "POST"]
    assert [(r.url, json.loads(r.body)) for r in requests] == [
        ("http://www.zhoukou.gov.cn/prod-api/cms/article/list", {"pageNum": 1, "pageSize": 10, "channelId": "ndbg"})]


def test_a_request_function_called_with_object_assign_sends_the_merged_object():
    code = ('function k(e){return w({url:"/api/nb/page",method:"get",params:e})}const n=m({channelCode:"cznb",size:20});'
            'k(Object.assign({},n.value,{current:1})).then(o=>{t.value=o.data.records})')
    assert wrapped_calls(code) == [ApiCall("/api/nb/page", "GET", (("channelCode", "cznb"), ("size", "20"),
                                                                   ("current", "1")))]


def test_babels_compiled_spread_is_the_merged_object():
    # {...this.queryParams, pageNum: 1} compiled by Vue CLI (webpack 4, Babel's objectSpread2 helper)
    code = ('function r(e){return Object(a["a"])({url:"/api/nb/list",method:"post",data:e})}var s={data:function(){'
            'return{queryParams:{pageSize:10,catalogId:"gknb"}}},methods:{getList:function(){var e=this;r(Object(o["a"])('
            'Object(o["a"])({},this.queryParams),{},{pageNum:1})).then((function(t){e.list=t.rows}))}}}')
    assert wrapped_calls(code) == [ApiCall("/api/nb/list", "POST", (("pageSize", "10"), ("catalogId", "gknb"),
                                                                    ("pageNum", "1")), True, ("pageSize", "pageNum"))]


# A Vue-CLI app bundle's API module ("365c", webpack 4) exporting its list function as "a", and the lazy chunk of
# the 年报 route calling it through the module's require.
PARENT_4 = ('"b775":function(e,t,n){"use strict";var a=n("bc3a"),o=n.n(a).a.create({});t["a"]=o},'
            '"365c":function(e,t,n){"use strict";n.d(t,"a",(function(){return r}));var a=n("b775");'
            'function r(e){return Object(a["a"])({url:"/czj/api/nb/list",method:"get",params:e})}}')
CHUNK_4 = ('{"4a1c":function(e,t,n){"use strict";n.r(t);var a=n("365c"),s={data:function(){return{list:[],'
           'query:{page:1,size:10,channel:"nb"}}},created:function(){var e=this;Object(a["a"])(this.query).then('
           '(function(t){e.list=t.data.list}))}}}}')
# webpack 5: the module 223 exports getList as Z; the chunk calls (0,s.Z)({…}).
PARENT_5 = ('223:(e,t,n)=>{n.d(t,{Z:()=>r});var a=n(669);function r(e){return(0,a.Z)({url:"/api/nb/page",'
            'method:"post",data:e})}}')
CHUNK_5 = '412:(e,t,n)=>{var s=n(223);(0,s.Z)({channelId:"nb",pageNum:1}).then(e=>{})}'


def test_a_lazy_chunk_calls_its_parent_bundles_request_function_through_its_module():
    assert exported_functions(PARENT_4) == (RequestFunction("a", "/czj/api/nb/list", "GET", "params", "365c"),)
    assert wrapped_calls(CHUNK_4, exported_functions(PARENT_4)) == [ApiCall(
        "/czj/api/nb/list", "GET", (("page", "1"), ("size", "10"), ("channel", "nb")))]
    assert wrapped_calls(CHUNK_5, exported_functions(PARENT_5)) == [ApiCall(
        "/api/nb/page", "POST", (("channelId", "nb"), ("pageNum", "1")), True, ("pageNum",))]


def test_another_modules_export_of_the_same_name_is_no_parents_request_function():
    other = CHUNK_4.replace('a=n("365c")', 'a=n("2b0e")')   # the chunk's "a" export is Vue's, not the API's
    assert wrapped_calls(other, exported_functions(PARENT_4)) == []
    assert wrapped_calls(CHUNK_4) == []


# A Vite entry exporting its list function as g, and the view's chunk importing it as q from the entry's file.
ENTRY = ('const w=d.create({timeout:15e3});function k(e){return w({url:"/tjj/api/nb/page",method:"get",params:e})}'
         'export{w as r,k as g};')
VIEW = ('import{g as q}from"./index.6e5f4a3b.js";import{e as _}from"./vendor.0f1e2d3c.js";const I=_({setup(e){'
        'return q({channel:"tjnb",current:1}).then(o=>{})}});export{I as default};')


def test_a_vite_chunk_calls_the_request_function_it_imports_from_its_entrys_file():
    exported = exported_functions(ENTRY, "index.6e5f4a3b.js")
    assert exported == (RequestFunction("g", "/tjj/api/nb/page", "GET", "params", "index.6e5f4a3b.js"),)
    assert wrapped_calls(VIEW, exported) == [ApiCall("/tjj/api/nb/page", "GET", (("channel", "tjnb"), ("current", "1")))]
    assert wrapped_calls(VIEW, exported_functions(ENTRY, "index.1a2b3c4d.js")) == []   # another file's g
