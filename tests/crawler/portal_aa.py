"""A twenty-seventh portal, 东泽市, under host names (``dongze.gov.cn``) on one server told apart by the Host header: a
prefecture's 政府信息公开 platform built as a single-page application on its own host, and departments whose lists
script-driven pages ask of APIs paged in ways no other portal pages them, for crawls over real HTTP. The names resolve
to 127.0.0.1 in the crawl under test only (``HostsResolver``).

- ``www.``: the home page links 政府信息公开 (the platform, the city's body), and under 部门信息公开 / 乡镇信息公开 the
  bodies on the platform (市发展和改革委员会, 城关镇, 青山镇) and the departments' sites (市教育局, 市卫生健康委员会);
- ``zwgk.``: the platform, one app shell for every body (``/index.html?deptId=1002``: an empty ``<div id="app">`` and
  the app's bundle ``/static/js/app.5e2b7c9d.js``, its router a history-less app whose 年报 route's component is in the
  bundle). The body is the shell's own query: the bundle reads it as platforms' helpers read it
  (``function getQueryString(e){… window.location.search …}``, ``queryParams:{columnCode:"ndbg",
  deptId:getQueryString("deptId"),pageNo:1,pageSize:5}``) and posts it to one list API for every body
  (``function l(e){return s({url:"/prod-api/gk/article/page",method:"post",data:e})}`` called ``l(this.queryParams)``,
  ``s`` its axios instance: a JSON body, a form refused, a body without its deptId refused), answered as MyBatis-Plus
  pages them (``{"code":200,"data":{"records":[…],"total","size","current","pages"}}``), five a page; each record an id, a title, ``publishTime`` in epoch milliseconds; its address the app's
  hash route (``"#/detail?id="+t.id``), the report the JSON answer of the detail API the bundle asks with the id
  (``s({url:"/prod-api/gk/article/detail",method:"get",params:{id:e}})``), its HTML in ``content``; the city's 2025
  report an empty ``content`` and an ``attachList`` (``fileName``, ``fileUrl``): the report is the PDF;
- the city (deptId 1001): its reports 2019–2025; 市发展和改革委员会 (1002) 2020–2024; 城关镇 (2001) and 青山镇 (2002)
  2023–2024: reached only by the shell under their deptId;
- 市教育局 (``jyj.``): a jQuery page asking its list as bootstrap-table's server side paging asks, by record offset
  (``$.ajax({url: "/api/info/list", data: {channel: "ndbg", offset: 0, limit: 3}})``), answered ``{"total", "rows"}``,
  three a page: page 2 is ``offset=3``, never ``offset=1``;
- 市卫生健康委员会 (``wjw.``): an inline Vue page asking an API paged by cursor (``axios.get("/api/v1/articles",
  {params: this.query})`` with ``query: {channelId: "ndbg", limit: 3, nextToken: ""}``), each answer naming the next
  page's token (``{"data": {"items": [...], "nextToken": "…"}}``, "" on the last), an unknown token refused; each
  item's report its file (``docTitle``, ``fileUrl``: PDF or OFD);
- 市财政局 (``czj.``): an inline Vue page whose list is filtered by the year of publication, chosen in an
  ``<el-select>`` of the years its ``data()`` offers (``years: [2025, 2024, …, 2020]``), asked first for the newest
  (``query: {channelId: "ndbg", year: 2025, pageNo: 1, pageSize: 10}``): each other year's list only by choosing it;
- decoys: a 年度工作报告, a 统计公报 and a 政务公开工作要点 in the city's list, a 企业年度报告公示 notice in 城关镇's, a
  统计年报 in 发改委's, a 工作总结 and a 部门预算 in 教育局's, a 卫生健康统计公报 in 卫健委's, a 部门预算 and a 部门决算 in
  财政局's years, a 地质灾害防治方案 in 自然资源局's;
- 市自然资源局 (``zrzyj.``): as 财政局, but its years made by a loop from this year back (``for (var y = new
  Date().getFullYear(); y >= 2021; y--) this.years.push(y)``), asked first for this year (``year: new
  Date().getFullYear()``): its reports 2020–2024, published the year after;
- 市司法局 (``sfj.``): an inline Vue page (``/gk/index.html``) listing the body its address names, its own when it
  names none (``var orgId = getQueryString("orgId") ?? '3001'``), linked from the home page bare and as
  市法律援助中心's (``?orgId=3002``): 司法局's reports 2020–2024 and a 法治政府建设年度报告, 法律援助中心's 2022–2024;
- 开发区 (``kfq.``): a platform of one shell for its two zones (``/index.html?deptId=5002``), its bundle reading no
  query but loading its 年报 view as a lazy chunk (``component:()=>import("./NdbgList.4e5f6a7b.js")``) that reads it
  (``getQueryString("deptId")``): each zone's reports 2022–2024.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import JSON, Host, Look, Page
from tests.crawler.portal_o import OneServerPortal
from tests.crawler.portal_u import query_value

DOMAIN = "dongze.gov.cn"
CITY = "东泽市人民政府"
DEVELOPMENT, EDUCATION, HEALTH = "东泽市发展和改革委员会", "东泽市教育局", "东泽市卫生健康委员会"
FINANCE = "东泽市财政局"
FINANCE_YEARS = (2025, 2024, 2023, 2022, 2021, 2020)   # the years 财政局's list offers, by publication
RESOURCES = "东泽市自然资源局"
ZONES = {"5001": "东泽经济技术开发区管理委员会", "5002": "东泽高新技术产业开发区管理委员会"}   # kfq.'s bodies
ZONE_CHUNK = "/assets/NdbgList.4e5f6a7b.js"
JUSTICE = {"3001": "东泽市司法局", "3002": "东泽市法律援助中心"}   # orgId → the body 司法局's shell lists
TOWNS = {"2001": "东泽市城关镇人民政府", "2002": "东泽市青山镇人民政府"}
PLATFORM_BODIES = {"1001": CITY, "1002": DEVELOPMENT, **TOWNS}
PER_PAGE = 5          # the platform's list
EDUCATION_LIMIT = 3   # 教育局's offset paging
HEALTH_LIMIT = 3      # 卫健委's cursor paging
LOOK = Look('<a href="/">首页</a><a href="/zwgk/">政务公开</a>', seed=97, day=1)
BUNDLE = "/static/js/app.5e2b7c9d.js"
_CHINA = timezone(timedelta(hours=8))


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 东泽市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def resources_years() -> tuple[int, ...]:
    """The years 自然资源局's loop offers, by publication: this year back to 2021, as the crawl's day has them."""
    return tuple(range(date.today().year, 2020, -1))


def epoch_ms(year: int, month: int, day: int) -> int:
    """A publication time as the platform's API gives it: epoch milliseconds of that day 09:30 in China."""
    return int(datetime(year, month, day, 9, 30, tzinfo=_CHINA).timestamp() * 1000)


