"""Markup of the Hanweb JCMS (大汉) family, in that CMS's habits: the 政府网站 meta tags (SiteName, ColumnName,
ArticleTitle, PubDate), list items that exist only as CDATA records of a ``<script type="text/xml">`` datastore
paged by the jpage script through ``/module/web/jpage/dataproxy.jsp``, detail pages with the 信息公开 metadata
table and the body in ``div#zoom``, tabbed blocks whose only link to a column is 更多, and footers with a
部门网站 list and a 县区网站 drop-down. Functions take plain values and return text; ``hanweb.py`` decides
what goes where.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from simsite.families.publishing import Item

PROXY = "/module/web/jpage/dataproxy.jsp"
JPAGE_JS = ("/* jpage: pages a datastore of records; later groups are asked from proxyUrl with "
            "startrecord, endrecord and perpage, the other parameters posted */\n"
            "(function($){$.fn.jpage=function(o){var s=o.dataStore;/* … */};})(jQuery);\n")
JQUERY_JS = "/*! jQuery v1.8.3 jquery.com | jquery.org/license */\n"


@dataclass
class Frame:
    """What every page of one JCMS site shows around its content."""

    site_name: str
    site_code: str                                              # 网站标识码
    home: str
    nav: tuple[tuple[str, str], ...] = ()                       # (href, text)
    footer: str = ""   # extra footer HTML (部门网站 list, 县区网站 drop-down)


def page(frame: Frame, title: str, body: str, column: str = "", article: tuple[str, str] | None = None) -> str:
    """A whole page; ``article`` is (title, publication date) of a detail page, for its meta tags."""
    metas = [f'<meta name="SiteName" content="{escape(frame.site_name)}">',
             f'<meta name="SiteIDCode" content="{frame.site_code}">']
    if column:
        metas.append(f'<meta name="ColumnName" content="{escape(column)}">')
    if article:
        metas += [f'<meta name="ArticleTitle" content="{escape(article[0])}">',
                  f'<meta name="PubDate" content="{article[1]}">']
    nav = "".join(f'<li><a href="{escape(href)}">{escape(text)}</a></li>' for href, text in frame.nav)
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n" + "\n".join(metas)
        + f"\n<title>{escape(title)}</title>\n"
        '<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>\n</head>\n<body>\n'
        f'<div class="header"><a class="logo" href="{escape(frame.home)}">{escape(frame.site_name)}</a>\n'
        '<form class="search" action="/jrobot/search.do" method="get"><input name="q" type="text">'
        '<input type="hidden" name="webid" value="1"><button type="submit">搜索</button></form></div>\n'
        f'<div class="nav"><ul>{nav}</ul></div>\n{body}'
        f'<div class="footer">{frame.footer}<p>主办：{escape(frame.site_name)}办公室　网站标识码：{frame.site_code}</p>'
        "</div>\n</body>\n</html>\n"
    )


def position(crumbs: Sequence[tuple[str, str]]) -> str:
    links = " &gt; ".join(f'<a href="{escape(href)}">{escape(text)}</a>' for href, text in crumbs)
    return f'<div class="bt-position">当前位置：{links}</div>\n'


def record(item: Item, cut: int) -> str:
    """One list item as the datastore holds it: long titles cut with …, the whole title in ``title``."""
    text = item.title if len(item.title) <= cut else item.title[:cut] + "…"
    return (f'<li><a href="{escape(item.href)}" title="{escape(item.title)}" target="_blank">{escape(text)}</a>'
            f"<span>{item.date}</span></li>")


def nextgroup(webid: int, column: int, unit: int, site_name: str) -> str:
    return (f"{PROXY}?page=1&appid=1&webid={webid}&path=/&columnid={column}&unitid={unit}"
            f"&webname={site_name}&permissiontype=0")


def datastore(records: Sequence[str], next_href: str) -> str:
    rows = "".join(f"<record><![CDATA[{r}]]></record>\n" for r in records)
    return (f'<datastore>\n<nextgroup><![CDATA[<a href="{escape(next_href)}"></a>]]></nextgroup>\n'
            f"<recordset>\n{rows}</recordset>\n</datastore>")


def column_page(crumbs: Sequence[tuple[str, str]], name: str, unit: int, store: str, per_page: int,
                total: int, webid: int, column: int) -> str:
    """A column: page 1's records inline in a text/xml script, the pager written by the jpage script."""
    return (
        f'{position(crumbs)}<div class="lm-list"><div class="lm-title">{escape(name)}</div>\n'
        f'<div id="{unit}"><script type="text/xml">\n{store}\n</script></div>\n'
        '<script language="javascript" src="/module/jslib/jquery/jpage/jquery.jpage.js"></script>\n'
        "<script>\n$(document).ready(function(){\n"
        f"  $('#{unit}').jpage({{\n    dataStore: dataStore,\n    perPage: {per_page},\n"
        f"    totalRecord: {total},\n    proxyUrl: '{PROXY}',\n    groupSize: 3,\n"
        f"    barPosition: 'bottom',\n    ajaxParam: {{'webid': {webid}, 'columnid': {column}, 'unitid': {unit}}}\n"
        "  });\n});\n</script>\n</div>\n"
    )


