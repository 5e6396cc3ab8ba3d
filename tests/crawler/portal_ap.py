"""A portal, 澄浦市, under host names (``chengpu.gov.cn``) on one server told apart by the Host header: the city and two
departments on 河北's ``/columns/<uuid>/`` platform (the 年报 column's sub-columns per agency, pages ``index{N}.html``),
two departments on 邯郸's 信息公开 host (``zfxxgk.``: ``/gszbm/auto<id>/``, an inline ``document.write`` pager),
four departments on a 天津-style 信息公开 host (``gk.``: one 年报 column ``/xxgknb_530/`` holding a folder per agency,
TRS pages), a county on 山西's ``xxgk.<county>`` platform (``/<county>rmzf/zfxxgknb/`` and ``/gzbm/<dept>/zfxxgknb/``),
a banner on 内蒙古 兴安盟's ``/<site>/<yyyy-mm>/<dd>/article_<stamp>.html`` sites, a department whose reports are
among its 公示公告 (each the ``index.html`` of a numbered folder) and a district on 上海's district
layout (区政府 and 委办局 on one host, a 信息公开目录 of ``/zwgk/zfxxgknb/<unit>/`` columns) — their habits as public
pages show them, for crawls over real HTTP. The names resolve to 127.0.0.1 in the crawl under test only
(``HostsResolver``).

Evidence (stored public pages, read through the tool library; quoted as found):

| site | habit | evidence |
| --- | --- | --- |
| 河北 www.hebei.gov.cn | a report at ``/columns/<uuid>/<yyyymm>/<dd>/<uuid>.html`` under the breadcrumb 首页 > 政府信息公开 > 政府信息公开年报 > 河北省 (the 年报 column split by agency) | ``https://www.hebei.gov.cn/columns/8aef2fa0-cc14-409e-9f68-fbdba00a0c72/202308/21/720faafd-6610-4d9e-9cc8-9e0f056c2101.html`` (河北省2020年政府信息公开工作年度报告) |
| 河北 邯郸 | the city's 信息公开 on a host of its own (``hdzfxxgk.hd.gov.cn``, meta ColumnName 邯郸市政府信息公开) | a saved page in kevin3691/renmin ``views/affairs/index.jsp`` |
| 河北 邯郸 hdzfxxgk.hd.gov.cn | 市直部门 folders ``/gszbm/auto<id>/`` (``/gszbm/auto23716/202008/t20200805_1353179.html``, 邯郸市教育局); lists a ``<table>`` of 名称, 索引号, 发布机构, 发布日期; the pager an inline script ``var countnum= 6348; var currentPage=0; … var countPage=56`` writing ``document.write("<a href=\\"index"+"_"+i+"."+"html\\" …")`` and page 1 as ``"index.html"``, the column linked as its folder (``/zfwj/jinqixxgk/``); 市直部门 and 县区 in ``<select onchange="window.open(this.value)">`` drop-downs | the same saved page and ``views/affairs/list.jsp`` (its pager script frozen as ``tests/files/pager_document_write.js``) |
| 天津 gk.tj.gov.cn | one 年报 column ``/xxgknb_530/`` holding a folder per agency, TRS details ``<folder>/<yyyymm>/t<yyyymmdd>_<n>.shtml``, 首页 > 政府信息公开年度报告专栏 | ``http://gk.tj.gov.cn/xxgknb_530/tjsrmzf/201803/t20180329_77507.shtml`` |
| 山西 高平市 xxgk.sxgp.gov.cn | a county's 信息公开 host: the 市政府's column ``/gpsrmzf/zfxxgknb/``, each 工作部门's ``/gzbm/<dept>/zfxxgknb/``, TRS details ``<yyyymm>/t<yyyymmdd>_<n>.shtml`` | ``http://xxgk.sxgp.gov.cn/gpsrmzf/zfxxgknb/202602/t20260209_2319208.shtml``, ``…/gpsrmzf/zfxxgknb/202302/t20230220_1749583.shtml``, ``http://xxgk.sxgp.gov.cn/gzbm/zfbgs/zfxxgknb/202401/t20240129_1926722.shtml`` (高平市人民政府办公室) |
| 吉林 舒兰市 | the same ``gzbm/<dept>/<column>/`` tree (``/pub/slsxxgkw/gzbm/cyqrmzfbgs_7432/ndbg/201708/t20170809_257176.html``) | that page |
| 内蒙古 兴安盟 xam.gov.cn, wsb.xam.gov.cn, www.zltq.gov.cn, www.kyqq.gov.cn | every unit's site ``/<site>/<yyyy-mm>/<dd>/article_<yyyymmddhhmmss><5 digits>.html``, 来源 and 发布时间 in the page | ``http://xam.gov.cn/xam/2026-01/17/article_2026011708454744238.html``, ``http://wsb.xam.gov.cn/wsb/2026-01/20/article_2026012017235865780.html``, ``http://zltq.gov.cn/zltq/2026-02/02/article_2026020215383939768.html``, ``http://www.kyqq.gov.cn/kyqq/2026-01/30/article_2026013016545054839.html`` |
| 内蒙古 兴安盟 nmj.xam.gov.cn (农牧局) | a department's report among its 公示公告 (您的位置: 政务公开 > 其他 > 公示公告), the article the ``index.html`` of a numbered folder: ``/xamagri/1023721/1023756/1023713/4014696/index.html`` | that page (兴安盟农牧局2020年政府信息公开工作年度报告) |
| 内蒙古 乌拉特前旗, 吉林 舒兰市 | a county's 信息公开 on a public IP address (``http://1.25.240.11:8082/sites/wltqq/zwinfo.jsp?id=15652``, ``http://122.137.242.24:8080/pub/slsxxgkw/…``) | those pages; left out of the crawl (no public address can be served in a test): ``test_scope`` |
| 上海 www.shanghai.gov.cn, 黄浦区 www.shhuangpu.gov.cn | reports at ``/nw<column>/<yyyymmdd>/<32 hex>.html`` (older ``/nw12344/20200813/0001-12344_64595.html``); a district's report 由区政府办公室综合区政府各委、局、办和各街道办事处的…年度报告编制 (区政府 and its 委办局 on the district's one site) | ``https://shanghai.gov.cn/nw12344/20240329/d7775c906c0b402a93cbebf4e979c002.html``, ``https://www.shanghai.gov.cn/nw12344/20200813/0001-12344_64595.html``, 黄浦区's 2023 report's text |

Assumptions (no evidence found): 河北's list pages (here ``index.html``, then ``index2.html``, ``index3.html`` with a
numbered pager and 下一页, as the brief describes them) and its JSON search (left out: no public code shows its call);
天津's list APIs (left out, same reason: the folders are TRS ``index.shtml`` pages paged by ``createPageHTML``); the
``xxgk.<county>`` platform's lists (TRS ``index.shtml``, ``createPageHTML``); 兴安盟's column pages (a ``list.html``
and a 下一页 link to ``list_2.html``); 上海's district 信息公开目录 and its ``/zwgk/zfxxgknb/<unit>/index.html``
columns (as the brief describes them), their pager a 下一页 link.

The portal:

- ``www.``: the city on the 河北 platform, its 政府信息公开 ``/columns/<hub>/index.html`` linking the 年报 column,
  whose sub-columns are 澄浦市 (five reports, two pages), 发展和改革委员会 and 教育局; 部门信息公开 and 县区 linked from
  the home page, and a 通知 about compiling the reports among the city's news (a decoy);
- ``zfxxgk.``: the 邯郸-style 信息公开 host, 市直部门 住房保障和房产管理局 and 交通运输局 at ``/gszbm/auto<id>/``, their
  年报 columns linked as folders, paged by the inline ``document.write`` pager (住房保障和房产管理局's two pages);
- ``gk.``: the 天津-style 政府信息公开年度报告专栏 ``/xxgknb_530/index.shtml`` linking a folder for each of 民政局,
  财政局, 司法局 and 卫生健康委员会 (民政局's two TRS pages);
- 澄平县 (``gpx.`` linking ``xxgk.gpx.``): the 山西 platform, the county's column and two 工作部门's;
- 澄北旗 (``cbq.``): the 兴安盟 site, its 年报 list two pages; 农牧局 (``nmj.``): its three reports among six 公示公告
  rows (a 公示, a 预算, a 通知 on compiling the reports), each the ``index.html`` of a numbered folder;
- 澄东区 (``cdq.``): the 上海 district, a 信息公开目录 of three ``zfxxgknb`` columns (区政府's two pages);
- decoys: a 解读, a 政府工作报告, a 统计公报, a 决算 and a 通知 among the rows.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from html import escape

from tests.crawler import portal_o
from tests.crawler.helpers import FILES
from tests.crawler.portal import Host, Look, Page, stable_hex
from tests.crawler.portal_o import OneServerPortal, list_items

DOMAIN = "chengpu.gov.cn"
CITY = "澄浦市人民政府"
LOOK = Look('<a href="/">首页</a>', seed=211, day=1)
PER_PAGE = 3   # rows a list page shows: a column of more than three reports has two pages
CITY_YEARS = [2024, 2023, 2022, 2021, 2020]
# 河北 platform's sub-columns beside the city's: agency → years
HEBEI_UNITS = {"澄浦市发展和改革委员会": [2024, 2023, 2022], "澄浦市教育局": [2024, 2023]}
# 天津-style folders of the 年报 column: folder → (agency, years)
TIANJIN_UNITS = {"cpsmzj": ("澄浦市民政局", [2024, 2023, 2022, 2021]), "cpsczj": ("澄浦市财政局", [2024, 2023]),
                 "cpssfj": ("澄浦市司法局", [2024, 2023, 2022]), "cpswjw": ("澄浦市卫生健康委员会", [2024, 2023])}
# 邯郸-style 信息公开 host's 市直部门 folders: folder → (agency, years)
HANDAN_UNITS = {"auto23716": ("澄浦市住房保障和房产管理局", [2024, 2023, 2022, 2021]),
                "auto23731": ("澄浦市交通运输局", [2024, 2023])}
COUNTY = "澄平县人民政府"
# 山西 platform: column folder → (agency, years)
SHANXI_UNITS = {"/cpxrmzf/zfxxgknb/": (COUNTY, [2024, 2023, 2022]),
                "/gzbm/zfbgs/zfxxgknb/": ("澄平县人民政府办公室", [2024, 2023]),
                "/gzbm/jyj/zfxxgknb/": ("澄平县教育局", [2024, 2023])}
BANNER = "澄北旗人民政府"
BANNER_YEARS = [2024, 2023, 2022, 2021]
FARMING = "澄浦市农牧局"   # a department of the 兴安盟 kind, its reports among its 公示公告
FARMING_YEARS = [2024, 2023, 2022]
FARMING_NOTICES = "/cpagri/1023721/1023756/1023713/"
DISTRICT = "澄浦市澄东区人民政府"
# 上海 district's zfxxgknb columns: unit → (agency, years)
DISTRICT_UNITS = {"qzf": (DISTRICT, [2024, 2023, 2022, 2021]), "fgw": ("澄东区发展和改革委员会", [2024, 2023]),
                  "jyj": ("澄东区教育局", [2024, 2023, 2022])}
AGENCIES = [CITY, *HEBEI_UNITS, *(a for a, _ in TIANJIN_UNITS.values()), *(a for a, _ in HANDAN_UNITS.values()),
            *(a for a, _ in SHANXI_UNITS.values()),
            BANNER, FARMING, *(a for a, _ in DISTRICT_UNITS.values())]

Row = tuple[str, str, str]   # a list's row: path, title, date

# 邯郸's list pager as its pages carry it (the browser writes the links): 4 rows, page 0 of 2 (the unit tests' file)
_HANDAN_PAGER = (FILES / "pager_document_write.js").read_text(encoding="utf-8")


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 澄浦市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def _number(text: str) -> int:
    return 1900000 + zlib.crc32(text.encode()) % 900000


def _uuid(text: str) -> str:
    """A 河北 column's or document's id, the same every run."""
    h = stable_hex(text, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _page(title: str, body: str) -> Page:
    return Page(LOOK.html(title, body))


def _rows_html(rows: list[Row]) -> str:
    return "".join(f'<li><a href="{path}" target="_blank" title="{escape(text)}">{escape(text)}</a>'
                   f'<span class="date">{date}</span></li>' for path, text, date in rows)


def _pages(rows: list[Row]) -> list[list[Row]]:
    return [rows[k:k + PER_PAGE] for k in range(0, len(rows), PER_PAGE)]


class PortalAP(OneServerPortal):
    """The hosts of 澄浦市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.hosts = {sub: Host() for sub in ("www", "gk", "zfxxgk", "nmj", "gpx", "xxgk.gpx", "cbq", "cdq")}
        self.serve(self.hosts)
        self.www = self.hosts["www"]
        self.base = self.url("www", "/")
        self._hebei()
        self._tianjin()
        self._handan()
        self._shanxi()
        self._banner()
        self._farming()
        self._district()
        self._home()

    def _home(self) -> None:
        departments = [(self.url("www", f"/columns/{_uuid(a)}/index.html"), a.removeprefix("澄浦市"))
                       for a in HEBEI_UNITS]
        departments += [(self.url("gk", f"/xxgknb_530/{folder}/index.shtml"), a.removeprefix("澄浦市"))
                        for folder, (a, _) in TIANJIN_UNITS.items()]
        departments.append((self.url("zfxxgk", "/"), "市直部门信息公开"))
        departments.append((self.url("nmj", "/"), FARMING.removeprefix("澄浦市")))
        towns = [(self.url("gpx", "/"), "澄平县"), (self.url("cbq", "/"), "澄北旗"), (self.url("cdq", "/"), "澄东区")]
        notice = "关于做好2024年度政府信息公开工作年度报告编制发布工作的通知"
        notice_path = f"/columns/{_uuid('新闻')}/202501/06/{_uuid(notice)}.html"
        self.www.pages[notice_path] = _page(notice, f'<h1>{notice}</h1><div class="content"><p>各县区、各部门：请于'
                                                    '1月31日前发布本机关2024年度政府信息公开工作年度报告。</p></div>')
        self.www.pages["/"] = _page(f"{CITY}门户网站", (
            f'<div class="nav2"><a href="/columns/{_uuid("政府信息公开")}/index.html">政府信息公开</a>'
            f'<a href="{self.url("gk", "/xxgknb_530/index.shtml")}">政府信息公开年度报告专栏</a></div>'
            f'<div class="news"><h3>通知公告</h3><ul>{list_items([(notice_path, notice)])}</ul></div>'
            f'<div class="links"><h3>部门信息公开</h3><ul>{list_items(departments)}</ul><h3>县区</h3>'
            f"<ul>{list_items(towns)}</ul></div>"))

    def _next_paged(self, sub: str, names: Callable[[int], str], agency: str, rows: list[Row]) -> None:
        """``rows`` at ``names(1)``, ``names(2)`` …, each page linking the next by 下一页."""
        pages = _pages(rows)
        for n, shown in enumerate(pages, 1):
            pager = (f'<a href="{names(n - 1)}">上一页</a>' if n > 1 else "") + \
                    (f'<a href="{names(n + 1)}">下一页</a>' if n < len(pages) else "")
            self.hosts[sub].pages[names(n)] = _page(f"政府信息公开年报-{agency}", (
                f'<ul class="list">{_rows_html(shown)}</ul><div class="page">{pager}</div>'))

    def _trs_paged(self, sub: str, folder: str, agency: str, rows: list[Row]) -> None:
        """``rows`` at ``folder``'s ``index.shtml``, ``index_1.shtml`` …, paged by TRS ``createPageHTML``."""
        pages = _pages(rows)
        for n, shown in enumerate(pages):
            name = "index" if n == 0 else f"index_{n}"
            self.hosts[sub].pages[f"{folder}{name}.shtml"] = _page(f"政府信息公开年报-{agency}", (
                f'<ul class="list">{_rows_html(shown)}</ul><div class="page"><script>'
                f'createPageHTML({len(pages)}, {n}, "index", "shtml");</script></div>'))

    def _hebei(self) -> None:
        """The 河北 platform: 政府信息公开 → 政府信息公开年报 → a sub-column per agency, pages ``index{N}.html``."""
        hub, column = _uuid("政府信息公开"), _uuid("政府信息公开年报")
        subs = []
        for agency, years in {CITY: CITY_YEARS, **HEBEI_UNITS}.items():
            own = _uuid(agency)
            rows = self.listed_reports(LOOK, "www", agency, years, lambda year, title, own=own:
                                f"/columns/{own}/{year + 1}02/0{year % 9 + 1}/{_uuid(title)}.html")
            if agency == CITY:
                title = f"《{CITY}2023年政府信息公开工作年度报告》政策解读"
                rows.insert(1, self.decoy(LOOK, "www", f"/columns/{own}/202402/05/{_uuid(title)}.html", title,
                                           "2024-02-05"))
            pages = _pages(rows)
            for n, shown in enumerate(pages, 1):
                numbers = "".join(f'<a href="{"index" if k == 1 else f"index{k}"}.html">{k}</a>'
                                  for k in range(1, len(pages) + 1))
                after = f'<a href="index{n + 1}.html">下一页</a>' if n < len(pages) else ""
                self.www.pages[f"/columns/{own}/{'index' if n == 1 else f'index{n}'}.html"] = _page(
                    f"{agency.removesuffix('人民政府')}-政府信息公开年报", (
                        '<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>'
                        f'<ul class="list">{_rows_html(shown)}</ul><div class="page">{numbers}{after}</div>'))
            subs.append((f"/columns/{own}/index.html", agency.removesuffix("人民政府")))
        self.www.pages[f"/columns/{column}/index.html"] = _page("政府信息公开年报", (
            f'<div class="sub-columns"><ul>{list_items(subs)}</ul></div>'))
        self.www.pages[f"/columns/{hub}/index.html"] = _page("政府信息公开", (
            f'<ul class="xxgk-nav"><li><a href="/columns/{_uuid("指南")}/index.html">政府信息公开指南</a></li>'
            f'<li><a href="/columns/{column}/index.html">政府信息公开年报</a></li></ul>'))
        self.www.pages[f"/columns/{_uuid('指南')}/index.html"] = _page("政府信息公开指南", "<p>指南。</p>")

    def _tianjin(self) -> None:
        """天津's 专栏: ``/xxgknb_530/`` holding a TRS folder per agency."""
        folders = []
        for folder, (agency, years) in TIANJIN_UNITS.items():
            base = f"/xxgknb_530/{folder}/"
            rows = self.listed_reports(LOOK, "gk", agency, years, lambda year, title, base=base:
                                f"{base}{year + 1}03/t{year + 1}0329_{_number(title)}.shtml")
            if folder == "cpsczj":
                title = f"{agency}2024年部门决算"
                rows.insert(1, self.decoy(LOOK, "gk", f"{base}202503/t20250302_{_number(title)}.shtml", title,
                                           "2025-03-02"))
            self._trs_paged("gk", base, agency, rows)
            folders.append((f"{base}index.shtml", agency.removeprefix("澄浦市")))
        self.hosts["gk"].pages["/xxgknb_530/index.shtml"] = _page("政府信息公开年度报告专栏", (
            '<div class="crumb">首页 &gt; 政府信息公开年度报告专栏</div>'
            f'<ul class="units">{list_items(folders)}</ul>'))
        self.hosts["gk"].pages["/"] = _page(f"{CITY}政府信息公开", (
            '<div class="nav2"><a href="/xxgknb_530/index.shtml">政府信息公开年度报告</a></div>'))

    def _handan(self) -> None:
        """邯郸's 信息公开 host: 市直部门 folders ``/gszbm/auto<id>/``, their 年报 a table whose pager an inline
        ``document.write`` script draws from ``var countPage`` and ``currentPage`` (page 2 ``index_1.html``)."""
        host = self.hosts["zfxxgk"]
        for folder, (agency, years) in HANDAN_UNITS.items():
            base = f"/gszbm/{folder}/zfxxgknb/"
            rows = self.listed_reports(LOOK, "zfxxgk", agency, years, lambda year, title, base=base:
                                f"{base}{year + 1}01/t{year + 1}0120_{_number(title)}.html")
            pages = _pages(rows)
            for n, shown in enumerate(pages):
                cells = "".join(f'<tr><td height="35"><a href="{path}" title="{escape(text)}">{escape(text)}</a></td>'
                                f'<td height="35">000014348/{date[:4]}-{_number(text) % 90000}</td>'
                                f'<td height="35">{escape(agency)}</td><td height="35">{date}</td></tr>'
                                for path, text, date in shown)
                host.pages[f"{base}{'index' if n == 0 else f'index_{n}'}.html"] = _page(f"政府信息公开年报-{agency}", (
                    '<div class="szbmtclb"><table><tbody><tr><th>名称</th><th>索引号</th><th>发布机构</th>'
                    f'<th>发布日期</th></tr>{cells}</tbody></table><div class="page"><script language="javascript">'
                    + _HANDAN_PAGER.replace("currentPage=0", f"currentPage={n}")
                    .replace("countPage=2", f"countPage={len(pages)}").replace("countnum= 4", f"countnum= {len(rows)}")
                    + "</script></div></div>"))
            host.pages[f"/gszbm/{folder}/"] = _page(f"{agency}信息公开", (
                '<ul class="lm"><li><a href="./zfxxgknb/">政府信息公开年报</a></li></ul>'))
            host.pages[f"/gszbm/{folder}/zfxxgknb/"] = host.pages[f"{base}index.html"]
        options = "".join(f'<option value="{self.url("zfxxgk", f"/gszbm/{folder}/")}"> {a} </option>'
                          for folder, (a, _) in HANDAN_UNITS.items())
        host.pages["/"] = _page(f"{CITY.removesuffix('人民政府')}政府信息公开", (
            '<select onchange="if(this.value!=&quot;市直部门&quot;)window.open(this.value)">'
            f'<option selected="selected">市直部门</option>{options}</select>'))

    def _shanxi(self) -> None:
        """山西's ``xxgk.<county>``: the county's ``/<county>rmzf/zfxxgknb/`` and ``/gzbm/<dept>/zfxxgknb/``."""
        host = "xxgk.gpx"
        for folder, (agency, years) in SHANXI_UNITS.items():
            rows = self.listed_reports(LOOK, host, agency, years, lambda year, title, folder=folder:
                                f"{folder}{year + 1}01/t{year + 1}0129_{_number(title)}.shtml")
            if agency == COUNTY:
                title = f"{COUNTY}2025年政府工作报告"
                rows.insert(0, self.decoy(LOOK, host, f"{folder}202502/t20250210_{_number(title)}.shtml", title,
                                           "2025-02-10"))
            self._trs_paged(host, folder, agency, rows)
        units = list_items([("/gzbm/zfbgs/zfxxgknb/index.shtml", "县政府办公室"), ("/gzbm/jyj/zfxxgknb/index.shtml", "县教育局")])
        self.hosts[host].pages["/"] = _page(f"{COUNTY}信息公开", (
            '<div class="nav2"><a href="/cpxrmzf/zfxxgknb/index.shtml">政府信息公开年报</a></div>'
            f'<div class="gzbm"><h3>工作部门</h3><ul>{units}</ul></div>'))
        self.hosts["gpx"].pages["/"] = _page(f"{COUNTY}门户网站", (
            f'<div class="nav2"><a href="{self.url(host, "/")}">信息公开</a><a href="/xwzx/">新闻中心</a></div>'))

    def _banner(self) -> None:
        """兴安盟's site: ``/<site>/<yyyy-mm>/<dd>/article_<stamp>.html``, its list ``list.html``, ``list_2.html``."""
        rows = self.listed_reports(LOOK, "cbq", BANNER, BANNER_YEARS, lambda year, title:
                            f"/cbq/{year + 1}-01/2{year % 10}/article_{year + 1}012{year % 10}1635"
                            f"{_number(title) % 100000:05d}{_number(title) % 89999:05d}.html")
        title = "澄北旗2024年国民经济和社会发展统计公报"
        rows.insert(2, self.decoy(LOOK, "cbq", "/cbq/2025-03/20/article_20250320100102345678.html", title,
                                  "2025-03-20"))
        self._next_paged("cbq", lambda n: "/cbq/zfxxgknb/list.html" if n == 1 else f"/cbq/zfxxgknb/list_{n}.html",
                         BANNER, rows)
        self.hosts["cbq"].pages["/"] = _page(f"{BANNER}门户网站", (
            '<div class="nav2"><a href="/cbq/zfxxgknb/list.html">政府信息公开年报</a></div>'))

    def _farming(self) -> None:
        """A 兴安盟 department's site: its reports among its 公示公告 (政务公开 > 其他 > 公示公告), each article the
        ``index.html`` of a numbered folder of its own."""
        host = self.hosts["nmj"]
        rows = self.listed_reports(LOOK, "nmj", FARMING, FARMING_YEARS, lambda year, title:
                            f"{FARMING_NOTICES}{4014696 - 7 * (2024 - year)}/index.html")
        for k, notice in enumerate(("关于2024年草原生态保护补助奖励资金发放情况的公示", "澄浦市农牧局2025年部门预算",
                                    "关于开展2024年度政府信息公开工作年度报告编制工作的通知")):
            rows.insert(2 * k, self.decoy(LOOK, "nmj", f"{FARMING_NOTICES}{4014700 + k}/index.html", notice,
                                           f"2025-0{k + 2}-1{k}"))
        host.pages[f"{FARMING_NOTICES}index.html"] = _page("公示公告", (
            '<div class="crumb">您的位置: 政务公开 &gt; 其他 &gt; 公示公告</div>'
            f'<ul class="list">{_rows_html(rows)}</ul>'))
        host.pages["/cpagri/1023721/index.html"] = _page("政务公开", (
            '<ul class="menu"><li><a href="/cpagri/1023721/1023730/index.html">机构职能</a></li>'
            f'<li><a href="{FARMING_NOTICES}index.html">公示公告</a></li></ul>'))
        host.pages["/cpagri/1023721/1023730/index.html"] = _page("机构职能", "<p>主要职责。</p>")
        host.pages["/"] = _page(f"{FARMING}门户网站", (
            '<div class="nav2"><a href="/cpagri/1023721/index.html">政务公开</a><a href="/cpagri/1023722/index.html">'
            '农牧动态</a></div>'))

    def _district(self) -> None:
        """上海's district: a 信息公开目录 of ``/zwgk/zfxxgknb/<unit>/`` columns, reports ``/nw<id>/<date>/<hex>.html``."""
        columns = []
        for unit, (agency, years) in DISTRICT_UNITS.items():
            rows = self.listed_reports(LOOK, "cdq", agency, years, lambda year, title:
                                f"/nw{40000 + _number(title) % 999}/{year + 1}0331/{stable_hex(title, 32)}.html")
            if unit == "fgw":
                title = f"{agency}关于2023年政府信息公开工作年度报告的解读"
                rows.insert(0, self.decoy(LOOK, "cdq", f"/nw41430/20240402/{stable_hex(title, 32)}.html", title,
                                           "2024-04-02"))
            base = f"/zwgk/zfxxgknb/{unit}/"
            self._next_paged("cdq", lambda n, base=base: f"{base}index.html" if n == 1 else f"{base}index_{n}.html",
                             agency, rows)
            columns.append((f"{base}index.html", agency.removeprefix("澄浦市")))
        self.hosts["cdq"].pages["/zwgk/xxgkml/index.html"] = _page("信息公开目录", (
            f'<div class="ml"><h3>政府信息公开年报</h3><ul>{list_items(columns)}</ul></div>'))
        self.hosts["cdq"].pages["/"] = _page(f"{DISTRICT}门户网站", (
            '<div class="nav2"><a href="/zwgk/xxgkml/index.html">信息公开</a><a href="/xwzx/">新闻</a></div>'))
