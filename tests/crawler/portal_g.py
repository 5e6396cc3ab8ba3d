"""A seventh municipal portal, 南川市, on one host: single-page applications whose list is where portal_e's are
not — in a chunk loaded on demand, behind an app shell not called a 年报 column, in a request whose data spread
another object, behind a detail API asked by POST.

- the city's 政府信息公开 app (``/xxgk/``, linked as 政府信息公开): a Vue-CLI (webpack 4) shell in history mode
  whose router table names its 年报 route (``{path:"/ndbg",component:function(){return n.e("ndbg").then(…)},
  meta:{title:"政府信息公开年报"}}``); the route's component is a chunk loaded on demand, its file made by the
  runtime's chunk map (``"js/"+({ndbg:"ndbg"}[e]||e)+"."+{ndbg:"3f2a1c9b",…}[e]+".js"``, public path
  ``/xxgk/``); the chunk holds the list's API module and component (a JSON body, RuoYi's ``{"total","rows"}``);
- 市发展和改革委员会 (``/fgw/``): its 年度报告 column is a webpack 5 shell whose only route's component is a lazy
  chunk with a numeric id (``r.e(412)``, ``r.u=e=>"static/js/"+e+"."+{412:"9b8c7d6e"}[e]+".js"``);
- 市财政局 (``/czj/``): its 年报 column is a Vite build whose route loads its list component on demand
  (``__vitePreload(()=>import("./NdbgList.5d4c3b2a.js"),[…])``); the list asks with ``Object.assign({}, n.value,
  {current:1})``;
- 市统计局 (``/tjj/``): an inline Vue 2 page posting ``{...this.queryParams, pageNum: 1}``; its 统计年报 column
  beside it is another yearly report's;
- 市住房和城乡建设局 (``/zjj/``): a hash-mode inline Vue app whose items are routes (``'#/detail/' + item.id``),
  the report asked of a detail API by POST (``axios.post('/zjj/api/article/detail', {id})``, a JSON body): one
  address answers every report, so a report's address is its route in the app (``expected``);
- 市交通运输局 (``/jtj/``): a Vue-CLI shell (called 信息公开) whose webpack runtime is a file of its own
  (``runtime~app.8a9b0c1d.js``): the chunk map and public path its app bundle's 年报 route (``n.e("nb")``) needs;
- 市教育局 (``/jyj/``): a RuoYi-Vue shell (called 信息公开, its runtime inlined) whose routes are the menu API's
  answer (``/jyj/prod-api/getRouters``), the 年报 route's component (``xxgk/ndbg/index``) a view its bundle loads by
  that path from a views context of chunk ids;
- noise: a 法治政府建设年度报告 in the city's list, a 部门预算 in 发改委's, a 部门决算 in 财政局's, a 统计年报 column
  and a 工作总结 at 统计局, a 部门决算 among 住建局's routes, a 部门预算 in 交通局's list, a 部门决算 in 教育局's.
"""

from __future__ import annotations

import json

from tests.crawler.portal import JSON, SCRIPT, Look, OneHost, Page

CITY = "南川市人民政府"
NAV = '<a href="/">首页</a><a href="/xxgk/">政府信息公开</a>'

LOOK = Look(NAV, seed=41, day=1)
html = LOOK.html


def shell(title: str, scripts: list[str], module: bool = False) -> Page:
    """A built app's page: an empty mount point and its script files."""
    kind = ' type="module" crossorigin' if module else ""
    tags = "".join(f'<script{kind} src="{s}"></script>' for s in scripts)
    return Page(f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>'
                f'<body><noscript>请启用JavaScript。</noscript><div id="app"></div>{tags}</body></html>'.encode())


def rows_answer(rows: list[dict], check) -> object:
    """A RuoYi list API reading a JSON body: ``{"total","rows"}``, the page ``pageNum`` of ``pageSize``."""
    def answer(query: dict, body: dict) -> Page:
        page, size = body.get("pageNum"), body.get("pageSize")
        if not check(body) or not isinstance(page, int) or not isinstance(size, int) or size < 1:
            return Page(b'{"code":500,"msg":"bad query"}', JSON)
        return Page(json.dumps({"code": 200, "total": len(rows), "rows": rows[(page - 1) * size:page * size]},
                               ensure_ascii=False).encode(), JSON)
    return answer


