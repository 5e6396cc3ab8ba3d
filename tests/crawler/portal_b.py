"""A second municipal portal, 北山市, built unlike ``simsite`` and ``tests/crawler/portal.py``: for crawls over
real HTTP on two hosts.

Its ways in are those of two platform families the other fixtures do not have:

- the city's 政府信息公开 platform on its own path (``/public/``, as the 安徽-style 信息公开 platforms): every
  column is one URL, ``/public/column/{unit}?type=4&catId={column}&action=list``, the departments are units of
  the same platform listed by short names (发展改革委, 市场监管局) under tabs (市直部门 / 县区); detail pages
  ``/public/{unit}/{id}.html``; the list's pager is a script (``onclick="goPage(2)"``, the URL built in
  ``function goPage``);
- 发展改革委: each report page holds only an attachment behind ``/module/download/downfile.jsp?fileId=…``
  (no file extension in the URL; the name is in Content-Disposition and in the link text);
- 市场监管局: beside its 政府信息公开年报 column, a 企业年报公示 column (the annual reports *enterprises* file
  with it: notices, FAQs, not government reports), and news about 企业年报 on the home page;
- 北山县 on a host of its own (127.0.0.2), a JEECMS site (channels by number, ``/zwgk/c1025/``; ``.jhtml``
  pages; an ``index_2.jhtml`` pager whose URL says nothing of reports): its 年报 column is split into one
  sub-column per agency (县人民政府办公室, 县教育局, 城关镇), whose items are titled by the year alone
  (``2023年度报告``); 城关镇 publishes its reports as ``.ofd`` files;
- 市卫生健康委: a PHPCMS site of its own under ``/wjw/``, linked from the home page's 部门网站 table: its
  column's folder is an abbreviation (``/html/xxgk/bg/``), its later pages are numbered alone (``2.html``
  beside ``index.html``), and it lists a 统计年报 and a 工作总结 among its reports;
- noise: the platform's 政府工作报告 column (the mayor's yearly report, its 解读 and 图解), home-page news with years in their titles (工作总结会, 统计公报, 政务公开工作要点, 企业年报), a 法治政府
  建设年度报告 and a 工作要点 in the city's column.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from simsite.figures import Agency, report_series
from simsite.render import render_report_body
from tests.crawler.portal import Host, HostServer, Page

YEARS = range(2019, 2024)
CITY = "北山市人民政府"
COUNTY = "北山县人民政府"


def html(title: str, body: str, nav: str = "") -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title></head><body>'
            f'<div class="top-nav">{nav}</div>{body}</body></html>').encode()


CITY_NAV = ('<a href="/">首页</a><a href="/xwzx/index.html">要闻动态</a><a href="/public/index.html">信息公开</a>'
            '<a href="/bsfw/index.html">办事服务</a><a href="/hdjl/index.html">互动交流</a>')
COUNTY_NAV = ('<a href="/index.jhtml">首页</a><a href="/xwzx/index.jhtml">新闻中心</a>'
              '<a href="/zwgk/index.jhtml">政务公开</a>')


def report_page(title: str, agency: str, year: int, nav: str, full: bool = False, attachment: str = "") -> bytes:
    content = render_report_body(report_series(Agency(agency, agency, "department"), 11)[year], with_title=False) \
        if full else f"<p>{escape(title)}全文如下。</p>" if not attachment else attachment
    return html(title, f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{year + 1}-02-1{year % 10}'
                       f'　来源：{escape(agency)}</div><div class="content">{content}</div></div>', nav)


def column_url(unit: int, column: int) -> str:
    return f"/public/column/{unit}?type=4&catId={column}&action=list"


class PortalB:
    """The two hosts of 北山市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        self.main, self.county = Host(), Host()
        self.servers = [HostServer("127.0.0.1", self.main), HostServer("127.0.0.2", self.county)]
        self.base, self.county_base = self.servers[0].base, self.servers[1].base
        self.expected: dict[str, tuple[str, int]] = {}
        self._build()

    def close(self) -> None:
        for server in self.servers:
            server.close()

    def _report(self, host: Host, base: str, path: str, title: str, agency: str, year: int, nav: str,
                full: bool = False) -> None:
        host.pages[path] = Page(report_page(title, agency, year, nav, full))
        self.expected[base + path] = (agency, year)

    def _build(self) -> None:
        self._home()
        self._platform()
        self._city_column()
        self._work_reports()
        self._development()
        self._market()
        self._health()
        self._county()

    # -- the city ------------------------------------------------------------------------------------

    def _home(self) -> None:
        main = self.main
        main.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /search/\n", "text/plain")
        news = ("北山市召开2023年度政务公开工作总结会", "北山市2023年国民经济和社会发展统计公报",
                "2024年北山市政务公开工作要点", "市市场监管局：2023年度企业年报公示工作正式启动",
                "我市企业2022年度年报报送率达98%", "北山市2023年度优化营商环境工作新闻发布会召开")
        items = "".join(f'<li><a href="/xwzx/2024/0{k + 1}/{7301 + k}.html">{t}</a><span>2024-0{k + 1}-10</span></li>'
                        for k, t in enumerate(news))
        sites = ('<tr><td><a href="/wjw/" target="_blank">市卫生健康委</a></td><td><a href="http://www.gov.cn/">中国政府网</a>'
                 '</td></tr>')
        main.pages["/"] = Page(html(f"{CITY}门户网站", f'<div class="news"><div class="hd">北山要闻</div><ul>{items}</ul>'
                                                     f'</div><a href="/search/?q=年报">搜索</a><div class="links">'
                                                     f'<table><caption>部门网站</caption>{sites}</table></div>', CITY_NAV))
        for k, title in enumerate(news):
            main.pages[f"/xwzx/2024/0{k + 1}/{7301 + k}.html"] = Page(html(title, f"<h1>{title}</h1><p>正文。</p>",
                                                                                CITY_NAV))
        main.pages["/xwzx/index.html"] = Page(html("要闻动态", f"<ul>{items}</ul>", CITY_NAV))

    def _platform(self) -> None:
        departments = (("发展改革委", 2001), ("市场监管局", 2002), ("教育体育局", 2003), ("自然资源和规划局", 2004))
        tab1 = "".join(f'<li><a href="/public/column/{unit}?type=4">{name}</a></li>' for name, unit in departments)
        self.main.pages["/public/index.html"] = Page(html("北山市人民政府信息公开", (
            '<div class="left"><div class="tit">法定主动公开内容</div><ul>'
            '<li><a href="/public/column/1001?type=4&catId=8701&action=list">信息公开指南</a></li>'
            '<li><a href="/public/column/1001?type=4&catId=8702&action=list">信息公开制度</a></li>'
            f'<li><a href="{column_url(1001, 8703)}">政府工作报告</a></li>'
            f'<li><a href="{column_url(1001, 8801)}">政府信息公开年报</a></li></ul></div>'
            '<div class="unit-box"><div class="tab-menu"><span class="on">市直部门</span><span>县区</span></div>'
            f'<div class="tab-con"><ul>{tab1}</ul></div>'
            f'<div class="tab-con" style="display:none"><ul><li><a href="{self.county_base}/index.jhtml">北山县</a></li>'
            '</ul></div></div>'), CITY_NAV))
        for unit, name in ((2003, "北山市教育体育局"), (2004, "北山市自然资源和规划局")):
            self.main.pages[f"/public/column/{unit}?type=4"] = Page(html(f"{name}信息公开", (
                f'<div class="tit">{name}</div><ul><li><a href="{column_url(unit, unit * 10 + 1)}">机构职能</a></li></ul>'
            ), CITY_NAV))
            self.main.pages[column_url(unit, unit * 10 + 1)] = Page(html("机构职能", "<p>主要职责。</p>", CITY_NAV))

    def _work_reports(self) -> None:
        """The 政府工作报告 column every portal has: the mayor's yearly report to the people's congress, and its
        interpretations; no 政府信息公开工作年度报告 among them."""
        main, rows = self.main, []
        for k, title in enumerate(("2024年北山市人民政府工作报告", "关于《2024年北山市人民政府工作报告》的解读",
                                   "图解：2024年北山市人民政府工作报告", "2023年北山市人民政府工作报告")):
            path = f"/public/1001/{95030001 + k}.html"
            main.pages[path] = Page(html(title, f"<h1>{title}</h1><p>各位代表：现在，我代表市人民政府作工作报告。</p>",
                                         CITY_NAV))
            rows.append(f'<li><a href="{path}">{title}</a><span class="date">2024-01-2{k}</span></li>')
        main.pages[column_url(1001, 8703)] = Page(html("政府工作报告", f'<ul class="xxgk_list">{"".join(rows)}</ul>',
                                                       CITY_NAV))

    def _city_column(self) -> None:
        main, items = self.main, []
        for year in YEARS:
            path = f"/public/1001/{95012300 + year}.html"
            title = f"{CITY}{year}年政府信息公开工作年度报告"
            self._report(main, self.base, path, title, CITY, year, CITY_NAV)
            items.append(f'<li><a href="{path}" title="{title}">{title}</a>'
                         f'<span class="date">{year + 1}-01-25</span></li>')
        items.insert(2, f'<li><a href="/public/1001/95020001.html">{CITY}2022年法治政府建设年度报告</a></li>')
        items.insert(4, '<li><a href="/public/1001/95020002.html">2024年北山市政务公开工作要点</a></li>')
        pages = [items[:4], items[4:]]

        def listing(n: int) -> Page:
            pager = "".join(f'<a href="javascript:void(0)" onclick="goPage({k})">{k}</a>' for k in (1, 2))
            pager += f'<a href="javascript:void(0)" onclick="goPage({min(n + 1, 2)})">下一页</a>'
            script = ("<script>function goPage(n){ location.href = '/public/column/1001?type=4&catId=8801"
                      "&action=list&pageIndex=' + n; }</script>")
            return Page(html("政府信息公开年报_北山市人民政府信息公开", (
                f'<div class="tit">政府信息公开年报</div><ul class="xxgk_list">{"".join(pages[n - 1])}</ul>'
                f'<div class="pagination">{pager}<span>共2页</span></div>{script}'), CITY_NAV))
        main.pages[column_url(1001, 8801)] = listing(1)
        main.pages[column_url(1001, 8801) + "&pageIndex=1"] = listing(1)
        main.pages[column_url(1001, 8801) + "&pageIndex=2"] = listing(2)

    def _unit_home(self, unit: int, name: str, columns: list[tuple[str, int]]) -> None:
        tree = "".join(f'<li><a href="{column_url(unit, c)}">{t}</a></li>' for t, c in columns)
        self.main.pages[f"/public/column/{unit}?type=4"] = Page(html(f"{name}信息公开", (
            f'<div class="tit">{name}</div><div class="tree"><div class="hd">法定主动公开内容</div><ul>{tree}</ul></div>'
        ), CITY_NAV))

    def _development(self) -> None:
        """Report pages that hold only an attachment behind a download script."""
        main, name, unit = self.main, "北山市发展和改革委员会", 2001
        self._unit_home(unit, name, [("机构职能", 20011), ("政府信息公开年报", 20012)])
        main.pages[column_url(unit, 20011)] = Page(html("机构职能", "<p>主要职责。</p>", CITY_NAV))
        items = []
        for year in YEARS:
            title = f"{name}{year}年政府信息公开工作年度报告"
            page, file_id = f"/public/{unit}/{96000000 + year}.html", 7000 + year
            download = f"/module/download/downfile.jsp?classid=0&fileId={file_id}"
            attachment = (f'<p>详见附件。</p><div class="fj">附件：<a href="{download}" target="_blank">'
                          f'{escape(title)}.pdf</a></div>')
            main.pages[page] = Page(report_page(title, name, year, CITY_NAV, attachment=attachment))
            filename = quote(f"{title}.pdf")
            main.pages[download] = Page(b"%PDF-1.4\n% report\n", "application/octet-stream", headers={
                "Content-Disposition": f"attachment; filename*=UTF-8''{filename}"})
            self.expected[self.base + download] = (name, year)
            items.append(f'<li><a href="{page}" title="{title}">{title}</a>'
                         f'<span class="date">{year + 1}-02-10</span></li>')
        main.pages[column_url(unit, 20012)] = Page(html("政府信息公开年报", f'<ul class="xxgk_list">{"".join(items)}</ul>',
                                                        CITY_NAV))

    def _market(self) -> None:
        """A 企业年报 column beside the 政府信息公开年报 one: enterprises' annual reports are not the agency's."""
        main, name, unit = self.main, "北山市市场监督管理局", 2002
        self._unit_home(unit, name, [("企业年报公示", 20021), ("政府信息公开年报", 20022)])
        notices = ("关于开展2023年度企业年报公示工作的通知", "2023年度企业年报常见问题解答",
                   "市场主体2022年度年报公示工作完成情况", "个体工商户2023年度年报报送指南",
                   "农民专业合作社2023年度年报公示提醒")
        rows = []
        for k, title in enumerate(notices):
            path = f"/public/{unit}/{97000001 + k}.html"
            main.pages[path] = Page(html(title, f"<h1>{title}</h1><p>请各市场主体于6月30日前登录国家企业信用信息公示系统报送年报。</p>",
                                         CITY_NAV))
            rows.append(f'<li><a href="{path}">{title}</a><span class="date">2024-01-0{k + 1}</span></li>')
        main.pages[column_url(unit, 20021)] = Page(html("企业年报公示", f'<ul class="xxgk_list">{"".join(rows)}</ul>',
                                                        CITY_NAV))
        items = []
        for year in (2021, 2022, 2023):
            path = f"/public/{unit}/{97100000 + year}.html"
            title = f"{name}{year}年政府信息公开工作年度报告"
            self._report(main, self.base, path, title, name, year, CITY_NAV)
            items.append(f'<li><a href="{path}">{title}</a><span class="date">{year + 1}-01-30</span></li>')
        main.pages[column_url(unit, 20022)] = Page(html("政府信息公开年报", f'<ul class="xxgk_list">{"".join(items)}</ul>',
                                                        CITY_NAV))

    def _health(self) -> None:
        """A department's own PHPCMS site, linked from the home page's 部门网站 table: a column whose folder is
        an abbreviation (``/html/xxgk/bg/``), later pages numbered alone (``2.html`` beside ``index.html``),
        and the department's 统计年报 (statistics) and 工作总结 beside its reports."""
        main, name, folder = self.main, "北山市卫生健康委员会", "/wjw/html/xxgk/bg/"
        nav = '<a href="/wjw/">首页</a><a href="/wjw/html/xwdt/">卫健动态</a><a href="/wjw/html/xxgk/">信息公开</a>'
        main.pages["/wjw/"] = Page(html(f"{name}", '<div class="banner">健康北山</div>', nav))
        main.pages["/wjw/html/xwdt/"] = Page(html("卫健动态", "<p>动态。</p>", nav))
        main.pages["/wjw/html/xxgk/"] = Page(html(f"信息公开_{name}", (
            '<ul class="lm"><li><a href="/wjw/html/xxgk/zn/">信息公开指南</a></li>'
            f'<li><a href="{folder}">年度报告</a></li></ul>'), nav))
        main.pages["/wjw/html/xxgk/zn/"] = Page(html("信息公开指南", "<p>指南。</p>", nav))
        rows = []
        for year in range(2017, 2024):
            path = f"{folder}{year + 1}/0118/{41 + year - 2017}.html"
            title = f"{name}{year}年政府信息公开工作年度报告"
            self._report(main, self.base, path, title, name, year, nav)
            rows.append(f'<li><a href="{path}">{title}</a><span>{year + 1}-01-18</span></li>')
        rows.reverse()
        for k, title in enumerate(("北山市2023年卫生健康统计年报", "北山市卫生健康委员会2023年度工作总结")):
            path = f"{folder}2024/0301/{60 + k}.html"
            main.pages[path] = Page(html(title, f"<h1>{title}</h1><p>正文。</p>", nav))
            rows.insert(1, f'<li><a href="{path}">{title}</a><span>2024-03-01</span></li>')
        pager = (f'<div id="pages"><a class="a1">9条</a><span>1</span><a href="{folder}2.html">2</a>'
                 f'<a href="{folder}2.html" class="a1">下一页</a></div>')
        main.pages[folder] = Page(html(f"年度报告_{name}", f"<ul class=\"list\">{''.join(rows[:5])}</ul>{pager}", nav))
        main.pages[f"{folder}index.html"] = main.pages[folder]
        main.pages[f"{folder}2.html"] = Page(html(f"年度报告_{name}", f"<ul class=\"list\">{''.join(rows[5:])}</ul>", nav))

    # -- the county: a JEECMS site on its own host ------------------------------------------------------

    def _county(self) -> None:
        county = self.county
        county.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /member/\n", "text/plain")
        county.pages["/"] = Page(b"", status=302, location="/index.jhtml")
        county.pages["/index.jhtml"] = Page(html(COUNTY, (
            '<div class="news"><div class="hd">县内动态</div><ul>'
            '<li><a href="/xwzx/5501.jhtml">县政府召开2023年度工作总结表彰大会</a></li>'
            '<li><a href="/xwzx/5502.jhtml">北山县2023年度政府工作报告</a></li></ul></div>'
            '<a href="/member/login.jspx">登录</a>'), COUNTY_NAV))
        county.pages["/xwzx/5501.jhtml"] = Page(html("总结表彰大会", "<p>正文。</p>", COUNTY_NAV))
        county.pages["/xwzx/5502.jhtml"] = Page(html("北山县2023年度政府工作报告", "<p>政府工作报告正文。</p>", COUNTY_NAV))
        county.pages["/xwzx/index.jhtml"] = Page(html("新闻中心", "<p>新闻。</p>", COUNTY_NAV))
        county.pages["/zwgk/index.jhtml"] = Page(html(f"政务公开_{COUNTY}", (
            '<div class="menu"><a href="/zwgk/gkzn/index.jhtml">公开指南</a>'
            '<a href="/zwgk/c1024/index.jhtml">政府信息公开年报</a>'
            '<a href="/zwgk/zcwj/index.jhtml">政策文件</a></div>'), COUNTY_NAV))
        county.pages["/zwgk/gkzn/index.jhtml"] = Page(html("公开指南", "<p>指南。</p>", COUNTY_NAV))
        county.pages["/zwgk/zcwj/index.jhtml"] = Page(html("政策文件", "<p>文件。</p>", COUNTY_NAV))
        agencies = (("c1025", "县人民政府办公室"), ("c1026", "县教育局"), ("c1027", "城关镇"))
        links = "".join(f'<li><a href="/zwgk/{folder}/index.jhtml">{label}</a></li>' for folder, label in agencies)
        county.pages["/zwgk/c1024/index.jhtml"] = Page(html(f"政府信息公开年报_{COUNTY}", (
            f'<div class="sub-column"><ul>{links}</ul></div>'), COUNTY_NAV))
        self._county_office()
        self._county_agency("c1026", "北山县教育局", 8100)
        self._county_town()

    def _county_office(self) -> None:
        """Six years, five to a page: ``index_2.jhtml``."""
        county, folder, rows = self.county, "/zwgk/c1025/", []
        for year in range(2018, 2024):
            path = f"{folder}{8000 + year}.jhtml"
            title = f"{COUNTY}{year}年政府信息公开工作年度报告"
            self._report(county, self.county_base, path, title, COUNTY, year, COUNTY_NAV)
            rows.append(f'<li><a href="{path}">{title}</a><span>{year + 1}-01-20</span></li>')
        rows.reverse()
        pager = ('<div class="pages"><a href="{0}index.jhtml">首页</a><a href="{0}index_2.jhtml">下一页</a>'
                 '<a href="{0}index_2.jhtml">尾页</a></div>').format(folder)
        county.pages[f"{folder}index.jhtml"] = Page(html("县人民政府办公室", f"<ul>{''.join(rows[:5])}</ul>{pager}",
                                                         COUNTY_NAV))
        county.pages[f"{folder}index_2.jhtml"] = Page(html("县人民政府办公室", f"<ul>{''.join(rows[5:])}</ul>", COUNTY_NAV))

    def _county_agency(self, folder: str, name: str, first_id: int) -> None:
        """Items titled by the year alone; the page carries the report's text."""
        county, rows = self.county, []
        for year in (2021, 2022, 2023):
            path = f"/zwgk/{folder}/{first_id + year}.jhtml"
            self._report(county, self.county_base, path, f"{year}年度报告", name, year, COUNTY_NAV, full=True)
            rows.append(f'<li><a href="{path}">{year}年度报告</a><span>{year + 1}-01-18</span></li>')
        county.pages[f"/zwgk/{folder}/index.jhtml"] = Page(html(name[3:], f"<ul>{''.join(rows)}</ul>", COUNTY_NAV))

    def _county_town(self) -> None:
        """Items titled by the year alone; each page holds the report as an OFD file."""
        county, folder, name, rows = self.county, "/zwgk/c1027/", "北山县城关镇人民政府", []
        for year in (2021, 2022, 2023):
            page, file = f"{folder}{8200 + year}.jhtml", f"/u/cms/bsx/{year + 1}01/2{year}0118093012.ofd"
            title = f"{year}年度报告"
            attachment = f'<p>附件：<a href="{file}">城关镇{year}年政府信息公开工作年度报告.ofd</a></p>'
            county.pages[page] = Page(report_page(title, name, year, COUNTY_NAV, attachment=attachment))
            county.pages[file] = Page(b"PK\x03\x04OFD.xml", "application/ofd")
            self.expected[self.county_base + file] = (name, year)
            rows.append(f'<li><a href="{page}">{title}</a><span>{year + 1}-01-18</span></li>')
        county.pages[f"{folder}index.jhtml"] = Page(html("城关镇", f"<ul>{''.join(rows)}</ul>", COUNTY_NAV))
