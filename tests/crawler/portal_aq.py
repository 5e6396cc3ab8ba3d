"""A portal, 汶溪市, under host names (``wenxi.gov.cn``) on one server told apart by the Host header: a city on
辽宁's ``/web/zwgkx/`` platform (lists ``<8 hex>-<N>.shtml``), departments on 新点 (Epoint) platforms whose lists are
answered by POST (徐州's ``govInfoPub.html?categorynum=`` posting JSON to ``getgovinfolist``; a WebService answering
JSON inside a JSON string; 江苏's ``nrglIndex.action`` posting ``cpage``), on 宁夏's ``list.html``/``list_2.html``,
海南's ``/hainan/<column>/list3.shtml`` and 新疆's ``zfxxgk_<name>_list.shtml`` columns, counties on 宁夏's
``/zwgk/gkbm/<unit>/fdzdgknr_<id>/`` catalogue and 辽宁's hexadecimal lists — their habits reproduced as public code
and pages show them, for crawls over real HTTP. The names resolve to 127.0.0.1 in the crawl under test only
(``HostsResolver``).

Evidence (public repositories and stored pages, read through the tool library; quoted as found):

| site | habit | evidence |
| --- | --- | --- |
| 辽宁 www.ln.gov.cn | articles ``/web/zwgkx/zfwj/bmwj/ssft/<32 HEX>/index.shtml`` and ``/web/zwgkx/zfxxgk1/zc/xzgfxwj/szf/szfwj/2023010509411077517/index.shtml`` (a 19-digit time stamp); the 年报 ``/web/zwgkx/zfxxgk1/2010zfxxgk_148535/2025/bmzfxxgkgzndbg/2026012914194811951/index.shtml`` (a year folder); lists ``/web/zwgkx/zfwj/605dc429-<N>.shtml``, ``/web/zwgkx/zfwj/szfl/661e4dc5-<N>.shtml`` (N from 1) | a Go collector's start pages (``fmt.Sprintf(".../605dc429-%d.shtml", i)`` for i from 1), a 吉林/辽宁 spider's commented URL, sources cited by several projects, a stored mirror of the 年报 page |
| 徐州 sthj./dpc./ws./gxj.xz.gov.cn, www.xz.gov.cn, www.xzjw.gov.cn, www.px.gov.cn; 抚顺 sthj.fushun.gov.cn | columns ``/dynamic/zwgk/govInfoPub.html?categorynum=003011`` (``&deptcode=001001``; ``govInfoPubright.html``; 抚顺's ``nohandsdate_govInfoPub.html?categorynum=003006``), "列表是 POST 接口": ``POST {host}/EWB-FRONT/rest/lightfrontaction/getgovinfolist``, a JSON body ``{"deptcode": "", "categorynum", "pageIndex": 0, "pageSize": 20, "siteGuid"}`` (pages from 0), ``siteGuid`` matched by ``siteGuid"\\s*:\\s*"([^"]+)"`` in ``/js/webBuilderCommon.js``; the answer ``{"custom": {"data": [{"title", "infourl", "infodate"}], "total"}}`` | a 江苏 collector's config (the list a POST interface), a 徐州 collectors' shared module (``scrape_gov_site``) and its per-department start URLs, a 抚顺 Scrapy spider's start URLs |
| 江苏 zrzy.jiangsu.gov.cn | ``gtapp/nrglIndex.action``: page 1 by GET, later pages the same address posted ``cpage=n``; rows ``td.nlist`` (a link, its ``title``, the date in the cell's text) | the same shared module (``scrape_zrzy_site``) |
| 镇江 ggzy.zhenjiang.gov.cn (新点) | ``/services/ZjWebService/getGovInfoPubMoreInfo?response=application/json&pageIndex=1&pageSize=20&categorynum=001001002001&title=``; the answer ``{"return": "<JSON text>"}`` whose text holds ``Table: [{title, infodate, infoUrl}]`` (``json.loads(page)["return"]`` then ``json.loads(...).get('Table')``); the count from ``getGovInfoPubByCount`` (``{"return": "<n>"}``) | a collector of 镇江's 公共资源 platform |
| 信用徐州 www.xuzhoucredit.gov.cn | a Vue site: ``GET /wcm/content/news_list.json`` with ``columnId``, ``page`` (from 0), ``size``, answered a bare list (``title``, ``url``, ``publishDate``), no count (the collector stops after a page shorter than ``size``); the column's id in ``zcgf.html``'s ``COLUMN`` | the 徐州 collectors' shared module (``scrape_credit_site``) |
| 宁夏 www.nx.gov.cn, sycyy.yinchuan.gov.cn, www.nxyn.gov.cn | lists ``/zwgk/qzfwj/list.html``, ``list_2.html`` (20 rows, ``ul.nx-list li a``); articles ``/zwgk/rsrm/202603/t20260324_5200655.html``; the 年报 column ``/zwgk/zfxxgknb/`` (``/zwgk/zfxxgknb/202601/t20260123_5149115.html``, breadcrumb 首页>政府信息公开>政府信息公开年报); a county's catalogue ``/zwgk/gkbm/ynxzfbgs/fdzdgknr_65328/zfwj_15484/202601/t20260112_5132962.html`` | a collector's notes (``response.css('ul.nx-list li')``, 48 pages), a Scrapy spider's start URLs (``list_{}.html``), a stored 银川 page, a research note's sources |
| 海南 www.hainan.gov.cn | columns ``/hainan/zxjd/list3.shtml``, ``/hainan/zcfg/zymylist.shtml``, ``/hainan/zfwj/szfzcwj.shtml``, ``/hainan/zccs/list_jjdyyqfkzzz.shtml``; articles ``/hainan/5309/202605/3011196513034244990790b96191e0c3.shtml`` (32 hex) | a Scrapy spider's start list, a collector's ``_get_list_index`` (list3/list4), sources cited by several projects |
| 新疆 www.xinjiang.gov.cn, sfj.xinjiang.gov.cn | columns ``/xinjiang/zfl/zfxxgk_zhengce_list.shtml``, ``/xjszfzj/zcwjfb/zfxxgk_cwxx…`` | a survey of provinces' 政策 entries, a collector's config |

Assumptions (no evidence found): the markup and pager of 辽宁's hexadecimal lists and of 海南's and 新疆's columns
(here numbered links and 下一页); the scripts of 徐州's ``govInfoPub.html`` (here one ``$.ajax`` posting
``JSON.stringify({…, siteGuid: webBuilderCommon.siteGuid})``, ``webBuilderCommon`` an object the site's script
declares) and of the 新点 WebService (``$.ajax`` posting its fields, the count asked first); the form ``cpage`` is
posted by (here a ``pageForm`` that ``goPage(n)`` submits, as JSP lists do); the 年报 columns' names on each platform.
Left out, no shape found: 辽宁's ``glist.html``, 青海's and 西藏's platforms, 南威 (NWCMS), 万户 ezEIP, 政通, 国脉;
绥化's ``/sh/<section>/zfxxgk.shtml`` with articles ``/sh/<section>/<yyyymm>/<32 hex>.shtml`` (a research tool's
notes) is the 甘肃/黑龙江 platform ``portal_ao`` serves.

The portal:

- ``www.``: the city on 辽宁's platform, its 政府信息公开 page ``/web/zwgkx/zfxxgk1/index.shtml`` linking the 年报
  column ``…/zfxxgkndbg/3c9e51a0-1.shtml`` (two pages) and, as 往年年报, its second page (read as a way or as the
  column's page, whichever comes first); 部门网站 and 县区 linked from the home page;
- 生态环境局 (``sthj.``): 徐州's ``/dynamic/zwgk/govInfoPub.html?categorynum=003011``, its list posted as JSON to
  ``/EWB-FRONT/rest/lightfrontaction/getgovinfolist`` with the ``siteGuid`` of ``/js/webBuilderCommon.js``, two pages;
- 自然资源和规划局 (``zrzy.``): 江苏's ``/gtapp/nrglIndex.action``, page 2 posted ``cpage=2``;
- 发展和改革委员会 (``fgw.``): a 新点 column page ``/dynamic/zwgk/govInfoPub.html?categorynum=003012`` drawn by a
  script posting to ``/services/WxWebService/getGovInfoPubMoreInfo`` (JSON in a JSON string), two pages;
- 社会信用体系建设办公室 (``xyb.``): 信用徐州's ``/zcgf.html`` drawn from ``news_list.json`` (GET, no count), two pages;
- 教育局 (``jyj.``): 宁夏's ``/zwgk/zfxxgknb/list.html``, ``list_2.html``, ``ul.nx-list``;
- 卫生健康委员会 (``wjw.``): 海南's ``/hainan/zfxxgknb/list3.shtml``;
- 民政局 (``mzj.``): 新疆's ``/xinjiang/zfxxgknb/zfxxgk_ndbg_list.shtml``;
- 司法局 (``sfj.``): 辽宁's ``/web/zwgkx/zfxxgkndbg/9d02be7f-1.shtml``;
- 汶东县 (``wdx.``): 宁夏's county catalogue ``/zwgk/gkbm/wdxzfbgs/fdzdgknr_65328/zfxxgknb_15490/``;
- 汶西区 (``wxq.``): 辽宁's hexadecimal list, two pages;
- decoys: a 解读, a 政府工作报告, a 决算 and a notice on writing the 年报 among the rows.
"""

