"""A COUNTY's portal written blind (without reading the crawler), 桐江县 under ``tongjiang.gov.cn``, a county of
清平市 whose towns are partly on the city's 集约化 platform (``xxgk.qingping.gov.cn``): the habits of real county
sites, each with where it was seen. One server answers every host name of both domains, told apart by the Host
header; the names resolve to 127.0.0.1 in the crawl under test only (``HostsResolver``).

Habits, and where they were seen:

- the bare name 301s to ``www``; ``www``'s ``/`` is a page holding only a script that sends phones to the mobile
  site (``m.``) and every other browser to the real home ``/tjx/index.shtml`` (``if(/Android|iPhone/i.test(
  navigator.userAgent)) location.href=…; else location.href=…``: the root pages of county sites moved onto
  provincial 集约化 platforms, whose home lives under ``/<site code>/index.shtml``);
- the 政府信息公开 platform in the 万户 ezEIP URL scheme: columns ``/channels/<id>.html``, later pages
  ``/channels/<id>_<n>.html``, articles ``/contents/<channel>/<id>.html`` (ezEIP sites of 县 governments);
- the county's 年报 column a ``<table>`` whose rows are clickable (``<tr onclick="window.open('…')"
  style="cursor:pointer">``, no ``<a>``: JSP platforms' 信息公开目录 tables);
- a department's list paged by a function from an external script (``<script src="/js/page.js">`` then
  ``showPage(2, 1, '…')``: the pager's code is not in the page), its reports on page 2;
- list entries titled only by year (``2024年度``) under a column named 年报; titles cut with ``...`` and no
  ``title`` attribute; titles in Chinese numerals (二〇二四年度), without 年度, ``关于…情况的报告``,
  ``…年度报告（2024年）``, and none (the unit's name only in the header);
- a list inside an ``<iframe>`` (``list.jsp?channelId=…``) of an otherwise empty column page;
- a department's 年报 reached in two steps: 法定主动公开内容 → its sub-column 年度报告;
- report documents: the article, a PDF shown in the pdf.js viewer (``<iframe src="/pdfjs/web/viewer.html?file=
  …pdf">``, common since 2020), a PDF behind a download servlet with no suffix in its address
  (``/attachment/download?fileId=…`` answering ``Content-Disposition: attachment; filename=…``), a PDF in an
  ``<embed>``, a PDF with its OFD twin (the OFD linked too: since 2021 many sites publish both), a Word file
  named ``附件1.docx`` under the report's title, a scan whose images are lazy-loaded (``<img src="loading.gif"
  data-original="…">``, jQuery lazyload);
- a 公安局 site of its own (``gaj.``) in GB2312, linked from the home page's 部门网站 footer;
- a town's report only as an OFD file (GB/T 33190, read with 数科/福昕 readers; published beside or instead of PDF
  since 2021), linked from its article;
- four towns on the city's 集约化 platform under another domain (``xxgk.qingping.gov.cn/tjx/<town>/``, TRS
  ``createPageHTML`` lists), linked from the county's 乡镇 block; a town whose reports are only in 通知公告;
- look-alikes: 图解 of a report, 年度工作总结, 政务公开工作要点, 部门整体支出绩效自评报告, 企业年报公示, 统计年报,
  法治政府建设年度报告, 政府工作报告, the 依申请公开 form; robots.txt, a broken link, an empty column.

Measured blind, the unchanged crawler found 47 of its first 57 expected reports and yielded 4 other addresses: those
4 were the articles of 桐城街道 and 卫生健康局 whose bare 附件1 is a part of their report, yielded as one bundle by
design (``crawler.documents.parts``), the expectation corrected to the article (51/57, nothing else). The 6 missed:
民政局's two reports, linked 2024年度/2023年度, fetched as year sub-columns and never read as reports; 教体局's two
PDFs, on page 2 of a list whose pager ``showPage`` (page.js) draws 下一页 from ``cur + 1`` with no loop; 新桥镇's
two, only in its 通知公告, never explored because its empty 年报 column counted as found (its menu's 通知公告 link
taken for a title it lists). Now 57/57 with agency and year, nothing else (about 170 pages). The OFD-only town
was added after the fixes (found as it came).
"""

from __future__ import annotations

import io
import zipfile
from html import escape
from urllib.parse import quote

