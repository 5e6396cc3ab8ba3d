"""Single-page applications whose code is in bundled script files: which files of a shell are fetched
(crawler.scripted.bundles), and the spider's way from the shell through its bundle to the API."""

from __future__ import annotations

import json

import scrapy
from scrapy.http import Request, TextResponse
from scrapy.utils.test import get_crawler
from twisted.internet.error import TimeoutError
from twisted.python.failure import Failure

from crawler.scripted.bundles import shell_runtime, shell_scripts
from tests.crawler.helpers import FILES, file_response

SHELL = "http://www.zhoukou.gov.cn/zwgk/nb/"
BUNDLE = "http://www.zhoukou.gov.cn/zwgk/nb/static/js/app.3f2a1c9e.js"


def _root(name: str, url: str):
    return file_response(name, url).selector.root


# -- which script files are a shell's own ----------------------------------------------------------------

def test_a_vue_cli_shells_own_bundle_is_fetched_not_its_vendors_nor_another_hosts():
    assert shell_scripts(_root("spa_shell_vue_cli.html", SHELL), SHELL) == [BUNDLE]


def test_a_vite_shells_module_is_fetched_not_its_vendor_preload():
    url = "http://www.zhoukou.gov.cn/gk/nb/"
    assert shell_scripts(_root("spa_shell_vite.html", url), url) == [
        "http://www.zhoukou.gov.cn/gk/nb/assets/index.7c9d2e4f.js"]


def test_an_angular_shells_main_bundle_is_fetched_after_its_runtime_not_its_polyfills(spider):
    """Angular CLI's mount point is its root component, ``<app-root></app-root>``."""
    url = "http://www.zhoukou.gov.cn/jyj/nb/"
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "政府信息公开年报"}
    requests = [r for r in spider.parse_page(file_response("spa_shell_angular.html", url, meta))
                if isinstance(r, scrapy.Request)]
    # its runtime file first (the chunk map), then its main bundle; never the polyfills
    assert [(r.url, r.meta.get("bundles")) for r in requests if r.meta.get("role") == "bundle"] == [
        (url + "runtime.1a2b3c4d5e6f7a8b.js", [url + "main.3f2a9c1e7b6d5a4c.js"])]


def test_a_page_with_content_in_its_mount_point_is_no_shell():
    # column_vue_axios.html: the Vue app's template is written in the page, and so is its script.
    url = "http://www.zhoukou.gov.cn/xxgk/nb.html"
    assert shell_scripts(_root("column_vue_axios.html", url), url) == []


# -- the spider: shell, bundle, API ----------------------------------------------------------------------

def _shell_requests(spider) -> list[scrapy.Request]:
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "政府信息公开年报"}
    return [r for r in spider.parse_page(file_response("spa_shell_vue_cli.html", SHELL, meta))
            if isinstance(r, scrapy.Request)]


def test_a_column_shell_has_its_bundle_fetched(spider):
    bundles = [r for r in _shell_requests(spider) if r.meta.get("role") == "bundle"]
    assert [(r.url, r.meta["shell"]) for r in bundles] == [(BUNDLE, SHELL)]


def test_a_bundle_asks_the_api_for_the_shells_list(spider):
    request = next(r for r in _shell_requests(spider) if r.meta.get("role") == "bundle")
    response = TextResponse(url=BUNDLE, body=(FILES / "bundle_webpack_app.js").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/javascript"},
                            request=Request(BUNDLE, meta=request.meta))
    post = next(spider.parse_bundle(response))
    assert (post.url, json.loads(post.body), post.meta["list_of"], post.meta["api"]["item_urls"]) == (
        "http://www.zhoukou.gov.cn/prod-api/cms/content/list", {"pageNum": 1, "pageSize": 10, "categoryId": "gknb"},
        SHELL, [["/zwgk/content/", "id", ".html"]])


def _app_bundle_request(spider) -> scrapy.Request:
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "互动交流"}
    response = file_response("spa_shell_vite.html", "http://www.zhoukou.gov.cn/hdjl/", meta)
    response = response.replace(body=response.body.replace("年度报告".encode(), "留言".encode()))
    return next(r for r in spider.parse_page(response) if isinstance(r, scrapy.Request) and r.meta.get("role") == "bundle")


def _bundle_answer(request: scrapy.Request, code: str) -> TextResponse:
    return TextResponse(url=request.url, body=code.encode(), encoding="utf-8",
                        headers={"Content-Type": "application/javascript"}, request=request)


