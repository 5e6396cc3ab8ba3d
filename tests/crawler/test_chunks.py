"""Chunks a single-page application loads on demand (crawler.scripted.chunks): webpack 4's and 5's chunk maps, Vite's
dynamic imports, and which route's chunk may hold a 年报 column's list."""

from __future__ import annotations

import time

from crawler.scripted.chunks import (LazyChunk, chunk_files, column_chunks, component_chunk, eager_column_route,
                                     lazy_chunks, menu_column_views, router_api, view_chunks)
from tests.crawler.helpers import FILES

SHELL = "http://www.nc.gov.cn/xxgk/"
WEBPACK_4 = (
    'function r(e){return a.p+"js/"+({ndbg:"ndbg",zcwj:"zcwj"}[e]||e)+"."+{ndbg:"3f2a1c9b",zcwj:"8e7d6c5b",'
    '"chunk-2d0a":"77aa88bb"}[e]+".js"}a.p="/xxgk/";var c=new r["a"]({mode:"history",routes:[{path:"/",name:"Home",'
    'component:s},{path:"/zcwj",name:"Zcwj",component:function(){return n.e("zcwj").then(n.bind(null,"5c1d"))},meta:'
    '{title:"政策文件"}},{path:"/ndbg",name:"Ndbg",component:function(){return n.e("ndbg").then(n.bind(null,"7a1b"))},'
    'meta:{title:"政府信息公开年报"}},{path:"/tjnb",component:function(){return n.e("chunk-2d0a").then(n.bind(null,'
    '"9c9c"))},meta:{title:"统计年报"}}]})')
WEBPACK_5 = ('o.u=e=>"static/js/"+e+"."+{198:"1a2b3c4d",412:"9b8c7d6e"}[e]+".js",o.p="/fgw/nb/";const n=Vue.createRouter('
             '{routes:[{path:"/",component:()=>o.e(412).then(o.bind(o,7734))},{path:"/help",component:()=>o.e(198).then('
             'o.bind(o,2210))}]})')
VITE = ('const v=m({history:p("/czj/nb/"),routes:[{path:"/",name:"NdbgList",component:()=>h(()=>import('
        '"./NdbgList.5d4c3b2a.js"),["assets/NdbgList.5d4c3b2a.js"])},{path:"/about",component:()=>h(()=>import('
        '"./About.1f2e3d4c.js"),[])}]})')


def test_a_webpack_4_runtimes_chunk_map_names_each_routes_file():
    assert lazy_chunks(WEBPACK_4, SHELL + "js/app.6a7b.js", SHELL) == [
        LazyChunk("http://www.nc.gov.cn/xxgk/js/zcwj.8e7d6c5b.js", "政策文件", False),
        LazyChunk("http://www.nc.gov.cn/xxgk/js/ndbg.3f2a1c9b.js", "政府信息公开年报", False),
        LazyChunk("http://www.nc.gov.cn/xxgk/js/chunk-2d0a.77aa88bb.js", "统计年报", False)]


def test_an_app_not_called_a_column_gives_only_its_report_routes_chunk():
    chunks = lazy_chunks(WEBPACK_4, SHELL + "js/app.6a7b.js", SHELL)
    assert [c.url for c in column_chunks(chunks, False)] == ["http://www.nc.gov.cn/xxgk/js/ndbg.3f2a1c9b.js"]


def test_a_webpack_5_column_shell_gives_its_home_routes_chunk():
    page = "http://www.nc.gov.cn/fgw/nb/"
    chunks = lazy_chunks(WEBPACK_5, page + "static/js/main.4e5f.js", page)
    assert [c.url for c in column_chunks(chunks, True)] == ["http://www.nc.gov.cn/fgw/nb/static/js/412.9b8c7d6e.js"]
    assert column_chunks(chunks, False) == []   # an app not called a column, no route called one


