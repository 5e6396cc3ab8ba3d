"""HTML of the simulated site's pages: portal, platform, directory, the three list styles, detail pages.

Functions take plain values and return HTML strings; what goes on which page is decided in ``simsite.site``.
The markup copies habits of real municipal sites (TRS ``createPageHTML`` scripts, relative ``./2022…`` links,
truncated titles with a ``title`` attribute, ``?page=N`` pagers, plain link tables).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from simsite.names import CITY_GOVERNMENT


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    title: str | None = None  # the a@title attribute (full title behind a truncated text)
    date: str = ""            # date shown beside the link in a list


def page(title: str, body: str, charset: str | None, http_equiv: bool = False) -> str:
    """A whole page with the site's header and footer; ``charset=None`` declares no encoding at all."""
    if charset is None:
        meta = ""
    elif http_equiv:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
    else:
        meta = f'<meta charset="{charset}">\n'
    return (
        f"<!DOCTYPE html>\n<html>\n<head>\n{meta}<title>{escape(title)}</title>\n</head>\n<body>\n"
        f'<div class="top"><a href="/index.html">{CITY_GOVERNMENT}门户网站</a> | '
        '<a href="/zwfw/index.html">政务服务</a> | <a href="/hdjl/index.html">互动交流</a></div>\n'
        f"{body}"
        f'<div class="footer">主办：{CITY_GOVERNMENT}办公室　网站标识码：3310000001　'
        '<a href="/wzdt/index.html">网站地图</a></div>\n</body>\n</html>\n'
    )


def link_list(links: Sequence[Link]) -> str:
    items = "".join(f'<li><a href="{escape(link.href)}">{escape(link.text)}</a></li>\n' for link in links)
    return f"<ul>\n{items}</ul>\n"


def nav_page(heading: str, links: Sequence[Link], note: str = "") -> str:
    """Body of a home, platform or directory page: a heading, a paragraph, a list of links."""
    paragraph = f"<p>{escape(note)}</p>\n" if note else ""
    return f'<div class="main">\n<h2>{escape(heading)}</h2>\n{paragraph}{link_list(links)}</div>\n'


# ---------------------------------------------------------------------------------------------------
# List pages of a report column, one function per style.

def trs_list(column_title: str, links: Sequence[Link], page_count: int, current: int) -> str:
    """TRS static page ``index_N.html``: the pager exists only as a script call, no page links in the HTML."""
    items = "".join(
        f'<li><a href="{escape(link.href)}" target="_blank"'
        + (f' title="{escape(link.title)}"' if link.title else "")
        + f">{escape(link.text)}</a><span>{link.date}</span></li>\n"
        for link in links
    )
    return (
        f'<div class="list">\n<h2>{escape(column_title)}</h2>\n<ul class="list-ul">\n{items}</ul>\n'
        f'<div class="page"><script type="text/javascript">createPageHTML({page_count}, {current}, '
        '"index", "html");</script></div>\n</div>\n'
    )


def query_list(column_title: str, links: Sequence[Link], page_count: int, current: int) -> str:
    """``?page=N`` pagination: 首页/上一页/numbers/下一页/尾页, with numbers only for a window of pages."""
    items = "".join(f"<li><span>[{link.date}]</span><a href=\"{escape(link.href)}\">{escape(link.text)}</a></li>\n"
                    for link in links)
    pager = ['<a href="?page=1">首页</a>']
    if current > 1:
        pager.append(f'<a href="?page={current - 1}">上一页</a>')
    for n in range(max(1, current - 2), min(page_count, current + 2) + 1):
        pager.append(f"<span class=\"cur\">{n}</span>" if n == current else f'<a href="?page={n}">{n}</a>')
    if current < page_count:
        pager.append(f'<a href="?page={current + 1}">下一页</a>')
    pager.append(f'<a href="?page={page_count}">尾页</a>')
    return (f'<div class="list">\n<h2>{escape(column_title)}</h2>\n<ul>\n{items}</ul>\n'
            f'<div class="pager">{" ".join(pager)} 共{page_count}页</div>\n</div>\n')


def table_list(column_title: str, links: Sequence[Link]) -> str:
    """One plain table of every document: 序号 · 标题 · 发布日期, no pagination."""
    rows = "".join(f'<tr><td>{n}</td><td><a href="{escape(link.href)}">{escape(link.text)}</a></td>'
                   f"<td>{link.date}</td></tr>\n" for n, link in enumerate(links, start=1))
    return (f'<div class="list">\n<h2>{escape(column_title)}</h2>\n<table class="tb">\n'
            f"<tr><th>序号</th><th>标题</th><th>发布日期</th></tr>\n{rows}</table>\n</div>\n")


# ---------------------------------------------------------------------------------------------------
# Detail pages.

def breadcrumb(platform: str, column: str, column_text: str) -> str:
    return (f'<div class="position">当前位置：<a href="/index.html">首页</a> &gt; <a href="{platform}">信息公开</a>'
            f' &gt; <a href="{column}">{escape(column_text)}</a></div>\n')


def date_line(style: int, published: datetime, source: str) -> str:
    """The metadata line under a title, in one of the forms sites print it."""
    if style == 0:
        text = f"发布日期：{published:%Y-%m-%d}　来源：{source}"
    elif style == 1:
        text = f"发布时间：{published:%Y年%m月%d日 %H:%M}　信息来源：{source}"
    else:
        written = published.replace(day=max(1, published.day - 3))
        text = f"成文日期：{written:%Y-%m-%d}　发布日期：{published:%Y-%m-%d}　发布机构：{source}"
    return f'<div class="info">{escape(text)}</div>\n'


def article(crumb: str, title: str, title_style: int, meta: str, content: str) -> str:
    heading = (f"<h1>{escape(title)}</h1>", f'<div class="art-title">{escape(title)}</div>',
               f'<h2 class="title">{escape(title)}</h2>')[title_style]
    return f'{crumb}<div class="article">\n{heading}\n{meta}<div class="TRS_Editor">\n{content}</div>\n</div>\n'


def attachment_content(intro: str, href: str, name: str) -> str:
    intro_html = f"<p>{escape(intro)}</p>\n" if intro else ""
    return f'{intro_html}<p>附件：<a href="{escape(href)}">{escape(name)}</a></p>\n'


def prose(paragraphs: Sequence[str]) -> str:
    return "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)
