"""A fifth municipal portal, 东陵市, small, built from platform families that ``simsite`` and portals a–d do not
have: single-page applications whose code lives in bundled script files, for crawls over real HTTP on one host.

- the city's 政府信息公开年报 column (``/xxgk/ndbg/``) is a Vue-CLI (webpack 4) build: the page is an empty
  ``<div id="app">`` and two scripts, ``chunk-vendors.*.js`` and ``app.*.js``. The app bundle's API module asks
  through the project's axios instance (``function r(e){return Object(a["a"])({url:"/xxgk/api/article/list",
  method:"post",data:e})}``, exported as ``"b"``), the list component calls it with its ``data()``'s
  ``queryParams`` (``Object(o["b"])(this.queryParams)``); the compiled template builds each item's address
  (``href:"/xxgk/art/"+t.id+".html"``). The API wants a JSON body, answers RuoYi's way (``{"total", "rows"}``),
  five a page: two pages;
- 市教育局 (``/jyj/``): its 年度报告 column is a Vite build (an ES module ``index.*.js`` importing its vendor
  chunk, a ``<link rel="modulepreload">``): ``function k(e){return w({url:"/jyj/api/content/page",method:"get",
  params:e})}`` called with a Vue 3 ``ref``'s value (``n=m({channelCode:"jynb",current:1,size:10})`` …
  ``k(n.value)``); the answer's records carry their address;
- 市民政局 (``/mzj/``): an inline Vue 2 page posting its whole ``queryParams`` (``axios.post(url,
  this.queryParams)``, the object written in ``data()``);
- 市卫生健康委员会 (``/wjw/``): a jQuery page whose data are ES6 shorthand keys (``data: {columnId, pageNo,
  pageSize: 15}``, the values in ``const``/``let`` above);
- 市交通运输局 (``/jtj/``): a 加载更多 button naming its next page only (``data-page="2"``, no last page), the
  script loading HTML fragments (``"/jtj/xxgk/ndbg/list_" + page + ".html"``) until one comes back empty;
- 市住房和城乡建设局 (``/zjj/``): an inline Vue 2 app in hash mode, its items' addresses routes of the app
  (``:href="'#/detail/' + item.id"``, which the server never sees); the report is the JSON answer of the detail
  API its script names (``function getDetail(id){return axios.get('/zjj/api/info/detail',{params:{id}})}``),
  its HTML in ``content``: the report's address is that API's (``expected``);
- noise: a 法治政府建设年度报告 in the city's list, a 部门预算 and a 部门决算 in 教育局's, a 工作总结 in 民政局's, a
  部门决算 among 交通运输局's fragments, a 部门决算 among 住建局's routes, a notice about writing the reports among the news.
"""

from __future__ import annotations

import json
from html import escape

from tests.crawler.portal import JSON, SCRIPT, Look, OneHost, Page

CITY = "东陵市人民政府"
NAV = '<a href="/">首页</a><a href="/xwzx/index.html">新闻中心</a><a href="/xxgk/index.html">政府信息公开</a>'

LOOK = Look(NAV, seed=23, day=1)
html = LOOK.html


def page_of(query: dict, key: str, default: int) -> int:
    value = query.get(key, [str(default)])[0]
    return int(value) if value.isdigit() else -1


# A Vue-CLI build's vendor chunk (Vue, vue-router, axios): never read, here to be what a real shell loads.
VENDORS = ('(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["chunk-vendors"],{"2b0e":function(t,e,n){'
           '"use strict";(function(t){/*!\n * Vue.js v2.6.14\n * (c) 2014-2021 Evan You\n * Released under the MIT '
           'License.\n */var n=Object.freeze({});function r(t){return void 0===t||null===t}function i(t){return void 0'
           '!==t&&null!==t}e["a"]=Cn}).call(this,n("c8ba"))},"bc3a":function(t,e,n){t.exports=n("cee4")},"cee4":'
           'function(t,e,n){"use strict";var r=n("c532"),i=n("1d2b"),o=n("0a06");function s(t){var e=new o(t),n=i(o.'
           'prototype.request,e);return r.extend(n,o.prototype,e),r.extend(n,e),n}var a=s(n("2444"));a.create=function'
           '(t){return s(r.merge(a.defaults,t))},t.exports=a}}]);\n')