# The city's app bundle: webpack 4's runtime (its chunk map, its public path) and the app with its router.
CITY_APP = (
    '!function(e){function t(t){for(var n,a,i=t[0],c=t[1],u=0,s=[];u<i.length;u++)a=i[u],o[a]&&s.push(o[a][0]),'
    'o[a]=0;for(n in c)Object.prototype.hasOwnProperty.call(c,n)&&(e[n]=c[n]);for(l&&l(t);s.length;)s.shift()()}'
    'var n={},o={app:0};function r(e){return a.p+"js/"+({ndbg:"ndbg",zcwj:"zcwj"}[e]||e)+"."+{ndbg:"3f2a1c9b",'
    'zcwj:"8e7d6c5b"}[e]+".js"}function a(t){if(n[t])return n[t].exports;var o=n[t]={i:t,l:!1,exports:{}};return '
    'e[t].call(o.exports,o,o.exports,a),o.l=!0,o.exports}a.e=function(e){var t=[],n=o[e];if(0!==n)if(n)t.push(n[2]);'
    'else{var i=new Promise((function(t,r){n=o[e]=[t,r]}));t.push(n[2]=i);var c=document.createElement("script");'
    'c.charset="utf-8",c.timeout=120,c.src=r(e),document.head.appendChild(c)}return Promise.all(t)},a.m=e,a.c=n,'
    'a.d=function(e,t,n){a.o(e,t)||Object.defineProperty(e,t,{enumerable:!0,get:n})},a.p="/xxgk/";'
    'var i=window["webpackJsonp"]=window["webpackJsonp"]||[],c=i.push.bind(i);i.push=t;var l=c;a(a.s=0)}({'
    '0:function(e,t,n){e.exports=n("56d7")},"56d7":function(e,t,n){"use strict";n.r(t);var a=n("2b0e"),r=n("8c4f"),'
    'o=function(){var e=this,t=e.$createElement,n=e._self._c||t;return n("div",{attrs:{id:"app"}},[n("div",'
    '{staticClass:"menu"},[n("router-link",{attrs:{to:"/zcwj"}},[e._v("政策文件")]),n("router-link",{attrs:{to:'
    '"/ndbg"}},[e._v("政府信息公开年报")])],1),n("router-view")],1)},s={name:"Home"};a["a"].use(r["a"]);'
    'var c=new r["a"]({mode:"history",base:"/xxgk/",routes:[{path:"/",name:"Home",component:s},{path:"/zcwj",'
    'name:"Zcwj",component:function(){return n.e("zcwj").then(n.bind(null,"5c1d"))},meta:{title:"政策文件"}},'
    '{path:"/ndbg",name:"Ndbg",component:function(){return n.e("ndbg").then(n.bind(null,"7a1b"))},meta:{title:'
    '"政府信息公开年报"}}]});c.afterEach((function(e){document.title=e.meta.title||"南川市政府信息公开"})),'
    'new a["a"]({router:c,render:function(e){return e(o)}}).$mount("#app")}});\n')

CITY_NDBG = (
    '(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["ndbg"],{"7a1b":function(e,t,n){"use strict";'
    'n.r(t);var a=n("b775");function r(e){return Object(a["a"])({url:"/xxgk/api/ndbg/list",method:"post",data:e})}'
    'var o=function(){var e=this,t=e.$createElement,n=e._self._c||t;return n("ul",{staticClass:"list"},e._l(e.list,'
    '(function(t){return n("li",{key:t.articleId},[n("a",{attrs:{href:"/xxgk/content/"+t.articleId+".html",'
    'target:"_blank"}},[e._v(e._s(t.title))])])})),0)},s={name:"Ndbg",data:function(){return{list:[],total:0,'
    'queryParams:{pageNum:1,pageSize:4,catalogId:"gknb"}}},created:function(){this.getList()},methods:{getList:'
    'function(){var e=this;r(this.queryParams).then((function(t){e.list=t.rows,e.total=t.total}))}}};'
    't["default"]=s}}]);\n')

CITY_ZCWJ = ('(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["zcwj"],{"5c1d":function(e,t,n){"use strict";'
             'n.r(t);t["default"]={name:"Zcwj",render:function(){var e=this;return e._self._c("p",[e._v("暂无。")])}}'
             '}}]);\n')

