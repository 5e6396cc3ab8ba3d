"""The catalogs of 广东's 政府信息公开目录 platform (gkmlpt), shown at hash routes.

Every city, county and department of the province runs the same platform under its own host: its page
(``/gkmlpt/index``, the mobile ``/gkmlpt/mindex``) names the site's id in a script (``var SID = '7651'``,
``window.SID = "7651"``) and links each catalog as a route after ``#`` (``<a href="#2059">政府信息公开年报</a>``,
``/gkmlpt/index#2059``). The server never sees the route: the browser asks the catalog's list of the platform's
API, ``/gkmlpt/api/all/{catalog}?page=1&sid={sid}`` (a JSON answer whose ``articles`` are the items, its other
pages by its ``total``). So each catalog route of such a page is read as a link to that API, named as the route
is. At most ``MAX_CATALOGS`` routes are read per page.

A page linking no route draws its catalog menu from the platform's tree, ``/gkmlpt/api/tree?sid={sid}``
(``{"catalogs": [{"id": 2059, "name": "政府信息公开年报", "children": […]}]}``): such a page links that answer, and
each catalog of the answer, named and addressed by its ``id`` alone, is a link to its list (``tree_items``).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from crawler.pages.elementtext import leading_text
from crawler.pages.links import MAX_LINK_TEXT_CHARS, Link, link_label
from crawler.scripted.scriptapis import ItemUrl

MAX_CATALOGS = 300
_SID = re.compile(r"""\bSID\b["']?\s*[:=]\s*["']?(\d{1,12})\b""", re.IGNORECASE)
_PLATFORM_PATH = re.compile(r"/gkmlpt/m?index$")
_ROUTE = re.compile(r"^#/?(\d{1,12})$")
_TREE_PATH = re.compile(r"/gkmlpt/api/tree$")
_TREE_SID = re.compile(r"(?:^|&)sid=(\d{1,12})(?:&|$)")
TREE_NAME = "政府信息公开目录"


def platform_sid(html_root, page_url: str) -> str | None:
    """The site id a gkmlpt page's inline script names; None for any other page."""
    if not _PLATFORM_PATH.search(urlsplit(page_url).path):
        return None
    for script in html_root.iterfind(".//script"):
        if not script.get("src") and (found := _SID.search(script.text or "")):
            return found.group(1)
    return None


def catalog_links(html_root, page_url: str, sid: str) -> list[Link]:
    """The list API of each catalog the gkmlpt page at ``page_url`` links as a hash route, named by the route's
    text (its ``title`` when the text is cut short)."""
    page = urlsplit(page_url)
    platform = page.path[:page.path.rindex("/gkmlpt/")] + "/gkmlpt/"
    links: list[Link] = []
    for anchor in html_root.iterfind(".//a[@href]"):
        href = anchor.get("href").strip()
        if not href.startswith("#"):
            target = urlsplit(urljoin(page_url, href))
            if (target.netloc, target.path) != (page.netloc, page.path) or not target.fragment:
                continue
            href = "#" + target.fragment
        if route := _ROUTE.match(href):
            api = urljoin(page_url, f"{platform}api/all/{route.group(1)}?page=1&sid={sid}")
            text = link_label(" ".join(leading_text(anchor, MAX_LINK_TEXT_CHARS).split()), anchor.get("title"))
            links.append(Link(api, text, "", "script"))
            if len(links) >= MAX_CATALOGS:
                break
    return links or [Link(urljoin(page_url, f"{platform}api/tree?sid={sid}"), TREE_NAME, "", "script")]


def tree_items(answer_url: str) -> tuple[ItemUrl, ...]:
    """The address of each catalog a gkmlpt tree answer (``…/gkmlpt/api/tree?sid=7651``) names by its ``id``: its
    list, ``…/gkmlpt/api/all/{id}?page=1&sid=7651``; none for any other answer."""
    address = urlsplit(answer_url)
    if not _TREE_PATH.search(address.path) or not (sid := _TREE_SID.search(address.query)):
        return ()
    api = urljoin(answer_url, address.path[:address.path.rindex("/tree")] + "/all/")
    return (ItemUrl(api, "id", f"?page=1&sid={sid.group(1)}"),)
