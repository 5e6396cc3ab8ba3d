"""A thirty-first portal, 皖川市, under host names (``wanchuan.gov.cn``) on one server told apart by the Host header:
a city of 安徽 whose 政府信息公开网 runs the province's "openness" platform (PHP CodeIgniter over MongoDB, the branch
and content ids 24-hex ObjectIds) as its published source has it, and whose counties and one department run the
platform's later static-path edition as public crawlers of 安徽 and 内蒙古 sites found it. The names resolve to
127.0.0.1 in the crawl under test only (``HostsResolver``).

Evidence (public repositories, read through the tool library; quoted as found):

| site / platform | habit | evidence |
| --- | --- | --- |
| the platform's own source (a site's ``application/controllers``, ``libraries``, ``core``) | a unit's 信息公开 is asked by query: ``/opennessContent/?branch_id=<id>`` (目录), ``opennessGuide/?branch_id=<id>`` (指南, a relative link in one list), ``/opennessAnnualReport/?branch_id=<id>`` (年报); the department list (``branchList``) links those three per unit, or the unit's own ``website`` (``target="_blank"``) when it has one | ``opennessTarget.php``, ``openness.php`` and ``opennessContent.php`` (``url_guide``, ``url_annual_report``), zhihong01/ahgk |
| same | the 年报 list (``annualReportList``) links ``/openness/detail/annual_report/<_id>.html``, other content ``/openness/detail/content/<_id>.html`` (or the item's ``link_url``); titles longer than the list's length cut with ``...``; dates ``openness_date`` | ``opennessAnnualReport.php``, ``opennessContent.php`` |
| same | pages by ``&page=N`` appended to the request's URI (``ipagination``, rewrite off): ``<span class='currentpage'>1 / 3</span>``, ``<a href='…&page=2'><span class='page'>2</span></a>``, 下一页 and 尾页 | ``libraries/ipagination.php``, ``core/MY_Controller.php`` (``getPagination``) |
| same | a document's attachments as ``<a href="/download/?mod=site_attach&_id=<_id>">附件：<real_name></a>``; the download answers the file with ``Content-Disposition: attachment; filename="<real_name in GBK>"``, or a 302 to ``http://www.<city>/<media_path><saved_name>`` for a file kept on the city's www host; other sites link ``http://file.<county>.gov.cn/mserver/download/?_id=<_id>&SiteId=<site>`` (a file server) | ``openness.php`` ``detail()``, ``download.php``, ``opennessFive.php`` (``file.fy.gov.cn:9000/mserver/download``), the tianchang and maoji download lists |
| same | the 目录's column tree as JSON (``jsonTree``): a list of nodes ``{_id, parent_id, name, code, text, classes, children}`` whose ``code`` is the column's address, ``/opennessTarget/?branch_id=<id>&column_code=<code>`` when asked with ``target`` | ``openness.php`` ``jsonTree()`` |
| zwgk.mas.gov.cn (马鞍山) | the 政府信息公开网 on a host of its own; ``opennessTarget`` lists as ``.m-lsbody ul>li``, each with ``.m-listview>ol>li`` metadata (名称：…) and ``.u-ls2 a`` (the document, then its 解读) and ``.u-ls4`` (date) | a Java collector's test (``test111``), www.ahkjt.gov.cn's config (``opennessTarget/?branch_id=…&column_code=40300&page=1``, detail ``/openness/detail/content/.*.html``) |
| zw.huangshan.gov.cn, fgw.huangshan.gov.cn, gaj.chizhou.gov.cn, www.cnjx.gov.cn, www.hlbe.gov.cn and 内蒙古 counties | the later edition: ``/OpennessContent/showList/<branch>/<column>/page_<n>.html`` (a department's ``/BranchOpennessContent/showList/<branch>/<column>/page_<n>.html``), documents ``/OpennessContent/show/<id>.html``; lists ``dl.content-list > dt > div > div > a[title]`` with ``span.cont-time``, every sixth ``dt`` a separator; the pager's ``a.default_pgBtn.default_pgNext`` (下一页) | a selenium collector of 安徽 cities (黄山), a 池州 collector (``page_{i}.html``, ``/OpennessContent/show/\\d+\\.html``), policy link tables |
| 福建 sites on TRS: fujian.chinatax.gov.cn, fgw/czt/gzw.fujian.gov.cn, www.fuzhou.gov.cn, www.putian.gov.cn | a 主动公开目录 is a shell: the page's ``var channelid = 203958;`` and a zTree literal of unquoted keys ``var zNodes = [{ id: "20245", pId: "20235", name: "人事任免", file: "http://…/rsxx_1009/", c: "167" }]``; a column's rows come from TRS WAS5 (``/was5/web/search?channelid=229105&templet=docs.jsp&sortfield=-docorderpri%2C-docreltime&classsql=chnlid%3D9403&prepage=15&page=1``) as almost-JSON: ``{"count":"2",…,"py":'###pypy###',"dy":'###dydy###',"docs":[{"title","title2","url","chnldocurl","time","docid"}]}``; details ``…/202605/t20260507_634732.htm`` | a tax-platform collector's ``fujian_was5.py`` and its test (``SHELL``, ``WAS5_BODY``, "load list rows via Avalon→WAS5 search"), policy collectors' WAS5 URLs (fgw, czt, gzw, fuzhou, putian) |
| www.zongyang.gov.cn | the later edition under the portal's folder ``/openness/`` (``/openness/OpennessContent/showList/1442/45712/page_1.html``) | a collector passing the site's 加速乐 gate (not reproduced: ``crawler.transport.challenge`` names it) |

The portal:

- ``www.``: the home page links 政府信息公开 on ``zwgk.`` and the counties' hosts; it keeps some old files
  (``/data/upload/…``) the platform's downloads redirect to;
- ``zwgk.``: the platform's home links the city's 指南, 目录 and 年报 and the 部门信息公开 list (each unit its 目录,
  指南 and 年报 by ``branch_id``); 年报 lists of one page, titles cut at ``CUT`` characters; reports as the detail
  page's text or its ``/download/?mod=site_attach`` attachment (the file itself, or a 302 to www), or a link to the
  file server ``file.``; 自然资源局's 年报 list empty, its reports a column of its 目录 whose tree only the JSON
  ``jsonTree`` holds (an assumption: the source shows the endpoint, not the template asking it), listed as
  ``opennessTarget`` paged by ``&page=`` (two a page); a 年报 list is one page (its controller reads no page);
- 教育局 on its own host ``jyj.`` (its ``website``), on the later edition: ``/BranchOpennessContent/showList/…``;
- 皖川县 (``wcx.``) on the later edition, its 年报 column paged ``page_<n>.html``, five a page; 皖东区 (``wdq.``)
  the same under ``/openness/``;
- 皖南县 (``wnx.``) on TRS as 福建 sites run it: its 目录 a shell of ``channelid`` and ``zNodes``; the 年报 column a
  shell whose script (an assumption: the collectors name Avalon and WAS5, not the script's text) asks WAS5 with the
  page's globals ``channelid`` and ``chnlid`` (each set by a script of its own) and the page number joined last;
- decoys: 图解 and 解读 of reports, a 政府工作报告, a 部门预算, 统计公报.
"""