# 发改委's webpack 5 build: the runtime's chunk file function (r.u) and public path (r.p), a numeric chunk id.
FGW_MAIN = (
    '(()=>{"use strict";var e,t={},r={};function o(e){var n=r[e];if(void 0!==n)return n.exports;var a=r[e]={exports:'
    '{}};return t[e](a,a.exports,o),a.exports}o.m=t,o.f={},o.e=e=>Promise.all(Object.keys(o.f).reduce(((t,r)=>'
    '(o.f[r](e,t),t)),[])),o.u=e=>"static/js/"+e+"."+{198:"1a2b3c4d",412:"9b8c7d6e"}[e]+".js",'
    'o.p="/fgw/xxgk/ndbg/";const n=Vue.createRouter({history:Vue.createWebHashHistory(),routes:[{path:"/",'
    'component:()=>o.e(412).then(o.bind(o,7734))},{path:"/help",component:()=>o.e(198).then(o.bind(o,2210))}]});'
    'Vue.createApp({}).use(n).mount("#app")})();\n')

FGW_LIST = (
    '"use strict";(self.webpackChunkfgw=self.webpackChunkfgw||[]).push([[412],{7734:(e,t,r)=>{r.r(t),r.d(t,{default:'
    '()=>l});var a=r(9669),n=r.n(a);const s=n().create({timeout:1e4});function c(e){return s({url:"/fgw/api/info/'
    'list",method:"post",data:e})}const l={data:()=>({items:[],queryParams:{pageNum:1,pageSize:10,columnId:"fgwnb"}}),'
    'created(){c(this.queryParams).then((e=>{this.items=e.data.rows}))},render(){return Vue.h("ul",this.items.map('
    '(e=>Vue.h("li",[Vue.h("a",{href:"/fgw/art/"+e.id+".html"},e.title)]))))}}}}]);\n')

FGW_HELP = ('"use strict";(self.webpackChunkfgw=self.webpackChunkfgw||[]).push([[198],{2210:(e,t,r)=>{r.r(t),'
            'r.d(t,{default:()=>a});const a={render:()=>Vue.h("p","帮助")}}}]);\n')

# 财政局's Vite build: the entry imports its vendor chunk; its route loads the list component on demand.
CZJ_INDEX = (
    'import{c as d,a as m,b as p,d as g}from"./vendor.0f1e2d3c.js";const y="modulepreload",f={},'
    'h=function(e,n){return!n||n.length===0?e():Promise.all(n.map(t=>{if(t=`/czj/xxgk/nb/${t}`,t in f)return;f[t]='
    '!0;const r=document.createElement("link");r.rel=y,r.href=t,document.head.appendChild(r)})).then(()=>e())};'
    'const w=d.create({timeout:15e3});w.interceptors.response.use(e=>e.data);const v=m({history:p("/czj/xxgk/nb/"),'
    'routes:[{path:"/",name:"NdbgList",component:()=>h(()=>import("./NdbgList.5d4c3b2a.js"),["assets/NdbgList.'
    '5d4c3b2a.js","assets/vendor.0f1e2d3c.js"])}]});g({}).use(v).mount("#app");export{w as r};\n')
CZJ_LIST = (
    'import{r as w}from"./index.6e5f4a3b.js";import{e as _,f as m,o as p,g as f,h as s,F as x,i as u}from'
    '"./vendor.0f1e2d3c.js";function k(e){return w({url:"/czj/api/nb/page",method:"get",params:e})}const I=_({setup(e)'
    '{const t=m([]),n=m({channelCode:"cznb",size:20});return k(Object.assign({},n.value,{current:1})).then(o=>'
    '{t.value=o.data.records}),(o,l)=>(p(),f("ul",null,[(p(!0),f(x,null,u(t.value,r=>(p(),f("li",{key:r.id},[s("a",'
    '{href:"/czj/art/"+r.id+".html"},r.title)]))),128))]))}});export{I as default};\n')
CZJ_VENDOR = 'const e={};export{e as a,e as b,e as c,e as d,e as e,e as f,e as g,e as h,e as i,e as o,e as F};\n'