# The city's app bundle: webpack 4's JSONP chunk of Vue-CLI 4, the runtime in its own chunk.
CITY_APP = (
    '(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["app"],{0:function(e,t,n){e.exports=n("56d7")},'
    '"4ec3":function(e,t,n){"use strict";n.d(t,"b",(function(){return r})),n.d(t,"a",(function(){return o}));'
    'var a=n("b775");function r(e){return Object(a["a"])({url:"/xxgk/api/article/list",method:"post",data:e})}'
    'function o(e){return Object(a["a"])({url:"/xxgk/api/article/"+e,method:"get"})}},'
    '"56d7":function(e,t,n){"use strict";n.r(t);n("e260"),n("e6cf"),n("cca6"),n("a79d");var a=n("2b0e"),r=function()'
    '{var e=this,t=e.$createElement,n=e._self._c||t;return n("div",{attrs:{id:"app"}},[n("router-view")],1)},o=[],'
    's={name:"App"},c=s,u=n("2877"),l=Object(u["a"])(c,r,o,!1,null,null,null),d=l.exports,f=n("8c4f"),p=n("b8f0");'
    'a["a"].use(f["a"]);var h=new f["a"]({mode:"hash",routes:[{path:"/",name:"List",component:p["a"]}]});'
    'a["a"].config.productionTip=!1,new a["a"]({router:h,render:function(e){return e(d)}}).$mount("#app")},'
    '"b775":function(e,t,n){"use strict";var a=n("bc3a"),r=n.n(a),o=r.a.create({baseURL:"",timeout:1e4});'
    'o.interceptors.response.use((function(e){var t=e.data;return 200!==t.code?Promise.reject(new Error(t.msg||'
    '"Error")):t}),(function(e){return Promise.reject(e)})),t["a"]=o},'
    '"b8f0":function(e,t,n){"use strict";var a=function(){var e=this,t=e.$createElement,n=e._self._c||t;return n('
    '"div",{staticClass:"list-wrap"},[n("div",{staticClass:"title"},[e._v("政府信息公开年报")]),n("ul",{staticClass:'
    '"list"},e._l(e.list,(function(t){return n("li",{key:t.id},[n("a",{attrs:{href:"/xxgk/art/"+t.id+".html",'
    'target:"_blank"}},[e._v(e._s(t.title))]),n("span",[e._v(e._s(t.publishDate))])])})),0),n("el-pagination",'
    '{attrs:{total:e.total,"page-size":e.queryParams.pageSize,"current-page":e.queryParams.pageNum},on:{'
    '"current-change":e.handlePage}})],1)},r=[],o=n("4ec3"),s={name:"List",data:function(){return{list:[],total:0,'
    'queryParams:{pageNum:1,pageSize:5,channelId:"ndbg"}}},created:function(){this.getList()},methods:{getList:'
    'function(){var e=this;Object(o["b"])(this.queryParams).then((function(t){e.list=t.rows,e.total=t.total}))},'
    'handlePage:function(e){this.queryParams.pageNum=e,this.getList()}}},c=s,i=n("2877"),l=Object(i["a"])(c,a,r,!1,'
    'null,"5a4c3e2b",null);t["a"]=l.exports}},[[0,"runtime","chunk-vendors"]]]);\n'
    '//# sourceMappingURL=app.3f2a1c9e.js.map\n')

# 教育局's Vite 2 build: one ES module, the vendor chunk imported.
EDU_INDEX = (
    'import{d as _,r as m,o as p,c as f,a as s,F as h,b as x,t as u,e as v,g as y}from"./vendor.1a2b3c4d.js";'
    'const b=function(){const o=document.createElement("link").relList;if(o&&o.supports&&o.supports("modulepreload"))'
    'return;for(const r of document.querySelectorAll(\'link[rel="modulepreload"]\'))c(r);function c(r){if(r.ep)return;'
    'r.ep=!0;const i=fetch(r.href)}};b();const w=y.create({baseURL:"",timeout:15e3});w.interceptors.response.use(e=>'
    'e.data,e=>Promise.reject(e));function k(e){return w({url:"/jyj/api/content/page",method:"get",params:e})}'
    'const C={class:"news-list"},$=["href"],I=_({setup(e){const t=m([]),n=m({channelCode:"jynb",current:1,size:10});'
    'return k(n.value).then(o=>{t.value=o.data.records}),(o,l)=>(p(),f("div",C,[s("ul",null,[(p(!0),f(h,null,x('
    't.value,r=>(p(),f("li",{key:r.id},[s("a",{href:r.url,target:"_blank"},u(r.title),9,$)]))),128))])]))}});'
    'v(I).mount("#app");\n')
