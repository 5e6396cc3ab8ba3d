"""A thirteenth municipal portal, 南岭市, on one host: departments whose 年报 list a script loads by POST, from
answers holding ids only, or through a request function of the app's parent bundle, for crawls over real HTTP.

- the city's 政府信息公开年报 column (``/xxgk/ndbg/index.html``): a server-rendered list (the way in);
- 市发展和改革委员会 (``/fgw/``): jQuery posts the page number (``$.post('/fgw/info/list', {page: n, size: 5,
  column: 'nb'}, cb)``) and puts the HTML fragment answered into the list; the fragment's pager says 共2页 and
  its buttons call the loader again (``onclick="load(2)"``);
- 市住房和城乡建设局 (``/zjj/``): the same asked by GET (``$.get('/zjj/info/list', {page: n, column: 'nb'}, cb)``),
  the fragment's pager saying 第1/2页;
- 市教育局 (``/jyj/``): ``fetch`` posts a JSON body (``JSON.stringify({pageIndex: n, pageSize: 10, column:
  'ndbg'})``); the answer gives ids only and the script builds each address in a template literal
  (`` `<a href="/jyj/art/${d.id}.html">` ``);
- 市卫生健康委员会 (``/wjw/``): ``axios.post('/wjw/api/list', {page: n, columnId: 'nb'})``; the answer gives ids
  only and a click opens ``base + item.id`` with ``var base = '/wjw/xxgk/detail.html?id='``;
- 市农业农村局 (``/nyj/``): ``$.post`` answered with ids only, each item a link calling the page's function that
  opens the address (``'onclick="openDetail(…' + item.id + '…)"'`` and ``function openDetail(id) {
  window.open('/nyj/xxgk/detail.html?id=' + id); }``);
- 市财政局 (``/czj/``): a Vue-CLI (webpack 4) shell whose app bundle holds the API module (``function r(e){return
  Object(a["a"])({url:"/czj/api/nb/list",method:"get",params:e})}`` exported as ``"a"``) and whose 年报 route's
  lazy chunk calls it (``Object(a["a"])(this.query).then(…)``, ``a=n("365c")``);
- 市统计局 (``/tjj/``): a Vite app whose entry holds the API function and exports it (``function k(e){return w({url:
  "/tjj/api/nb/page",method:"get",params:e})}``, ``export{…,k as g}``); the 年报 view's chunk, loaded from an
  ``import.meta.glob`` map, imports it under another name and calls it (``import{g as q}from"./index.…js"``,
  ``q({channel:"tjnb",current:1,size:10}).then(…)``);
- 市交通运输局 (``/jtj/``): ``fetch`` by GET (``fetch('/jtj/api/list?channel=nb&page=1')``); the answer gives
  ids only, the loop names each item's fields (``const {id, title} = item``) and a row's click opens ``base + id``
  with ``const base = '/jtj/xxgk/detail.html?id='``;
- 市水利局 (``/slj/``): ``$.ajax({dataType: 'xml'})`` of an old interface whose XML answer's root is named as an
  HTML element (``<table><row><title>…</title><link>…</link></row></table>``), read item by item;
- 市审计局 (``/sjj/``): ``$.ajax({type: 'POST', url, data: {pageNo: n, pageSize: 3}})`` answering JSON with its
  record count, three items a page (a guard: asked so before this portal);
- noise: a 部门预算 in 发改委's list, a 统计年报 in 教育局's, a 工作总结 in 卫健委's, a 部门决算 in 财政局's, a
  统计公报 in 统计局's, a 工作总结 in 审计局's, a 工作要点 in 住建局's, a 工作总结 in 农业农村局's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from tests.crawler.portal import JSON, SCRIPT, Look, OneHost, Page
from tests.crawler.portal_k import XML, asked_with, shell

CITY = "南岭市人民政府"
NAV = '<a href="/">首页</a><a href="/xxgk/index.html">政府信息公开</a>'

LOOK = Look(NAV, seed=59, day=1)
html = LOOK.html

FGW_SCRIPT = (
    '<script src="/fgw/js/jquery.min.js"></script><script>\n'
    'function load(n) {\n  $.post(\'/fgw/info/list\', {page: n, size: 5, column: \'nb\'}, function (html) {\n'
    '    $(\'#list\').html(html);\n  });\n}\n$(function () { load(1); });\n</script>')

ZJJ_SCRIPT = (
    '<script src="/zjj/js/jquery.min.js"></script><script>\n'
    'function load(n) {\n  $.get(\'/zjj/info/list\', {page: n, column: \'nb\'}, function (html) {\n'
    '    $(\'#list\').html(html);\n  });\n}\n$(function () { load(1); });\n</script>')

JYJ_SCRIPT = (
    '<script>\nfunction load(n) {\n  fetch(\'/jyj/api/list\', {method: \'POST\', headers: {\'Content-Type\': '
    '\'application/json\'},\n    body: JSON.stringify({pageIndex: n, pageSize: 10, column: \'ndbg\'})})\n'
    '    .then(r => r.json())\n    .then(r => {\n      document.getElementById(\'list\').innerHTML = r.data.map(d =>\n'
    '        `<li><a href="/jyj/art/${d.id}.html" target="_blank">${d.title}</a><span>${d.date}</span></li>`).join(\'\');\n'
    '    });\n}\nload(1);\n</script>')

WJW_SCRIPT = (
    '<script src="/wjw/js/axios.min.js"></script><script>\nvar base = \'/wjw/xxgk/detail.html?id=\';\n'
    'function load(n) {\n  axios.post(\'/wjw/api/list\', {page: n, columnId: \'nb\'}).then(function (res) {\n'
    '    var ul = document.getElementById(\'list\');\n    res.data.data.records.forEach(function (item) {\n'
    '      var li = document.createElement(\'li\');\n      li.textContent = item.title;\n'
    '      li.onclick = function () { location.href = base + item.id; };\n      ul.appendChild(li);\n    });\n'
    '  });\n}\nload(1);\n</script>')

NYJ_SCRIPT = (
    '<script src="/nyj/js/jquery.min.js"></script><script>\n'
    'function openDetail(id) { window.open(\'/nyj/xxgk/detail.html?id=\' + id); }\n'
    '$(function () {\n  $.post(\'/nyj/api/list\', {channel: \'nb\', pageNo: 1}, function (r) {\n    var html = \'\';\n'
    '    $.each(r.data, function (i, item) {\n      html += \'<li><a href="javascript:;" onclick="openDetail(\\\'\' + '
    'item.id + \'\\\')">\' + item.title + \'</a></li>\';\n    });\n    $(\'#list\').html(html);\n  }, \'json\');\n});\n'
    '</script>')

SJJ_SCRIPT = (
    '<script src="/sjj/js/jquery.min.js"></script><script>\nfunction getList(pageNo) {\n'
    '  $.ajax({type: \'POST\', url: \'/sjj/api/info/list\', dataType: \'json\',\n'
    '    data: {channelId: \'nb\', pageNo: pageNo, pageSize: 3},\n    success: function (r) {\n'
    '      $(\'#list\').html($.map(r.rows, function (i) { return \'<li><a href="\' + i.url + \'">\' + i.title + '
    '\'</a></li>\'; }).join(\'\'));\n    }});\n}\n$(function () { getList(1); });\n</script>')

# 财政局's Vue-CLI bundle: webpack 4's runtime (chunk map, public path), the request instance ("b775"), the API
# module ("365c") exporting getList as "a", and the router loading the 年报 view lazily.
CZJ_APP = (
    '!function(e){function t(t){for(var n,a,i=t[0],c=t[1],u=0,s=[];u<i.length;u++)a=i[u],o[a]&&s.push(o[a][0]),'
    'o[a]=0;for(n in c)Object.prototype.hasOwnProperty.call(c,n)&&(e[n]=c[n]);for(l&&l(t);s.length;)s.shift()()}'
    'var n={},o={app:0};function r(e){return a.p+"js/"+({ndbg:"ndbg"}[e]||e)+"."+{ndbg:"6d5c4b3a"}[e]+".js"}'
    'function a(t){if(n[t])return n[t].exports;var o=n[t]={i:t,l:!1,exports:{}};return e[t].call(o.exports,o,'
    'o.exports,a),o.l=!0,o.exports}a.e=function(e){var t=[],n=o[e];if(0!==n)if(n)t.push(n[2]);else{var i=new Promise('
    '(function(t,r){n=o[e]=[t,r]}));t.push(n[2]=i);var c=document.createElement("script");c.src=r(e),'
    'document.head.appendChild(c)}return Promise.all(t)},a.m=e,a.c=n,a.d=function(e,t,n){a.o(e,t)||'
    'Object.defineProperty(e,t,{enumerable:!0,get:n})},a.p="/czj/xxgk/nb/";var i=window["webpackJsonp"]='
    'window["webpackJsonp"]||[],c=i.push.bind(i);i.push=t;var l=c;a(a.s=0)}({0:function(e,t,n){e.exports=n("56d7")},'
    '"b775":function(e,t,n){"use strict";var a=n("bc3a"),r=n.n(a),o=r.a.create({baseURL:"",timeout:1e4});'
    'o.interceptors.response.use((function(e){return e.data}));t["a"]=o},'
    '"365c":function(e,t,n){"use strict";n.d(t,"a",(function(){return r})),n.d(t,"b",(function(){return o}));'
    'var a=n("b775");function r(e){return Object(a["a"])({url:"/czj/api/nb/list",method:"get",params:e})}'
    'function o(e){return Object(a["a"])({url:"/czj/api/nb/detail/"+e,method:"get"})}},'
    '"56d7":function(e,t,n){"use strict";n.r(t);var a=n("2b0e"),r=n("8c4f"),s={name:"App"};a["a"].use(r["a"]);'
    'var c=new r["a"]({mode:"history",base:"/czj/xxgk/nb/",routes:[{path:"/",name:"Ndbg",component:function(){'
    'return n.e("ndbg").then(n.bind(null,"4a1c"))},meta:{title:"政府信息公开年报"}}]});new a["a"]({router:c,'
    'render:function(e){return e("router-view")}}).$mount("#app")}});\n')
CZJ_NDBG = (
    '(window["webpackJsonp"]=window["webpackJsonp"]||[]).push([["ndbg"],{"4a1c":function(e,t,n){"use strict";'
    'n.r(t);var a=n("365c"),o=function(){var e=this,t=e.$createElement,n=e._self._c||t;return n("ul",'
    '{staticClass:"list"},e._l(e.list,(function(t){return n("li",{key:t.id},[n("a",{attrs:{href:t.url}},'
    '[e._v(e._s(t.title))])])})),0)},s={name:"Ndbg",data:function(){return{list:[],query:{page:1,size:10,'
    'channel:"nb"}}},created:function(){var e=this;Object(a["a"])(this.query).then((function(t){e.list=t.data.list'
    '}))}};t["default"]=s}}]);\n')

# 统计局's Vite build: the entry's API function exported as g, called from the 年报 view's chunk as q.
TJJ_INDEX = (
    'import{c as d,a as m,b as p,d as g}from"./vendor.0f1e2d3c.js";const y="modulepreload",f={},'
    'h=function(e,n){return!n||n.length===0?e():Promise.all(n.map(t=>{if(t=`/tjj/xxgk/${t}`,t in f)return;f[t]=!0;'
    'const r=document.createElement("link");r.rel=y,r.href=t,document.head.appendChild(r)})).then(()=>e())};'
    'const w=d.create({timeout:15e3});w.interceptors.response.use(e=>e.data);'
    'function k(e){return w({url:"/tjj/api/nb/page",method:"get",params:e})}'
    'const r=Object.assign({"./views/home/index.vue":()=>h(()=>import("./index.1a2b3c4d.js"),["assets/index.1a2b3c4d.js"'
    ']),"./views/ndbg/index.vue":()=>h(()=>import("./index.8f2e9a1b.js"),["assets/index.8f2e9a1b.js"])});'
    'const v=m({history:p("/tjj/xxgk/"),routes:Object.keys(r).map(e=>({path:e.replace(/^\\.\\/views|\\/index\\.vue$/g,"")'
    '.replace("/home","/"),component:r[e]}))});g({}).use(v).mount("#app");export{w as r,h as _,k as g};\n')
TJJ_NDBG = (
    'import{g as q}from"./index.6e5f4a3b.js";import{e as _,f as m,o as p,g as f,h as s,F as x,i as u}from'
    '"./vendor.0f1e2d3c.js";const I=_({setup(e){const t=m([]);return q({channel:"tjnb",current:1,size:10}).then(o=>'
    '{t.value=o.data.records}),(o,l)=>(p(),f("ul",null,[(p(!0),f(x,null,u(t.value,r=>(p(),f("li",{key:r.id},'
    '[s("a",{href:r.url},r.title)]))),128))]))}});export{I as default};\n')

JTJ_SCRIPT = (
    '<script>\nconst base = \'/jtj/xxgk/detail.html?id=\';\n'
    'fetch(\'/jtj/api/list?channel=nb&page=1\').then(r => r.json()).then(res => {\n'
    '  const tbody = document.querySelector(\'#list\');\n  for (const item of res.data.list) {\n'
    '    const {id, title, date} = item;\n    const tr = document.createElement(\'tr\');\n'
    '    tr.innerHTML = \'<td>\' + title + \'</td><td>\' + date + \'</td>\';\n'
    '    tr.onclick = () => { location.href = base + id; };\n    tbody.appendChild(tr);\n  }\n});\n</script>')

SLJ_SCRIPT = (
    '<script src="/slj/js/jquery.min.js"></script><script>\n$(function () {\n  $.ajax({\n    type: \'GET\', '
    'url: \'/slj/interface/list.jsp\', dataType: \'xml\',\n    data: {channel: \'gknb\', page: 1},\n'
    '    success: function (xml) {\n      $(xml).find(\'row\').each(function () {\n'
    '        $(\'#list\').append(\'<li><a href="\' + $(this).find(\'link\').text() + \'">\' + '
    '$(this).find(\'title\').text() + \'</a></li>\');\n      });\n    }\n  });\n});\n</script>')


class PortalM(OneHost):
    """The host of 南岭市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        super().__init__()
        self._home()
        self._city()
        self._development()
        self._housing()
        self._education()
        self._health()
        self._agriculture()
        self._finance()
        self._statistics()
        self._audit()
        self._transport()
        self._water()

    def _column(self, folder: str, name: str, path: str, script: str) -> None:
        """A department's 年报 column at ``path``: an empty list a script fills."""
        nav = self.department_home(LOOK, folder, name, f'<a href="{path}">政府信息公开年报</a>')
        self.main.pages[path] = Page(html(f"政府信息公开年报-{name}", '<ul id="list"></ul>' + script, nav))

    def _home(self) -> None:
        self.main.pages["/"] = Page(html(f"{CITY}门户网站", (
            '<div class="gk"><a href="/xxgk/index.html">政府信息公开</a></div><div class="links"><div class="hd">部门网站'
            '</div><a href="/fgw/index.html">市发展和改革委员会</a><a href="/zjj/index.html">市住房和城乡建设局</a><a href="/jyj/index.html">市教育局</a>'
            '<a href="/wjw/index.html">市卫生健康委员会</a><a href="/nyj/index.html">市农业农村局</a><a href="/czj/index.html">市财政局</a><a href="/tjj/index.html">市统计局</a>'
            '<a href="/sjj/index.html">市审计局</a><a href="/jtj/index.html">市交通运输局</a>'
            '<a href="/slj/index.html">市水利局</a></div>')))
        self.main.pages["/xxgk/index.html"] = Page(html(f"{CITY}政府信息公开", (
            '<ul><li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul>')))

    def _city(self) -> None:
        items = self.listed_reports(LOOK, "/xxgk/ndbg/", CITY, range(2023, 2021, -1), NAV)
        self.main.pages["/xxgk/ndbg/index.html"] = Page(html("政府信息公开年报", "<ul>" + "".join(
            f'<li><a href="{i["url"]}">{escape(i["title"])}</a></li>' for i in items) + "</ul>"))

    def _development(self) -> None:
        """市发展和改革委员会: ``$.post`` of the page number answered by HTML fragments, two pages of five."""
        name, folder = "南岭市发展和改革委员会", "/fgw/"
        self._column(folder, name, "/fgw/xxgk/nb.html", FGW_SCRIPT)
        nav = NAV
        items = self.listed_reports(LOOK, folder, name, range(2023, 2018, -1), nav)
        items.insert(3, self.listed_noise(LOOK, folder, "ys", f"{name}2024年部门预算", nav))
        pages = [items[k:k + 5] for k in range(0, len(items), 5)]
        def pager(n: int, total: int) -> str:
            numbered = "".join(f'<a href="javascript:;" onclick="load({k})">{k}</a>' for k in range(1, total + 1))
            return f'<div class="page">共{total}页 {numbered}{next_button(n, total)}</div>'
        fragment = fragments(pages, {"column": "nb", "size": "5"}, pager)
        self.main.posted["/fgw/info/list"] = lambda query, form: fragment(form)

    def _housing(self) -> None:
        """市住房和城乡建设局: ``$.get`` of the page number answered by HTML fragments, two pages of three."""
        name, folder = "南岭市住房和城乡建设局", "/zjj/"
        self._column(folder, name, "/zjj/xxgk/nb.html", ZJJ_SCRIPT)
        items = self.listed_reports(LOOK, folder, name, range(2023, 2019, -1), NAV)
        items.insert(1, self.listed_noise(LOOK, folder, "yd", f"{name}2024年工作要点", NAV))
        pages = [items[k:k + 3] for k in range(0, len(items), 3)]
        self.main.dynamic["/zjj/info/list"] = fragments(
            pages, {"column": "nb"}, lambda n, total: f'<div class="page">第{n}/{total}页 {next_button(n, total)}</div>')

    def _education(self) -> None:
        """市教育局: ``fetch`` posting a JSON body; ids only, the address a template literal."""
        name, folder = "南岭市教育局", "/jyj/"
        self._column(folder, name, "/jyj/xxgk/ndbg.html", JYJ_SCRIPT)
        items = [{"id": i["id"], "title": i["title"], "date": "2024-01-20"}
                 for i in self.listed_reports(LOOK, folder, name, range(2023, 2020, -1), NAV)]
        noise = self.listed_noise(LOOK, folder, "tj", "南岭市2023年教育统计年报", NAV)
        items.insert(1, {"id": noise["id"], "title": noise["title"], "date": "2024-01-20"})
        self.main.posted["/jyj/api/list"] = body_answer(
            lambda body: body.get("pageIndex") == 1 and body.get("column") == "ndbg", {"code": 0, "data": items})

    def _health(self) -> None:
        """市卫生健康委员会: ``axios.post``; ids only, opened as ``base + item.id``."""
        name, folder = "南岭市卫生健康委员会", "/wjw/"
        self._column(folder, name, "/wjw/xxgk/nb.html", WJW_SCRIPT)
        items = [{"id": 8810 + k, "title": self.report(LOOK, f"/wjw/xxgk/detail.html?id={8810 + k}", name, year, NAV)}
                 for k, year in enumerate(range(2023, 2020, -1))]
        items.insert(2, {"id": 8809, "title": self.noise(LOOK, "/wjw/xxgk/detail.html?id=8809", f"{name}2023年工作总结")})
        self.main.posted["/wjw/api/list"] = body_answer(
            lambda body: body.get("page") == 1 and body.get("columnId") == "nb",
            {"code": 200, "data": {"records": items, "total": len(items)}})

    def _agriculture(self) -> None:
        """市农业农村局: ``$.post`` answered with ids only, each opened by the page's ``openDetail(id)``."""
        name, folder = "南岭市农业农村局", "/nyj/"
        self._column(folder, name, "/nyj/xxgk/nb.html", NYJ_SCRIPT)
        items = [{"id": f"nb{year}", "title": self.report(LOOK, f"/nyj/xxgk/detail.html?id=nb{year}", name, year, NAV)}
                 for year in range(2023, 2020, -1)]
        items.insert(1, {"id": "zj2023", "title": self.noise(LOOK, "/nyj/xxgk/detail.html?id=zj2023",
                                                              f"{name}2023年工作总结")})

        def answer(query: dict, form: dict) -> Page:
            if form.get("channel") != ["nb"] or form.get("pageNo") != ["1"]:
                return Page(b'{"code":400,"msg":"bad form"}', JSON)
            return Page(json.dumps({"code": 200, "data": items}, ensure_ascii=False).encode(), JSON)
        self.main.posted["/nyj/api/list"] = answer

    def _finance(self) -> None:
        """市财政局: a Vue-CLI shell whose lazy 年报 chunk calls the app bundle's request function."""
        name, folder = "南岭市财政局", "/czj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/czj/xxgk/nb/">政府信息公开年报</a>')
        self.main.pages["/czj/xxgk/nb/"] = shell(f"政府信息公开年报-{name}", '<div id="app"></div>', [
            "/czj/xxgk/nb/js/chunk-vendors.1d2e3f4a.js", "/czj/xxgk/nb/js/app.7e8f9a0b.js"])
        self.main.pages["/czj/xxgk/nb/js/app.7e8f9a0b.js"] = Page(CZJ_APP.encode(), SCRIPT)
        self.main.pages["/czj/xxgk/nb/js/ndbg.6d5c4b3a.js"] = Page(CZJ_NDBG.encode(), SCRIPT)
        items = self.listed_reports(LOOK, folder, name, range(2023, 2020, -1), nav)
        items.insert(1, self.listed_noise(LOOK, folder, "js", f"{name}2023年度部门决算", nav))
        self.main.dynamic["/czj/api/nb/list"] = asked_with({"channel": "nb", "page": "1"},
                                                           {"code": 200, "data": {"list": items, "total": len(items)}})

    def _statistics(self) -> None:
        """市统计局: a Vite app whose 年报 view's chunk calls the API function its entry exports."""
        name, folder = "南岭市统计局", "/tjj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/tjj/xxgk/">信息公开</a>')
        self.main.pages["/tjj/xxgk/"] = shell(f"信息公开-{name}", '<div id="app"></div>',
                                              ["/tjj/xxgk/assets/index.6e5f4a3b.js"], module=True)
        for file, code in (("index.6e5f4a3b", TJJ_INDEX), ("index.8f2e9a1b", TJJ_NDBG),
                           ("index.1a2b3c4d", 'const I={};export{I as default};\n')):
            self.main.pages[f"/tjj/xxgk/assets/{file}.js"] = Page(code.encode(), SCRIPT)
        items = self.listed_reports(LOOK, folder, name, range(2023, 2020, -1), nav)
        items.insert(1, self.listed_noise(LOOK, folder, "gb", f"{name}2023年国民经济和社会发展统计公报", nav))
        self.main.dynamic["/tjj/api/nb/page"] = asked_with({"channel": "tjnb", "current": "1"},
                                                           {"code": 200, "data": {"records": items, "total": len(items)}})

    def _audit(self) -> None:
        """市审计局: ``$.ajax`` posting a form, JSON answered three items a page with the record count."""
        name, folder = "南岭市审计局", "/sjj/"
        self._column(folder, name, "/sjj/xxgk/nb.html", SJJ_SCRIPT)
        items = self.listed_reports(LOOK, folder, name, range(2023, 2018, -1), NAV)
        items.insert(2, self.listed_noise(LOOK, folder, "zj", f"{name}2023年工作总结", NAV))

        def answer(query: dict, form: dict) -> Page:
            n = (form.get("pageNo") or [""])[0]
            if form.get("channelId") != ["nb"] or not n.isdigit() or int(n) < 1:
                return Page(b'{"code":400,"msg":"bad form"}', JSON)
            rows = items[(int(n) - 1) * 3:int(n) * 3]
            return Page(json.dumps({"code": 200, "total": len(items), "rows": rows}, ensure_ascii=False).encode(), JSON)
        self.main.posted["/sjj/api/info/list"] = answer

    def _transport(self) -> None:
        """市交通运输局: ``fetch`` by GET; ids only, the loop naming each item's id, opened as ``base + id``."""
        name, folder = "南岭市交通运输局", "/jtj/"
        self._column(folder, name, "/jtj/xxgk/nb.html", JTJ_SCRIPT)
        items = [{"id": 6600 + year, "title": self.report(LOOK, f"/jtj/xxgk/detail.html?id={6600 + year}", name, year,
                                                          NAV), "date": f"{year + 1}-01-25"}
                 for year in range(2023, 2020, -1)]
        items.insert(1, {"id": 6601, "title": self.noise(LOOK, "/jtj/xxgk/detail.html?id=6601", f"{name}2023年工作总结"),
                         "date": "2024-01-05"})
        self.main.dynamic["/jtj/api/list"] = asked_with({"channel": "nb", "page": "1"},
                                                        {"code": 0, "data": {"list": items}})

    def _water(self) -> None:
        """市水利局: an XML answer whose root is named ``<table>``, its rows the items."""
        name, folder = "南岭市水利局", "/slj/"
        self._column(folder, name, "/slj/xxgk/gknb.html", SLJ_SCRIPT)
        items = self.listed_reports(LOOK, folder, name, range(2023, 2020, -1), NAV)
        items.insert(2, self.listed_noise(LOOK, folder, "szy", "南岭市2023年水资源公报", NAV))
        rows = "".join(f'<row id="{i["id"]}"><title>{escape(i["title"])}</title><link>{i["url"]}</link></row>'
                       for i in items)
        answer = Page(f"<table>{rows}</table>".encode(), XML)
        self.main.dynamic["/slj/interface/list.jsp"] = lambda query: answer if query.get("channel") == ["gknb"] else \
            Page(b"<table></table>", XML)


