"""A thirty-third portal, 赣阳市, under host names (``ganyang.gov.cn``) on one server told apart by the Host header:
a city, two departments and a county on the site-group CMS whose pages carry ``<ucapcontent>`` (开普云 Ucap) as
public copies of 江西 and 江苏 sites show it, two counties on the group's later ``/pc/list.html`` edition whose
lists are a JSON literal in the page, and a county on the ``/c<id>/`` edition of 黑龙江 and 四川 sites. The names
resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

Evidence (public repositories, read through the tool library; quoted as found):

| site / platform | habit | evidence |
| --- | --- | --- |
| www.wanzai.gov.cn, www.yichun.gov.cn (江西, the ``<ucapcontent>`` CMS) | a site under its code as the first folder (``/wzxrmzf/``, ``/ycsrmzf/``); the home's menu links 政务公开 ``/ycsrmzf/zwgk/zwgk.shtml``, under it 信息公开 ``/ycsrmzf/xxgk/redirect_firstChannel.shtml`` and columns as ``list.shtml`` or ``xxgk_list.shtml`` (统计公报 ``/ycsrmzf/tjgb/xxgk_list.shtml``); links carry ``linkType="Column"`` | a saved page of 万载县's 统计公报 and of 宜春's home (SimonXinw/job, ``统计局/2015/…_files/stat.php``) |
| same | a document at ``/<code>/<column>/<yyyymm>/<32 hex>.shtml``; its head's ``<meta name="ArticleTitle">``, ``PubDate``, ``ColumnName``, a script ``var websiteId=…, webSiteCode=…, manuscriptId=…``; the text inside ``<ucapcontent>``; attachments as links in ``div.fj-a`` after ``<p>附件：</p>`` (the div hidden by script when it has none) | the same saved page (``万载县2015年国民经济和社会发展统计公报.html``) |
| same | the column's documents, all of them, in a script ``content_page.js`` the document loads for its 上一篇/下一篇: ``var content_str='<id>@@@@@<title>@@@@@<path>#####…'; var content_list_channelId='<32 hex>';``, written by ``document.write`` | the same saved page's ``content_page.js`` and its ``ContentUporNext`` |
| kjj.suqian.gov.cn (江苏, a department on a host of its own), www.sztax.gov.cn | a column ``/skjk/zcfg/xxgk_list.shtml`` paged ``xxgk_list_2.shtml``, ``xxgk_list_3.shtml``…; rows ``ul.listContent > li`` of ``a[href]`` and a ``span`` date; documents ``/skjk/zcfg/YYYYMM/<hash>.shtml``, the text in ``div.article-content`` or ``ucapcontent`` | a 宿迁 policy collector (its docstring and ``_build_page_url``), a 深圳 collector (``xxgk_list_2.shtml``) |
| www.hainan.gov.cn, www.xinjiang.gov.cn, www.suihua.gov.cn (黑龙江), www.spb.gov.cn, www.huaihua.gov.cn | the same document addresses (``/<site>/<section>/YYYYMM/<32 hex>.shtml``, "hexmon dialect I", the text also in ``#UCAP-CONTENT``) under list pages of other names: ``/hainan/fdzdgknr/newxxgk_list.shtml`` (海南's 指南 ``/hainan/xxgkzn/newxxgk_list.shtml``), ``/xinjiang/zfl/zfxxgk_zhengce_list.shtml``, ``/sh/gfxwj/zfxxgk.shtml``, ``/gjyzj/c100009/c100010/common_list.shtml`` (the bare column folder 404) | a multi-site policy collector's ``SITES`` (``govcms``) and its notes, a table of the provinces' 政府信息公开指南 addresses |
| www.zg.gov.cn (四川 自贡), scjgj.tl.gov.cn (安徽 铜陵), www.luxi.gov.cn (江西 芦溪), www.yuwangtai.gov.cn | the later edition: a column ``/zgsrmzf/c00145/pc/list.html`` (``/lxxrmzf/czysjs/pc/list.html``) whose rows are a JSON array after ``articleList`` in the page: ``{id, title, pubDate, urls, articleFiles}``, ``urls`` a JSON *string* whose ``pc`` is the document (``/…/pc/content/content_<id>.html``), ``articleFiles`` ``[{fileName, filePath, domainName, fileId, totalSize}]`` (a file at ``domainName`` + ``filePath``) | a 自贡 cost-information collector (``_extract_article_list``, ``_detail_url``, ``_attachments_from_article``), 铜陵 ``/tlsscjdglj/c00085/pc/content/content_1845747378521169920.html``, site lists of 江西 and 四川 |
| www.hlj.gov.cn and 黑龙江 counties (穆棱, 富拉尔基…), scjgj.sc.gov.cn | columns ``/<code>/c<id>/``: ``redirect_firstChannel.shtml``, ``redirect.shtml`` (a column's first child), lists ``zfgb_list.shtml``; documents ``/scsjgj/c104475/2026/1/15/<32 hex>.shtml`` | a county site map of policy columns (``/mdjmlsrmzf/c103203/redirect.shtml``), a 政府公报 spike's URLs, a 四川 case list |

Assumptions (what the evidence does not show): ``redirect_firstChannel.shtml`` and ``redirect.shtml`` answer a 302
to the first child column (their name says so); the pager is plain links, and a list of another name is paged as
``xxgk_list`` is (the collectors show ``xxgk_list_<n>.shtml`` only); where ``content_page.js`` and an attachment
are kept; ``articleList`` is a script's variable; the later edition's list draws its rows by script (the collector
reads the JSON, not rows).

The portal:

- ``www.`` (code ``gysrmzf``): the home's menu; 政务公开 → 信息公开 (a redirect to the 指南 column) → the 目录's
  menu → 政府信息公开年报 (``xxgk_list.shtml``), ``LIST_SIZE`` a page, reports as ``<ucapcontent>`` text or a
  ``div.fj-a`` attachment; the 部门信息公开 list links the departments' hosts and the counties;
- ``fgw.`` and ``jyj.``: departments on hosts of their own, the same CMS, lists ``newxxgk_list.shtml`` and
  ``common_list.shtml``;
- ``gyx.`` and ``gdq.``: the later edition, the 年报 column's rows only in ``articleList`` (the file of an
  attachment-only report linked on its page, or kept on the file server ``file.`` and drawn on its page by a script
  from the same ``articleFiles`` entry: ``domainName`` + ``filePath``, an assumption as to the page);
- ``gbx.``: the ``c<id>`` edition, 信息公开 a ``redirect.shtml``, lists ``zfxxgk.shtml``;
- decoys: 解读 and 图解 of reports, 统计公报, a 政府工作报告, a 部门预算.
"""

