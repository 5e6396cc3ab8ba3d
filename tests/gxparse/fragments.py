"""HTML article fragments: a report's body as a CMS saves an article, without <html> or <body>.

Each shape starts the way one family of content-management templates does (a title heading with an info
line, a bare paragraph, the disclosure index table, a date span, the CMS's comments, a byte-order mark or
blank lines before the first tag, a line of text before any markup), so the sniffer meets every first tag.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from simsite.render import render_report_body
from tests.gxparse.seeds import expected, report_dict

_INFO = '<div class="article-info"><span>发布时间：2022-01-20</span><span>来源：本网</span></div>\n'


def _zoom(body: str) -> str:
    return f'<div id="zoom" class="article-content TRS_Editor">\n{body}</div>\n'


def _index_table(agency: str) -> str:
    return ('<table class="xxgk-index"><tr><td>索引号：</td><td>000014349/2022-00012</td>'
            f'<td>发布机构：</td><td>{escape(agency)}</td></tr>'
            '<tr><td>发文日期：</td><td>2022-01-20</td><td>主题分类：</td><td>政务公开</td></tr></table>\n')


SHAPES: dict[str, Callable[[str, str, str], str]] = {
    "h1": lambda title, agency, body: f'<h1 class="article-title">{title}</h1>{_INFO}{_zoom(body)}',
    "div": lambda title, agency, body: f'<div class="article-title">{title}</div>\n{_INFO}{_zoom(body)}',
    "p": lambda title, agency, body: f'<p style="text-align:center"><strong>{title}</strong></p>\n{body}',
    "table": lambda title, agency, body: f'{_index_table(agency)}<h2>{title}</h2>\n{_zoom(body)}',
    "section": lambda title, agency, body: f'<section class="article"><h3>{title}</h3>\n{body}</section>\n',
    "span": lambda title, agency, body: f'<span class="date">2022-01-20</span><h1>{title}</h1>\n{_zoom(body)}',
    "comment": lambda title, agency, body: (f'<!--<TRS_AUTOADD_1642>-->\n<!-- 正文开始 -->\n'
                                            f'<div class="TRS_Editor"><p align="center">{title}</p>\n{body}</div>'),
    "bom": lambda title, agency, body: f'\ufeff\n  <div class="content"><h1>{title}</h1>\n{body}</div>',
    "whitespace": lambda title, agency, body: f'\r\n\r\n\t  <h1>{title}</h1>\n{_zoom(body)}',
    "text-first": lambda title, agency, body: f'{title}\n{_INFO}{_zoom(body)}',
}


def fragment(name: str, shape: str, **prose: object) -> bytes:
    """Seed ``name`` rendered into the fragment ``shape`` (UTF-8)."""
    report = report_dict(name, **prose)
    body = render_report_body(report, with_title=False)
    return SHAPES[shape](escape(report["title"]), expected(name)["agency"], body).encode()


def layout_page(name: str, **prose: object) -> str:
    """The report as an older government page lays it out: the whole page in a table (banner, navigation
    beside the article, footer), the report's title in <title> and a heading."""
    report = report_dict(name, **prose)
    title = escape(report["title"])
    agency = escape(expected(name)["agency"])
    return ('<!DOCTYPE html><html><head><meta charset="utf-8">'
            f'<title>{title}_{agency}</title></head><body>\n'
            '<table width="1000" align="center" border="0" cellspacing="0" cellpadding="0">\n'
            f'<tr><td colspan="2"><img src="banner.png" alt="{agency}门户网站"></td></tr>\n'
            '<tr><td width="200" valign="top"><ul><li>首页</li><li>政务公开</li><li>信息公开年报</li></ul></td>\n'
            f'<td valign="top"><h1>{title}</h1>\n{_INFO}{_zoom(render_report_body(report, with_title=False))}'
            '</td></tr>\n'
            f'<tr><td colspan="2">主办：{agency}办公室</td></tr>\n</table></body></html>\n')
