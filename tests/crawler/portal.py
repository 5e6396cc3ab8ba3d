"""A municipal portal built unlike ``simsite``, for crawls over real HTTP: 南湖市 and its sub-sites.

Each sub-site is built in the style of another CMS family, and every way in is a different one:

- the 政府信息公开 page links departments and counties in blocks headed 部门信息公开 / 县区信息公开 whose links
  are bare agency names; its 年报 column is an image link (``alt`` text only);
- 市教育局 (TRS WCM): titles without the agency's name, a ``createPageHTML('page_div', …)`` pager, a column
  reached through a 301;
- 市民政局 (Hanweb/JCMS): records inside ``<datastore>``, later pages from ``dataproxy.jsp``, ``art_`` URLs,
  years in Chinese numerals;
- 市财政局 (a query-string CMS): ``<div>`` lists, hashed ``.shtml`` detail pages, ``?page=N`` pager, a vague
  "2021年年报" title that only the document can confirm;
- 市司法局: linked only from the home page's ``<select>`` of department sites; list items link PDFs directly;
- 西洋县: its home page has no link to its column; only the sitemap named in robots.txt lists it;
- 东湖区: a host of its own (127.0.0.2), GBK without any charset declaration, its own robots.txt;
- traps: a calendar on the city's column (``?date=`` views, next-month links) and a link farm (a "年报汇编"
  column whose 下一页 never ends, each page listing report-looking links).
"""

from __future__ import annotations

import json
import ssl
import threading
import zlib
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from simsite.figures import Agency, report_series
from simsite.render import render_report_body
from simsite.server import SHUTDOWN_POLL_SECONDS

YEARS = range(2019, 2024)
HOME = "南湖市人民政府"


# The content types the portals' APIs and script files answer with, as Java and nginx servers write them.
JSON = "application/json;charset=UTF-8"
SCRIPT = "application/javascript; charset=utf-8"


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None
    headers: dict[str, str] = field(default_factory=dict)   # others (Content-Disposition of a download)


@dataclass
class Host:
    """One host's pages, and what was asked of it."""

    pages: dict[str, Page] = field(default_factory=dict)
    dynamic: dict[str, object] = field(default_factory=dict)   # path → callable(query) -> Page
    # path → callable(query, form) -> Page, for POSTs; a JSON body (Content-Type: application/json) is given
    # as the object it decodes to, a form as parse_qs gives it: an API taking one refuses the other.
    posted: dict[str, object] = field(default_factory=dict)
    # paths a file server guards against hotlinking (防盗链): 403 unless the Referer is a page of this host
    guarded: set[str] = field(default_factory=set)
    # path prefix → callable(target, cookie) -> Page | None: a gate (a WAF, a cookie challenge) answering
    # before the site does, or None to let the request through
    gates: dict[str, object] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def answer(self, target: str, referer: str | None = None, host: str | None = None,
               cookie: str | None = None) -> Page:
        self.log.append(target)
        parts = urlsplit(target)
        for prefix, gate in self.gates.items():
            if parts.path.startswith(prefix) and (page := gate(target, cookie)) is not None:
                return page
        if parts.path in self.guarded and (referer is None or urlsplit(referer).netloc != host):
            return Page("<h1>403 禁止盗链</h1>".encode(), status=403)
        if parts.path in self.dynamic:
            return self.dynamic[parts.path](parse_qs(parts.query))
        return self.pages.get(target) or self.pages.get(parts.path) or Page(b"<h1>404</h1>", status=404)

    def answer_post(self, target: str, form: dict[str, object], host: str | None = None) -> Page:
        self.log.append(f"POST {target}")
        parts = urlsplit(target)
        if parts.path in self.posted:
            return self.posted[parts.path](parse_qs(parts.query), form)
        return Page(b"<h1>405</h1>", status=405)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802
        self._send(self.server.host.answer(self.path, self.headers.get("Referer"), self.headers.get("Host"),
                                           self.headers.get("Cookie")))

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
        if "json" in (self.headers.get("Content-Type") or ""):
            try:
                form = json.loads(body)
            except ValueError:
                form = None
            self._send(self.server.host.answer_post(self.path, form if isinstance(form, dict) else {},
                                                    self.headers.get("Host")))
            return
        self._send(self.server.host.answer_post(self.path, parse_qs(body, keep_blank_values=True),
                                                self.headers.get("Host")))

    def _send(self, page: Page) -> None:
        self.send_response(page.status)
        if page.location:
            self.send_header("Location", page.location)
        self.send_header("Content-Type", page.content_type)
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(page.body)))
        self.end_headers()
        self.wfile.write(page.body)

    def log_message(self, *args) -> None:
        pass


class HostServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: str, host: Host, tls: ssl.SSLContext | None = None):
        super().__init__((address, 0), _Handler)
        self.host = host
        if tls is not None:
            # The handshake happens in the request's thread, so one failing client cannot hold the others.
            self.socket = tls.wrap_socket(self.socket, server_side=True, do_handshake_on_connect=False)
        self.base = f"{'https' if tls else 'http'}://{address}:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, args=(SHUTDOWN_POLL_SECONDS,), daemon=True).start()

    def close(self) -> None:
        self.shutdown()
        self.server_close()


class OneHost:
    """A frozen portal on one host served on 127.0.0.1, with the reports a crawl must find (``expected``: URL →
    agency, year); a subclass builds its pages into ``main``."""

    def __init__(self) -> None:
        self.main = Host()
        self.server = HostServer("127.0.0.1", self.main)
        self.base = self.server.base
        self.expected: dict[str, tuple[str, int]] = {}

    def close(self) -> None:
        self.server.close()

    def report(self, look: Look, path: str, agency: str, year: int, nav: str | None = None) -> str:
        """A report page at ``path`` in the portal's ``look``, expected; its title."""
        title = f"{agency}{year}年政府信息公开工作年度报告"
        self.main.pages[path] = Page(look.article(title, agency, year, nav))
        self.expected[self.base + path] = (agency, year)
        return title

    def noise(self, look: Look, path: str, title: str, nav: str | None = None) -> str:
        """A page at ``path`` that is no report, titled ``title``; its title."""
        self.main.pages[path] = Page(look.html(title, "<p>正文。</p>", nav))
        return title

    def listed_reports(self, look: Look, folder: str, name: str, years: range, nav: str) -> list[dict]:
        """A department's reports under ``folder``art/, as its API lists them (id, title, url), expected."""
        key = folder.strip("/").replace("/", "")
        return [{"id": f"{key}{year}", "title": self.report(look, f"{folder}art/{key}{year}.html", name, year, nav),
                 "url": f"{folder}art/{key}{year}.html"} for year in years]

    def listed_noise(self, look: Look, folder: str, key: str, title: str, nav: str) -> dict:
        """A page under ``folder``art/ that is no report, as its API lists it (id, title, url)."""
        item = f'{folder.strip("/").replace("/", "")}{key}'
        path = f"{folder}art/{item}.html"
        return {"id": item, "title": self.noise(look, path, title, nav), "url": path}

    def department_home(self, look: Look, folder: str, name: str, links: str) -> str:
        """A department's home page under ``folder`` with ``links``; its navigation bar."""
        nav = f'<a href="{folder}index.html">首页</a>{links}'
        self.main.pages[f"{folder}index.html"] = Page(look.html(name, f"<h1>{name}</h1>{links}", nav))
        return nav