from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from simsite.documents import attachment_bytes
from simsite.figures import Agency, report_series
from simsite.pictures import table_pictures
from tests.crawler import portal_o
from tests.crawler.portal import Host, Look, Page, SCRIPT
from tests.crawler.portal_o import HostServer, Moved, NamedHosts

DOMAIN = "tongjiang.gov.cn"
CITY_DOMAIN = "qingping.gov.cn"
COUNTY = "桐江县人民政府"
SEED = 173
LOOK = Look('<a href="/">首页</a>', seed=SEED, day=1)
YEARS = (2024, 2023)
CN_YEARS = {2024: "二〇二四", 2023: "二〇二三"}


def unit(name: str) -> str:
    return f"桐江县{name}"


# 县直部门 on the platform: (channel id, name, how its 年报 column is listed, how its reports are written)
DEPARTMENTS = (
    (201, "发展和改革局", "plain", "article"),
    (202, "教育体育局", "scriptpager", "viewer"),
    (203, "民政局", "yearonly", "about"),
    (204, "财政局", "plain", "servlet"),
    (205, "人力资源和社会保障局", "cut", "article"),
    (206, "自然资源和规划局", "iframe", "article"),
    (207, "住房和城乡建设局", "rows", "noyear"),
    (208, "交通运输局", "plain", "lazyscan"),
    (209, "水利局", "plain", "embed"),
    (210, "农业农村局", "plain", "ofd"),
    (211, "卫生健康局", "plain", "docx"),
    (212, "市场监督管理局", "plain", "chinese"),
    (213, "统计局", "plain", "article"),
    (214, "审计局", "twostep", "article"),
    (215, "司法局", "plain", "nameless"),
    (216, "应急管理局", "plain", "bracket"),
    (217, "文化旅游体育局", "plain", "article"),
)
EMPTY = (218, "退役军人事务局")
GAJ = unit("公安局")
KFQ = "桐江经济开发区管理委员会"
# 乡镇（街道） on the county's platform: channel id, name, habit
TOWNS = ((301, "桐城街道办事处", "attachment"), (302, "江口镇人民政府", "article"), (303, "石门镇人民政府", "article"),
         (304, "新桥镇人民政府", "notices"))
# 乡镇 on the city's 集约化 platform: code, name
CITY_TOWNS = (("lqz", "龙泉镇人民政府"), ("btx", "白塔乡人民政府"), ("qsx", "青山乡人民政府"), ("hdz", "河东镇人民政府"))

AGENCIES = (COUNTY, *(unit(n) for _, n, _, _ in DEPARTMENTS), GAJ, KFQ, *(unit(n) for _, n, _ in TOWNS),
            *(unit(n) for _, n in CITY_TOWNS))


class HostsResolver(portal_o.HostsResolver):
    """The crawl's ``DNS_RESOLVER``: 桐江县's and 清平市's names are 127.0.0.1, any other name is refused."""

    def getHostByName(self, host: str, timeout=()) -> defer.Deferred:  # noqa: N802 (Twisted's interface)
        if any(host == d or host.endswith("." + d) for d in (DOMAIN, CITY_DOMAIN)):
            return defer.succeed("127.0.0.1")
        return defer.fail(DNSLookupError(f"{host} is no name of the portal under test"))


def published(year: int, day: int = 20) -> str:
    return f"{year + 1}-01-{day:02d}"


def frame(site: str, title: str, body: str, menu: str = "", charset: str = "utf-8") -> bytes:
    """A page of one unit's site: its name in the header, its menu on the left, the content on the right."""
    head = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset != "utf-8"
            else '<meta charset="utf-8">')
    return (f'<!DOCTYPE html><html><head>{head}<title>{escape(title)}-{escape(site)}</title></head>'
            f'<body><div class="header"><div class="logo">{escape(site)}</div></div>'
            f'<div class="main"><div class="left">{menu}</div><div class="right">{body}</div></div>'
            '<div class="footer">桐江县人民政府办公室主办　<a href="/tjx/wzdt/index.shtml">网站地图</a></div>'
            '</body></html>').encode(charset)


def ul(rows: list[tuple[str, str, str]], cut: int = 0) -> str:
    """A list as ezEIP prints it; ``cut`` shortens the shown title with ``...`` and keeps no ``title``."""
    def item(url: str, title: str, date: str) -> str:
        if cut and len(title) > cut:
            return f'<li><a href="{url}" target="_blank">{escape(title[:cut])}...</a><span>{date}</span></li>'
        return f'<li><a href="{url}" target="_blank" title="{escape(title)}">{escape(title)}</a><span>{date}</span></li>'
    return f'<ul class="newslist">{"".join(item(*r) for r in rows)}</ul>'