def test_a_shell_not_called_a_column_has_its_bundle_read_for_its_routes_only(spider):
    """An app's shell (政府信息公开, 互动交流) may route to a 年报 column; its own lists are no column's."""
    request = _app_bundle_request(spider)
    assert (request.url, request.meta["column"]) == ("http://www.zhoukou.gov.cn/gk/nb/assets/index.7c9d2e4f.js", False)
    assert list(spider.parse_bundle(_bundle_answer(request, (FILES / "bundle_webpack_app.js").read_text()))) == []


def test_an_apps_report_route_has_its_lazy_chunk_read_as_the_column(spider):
    code = ('const v=m({routes:[{path:"/",component:()=>h(()=>import("./Home.1a1a.js"),[])},{path:"/ndbg",'
            'component:()=>h(()=>import("./Ndbg.2b2b.js"),[]),meta:{title:"政府信息公开年报"}}]})')
    chunk = next(spider.parse_bundle(_bundle_answer(_app_bundle_request(spider), code)))
    assert (chunk.url, chunk.meta["chunk"], chunk.meta["link_text"].endswith("政府信息公开年报")) == (
        "http://www.zhoukou.gov.cn/gk/nb/assets/Ndbg.2b2b.js", True, True)
    # the chunk's requests are the column's: its list is asked for
    post = next(spider.parse_bundle(_bundle_answer(chunk, (FILES / "bundle_webpack_app.js").read_text())))
    assert post.url == "http://www.zhoukou.gov.cn/prod-api/cms/content/list"


def test_a_column_chunks_own_lazy_load_is_read_one_chunk_deeper(spider):
    """The 年报 view's chunk loads the component holding the list (defineAsyncComponent): read as the column's;
    that chunk's own loads are not followed."""
    code = ('const v=m({routes:[{path:"/ndbg",component:()=>h(()=>import("./Ndbg.2b2b.js"),[]),'
            'meta:{title:"政府信息公开年报"}}]})')
    view = next(spider.parse_bundle(_bundle_answer(_app_bundle_request(spider), code)))
    nested = list(spider.parse_bundle(_bundle_answer(view, 'const l=a(()=>h(()=>import("./NbList.3c3c.js"),[]));')))
    assert [(r.url, r.meta["chunk"]) for r in nested] == [("http://www.zhoukou.gov.cn/gk/nb/assets/NbList.3c3c.js", 2)]
    deeper = 'const l=a(()=>h(()=>import("./More.4d4d.js"),[]));' + (FILES / "bundle_webpack_app.js").read_text()
    assert [r.url for r in spider.parse_bundle(_bundle_answer(nested[0], deeper))] == [
        "http://www.zhoukou.gov.cn/prod-api/cms/content/list"]


def test_a_lazy_chunks_router_links_keep_the_history_mode_of_the_bundle_loading_it(spider):
    """The router (mode:"history") is in the app bundle; the chunk's compiled <router-link> is a path, not #/."""
    code = ('var r=new Router({mode:"history",routes:[{path:"/ndbg",component:()=>h(()=>import("./Ndbg.2b2b.js"),[]),'
            'meta:{title:"政府信息公开年报"}}]})')
    chunk = next(spider.parse_bundle(_bundle_answer(_app_bundle_request(spider), code)))
    list_code = ('function r(e){return Object(a["a"])({url:"/api/nb/list",method:"post",data:e})}var o=function(){return '
                 'n("router-link",{attrs:{to:"/detail/"+t.id}})};var s={data:function(){return{q:{pageNum:1}}},created:'
                 'function(){r(this.q).then((function(t){}))}}')
    post = next(spider.parse_bundle(_bundle_answer(chunk, list_code)))
    assert post.meta["api"]["item_urls"] == [["/detail/", "id", ""]]


def test_an_apps_report_route_shown_by_a_component_of_its_bundle_makes_the_bundles_lists_the_columns(spider):
    routes = ('var h=new f["a"]({mode:"hash",routes:[{path:"/",component:s},{path:"/ndbg",component:p["a"],'
              'meta:{title:"政府信息公开年报"}}]});')
    code = routes + (FILES / "bundle_webpack_app.js").read_text()
    post = next(spider.parse_bundle(_bundle_answer(_app_bundle_request(spider), code)))
    assert (post.url, post.meta["link_text"].endswith("政府信息公开年报")) == (
        "http://www.zhoukou.gov.cn/prod-api/cms/content/list", True)


