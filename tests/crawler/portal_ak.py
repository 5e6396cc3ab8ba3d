"""A portal, 榕泉市, under host names (``rongquan.gov.cn``) on one server told apart by the Host header: a city of 福建
whose sites run TRS as 福建's cities run it, each unit's 政府信息公开年报 column a page that holds no item and whose
script asks one of the search services 福建's sites list their columns with: the site search API
(``/ssp/search/api/apiSearch``), TRS WAS5 ``advsch.jsp`` (a JSON answer, or a script's ``urls[i]='…'``), 三明's
``GET /fjdzapp/data`` and 泉州's ``/smartSearch/interface/search.do`` (guarded by the Referer). The names resolve to
127.0.0.1 in the crawl under test only (``HostsResolver``).

Evidence (public repositories, read through the tool library; quoted as found):

| site | habit | evidence |
| --- | --- | --- |
| www.xm.gov.cn (厦门), www.fujian.gov.cn / www.fj.gov.cn | a list asked of ``/ssp/search/api/apiSearch`` by GET: ``siteId`` (32 hex), ``apiName`` (``zcwjk``, ``SSP_OPENINFO``), ``searchFiled=doctitle``, ``chnlIdList=26370,5838,…`` (the columns), ``isChange=1``, ``fullKey=N``, ``sortFiled=-pubdate``, ``page``, ``rows`` (or ``datas``) a page; the answer ``{"error": …, "datas": [{"_doctitle", "docpuburl", "puborg", "idxid", "fileno", "pubdate", "docreltime"}]}``, ``error`` true past the last page; one API serves many units, told apart by ``puborg`` | a 厦门 policy spider (``XiamenGovSpider``: ``rowData['datas']``, ``data['docpuburl']``), a 福建 province spider (``preview_data["datas"][0]["_doctitle"]``, ``info["puborg"]``, ``if preview_data["error"] or preview_data["datas"] == []``), a policy crawler skipping rows whose ``puborg`` has 市 or 区 |
| www.fuzhou.gov.cn (福州) | ``/was5/web/search?channelid=290792&templet=advsch.jsp&sortfield=-docorderpri%2C-docreltime&classsql=chnlid%3D5727&random=<Math.random()>&prepage=10&page=3``: the answer a script whose rows are ``urls[i]='…'`` | a collector's ``extract_from_script`` (``re.compile(r"urls\\[i\\]='(.*?)'")`` over that answer) |
| ybj/sthjt/tjj/zrzyt.fujian.gov.cn, www.putian.gov.cn, gdj.fujian.gov.cn | ``advsch.jsp`` answering JSON ``{"count", "docs": [{"title", "url", "time", "pubtime", "content", "src", "file", "filedesc"}]}``; an empty page one row whose title is the template's ``文章标题``; ``file`` a name relative to the column's folder | YY18 (``if datas['docs'][0]['title'] == '文章标题': return``, ``annex_link = f'…/ztzl/yxcg/ggtz/{data["file"]}'``), a 福建 自然资源厅 harvester (``harvest_was5``: ``doc.get("url")``, ``doc.get("time")``), 生态环境厅 (``res["count"]``), 莆田 (``prepage=150&page=``) |
| www.sm.gov.cn (三明) | a column listed by ``GET /fjdzapp/data?channelid=100000&sortfield=-docorderpri%2C-docreltime&classsql=chnlid%3D4064&classcol=publishyear&classnum=100&classsort=0&cache=true&page=133&prepage=75``, with the column page as Referer | a city-news collector's notes (三明), a 三明 archive's README (``频道枚举接口 GET /fjdzapp/data(channelid=100000,classsql=chnlid=…,prepage=100)``) |
| www.quanzhou.gov.cn (泉州) | ``/smartSearch/interface/search.do?express=(chnlid%3D120)&keyName=zhss&siteId=<32 hex>&order=-docrelTime&pagesize=15&currentpage=N``; rows ``docTitle``, ``docrelTime`` (``2024.01.20 …``, dots), ``docPuburl``, ``docContent``; refused without the site's Referer (防盗链) | the same notes (``title = j['docTitle']``, ``date = j['docrelTime'].split()[0].replace('.', '-')``, ``href = j['docPuburl']``, ``该城市需要在header中添加防盗链Referer``) |
| 福建 TRS sites | details ``…/<yyyymm>/t<yyyymmdd>_<id>.htm``, the body ``.TRS_Editor`` | the province spider (``bs.find("div", {"class": "TRS_Editor"})``), portal_ah's sources |

Assumptions (no evidence found): the column pages' scripts (each asks its service with the parameters above, page
one first, and draws the rows); apiSearch's count field (``total``); the script answer's other arrays
(``titles[i]``, ``times[i]``) and its addresses root-relative; ``/fjdzapp/data``'s answer the shape of
``/fjdzapp/search``'s (``{data: [{doctitle, docpuburl, docreltime}], pageCount}``); ``search.do``'s wrapper
(``{"total", "data": [...]}``).

The portal:

- ``www.``: the home page links 政府信息公开 (``/zwgk/zfxxgkzl/``), whose 年报 column's rows come from ``apiSearch``
  ``ROWS`` a page (one API for the whole site, ``puborg`` naming the unit): the city's column asked together with
  民政局's (``chnlIdList=5838%2C26370``, newest first, the units' rows mixed), 教育局's on a page of its own; and whose
  部门 list links the departments' hosts and the counties';
- 财政局 (``czj.``): its 年报 column's rows a WAS5 ``advsch.jsp`` script answer (``urls[i]='…'``);
- 医疗保障局 (``ybj.``): WAS5 ``advsch.jsp`` JSON, a report an article or its ``file`` (a PDF relative to the column);
- 榕东县 (``rdx.``): ``GET /fjdzapp/data``; 榕西县 (``rxx.``): ``search.do`` guarded by the Referer;
- decoys: a 解读 of a report, a 政府工作报告, a 统计公报 and a 部门预算 among the rows.
"""