from __future__ import annotations

import hashlib
import json
from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import SCRIPT, Host, Look, Page
from tests.crawler.portal_o import OneServerPortal
from tests.crawler.portal_s import PDF

DOMAIN = "ganyang.gov.cn"
CITY = "赣阳市人民政府"
LOOK = Look('<a linkType="Column" href="/">首页</a>', seed=173, day=1)
LIST_SIZE = 3     # a list page's rows
# Units on the <ucapcontent> CMS: (sub-domain, code, list page's name, agency, {year: "text" | "file"}, decoys as
# (at, title)); the list pages' names as 江西, 江苏, 海南, 新疆 and 国家邮政局 sites name them
CITY_UNIT = ("www", "gysrmzf", "xxgk_list", CITY,
             {2024: "text", 2023: "file", 2022: "text", 2021: "text", 2020: "file", 2019: "text"},
             [(1, f"图解：{CITY}2023年政府信息公开工作年度报告"), (4, f"《{CITY}2022年政府信息公开工作年度报告》解读")])
DEPARTMENTS = [("fgw", "gysfgw", "newxxgk_list", "赣阳市发展和改革委员会", {2024: "text", 2023: "text", 2022: "file"},
                [(0, "赣阳市发展和改革委员会2024年部门预算")]),
               ("jyj", "gysjyj", "common_list", "赣阳市教育局", {2024: "file", 2023: "text"}, [])]