@dataclass(frozen=True)
class Look:
    """What the pages of a frozen portal share: its navigation bar, and the seed of its reports' figures."""

    nav: str
    seed: int
    day: int = 2   # the tens of the publication day (发布时间：2024-01-2x)

    def html(self, title: str, body: str, nav: str | None = None) -> bytes:
        return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title></head><body>'
                f'<div class="nav">{nav or self.nav}</div>{body}</body></html>').encode()

    def report_body(self, agency: str, year: int) -> str:
        """The HTML of ``agency``'s report for ``year``: its figures (``simsite``) in this portal's seed."""
        return render_report_body(report_series(Agency(agency, agency, "department"), self.seed)[year],
                                  with_title=False)

    def article(self, title: str, agency: str, year: int, nav: str | None = None) -> bytes:
        """A report page: the report's figures under its title and its metadata line."""
        body = self.report_body(agency, year)
        return self.html(title, f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：'
                                f'{year + 1}-01-{self.day}{year % 10}　来源：{escape(agency)}</div>'
                                f'<div class="content">{body}</div></div>', nav)


def html(title: str, body: str) -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title></head><body>'
            f'<div class="nav"><a href="/">首页</a><a href="/xwzx/">新闻中心</a><a href="/zfxxgk/">政府信息公开</a>'
            f'<a href="/hdjl/">互动交流</a></div>{body}</body></html>').encode()


