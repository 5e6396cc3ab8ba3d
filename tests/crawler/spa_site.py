"""A portal only a browser can read: 青岚县's site drawn by a framework of its own (``/static/qf.js``), for crawls over
real HTTP. No address of a page or a report is written in its HTML or scripts as the static readers look for one:
the script writes each reversed and joins it back, and asks its list API (``/api/list?page=N``) so too.

- ``/``: an empty app root (``<div id="app"></div>``), the framework file and an inline call drawing the menu:
  信息公开年报 (the column), 政府信息公开 (a page whose script never ends) and 政务公开 (a page asking 10,000 requests);
  a logo picture (never fetched by the browser);
- ``/zwgk/ndbg.html``: the 年报 column, a list box and a pager box its script fills: the page's number from its query,
  the list API's answer (``{"data": {"total", "size", "list": [{"title", "url", "date"}]}}``) drawn as items a
  click handler opens (no address in the DOM: the answer has them), the pager as links built by a loop
  (``ndbg.html?page=2``); 6 reports, 2 a page;
- ``/zwgk/tzgg.html``: a shell whose script loops forever;
- ``/zwgk/zwgk.html``: a shell whose script asks ``/api/ping`` 10,000 times, ``/private/`` (robots.txt forbids it)
  and another host.
"""

from __future__ import annotations

import json
import math

from tests.crawler.portal import JSON, SCRIPT, Look, OneHost, Page

AGENCY = "青岚县人民政府"
YEARS = range(2019, 2025)
PAGE_SIZE = 2
FLOOD = 10_000
LOOK = Look(nav="", seed=29)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"

# The framework: a menu and a list drawn from reversed strings; nothing a static reader takes for an address.
FRAMEWORK = r"""
var QF = (function () {
  function r(s) { return s.split('').reverse().join(''); }
  function el(tag, text) { var e = document.createElement(tag); e.textContent = text; return e; }
  return {
    r: r,
    menu: function (root, items) {
      var ul = document.createElement('ul');
      items.forEach(function (it) {
        var li = document.createElement('li'), a = el('a', it[0]);
        a.setAttribute('href', r(it[1]));
        li.appendChild(a); ul.appendChild(li);
      });
      document.getElementById(root).appendChild(ul);
    },
    list: function (box, pager) {
      var page = +(new URLSearchParams(location.search).get('page') || 1);
      var xhr = new XMLHttpRequest();
      xhr.open('GET', r('=egap?tsil/ipa/') + page);
      xhr.onload = function () {
        var data = JSON.parse(xhr.responseText).data, ul = document.createElement('ul');
        data.list.forEach(function (item) {
          var li = el('li', item.title + ' ' + item.date);
          li.addEventListener('click', function () { location.assign(item.url); });
          ul.appendChild(li);
        });
        document.querySelector(box).appendChild(ul);
        var pages = Math.ceil(data.total / data.size), html = '';
        for (var i = 1; i <= pages; i++) html += '<a href="' + r('=egap?lmth.gbdn') + i + '">' + i + '</a> ';
        document.querySelector(pager).innerHTML = html;
      };
      xhr.send();
    }
  };
})();
"""


def _shell(title: str, body: str, script: str) -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<script src="/static/qf.js"></script></head><body>{body}<script>{script}</script></body></html>').encode()


def _reversed(path: str) -> str:
    return path[::-1]


class SpaPortal(OneHost):
    def __init__(self) -> None:
        super().__init__()
        pages = self.main.pages
        pages["/robots.txt"] = Page(ROBOTS, "text/plain")
        pages["/static/qf.js"] = Page(FRAMEWORK.encode(), SCRIPT)
        pages["/logo.png"] = Page(b"\x89PNG\r\n\x1a\n", "image/png")
        menu = [["信息公开年报", _reversed("/zwgk/ndbg.html")], ["政府信息公开", _reversed("/zwgk/tzgg.html")],
                ["政务公开", _reversed("/zwgk/zwgk.html")]]
        pages["/"] = Page(_shell(AGENCY, '<img src="/logo.png" alt=""><div id="app"></div>',
                                 f"QF.menu('app', {json.dumps(menu, ensure_ascii=False)});"))
        pages["/zwgk/ndbg.html"] = Page(_shell(f"信息公开年报-{AGENCY}", '<div class="list-box"></div><div class="pager"></div>',
                                               "QF.list('.list-box', '.pager');"))
        pages["/zwgk/tzgg.html"] = Page(_shell(f"政府信息公开-{AGENCY}", '<div id="app"></div>', "while (true) {}"))
        flood = (f"for (var i = 0; i < {FLOOD}; i++) fetch(QF.r('=i?gnip/ipa/') + i).catch(function () {{}});"
                 "fetch(QF.r('x/etavirp/')).catch(function () {});"
                 "fetch('http://' + QF.r('2.0.0.721') + '/').catch(function () {});")
        pages["/zwgk/zwgk.html"] = Page(_shell(f"政务公开-{AGENCY}", '<div id="app"></div>', flood))
        self.main.dynamic["/api/list"] = self._list
        self.main.dynamic["/api/ping"] = lambda query: Page(b"{}", JSON)
        self.titles = {year: self.report(LOOK, f"/xxgk/ndbg/{year}.html", AGENCY, year) for year in YEARS}

    def _list(self, query: dict[str, list[str]]) -> Page:
        page = int(query.get("page", ["1"])[0])
        years = sorted(YEARS, reverse=True)
        items = [{"title": self.titles[year], "url": f"/xxgk/ndbg/{year}.html", "date": f"{year + 1}-01-20"}
                 for year in years[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]]
        return Page(json.dumps({"data": {"total": len(years), "size": PAGE_SIZE, "list": items}},
                               ensure_ascii=False).encode(), JSON)

    @property
    def list_pages(self) -> int:
        return math.ceil(len(YEARS) / PAGE_SIZE)