# Counties on the later edition: (sub-domain, code, agency, 年报 column, {year: way}, decoys); a way "text", "file"
# (its page links it) or "served" (on the file server, its page's script drawing it from ``articleFiles``)
LATER = [("gyx", "gyxrmzf", "赣阳县人民政府", "c00131", {2024: "text", 2023: "file", 2022: "text", 2021: "file"},
          [(1, "赣阳县2024年政府工作报告")]),
         ("gdq", "gdqrmzf", "赣东区人民政府", "c00217", {2024: "text", 2023: "text", 2022: "served"}, [])]
NORTH = ("gbx", "gbxrmzf", "zfxxgk", "赣北县人民政府", {2024: "text", 2023: "file", 2022: "text", 2021: "text"},
         [(2, "赣北县2023年国民经济和社会发展统计公报")])
AGENCIES = [CITY, *(d[3] for d in DEPARTMENTS), *(c[2] for c in LATER), NORTH[3]]
GK_MENU = (("xxgkzn", "政府信息公开指南"), ("xxgkzd", "政府信息公开制度"), ("fdzdgknr", "法定主动公开内容"),
           ("zfxxgknb", "政府信息公开年报"))


def hex_id(*parts: object) -> str:
    """A manuscript id as the CMS prints it: 32 hex digits (here a digest of ``parts``)."""
    return hashlib.md5(repr(parts).encode()).hexdigest()


def long_id(*parts: object) -> str:
    """The later edition's article id: 19 digits (here from a digest of ``parts``)."""
    return str(1800000000000000000 + int(hex_id(*parts)[:15], 16) % 10 ** 17)


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 赣阳市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def _page(title: str, body: str, head: str = "") -> Page:
    return Page(LOOK.html(title, body).replace(b"</head>", head.encode() + b"</head>", 1))


def _title(agency: str, year: int) -> str:
    return f"{agency}{year}年政府信息公开工作年度报告"


def _redirect(to: str) -> Page:
    return Page(b"", status=302, location=to)


