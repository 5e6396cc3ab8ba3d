"""A fifteenth municipal portal, 东江市, under host names (``dongjiang.gov.cn``), for crawls over real HTTP: one
site answering under several names, its departments on hosts of their own. The names resolve to 127.0.0.1 in the
crawl under test only (``HostsResolver``, Scrapy's ``DNS_RESOLVER``); any other name is refused, never looked up.

- ``https://www.dongjiang.gov.cn`` (TLS) and its bare twin ``https://dongjiang.gov.cn`` answer the same pages on
  one server (told apart by the Host header); the site's links mix the two names;
- ``http://dongjiang.gov.cn`` and ``http://www.dongjiang.gov.cn`` (a second port) answer every address with a 301
  to the same path on ``https://www.dongjiang.gov.cn``, except ``/go/`` which 301s off the site (an ad host);
- ``https://m.dongjiang.gov.cn``: the mobile twin, the same paths as www (the city's column and reports);
- departments on their own hosts, one server answering http and https alike on one port (``BothSchemes``, as
  ports 80 and 443 of one name): 市发展和改革委员会 ``fgw.`` (its www twin ``www.fgw.`` answering the same pages,
  its links mixing the two names and both schemes; its mobile twins ``m.fgw.`` and the folder ``/m/`` mirroring
  its column and reports), 市教育局 ``jyj.`` (linked from the portal as ``www.jyj.``, which 301s every address to
  ``jyj.``; its list
  linking its reports by absolute addresses under its own name), 市司法局 ``sfj.`` (no 年报 column: its
  reports are the PDF attachments of announcements 关于公布…年度报告的公告 dated each January, all on the second
  page of its 通知公告, the first listing this year's notices),
  市卫生健康委员会 ``wjw.`` (robots.txt ``Disallow: /``: none expected), 市商务局 ``swj.`` (瑞数's HTTP 412
  challenge on every address, robots.txt too: none expected), and 市公安局 ``gaj.`` (down: its port
  refuses connections; none expected);
- 市统计局 (``/tjj/`` on www): its list linking its reports under the bare name;
- 市民政局 ``mzj.``, mobile-first: its only 年报 column under the folder ``/m/`` (a mobile folder is no host's twin);
- decoys on the city's column: 政府工作报告, 预算执行情况报告, 决算报告, 统计公报, 政务公开工作要点 of other years.
"""

from __future__ import annotations

import socket
import ssl
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlsplit

from twisted.internet import defer
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IResolverSimple
from zope.interface import implementer

from tests.certificates import self_signed_certificate
from tests.crawler.helpers import FILES
from tests.crawler.portal import Host, HostServer, Look, Page

DOMAIN = "dongjiang.gov.cn"
CITY = "东江市人民政府"
YEARS = range(2019, 2025)
NAMES = ("www", "", "m", "fgw", "www.fgw", "m.fgw", "jyj", "www.jyj", "sfj", "wjw", "swj", "gaj", "mzj")

RUISHU = (FILES / "challenge_ruishu_412.html").read_bytes()   # 瑞数's gate: no crawler without JavaScript passes
LOOK = Look('<a href="/">首页</a><a href="/xxgk/">政府信息公开</a>', seed=71, day=1)


def host_name(domain: str, sub: str) -> str:
    """A host of a city's domain (``zwgk.domain``), or the domain itself for ``""``: portals o, q, r and s."""
    return f"{sub}.{domain}" if sub else domain


def list_items(items: list[tuple[str, str]]) -> str:
    """A list's items as a CMS prints them, each link opening a new window."""
    return "".join(f'<li><a href="{url}" target="_blank">{escape(text)}</a></li>' for url, text in items)


def name(sub: str) -> str:
    return host_name(DOMAIN, sub)