def answer(data: object) -> Page:
    return Page(json.dumps(data, ensure_ascii=False).encode(), JSON)


REFUSED = Page(b'{"code":400,"msg":"\\u53c2\\u6570\\u9519\\u8bef","data":null}', JSON, status=400)


class PortalAA(OneServerPortal):
    """The hosts of 东泽市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.zwgk, self.jyj, self.wjw, self.czj = Host(), Host(), Host(), Host(), Host()
        self.zrzyj, self.sfj, self.kfq = Host(), Host(), Host()
        self.serve({"www": self.www, "zwgk": self.zwgk, "jyj": self.jyj, "wjw": self.wjw, "czj": self.czj,
                    "zrzyj": self.zrzyj, "sfj": self.sfj, "kfq": self.kfq})
        self.base = self.url("www", "/")
        self.records: dict[str, list[dict]] = {d: [] for d in PLATFORM_BODIES}   # deptId → its 年报 records
        self.details: dict[str, dict] = {}                                       # id → the detail API's data
        self._home()
        self._platform()
        self._city()
        self._development()
        self._towns()
        self._education()
        self._health()
        self._finance()
        self._resources()
        self._justice()
        self._zones()

    def _home(self) -> None:
        shell = "/index.html?deptId="
        self.www.pages["/"] = Page(LOOK.html(f"{CITY}门户网站", (
            f'<div class="nav2"><a href="{self.url("zwgk", shell + "1001")}">政府信息公开</a>'
            '<a href="/xwzx/index.html">新闻中心</a></div>'
            f'<div class="links"><h3>部门信息公开</h3><ul>'
            f'<li><a href="{self.url("zwgk", shell + "1002")}">市发展和改革委员会</a></li>'
            f'<li><a href="{self.url("jyj", "/")}">市教育局</a></li>'
            f'<li><a href="{self.url("wjw", "/")}">市卫生健康委员会</a></li>'
            f'<li><a href="{self.url("czj", "/")}">市财政局</a></li>'
            f'<li><a href="{self.url("zrzyj", "/")}">市自然资源局</a></li>'
            f'<li><a href="{self.url("sfj", "/")}">市司法局</a></li>'
            f'<li><a href="{self.url("sfj", "/gk/index.html?orgId=3002")}">市法律援助中心</a></li></ul>'
            f'<h3>乡镇信息公开</h3><ul>'
            f'<li><a href="{self.url("zwgk", shell + "2001")}">城关镇</a></li>'
            f'<li><a href="{self.url("zwgk", shell + "2002")}">青山镇</a></li></ul>'
            f'<h3>开发区信息公开</h3><ul>'
            f'<li><a href="{self.url("kfq", shell + "5001")}">经济技术开发区</a></li>'
            f'<li><a href="{self.url("kfq", shell + "5002")}">高新技术产业开发区</a></li></ul></div>')))
        self.www.pages["/xwzx/index.html"] = Page(LOOK.html("新闻中心", "<ul></ul>"))

    def _platform(self) -> None:
        """The platform's shell, its bundle, its list and detail APIs."""
        self.zwgk.pages["/index.html"] = Page((
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>东泽市政府信息公开平台</title>'
            '<link href="/static/css/app.1a2b3c4d.css" rel="stylesheet"></head><body><noscript>请启用JavaScript'
            '</noscript><div id="app"></div><script src="/static/js/chunk-vendors.9f8e7d6c.js"></script>'
            f'<script src="{BUNDLE}"></script></body></html>').encode())
        self.zwgk.pages["/static/js/chunk-vendors.9f8e7d6c.js"] = Page(b"/* vue, vue-router, axios */",
                                                                      "application/javascript")
        self.zwgk.pages[BUNDLE] = Page((
            '(function(){"use strict";'
            'function getQueryString(e){var t=new RegExp("(^|&)"+e+"=([^&]*)(&|$)"),'
            'n=window.location.search.substr(1).match(t);return null!=n?decodeURIComponent(n[2]):null}'
            'var s=axios.create({baseURL:"",timeout:1e4});'
            'function l(e){return s({url:"/prod-api/gk/article/page",method:"post",data:e})}'
            'function c(e){return s({url:"/prod-api/gk/article/detail",method:"get",params:{id:e}})}'
            'var d={name:"NdbgList",data:function(){return{list:[],total:0,queryParams:{columnCode:"ndbg",'
            'deptId:getQueryString("deptId"),pageNo:1,pageSize:5}}},created:function(){this.getList()},'
            'methods:{getList:function(){var e=this;l(this.queryParams).then(function(t){e.list=t.data.data.records,'
            'e.total=t.data.data.total})}},render:function(){var e=this,n=e._self._c;return n("ul",{staticClass:'
            '"gk-list"},e._l(e.list,function(t){return n("li",{key:t.id},[n("a",{attrs:{href:"#/detail?id="+t.id}},'
            '[e._v(e._s(t.title))]),n("span",[e._v(e._s(e.formatDate(t.publishTime)))])])}),0)}};'
            'var f={name:"Detail",data:function(){return{info:{}}},created:function(){var e=this;'
            'c(this.$route.query.id).then(function(t){e.info=t.data.data})}};'
            'var r=new VueRouter({routes:[{path:"/",redirect:"/ndbg"},{path:"/ndbg",component:d,meta:{title:'
            '"政府信息公开年报"}},{path:"/detail",component:f,meta:{title:"详情"}}]});'
            'new Vue({router:r,render:function(e){return e("router-view")}}).$mount("#app")})();'
            ).encode(), "application/javascript")

        def listing(query: dict, body: dict) -> Page:
            if not isinstance(body, dict) or body.get("columnCode") != "ndbg" \
                    or str(body.get("deptId")) not in self.records:
                return REFUSED
            page, size = body.get("pageNo"), body.get("pageSize")
            if not isinstance(page, int) or not isinstance(size, int) or not 1 <= size <= 50:
                return REFUSED
            records = self.records[str(body["deptId"])]
            return answer({"code": 200, "msg": "操作成功", "data": {
                "records": records[(page - 1) * size:page * size], "total": len(records), "size": size,
                "current": page, "pages": -(-len(records) // size)}})

        def detail(query: dict) -> Page:
            info = self.details.get(query_value(query, "id"))
            return answer({"code": 200, "msg": "操作成功", "data": info}) if info else \
                answer({"code": 404, "msg": "信息不存在", "data": None})

        self.zwgk.posted["/prod-api/gk/article/page"] = listing
        self.zwgk.dynamic["/prod-api/gk/article/detail"] = detail

    def _record(self, dept: str, title: str, agency: str = "", year: int = 0, file: str = "") -> None:
        """A record of ``dept``'s 年报 list and its detail: a report of ``agency`` for ``year`` (expected; its PDF
        ``file`` when given) or, without them, noise."""
        record_id = str(91000 + len(self.details))
        published = epoch_ms(year + 1 if year else 2024, 1, 20)
        content = "" if file else (LOOK.report_body(agency, year) if agency else f"<p>{escape(title)}正文。</p>")
        attachments = [{"fileName": f"{title}.pdf", "fileUrl": file, "fileSize": 182044}] if file else []
        self.details[record_id] = {"id": record_id, "title": title, "content": content, "publishTime": published,
                                   "deptName": agency or PLATFORM_BODIES[dept], "attachList": attachments}
        self.records[dept].append({"id": record_id, "title": title, "publishTime": published,
                                   "deptName": agency or PLATFORM_BODIES[dept]})
        if file:
            self.zwgk.pages[file] = Page(b"%PDF-1.4\n% report\n", "application/pdf")
            self.expected[self.url("zwgk", file)] = (agency, year)
        elif agency:
            self.expected[self.url("zwgk", f"/prod-api/gk/article/detail?id={record_id}")] = (agency, year)

    def _reports(self, dept: str, years: range, noise: dict[int, str]) -> None:
        """``dept``'s reports, newest first, ``noise`` (position → title) among them."""
        agency = PLATFORM_BODIES[dept]
        items: list[tuple[str, int]] = [(f"{agency}{y}年政府信息公开工作年度报告", y) for y in reversed(years)]
        for at, title in sorted(noise.items()):
            items.insert(at, (title, 0))
        for title, year in items:
            file = f"/prod-api/file/{year + 1}/dzs_ndbg_{year}.pdf" if year == 2025 else ""
            self._record(dept, title, agency if year else "", year, file)

    def _city(self) -> None:
        self._reports("1001", range(2019, 2026), {1: f"{CITY}2024年度工作报告",
                                                  4: "东泽市2023年国民经济和社会发展统计公报",
                                                  8: "东泽市2025年政务公开工作要点"})

    def _development(self) -> None:
        self._reports("1002", range(2020, 2025), {2: f"{DEVELOPMENT}2023年统计年报"})

    def _towns(self) -> None:
        self._reports("2001", range(2023, 2025), {1: "关于开展2024年度企业年度报告公示工作的通知"})
        self._reports("2002", range(2023, 2025), {})

    def _education(self) -> None:
        """教育局: a jQuery page paging its API by record offset and limit (bootstrap-table's server side)."""
        agency, rows = EDUCATION, []
        for year in range(2024, 2018, -1):
            path = f"/xxgk/ndbg/{year + 1}/art_{6100 + year}.html"
            title = f"{agency}{year}年政府信息公开工作年度报告"
            self.jyj.pages[path] = Page(LOOK.article(title, agency, year))
            self.expected[self.url("jyj", path)] = (agency, year)
            rows.append({"title": title, "url": path, "publishDate": f"{year + 1}-01-18"})
        for at, (path, title) in ((2, ("/xxgk/ndbg/2024/art_7001.html", f"{agency}2023年工作总结")),
                                  (5, ("/xxgk/ndbg/2024/art_7002.html", f"{agency}2024年部门预算"))):
            self.jyj.pages[path] = Page(LOOK.html(title, f"<h1>{title}</h1><p>正文。</p>"))
            rows.insert(at, {"title": title, "url": path, "publishDate": "2024-02-01"})
        self.jyj.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg/index.html">政府信息公开年报</a>'))
        self.jyj.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            '<table id="list" class="table"></table><div id="pager"></div>'
            '<script src="/js/jquery.min.js"></script><script>\n'
            'function load(offset) {\n'
            '  $.ajax({url: "/api/info/list", type: "GET", dataType: "json",\n'
            '          data: {channel: "ndbg", offset: offset, limit: 3},\n'
            '          success: function (res) {\n'
            '            $("#list").html(res.rows.map(function (r) {\n'
            '              return \'<tr><td><a href="\' + r.url + \'">\' + r.title + \'</a></td><td>\' + r.publishDate'
            ' + \'</td></tr>\'; }).join(""));\n'
            '            drawPager(res.total, offset); }});\n}\nload(0);\n</script>')))

        def listing(query: dict) -> Page:
            offset, limit = query_value(query, "offset"), query_value(query, "limit")
            if query_value(query, "channel") != "ndbg" or not offset.isdigit() or not limit.isdigit() \
                    or not 1 <= int(limit) <= 50:
                return REFUSED
            start = int(offset)
            return answer({"total": len(rows), "rows": rows[start:start + int(limit)]})

        self.jyj.dynamic["/api/info/list"] = listing

    def _health(self) -> None:
        """卫健委: an inline Vue page paging its API by cursor (``nextToken``), each item's report its file."""
        agency, items = HEALTH, []
        for year in range(2024, 2019, -1):
            kind, mime = ("ofd", "application/ofd") if year == 2021 else ("pdf", "application/pdf")
            path = f"/upload/xxgk/{year + 1}01/{year}ndbg_{7700 + year}.{kind}"
            self.wjw.pages[path] = Page(b"PK\x03\x04OFD.xml" if kind == "ofd" else b"%PDF-1.4\n% report\n", mime)
            self.expected[self.url("wjw", path)] = (agency, year)
            items.append({"docId": 7700 + year, "docTitle": f"{agency}{year}年政府信息公开工作年度报告",
                          "pubTime": epoch_ms(year + 1, 1, 25), "fileUrl": path})
        noise = "/upload/xxgk/202406/2023tjgb_7799.pdf"
        self.wjw.pages[noise] = Page(b"%PDF-1.4\n% other\n", "application/pdf")
        items.insert(1, {"docId": 7799, "docTitle": "东泽市2023年卫生健康事业发展统计公报",
                         "pubTime": epoch_ms(2024, 6, 1), "fileUrl": noise})
        tokens = {"": 0} | {base64.b64encode(f"offset={k}".encode()).decode(): k
                            for k in range(HEALTH_LIMIT, len(items), HEALTH_LIMIT)}
        self.wjw.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg.html">政府信息公开年报</a>'))
        self.wjw.pages["/xxgk/ndbg.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            '<div id="app"><ul class="list"><li v-for="item in list" :key="item.docId">'
            '<a :href="item.fileUrl" target="_blank">{{ item.docTitle }}</a></li></ul>'
            '<button v-if="query.nextToken" @click="more">加载更多</button></div>'
            '<script src="/js/vue.min.js"></script><script src="/js/axios.min.js"></script><script>\n'
            'new Vue({\n  el: "#app",\n  data: function () {\n'
            '    return { list: [], query: { channelId: "ndbg", limit: 3, nextToken: "" } };\n  },\n'
            '  created: function () { this.more(); },\n  methods: {\n    more: function () {\n'
            '      var vm = this;\n'
            '      axios.get("/api/v1/articles", { params: this.query }).then(function (res) {\n'
            '        vm.list = vm.list.concat(res.data.data.items);\n'
            '        vm.query.nextToken = res.data.data.nextToken;\n      });\n    }\n  }\n});\n</script>')))

        def listing(query: dict) -> Page:
            token, limit = query_value(query, "nextToken"), query_value(query, "limit")
            if query_value(query, "channelId") != "ndbg" or token not in tokens or limit != str(HEALTH_LIMIT):
                return REFUSED
            start = tokens[token]
            following = next((t for t, k in tokens.items() if k == start + HEALTH_LIMIT), "")
            return answer({"code": 0, "data": {"items": items[start:start + HEALTH_LIMIT], "nextToken": following}})

        self.wjw.dynamic["/api/v1/articles"] = listing

    def _finance(self) -> None:
        """财政局: a Vue page whose API lists one year of publication at a time, the years offered in its data."""
        years = ", ".join(str(y) for y in FINANCE_YEARS)
        self._year_filtered("czj", FINANCE, 5300, FINANCE_YEARS, f"years: [{years}]", "", str(FINANCE_YEARS[0]),
                            ((2025, f"{FINANCE}2025年部门预算"), (2024, f"{FINANCE}2023年部门决算")))

    def _resources(self) -> None:
        """自然资源局: the same, the years a loop offers from this year back (``for (var y = new
        Date().getFullYear(); y >= 2021; y--)``), the list asked first for this year."""
        self._year_filtered("zrzyj", RESOURCES, 4400, resources_years(), "years: []",
                            "for (var y = new Date().getFullYear(); y >= 2021; y--) this.years.push(y);\n",
                            "new Date().getFullYear()", ((2024, f"{RESOURCES}2023年地质灾害防治方案"),))

    def _year_filtered(self, sub: str, agency: str, first_id: int, offered: tuple[int, ...], years: str,
                       loop: str, asked: str, noise: tuple[tuple[int, str], ...]) -> None:
        """The host ``sub``'s Vue page whose API lists one year of publication at a time, chosen in an
        ``<el-select>`` of the years ``offered`` (``years`` its data's, filled by ``loop`` in ``created``), first asked
        for ``asked``; each report published the year after its own, ``noise`` (year published → title) among them."""
        host: Host = getattr(self, sub)
        items: dict[int, list[dict]] = {year: [] for year in offered}
        for year in range(min(max(offered) - 1, 2024), 2018, -1):   # the years simsite's figures have
            path = f"/xxgk/ndbg/{year + 1}/art_{first_id + year}.html"
            title = f"{agency}{year}年政府信息公开工作年度报告"
            host.pages[path] = Page(LOOK.article(title, agency, year))
            if year + 1 in items:
                self.expected[self.url(sub, path)] = (agency, year)
                items[year + 1].append({"title": title, "url": path, "publishDate": f"{year + 1}-01-21"})
        for at, (year, title) in enumerate(noise):
            path = f"/xxgk/ndbg/{year}/art_{first_id + 101 + at}.html"
            host.pages[path] = Page(LOOK.html(title, f"<h1>{title}</h1><p>正文。</p>"))
            items[year].append({"title": title, "url": path, "publishDate": f"{year}-03-01"})
        host.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg/index.html">政府信息公开年报</a>'))
        host.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            '<div id="app"><el-select v-model="query.year" @change="getList"><el-option v-for="y in years" :key="y" '
            ':label="y + \'年\'" :value="y"></el-option></el-select><ul class="list"><li v-for="item in list">'
            '<a :href="item.url" target="_blank">{{ item.title }}</a><span>{{ item.publishDate }}</span></li></ul></div>'
            '<script src="/js/vue.min.js"></script><script src="/js/element-ui.js"></script>'
            '<script src="/js/axios.min.js"></script><script>\n'
            'new Vue({\n  el: "#app",\n  data: function () {\n'
            f'    return {{ {years}, list: [],\n'
            f'             query: {{ channelId: "ndbg", year: {asked}, pageNo: 1, pageSize: 10 }} }};\n  }},\n'
            f'  created: function () {{ {loop}this.getList(); }},\n  methods: {{\n    getList: function () {{\n'
            '      var vm = this;\n'
            '      axios.get("/api/article/list", { params: this.query }).then(function (res) {\n'
            '        vm.list = res.data.data.list;\n      });\n    }\n  }\n});\n</script>')))

        def listing(query: dict) -> Page:
            year = query_value(query, "year")
            if query_value(query, "channelId") != "ndbg" or not year.isdigit() or query_value(query, "pageNo") != "1":
                return REFUSED
            listed = items.get(int(year), [])
            return answer({"code": 200, "data": {"list": listed, "total": len(listed)}})

        host.dynamic["/api/article/list"] = listing

    def _justice(self) -> None:
        """司法局: an inline Vue page listing the body its address names (``?orgId=3002``, 法律援助中心), its own
        when it names none (``var orgId = getQueryString("orgId") ?? '3001'``)."""
        rows: dict[str, list[dict]] = {org: [] for org in JUSTICE}
        for org, years in (("3001", range(2024, 2019, -1)), ("3002", range(2024, 2021, -1))):
            agency = JUSTICE[org]
            for year in years:
                path = f"/gk/ndbg/{year + 1}/art_{org}{year}.html"
                title = f"{agency}{year}年政府信息公开工作年度报告"
                self.sfj.pages[path] = Page(LOOK.article(title, agency, year))
                self.expected[self.url("sfj", path)] = (agency, year)
                rows[org].append({"id": f"{org}{year}", "title": title, "url": path})
        noise = "/gk/ndbg/2024/art_3001.html"
        self.sfj.pages[noise] = Page(LOOK.html("东泽市2023年法治政府建设年度报告", "<h1>法治政府建设年度报告</h1><p>正文。</p>"))
        rows["3001"].insert(1, {"id": "3001", "title": "东泽市2023年法治政府建设年度报告", "url": noise})
        self.sfj.pages["/"] = Page(LOOK.html(JUSTICE["3001"], '<a href="/gk/index.html">政府信息公开年报</a>'))
        self.sfj.pages["/gk/index.html"] = Page(LOOK.html("政府信息公开年报", (
            '<div id="app"><ul class="list"><li v-for="item in list"><a :href="item.url">{{ item.title }}</a></li>'
            '</ul></div><script src="/js/vue.min.js"></script><script src="/js/axios.min.js"></script><script>\n'
            'function getQueryString(name) {\n'
            '  var m = window.location.search.substr(1).match(new RegExp("(^|&)" + name + "=([^&]*)(&|$)"));\n'
            '  return m != null ? decodeURIComponent(m[2]) : null;\n}\n'
            "var orgId = getQueryString(\"orgId\") ?? '3001';\n"
            'new Vue({\n  el: "#app",\n'
            '  data: function () { return { list: [], query: { channel: "ndbg", orgId: orgId, pageNo: 1 } }; },\n'
            '  created: function () {\n    var vm = this;\n'
            '    axios.get("/api/gk/list", { params: this.query }).then(function (res) { vm.list = res.data.rows; });\n'
            '  }\n});\n</script>')))

        def listing(query: dict) -> Page:
            org = query_value(query, "orgId")
            if query_value(query, "channel") != "ndbg" or org not in rows or query_value(query, "pageNo") != "1":
                return REFUSED
            return answer({"total": len(rows[org]), "rows": rows[org]})

        self.sfj.dynamic["/api/gk/list"] = listing

    def _zones(self) -> None:
        zone_platform(self.kfq, lambda path, report: self.expected.__setitem__(self.url("kfq", path), report))


