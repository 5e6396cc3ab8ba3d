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
- noise: a 法治政府建设年度报告 in the city's list, a 部门预算 in 发改委's, a 部门决算 in 财政局's, a 统计年报 in
  教育局's, a 工作总结 in 卫健委's and in 民政局's.
"""

from __future__ import annotations

import json
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

    def _noise(self, path: str, title: str, nav: str = NAV) -> str:
        self.main.pages[path] = Page(html(title, "<p>正文。</p>", nav))
        return title

    def _reports(self, folder: str, name: str, years: range, nav: str) -> list[dict]:
        """The department's reports under ``folder``art/, as its API lists them: id, title, url."""
        key = folder.strip("/").replace("/", "")
        return [{"id": f"{key}{year}", "title": self.report(LOOK, f"{folder}art/{key}{year}.html", name, year, nav),
                 "url": f"{folder}art/{key}{year}.html"} for year in years]

    def _item(self, folder: str, key: str, title: str, nav: str) -> dict:
        item = f'{folder.strip("/").replace("/", "")}{key}'
        path = f"{folder}art/{item}.html"
        return {"id": item, "title": self._noise(path, title, nav), "url": path}

    def _department_home(self, folder: str, name: str, links: str) -> str:
        """A department's home page under ``folder`` with ``links``; its navigation bar."""
        nav = f'<a href="{folder}index.html">首页</a>{links}'
        self.main.pages[f"{folder}index.html"] = Page(html(name, f"<h1>{name}</h1>{links}", nav))
        return nav

    def _home(self) -> None:
        self.main.pages["/"] = Page(html(f"{CITY}门户网站", (
            '<div class="gk"><a href="/xxgk/index.html">政府信息公开</a></div><div class="links"><div class="hd">部门网站'
            '</div><a href="/fgw/index.html">市发展和改革委员会</a><a href="/czj/index.html">市财政局</a>'
            '<a href="/jyj/index.html">市教育局</a><a href="/wjw/index.html">市卫生健康委员会</a>'
            '<a href="/mzj/index.html">市民政局</a></div>')))
        self.main.pages["/xxgk/index.html"] = Page(html(f"{CITY}政府信息公开", (
            '<ul><li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul>')))

    def _city(self) -> None:
        items = self._reports("/xxgk/ndbg/", CITY, range(2023, 2020, -1), NAV)
        items.insert(1, self._item("/xxgk/ndbg/", "fz", f"{CITY}2023年法治政府建设年度报告", NAV))
        self.main.pages["/xxgk/ndbg/index.html"] = Page(html("政府信息公开年报", "<ul>" + "".join(
            f'<li><a href="{i["url"]}">{escape(i["title"])}</a></li>' for i in items) + "</ul>"))

    def _development(self) -> None:
        """市发展和改革委员会: a Nuxt 2 page whose list is only in ``window.__NUXT__``."""
        main, name, folder = self.main, "东岳市发展和改革委员会", "/fgw/"
        nav = self._department_home(folder, name, '<a href="/fgw/xxgk/ndbg/">年度报告</a>')
        items = self._reports(folder, name, range(2023, 2019, -1), nav)
        items.insert(2, self._item(folder, "ys", f"{name}2024年部门预算", nav))
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
        nav = self._department_home(folder, name, '<a href="/czj/xxgk/nb/">政府信息公开年报</a>')
        main.pages["/czj/xxgk/nb/"] = shell(f"政府信息公开年报-{name}", '<div id="app"></div>',
                                            ["/czj/xxgk/nb/js/chunk-vendors.1d2e3f4a.js", "/czj/xxgk/nb/js/app.5b6c7d8e.js"])
        main.pages["/czj/xxgk/nb/js/chunk-vendors.1d2e3f4a.js"] = Page(
            b'(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["chunk-vendors"],{}]);\n', SCRIPT)
        main.pages["/czj/xxgk/nb/js/app.5b6c7d8e.js"] = Page(CZJ_APP.encode(), SCRIPT)
        # no address in the answer: the compiled template builds it from the id
        items = [{"id": i["id"], "title": i["title"]} for i in self._reports(folder, name, range(2023, 2020, -1), nav)]
        noise = self._item(folder, "js", f"{name}2023年度部门决算", nav)
        items.insert(1, {"id": noise["id"], "title": noise["title"]})

        def answer(query: dict) -> Page:
            if query.get("channel") != ["cznb"] or query.get("page") != ["1"] or query.get("size") != ["10"]:
                return Page(b'{"code":400,"msg":"channel"}', JSON)
            return Page(json.dumps({"code": 200, "data": {"list": items, "total": len(items)}},
                                   ensure_ascii=False).encode(), JSON)
        main.dynamic["/czj/api/nb/list"] = answer

    def _education(self) -> None:
        """市教育局: an Angular build asking through HttpClient (``this.http.get``)."""
        main, name, folder = self.main, "东岳市教育局", "/jyj/"
        nav = self._department_home(folder, name, '<a href="/jyj/xxgk/ndbg/">年度报告</a>')
        main.pages["/jyj/xxgk/ndbg/"] = Page(
            f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>年度报告-{name}</title>'
            '<base href="/jyj/xxgk/ndbg/"><link rel="stylesheet" href="styles.9a8b7c6d.css"></head><body>'
            '<app-root></app-root><script src="runtime.1a2b3c4d.js" type="module"></script>'
            '<script src="polyfills.5e6f7a8b.js" type="module"></script>'
            '<script src="main.3f2a9c1e.js" type="module"></script></body></html>'.encode())
        main.pages["/jyj/xxgk/ndbg/main.3f2a9c1e.js"] = Page(JYJ_MAIN.encode(), SCRIPT)
        items = self._reports(folder, name, range(2023, 2020, -1), nav)
        items.append(self._item(folder, "tj", "东岳市2023年教育统计年报", nav))

        def answer(query: dict) -> Page:
            if query.get("column") != ["ndbg"] or query.get("page") != ["1"]:
                return Page(b'{"code":400}', JSON)
            return Page(json.dumps({"code": 0, "data": items}, ensure_ascii=False).encode(), JSON)
        main.dynamic["/jyj/api/list"] = answer

    def _health(self) -> None:
        """市卫生健康委员会: a create-react-app build asking with a template literal (``${API}/list?page=${p}``)."""
        main, name, folder = self.main, "东岳市卫生健康委员会", "/wjw/"
        nav = self._department_home(folder, name, '<a href="/wjw/xxgk/ndbg/">年度报告</a>')
        main.pages["/wjw/xxgk/ndbg/"] = shell(f"年度报告-{name}", '<div id="root"></div>',
                                              ["/wjw/xxgk/ndbg/static/js/main.8c1e2f3a.js"])
        main.pages["/wjw/xxgk/ndbg/static/js/main.8c1e2f3a.js"] = Page(WJW_MAIN.encode(), SCRIPT)
        items = self._reports(folder, name, range(2023, 2020, -1), nav)
        items.insert(2, self._item(folder, "zj", f"{name}2023年工作总结", nav))

        def answer(query: dict) -> Page:
            if query.get("column") != ["ndbg"] or query.get("page") != ["1"] or query.get("size") != ["10"]:
                return Page(b'{"code":400}', JSON)
            return Page(json.dumps({"code": 0, "data": {"list": items, "total": len(items)}},
                                   ensure_ascii=False).encode(), JSON)
        main.dynamic["/wjw/api/list"] = answer

    def _civil_affairs(self) -> None:
        """市民政局: a jQuery page whose interface answers XML (``dataType:"xml"``)."""
        main, name, folder = self.main, "东岳市民政局", "/mzj/"
        nav = self._department_home(folder, name, '<a href="/mzj/xxgk/nb.html">政府信息公开年报</a>')
        main.pages["/mzj/xxgk/nb.html"] = Page(html(f"政府信息公开年报-{name}", '<ul id="list"></ul>' + MZJ_SCRIPT, nav))
        items = self._reports(folder, name, range(2023, 2020, -1), nav)
        items.insert(1, self._item(folder, "zj", f"{name}2023年度工作总结", nav))
        answer = ('<?xml version="1.0" encoding="UTF-8"?><list total="%d">' % len(items) + "".join(
            f'<item><title>{escape(i["title"])}</title><url>{i["url"]}</url><date>2024-01-20</date></item>'
            for i in items) + "</list>").encode()

        def listed(query: dict) -> Page:
            if query.get("columnid") != ["nb"] or query.get("pageNo") != ["1"]:
                return Page(b'<?xml version="1.0" encoding="UTF-8"?><list total="0"></list>', XML)
            return Page(answer, XML)
        main.dynamic["/mzj/interface/getList.jsp"] = listed