def body_answer(accept: Callable[[dict], bool], answer: dict) -> Callable[[dict, dict], Page]:
    """An API answering ``answer`` to a JSON body ``accept`` takes, else a 400 in JSON."""
    def answered(query: dict, body: dict) -> Page:
        if not accept(body):
            return Page(b'{"code":400,"msg":"bad body"}', JSON)
        return Page(json.dumps(answer, ensure_ascii=False).encode(), JSON)
    return answered


def fragments(pages: list[list[dict]], wanted: dict[str, str], pager: Callable[[int, int], str]) -> Callable[[dict], Page]:
    """A loader's list answering page ``page`` of ``pages`` as an HTML fragment, its items then ``pager(page,
    total)``, when asked (a query or a form) with the ``wanted`` values; else an empty list."""
    def answered(asked: dict) -> Page:
        n = (asked.get("page") or ["1"])[0]
        if any(asked.get(key) != [value] for key, value in wanted.items()) or not n.isdigit() \
                or not 1 <= int(n) <= len(pages):
            return Page("<li>暂无数据</li>".encode())
        listed = "".join(f'<li><a href="{i["url"]}" target="_blank">{escape(i["title"])}</a><span>2024-01-20</span>'
                         "</li>" for i in pages[int(n) - 1])
        return Page((listed + pager(int(n), len(pages))).encode())
    return answered


def next_button(n: int, total: int) -> str:
    """A 下一页 button calling the loader with the next page."""
    return f'<a href="javascript:;" onclick="load({min(n + 1, total)})">下一页</a>'
