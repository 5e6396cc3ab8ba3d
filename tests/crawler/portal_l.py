"""A twelfth municipal portal, 北湖市, on one host: department sub-sites built by CMS families and habits of real
government sites no other portal has, for crawls over real HTTP.

- the city's 政府信息公开年报 column (``/xxgk/ndbg/index.html``), 2019–2025 (2025 linked as its PDF): a server-rendered
  list (the way in,
  and noise: a 年度工作报告, a 统计公报, a 政务公开工作要点 of another year);
- 市住房和城乡建设局 (``/zjj/``): two reports printed as pictures over a paged article (``623.html``,
  ``623_1.html``, ``623_2.html``: each page one picture of a page of the report, no text), the others as text;
- 市政府信息公开平台 (``/gkpt/``): a directory of 主动公开目录 categories whose nodes call
  ``showList('0112', 1)``, the list loaded by GET ``getList.do?catalogId=…&page=…`` into the page, two pages of
  市发展和改革委员会's reports among forty categories;
- 市民政局 (``/mzj/``): its 信息公开目录 a tree of ``<li data-catalog-id="0212">`` nodes whose click handler keeps the
  id in a variable and loads ``getList.do?catalogId=' + catalog + '&page=1`` into the page;
- 市财政局 (``/czj/``): a 索引号 | 名称 | 发文日期 | 操作 table whose link is a 查看 calling
  ``javascript:openDetail(3021)``, which opens ``window.open('/czj/art/' + id + '.html')``;
- 市审计局 (``/sjj/``): reached only through the home page's 部门 select box
  (``<select onchange="window.open(this.value)">``);
- 市人力资源和社会保障局 (``/rsj/``): its 年报 column lists articles 关于公布2023年度政府信息公开工作年度报告的公告,
  each titled 公告 on its page, the report its attachment named only by the link text (``附件：…年度报告.pdf``),
  served by ``download.jsp?fileId=…`` whose name is in Content-Disposition (RFC 5987 ``filename*=UTF-8''…`` or
  raw GBK bytes);
- 市林业局 (``/lyj/``): an old GBK site reached only through the 部门导航 page's image map (``<area href>``): its
  home a ``<meta http-equiv=refresh>`` to a frameset whose right frame is the 年报 list;
- 市水利局 (``/slj/``): reached only through the 政府部门 page (``/zfbm.html``), an image map of departments under no
  heading, the page's title alone saying what it is;
- 市交通运输局 (``/jtj/``): no 年报 column; its reports published only as articles 关于公布…年度报告的公告 among
  120 notices of its 通知公告 column (six pages of twenty), each article's attachment the report;
- noise: a 部门决算报告 in 住建's list, a 部门预算 in the platform's 年度报告 category, a 财政决算报告 in 财政's
  table, a 审计工作报告 in 审计's, a 民政事业统计公报 in 民政's, a 年报编制工作的通知 in 人社's, a 林业统计公报 in 林业's.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from tests.crawler.portal import Look, OneHost, Page

CITY = "北湖市人民政府"
NAV = '<a href="/">首页</a><a href="/xxgk/index.html">政府信息公开</a>'
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x03\x20\x00\x00\x04\x6a\x08\x02\x00\x00\x00"

LOOK = Look(NAV, seed=61, day=1)
html = LOOK.html

# 主动公开目录 categories of the platform besides 年度报告 (0112), as real platforms list them.
CATALOGS = ("机构职能", "领导信息", "内设机构", "政策文件", "规范性文件", "政策解读", "规划计划", "统计信息",
            "财政资金", "部门预算", "部门决算", "三公经费", "政府采购", "重大项目", "行政许可", "行政处罚",
            "行政强制", "行政征收", "人事信息", "招考录用", "应急管理", "安全生产", "食品安全", "环境保护",
            "教育信息", "医疗卫生", "社会保障", "就业创业", "住房保障", "扶贫救助", "价格收费", "建议提案",
            "公共资源", "政务督查", "审计结果", "国资国企", "信用信息", "其他信息", "工作动态")


class PortalL(OneHost):
    """The host of 北湖市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        super().__init__()
        self._home()
        self._city()
        self._housing()
        self._platform()
        self._finance()
        self._civil_affairs()
        self._audit()
        self._labour()
        self._forestry()
        self._water()
        self._transport()

    def _noise(self, path: str, title: str, nav: str = NAV) -> str:
        return self.noise(LOOK, path, title, nav)

    def _home(self) -> None:
        self.main.pages["/"] = Page(html(f"{CITY}门户网站", (
            '<div class="gk"><a href="/xxgk/index.html">政府信息公开</a><a href="/bmdh.html">部门导航</a>'
            '<a href="/zfbm.html">政府部门</a></div>'
            '<div class="links"><div class="hd">部门网站</div><a href="/zjj/index.html">市住房和城乡建设局</a>'
            '<a href="/czj/index.html">市财政局</a><a href="/mzj/index.html">市民政局</a><a href="/rsj/index.html">市人力资源和社会保障局</a>'
            '<a href="/jtj/index.html">市交通运输局</a></div>'
            '<div class="bm"><select onchange="window.open(this.value)"><option value="">---市直部门网站---</option>'
            '<option value="/sjj/index.html">北湖市审计局</option><option value="/tjj/index.html">北湖市统计局</option>'
            '</select></div>')))
        self.main.pages["/tjj/index.html"] = Page(html("北湖市统计局", "<h1>北湖市统计局</h1><p>统计数据。</p>"))
        self.main.pages["/xxgk/index.html"] = Page(html(f"{CITY}政府信息公开", (
            '<ul><li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li>'
            '<li><a href="/gkpt/index.html">政府信息公开平台</a></li></ul>')))
        self.main.pages["/bmdh.html"] = Page(html("部门导航", (
            '<h2>部门导航</h2><img src="/images/bmdh.jpg" usemap="#bm" width="800" height="300"><map name="bm">'
            '<area shape="rect" coords="0,0,200,100" href="/lyj/" alt="市林业局">'
            '<area shape="rect" coords="200,0,400,100" href="/tjj/index.html" alt="市统计局"></map>')))

    def _city(self) -> None:
        rows = [(f"/xxgk/ndbg/{year}.html", self.report(LOOK, f"/xxgk/ndbg/{year}.html", CITY, year))
                for year in range(2024, 2018, -1)]
        # the newest report linked as its PDF
        self.main.pages["/xxgk/ndbg/2025.pdf"] = Page(b"%PDF-1.4\n% report\n", "application/pdf")
        self.expected[self.base + "/xxgk/ndbg/2025.pdf"] = (CITY, 2025)
        rows.insert(0, ("/xxgk/ndbg/2025.pdf", f"{CITY}2025年政府信息公开工作年度报告"))
        rows[1:1] = [(f"/xxgk/ndbg/{key}.html", self._noise(f"/xxgk/ndbg/{key}.html", title)) for key, title in (
            ("gzbg", f"{CITY}2024年度工作报告"), ("tjgb", "北湖市2024年国民经济和社会发展统计公报"),
            ("yd", f"{CITY}2026年政务公开工作要点"))]
        self.main.pages["/xxgk/ndbg/index.html"] = Page(html("政府信息公开年报", "<ul>" + "".join(
            f'<li><a href="{p}">{escape(t)}</a></li>' for p, t in rows) + "</ul>"))

    def _housing(self) -> None:
        """住建: the 2023 and 2024 reports pictures over a paged article, a page of the report a page."""
        main, name, folder = self.main, "北湖市住房和城乡建设局", "/zjj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/zjj/ndbg/index.html">政府信息公开年度报告</a>')
        rows = []
        for year, number in ((2024, 623), (2023, 588)):
            title, pages = f"{name}{year}年政府信息公开工作年度报告", 3
            for n in range(pages):
                suffix = f"_{n}" if n else ""
                pager = "".join(f'<a href="{number}{f"_{k}" if k else ""}.html">{k + 1}</a>' for k in range(pages))
                main.pages[f"{folder}art/{number}{suffix}.html"] = Page(html(title, (
                    f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{year + 1}-01-1{n}</div>'
                    f'<div class="content"><p style="text-align:center"><img src="/zjj/uploads/{number}_{n + 1}.jpg" '
                    f'width="800"></p></div><div class="pages">{pager}</div></div>'), nav))
                main.pages[f"/zjj/uploads/{number}_{n + 1}.jpg"] = Page(PNG + bytes([n]), "image/png")
            self.expected[f"{self.base}{folder}art/{number}.html"] = (name, year)
            rows.append((f"{folder}art/{number}.html", title))
        rows.append((f"{folder}art/jsbg.html", self._noise(f"{folder}art/jsbg.html", f"{name}2023年度部门决算报告", nav)))
        rows += [(f"{folder}art/{year}.html", self.report(LOOK, f"{folder}art/{year}.html", name, year, nav))
                 for year in (2022, 2021)]
        main.pages["/zjj/ndbg/index.html"] = Page(html("政府信息公开年度报告", "<ul>" + "".join(
            f'<li><a href="{p}">{escape(t)}</a></li>' for p, t in rows) + "</ul>", nav))

    def _platform(self) -> None:
        """The 政府信息公开平台: a tree of categories calling showList, the list a fragment GET loads."""
        main, name = self.main, "北湖市发展和改革委员会"
        nodes = [(f"01{n:02d}", label) for n, label in enumerate(CATALOGS[:11], 1)]
        nodes.append(("0112", "年度报告"))
        nodes += [(f"01{n:02d}", label) for n, label in enumerate(CATALOGS[11:], 13)]
        tree = "".join(f'<li><a href="javascript:void(0)" onclick="showList(\'{c}\', 1)">{label}</a></li>'
                       for c, label in nodes)
        main.pages["/gkpt/index.html"] = Page(html("北湖市政府信息公开平台", (
            f'<div class="left"><h3>主动公开目录</h3><ul id="tree">{tree}</ul></div><div class="right" id="list">'
            '</div><script src="/gkpt/js/jquery.min.js"></script><script>function showList(catalogId, page) {'
            "$('#list').load('/gkpt/getList.do?catalogId=' + catalogId + '&page=' + page);}"
            "$(function(){showList('0101', 1);});</script>")))
        rows = [(f"/gkpt/art/fgw{year}.html", self.report(LOOK, f"/gkpt/art/fgw{year}.html", name, year))
                for year in range(2024, 2019, -1)]
        rows.insert(3, ("/gkpt/art/fgwys.html", self._noise("/gkpt/art/fgwys.html", f"{name}2025年部门预算")))
        size, total = 3, 2

        def listed(query: dict) -> Page:
            catalog, page = query.get("catalogId", [""])[0], query.get("page", ["1"])[0]
            page = int(page) if page.isdigit() and 1 <= int(page) <= total else 1
            if catalog != "0112":
                return Page('<ul class="list"><li>暂无信息</li></ul>'.encode())
            items = "".join(f'<li><a href="{p}" target="_blank">{escape(t)}</a><span>{2025}-01-15</span></li>'
                            for p, t in rows[(page - 1) * size:page * size])
            pager = (f'<div class="page">共{total}页 '
                     + "".join(f'<a href="javascript:void(0)" onclick="showList(\'0112\', {k})">{k}</a>'
                               for k in range(1, total + 1)) + "</div>")
            return Page(f'<ul class="list">{items}</ul>{pager}'.encode())
        main.dynamic["/gkpt/getList.do"] = listed

    def _finance(self) -> None:
        """财政: a 索引号 | 名称 | 发文日期 | 操作 table, its 查看 calling openDetail(id)."""
        main, name, folder = self.main, "北湖市财政局", "/czj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/czj/xxgk/ndbg.html">年度报告</a>')
        rows = [(3000 + year, self.report(LOOK, f"{folder}art/{3000 + year}.html", name, year, nav), year)
                for year in range(2024, 2019, -1)]
        rows.insert(2, (4999, self._noise(f"{folder}art/4999.html", "北湖市2023年财政决算报告", nav), 2024))
        body = "".join(
            f'<tr><td>11410100MB{id_:05d}X/{year + 1}-{id_ % 97:05d}</td><td class="name">{escape(t)}</td>'
            f'<td>{year + 1}-02-1{year % 10}</td><td><a href="javascript:openDetail({id_})">查看</a></td></tr>'
            for id_, t, year in rows)
        main.pages["/czj/xxgk/ndbg.html"] = Page(html(f"年度报告-{name}", (
            '<table class="gk"><tr><th>索引号</th><th>名称</th><th>发文日期</th><th>操作</th></tr>'
            f"{body}</table><script>function openDetail(id){{window.open('/czj/art/' + id + '.html');}}</script>"),
            nav))

    def _civil_affairs(self) -> None:
        """民政: a catalogue tree of data-catalog-id nodes, the id kept in a variable by the click handler."""
        main, name, folder = self.main, "北湖市民政局", "/mzj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/mzj/xxgk/index.html">信息公开目录</a>')
        nodes = [(f"02{n:02d}", label) for n, label in enumerate(CATALOGS[:20], 1)]
        nodes.insert(5, ("0250", "政府信息公开年度报告"))
        tree = "".join(f'<li data-catalog-id="{c}"><a href="javascript:;">{label}</a></li>' for c, label in nodes)
        main.pages["/mzj/xxgk/index.html"] = Page(html(f"信息公开目录-{name}", (
            f'<div class="left"><h3>主动公开目录</h3><ul id="tree">{tree}</ul></div><div class="right" id="list"></div>'
            "<script>$('#tree').on('click', 'li', function () { var catalog = $(this).data('catalog-id');"
            "$('#tree li').removeClass('on'); $(this).addClass('on');"
            "$('#list').load('/mzj/xxgk/getList.do?catalogId=' + catalog + '&page=1'); });"
            "$('#tree li:first').click();</script>"), nav))
        rows = [(f"{folder}art/{year}.html", self.report(LOOK, f"{folder}art/{year}.html", name, year, nav))
                for year in range(2024, 2020, -1)]
        rows.insert(2, (f"{folder}art/tjgb.html", self._noise(f"{folder}art/tjgb.html", "北湖市2023年民政事业发展统计公报",
                                                              nav)))

        def listed(query: dict) -> Page:
            shown = rows if query.get("catalogId") == ["0250"] else []
            return Page(("<ul>" + "".join(f'<li><a href="{p}">{escape(t)}</a></li>' for p, t in shown)
                         + "</ul>").encode())
        main.dynamic["/mzj/xxgk/getList.do"] = listed

    def _audit(self) -> None:
        """审计: a sub-site only the home page's 部门 select box opens."""
        main, name, folder = self.main, "北湖市审计局", "/sjj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/sjj/ndbg/">信息公开年报</a>')
        rows = [(f"{folder}ndbg/{year}.html", self.report(LOOK, f"{folder}ndbg/{year}.html", name, year, nav))
                for year in range(2024, 2020, -1)]
        rows.insert(1, (f"{folder}ndbg/sjgz.html", self._noise(f"{folder}ndbg/sjgz.html",
                                                               f"{name}关于2023年度市级预算执行的审计工作报告", nav)))
        main.pages["/sjj/ndbg/"] = Page(html("信息公开年报", "<ul>" + "".join(
            f'<li><a href="{p}">{escape(t)}</a></li>' for p, t in rows) + "</ul>", nav))

    def _labour(self) -> None:
        """人社: each report the attachment of a 公告, named in its link text and Content-Disposition only."""
        main, name, folder = self.main, "北湖市人力资源和社会保障局", "/rsj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/rsj/tzgg/index.html">政府信息公开年报</a>')
        rows = []
        for year in range(2024, 2020, -1):
            title, file_id = f"{name}{year}年政府信息公开工作年度报告", 90000 + year
            download = f"/rsj/download.jsp?fileId={file_id}"
            main.pages[f"/rsj/tzgg/{file_id}.html"] = Page(html("公告", (
                f'<div class="article"><h1>公告</h1><div class="info">发布时间：{year + 1}-01-28</div>'
                f'<div class="content"><p>根据《中华人民共和国政府信息公开条例》，现将我局{year}年度政府信息公开工作'
                f'年度报告予以公布。</p><p>附件：<a href="{download}">{escape(title)}.pdf</a></p></div></div>'), nav))
            disposition = (f"attachment; filename*=UTF-8''{quote(title + '.pdf')}" if year % 2
                           else 'attachment; filename="' + (title + ".pdf").encode("gbk").decode("latin-1") + '"')
            main.pages[download] = Page(b"%PDF-1.4\n% report\n", "application/octet-stream",
                                        headers={"Content-Disposition": disposition})
            self.expected[self.base + download] = (name, year)
            rows.append((f"/rsj/tzgg/{file_id}.html", f"关于公布{year}年度政府信息公开工作年度报告的公告"))
        rows.insert(2, ("/rsj/tzgg/bz.html", self._noise("/rsj/tzgg/bz.html", (
            "关于做好2024年度政府信息公开工作年度报告编制和发布工作的通知"), nav)))
        main.pages["/rsj/tzgg/index.html"] = Page(html("政府信息公开年报", "<ul>" + "".join(
            f'<li><a href="{p}">{escape(t)}</a></li>' for p, t in rows) + "</ul>", nav))

    def _forestry(self) -> None:
        """林业: an old GBK site, its home a meta refresh to a frameset whose right frame lists its reports."""
        main, name = self.main, "北湖市林业局"

        def gbk(title: str, body: str) -> Page:
            return Page(('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
                         f'<title>{escape(title)}</title></head><body>{body}</body></html>').encode("gbk"),
                        "text/html")
        main.pages["/lyj/"] = Page(b'<html><head><meta http-equiv="refresh" content="0; url=/lyj/main.htm">'
                                   b'</head><body></body></html>', "text/html")
        main.pages["/lyj/main.htm"] = Page(
            ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>北湖市林业局'
             '</title></head><frameset cols="200,*"><frame src="/lyj/left.htm" name="left">'
             '<frame src="/lyj/right.htm" name="right"></frameset></html>').encode("gbk"), "text/html")
        main.pages["/lyj/left.htm"] = gbk("导航", '<a href="/lyj/right.htm" target="right">信息公开年报</a>'
                                                 '<a href="/lyj/gzdt.htm" target="right">工作动态</a>')
        main.pages["/lyj/gzdt.htm"] = gbk("工作动态", "<p>植树造林。</p>")
        rows = []
        for year in range(2022, 2018, -1):
            title, path = f"{name}{year}年政府信息公开工作年度报告", f"/lyj/nb/{year}.htm"
            main.pages[path] = gbk(title, f'<h1>{escape(title)}</h1><p>发布时间：{year + 1}-01-20</p>'
                                          f'{LOOK.report_body(name, year)}')
            self.expected[self.base + path] = (name, year)
            rows.append((path, title))
        rows.insert(1, ("/lyj/nb/tjgb.htm", "北湖市2022年林业统计公报"))
        main.pages["/lyj/nb/tjgb.htm"] = gbk("北湖市2022年林业统计公报", "<p>森林覆盖率。</p>")
        main.pages["/lyj/right.htm"] = gbk("信息公开年报", "<table>" + "".join(
            f'<tr><td><a href="{p}" target="_blank">{escape(t)}</a></td></tr>' for p, t in rows) + "</table>")

    def _water(self) -> None:
        """水利: a sub-site only an image map under no heading opens, the page titled 政府部门."""
        main, name, folder = self.main, "北湖市水利局", "/slj/"
        main.pages["/zfbm.html"] = Page(html(f"政府部门-{CITY}", (
            '<div class="main"><img src="/images/zfbm.jpg" usemap="#zfbm" width="800" height="300"><map name="zfbm">'
            '<area shape="rect" coords="0,0,200,100" href="/slj/index.html" alt="市水利局">'
            '<area shape="rect" coords="200,0,400,100" href="/tjj/index.html" alt="市统计局"></map></div>')))
        nav = self.department_home(LOOK, folder, name, '<a href="/slj/gknb/index.html">政府信息公开年报</a>')
        rows = [(f"{folder}gknb/{year}.html", self.report(LOOK, f"{folder}gknb/{year}.html", name, year, nav))
                for year in range(2024, 2020, -1)]
        rows.insert(1, (f"{folder}gknb/szy.html", self._noise(f"{folder}gknb/szy.html", "北湖市2023年水资源公报", nav)))
        main.pages["/slj/gknb/index.html"] = Page(html("政府信息公开年报", "<ul>" + "".join(
            f'<li><a href="{p}">{escape(t)}</a></li>' for p, t in rows) + "</ul>", nav))

    def _transport(self) -> None:
        """交通: no 年报 column, each report the attachment of a 公告 among 120 notices of its 通知公告 column."""
        main, name, folder = self.main, "北湖市交通运输局", "/jtj/"
        nav = self.department_home(LOOK, folder, name, '<a href="/jtj/tzgg/index.html">通知公告</a>'
                                                       '<a href="/jtj/gzdt/index.html">工作动态</a>')
        subjects = ("春运工作", "道路运输安全生产检查", "公路养护工程招标", "出租汽车运价调整", "驾驶员培训机构考核",
                    "农村公路建设", "超限超载治理", "交通运输行政执法评议", "网约车经营许可", "防汛工作")
        notices = [(f"{folder}tzgg/{5000 + n}.html", f"关于做好{2024 - n % 4}年{subjects[n % 10]}的通知")
                   for n in range(116)]
        notices.insert(40, (f"{folder}tzgg/bz.html", "关于做好2023年度政府信息公开工作年度报告编制工作的通知"))
        for path, title in notices:
            self._noise(path, title, nav)
        for n, year in enumerate(range(2024, 2021, -1)):
            title, path = f"关于公布{year}年度政府信息公开工作年度报告的公告", f"{folder}tzgg/{7000 + year}.html"
            pdf = f"{folder}uploads/nb{year}.pdf"
            main.pages[path] = Page(LOOK.html(title, (
                f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{year + 1}-01-26</div>'
                f'<div class="content"><p>现将我局{year}年度政府信息公开工作年度报告予以公布。</p>'
                f'<p>附件：<a href="{pdf}">{escape(name)}{year}年政府信息公开工作年度报告.pdf</a></p></div></div>'),
                nav))
            main.pages[pdf] = Page(b"%PDF-1.4\n% report\n", "application/pdf")
            self.expected[self.base + pdf] = (name, year)
            notices.insert(3 + 44 * n, (path, title))
        size = 20
        pages = [notices[k:k + size] for k in range(0, len(notices), size)]
        for n, shown in enumerate(pages):
            pager = "".join(f'<a href="index{f"_{k}" if k else ""}.html">{k + 1}</a>' for k in range(len(pages)))
            main.pages[f"{folder}tzgg/index{f'_{n}' if n else ''}.html"] = Page(html("通知公告", (
                "<ul>" + "".join(f'<li><a href="{p}">{escape(t)}</a><span>2024-03-01</span></li>' for p, t in shown)
                + f'</ul><div class="page">共{len(pages)}页 {pager}</div>'), nav))
        main.pages["/jtj/gzdt/index.html"] = Page(html("工作动态", "<p>暂无信息</p>", nav))