# 交通运输局's Vue-CLI build with its webpack runtime in a file of its own (runtimeChunk): the runtime holds the chunk
# map and public path, the app bundle the router whose 年报 route loads a lazy chunk.
JTJ_RUNTIME = (
    '!function(e){function t(t){for(var n,a,i=t[0],c=t[1],u=0,s=[];u<i.length;u++)a=i[u],o[a]&&s.push(o[a][0]),'
    'o[a]=0;for(n in c)Object.prototype.hasOwnProperty.call(c,n)&&(e[n]=c[n]);for(l&&l(t);s.length;)s.shift()()}'
    'var n={},o={"runtime~app":0};function r(e){return a.p+"js/"+({nb:"nb",about:"about"}[e]||e)+"."+{nb:'
    '"6d5c4b3a",about:"1f2e3d4c"}[e]+".js"}function a(t){if(n[t])return n[t].exports;var o=n[t]={i:t,l:!1,exports:'
    '{}};return e[t].call(o.exports,o,o.exports,a),o.l=!0,o.exports}a.e=function(e){var t=[],n=o[e];if(0!==n)if(n)'
    't.push(n[2]);else{var i=new Promise((function(t,r){n=o[e]=[t,r]}));t.push(n[2]=i);var c=document.createElement('
    '"script");c.src=r(e),document.head.appendChild(c)}return Promise.all(t)},a.m=e,a.c=n,a.p="/jtj/xxgk/";var i='
    'window["webpackJsonp"]=window["webpackJsonp"]||[],c=i.push.bind(i);i.push=t;var l=c}([]);\n')
JTJ_APP = (
    '(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["app"],{0:function(e,t,n){e.exports=n("cd49")},'
    '"cd49":function(e,t,n){"use strict";n.r(t);var a=n("2b0e"),r=n("8c4f");a["a"].use(r["a"]);var c=new r["a"]({'
    'mode:"history",base:"/jtj/xxgk/",routes:[{path:"/",redirect:"/about"},{path:"/about",name:"About",component:'
    'function(){return n.e("about").then(n.bind(null,"f820"))},meta:{title:"机构概况"}},{path:"/nb",name:"Nb",'
    'component:function(){return n.e("nb").then(n.bind(null,"9d3e"))},meta:{title:"政府信息公开年报"}}]});new a["a"]'
    '({router:c,render:function(e){return e("router-view")}}).$mount("#app")}},[[0,"runtime~app","chunk-vendors"]]]);\n')
JTJ_NB = (
    '(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["nb"],{"9d3e":function(e,t,n){"use strict";n.r(t);'
    'var a=n("b775");function r(e){return Object(a["a"])({url:"/jtj/api/nb/list",method:"post",data:e})}'
    't["default"]={data:function(){return{list:[],queryParams:{pageNum:1,pageSize:10,columnId:"jtnb"}}},created:'
    'function(){var e=this;r(this.queryParams).then((function(t){e.list=t.rows}))},render:function(e){return e("ul",'
    'this.list.map((function(t){return e("li",[e("a",{attrs:{href:"/jtj/art/"+t.id+".html"}},t.title)])})))}}}}]);\n')

# 教育局's RuoYi-Vue build: the runtime inlined in its page; the app asks the menu API (getRouters) for its routes
# and loads each route's view by its path from a views context of chunk ids.
JYJ_RUNTIME = (
    '!function(e){var n={},o={runtime:0};function r(e){return a.p+"static/js/"+({}[e]||e)+"."+{"chunk-1a2b3c4d":'
    '"0a1b2c3d","chunk-2d0b3a5e":"4e5f6a7b"}[e]+".js"}function a(t){if(n[t])return n[t].exports;var o=n[t]={i:t,'
    'l:!1,exports:{}};return e[t].call(o.exports,o,o.exports,a),o.l=!0,o.exports}a.e=function(e){var t=[],n=o[e];'
    'if(0!==n){var c=document.createElement("script");c.src=r(e),document.head.appendChild(c)}return Promise.all(t)}'
    ',a.m=e,a.c=n,a.p="/jyj/xxgk/"}([]);')
