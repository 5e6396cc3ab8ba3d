"""Hostile articles, pictures, answers and scripts crawled together with a good site over real HTTP
(tests/crawler/hostile.py): an article paged into 10,000 pages of one picture each, report pages whose tables are
5,000 pictures, a 2 GB picture or pictures trickling a byte a second, list APIs posted for that answer 2 GB or
trickle, a JSON list claiming 10⁹ records, a 通知公告 column of 10,000 pages each announcing a report, a list page
carrying 10 MB of minified script. Each costs its own site a bounded number of pages, seconds and bytes; every
genuine report of every site is still yielded, and what could be read of an attacked report page is archived."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from crawler.documents.bundle import MAX_FAILED_PICTURES
from crawler.documents.continuations import MAX_ARTICLE_PAGES
from crawler.settings import REPORT_PICTURES_MAX
from crawler.spiders.reports import MAX_NOTICE_PAGES
from crawler.steering.pagerfunctions import MAX_PAGER_BODY_CHARS
from crawler.steering.pagers import MAX_GENERATED_PAGES
from tests.crawler.hostile import Answer, HostileSite, crawled, page

CLAIMED = 10_000
SCANNED_PAGES = 9_999   # the most createPageHTML is read claiming: a longer count is no article's
GB = 1 << 30
MB = 1 << 20
# the six section headings: a page holding them carries a report's text (crawler.documents.pictures.holds_report_text)
SECTIONS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
TIMEOUT = 3.0   # seconds a request of the attacked sites may take: a trickle is cut there


def scan(n: int) -> bytes:
    """A small scanned page, different for every n."""
    out = io.BytesIO()
    Image.new("L", (120, 160), n % 256).save(out, format="PNG")
    return out.getvalue()


def pictured_report(title: str, pictures: list[str]) -> bytes:
    """A report page printing its text and, as pictures, its tables."""
    body = "".join(f"<p>{heading}</p><p>本年度情况如下。</p>" for heading in SECTIONS)
    images = "".join(f'<p><img src="{src}" width="600" height="800"></p>' for src in pictures)
    return page(title, f'<div class="article"><h1>{title}</h1><div class="info">发布日期：2024-01-20</div>'
                       f'<div class="content">{body}{images}</div></div>')


def _listed(site: HostileSite, path: str, title: str) -> str:
    site.column_extra.append(f'<li><a href="{path}">{title}</a></li>')
    return site.base + path


def paged_scans() -> tuple[HostileSite, str]:
    """A report scanned into an article of SCANNED_PAGES (623.html, 623_1.html …), one picture a page, its pager
    TRS's createPageHTML and a 下一页 on every page; → the article's URL."""
    site = HostileSite("子市")

    def article(path: str) -> Answer:
        n = int(path.rsplit("_", 1)[1].split(".")[0]) if "_" in path else 0
        return Answer(page("子市财政局2023年政府信息公开工作年度报告", (
            f'<div class="content"><p><img src="/scan/623_{n}.png"></p></div>'
            f'<div class="page"><a href="623_{n + 1}.html">下一页</a></div>'
            f'<script>createPageHTML({SCANNED_PAGES}, {n}, "623", "html");</script>')))

    site.families["/ndbg/623"] = article
    site.families["/scan/"] = lambda path: Answer(scan(len(path)), "image/png")
    return site, _listed(site, "/ndbg/623.html", "子市财政局2023年政府信息公开工作年度报告")


def picture_bundles() -> tuple[HostileSite, dict[str, str]]:
    """Report pages whose tables are pictures: 5,000 of them; one of 2 GB beside a good one; one good then 11
    trickling a byte a second; → each page's URL and the picture it must be archived with."""
    site = HostileSite("丑市")
    site.families["/pic/"] = lambda path: Answer(scan(len(path)), "image/png")
    site.answers["/big/huge.png"] = Answer(b"\x89PNG\r\n\x1a\n" + bytes(MB - 8), "image/png", repeat=2 * 1024)
    site.families["/slow/"] = lambda path: Answer(scan(len(path)), "image/png", trickle=1.0, chunk=1)
    pages = {"many": ("丑市财政局", [f"/pic/{n}.png" for n in range(5000)]),
             "huge": ("丑市审计局", ["/big/huge.png", "/pic/good.png"]),
             "slow": ("丑市统计局", ["/pic/first.png"] + [f"/slow/{n}.png" for n in range(REPORT_PICTURES_MAX - 1)])}
    kept = {}
    for name, (agency, pictures) in pages.items():
        title = f"{agency}2023年政府信息公开工作年度报告"
        site.answers[f"/ndbg/{name}.html"] = Answer(pictured_report(title, pictures))
        kept[_listed(site, f"/ndbg/{name}.html", title)] = site.base + pictures[-1 if name == "huge" else 0]
    return site, kept