def test_a_runtime_inlined_in_the_shell_gives_the_chunk_files_its_bundle_loads(spider):
    """vue-element-admin and RuoYi-Vue inline webpack's runtime (its chunk map) in index.html: the app bundle
    names only the chunk ids its routes load."""
    shell = "http://www.zhoukou.gov.cn/xxgk/"
    page = (b'<!DOCTYPE html><html><head><meta charset=utf-8><title>\xe6\x94\xbf\xe5\xba\x9c\xe4\xbf\xa1\xe6\x81\xaf'
            b'\xe5\x85\xac\xe5\xbc\x80</title></head><body><div id=app></div><script>!function(e){function r(e){'
            b'return i.p+"static/js/"+({}[e]||e)+"."+{"chunk-2d0a":"77aa88bb","chunk-3c4d":"11223344"}[e]+".js"}'
            b'i.p="/xxgk/"}([]);</script><script src=/xxgk/static/js/app.5e6f.js></script></body></html>')
    response = TextResponse(url=shell, body=page, encoding="utf-8", request=Request(shell, meta={
        "role": "page", "hops": 1, "chain": 0, "subsite": 0, "link_text": "政府信息公开"}))
    request = next(r for r in spider.parse_page(response) if isinstance(r, scrapy.Request) and r.meta.get("role") == "bundle")
    code = ('routes:[{path:"/zcwj",component:function(){return n.e("chunk-3c4d").then(n.bind(null,"aa"))},meta:{title:'
            '"政策文件"}},{path:"/ndbg",component:function(){return n.e("chunk-2d0a").then(n.bind(null,"bb"))},meta:{title:'
            '"政府信息公开年报"}}]')
    assert [r.url for r in spider.parse_bundle(_bundle_answer(request, code))] == [
        "http://www.zhoukou.gov.cn/xxgk/static/js/chunk-2d0a.77aa88bb.js"]


# -- a webpack runtime in a file of its own --------------------------------------------------------------

RUNTIME_SHELL = "http://www.zhoukou.gov.cn/xxgk/"
RUNTIME = RUNTIME_SHELL + "js/runtime.3f2a9c1e.js"
APP = RUNTIME_SHELL + "js/app.5b6c7d8e.js"


def _runtime_shell_requests(spider) -> list[scrapy.Request]:
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "信息公开"}
    return [r for r in spider.parse_page(file_response("spa_shell_runtime.html", RUNTIME_SHELL, meta))
            if isinstance(r, scrapy.Request) and r.meta.get("role") == "bundle"]


def test_a_shells_webpack_runtime_file_is_named_apart_from_its_bundles():
    root = _root("spa_shell_runtime.html", RUNTIME_SHELL)
    assert (shell_runtime(root, RUNTIME_SHELL), shell_scripts(root, RUNTIME_SHELL)) == (RUNTIME, [APP])


def test_a_shells_runtime_file_is_fetched_before_its_bundles(spider):
    assert [(r.url, r.meta["bundles"]) for r in _runtime_shell_requests(spider)] == [(RUNTIME, [APP])]


