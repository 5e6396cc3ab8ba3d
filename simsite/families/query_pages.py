"""Markup of the query-string CMS family (the "网站群" / .NET site-group platforms): HTML5 pages laid out in
``<div>``s, lists of ``div.list-item`` with a title and a date, pagers of real ``list.aspx?cid=…&page=N`` links,
article bodies in ``div#UCAP-CONTENT``, sub-menus as link lists, a directory page of sub-sites, and county
sites listed only as data in a script that writes the links. Functions take plain values and return text;
``query.py`` decides what goes where.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from simsite.families.publishing import Item


@dataclass(frozen=True)
class Frame:
    """What every page of one site of the group shows around its content."""

    site_name: str
    home: str
    nav: tuple[tuple[str, str], ...]


def page(frame: Frame, title: str, body: str) -> str:
    nav = "".join(f'<a href="{escape(href)}">{escape(text)}</a>' for href, text in frame.nav)
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="keywords" content="{escape(frame.site_name)}">\n<title>{escape(title)}</title>\n'
        '<link rel="stylesheet" href="/static/css/main.css">\n</head>\n<body>\n'
        f'<header class="site-header"><div class="site-name"><a href="{escape(frame.home)}">'
        f"{escape(frame.site_name)}</a></div>\n"
        '<form class="search-form" action="/search.aspx" method="get"><input type="text" name="keyword" '
        'placeholder="请输入关键词"><button type="submit">搜索</button></form></header>\n'
        f'<nav class="main-nav">{nav}</nav>\n<main>\n{body}</main>\n'
        f'<footer class="site-footer"><div>{escape(frame.site_name)}　版权所有</div>'
        '<div><a href="/sitemap.aspx">网站地图</a>　<a href="/about.aspx">关于我们</a></div></footer>\n'
        "</body>\n</html>\n"
    )


def crumbs(links: Sequence[tuple[str, str]]) -> str:
    parts = " &gt; ".join(f'<a href="{escape(href)}">{escape(text)}</a>' for href, text in links)
    return f'<div class="crumbs">您的位置：{parts}</div>\n'


def list_page(path_links: Sequence[tuple[str, str]], name: str, items: Sequence[Item], pages: Sequence[tuple[str, str]],
              current: int, count: int) -> str:
    """A column page: ``div.list-item`` rows and a pager of links (``pages`` are (href, label) in order)."""
    rows = "".join(
        f'<div class="list-item"><div class="item-title"><a href="{escape(i.href)}" target="_blank">'
        f'{escape(i.title)}</a></div><div class="item-date">{i.date}</div></div>\n' for i in items)
    pager = " ".join(f'<span class="current">{label}</span>' if label == str(current)
                     else f'<a href="{escape(href)}">{label}</a>' for href, label in pages)
    return (f"{crumbs(path_links)}<div class=\"column\"><div class=\"column-name\">{escape(name)}</div>\n"
            f'<div class="list">\n{rows}</div>\n<div class="pagination">{pager}<span>共{count}页</span></div></div>\n')


def menu_page(path_links: Sequence[tuple[str, str]], heading: str, links: Sequence[tuple[str, str]],
              side: str = "") -> str:
    """A page whose content is a menu of links (a 信息公开 platform, a sub-menu, a directory)."""
    items = "".join(f'<div class="menu-item"><a href="{escape(href)}">{escape(text)}</a></div>\n'
                    for href, text in links)
    return (f'{crumbs(path_links)}<div class="menu-page"><div class="menu-heading">{escape(heading)}</div>\n'
            f'<div class="menu">\n{items}</div>\n{side}</div>\n')


def directory(path_links: Sequence[tuple[str, str]], heading: str, groups: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> str:
    """A directory page of sub-sites in groups (市政府部门, …)."""
    out = [crumbs(path_links), f'<div class="directory"><div class="menu-heading">{escape(heading)}</div>\n']
    for name, links in groups:
        cells = "".join(f'<div class="dir-cell"><a href="{escape(href)}" target="_blank">{escape(text)}</a></div>'
                        for href, text in links)
        out.append(f'<div class="dir-group"><div class="dir-name">{escape(name)}</div><div class="dir-cells">{cells}'
                   "</div></div>\n")
    return "".join(out) + "</div>\n"


def script_sites(heading: str, element: str, sites: Sequence[tuple[str, str]]) -> str:
    """Sites that exist only as data in a script: an empty list the script fills when the page runs."""
    data = json.dumps([{"name": name, "url": url} for name, url in sites], ensure_ascii=False)
    return (f'<div class="site-box"><div class="box-title">{escape(heading)}</div><ul id="{element}"></ul></div>\n'
            f'<script type="text/javascript">\nvar siteList = {data};\n'
            f'(function () {{ var ul = document.getElementById("{element}");\n'
            "  for (var i = 0; i < siteList.length; i++) {\n"
            "    ul.innerHTML += '<li><a href=\"' + siteList[i].url + '\" target=\"_blank\">' + siteList[i].name + "
            "'</a></li>'; } })();\n</script>\n")


def latest(heading: str, more: str, items: Sequence[Item]) -> str:
    rows = "".join(f'<li><a href="{escape(i.href)}">{escape(i.title)}</a><em>{i.date}</em></li>' for i in items)
    return (f'<section class="box"><div class="box-title">{escape(heading)}<a class="more" href="{escape(more)}">'
            f"更多</a></div><ul>{rows}</ul></section>\n")


def article(path_links: Sequence[tuple[str, str]], title: str, source: str, date: str, content: str,
            attachment: tuple[str, str] | None) -> str:
    files = (f'<div class="art-attach">相关附件：<a href="{escape(attachment[0])}">{escape(attachment[1])}</a></div>\n'
             if attachment else "")
    return (f'{crumbs(path_links)}<article class="article"><h2 class="art-title">{escape(title)}</h2>\n'
            f'<div class="art-info"><span>来源：{escape(source)}</span><span>发布时间：{date}</span>'
            '<span>【字体：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>】'
            f'</span></div>\n<div class="art-content" id="UCAP-CONTENT">\n{content}</div>\n{files}</article>\n')


def prose(paragraphs: Sequence[str]) -> str:
    return "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)


def day_browser(heading: str, day: str, before: str, after: str, items: Sequence[Item]) -> str:
    """News by day: 前一天/后一天 links that never run out."""
    rows = "".join(f'<li><a href="{escape(i.href)}">{escape(i.title)}</a></li>' for i in items)
    return (f'<div class="by-day"><div class="column-name">{escape(heading)}：{day}</div><ul>{rows}</ul>'
            f'<a href="{escape(before)}">前一天</a> <a href="{escape(after)}">后一天</a></div>\n')


def search_results(keyword: str, items: Sequence[Item]) -> str:
    rows = "".join(f'<div class="list-item"><a href="{escape(i.href)}">{escape(i.title)}</a> {i.date}</div>'
                   for i in items)
    return f'<div class="search-result"><p>关键词“{escape(keyword)}”共{len(items)}条</p>{rows}</div>\n'


def sitemap_index(urls: Sequence[str]) -> str:
    rows = "".join(f"<sitemap><loc>{escape(u)}</loc></sitemap>\n" for u in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</sitemapindex>\n')


def sitemap(entries: Sequence[tuple[str, str]]) -> str:
    """A urlset of (URL, last modification date)."""
    rows = "".join(f"<url><loc>{escape(u)}</loc><lastmod>{d}</lastmod></url>\n" for u, d in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n')