def proxy_answer(store: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{store}\n'


def tabs(blocks: Sequence[tuple[str, str, Sequence[Item]]]) -> str:
    """A tabbed block: headers switch panes by script; each pane's only link to its column is 更多."""
    heads = "".join(f'<span id="tab{n}" onmouseover="setTab({n}, {len(blocks)})"{_on(n)}>{escape(name)}</span>'
                    for n, (name, _, _) in enumerate(blocks))
    panes = []
    for n, (_, more, items) in enumerate(blocks):
        lis = "".join(record(i, 26) for i in items)
        style = "" if n == 0 else ' style="display:none"'
        panes.append(f'<div class="tab-pane" id="con{n}"{style}><ul>{lis}</ul>'
                     f'<a class="more" href="{escape(more)}" target="_blank">更多&gt;&gt;</a></div>')
    return f'<div class="tab-box"><div class="tab-hd">{heads}</div>\n' + "\n".join(panes) + "\n</div>\n"


def _on(n: int) -> str:
    return ' class="on"' if n == 0 else ""


def blocks(items: Sequence[tuple[str, str, Sequence[Item]]]) -> str:
    """Plain blocks of a home page: a heading, the latest items, 更多."""
    out = []
    for name, more, records in items:
        lis = "".join(record(r, 28) for r in records)
        out.append(f'<div class="block"><div class="hd"><span>{escape(name)}</span>'
                   f'<a class="more" href="{escape(more)}">更多</a></div><ul>{lis}</ul></div>\n')
    return "".join(out)


def link_list(heading: str, links: Sequence[tuple[str, str]], css: str) -> str:
    lis = "".join(f'<li><a href="{escape(href)}" target="_blank">{escape(text)}</a></li>' for href, text in links)
    return f'<div class="{css}"><div class="hd">{escape(heading)}</div><ul>{lis}</ul></div>\n'


def site_select(heading: str, options: Sequence[tuple[str, str]]) -> str:
    """A drop-down of sites opened by its onchange script (option values are absolute URLs)."""
    opts = "".join(f'<option value="{escape(url)}">{escape(text)}</option>' for url, text in options)
    return (f'<div class="select-link"><select onchange="if(this.value!=\'\'){{window.open(this.value);}}">'
            f'<option value="">{escape(heading)}</option>{opts}</select></div>\n')


def article(crumbs: Sequence[tuple[str, str]], title: str, meta: Sequence[tuple[str, str]], date_line: str,
            content: str, attachment: tuple[str, str] | None) -> str:
    """A detail page: the 信息公开 metadata table, the title, the body in div#zoom, the attachment line."""
    cells = [f'<td class="lab">{escape(k)}：</td><td>{escape(v)}</td>' for k, v in meta]
    rows = "".join(f"<tr>{''.join(cells[n:n + 2])}</tr>" for n in range(0, len(cells), 2))
    files = (f'<p class="fj">附件：<a href="{escape(attachment[0])}">{escape(attachment[1])}</a></p>\n'
             if attachment else "")
    return (f'{position(crumbs)}<div class="main-txt">\n<table class="xxgk-meta">{rows}</table>\n'
            f'<table width="100%"><tr><td class="title" align="center">{escape(title)}</td></tr>\n'
            f'<tr><td class="date" align="center">{escape(date_line)}　浏览次数：<script>document.write("128")</script>'
            f'</td></tr></table>\n<div id="zoom">\n{content}</div>\n{files}</div>\n')


def prose(paragraphs: Sequence[str]) -> str:
    return "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)


def calendar(heading: str, year: int, month: int, prev_href: str, next_href: str) -> str:
    """A month of the 政务日历: days as text, and 上一月/下一月 links that never run out."""
    days = "".join(f"<td>{d}</td>" + ("</tr><tr>" if d % 7 == 0 else "") for d in range(1, 29))
    return (f'<div class="calendar"><h2>{escape(heading)}</h2><div class="cal-hd">'
            f'<a href="{escape(prev_href)}">上一月</a> {year}年{month}月 <a href="{escape(next_href)}">下一月</a></div>'
            f"<table><tr>{days}</tr></table><p>本月暂无活动安排。</p></div>\n")


def search_results(keyword: str, records: Sequence[Item]) -> str:
    lis = "".join(record(r, 40) for r in records)
    return f'<div class="search"><p>“{escape(keyword)}”共找到{len(records)}条</p><ul>{lis}</ul></div>\n'


def mailbox(heading: str, action: str) -> str:
    """A letter form (互动交流): posts nowhere a crawler should go."""
    return (f'<div class="hlw"><h2>{escape(heading)}</h2><form method="post" action="{escape(action)}">'
            '<input name="title"><textarea name="content"></textarea><button type="submit">提交</button></form></div>\n')
