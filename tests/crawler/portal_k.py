"""An eleventh municipal portal, 东岳市, on one host: each department's 年报 column built by a platform family no
other portal has, for crawls over real HTTP.

- the city's 政府信息公开年报 column (``/xxgk/ndbg/index.html``): a server-rendered list (the way in, and noise: a
  法治政府建设年度报告);
- 市发展和改革委员会 (``/fgw/``): a Nuxt 2 page rendered on the server with its list left to the browser
  (``<client-only>``: an empty ``<!---->``); the list is in ``window.__NUXT__=(function(a,b,c){return {…}}(…))``,
  repeated values passed as the function's arguments, every ``/`` of a string written ``\\u002F`` as Nuxt's
  serializer writes it;
- 市财政局 (``/czj/``): a Vue-CLI (webpack 4) shell whose component asks through axios imported as a module
  (``o.a.get("/czj/api/nb/list",{params:{page:t,size:10,channel:"cznb"}})``, ``o=n.n(r)``), the item's address
  built by the compiled template (``"/czj/art/"+t.id+".html"``);
- 市教育局 (``/jyj/``): an Angular build (``<app-root></app-root>``, ``runtime``/``polyfills``/``main`` ES modules)
  whose service asks ``this.http.get("/jyj/api/list",{params:{page:"1",size:"10",column:"ndbg"}})``;
- 市卫生健康委员会 (``/wjw/``): a create-react-app build (``<div id="root">``) asking
  ``fetch(`${API}/list?page=${p}&size=10&column=ndbg`)`` with ``const API="/wjw/api"``;
- 市民政局 (``/mzj/``): an older jQuery page asking an interface answering XML (``dataType:"xml"``,
  ``<list><item><title>…</title><url>…</url></item></list>``, as Hanweb's and TRS's older interfaces do);
- 市审计局 (``/sjj/``): a Vite app called 信息公开 whose routes are made from an ``import.meta.glob`` map of its views
  (``Object.assign({"./views/ndbg/index.vue":()=>h(()=>import("./index.8f2e9a1b.js"),[…]),…})``, each view's path
  its route's); the 年报 view's chunk loads the component holding the list, another chunk (``NbList.….js``);
- 市司法局 (``/sfj/``): a Next.js page rendered on the server, its first page of three reports in its HTML and in
  ``<script id="__NEXT_DATA__">``; its pager buttons navigate in the browser, which asks later pages of
  ``/sfj/_next/data/<buildId>/xxgk/ndbg.json?page=2`` (its ``basePath`` ``/sfj``);
- 市应急管理局 (``/yjj/``): its reports linked nowhere, listed only by the city's site search, whose result page
  draws its results by a script in a file of its own (``<script src="/search/js/search.js">``);
- noise: a 法治政府建设年度报告 in the city's list, a 部门预算 in 发改委's, a 部门决算 in 财政局's, a 统计年报 in
  教育局's, a 工作总结 in 卫健委's and in 民政局's, a 部门预算 in 审计局's, a 工作总结 in 司法局's, a 年报 解读 and
  an 编制 notice among the search's results.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from tests.crawler.portal import JSON, SCRIPT, Look, OneHost, Page

CITY = "东岳市人民政府"
NAV = '<a href="/">首页</a><a href="/xxgk/index.html">政府信息公开</a>'
XML = "text/xml;charset=UTF-8"

LOOK = Look(NAV, seed=53, day=1)
html = LOOK.html


def shell(title: str, mount: str, scripts: list[str], module: bool = False) -> Page:
    """A built app's page: an empty mount point and its script files."""
    kind = ' type="module"' if module else ""
    tags = "".join(f'<script{kind} src="{s}"></script>' for s in scripts)
    return Page(f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>'
                f'<base href="/"></head><body><noscript>请启用JavaScript。</noscript>{mount}{tags}</body></html>'.encode())


