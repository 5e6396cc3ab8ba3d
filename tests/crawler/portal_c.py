"""A third municipal portal, 南河市, built from platform families that neither ``simsite``, ``portal.py`` nor
``portal_b.py`` has: for crawls over real HTTP on seven hosts.

- the home page (``/``) is only a script that sends the browser on (``window.location.href='/col/col1/
  index.html'``), as many portals' root is;
- the city's 信息公开目录 is an ASP.NET WebForms application (``/xxgk/Default.aspx``, ``List.aspx?ClassID=…``,
  ``Show.aspx?ID=…``): its 年报 column's pager is ``__doPostBack('ctl00$ContentPlaceHolder1$AspNetPager1','2')``,
  a POST of the page's form with ``__VIEWSTATE``/``__EVENTTARGET``/``__EVENTARGUMENT``; the form also holds a
  search box whose submit button, clicked by mistake, answers search results; its report titles are worded
  other ways (``…2023年度信息公开年报``, ``2022年政务公开工作年度报告``, ``政府信息公开年度工作报告（2021年）``) beside
  noise (部门预算公开, 法治政府建设年度报告, 统计公报, 工作总结);
- the departments' sites are listed on the home page only in a ``<select onchange="window.open(this.value)">``
  部门网站 drop-down or an image map, under short names (发改, 人社, 住建, 财政, 交通, 教育, 卫健); the agency's full
  name is only in each sub-site's header and ``<title>``; six of them are on hosts of their own:
- 发改 (127.0.0.3): detail links are ``href="javascript:void(0)" onclick="openArticle('2023','8842')"`` with
  ``function openArticle(y,id){window.open('/art/'+y+'/'+id+'.html')}``; each page holds a PDF;
- 人社 (127.0.0.4): a jQuery column whose list is the answer of ``$.ajax({type:"POST",
  url:"/api/content/list", data:{columnId:…, pageNo:…, pageSize:5}})``, ids only, the detail URL built by the
  script (``'/content/detail.html?id=' + item.id``), two pages of answers;
- 住建 (127.0.0.5): a column with year tabs whose lists are all in the page (hidden ``display:none`` panels),
  its reports DOCX files, a 统计年报 and a 工作总结 among them;
- 交通 (127.0.0.6): linked only from an image map (``<map>`` of a picture whose ``alt`` is 部门网站), by its
  ``<area alt="交通">``;
- 教育 (127.0.0.7): a Vue column whose list is the answer of ``axios.post('/api/article/page', {channelId: 'nb',
  pageNum: this.pageNum, pageSize: 4})``, a JSON body (a form is refused), answered RuoYi's way (``{"total": 7,
  "rows": […]}``, the page size only in the request), two pages, ids only (``'/article/detail.html?articleId=' +
  item.articleId``);
- 卫健 (127.0.0.8): a column whose list a ``fetch`` posts for with ``body: JSON.stringify({…})``;
- 财政 (on the city's host, ``/czj/``): a 部门预算决算 column beside its 年度报告 one, whose older items a
  加载更多 button (``data-page="2" data-total="3"``) loads as HTML fragments (``'/czj/list/29_' + page + '.html'``);
- noise: home-page news with years in their titles (工作总结, 统计公报, 企业年报, 绩效评价报告).
"""

from __future__ import annotations

import json
from html import escape

from simsite.documents import attachment_bytes
from simsite.figures import Agency, report_series
from simsite.render import render_report_body
from tests.crawler.portal import JSON, Host, HostServer, Page

CITY = "南河市人民政府"
PAGER = "ctl00$ContentPlaceHolder1$AspNetPager1"
PER_PAGE = 4


def html(title: str, body: str, header: str = "", nav: str = "") -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title></head><body>'
            f'<div class="header">{header}</div><div class="nav">{nav}</div>{body}</body></html>').encode()


def report(agency: str, year: int) -> dict:
    return report_series(Agency(agency, agency, "department"), 13)[year]