@implementer(IResolverSimple)
class HostsResolver:
    """Scrapy's ``DNS_RESOLVER`` for the crawl under test: the portal's names are 127.0.0.1, any other name is
    refused (no lookup leaves the machine)."""

    domain = DOMAIN   # a portal under other names gives its own

    def __init__(self, reactor) -> None:
        self.reactor = reactor

    @classmethod
    def from_crawler(cls, crawler, reactor) -> HostsResolver:
        return cls(reactor)

    def install_on_reactor(self) -> None:
        self.reactor.installResolver(self)

    def getHostByName(self, host: str, timeout=()) -> defer.Deferred:  # noqa: N802 (Twisted's interface)
        if host == self.domain or host.endswith("." + self.domain):
            return defer.succeed("127.0.0.1")
        return defer.fail(DNSLookupError(f"{host} is no name of the portal under test"))


@dataclass
class NamedHosts:
    """One server's hosts, told apart by the Host header (``www`` and the bare name may share one ``Host``)."""

    hosts: dict[str, Host] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)   # host name + target, every request

    def answer(self, target: str, referer: str | None = None, host: str | None = None,
               cookie: str | None = None) -> Page:
        hostname = (host or "").rsplit(":", 1)[0]
        self.log.append(hostname + target)
        if hostname not in self.hosts:
            return Page(b"<h1>404 no such site</h1>", status=404)
        return self.hosts[hostname].answer(target, referer, host, cookie)

    def answer_post(self, target: str, form: dict, host: str | None = None) -> Page:
        hostname = (host or "").rsplit(":", 1)[0]
        self.log.append(f"POST {hostname}{target}")
        if hostname not in self.hosts:
            return Page(b"<h1>404 no such site</h1>", status=404)
        return self.hosts[hostname].answer_post(target, form, host)


class OneServerPortal:
    """A portal whose hosts, named under ``domain``, share one plain-HTTP server told apart by the Host header."""

    domain: str
    server: HostServer
    port: int
    expected: dict[str, tuple[str, int]]   # the reports a crawl must find: URL → agency, year
    www: Host                              # the city's portal
    hosts: dict[str, Host]                 # every host by sub-domain, where a portal lists reports by these methods

    def serve(self, hosts: dict[str, Host]) -> None:
        """Starts the one server, answering each host under its sub-domain's name (``{"www": host, …}``)."""
        self.server = HostServer("127.0.0.1", NamedHosts({host_name(self.domain, sub): host
                                                          for sub, host in hosts.items()}))
        self.port = self.server.server_address[1]
        self.expected = {}

    def home(self, look: Look, city: str, xxgk: str, departments: list[tuple[str, str, str]],
             county: tuple[str, str]) -> None:
        """The ``www`` host's home page: 政府信息公开 linked to ``xxgk``, the ``departments`` (sub-domain, path, name)
        under 部门网站 and the ``county`` (sub-domain, name) under 县区, as a city's portal lists them."""
        links = "".join(f'<li><a href="{self.url(sub, path)}">{name}</a></li>' for sub, path, name in departments)
        self.www.pages["/"] = Page(look.html(f"{city}门户网站", (
            f'<div class="nav2"><a href="{xxgk}">政府信息公开</a><a href="/xwzx/index.html">新闻中心</a></div>'
            f'<div class="links"><h3>部门网站</h3><ul>{links}</ul>'
            f'<h3>县区</h3><ul><li><a href="{self.url(county[0], "/")}">{county[1]}</a></li></ul></div>')))
        self.www.pages["/xwzx/index.html"] = Page(look.html("新闻中心", "<ul></ul>"))

    def listed_reports(self, look: Look, sub: str, agency: str, years: list[int], address: Callable[[int, str], str],
                       body: str = 'class="content"') -> list[tuple[str, str, str]]:
        """``agency``'s reports for ``years`` on host ``sub`` as articles at ``address(year, title)`` (their body
        the element ``body`` marks), expected; their list rows (path, title, date)."""
        rows = []
        for k, year in enumerate(years):
            title = f"{agency}{year}年政府信息公开工作年度报告"
            path = address(year, title)
            self.hosts[sub].pages[path] = Page(look.article(title, agency, year).replace(b'class="content"',
                                                                                       body.encode()))
            self.expected[self.url(sub, path)] = (agency, year)
            rows.append((path, title, f"{year + 1}-01-1{k}"))
        return rows

    def decoy(self, look: Look, sub: str, path: str, title: str, date: str) -> tuple[str, str, str]:
        """A page on host ``sub`` that is no report, titled ``title``; its list row."""
        self.hosts[sub].pages[path] = Page(look.html(title, f'<h1>{escape(title)}</h1><div class="content"><p>正文。'
                                                            '</p></div>'))
        return path, title, date

    def close(self) -> None:
        self.server.close()

    def url(self, sub: str, path: str) -> str:
        return f"http://{sub + '.' if sub else ''}{self.domain}:{self.port}{path}"

    @property
    def log(self) -> list[str]:
        """Every request the server answered, as host name + target."""
        return self.server.host.log


