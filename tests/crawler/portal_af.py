"""A thirtieth municipal portal, 南溪市, whose departments' 年报 columns keep the list-page habits of real CMSs that
the crawler learnt last (tests/crawler/test_list_habits.py reads each on a frozen page), for one crawl over real
HTTP from the home page alone:

- 审计局 (``/jcms/``, JCMS on JSP): the head's ``var ctx = "/jcms"; var webId = "12";``, the body's script posting
  ``$.ajax({url: ctx + "/xxgk/nb/list", data: {…, webId: webId}})``; the API refuses a form without ``webId``;
- 发改委 (``/fgw/``): a request function of the page's script, its address joined from a base it declares
  (``request({url: baseURL + '/report/list', method: 'get', params: query})``), called ``listReport({…}).then(…)``;
- 水利局 (``/slj/``): a Vue column whose ``<el-pagination :total="3" :page-size="1">`` alone counts the list, its API
  answering one report a page and no count (``{"code": 0, "data": […]}``);
- 民政局 (``/mzj/``): ``$('#list').load('/mzj/col/list_12.html?page=1&col=12')``, answered a bare ``<table>``
  fragment with its pager (共2页) whose ``goPage(n)`` loads the next;
- 统计局 (``/tjj/``): a static list whose ``<div id="page" data-total="3" data-current="1">`` the site's
  ``/tjj/js/page.js`` draws (``index_1.html``, ``index_2.html``);
- 教育局 (``/jyj/``, Jeecms): a report published only as an attachment whose address ``Cms.attachment`` writes, the
  article calling it twice: its 解读's 图解 first (no report), then its own.
"""

from __future__ import annotations

import json
from html import escape

from tests.crawler.helpers import FILES
from tests.crawler.portal import JSON, SCRIPT, Host, HostServer, Look, Page
from tests.crawler.portal_ac import serve_jeecms_attachments
from tests.crawler.portal_o import list_items
from tests.crawler.portal_u import NOT_FOUND, query_value

CITY = "南溪市人民政府"
AUDIT, DEVELOPMENT, WATER, CIVIL, STATISTICS, EDUCATION = (
    "南溪市审计局", "南溪市发展和改革委员会", "南溪市水利局", "南溪市民政局", "南溪市统计局", "南溪市教育局")
LOOK = Look('<a href="/">首页</a><a href="/xxgk/index.html">政府信息公开</a>', seed=31)
_COLUMNS = ((AUDIT, "/jcms/xxgk/nb.html"), (DEVELOPMENT, "/fgw/xxgk/nb.html"), (WATER, "/slj/xxgk/nb.html"),
            (CIVIL, "/mzj/nb.html"), (STATISTICS, "/tjj/ndbg/index.html"), (EDUCATION, "/jyj/nb/index.jhtml"))

_DEVELOPMENT_LIST = """<ul id="list"></ul><script>
var baseURL = '/fgw/api';
function listReport(query) {
  return request({ url: baseURL + '/report/list', method: 'get', params: query });
}
listReport({ pageNum: 1, pageSize: 10, channel: 'ndbg' }).then(function (res) {
  document.getElementById('list').innerHTML = res.rows.map(function (item) {
    return '<li><a href="/fgw/art/' + item.id + '.html">' + item.title + '</a></li>';
  }).join('');
});
</script>"""
_WATER_LIST = """<div id="app"><ul><li v-for="item in list"><a :href="'/slj/art/' + item.id + '.html'">{{ item.title }}</a>
</li></ul><el-pagination layout="prev, pager, next" :total="3" :page-size="1" @current-change="changePage">
</el-pagination></div><script>
new Vue({ el: '#app', data: { list: [], query: { pageNo: 1, catId: 'nb' } },
  mounted() { this.getList(); },
  methods: {
    getList() { axios.get('/slj/api/xxgk/list', { params: this.query }).then(res => { this.list = res.data.data; }); },
    changePage(p) { this.query.pageNo = p; this.getList(); } } });
</script>"""
_CIVIL_LIST = """<div id="list"></div><script>
$(function () { $('#list').load('/mzj/col/list_12.html?page=1&col=12'); });
function goPage(n) { $('#list').load('/mzj/col/list_12.html?page=' + n + '&col=12'); }
</script>"""
_PAGE_JS = """$(function () {
  var total = parseInt($("#page").attr("data-total"));
  var current = parseInt($("#page").attr("data-current"));
  var html = "";
  for (var i = 1; i <= total; i++) {
    var href = i == 1 ? "index.html" : "index_" + (i - 1) + ".html";
    html += i == current ? '<span>' + i + '</span>' : '<a href="' + href + '">' + i + '</a>';
  }
  $("#page").html(html);
});
"""