def list_answers() -> HostileSite:
    """A 年报 column whose script posts for its list to an API answering 2 GB, another to one trickling its
    answer, and asks a JSON list by GET claiming 10⁹ records (its rows the genuine reports)."""
    site = HostileSite("寅市")
    rows = [{"title": f"{agency}{year}年政府信息公开工作年度报告", "url": url[len(site.base):]}
            for url, (agency, year) in site.expected.items()]
    site.answers["/nbapi/"] = Answer(page("政府信息公开年报", (
        "<ul id='list'></ul><script>"
        "$.post('/api/huge', {page: 1, size: 10, column: 'nb'}, function (d) {});"
        "$.post('/api/slow', {page: 1, size: 10, column: 'nb'}, function (d) {});"
        "$.getJSON('/api/rows?page=1&size=10', function (d) {});</script>")))
    site.answers["/api/huge"] = Answer(b'{"total": 10, "rows": [' + b" " * (MB - 23), "application/json",
                                       repeat=2 * 1024)
    site.answers["/api/slow"] = Answer(json.dumps({"total": 10, "rows": rows}).encode(), "application/json",
                                       trickle=1.0, chunk=1)
    site.dynamic["/api/rows"] = lambda query: Answer(json.dumps({"total": 10 ** 9, "rows": rows}).encode(),
                                                     "application/json")
    site.answers["/"] = Answer(page("寅市人民政府", '<a href="/ndbg/">政府信息公开年报</a><a href="/nbapi/">年报</a>'))
    return site


def bare(title: str, body: str) -> Answer:
    """A page in no site frame: no link to a 年报 column beside what ``body`` holds."""
    return Answer(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
                  f'<body>{body}</body></html>'.encode())


def endless_notices() -> HostileSite:
    """A site with no 年报 column whose 通知公告 column has CLAIMED pages, each listing a dated 公告 announcing a
    report (an agency publishing its reports so is why the crawler reads such a column)."""
    site = HostileSite("卯市", agencies=())

    def notices(path: str) -> Answer:
        n = int("".join(c for c in path.rsplit("/", 1)[1] if c.isdigit()) or 0)
        title = f"关于公布卯市第{n}局2023年政府信息公开工作年度报告的公告"
        return bare("通知公告", (
            f'<ul><li><a href="/tzgg/t{n}.html">{title}</a><span>2024-01-{n % 28 + 1:02d}</span></li></ul>'
            f'<div class="page">共{CLAIMED}页 <a href="index_{n + 1}.html">下一页</a></div>'
            f'<script>createPageHTML({CLAIMED}, {n}, "index", "html");</script>'))

    site.families["/tzgg/index"] = notices
    site.families["/tzgg/t"] = lambda path: bare("公告", "<p>现将报告予以公布。</p>")
    site.answers["/tzgg/"] = notices("/tzgg/index.html")
    site.answers["/"] = bare("卯市人民政府", '<a href="/tzgg/">通知公告</a>')
    return site


def minified(size: int) -> bytes:
    """``size`` bytes of a minified bundle: functions calling APIs, building addresses, paging."""
    part = ('function r{n}(e,t){{var n=e.url||"/api/v{n}/list";return $.ajax({{url:n+"?page="+t,type:"post",'
            'data:{{page:t,size:10,id:"{n}"}},success:function(o){{location.href="/x/"+o.id+"_{n}.html"}}}})}}'
            'var p{n}=createPageHTML,q{n}=[1,2,3].map(function(i){{return "/c/"+i}});')
    out, length = [], 0
    while length < size:
        out.append(part.format(n=len(out)))
        length += len(out[-1])
    return "".join(out).encode()


def big_script() -> HostileSite:
    """A 年报 column page carrying 10 MB of minified script inline and 10 MB more in a script file it loads."""
    site = HostileSite("辰市")
    column = site.column
    script = minified(10 * MB)
    site.answers["/js/app.min.js"] = Answer(script, "application/javascript")
    site.dynamic["/ndbg/"] = lambda query: Answer(column().body.replace(
        b"</ul>", b'</ul><script src="/js/app.min.js"></script><script>' + script + b"</script>"))
    return site


def pager_scripts() -> HostileSite:
    """A 年报 column page whose inline script holds 200 pager-looking functions with a name of 5,000 characters
    each (58 s a list page), and whose form of 100,000 hidden fields a pager claiming 10⁹ pages submits."""
    site = HostileSite("巳市")
    column = site.column
    functions = "".join(f"function f{k}(n, c) {{ for (var i = 1; i <= n; i++) {{ if (i == c) {{}} "
                        f"{'a' * MAX_PAGER_BODY_CHARS} }} }}\n" for k in range(200))
    fields = "".join(f'<input type="hidden" name="f{n}" value="{n:020}">' for n in range(100_000))
    form = (f'<form id="pageForm" method="post" action="/ndbg/list.do"><input type="hidden" id="pageNo" '
            f'name="pageNo" value="1">{fields}</form><a href="javascript:goPage(2)">2</a><span>共1000000000页</span>'
            "<script>function goPage(n) { document.getElementById('pageNo').value = n; "
            "document.getElementById('pageForm').submit(); }</script>")
    site.dynamic["/ndbg/"] = lambda query: Answer(column().body.replace(
        b"</ul>", b"</ul>" + form.encode() + b"<script>" + functions.encode() + b"setPage(3, 1, 'index_');</script>"))
    return site


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    scans, article = paged_scans()
    bundles, kept = picture_bundles()
    sites = {"good": HostileSite("乙市"), "paged-scans": scans, "bundles": bundles, "answers": list_answers(),
             "notices": endless_notices(), "script": big_script(), "pager-scripts": pager_scripts()}
    options = {name: {"timeout": TIMEOUT} for name in sites if name != "good"}
    with crawled(sites, tmp_path_factory.mktemp("hostile-pages"), options) as done:
        yield done, article, kept


