"""A thirtieth portal, 沧澜市, under host names (``canglan.gov.cn``) on one server told apart by the Host header: a city on
Hanweb's (大汉) JPaaS 集约化 platform as real cities of 浙江, 江苏, 山东 and 甘肃 and the State Council's ministries run it,
its habits reproduced as public crawlers of those sites found them, for crawls over real HTTP. The names (and the
province's, ``lanjiang.gov.cn``) resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

Evidence (public repositories, read through the tool library; quoted as found):

| site / platform | habit | evidence |
| --- | --- | --- |
| 浙江 fzggw.zj.gov.cn, hbj.huzhou.gov.cn, www.xiaoshan.gov.cn, ggzyjy-eweb.wenzhou.gov.cn; 江苏 czj.yangzhou.gov.cn, 泰州 sites; 山东 gtj.yantai.gov.cn; 甘肃 www.linxia.gov.cn; mohurd, miit, mofcom, samr | a column page ``/col/col<pageId>/index.html`` holds no list: ``<script src="…/AuthorizedRead/unitbuild.js" url="/api-gateway/jpaas-publish-server/front/page/build/unit" queryData="{'webId':…,'pageId':…,'tplSetId':…,'tagId':…}">`` (single-quoted JSON in an attribute); the script GETs the URL with queryData as the query | policy_collector EXPANSION.md and collector.py (``extract_unitbuild_spec``), DIYgod/RSSHub mohurd route (``script[src*="unitbuild.js"]``, ``attr('querydata')``), a 泰州 crawler (``QUERY_DATA_RE``, ``JPAAS_API_PATH``) |
| same | the answer is ``{"success": true, "code": "200", "data": {"html": "<ul>…</ul>"}}``: the list as an HTML fragment, each item ``<a href="/art/…" title="whole title">cut…</a><span>2026-07-28</span>``, and ``<div class="pagination" rows="24" count="48" pageNo="1"></div>``: no page link | the 泰州 crawler (``div.pagination`` ``rows``/``count``), a miit test fixture, a mofcom probe (``rows=15``, ``count=8242``) |
| same | later pages: the same query plus ``paramJson={"pageNo":2,"pageSize":15}``; ``parseType=bulidstatic`` (sic) | hhtz.gov.cn, xiaoshan, zhoushan, miit, mofcom, wenzhou configs (``paramJson=%7B%22pageNo%22%3A{page}…``) |
| same | ``pageId`` is the column's id: ``col1229696276`` ↔ ``pageId=1229696276``; articles ``/art/<y>/<m>/<d>/art_<col>_<id>.html`` | wenzhou notes, zjzs.net and iachina notes |
| 浙江 sites' unitbuild.js source (published in two public repositories) | a 信息公开 catalogue is one page for all its nodes, told apart by its own query ``?number=<xxgkId>`` (or ``?combination=``); with ``'unitType':'ajax-xxgk'`` in queryData the builder adds ``paramJson={"pageNo":1,"pageSize":5,"search":"{\\"xxgkId\\":…,\\"className\\":\\"\\"}"}``; 湖州 departments' lists so asked (``xxgkType: xxgk_combination``, ``nodeId``) | the script's text (``getUrlParam('number')``), huzhou crawler configs |
| 甘肃 www.linxia.gov.cn | departments' 信息公开 on the city's host, ``/lxz/zwgk/bmxxgkpt/<dept>/fdzdgknr/<column>/index.html`` (部门信息公开平台 → 法定主动公开内容 → column) | a linxia cost-info adapter (``LINXIA_LIST_URL``) |
| 浙江 xiaoshan | a report's file on the province's cloud storage, another registrable domain (``zjjcmspublicnew.oss-cn-hangzhou-zwynet-d01-a.internet.cloud.zj.gov.cn``) | a xiaoshan config (``allowedHosts``) |
| 浙江 ggzyjy-eweb.wenzhou.gov.cn | an article showing its PDF in a viewer, the file's address only in ``#pdfshow[data-value]`` | a wenzhou adapter's notes (``详情页再从 #pdfshow[data-value] 下载官方公告 PDF``) |
| nrta, 山东 edu, 济宁 hrss, zjzs.net | an attachment ``/module/download/downfile.jsp?classid=0&showname=<name>.pdf&filename=<hash>.pdf``, the link's text the file's name | their linked URLs |
| all | no cookie, referer or POST needed: plain GET (the collectors send only a User-Agent) | the collectors above |

The portal:

- ``www.``: the home page's 政务公开 links the city's 政务公开 page (``/col/col1229000001/index.html``): 政府信息公开
  (the city's 目录, ``/col/col1229000002/index.html``, linking 政府信息公开年报 ``/col/col1229000010/index.html``) and
  部门信息公开 (``/clz/zwgk/bmxxgkpt/index.html``, the departments by name); 区县 links the counties' hosts;
- the city's 年报 column and each department's (``/clz/zwgk/bmxxgkpt/<dept>/xxgknb/index.html``) are JPaaS columns as
  above, five a page; each department's its own ``pageId``; titles cut short in the text, whole in ``title``;
- reports as articles, a few as a ``downfile.jsp`` attachment, a few as a PDF on the province's storage host
  (``jcmspublic.oss-cn-lanjiang-zwynet-d01-a.internet.cloud.lanjiang.gov.cn``), linked or shown by pdf.js from
  ``<div id="pdfshow" data-value="…">`` (经信局, 住建局);
- 沧澜县 (``clx.``) and 澜西区 (``lxq.``): the same platform under their own hosts (their own ``webId``); 澜西区's
  年报 a node of its 信息公开 catalogue page (``/col/col1229400010/index.html?number=A0012``, ``unitType`` ajax-xxgk),
  沧澜县's of the older builder's (``?combination=A0012``, any unit); each unit answers without the node's search the
  指南 node (an assumption: the evidence shows the script, not the
  answer to a request without it);
- decoys: a 统计公报 and a 政府工作报告 in the city's column, a 部门预算 in 财政局's, a 企业年度报告公示 notice in 商务局's,
  a 年报 解读 in 沧澜县's.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import quote

from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from tests.crawler import portal_o
from tests.crawler.portal import JSON, SCRIPT, Host, Look, Page
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_s import PDF
from tests.crawler.portal_u import query_value

DOMAIN = "canglan.gov.cn"
PROVINCE = "lanjiang.gov.cn"
STORAGE = f"jcmspublic.oss-cn-lanjiang-zwynet-d01-a.internet.cloud.{PROVINCE}"
CITY = "沧澜市人民政府"
LOOK = Look('<a href="/">首页</a><a href="/col/col1229000001/index.html">政务公开</a>', seed=131, day=1)
PER_PAGE = 5
UNIT_API = "/api-gateway/jpaas-publish-server/front/page/build/unit"
CUT = 14   # characters of a title a list prints before its ellipsis

# The departments on the city's 部门信息公开平台: (folder, name, column id, years reported, how each year is delivered:
# "art" an article, "file" a downfile.jsp attachment, "oss" a PDF on the province's storage, "view" that PDF shown
# by the article's viewer, its address only in ``<div id="pdfshow" data-value="…">``).
DEPARTMENTS = [
    ("fgw", "沧澜市发展和改革委员会", 1229010101, {2024: "art", 2023: "art"}),
    ("jyj", "沧澜市教育局", 1229010102, {2024: "art"}),
    ("kjj", "沧澜市科学技术局", 1229010103, {2024: "file"}),
    ("jxj", "沧澜市经济和信息化局", 1229010104, {2024: "view"}),
    ("mzj", "沧澜市民政局", 1229010105, {2024: "oss"}),
    ("sfj", "沧澜市司法局", 1229010106, {2024: "art"}),
    ("czj", "沧澜市财政局", 1229010107, {2024: "art", 2023: "file"}),
    ("rsj", "沧澜市人力资源和社会保障局", 1229010108, {2024: "art"}),
    ("zrzyj", "沧澜市自然资源和规划局", 1229010109, {2024: "art"}),
    ("sthjj", "沧澜市生态环境局", 1229010110, {2024: "oss"}),
    ("zjj", "沧澜市住房和城乡建设局", 1229010111, {2024: "view"}),
    ("jtysj", "沧澜市交通运输局", 1229010112, {2024: "art"}),
    ("slj", "沧澜市水利局", 1229010113, {2024: "file"}),
    ("nyncj", "沧澜市农业农村局", 1229010114, {2024: "art"}),
    ("swj", "沧澜市商务局", 1229010115, {2024: "art"}),
    ("wjw", "沧澜市卫生健康委员会", 1229010116, {2024: "art", 2023: "art"}),
]
CITY_YEARS = {2024: "art", 2023: "art", 2022: "oss", 2021: "art", 2020: "file", 2019: "art"}
COUNTIES = [("clx", "沧澜县人民政府", "沧澜县", 1229300010, "3001", {2024: "art", 2023: "art", 2022: "file"}),
            ("lxq", "澜西区人民政府", "澜西区", 1229400010, "3002", {2024: "art", 2023: "oss", 2022: "art"})]
GUIDE_NODE, ANNUAL_NODE = "A0001", "A0012"   # the counties' catalogue nodes (xxgkId): 政府信息公开指南, 政府信息公开年报
AGENCIES = [CITY, *(name for _, name, _, _ in DEPARTMENTS), *(name for _, name, _, _, _, _ in COUNTIES)]

# Hanweb's unit builder as a column page loads it: it reads its own tag's url and queryData, asks the API and draws the
# fragment, its pager from the fragment's pagination rows/count (a shortened stand-in of the published source).
_UNITBUILD = (
    "(function(){var s=document.currentScript,u=s.getAttribute('url'),"
    "q=JSON.parse(s.getAttribute('queryData').replace(/'/g,'\"'));"
    "function load(n){var d=$.extend({},q);if(n>1){d.paramJson=JSON.stringify({pageNo:n,pageSize:r})}"
    "$.get(u,d,function(res){if(res.success){$(s).before(res.data.html);pager()}})}var r=15;load(1)})();")


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 沧澜市's names and the province's are 127.0.0.1, any other name is refused."""

    domain = DOMAIN

    def getHostByName(self, host: str, timeout=()) -> defer.Deferred:  # noqa: N802 (Twisted's interface)
        if any(host == d or host.endswith("." + d) for d in (DOMAIN, PROVINCE)):
            return defer.succeed("127.0.0.1")
        return defer.fail(DNSLookupError(f"{host} is no name of the portal under test"))