def ofd_bytes(title: str) -> bytes:
    """An OFD file (a zip holding OFD.xml), as 数科/福昕 writers make it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" '
                              f'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:Title>{escape(title)}</ofd:Title>'
                              '</ofd:DocInfo></ofd:DocBody></ofd:OFD>')
    return out.getvalue()


class PortalAN:
    """桐江县's hosts and 清平市's platform on one server, with the reports a crawl must find (``expected``: URL →
    agency, year) and the second addresses of a report a crawl may give too (``republished``)."""

    def __init__(self) -> None:
        self.www, self.m, self.gaj, self.city = Host(), Host(), Host(), Host()
        hosts = {DOMAIN: Moved(lambda target: self.url("www", target)), f"www.{DOMAIN}": self.www,
                 f"m.{DOMAIN}": self.m, f"gaj.{DOMAIN}": self.gaj, f"xxgk.{CITY_DOMAIN}": self.city}
        self.server = HostServer("127.0.0.1", NamedHosts(hosts))
        self.port = self.server.server_address[1]
        self.expected: dict[str, tuple[str, int]] = {}
        self.republished: set[str] = set()
        self.base = self.url("", "")
        self._home()
        self._mobile()
        self._platform()
        self._county_column()
        for n, (channel, name, listing, writing) in enumerate(DEPARTMENTS):
            self._department(channel, unit(name), listing, writing, n)
        self._empty()
        self._kfq()
        self._towns()
        self._gaj()
        self._city_towns()

    def close(self) -> None:
        self.server.close()

    def url(self, sub: str, path: str, domain: str = DOMAIN) -> str:
        return f"http://{sub + '.' if sub else ''}{domain}:{self.port}{path}"

    @property
    def log(self) -> list[str]:
        return self.server.host.log

    # --- documents -------------------------------------------------------------------------------------------

    def _report(self, agency: str, year: int) -> dict:
        return report_series(Agency(agency, agency, "department"), SEED)[year]

    def _article(self, host: Host, path: str, site: str, title: str, agency: str, year: int,
                 content: str | None = None, expect: bool = True, charset: str = "utf-8") -> tuple[str, str, str]:
        """An article page at ``path`` (the report's text unless ``content``), expected if ``expect``; its list
        row (address, title, date)."""
        body = (f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{published(year)}'
                f'　来源：{escape(site)}</div><div class="content">'
                f'{LOOK.report_body(agency, year) if content is None else content}</div></div>')
        host.pages[path] = Page(frame(site, title, body, charset=charset),
                                "text/html" if charset != "utf-8" else "text/html; charset=utf-8")
        if expect:
            self.expected[self._address(host, path)] = (agency, year)
        return path, title, published(year)

    def _file(self, host: Host, path: str, agency: str, year: int, expect: bool = True,
              kind: str = "", disposition: str = "") -> str:
        """A report as a PDF or Word file at ``path`` (``kind`` names the format when the address does not)."""
        fmt = kind or path.rsplit(".", 1)[1].lower()
        types = {"pdf": "application/pdf",
                 "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(disposition)}"} if disposition else {}
        host.pages[path] = Page(attachment_bytes(fmt, self._report(agency, year)),
                                "application/octet-stream" if disposition else types[fmt], headers=headers)
        if expect:
            self.expected[self._address(host, path)] = (agency, year)
        return path

    def _other(self, host: Host, path: str, site: str, title: str, year: int) -> tuple[str, str, str]:
        host.pages[path] = Page(frame(site, title, (
            f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{published(year, 8)}</div>'
            f'<div class="content"><p>{escape(title)}全文如下。</p><p>一、主要工作</p></div></div>')))
        return path, title, published(year, 8)

    def _address(self, host: Host, path: str) -> str:
        sub = {id(self.www): "www", id(self.gaj): "gaj", id(self.m): "m"}.get(id(host))
        return self.url(sub, path) if sub else self.url("xxgk", path, CITY_DOMAIN)

    def _written(self, channel: int, agency: str, year: int, writing: str) -> tuple[str, str, str]:
        """``agency``'s report for ``year`` on the platform, written the ``writing`` way; its list row."""
        path = f"/contents/{channel}/{channel * 100 + year % 100}.html"
        title = f"{agency}{year}年政府信息公开工作年度报告"
        if writing == "about":
            title = f"关于{agency}{year}年度政府信息公开工作情况的报告"
        elif writing == "noyear":
            title = f"{agency}{year}年政府信息公开工作报告"
        elif writing == "chinese":
            title = f"{agency}{CN_YEARS[year]}年度政府信息公开工作年度报告"
        elif writing == "nameless":
            title = f"{year}年政府信息公开工作年度报告"
        elif writing == "bracket":
            title = f"{agency}政府信息公开工作年度报告（{year}年）"
        if writing in ("article", "about", "noyear", "chinese", "nameless", "bracket"):
            return self._article(self.www, path, agency, title, agency, year)
        folder = f"/uploadfiles/{year + 1}01/"
        if writing == "viewer":
            pdf = self._file(self.www, f"{folder}{channel}{year}ndbg.pdf", agency, year)
            content = (f'<iframe src="/pdfjs/web/viewer.html?file={quote(pdf, safe="")}" width="100%" height="900">'
                       '</iframe>')
        elif writing == "servlet":
            pdf = self._file(self.www, f"/attachment/download?fileId=8a8a80{channel}{year}", agency, year,
                             kind="pdf", disposition=f"{title}.pdf")
            content = (f'<p>{escape(title)}全文见附件。</p><p>附件：<a href="{pdf}">{escape(title)}.pdf</a></p>')
        elif writing == "embed":
            pdf = self._file(self.www, f"{folder}{channel}{year}.pdf", agency, year)
            content = f'<embed src="{pdf}" type="application/pdf" width="100%" height="800">'
        elif writing == "ofd":
            pdf = self._file(self.www, f"{folder}{channel}{year}.pdf", agency, year)
            ofd = f"{folder}{channel}{year}.ofd"
            self.www.pages[ofd] = Page(ofd_bytes(title), "application/ofd")
            self.republished.add(self.url("www", ofd))
            content = (f'<p>附件：</p><p><a href="{pdf}">{escape(title)}.pdf</a></p>'
                       f'<p><a href="{ofd}">{escape(title)}.ofd</a></p>')
        elif writing == "docx":
            # a bare 附件N is a part of the article's report: the article is yielded with it (one bundle)
            doc = self._file(self.www, f"{folder}{channel}{year}01.docx", agency, year, expect=False)
            return self._article(self.www, path, agency, title, agency, year,
                                 f'<p>详见附件。</p><p><a href="{doc}">附件1.docx</a></p>')
        else:   # lazyscan
            imgs = []
            for n, picture in enumerate(table_pictures(self._report(agency, year)), 1):
                self.www.pages[f"{folder}{channel}{year}_{n}.png"] = Page(picture.png, "image/png")
                imgs.append(f'<p style="text-align:center"><img class="lazy" src="/images/loading.gif" '
                            f'data-original="{folder}{channel}{year}_{n}.png"></p>')
            content = "".join(imgs) + '<script>$("img.lazy").lazyload();</script>'
            return self._article(self.www, path, agency, title, agency, year, content)
        self._article(self.www, path, agency, title, agency, year, content, expect=False)
        return path, title, published(year)

    # --- the county's portal -------------------------------------------------------------------------------------

    def _page(self, host: Host, path: str, site: str, title: str, body: str, menu: str = "") -> None:
        host.pages[path] = Page(frame(site, title, body, menu))

    def _home(self) -> None:
        self.www.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /search/\nDisallow: /admin/\n", "text/plain")
        self.www.pages["/"] = Page((
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>桐江县人民政府</title><script>'
            'var ua = navigator.userAgent;'
            'if (/(Android|iPhone|iPad|Mobile|Windows Phone)/i.test(ua)) {'
            f'  window.location.href = "http://m.{DOMAIN}/";'
            '} else {'
            '  window.location.href = "/tjx/index.shtml";'
            '}</script></head><body></body></html>').encode())
        self.www.pages["/index.html"] = self.www.pages["/"]
        news = ul([self._other(self.www, f"/tjx/xwzx/{n}.shtml", COUNTY, t, 2024) for n, t in enumerate((
            "桐江县召开2024年度工作总结暨表彰大会", "县政府召开第十二次常务会议", "桐江县2025年政务公开工作要点"))])
        depts = "".join(f'<a href="{self.url(s, "/")}" target="_blank">{n}</a>'
                        for s, n in (("gaj", "县公安局"), ("m", "手机版")))
        self._page(self.www, "/tjx/index.shtml", COUNTY, "桐江县人民政府门户网站", (
            '<div class="nav"><a href="/tjx/index.shtml">首页</a><a href="/tjx/zjtj/index.shtml">走进桐江</a>'
            '<a href="/tjx/zwgk/index.shtml">政务公开</a><a href="/tjx/hdjl/index.shtml">互动交流</a></div>'
            f'<div class="news"><h3>桐江要闻</h3>{news}</div>'
            f'<div class="links"><h3>部门网站</h3>{depts}</div>'))
        self._page(self.www, "/tjx/zjtj/index.shtml", COUNTY, "走进桐江", "<p>桐江县位于清平市东部。</p>")
        gzbg = ul([self._other(self.www, "/tjx/zwgk/gzbg/2025.shtml", COUNTY, "2025年桐江县人民政府工作报告", 2024),
                   self._other(self.www, "/tjx/zwgk/fzzf/2024.shtml", COUNTY,
                               "桐江县人民政府2024年度法治政府建设情况报告", 2024)])
        self._page(self.www, "/tjx/zwgk/index.shtml", COUNTY, "政务公开", (
            '<div class="box"><a href="/zfxxgk/index.html"><img src="/images/xxgk.png" alt="政府信息公开"></a>'
            '<a href="/zfxxgk/index.html">政府信息公开平台</a></div>'
            f'<div class="box"><h3>重要报告</h3>{gzbg}</div>'))

    def _mobile(self) -> None:
        self.m.pages["/"] = Page(frame(COUNTY, "桐江县人民政府手机版", (
            '<div class="m-nav"><a href="/news/">要闻</a>'
            f'<a href="{self.url("www", "/zfxxgk/index.html")}">信息公开</a></div>')))
        self.m.pages["/news/"] = Page(frame(COUNTY, "要闻", "<ul></ul>"))

    def _platform(self) -> None:
        self.menu = ('<ul class="xxgk-menu"><li><a href="/channels/1001.html">政府信息公开指南</a></li>'
                     '<li><a href="/channels/1002.html">政府信息公开制度</a></li>'
                     '<li><a href="/channels/1003.html">法定主动公开内容</a></li>'
                     '<li><a href="/channels/1004.html">政府信息公开年报</a></li>'
                     '<li><a href="/channels/1005.html">依申请公开</a></li></ul>')
        cells = [(f"/channels/{c}.html", unit(n)) for c, n, _, _ in DEPARTMENTS] + [
            (f"/channels/{EMPTY[0]}.html", unit(EMPTY[1])), ("/channels/401.html", "桐江经济开发区")]
        grid = "".join(f'<td><a href="{u}" target="_blank">{escape(n.removeprefix("桐江县"))}</a></td>'
                       + ("</tr><tr>" if i % 4 == 3 else "") for i, (u, n) in enumerate(cells))
        towns = [(f"/channels/{c}.html", n) for c, n, _ in TOWNS]
        towns += [(self.url("xxgk", f"/tjx/{code}/index.html", CITY_DOMAIN), n) for code, n in CITY_TOWNS]
        towns += [("/channels/399.html", "城南街道办事处")]   # a broken link: no such channel
        self._page(self.www, "/zfxxgk/index.html", COUNTY, "桐江县政府信息公开", (
            f'<div class="box"><h3>部门信息公开</h3><table class="dept"><tr>{grid}</tr></table></div>'
            '<div class="box"><h3>乡镇（街道）信息公开</h3><ul>'
            + "".join(f'<li><a href="{u}" target="_blank">{escape(n.removesuffix("人民政府"))}</a></li>'
                      for u, n in towns) + '</ul></div>'), self.menu)
        self._page(self.www, "/channels/1001.html", COUNTY, "政府信息公开指南", "<p>指南。</p>", self.menu)
        self._page(self.www, "/channels/1002.html", COUNTY, "政府信息公开制度", "<p>制度。</p>", self.menu)
        self._page(self.www, "/channels/1003.html", COUNTY, "法定主动公开内容", ul([
            self._other(self.www, "/contents/1003/100301.html", COUNTY, "桐江县2025年政务公开工作要点", 2024),
            self._other(self.www, "/contents/1003/100302.html", COUNTY, "桐江县2024年国民经济和社会发展统计公报",
                        2024)]), self.menu)
        self._page(self.www, "/channels/1005.html", COUNTY, "依申请公开", (
            '<h2>桐江县政府信息公开申请表</h2><form action="/ysqgk/submit.do" method="post"><input name="xm">'
            '<textarea name="nr"></textarea><input type="submit" value="提交申请"></form>'), self.menu)

    def _county_column(self) -> None:
        rows = [self._article(self.www, f"/contents/1004/{9000 + y}.html", COUNTY,
                              f"桐江县人民政府{y}年政府信息公开工作年度报告", COUNTY, y) for y in (2024, 2023, 2022)]
        picture = self._other(self.www, "/contents/1004/9100.html", COUNTY,
                              "图解：桐江县人民政府2024年政府信息公开工作年度报告", 2024)
        rows.insert(1, picture)
        table = "".join(f'<tr onclick="window.open(\'{u}\')" style="cursor:pointer"><td>{n}</td>'
                        f'<td class="title">{escape(t)}</td><td>{d}</td></tr>' for n, (u, t, d) in enumerate(rows, 1))
        self._page(self.www, "/channels/1004.html", COUNTY, "政府信息公开年报", (
            '<table class="xxgk-list"><thead><tr><th>序号</th><th>标题</th><th>发布日期</th></tr></thead>'
            f'<tbody>{table}</tbody></table>'), self.menu)

    def _dept_menu(self, channel: int, column: str) -> str:
        return (f'<ul class="catalog"><li><a href="/channels/{channel}.html">信息公开首页</a></li>'
                f'<li><a href="/channels/{channel * 10 + 1}.html">机构职能</a></li>'
                f'<li><a href="/channels/{channel * 10 + 2}.html">财政资金</a></li>'
                f'<li><a href="/channels/{channel * 10 + 5}.html">{column}</a></li></ul>')

    def _department(self, channel: int, agency: str, listing: str, writing: str, n: int) -> None:
        column = ("政府信息公开年报", "信息公开年报", "年度报告", "政府信息公开工作年度报告")[n % 4]
        menu = self._dept_menu(channel, column)
        if listing == "twostep":
            menu = (f'<ul class="catalog"><li><a href="/channels/{channel}.html">信息公开首页</a></li>'
                    f'<li><a href="/channels/{channel * 10 + 3}.html">法定主动公开内容</a></li></ul>')
        self._page(self.www, f"/channels/{channel}.html", agency, f"{agency}信息公开",
                   f'<div class="intro"><h2>{escape(agency)}</h2><p>单位简介。</p></div>', menu)
        self._page(self.www, f"/channels/{channel * 10 + 1}.html", agency, "机构职能", "<p>主要职责。</p>", menu)
        self._page(self.www, f"/channels/{channel * 10 + 2}.html", agency, "财政资金", ul([self._other(
            self.www, f"/contents/{channel * 10 + 2}/{channel}01.html", agency, f"{agency}2024年度部门整体支出绩效自评报告",
            2024)]), menu)
        rows = [self._written(channel, agency, y, writing) for y in YEARS]
        noise = []
        if n % 3 == 0:
            noise.append(self._other(self.www, f"/contents/{channel}/{channel}90.html", agency,
                                     f"{agency}2024年度工作总结", 2024))
        if "市场监督" in agency:
            noise.append(self._other(self.www, f"/contents/{channel}/{channel}91.html", agency,
                                     "关于开展2024年度企业年报公示工作的通知", 2024))
        if "统计" in agency:
            noise.append(self._other(self.www, f"/contents/{channel}/{channel}92.html", agency,
                                     "关于做好2024年统计年报和2025年定期统计报表工作的通知", 2024))
        if "文化" in agency:
            noise.append(self._other(self.www, f"/contents/{channel}/{channel}93.html", agency,
                                     f"{agency}2024年度法治政府建设年度报告", 2024))
        path = f"/channels/{channel * 10 + 5}.html"
        if listing in ("plain", "twostep"):
            body = ul(noise + rows)
        elif listing == "cut":
            body = ul(noise + rows, cut=18)
        elif listing == "yearonly":
            body = ul([(u, f"{y}年度", d) for (u, _, d), y in zip(rows, YEARS)])
        elif listing == "rows":
            body = "<table>" + "".join(f'<tr onclick="window.open(\'{u}\')" style="cursor:pointer"><td>{escape(t)}</td>'
                                       f'<td>{d}</td></tr>' for u, t, d in noise + rows) + "</table>"
        elif listing == "iframe":
            self.www.pages[f"/zfxxgk/list.jsp?channelId={channel * 10 + 5}&page=1"] = Page(
                f'<html><head><meta charset="utf-8"></head><body>{ul(noise + rows)}</body></html>'.encode())
            body = (f'<iframe src="/zfxxgk/list.jsp?channelId={channel * 10 + 5}&amp;page=1" width="100%" '
                    'height="600" frameborder="0" scrolling="no"></iframe>')
        else:   # scriptpager: eight look-alikes fill page 1, the reports are on page 2
            filler = [self._other(self.www, f"/contents/{channel}/{channel}7{k}.html", agency, t, 2024)
                      for k, t in enumerate((f"{agency}2025年政务公开工作要点", f"{agency}2024年度部门决算公开",
                                             f"{agency}2025年部门预算公开", "关于2024年秋季学期开学工作的通知",
                                             "桐江县2024年义务教育招生工作方案", f"{agency}2024年度工作总结",
                                             "2024年教育统计年报", f"{agency}2024年度部门整体支出绩效自评报告"))]
            self.www.pages["/js/page.js"] = Page((
                "function showPage(total, cur, id) {var s = '';"
                "if (cur < total) { s += '<a href=\"/channels/' + id + '_' + (cur + 1) + '.html\">下一页</a>'; }"
                "if (cur > 1) { s += '<a href=\"/channels/' + id + (cur == 2 ? '' : '_' + (cur - 1)) + '.html\">上一页</a>'; }"
                "document.getElementById('pager').innerHTML = s;}").encode(), SCRIPT)
            key = channel * 10 + 5
            self._page(self.www, f"/channels/{key}_2.html", agency, column, (
                f'{ul(noise + rows)}<div id="pager"></div><script src="/js/page.js"></script>'
                f"<script>showPage(2, 2, '{key}');</script>"), menu)
            body = (f'{ul(filler)}<div id="pager"></div><script src="/js/page.js"></script>'
                    f"<script>showPage(2, 1, '{key}');</script>")
        if listing == "twostep":
            self._page(self.www, f"/channels/{channel * 10 + 3}.html", agency, "法定主动公开内容", (
                '<ul class="sub"><li><a href="/channels/{0}1.html">机构职能</a></li>'
                '<li><a href="/channels/{0}2.html">财政资金</a></li>'
                '<li><a href="/channels/{0}5.html">政府信息公开年度报告</a></li></ul>').format(channel), menu)
        self._page(self.www, path, agency, column, body, menu)

    def _empty(self) -> None:
        channel, name = EMPTY
        menu = self._dept_menu(channel, "政府信息公开年报")
        self._page(self.www, f"/channels/{channel}.html", unit(name), "信息公开", "<p>单位简介。</p>", menu)
        self._page(self.www, f"/channels/{channel * 10 + 5}.html", unit(name), "政府信息公开年报",
                   '<div class="nodata">暂无信息</div>', menu)

    def _kfq(self) -> None:
        menu = '<ul><li><a href="/channels/4015.html">政府信息公开年报</a></li></ul>'
        self._page(self.www, "/channels/401.html", KFQ, "桐江经济开发区信息公开", "<p>开发区简介。</p>", menu)
        rows = [self._article(self.www, f"/contents/4015/{y}.html", KFQ, f"{KFQ}{y}年度政府信息公开工作年度报告",
                              KFQ, y) for y in YEARS]
        self._page(self.www, "/channels/4015.html", KFQ, "政府信息公开年报", ul(rows), menu)

    def _towns(self) -> None:
        for channel, name, habit in TOWNS:
            agency = unit(name)
            menu = (f'<ul><li><a href="/channels/{channel}5.html">政府信息公开年报</a></li>'
                    f'<li><a href="/channels/{channel}6.html">通知公告</a></li></ul>')
            self._page(self.www, f"/channels/{channel}.html", agency, f"{agency}信息公开", "<p>乡镇概况。</p>", menu)
            notices = [self._other(self.www, f"/contents/{channel}6/{k}.html", agency, t, 2024) for k, t in enumerate(
                (f"关于{name[:3]}2025年春节期间森林防火的通告", f"{name[:3]}2024年度工作总结"))]
            rows = []
            for year in YEARS:
                path = f"/contents/{channel}5/{year}.html"
                title = f"{agency}{year}年度政府信息公开工作年度报告"
                if habit == "attachment":
                    pdf = self._file(self.www, f"/uploadfiles/{year + 1}01/{channel}{year}.pdf", agency, year,
                                     expect=False)
                    rows.append(self._article(self.www, path, agency, title, agency, year,
                                              f'<p>详见附件。</p><p><a href="{pdf}">附件1.pdf</a></p>'))
                elif habit == "notices":
                    notices.append(self._article(self.www, f"/contents/{channel}6/{year}.html", agency,
                                                 f"{name[:3]}{year}年政府信息公开工作年度报告", agency, year))
                else:
                    short = title if channel % 2 else f"{name[:3]}{year}年政府信息公开工作年度报告"
                    rows.append(self._article(self.www, path, agency, short, agency, year))
            self._page(self.www, f"/channels/{channel}5.html", agency, "政府信息公开年报",
                       ul(rows) if rows else '<div class="nodata">暂无信息</div>', menu)
            self._page(self.www, f"/channels/{channel}6.html", agency, "通知公告", ul(notices), menu)

    def _gaj(self) -> None:
        menu = ('<ul><li><a href="/jwgk/index.html">警务公开</a></li>'
                '<li><a href="/zwgk/ndbg/index.html">政府信息公开年报</a></li></ul>')
        self.gaj.pages["/"] = Page(frame(GAJ, "桐江县公安局", '<div class="news"><ul><li>平安桐江建设</li></ul></div>',
                                         menu, "gb2312"), "text/html")
        self.gaj.pages["/jwgk/index.html"] = Page(frame(GAJ, "警务公开", "<p>警务公开。</p>", menu, "gb2312"),
                                                  "text/html")
        rows = [self._article(self.gaj, f"/zwgk/ndbg/{y + 1}01/t{y + 1}0115_{y}.html", GAJ,
                              f"{GAJ}{y}年政府信息公开工作年度报告", GAJ, y, charset="gb2312") for y in YEARS]
        self.gaj.pages["/zwgk/ndbg/index.html"] = Page(frame(GAJ, "政府信息公开年报", ul(rows), menu, "gb2312"),
                                                       "text/html")

    def _city_towns(self) -> None:
        for n, (code, name) in enumerate(CITY_TOWNS):
            agency = unit(name)
            folder = f"/tjx/{code}/"
            menu = (f'<ul><li><a href="{folder}index.html">首页</a></li>'
                    f'<li><a href="{folder}ndbg/index.html">政府信息公开年报</a></li></ul>')
            self._page(self.city, f"{folder}index.html", agency, agency, "<p>乡镇概况。</p>", menu)
            rows = []
            for year in YEARS:
                path = f"{folder}ndbg/{year + 1}01/t{year + 1}0116_{n}{year}.html"
                title = f"{agency}{year}年政府信息公开工作年度报告"
                if n in (1, 3):   # the report only as a file: Word, or OFD
                    suffix = "docx" if n == 1 else "ofd"
                    doc = f"{folder}ndbg/{year + 1}01/P0{year}{n}.{suffix}"
                    if suffix == "ofd":
                        self.city.pages[doc] = Page(ofd_bytes(title), "application/octet-stream")
                        self.expected[self.url("xxgk", doc, CITY_DOMAIN)] = (agency, year)
                    else:
                        self._file(self.city, doc, agency, year)
                    rows.append(self._article(self.city, path, agency, title, agency, year,
                                              f'<p>附件：<a href="./{doc.rsplit("/", 1)[1]}">{escape(title)}.{suffix}</a>'
                                              '</p>', expect=False))
                else:
                    rows.append(self._article(self.city, path, agency, title, agency, year))
            rows = [(f"./{u.split(folder + 'ndbg/', 1)[1]}", t, d) for u, t, d in rows]
            if n == 2:
                rows.append(self._other(self.city, f"{folder}ndbg/202502/t20250201_9.html", agency,
                                        f"{name[:3]}2024年度工作总结", 2024))
            self._page(self.city, f"{folder}ndbg/index.html", agency, "政府信息公开年报", (
                f'{ul(rows)}<div class="page"><script>createPageHTML(1, 0, "index", "html");</script></div>'), menu)
