"""A twenty-eighth portal, 南湾市, under host names (``nanwan.gov.cn``) on one server told apart by the Host header: three
政府信息公开 platforms that draw their department menu from a department API's answer and ask their 年报 list of ONE
list call whose department key the script fills from the clicked menu item, no page of its own per department, for
crawls over real HTTP. The names resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

- ``www.``: the home page links the three platforms under 政府信息公开;
- ``bmgk.``: an inline Vue page (``/ndbg/index.html``): its menu a flat list (``axios.get("/api/dept/list")``,
  ``{"data": [{"deptId", "deptName"}, …]}``), its list asked by query string (``axios.get("/api/article/list",
  {params: {deptId: deptId, …}})``), ``deptId`` first the script's default (``var deptId = "101"``), set from the
  clicked item (``deptId = d.deptId``); each item's title without its agency (2024年政府信息公开工作年度报告), 卫健委's
  newest report a PDF: the department is the menu's;
- ``zwgk.``: a single-page application (``/index.html``, bundle ``/static/js/app.7c1d2e3f.js``), its menu a nested
  tree (``o({status: "0"})`` asking ``/prod-api/system/org/tree``, ``{orgId, orgName, children}``: the government, its departments under it,
  the towns under a group of no list), its list posted as a JSON body (``l(this.queryParams)`` with
  ``queryParams: {orgId: null, …}``), set from the clicked node (``this.queryParams.orgId = t.orgId``): a body
  without an orgId refused;
- ``gk.``: a jQuery page (``/gk/ndbg.html``), its menu a zTree of ``{id, pId, name}`` (``/gk/getDeptList.do``, drawn
  by a function of the page), its list a path segment (``fetch(`/gk/api/unit/${unitCode}/ndbg`)``, ``var unitCode =
  ""``, set in zTree's ``onClick``: ``unitCode = node.id``);
- ``bm.``: a jQuery page (``/xxgk/ndbg.html``) whose calls' addresses are joined from strings and names: its menu
  ``$.getJSON(ctx + "/xxgk/dept/list.json")`` (``var ctx = "/portal"``), its list a path segment (``$.ajax({url: ctx +
  "/xxgk/unit/" + deptCode + "/ndbg.json"})``, ``deptCode`` set from the clicked item: ``deptCode = d.deptCode``);
- decoys: a 部门预算 in 教育局's list, a 统计公报 in 发改委's, a 工作要点 in 民政局's.
"""

from __future__ import annotations

from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import Host, Look, Page
from tests.crawler.portal_aa import REFUSED, answer
from tests.crawler.portal_o import OneServerPortal
from tests.crawler.portal_u import query_value

DOMAIN = "nanwan.gov.cn"
CITY = "南湾市人民政府"
FLAT = {"101": "南湾市教育局", "102": "南湾市公安局", "103": "南湾市财政局", "104": "南湾市卫生健康委员会"}
# the nested tree: the government and its departments, the towns under a group that lists nothing
TREE = {"200": CITY, "201": "南湾市发展和改革委员会", "202": "南湾市交通运输局", "301": "南湾市城东街道办事处",
        "302": "南湾市城西街道办事处"}
TOWNS_GROUP = ("300", "乡镇（街道）")
ZTREE = {"401": "南湾市民政局", "402": "南湾市司法局", "403": "南湾市审计局"}
JOINED = {"501": "南湾市水利局", "502": "南湾市林业局"}
DEPARTMENTS = {**FLAT, **TREE, **ZTREE, **JOINED}
LOOK = Look('<a href="/">首页</a><a href="/zwgk/">政务公开</a>', seed=131, day=1)
BUNDLE = "/static/js/app.7c1d2e3f.js"


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 南湾市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


