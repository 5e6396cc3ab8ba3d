"""The further pages of a report its CMS split into pages (``crawler.documents.continuations``), on frozen pages."""

from __future__ import annotations

import lxml.html

from crawler.documents.continuations import MAX_ARTICLE_PAGES, continuation_pages
from tests.crawler.helpers import FILES

URL = "http://www.zhoukou.gov.cn/zwgk/ndbg/202501/t20250124_1345679.html"


def _pages(markup: str, url: str = URL) -> list[str]:
    return continuation_pages(lxml.html.fromstring(markup), url)


def test_the_pager_of_a_paged_article_gives_its_further_pages_in_order():
    page = (FILES / "detail_paged_article.html").read_text(encoding="utf-8")
    assert _pages(page) == [URL.replace(".html", "_1.html"), URL.replace(".html", "_2.html")]


def test_trs_pager_script_alone_gives_the_further_pages():
    page = '<div><script>createPageHTML(4, 0, "t20250124_1345679", "html");</script></div>'
    assert _pages(page) == [URL.replace(".html", f"_{n}.html") for n in (1, 2, 3)]


def test_a_pager_script_of_another_page_is_not_this_articles():
    assert _pages('<div><script>createPageHTML(4, 0, "index", "html");</script></div>') == []


def test_a_further_page_has_no_further_pages_of_its_own():
    page = '<div><a href="t20250124_1345679.html">1</a><a href="t20250124_1345679_2.html">3</a></div>'
    assert _pages(page, URL.replace(".html", "_1.html")) == []


def test_a_numbered_page_in_another_folder_is_no_further_page():
    assert _pages('<div><a href="/other/t20250124_1345679_1.html">2</a></div>') == []


def test_an_article_on_one_page_has_none():
    assert _pages('<div><a href="t20250124_1345680.html">下一篇</a></div>') == []


def test_an_article_claiming_more_pages_than_a_report_has_is_cut():
    page = '<div><script>createPageHTML(5000, 0, "t20250124_1345679", "html");</script></div>'
    assert len(_pages(page)) == MAX_ARTICLE_PAGES - 1


def test_a_wordpress_post_split_under_a_pretty_permalink_gives_its_numbered_folders():
    post = "https://mzj.example.gov.cn/2025/01/24/2024-zfxxgk-ndbg/"
    page = (FILES / "detail_wordpress_post_paged.html").read_text(encoding="utf-8")
    assert _pages(page, post) == [post + "2/", post + "3/"]
    assert _pages(page, post + "2/") == []   # a further page: its links lead back, none after it


def test_a_wordpress_post_split_under_a_plain_permalink_gives_its_page_keys():
    post = "https://mzj.example.gov.cn/?p=1232"
    page = (FILES / "detail_wordpress_plain_post_paged.html").read_text(encoding="utf-8")
    assert _pages(page, post) == [post + "&page=2"]
    assert _pages(page, post + "&page=2") == []
    assert _pages(page, "https://mzj.example.gov.cn/?p=1188") == []   # another post's pages are not this one's
