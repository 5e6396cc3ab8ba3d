"""What counts as a report's content, and its digest: two fetches are the same version when digests match.

The digest is taken over the *parsed* report, not the bytes, so a page that changes only outside the
report (scripts, styles, markup, links, images) keeps its digest: the parser reads only the title, the
three tables and the prose of sections 一, 五 and 六. Page furniture that the parser may still read as
prose (section 六 runs to the end of the page, so a footer or a banner after the report ends up in it) is
removed by text: a line of prose that is the text of an element that is page chrome, by its tag (nav,
header, footer, aside, marquee) or by a class/id naming it (banner, carousel, slider, counter, share,
breadcrumb, menu, …) unless it holds or sits in a table, is dropped before hashing (``page_chrome``). In the
prose some text still changes without the report changing, and is removed too (``VOLATILE``):

- visit and view counters (浏览次数：1234, 访问量 5678, 您是第123位访问者) — they tick on every request;
- date/time stamps of the page itself (今天是2024年3月5日 星期二, 当前时间, 更新时间, 打印时间) —
  they show the day of the fetch, not of the report;
- session tokens and cache busters in URLs or text (jsessionid=…, ?sid=…, long letter+digit strings) —
  they differ per visit;
- whitespace, full-width/half-width forms and radical variants (``gxparse.normalize``) — they depend on
  the publishing tool, not on what the report says.

Left out of the digest on purpose: ``source`` (the URL), ``parser_version``, ``findings`` (derived from
the content), ``source_type`` and page counts (the same report in another file format is the same
content). A document that cannot be parsed is compared by its raw bytes, since nothing narrower is known.
A parsed document that is not an annual report (no title, no tables) is compared by its visible text,
with the same volatile parts removed.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from gxparse.normalize import normalize_text

VOLATILE: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Counters are page chrome only with a colon ("浏览次数：1234"); prose figures such as
    # "网站总访问量859920次" are part of the report and stay.
    ("visit counter", re.compile(
        r"(?:浏览|访问|点击|阅读|查看)(?:次数|人次|量|数)?\s*[:：]\s*\d[\d,]*\s*(?:次|人次)?"
        r"|您是第?\s*\d[\d,]*\s*位(?:访问者|访客)?")),
    ("date stamp", re.compile(
        r"(?:今天是|今日是|当前时间|当前日期|更新时间|生成时间|打印时间|访问时间)\s*[:：]?\s*"
        r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?"
        r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:星期|周)[一二三四五六日天])?")),
    ("session token", re.compile(
        r"(?i)(?:jsessionid|sessionid|phpsessid|sid|token|_t|timestamp)=[\w.-]+"
        r"|(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-]))(?=[A-Za-z0-9_-]*\d)"
        r"(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]+")),
)
_WHITESPACE = re.compile(r"\s+")

_CHROME_TAGS = ("nav", "header", "footer", "aside", "marquee")
_CHROME_NAME = re.compile(r"(?i)banner|carousel|swiper|slide|marquee|advert|^ads?$|^ad[-_]|counter|visit|hits"
                          r"|share|breadcrumb|footer|header|^nav|menu|sidebar|toolbar|weather|clock")
MIN_CHROME_CHARS = 2

# Keys of the report JSON that make up its content (see the module docstring for what is left out).
CONTENT_KEYS = ("title", "agency", "year", "template", "s2", "s3", "s4")


def normalise_prose(text: str | None, chrome: tuple[str, ...] = ()) -> str:
    """Prose as compared: normalised characters, chrome lines and volatile parts removed, single spaces.

    A line is chrome when it is one of the ``chrome`` snippets (whole lines only: a banner saying 政策解读
    must not cut that phrase out of a sentence of the report).
    """
    if not text:
        return ""
    lines = (_WHITESPACE.sub(" ", normalize_text(line)).strip() for line in text.splitlines())
    text = " ".join(line for line in lines if line not in chrome)
    for _, pattern in VOLATILE:
        text = pattern.sub(" ", text)
    return _WHITESPACE.sub(" ", text).strip()


def _is_chrome(element: Any) -> bool:
    if not isinstance(element.tag, str):
        return False
    names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    return element.tag in _CHROME_TAGS or any(_CHROME_NAME.search(name) for name in names)


def page_chrome(body: bytes) -> tuple[str, ...]:
    """Normalised text pieces of an HTML page's chrome (see the module docstring)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(body)
    except (ValueError, TypeError, etree.ParserError):
        return ()
    snippets = set()
    for element in tree.iter():
        if not _is_chrome(element) or element.xpath(".//table | ancestor::table"):
            continue
        for piece in element.itertext():
            piece = _WHITESPACE.sub(" ", normalize_text(piece)).strip()
            if len(piece) >= MIN_CHROME_CHARS:
                snippets.add(piece)
    return tuple(sorted(snippets))


def report_content(document: dict[str, Any], chrome: tuple[str, ...] = ()) -> dict[str, Any]:
    """The part of a parsed report (report-json.md shape) that defines its content."""
    content = {key: document.get(key) for key in CONTENT_KEYS}
    if isinstance(content["title"], str):
        content["title"] = normalise_prose(content["title"])
    texts = document.get("text") or {}
    content["text"] = {key: normalise_prose(texts.get(key), chrome) for key in sorted(texts)}
    return content


def digest_of(value: Any) -> str:
    """SHA-256 of a JSON value in canonical form (sorted keys, no spaces)."""
    data = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def report_digest(document: dict[str, Any], chrome: tuple[str, ...] = ()) -> str:
    return digest_of(report_content(document, chrome))


def page_text_digest(body: bytes) -> str:
    """Digest of the visible text of a page that is not an annual report (scripts, styles, comments and
    markup left out; volatile parts removed). Falls back to the bytes when the page has no text."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(body)
    except (ValueError, TypeError, etree.ParserError):
        return raw_digest(body)
    for element in tree.xpath("//script|//style|//noscript|//comment()"):
        element.drop_tree()
    text = normalise_prose(tree.text_content(), page_chrome(body))
    return digest_of({"page_text": text}) if text else raw_digest(body)


def raw_digest(body: bytes) -> str:
    return hashlib.sha256(b"raw:" + body).hexdigest()
