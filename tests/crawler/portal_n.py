"""A fourteenth municipal portal, 北湾市, on one host: departments whose first answers are not their pages but a
gate's (a cookie challenge, a web application firewall, a rate limit) or a script sending the browser on, for
crawls over real HTTP.

- the city's 政府信息公开年报 column (``/xxgk/ndbg/index.html``): a server-rendered list (the way in);
- 市公安局 (``/gaj/``): 知道创宇加速乐-style, every address answers HTTP 521 with a script that sets
  ``__jsl_clearance`` from string literals and reloads (``document.cookie="__jsl_clearance=…" + ";path=/";
  location.href=location.pathname+location.search``) until the request carries that cookie;
- 市交通运输局 (``/jtj/``): 网站卫士-style, its 信息公开 folder answers 200 with ``document.cookie='wzws_cid=' +
  '…'`` then ``<meta http-equiv="refresh" content="0">`` until the request carries the cookie;
- 市商务局 (``/swj/``): 瑞数-style, every address answers HTTP 412 with an obfuscated ``$_ts`` script no crawler
  without a JavaScript engine passes: blocked, its reports out of reach (none expected), the crawl going on;
- 市水务局 (``/slj/``): its 年报 list and one report answer 200 with a rate-limit page (``访问过于频繁，请稍后再试``)
  the first time each is asked, then the page; a report under a path the WAF always rejects (F5's ``The requested
  URL was rejected``, 200) is never reached, so none expected;
- 市司法局 (``/sfj/``): linked without its trailing slash (a 301 adds it); its home page is a script alone sending
  the browser on (``window.location.href='/sfj/index.shtml'``), its 年报 column a ``top.location=`` page; its 2023
  report linked from the city's list at an old address that 301s to its page; a 安全狗 block page (``您的访问被拦截``, 200,
  with links of its own) answers its 搜索;
- noise: a 部门预算 in 公安局's list, a 工作总结 in 水务局's.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from tests.crawler.helpers import FILES
from tests.crawler.portal import Look, OneHost, Page

CITY = "北湾市人民政府"
NAV = '<a href="/">首页</a><a href="/xxgk/index.html">政府信息公开</a>'

LOOK = Look(NAV, seed=61, day=1)
html = LOOK.html

JSL_COOKIE = "__jsl_clearance=1700000000.123|0|abcDEF123"
JSL = (FILES / "challenge_jsl_literal_521.html").read_bytes()
WZWS_COOKIE = "wzws_cid=a1b2c3d4e5f6"
WZWS = (FILES / "challenge_wzws_refresh.html").read_bytes()
# 瑞数's gate: a $_ts script the site's own obfuscated code turns into a cookie; no literal gives it
RUISHU = (FILES / "challenge_ruishu_412.html").read_bytes()
RATE_LIMITED = (FILES / "firewall_rate_limit.html").read_bytes()
F5_REJECTED = (FILES / "firewall_f5_rejected.html").read_bytes()
SAFEDOG = (FILES / "firewall_safedog.html").read_bytes()

def cookie_gate(cookie: str, challenge: Page):
    """A gate answering ``challenge`` to every request that does not carry ``cookie``."""
    def gate(target: str, sent: str | None) -> Page | None:
        return None if cookie in (sent or "").split("; ") else challenge
    return gate


def first_asks_gate(paths: set[str], answer: Page, asks: Counter):
    """A gate answering ``answer`` the first time each of ``paths`` is asked (a rate limit), counting the asks."""
    def gate(target: str, sent: str | None) -> Page | None:
        asks[target] += 1
        return answer if target in paths and asks[target] == 1 else None
    return gate


class PortalN(OneHost):
    """The host of 北湾市, with the reports a crawl must find (``expected``: URL → agency, year); ``asks`` counts
    the requests of 水务局's and 商务局's addresses, to see that no gate makes the crawl ask again and again."""

    def __init__(self) -> None:
        super().__init__()
        self.asks: Counter = Counter()
        self._home()
        self._city()
        self._police()
        self._transport()
        self._commerce()
        self._water()
        self._justice()

    def _reports(self, folder: str, name: str, years: range) -> list[tuple[str, str]]:
        """The department's reports under ``folder``art/: (url, title)."""
        return [(path, self.report(LOOK, path, name, year))
                for year in years for path in [f"{folder}art/nb{year}.html"]]

    def _list(self, path: str, title: str, items: list[tuple[str, str]]) -> None:
        self.main.pages[path] = Page(html(title, "<ul>" + "".join(
            f'<li><a href="{url}">{escape(text)}</a></li>' for url, text in items) + "</ul>"))

    def _department(self, folder: str, name: str, column: str, years: range) -> list[tuple[str, str]]:
        """A department's home page linking its 年报 column at ``column``, and its reports."""
        self.department_home(LOOK, folder, name, f'<a href="{column}">政府信息公开年报</a>')
        return self._reports(folder, name, years)

    def _home(self) -> None:
        self.main.pages["/"] = Page(html(f"{CITY}门户网站", (
            '<div class="gk"><a href="/xxgk/index.html">政府信息公开</a></div><div class="links"><div class="hd">部门网站'
            '</div><a href="/gaj/index.html">市公安局</a><a href="/jtj/index.html">市交通运输局</a>'
            '<a href="/swj/index.html">市商务局</a><a href="/slj/index.html">市水务局</a><a href="/sfj">市司法局</a></div>')))
        self.main.pages["/xxgk/index.html"] = Page(html(f"{CITY}政府信息公开", (
            '<ul><li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul>')))

    def _city(self) -> None:
        """The city's list, linking also 司法局's 2023 report at its old address (a 301 to its page)."""
        self._list("/xxgk/ndbg/index.html", "政府信息公开年报", [
            *self._reports("/xxgk/ndbg/", CITY, range(2023, 2021, -1)),
            ("/sfj/art/2023.htm", "北湾市司法局2023年政府信息公开工作年度报告")])

    def _police(self) -> None:
        """市公安局: 加速乐's HTTP 521 cookie script, its cookie written in literals, on every address."""
        name, folder = "北湾市公安局", "/gaj/"
        items = self._department(folder, name, "/gaj/xxgk/ndbg.html", range(2023, 2020, -1))
        self.main.pages["/gaj/art/ys2024.html"] = Page(html(f"{name}2024年部门预算", "<p>正文。</p>"))
        items.insert(1, ("/gaj/art/ys2024.html", f"{name}2024年部门预算"))
        self._list("/gaj/xxgk/ndbg.html", f"政府信息公开年报-{name}", items)
        self.main.gates[folder] = cookie_gate(JSL_COOKIE, Page(JSL, status=521))

    def _transport(self) -> None:
        """市交通运输局: a 200 page setting a cookie by script then refreshing itself, on its 信息公开 folder."""
        name, folder = "北湾市交通运输局", "/jtj/"
        self._list("/jtj/xxgk/ndbg/index.html", f"政府信息公开年报-{name}",
                   self._department(folder, name, "/jtj/xxgk/ndbg/index.html", range(2023, 2020, -1)))
        self.main.gates["/jtj/xxgk/"] = cookie_gate(WZWS_COOKIE, Page(WZWS))

    def _commerce(self) -> None:
        """市商务局: 瑞数's HTTP 412 and its obfuscated script on every address: out of reach."""
        name, folder = "北湾市商务局", "/swj/"
        self.department_home(LOOK, folder, name, '<a href="/swj/xxgk/ndbg.html">政府信息公开年报</a>')
        self._list("/swj/xxgk/ndbg.html", f"政府信息公开年报-{name}", [
            (f"/swj/art/nb{year}.html", f"{name}{year}年政府信息公开工作年度报告") for year in range(2023, 2020, -1)])
        challenge = Page(RUISHU, status=412)

        def gate(target: str, sent: str | None) -> Page:
            self.asks[target] += 1
            return challenge
        self.main.gates[folder] = gate

    def _water(self) -> None:
        """市水务局: a rate-limit page (200) the first time its list and its 2022 report are asked; a report the
        WAF always rejects (200)."""
        name, folder = "北湾市水务局", "/slj/"
        items = self._department(folder, name, "/slj/xxgk/ndbg.html", range(2023, 2020, -1))
        self.main.pages["/slj/art/zj2023.html"] = Page(html(f"{name}2023年工作总结", "<p>正文。</p>"))
        items.insert(1, ("/slj/art/zj2023.html", f"{name}2023年工作总结"))
        items.append(("/slj/art/nb2020.html", f"{name}2020年政府信息公开工作年度报告"))
        self._list("/slj/xxgk/ndbg.html", f"政府信息公开年报-{name}", items)
        limited = first_asks_gate({"/slj/xxgk/ndbg.html", "/slj/art/nb2022.html"}, Page(RATE_LIMITED), self.asks)
        rejected = Page(F5_REJECTED)
        self.main.gates[folder] = lambda target, sent: rejected if target == "/slj/art/nb2020.html" \
            else limited(target, sent)

    def _justice(self) -> None:
        """市司法局: a home page and a column page that are a script sending the browser on; a 安全狗 block page
        answering its 搜索."""
        name, folder = "北湾市司法局", "/sfj/"
        self.main.pages["/sfj"] = Page(b"", status=301, location="/sfj/")
        self.main.pages["/sfj/art/2023.htm"] = Page(b"", status=301, location="/sfj/art/nb2023.html")
        self.main.pages["/sfj/"] = Page(b"<script>window.location.href='/sfj/index.shtml'</script>")
        self.main.pages["/sfj/index.shtml"] = Page(html(name, (
            f'<h1>{name}</h1><a href="/sfj/xxgk/ndbg/">政府信息公开年报</a>'
            '<form action="/sfj/search.jsp"><input name="q"></form><a href="/sfj/search.jsp?q=年报">年报搜索</a>')))
        self.main.pages["/sfj/xxgk/ndbg/"] = Page(
            b'<html><head><script type="text/javascript">top.location="/sfj/xxgk/ndbg/list.shtml";</script></head>'
            b'<body></body></html>')
        self._list("/sfj/xxgk/ndbg/list.shtml", f"政府信息公开年报-{name}", self._reports(folder, name, range(2023, 2021, -1)))
        self.main.pages["/sfj/search.jsp"] = Page(SAFEDOG)