def nuxt_string(text: str) -> str:
    """A string as Nuxt's serializer (devalue) writes it: JSON, each ``/`` as ``\\u002F``."""
    return json.dumps(text, ensure_ascii=False).replace("/", "\\u002F")


def asked_with(wanted: dict[str, str], answer: dict) -> Callable[[dict], Page]:
    """A GET API answering ``answer`` when asked with the ``wanted`` query values, else a 400 in JSON."""
    def answered(query: dict) -> Page:
        if any(query.get(key) != [value] for key, value in wanted.items()):
            return Page(b'{"code":400,"msg":"bad query"}', JSON)
        return Page(json.dumps(answer, ensure_ascii=False).encode(), JSON)
    return answered


# 财政局's Vue-CLI app bundle: axios a module of the vendor chunk (o=n.n(r)), asked as o.a.get(url, {params}).
CZJ_APP = (
    '(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["app"],{0:function(e,t,n){e.exports=n("56d7")},'
    '"56d7":function(e,t,n){"use strict";n.r(t);var a=n("2b0e"),r=n("bc3a"),o=n.n(r),s={name:"NbList",data:function(){'
    'return{list:[],page:1}},created:function(){this.load(this.page)},methods:{load:function(t){var e=this;'
    'o.a.get("/czj/api/nb/list",{params:{page:t,size:10,channel:"cznb"}}).then((function(t){e.list=t.data.data.list}'
    '))}},render:function(e){return e("ul",this.list.map((function(t){return e("li",[e("a",{attrs:{href:"/czj/art/"+'
    't.id+".html",target:"_blank"}},t.title)])})))}};new a["a"]({render:function(e){return e(s)}}).$mount("#app")}},'
    '[[0,"chunk-vendors"]]]);\n')

# 教育局's Angular build: the list service asks through HttpClient.
JYJ_MAIN = (
    '"use strict";(self.webpackChunkjyj=self.webpackChunkjyj||[]).push([[179],{255:(t,e,n)=>{var s=n(223),l=n(520);'
    'let c=(()=>{class t{constructor(e){this.http=e}getList(){return this.http.get("/jyj/api/list",{params:{page:"1",'
    'size:"10",column:"ndbg"}})}}return t.\\u0275fac=function(e){return new(e||t)(s.LFG(l.eN))},t.\\u0275prov=s.Yz7({'
    'token:t,factory:t.\\u0275fac,providedIn:"root"}),t})(),a=(()=>{class t{constructor(e){this.svc=e,this.items=[]}'
    'ngOnInit(){this.svc.getList().subscribe(e=>{this.items=e.data})}}return t.\\u0275fac=function(e){return new(e||t)'
    '(s.Y36(c))},t.\\u0275cmp=s.Xpm({type:t,selectors:[["app-root"]],decls:2,vars:1,template:function(e,n){1&e&&'
    '(s.TgZ(0,"ul"),s.YNc(1,r,3,2,"li",0),s.qZA()),2&e&&(s.xp6(1),s.Q6J("ngForOf",n.items))},encapsulation:2}),t})();'
    '(0,s.Lf5)().bootstrapModule(a).catch(t=>console.error(t))}},t=>{t.O(0,[736],()=>t(t.s=255)),t.O()}]);\n')

# 卫健委's create-react-app build: the list asked with a template literal on the API's base.
WJW_MAIN = (
    '/*! For license information please see main.8c1e2f3a.js.LICENSE.txt */(()=>{"use strict";var e=n(791),t=n(184);'
    'const API="/wjw/api";function r(){const[r,a]=(0,e.useState)([]),[p]=(0,e.useState)(1);return(0,e.useEffect)('
    '(()=>{fetch(`${API}/list?page=${p}&size=10&column=ndbg`).then((e=>e.json())).then((e=>a(e.data.list)))}),[p]),'
    '(0,t.jsx)("ul",{className:"list",children:r.map((e=>(0,t.jsx)("li",{children:(0,t.jsx)("a",{href:e.url,'
    'children:e.title})},e.id)))})}n(250).createRoot(document.getElementById("root")).render((0,t.jsx)(r,{}))})();\n')