from __future__ import annotations

import json
import zlib
from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import JSON, Host, Look, Page
from tests.crawler.portal_o import OneServerPortal
from tests.crawler.portal_s import PDF
from tests.crawler.portal_u import query_value

DOMAIN = "rongquan.gov.cn"
CITY = "榕泉市人民政府"
LOOK = Look('<a href="/">首页</a><a href="/zwgk/zfxxgkzl/">政府信息公开</a>', seed=163, day=1)
ROWS = 3          # apiSearch's rows a page as the city's script asks
PREPAGE = 2       # the other services' rows a page as the scripts ask
SCRIPT_PREPAGE = 10   # the script answer's rows a page as 福州's asks (its paging unknown: the column one page)
SITE_ID = "40280d1172da01550172dadfb0640004"
SEARCH_SITE = "2c9d02866787ab22016787b129ae0032"
CITY_COLUMN, EDU_COLUMN, CIVIL_COLUMN = "5838", "5839", "26370"
EDUCATION = "榕泉市教育局"
CIVIL = "榕泉市民政局"    # its column named only in the city's list's chnlIdList, its rows among the city's
FINANCE = "榕泉市财政局"
INSURANCE = "榕泉市医疗保障局"
EAST = "榕东县人民政府"
WEST = "榕西县人民政府"
CITY_YEARS = [2024, 2023, 2022, 2021, 2020, 2019]
EDU_YEARS = [2024, 2023, 2022]
CIVIL_YEARS = [2024, 2023]
FINANCE_YEARS = [2024, 2023, 2022]
INSURANCE_YEARS = {2024: "art", 2023: "file", 2022: "art"}
EAST_YEARS = [2024, 2023, 2022, 2021]
WEST_YEARS = [2024, 2023, 2022, 2021]
AGENCIES = [CITY, EDUCATION, CIVIL, FINANCE, INSURANCE, EAST, WEST]


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 榕泉市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def _page(title: str, body: str) -> Page:
    return Page(LOOK.html(title, body))


def _column(agency: str, script: str) -> Page:
    """A 年报 column's page: no item, a list its script fills."""
    return _page(f"政府信息公开年报-{agency}", (
        '<div class="gl-list"><ul id="list"></ul></div><div id="page"></div>'
        '<script src="/js/jquery.min.js"></script>' f"<script>{script}</script>"))


def _number(query: dict[str, list[str]], name: str, default: int) -> int:
    value = query_value(query, name)
    return max(1, int(value)) if value.isdigit() else default


