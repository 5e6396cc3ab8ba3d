"""Word 2003 XML (WordprocessingML 2003: Word 2003–2019's and WPS's "XML 文档 (*.xml)"): the whole document in
one XML file, root ``w:wordDocument``. Its body is WordprocessingML as DOCX holds it, under the 2003 namespace
(``w:p``, ``w:tbl``, ``w:gridSpan``; ``w:vmerge`` for DOCX's ``w:vMerge``), its sections and headings wrapped
in ``wx:sect``/``wx:sub-section``: renamed into DOCX's namespace and unwrapped, it is read by the DOCX body
reader. Word never writes a DOCTYPE into it: one (an entity's expansion, an external file) is refused."""

from __future__ import annotations


from lxml import etree

from gxparse.document import Document
from gxparse.errors import DocumentError
from gxparse.normalize import normalize_text
from gxparse.readers.officexml import office_xml
from gxparse.readers.wordfile import W_NAMESPACE, body_lines

_W2003 = "http://schemas.microsoft.com/office/word/2003/wordml"
_WX = "http://schemas.microsoft.com/office/word/2003/auxHint"
_TITLE = "{urn:schemas-microsoft-com:office:office}DocumentProperties/{urn:schemas-microsoft-com:office:office}Title"
_RENAMED = {"vmerge": "vMerge"}   # the 2003 names DOCX spells otherwise
_WRAPPERS = (f"{{{_WX}}}sect", f"{{{_WX}}}sub-section")


def read_word_xml(data: bytes, source: str) -> Document:
    root = office_xml(data, source, "Word XML 文档", "Word")
    body = root.find(f"{{{_W2003}}}body")
    if body is None:
        raise DocumentError(source, "Word XML 文档没有正文（w:body），无法读取")
    _as_docx(body)
    title = normalize_text(root.findtext(_TITLE) or "").strip()
    return Document(body_lines(body, source), "wordxml", title=title or None)


def _as_docx(body: etree._Element) -> None:
    """The 2003 body in DOCX's namespace and names, its section wrappers unwrapped."""
    for wrapper in list(body.iter(*_WRAPPERS)):
        parent = wrapper.getparent()
        at = parent.index(wrapper)
        parent[at:at + 1] = list(wrapper)
    prefix = f"{{{_W2003}}}"
    for el in body.iter(etree.Element):
        if el.tag.startswith(prefix):
            local = el.tag[len(prefix):]
            el.tag = f"{{{W_NAMESPACE}}}{_RENAMED.get(local, local)}"
        for name in [n for n in el.attrib if n.startswith(prefix)]:
            el.set(f"{{{W_NAMESPACE}}}{name[len(prefix):]}", el.attrib.pop(name))