# 民政局's page: jQuery asks an interface answering XML and draws its items.
MZJ_SCRIPT = (
    '<script src="/mzj/js/jquery.min.js"></script><script>\n'
    '$(function () {\n  $.ajax({\n    type: "GET", url: "/mzj/interface/getList.jsp", dataType: "xml",\n'
    '    data: {columnid: "nb", pageNo: 1, pageSize: 10},\n    success: function (xml) {\n'
    '      $(xml).find("item").each(function () {\n        var t = $(this).find("title").text(), '
    'u = $(this).find("url").text();\n        $("#list").append(\'<li><a href="\' + u + \'" target="_blank">\' + t + '
    '\'</a></li>\');\n      });\n    }\n  });\n});\n</script>')


# 审计局's Vite build: its views an import.meta.glob map, its routes made from the map's paths.
SJJ_INDEX = (
    'import{c as d,a as m,b as p,d as g}from"./vendor.0f1e2d3c.js";const y="modulepreload",f={},'
    'h=function(e,n){return!n||n.length===0?e():Promise.all(n.map(t=>{if(t=`/sjj/xxgk/${t}`,t in f)return;f[t]=!0;'
    'const r=document.createElement("link");r.rel=y,r.href=t,document.head.appendChild(r)})).then(()=>e())};'
    'const w=d.create({timeout:15e3});w.interceptors.response.use(e=>e.data);'
    'const r=Object.assign({"./views/home/index.vue":()=>h(()=>import("./index.1a2b3c4d.js"),["assets/index.1a2b3c4d.js",'
    '"assets/vendor.0f1e2d3c.js"]),"./views/ndbg/index.vue":()=>h(()=>import("./index.8f2e9a1b.js"),["assets/index.'
    '8f2e9a1b.js","assets/vendor.0f1e2d3c.js"]),"./views/zcwj/index.vue":()=>h(()=>import("./index.5c6d7e8f.js"),'
    '["assets/index.5c6d7e8f.js","assets/vendor.0f1e2d3c.js"])});const v=m({history:p("/sjj/xxgk/"),routes:Object.keys(r)'
    '.map(e=>({path:e.replace(/^\\.\\/views|\\/index\\.vue$/g,"").replace("/home","/"),component:r[e]}))});'
    'g({}).use(v).mount("#app");export{w as r,h as _};\n')
SJJ_NDBG = (
    'import{_ as h}from"./index.6e5f4a3b.js";import{e as _,j as a,o as p,g as f,k as c}from"./vendor.0f1e2d3c.js";'
    'const l=a(()=>h(()=>import("./NbList.3c4d5e6f.js"),["assets/NbList.3c4d5e6f.js","assets/vendor.0f1e2d3c.js"]));'
    'const I=_({setup(){return(e,t)=>(p(),f("div",null,[c("h2",null,"政府信息公开年报"),c(l)]))}});export{I as default};\n')
SJJ_LIST = (
    'import{r as w}from"./index.6e5f4a3b.js";import{e as _,f as m,o as p,g as f,h as s,F as x,i as u}from'
    '"./vendor.0f1e2d3c.js";function k(e){return w({url:"/sjj/api/nb/page",method:"get",params:e})}const I=_({setup(e)'
    '{const t=m([]);return k({channel:"sjnb",current:1,size:10}).then(o=>{t.value=o.data.records}),(o,l)=>(p(),f("ul",'
    'null,[(p(!0),f(x,null,u(t.value,r=>(p(),f("li",{key:r.id},[s("a",{href:r.url},r.title)]))),128))]))}});'
    'export{I as default};\n')
SJJ_OTHER = 'import{e as _}from"./vendor.0f1e2d3c.js";const I=_({});export{I as default};\n'

