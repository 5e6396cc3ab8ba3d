"""Markup of the TRS WCM family, in that CMS's habits: XHTML-transitional templates, links relative to the
page (``./``, ``../``) as static publishing writes them, list pagers that exist only as a
``createPageHTML(count, current, "index", "html")`` script, article bodies in ``div.TRS_Editor`` and
attachments linked with ``OLDSRC``. Functions take plain values and return HTML; ``trs.py`` decides what
goes where.
"""

from __future__ import annotations

import posixpath
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from simsite.families.publishing import Item

DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
           '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')

# The pager script every TRS site ships in its common.js: it writes 首页/上一页/下一页/尾页 links to
# index.html, index_1.html, … (current is 0-based).
COMMON_JS = """function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {
  if (_nPageCount == null || _nPageCount <= 1) { return; }
  var nCurrIndex = _nCurrIndex || 0;
  var link = function (n) { return n == 0 ? _sPageName + "." + _sPageExt : _sPageName + "_" + n + "." + _sPageExt; };
  document.write("<a href=\\"" + link(0) + "\\">首页</a> ");
  if (nCurrIndex > 0) { document.write("<a href=\\"" + link(nCurrIndex - 1) + "\\">上一页</a> "); }
  if (nCurrIndex < _nPageCount - 1) { document.write("<a href=\\"" + link(nCurrIndex + 1) + "\\">下一页</a> "); }
  document.write("<a href=\\"" + link(_nPageCount - 1) + "\\">尾页</a> 共" + _nPageCount + "页");
}
"""
STYLE_CSS = "body{font:14px/1.8 SimSun}.list li span{float:right}.TRS_Editor p{text-indent:2em}\n"


@dataclass(frozen=True)
class Frame:
    """What every page of one TRS site shows around its content."""

    site_name: str
    home: str                         # path of the site's home page
    nav: tuple[tuple[str, str], ...]  # (path, text) of the top navigation
    footer: str                       # who runs the site
    search: bool = True


def rel(page: str, target: str) -> str:
    """``target`` as TRS links it from ``page``: relative, ``./`` or ``../`` first, folders with their slash."""
    rel_path = posixpath.relpath(target, posixpath.dirname(page))
    if target.endswith("/") and rel_path != ".":
        rel_path += "/"
    if rel_path == ".":
        return "./"
    return rel_path if rel_path.startswith("..") else f"./{rel_path}"


def page(frame: Frame, path: str, title: str, body: str, charset: str | None) -> str:
    """A whole page; ``charset=None`` declares no encoding at all."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n' if charset else ""
    nav = "".join(f'<li><a href="{escape(rel(path, href))}">{escape(text)}</a></li>' for href, text in frame.nav)
    search = ('<form name="searchform" action="/was5/web/search" method="get" target="_blank">'
              '<input type="text" name="searchword" value="请输入关键字" />'
              '<input type="hidden" name="channelid" value="200101" /><input type="submit" value="搜索" /></form>\n'
              if frame.search else "")
    return (
        f"{DOCTYPE}\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n{meta}<title>{escape(title)}</title>\n"
        f'<link href="{rel(path, "/images/style.css")}" rel="stylesheet" type="text/css" />\n'
        f'<script type="text/javascript" src="{rel(path, "/images/common.js")}"></script>\n</head>\n<body>\n'
        f'<div class="header"><div class="logo"><a href="{escape(rel(path, frame.home))}">'
        f"{escape(frame.site_name)}</a></div>\n{search}</div>\n"
        f'<div class="nav"><ul>{nav}</ul></div>\n{body}'
        f'<div class="footer"><p><a href="{rel(path, "/wzdt/")}">网站地图</a> | <a href="{rel(path, "/lxwm/")}">联系我们</a>'
        f"</p><p>{escape(frame.footer)}</p></div>\n</body>\n</html>\n"
    )


def position(path: str, crumbs: Sequence[tuple[str, str]]) -> str:
    links = " &gt; ".join(f'<a href="{escape(rel(path, href))}">{escape(text)}</a>' for href, text in crumbs)
    return f'<div class="position">当前位置：{links}</div>\n'


def item_link(path: str, item: Item, cut: int) -> str:
    """A list link: titles longer than ``cut`` are cut with "..." and kept whole in ``title``."""
    if len(item.title) > cut:
        return (f'<a href="{escape(rel(path, item.href))}" target="_blank" title="{escape(item.title)}">'
                f"{escape(item.title[:cut])}...</a>")
    return f'<a href="{escape(rel(path, item.href))}" target="_blank">{escape(item.title)}</a>'


def pager(count: int, current: int, with_variables: bool) -> str:
    """The pager: nothing but the script call (``current`` is 0-based)."""
    if with_variables:
        call = (f"var currentPage = {current};//所在页从0开始\nvar countPage = {count}//共多少页数\n"
                'createPageHTML(countPage, currentPage, "index", "html");')
    else:
        call = f'createPageHTML({count}, {current}, "index", "html");'
    return f'<div class="page"><script type="text/javascript">\n{call}\n</script></div>\n'


def list_page(path: str, crumbs: Sequence[tuple[str, str]], name: str, items: Sequence[Item], cut: int,
              table: bool, count: int, current: int, with_variables: bool) -> str:
    """A column's list page, as a <ul> with dates in <span>, or as a table of title and date cells."""
    if table:
        rows = "".join(f'<tr><td class="bt">{item_link(path, i, cut)}</td><td class="sj">[{i.date}]</td></tr>\n'
                       for i in items)
        listing = f'<table class="list-table" width="100%" cellspacing="0" cellpadding="0">\n{rows}</table>\n'
    else:
        lis = "".join(f"<li>{item_link(path, i, cut)}<span>{i.date}</span></li>\n" for i in items)
        listing = f'<ul class="list">\n{lis}</ul>\n'
    return (f"{position(path, crumbs)}<div class=\"list-main\"><div class=\"list-title\">{escape(name)}</div>\n"
            f"{listing}{pager(count, current, with_variables)}</div>\n")