class BothSchemes(HostServer):
    """A server answering TLS and plain HTTP on one port, told apart by the first byte a client sends (a TLS
    handshake's 0x16): one host's http and https, as its ports 80 and 443 would be."""

    def __init__(self, address: str, host: NamedHosts, tls: ssl.SSLContext) -> None:
        self.tls = tls
        super().__init__(address, host)

    def finish_request(self, request, client_address) -> None:
        request.settimeout(10)
        if request.recv(1, socket.MSG_PEEK) == b"\x16":
            request = self.tls.wrap_socket(request, server_side=True)
        super().finish_request(request, client_address)


class Moved(Host):
    """A name every address of which 301s to its twin (``to``: the target's address), ``/go/`` off the site."""

    def __init__(self, to: Callable[[str], str]) -> None:
        super().__init__()
        self.to = to

    def answer(self, target: str, referer: str | None = None, host: str | None = None,
               cookie: str | None = None) -> Page:
        self.log.append(target)
        if target.startswith("/go/"):
            return Page(b"", status=301, location="http://www.example-ads.com/" + target[4:])
        return Page(b"", status=301, location=self.to(target))


class PortalO:
    """The servers of 东江市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        self._certs = tempfile.TemporaryDirectory()
        cert, key = self_signed_certificate(self._certs.name, tuple(name(n) for n in NAMES))
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(cert, key)
        self.www, self.mobile = Host(), Host()
        self.secure = HostServer("127.0.0.1", NamedHosts({name("www"): self.www, name(""): self.www,
                                                          name("m"): self.mobile}), tls)
        self.port = self.secure.server_address[1]
        self.moved = Moved(lambda target: f"https://{name('www')}:{self.port}{target}")
        self.plain = HostServer("127.0.0.1", NamedHosts({name("www"): self.moved, name(""): self.moved}))
        self.depts = {sub: Host() for sub in ("fgw", "jyj", "sfj", "wjw", "swj", "m.fgw", "mzj")}
        self.departments = BothSchemes("127.0.0.1", NamedHosts(
            {name(s): h for s, h in self.depts.items()} | {name("www.fgw"): self.depts["fgw"],
                                                             name("www.jyj"): Moved(lambda t: self.url("jyj", t))}), tls)
        self.down_port = _closed_port()
        self.base = self.url("www", "")
        self.expected: dict[str, tuple[str, int]] = {}
        self._home()
        self._city()
        self._mobile()
        self._fgw()
        self._jyj()
        self._sfj()
        self._wjw()
        self._swj()
        self._tjj()
        self._mzj()

    def close(self) -> None:
        for server in (self.secure, self.plain, self.departments):
            server.close()
        self._certs.cleanup()

    def url(self, sub: str, path: str, scheme: str | None = None) -> str:
        """The address of ``path`` on the host ``sub`` (by default https on the portal's names, http on the
        departments')."""
        if sub in ("www", "", "m"):
            scheme = scheme or "https"
            port = self.port if scheme == "https" else self.plain.server_address[1]
        else:
            scheme, port = scheme or "http", self.down_port if sub == "gaj" else self.departments.server_address[1]
        return f"{scheme}://{name(sub)}:{port}{path}"

    @property
    def log(self) -> list[str]:
        """Every request the portal's servers answered, as host name + target."""
        return [*self.secure.host.log, *self.plain.host.log, *self.departments.host.log]

    def _report(self, host: Host, sub: str, path: str, agency: str, year: int, expected: bool = True) -> str:
        title = f"{agency}{year}年政府信息公开工作年度报告"
        host.pages[path] = Page(LOOK.article(title, agency, year))
        if expected:
            self.expected[self.url(sub, path)] = (agency, year)
        return title

    def _home(self) -> None:
        departments = "".join(f'<li><a href="{self.url(sub, "/")}">{agency}</a></li>' for sub, agency in (
            ("fgw", "市发展和改革委员会"), ("www.jyj", "市教育局"), ("sfj", "市司法局"), ("wjw", "市卫生健康委员会"), ("swj", "市商务局"),
            ("gaj", "市公安局"), ("mzj", "市民政局"))) + '<li><a href="/tjj/">市统计局</a></li>'

        self.www.pages["/"] = Page(LOOK.html(f"{CITY}门户网站", (
            f'<div class="top"><a href="{self.url("m", "/")}">手机版</a></div>'
            f'<div class="gk"><a href="{self.url("", "/xxgk/", "http")}">政府信息公开</a></div>'
            f'<div class="links"><div class="hd">部门网站</div><ul>{departments}</ul></div>'
            f'<div class="ad"><a href="{self.url("", "/go/ndbg2024.html", "http")}">2024年度报告专题</a></div>')))
        self.www.pages["/xxgk/"] = Page(LOOK.html(f"{CITY}政府信息公开", (
            f'<ul><li><a href="{self.url("", "/xxgk/ndbg/index.html")}">政府信息公开年报</a></li>'
            '<li><a href="/xxgk/zn/">政府信息公开指南</a></li></ul>')))
        self.www.pages["/xxgk/zn/"] = Page(LOOK.html("政府信息公开指南", "<p>指南。</p>"))

    def _city_items(self, links: list[str]) -> str:
        decoys = [("/xxgk/ndbg/gzbg2024.html", "2024年东江市政府工作报告"),
                  ("/xxgk/ndbg/ys2023.html", "东江市2023年预算执行情况和2024年预算草案的报告"),
                  ("/xxgk/ndbg/js2022.html", "东江市2022年市级决算报告"),
                  ("/xxgk/ndbg/tjgb2023.html", "东江市2023年国民经济和社会发展统计公报"),
                  ("/xxgk/ndbg/yd2025.html", "东江市2025年政务公开工作要点")]
        for path, title in decoys:
            self.www.pages[path] = Page(LOOK.html(title, "<p>正文。</p>"))
        return "".join(links) + "".join(f'<li><a href="{p}">{escape(t)}</a></li>' for p, t in decoys)

    def _city(self) -> None:
        """The city's column: its reports linked under the three names the site uses (www, bare, http)."""
        links = []
        for i, year in enumerate(YEARS):
            path = f"/xxgk/ndbg/{year + 1}/nb{year}.html"
            title = self._report(self.www, "www", path, CITY, year)
            href = (path, self.url("", path), self.url("", path, "http"))[i % 3]
            links.append(f'<li><a href="{href}">{escape(title)}</a></li>')
        self.www.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html("政府信息公开年报", f"<ul>{self._city_items(links)}</ul>"))

    def _mobile(self) -> None:
        """The mobile twin: the city's column and reports at the same paths as on www."""
        self.mobile.pages["/"] = Page(LOOK.html(f"{CITY}手机版", '<a href="/xxgk/ndbg/index.html">政府信息公开年报</a>'))
        links = []
        for year in YEARS:
            path = f"/xxgk/ndbg/{year + 1}/nb{year}.html"
            links.append(f'<li><a href="{path}">{escape(self._report(self.mobile, "m", path, CITY, year, False))}</a></li>')
        self.mobile.pages["/xxgk/ndbg/index.html"] = Page(LOOK.html("政府信息公开年报", f"<ul>{''.join(links)}</ul>"))

    def _department(self, sub: str, agency: str, column: str, years: range, href=lambda path: path) -> None:
        """A department on its own host: its home page linking its 年报 column, the column listing its reports."""
        host = self.depts[sub]
        host.pages["/"] = Page(LOOK.html(agency, f'<h1>{agency}</h1><a href="{column}">政府信息公开年报</a>'
                                                 f'<a href="{self.url("", "/")}">东江市人民政府</a>'))
        links = [f'<li><a href="{href(path)}">{escape(self._report(host, sub, path, agency, year))}</a></li>'
                 for year in years for path in [f"/art/{year + 1}/nb{year}.html"]]
        links.insert(1, f'<li><a href="/art/ys2024.html">{agency}2024年部门预算</a></li>')
        host.pages["/art/ys2024.html"] = Page(LOOK.html(f"{agency}2024年部门预算", "<p>正文。</p>"))
        host.pages[column] = Page(LOOK.html(f"政府信息公开年报-{agency}", f"<ul>{''.join(links)}</ul>"))

    def _fgw(self) -> None:
        """市发展和改革委员会: its list's links on its www twin and over https by turns, its mobile twins (``m.fgw.``,
        ``/m/``) mirroring its column, linked from its home page."""
        agency, names = "东江市发展和改革委员会", (("fgw", "http"), ("www.fgw", "http"), ("fgw", "https"), ("www.fgw", "https"))
        self._department("fgw", agency, "/xxgk/ndbg/", YEARS,
                         lambda path: self.url(names[int(path[5:9]) % 4][0], path, names[int(path[5:9]) % 4][1]))
        host, mobile = self.depts["fgw"], self.depts["m.fgw"]
        column = host.pages["/xxgk/ndbg/"]
        for path, page in [(p, page) for p, page in host.pages.items() if p.startswith("/art/")]:
            host.pages["/m" + path] = mobile.pages[path] = page
        mobile.pages["/"] = mobile.pages["/xxgk/ndbg/"] = host.pages["/m/xxgk/ndbg/"] = column
        host.pages["/"] = Page(host.pages["/"].body.replace(b"</h1>", (
            f'</h1><a href="{self.url("m.fgw", "/")}">手机版</a><a href="/m/xxgk/ndbg/">移动版</a>'
            f'<a href="{self.url("www.fgw", "/xxgk/ndbg/", "https")}">年度报告</a>').encode()))

    def _jyj(self) -> None:
        """市教育局: its list's links absolute, under its own name, the portal's pages under the bare name."""
        self._department("jyj", "东江市教育局", "/xxgk/nb/index.html", YEARS,
                         lambda path: self.url("jyj", path))

    def _sfj(self) -> None:
        """市司法局: no 年报 column; its reports are published by announcements dated each January, all on its
        通知公告's second page: the first lists this year's twenty notices, none before 1 January."""
        host, agency = self.depts["sfj"], "东江市司法局"
        host.pages["/"] = Page(LOOK.html(agency, f'<h1>{agency}</h1><a href="/tzgg/index.html">通知公告</a>'
                                                 '<a href="/xwdt/index.html">工作动态</a>'))
        notices = [(f"/tzgg/t{n}.html", f"关于开展第{n}批法律援助志愿者招募工作的通知",
                    f"2025-{12 - n // 2:02d}-{28 - n % 2 * 10}") for n in range(20)]
        notices += [(f"/tzgg/p{year}.html", f"关于{year}年度普法依法治理工作的通知", f"{year}-06-15") for year in YEARS]
        for year in YEARS:
            path, report = f"/tzgg/nb{year}.html", f"/tzgg/files/P0{year + 1}0120{year}.pdf"
            host.pages[report] = Page(b"%PDF-1.4\n% report\n", "application/pdf")
            self.expected[self.url("sfj", report)] = (agency, year)
            title = f"关于公布{agency}{year}年政府信息公开工作年度报告的公告"
            host.pages[path] = Page(LOOK.html(title, (
                f"<p>现将{agency}{year}年政府信息公开工作年度报告予以公布。</p>"
                f'<p>附件：<a href="{report}">{agency}{year}年政府信息公开工作年度报告.pdf</a></p>')))
            notices.append((path, title, f"{year + 1}-01-20"))
        notices.sort(key=lambda notice: notice[2], reverse=True)
        for path, title, _ in notices:
            host.pages.setdefault(path, Page(LOOK.html(title, "<p>正文。</p>")))
        pages = [notices[i:i + 20] for i in range(0, len(notices), 20)]
        for n, chunk in enumerate(pages, 1):
            items = "".join(f'<li><a href="{p}">{escape(t)}</a><span>{d}</span></li>' for p, t, d in chunk)
            pager = "".join(f'<a href="{_notice_page(k)}">{k}</a>' for k in range(1, len(pages) + 1))
            following = f'<a href="{_notice_page(n + 1)}">下一页</a>' if n < len(pages) else ""
            host.pages[_notice_page(n)] = Page(LOOK.html(f"通知公告-{agency}", f"<ul>{items}</ul>{pager}{following}"))

    def _mzj(self) -> None:
        """市民政局, mobile-first: its home page a phone's, its only 年报 column under the folder ``/m/``."""
        agency = "东江市民政局"
        self._department("mzj", agency, "/m/xxgk/ndbg/index.html", range(2022, 2025))
        self.depts["mzj"].pages["/"] = Page(LOOK.html(agency, (
            f'<h1>{agency}</h1><a href="/m/index.html">首页</a><a href="/m/xxgk/index.html">信息公开</a>'
            '<a href="/m/xxgk/ndbg/index.html">政府信息公开年报</a>')))
        self.depts["mzj"].pages["/m/xxgk/index.html"] = Page(LOOK.html(f"信息公开-{agency}", (
            '<a href="/m/xxgk/ndbg/index.html">政府信息公开年报</a><a href="/m/xxgk/zn.html">政府信息公开指南</a>')))

    def _wjw(self) -> None:
        """市卫生健康委员会: its robots.txt refuses every crawler."""
        self._department("wjw", "东江市卫生健康委员会", "/xxgk/ndbg/", range(2022, 2025))
        self.depts["wjw"].pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /\n", "text/plain")
        self.expected = {u: v for u, v in self.expected.items() if urlsplit(u).hostname != name("wjw")}


    def _swj(self) -> None:
        """市商务局: 瑞数's HTTP 412 and its obfuscated script on every address of its host: out of reach."""
        self._department("swj", "东江市商务局", "/xxgk/ndbg/", range(2022, 2025))
        self.depts["swj"].gates["/"] = lambda target, sent: Page(RUISHU, status=412)
        self.expected = {u: v for u, v in self.expected.items() if urlsplit(u).hostname != name("swj")}

    def _tjj(self) -> None:
        """市统计局: a folder of the portal, its list linking its reports under the portal's bare name."""
        agency, folder = "东江市统计局", "/tjj/"
        self.www.pages[folder] = Page(LOOK.html(agency, f'<h1>{agency}</h1><a href="{folder}ndbg/">政府信息公开年报</a>'))
        links = [f'<li><a href="{self.url("", path)}">{escape(self._report(self.www, "www", path, agency, year))}</a></li>'
                 for year in range(2022, 2025) for path in [f"{folder}ndbg/nb{year}.html"]]
        links.append(f'<li><a href="{folder}ndbg/tjgb2024.html">东江市2024年国民经济和社会发展统计公报</a></li>')
        self.www.pages[f"{folder}ndbg/tjgb2024.html"] = Page(LOOK.html("东江市2024年国民经济和社会发展统计公报", "<p>正文。</p>"))
        self.www.pages[f"{folder}ndbg/"] = Page(LOOK.html(f"政府信息公开年报-{agency}", f"<ul>{''.join(links)}</ul>"))


def _notice_page(n: int) -> str:
    return "/tzgg/index.html" if n == 1 else f"/tzgg/index_{n - 1}.html"


def _closed_port() -> int:
    """A port of 127.0.0.1 nothing listens on (bound, then closed): a host that is down refuses connections."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
