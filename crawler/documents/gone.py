"""Pages that say a document is gone while answering 200 ("soft 404").

Many CMSs answer a deleted article's address with 200 and a page of the site saying so (对不起，您访问的页面不
存在 / 该信息已删除 / 信息已撤销), or send it on to the home page. Archived as the report's next version, such a
page would read as a report whose every figure was removed, and officers would be told of a quiet revision
where the report was withdrawn. So a document request answered so is an absence, as a 404 is.

Positive evidence only: the page's title says so, or its shown text is short (an error page in the site's
frame, not an article that happens to use the words), opens no report section, and says so; or a document's address was sent on to the
site's home page or an error page.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from crawler.documents.pictures import opens_report_text
from crawler.pages.elementtext import leading_text, shown_characters

# What error pages of Chinese CMSs (and web servers) say.
GONE_PHRASES = (
    "页面不存在", "网页不存在", "页面未找到", "找不到页面", "找不到您要访问的页面", "您访问的页面不存在",
    "您所访问的页面不存在", "信息不存在", "文章不存在", "内容不存在", "稿件不存在", "文档不存在", "记录不存在",
    "信息已删除", "该信息已删除", "已被删除", "信息已撤销", "已撤销", "信息已撤回", "信息已下线", "已下线",
    "信息已过期", "页面已过期", "404 Not Found", "Page Not Found", "页面出错",
)
MAX_SHOWN_CHARS = 1500          # an error page in the site's frame shows little; a report far more
MAX_TITLE_READ = 1000           # characters of a title read for its phrase: an error page's title is a few words
_HOME_PATH = re.compile(r"^/(?:(?:index|default|main)\.(?:s?html?|jsp|php|aspx?))?$", re.IGNORECASE)
_ERROR_PATH = re.compile(r"(?:^|/)(?:404|error|notfound|not_found|nofound)(?:\.\w+)?/?$", re.IGNORECASE)


def gone_reason(root, requested_url: str, final_url: str) -> str | None:
    """Why a 200 answer (``root``: its parsed HTML) to a document request is the document's absence, or None."""
    if final_url != requested_url and _sent_away(requested_url, final_url):
        return f"转到{'首页' if _HOME_PATH.match(urlsplit(final_url).path) else '错误页面'}：{final_url}"
    title = " ".join("".join(leading_text(node, MAX_TITLE_READ) for node in root.xpath("//title")).split())
    if phrase := _phrase(title):
        return f"页面显示：{phrase}"
    body = root.find("body")
    # read past MAX_SHOWN_CHARS by one character only: a longer page is no error page, however long
    shown = shown_characters(body, MAX_SHOWN_CHARS + 1) if body is not None else ""
    # a report says 信息不存在 too (a row of table 三 in older templates), and may be short
    if len(shown) <= MAX_SHOWN_CHARS and not opens_report_text(shown) and (phrase := _phrase(shown)):
        return f"页面显示：{phrase}"
    return None



def _sent_away(requested_url: str, final_url: str) -> bool:
    """A document's address answered by the site's home page or an error page (not by its own new address)."""
    requested, final = urlsplit(requested_url).path, urlsplit(final_url).path
    return requested != final and bool(_HOME_PATH.match(final) or _ERROR_PATH.search(final))


def _phrase(text: str) -> str | None:
    squashed = text.replace(" ", "").lower()
    return next((p for p in GONE_PHRASES if p.replace(" ", "").lower() in squashed), None)