def test_the_runtimes_chunk_map_goes_with_the_shells_bundles(spider):
    [runtime] = _runtime_shell_requests(spider)
    response = TextResponse(url=RUNTIME, body=(FILES / "bundle_webpack_runtime.js").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/javascript"}, request=Request(RUNTIME, meta=runtime.meta))
    [bundle] = list(spider.parse_runtime(response))
    assert (bundle.url, bundle.meta["chunk_files"]) == (APP, {
        "gknb": RUNTIME_SHELL + "js/gknb.7e8f9a0b.js", "chunk-2d0c": RUNTIME_SHELL + "js/chunk-2d0c.11aa22bb.js",
        "zcwj": RUNTIME_SHELL + "js/zcwj.c3d4e5f6.js"})


def test_a_runtime_file_that_fails_leaves_its_bundles_fetched_without_it(spider):
    [runtime] = _runtime_shell_requests(spider)
    spider.crawler = get_crawler(type(spider))
    spider.crawler.stats.open_spider()
    failure = Failure(TimeoutError("took longer than 180.0 seconds"))
    failure.request = runtime
    assert [(r.url, r.meta["chunk_files"]) for r in spider.on_error(failure)] == [(APP, {})]


# -- a RuoYi-Vue app whose routes a menu API answers -----------------------------------------------------

RUOYI_APP = RUNTIME_SHELL + "static/js/app.9e8d7c6b.js"
MENU = "http://www.zhoukou.gov.cn/prod-api/getRouters"


def _menu_request(spider) -> scrapy.Request:
    meta = {"role": "bundle", "hops": 2, "chain": 0, "subsite": 0, "link_text": "信息公开", "shell": RUNTIME_SHELL,
            "column": False, "chunk_files": {}}
    response = TextResponse(url=RUOYI_APP, body=(FILES / "bundle_ruoyi_app.js").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/javascript"}, request=Request(RUOYI_APP, meta=meta))
    return next(r for r in spider.parse_bundle(response) if r.url == MENU)


def test_a_ruoyi_bundle_has_its_menu_api_asked(spider):
    assert _menu_request(spider).meta["views"]["xxgk/ndbg/index"] == RUNTIME_SHELL + "static/js/chunk-2d0b3a5e.4e5f6a7b.js"


def test_the_menus_column_route_has_its_views_chunk_read_as_the_columns_bundle(spider):
    request = _menu_request(spider)
    answer = TextResponse(url=MENU, body=(FILES / "ruoyi_get_routers.json").read_bytes(), encoding="utf-8",
                          headers={"Content-Type": "application/json"}, request=Request(MENU, meta=request.meta))
    [chunk] = list(spider.parse_menu(answer))
    assert (chunk.url, chunk.meta["chunk"], chunk.meta["link_text"]) == (
        RUNTIME_SHELL + "static/js/chunk-2d0b3a5e.4e5f6a7b.js", True, "信息公开 政府信息公开年报")


# -- one app shell for every body of a platform (index.html?deptId=1002) ------------------------------------------

PLATFORM = "http://xxgk.zhoukou.gov.cn/index.html?deptId="
PLATFORM_BUNDLE = "http://xxgk.zhoukou.gov.cn/static/js/app.5e2b7c9d.js"


def _platform_shell(spider, dept: int) -> list[scrapy.Request]:
    meta = {"role": "page", "hops": 1, "chain": 0, "subsite": 0, "link_text": "部门信息公开"}
    return [r for r in spider.parse_page(file_response("spa_shell_query_dept.html", f"{PLATFORM}{dept}", meta))
            if isinstance(r, scrapy.Request)]


def _platform_bundle(spider, request: scrapy.Request) -> list[int]:
    """The deptIds the bundle's answer has the list API posted for."""
    response = TextResponse(url=PLATFORM_BUNDLE, body=(FILES / "bundle_query_dept.js").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/javascript"},
                            request=Request(PLATFORM_BUNDLE, meta=request.meta))
    return [int(json.loads(r.body)["deptId"]) for r in spider.parse_bundle(response) if r.method == "POST"]


def test_a_bundle_reading_its_shells_address_asks_the_list_of_every_shell_of_the_app(spider):
    [bundle] = [r for r in _platform_shell(spider, 1002) if r.meta.get("role") == "bundle"]
    assert [r for r in _platform_shell(spider, 2001) if r.meta.get("role") == "bundle"] == []   # fetched once
    assert _platform_bundle(spider, bundle) == [1002, 2001]
    # a shell met once the bundle is read: its list asked at once
    assert [json.loads(r.body)["deptId"] for r in _platform_shell(spider, 2002) if r.method == "POST"] == ["2002"]


def test_a_bundle_is_read_for_at_most_max_shells_per_bundle_shells_waiting(spider):
    from crawler.spiders.scripts import MAX_SHELLS_PER_BUNDLE
    [bundle] = [r for r in _platform_shell(spider, 1000) if r.meta.get("role") == "bundle"]
    for dept in range(1001, 1002 + MAX_SHELLS_PER_BUNDLE):
        _platform_shell(spider, dept)
    assert len(_platform_bundle(spider, bundle)) == 1 + MAX_SHELLS_PER_BUNDLE


def _answer_to(request: scrapy.Request, file: str) -> TextResponse:
    return TextResponse(url=request.url, body=(FILES / file).read_bytes(), encoding="utf-8",
                        headers={"Content-Type": "application/javascript"}, request=request)


def test_a_lazy_chunk_reading_its_shells_address_asks_the_list_of_every_shell_of_the_app(spider):
    [bundle] = [r for r in _platform_shell(spider, 1002) if r.meta.get("role") == "bundle"]
    _platform_shell(spider, 2001)   # a shell of the same app: its bundle already asked
    [chunk] = [r for r in spider.parse_bundle(_answer_to(bundle, "bundle_lazy_query_dept.js"))
               if r.url.endswith("/NdbgList.4e5f6a7b.js")]
    asked = [r for r in spider.parse_bundle(_answer_to(chunk, "chunk_query_dept.js")) if r.method == "POST"]
    assert [json.loads(r.body)["deptId"] for r in asked] == ["1002", "2001"]
    # a shell met once the chunk is read: its list asked at once
    assert [json.loads(r.body)["deptId"] for r in _platform_shell(spider, 2002) if r.method == "POST"] == ["2002"]
