"""A PDF's form XObjects measured as pdfium would lay them out, before pdfium loads a page.

pdfium parses a form XObject's content anew every time a page draws it (``/Name Do``), and a form may draw other
forms: a form drawing itself four times, or twenty forms each drawing the next ten times, is a file of a few
hundred bytes that makes pdfium allocate without end while it loads the page (43 MB a second, until the process
is killed or aborts). So the content each page lays out is counted here, every form once per time it is drawn,
and a page over ``limits.MAX_PDF_CONTENT_STREAM`` of it (what one page's own content may be), or a form that
draws itself, is refused.

pdfminer reads the file's objects (object streams and inherited resources included). Where pdfminer cannot
walk the page tree as pdfium does (a damaged cross-reference table, a /Kids that is no array, a page without
/Type: pdfium still finds every page), every object of the file is found by scanning it instead, and every
dictionary with /Contents is measured as a page; a file pdfium opens and even that scan cannot read is refused:
its forms cannot be measured.
"""

from __future__ import annotations

import io
import re

from pdfminer.pdfdocument import PDFDocument, PDFNoValidXRef
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1

from gxparse import limits
from gxparse.errors import LimitExceeded

# ``/Name Do``: an XObject drawn (a name is any run of regular characters, PDF 32000 §7.2.2)
_DRAWN = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
# Forms can be only where the file says /Form, or hides it in a compressed object stream
_MAY_HOLD_FORMS = re.compile(rb"/Form\b|/ObjStm\b")
# Forms drawn inside forms, at most (a real page nests two or three): deeper is refused, and the count stays
# within Python's recursion limit
MAX_FORM_DEPTH = 64
# Parents climbed for a page's inherited /Resources in a scanned file (a real page tree is a few levels deep)
MAX_TREE_DEPTH = 64


class _Unbounded(Exception):
    """A form drawn from inside itself (``what``: 引用自身), or forms nested deeper than MAX_FORM_DEPTH."""


def _content(streams: list) -> bytes:
    """A page's content streams, decoded and joined."""
    resolved = [resolve1(stream) for stream in streams]
    return b"".join(stream.get_data() or b"" for stream in resolved if isinstance(stream, PDFStream))


def _forms(resources: object) -> dict[str, PDFStream]:
    """The form XObjects of a resource dictionary, by name."""
    resources = resolve1(resources)
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    if not isinstance(xobjects, dict):
        return {}
    streams = {name: resolve1(ref) for name, ref in xobjects.items()}
    return {name: stream for name, stream in streams.items()
            if isinstance(stream, PDFStream) and getattr(resolve1(stream.get("Subtype")), "name", None) == "Form"}


class _Layout:
    """Bytes of content laid out for a form with what it draws, each form's figure computed once."""

    def __init__(self) -> None:
        self.sizes: dict[int, int] = {}
        self.open: set[int] = set()

    def drawn(self, content: bytes, resources: object) -> int:
        """``content`` laid out with every form it draws (from ``resources``), counted up to just past the limit."""
        forms = _forms(resources)
        size = len(content)
        for name in _DRAWN.findall(content):
            form = forms.get(name.decode("latin-1"))
            if form is not None:
                size += self.form(form, resources)
            if size > limits.MAX_PDF_CONTENT_STREAM:
                break
        return min(size, limits.MAX_PDF_CONTENT_STREAM + 1)

    def form(self, form: PDFStream, inherited: object) -> int:
        key = form.objid if form.objid is not None else id(form)
        if key in self.open:
            raise _Unbounded("引用自身")
        if len(self.open) >= MAX_FORM_DEPTH:
            raise _Unbounded(f"嵌套超过 {MAX_FORM_DEPTH} 层（上限）")
        if key not in self.sizes:
            self.open.add(key)
            self.sizes[key] = self.drawn(form.get_data() or b"", form.get("Resources") or inherited)
            self.open.discard(key)
        return self.sizes[key]


# ``12 0 obj``: where an object starts, wherever it is in the file
_OBJECT_START = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")


class _Scanned(PDFDocument):
    """The file's objects as a scan of its bytes finds them, its cross-references unread: pdfminer's fallback,
    with every ``N G obj`` of the file added (pdfminer's misses the objects after one that lacks ``endobj``)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(PDFParser(io.BytesIO(data)))
        offsets = self.xrefs[0].offsets
        for m in _OBJECT_START.finditer(data):
            offsets.setdefault(int(m[1]), (None, m.start(), int(m[2])))

    def find_xref(self, parser: PDFParser) -> int:
        raise PDFNoValidXRef("the objects are scanned")


def _check_page(layout: _Layout, number: int | str, contents: object, resources: object) -> None:
    where = f"第{number}页" if isinstance(number, int) else number
    contents = contents if isinstance(contents, list) else [contents]
    try:
        size = layout.drawn(_content(contents), resources)
    except _Unbounded as exc:
        raise LimitExceeded(f"PDF {where}的表单对象（XObject）{exc}，页面内容无法展开") from None
    if size > limits.MAX_PDF_CONTENT_STREAM:
        raise LimitExceeded(f"PDF {where}的表单对象（XObject）层层引用，展开后的页面内容超过 "
                            f"{limits.megabytes(limits.MAX_PDF_CONTENT_STREAM)}（上限）")


def _walked(data: bytes, layout: _Layout) -> int:
    """Checks the pages pdfminer finds by the page tree; → how many it found."""
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    found = 0
    for found, page in enumerate(PDFPage.create_pages(document), start=1):
        _check_page(layout, found, page.contents, page.resources)
    return found


def _inherited(page: dict) -> object:
    """A page's /Resources, its own or its nearest parent's."""
    node: object = page
    for _ in range(MAX_TREE_DEPTH):
        if not isinstance(node, dict):
            return None
        if "Resources" in node:
            return node["Resources"]
        node = resolve1(node.get("Parent"))
    return None


def _scanned(data: bytes, layout: _Layout) -> None:
    """Checks, as a page, every dictionary with /Contents among the objects a scan of the file finds."""
    document = _Scanned(data)
    checked: set[tuple[int, int]] = set()   # (contents, resources): pages sharing both are one check
    for xref in document.xrefs:
        for objid in xref.get_objids():
            try:
                page = document.getobj(objid)
            except Exception:   # an object the scan cannot parse is no page pdfium could load either
                continue
            if not isinstance(page, dict) or "Contents" not in page:
                continue
            contents, resources = page["Contents"], _inherited(page)
            key = (id(resolve1(contents)), id(resolve1(resources)))
            if key not in checked:
                checked.add(key)
                _check_page(layout, f"对象 {objid}（页面）", resolve1(contents), resources)


def check_forms(data: bytes, pages: int) -> None:
    """Raises ``LimitExceeded`` when a page draws forms that lay out more than a page's content may be, or a
    form that draws itself; ``pages``: how many pdfium counts."""
    if not _MAY_HOLD_FORMS.search(data):
        return
    layout = _Layout()
    try:
        if _walked(data, layout) >= pages:
            return
    except LimitExceeded:
        raise
    except Exception:   # pdfminer raises whatever a damaged file leads it to: the file is scanned instead
        pass
    try:
        _scanned(data, _Layout())   # afresh: a walk cut short by a damaged object leaves forms open
    except LimitExceeded:
        raise
    except Exception:
        raise LimitExceeded("PDF 的结构损坏（交叉引用表和页面树都无法读取），其中的表单对象（XObject）无法检查大小，"
                            "未读取") from None
