"""A pager a site's script draws from a bare count, its links named as the site's other list pages name theirs.

A site's list pages may share one pager script (``page.js``) drawing the links from ``<div id="page"
data-total="3">`` by means the crawler cannot read (a minified library, a function of state the page does not
hold), while other list pages of the same site, their pagers written by the server, show the habit: ``index.html``
then ``index_1.html``, ``index_2.html`` (TRS), or ``list.html`` then ``list_2.html``. The habit is learned from a
list page whose pager links name numbered files of its own file's stem in its own folder (``learned_habit``) and
given to a page of the same host whose pager holds its count only and whose scripts drew nothing: its later pages
named the same way after its own file (``habit_pages``). A count past ``MAX_HABIT_PAGES`` is not believed (a
``data-total`` may count records).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

MAX_HABIT_PAGES = 50
# A pager's count kept for the site's page.js to draw its links from (<div id="page" data-total="9">)
PAGER_COUNT = re.compile(r"^data-(?:total(?:-?pages?)?|pages|page-?count|count)$", re.IGNORECASE)
_FILE = re.compile(r"^(?P<stem>[a-z]+)(?:(?P<sep>[_-])(?P<n>\d{1,4}))?\.(?P<ext>s?html?|jsp|php|aspx?)$", re.IGNORECASE)
_MAX_COUNTED = 200   # elements of a page looked at for a pager's count


@dataclass(frozen=True)
class PagerHabit:
    """How a site names a list's later pages after its first page's file: ``index.html``, ``index_1.html`` …"""

    stem: str        # the first page's file's stem, for a list entered at its folder
    ext: str
    separator: str   # between the stem and the number
    second: int      # the number page 2's file carries (index_1.html: 1; list_2.html: 2)


def learned_habit(page_url: str, pager_urls: Iterable[str]) -> PagerHabit | None:
    """The habit a list page's pager links show: numbered files of its own file's stem in its own folder, the
    lowest number page 2's (1 or 2); None when they show none."""
    folder, own = _folder_file(page_url)
    mine = _FILE.match(own or "")
    if mine is None or mine["n"]:
        return None
    numbered = [theirs for url in pager_urls if _folder_file(url)[0] == folder
                and (theirs := _FILE.match(_folder_file(url)[1] or "")) and theirs["n"]
                and theirs["stem"] == mine["stem"] and theirs["ext"] == mine["ext"]]
    if not numbered:
        return None
    second = min(int(match["n"]) for match in numbered)
    return PagerHabit(mine["stem"], mine["ext"], numbered[0]["sep"], second) if second in (1, 2) else None


def habit_pages(page_url: str, count: int, habit: PagerHabit) -> list[str]:
    """The later pages of a list of ``count`` pages, named by ``habit`` after the page's own file (or the habit's
    first file, for a list entered at its folder); none past ``MAX_HABIT_PAGES``."""
    folder, own = _folder_file(page_url)
    mine = _FILE.match(own) if own else None
    if not 1 < count <= MAX_HABIT_PAGES or (own and (mine is None or mine["n"])):
        return []
    stem, ext = (mine["stem"], mine["ext"]) if mine else (habit.stem, habit.ext)
    return [urljoin(page_url, f"{stem}{habit.separator}{habit.second + k}.{ext}") for k in range(count - 1)]


def pager_count(root) -> int | None:
    """The count a pager element named by its id keeps for a script to draw (``<div id="page" data-total="3">``)."""
    for element in root.xpath("//*[@id][@*[starts-with(name(), 'data-')]]")[:_MAX_COUNTED]:
        for name, value in element.attrib.items():
            if PAGER_COUNT.match(name) and value.strip().isdigit():
                return int(value)
    return None


def _folder_file(url: str) -> tuple[str, str]:
    path = urlsplit(url).path
    return path.rsplit("/", 1)[0], path.rsplit("/", 1)[-1]