class PortalAB(OneServerPortal):
    """The hosts of 南湾市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.bmgk, self.zwgk, self.gk, self.bm = Host(), Host(), Host(), Host(), Host()
        self.serve({"www": self.www, "bmgk": self.bmgk, "zwgk": self.zwgk, "gk": self.gk, "bm": self.bm})
        self.base = self.url("www", "/")
        self._home()
        self._flat()
        self._tree()
        self._ztree()
        self._joined()

    def _home(self) -> None:
        self.www.pages["/"] = Page(LOOK.html(f"{CITY}门户网站", (
            '<div class="nav2"><a href="/xwzx/index.html">新闻中心</a></div>'
            '<div class="links"><h3>政府信息公开</h3><ul>'
            f'<li><a href="{self.url("bmgk", "/ndbg/index.html")}">部门政府信息公开年报</a></li>'
            f'<li><a href="{self.url("zwgk", "/index.html")}">政府信息公开平台</a></li>'
            f'<li><a href="{self.url("gk", "/gk/ndbg.html")}">直属单位信息公开年报</a></li>'
            f'<li><a href="{self.url("bm", "/xxgk/ndbg.html")}">部门信息公开年报</a></li></ul></div>')))
        self.www.pages["/xwzx/index.html"] = Page(LOOK.html("新闻中心", "<ul></ul>"))

    def _rows(self, host: Host, sub: str, dept: str, years: range, noise: dict[int, str],
              titled: bool = True) -> list[dict]:
        """``dept``'s 年报 list, newest first, its report pages on ``host``; ``noise`` (position → title) among them;
        ``titled``: its titles name the department."""
        agency = DEPARTMENTS[dept]
        rows = []
        for year in reversed(years):
            path = f"/xxgk/ndbg/{year + 1}/art_{dept}{year}.html"
            title = f"{agency if titled else ''}{year}年政府信息公开工作年度报告"
            host.pages[path] = Page(LOOK.article(f"{agency}{year}年政府信息公开工作年度报告", agency, year))
            self.expected[self.url(sub, path)] = (agency, year)
            rows.append({"id": f"{dept}{year}", "title": title, "url": path, "publishDate": f"{year + 1}-01-20"})
        for at, title in sorted(noise.items()):
            path = f"/xxgk/ndbg/2024/art_{dept}9{at}.html"
            host.pages[path] = Page(LOOK.html(title, f"<h1>{escape(title)}</h1><p>正文。</p>"))
            rows.insert(at, {"id": f"{dept}9{at}", "title": title, "url": path, "publishDate": "2024-03-01"})
        return rows

    def _flat(self) -> None:
        """bmgk.: a flat department list, the key in the list's query string."""
        rows = {dept: self._rows(self.bmgk, "bmgk", dept, range(2022, 2025), {}, titled=False) for dept in FLAT}
        # 卫健委's newest report a PDF, titled without its agency: only the menu names it
        pdf, first = "/upload/2025/01/ndbg_104_2024.pdf", rows["104"][0]
        self.bmgk.pages[pdf] = Page(b"%PDF-1.4\n% report\n", "application/pdf")
        self.expected[self.url("bmgk", pdf)] = self.expected.pop(self.url("bmgk", first["url"]))
        first["url"] = pdf
        rows["101"].insert(1, {"id": "1019", "title": "2024年部门预算", "url": "/xxgk/ndbg/2024/art_1019.html",
                               "publishDate": "2024-02-01"})
        self.bmgk.pages["/xxgk/ndbg/2024/art_1019.html"] = Page(LOOK.html("2024年部门预算", "<h1>2024年部门预算</h1>"))
        self.bmgk.dynamic["/api/dept/list"] = lambda query: answer({"code": 200, "data": [
            {"deptId": dept, "deptName": name, "sort": k} for k, (dept, name) in enumerate(FLAT.items())]})
        self.bmgk.pages["/ndbg/index.html"] = Page(LOOK.html("部门政府信息公开年报", (
            '<div id="app"><div class="menu"><a v-for="d in depts" :key="d.deptId" href="javascript:;" '
            '@click="choose(d)">{{ d.deptName }}</a></div><ul class="list"><li v-for="item in list" :key="item.id">'
            '<a :href="item.url" target="_blank">{{ item.title }}</a><span>{{ item.publishDate }}</span></li></ul></div>'
            '<script src="/js/vue.min.js"></script><script src="/js/axios.min.js"></script><script>\n'
            'var deptId = "101";\n'
            'new Vue({\n  el: "#app",\n'
            '  data: function () { return { depts: [], list: [] }; },\n'
            '  created: function () {\n    var vm = this;\n'
            '    axios.get("/api/dept/list").then(function (res) { vm.depts = res.data.data; vm.getList(); });\n  },\n'
            '  methods: {\n'
            '    choose: function (d) { deptId = d.deptId; this.getList(); },\n'
            '    getList: function () {\n      var vm = this;\n'
            '      axios.get("/api/article/list", { params: { deptId: deptId, channelCode: "ndbg", pageNo: 1,'
            ' pageSize: 10 } }).then(function (res) { vm.list = res.data.rows; });\n    }\n  }\n});\n</script>')))

        def listing(query: dict) -> Page:
            dept = query_value(query, "deptId")
            if dept not in rows or query_value(query, "channelCode") != "ndbg" or query_value(query, "pageNo") != "1":
                return REFUSED
            return answer({"code": 200, "total": len(rows[dept]), "rows": rows[dept]})

        self.bmgk.dynamic["/api/article/list"] = listing

    def _tree(self) -> None:
        """zwgk.: an app whose menu is a nested ``children`` tree, the key in a posted JSON body."""
        rows = {"200": self._rows(self.zwgk, "zwgk", "200", range(2021, 2025), {}),
                "201": self._rows(self.zwgk, "zwgk", "201", range(2022, 2025), {1: "南湾市2023年国民经济和社会发展统计公报"}),
                "202": self._rows(self.zwgk, "zwgk", "202", range(2023, 2025), {}),
                "301": self._rows(self.zwgk, "zwgk", "301", range(2023, 2025), {}),
                "302": self._rows(self.zwgk, "zwgk", "302", range(2024, 2025), {})}

        def node(org: str, name: str, children: list[dict]) -> dict:
            return {"orgId": org, "orgName": name, "parentId": "0", "children": children}

        tree = [node("200", CITY, [node(o, TREE[o], []) for o in ("201", "202")]),
                node(TOWNS_GROUP[0], TOWNS_GROUP[1], [node(o, TREE[o], []) for o in ("301", "302")])]
        self.zwgk.dynamic["/prod-api/system/org/tree"] = lambda query: answer({"code": 200, "msg": "操作成功",
                                                                               "data": tree})
        self.zwgk.pages["/index.html"] = Page((
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>南湾市政府信息公开平台</title></head><body>'
            '<noscript>请启用JavaScript</noscript><div id="app"></div>'
            '<script src="/static/js/chunk-vendors.2b3c4d5e.js"></script>'
            f'<script src="{BUNDLE}"></script></body></html>').encode())
        self.zwgk.pages["/static/js/chunk-vendors.2b3c4d5e.js"] = Page(b"/* vue, vue-router, axios, element-ui */",
                                                                      "application/javascript")
        self.zwgk.pages[BUNDLE] = Page((
            '(function(){"use strict";var s=axios.create({baseURL:"",timeout:1e4});'
            'function o(e){return s({url:"/prod-api/system/org/tree",method:"get",params:e})}'
            'function l(e){return s({url:"/prod-api/gk/ndbg/page",method:"post",data:e})}'
            'var d={name:"Ndbg",data:function(){return{tree:[],list:[],total:0,queryParams:{orgId:null,'
            'pageNum:1,pageSize:10}}},created:function(){var e=this;o({status:"0"}).then(function(t){e.tree=t.data.data})},'
            'methods:{handleNodeClick:function(t){this.queryParams.orgId=t.orgId,this.queryParams.pageNum=1,'
            'this.getList()},getList:function(){var e=this;l(this.queryParams).then(function(t){'
            'e.list=t.data.rows,e.total=t.data.total})}},render:function(){var e=this,n=e._self._c;return n("div",'
            '[n("el-tree",{attrs:{data:e.tree,props:{label:"orgName",children:"children"}},on:{"node-click":'
            'e.handleNodeClick}}),n("ul",e._l(e.list,function(t){return n("li",{key:t.id},[n("a",{attrs:{href:t.url,'
            'target:"_blank"}},[e._v(e._s(t.title))])])}),0)])}};'
            'var r=new VueRouter({mode:"history",routes:[{path:"/",redirect:"/ndbg"},{path:"/ndbg",component:d,'
            'meta:{title:"政府信息公开年报"}}]});'
            'new Vue({router:r,render:function(e){return e("router-view")}}).$mount("#app")})();'
            ).encode(), "application/javascript")

        def listing(query: dict, body: dict) -> Page:
            if not isinstance(body, dict) or str(body.get("orgId")) not in rows and body.get("orgId") != TOWNS_GROUP[0]:
                return REFUSED
            if body.get("pageNum") != 1 or body.get("pageSize") != 10:
                return REFUSED
            listed = rows.get(str(body["orgId"]), [])
            return answer({"code": 200, "msg": "操作成功", "total": len(listed), "rows": listed})

        self.zwgk.posted["/prod-api/gk/ndbg/page"] = listing

    def _ztree(self) -> None:
        """gk.: a zTree of ``{id, pId, name}``, the key a path segment of the list's address."""
        for unit, years, noise in (("401", range(2021, 2025), {2: "南湾市民政局2024年政务公开工作要点"}),
                                   ("402", range(2022, 2025), {}), ("403", range(2023, 2025), {})):
            rows = self._rows(self.gk, "gk", unit, years, noise)
            self.gk.pages[f"/gk/api/unit/{unit}/ndbg"] = answer({"total": len(rows), "list": rows})
        nodes = [{"id": "400", "pId": "0", "name": "市直属单位", "open": True}] + [
            {"id": unit, "pId": "400", "name": name} for unit, name in ZTREE.items()]
        self.gk.pages["/gk/getDeptList.do"] = answer(nodes)
        self.gk.pages["/gk/ndbg.html"] = Page(LOOK.html("直属单位政府信息公开年报", (
            '<div class="left"><ul id="deptTree" class="ztree"></ul></div><div class="right"><ul id="list"></ul></div>'
            '<script src="/js/jquery.min.js"></script><script src="/js/jquery.ztree.core.min.js"></script><script>\n'
            'var unitCode = "";\n'
            'var setting = { data: { simpleData: { enable: true, idKey: "id", pIdKey: "pId" } },\n'
            '  callback: { onClick: function (event, treeId, node) { unitCode = node.id; loadList(); } } };\n'
            'function drawTree(nodes) { $.fn.zTree.init($("#deptTree"), setting, nodes); }\n'
            '$.ajax({ url: "/gk/getDeptList.do", type: "GET", dataType: "json", success: function (res) {'
            ' drawTree(res); } });\n'
            'function loadList() {\n'
            '  fetch(`/gk/api/unit/${unitCode}/ndbg`).then(function (r) { return r.json(); }).then(function (res) {\n'
            '    $("#list").html(res.list.map(function (r) {\n'
            '      return \'<li><a href="\' + r.url + \'">\' + r.title + \'</a><span>\' + r.publishDate + \'</span></li>\';'
            ' }).join(""));\n  });\n}\n</script>')))

    def _joined(self) -> None:
        """bm.: a flat list and the key a path segment, both addresses joined from strings and names."""
        for dept, years in (("501", range(2022, 2025)), ("502", range(2023, 2025))):
            rows = self._rows(self.bm, "bm", dept, years, {})
            self.bm.pages[f"/portal/xxgk/unit/{dept}/ndbg.json"] = answer({"code": 0, "data": {"list": rows}})
        self.bm.pages["/portal/xxgk/dept/list.json"] = answer({"code": 0, "data": [
            {"deptCode": dept, "deptName": name} for dept, name in JOINED.items()]})
        self.bm.pages["/xxgk/ndbg.html"] = Page(LOOK.html("部门信息公开年报", (
            '<div class="left"><ul id="depts"></ul></div><div class="right"><ul id="list"></ul></div>'
            '<script src="/js/jquery.min.js"></script><script>\n'
            'var ctx = "/portal";\nvar deptCode = "";\n'
            '$.getJSON(ctx + "/xxgk/dept/list.json", function (res) {\n'
            '  $.each(res.data, function (i, d) {\n'
            '    $("<li>").text(d.deptName).on("click", function () { chooseDept(d); }).appendTo("#depts"); });\n'
            '});\n'
            'function chooseDept(d) { deptCode = d.deptCode; loadList(); }\n'
            'function loadList() {\n'
            '  $.ajax({ url: ctx + "/xxgk/unit/" + deptCode + "/ndbg.json", type: "get", dataType: "json",'
            ' success: function (res) {\n'
            '    $("#list").html($.map(res.data.list, function (r) {\n'
            '      return \'<li><a href="\' + r.url + \'">\' + r.title + \'</a><span>\' + r.publishDate + \'</span></li>\';'
            ' }).join(""));\n  } });\n}\n</script>')))