from __future__ import annotations

import hashlib
import json
from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import JSON, Host, Look, Page
from tests.crawler.portal_o import OneServerPortal
from tests.crawler.portal_s import PDF
from tests.crawler.portal_u import query_value

DOMAIN = "wanchuan.gov.cn"
CITY = "皖川市人民政府"
LOOK = Look('<a href="/">首页</a><a href="/opennessContent/?branch_id=all">信息公开目录</a>', seed=151, day=1)
CUT = 16          # characters of a title a 年报 list prints before its "..."
PER_PAGE = 2      # an opennessTarget list's rows a page (ipagination)
ANNUAL_LIMIT = 15   # the rows a 年报 list shows
LATER_PER_PAGE = 5   # the later edition's rows a page
SITE_ID = "5bc861157f8b9a7a34f96885"

# The units on the 部门信息公开 list: (branch name as listed, full name, years and how each is delivered:
# "text" the detail page's text, "attach" its /download/ attachment, "moved" that attachment a 302 to www's
# /data/, "file" a link to the file server). 教育局 (own website) and 自然资源局 (目录 column) are built apart.
DEPARTMENTS = [
    ("市发展改革委", "皖川市发展和改革委员会", {2024: "text", 2023: "attach"}),
    ("市科技局", "皖川市科学技术局", {2024: "attach"}),
    ("市司法局", "皖川市司法局", {2024: "moved"}),
    ("市财政局", "皖川市财政局", {2024: "text"}),
    ("市人社局", "皖川市人力资源和社会保障局", {2024: "file"}),
    ("市住建局", "皖川市住房和城乡建设局", {2024: "attach"}),
    ("市卫健委", "皖川市卫生健康委员会", {2024: "text", 2023: "attach"}),
]
CITY_YEARS = {2024: "text", 2023: "attach", 2022: "text", 2021: "moved", 2020: "text", 2019: "file"}
EDUCATION = "皖川市教育局"
RESOURCES = "皖川市自然资源和规划局"
COUNTIES = [("wcx", "皖川县人民政府", "", "1442", "45712", [2024, 2023, 2022, 2021]),
            ("wdq", "皖东区人民政府", "/openness", "1507", "46020", [2024, 2023])]
