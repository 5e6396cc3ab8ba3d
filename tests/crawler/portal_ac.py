"""A twenty-ninth municipal portal, 西川市, under host names (``xichuan.gov.cn``) on one server told apart by the Host
header: CMS families of real government sites that no other portal serves, each as its family publishes, for crawls
over real HTTP. The names resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

- ``www.``: the home page links 政府信息公开 and lists the departments' sites and the county's under 部门网站 / 县区;
  the city's 政府信息公开年报 column is a plain list;
- 市发展和改革委员会 (``fgw.``), on 开普云's (Ucap) provincial intensive platform: the column
  ``/xcsfgw/ndbg/pc/list.html`` is drawn by its script from ``POST /queryList`` (``current``, ``pageSize``,
  ``webSiteCode``, ``channelCode``), answered ``{"data": {"page", "rows", "total", "results": [{"id", "source":
  {"title", "pubDate", "urls", "articleFiles"}}]}}`` where ``urls`` is itself JSON in a string
  (``"{\\"pc\\":\\"/xcsfgw/ndbg/pc/content/content_….html\\"}"``), as is ``articleFiles``; articles at
  ``…/pc/content/content_<id>.html``, two years' reports only as the article's PDF under ``/doc/ucap/…/document/…``;
- 市教育局 (``jyj.``), on Jeecms: ``/xxgk/ndbg/index.jhtml`` paged ``index_2.jhtml``, ``index_3.jhtml`` (页次：1/3),
  articles ``/xxgk/ndbg/<id>.jhtml``; two years' reports only as an attachment whose link has no address until
  ``Cms.attachment("", "<id>", "1", "attach")`` asks ``/attachment_url.jspx?cid=<id>&n=1`` for the keys it appends
  (``["&t=…&k=…"]``) and writes ``/attachment.jspx?cid=<id>&i=0&t=…&k=…`` into ``<a id="attach0">``; the servlet
  answers the file with its name in ``Content-Disposition``;
- 市卫生健康委员会 (``wjw.``), on Hanweb's 信息公开 module: the catalogue ``/col/col1229417/index.html`` holds an
  empty ``<div id="div1229417">`` its script fills from ``POST /module/xxgk/search.jsp`` (``divid``, ``infotypeId``,
  ``jdid``, ``area``, ``currpage``), answered as the module's table (``tr_main_value_odd``/``_even`` rows, 共2页) whose
  pager calls the loader again; articles ``/art/<y>/<m>/<d>/art_1229417_<id>.html``;
- 西川县 (``xcx.``), WordPress without pretty permalinks: ``/?cat=7`` paged ``/?cat=7&paged=2``, posts ``/?p=<id>``;
- decoys: a 统计公报 and a 年度工作报告 in the city's list, a 部门预算 in 发改委's answers, a 统计年报 attachment in
  教育局's, a 企业年度报告公示 notice in 卫健委's table, a 社会组织年报 notice in the county's category.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import quote

from tests.crawler import portal_o
from tests.crawler.portal import JSON, SCRIPT, Host, Page
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_s import LOOK, PDF, PortalS
from tests.crawler.portal_u import NOT_FOUND, query_value

DOMAIN = "xichuan.gov.cn"
CITY = "西川市人民政府"
DEVELOPMENT = "西川市发展和改革委员会"
EDUCATION = "西川市教育局"
HEALTH = "西川市卫生健康委员会"
COUNTY = "西川县人民政府"
YEARS = range(2024, 2018, -1)
UCAP_PAGE_SIZE = 5
XXGK_PER_PAGE = 4
WORDPRESS_PER_PAGE = 3

# Ucap's column script: the list drawn from the platform's queryList answer, the article's address the "pc" entry of
# the JSON its "urls" string holds.
_UCAP_LIST = (
    "var webSiteCode = 'xcsfgw', channelCode = 'ndbg', pageSize = 5;\n"
    "function getList(current) {\n"
    "  $.ajax({url: '/queryList', type: 'POST', dataType: 'json',\n"
    "    data: {current: current, pageSize: pageSize, webSiteCode: webSiteCode, channelCode: channelCode},\n"
    "    success: function (res) {\n"
    "      var html = '';\n"
    "      $.each(res.data.results, function (i, item) {\n"
    "        var urls = JSON.parse(item.source.urls);\n"
    "        html += '<li><a href=\"' + urls.pc + '\" target=\"_blank\">' + item.source.title + '</a><span>' +\n"
    "          item.source.pubDate.substring(0, 10) + '</span></li>';\n"
    "      });\n"
    "      $('#list').html(html);\n"
    "      pager(res.data.total, pageSize, current);\n"
    "    }});\n"
    "}\n"
    "$(function () { getList(1); });\n")

# Jeecms's front.js: an attachment's address is written by script, from keys the server gives per content.
_JEECMS_FRONT = (
    "var Cms = {};\n"
    "Cms.attachment = function (base, contentId, n, prefix) {\n"
    "  $.get(base + '/attachment_url.jspx', {cid: contentId, n: n}, function (data) {\n"
    "    for (var i = 0; i < n; i++) {\n"
    "      $('#' + prefix + i).attr('href', base + '/attachment.jspx?cid=' + contentId + '&i=' + i + data[i]);\n"
    "    }\n"
    "  }, 'json');\n"
    "};\n")

# The 信息公开 module's loader: the catalogue's table posted into its div, its pager calling the loader again.
_XXGK_LOADER = (
    "function loadXxgk(page) {\n"
    "  $.ajax({url: '/module/xxgk/search.jsp', type: 'post',\n"
    "    data: {divid: 'div1229417', infotypeId: 'B0105', jdid: '3', area: '002482411', sortfield: ',compaltedate:0',\n"
    "           currpage: page},\n"
    "    success: function (d) { $('#div1229417').html(d); }});\n"
    "}\n"
    "$(function () { loadXxgk(1); });\n")


def serve_jeecms_attachments(host: Host, keys: dict[str, tuple[str, str]]) -> None:
    """Jeecms's attachment servlets on ``host``: ``/attachment_url.jspx?cid=…`` answering the keys of a content's
    attachment (``keys``: content id → (its key, its file's name)), ``/attachment.jspx`` the file, with its key only."""
    def attachment_url(query: dict[str, list[str]]) -> Page:
        cid = query_value(query, "cid")
        return Page(json.dumps([keys[cid][0]] if cid in keys else []).encode(), JSON)

    def attachment(query: dict[str, list[str]]) -> Page:
        cid = query_value(query, "cid")
        if cid not in keys or f"&t={query_value(query, 't')}&k={query_value(query, 'k')}" != keys[cid][0]:
            return NOT_FOUND
        return Page(PDF, "application/octet-stream", headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(keys[cid][1])}"})

    host.dynamic["/attachment_url.jspx"] = attachment_url
    host.dynamic["/attachment.jspx"] = attachment


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 西川市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


class PortalAC(OneServerPortal):
    """The hosts of 西川市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.www, self.fgw, self.jyj, self.wjw, self.county = (Host() for _ in range(5))
        self.serve({"www": self.www, "fgw": self.fgw, "jyj": self.jyj, "wjw": self.wjw, "xcx": self.county})
        self.base = self.url("www", "/")
        self.home(LOOK, CITY, "/xxgk/index.html", county=("xcx", "西川县"), departments=[
            ("fgw", "/", "市发展和改革委员会"), ("jyj", "/", "市教育局"), ("wjw", "/", "市卫生健康委员会")])
        self._city()
        self._ucap()
        self._jeecms()
        self._xxgk_module()
        self._wordpress()

    _report, _noise = PortalS._report, staticmethod(PortalS._noise)

    def _city(self) -> None:
        """The city's column: a plain list."""
        self.www.pages["/xxgk/index.html"] = Page(LOOK.html(f"{CITY}政府信息公开", (
            '<ul class="ml"><li><a href="/xxgk/zn/index.html">政府信息公开指南</a></li>'
            '<li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul>')))
        items = []
        for year in YEARS:
            path = f"/xxgk/ndbg/{year + 1}01/t{year + 1}0118_{5100 + year}.html"
            items.append((path, self._report(self.www, "www", path, CITY, year)))
        for at, path, title in ((1, "/xxgk/ndbg/202402/t20240205_9901.html", f"{CITY}2023年度工作报告"),
                                (4, "/xxgk/ndbg/202403/t20240301_9902.html", "西川市2023年国民经济和社会发展统计公报")):
            items.insert(at, (path, self._noise(self.www, path, title)))
        self.www.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html(f"政府信息公开年报-{CITY}",
                                                                 f'<ul class="list">{list_items(items)}</ul>'))

    def _ucap(self) -> None:
        """发改委 on 开普云's platform: the column drawn from ``POST /queryList``, each address JSON in a string."""
        agency, site_id = DEVELOPMENT, "1749973237782081536"
        results = []
        for k, year in enumerate(YEARS):
            key = str(2062796646723690496 - k * 1000)
            article = f"/xcsfgw/ndbg/pc/content/content_{key}.html"
            title = f"{agency}{year}年政府信息公开工作年度报告"
            files = []
            if year in (2020, 2022):   # the report only as the article's PDF
                pdf = f"/doc/ucap/{site_id}/document/{year + 1}0120/Ab{k}Cd{year}.pdf"
                self._report(self.fgw, "fgw", pdf, agency, year)
                files = [{"fileName": f"{title}.pdf", "url": pdf, "fileId": f"{key}01"}]
                self.fgw.pages[article] = Page(LOOK.html(title, (
                    f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{year + 1}-01-20　'
                    f'来源：{agency}</div><div class="content"><p>详见附件。</p></div><div class="fj">附件：'
                    f'<a href="{pdf}" target="_blank">{escape(title)}.pdf</a></div></div>')))
            else:
                self._report(self.fgw, "fgw", article, agency, year)
            results.append(self._ucap_result(key, title, article, f"{year + 1}-01-20 09:30", files))
        decoy = "/xcsfgw/ndbg/pc/content/content_2062796646723699999.html"
        results.insert(2, self._ucap_result("2062796646723699999", self._noise(self.fgw, decoy, f"{agency}2024年部门预算"),
                                            decoy, "2024-02-01 10:00", []))
        self.fgw.pages["/"] = Page(LOOK.html(agency, '<a href="/xcsfgw/ndbg/pc/list.html">政府信息公开年报</a>'))
        self.fgw.pages["/xcsfgw/ndbg/pc/list.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            '<ul class="list" id="list"></ul><div id="pager"></div>'
            '<script src="/js/jquery.min.js"></script><script src="/js/pager.js"></script>'
            f"<script>{_UCAP_LIST}</script>")))
        self.fgw.pages["/js/jquery.min.js"] = Page(b"/*! jQuery v3.6.0 */", SCRIPT)
        self.fgw.pages["/js/pager.js"] = Page(b"function pager(total, size, current) {}", SCRIPT)

        def query_list(query: dict[str, list[str]], form: dict[str, object]) -> Page:
            if query_value(form, "webSiteCode") != "xcsfgw" or query_value(form, "channelCode") != "ndbg":
                return Page(json.dumps({"code": 500, "msg": "参数错误"}).encode(), JSON)
            current = int(query_value(form, "current") or 1)
            size = int(query_value(form, "pageSize") or UCAP_PAGE_SIZE)
            page = results[(current - 1) * size:current * size]
            return Page(json.dumps({"code": 200, "data": {"page": current, "rows": size, "total": len(results),
                                                          "results": page}}, ensure_ascii=False).encode(), JSON)

        self.fgw.posted["/queryList"] = query_list

    @staticmethod
    def _ucap_result(key: str, title: str, article: str, published: str, files: list[dict]) -> dict:
        """One record of Ucap's queryList answer, its addresses JSON in strings as the platform writes them."""
        return {"id": key, "source": {
            "id": key, "title": title, "pubDate": published, "contentSource": DEVELOPMENT,
            "urls": json.dumps({"pc": article}), "articleFiles": json.dumps(files, ensure_ascii=False)}}

    def _jeecms(self) -> None:
        """教育局 on Jeecms: ``index_N.jhtml`` pages, two reports only as attachments whose address a script writes."""
        agency = EDUCATION
        items, keys = [], {}
        entries = [(year, f"{agency}{year}年政府信息公开工作年度报告") for year in YEARS]
        entries.insert(3, (0, "西川市2023年教育事业统计年报"))
        for k, (year, title) in enumerate(entries):
            cid = str(48377 - k * 7)
            article = f"/xxgk/ndbg/{cid}.jhtml"
            if year in (2019, 2021) or not year:   # the file is all there is: its link's address written by script
                keys[cid] = (f"&t=16257969900{k:02d}&k=e005329f67432b84c4efdcdc6e27{k:04d}", f"{title}.pdf")
                download = f"/attachment.jspx?cid={cid}&i=0{keys[cid][0]}"
                if year:
                    self.expected[self.url("jyj", download)] = (agency, year)
                self.jyj.pages[article] = Page(LOOK.html(title, (
                    f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{year or 2024}-01-20'
                    f'　来源：{agency}</div><div class="content"><p>详见附件。</p></div><div class="attach">附件：'
                    f'<a id="attach0" title="{escape(title)}.pdf">{escape(title)}.pdf</a></div></div>'
                    '<script src="/r/cms/jquery.js"></script><script src="/r/cms/front.js"></script>'
                    f'<script>$(function () {{ Cms.attachment("", "{cid}", "1", "attach"); }});</script>')))
            elif year:
                self._report(self.jyj, "jyj", article, agency, year)
            items.append((article, title))
        self.jyj.pages["/r/cms/jquery.js"] = Page(b"/*! jQuery v1.7.2 */", SCRIPT)
        self.jyj.pages["/r/cms/front.js"] = Page(_JEECMS_FRONT.encode(), SCRIPT)
        self.jyj.pages["/"] = Page(LOOK.html(agency, '<a href="/xxgk/ndbg/index.jhtml">政府信息公开年报</a>'))
        pages = [items[k:k + 3] for k in range(0, len(items), 3)]
        for n, chunk in enumerate(pages, 1):
            name = "index.jhtml" if n == 1 else f"index_{n}.jhtml"
            pager = [f"共 {len(items)} 条 每页 3 条 页次：{n}/{len(pages)}", '<a href="index.jhtml">首页</a>',
                     f'<a href="{"index.jhtml" if n == 2 else f"index_{n - 1}.jhtml"}">上一页</a>' if n > 1 else "上一页",
                     f'<a href="index_{n + 1}.jhtml">下一页</a>' if n < len(pages) else "下一页",
                     f'<a href="index_{len(pages)}.jhtml">尾页</a>']
            self.jyj.pages[f"/xxgk/ndbg/{name}"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
                f'<ul class="list">{list_items(chunk)}</ul><div class="pagination">{"&nbsp;".join(pager)}</div>')))
        serve_jeecms_attachments(self.jyj, keys)

    def _xxgk_module(self) -> None:
        """卫健委 on Hanweb's 信息公开 module: the catalogue's table posted into its div by script, paged by currpage."""
        agency = HEALTH
        rows = []
        for k, year in enumerate(YEARS):
            path = f"/art/{year + 1}/1/{20 + k % 3}/art_1229417_{5012 - k}.html"
            rows.append((path, self._report(self.wjw, "wjw", path, agency, year), f"{year + 1}-01-20"))
        decoy = "/art/2024/3/1/art_1229417_5099.html"
        rows.insert(1, (decoy, self._noise(self.wjw, decoy, "关于开展2023年度企业年度报告公示工作的通知"), "2024-03-01"))
        self.wjw.pages["/"] = Page(LOOK.html(agency, '<a href="/col/col1229417/index.html">政府信息公开年报</a>'))
        self.wjw.pages["/col/col1229417/index.html"] = Page(LOOK.html(f"政府信息公开年报-{agency}", (
            '<div class="xxgk"><div id="div1229417"></div></div><script src="/module/xxgk/jquery.js"></script>'
            f"<script>{_XXGK_LOADER}</script>")))
        self.wjw.pages["/module/xxgk/jquery.js"] = Page(b"/*! jQuery v1.12.4 */", SCRIPT)
        pages = -(-len(rows) // XXGK_PER_PAGE)

        def search(query: dict[str, list[str]], form: dict[str, object]) -> Page:
            if query_value(form, "divid") != "div1229417" or query_value(form, "infotypeId") != "B0105":
                return Page("<table><tr><td>暂无信息</td></tr></table>".encode())
            page = int(query_value(form, "currpage") or 1)
            body = "".join(
                f'<tr class="tr_main_value_{"odd" if k % 2 else "even"}"><td>{k + 1}</td><td align="left">'
                f'<a href="{path}" target="_blank" title="{escape(title)}">{escape(title)}</a></td>'
                f'<td>{date}</td></tr>'
                for k, (path, title, date) in enumerate(rows) if (page - 1) * XXGK_PER_PAGE <= k < page * XXGK_PER_PAGE)
            later = f'<a href="javascript:void(0)" onclick="loadXxgk({page + 1})">下一页</a>' if page < pages else "下一页"
            earlier = f'<a href="javascript:void(0)" onclick="loadXxgk({page - 1})">上一页</a>' if page > 1 else "上一页"
            return Page((
                '<table width="100%" class="tb_main"><tr class="tr_main_title"><td>序号</td><td>名称</td><td>生成日期</td>'
                f'</tr>{body}</table><table class="tb_title"><tr><td>共{len(rows)}条&nbsp;&nbsp;共{pages}页&nbsp;'
                f'&nbsp;第{page}页 {earlier} {later}</td></tr></table>').encode())

        self.wjw.posted["/module/xxgk/search.jsp"] = search

    def _wordpress(self) -> None:
        """西川县 on WordPress without pretty permalinks: ``/?cat=7&paged=2``, posts ``/?p=<id>``."""
        agency = COUNTY
        posts = []
        for k, year in enumerate(YEARS):
            address = f"/?p={310 - k * 4}"
            posts.append((address, self._report(self.county, "xcx", address, agency, year)))
        decoy = "/?p=312"
        posts.insert(2, (decoy, self._noise(self.county, decoy, "关于做好2023年度社会组织年报工作的通知")))
        pages = -(-len(posts) // WORDPRESS_PER_PAGE)
        articles = {address: self.county.pages.pop(address) for address, _ in posts}

        def front(query: dict[str, list[str]]) -> Page:
            if post := query_value(query, "p"):
                return articles.get(f"/?p={post}", NOT_FOUND)
            if query_value(query, "cat") != "7":
                return Page(LOOK.html(f"{agency}", '<ul class="menu"><li><a href="/?cat=7">政府信息公开年报</a></li></ul>'))
            n = int(query_value(query, "paged") or 1)
            chunk = posts[(n - 1) * WORDPRESS_PER_PAGE:n * WORDPRESS_PER_PAGE]
            if not chunk:
                return NOT_FOUND
            entries = "".join(f'<article class="post"><h2 class="entry-title"><a href="{a}" rel="bookmark">'
                              f'{escape(t)}</a></h2></article>' for a, t in chunk)
            numbers = " ".join(f'<span aria-current="page" class="page-numbers current">{m}</span>' if m == n else
                               f'<a class="page-numbers" href="/?cat=7{"" if m == 1 else f"&#038;paged={m}"}">{m}</a>'
                               for m in range(1, pages + 1))
            later = f' <a class="next page-numbers" href="/?cat=7&#038;paged={n + 1}">下一页</a>' if n < pages else ""
            return Page(LOOK.html(f"政府信息公开年报 – {agency}", (
                f'<main id="main">{entries}<nav class="navigation pagination"><div class="nav-links">{numbers}{later}'
                '</div></nav></main>')))

        self.county.dynamic["/"] = front
