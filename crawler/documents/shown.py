"""Where a page shows a report that its own HTML does not hold:

- a preview given the file's address in its query (``/pdfjs/web/viewer.html?file=%2Fupload%2F2024%2Fa.pdf``,
  kkFileView's ``onlinePreview?url=<Base64>``: ``crawler.documents.previews``), linked from a list or framed in an
  article: the report is the file;
- a viewer script of the page drawing a file into it (``PDFObject.embed("/upload/2024/a1b2.pdf", "#pdf-box")``,
  pdf.js's ``pdfjsLib.getDocument('/upload/a.pdf')``, jQuery Media's ``.media({src: '….pdf'})``), or a script inside
  the article's body element handing a call a file (博达's ``showVsbpdfIframe("/__local/….pdf", "100%")``): the report
  is the file, whatever its name;
- an article whose body its script loads from a file of its own into the article's empty element
  (``<div id="zoom"></div>`` and ``$('#zoom').load('/content/2024/123.htm')``): the report is that file. Loads
  into other elements (a header, a sidebar of related links) are no body;
- a file the page's own function fetches on a click (``<a onclick="downloadFile('8812')">点击下载</a>`` and
  ``function downloadFile(id) { location.href = '/common/download.do?fileId=' + id; }``), or whose address the
  click hands a function of the site's scripts (``<a href="javascript:OpenAttachment('/attach/0/a1b2.pdf')">附件1</a>``):
  a file of the page
  when the clicked element names the report, a file or a download (下载, 附件). Any other address a script holds
  (a site-wide script's 帮助.pdf or 无障碍 doc, a 下载中心 list, a banner's PDF, a header's 操作手册 button) is
  the page's file only when its name (the string beside it, or its file name) names the report;
- a file an element other than a link names by its ``href`` (the ``/info/iList.jsp`` platform's articles of 四川 and
  陕西 list their files as ``<file href="/wcm.files/upload/…/a1b2.pdf">name.pdf</file>`` in ``#attribute
  span.gk.fj``): the page's file when the address is a document file's (a widget's ``href`` to a page is none).

Bounded: at most ``fragments.MAX_LOADS`` loads a script, ``MAX_SCRIPTS`` inline scripts a page, ``MAX_CLICKS``
clickable elements a page, ``MAX_NAMING`` elements naming a file by ``href``, a script's body element looked for
``MAX_BODY_DEPTH`` elements up.
"""

from __future__ import annotations

import re
from itertools import islice
from urllib.parse import unquote, urljoin, urlsplit

from crawler.documents.content import ATTACHMENT_HREF, FILE_NAME, is_attachment
from crawler.documents.previews import viewed_file
from crawler.hosts.volatile import stable_url
from crawler.pages.elementtext import LeadingText
from crawler.pages.fragments import loaded_urls
from crawler.pages.links import Link, handler_addresses, handler_files, is_script_href, page_functions
from crawler.pages.scriptcalls import called_url
from crawler.steering.classify import Verdict, classify_title

MAX_SCRIPTS = 50
MAX_CLICKS = 500
MAX_NAMING = 200
# An element other than a link's (<a>, <area>) or the head's (<link>, <base>) giving an address by href.
_NAMING = "//*[@href][not(self::a or self::area or self::link or self::base)]"
MAX_BODY_DEPTH = 12   # how far up from a script its article's body element is looked for
# The ids and classes of an article's body element on common CMSs (TRS_Editor, zoom, content, article).
_BODY_NAME = re.compile(r"zoom|content|article|trs_editor|detail|text", re.IGNORECASE)
_CLICKABLE = "//*[@onclick or starts-with(normalize-space(@href), 'javascript:')]"
# A viewer library handed the file it draws into the page: PDFObject, pdf.js, jQuery Media.
_EMBEDDED = re.compile(r"""(?:PDFObject\.embed|getDocument|\.media)\s*\(\s*(?:\{\s*(?:url|src)\s*:\s*)?(["'])([^"'\s]{1,300})\1""")
# A call handed a string first (showVsbpdfIframe("/__local/….pdf", "100%")): a script in the article's body draws
# its file into the article, whatever the function is named.
_CALLED = re.compile(r"""\w\s*\(\s*(["'])([^"'\s]{1,300})\1""")
# What a download control says (点击下载, 附件下载, 下载全文, 查看原文), its file's name aside.
_DOWNLOAD_TEXT = re.compile(r"下载|附件|全文|原文")