def article(title: str, agency: str, year: int, content: str, header: str = "", nav: str = "") -> bytes:
    return html(title, f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：{year + 1}-01-2{year % 10}'
                       f'　来源：{escape(agency)}</div><div class="content">{content}</div></div>', header, nav)


CITY_NAV = ('<a href="/col/col1/index.html">首页</a><a href="/col/col2/index.html">南河要闻</a>'
            '<a href="/xxgk/Default.aspx">政府信息公开</a><a href="/col/col3/index.html">政民互动</a>')


class PortalC:
    """The seven hosts of 南河市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        self.main, self.fg, self.rs, self.zj, self.jt, self.jy, self.wj = (Host() for _ in range(7))
        self.servers = [HostServer(f"127.0.0.{n}", host) for n, host in
                        ((1, self.main), (3, self.fg), (4, self.rs), (5, self.zj), (6, self.jt), (7, self.jy),
                         (8, self.wj))]
        self.base, self.fg_base, self.rs_base, self.zj_base, self.jt_base, self.jy_base, self.wj_base = \
            (s.base for s in self.servers)
        self.expected: dict[str, tuple[str, int]] = {}
        self.rs_pages: dict[int, bytes] = {}   # 人社's detail pages by id
        self._home()
        self._platform()
        self._finance()
        self._development()
        self._labour()
        self._housing()
        self._transport()
        self._education()
        self._health()

    def close(self) -> None:
        for server in self.servers:
            server.close()

    # -- the city ------------------------------------------------------------------------------------

    def _home(self) -> None:
        main = self.main
        main.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /search/\n", "text/plain")
        main.pages["/"] = Page(b"<html><head><script>window.location.href='/col/col1/index.html';</script>"
                               b"</head><body></body></html>")
        news = ("南河市召开2023年度政务公开工作总结会", "南河市2023年国民经济和社会发展统计公报",
                "市市场监管局部署2023年度企业年报工作", "南河市2023年度部门整体支出绩效评价报告出炉",
                "南河市2024年政务公开工作要点")
        items = "".join(f'<li><a href="/art/2024/2/{7301 + k}.html">{t}</a><span>2024-02-1{k}</span></li>'
                        for k, t in enumerate(news))
        for k, title in enumerate(news):
            main.pages[f"/art/2024/2/{7301 + k}.html"] = Page(html(title, f"<h1>{title}</h1><p>正文。</p>", nav=CITY_NAV))
        departments = ((self.fg_base + "/", "发改"), (self.rs_base + "/", "人社"), (self.zj_base + "/", "住建"),
                       ("/czj/index.html", "财政"), (self.jy_base + "/", "教育"), (self.wj_base + "/", "卫健"))
        options = "".join(f'<option value="{url}">{name}</option>' for url, name in departments)
        elsewhere = ('<option value="http://www.gov.cn/">中国政府网</option>'
                     '<option value="http://www.ah.gov.cn/">省政府网</option>')
        main.pages["/col/col1/index.html"] = Page(html(f"{CITY}门户网站", (
            f'<div class="news"><div class="hd">南河要闻</div><ul>{items}</ul></div>'
            '<div class="banner"><img src="/images/bmwz.png" usemap="#bmwz" alt="部门网站" /><map name="bmwz">'
            f'<area shape="rect" coords="0,0,80,30" href="{self.jt_base}/" alt="交通" /></map></div>'
            '<div class="footer-links"><select onchange="window.open(this.value)"><option value="">--部门网站--</option>'
            f'{options}</select><select onchange="window.open(this.value)"><option value="">--友情链接--</option>'
            f'{elsewhere}</select></div>'), nav=CITY_NAV))
        main.pages["/col/col2/index.html"] = Page(html("南河要闻", f"<ul>{items}</ul>", nav=CITY_NAV))
        main.pages["/col/col3/index.html"] = Page(html("政民互动", "<p>留言。</p>", nav=CITY_NAV))

    def _platform(self) -> None:
        """An ASP.NET WebForms 信息公开目录."""
        main = self.main
        tree = "".join(f'<li><a href="List.aspx?ClassID={c}">{t}</a></li>' for c, t in
                       ((1, "信息公开指南"), (12, "政府信息公开年报"), (15, "财政预决算"), (16, "统计信息")))
        main.pages["/xxgk/Default.aspx"] = Page(html(f"{CITY}信息公开目录", (
            f'<div class="left"><div class="tit">主动公开目录</div><ul>{tree}</ul></div>'), nav=CITY_NAV))
        titles = {2023: f"{CITY}2023年度信息公开年报", 2022: "2022年政务公开工作年度报告",
                  2021: "政府信息公开年度工作报告（2021年）", 2020: f"{CITY}2020年政府信息公开工作年度报告",
                  2019: f"{CITY}2019年政府信息公开工作年度报告"}
        rows = []
        for year, title in titles.items():
            self.expected[f"{self.base}/xxgk/Show.aspx?ID={3100 + year}"] = (CITY, year)
            rows.append((3100 + year, title, f"{year + 1}-01-2{year % 10}"))
        for k, title in enumerate(("南河市2023年度部门预算公开", f"{CITY}2022年法治政府建设年度报告",
                                   "南河市2023年国民经济和社会发展统计公报", "2023年度政务公开工作总结")):
            rows.insert(1 + 2 * k, (9001 + k, title, "2024-03-01"))
        bodies = {i: article(t, CITY, int(d[:4]) - 1, render_report_body(report(CITY, int(d[:4]) - 1), with_title=False)
                             if i < 9000 else "<p>正文。</p>", nav=CITY_NAV) for i, t, d in rows}
        pages = [rows[k:k + PER_PAGE] for k in range(0, len(rows), PER_PAGE)]

        def listing(class_id: str, n: int) -> Page:
            if class_id != "12":
                return Page(html("信息公开指南", "<p>指南。</p>", nav=CITY_NAV))
            return Page(self._aspnet_list(pages, n))

        def posted(query: dict, form: dict) -> Page:
            if form.get("__VIEWSTATE", [""])[0] != "/wEPDwUKLTk1NjQ5MjQ3Mg9kFgJmD2QWAgIDD2QWAgIBD2QWAg==":
                main.log.append("refused: no view state")
                return Page(b"<h1>Validation of viewstate MAC failed.</h1>", status=500)
            if "ctl00$btnSearch" in form:
                main.log.append("refused: the search button")
                return Page(html("搜索结果", "<p>没有找到相关信息。</p>", nav=CITY_NAV))
            if form.get("__EVENTTARGET", [""])[0] != PAGER:
                return listing(query.get("ClassID", [""])[0], 1)
            return listing(query.get("ClassID", [""])[0], int(form.get("__EVENTARGUMENT", ["1"])[0] or 1))

        main.dynamic["/xxgk/List.aspx"] = lambda query: listing(query.get("ClassID", [""])[0], 1)
        main.posted["/xxgk/List.aspx"] = posted
        main.dynamic["/xxgk/Show.aspx"] = lambda query: Page(bodies[int(query["ID"][0])]) \
            if int(query.get("ID", ["0"])[0]) in bodies else Page(b"<h1>404</h1>", status=404)

    @staticmethod
    def _aspnet_list(pages: list[list[tuple[int, str, str]]], n: int) -> bytes:
        n = max(1, min(n, len(pages)))
        rows = "".join(f'<tr><td><a href="Show.aspx?ID={i}" target="_blank">{escape(t)}</a></td><td>{d}</td></tr>'
                       for i, t, d in pages[n - 1])
        links = "".join(f"<span>{k}</span>" if k == n else
                        f"<a href=\"javascript:__doPostBack('{PAGER}','{k}')\">{k}</a>" for k in range(1, len(pages) + 1))
        following = (f"<a href=\"javascript:__doPostBack('{PAGER}','{n + 1}')\">下一页</a>"
                     f"<a href=\"javascript:__doPostBack('{PAGER}','{len(pages)}')\">尾页</a>") if n < len(pages) else ""
        return html("政府信息公开年报 - 南河市人民政府信息公开目录", (
            '<form name="aspnetForm" method="post" action="./List.aspx?ClassID=12" id="aspnetForm"><div>'
            '<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />'
            '<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />'
            '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" '
            'value="/wEPDwUKLTk1NjQ5MjQ3Mg9kFgJmD2QWAgIDD2QWAgIBD2QWAg==" /></div>'
            '<script type="text/javascript">//<![CDATA[\nvar theForm = document.forms[\'aspnetForm\'];\n'
            'function __doPostBack(eventTarget, eventArgument) { if (!theForm.onsubmit || (theForm.onsubmit() != false))'
            ' { theForm.__EVENTTARGET.value = eventTarget; theForm.__EVENTARGUMENT.value = eventArgument;'
            ' theForm.submit(); } }\n//]]></script>'
            '<div class="search"><input name="ctl00$txtKey" type="text" />'
            '<input type="submit" name="ctl00$btnSearch" value="搜索" /></div>'
            f'<div class="tit">政府信息公开年报</div><table class="list">{rows}</table>'
            f'<div id="ctl00_ContentPlaceHolder1_AspNetPager1" class="pager"><a disabled="disabled">首页</a>{links}'
            f'{following}</div></form>'), nav=CITY_NAV)

    def _finance(self) -> None:
        """财政, a section of the city's host: a 部门预算决算 column beside its 年度报告 one."""
        main, name = self.main, "南河市财政局"
        nav = '<a href="/czj/index.html">首页</a><a href="/czj/xxgk/index.html">信息公开</a>'
        header = f"<h1>{name}</h1>"
        main.pages["/czj/index.html"] = Page(html(name, '<div class="banner">财政</div>', header, nav))
        main.pages["/czj/xxgk/index.html"] = Page(html(f"信息公开-{name}", (
            '<ul class="lm"><li><a href="/czj/list/28.html">部门预算决算</a></li>'
            '<li><a href="/czj/list/29.html">年度报告</a></li></ul>'), header, nav))
        budgets = "".join(f'<li><a href="/czj/show/{600 + k}.html">{t}</a></li>' for k, t in enumerate(
            ("南河市财政局2023年度部门预算", "南河市财政局2022年度部门决算", "南河市2023年度市级财政决算报告")))
        main.pages["/czj/list/28.html"] = Page(html("部门预算决算", f"<ul>{budgets}</ul>", header, nav))
        rows = []
        for year in range(2023, 2018, -1):
            path, title = f"/czj/show/{500 + year}.html", f"{name}{year}年政府信息公开工作年度报告"
            main.pages[path] = Page(article(title, name, year, render_report_body(report(name, year), with_title=False),
                                            header, nav))
            self.expected[self.base + path] = (name, year)
            rows.append(f'<li><a href="{path}">{title}</a><span>{year + 1}-01-15</span></li>')
        rows.insert(1, '<li><a href="/czj/show/630.html">南河市财政局2023年度绩效报告</a><span>2024-03-15</span></li>')
        main.pages["/czj/show/630.html"] = Page(html("南河市财政局2023年度绩效报告", "<p>绩效。</p>", header, nav))
        # The first three items in the page, the rest loaded two at a time by 加载更多 (HTML fragments).
        more = ('<div class="more"><a href="javascript:;" id="loadMore" data-page="2" data-total="3">加载更多</a></div>'
                '<script>$("#loadMore").on("click", function () {\n  var btn = $(this), page = parseInt(btn.attr("data-page"));\n'
                '  $.get("/czj/list/29_" + page + ".html", function (html) {\n    $("#list").append(html);\n'
                '    if (page >= parseInt(btn.attr("data-total"))) { btn.hide(); } else { btn.attr("data-page", page + 1); }\n'
                '  });\n});</script>')
        main.pages["/czj/list/29.html"] = Page(html("年度报告", f"<ul id=\"list\">{''.join(rows[:3])}</ul>{more}", header,
                                                    nav))
        for n, chunk in ((2, rows[3:5]), (3, rows[5:])):
            main.pages[f"/czj/list/29_{n}.html"] = Page("".join(chunk).encode())

    # -- the departments' own hosts --------------------------------------------------------------------

    def _development(self) -> None:
        """发改: detail links opened by a function the page defines (``openArticle('2023','8842')``)."""
        host, name = self.fg, "南河市发展和改革委员会"
        nav = '<a href="/">首页</a><a href="/col/col3/index.html">发改动态</a><a href="/col/col5/index.html">信息公开</a>'
        header = f'<div class="logo">{name}</div>'
        host.pages["/"] = Page(html(f"{name}", '<div class="banner">发改</div>', header, nav))
        host.pages["/col/col3/index.html"] = Page(html("发改动态", "<p>动态。</p>", header, nav))
        host.pages["/col/col5/index.html"] = Page(html(f"信息公开_{name}", (
            '<ul class="lm"><li><a href="/col/col6/index.html">机构职能</a></li>'
            '<li><a href="/col/col7/index.html">政府信息公开年报</a></li></ul>'), header, nav))
        host.pages["/col/col6/index.html"] = Page(html("机构职能", "<p>职能。</p>", header, nav))
        rows = []
        for year in (2020, 2021, 2022, 2023):
            article_id = 8819 + year - 2000
            title = f"{name}{year}年政府信息公开工作年度报告"
            file = f"/attach/{year + 1}/0120/{article_id}.pdf"
            host.pages[f"/art/{year}/{article_id}.html"] = Page(article(
                title, name, year, f'<p>附件：<a href="{file}">{escape(title)}.pdf</a></p>', header, nav))
            host.pages[file] = Page(attachment_bytes("pdf", report(name, year)), "application/pdf")
            self.expected[self.fg_base + file] = (name, year)
            rows.append(f'<li><a href="javascript:void(0)" onclick="openArticle(\'{year}\',\'{article_id}\')">'
                        f'{escape(title)}</a><span>{year + 1}-01-20</span></li>')
        rows.reverse()
        script = "<script>function openArticle(y,id){window.open('/art/'+y+'/'+id+'.html')}</script>"
        host.pages["/col/col7/index.html"] = Page(html(f"政府信息公开年报_{name}", (
            f'<div class="tit">政府信息公开年报</div><ul class="list">{"".join(rows)}</ul>{script}'), header, nav))

    def _labour(self) -> None:
        """人社: a column drawn by jQuery from a POST API's JSON answer, which gives ids only."""
        host, name = self.rs, "南河市人力资源和社会保障局"
        nav = '<a href="/">首页</a><a href="/xxgk/index.html">信息公开</a><a href="/bsfw/index.html">办事服务</a>'
        header = f'<div class="logo"><img src="/images/logo.png" alt="{name}" />{name}</div>'
        host.pages["/"] = Page(html(name, '<div class="banner">人社</div>', header, nav))
        host.pages["/bsfw/index.html"] = Page(html("办事服务", "<p>服务。</p>", header, nav))
        host.pages["/xxgk/index.html"] = Page(html(f"信息公开-{name}", (
            '<ul class="lm"><li><a href="/column/1201.html">工作动态</a></li>'
            '<li><a href="/column/1205.html">年度报告</a></li></ul>'), header, nav))
        host.pages["/column/1201.html"] = Page(html("工作动态", "<p>动态。</p>", header, nav))
        items = []
        for year in range(2019, 2024):
            item_id, title = 8800 + year - 2000, f"{name}{year}年政府信息公开工作年度报告"
            items.append({"id": str(item_id), "title": title, "publishTime": f"{year + 1}-01-18 09:30:00"})
            self.rs_pages[item_id] = article(title, name, year, render_report_body(report(name, year), with_title=False),
                                             header, nav)
            self.expected[f"{self.rs_base}/content/detail.html?id={item_id}"] = (name, year)
        for k, title in enumerate((f"{name}2023年度部门决算", "2023年度人社工作总结", "南河市2023年度人力资源和社会保障事业发展统计公报")):
            items.insert(1 + k, {"id": str(8900 + k), "title": title, "publishTime": "2024-03-01 10:00:00"})
            self.rs_pages[8900 + k] = html(title, f"<h1>{title}</h1><p>正文。</p>", header, nav)
        items.reverse()
        script = ('<script src="/js/jquery.min.js"></script><script>\nvar pageSize = 5;\n'
                  'function loadList(pageNo) {\n  $.ajax({type: "POST", url: "/api/content/list", dataType: "json",\n'
                  '    data: {columnId: 1205, pageNo: pageNo, pageSize: pageSize},\n'
                  '    success: function (res) {\n      var html = "";\n'
                  '      $.each(res.data.list, function (i, item) {\n'
                  "        html += '<li><a href=\"/content/detail.html?id=' + item.id + '\" target=\"_blank\">'"
                  " + item.title + '</a><span>' + item.publishTime.substring(0, 10) + '</span></li>';\n"
                  '      });\n      $("#newsList").html(html);\n'
                  '      $("#pager").pagination(res.data.total, {current: pageNo, callback: loadList});\n'
                  '    }});\n}\n$(function () { loadList(1); });\n</script>')
        host.pages["/column/1205.html"] = Page(html(f"年度报告-{name}", (
            f'<div class="list-box"><h2 class="tit">政府信息公开年度报告</h2><ul id="newsList"></ul><div id="pager">'
            f'</div></div>{script}'), header, nav))

        def answer(query: dict, form: dict) -> Page:
            page, size = int(form.get("pageNo", ["1"])[0]), int(form.get("pageSize", ["5"])[0])
            if form.get("columnId", [""])[0] != "1205" or size < 1:
                return Page(b'{"code":400,"msg":"columnId"}', "application/json")
            shown = items[(page - 1) * size:page * size]
            return Page(json.dumps({"code": 200, "msg": "success", "data": {
                "total": len(items), "pageNo": page, "pageSize": size, "list": shown}}, ensure_ascii=False).encode(),
                JSON)
        host.posted["/api/content/list"] = answer
        host.dynamic["/content/detail.html"] = lambda query: Page(self.rs_pages[int(query["id"][0])]) \
            if query.get("id", [""])[0].isdigit() and int(query["id"][0]) in self.rs_pages \
            else Page(b"<h1>404</h1>", status=404)

    def _housing(self) -> None:
        """住建: a column with year tabs, every year's list in the page (hidden panels); reports as DOCX files."""
        host, name = self.zj, "南河市住房和城乡建设局"
        nav = '<a href="/">首页</a><a href="/zwgk/index.html">政务公开</a>'
        header = f'<div class="top"><span class="name">{name}</span></div>'
        host.pages["/"] = Page(html(f"{name}欢迎您", '<div class="banner">住建</div>', header, nav))
        host.pages["/zwgk/index.html"] = Page(html(f"政务公开_{name}", (
            '<ul class="lm"><li><a href="/zwgk/list_40.html">通知公告</a></li>'
            '<li><a href="/zwgk/list_41.html">政府信息公开年报</a></li></ul>'), header, nav))
        host.pages["/zwgk/list_40.html"] = Page(html("通知公告", "<p>公告。</p>", header, nav))
        tabs, panels = [], []
        for year in (2023, 2022, 2021, 2020):
            content_id = 5100 + year - 2000
            title = f"{name}{year}年政府信息公开工作年度报告"
            file = f"/u/cms/www/{year + 1}01/1809{content_id}.docx"
            host.pages[f"/zwgk/content_{content_id}.html"] = Page(article(
                title, name, year, f'<p>附件：<a href="{file}">{year}年度报告.docx</a></p>', header, nav))
            host.pages[file] = Page(attachment_bytes("docx", report(name, year)),
                                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            self.expected[self.zj_base + file] = (name, year)
            rows = [f'<li><a href="/zwgk/content_{content_id}.html">{escape(title)}</a><span>{year + 1}-01-18</span></li>']
            if year == 2023:
                for k, noise in enumerate(("南河市2023年度住房城乡建设统计年报", "南河市住房和城乡建设局2023年度工作总结")):
                    host.pages[f"/zwgk/content_{5200 + k}.html"] = Page(html(noise, f"<h1>{noise}</h1><p>正文。</p>",
                                                                             header, nav))
                    rows.append(f'<li><a href="/zwgk/content_{5200 + k}.html">{noise}</a><span>2024-03-01</span></li>')
            tabs.append(f'<li class="on">{year}年</li>' if year == 2023 else f'<li>{year}年</li>')
            hidden = "" if year == 2023 else ' style="display:none"'
            panels.append(f'<div class="tab-panel"{hidden}><ul>{"".join(rows)}</ul></div>')
        host.pages["/zwgk/list_41.html"] = Page(html(f"政府信息公开年报_{name}", (
            f'<div class="year-tab"><ul>{"".join(tabs)}</ul></div>{"".join(panels)}'), header, nav))

    def _transport(self) -> None:
        """交通: a plain site, linked from the city's home page only by an image map's area."""
        host, name = self.jt, "南河市交通运输局"
        nav = '<a href="/">首页</a><a href="/xxgk/">信息公开</a>'
        host.pages["/"] = Page(html(f"{name}门户网站", '<div class="banner">交通</div>', nav=nav))
        host.pages["/xxgk/"] = Page(html(f"信息公开-{name}", '<ul><li><a href="/xxgk/nb/">政府信息公开工作年报</a></li></ul>',
                                         nav=nav))
        rows = []
        for year in (2021, 2022, 2023):
            path, title = f"/xxgk/nb/{year + 1}0120{year % 100}.html", f"{name}{year}年政府信息公开工作年度报告"
            host.pages[path] = Page(article(title, name, year, render_report_body(report(name, year), with_title=False),
                                            nav=nav))
            self.expected[self.jt_base + path] = (name, year)
            rows.append(f'<li><a href="{path}">{title}</a></li>')
        host.pages["/xxgk/nb/"] = Page(html("政府信息公开工作年报", f"<ul>{''.join(rows)}</ul>", nav=nav))

    def _education(self) -> None:
        """教育: a Vue page whose 年报 list is the answer of ``axios.post('/api/article/page', {channelId: 'nb',
        pageNum: …, pageSize: 4})``, a JSON body (the API refuses a form), answered as RuoYi answers (``{"total": 7,
        "rows": […]}``: the page size only in the request), two pages, items opened by a method that builds their
        address from ``articleId``."""
        host, name = self.jy, "南河市教育局"
        nav = '<a href="/">首页</a><a href="/xxgk/index.html">信息公开</a>'
        header = f'<div class="site-name">{name}</div>'
        host.pages["/"] = Page(html(f"{name}", '<div class="banner">教育</div>', header, nav))
        host.pages["/xxgk/index.html"] = Page(html(f"信息公开-{name}", (
            '<ul class="lm"><li><a href="/xxgk/tzgg.html">通知公告</a></li>'
            '<li><a href="/xxgk/nb.html">政府信息公开年报</a></li></ul>'), header, nav))
        host.pages["/xxgk/tzgg.html"] = Page(html("通知公告", "<p>公告。</p>", header, nav))
        records = []
        for year in range(2023, 2018, -1):
            article_id, title = 61000 + year, f"{name}{year}年政府信息公开工作年度报告"
            records.append({"articleId": article_id, "title": title, "publishDate": f"{year + 1}-01-19"})
            host.pages[f"/article/detail.html?articleId={article_id}"] = Page(article(
                title, name, year, render_report_body(report(name, year), with_title=False), header, nav))
            self.expected[f"{self.jy_base}/article/detail.html?articleId={article_id}"] = (name, year)
        for k, title in enumerate(("南河市教育局2023年度部门预算", "南河市2023年教育统计公报")):
            records.insert(1 + 2 * k, {"articleId": 62000 + k, "title": title, "publishDate": "2024-03-01"})
            host.pages[f"/article/detail.html?articleId={62000 + k}"] = Page(html(title, f"<h1>{title}</h1>", header,
                                                                                  nav))
        script = ('<script src="/js/vue.min.js"></script><script src="/js/axios.min.js"></script><script>\n'
                  'new Vue({\n  el: "#app",\n  data: { list: [], total: 0, pageNum: 1, pageSize: 4 },\n'
                  '  mounted() { this.getList(); },\n  methods: {\n'
                  '    getList() {\n      axios.post("/api/article/page", {channelId: "nb", pageNum: this.pageNum, '
                  'pageSize: 4}).then(res => {\n        this.list = res.data.rows;\n'
                  '        this.total = res.data.total;\n      });\n    },\n'
                  "    openDetail(item) { window.open('/article/detail.html?articleId=' + item.articleId); },\n"
                  '    changePage(n) { this.pageNum = n; this.getList(); }\n  }\n});\n</script>')
        host.pages["/xxgk/nb.html"] = Page(html(f"政府信息公开年报-{name}", (
            '<div id="app"><h2 class="tit">政府信息公开年报</h2><ul><li v-for="item in list" '
            '@click="openDetail(item)">{{ item.title }}<span>{{ item.publishDate }}</span></li></ul>'
            '<el-pagination :total="total" :page-size="pageSize" @current-change="changePage"></el-pagination>'
            f'</div>{script}'), header, nav))

        def answer(query: dict, body: dict) -> Page:
            page, size = body.get("pageNum"), body.get("pageSize")
            if body.get("channelId") != "nb" or not isinstance(page, int) or not isinstance(size, int) or size < 1:
                return Page(b'{"code":500,"msg":"Required request body is missing"}', "application/json")
            return Page(json.dumps({"total": len(records), "rows": records[(page - 1) * size:page * size],
                                    "code": 200, "msg": "查询成功"}, ensure_ascii=False).encode(),
                        JSON)
        host.posted["/api/article/page"] = answer

    def _health(self) -> None:
        """卫健: a column whose list is the answer of ``fetch('/api/info/list', {method: 'POST', headers:
        {'Content-Type': 'application/json'}, body: JSON.stringify({catId: 33, page: 1, rows: 10})})``, one page,
        each item's address ``'/info/' + item.id + '.html'``."""
        host, name = self.wj, "南河市卫生健康委员会"
        nav = '<a href="/">首页</a><a href="/gk/index.html">政务公开</a>'
        header = f'<div class="logo">{name}</div>'
        host.pages["/"] = Page(html(f"{name}", '<div class="banner">卫健</div>', header, nav))
        host.pages["/gk/index.html"] = Page(html(f"政务公开-{name}", (
            '<ul class="lm"><li><a href="/gk/nb.html">政府信息公开年度报告</a></li></ul>'), header, nav))
        rows = []
        for year in (2023, 2022, 2021):
            info_id, title = 7700 + year % 100, f"{name}{year}年政府信息公开工作年度报告"
            rows.append({"id": info_id, "title": title, "date": f"{year + 1}-01-21"})
            host.pages[f"/info/{info_id}.html"] = Page(article(
                title, name, year, render_report_body(report(name, year), with_title=False), header, nav))
            self.expected[f"{self.wj_base}/info/{info_id}.html"] = (name, year)
        script = ("<script>\nfunction render(res) {\n  var html = '';\n  res.rows.forEach(function (item) {\n"
                  "    html += '<li><a href=\"/info/' + item.id + '.html\">' + item.title + '</a></li>';\n  });\n"
                  "  document.getElementById('list').innerHTML = html;\n}\n"
                  "fetch('/api/info/list', {method: 'POST', headers: {'Content-Type': 'application/json'},\n"
                  "  body: JSON.stringify({catId: 33, page: 1, rows: 10})})\n"
                  "  .then(function (r) { return r.json(); }).then(render);\n</script>")
        host.pages["/gk/nb.html"] = Page(html(f"政府信息公开年度报告-{name}", (
            f'<h2>政府信息公开年度报告</h2><ul id="list"></ul>{script}'), header, nav))

        def answer(query: dict, body: dict) -> Page:
            if body.get("catId") != 33 or not isinstance(body.get("page"), int):
                return Page(b'{"success":false}', "application/json")
            return Page(json.dumps({"success": True, "total": len(rows), "rows": rows}, ensure_ascii=False).encode(),
                        "application/json")
        host.posted["/api/info/list"] = answer