EDU_VENDOR = ('function Vr(e,t){const n=Object.create(null);const o=e.split(",");for(let r=0;r<o.length;r++)n[o[r]]=!0;'
              'return t?r=>!!n[r.toLowerCase()]:r=>!!n[r]}const Ie={};export{Ie as d,Vr as r};\n')


class PortalE(OneHost):
    """The host of 东陵市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        super().__init__()
        self._home()
        self._city()
        self._education()
        self._civil_affairs()
        self._health()
        self._transport()
        self._housing()

    def _department_home(self, folder: str, name: str, column: str, label: str) -> str:
        """A department's home page under ``folder``, linking its 年报 ``column``; its navigation bar."""
        nav = f'<a href="{folder}index.html">首页</a><a href="{column}">{label}</a>'
        self.main.pages[f"{folder}index.html"] = Page(html(name, f'<h1>{name}</h1><a href="{column}">{label}</a>', nav))
        return nav

    def _home(self) -> None:
        main = self.main
        notice = "关于做好2023年度政府信息公开工作年度报告编制发布工作的通知"
        main.pages["/"] = Page(html(f"{CITY}门户网站", (
            f'<div class="news"><div class="hd">新闻中心</div><ul><li><a href="/xwzx/2024/118.html">{notice}</a></li>'
            '</ul></div><div class="links"><div class="hd">部门网站</div><a href="/jyj/index.html">市教育局</a>'
            '<a href="/mzj/index.html">市民政局</a><a href="/wjw/index.html">市卫生健康委员会</a>'
            '<a href="/jtj/index.html">市交通运输局</a><a href="/zjj/index.html">市住房和城乡建设局</a></div>')))
        main.pages["/xwzx/index.html"] = Page(html("新闻中心", f'<a href="/xwzx/2024/118.html">{notice}</a>'))
        main.pages["/xwzx/2024/118.html"] = Page(html(notice, "<p>各部门：请于1月31日前发布。</p>"))
        main.pages["/xxgk/index.html"] = Page(html(f"{CITY}政府信息公开", (
            '<ul class="lm"><li><a href="/xxgk/zcwj/index.html">政策文件</a></li>'
            '<li><a href="/xxgk/ndbg/">政府信息公开年报</a></li></ul>')))
        main.pages["/xxgk/zcwj/index.html"] = Page(html("政策文件", "<p>暂无。</p>"))

    def _city(self) -> None:
        """The city's 年报 column: a Vue-CLI build whose list a wrapped axios posts for (JSON body, 5 a page)."""
        main = self.main
        main.pages["/xxgk/ndbg/"] = Page(
            b'<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8><meta http-equiv=X-UA-Compatible '
            b'content="IE=edge"><meta name=viewport content="width=device-width,initial-scale=1"><link rel=icon '
            b'href=/xxgk/ndbg/favicon.ico><title>\xe6\x94\xbf\xe5\xba\x9c\xe4\xbf\xa1\xe6\x81\xaf\xe5\x85\xac\xe5\xbc'
            b'\x80\xe5\xb9\xb4\xe6\x8a\xa5</title><link href=/xxgk/ndbg/static/css/app.8e0f1b2c.css rel=preload '
            b'as=style><link href=/xxgk/ndbg/static/js/app.3f2a1c9e.js rel=preload as=script><link '
            b'href=/xxgk/ndbg/static/js/chunk-vendors.8d1e2f3a.js rel=preload as=script></head><body><noscript>'
            b'<strong>We\'re sorry but this site doesn\'t work properly without JavaScript enabled.</strong>'
            b'</noscript><div id=app></div><script src=/xxgk/ndbg/static/js/chunk-vendors.8d1e2f3a.js></script>'
            b'<script src=/xxgk/ndbg/static/js/app.3f2a1c9e.js></script></body></html>')
        main.pages["/xxgk/ndbg/static/js/chunk-vendors.8d1e2f3a.js"] = Page(VENDORS.encode(), SCRIPT)
        main.pages["/xxgk/ndbg/static/js/app.3f2a1c9e.js"] = Page(CITY_APP.encode(), SCRIPT)
        rows = []
        for k, year in enumerate(range(2023, 2018, -1)):
            path = f"/xxgk/art/{8800 + k}.html"
            rows.append({"id": 8800 + k, "title": self.report(LOOK, path, CITY, year), "publishDate": f"{year + 1}-01-15"})
        noise = "东陵市人民政府2023年法治政府建设年度报告"
        main.pages["/xxgk/art/8900.html"] = Page(html(noise, "<p>正文。</p>"))
        rows.insert(1, {"id": 8900, "title": noise, "publishDate": "2024-03-20"})

        def answer(query: dict, body: dict) -> Page:
            page, size = body.get("pageNum"), body.get("pageSize")
            if body.get("channelId") != "ndbg" or not isinstance(page, int) or not isinstance(size, int) or size < 1:
                return Page(b'{"code":500,"msg":"channelId"}', JSON)
            return Page(json.dumps({"code": 200, "msg": "查询成功", "total": len(rows),
                                    "rows": rows[(page - 1) * size:page * size]}, ensure_ascii=False).encode(), JSON)
        main.posted["/xxgk/api/article/list"] = answer

    def _education(self) -> None:
        """市教育局: a Vite build whose list a wrapped axios asks for with a ref's value as its query."""
        main, name = self.main, "东陵市教育局"
        nav = self._department_home("/jyj/", name, "/jyj/xxgk/nb/", "年度报告")
        main.pages["/jyj/xxgk/nb/"] = Page(
            '<!DOCTYPE html>\n<html lang="zh-CN">\n  <head>\n    <meta charset="UTF-8" />\n    <link rel="icon" '
            'href="/jyj/xxgk/nb/favicon.ico" />\n    <title>年度报告 - 东陵市教育局</title>\n    <script type="module" '
            'crossorigin src="/jyj/xxgk/nb/assets/index.7c9d2e4f.js"></script>\n    <link rel="modulepreload" '
            'href="/jyj/xxgk/nb/assets/vendor.1a2b3c4d.js">\n    <link rel="stylesheet" '
            'href="/jyj/xxgk/nb/assets/index.5e6f7a8b.css">\n  </head>\n  <body>\n    <div id="app"></div>\n    \n'
            '  </body>\n</html>\n'.encode())
        main.pages["/jyj/xxgk/nb/assets/index.7c9d2e4f.js"] = Page(EDU_INDEX.encode(), SCRIPT)
        main.pages["/jyj/xxgk/nb/assets/vendor.1a2b3c4d.js"] = Page(EDU_VENDOR.encode(), SCRIPT)
        records = []
        for year in range(2023, 2020, -1):
            path = f"/jyj/art/{year + 1}/1/20/art_1201_{year}.html"
            records.append({"id": str(year), "title": self.report(LOOK, path, name, year, nav), "url": path})
        for k, noise in enumerate(("东陵市教育局2024年部门预算", "东陵市教育局2022年度部门决算")):
            main.pages[f"/jyj/art/2024/2/1/art_1202_{k}.html"] = Page(html(noise, "<p>预决算。</p>", nav))
            records.append({"id": f"b{k}", "title": noise, "url": f"/jyj/art/2024/2/1/art_1202_{k}.html"})

        def answer(query: dict) -> Page:
            if query.get("channelCode") != ["jynb"] or page_of(query, "current", 0) != 1:
                return Page(b'{"code":400,"msg":"channelCode"}', JSON)
            return Page(json.dumps({"code": 200, "data": {"records": records, "total": len(records), "size": 10,
                                                          "current": 1, "pages": 1}}, ensure_ascii=False).encode(), JSON)
        main.dynamic["/jyj/api/content/page"] = answer

    def _civil_affairs(self) -> None:
        """市民政局: an inline Vue 2 page posting the ``queryParams`` its ``data()`` writes, whole."""
        main, name = self.main, "东陵市民政局"
        nav = self._department_home("/mzj/", name, "/mzj/xxgk/ndbg.html", "年度报告")
        script = ('<script src="/mzj/js/vue.min.js"></script><script src="/mzj/js/axios.min.js"></script><script>\n'
                  'new Vue({\n  el: "#app",\n  data() {\n    return {\n      list: [],\n      total: 0,\n'
                  '      queryParams: { pageNum: 1, pageSize: 10, columnCode: "mzndbg" }\n    };\n  },\n'
                  '  created() { this.getList(); },\n  methods: {\n    getList() {\n'
                  '      axios.post("/mzj/api/info/list", this.queryParams).then(res => {\n'
                  '        this.list = res.data.rows;\n        this.total = res.data.total;\n      });\n    }\n  }\n'
                  '});\n</script>')
        main.pages["/mzj/xxgk/ndbg.html"] = Page(html(f"年度报告-{name}", (
            '<div id="app"><div class="tit">年度报告</div><ul><li v-for="item in list" :key="item.infoId">'
            '<a :href="\'/mzj/art/\' + item.infoId + \'.html\'" target="_blank">{{ item.title }}</a>'
            f'<span>{{{{ item.pubDate }}}}</span></li></ul></div>{script}'), nav))
        rows = []
        for year in range(2023, 2019, -1):
            rows.append({"infoId": f"m{year}", "title": self.report(LOOK, f"/mzj/art/m{year}.html", name, year, nav),
                         "pubDate": f"{year + 1}-01-18"})
        main.pages["/mzj/art/m9.html"] = Page(html("东陵市民政局2023年度工作总结", "<p>总结。</p>", nav))
        rows.insert(0, {"infoId": "m9", "title": "东陵市民政局2023年度工作总结", "pubDate": "2024-01-05"})

        def answer(query: dict, body: dict) -> Page:
            if body.get("columnCode") != "mzndbg" or body.get("pageNum") != 1:
                return Page(b'{"code":500,"msg":"columnCode"}', JSON)
            return Page(json.dumps({"code": 200, "total": len(rows), "rows": rows}, ensure_ascii=False).encode(), JSON)
        main.posted["/mzj/api/info/list"] = answer

    def _health(self) -> None:
        """市卫生健康委员会: a jQuery page whose ``data`` are ES6 shorthand keys."""
        main, name = self.main, "东陵市卫生健康委员会"
        nav = self._department_home("/wjw/", name, "/wjw/xxgk/nb.html", "政府信息公开年报")
        script = ('<script src="/wjw/js/jquery-3.6.0.min.js"></script><script>\n'
                  "const columnId = 'wjwnb';\nlet pageNo = 1;\nfunction load() {\n"
                  "  $.ajax({ url: '/wjw/api/list', type: 'POST', dataType: 'json', data: { columnId, pageNo, "
                  "pageSize: 15 },\n    success: function (res) {\n"
                  "      $('#list').html(res.data.map(d => '<li><a href=\"/wjw/content/' + d.id + '.html\">' + d.title"
                  " + '</a></li>').join(''));\n    } });\n}\n$(load);\n</script>")
        main.pages["/wjw/xxgk/nb.html"] = Page(html(f"政府信息公开年报-{name}", f'<ul id="list"></ul>{script}', nav))
        items = []
        for year in range(2023, 2021, -1):
            items.append({"id": 500 + year % 100, "title": self.report(LOOK, f"/wjw/content/{500 + year % 100}.html", name,
                                                                        year, nav)})

        def answer(query: dict, form: dict) -> Page:
            if form.get("columnId") != ["wjwnb"] or form.get("pageNo") != ["1"] or form.get("pageSize") != ["15"]:
                return Page(b'{"code":1,"msg":"columnId"}', JSON)
            return Page(json.dumps({"code": 0, "data": items}, ensure_ascii=False).encode(), JSON)
        main.posted["/wjw/api/list"] = answer

    def _transport(self) -> None:
        """市交通运输局: a 加载更多 button naming no last page; the fragments end with an empty one."""
        main, name = self.main, "东陵市交通运输局"
        nav = self._department_home("/jtj/", name, "/jtj/xxgk/ndbg/index.html", "年度报告")
        items = [f'<li><a href="/jtj/art/{year}/nb.html">{escape(self.report(LOOK, f"/jtj/art/{year}/nb.html", name, year, nav))}'
                 f'</a><span>{year + 1}-01-25</span></li>' for year in range(2023, 2018, -1)]
        main.pages["/jtj/art/2023/js.html"] = Page(html("东陵市交通运输局2023年度部门决算", "<p>决算。</p>", nav))
        items.append('<li><a href="/jtj/art/2023/js.html">东陵市交通运输局2023年度部门决算</a><span>2024-08-01</span></li>')
        script = ('<script src="/jtj/js/jquery.min.js"></script><script>\n$("#more").on("click", function () {\n'
                  '  var btn = $(this), page = parseInt(btn.attr("data-page"));\n'
                  '  $.get("/jtj/xxgk/ndbg/list_" + page + ".html", function (html) {\n'
                  '    if (!$.trim(html)) { btn.text("没有更多了").off("click"); return; }\n'
                  '    $("#list").append(html); btn.attr("data-page", page + 1);\n  });\n});\n</script>')
        main.pages["/jtj/xxgk/ndbg/index.html"] = Page(html(f"年度报告-{name}", (
            f'<ul id="list">{"".join(items[:2])}</ul>'
            f'<div class="more"><a href="javascript:;" id="more" data-page="2">加载更多</a></div>{script}'), nav))
        for n, chunk in enumerate((items[2:4], items[4:6], []), start=2):
            main.pages[f"/jtj/xxgk/ndbg/list_{n}.html"] = Page("".join(chunk).encode())

    def _housing(self) -> None:
        """市住房和城乡建设局: a hash-mode Vue app whose reports are its detail API's JSON answers."""
        main, name = self.main, "东陵市住房和城乡建设局"
        nav = self._department_home("/zjj/", name, "/zjj/xxgk/nb.html", "政府信息公开年报")
        script = ('<script src="/zjj/js/vue.min.js"></script><script src="/zjj/js/vue-router.min.js"></script>'
                  '<script src="/zjj/js/axios.min.js"></script><script>\n'
                  "function getDetail(id) {\n  return axios.get('/zjj/api/info/detail', { params: { id } });\n}\n"
                  "const Detail = { template: '<div class=\"detail\"><h1>{{ info.title }}</h1><div v-html=\"info.content\">"
                  "</div></div>', data() { return { info: {} }; },\n"
                  "  created() { getDetail(this.$route.params.id).then(res => { this.info = res.data.data; }); } };\n"
                  "new Vue({\n  el: '#app',\n  router: new VueRouter({ routes: [{ path: '/detail/:id', component: Detail }] }),\n"
                  "  data: { list: [] },\n  created() {\n"
                  "    axios.get('/zjj/api/info/list', { params: { columnId: 'zjnb', pageNo: 1, pageSize: 10 } })\n"
                  "      .then(res => { this.list = res.data.data.list; });\n  }\n});\n</script>")
        main.pages["/zjj/xxgk/nb.html"] = Page(html(f"政府信息公开年报-{name}", (
            '<div id="app"><ul class="list" v-if="$route.path === \'/\'"><li v-for="item in list" :key="item.id">'
            '<a :href="\'#/detail/\' + item.id">{{ item.title }}</a><span>{{ item.publishTime }}</span></li></ul>'
            f'<router-view></router-view></div>{script}'), nav))
        details, items = {}, []
        for k, year in enumerate(range(2023, 2020, -1)):
            title = f"{name}{year}年政府信息公开工作年度报告"
            body = LOOK.report_body(name, year)
            details[str(3100 + k)] = {"id": 3100 + k, "title": title, "content": body,
                                      "publishTime": f"{year + 1}-01-2{k} 10:00:00", "source": name}
            items.append({"id": 3100 + k, "title": title, "publishTime": f"{year + 1}-01-2{k}"})
            self.expected[f"{self.base}/zjj/api/info/detail?id={3100 + k}"] = (name, year)
        noise = f"{name}2023年度部门决算"
        details["3199"] = {"id": 3199, "title": noise, "content": "<p>决算。</p>", "publishTime": "2024-08-01",
                           "source": name}
        items.insert(1, {"id": 3199, "title": noise, "publishTime": "2024-08-01"})

        def listed(query: dict) -> Page:
            if query.get("columnId") != ["zjnb"] or page_of(query, "pageNo", 0) != 1:
                return Page(b'{"code":400,"msg":"columnId"}', JSON)
            return Page(json.dumps({"code": 200, "data": {"list": items, "total": len(items)}},
                                   ensure_ascii=False).encode(), JSON)

        def detail(query: dict) -> Page:
            info = details.get(query.get("id", [""])[0])
            if info is None:
                return Page(b'{"code":404,"msg":"not found","data":null}', JSON)
            return Page(json.dumps({"code": 200, "msg": "ok", "data": info}, ensure_ascii=False).encode(), JSON)
        main.dynamic["/zjj/api/info/list"] = listed
        main.dynamic["/zjj/api/info/detail"] = detail
