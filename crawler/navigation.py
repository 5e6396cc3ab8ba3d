"""Where a link on a government site leads, judged from its text, and the pages of a paginated list.

Municipal sites name their navigation the same few ways: a 政府信息公开 platform, a 年报 column on it, 部门 and
区县 directories listing sub-sites, and list pagers (下一页, ``?page=N``, or TRS's ``createPageHTML`` script
that is the only trace of the page count). Sites that say it differently add patterns in their config rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum
from urllib.parse import urljoin

from gxparse.normalize import squash


class Role(Enum):
    PLATFORM = "platform"    # the 政府信息公开 platform of a site
    COLUMN = "column"        # the 年报 column: a list of reports
    DIRECTORY = "directory"  # a list of department or county sub-sites
    SUBSITE = "subsite"      # a department or county (only on a directory page)
    PAGER = "pager"          # another page of the same list
    OTHER = "other"


_PLATFORM = re.compile(r"^(?:政府)?(?:信息公开|政务公开)(?:平台|专栏|目录|网)?$")
_COLUMN = re.compile(r"^(?:政府)?(?:信息公开|政务公开)?(?:工作)?(?:年度报告|年报)(?:专栏|栏目)?(?:\(.*\))?$")
_DIRECTORY = re.compile(r"^(?:市直)?(?:部门|单位|区县|县区|县市区|县\(市、?区\)|乡镇|镇街|街道|乡镇\(街道\))"
                        r"(?:政府)?(?:信息公开|政务公开|网站|网站群)?(?:目录|平台)?$")
_SUBSITE = re.compile(r"(?:局|委员会|委|办公室|办|院|中心|厅|署|县|区|市|镇|乡|街道|人民政府|管委会|管理委员会)$")
_PAGER_TEXT = re.compile(r"^(?:下一页|下页|尾页|末页|上一页|上页|\d{1,4}|>|>>|»)$")
_PAGER_HREF = re.compile(r"[?&](?:page|pageNum|pageNo|curPage|p)=\d+|/index_\d+\.s?html?$")
_CREATE_PAGE = re.compile(
    r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([\w-]+)['\"]\s*,\s*['\"](\w+)['\"]")


def link_role(text: str, href: str, on_directory: bool = False,
              extra: dict[Role, Iterable[str]] | None = None) -> Role:
    """The role of a link from its text (and, for pagers, its href); ``extra`` adds per-site patterns."""
    label = squash(text)
    for role, patterns in (extra or {}).items():
        if any(re.search(p, label) for p in patterns):
            return role
    if _PAGER_TEXT.match(label) or (not label and _PAGER_HREF.search(href)):
        return Role.PAGER
    if _COLUMN.match(label):
        return Role.COLUMN
    if _PLATFORM.match(label):
        return Role.PLATFORM
    if _DIRECTORY.match(label):
        return Role.DIRECTORY
    if on_directory and len(label) <= 24 and _SUBSITE.search(label):
        return Role.SUBSITE
    return Role.OTHER


def create_page_urls(html: str, page_url: str) -> list[str]:
    """Every page a TRS ``createPageHTML(count, current, "index", "html")`` call stands for.

    Page 0 is ``index.html``; page k is ``index_k.html``, in the folder of the current page.
    """
    match = _CREATE_PAGE.search(html)
    if not match:
        return []
    count, prefix, suffix = int(match.group(1)), match.group(3), match.group(4)
    names = [f"{prefix}.{suffix}"] + [f"{prefix}_{k}.{suffix}" for k in range(1, count)]
    return [urljoin(page_url, name) for name in names]


def link_label(text: str, title: str | None) -> str:
    """The text to judge a link by: its title attribute when that holds the full text the list cut short."""
    text = " ".join(text.split())
    title = " ".join((title or "").split())
    if not title:
        return text
    stem = re.sub(r"(?:\.{2,}|…+)$", "", text)
    if not text or title.startswith(stem):
        return title
    return text