class PortalAK(OneServerPortal):
    """The hosts of 榕泉市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.hosts = {sub: Host() for sub in ("www", "czj", "ybj", "rdx", "rxx")}
        self.serve(self.hosts)
        self.www = self.hosts["www"]
        self.base = self.url("www", "/")
        for host in self.hosts.values():
            host.pages["/js/jquery.min.js"] = Page(b"/*! jQuery v3.6.0 */", "application/javascript")
        self._city()
        self._finance()
        self._insurance()
        self._east()
        self._west()

    def _article(self, sub: str, folder: str, k: int, year: int, title: str, agency: str) -> str:
        """``agency``'s report for ``year`` as a TRS article under ``folder``, expected; its address."""
        month = f"{year + 1}01"
        path = f"{folder}{month}/t{month}2{k}_{6537900 + year * 10 + k}.htm"
        self.hosts[sub].pages[path] = Page(LOOK.article(title, agency, year).replace(b'class="content"',
                                                                                    b'class="TRS_Editor"'))
        self.expected[self.url(sub, path)] = (agency, year)
        return path

    def _decoy(self, sub: str, folder: str, title: str) -> str:
        path = f"{folder}202503/t20250302_{zlib.crc32(title.encode()) % 1000000}.htm"
        self.hosts[sub].pages[path] = _page(title, f'<h1>{escape(title)}</h1><div class="TRS_Editor"><p>正文。</p></div>')
        return path

    def _city(self) -> None:
        """www: the 年报 columns of the city (with 民政局's in the same list) and 教育局, listed by the site's
        ``apiSearch``."""
        www = self.hosts["www"]
        folder = "/zwgk/zfxxgkzl/xxgknb/"
        rows: dict[str, list[dict]] = {CITY_COLUMN: [], EDU_COLUMN: [], CIVIL_COLUMN: []}
        for column, agency, years, sub in ((CITY_COLUMN, CITY, CITY_YEARS, folder),
                                           (EDU_COLUMN, EDUCATION, EDU_YEARS, "/zwgk/bmxxgk/jyj/xxgknb/"),
                                           (CIVIL_COLUMN, CIVIL, CIVIL_YEARS, "/zwgk/bmxxgk/mzj/xxgknb/")):
            for k, year in enumerate(years):
                title = f"{agency}{year}年政府信息公开工作年度报告"
                rows[column].append(_ssp_row(self.url("www", self._article("www", sub, k, year, title, agency)),
                                             title, agency, f"{year + 1}-01-2{k}"))
        decoy = f"《{CITY}2023年政府信息公开工作年度报告》解读"
        rows[CITY_COLUMN].insert(2, _ssp_row(self.url("www", self._decoy("www", folder, decoy)), decoy, CITY,
                                             "2024-01-26"))
        decoy = f"{CITY}2025年政府工作报告"
        rows[CITY_COLUMN].insert(0, _ssp_row(self.url("www", self._decoy("www", folder, decoy)), decoy, CITY,
                                             "2025-02-10"))
        www.dynamic["/ssp/search/api/apiSearch"] = lambda q: _ssp_answer(q, rows)
        links = "".join(f'<li><a href="{self.url(sub, "/")}" target="_blank">{name}</a></li>' for sub, name in (
            ("czj", "市财政局"), ("ybj", "市医疗保障局"), ("rdx", "榕东县"), ("rxx", "榕西县")))
        www.pages["/"] = _page(f"{CITY}门户网站", (
            '<div class="nav"><a href="/zwgk/zfxxgkzl/">政府信息公开</a><a href="/xwzx/">新闻中心</a></div>'
            f'<div class="links"><h3>部门网站</h3><ul>{links}</ul></div>'))
        www.pages["/xwzx/"] = _page("新闻中心", "<ul></ul>")
        www.pages["/zwgk/zfxxgkzl/"] = _page("政府信息公开", (
            '<ul class="gk-nav"><li><a href="./zfxxgkzn/">政府信息公开指南</a></li><li><a href="./xxgknb/">'
            '政府信息公开年报</a></li><li><a href="/zwgk/bmxxgk/jyj/">市教育局信息公开</a></li></ul>'))
        www.pages["/zwgk/zfxxgkzl/zfxxgkzn/"] = _page("政府信息公开指南", "<p>指南正文。</p>")
        www.pages["/zwgk/bmxxgk/jyj/"] = _page(f"{EDUCATION}信息公开", (
            '<ul class="gk-nav"><li><a href="./xxgknb/">政府信息公开年报</a></li></ul>'))
        for path, column, agency in ((folder, f"{CITY_COLUMN},{CIVIL_COLUMN}", CITY),
                                     ("/zwgk/bmxxgk/jyj/xxgknb/", EDU_COLUMN, EDUCATION)):
            www.pages[path] = _column(agency, (
                "function loadList(page){$.getJSON('/ssp/search/api/apiSearch?siteId=" + SITE_ID + "&apiName=zcwjk"
                f"&searchFiled=doctitle&chnlIdList={column.replace(',', '%2C')}&isChange=1&fullKey=N&sortFiled=-pubdate&page=' + page + "
                f"'&rows={ROWS}', function(res){{$('#list').html($.map(res.datas, function(d){{return '<li><a href=\"'"
                " + d.docpuburl + '\">' + d.doctitle + '</a><span>' + d.pubdate + '</span></li>';}).join(''));"
                "});}loadList(1);"))

    def _finance(self) -> None:
        """财政局: WAS5 ``advsch.jsp`` answering a script of ``urls[i]='…'`` rows, drawn into the list."""
        folder, rows = "/zwgk/zfxxgkml/xxgknb/", []
        for k, year in enumerate(FINANCE_YEARS):
            title = f"{FINANCE}{year}年政府信息公开工作年度报告"
            rows.append((self._article("czj", folder, k, year, title, FINANCE), title, f"{year + 1}-01-2{k}"))
        decoy = f"{FINANCE}2025年部门预算"
        rows.insert(1, (self._decoy("czj", folder, decoy), decoy, "2025-02-01"))
        host = self.hosts["czj"]
        host.pages["/"] = _page(f"{FINANCE}", '<div class="nav"><a href="/zwgk/zfxxgkml/xxgknb/">政府信息公开年报</a></div>')
        host.pages[folder] = _column(FINANCE, (
            "function loadList(page){$.get('/was5/web/search?channelid=290792&templet=advsch.jsp&sortfield="
            "-docorderpri%2C-docreltime&classsql=chnlid%3D5727&random=' + Math.random() + "
            f"'&prepage={SCRIPT_PREPAGE}&page=' + page, function(t){{$('#list').html(t);}});}}loadList(1);"))
        host.dynamic["/was5/web/search"] = lambda q: _was5_script(q, rows)

    def _insurance(self) -> None:
        """医疗保障局: WAS5 ``advsch.jsp`` answering JSON, the template's ``文章标题`` row past the last page."""
        folder, docs = "/zwgk/zfxxgkml/xxgknb/", []
        host = self.hosts["ybj"]
        for k, (year, way) in enumerate(INSURANCE_YEARS.items()):
            title = f"{INSURANCE}{year}年政府信息公开工作年度报告"
            if way == "art":
                url, file = self.url("ybj", self._article("ybj", folder, k, year, title, INSURANCE)), ""
            else:
                month = f"{year + 1}01"
                file = f"{month}/P020{month}2{k}3967015{k}.pdf"
                host.pages[folder + file] = Page(PDF, "application/pdf")
                self.expected[self.url("ybj", folder + file)] = (INSURANCE, year)
                url = self.url("ybj", f"{folder}{month}/t{month}2{k}_6538{k}.htm")
                host.pages[f"{folder}{month}/t{month}2{k}_6538{k}.htm"] = _page(title, (
                    f'<h1>{escape(title)}</h1><div class="TRS_Editor"><p>{escape(title)}详见附件。</p></div>'
                    f'<div class="article_attachment">附件：<a href="./P020{month}2{k}3967015{k}.pdf">'
                    f"{escape(title)}.pdf</a></div>"))
            docs.append({"title": title, "url": url, "time": f"{year + 1}-01-2{k}", "pubtime": f"{year + 1}-01-2{k}",
                         "src": INSURANCE, "content": "", "file": file, "filedesc": f"{title}.pdf" if file else ""})
        decoy = f"{INSURANCE}2024年度医疗保障事业发展统计公报"
        docs.insert(1, {"title": decoy, "url": self.url("ybj", self._decoy("ybj", folder, decoy)),
                        "time": "2025-03-02", "pubtime": "2025-03-02", "src": INSURANCE, "content": "", "file": "",
                        "filedesc": ""})
        host.pages["/"] = _page(INSURANCE, '<div class="nav"><a href="/zwgk/zfxxgkml/xxgknb/">政府信息公开年报</a></div>')
        host.pages[folder] = _column(INSURANCE, (
            "function loadList(page){$.get('/was5/web/search?channelid=294271&templet=advsch.jsp&sortfield="
            f"-docorderpri%2C-docreltime&classsql=chnlid%3D35207&prepage={PREPAGE}&page=' + page, function(t){{"
            "var res = JSON.parse(t); $('#list').html($.map(res.docs, function(d){return '<li><a href=\"' + d.url"
            " + '\">' + d.title + '</a><span>' + d.time + '</span></li>';}).join(''));});}loadList(1);"))
        host.dynamic["/was5/web/search"] = lambda q: _was5_json(q, docs)

    def _east(self) -> None:
        """榕东县: ``GET /fjdzapp/data`` (三明's), its answer the shape of ``/fjdzapp/search``'s."""
        folder, records = "/zwgk/zfxxgkzl/zfxxgkml/xxgknb/", []
        for k, year in enumerate(EAST_YEARS):
            title = f"{EAST}{year}年政府信息公开工作年度报告"
            url = self.url("rdx", self._article("rdx", folder, k, year, title, EAST))
            records.append({"doctitle": title, "docpuburl": url, "chnldocurl": url,
                            "docreltime": f"{year + 1}-01-2{k} 09:00:00"})
        decoy = f"{EAST.removesuffix('人民政府')}2024年国民经济和社会发展统计公报"
        url = self.url("rdx", self._decoy("rdx", folder, decoy))
        records.insert(2, {"doctitle": decoy, "docpuburl": url, "chnldocurl": url, "docreltime": "2025-03-02 09:00:00"})
        host = self.hosts["rdx"]
        host.pages["/"] = _page(f"{EAST}门户网站", f'<div class="nav"><a href="{folder}">政府信息公开年报</a></div>')
        host.pages[folder] = _column(EAST, (
            "function loadList(page){$.getJSON('/fjdzapp/data?channelid=100000&sortfield=-docorderpri%2C-docreltime"
            "&classsql=chnlid%3D4064&classcol=publishyear&classnum=100&classsort=0&cache=true&page=' + page + "
            f"'&prepage={PREPAGE}', function(res){{$('#list').html($.map(res.data, function(d){{return '<li><a href=\"'"
            " + d.docpuburl + '\">' + d.doctitle + '</a></li>';}).join(''));});}loadList(1);"))

        def data(query: dict[str, list[str]]) -> Page:
            shown = records if query_value(query, "classsql").replace(" ", "") == "chnlid=4064" else []
            size, page = _number(query, "prepage", 15), _number(query, "page", 1)
            return Page(json.dumps({"data": shown[(page - 1) * size:page * size], "pageCount": -(-len(shown) // size),
                                    "recordCount": len(shown)}, ensure_ascii=False).encode(), JSON)

        host.dynamic["/fjdzapp/data"] = data

    def _west(self) -> None:
        """榕西县: 泉州's ``smartSearch/interface/search.do``, refused without a Referer of the site."""
        folder, rows = "/zwgk/xxgkml/xxgknb/", []
        for k, year in enumerate(WEST_YEARS):
            title = f"{WEST}{year}年政府信息公开工作年度报告"
            url = self.url("rxx", self._article("rxx", folder, k, year, title, WEST))
            rows.append({"docTitle": title, "docPuburl": url, "docrelTime": f"{year + 1}.01.2{k} 09:00:00",
                         "docContent": f"{title}……"})
        decoy = f"{WEST}2025年政府工作报告"
        rows.insert(1, {"docTitle": decoy, "docPuburl": self.url("rxx", self._decoy("rxx", folder, decoy)),
                        "docrelTime": "2025.02.10 09:00:00", "docContent": ""})
        host = self.hosts["rxx"]
        host.pages["/"] = _page(f"{WEST}门户网站", f'<div class="nav"><a href="{folder}">政府信息公开年报</a></div>')
        host.pages[folder] = _column(WEST, (
            "function loadList(page){$.getJSON('/smartSearch/interface/search.do?express=(chnlid%3D120)&keyName=zhss"
            f"&siteId={SEARCH_SITE}&order=-docrelTime&pagesize={PREPAGE}&currentpage=' + page, function(res){{"
            "$('#list').html($.map(res.data, function(d){return '<li><a href=\"' + d.docPuburl + '\">' + d.docTitle"
            " + '</a></li>';}).join(''));});}loadList(1);"))
        host.guarded.add("/smartSearch/interface/search.do")

        def search(query: dict[str, list[str]]) -> Page:
            shown = rows if query_value(query, "express").replace(" ", "") == "(chnlid=120)" else []
            size, page = _number(query, "pagesize", 15), _number(query, "currentpage", 1)
            return Page(json.dumps({"total": len(shown), "data": shown[(page - 1) * size:page * size]},
                                   ensure_ascii=False).encode(), JSON)

        host.dynamic["/smartSearch/interface/search.do"] = search


def _ssp_row(url: str, title: str, agency: str, date: str) -> dict:
    """An ``apiSearch`` row as the 福建 spiders read it (``_doctitle`` marked for the words searched, none here)."""
    return {"_doctitle": title, "doctitle": title, "docpuburl": url, "puborg": agency, "idxid": "",
            "fileno": "", "pubdate": date, "docreltime": f"{date} 09:00:00"}


def _ssp_answer(query: dict[str, list[str]], rows: dict[str, list[dict]]) -> Page:
    """``apiSearch``: the rows of the columns ``chnlIdList`` names, newest first, ``rows`` a page; ``error`` past the
    last."""
    shown = sorted((row for column in query_value(query, "chnlIdList").split(",") for row in rows.get(column.strip(), [])),
                   key=lambda row: row["pubdate"], reverse=True)
    size = _number(query, "rows", 0) or _number(query, "datas", 10)
    page = _number(query, "page", 1)
    chunk = shown[(page - 1) * size:page * size]
    return Page(json.dumps({"error": not chunk, "total": len(shown), "datas": chunk}, ensure_ascii=False).encode(),
                JSON)


def _was5_script(query: dict[str, list[str]], rows: list[tuple[str, str, str]]) -> Page:
    """WAS5 ``advsch.jsp`` answering a script: one ``urls[i]='…'`` (and title, date) a row, ``prepage`` a page."""
    shown = rows if query_value(query, "classsql").replace(" ", "") == "chnlid=5727" else []
    size, page = _number(query, "prepage", 10), _number(query, "page", 1)
    lines = "".join(f"urls[i]='{path}';titles[i]='{title}';times[i]='{date}';i++;\n"
                    for path, title, date in shown[(page - 1) * size:page * size])
    pages = -(-len(shown) // size)
    return Page((f"<script>\nvar urls = new Array(); var titles = new Array(); var times = new Array(); var i = 0;\n"
                 f"{lines}var pagenum = {pages}; var count = {len(shown)};\n"
                 "for (var j = 0; j < i; j++) { document.write('<li><a href=\"' + urls[j] + '\">' + titles[j] + "
                 "'</a><span>' + times[j] + '</span></li>'); }\n</script>\n").encode(), "text/html; charset=utf-8")


def _was5_json(query: dict[str, list[str]], docs: list[dict]) -> Page:
    """WAS5 ``advsch.jsp`` answering JSON ``{count, docs}``; a page past the last the template's one empty row."""
    shown = docs if query_value(query, "classsql").replace(" ", "") == "chnlid=35207" else []
    size, page = _number(query, "prepage", 10), _number(query, "page", 1)
    chunk = shown[(page - 1) * size:page * size] or [
        {"title": "文章标题", "url": "", "time": "", "pubtime": "", "src": "", "content": "", "file": "",
         "filedesc": ""}]
    return Page(json.dumps({"count": str(len(shown)), "docs": chunk}, ensure_ascii=False).encode(),
                "text/html; charset=utf-8")