def tree(path: str, title: str, branches: Sequence[tuple[str, str | Sequence[tuple[str, str]]]]) -> str:
    """The left navigation tree of a 政府信息公开 platform; a branch with children opens a sub-menu."""
    lis = []
    for text, target in branches:
        if isinstance(target, str):
            lis.append(f'<li><a href="{escape(rel(path, target))}">{escape(text)}</a></li>')
        else:
            subs = "".join(f'<li><a href="{escape(rel(path, href))}">{escape(sub)}</a></li>' for href, sub in target)
            lis.append(f'<li class="has-sub"><a href="javascript:void(0)">{escape(text)}</a><ul>{subs}</ul></li>')
    return (f'<div class="xxgk-left"><div class="lm-title">{escape(title)}</div>\n<ul class="tree">\n'
            + "\n".join(lis) + "\n</ul></div>\n")


def box(path: str, heading: str, links: Sequence[tuple[str, str]], css: str = "box") -> str:
    """A block of the right-hand side: a heading and plain links (agency names, latest documents)."""
    lis = "".join(f'<li><a href="{escape(href if href.startswith("http") else rel(path, href))}" target="_blank">'
                  f"{escape(text)}</a></li>" for href, text in links)
    return f'<div class="{css}"><div class="hd"><span>{escape(heading)}</span></div><ul>{lis}</ul></div>\n'


def platform(path: str, left: str, boxes: Sequence[str]) -> str:
    return f'<div class="xxgk-main">\n{left}<div class="xxgk-right">\n{"".join(boxes)}</div>\n</div>\n'


def article(path: str, crumbs: Sequence[tuple[str, str]], title: str, meta: str, content: str,
            attachment: tuple[str, str] | None) -> str:
    """A detail page; ``attachment`` is (href, file name) of the 附件 line."""
    files = ""
    if attachment:
        href, name = attachment
        files = (f'<div class="article-fj"><p>附件：<a href="{escape(rel(path, href))}" '
                 f'OLDSRC="/protect{escape(href[href.rfind("/"):])}" OLDID="{zlib.crc32(name.encode()) % 10 ** 7}">'
                 f"{escape(name)}</a></p></div>\n")
    return (f"{position(path, crumbs)}<div class=\"article\">\n<h1 class=\"article-title\">{escape(title)}</h1>\n"
            f'<div class="article-info">{escape(meta)}　<span>字号：[ <a href="javascript:doZoom(16)">大</a> '
            '<a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a> ]</span></div>\n'
            f'<div class="article-con"><div class="TRS_Editor"><div class="Custom_UnionStyle">\n{content}'
            f"</div></div></div>\n{files}</div>\n")


def prose(paragraphs: Sequence[str]) -> str:
    return "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)


def hub(path: str, crumbs: Sequence[tuple[str, str]], blocks: Sequence[tuple[str, str, Sequence[Item]]]) -> str:
    """A hub page of several columns: each block a heading with 更多 and its latest items."""
    out = [position(path, crumbs)] if crumbs else []
    for name, folder, items in blocks:
        lis = "".join(f"<li>{item_link(path, i, 30)}<span>{i.date}</span></li>" for i in items)
        out.append(f'<div class="block"><div class="hd"><span>{escape(name)}</span>'
                   f'<a class="more" href="{escape(rel(path, folder))}">更多&gt;&gt;</a></div><ul>{lis}</ul></div>\n')
    return "".join(out)


def links_page(path: str, crumbs: Sequence[tuple[str, str]], heading: str, links: Sequence[tuple[str, str]]) -> str:
    lis = "".join(f'<li><a href="{escape(rel(path, href))}">{escape(text)}</a></li>' for href, text in links)
    return f'{position(path, crumbs)}<div class="main"><h2>{escape(heading)}</h2><ul>{lis}</ul></div>\n'


def banner(path: str, target: str, alt: str) -> str:
    return (f'<div class="banner"><a href="{escape(rel(path, target))}"><img src="{rel(path, "/images/banner.jpg")}"'
            f' alt="{escape(alt)}" /></a></div>\n')


def search_results(keyword: str, items: Sequence[Item]) -> str:
    lis = "".join(f'<li><a href="{escape(i.href)}">{escape(i.title)}</a> {i.date}</li>' for i in items)
    return f'<div class="search"><p>检索词：{escape(keyword)}，共{len(items)}条结果</p><ul>{lis}</ul></div>\n'