def _asked(crawl, name: str, prefix: str) -> list[str]:
    return [t for t in crawl[0].sites[name].log if t.startswith(prefix)]


def _item(crawl, name: str, url: str) -> dict | None:
    return next((i for i in crawl[0].items[name] if i["final_url"] == url), None)


@pytest.mark.parametrize("name", ["good", "paged-scans", "bundles", "answers", "notices", "script", "pager-scripts"])
def test_every_genuine_report_of_a_site_is_yielded(crawl, name):
    done = crawl[0]
    assert set(done.sites[name].expected) <= {item["final_url"] for item in done.items[name]}


def test_an_article_of_endless_pages_is_read_to_its_page_bound_and_archived(crawl):
    pages, pictures = _asked(crawl, "paged-scans", "/ndbg/623"), _asked(crawl, "paged-scans", "/scan/")
    item = _item(crawl, "paged-scans", crawl[1])
    assert len(pages) == MAX_ARTICLE_PAGES and len(pictures) <= MAX_ARTICLE_PAGES and item is not None
    assert len(item["pictures"]) == len(pictures)


def test_a_page_of_five_thousand_pictures_asks_at_most_the_pictures_cap(crawl):
    assert len(_asked(crawl, "bundles", "/pic/")) <= 2 * REPORT_PICTURES_MAX   # the many's, and one each of the others


@pytest.mark.parametrize("name", ["many", "huge", "slow"])
def test_a_report_page_is_archived_with_what_pictures_could_be_read(crawl, name):
    done, _, kept = crawl
    url = next(u for u in kept if u.endswith(f"/{name}.html"))
    item = _item(crawl, "bundles", url)
    assert item is not None and kept[url] in {p["url"] for p in item["pictures"]}


def test_pictures_too_large_or_too_slow_are_named_in_the_errors(crawl):
    errors = {e.url.rsplit("/", 2)[-2] for e in crawl[0].summary.site("bundles").errors}
    assert {"big", "slow"} <= errors


def test_a_page_whose_pictures_trickle_gives_up_after_the_failures_bound(crawl):
    skipped = crawl[0].summary.site("bundles").frontier_skipped
    assert len(_asked(crawl, "bundles", "/slow/")) == MAX_FAILED_PICTURES \
        and skipped.get("pictures_given_up") == REPORT_PICTURES_MAX - 1 - MAX_FAILED_PICTURES


def test_list_answers_too_large_or_too_slow_are_named_in_the_errors(crawl):
    errors = {e.url.rsplit("/", 1)[-1] for e in crawl[0].summary.site("answers").errors}
    assert {"huge", "slow"} <= errors


def test_a_json_list_claiming_a_billion_records_costs_at_most_the_generated_pages(crawl):
    assert 1 <= len(_asked(crawl, "answers", "/api/rows")) <= MAX_GENERATED_PAGES


def test_a_notices_column_of_endless_announcing_pages_is_paged_to_its_bound(crawl):
    assert len(_asked(crawl, "notices", "/tzgg/index")) <= MAX_NOTICE_PAGES + 1


def test_a_list_page_of_ten_megabytes_of_script_costs_a_bounded_crawl(crawl):
    summary = crawl[0].summary.site("script")
    assert summary.failure is None and summary.elapsed_seconds < 60 and len(crawl[0].sites["script"].log) <= 100


def test_pager_functions_of_long_names_and_a_form_of_100000_fields_cost_a_bounded_crawl(crawl):
    """Read in linear time, the form no pager's (each of 99 posts carried its 3 MB: 276 MB held)."""
    summary = crawl[0].summary.site("pager-scripts")
    assert summary.failure is None and summary.elapsed_seconds < 60
    assert not _asked(crawl, "pager-scripts", "/ndbg/list.do") and len(crawl[0].sites["pager-scripts"].log) <= 20


def test_no_attacked_site_fails_as_a_whole_and_the_crawl_ends_in_bounded_time(crawl):
    done = crawl[0]
    failed = {s.site_id: s.failure for s in done.summary.sites if s.failure}
    # the 通知公告 site publishes no report: said so, as any site where none is found
    assert failed == {"notices": "no 年报 column and no report link found from the start URL(s)"} \
        and done.seconds < 120