def embedded_files(root, base_url: str) -> list[str]:
    """The files the page's inline scripts hand a viewer library to draw into the page, and those a script inside
    the article's body element hands any call (博达's ``showVsbpdfIframe("/__local/….pdf", "100%")``)."""
    out = []
    for script in islice((s for s in root.iter("script") if not s.get("src")), MAX_SCRIPTS):
        calls = _CALLED if _in_body(script) else _EMBEDDED
        out += [urljoin(base_url, m.group(2)) for m in calls.finditer(script.text or "")
                if ATTACHMENT_HREF.search(m.group(2))]
    return list(dict.fromkeys(out))


def named_files(root, base_url: str) -> list[Link]:
    """The document files elements other than links name by their ``href`` (``<file href="….pdf">``), each with
    the element's text, at most ``MAX_NAMING`` elements read."""
    out = []
    for element in root.xpath(_NAMING)[:MAX_NAMING]:
        url = urljoin(base_url, (element.get("href") or "").strip())
        if ATTACHMENT_HREF.search(url):
            out.append(Link(url, " ".join("".join(element.itertext()).split())))
    return out


def _in_body(element) -> bool:
    """The element is inside the article's body element (an id or class of zoom, content, article …)."""
    return any(_BODY_NAME.search(f"{e.get('id') or ''} {e.get('class') or ''}")
               for e in islice(element.iterancestors(), MAX_BODY_DEPTH))


def loaded_bodies(root, base_url: str) -> list[str]:
    """The files the page's inline scripts load into its article's body element, left empty in the page."""
    out = []
    for script in islice((s for s in root.iter("script") if not s.get("src")), MAX_SCRIPTS):
        for href, into in loaded_urls(script.text or ""):
            filled = root.xpath("//*[@id=$id]", id=into) if into else []
            if filled and _is_empty_body(filled[0]):
                out.append(urljoin(base_url, href))
    return list(dict.fromkeys(out))


def _is_empty_body(element) -> bool:
    names = f"{element.get('id') or ''} {element.get('class') or ''}"
    return bool(_BODY_NAME.search(names)) and not any(text.strip() for text in element.itertext())


def script_files(root, base_url: str, links: list[Link]) -> list[Link]:
    """The page's files that its scripts fetch: those its own functions fetch on a click of an element naming
    the report, a file or a download, and the script links among ``links`` (``links.page_links``) named as
    the report."""
    clicked = [link for link in clicked_files(root, base_url)
               if names_report(link) or FILE_NAME.search(link.text) or _DOWNLOAD_TEXT.search(link.text)]
    named = [link for link in links if link.source == "script" and is_attachment(link.url, link.text)
             and names_report(link)]
    return clicked + named


def clicked_files(root, base_url: str) -> list[Link]:
    """The files fetched on a click, each with the clicked element's text: those the page's own functions build
    (``onclick="downloadFile('8812')"``) and those the handler hands a function of the site's scripts
    (``href="javascript:OpenAttachment('/attach/0/a1b2.pdf')"``)."""
    functions = page_functions(root)
    out, leading = [], LeadingText()   # clickable elements may nest around the page's text
    for element in islice(root.xpath(_CLICKABLE), MAX_CLICKS):
        text = " ".join(leading(element).split()) or (element.get("value") or "").strip()
        href = element.get("href") or ""
        for handler in (element.get("onclick") or "", href if is_script_href(href) else ""):
            called = called_url(handler, functions) if functions else None
            # a relative file's address is the page's where no function of the page says how it is joined
            relative = [] if called else handler_files(handler)
            for url in dict.fromkeys(([called] if called else []) + handler_addresses(handler) + relative):
                file = viewed_file(urljoin(base_url, url))   # a preview opened on a click shows its file
                if is_attachment(file, text):
                    out.append(Link(stable_url(file), text, source="script"))
    return out


def names_report(link: Link) -> bool:
    """The link's text or its file's name names a report (2024年政府信息公开工作年度报告.pdf)."""
    file_name = unquote(urlsplit(link.url).path.rsplit("/", 1)[-1])
    return Verdict.REPORT in (classify_title(link.text), classify_title(file_name))