def _page(title: str, body: str) -> Page:
    return Page(LOOK.html(title, body))


class PortalAD(OneServerPortal):
    """The hosts of 沧澜市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.storage = Host(), Host()
        # host → pageId → webId, tplSetId, items by catalogue node ("" for a plain column)
        self.columns: dict[str, dict[str, tuple[str, str, dict[str, list]]]] = {}
        self.counties = {sub: Host() for sub, *_ in COUNTIES}
        self.serve({"www": self.www, **self.counties})
        self.server.host.hosts[STORAGE] = self.storage
        self.base = self.url("www", "/")
        self._home()
        city_column = self._column(self.www, "www", "2243", 1229000010, CITY, CITY_YEARS, [
            (1, "沧澜市2023年国民经济和社会发展统计公报"), (4, f"{CITY}2024年政府工作报告")])
        self.www.pages["/col/col1229000002/index.html"] = _page(f"政府信息公开-{CITY}", (
            '<ul class="xxgk-ml"><li><a href="/col/col1229000003/index.html">政府信息公开指南</a></li>'
            '<li><a href="/col/col1229000004/index.html">政府信息公开制度</a></li>'
            '<li><a href="/col/col1229000005/index.html">法定主动公开内容</a></li>'
            f'<li><a href="{city_column}">政府信息公开年报</a></li></ul>'))
        self._departments()
        self._counties()

    def storage_url(self, path: str) -> str:
        return f"http://{STORAGE}:{self.port}{path}"

    def _home(self) -> None:
        counties = "".join(f'<li><a href="{self.url(sub, "/")}">{short}</a></li>' for sub, _, short, *_ in COUNTIES)
        self.www.pages["/"] = _page(f"{CITY}门户网站", (
            '<div class="nav2"><a href="/col/col1229000001/index.html">政务公开</a><a href="/col/col1229000020/index.html">'
            f'新闻中心</a></div><div class="links"><h3>区县</h3><ul>{counties}</ul></div>'))
        self.www.pages["/col/col1229000020/index.html"] = _page("新闻中心", "<ul></ul>")
        self.www.pages["/col/col1229000001/index.html"] = _page(f"政务公开-{CITY}", (
            '<div class="zwgk"><a href="/col/col1229000002/index.html">政府信息公开</a>'
            '<a href="/clz/zwgk/bmxxgkpt/index.html">部门信息公开</a></div>'))

    def _departments(self) -> None:
        """The 部门信息公开平台: each department's 信息公开 home on the city's host, its 年报 a JPaaS column."""
        units = []
        for folder, agency, column, years in DEPARTMENTS:
            home = f"/clz/zwgk/bmxxgkpt/{folder}/index.html"
            units.append((home, agency.removeprefix("沧澜市")))
            noise = {"czj": [(0, f"{agency}2024年部门预算")],
                     "swj": [(0, "关于开展2023年度企业年度报告公示工作的通知")]}.get(folder, [])
            path = self._column(self.www, "www", "2243", column, agency, years, noise,
                                f"/clz/zwgk/bmxxgkpt/{folder}/xxgknb/index.html")
            self.www.pages[home] = _page(f"{agency}信息公开", (
                f'<h1>{agency}</h1><ul class="xxgk-ml"><li><a href="/clz/zwgk/bmxxgkpt/{folder}/fdzdgknr/index.html">'
                f'法定主动公开内容</a></li><li><a href="{path}">信息公开年报</a></li></ul>'))
        self.www.pages["/clz/zwgk/bmxxgkpt/index.html"] = _page(f"部门信息公开-{CITY}",
                                                                f'<ul class="bm">{list_items(units)}</ul>')

    def _counties(self) -> None:
        for sub, agency, short, column, web_id, years in COUNTIES:
            host = self.counties[sub]
            noise = [(1, f"图解：{short}2023年政府信息公开工作年度报告")] if sub == "clx" else []
            # its 信息公开 catalogue: one page, each node told apart by its query (the node's xxgkId): ?number= for
            # the newer builder, ?combination= for the older
            key = {"lxq": "number", "clx": "combination"}[sub]
            path = self._column(host, sub, web_id, column, agency, years, noise, catalogue=(key, ANNUAL_NODE))
            guide = f"{path.split('?')[0]}?{key}={GUIDE_NODE}"
            host.pages["/col/col1/index.html"] = _page(f"政府信息公开-{agency}", (
                f'<ul class="xxgk-ml"><li><a href="{guide}">政府信息公开指南</a></li>'
                f'<li><a href="{path}">政府信息公开年报</a></li></ul>'))
            host.pages["/"] = _page(f"{agency}门户网站", '<div class="nav2"><a href="/col/col1/index.html">政府信息公开</a></div>')

    def _column(self, host: Host, sub: str, web_id: str, column: int, agency: str, years: dict[int, str],
                noise: list[tuple[int, str]], path: str = "", catalogue: tuple[str, str] = ("", "")) -> str:
        """A JPaaS column of ``agency``'s reports (newest first) with ``noise`` at its indices; the address its
        page is linked at. A ``catalogue`` column is the node of that xxgkId on a 信息公开 catalogue page, whose
        unit answers without a search its guide node's items: (the page query's key, the node)."""
        path = path or f"/col/col{column}/index.html"
        items = []
        for k, (year, way) in enumerate(sorted(years.items(), reverse=True)):
            title = f"{agency}{year}年政府信息公开工作年度报告"
            items.append((self._report(host, sub, column, k, year, way, title, agency), title, f"{year + 1}-01-2{k}"))
        for at, title in noise:
            article = f"/art/2025/3/{at + 1}/art_{column}_{column % 100000 * 100 + 90 + at}.html"
            host.pages[article] = _page(title, f"<h1>{escape(title)}</h1><p>正文。</p>")
            items.insert(at, (article, title, f"2025-03-0{at + 1}"))
        tpl_set = f"Tpl{web_id}qSyqDUrFfjv1nGRQ"
        query = {"parseType": "bulidstatic", "webId": web_id, "tplSetId": tpl_set, "pageType": "column",
                 "tagId": "当前栏目list", "editType": "null", "pageId": str(column),
                 **({"unitType": "ajax-xxgk"} if catalogue[0] == "number" else {})}
        attribute = json.dumps(query, ensure_ascii=False, separators=(",", ":")).replace('"', "'")
        host.pages[path] = _page(f"政府信息公开年报-{agency}", (
            f'<div class="bt-position">当前位置：<a href="/">首页</a> &gt; 政府信息公开年报</div><div class="main-list">'
            f'<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>'
            f'<script src="/AuthorizedRead/unitbuild.js" url="{UNIT_API}" queryData="{attribute}"></script></div>'))
        host.pages["/module/jslib/jquery/jquery.js"] = Page(b"/*! jQuery v1.12.4 */", SCRIPT)
        host.pages["/AuthorizedRead/unitbuild.js"] = Page(_UNITBUILD.encode(), SCRIPT)
        columns = self.columns.setdefault(sub, {})
        nodes = {catalogue[1]: items}
        if catalogue[1]:
            guide = f"/art/2024/1/5/art_{column}_{column % 100000 * 100 + 80}.html"
            host.pages[guide] = _page(f"{agency}政府信息公开指南", "<h1>政府信息公开指南</h1><p>正文。</p>")
            nodes[""] = [(guide, f"{agency}政府信息公开指南", "2024-01-05")]
        columns[str(column)] = (web_id, tpl_set, nodes)
        host.dynamic[UNIT_API] = lambda q, c=columns: self._unit(q, c)
        return f"{path}?{catalogue[0]}={catalogue[1]}" if catalogue[1] else path

    def _report(self, host: Host, sub: str, column: int, k: int, year: int, way: str, title: str, agency: str) -> str:
        """``agency``'s report for ``year`` delivered ``way``, expected; the address its list links."""
        article = f"/art/{year + 1}/1/2{k}/art_{column}_{column % 100000 * 100 + k}.html"
        if way == "art":
            host.pages[article] = Page(LOOK.article(title, agency, year))
            self.expected[self.url(sub, article)] = (agency, year)
            return article
        if way == "file":
            stored = f"{column}{k:02d}a9f3c0e1d2b4.pdf"
            file = f"/module/download/downfile.jsp?classid=0&showname={quote(title)}.pdf&filename={stored}"
            host.pages[f"/module/download/downfile.jsp?filename={stored}"] = Page(PDF, "application/octet-stream")
            host.dynamic.setdefault("/module/download/downfile.jsp", lambda q, h=host: h.pages.get(
                f"/module/download/downfile.jsp?filename={query_value(q, 'filename')}", Page(b"<h1>404</h1>", status=404)))
            self.expected[self.url(sub, file)] = (agency, year)
        else:
            file = f"/jcms_files/jcms1/web{column % 10000}/site/attach/0/{column}{k:02d}b7e8f9.pdf"
            self.storage.pages[file] = Page(PDF, "application/pdf")
            file = self.storage_url(file)
            self.expected[file] = (agency, year)
        if way == "view":
            host.pages[article] = _page(title, (
                f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{year + 1}-01-2{k}　信息来源：'
                f'{escape(agency)}</div><div class="content"><div id="pdfshow" data-value="{escape(file)}"></div></div>'
                '<script src="/module/jslib/pdfjs/build/pdf.js"></script>'
                "<script>pdfjsLib.getDocument($('#pdfshow').attr('data-value')).promise.then(render);</script></div>"))
            return article
        host.pages[article] = _page(title, (
            f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{year + 1}-01-2{k}　信息来源：'
            f'{escape(agency)}</div><div class="content"><p>{escape(title)}详见附件。</p></div><div class="fj">附件：'
            f'<a href="{escape(file)}">{escape(title)}.pdf</a></div></div>'))
        return article

    @staticmethod
    def _unit(query: dict[str, list[str]], columns: dict[str, tuple[str, str, dict[str, list]]]) -> Page:
        """The JPaaS unit API: the column's list as an HTML fragment in JSON, paged by ``paramJson``'s pageNo."""
        column = columns.get(query_value(query, "pageId") or "")
        if (column is None or query_value(query, "webId") != column[0] or query_value(query, "tplSetId") != column[1]
                or query_value(query, "parseType") not in ("bulidstatic", "buildstatic")):
            return Page(json.dumps({"success": False, "code": "500", "message": "参数错误", "data": None},
                                   ensure_ascii=False).encode(), JSON)
        paging = json.loads(query_value(query, "paramJson") or "{}")
        number, size = int(paging.get("pageNo", 1)), int(paging.get("pageSize", PER_PAGE))
        node = json.loads(paging.get("search") or "{}").get("xxgkId", "")
        items = column[2].get(node, column[2][""])
        rows = "".join(
            f'<li class="clearfix"><a href="{href}" title="{escape(title)}" target="_blank">'
            f'{escape(title[:CUT] + "…" if len(title) > CUT else title)}</a><span class="bt-right">{date}</span></li>'
            for href, title, date in items[(number - 1) * size:number * size])
        fragment = (f'<div class="page-content"><ul>{rows}</ul></div>'
                    f'<div class="pagination" rows="{size}" count="{len(items)}" pageNo="{number}"></div>')
        return Page(json.dumps({"success": True, "code": "200", "message": "操作成功", "data": {"html": fragment}},
                               ensure_ascii=False).encode(), JSON)
