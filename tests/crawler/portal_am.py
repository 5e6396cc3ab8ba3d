"""A portal, 柘川市, under host names (``zhechuan.gov.cn``) on one server told apart by the Host header: a city of
山东 on 大汉's (Hanweb) ``/gongkai/`` platform, two departments whose 政府信息公开年报 lives on the city's shared
``zfxxgk.`` platform as 北京's departments' do, a county on the ``/zwgk/public/column/<organ>`` platform of 湖北's and
湖南's counties and a county on 湖南's TRS ``zfxxgkMultiList.shtml`` columns — their habits reproduced as public code
found them, for crawls over real HTTP. The names resolve to 127.0.0.1 in the crawl under test only
(``HostsResolver``).

Evidence (public repositories, read through the tool library; quoted as found):

| site | habit | evidence |
| --- | --- | --- |
| 山东 www.zibo.gov.cn, wh./ws./ybj.zibo.gov.cn (淄博), www.jiyang.gov.cn, www.gaoqing.gov.cn, www.pingyin.gov.cn | 大汉's ``/gongkai/`` platform: columns ``/gongkai/channel_<24 hex>/`` (``?key=…``, ``?topSearch=1``), a site's ``/gongkai/site_<name>/channel_<24 hex>/``; a column's folder ``channel_c_<24 hex>_n_<epoch>.<frac>/`` (a dot in a folder's name) or ``channel_c_<24 hex>_<24 hex>/``; details ``doc_<24 hex>.html`` in the column's folder, a file delivered as ``doc_<24 hex>_<32 hex>.pdf`` beside them | reference lists citing ``https://ws.zibo.gov.cn/gongkai/channel_c_5f9fa491ab327f36e4c13061_n_1605682450.3131/doc_67a5b11e0c81719cbf7171e4_c40bf8efdc4f89fdb726fece655ac213.pdf``, ``https://ybj.zibo.gov.cn/gongkai/channel_c_5f9fa491ab327f36e4c1305f_5fb3bcc7a40661f2aebb98a4/doc_61f342da93a456a2f282fe85.html``, ``https://www.gaoqing.gov.cn/gongkai/site_gqxwsjkj/channel_62d5295b281f20b1bc4ede4b/doc_64be1fa34c4002712d0b91e4.html``; a source map's ``/gongkai/channel_6389ae153759918282644cca/`` (济阳) |
| 北京 zfxxgk.beijing.gov.cn, reached from gjj.beijing.gov.cn, www.bjjs.gov.cn | a department's own site links its 政府信息公开专栏 (公开指南, 公开目录, 公开年报) to one shared host, the unit a path prefix (``110016``, ``110094``, ``11K000``): ``/<unit>/zfxxgknb/list.shtml``; details ``/<unit>/<column>/<yyyy-mm>/<dd>/content_<32 hex>.shtml``, files ``/<unit>/<column>/<yyyy-mm>/<dd>/<32 hex>/files/<32 hex>.doc``; a list ``#colList li`` with ``a`` and ``.date``, paged by laypage (``.laypage_main``, ``#!page=N``), the body ``#content`` | saved home pages of gjj.beijing.gov.cn and www.bjjs.gov.cn (``<a href="http://zfxxgk.beijing.gov.cn/110016/zfxxgknb/list.shtml" title="公开年报">``), a 国资委 collector (``find_elements_by_id('colList')``, ``laypage_main``, ``'#!page=' + str(i + 1)``, ``find_elements_by_id('content')``), a download of ``/11K000/qtwj22/2018-04/10/<32 hex>/files/<32 hex>.doc`` |
| 湖北 www.hg.gov.cn, jyj.hg.gov.cn (黄冈), 湖南 sthjj.changde.gov.cn (常德) and 武陵/鼎城/安乡 | ``/zwgk/public/column/<organ>?type=4&catId=<column>&action=list&nav=3``, pages ``&pageIndex=N``; items ``ul.newsList li a`` with the date in a ``span``; the page count in a script only (``number\\s*>\\s*(\\d+)``); details ``meta[name=ArticleTitle]``, ``meta[name=PubDate]``, ``meta[name=ContentSource]``, body ``div.conTxt`` with its files as ``p a``; static HTML (无反爬) | a Portia spider ``sthjj_changde_gov_cn`` (``LIST_XPATH``, ``REGEX['total_page']``, ``replace('pageIndex=1', f'pageIndex={page}')``), a 黄冈 collector's docstring, a county survey (湖南 PowerEasy CMS ``wuling.gov.cn/zwgk/public/column/...``) |
| 浙江 www.zj.gov.cn, www.fuyang.gov.cn, zhejiang.chinatax.gov.cn, 山东 www.yantai.gov.cn, www.kenli.gov.cn, www.sdqixia.gov.cn, 吉林 jilin.chinatax.gov.cn | 大汉's 信息公开 module: 政府信息公开 a shell ``/col/col<id>/index.html?vc_xxgkarea=<area>`` (``&number=<infotype>``, ``&jh=263``) whose catalogue is a dTree in ``<iframe src="/module/xxgk/tree.jsp?standardXxgk=1&amp;area=<area>&amp;divid=div4">``, its nodes ``funclick(\\'<infotype>\\', …)`` before their label; the list loaded by ``loadDynamic('/module/xxgk/search.jsp?standardXxgk=1&infotypeId='+a+'&vc_title='+encodeURI(b)+'&vc_number='+encodeURI(c)+'&area=<area>', 'div4', '0','0','950','1','','')`` from ``/module/xxgk/script/dynamic.js``; ``search.jsp`` posted (``infotypeId``, ``jdid``, ``area``, ``divid``, ``sortfield``, ``currpage``, ``vc_title`` …) answers rows ``<a href='…' target='_blank'>`` (``.tr_main_value_odd a``), ``共N页``; details ``/art/<y>/<m>/<d>/art_<col>_<id>.html`` | a 吉林 tax collector's ``xxgk_list.py`` and its tests (``_TREE_IFRAME_RE``, ``_FUNCLICK_RE``, ``find_xxgk_load_call``, ``fetch_xxgk_search_html``: "POST module/xxgk/search.jsp the way tree.jsp funclick does"), a 浙江 tax collector (``re.findall(r"<a href='(.*?)' target='_blank'", response)``), 富阳's and 杭州卫健委's (``formdata`` ``currpage``), 山东药监's (``.tr_main_value_odd a``), 浙江生态环境厅's (``共(.*?)页``), 烟台's nav script (``/col/col42829/index.html?vc_xxgkarea=113706000042603877-1&jh=263``) |
| 重庆 tjj./mzj./rlsbj./whlyw./ybj./jjxxw./czj.cq.gov.cn | a department's own host, its 政务公开 a folder with a number (``/zwgk_233/``, ``/zwgk_218/``, ``/zfxxgk_225/``), its columns numbered too (``fdzdgknr/tjxx/sjzl_55471/tjgb_55472/`` 统计公报, ``zfxxgkml/zcwj_145360/``); details ``<yyyymm>/t<yyyymmdd>_<id>.html`` (a ``…_wap.html`` twin), files ``W0202…pdf``; lists ``ul.gl-list li``, ``.tab-item li`` with ``a`` and ``span`` | reference lists citing ``https://tjj.cq.gov.cn/zwgk_233/fdzdgknr/tjxx/sjzl_55471/tjgb_55472/202503/t20250326_14443791_wap.html``, ``https://rlsbj.cq.gov.cn/zwgk_182/zfxxgkml/zcwj_145360/fzhsxwj/201512/W020240531539613448168.pdf``, ``https://mzj.cq.gov.cn/zwgk_218/zfxxgkml/tzgg/202512/t20251205_15215632.html``; collectors' selectors (``ul.gl-list.gl-list2 >li``, ``.tab-item li``, ``span``) |
| 湖南 www.huaihua.gov.cn (怀化) and its counties (中方, 沅陵, 会同, 麻阳, 靖州, 通道) | TRS columns ``/<site>/c<id>/zfxxgkMultiList.shtml`` (also ``zfxxgkList.shtml``, ``list2021.shtml``); details ``/<site>/c<id>/<yyyymm>/<32 hex>.shtml`` | a city survey's config (``/huaihua/c100231/zfxxgkMultiList.shtml``, hexmon dialect ``/huaihua/c<col>/YYYYMM/<32hex>.shtml``), a county survey's table |

Assumptions (no evidence found): 大汉's ``/gongkai/`` columns draw their lists by script (淄博's "Vue SPA"), from an
answer no public code shows: here the 年报 column's page holds its rows; the 政府信息公开 channel's links; the 北京
list's further pages (laypage's source unknown: each list here fits its first page) and the attachment a ``.pdf``;
大汉's tree.jsp and dynamic.js (here the tree's ``funclick`` sets the shell's
infotype and calls its loader, ``loadDynamic`` posts ``divid``, ``jdid``, ``currpage``, ``sortfield`` to the address
it is given), the shell opening on the tree's first node, the pager's text beside 共N页; the ``/zwgk/public/column/`` script's text around its count (here a 跳转 function's clamp ``if (pageNumber > 2)
{ pageNumber = 2; }``, which the spider's regex reads, going to ``window.location.pathname + '?…&pageIndex=' +
pageNumber``), its details' addresses and the organ's catalogue page; 重庆's 年报 column's name (here ``zfxxgknb_55490/``, numbered as
its siblings are) and its page; 湖南 TRS's paging (one page here).

The portal:

- ``www.``: the city's 政府信息公开 on ``/gongkai/``, its 年报 column in a ``channel_c_…_n_<epoch>.<frac>/`` folder,
  reports ``doc_<hex>.html`` or ``doc_<hex>_<hex>.pdf``; 部门网站 and 县区 linked from the home page;
- 医疗保障局 (``ybj.``): its own ``/gongkai/channel_c_<hex>_<hex>/`` 年报 column;
- 教育委员会 (``jw.``), 住房和城乡建设委员会 (``zjw.``): their sites link 公开年报 to ``zfxxgk.``'s
  ``/<unit>/zfxxgknb/list.shtml``, reports ``content_<hex>.shtml`` or a ``files/`` attachment;
- 柘东县 (``zdx.``): ``/zwgk/public/column/<organ>``, its 年报 column two pages (``pageIndex``), the count in a script;
- 柘西县 (``zxx.``): 湖南 TRS, ``/zxx/c<id>/zfxxgkMultiList.shtml``;
- 统计局 (``tjj.``): 重庆's ``/zwgk_233/`` with numbered columns, its 年报 column beside the 统计公报's, a report a
  ``W0202…pdf`` attachment;
- 柘南区 (``znq.``): 大汉's 信息公开 module, its 年报 a node of the tree in the shell's iframe, listed by ``search.jsp``
  two pages (共2页, ``currpage``);
- decoys: a 解读, a 政府工作报告, a 统计公报 and a 决算 among the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from tests.crawler import portal_o
from tests.crawler.portal import SCRIPT, Host, Look, Page, stable_hex
from tests.crawler.portal_o import OneServerPortal, list_items
from tests.crawler.portal_s import PDF
from tests.crawler.portal_u import query_value

DOMAIN = "zhechuan.gov.cn"
CITY = "柘川市人民政府"
LOOK = Look('<a href="/">首页</a>', seed=181, day=1)
INSURANCE = "柘川市医疗保障局"
EDUCATION = "柘川市教育委员会"
HOUSING = "柘川市住房和城乡建设委员会"
EAST = "柘东县人民政府"
WEST = "柘西县人民政府"
CITY_YEARS = {2024: "doc", 2023: "pdf", 2022: "doc", 2021: "pdf"}
INSURANCE_YEARS = [2024, 2023, 2022]
PLATFORM_UNITS = {EDUCATION: ("jw", "110031", {2024: "art", 2023: "art", 2022: "art"}),
                  HOUSING: ("zjw", "11K002", {2024: "art", 2023: "file", 2022: "art"})}
EAST_YEARS = [2024, 2023, 2022, 2021, 2020, 2019]
EAST_PER_PAGE = 4          # the county's list's rows a page: its 年报 column two pages
WEST_YEARS = [2024, 2023, 2022, 2021]
STATISTICS = "柘川市统计局"
STATISTICS_YEARS = {2024: "art", 2023: "file", 2022: "art"}
SOUTH = "柘川市柘南区人民政府"
SOUTH_YEARS = [2024, 2023, 2022, 2021]
SOUTH_PER_PAGE = 3   # search.jsp's rows a page: the 年报 category two pages (共2页, currpage)
SOUTH_AREA, SOUTH_NODES = "11370521004511115Y", {"KL0101": "政府信息公开指南", "KL0201": "政府信息公开制度",
                                                  "KL0601": "政府信息公开年报", "KL0701": "法定主动公开内容"}
AGENCIES = [CITY, INSURANCE, EDUCATION, HOUSING, STATISTICS, EAST, WEST, SOUTH]
CITY_COLUMN = "/gongkai/site_zcsrmzf/channel_c_5f9fa491ab327f36e4c13062_n_1605682450.3131/"
INSURANCE_COLUMN = "/gongkai/channel_c_5f9fa491ab327f36e4c1305f_5fb3bcc7a40661f2aebb98a4/"
EAST_ORGAN, EAST_CATALOGUE, EAST_GUIDE, EAST_COLUMN = "6617301", "6719390", "6719391", "6719410"
WEST_COLUMN = "/zxx/c104621/"


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 柘川市's names are 127.0.0.1, any other name is refused."""

    domain = DOMAIN