SOUTH = "皖南县人民政府"   # on TRS with WAS5-served lists (habits seen on 福建 sites)
SOUTH_YEARS = [2024, 2023, 2022, 2021]
WAS5_CHANNEL, WAS5_COLUMN = "229105", "9403"
AGENCIES = [CITY, *(full for _, full, _ in DEPARTMENTS), EDUCATION, RESOURCES, *(c[1] for c in COUNTIES), SOUTH]


def object_id(*parts: object) -> str:
    """A MongoDB ObjectId as the platform prints it: 24 hex digits (here a digest of ``parts``)."""
    return hashlib.md5(repr(parts).encode()).hexdigest()[:24]


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 皖川市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def _page(title: str, body: str) -> Page:
    return Page(LOOK.html(title, body))


def _cut(title: str) -> str:
    return title[:CUT] + "..." if len(title) > CUT else title


class PortalAG(OneServerPortal):
    """The hosts of 皖川市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.zwgk, self.file, self.jyj = Host(), Host(), Host(), Host()
        self.counties = {sub: Host() for sub, *_ in COUNTIES} | {"wnx": Host()}
        self.serve({"www": self.www, "zwgk": self.zwgk, "file": self.file, "jyj": self.jyj, **self.counties})
        self.base = self.url("www", "/")
        self.attachments: dict[str, Page] = {}
        self.zwgk.dynamic["/download/"] = lambda q: self.attachments.get(
            query_value(q, "_id"), Page("<h1>错误：记录不存在。</h1>".encode(), status=500))
        self.file.dynamic["/mserver/download/"] = lambda q: self.attachments.get(
            query_value(q, "_id"), Page(b"<h1>404</h1>", status=404))
        self.annual: dict[str, list[tuple[str, str, str]]] = {}   # branch_id → its 年报 list's rows
        self.zwgk.dynamic["/opennessAnnualReport/"] = self._annual_list
        self._home()
        gov = object_id("gov")
        city_rows = self._reports(gov, CITY, CITY_YEARS)
        city_rows.insert(1, self._noise(gov, CITY, f"图解：{CITY}2023年政府信息公开工作年度报告", "2024-01-30"))
        self.annual[gov] = city_rows
        units = [self._department(name, full, years) for name, full, years in DEPARTMENTS]
        units.append(self._resources())
        units.append(f'<li><a href="{self.url("jyj", "/")}" target="_blank">市教育局</a></li>')
        self._education()
        self.zwgk.pages["/"] = _page(f"{CITY}政府信息公开网", (
            f'<div class="gk-nav"><a href="/opennessGuide/?branch_id={gov}">政府信息公开指南</a>'
            f'<a href="/opennessContent/?branch_id={gov}">政府信息公开目录</a>'
            f'<a href="/opennessAnnualReport/?branch_id={gov}">政府信息公开年报</a>'
            '<a href="/opennessRequest/">依申请公开</a></div>'
            f'<div class="bmxxgk"><h3>部门信息公开</h3><ul>{"".join(units)}</ul></div>'))
        self.zwgk.pages["/opennessGuide/"] = _page("政府信息公开指南", "<p>指南正文。</p>")
        self.zwgk.pages["/opennessRequest/"] = _page("依申请公开", "<p>申请须知。</p>")
        for county in COUNTIES:
            self._county(*county)
        self._south()

    def _home(self) -> None:
        counties = "".join(f'<li><a href="{self.url(sub, "/")}">{name.removesuffix("人民政府")}</a></li>'
                           for sub, name, *_ in [*COUNTIES, ("wnx", SOUTH)])
        self.www.pages["/"] = _page(f"{CITY}门户网站", (
            f'<div class="nav2"><a href="{self.url("zwgk", "/")}" target="_blank">政府信息公开</a>'
            f'<a href="/xwzx/index.html">新闻中心</a></div><div class="links"><h3>县区</h3><ul>{counties}</ul></div>'))
        self.www.pages["/xwzx/index.html"] = _page("新闻中心", "<ul></ul>")

    def _department(self, name: str, full: str, years: dict[int, str]) -> str:
        """A unit of the 部门信息公开 list: its 年报 list by ``branch_id``; its list item."""
        branch = object_id("branch", full)
        rows = self._reports(branch, full, years)
        if name == "市财政局":
            rows.insert(0, self._noise(branch, full, f"{full}2024年部门预算", "2024-02-01"))
        self.annual[branch] = rows
        return (f'<li><a href="/opennessContent/?branch_id={branch}" title="{full}">{name}</a><span class="gk-link">'
                f'<a href="opennessGuide/?branch_id={branch}">指南</a>'
                f'<a href="/opennessAnnualReport/?branch_id={branch}">年报</a></span></li>')

    def _reports(self, branch: str, agency: str, years: dict[int, str]) -> list[tuple[str, str, str]]:
        """``agency``'s reports (newest first) as 年报 list rows: (address, title, date)."""
        rows = []
        for year, way in sorted(years.items(), reverse=True):
            title = f"{agency}{year}年政府信息公开工作年度报告"
            doc = object_id("report", agency, year)
            path = f"/openness/detail/annual_report/{doc}.html"
            self.zwgk.pages[path] = self._detail(branch, agency, doc, title, year, way)
            if way == "text":
                self.expected[self.url("zwgk", path)] = (agency, year)
            rows.append((path, title, f"{year + 1}-01-2{year % 10}"))
        return rows

    def _detail(self, branch: str, agency: str, doc: str, title: str, year: int, way: str) -> Page:
        """The platform's detail page: its index table, the text, its attachments (``附件：`` + the file's name)."""
        body, attach = LOOK.report_body(agency, year), ""
        if way != "text":
            body = f"<p>{escape(title)}详见附件。</p>"
            attach = f'<a href="{escape(self._file(doc, title, agency, year, way))}">附件：{escape(title)}.pdf</a>'
        return _page(title, (
            f"<div class=\"location\">当前位置：<a href='/'>首页</a> > <a href='/opennessContent/?branch_id={branch}'>"
            f'{escape(agency)}信息公开</a> > 信息浏览</div><table class="table_suoyin"><tr><th>索引号：</th>'
            f'<td>{doc[-8:]}/{year + 1}-00001</td><th>发布机构：</th><td>{escape(agency)}</td></tr><tr><th>名称：</th>'
            f'<td colspan="3">{escape(title)}</td></tr><tr><th>生成日期：</th><td>{year + 1}-01-2{year % 10}</td>'
            f'<th>文号：</th><td></td></tr></table><div class="wzcon"><h1>{escape(title)}</h1>{body}</div>'
            f'<div class="fujian">{attach}</div>'))

    def _file(self, doc: str, title: str, agency: str, year: int, way: str) -> str:
        """The address a detail page links its file at, the file served there and expected."""
        attach = object_id("attach", doc)
        name = f"{title}.pdf"
        disposition = {"Content-Disposition": f'attachment; filename="{name.encode("gbk").decode("latin-1")}"'}
        if way == "file":
            self.attachments[attach] = Page(PDF, "application/pdf", headers=disposition)
            url = self.url("file", f"/mserver/download/?_id={attach}&SiteId={SITE_ID}")
            self.expected[url] = (agency, year)
            return url
        if way == "moved":
            stored = f"/data/upload/{year + 1}01/{attach}.pdf"
            self.www.pages[stored] = Page(PDF, "application/pdf")
            self.attachments[attach] = Page(b"", status=302, location=self.url("www", stored))
            self.expected[self.url("www", stored)] = (agency, year)
        else:
            self.attachments[attach] = Page(PDF, "application/pdf", headers=disposition)
            self.expected[self.url("zwgk", f"/download/?mod=site_attach&_id={attach}")] = (agency, year)
        return f"/download/?mod=site_attach&_id={attach}"

    def _noise(self, branch: str, agency: str, title: str, date: str) -> tuple[str, str, str]:
        doc = object_id("noise", title)
        path = f"/openness/detail/annual_report/{doc}.html"
        self.zwgk.pages[path] = _page(title, (
            f'<table class="table_suoyin"><tr><th>发布机构：</th><td>{escape(agency)}</td></tr></table>'
            f'<div class="wzcon"><h1>{escape(title)}</h1><p>正文。</p></div>'))
        return path, title, date

    def _annual_list(self, query: dict[str, list[str]]) -> Page:
        """``opennessAnnualReport``: the unit's 年报 on one page (its controller reads no page: the list is the
        template's first ``ANNUAL_LIMIT`` rows)."""
        rows = self.annual.get(query_value(query, "branch_id"), [])[:ANNUAL_LIMIT]
        items = "".join(f'<li><a href="{path}" target="_blank" title="{escape(title)}">{escape(_cut(title))}</a>'
                        f'<span class="date">{date}</span></li>' for path, title, date in rows)
        return _page("政府信息公开年报", f'<div class="list-rules"><ul>{items or "<li>暂无信息</li>"}</ul></div>')

    def _resources(self) -> str:
        """自然资源局: an empty 年报 list; its reports the 目录's column 政府信息公开年报, reached through the tree's
        JSON, listed by ``opennessTarget`` ``PER_PAGE`` a page by ``&page=``; its list item."""
        branch, code = object_id("branch", RESOURCES), "330000"
        self.annual[branch] = []
        tree = [{"_id": object_id("col", c), "parent_id": "/", "name": name, "code": f"/opennessTarget/?branch_id="
                 f"{branch}&column_code={c}", "tree_counter": n, "text": name, "classes": "file", "children": [],
                 "data": {}} for c, name, n in (("10000", "机构职能", 3), ("20000", "政策文件", 12),
                                                (code, "政府信息公开年报", 5))]
        self.zwgk.dynamic["/openness/jsonTree/"] = lambda q: Page(json.dumps(
            tree if query_value(q, "branch_id") == branch else [], ensure_ascii=False).encode(), JSON)
        self.zwgk.dynamic["/opennessContent/"] = lambda q: self._catalogue(query_value(q, "branch_id"))
        items = []
        for year in range(2024, 2020, -1):
            title = f"{RESOURCES}{year}年政府信息公开工作年度报告"
            doc = object_id("content", RESOURCES, year)
            path = f"/openness/detail/content/{doc}.html"
            self.zwgk.pages[path] = self._detail(branch, RESOURCES, doc, title, year, "text")
            self.expected[self.url("zwgk", path)] = (RESOURCES, year)
            reading = f"/openness/detail/content/{object_id('reading', year)}.html"
            self.zwgk.pages[reading] = _page(f"解读：{title}", f"<h1>解读：{escape(title)}</h1><p>正文。</p>")
            items.append(
                f'<li><div class="m-listview"><ol><li>索引号：{doc[-8:]}/{year + 1}-00002</li><li>发布机构：'
                f'{RESOURCES}</li><li>生成日期：{year + 1}-01-15</li><li>文号：</li><li>名称：{escape(title)}</li>'
                f'</ol></div><span class="u-ls1">{doc[-8:]}</span><span class="u-ls2"><a href="{path}" '
                f'target="_blank">{escape(_cut(title))}</a><a href="{reading}" class="jd">[解读]</a></span>'
                f'<span class="u-ls4">{year + 1}-01-15</span></li>')

        def target(query: dict[str, list[str]]) -> Page:
            shown = items if query_value(query, "branch_id") == branch and query_value(query, "column_code") == code \
                else []
            page = max(1, int(query_value(query, "page") or 1))
            uri = f"/opennessTarget/?branch_id={branch}&column_code={code}"
            return _page("政府信息公开目录", (
                f'<div class="m-lsbody"><ul>{"".join(shown[(page - 1) * PER_PAGE:page * PER_PAGE])}</ul></div>'
                f'<div class="pagination">{_ipagination(uri, page, -(-len(shown) // PER_PAGE))}</div>'))

        self.zwgk.dynamic["/opennessTarget/"] = target
        return (f'<li><a href="/opennessContent/?branch_id={branch}" title="{RESOURCES}">市自然资源和规划局</a>'
                f'<span class="gk-link"><a href="opennessGuide/?branch_id={branch}">指南</a>'
                f'<a href="/opennessAnnualReport/?branch_id={branch}">年报</a></span></li>')

    def _catalogue(self, branch: str) -> Page:
        """``opennessContent``: a unit's 目录, its column tree drawn by script from ``jsonTree``."""
        return _page("政府信息公开目录", (
            '<div class="gk-tree"><ul id="tree" class="filetree"></ul></div><div class="m-lsbody"><ul></ul></div>'
            '<script src="/js/jquery.treeview.js"></script><script>$(function(){$("#tree").treeview({url:'
            f'"/openness/jsonTree/?branch_id={branch}&target=1"}})}});</script>'))

    def _education(self) -> None:
        """教育局 on its own host, the later edition's department pages: ``/BranchOpennessContent/showList/``."""
        branch, column, base = "10375", "330000", "/BranchOpennessContent"
        self.jyj.pages["/"] = _page(EDUCATION, (
            f'<div class="nav2"><a href="{base}/showList/{branch}/0/page_1.html">信息公开</a></div>'))
        self._later(self.jyj, "jyj", "", base, branch, column, EDUCATION, [2024, 2023], [])
        self.jyj.pages[f"{base}/showList/{branch}/0/page_1.html"] = _page(
            f"最新公开-{EDUCATION}", _later_nav(base, branch, column) + '<dl class="content-list"></dl>')

    def _county(self, sub: str, agency: str, folder: str, branch: str, column: str, years: list[int]) -> None:
        host = self.counties[sub]
        noise = [(1, f"{agency}2024年政府工作报告"), (3, f"{agency.removesuffix('人民政府')}2023年国民经济和社会发展统计公报")]
        path = self._later(host, sub, folder, f"{folder}/OpennessContent", branch, column, agency, years, noise)
        host.pages["/"] = _page(f"{agency}门户网站", f'<div class="nav2"><a href="{path}">政府信息公开年报</a></div>')

    def _later(self, host: Host, sub: str, folder: str, base: str, branch: str, column: str, agency: str,
               years: list[int], noise: list[tuple[int, str]]) -> str:
        """A column of the later edition under ``base``, ``LATER_PER_PAGE`` rows a page at ``page_<n>.html``, its
        documents ``<folder>/OpennessContent/show/<id>.html``; its first page."""
        rows = []
        for year in years:
            title = f"{agency}{year}年政府信息公开工作年度报告"
            path = f"{folder}/OpennessContent/show/{3000000 + int(branch) * 10 + year % 10}.html"
            host.pages[path] = Page(LOOK.article(title, agency, year))
            self.expected[self.url(sub, path)] = (agency, year)
            rows.append((path, title, f"{year + 1}-01-2{year % 10}"))
        for at, title in noise:
            path = f"{folder}/OpennessContent/show/{2900000 + at}.html"
            host.pages[path] = _page(title, f"<h1>{escape(title)}</h1><p>正文。</p>")
            rows.insert(at, (path, title, "2025-03-01"))
        pages = -(-len(rows) // LATER_PER_PAGE)
        for number in range(1, pages + 1):
            chunk = rows[(number - 1) * LATER_PER_PAGE:number * LATER_PER_PAGE]
            items = "".join(
                f'<dt><div class="cont-l"><div class="cont-tit"><a href="{p}" title="{escape(t)}" target="_blank">'
                f'{escape(_cut(t))}</a></div></div><span class="cont-time">{d}</span></dt>'
                + ('<dt class="sep"></dt>' if k == 4 else "") for k, (p, t, d) in enumerate(chunk))
            nxt = (f'<a class="default_pgBtn default_pgNext" href="{base}/showList/{branch}/{column}/page_{number + 1}'
                   '.html" title="下一页">下一页</a>' if number < pages else "")
            host.pages[f"{base}/showList/{branch}/{column}/page_{number}.html"] = _page(
                f"政府信息公开年报-{agency}", _later_nav(base, branch, column) +
                f'<dl class="content-list">{items}</dl><div class="default_pgContainer">'
                f'<span class="default_pgCurrentPage">{number}/{pages}</span>{nxt}</div>')
        return f"{base}/showList/{branch}/{column}/page_1.html"


    def _south(self) -> None:
        """皖南县 on TRS: its 目录 a shell whose column tree is a zTree literal of unquoted keys beside the page's
        ``channelid``; the 年报 column a shell whose rows its script asks of WAS5 (``/was5/web/search`` with
        ``classsql=chnlid=…``), answered as almost-JSON (single-quoted ``'###pypy###'``)."""
        host, docs = self.counties["wnx"], []
        for k, year in enumerate(SOUTH_YEARS):
            path = f"/zfxxgkzl/zfxxgkml/ndbg/{year + 1}01/t{year + 1}012{k}_{634700 + k}.htm"
            title = f"{SOUTH}{year}年政府信息公开工作年度报告"
            host.pages[path] = Page(LOOK.article(title, SOUTH, year))
            self.expected[self.url("wnx", path)] = (SOUTH, year)
            docs.append({"title": title, "title2": title, "url": self.url("wnx", path),
                         "chnldocurl": self.url("wnx", path), "time": f"{year + 1}-01-2{k}", "docid": str(634700 + k)})
        docs.insert(1, {"title": f"《{SOUTH}2023年政府信息公开工作年度报告》解读", "url": self.url("wnx", "/zfxxgkzl/zfxxgkml/"
                        "ndbg/202401/t20240125_634790.htm"), "time": "2024-01-25", "docid": "634790"})
        host.pages["/zfxxgkzl/zfxxgkml/ndbg/202401/t20240125_634790.htm"] = _page("解读", "<h1>解读</h1><p>正文。</p>")
        host.pages["/"] = _page(f"{SOUTH}门户网站", '<div class="nav2"><a href="/zfxxgkzl/zfxxgkml/">政府信息公开目录</a></div>')
        channel = f"<script>var channelid = {WAS5_CHANNEL};</script>"
        host.pages["/zfxxgkzl/zfxxgkml/"] = _page(f"政府信息公开目录-{SOUTH}", (
            f'{channel}<script>\nvar zNodes = [\n  {{ id: "9401", pId: "0", name: "主动公开基本目录", file: '
            f'"/zfxxgkzl/zfxxgkml/jgzn/" }},\n  {{ id: "9402", pId: "9401", name: "机构职能", t: "机构职能", file: '
            f'"/zfxxgkzl/zfxxgkml/jgzn/", c: "3" }},\n  {{ id: "{WAS5_COLUMN}", pId: "9401", name: "政府信息公开年报", '
            f't: "政府信息公开年报", file: "/zfxxgkzl/zfxxgkml/ndbg/", c: "{len(docs)}" }}\n];\n</script>'
            '<ul id="gkTree" class="ztree"></ul><script>$.fn.zTree.init($("#gkTree"), setting, zNodes);</script>'))
        for folder, column in (("jgzn", "9402"), ("ndbg", WAS5_COLUMN)):
            host.pages[f"/zfxxgkzl/zfxxgkml/{folder}/"] = _page(f"政府信息公开目录-{SOUTH}", (
                f'{channel}<script>var chnlid = "{column}";</script><div class="xxgk_list" ms-controller="gkList"><ul>'
                '<li ms-for="el in @docs"><a ms-attr="{href: el.url, title: el.title}">{{el.title}}</a>'
                '<span>{{el.time}}</span></li></ul></div><script>var vm = avalon.define({$id: "gkList", docs: []});'
                'function load(page) {$.ajax({url: "/was5/web/search?channelid=" + channelid + "&templet=docs.jsp'
                '&sortfield=-docorderpri%2C-docreltime&classsql=chnlid%3D" + chnlid + "&prepage=15&page=" + page, '
                'dataType: "text", success: function (t) {vm.docs = eval("(" + t + ")").docs;}});}load(1);</script>'))
        host.dynamic["/was5/web/search"] = lambda q: _was5(q, docs)


def _was5(query: dict[str, list[str]], docs: list[dict]) -> Page:
    """TRS WAS5's docs.jsp answer: the column's documents as almost-JSON, ``prepage`` a page."""
    shown = docs if query_value(query, "classsql").replace(" ", "") == f"chnlid={WAS5_COLUMN}" else []
    size, page = int(query_value(query, "prepage") or 10), max(1, int(query_value(query, "page") or 1))
    rows = ",\n".join("{\n" + ",\n".join(f'"{k}":{json.dumps(v, ensure_ascii=False)}' for k, v in doc.items()) + "\n}"
                      for doc in shown[(page - 1) * size:page * size])
    return Page((f'{{"count":"{len(shown)}","chnlname":"皖南县","pagenum":"{-(-len(shown) // size)}",\n'
                 f'"searchtime":"0.01",\n"py":\'###pypy###\',\n"dy":\'###dydy###\',\n"docs":[\n{rows}\n]}}\n').encode(),
                "text/html; charset=utf-8")


def _later_nav(base: str, branch: str, column: str) -> str:
    """The later edition's column menu: 指南, 制度, 法定主动公开内容 and 年报 by code."""
    return ('<div class="xxgk-menu"><ul>' + "".join(
        f'<li><a href="{base}/showList/{branch}/{code}/page_1.html">{name}</a></li>'
        for code, name in (("310000", "政府信息公开指南"), ("320000", "政府信息公开制度"), ("340000", "法定主动公开内容"),
                           (column, "政府信息公开年报"))) + "</ul></div>")


def _ipagination(uri: str, page: int, pages: int) -> str:
    """The platform's pager of ``uri`` (rewrite off, density 1): 下一页/上一页 first, 'page / pages', the near pages,
    尾页 (``&page=N`` appended to the request's URI)."""
    if pages <= 1:
        return ""
    links = f"<span class='currentpage'>{page} / {pages}</span>"
    for number in range(max(1, page - 1), min(pages, page + 1) + 1):
        links += (f"<span class='currentpage'>{number}</span>" if number == page else
                  f"<a href='{uri}&page={number}'><span class='page'>{number}</span></a>")
    if page + 1 < pages:
        links += f"<span>....</span> <a href='{uri}&page={pages}'><span class='page'>尾页</span></a>"
    step = [f'<a href="{uri}&page={page - 1}"><span class="page">上一页</span></a>'] if page > 1 else []
    step += [f'<a href="{uri}&page={page + 1}"><span class="page">下一页</span></a>'] if page < pages else []
    return "".join(step) + links