from __future__ import annotations

import json
import zlib
from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import JSON, SCRIPT, Host, Look, Page, stable_hex
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_u import query_value

DOMAIN = "wenxi.gov.cn"
CITY = "汶溪市人民政府"
LOOK = Look('<a href="/">首页</a>', seed=211, day=1)
PER_PAGE = 3
CITY_YEARS = [2024, 2023, 2022, 2021]
CITY_LIST = "/web/zwgkx/zfxxgk1/zfxxgkndbg/"
# sub-domain → (agency, years)
LIGHT_FRONT = ("sthj", "汶溪市生态环境局", [2024, 2023, 2022, 2021])
POSTED = ("zrzy", "汶溪市自然资源和规划局", [2024, 2023, 2022, 2021])
SERVICE = ("fgw", "汶溪市发展和改革委员会", [2024, 2023, 2022, 2021])
NEWS_LIST = ("xyb", "汶溪市社会信用体系建设办公室", [2024, 2023, 2022, 2021, 2020])
NINGXIA = ("jyj", "汶溪市教育局", [2024, 2023, 2022, 2021])
HAINAN = ("wjw", "汶溪市卫生健康委员会", [2024, 2023, 2022])
XINJIANG = ("mzj", "汶溪市民政局", [2024, 2023])
LIAONING = ("sfj", "汶溪市司法局", [2024, 2023, 2022])
COUNTY = ("wdx", "汶东县人民政府", [2024, 2023, 2022, 2021])
DISTRICT = ("wxq", "汶溪市汶西区人民政府", [2024, 2023, 2022, 2021, 2020])
DEPARTMENTS = [LIGHT_FRONT, POSTED, SERVICE, NEWS_LIST, NINGXIA, HAINAN, XINJIANG, LIAONING]
COUNTIES = [COUNTY, DISTRICT]
AGENCIES = [CITY, *(agency for _, agency, _ in DEPARTMENTS + COUNTIES)]