JYJ_APP = (
    '(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["app"],{"b775":function(e,t,n){"use strict";var a=n('
    '"bc3a"),r=n.n(a),o=r.a.create({baseURL:"/jyj/prod-api",timeout:1e4});t["a"]=o},"a1c2":function(e,t,n){"use '
    'strict";n.d(t,"a",(function(){return r}));var a=n("b775");function r(){return Object(a["a"])({url:"/getRouters",'
    'method:"get"})}},"9dac":function(e,t,n){var a={"./index":["1e4b","chunk-1a2b3c4d"],"./index.vue":["1e4b",'
    '"chunk-1a2b3c4d"],"./xxgk/ndbg/index":["3c1f","chunk-2d0b3a5e"],"./xxgk/ndbg/index.vue":["3c1f",'
    '"chunk-2d0b3a5e"]};function r(e){var t=a[e];return n.e(t[1]).then((function(){return n(t[0])}))}'
    'r.keys=function(){return Object.keys(a)},e.exports=r},"4360":function(e,t,n){var a=n("a1c2"),r=function(e){'
    'return function(t){return n("9dac")("./"+e).then(t)}};Object(a["a"])().then((function(e){e.data.forEach('
    '(function(e){e.component=r(e.component)}))}))}},[[0,"runtime","chunk-vendors"]]]);\n')
JYJ_NDBG = (
    '(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["chunk-2d0b3a5e"],{"3c1f":function(e,t,n){"use '
    'strict";n.r(t);var a=n("b775");function r(e){return Object(a["a"])({url:"/jyj/api/nb/list",method:"post",'
    'data:e})}t["default"]={data:function(){return{list:[],queryParams:{pageNum:1,pageSize:10,catalogId:"jynb"}}},'
    'created:function(){var e=this;r(this.queryParams).then((function(t){e.list=t.rows}))},render:function(e){return '
    'e("ul",this.list.map((function(t){return e("li",[e("a",{attrs:{href:"/jyj/art/"+t.id+".html"}},t.title)])})))}}'
    '}}]);\n')
JYJ_MENU = {"code": 200, "msg": "操作成功", "data": [
    {"name": "Index", "path": "/", "component": "Layout", "meta": {"title": "首页"},
     "children": [{"name": "Home", "path": "index", "component": "index", "meta": {"title": "首页"}}]},
    {"name": "Xxgk", "path": "/xxgk", "component": "Layout", "meta": {"title": "信息公开"},
     "children": [{"name": "Ndbg", "path": "ndbg", "component": "xxgk/ndbg/index", "meta": {"title": "政府信息公开年报"}},
                  {"name": "Tjnb", "path": "tjnb", "component": "xxgk/tjnb/index", "meta": {"title": "统计年报"}}]}]}