class PortalAI(OneServerPortal):
    """The hosts of 赣阳市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        subs = ["www", *(d[0] for d in DEPARTMENTS), *(c[0] for c in LATER), NORTH[0], "file"]
        self.hosts = {sub: Host() for sub in subs}
        self.www = self.hosts["www"]
        self.serve(self.hosts)
        self.base = self.url("www", "/")
        for sub, code, listed, agency, years, decoys in [CITY_UNIT, *DEPARTMENTS]:
            self._ucap_site(sub, code, listed, agency, years, decoys, f"/{code}/xxgk/redirect_firstChannel.shtml",
                            lambda y: f"/{y + 1}01/")
        for unit in LATER:
            self._later(*unit)
        sub, code, listed, agency, years, decoys = NORTH
        self._ucap_site(sub, code, listed, agency, years, decoys, f"/{code}/c102300/redirect.shtml",
                        lambda y: f"/{y + 1}/1/2{y % 10}/", columns={"xxgkzn": "c102301", "xxgkzd": "c102302",
                                                                       "fdzdgknr": "c102303", "zfxxgknb": "c102305"})
        self._city_extras()

    # the <ucapcontent> CMS ------------------------------------------------------------------------------------------

    def _ucap_site(self, sub: str, code: str, listed: str, agency: str, years: dict[int, str],
                   decoys: list[tuple[int, str]], entry: str, dated, columns: dict[str, str] | None = None) -> None:
        """A site of the CMS under ``/<code>/``: its home, 信息公开 (``entry``, a redirect to the first column), the
        目录's columns listed at ``<listed>.shtml``, the 年报 column paged ``<listed>_<n>.shtml`` and its documents at
        ``dated(year)``."""
        host, columns = self.hosts[sub], columns or {key: key for key, _ in GK_MENU}
        menu = "".join(f'<li><a linkType="Column" href="/{code}/{columns[key]}/{listed}.shtml">{name}</a></li>'
                       for key, name in GK_MENU)
        menu = f'<div class="xxgk-menu"><ul>{menu}</ul></div>'
        host.pages[entry] = _redirect(f"/{code}/{columns['xxgkzn']}/{listed}.shtml")
        for key, name in GK_MENU[:-1]:
            host.pages[f"/{code}/{columns[key]}/{listed}.shtml"] = _page(f"{agency} | {name}", (
                f'{menu}<ul class="listContent"><li><a href="/{code}/{columns[key]}/202401/{hex_id(code, key)}.shtml"'
                f' target="_blank" title="{name}">{name}</a><span>2024-01-05</span></li></ul>'))
            host.pages[f"/{code}/{columns[key]}/202401/{hex_id(code, key)}.shtml"] = self._document(
                sub, code, columns[key], name, agency, f"<p>{name}正文。</p>", "")
        column = columns["zfxxgknb"]
        rows = []
        for year, way in sorted(years.items(), reverse=True):
            title = _title(agency, year)
            path = f"/{code}/{column}{dated(year)}{hex_id(title)}.shtml"
            body, files = LOOK.report_body(agency, year), ""
            if way == "file":
                stored = f"/{code}/{column}{dated(year)}{hex_id(title)}/files/{hex_id('file', title)}.pdf"
                host.pages[stored] = Page(PDF, "application/pdf")
                self.expected[self.url(sub, stored)] = (agency, year)
                body = f"<p>{escape(title)}详见附件。</p>"
                files = f'<a href="{stored}" target="_blank">{escape(title)}.pdf</a>'
            else:
                self.expected[self.url(sub, path)] = (agency, year)
            host.pages[path] = self._document(sub, code, column, title, agency, body, files)
            rows.append((hex_id(title), title, path, f"{year + 1}-01-2{year % 10}"))
        for at, title in decoys:
            path = f"/{code}/{column}/202403/{hex_id(title)}.shtml"
            host.pages[path] = self._document(sub, code, column, title, agency, f"<p>{escape(title)}正文。</p>", "")
            rows.insert(at, (hex_id(title), title, path, "2024-03-01"))
        host.pages[f"/{code}/{column}/content_page.js"] = Page((
            "var content_str='" + "".join(f"{i}@@@@@{t}@@@@@{p}#####" for i, t, p, _ in rows) +
            f"';var content_list_channelId='{hex_id(code, column)}';\n").encode(), SCRIPT)
        pages = -(-len(rows) // LIST_SIZE)
        for number in range(1, pages + 1):
            items = "".join(f'<li><a href="{p}" target="_blank" title="{escape(t)}">{escape(t)}</a><span>{d}</span>'
                            f'</li>' for _, t, p, d in rows[(number - 1) * LIST_SIZE:number * LIST_SIZE])
            host.pages[f"/{code}/{column}/{_list_name(listed, number)}"] = _page(f"{agency} | 政府信息公开年报", (
                f'{menu}<ul class="listContent">{items}</ul>{_list_pager(listed, number, pages)}'))
        host.pages["/"] = _page(agency, (
            f'<div class="home-mainNav"><ul class="clearfix"><li class="li-index"><a linkType="Column" '
            f'href="/{code}/index.shtml"><span>首页</span></a></li><li><a linkType="Column" '
            f'href="/{code}/zwgk/zwgk.shtml"><span>政务公开</span></a></li></ul></div>'))
        host.pages[f"/{code}/index.shtml"] = host.pages["/"]
        host.pages[f"/{code}/zwgk/zwgk.shtml"] = _page(f"{agency} | 政务公开", (
            f'<dd class="submenu clearfix"><span><a href="/{code}/zwdt/list.shtml" title="政务动态">政务动态</a></span>'
            f'<span><a href="{entry}" title="信息公开">信息公开</a></span></dd>'))
        host.pages[f"/{code}/zwdt/list.shtml"] = _page(f"{agency} | 政务动态", '<ul class="listContent"></ul>')

    def _document(self, sub: str, code: str, column: str, title: str, agency: str, body: str, files: str) -> Page:
        """A document of the CMS: its head's meta and ids, the text in ``<ucapcontent>``, attachments in
        ``div.fj-a``, 上一篇/下一篇 written from the column's ``content_page.js``."""
        head = (f'<meta name="SiteName" content="{escape(agency)}"><meta name="ArticleTitle" content="{escape(title)}">'
                f'<script type="text/javascript">var websiteId= "{hex_id(code)}", webSiteCode = "{code}", '
                f'manuscriptId= "{hex_id(title)}";</script>'
                f'<script type="text/javascript" src="/{code}/{column}/content_page.js"></script>')
        return _page(f"{agency} | {title}", (
            f'<div class="article"><h1>{escape(title)}</h1><div class="article-content"><ucapcontent>{body}'
            f'</ucapcontent></div><div class="fj-a"><p>附件：</p>{files}</div><script>if(!$(".fj-a a").length)'
            '{$(".fj-a").css("display","none");}</script><div class="article-prev">上一篇：<script>'
            f'ContentUporNext("{hex_id(title)}","_self","PREV");</script></div></div>'), head)

    def _city_extras(self) -> None:
        """The city's 统计公报 column (decoys) and 部门信息公开 list, linked from its home."""
        code = CITY_UNIT[1]
        bulletins = "".join(
            f'<li><a href="/{code}/tjgb/{year + 1}04/{hex_id("tjgb", year)}.shtml" title="赣阳市{year}年国民经济和社会发展'
            f'统计公报">赣阳市{year}年国民经济和社会发展统计公报</a><span>{year + 1}-04-01</span></li>'
            for year in (2024, 2023))
        for year in (2024, 2023):
            title = f"赣阳市{year}年国民经济和社会发展统计公报"
            self.www.pages[f"/{code}/tjgb/{year + 1}04/{hex_id('tjgb', year)}.shtml"] = self._document(
                "www", code, "tjgb", title, CITY, f"<p>{title}正文。</p>", "")
        self.www.pages[f"/{code}/tjgb/content_page.js"] = Page(b"var content_str='';", SCRIPT)
        self.www.pages[f"/{code}/tjgb/xxgk_list.shtml"] = _page("统计公报", f'<ul class="listContent">{bulletins}</ul>')
        units = [(sub, f"/{code_}/index.shtml", agency) for sub, code_, _, agency, *_ in DEPARTMENTS] + \
                [(sub, "/", agency) for sub, _, agency, *_ in LATER] + [(NORTH[0], "/", NORTH[3])]
        links = "".join(f'<li><a href="{self.url(sub, path)}" target="_blank">{escape(agency)}</a></li>'
                        for sub, path, agency in units)
        self.www.pages[f"/{code}/bmxxgk/list.shtml"] = _page("部门信息公开", f'<ul class="bm-list">{links}</ul>')
        home = self.www.pages["/"].body.decode().replace("</ul></div>", (
            f'<li><a linkType="Column" href="/{code}/tjgb/xxgk_list.shtml"><span>统计公报</span></a></li>'
            f'<li><a linkType="Column" href="/{code}/bmxxgk/list.shtml"><span>部门信息公开</span></a></li></ul></div>'), 1)
        self.www.pages["/"] = self.www.pages[f"/{code}/index.shtml"] = Page(home.encode())

    # the later /pc/list.html edition ----------------------------------------------------------------------------

    def _later(self, sub: str, code: str, agency: str, column: str, years: dict[int, str],
               decoys: list[tuple[int, str]]) -> None:
        """A county on the later edition: its 年报 column's rows only in the page's ``articleList`` JSON."""
        host = self.hosts[sub]
        articles = []
        for year, way in sorted(years.items(), reverse=True):
            title, ident = _title(agency, year), long_id(agency, year)
            path = f"/{code}/{column}/pc/content/content_{ident}.html"
            files = []
            if way in ("file", "served"):
                files, links = self._later_file(sub, code, column, title, agency, year, way)
                host.pages[path] = _page(f"{title}-{agency}", (
                    f'<div class="article"><h1>{escape(title)}</h1><p>详见附件。</p>{links}</div>'))
            else:
                self.expected[self.url(sub, path)] = (agency, year)
                host.pages[path] = Page(LOOK.article(title, agency, year))
            articles.append(_article(ident, title, f"{year + 1}-01-2{year % 10} 09:00:00", path, files))
        for at, title in decoys:
            ident = long_id("decoy", title)
            path = f"/{code}/{column}/pc/content/content_{ident}.html"
            host.pages[path] = _page(title, f"<h1>{escape(title)}</h1><p>正文。</p>")
            articles.insert(at, _article(ident, title, "2025-02-01 09:00:00", path, []))
        host.pages[f"/{code}/{column}/pc/list.html"] = _page(f"政府信息公开年报-{agency}", (
            '<div class="list-box"><ul id="articleUl"></ul></div><script>var articleList = '
            f'{json.dumps(articles, ensure_ascii=False)};$.each(articleList, function (i, a) {{$("#articleUl").append('
            '"<li><a href=\'" + JSON.parse(a.urls).pc + "\'>" + a.title + "</a><span>" + a.pubDate.substring(0, 10) + '
            '"</span></li>");});</script>'))
        host.pages[f"/{code}/zfxxgk/pc/list.html"] = _page(f"政府信息公开-{agency}", (
            f'<div class="gk-nav"><a href="/{code}/c00120/pc/list.html">政府信息公开指南</a>'
            f'<a href="/{code}/{column}/pc/list.html">政府信息公开年报</a></div>'))
        host.pages[f"/{code}/c00120/pc/list.html"] = _page(f"政府信息公开指南-{agency}", (
            '<ul id="articleUl"></ul><script>var articleList = [];</script>'))
        host.pages["/"] = _page(agency, f'<div class="nav"><a href="/{code}/zfxxgk/pc/list.html">政府信息公开</a></div>')


    def _later_file(self, sub: str, code: str, column: str, title: str, agency: str, year: int,
                    way: str) -> tuple[list[dict], str]:
        """A report's file on the later edition, expected: its ``articleFiles`` entry and what its page shows of
        it, a link ("file") or, kept on the file server (``domainName`` that server), the same entry its page's
        script draws ("served")."""
        if way == "file":
            stored, origin, host = f"/{code}/{column}/{year + 1}01/{hex_id('file', title)}.pdf", self.url(sub, ""), sub
        else:
            stored = f"/doc/ucap/{long_id('doc', title)}/document/{year + 1}0120/{hex_id('file', title)[:8]}.pdf"
            origin, host = self.url("file", ""), "file"
        self.hosts[host].pages[stored] = Page(PDF, "application/pdf")
        self.expected[self.url(host, stored)] = (agency, year)
        files = [{"fileName": f"{title}.pdf", "filePath": stored, "domainName": origin,
                  "fileId": hex_id("fid", title), "totalSize": len(PDF)}]
        if way == "file":
            return files, f'<div class="fj"><a href="{stored}">{escape(title)}.pdf</a></div>'
        return files, ('<div class="fj" id="fj"></div><script>var articleFiles = '
                       f'{json.dumps(files, ensure_ascii=False)};$.each(articleFiles, function (i, f) {{$("#fj").append('
                       '"<a href=\'" + f.domainName + f.filePath + "\'>" + f.fileName + "</a>");});</script>')


def _article(ident: str, title: str, date: str, path: str, files: list[dict]) -> dict:
    """A row of ``articleList`` as the later edition writes it: ``urls`` a JSON string of the addresses."""
    return {"id": ident, "title": title, "pubDate": date,
            "urls": json.dumps({"pc": path, "mobile": path.replace("/pc/", "/mobile/")}), "articleFiles": files}


def _list_name(listed: str, number: int) -> str:
    return f"{listed}.shtml" if number == 1 else f"{listed}_{number}.shtml"


def _list_pager(listed: str, page: int, pages: int) -> str:
    """The column's pager: 首页, 上一页, 下一页, 尾页 to ``<listed>[_<n>].shtml`` beside this page's folder."""
    if pages <= 1:
        return ""
    links = [f'<a href="{_list_name(listed, 1)}">首页</a>']
    links += [f'<a href="{_list_name(listed, page - 1)}">上一页</a>'] if page > 1 else []
    links += [f'<a href="{_list_name(listed, page + 1)}">下一页</a>'] if page < pages else []
    return (f'<div class="page">{"".join(links)}<a href="{_list_name(listed, pages)}">尾页</a>'
            f'<span>{page}/{pages}</span></div>')