def _page(title: str, body: str) -> Page:
    return Page(LOOK.html(title, body))



class PortalAM(OneServerPortal):
    """The hosts of 柘川市 on one server, with the reports a crawl must find (``expected``: URL → agency, year)."""

    domain = DOMAIN

    def __init__(self) -> None:
        self.hosts = {sub: Host() for sub in ("www", "ybj", "jw", "zjw", "tjj", "zfxxgk", "zdx", "zxx", "znq")}
        self.serve(self.hosts)
        self.www = self.hosts["www"]
        self.base = self.url("www", "/")
        self._city()
        self._insurance()
        for agency, (sub, unit, years) in PLATFORM_UNITS.items():
            self._platform_unit(agency, sub, unit, years)
        self._statistics()
        self._east()
        self._west()
        self._south()

    def _report(self, sub: str, path: str, agency: str, year: int, title: str) -> str:
        """``agency``'s report for ``year`` as an article at ``path``, expected; its path."""
        self.hosts[sub].pages[path] = Page(LOOK.article(title, agency, year))
        self.expected[self.url(sub, path)] = (agency, year)
        return path

    def _listed_reports(self, sub: str, agency: str, years: list[int],
                        address: Callable[[int, str], str]) -> list[tuple[str, str, str]]:
        """``agency``'s reports for ``years`` as articles at ``address(year, title)``, expected; their list's rows
        (path, title, date)."""
        rows = []
        for year in years:
            title = f"{agency}{year}年政府信息公开工作年度报告"
            rows.append((self._report(sub, address(year, title), agency, year, title), title,
                         f"{year + 1}-01-1{year % 10}"))
        return rows

    def _attached_report(self, sub: str, path: str, file: str, href: str, agency: str, year: int, title: str,
                         body: str) -> None:
        """``agency``'s report for ``year`` as a PDF at ``file`` (expected) that an article at ``path`` attaches by
        ``href``, its body the element ``body`` marks."""
        self.hosts[sub].pages[file] = Page(PDF, "application/pdf")
        self.expected[self.url(sub, file)] = (agency, year)
        self.hosts[sub].pages[path] = _page(title, (
            f'<div class="article"><h1>{escape(title)}</h1><div {body}><p>{escape(title)}见附件。</p>'
            f'<p>附件：<a href="{href}">{escape(title)}.pdf</a></p></div></div>'))

    def _decoy(self, sub: str, path: str, title: str) -> str:
        self.hosts[sub].pages[path] = _page(title, f'<h1>{escape(title)}</h1><div class="content"><p>正文。</p></div>')
        return path

    def _city(self) -> None:
        """www: 大汉's ``/gongkai/``, the 年报 column's folder ``channel_c_…_n_<epoch>.<frac>/``, a report a
        ``doc_<hex>.html`` or its ``doc_<hex>_<hex>.pdf``."""
        www, rows = self.www, []
        for year, way in CITY_YEARS.items():
            title = f"{CITY}{year}年政府信息公开工作年度报告"
            doc = f"doc_{stable_hex(title, 24)}"
            if way == "doc":
                path = self._report("www", f"{CITY_COLUMN}{doc}.html", CITY, year, title)
            else:
                path = f"{CITY_COLUMN}{doc}_{stable_hex(title + 'pdf', 32)}.pdf"
                www.pages[path] = Page(PDF, "application/pdf")
                self.expected[self.url("www", path)] = (CITY, year)
            rows.append((path, title, f"{year + 1}-01-1{year % 10}"))
        for title, date in ((f"《{CITY}2023年政府信息公开工作年度报告》解读", "2024-01-25"),
                            (f"{CITY}2025年政府工作报告", "2025-02-10")):
            rows.insert(1, (self._decoy("www", f"{CITY_COLUMN}doc_{stable_hex(title, 24)}.html", title), title, date))
        www.pages[CITY_COLUMN] = _page(f"政府信息公开年报-{CITY}", _dated_list("xxgk-list", rows))
        catalogue = "/gongkai/channel_5fc4b785f867d82dbc565b70/"
        www.pages[catalogue] = _page("政府信息公开", (
            '<ul class="gk-nav"><li><a href="/gongkai/channel_c1534/">机构职能</a></li>'
            f'<li><a href="{CITY_COLUMN}">政府信息公开年报</a></li></ul>'))
        www.pages["/gongkai/channel_c1534/"] = _page("机构职能", "<p>机构职能。</p>")
        links = list_items([(self.url(sub, "/"), name) for sub, name in (
            ("ybj", "市医疗保障局"), ("jw", "市教育委员会"), ("zjw", "市住房和城乡建设委员会"), ("tjj", "市统计局"))])
        counties = list_items([(self.url("zdx", "/"), "柘东县"), (self.url("zxx", "/"), "柘西县"),
                               (self.url("znq", "/"), "柘南区")])
        www.pages["/"] = _page(f"{CITY}门户网站", (
            f'<div class="nav2"><a href="{catalogue}?topSearch=1">政府信息公开</a><a href="/xwzx/">新闻中心</a></div>'
            f'<div class="links"><h3>部门网站</h3><ul>{links}</ul><h3>县区</h3><ul>{counties}</ul></div>'))
        www.pages["/xwzx/"] = _page("新闻中心", "<ul></ul>")

    def _insurance(self) -> None:
        """医疗保障局: its ``/gongkai/channel_c_<hex>_<hex>/`` 年报 column on its own host."""
        host = self.hosts["ybj"]
        rows = self._listed_reports("ybj", INSURANCE, INSURANCE_YEARS, lambda year, title:
                                    f"{INSURANCE_COLUMN}doc_{stable_hex(title, 24)}.html")
        title = f"{INSURANCE}2024年度医疗保障事业发展统计公报"
        rows.insert(1, (self._decoy("ybj", f"{INSURANCE_COLUMN}doc_{stable_hex(title, 24)}.html", title), title,
                        "2025-03-02"))
        host.pages[INSURANCE_COLUMN] = _page(f"政府信息公开年报-{INSURANCE}", _dated_list("xxgk-list", rows))
        host.pages["/"] = _page(INSURANCE, f'<div class="nav2"><a href="{INSURANCE_COLUMN}">政府信息公开年报</a></div>')

    def _platform_unit(self, agency: str, sub: str, unit: str, years: dict[int, str]) -> None:
        """A department whose site links its 政府信息公开专栏 to ``zfxxgk.``'s ``/<unit>/…`` (北京's way)."""
        platform, rows = self.hosts["zfxxgk"], []
        for k, (year, way) in enumerate(years.items()):
            title = f"{agency}{year}年政府信息公开工作年度报告"
            folder = f"/{unit}/zfxxgknb/{year + 1}-01/1{k}/"
            path = f"{folder}content_{stable_hex(title, 32)}.shtml"
            if way == "art":
                self._report("zfxxgk", path, agency, year, title)
                platform.pages[path] = Page(platform.pages[path].body.replace(b'class="content"', b'id="content"'))
            else:
                file = f"{folder}{stable_hex(title + 'dir', 32)}/files/{stable_hex(title + 'file', 32)}.pdf"
                self._attached_report("zfxxgk", path, file, file, agency, year, title, 'id="content"')
            rows.append((path, title, f"{year + 1}-01-1{k}"))
        title = f"{agency}2024年部门决算"
        rows.insert(1, (self._decoy("zfxxgk", f"/{unit}/zfxxgknb/2025-03/02/content_{stable_hex(title, 32)}.shtml",
                                    title), title, "2025-03-02"))
        items = "".join(f'<li><a href="{path}" target="_blank" title="{escape(text)}">{escape(text)}</a>'
                        f'<span class="date">[{date}]</span></li>' for path, text, date in rows)
        platform.pages[f"/{unit}/zfxxgknb/list.shtml"] = _page(f"政府信息公开年报-{agency}", (
            f'<ul id="colList">{items}</ul><div id="page"></div><script src="/js/laypage.js"></script><script>'
            "laypage({cont: 'page', pages: 1, curr: location.hash.replace('#!page=', '') || 1, hash: 'page'});"
            "</script>"))
        guide = f"/{unit}/zfxxgkzn/2017-10/09/content_{stable_hex(agency + '指南', 32)}.shtml"
        platform.pages[guide] = _page("政府信息公开指南", '<div id="content"><p>指南。</p></div>')
        platform.pages[f"/{unit}/jgzz12j/list.shtml"] = _page("政府信息公开目录", '<ul id="colList"></ul>')
        column = [(self.url("zfxxgk", guide), "公开指南"), (self.url("zfxxgk", f"/{unit}/jgzz12j/list.shtml"), "公开目录"),
                  (self.url("zfxxgk", f"/{unit}/zfxxgknb/list.shtml"), "公开年报")]
        self.hosts[sub].pages["/"] = _page(f"{agency}网站", (
            '<div class="zfxx portlet"><h2><a title="政府信息公开专栏" href="javascript:void(0)">政府信息公开专栏</a>'
            f"</h2><ul>{list_items(column)}</ul></div>"))

    def _statistics(self) -> None:
        """统计局: 重庆's ``/zwgk_233/``, numbered columns, the 年报 column beside the 统计公报's."""
        host, rows, root = self.hosts["tjj"], [], "/zwgk_233/"
        column = f"{root}zfxxgknb_55490/"
        for k, (year, way) in enumerate(STATISTICS_YEARS.items()):
            title = f"{STATISTICS}{year}年政府信息公开工作年度报告"
            path = f"{column}{year + 1}01/t{year + 1}011{k}_{14443700 + year + k}.html"
            if way == "art":
                self._report("tjj", path, STATISTICS, year, title)
            else:
                name = f"W0{year + 1}011{k}39613448168.pdf"
                self._attached_report("tjj", path, f"{column}{year + 1}01/{name}", f"./{name}", STATISTICS, year, title,
                                      'class="view"')
            rows.append((path, title, f"{year + 1}-01-1{k}"))
        bulletins = f"{root}fdzdgknr/tjxx/sjzl_55471/tjgb_55472/"
        title = "柘川市2024年国民经济和社会发展统计公报"
        bulletin = self._decoy("tjj", f"{bulletins}202503/t20250326_14443791.html", title)
        host.pages[bulletins] = _page("统计公报", _dated_list("gl-list gl-list2", [(bulletin, title, "2025-03-26")]))
        host.pages[column] = _page(f"政府信息公开年报-{STATISTICS}", _dated_list("gl-list gl-list2", rows))
        host.pages[root] = _page(f"政务公开-{STATISTICS}", (
            f'<div class="tab-item"><ul><li><a href="{root}fdzdgknr/">法定主动公开内容</a></li>'
            f'<li><a href="{bulletins}">统计公报</a></li><li><a href="{column}">政府信息公开年报</a></li></ul></div>'))
        host.pages[f"{root}fdzdgknr/"] = _page("法定主动公开内容", "<ul></ul>")
        host.pages["/"] = _page(f"{STATISTICS}网站", f'<div class="nav2"><a href="{root}">政务公开</a></div>')

    def _east(self) -> None:
        """柘东县: ``/zwgk/public/column/<organ>``, its 年报 column paged by ``pageIndex``, the count in a script."""
        host, rows = self.hosts["zdx"], []
        folder = f"/zwgk/public/{EAST_ORGAN}/"
        for year in EAST_YEARS:
            title = f"{EAST}{year}年政府信息公开工作年度报告"
            path = f"{folder}{stable_hex(title, 8)}.html"
            host.pages[path] = Page(_power_easy_article(title, EAST, year))
            self.expected[self.url("zdx", path)] = (EAST, year)
            rows.append((path, title, f"{year + 1}-01-2{year % 10}"))
        title = "柘东县2024年国民经济和社会发展统计公报"
        rows.insert(2, (self._decoy("zdx", f"{folder}{stable_hex(title, 8)}.html", title), title, "2025-03-02"))
        pages = -(-len(rows) // EAST_PER_PAGE)
        column = f"/zwgk/public/column/{EAST_ORGAN}"
        nav = list_items([(f"{column}?type=4&catId={EAST_GUIDE}&action=list&nav=3", "政府信息公开指南"),
                          (f"{column}?type=4&catId={EAST_COLUMN}&action=list&nav=3", "政府信息公开年报")])

        def catalogue(query: dict[str, list[str]]) -> Page:
            cat = query_value(query, "catId")
            if cat == EAST_GUIDE:
                return _page("政府信息公开指南", f'<ul class="leftNav">{nav}</ul><div class="conTxt"><p>指南。</p></div>')
            if cat != EAST_COLUMN:
                return _page(f"{EAST}信息公开目录", f'<ul class="leftNav">{nav}</ul>')
            index = query_value(query, "pageIndex")
            page = int(index) if index.isdigit() and 1 <= int(index) <= pages else 1
            shown = rows[(page - 1) * EAST_PER_PAGE:page * EAST_PER_PAGE]
            return _page(f"政府信息公开年报-{EAST}", (
                f'<ul class="leftNav">{nav}</ul>{_dated_list("newsList", shown)}<div id="page"></div>'
                '<input type="text" id="pageNum" value=""><a href="javascript:goPage($(\'#pageNum\').val())">跳转</a>'
                "<script>function goPage(pageNumber) { pageNumber = parseInt(pageNumber) || 1; "
                f"if (pageNumber > {pages}) {{ pageNumber = {pages}; }} if (pageNumber < 1) {{ pageNumber = 1; }} "
                "window.location.href = window.location.pathname + '?type=4&catId=" + EAST_COLUMN
                + "&action=list&nav=3&pageIndex=' + pageNumber; }</script>"))

        host.dynamic[column] = catalogue
        host.pages["/"] = _page(f"{EAST}门户网站", (
            f'<div class="nav2"><a href="{column}?type=4&action=list&nav=3">政府信息公开</a></div>'))

    def _west(self) -> None:
        """柘西县: 湖南's TRS columns, ``/zxx/c<id>/zfxxgkMultiList.shtml``, details ``<yyyymm>/<32 hex>.shtml``."""
        host = self.hosts["zxx"]
        rows = self._listed_reports("zxx", WEST, WEST_YEARS, lambda year, title:
                                    f"{WEST_COLUMN}{year + 1}01/{stable_hex(title, 32)}.shtml")
        title = f"{WEST}2025年政府工作报告"
        rows.insert(0, (self._decoy("zxx", f"{WEST_COLUMN}202502/{stable_hex(title, 32)}.shtml", title), title,
                        "2025-02-10"))
        host.pages[f"{WEST_COLUMN}zfxxgkMultiList.shtml"] = _page(f"政府信息公开年报-{WEST}",
                                                                  _dated_list("gk-list", rows))
        host.pages["/zxx/c104600/zfxxgkMultiList.shtml"] = _page(f"{WEST}政府信息公开", (
            f'<ul class="gk-nav"><li><a href="{WEST_COLUMN}zfxxgkMultiList.shtml">政府信息公开年报</a></li></ul>'))
        host.pages["/"] = _page(f"{WEST}门户网站", (
            '<div class="nav2"><a href="/zxx/c104600/zfxxgkMultiList.shtml">政府信息公开</a></div>'))

    def _south(self) -> None:
        """柘南区: 大汉's 信息公开 module, the 年报 a node of the dTree in the shell's iframe, whose ``funclick`` has
        the shell's ``loadDynamic`` post ``search.jsp`` with its infotype."""
        host, rows = self.hosts["znq"], []
        for k, year in enumerate(SOUTH_YEARS):
            title = f"{SOUTH}{year}年政府信息公开工作年度报告"
            path = self._report("znq", f"/art/{year + 1}/1/1{k}/art_239700_{5301 - k * 7}.html", SOUTH, year, title)
            rows.append((path, title, f"{year + 1}-01-1{k}"))
        title = "关于开展2024年度企业年度报告公示工作的通知"
        rows.insert(1, (self._decoy("znq", "/art/2025/3/2/art_239700_5310.html", title), title, "2025-03-02"))
        shell = "/col/col239700/index.html"
        host.pages["/"] = _page(f"{SOUTH}门户网站", (
            f'<div class="nav2"><a href="{shell}?vc_xxgkarea={SOUTH_AREA}&amp;jh=263">政府信息公开</a></div>'))
        host.pages[shell] = _page(f"政府信息公开-{SOUTH}", (
            f'<div class="xxgk-tree"><iframe src="/module/xxgk/tree.jsp?standardXxgk=1&amp;area={SOUTH_AREA}'
            '&amp;divid=div4" frameborder="0" scrolling="auto"></iframe></div><div id="div4"></div>'
            '<script src="/module/xxgk/script/jquery.js"></script><script src="/module/xxgk/script/dynamic.js"></script>'
            f"<script>var a = '{next(iter(SOUTH_NODES))}', b = '', c = '';\nfunction search() {{\n"
            "  loadDynamic('/module/xxgk/search.jsp?standardXxgk=1&infotypeId='+a+'&vc_title='+encodeURI(b)+"
            f"'&vc_number='+encodeURI(c)+'&area={SOUTH_AREA}', 'div4', '0','0','950','1','','');\n}}\nsearch();</script>"))
        host.pages["/module/xxgk/script/jquery.js"] = Page(b"/*! jQuery v1.12.4 */", SCRIPT)
        host.pages["/module/xxgk/script/dynamic.js"] = Page(_LOAD_DYNAMIC.encode(), SCRIPT)
        nodes = "".join(f"d.add({k + 1},0,'<a href=\"javascript:void(0)\" onclick=\"funclick(\\'{infotype}\\',"
                        f"\\'{SOUTH_AREA}\\');\">{name}</a>');\n" for k, (infotype, name) in enumerate(SOUTH_NODES.items()))
        host.pages["/module/xxgk/tree.jsp"] = Page((
            '<!DOCTYPE html><html><head><meta charset="utf-8"><script src="/module/xxgk/script/dtree.js"></script>'
            "</head><body><script>\nfunction funclick(infotype, area) { parent.a = infotype; parent.search(); }\n"
            f"d = new dTree('d');\nd.add(0,-1,'信息公开目录');\n{nodes}document.write(d);\n</script></body></html>"
        ).encode())
        host.pages["/module/xxgk/script/dtree.js"] = Page(b"function dTree(objName) { this.aNodes = []; }", SCRIPT)

        def search(query: dict[str, list[str]], form: dict[str, object]) -> Page:
            infotype = query_value(query, "infotypeId") or query_value(form, "infotypeId")
            listed = rows if (infotype, query_value(query, "area")) == ("KL0601", SOUTH_AREA) else []
            pages = max(1, -(-len(listed) // SOUTH_PER_PAGE))
            page = min(pages, max(1, int(query_value(form, "currpage") or 1)))
            shown = listed[(page - 1) * SOUTH_PER_PAGE:page * SOUTH_PER_PAGE]
            body = "".join(f'<tr class="tr_main_value_{"odd" if k % 2 else "even"}"><td>{k + 1}</td><td align="left">'
                           f"<a href='{path}' target='_blank' title='{escape(title)}'>{escape(title)}</a></td>"
                           f"<td>{date}</td></tr>" for k, (path, title, date) in enumerate(shown))
            return Page((
                '<table width="100%" class="tb_main"><tr class="tr_main_title"><td>序号</td><td>名称</td><td>生成日期</td>'
                f"</tr>{body or '<tr><td>暂无信息</td></tr>'}</table><table class=\"tb_title\"><tr><td>共{len(listed)}条"
                f"&nbsp;&nbsp;共{pages}页&nbsp;&nbsp;第{page}页</td></tr></table>").encode())

        host.posted["/module/xxgk/search.jsp"] = search


# 大汉's loader (dynamic.js): the address given posted with the list's div and site, its answer drawn into the div.
_LOAD_DYNAMIC = (
    "function loadDynamic(url, divid, cid, isRoot, width, webid, a1, a2) {\n"
    "  $.ajax({url: url, type: 'post', data: {divid: divid, jdid: webid, currpage: 1,\n"
    "          sortfield: 'createdatetime:0,orderid:0'}, success: function (html) { $('#' + divid).html(html); }});\n"
    "}\n")

def _dated_list(css: str, rows: list[tuple[str, str, str]]) -> str:
    """A column's list: one ``li`` a row, its link and its date in a ``span``."""
    items = "".join(f'<li><a href="{path}" target="_blank" title="{escape(title)}">{escape(title)}</a>'
                    f"<span>{date}</span></li>" for path, title, date in rows)
    return f'<ul class="{css}">{items}</ul>'


def _power_easy_article(title: str, agency: str, year: int) -> bytes:
    """A ``/zwgk/public/`` detail: the title, date and source in ``meta`` tags, the body ``div.conTxt``."""
    meta = (f'<meta name="ArticleTitle" content="{escape(title)}"><meta name="PubDate" content="{year + 1}-01-20">'
            f'<meta name="ContentSource" content="{escape(agency)}">')
    return (LOOK.article(title, agency, year).replace(b"</head>", meta.encode() + b"</head>")
            .replace(b'class="content"', b'class="conTxt"'))