Row = tuple[str, str, str]   # a list's row: path, title, date


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 汶溪市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def _page(title: str, body: str) -> Page:
    return Page(LOOK.html(title, body))


def _stamp(title: str, year: int) -> str:
    """辽宁's article folder: a 19-digit time stamp (``2026012914194811951``)."""
    return f"{year + 1}0115{zlib.crc32(title.encode()) % 10 ** 11:011d}"


def _items(rows: list[Row], title_attr: bool = True) -> str:
    """A list's rows: each a link (with the title in ``title=`` where ``title_attr``) and its date."""
    return "".join(f'<li><a href="{path}" target="_blank"' + (f' title="{escape(text)}"' if title_attr else "")
                   + f'>{escape(text)}</a><span>{date}</span></li>' for path, text, date in rows)


def _pages(rows: list[Row]) -> list[list[Row]]:
    return [rows[k:k + PER_PAGE] for k in range(0, len(rows), PER_PAGE)]


def _pager(names: list[str], current: int) -> str:
    """Numbered links and 下一页 as a static list prints them (``names`` the pages' file names)."""
    numbers = "".join(f'<a href="{name}">{k + 1}</a>' if k != current else f"<span>{k + 1}</span>"
                      for k, name in enumerate(names))
    after = f'<a href="{names[current + 1]}">下一页</a>' if current + 1 < len(names) else ""
    return f'<div class="page">{numbers}{after}</div>'


