"""A PDF's form XObjects measured as pdfium would lay them out, before pdfium loads a page.

pdfium parses a form XObject's content anew every time a page draws it (``/Name Do``), and a form may draw other
forms: a form drawing itself four times, or twenty forms each drawing the next ten times, is a file of a few
hundred bytes that makes pdfium allocate without end while it loads the page (43 MB a second, until the process
is killed or aborts). So the content each page lays out is counted here, every form once per time it is drawn,
and a page over ``limits.MAX_PDF_CONTENT_STREAM`` of it (what one page's own content may be), or a form that
draws itself, is refused.

pdfminer reads the file's objects (object streams and inherited resources included). A file pdfminer cannot
read is left to pdfium, which says what is wrong with it: this check can only refuse, never pass a file.
"""

from __future__ import annotations

import io
import re

from pdfminer.pdfdocument import PDFDocument
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


def check_forms(data: bytes) -> None:
    """Raises ``LimitExceeded`` when a page draws forms that lay out more than a page's content may be, or a
    form that draws itself."""
    if not _MAY_HOLD_FORMS.search(data):
        return
    layout = _Layout()
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            contents = page.contents if isinstance(page.contents, list) else [page.contents]
            try:
                size = layout.drawn(_content(contents), page.resources)
            except _Unbounded as exc:
                raise LimitExceeded(f"PDF 第{number}页的表单对象（XObject）{exc}，页面内容无法展开") from None
            if size > limits.MAX_PDF_CONTENT_STREAM:
                raise LimitExceeded(f"PDF 第{number}页的表单对象（XObject）层层引用，展开后的页面内容超过 "
                                    f"{limits.megabytes(limits.MAX_PDF_CONTENT_STREAM)}（上限）")
    except LimitExceeded:
        raise
    except Exception:   # pdfminer raises whatever a damaged file leads it to: pdfium says what is wrong with it
        return

