"""A reference walker for simsite's own tests: breadth-first from a family's portal over real HTTP, obeying
each host's robots.txt, following links as the families publish them.

It knows every family's own link encodings, which a crawler must work out for itself: ``<a href>``,
``<option value>`` of drop-down site lists, TRS ``createPageHTML`` pagers, Hanweb datastore records and
their data-proxy pages, URLs that exist only as strings in a script. That knowledge is the site's, so
it is fair here; it proves the site is whole, not that a crawler can read it.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx
import lxml.etree
import lxml.html

Extractor = Callable[[str, str], Iterable[str]]  # (page URL, text) -> URLs, relative or absolute

CREATE_PAGE = re.compile(r"createPageHTML\(\s*(\w+)\s*,\s*(\w+)\s*,\s*\"(\w+)\"\s*,\s*\"(\w+)\"\s*\)")
RECORD = re.compile(r"<record><!\[CDATA\[(.*?)\]\]></record>", re.S)
NEXTGROUP = re.compile(r"<nextgroup><!\[CDATA\[(.*?)\]\]></nextgroup>", re.S)
JPAGE = re.compile(r"jpage\(\{(.*?)\}\)", re.S)
SCRIPT_URL = re.compile(r"""["'](https?://[^"'\s]+|/[^"'\s<>]*)["']""")
SCRIPT = re.compile(r"<script[^>]*>(.*?)</script>", re.S | re.I)


def html_links(url: str, text: str) -> Iterable[str]:
    """Links a browser follows without running scripts: a@href, iframe@src, and option@value of site lists."""
    try:
        root = lxml.html.fromstring(text)
    except (ValueError, lxml.etree.ParserError):
        return []
    out = [a.get("href") for a in root.iter("a") if a.get("href")]
    out += [f.get("src") for f in root.iter("iframe", "frame") if f.get("src")]
    out += [o.get("value") for o in root.iter("option") if (o.get("value") or "").startswith(("http", "/"))]
    return [h for h in out if not h.startswith(("javascript:", "mailto:", "#"))]


def trs_pagers(url: str, text: str) -> Iterable[str]:
    """createPageHTML(count, current, "index", "html"): pages index.html, index_1.html, …; the numbers may be
    literal or passed through ``var countPage = …`` variables."""
    out = []
    for count, _, name, ext in CREATE_PAGE.findall(text):
        if not count.isdigit():
            count = re.search(rf"var\s+{count}\s*=\s*(\d+)", text).group(1)
        out += [f"{name}.{ext}" if n == 0 else f"{name}_{n}.{ext}" for n in range(int(count))]
    return out


def hanweb_datastore(url: str, text: str) -> Iterable[str]:
    """Hanweb list items live in <record> CDATA; later pages come from the data proxy named in <nextgroup>,
    asked for record ranges of the total the jpage script states."""
    out = []
    for record in RECORD.findall(text):
        out += html_links(url, record)
    for config in JPAGE.findall(text):
        settings = dict(re.findall(r"(\w+)\s*:\s*'?([^,'\n]*)'?", config))
        total, per_page = int(settings["totalRecord"]), int(settings["perPage"])
        proxy = next(iter(html_links(url, NEXTGROUP.search(text).group(1))))
        out += [f"{proxy}&startrecord={start}&endrecord={min(start + per_page - 1, total)}&perpage={per_page}"
                for start in range(per_page + 1, total + 1, per_page)]
    return out


def script_strings(url: str, text: str) -> Iterable[str]:
    """URLs that appear only as string literals in a script (site lists written by document.write)."""
    return [u for script in SCRIPT.findall(text) for u in SCRIPT_URL.findall(script)
            if u.endswith(("/", ".html", ".htm", ".shtml", ".aspx"))]


EXTRACTORS: tuple[Extractor, ...] = (html_links, trs_pagers, hanweb_datastore, script_strings)


@dataclass
class Walk:
    pages: dict[str, httpx.Response] = field(default_factory=dict)   # final URL -> response
    requested: dict[str, str] = field(default_factory=dict)          # every URL asked -> final URL
    found_on: dict[str, str] = field(default_factory=dict)           # URL -> the page that linked it
    disallowed: set[str] = field(default_factory=set)
    exhausted: bool = False                                          # stopped by the page limit


def walk(client: httpx.Client, start: str, hosts: Iterable[str], limit: int,
         extractors: tuple[Extractor, ...] = EXTRACTORS) -> Walk:
    """Every URL reachable from ``start`` on the site's ``hosts`` (base URLs), at most ``limit`` fetches."""
    own = {urlsplit(h).netloc for h in hosts}
    robots: dict[str, RobotFileParser] = {}
    result, queue, seen = Walk(), deque([start]), {start}
    while queue:
        if len(result.requested) >= limit:
            result.exhausted = True
            break
        url = queue.popleft()
        if not _allowed(client, robots, url):
            result.disallowed.add(url)
            continue
        response = client.get(url, follow_redirects=True)
        final = str(response.url)
        result.requested[url] = final
        if response.status_code != 200 or final in result.pages:
            continue
        result.pages[final] = response
        if not response.headers.get("content-type", "").startswith(("text/html", "text/xml")):
            continue
        text = response.text
        for extract in extractors:
            for link in extract(final, text):
                target = urldefrag(urljoin(final, link.strip())).url
                if urlsplit(target).netloc in own and target not in seen:
                    seen.add(target)
                    result.found_on[target] = final
                    queue.append(target)
    return result


def _allowed(client: httpx.Client, robots: dict[str, RobotFileParser], url: str) -> bool:
    netloc = urlsplit(url).netloc
    if netloc not in robots:
        parser = RobotFileParser()
        parser.parse(client.get(f"http://{netloc}/robots.txt").text.splitlines())
        robots[netloc] = parser
    return robots[netloc].can_fetch("*", url)


def sitemap_locations(client: httpx.Client, url: str) -> list[str]:
    """Every page URL of a sitemap, following a sitemap index into its sitemaps."""
    response = client.get(url)
    assert response.status_code == 200 and "xml" in response.headers["content-type"], url
    root = lxml.etree.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    nested = root.xpath("/s:sitemapindex/s:sitemap/s:loc/text()", namespaces=ns)
    if nested:
        return [loc for child in nested for loc in sitemap_locations(client, child)]
    return root.xpath("/s:urlset/s:url/s:loc/text()", namespaces=ns)