class PortalG(OneHost):
    """The host of 南川市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        super().__init__()
        self._home()
        self._city()
        self._development()
        self._finance()
        self._statistics()
        self._housing()
        self._transport()
        self._education()

    def _noise(self, path: str, title: str, nav: str = NAV) -> str:
        return self.noise(LOOK, path, title, nav)

    def _home(self) -> None:
        self.main.pages["/"] = Page(html(f"{CITY}门户网站", (
            '<div class="gk"><a href="/xxgk/">政府信息公开</a></div><div class="links"><div class="hd">部门网站</div>'
            '<a href="/fgw/index.html">市发展和改革委员会</a><a href="/czj/index.html">市财政局</a>'
            '<a href="/tjj/index.html">市统计局</a><a href="/zjj/index.html">市住房和城乡建设局</a>'
            '<a href="/jtj/index.html">市交通运输局</a><a href="/jyj/index.html">市教育局</a></div>')))

    def _city(self) -> None:
        """The city's 政府信息公开 app: its 年报 route's component a lazy webpack 4 chunk (a JSON body, 4 a page)."""
        main = self.main
        main.pages["/xxgk/"] = shell("南川市政府信息公开", ["/xxgk/js/chunk-vendors.2c3d4e5f.js", "/xxgk/js/app.6a7b8c9d.js"])
        main.pages["/xxgk/js/chunk-vendors.2c3d4e5f.js"] = Page(b'(window["webpackJsonp"]=window["webpackJsonp"]||'
                                                                b'[]).push([["chunk-vendors"],{}]);\n', SCRIPT)
        main.pages["/xxgk/js/app.6a7b8c9d.js"] = Page(CITY_APP.encode(), SCRIPT)
        main.pages["/xxgk/js/ndbg.3f2a1c9b.js"] = Page(CITY_NDBG.encode(), SCRIPT)
        main.pages["/xxgk/js/zcwj.8e7d6c5b.js"] = Page(CITY_ZCWJ.encode(), SCRIPT)
        rows = [{"articleId": 7700 + k, "title": self.report(LOOK, f"/xxgk/content/{7700 + k}.html", CITY, year)}
                for k, year in enumerate(range(2023, 2018, -1))]
        rows.insert(2, {"articleId": 7799, "title": self._noise("/xxgk/content/7799.html", f"{CITY}2023年法治政府建设年度报告")})
        main.posted["/xxgk/api/ndbg/list"] = rows_answer(rows, lambda body: body.get("catalogId") == "gknb")

    def _development(self) -> None:
        """市发展和改革委员会: a webpack 5 shell whose list is a lazy chunk with a numeric id."""
        main, name = self.main, "南川市发展和改革委员会"
        nav = self.department_home(LOOK, "/fgw/", name, '<a href="/fgw/xxgk/ndbg/">年度报告</a>')
        main.pages["/fgw/xxgk/ndbg/"] = shell(f"年度报告-{name}", ["/fgw/xxgk/ndbg/static/js/main.4e5f6a7b.js"])
        main.pages["/fgw/xxgk/ndbg/static/js/main.4e5f6a7b.js"] = Page(FGW_MAIN.encode(), SCRIPT)
        main.pages["/fgw/xxgk/ndbg/static/js/412.9b8c7d6e.js"] = Page(FGW_LIST.encode(), SCRIPT)
        main.pages["/fgw/xxgk/ndbg/static/js/198.1a2b3c4d.js"] = Page(FGW_HELP.encode(), SCRIPT)
        rows = [{"id": f"f{year}", "title": self.report(LOOK, f"/fgw/art/f{year}.html", name, year, nav)}
                for year in range(2023, 2019, -1)]
        rows.append({"id": "f9", "title": self._noise("/fgw/art/f9.html", f"{name}2024年部门预算", nav)})
        main.posted["/fgw/api/info/list"] = rows_answer(rows, lambda body: body.get("columnId") == "fgwnb")

    def _finance(self) -> None:
        """市财政局: a Vite shell whose route loads its list component on demand (``Object.assign`` data)."""
        main, name = self.main, "南川市财政局"
        nav = self.department_home(LOOK, "/czj/", name, '<a href="/czj/xxgk/nb/">政府信息公开年报</a>')
        main.pages["/czj/xxgk/nb/"] = shell(f"政府信息公开年报 - {name}", ["/czj/xxgk/nb/assets/index.6e5f4a3b.js"],
                                            module=True)
        for file, code in (("index.6e5f4a3b", CZJ_INDEX), ("NdbgList.5d4c3b2a", CZJ_LIST), ("vendor.0f1e2d3c", CZJ_VENDOR)):
            main.pages[f"/czj/xxgk/nb/assets/{file}.js"] = Page(code.encode(), SCRIPT)
        records = [{"id": f"c{year}", "title": self.report(LOOK, f"/czj/art/c{year}.html", name, year, nav)}
                   for year in range(2023, 2019, -1)]
        records.insert(1, {"id": "c9", "title": self._noise("/czj/art/c9.html", f"{name}2023年度部门决算", nav)})

        def answer(query: dict) -> Page:
            if query.get("channelCode") != ["cznb"] or query.get("current") != ["1"] or query.get("size") != ["20"]:
                return Page(b'{"code":400,"msg":"channelCode"}', JSON)
            return Page(json.dumps({"code": 200, "data": {"records": records, "total": len(records)}},
                                   ensure_ascii=False).encode(), JSON)
        main.dynamic["/czj/api/nb/page"] = answer

    def _statistics(self) -> None:
        """市统计局: an inline Vue 2 page posting its ``queryParams`` spread into a new object."""
        main, name = self.main, "南川市统计局"
        nav = self.department_home(LOOK, "/tjj/", name, '<a href="/tjj/tjnb/index.html">统计年报</a>'
                                                   '<a href="/tjj/xxgk/nb.html">政府信息公开年报</a>')
        main.pages["/tjj/tjnb/index.html"] = Page(html(f"统计年报-{name}", (
            f'<ul><li><a href="/tjj/tjnb/2023.html">{self._noise("/tjj/tjnb/2023.html", "南川市2023年统计年报", nav)}</a>'
            '</li></ul>'), nav))
        script = ('<script src="/tjj/js/vue.min.js"></script><script src="/tjj/js/axios.min.js"></script><script>\n'
                  'new Vue({\n  el: "#app",\n  data() {\n    return { list: [], pageNum: 1,\n'
                  '      queryParams: { pageSize: 10, catalogCode: "tjjnb" } };\n  },\n'
                  '  created() { this.getList(); },\n  methods: {\n    getList() {\n'
                  '      axios.post("/tjj/api/article/list", { ...this.queryParams, pageNum: this.pageNum })\n'
                  '        .then(res => { this.list = res.data.rows; });\n    }\n  }\n});\n</script>')
        main.pages["/tjj/xxgk/nb.html"] = Page(html(f"政府信息公开年报-{name}", (
            '<div id="app"><ul><li v-for="item in list" :key="item.id">'
            '<a :href="\'/tjj/art/\' + item.id + \'.html\'">{{ item.title }}</a></li></ul></div>' + script), nav))
        rows = [{"id": f"t{year}", "title": self.report(LOOK, f"/tjj/art/t{year}.html", name, year, nav)}
                for year in range(2023, 2020, -1)]
        rows.insert(0, {"id": "t9", "title": self._noise("/tjj/art/t9.html", f"{name}2023年度工作总结", nav)})
        main.posted["/tjj/api/article/list"] = rows_answer(rows, lambda body: body.get("catalogCode") == "tjjnb")

    def _housing(self) -> None:
        """市住房和城乡建设局: a hash-mode Vue app whose reports a detail API answers to a POST of the id."""
        main, name = self.main, "南川市住房和城乡建设局"
        nav = self.department_home(LOOK, "/zjj/", name, '<a href="/zjj/xxgk/nb.html">年度报告</a>')
        script = ('<script src="/zjj/js/vue.min.js"></script><script src="/zjj/js/vue-router.min.js"></script>'
                  '<script src="/zjj/js/axios.min.js"></script><script>\n'
                  "const Detail = { template: '<div v-html=\"info.content\"></div>', data() { return { info: {} }; },\n"
                  "  created() {\n    const id = this.$route.params.id;\n"
                  "    axios.post('/zjj/api/article/detail', { id }).then(res => { this.info = res.data.data; });\n"
                  "  } };\nnew Vue({\n  el: '#app',\n"
                  "  router: new VueRouter({ routes: [{ path: '/detail/:id', component: Detail }] }),\n"
                  "  data: { list: [] },\n  created() {\n"
                  "    axios.get('/zjj/api/article/list', { params: { columnId: 'zjnb', pageNo: 1 } })\n"
                  "      .then(res => { this.list = res.data.data; });\n  }\n});\n</script>")
        main.pages["/zjj/xxgk/nb.html"] = Page(html(f"年度报告-{name}", (
            '<div id="app"><ul v-if="$route.path === \'/\'"><li v-for="item in list" :key="item.id">'
            '<a :href="\'#/detail/\' + item.id">{{ item.title }}</a></li></ul><router-view></router-view></div>'
            + script), nav))
        details, items = {}, []
        for k, year in enumerate(range(2023, 2020, -1)):
            title = f"{name}{year}年政府信息公开工作年度报告"
            body = LOOK.report_body(name, year)
            details[str(5100 + k)] = {"id": 5100 + k, "title": title, "content": body,
                                      "publishTime": f"{year + 1}-01-1{k}", "source": name}
            items.append({"id": 5100 + k, "title": title})
            self.expected[f"{self.base}/zjj/xxgk/nb.html#/detail/{5100 + k}"] = (name, year)
        details["5199"] = {"id": 5199, "title": f"{name}2023年度部门决算", "content": "<p>决算。</p>", "source": name}
        items.insert(1, {"id": 5199, "title": details["5199"]["title"]})

        def listed(query: dict) -> Page:
            if query.get("columnId") != ["zjnb"] or query.get("pageNo") != ["1"]:
                return Page(b'{"code":400,"msg":"columnId"}', JSON)
            return Page(json.dumps({"code": 200, "data": items}, ensure_ascii=False).encode(), JSON)

        def detail(key: object) -> Page:
            info = details.get(str(key))
            if info is None:
                return Page(b'{"code":404,"msg":"not found","data":null}', JSON)
            return Page(json.dumps({"code": 200, "data": info}, ensure_ascii=False).encode(), JSON)
        main.dynamic["/zjj/api/article/list"] = listed
        main.posted["/zjj/api/article/detail"] = lambda query, body: detail(body.get("id") if isinstance(body, dict)
                                                                            else None)

    def _transport(self) -> None:
        """市交通运输局: a Vue-CLI shell whose webpack runtime is a file of its own (``runtime~app.….js``), holding
        the chunk map its app bundle's 年报 route needs."""
        main, name = self.main, "南川市交通运输局"
        nav = self.department_home(LOOK, "/jtj/", name, '<a href="/jtj/xxgk/">信息公开</a>')
        main.pages["/jtj/xxgk/"] = shell(f"信息公开-{name}", ["/jtj/xxgk/js/runtime~app.8a9b0c1d.js",
                                                             "/jtj/xxgk/js/chunk-vendors.7b6a5c4d.js",
                                                             "/jtj/xxgk/js/app.2e3f4a5b.js"])
        for file, code in (("runtime~app.8a9b0c1d", JTJ_RUNTIME), ("app.2e3f4a5b", JTJ_APP), ("nb.6d5c4b3a", JTJ_NB),
                           ("chunk-vendors.7b6a5c4d", '(window["webpackJsonp"]=window["webpackJsonp"]||[]).push('
                                                      '[["chunk-vendors"],{}]);\n')):
            main.pages[f"/jtj/xxgk/js/{file}.js"] = Page(code.encode(), SCRIPT)
        rows = [{"id": f"j{year}", "title": self.report(LOOK, f"/jtj/art/j{year}.html", name, year, nav)}
                for year in range(2023, 2020, -1)]
        rows.append({"id": "j9", "title": self._noise("/jtj/art/j9.html", f"{name}2024年部门预算", nav)})
        main.posted["/jtj/api/nb/list"] = rows_answer(rows, lambda body: body.get("columnId") == "jtnb")

    def _education(self) -> None:
        """市教育局: a RuoYi-Vue shell whose routes are the menu API's answer (getRouters), each route's view a chunk
        loaded by its component's path."""
        main, name = self.main, "南川市教育局"
        nav = self.department_home(LOOK, "/jyj/", name, '<a href="/jyj/xxgk/">信息公开</a>')
        main.pages["/jyj/xxgk/"] = Page(
            f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>信息公开-{name}</title></head><body>'
            f'<div id="app"></div><script>{JYJ_RUNTIME}</script><script src="/jyj/xxgk/static/js/chunk-vendors.5a6b7c8d.js">'
            '</script><script src="/jyj/xxgk/static/js/app.9e8d7c6b.js"></script></body></html>'.encode())
        for file, code in (("app.9e8d7c6b", JYJ_APP), ("chunk-2d0b3a5e.4e5f6a7b", JYJ_NDBG),
                           ("chunk-vendors.5a6b7c8d", '(window["webpackJsonp"]=window["webpackJsonp"]||[]).push('
                                                      '[["chunk-vendors"],{}]);\n')):
            main.pages[f"/jyj/xxgk/static/js/{file}.js"] = Page(code.encode(), SCRIPT)
        main.pages["/jyj/prod-api/getRouters"] = Page(json.dumps(JYJ_MENU, ensure_ascii=False).encode(), JSON)
        rows = [{"id": f"y{year}", "title": self.report(LOOK, f"/jyj/art/y{year}.html", name, year, nav)}
                for year in range(2023, 2020, -1)]
        rows.insert(1, {"id": "y9", "title": self._noise("/jyj/art/y9.html", f"{name}2023年度部门决算", nav)})
        main.posted["/jyj/api/nb/list"] = rows_answer(rows, lambda body: body.get("catalogId") == "jynb")