def stable_hex(text: str, width: int) -> str:
    """A hexadecimal id of ``width`` digits for ``text``, the same every run (platforms' channel and document ids)."""
    return "".join(f"{zlib.crc32(f'{k}{text}'.encode()):08x}" for k in range(width // 8 + 1))[:width]


def report_page(title: str, agency: str, year: int, published: str, full: bool = False, source: bool = True) -> bytes:
    content = render_report_body(report_series(Agency(agency, agency, "department"), 7)[year], with_title=False) \
        if full else f"<p>{escape(title)}全文如下。</p>"
    source_line = f"　来源：{escape(agency)}" if source else ""
    return html(title, f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：{published}'
                       f'{source_line}</div><div class="content">{content}</div></div>')


class Portal:
    """The two hosts of 南湖市, with the reports a crawl must find (``expected``) and the traps' URLs."""

    def __init__(self) -> None:
        self.main, self.county = Host(), Host()
        self.servers = [HostServer("127.0.0.1", self.main), HostServer("127.0.0.2", self.county)]
        self.base, self.county_base = self.servers[0].base, self.servers[1].base
        self.expected: dict[str, tuple[str, int]] = {}   # document URL → (agency, year)
        self._build()

    def close(self) -> None:
        for server in self.servers:
            server.close()

    def _report(self, host: Host, base: str, path: str, title: str, agency: str, year: int, full: bool = False,
                source: bool = True) -> None:
        host.pages[path] = Page(report_page(title, agency, year, f"{year + 1}-01-2{year % 10}", full, source))
        self.expected[base + path] = (agency, year)

    def _build(self) -> None:
        main = self.main
        main.pages["/robots.txt"] = Page(f"User-agent: *\nDisallow: /search/\nSitemap: {self.base}/sitemap.xml\n"
                                         .encode(), "text/plain")
        main.pages["/sitemap.xml"] = Page(
            ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<url><loc>{self.base}/</loc></url><url><loc>{self.base}/xyx/zwgk/ndbg/index.html</loc></url>"
             "</urlset>").encode(), "application/xml")
        news = "".join(f'<li><a href="/xwzx/202403/t202403{d:02d}_{d}.html">南湖市召开第{d}次工作推进会议并部署下一阶段工作任务</a></li>'
                       for d in range(1, 21))
        main.pages["/"] = Page(html(f"{HOME}门户网站", (
            f'<div class="news"><h3>南湖要闻</h3><ul>{news}</ul></div>'
            '<div class="footer"><select onchange="window.open(this.value)"><option value="">---市直部门网站---</option>'
            '<option value="/sfj/">市司法局</option></select>'
            '<select><option value="">---友情链接---</option><option value="http://www.gov.cn/">中国政府网</option>'
            '</select><a href="/search/?q=年报">搜索</a></div>')))
        for d in range(1, 21):
            main.pages[f"/xwzx/202403/t202403{d:02d}_{d}.html"] = Page(html("新闻", "<p>新闻正文</p>"))
        main.pages["/zfxxgk/"] = Page(html("政府信息公开", (
            '<ul class="menu"><li><a href="/zfxxgk/zn/">政府信息公开指南</a></li>'
            '<li><a href="/zfxxgk/nb/"><img src="/i/nb.png" alt="政府信息公开年报"></a></li>'
            '<li><a href="/zfxxgk/hb/">年报汇编</a></li></ul>'
            '<div class="box"><div class="hd"><h3>部门信息公开</h3></div><ul>'
            '<li><a href="/zfxxgk/bm/jyj/">市教育局</a></li><li><a href="/mzj/">市民政局</a></li>'
            '<li><a href="/czj/">市财政局</a></li></ul></div>'
            '<div class="box"><div class="hd"><h3>县区信息公开</h3></div><ul>'
            f'<li><a href="{self.county_base}/">东湖区人民政府</a></li><li><a href="/xyx/">西洋县</a></li></ul></div>')))
        main.pages["/zfxxgk/zn/"] = Page(html("指南", "<p>指南</p>"))
        self._city_column()
        self._farm()
        self._education()
        self._civil_affairs()
        self._finance()
        self._justice()
        self._xiyang()
        self._donghu()

    def _city_column(self) -> None:
        main = self.main
        items = []
        for year in YEARS:
            path = f"/zfxxgk/nb/{year + 1}03/t{year + 1}0320_{year}.html"
            title = f"{HOME}{year}年政府信息公开工作年度报告"
            self._report(main, self.base, path, title, HOME, year)
            items.append(f'<li><a href="./{path.split("/nb/")[1]}" title="{title}">{title[:14]}...</a>'
                         f"<span>{year + 1}-03-20</span></li>")
            items.append(f'<li><a href="./{year + 1}04/t{year + 1}0401_{year}9.html">{HOME}{year}年法治政府建设年度报告</a></li>')
        calendar = ("<div class=\"rili\">" + "".join(f'<a href="?date=2024-03-{d:02d}">{d}</a>' for d in range(1, 8))
                    + '<a href="?month=2024-04">下月</a></div>')
        main.pages["/zfxxgk/nb/"] = Page(html("政府信息公开年报", f"<ul>{''.join(items[:6])}</ul>{calendar}"
                                         "<script>createPageHTML('page_div',2, 1,'index','html',10);</script>"))
        main.pages["/zfxxgk/nb/index_2.html"] = Page(html("政府信息公开年报", f"<ul>{''.join(items[6:])}</ul>"))
        main.dynamic["/zfxxgk/nb/"] = lambda q: main.pages["/zfxxgk/nb/"] if not q else Page(html(
            "日历", f"{calendar}<a href=\"?month={q.get('month', ['2024-04'])[0]}1\">下月</a>"))

    def _farm(self) -> None:
        def farm(query) -> Page:
            n = int(query.get("p", ["1"])[0])
            links = "".join(f'<li><a href="/zfxxgk/hb/{n}_{k}.html">南湖市第{n}{k}局2022年政府信息公开工作年度报告</a></li>'
                            for k in range(10))
            return Page(html("年报汇编", f'<ul>{links}</ul><a href="/zfxxgk/hb/?p={n + 1}">下一页</a>'))
        self.main.dynamic["/zfxxgk/hb/"] = farm

    def _education(self) -> None:
        main, root = self.main, "/zfxxgk/bm/jyj/"
        main.pages[root] = Page(html("南湖市教育局", f'<div class="side"><a href="{root}xxgk/">信息公开</a>'
                                                 f'<a href="{root}jydt/">教育动态</a></div>'))
        main.pages[f"{root}xxgk/"] = Page(html("南湖市教育局信息公开", f'<a href="{root}xxgk/gkzn/">公开指南</a>'
                                                                f'<a href="{root}xxgk/old_ndbg/">年度报告</a>'))
        main.pages[f"{root}xxgk/old_ndbg/"] = Page(b"", status=301, location=f"{root}xxgk/ndbg/index.html")
        rows = []
        for year in YEARS:
            path = f"{root}xxgk/ndbg/{year + 1}01/t{year + 1}0115_{year}1.html"
            self._report(main, self.base, path, f"{year}年政府信息公开工作年度报告", "南湖市教育局", year,
                         source=False)
            rows.append(f'<tr><td><a href="./{path.split("/ndbg/")[1]}">{year}年政府信息公开工作年度报告</a></td>'
                        f"<td>{year + 1}-01-15</td></tr>")
            rows.append(f'<tr><td><a href="./{year}03/t{year}0301_{year}2.html">{year}年政务公开工作要点</a></td></tr>')
        main.pages[f"{root}xxgk/ndbg/index.html"] = Page(html("年度报告", f"<table>{''.join(rows[:6])}</table>"
                                                          "<script>createPageHTML('page_div',2, 1,'index','html',10)"
                                                          "</script>"))
        main.pages[f"{root}xxgk/ndbg/index_2.html"] = Page(html("年度报告", f"<table>{''.join(rows[6:])}</table>"))

    def _civil_affairs(self) -> None:
        main = self.main
        numerals = dict(zip(YEARS, ("二〇一九", "二〇二〇", "二〇二一", "二〇二二", "二〇二三"), strict=True))
        records = []
        for year in YEARS:
            path = f"/art/{year + 1}/1/20/art_4321_{year}.html"
            title = f"{numerals[year]}年政府信息公开工作年度报告"
            self._report(main, self.base, path, title, "南湖市民政局", year)
            records.append(f'<li><a href="{path}" title="{title}">{title}</a><span>{year + 1}-01-20</span></li>')
        main.pages["/mzj/"] = Page(html("南湖市民政局", '<a href="/col/col4301/index.html">政府信息公开</a>'))
        main.pages["/col/col4301/index.html"] = Page(html("信息公开", '<a href="/col/col4321/index.html">政府信息公开年报</a>'))
        inline = "".join(f"<record><![CDATA[{r}]]></record>" for r in records[:2])
        main.pages["/col/col4321/index.html"] = Page(html("政府信息公开年报", (
            f'<div id="5001"><script type="text/xml"><datastore><recordset>{inline}</recordset></datastore></script>'
            "<script>var totalRecord = 5; $('#5001').jpage({perPage: 2, proxyUrl: "
            "'/module/web/jpage/dataproxy.jsp', ajaxParam: {columnid: 4321, unitid: '5001', webid: 3}});</script>"
            "</div>")))

        def proxy(query) -> Page:
            start, end = int(query["startrecord"][0]), int(query["endrecord"][0])
            chunk = "".join(f"<record><![CDATA[{r}]]></record>" for r in records[start - 1:end])
            return Page(f"<datastore><totalrecord>5</totalrecord><recordset>{chunk}</recordset></datastore>".encode(),
                        "text/xml; charset=utf-8")
        main.dynamic["/module/web/jpage/dataproxy.jsp"] = proxy

    def _finance(self) -> None:
        main, hashes = self.main, ("8f14e45fceea167a", "c9f0f895fb98ab91", "45c48cce2e2d7fbd", "d3d9446802a44259",
                                   "6512bd43d9caa6e0")
        main.pages["/czj/"] = Page(html("南湖市财政局", '<div class="left"><div><a href="/czj/list.php?catid=12">'
                                                 '财政资金</a></div><div><a href="/czj/list.php?catid=17">年度报告</a></div>'
                                                 "</div>"))
        items = []
        for year, digest in zip(YEARS, hashes, strict=True):
            path = f"/czj/html/{year + 1}/0129/{digest}.shtml"
            vague = year == 2021
            title = f"{year}年年报" if vague else f"南湖市财政局{year}年度政府信息公开工作年度报告"
            self._report(main, self.base, path, title, "南湖市财政局", year, full=vague)
            items.append(f'<div class="item"><div class="t"><a href="{path}">{title}</a></div>'
                         f'<div class="d">{year + 1}-01-29</div></div>')
        items.append('<div class="item"><div class="t"><a href="/czj/html/2023/0810/aa11bb22cc33dd44.shtml">'
                     "南湖市财政局2022年部门决算</a></div></div>")
        pages = {"1": items[:3], "2": items[3:]}
        main.dynamic["/czj/list.php"] = lambda q: Page(html("年度报告", "".join(pages[q.get("page", ["1"])[0]]) + (
            '<div class="pages"><a href="/czj/list.php?catid=17&page=2">下一页</a></div>'
            if q.get("page", ["1"])[0] == "1" else ""))) if q.get("catid") == ["17"] else Page(html("财政资金", ""))

    def _justice(self) -> None:
        main = self.main
        main.pages["/sfj/"] = Page(html("南湖市司法局", '<a href="/sfj/xxgk/">信息公开</a>'))
        rows = []
        for year in YEARS:
            path = f"/sfj/xxgk/nb/P0{year + 1}0125{year}.pdf"
            main.pages[path] = Page(b"%PDF-1.4\n% report\n", "application/pdf")
            self.expected[self.base + path] = ("南湖市司法局", year)
            rows.append(f'<li><a href="{path}">南湖市司法局{year}年政府信息公开工作年度报告.pdf</a></li>')
        main.pages["/sfj/xxgk/"] = Page(html("信息公开", '<a href="/sfj/xxgk/nb/">政府信息公开年报</a>'))
        main.pages["/sfj/xxgk/nb/"] = Page(html("政府信息公开年报", f"<ul>{''.join(rows)}</ul>"))

    def _xiyang(self) -> None:
        main = self.main
        main.pages["/xyx/"] = Page(html("西洋县人民政府", "<p>网站改版中。</p>"))
        rows = []
        for year in YEARS:
            path = f"/xyx/zwgk/ndbg/{year + 1}02/t{year + 1}0210_{year}5.html"
            title = f"西洋县人民政府{year}年政府信息公开工作年度报告"
            self._report(main, self.base, path, title, "西洋县人民政府", year)
            rows.append(f'<li><a href="./{path.split("/ndbg/")[1]}">{title}</a></li>')
        main.pages["/xyx/zwgk/ndbg/index.html"] = Page(html("年报", f"<ul>{''.join(rows)}</ul>"))

    def _donghu(self) -> None:
        county, base = self.county, self.county_base

        def gbk(title: str, body: str) -> Page:
            text = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
            return Page(text.encode("gbk"), "text/html")
        county.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /private/\n", "text/plain")
        county.pages["/"] = gbk("东湖区人民政府", '<a href="/zwgk/">政务公开</a><a href="/private/">内部</a>')
        county.pages["/zwgk/"] = gbk("政务公开", '<a href="/zwgk/nb/">政府信息公开工作年度报告</a>')
        rows = []
        for year in YEARS:
            path = f"/zwgk/nb/{year + 1}/0301/{year}.html"
            title = f"东湖区人民政府{year}年政府信息公开工作年度报告"
            county.pages[path] = gbk(title, f"<h1>{title}</h1><p>发布日期：{year + 1}-03-01</p>")
            self.expected[base + path] = ("东湖区人民政府", year)
            rows.append(f'<li><a href="{path}">{title}</a><span>{year + 1}-03-01</span></li>')
        county.pages["/zwgk/nb/"] = gbk("年报", f"<ul>{''.join(rows)}</ul>")