def test_a_vite_routes_dynamic_import_is_beside_its_bundle():
    page = "http://www.nc.gov.cn/czj/nb/"
    chunks = lazy_chunks(VITE, page + "assets/index.6e5f.js", page)
    assert chunks == [LazyChunk(page + "assets/NdbgList.5d4c3b2a.js", "NdbgList", True),
                      LazyChunk(page + "assets/About.1f2e3d4c.js", "/about", False)]
    assert [c.url for c in column_chunks(chunks, True)] == [page + "assets/NdbgList.5d4c3b2a.js"]


def test_a_vite_glob_maps_load_is_called_by_its_views_path():
    """Routes made from an import.meta.glob map of views (Object.keys(r).map(e=>({path:…,component:r[e]})))."""
    page = "http://www.nc.gov.cn/sjj/xxgk/"
    code = ('const r=Object.assign({"./views/home/index.vue":()=>h(()=>import("./index.1a2b.js"),["assets/index.1a2b.js"]),'
            '"./views/ndbg/index.vue":()=>h(()=>import("./index.8f2e.js"),["assets/index.8f2e.js"]),'
            '"./views/tjnb/index.vue":function(){return h(()=>import("./index.4d4d.js"),[])}});'
            'const v=m({history:p("/sjj/xxgk/"),routes:Object.keys(r).map(e=>({path:e.replace(/^\\.\\/views/,""),'
            'component:r[e]}))})')
    chunks = lazy_chunks(code, page + "assets/index.6e5f.js", page)
    assert [c.label for c in chunks] == ["./views/home/index.vue", "./views/ndbg/index.vue", "./views/tjnb/index.vue"]
    assert [c.url for c in column_chunks(chunks, False)] == [page + "assets/index.8f2e.js"]


def test_chunks_of_another_host_are_not_kept():
    code = 'const r=[{path:"/",component:()=>import("./List.1a2b.js")}]'
    assert lazy_chunks(code, "http://cdn.example.com/assets/index.js", SHELL) == []


def test_a_hostile_2mb_bundle_costs_at_most_a_second_or_two():
    code = ('{path:"/",component:()=>n.e("a").then(x)},' * 40_000)[:1_999_000]
    started = time.monotonic()
    chunks = lazy_chunks(code, SHELL + "js/app.js", SHELL)
    assert time.monotonic() - started < 2 and chunks == []   # no chunk map: no file


def test_a_report_route_whose_component_is_in_the_bundle_makes_it_the_columns():
    eager = WEBPACK_4.replace('function(){return n.e("ndbg").then(n.bind(null,"7a1b"))}', 'p["a"]')
    assert eager_column_route(eager) == "政府信息公开年报"
    assert eager_column_route(WEBPACK_4) is None   # its component is a lazy chunk: that chunk is the column's


# -- routes a menu API answers (RuoYi-Vue's getRouters) ----------------------------------------------------

RUOYI_SHELL = "http://www.nc.gov.cn/xxgk/"


def _ruoyi() -> str:
    return (FILES / "bundle_ruoyi_app.js").read_text(encoding="utf-8")


def test_a_ruoyi_bundles_menu_api_is_asked_under_its_request_instances_base():
    assert router_api(_ruoyi(), RUOYI_SHELL) == "http://www.nc.gov.cn/prod-api/getRouters"


def test_a_ruoyi_bundles_views_are_their_chunk_files_by_path():
    views = view_chunks(_ruoyi(), chunk_files(_ruoyi(), RUOYI_SHELL))
    assert views["xxgk/ndbg/index"] == RUOYI_SHELL + "static/js/chunk-2d0b3a5e.4e5f6a7b.js"


def test_the_menus_route_called_a_column_gives_its_component_not_another_yearly_reports():
    text = (FILES / "ruoyi_get_routers.json").read_text(encoding="utf-8")
    assert menu_column_views(text) == [("政府信息公开年报", "xxgk/ndbg/index")]


def test_a_component_with_no_view_in_the_context_is_the_chunk_named_after_its_path():
    files = {"xxgk-ndbg-index": RUOYI_SHELL + "js/xxgk-ndbg-index.3f2a.js"}
    assert component_chunk("xxgk/ndbg/index", {}, files) == RUOYI_SHELL + "js/xxgk-ndbg-index.3f2a.js"