def zone_platform(host: Host, expect: Callable[[str, tuple[str, int]], None]) -> None:
    """开发区's platform on ``host``: one shell for both zones (``?deptId=5002``), its 年报 view a lazy chunk of the
    bundle that reads the shell's query, the bundle itself reading none; each report told to ``expect`` (path,
    (agency, year))."""
    rows: dict[str, list[dict]] = {dept: [] for dept in ZONES}
    for dept, agency in ZONES.items():
        for year in range(2024, 2021, -1):
            path = f"/xxgk/ndbg/{year + 1}/art_{dept}{year}.html"
            title = f"{agency}{year}年政府信息公开工作年度报告"
            host.pages[path] = Page(LOOK.article(title, agency, year))
            expect(path, (agency, year))
            rows[dept].append({"id": f"{dept}{year}", "title": title, "url": path})
    host.pages["/index.html"] = Page((
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>东泽市开发区政府信息公开</title></head><body>'
        '<div id="app"></div><script type="module" src="/assets/index.2c3d4e5f.js"></script></body></html>').encode())
    host.pages["/assets/index.2c3d4e5f.js"] = Page((
        'const r=createRouter({history:createWebHashHistory(),routes:[{path:"/",redirect:"/ndbg"},{path:"/ndbg",'
        'component:()=>import("./NdbgList.4e5f6a7b.js"),meta:{title:"政府信息公开年报"}},{path:"/zcwj",'
        'component:()=>import("./Zcwj.1b2c3d4e.js"),meta:{title:"政策文件"}}]});'
        'createApp({}).use(r).mount("#app");').encode(), "application/javascript")
    host.pages[ZONE_CHUNK] = Page((
        'function getQueryString(e){var t=new RegExp("(^|&)"+e+"=([^&]*)(&|$)"),'
        'n=window.location.search.substr(1).match(t);return null!=n?decodeURIComponent(n[2]):null}'
        'const I=defineComponent({setup(){const t=ref([]);axios.get("/api/ndbg/list",{params:{deptId:'
        'getQueryString("deptId"),pageNo:1,pageSize:10}}).then(o=>{t.value=o.data.rows});return(o,l)=>h("ul",'
        't.value.map(r=>h("li",[h("a",{href:r.url},r.title)])))}});export{I as default};').encode(),
        "application/javascript")

    def listing(query: dict) -> Page:
        dept = query_value(query, "deptId")
        if dept not in rows or query_value(query, "pageNo") != "1":
            return REFUSED
        return answer({"total": len(rows[dept]), "rows": rows[dept]})

    host.dynamic["/api/ndbg/list"] = listing
