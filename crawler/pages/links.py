"""Every link a page offers, with what a person would read around it.

Links come from ``<a href>`` and ``<area href>``; ``<iframe>``/``<frame>`` sources (old platforms frame their
column lists); ``<option value>`` of drop-down lists (sites put their sub-sites in a ``<select>`` "部门网站");
the years of a GET form's year drop-down (a column shown a year at a time); URL strings in inline scripts and
``onclick``/``onchange`` handlers and ``javascript:`` hrefs (a button's ``location.href='?page=2'``, named by its
``value``; ``href="javascript:openWin('/art/345.html', 800, 600)"``); addresses in
``data-`` attributes that the page's script opens (``data-url``: ``crawler.pages.datalinks``); fragments jQuery
loads into the page (``.load('list.html #content')``, read as frames) and HTML templates kept in scripts
(``<script type="text/template">``: ``crawler.pages.fragments``); the JSON
literals of scripts (column trees of platforms drawn in the browser, ``crawler.scripted.jsonlinks``); and the HTML
records that Hanweb/JCMS list pages keep inside ``<script type="text/xml"><datastore>`` (page 1 inline, later pages from
the data proxy). Relative URLs are resolved against the page's ``<base href>`` when it has one; a link through the
site's exit page (``/link.jsp?url=…``) leads to the address it sends the browser on to (``crawler.pages.exits``).
Each link carries:

- ``text``: its text, or the ``title=`` attribute when the text was cut short, or an image's ``alt``; a
  "下载"/"查看" link is read by the text of its list item (the title sits in the cell beside it);
- ``heading``: the heading of the block it sits in (部门信息公开, 县区信息公开, 政府信息公开年报 …);
- ``block_agencies``: how many links of its block name an agency, when they are at least half of them (a
  list of sub-sites; 0 in a block of other links);
- ``date``: the date printed beside it in a list.

Walks lxml elements directly: a parsel Selector per node costs more than the rest of the crawl.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property
from datetime import datetime
from urllib.parse import urlencode, urljoin, urlsplit

import lxml.html
from lxml.etree import ParserError

from crawler.documents.content import ATTACHMENT_EXTENSIONS, RESOURCE_HREF
from crawler.hosts.volatile import stable_url
from crawler.pages.datalinks import data_addresses
from crawler.pages.elementtext import LeadingText, leading_text
from crawler.pages.exits import exit_target
from crawler.pages.fragments import PLACEHOLDER, is_template, loaded_urls, template_fragments
from crawler.pages.scriptcalls import Template, called_url, url_templates
from crawler.pages.tables import cell_label, row_title
from crawler.scripted.jsonlinks import Branch, JsonLink, data_links, json_answer_links, script_json_links
from crawler.scripted.scriptapis import ItemUrl, api_calls, posted_urls
from crawler.scripted.xmlanswers import xml_answer_data
from crawler.steering.frontier import is_agency_name, is_department_short_name, is_year_only, names_agency_short
from gxparse.normalize import squash

SKIPPED_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")
_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_CUT = re.compile(r"(?:\.{2,}|…+)$")
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "caption", "legend", "th"}
_SMALL_TAGS = {"span", "strong", "b", "em", "font", "label", "p", "div", "li", "td", "ul"}
# Class or id words of a block's heading (box-hd, left-title, bt-lm-title, tab-menu; not a page's "header").
_HEADING_CLASS = re.compile(r"(?:^|[\s_-])(?:hd|title|tit|head|heading|bt|lm|lanmu|caption|tab|name)(?:$|[\s_-])",
                            re.IGNORECASE)
_HEADING_NOISE = re.compile(r"更多|more|>>|》|»|\+", re.IGNORECASE)
_ELEMENT_ID = re.compile(r"getElementById\(\s*[\"']([\w-]+)[\"']\s*\)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ITEM_TAGS = {"li", "tr", "dd", "p", "div", "td"}
MAX_HEADING_CHARS = 30
# Characters of an element's text read, the rest left unread: a page may hold a link, an option or a heading of
# 10⁷ characters (joined and split whole: seconds and hundreds of MB for a few words).
MAX_LINK_TEXT_CHARS = 1000   # a link's or an option's: a report's title is a few dozen
MAX_HEADING_READ = 200       # a heading's: longer than MAX_HEADING_CHARS once squashed, it is none
MAX_DATE_READ = 400          # a list item's, for the date printed beside its link
# Options of a drop-down read: a province's drop-down of agencies lists a few hundred; one of 10⁵ (a 3.6 MB page)
# gave 10⁵ links in 2.3 s of the spider's event loop.
MAX_OPTIONS = 2_000
# Links of one page or answer read, those past them left unread and said (``links_cut``): a column lists tens, a
# 网站地图 a few thousand; an answer of 20,000 items was 40 s of the spider's event loop, every site's downloads
# waiting, and a page of 10⁶ anchors minutes.
MAX_PAGE_LINKS = 5_000
# An API's answer holding its list as markup: one list page's HTML is tens of KB
MAX_FRAGMENTS = 4
MAX_FRAGMENT_CHARS = 1_000_000
MAX_FRAGMENTS_ANSWER = 4 * MAX_FRAGMENT_CHARS
_MARKUP = re.compile(r"\s*<[A-Za-z!]")
_MARKUP_VALUE = re.compile(r'"\s*<[A-Za-z!]')   # a JSON string opening with a tag
SIBLINGS_SCANNED = 4
LEVELS_SCANNED = 6
# URLs written as strings in scripts: absolute, or rooted/relative paths to a page (not scripts or styles).
_SCRIPT_URL = re.compile(r"""(["'])((?:https?://|/|\./|\.\./)[^"'\s<>{}]{1,300}?)\1""")
# A file's address relative to the page that a handler hands a function (OpenAttachment('upload/2025/a.pdf')): a
# folder's path ending in a file's extension; rooted, ./ and ../ ones are _SCRIPT_URL's.
_RELATIVE_FILE = re.compile(r"""(["'])(\w[\w.-]*/[^"'\s<>{}:]{0,300}?\.(?:""" + "|".join(ATTACHMENT_EXTENSIONS)
                            + r""")(?:\?[^"'\s<>{}]{0,300})?)\1""", re.IGNORECASE)
# A slash escaped in a script's string: Nuxt's state (``"\u002Fart\u002F8842.html"``, as devalue and
# serialize-javascript write it) and PHP's json_encode (``"\/art\/8842.html"``); not an escaped backslash's.
_ESCAPED_SLASH = re.compile(r"(?<!\\)\\(?:/|u002[fF])")
# A handler that sends the browser to an address (a pager of buttons: ``location.href='?page=2'``): the
# address may be relative to the page in any way, unlike a URL string found anywhere in a script; the start of
# one the script completes (``'?page=' + input.value``) is none.
_LOCATION = re.compile(r"""location(?:\.href)?\s*=\s*(["'])([^"'\s<>{}]{1,300})\1(?!\s*\+)""")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# A column has one year drop-down; more are read no further, and a form whose other fields would make each
# year's address longer than an address is (a hostile page) gives none: a page costs no more than its size.
MAX_YEAR_CHOICES = 3
MAX_FORM_QUERY = 1000
# Addresses read from a page's script strings, the first in page order: a list a script draws shows tens; a
# minified bundle of 10 MB names tens of thousands, each a request to judge and schedule (minutes of a crawl).
MAX_SCRIPT_LINKS = 1000
_SCRIPT_STRING = re.compile(r"""(["'])([^"'\n]{1,60}?)\1""")
MAX_NAME_DISTANCE = 160      # from a URL string to the name written in its entry
_ENTRY_BOUNDARY = re.compile(r"[\[\]{}]")   # the end of one array or object entry, the start of another
# A script building its rows an element at a time (WAS5's advsch.jsp answers of 福州: ``urls[i]='…';titles[i]='…';i++;``):
# a subscript's brackets part no entries; the index's step ends one row (an entry) and begins the next.
_SUBSCRIPT = re.compile(r"(?<=[\w$])\[\s*[\w$]{1,20}\s*\]")
_INDEX_STEP = re.compile(r"[\w$]\s*\+\+|\+\+\s*[\w$]|[\w$]\s*\+=\s*1\b")
# A button's words (查看详情 >, 了解详情, 详细信息, 查看全文): the item it stands in says what it opens.
_GENERIC_TEXT = re.compile(r"^(?:下载|点击下载|附件下载|(?:点击|查看|了解)?(?:详情|全文)|查看|点击查看|详细(?:信息)?|\[详细\]|阅读全文"
                           r"|浏览|打开|pdf|docx?|wps)[>》»→]*$", re.IGNORECASE)
_GENERIC_WORDS = re.compile(r"点击下载|附件下载|点击查看|阅读全文|下载|(?:查看|了解)?详情|查看全文|查看|\[?详细(?:信息)?\]?")
# A list's category tag printed as the whole visible text of each link (【年度报告】, [通知公告]), the title aside.
# A text in Latin letters alone (an English or pinyin rendering: "2023 Annual Report", "ndbg2023"): a Chinese
# title says what a Chinese reader is told.
_LATIN_WORD = re.compile(r"[A-Za-z]{2}")
_TAG_TEXT = re.compile(r"^[【\[〔〖][^】\]〕〗]{1,12}[】\]〕〗]$")
_SEQUENCE = re.compile(r"^\s*\d{1,4}[.、\s]+")
_LEADING_DATE = re.compile(r"^[\[【(（]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\]】)）]?\s*")
_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)


@dataclass(frozen=True)
class Link:
    url: str
    text: str                 # what to judge it by (title attribute when the text is cut off)
    heading: str = ""         # heading of the block it sits in
    # a | area | frame | option | form | script | data | json | record | sitemap | catalogue (the answer a page's
    # script draws its links from: the rest of that page, crawler.scripted.drawnlinks and ztree)
    source: str = "a"
    date: str | None = None   # ISO date printed beside it
    block_agencies: int = 0   # links naming an agency in the same block (itself included)


class PageTemplates:
    """The URL templates of the functions a page's scripts define, its inline scripts' and its own script files'
    (``site_codes``): read once for the page however many of its readers ask (its handlers' links, the spider's
    navigation)."""

    def __init__(self, html_root, site_codes: list[str]) -> None:
        self._root, self._site_codes = html_root, site_codes

    @cached_property
    def own(self) -> dict[str, Template]:
        return {**url_templates(self._site_codes), **page_functions(self._root)}


def page_links(html_root, base_url: str, functions: dict[str, Template] | None = None,
               site_codes: list[str] | None = None, templates: PageTemplates | None = None) -> list[Link]:
    """Every http(s) link of a parsed page: anchors, options, script strings and datastore records.

    A URL linked several times comes several times (its texts and headings differ); the caller keeps the
    most promising. ``functions`` are the URL templates of the page a fragment is shown in (``page_functions``
    of the page whose function loaded it): the fragment's calls name them (a pager's ``showList('0112', 2)``).
    ``site_codes`` are the page's own script files (``crawler.pages.sitescripts``): its handlers call their
    functions and they read its ``data-`` attributes as its inline scripts do. ``templates`` are the page's
    functions' templates when its reader keeps them for other uses.
    """
    base = html_root.xpath("//base/@href")
    walker = _Walker(urljoin(base_url, base[0].strip()) if base else base_url, functions or {}, site_codes or [],
                     templates or PageTemplates(html_root, site_codes or []))
    links = walker.anchors(html_root) + walker.frames(html_root) + walker.options(html_root) + walker.forms(html_root)
    links += walker.handlers(html_root) + walker.data_links(html_root) + walker.loads(html_root)
    links += walker.templates(html_root)
    return links + walker.scripts(html_root) + walker.records(html_root)


def is_script_href(href: str) -> bool:
    return href.strip().lower().startswith("javascript:")


def handler_addresses(handler: str) -> list[str]:
    """The addresses a handler's code hands a function or the browser (``window.open('/a.html')``,
    ``OpenAttachment('/attach/0/a.pdf')``, ``location.href='?page=2'``), whatever script defines the function."""
    return [href for _, href in _SCRIPT_URL.findall(handler) + _LOCATION.findall(handler)]


def handler_files(handler: str) -> list[str]:
    """The files' addresses relative to the page that a handler hands a function (``OpenAttachment('upload/a.pdf')``),
    as the browser would open them where the function's own template is unknown."""
    return [href for _, href in _RELATIVE_FILE.findall(handler)]


def page_fields(html_root) -> dict[str, str]:
    """The values of the page's fields (its first ``MAX_PAGE_LINKS`` inputs) by id, and by name, in the page's
    order: the first of a name, as a script's ``getElementById`` reads it; and the ``data-`` attributes of its first
    ``MAX_PAGE_LINKS`` elements with an id, as ``id@data-name`` (``<div id="page" data-total="9">``: ``page@data-total``,
    read by ``$('#page').attr('data-total')``). The one reader of a page's fields, for its handlers' calls and its
    pager's numbers (``steering.pagers``)."""
    fields: dict[str, str] = {}
    for field in itertools.islice(html_root.iter("input"), MAX_PAGE_LINKS):
        for key in (field.get("name"), field.get("id")):
            if key:
                fields.setdefault(key, field.get("value") or "")
    for element in itertools.islice(html_root.xpath("//*[@id][@*[starts-with(name(), 'data-')]]"), MAX_PAGE_LINKS):
        for name, value in element.attrib.items():
            if name.startswith("data-"):
                fields.setdefault(f"{element.get('id')}@{name}", value)
    return fields


def page_functions(html_root) -> dict[str, Template]:
    """The URL templates of the functions the page's own scripts define (``crawler.pages.scriptcalls``)."""
    return url_templates(s.text or "" for s in html_root.iter("script") if not s.get("src"))


def fragment_links(text: str, base_url: str) -> list[Link]:
    """The links of the HTML an API's JSON answer ``text`` holds as its list, at its top or one object down (JPaaS's
    ``{"data": {"html": "<ul><li><a …>"}}``, ``crawler.scripted.jpaas``): at most ``MAX_FRAGMENTS`` strings of
    markup, of at most ``MAX_FRAGMENT_CHARS`` each; none of an answer of more than ``MAX_FRAGMENTS_ANSWER`` chars."""
    if len(text) > MAX_FRAGMENTS_ANSWER or not _MARKUP_VALUE.search(text):
        return []
    try:
        answer = json.loads(text)
    except (ValueError, RecursionError):
        return []
    nodes = (answer, *(v for v in answer.values() if isinstance(v, dict))) if isinstance(answer, dict) else ()
    fragments = [value for node in nodes for value in node.values()
                 if isinstance(value, str) and len(value) <= MAX_FRAGMENT_CHARS and _MARKUP.match(value)
                 and "<a" in value][:MAX_FRAGMENTS]
    return _markup_links(fragments, base_url, "", "json")


def record_links(xml_text: str, base_url: str, heading: str = "") -> list[Link]:
    """The links of a datastore's records (the inline script of a Hanweb page, or a data-proxy answer)."""
    return _markup_links(_RECORD.findall(xml_text), base_url, heading, "record")


def _markup_links(fragments: list[str], base_url: str, heading: str, source: str) -> list[Link]:
    """The anchors of pieces of markup read as one list, under ``heading`` where their block has none."""
    if not fragments:
        return []
    try:
        root = lxml.html.fromstring("<div>" + "".join(fragments) + "</div>")
    except (ParserError, ValueError):
        return []
    return [Link(link.url, link.text, link.heading or heading, source, link.date, link.block_agencies)
            for link in _Walker(base_url).anchors(root)]


def answer_links(text: str, base_url: str, item_urls: tuple[ItemUrl, ...] = (),
                 branch: Branch | None = None) -> list[Link]:
    """The links of an API's JSON answer (a list page drawn by a script), items without an address given the
    one the script that asked builds (``item_urls``), a tree's closed branches the one ``branch`` makes."""
    return _from_json(json_answer_links(text, base_url, item_urls=item_urls, branch=branch)[:MAX_PAGE_LINKS])


def links_cut(root) -> bool:
    """Whether a page holds more anchors than ``MAX_PAGE_LINKS``, those past them unread."""
    return next(itertools.islice(root.iter("a", "area"), MAX_PAGE_LINKS, None), None) is not None


def xml_answer_links(body: bytes, base_url: str, item_urls: tuple[ItemUrl, ...] = ()) -> list[Link]:
    """The links of an API's XML answer (``crawler.scripted.xmlanswers``), read as a JSON answer's are."""
    data = xml_answer_data(body)
    return _from_json(data_links(data, base_url, item_urls)) if data is not None else []


def _from_json(found: list[JsonLink]) -> list[Link]:
    # An answer's addresses carry a session or cache-buster as a page's links do: one report, one URL.
    return [Link(stable_url(j.url), j.name, j.heading, "json", iso_date(j.date) if j.date else None) for j in found]


def record_count(text: str) -> int:
    """How many datastore records a page or data-proxy answer holds."""
    return len(_RECORD.findall(text))


def link_label(text: str, title: str | None) -> str:
    """The text to judge a link by: its title attribute when that holds the full text the list cut short (its
    beginning, or a part: ``<a title="某市人民政府2024年政府信息公开工作年度报告">2024年政府信息公开工作年度…</a>``) or the
    text is only a category's tag (``<a title="…2023年政府信息公开工作年度报告">【年度报告】</a>``), the full name
    of the agency the text shortens (``<a title="东江市卫生健康委员会">卫健委</a>``: a sub-site is named so even
    where it cannot be read, its robots.txt refusing the crawl), or names what a link saying only 下载/查看 leads to
    (a download address naming no file: ``<a href="/attach/0/8a8e…" title="…年度报告.pdf">下载</a>``), or a Chinese
    title of a text in Latin letters (``<a title="…年度报告">2023 Annual Report</a>``)."""
    text = _LEADING_DATE.sub("", " ".join(text.split()))
    title = " ".join((title or "").split())
    if not title:
        return text
    stem = _CUT.sub("", text)
    generic = _GENERIC_TEXT.match(text.replace(" ", "")) or _TAG_TEXT.match(text)
    # a catalogue's 名称 may drop the agency the title begins with before cutting the rest short
    cut_from_title = stem != text and stem in title
    latin = bool(_LATIN_WORD.search(text)) and not _CJK.search(text)
    if not text or title.startswith(stem) or cut_from_title or ((generic or latin) and _CJK.search(title)) \
            or names_agency_short(text, title):
        return title
    return text


def iso_date(text: str) -> str | None:
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return datetime(*(int(g) for g in match.groups())).date().isoformat()
    except ValueError:
        return None


def browser_href(href: str) -> str:
    """``href`` as a browser reads it (the URL standard's parser): tabs and line breaks dropped wherever they are,
    a backslash before the query a slash (``..\\uploadfiles\\2024.docx``, written by Windows editors)."""
    href = href.replace("\t", "").replace("\n", "").replace("\r", "")
    cut = min((i for i in (href.find("?"), href.find("#")) if i >= 0), default=len(href))
    return href[:cut].replace("\\", "/") + href[cut:]


class _Walker:
    """Extracts links from one page, remembering block headings it has already looked up."""

    def __init__(self, base_url: str, functions: dict[str, Template] | None = None, site_codes: list[str] | None = None,
                 templates: PageTemplates | None = None):
        self.base_url = base_url
        self.functions = functions or {}   # those of the page this one is a fragment of
        self.site_codes = site_codes or []   # the page's own script files
        self.page_templates = templates   # its own functions' (None: the walker reads no handler)
        self._headings: dict = {}
        self.text = LeadingText()   # a clickable element's text: it may hold the page around it

    def url(self, href: str | None) -> str | None:
        href = (href or "").strip()
        if not href or href.lower().startswith(SKIPPED_SCHEMES):
            return None
        url = stable_url(exit_target(urljoin(self.base_url, browser_href(href)).split("#")[0]))
        return url if url.startswith(("http://", "https://")) else None

    # -- sources of links ------------------------------------------------------------------------

    def anchors(self, root) -> list[Link]:
        found = []
        for a in itertools.islice(root.iter("a", "area"), MAX_PAGE_LINKS):
            url = self.url(a.get("href"))
            if url is None:
                continue
            text = " ".join(leading_text(a, MAX_LINK_TEXT_CHARS).split()) \
                or " ".join(img.get("alt") or "" for img in a.iter("img")) \
                or " ".join((a.get("alt") or "").split())   # an image map's area says what it is in its alt
            found.append((a, url, self.named(a, link_label(text, a.get("title")))))
        anchors = [a for a, _, _ in found]
        # a department's short name (发改, 人社) counts: a list of departments may name them so
        names = [is_agency_name(t) or is_department_short_name(t) for _, _, t in found]
        links, agencies = _count_by_ancestor(anchors, names)
        out = []
        for a, url, text in found:
            block = next((x for x in a.iterancestors() if links[x] >= 2), None)
            block_agencies = int(is_agency_name(text)) if block is None else \
                agencies[block] if 2 * agencies[block] >= links[block] else 0   # a list *of agencies*
            area = a.tag == "area"
            out.append(Link(url, text, self.map_heading(a) if area else self.heading(a), "area" if area else "a",
                            _item_date(a, links), block_agencies))
        return out

    def named(self, element, label: str) -> str:
        """What a link says: its own ``label``, unless that is only 查看/下载, a year or nothing."""
        generic = bool(_GENERIC_TEXT.match(label.replace(" ", "")))
        # a cell of a table of agencies by years says only 查看, the year, or nothing: its row and column do
        named = cell_label(element, label, self.heading, self.text) if generic or not label or is_year_only(label) \
            else None
        return named or ((row_title(element, self.text) or _item_text(element)) if generic else label)

    def map_heading(self, area) -> str:
        """An image map's areas are headed by the picture that shows them (``<img usemap="#bm" alt="部门网站">``),
        else by the map's place."""
        image_map = next(area.iterancestors("map"), None)
        if image_map is None:
            return self.heading(area)
        name = image_map.get("name") or image_map.get("id") or ""
        images = area.getroottree().getroot().xpath("//img[@usemap=$u]", u=f"#{name}") if name else []
        label = _heading_text((images[0].get("alt") or images[0].get("title") or "")) if images else ""
        return label or self.heading(images[0] if images else image_map)

    def frames(self, root) -> list[Link]:
        """Frames show another page inside this one: read as part of it."""
        out = []
        for frame in root.iter("iframe", "frame"):
            url = self.url(frame.get("src"))
            if url:
                text = frame.get("title") or frame.get("name") or ""
                out.append(Link(url, text, self.heading(frame), "frame"))
        return out

    def options(self, root) -> list[Link]:
        out = []
        for select in root.iter("select"):
            if _year_choice(select) is not None:
                continue   # its values are years the form sends, not addresses
            options = list(itertools.islice(select.iter("option"), MAX_OPTIONS))
            entries = self._chosen_agencies(select, options) or [
                (self.url(o.get("value")), _option_text(o)) for o in options
                if _ADDRESS_VALUE.search((o.get("value") or "").strip())]
            entries = [(u, t) for u, t in entries if u]
            if not entries:
                continue
            first = _option_text(options[0]) if options else ""
            heading = _heading_text(first) if not self.url(options[0].get("value")) \
                and not _PLACEHOLDER.match(squash(first)) else ""
            heading = heading or _heading_text(select.get("title") or "") or self.heading(select)
            agencies = sum(is_agency_name(t) for _, t in entries)
            out += [Link(u, t, heading, "option", None, agencies) for u, t in entries]
        return out

    def _chosen_agencies(self, select, options: list) -> list[tuple[str | None, str]]:
        """A drop-down of agencies that submits its GET form (a platform's departments, each a ``?deptId=`` of
        the same pages: ``<form action="catalog.html"><select name="deptId"><option value="1004">市卫生健康委员会``):
        each agency's address is the form's, sent as a browser sends it; none for any other drop-down."""
        form = _submitted_form(select)
        named = [(o, _option_text(o)) for o in options if (o.get("value") or "").strip()]
        agencies = sum(is_agency_name(t) for _, t in named)
        if form is None or agencies < 2 or 2 * agencies < len(named):
            return []
        action, fields = self.url(form.get("action") or self.base_url), urlencode(form_fields(form, select))
        if action is None or len(fields) > MAX_FORM_QUERY:
            return []
        return [(urlsplit(action)._replace(query="&".join(q for q in (fields, urlencode(
            [(select.get("name"), o.get("value").strip())])) if q)).geturl(), text) for o, text in named]

    def forms(self, root) -> list[Link]:
        """A list shown one year at a time, the year chosen in a ``<select name="year">`` of a GET form
        (``list.do?id=12&year=2022``): a link per year, the form's other fields sent as a browser sends them,
        named by the option's text; the year selected is the page itself. One link per option: a page costs no
        more than its size."""
        out = []
        choices = (choice for select in root.iter("select") if (choice := _year_choice(select)) is not None)
        for select, form in itertools.islice(choices, MAX_YEAR_CHOICES):
            action = self.url(form.get("action") or self.base_url)
            fields = urlencode(form_fields(form, select))
            if action is None or len(fields) > MAX_FORM_QUERY:
                continue
            heading = self.heading(select)
            for option in itertools.islice(select.iter("option"), MAX_OPTIONS):
                text = _option_text(option)
                value = option.get("value", text).strip()
                if _YEAR.search(text) and value and option.get("selected") is None:   # selected: this page
                    query = "&".join(q for q in (fields, urlencode([(select.get("name"), value)])) if q)
                    out.append(Link(urlsplit(action)._replace(query=query).geturl(), text, heading, "form"))
        return out

    def handlers(self, root) -> list[Link]:
        """``onclick="window.open('…')"``, ``openWin('…')`` and the like, with the element's text; also calls of
        the page's own functions that build a URL (``onclick="openArticle('2023','8842')"``,
        ``href="javascript:show(12)"``: ``crawler.pages.scriptcalls``)."""
        out = []
        templates, fields = None, {}
        clickable = root.xpath("//*[@onclick or @onchange or starts-with(normalize-space(@href), 'javascript:')]")
        for element in itertools.islice(clickable, MAX_PAGE_LINKS):
            hrefs = []
            for attribute in ("onclick", "onchange", "href"):
                handler = element.get(attribute) or ""
                # a javascript: href's addresses as a handler's (href="javascript:openWin('/art/345.html', 800, 600)")
                hrefs += handler_addresses(handler) if attribute != "href" or is_script_href(handler) else []
                if "(" in handler:
                    if templates is None:
                        templates = {**self.functions, **(self.page_templates.own if self.page_templates else {})}
                        fields = page_fields(root)
                    hrefs += [called] if (called := called_url(handler, templates, fields)) else []
            for href in dict.fromkeys(hrefs):
                url = self.url(href)
                if url and not RESOURCE_HREF.search(url):
                    # A button says what it does in its value (<input type="button" value="下一页">); a 查看 calling
                    # openDetail(12) in a list's row is named by its row, as a 查看 link is.
                    text = self.named(element, " ".join((self.text(element) or element.get("value")
                                                         or "").split()))
                    out.append(Link(url, text, self.heading(element), "script", None, int(is_agency_name(text))))
        return out

    def data_links(self, root) -> list[Link]:
        """Addresses kept in ``data-`` attributes that the page's script opens (``crawler.pages.datalinks``), named by
        the element's text."""
        codes = [s.text or "" for s in root.iter("script") if not s.get("src")] + self.site_codes
        entries = []
        for element, href in data_addresses(root, codes):
            url = self.url(href)
            if url and not RESOURCE_HREF.search(url):
                text = link_label(" ".join(self.text(element).split()), element.get("title"))
                entries.append((element, url, text))
        agencies = sum(is_agency_name(t) for _, _, t in entries)
        agencies = agencies if 2 * agencies >= len(entries) else 0   # a list *of agencies*
        return [Link(u, t, self.heading(e), "data", None, agencies) for e, u, t in entries]

    def scripts(self, root) -> list[Link]:
        """URL strings of inline scripts (their slashes unescaped), each with the Chinese string written next to it
        (its name); at most MAX_SCRIPT_LINKS of them."""
        out, left = [], MAX_SCRIPT_LINKS
        for script in root.iter("script"):
            if script.get("src") or "xml" in (script.get("type") or "") or is_template(script):
                continue
            code = _ESCAPED_SLASH.sub("/", script.text or "")
            names = [(m.start(), m.group(2)) for m in _SCRIPT_STRING.finditer(code) if _CJK.search(m.group(2))]
            entries = []
            # asked for by the script as it asks (POST …), or posted to with what only another script knows
            apis = {call.url for call in api_calls(code)} | posted_urls(code)
            for match in _SCRIPT_URL.finditer(code):
                if len(entries) >= left:
                    break
                if code[match.end():match.end() + 8].lstrip().startswith("+") or match.group(2) in apis:
                    continue   # the start of a URL the script builds ('/art/' + y + …), or an API: not a page
                url = self.url(match.group(2))
                if url and not RESOURCE_HREF.search(url) and "dataproxy" not in url:
                    entries.append((url, _nearest_name(names, match.start(), code)))
            agencies = sum(is_agency_name(t) for _, t in entries)
            target = _written_into(script)
            heading = self.heading(script if target is None else target)
            out += [Link(u, t, heading, "script", None, agencies) for u, t in entries]
            left -= len(entries)
            out += _from_json(script_json_links(code, self.base_url, heading))
        return out

    def loads(self, root) -> list[Link]:
        """Fragments the page's scripts load into it (``crawler.pages.fragments``): frames of the page, under the
        heading of the element they fill."""
        out = []
        for script in root.iter("script"):
            if script.get("src") or is_template(script):
                continue
            for href, into in loaded_urls(script.text or ""):
                filled = root.xpath("//*[@id=$id]", id=into) if into else []
                if url := self.url(href):
                    out.append(Link(url, "", self.heading(filled[0] if filled else script), "frame"))
        return out

    def templates(self, root) -> list[Link]:
        """The links of HTML templates kept in scripts (``crawler.pages.fragments``), under the heading of the element
        the page draws them into when their own HTML has none."""
        out = []
        for script, fragment in template_fragments(root):
            target = _written_into(script)
            heading = self.heading(script if target is None else target)
            out += [link if link.heading else replace(link, heading=heading) for link in self.anchors(fragment)
                    if not PLACEHOLDER.search(link.url + link.text)]
        return out

    def records(self, root) -> list[Link]:
        out = []
        for script in root.iter("script"):
            if "xml" in (script.get("type") or "") and "<record" in (script.text or ""):
                out += record_links(script.text, self.base_url, self.heading(script))
        return out

    # -- the heading of a block ------------------------------------------------------------------

    def heading(self, element) -> str:
        """The nearest heading before the element: among its preceding siblings, then its parents'. A link
        inside a heading (``<div class="box-title">通知公告<a class="more">更多</a></div>``) has that heading."""
        for ancestor in list(element.iterancestors())[:2]:
            # counted to two only: a list of N links counted whole for each of them cost N² (20,000 links: minutes)
            text = _heading_of(ancestor) if len(list(itertools.islice(ancestor.iterdescendants("a"), 2))) == 1 else ""
            if text:
                return text
        node = element
        seen = []
        for _ in range(LEVELS_SCANNED):
            if node is None:
                break
            if node in self._headings:
                found = self._headings[node]
                break
            seen.append(node)
            found = self._sibling_heading(node)
            if found:
                break
            node = node.getparent()
        else:
            found = ""
        for visited in seen:
            self._headings[visited] = found
        return found or ""

    @staticmethod
    def _sibling_heading(node) -> str:
        """A heading among the node's preceding siblings; for a tab box, the tab of the node's pane."""
        sibling, panes = node.getprevious(), 0
        for _ in range(SIBLINGS_SCANNED):
            if sibling is None:
                return ""
            text = _heading_of(sibling)
            if text:
                tabs = _tab_labels(sibling)
                return tabs[panes] if len(tabs) > panes else text
            sibling, panes = sibling.getprevious(), panes + 1
        return ""


# An option's value that is an address: a scheme, a path (a slash), a file (an extension), a query. Any other is a
# value a form or handler is given: a search field (title, 标题, 全文), a sort order, a page number (goPage(3)).
# A drop-down's first option that only asks for a choice (--请选择--, 请选择): no heading, the select's own is
_PLACEHOLDER = re.compile(r"^[-—=─_\s.·…]*(?:请)?选择[-—=─_\s.·…]*$")
_ADDRESS_VALUE = re.compile(r"^[a-z][a-z0-9+.-]*:|[/?]|\.[a-z][a-z0-9]{0,5}$", re.IGNORECASE)


def _submitted_form(select):
    """The GET form a drop-down belongs to, when choosing in it is submitting that form (not a drop-down of
    addresses its script opens); else None."""
    form = next(select.iterancestors("form"), None)
    if form is None or not select.get("name") or select.get("onchange") and "submit" not in select.get("onchange") \
            or (form.get("method") or "get").strip().lower() != "get":
        return None
    return form


def _year_choice(select):
    """The drop-down of years and the GET form it belongs to, when choosing in it is submitting that form; else
    None."""
    form = _submitted_form(select)
    if form is None:
        return None
    options = [_option_text(o) for o in itertools.islice(select.iter("option"), MAX_OPTIONS)]
    years = sum(bool(_YEAR.search(t)) for t in options)
    return (select, form) if years >= 2 and 2 * years >= len(options) else None


def form_fields(form, chosen) -> list[tuple[str, str]]:
    """The fields a browser sends with a form (lxml's ``form_values``: no disabled field, boxes when checked,
    drop-downs at their selected option), but for the field ``chosen`` (the year drop-down, a search box: the
    caller gives its value) and ``<input type="button">``, whose value ``form_values`` keeps and no browser sends."""
    unsent = {chosen.get("name")} | {field.get("name") for field in form.iter("input")
                                     if (field.get("type") or "").lower() == "button"}
    return [(name, value) for name, value in form.form_values() if name not in unsent]


def _heading_of(element) -> str:
    """The text of an element that reads as a block heading, else ''."""
    tag = element.tag if isinstance(element.tag, str) else ""
    classes = f"{element.get('class') or ''} {element.get('id') or ''}"
    if tag not in _HEADING_TAGS and not (tag in _SMALL_TAGS and (_HEADING_CLASS.search(classes) or tag in
                                                                 ("span", "strong", "b", "em", "font", "label"))):
        return ""
    if tag in ("div", "ul", "li", "td", "p") and len(element.xpath(".//a")) > 2:
        return ""  # a block of links, not its heading
    if element.xpath(".//form | .//input | .//button | .//select"):
        return ""  # a search bar or a drop-down, not a heading
    return _heading_text(leading_text(element, MAX_HEADING_READ))


def _written_into(script):
    """The element a script fills in (``document.getElementById("xqwz")``): its links sit under that heading."""
    match = _ELEMENT_ID.search(script.text or "")
    if not match:
        return None
    found = script.getroottree().getroot().xpath("//*[@id=$id]", id=match.group(1))
    return found[0] if found else None


def _tab_labels(element) -> list[str]:
    """The labels of a tab strip (``<div class="tab-hd"><span>部门信息公开</span><span>县区信息公开</span>``), in order:
    the panes that follow it belong to one tab each."""
    labels = [_heading_text(leading_text(child, MAX_HEADING_READ)) for child in element if isinstance(child.tag, str)]
    if len(labels) == 1 and len(element) == 1 and len(element[0]):   # the strip inside a <ul>
        labels = [_heading_text(leading_text(child, MAX_HEADING_READ)) for child in element[0]
                  if isinstance(child.tag, str)]
    return labels if len(labels) >= 2 and all(labels) else []


def _option_text(option) -> str:
    return " ".join(leading_text(option, MAX_LINK_TEXT_CHARS).split())


def _heading_text(text: str) -> str:
    text = _HEADING_NOISE.sub("", squash(text))
    if not text or len(text) > MAX_HEADING_CHARS or len(_CJK.findall(text)) < 2 or _DATE.search(text):
        return ""
    return text


def _count_by_ancestor(anchors: list, agency_flags: list[bool]) -> tuple[Counter, Counter]:
    """Links, and links naming an agency, under each element. A link's block is its nearest ancestor holding
    another link; a list item is an ancestor holding no other."""
    links, agencies = Counter(), Counter()
    for a, agency in zip(anchors, agency_flags, strict=True):
        for ancestor in a.iterancestors():
            links[ancestor] += 1
            agencies[ancestor] += agency
    return links, agencies


def _item_text(a) -> str:
    """The text of the list item a link sits in, without its date (for a link that only says 下载): its ``<li>``,
    row, ``<dd>`` or ``<p>``, else the outermost element around it that holds no other link (a card: ``<div><span>
    title</span><span>date</span><a>查看详情</a></div>``)."""
    item = next(a.iterancestors("li", "tr", "dd", "p"), None)
    if item is None:
        item = _lone_block(a)
    if item is None:
        return " ".join(leading_text(a, MAX_LINK_TEXT_CHARS).split())
    text = _DATE.sub("", " ".join(leading_text(item, MAX_LINK_TEXT_CHARS, " ").split())[:200])
    text = _GENERIC_WORDS.sub("", _SEQUENCE.sub("", text))
    return " ".join(text.split()).strip(" []【】()（）>》»→")


def _lone_block(a):
    """The outermost ancestor of ``a`` within the page's body holding no other link, or None."""
    block = None
    for ancestor in a.iterancestors():
        if ancestor.tag in ("body", "html") or len(list(itertools.islice(ancestor.iter("a", "area"), 2))) > 1:
            return block
        block = ancestor
    return block


def _item_date(a, links: Counter) -> str | None:
    """The date printed in the list item of a link (``<li>``, table row, or ``<div>`` of one item)."""
    for ancestor in a.iterancestors():
        if links[ancestor] > 1 and ancestor.tag not in ("li", "tr", "dd"):
            return None  # reached the list itself: the item had no date
        date = iso_date(leading_text(ancestor, MAX_DATE_READ)) if ancestor.tag in _ITEM_TAGS else None
        if date or ancestor.tag in ("li", "tr", "dd"):
            return date
    return None


def _parts_entries(between: str) -> bool:
    """Whether the script between a URL and a name parts two entries: a bracket not a subscript's, or an index's step."""
    unsubscripted = _SUBSCRIPT.sub("", between)
    return bool(_ENTRY_BOUNDARY.search(unsubscripted) or _INDEX_STEP.search(unsubscripted))


def _nearest_name(names: list[tuple[int, str]], position: int, code: str) -> str:
    """The Chinese string literal closest to a URL in a script within its object or array entry: a bracket
    between them parts two entries (["/art/2024.html", "…2024年…年度报告"] after ["/art/gzbg.html", "…政府工作报告",
    "2025-01-20"] is named by its own title, never by the one before, which may be nearer)."""
    near = [n for n in names if abs(n[0] - position) <= MAX_NAME_DISTANCE
            and not _parts_entries(code[min(n[0], position):max(n[0], position)])]
    best = min(near, key=lambda n: abs(n[0] - position), default=None)
    return best[1].strip() if best is not None else ""