class PortalAD:
    """The host of 南溪市, with the reports a crawl must find (``expected``: URL → agency, year)."""

    def __init__(self) -> None:
        self.main = Host()
        self.servers = [HostServer("127.0.0.1", self.main)]
        self.base = self.servers[0].base
        self.expected: dict[str, tuple[str, int]] = {}
        self.main.pages["/"] = Page(LOOK.html(f"{CITY}门户网站", '<a href="/xxgk/index.html">政府信息公开</a>'))
        self.main.pages["/xxgk/index.html"] = Page(LOOK.html(f"{CITY}政府信息公开", '<ul class="ml">' + "".join(
            f'<li><a href="{path}">{agency}政府信息公开年报</a></li>' for agency, path in _COLUMNS) + "</ul>"))
        self._audit()
        self._development()
        self._water()
        self._civil()
        self._statistics()
        self._education()

    def close(self) -> None:
        for server in self.servers:
            server.close()

    def _report(self, path: str, agency: str, year: int) -> dict[str, object]:
        """A report article at ``path``, expected; its item as an API lists it."""
        title = f"{agency}{year}年政府信息公开工作年度报告"
        self.main.pages[path] = Page(LOOK.article(title, agency, year))
        self.expected[self.base + path] = (agency, year)
        return {"id": path.rsplit("/", 1)[-1].removesuffix(".html"), "title": title, "date": f"{year + 1}-01-20"}

    def _column(self, path: str, agency: str, body: str) -> None:
        self.main.pages[path] = Page(LOOK.html(f"政府信息公开年报-{agency}", f'<h2 class="tit">政府信息公开年报</h2>{body}'))

    def _audit(self) -> None:
        """The frozen column (tests/files/column_ajax_context_path.html): ctx and webId declared in its head."""
        rows = [self._report(f"/jcms/art/{7100 + year % 100}.html", AUDIT, year) for year in (2023, 2022)]
        self.main.pages["/jcms/xxgk/nb.html"] = Page((FILES / "column_ajax_context_path.html").read_bytes())

        def answer(query: dict, form: dict) -> Page:
            if form.get("webId") != ["12"] or form.get("columnId") != ["nb"]:
                return Page(b'{"code": 400, "msg": "webId required"}', JSON, status=400)
            return Page(json.dumps({"code": 0, "total": len(rows), "data": rows}, ensure_ascii=False).encode(), JSON)
        self.main.posted["/jcms/xxgk/nb/list"] = answer

    def _development(self) -> None:
        rows = [self._report(f"/fgw/art/{7200 + year % 100}.html", DEVELOPMENT, year) for year in (2023, 2022)]
        self._column("/fgw/xxgk/nb.html", DEVELOPMENT, _DEVELOPMENT_LIST)

        def answer(query: dict) -> Page:
            if query_value(query, "channel") != "ndbg":
                return Page(b'{"code": 500}', JSON, status=500)
            return Page(json.dumps({"code": 200, "total": len(rows), "rows": rows}, ensure_ascii=False).encode(), JSON)
        self.main.dynamic["/fgw/api/report/list"] = answer

    def _water(self) -> None:
        rows = [self._report(f"/slj/art/{7300 + year % 100}.html", WATER, year) for year in (2023, 2022, 2021)]
        self._column("/slj/xxgk/nb.html", WATER, _WATER_LIST)

        def answer(query: dict) -> Page:   # one report a page, no count: the pager's :total alone says there are 3
            page = query_value(query, "pageNo")
            shown = rows[int(page) - 1:int(page)] if page.isdigit() and int(page) >= 1 else []
            return Page(json.dumps({"code": 0, "data": shown}, ensure_ascii=False).encode(), JSON)
        self.main.dynamic["/slj/api/xxgk/list"] = answer

    def _civil(self) -> None:
        pages = [[(f"/mzj/art/{7400 + year % 100}.html", self._report(f"/mzj/art/{7400 + year % 100}.html", CIVIL,
                                                                      year)["title"])] for year in (2023, 2022)]
        self._column("/mzj/nb.html", CIVIL, _CIVIL_LIST)

        def fragment(query: dict) -> Page:   # a bare <table>, its pager's goPage(n) the column's
            page = query_value(query, "page")
            if not page.isdigit() or not 1 <= int(page) <= len(pages) or query_value(query, "col") != "12":
                return NOT_FOUND
            rows = "".join(f'<tr><td><a href="{url}" target="_blank">{escape(title)}</a></td></tr>'
                           for url, title in pages[int(page) - 1])
            return Page(f'<table class="list">{rows}</table><div class="pages">共{len(pages)}页 当前第{page}页 '
                        f'<a href="javascript:;" onclick="goPage({int(page) + 1})">下一页</a></div>'.encode())
        self.main.dynamic["/mzj/col/list_12.html"] = fragment

    def _statistics(self) -> None:
        self.main.pages["/tjj/js/page.js"] = Page(_PAGE_JS.encode(), SCRIPT)
        self.main.pages["/js/jquery.min.js"] = Page(b"/*! jQuery v1.11.3 */", SCRIPT)
        for n, year in enumerate((2023, 2022, 2021)):
            path = f"/tjj/art/{7500 + year % 100}.html"
            title = self._report(path, STATISTICS, year)["title"]
            name = "index.html" if n == 0 else f"index_{n}.html"
            self.main.pages[f"/tjj/ndbg/{name}"] = Page(LOOK.html(f"政府信息公开年报-{STATISTICS}", (
                f'<script src="/js/jquery.min.js"></script><ul class="list">{list_items([(path, title)])}</ul>'
                f'<div id="page" class="page" data-total="3" data-current="{n + 1}"></div>'
                '<script src="/tjj/js/page.js"></script>')))

    def _education(self) -> None:
        title = f"{EDUCATION}2023年政府信息公开工作年度报告"
        keys = {"48402": ("&t=1700000000002&k=9a1b", f"{title}（图解）.pdf"),
                "48401": ("&t=1700000000001&k=e005", f"{title}.pdf")}
        self.expected[f"{self.base}/attachment.jspx?cid=48401&i=0{keys['48401'][0]}"] = (EDUCATION, 2023)
        self.main.pages["/jyj/nb/index.jhtml"] = Page(LOOK.html(f"政府信息公开年报-{EDUCATION}", (
            f'<ul class="list">{list_items([("/jyj/nb/48401.jhtml", title)])}</ul>')))
        self.main.pages["/jyj/nb/48401.jhtml"] = Page(LOOK.html(title, (
            f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布时间：2024-01-22　来源：{EDUCATION}'
            '</div><div class="content"><p>详见附件。</p></div>'
            f'<div class="attach">附件：<a id="attach0" title="{escape(title)}.pdf">{escape(title)}.pdf</a></div>'
            f'<div class="related">相关解读：<a id="jdattach0">{escape(title)}（图解）.pdf</a></div></div>'
            '<script>$(function () { Cms.attachment("", "48402", "1", "jdattach");'
            ' Cms.attachment("", "48401", "1", "attach"); });</script>')))

        serve_jeecms_attachments(self.main, keys)