# The city's site search: its result page's script is a file of its own.
SEARCH_SCRIPT = (
    'function getQueryString(name) { var m = location.search.match(new RegExp("[?&]" + name + "=([^&]*)"));\n'
    '  return m ? decodeURIComponent(m[1]) : ""; }\nvar keyword = getQueryString("keyword");\n'
    'function search(page) {\n  $.ajax({type: "GET", url: "/search/api/query", dataType: "json",\n'
    '    data: {searchWord: keyword, siteCode: "dy", pageNo: page, pageSize: 5},\n'
    '    success: function (r) { render(r.data.results); pager(r.data.total, page); }});\n}\n'
    'function goPage(n) { search(n); }\n$(function () { search(1); });\n')


class PortalK(OneHost):
    """The host of 东岳市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        super().__init__()
        self._home()
        self._city()
        self._development()
        self._finance()
        self._education()
        self._health()
        self._civil_affairs()
        self._audit()
        self._justice()
        self._search()

    def _noise(self, path: str, title: str, nav: str = NAV) -> str:
        return self.noise(LOOK, path, title, nav)

    def _home(self) -> None:
        self.main.pages["/"] = Page(html(f"{CITY}门户网站", (
            '<div class="gk"><a href="/xxgk/index.html">政府信息公开</a></div><div class="links"><div class="hd">部门网站'
            '</div><a href="/fgw/index.html">市发展和改革委员会</a><a href="/czj/index.html">市财政局</a>'
            '<a href="/jyj/index.html">市教育局</a><a href="/wjw/index.html">市卫生健康委员会</a>'
            '<a href="/mzj/index.html">市民政局</a><a href="/sjj/index.html">市审计局</a><a href="/sfj/index.html">市司法局'
            '</a></div><form class="search" action="/search/index.html" method="get"><input type="text" name="keyword"'
            ' placeholder="站内搜索"><button type="submit">搜索</button></form>')))
        self.main.pages["/xxgk/index.html"] = Page(html(f"{CITY}政府信息公开", (
            '<ul><li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul>')))

    def _city(self) -> None:
        items = self.listed_reports(LOOK, "/xxgk/ndbg/", CITY, range(2023, 2020, -1), NAV)
        items.insert(1, self.listed_noise(LOOK, "/xxgk/ndbg/", "fz", f"{CITY}2023年法治政府建设年度报告", NAV))
        self.main.pages["/xxgk/ndbg/index.html"] = Page(html("政府信息公开年报", "<ul>" + "".join(
            f'<li><a href="{i["url"]}">{escape(i["title"])}</a></li>' for i in items) + "</ul>"))

    def _development(self) -> None:
        """市发展和改革委员会: a Nuxt 2 page whose list is only in ``window.__NUXT__``."""
        main, name, folder = self.main, "东岳市发展和改革委员会", "/fgw/"
        nav = self.department_home(LOOK, folder, name, '<a href="/fgw/xxgk/ndbg/">年度报告</a>')
        items = self.listed_reports(LOOK, folder, name, range(2023, 2019, -1), nav)
        items.insert(2, self.listed_noise(LOOK, folder, "ys", f"{name}2024年部门预算", nav))
        listed = ",".join(f'{{id:{json.dumps(i["id"])},title:{nuxt_string(i["title"])},url:{nuxt_string(i["url"])},'
                          'date:a,source:b}' for i in items)
        state = (f'window.__NUXT__=(function(a,b,c,d){{return {{layout:"default",data:[{{list:[{listed}],'
                 f'total:{len(items)}}}],fetch:{{}},error:c,state:{{}},serverRendered:d,routePath:'
                 f'{nuxt_string("/fgw/xxgk/ndbg/")},config:{{_app:{{basePath:{nuxt_string("/")},assetsPath:'
                 f'{nuxt_string("/fgw/_nuxt/")},cdnURL:c}}}}}}}}("2024-01-20",{nuxt_string(name)},null,true));')
        main.pages["/fgw/xxgk/ndbg/"] = Page(
            f'<!doctype html><html data-n-head-ssr lang="zh-CN"><head><meta charset="utf-8"><title>年度报告-{name}'
            f'</title></head><body><div data-server-rendered="true" id="__nuxt"><div id="__layout"><div class="page">'
            f'<div class="crumb"><a href="/fgw/index.html">首页</a> &gt; 年度报告</div><ul class="list"><!----></ul>'
            f'</div></div></div><script>{state}</script><script src="/fgw/_nuxt/runtime.4c1b.js" defer></script>'
            f'<script src="/fgw/_nuxt/app.8a2e.js" defer></script></body></html>'.encode())
        main.pages["/fgw/_nuxt/app.8a2e.js"] = Page(b'(window.webpackJsonp=window.webpackJsonp||[]).push([[0],{}]);\n',
                                                    SCRIPT)

    def _finance(self) -> None:
        """市财政局: a Vue-CLI shell asking with axios imported as a webpack 4 module (``o.a.get``)."""
        main, name, folder = self.main, "东岳市财政局", "/czj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/czj/xxgk/nb/">政府信息公开年报</a>')
        main.pages["/czj/xxgk/nb/"] = shell(f"政府信息公开年报-{name}", '<div id="app"></div>',
                                            ["/czj/xxgk/nb/js/chunk-vendors.1d2e3f4a.js", "/czj/xxgk/nb/js/app.5b6c7d8e.js"])
        main.pages["/czj/xxgk/nb/js/chunk-vendors.1d2e3f4a.js"] = Page(
            b'(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["chunk-vendors"],{}]);\n', SCRIPT)
        main.pages["/czj/xxgk/nb/js/app.5b6c7d8e.js"] = Page(CZJ_APP.encode(), SCRIPT)
        # no address in the answer: the compiled template builds it from the id
        items = [{"id": i["id"], "title": i["title"]} for i in self.listed_reports(LOOK, folder, name, range(2023, 2020, -1), nav)]
        noise = self.listed_noise(LOOK, folder, "js", f"{name}2023年度部门决算", nav)
        items.insert(1, {"id": noise["id"], "title": noise["title"]})

        main.dynamic["/czj/api/nb/list"] = asked_with({"channel": "cznb", "page": "1", "size": "10"},
                                                      {"code": 200, "data": {"list": items, "total": len(items)}})

    def _education(self) -> None:
        """市教育局: an Angular build asking through HttpClient (``this.http.get``)."""
        main, name, folder = self.main, "东岳市教育局", "/jyj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/jyj/xxgk/ndbg/">年度报告</a>')
        main.pages["/jyj/xxgk/ndbg/"] = Page(
            f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>年度报告-{name}</title>'
            '<base href="/jyj/xxgk/ndbg/"><link rel="stylesheet" href="styles.9a8b7c6d.css"></head><body>'
            '<app-root></app-root><script src="runtime.1a2b3c4d.js" type="module"></script>'
            '<script src="polyfills.5e6f7a8b.js" type="module"></script>'
            '<script src="main.3f2a9c1e.js" type="module"></script></body></html>'.encode())
        main.pages["/jyj/xxgk/ndbg/main.3f2a9c1e.js"] = Page(JYJ_MAIN.encode(), SCRIPT)
        items = self.listed_reports(LOOK, folder, name, range(2023, 2020, -1), nav)
        items.append(self.listed_noise(LOOK, folder, "tj", "东岳市2023年教育统计年报", nav))

        main.dynamic["/jyj/api/list"] = asked_with({"column": "ndbg", "page": "1"}, {"code": 0, "data": items})

    def _health(self) -> None:
        """市卫生健康委员会: a create-react-app build asking with a template literal (``${API}/list?page=${p}``)."""
        main, name, folder = self.main, "东岳市卫生健康委员会", "/wjw/"
        nav = self.department_home(LOOK, folder, name, '<a href="/wjw/xxgk/ndbg/">年度报告</a>')
        main.pages["/wjw/xxgk/ndbg/"] = shell(f"年度报告-{name}", '<div id="root"></div>',
                                              ["/wjw/xxgk/ndbg/static/js/main.8c1e2f3a.js"])
        main.pages["/wjw/xxgk/ndbg/static/js/main.8c1e2f3a.js"] = Page(WJW_MAIN.encode(), SCRIPT)
        items = self.listed_reports(LOOK, folder, name, range(2023, 2020, -1), nav)
        items.insert(2, self.listed_noise(LOOK, folder, "zj", f"{name}2023年工作总结", nav))

        main.dynamic["/wjw/api/list"] = asked_with({"column": "ndbg", "page": "1", "size": "10"},
                                                   {"code": 0, "data": {"list": items, "total": len(items)}})

    def _civil_affairs(self) -> None:
        """市民政局: a jQuery page whose interface answers XML (``dataType:"xml"``)."""
        main, name, folder = self.main, "东岳市民政局", "/mzj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/mzj/xxgk/nb.html">政府信息公开年报</a>')
        main.pages["/mzj/xxgk/nb.html"] = Page(html(f"政府信息公开年报-{name}", '<ul id="list"></ul>' + MZJ_SCRIPT, nav))
        items = self.listed_reports(LOOK, folder, name, range(2023, 2020, -1), nav)
        items.insert(1, self.listed_noise(LOOK, folder, "zj", f"{name}2023年度工作总结", nav))
        answer = ('<?xml version="1.0" encoding="UTF-8"?><list total="%d">' % len(items) + "".join(
            f'<item><title>{escape(i["title"])}</title><url>{i["url"]}</url><date>2024-01-20</date></item>'
            for i in items) + "</list>").encode()

        def listed(query: dict) -> Page:
            if query.get("columnid") != ["nb"] or query.get("pageNo") != ["1"]:
                return Page(b'<?xml version="1.0" encoding="UTF-8"?><list total="0"></list>', XML)
            return Page(answer, XML)
        main.dynamic["/mzj/interface/getList.jsp"] = listed

    def _audit(self) -> None:
        """市审计局: a Vite app whose routes are its views' paths (``import.meta.glob``), the 年报 view's chunk
        loading the list's."""
        main, name, folder = self.main, "东岳市审计局", "/sjj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/sjj/xxgk/">信息公开</a>')
        main.pages["/sjj/xxgk/"] = shell(f"信息公开-{name}", '<div id="app"></div>', ["/sjj/xxgk/assets/index.6e5f4a3b.js"],
                                         module=True)
        for file, code in (("index.6e5f4a3b", SJJ_INDEX), ("index.8f2e9a1b", SJJ_NDBG), ("NbList.3c4d5e6f", SJJ_LIST),
                           ("index.1a2b3c4d", SJJ_OTHER), ("index.5c6d7e8f", SJJ_OTHER),
                           ("vendor.0f1e2d3c", 'const e={};export{e as a,e as b,e as c,e as d,e as e};\n')):
            main.pages[f"/sjj/xxgk/assets/{file}.js"] = Page(code.encode(), SCRIPT)
        items = self.listed_reports(LOOK, folder, name, range(2023, 2020, -1), nav)
        items.insert(1, self.listed_noise(LOOK, folder, "ys", f"{name}2024年部门预算", nav))

        main.dynamic["/sjj/api/nb/page"] = asked_with({"channel": "sjnb", "current": "1"},
                                                      {"code": 200, "data": {"records": items, "total": len(items)}})

    def _justice(self) -> None:
        """市司法局: a Next.js app under ``/sfj`` (its basePath), three items a page; later pages asked of
        ``/sfj/_next/data/…json?page=N``."""
        main, name, folder = self.main, "东岳市司法局", "/sfj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/sfj/xxgk/ndbg">年度报告</a>')
        items = self.listed_reports(LOOK, folder, name, range(2023, 2018, -1), nav)
        items.insert(4, self.listed_noise(LOOK, folder, "zj", f"{name}2023年工作总结", nav))
        pages = [items[k:k + 3] for k in range(0, len(items), 3)]

        def props(n: int) -> dict:
            return {"list": [{"id": i["id"], "title": i["title"], "href": i["url"]} for i in pages[n - 1]],
                    "total": len(items), "page": n, "pageSize": 3}

        def data(query: dict) -> Page:
            n = query.get("page", ["1"])[0]
            if not n.isdigit() or not 1 <= int(n) <= len(pages):
                return Page(b'{"notFound":true}', JSON, status=404)
            return Page(json.dumps({"pageProps": props(int(n)), "__N_SSP": True}, ensure_ascii=False).encode(), JSON)
        state = {"props": {"pageProps": props(1), "__N_SSP": True}, "page": "/xxgk/ndbg", "query": {},
                 "buildId": "kX3v9QeL2aB7", "isFallback": False, "gssp": True, "scriptLoader": []}
        listed = "".join(f'<li><a href="{i["href"]}">{escape(i["title"])}</a></li>' for i in props(1)["list"])
        main.pages["/sfj/xxgk/ndbg"] = Page(
            f'<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/><title>年度报告-{name}</title>'
            '<script src="/sfj/_next/static/chunks/main-3f2a1c9b.js" defer=""></script></head><body><div id="__next">'
            f'<div class="crumb"><a href="/sfj/index.html">首页</a> &gt; 年度报告</div><ul class="list">{listed}</ul>'
            f'<div class="pager"><button disabled="">上一页</button><span>1/{len(pages)}</span><button>下一页</button>'
            '</div></div><script id="__NEXT_DATA__" type="application/json">'
            f'{json.dumps(state, ensure_ascii=False)}</script></body></html>'.encode())
        main.dynamic["/sfj/_next/data/kX3v9QeL2aB7/xxgk/ndbg.json"] = data

    def _search(self) -> None:
        """The city's site search, drawn by a script file; it lists 应急管理局's reports, linked nowhere else."""
        main, name = self.main, "东岳市应急管理局"
        main.pages["/search/index.html"] = Page(html("搜索结果", (
            '<div class="search-result"><ul id="list"></ul><div id="pager"></div></div>'
            '<script src="/search/js/jquery.min.js"></script><script src="/search/js/search.js"></script>')))
        main.pages["/search/js/search.js"] = Page(SEARCH_SCRIPT.encode(), SCRIPT)
        indexed = [(i["url"], i["title"]) for i in self.listed_reports(LOOK, "/yjj/", name, range(2023, 2020, -1), NAV)]
        indexed += [(f"/xxgk/tzgg/{n}.html", self._noise(f"/xxgk/tzgg/{n}.html", title)) for n, title in enumerate((
            f"{CITY}2023年政府信息公开工作年度报告解读", "关于做好2023年度政府信息公开工作年度报告编制工作的通知"))]

        def api(query: dict) -> Page:
            words = query.get("searchWord", [""])[0]
            wanted = [w for w in ("政府信息公开", "年度报告", "年报") if w in words]
            hits = [(p, t) for p, t in indexed if wanted and all(w in t for w in wanted)]
            n = query.get("pageNo", ["1"])[0]
            n = int(n) if n.isdigit() and int(n) >= 1 else 1
            if query.get("siteCode") != ["dy"]:
                hits = []
            results = [{"title": t, "url": p} for p, t in hits[(n - 1) * 5:n * 5]]
            return Page(json.dumps({"code": 200, "data": {"total": len(hits), "results": results}},
                                   ensure_ascii=False).encode(), JSON)
        main.dynamic["/search/api/query"] = api