class PortalAQ(OneServerPortal):
    """The hosts of 汶溪市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        subs = ("www", *(sub for sub, _, _ in DEPARTMENTS + COUNTIES))
        self.hosts = {sub: Host() for sub in subs}
        self.serve(self.hosts)
        self.www = self.hosts["www"]
        self.base = self.url("www", "/")
        self._city()
        self._light_front(*LIGHT_FRONT)
        self._posted_pages(*POSTED)
        self._news_list(*NEWS_LIST)
        self._web_service(*SERVICE)
        self._ningxia(*NINGXIA, "/zwgk/zfxxgknb/", "/zwgk/")
        self._one_page(*HAINAN, "/hainan/zfxxgknb/", "list3.shtml", "/hainan/zfxxgk/",
                       (0, f"{HAINAN[1]}2025年政府工作报告", "2025-02-10"), '<div class="list-right"><ul>%s</ul></div>',
                       titled=False)
        self._one_page(*XINJIANG, "/xinjiang/zfxxgknb/", "zfxxgk_ndbg_list.shtml", "/xinjiang/zfxxgk/",
                       (1, f"《{XINJIANG[1]}2023年政府信息公开工作年度报告》解读", "2024-02-02"),
                       '<ul class="zfxxgk-list">%s</ul>', titled=True)
        self._liaoning(*LIAONING, "/web/zwgkx/zfxxgkndbg/", "9d02be7f")
        self._ningxia(*COUNTY, "/zwgk/gkbm/wdxzfbgs/fdzdgknr_65328/zfxxgknb_15490/", "/zwgk/gkbm/wdxzfbgs/")
        self._liaoning(*DISTRICT, "/web/zwgkx/zfxxgkndbg/", "b41c7e20")
        self._home()

    def _home(self) -> None:
        departments = list_items([(self.url(sub, "/"), agency.removeprefix("汶溪市")) for sub, agency, _ in DEPARTMENTS])
        counties = list_items([(self.url(sub, "/"), agency.removeprefix("汶溪市")) for sub, agency, _ in COUNTIES])
        self.www.pages["/"] = _page(f"{CITY}门户网站", (
            '<div class="nav2"><a href="/web/zwgkx/zfxxgk1/index.shtml">政府信息公开</a>'
            '<a href="/web/ywdt/index.shtml">要闻动态</a></div>'
            f'<div class="links"><h3>部门网站</h3><ul>{departments}</ul><h3>县区</h3><ul>{counties}</ul></div>'))
        notice = self._decoy("www", "/web/ywdt/tzgg/2025011009301512345/index.shtml",
                             "关于做好2024年度政府信息公开工作年度报告编制发布工作的通知", "2025-01-10")
        self.www.pages["/web/ywdt/index.shtml"] = _page("要闻动态", f'<ul class="list">{_items([notice])}</ul>')

    def _reports(self, sub: str, agency: str, years: list[int], address) -> list[Row]:
        """``agency``'s reports for ``years`` as articles at ``address(year, title)``, expected; their rows."""
        rows = []
        for k, year in enumerate(years):
            title = f"{agency}{year}年政府信息公开工作年度报告"
            path = address(year, title)
            self.hosts[sub].pages[path] = Page(LOOK.article(title, agency, year))
            self.expected[self.url(sub, path)] = (agency, year)
            rows.append((path, title, f"{year + 1}-01-1{k}"))
        return rows

    def _decoy(self, sub: str, path: str, title: str, date: str) -> tuple[str, str, str]:
        return self.decoy(LOOK, sub, path, title, date)

    def _hub(self, sub: str, agency: str, hub: str, column: str, extra: str = "") -> None:
        """The unit's home linking its 政府信息公开 page ``hub``, which links the 年报 ``column``."""
        host = self.hosts[sub]
        host.pages[hub] = _page(f"政府信息公开-{agency}", (
            f'<ul class="xxgk-nav"><li><a href="{hub}zn/">政府信息公开指南</a></li>'
            f'<li><a href="{column}">政府信息公开年报</a></li>{extra}</ul>'))
        host.pages[f"{hub}zn/"] = _page("政府信息公开指南", '<div class="content">指南。</div>')
        if sub != "www":
            host.pages["/"] = _page(f"{agency}网站", f'<div class="nav2"><a href="{hub}">政府信息公开</a></div>')

    def _liaoning_list(self, sub: str, agency: str, column: str, code: str, rows: list[Row]) -> list[str]:
        names = [f"{code}-{k + 1}.shtml" for k in range(len(_pages(rows)))]
        for k, shown in enumerate(_pages(rows)):
            self.hosts[sub].pages[f"{column}{names[k]}"] = _page(f"政府信息公开年报-{agency}", (
                f'<ul class="gk-list">{_items(shown)}</ul>{_pager(names, k)}'))
        return [f"{column}{name}" for name in names]

    def _city(self) -> None:
        """辽宁's platform: the 年报 column ``<8 hex>-<N>.shtml``, articles under 19-digit time stamps; its second
        page linked from the 政府信息公开 page too, as 往年年报."""
        rows = self._reports("www", CITY, CITY_YEARS, lambda year, title:
                             f"{CITY_LIST}{year + 1}/{_stamp(title, year)}/index.shtml")
        title = f"《{CITY}2023年政府信息公开工作年度报告》解读"
        rows.insert(1, self._decoy("www", f"{CITY_LIST}2024/{_stamp(title, 2023)}/index.shtml", title, "2024-01-20"))
        pages = self._liaoning_list("www", CITY, CITY_LIST, "3c9e51a0", rows)
        self._hub("www", CITY, "/web/zwgkx/zfxxgk1/index.shtml", pages[0],
                  f'<li><a href="{pages[1]}">往年年报</a></li>')

    def _liaoning(self, sub: str, agency: str, years: list[int], column: str, code: str) -> None:
        rows = self._reports(sub, agency, years, lambda year, title:
                             f"{column}{year + 1}/{_stamp(title, year)}/index.shtml")
        title = f"{agency}2024年部门决算"
        rows.insert(1, self._decoy(sub, f"{column}2025/{_stamp(title, 2024)}/index.shtml", title, "2025-03-02"))
        pages = self._liaoning_list(sub, agency, column, code, rows)
        self._hub(sub, agency, "/web/zwgkx/", pages[0])

    def _light_front(self, sub: str, agency: str, years: list[int]) -> None:
        """徐州's ``govInfoPub.html?categorynum=``: an empty list its script fills by posting JSON (``categorynum``,
        ``pageIndex`` from 0, ``pageSize``, and the ``siteGuid`` the site's ``/js/webBuilderCommon.js`` declares) to
        ``/EWB-FRONT/rest/lightfrontaction/getgovinfolist``, answered ``{"custom": {"data": [...], "total": n}}``."""
        host, column = self.hosts[sub], "/dynamic/zwgk/govInfoPub.html"
        rows = self._reports(sub, agency, years, lambda year, title:
                             f"/zwgk/zfxxgknb/{year + 1}01/{stable_hex(title, 32)}.html")
        title = f"{agency}2025年工作要点"
        rows.insert(2, self._decoy(sub, f"/zwgk/zfxxgknb/202502/{stable_hex(title, 32)}.html", title, "2025-02-10"))
        guid = "7eb5f7f1-9041-43ad-8e13-8fcb82ea831a"

        def answer(query: dict[str, list[str]], body: object) -> Page:
            asked = body if isinstance(body, dict) else {}
            index, size = asked.get("pageIndex"), asked.get("pageSize")
            if asked.get("siteGuid") != guid or asked.get("categorynum") != "003011" \
                    or not isinstance(index, int) or not isinstance(size, int) or size < 1:
                return Page(json.dumps({"custom": {"data": [], "total": 0}}).encode(), JSON)
            data = [{"title": text, "infourl": path, "infodate": date}
                    for path, text, date in rows[index * size:(index + 1) * size]]
            return Page(json.dumps({"custom": {"data": data, "total": len(rows)}}, ensure_ascii=False).encode(), JSON)

        host.posted["/EWB-FRONT/rest/lightfrontaction/getgovinfolist"] = answer
        host.pages["/js/webBuilderCommon.js"] = Page((
            'var webBuilderCommon = {"siteGuid": "' + guid + '", "siteName": "' + agency + '"};').encode(), SCRIPT)
        host.dynamic[column] = lambda query: _page(f"政府信息公开年报-{agency}", (
            '<script src="/js/webBuilderCommon.js"></script><ul class="ewb-list" id="infolist"></ul><script>'
            "$.ajax({url: '/EWB-FRONT/rest/lightfrontaction/getgovinfolist', type: 'POST', "
            "contentType: 'application/json', data: JSON.stringify({deptcode: '', categorynum: '003011', pageIndex: 0, "
            f"pageSize: {PER_PAGE}, siteGuid: webBuilderCommon.siteGuid}}), success: function (res) {{ "
            "var data = res.custom.data; var html = ''; for (var i = 0; i < data.length; i++) { html += '<li><a href=\"' "
            "+ data[i].infourl + '\">' + data[i].title + '</a><span>' + data[i].infodate + '</span></li>'; } "
            "$('#infolist').html(html); }});</script>"))
        self._hub(sub, agency, "/zwgk/", f"{column}?categorynum=003011")

    def _news_list(self, sub: str, agency: str, years: list[int]) -> None:
        """信用徐州's Vue site: the column's script asks ``GET /wcm/content/news_list.json?columnId=…&page=0&size=…``,
        answered a bare JSON list (``title``, ``url``, ``publishDate``) with no count: a shorter page is the last."""
        host, column = self.hosts[sub], "48848cee0b9041a9be1df9aabe473f8a"
        rows = self._reports(sub, agency, years, lambda year, title:
                             f"/wcm/content/{year + 1}01/{stable_hex(title, 32)}.html")
        title = f"{agency}2024年信用信息公开工作要点"
        rows.insert(1, self._decoy(sub, f"/wcm/content/202502/{stable_hex(title, 32)}.html", title, "2025-02-10"))

        def news(query: dict[str, list[str]]) -> Page:
            page, size = query_value(query, "page"), query_value(query, "size")
            shown = rows[int(page) * int(size):(int(page) + 1) * int(size)] \
                if page.isdigit() and size.isdigit() and query_value(query, "columnId") == column else []
            return Page(json.dumps([{"title": text, "url": path, "publishDate": date} for path, text, date in shown],
                                   ensure_ascii=False).encode(), JSON)

        host.dynamic["/wcm/content/news_list.json"] = news
        host.pages["/zcgf.html"] = _page(f"政府信息公开年报-{agency}", (
            '<div id="app"><ul id="list"></ul></div><script>'
            f"var COLUMN = '{column}';"
            f"$.get('/wcm/content/news_list.json', {{columnId: COLUMN, page: 0, size: {PER_PAGE}}}, function (list) {{ "
            "var html = ''; for (var i = 0; i < list.length; i++) { html += '<li><a href=\"' + list[i].url + '\">' + "
            "list[i].title + '</a></li>'; } $('#list').html(html); });</script>"))
        self._hub(sub, agency, "/zwgk/", "/zcgf.html")

    def _posted_pages(self, sub: str, agency: str, years: list[int]) -> None:
        """江苏's ``gtapp/nrglIndex.action``: the first page's rows in ``td.nlist`` cells, later pages the same
        address posted ``cpage=n`` by the pager's form."""
        host, column = self.hosts[sub], "/gtapp/nrglIndex.action"
        rows = self._reports(sub, agency, years, lambda year, title:
                             f"/gtapp/nrglIndex.action?type=2&messageID={stable_hex(title, 32)}")
        title = f"{agency}2024年部门预算"
        rows.insert(1, self._decoy(sub, f"/gtapp/nrglIndex.action?type=2&messageID={stable_hex(title, 32)}", title,
                                   "2025-02-10"))
        pages = _pages(rows)

        def shown(number: int) -> Page:
            cells = "".join(f'<tr><td class="nlist"><a href="{path}" title="{escape(text)}" target="_blank">'
                            f"{escape(text)}</a> {date}</td></tr>" for path, text, date in pages[number - 1])
            calls = "".join(f'<a href="javascript:goPage({k + 1})">{k + 1}</a>' for k in range(len(pages)))
            return _page(f"政府信息公开年报-{agency}", (
                f'<table>{cells}</table><form name="pageForm" id="pageForm" method="post" action="{column}?catalogID=nb">'
                f'<input type="hidden" id="cpage" name="cpage" value="{number}"></form><div class="page">{calls}'
                f"<span>共{len(pages)}页</span></div><script>function goPage(n) {{ "
                "document.getElementById('cpage').value = n; document.getElementById('pageForm').submit(); }</script>"))

        def posted(query: dict[str, list[str]], form: dict[str, list[str]]) -> Page:
            number = query_value(form, "cpage")
            return shown(int(number)) if number.isdigit() and 1 <= int(number) <= len(pages) else shown(1)

        def article_or_list(query: dict[str, list[str]]) -> Page:
            article = f"{column}?type=2&messageID={query_value(query, 'messageID')}"
            return host.pages.get(article, Page(b"<h1>404</h1>", status=404)) if "messageID" in query else shown(1)

        host.dynamic[column] = article_or_list
        host.posted[column] = posted
        self._hub(sub, agency, "/zwgk/", f"{column}?catalogID=nb")

    def _web_service(self, sub: str, agency: str, years: list[int]) -> None:
        """新点's WebService: the column page an empty list a script fills by posting ``pageIndex``, ``pageSize``
        and ``categorynum`` to ``getGovInfoPubMoreInfo``, its answer ``{"return": "<JSON text>"}``; the count asked
        of ``getGovInfoPubByCount``."""
        host, column, service = self.hosts[sub], "/dynamic/zwgk/govInfoPub.html", "/services/WxWebService/"
        rows = self._reports(sub, agency, years, lambda year, title:
                             f"/zwgk/003012/{year + 1}0115/{stable_hex(title, 32)}.html")
        title = f"{agency}2024年政府工作报告重点任务分工"
        rows.insert(1, self._decoy(sub, f"/zwgk/003012/20250210/{stable_hex(title, 32)}.html", title, "2025-02-10"))

        def answer(value: str) -> Page:
            return Page(json.dumps({"return": value}, ensure_ascii=False).encode(), JSON)

        def more(query: dict[str, list[str]], form: dict[str, list[str]]) -> Page:
            index, size = query_value(form, "pageIndex"), query_value(form, "pageSize")
            if not (index.isdigit() and size.isdigit()) or query_value(form, "categorynum") != "003012":
                return answer(json.dumps({"Table": []}))
            start = (int(index) - 1) * int(size)
            table = [{"title": text, "infodate": date, "infoUrl": path}
                     for path, text, date in rows[start:start + int(size)]]
            return answer(json.dumps({"Table": table}, ensure_ascii=False))

        host.posted[f"{service}getGovInfoPubMoreInfo"] = more
        host.posted[f"{service}getGovInfoPubByCount"] = lambda query, form: answer(str(len(rows)))
        host.dynamic[column] = lambda query: _page(f"政府信息公开年报-{agency}", (
            '<ul class="ewb-list" id="infolist"></ul><div id="pager"></div><script>'
            "var categorynum = '003012', pageSize = " + str(PER_PAGE) + ", total = 0;"
            "function load(pageIndex) { $.ajax({url: '" + service + "getGovInfoPubMoreInfo', type: 'POST', "
            "data: {response: 'application/json', pageIndex: pageIndex, pageSize: pageSize, categorynum: categorynum,"
            " title: ''}, success: function (data) { var table = JSON.parse(data['return']).Table; var html = '';"
            " for (var i = 0; i < table.length; i++) { html += '<li><a href=\"' + table[i].infoUrl + '\">' + "
            "table[i].title + '</a><span>' + table[i].infodate + '</span></li>'; } $('#infolist').html(html); }}); }"
            "$.ajax({url: '" + service + "getGovInfoPubByCount', type: 'POST', data: {response: 'application/json', "
            "categorynum: categorynum, title: ''}, success: function (data) { total = parseInt(data['return'], 10); "
            "load(1); }});</script>"))
        self._hub(sub, agency, "/zwgk/", f"{column}?categorynum=003012")

    def _ningxia(self, sub: str, agency: str, years: list[int], column: str, hub: str) -> None:
        """宁夏's ``list.html``, ``list_2.html``: ``ul.nx-list`` rows, articles ``<yyyymm>/t<date>_<id>.html``."""
        rows = self._reports(sub, agency, years, lambda year, title:
                             f"{column}{year + 1}01/t{year + 1}0115_{zlib.crc32(title.encode()) % 10 ** 7}.html")
        title = f"{agency}2024年部门决算公开"
        rows.insert(2, self._decoy(sub, f"{column}202503/t20250302_{zlib.crc32(title.encode()) % 10 ** 7}.html",
                                   title, "2025-03-02"))
        names = ["list.html", *(f"list_{k + 1}.html" for k in range(1, len(_pages(rows))))]
        for k, shown in enumerate(_pages(rows)):
            self.hosts[sub].pages[f"{column}{names[k]}"] = _page(f"政府信息公开年报-{agency}", (
                f'<div class="location">当前位置：首页&gt;政府信息公开&gt;政府信息公开年报</div>'
                f'<ul class="nx-list">{_items(shown)}</ul>{_pager(names, k)}'))
        self._hub(sub, agency, hub, f"{column}list.html")

    def _one_page(self, sub: str, agency: str, years: list[int], column: str, name: str, hub: str,
                  decoy: tuple[int, str, str], rows_in: str, titled: bool) -> None:
        """A column of one page ``{column}{name}``, articles ``<yyyymm>/<32 hex>.shtml``, a ``decoy`` (row, title,
        date) among the rows, their ``<li>`` in ``rows_in`` (``%s``), links with ``title=`` where ``titled``: 海南's
        ``/hainan/<column>/list3.shtml``, 新疆's ``/xinjiang/<column>/zfxxgk_<name>_list.shtml``."""
        rows = self._reports(sub, agency, years, lambda year, title:
                             f"{column}{year + 1}01/{stable_hex(title, 32)}.shtml")
        at, title, date = decoy
        rows.insert(at, self._decoy(sub, f"{column}{date[:4]}{date[5:7]}/{stable_hex(title, 32)}.shtml", title, date))
        self.hosts[sub].pages[f"{column}{name}"] = _page(f"政府信息公开年报-{agency}", rows_in % _items(rows, titled))
        self._hub(sub, agency, hub, f"{column}{name}")
