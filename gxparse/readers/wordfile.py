"""DOCX → document: body paragraphs become prose lines, Word tables become grids with their merges.

python-docx opens and checks the package; the body is then walked as XML so that paragraphs and tables stay
in document order and merged cells are seen as Word stores them: ``gridSpan`` for horizontal merges,
``vMerge`` (restart / continue) for vertical ones, ``gridBefore`` for rows that start further right.
"""

from __future__ import annotations

import contextlib
import functools
import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import Part, PartFactory
from lxml import etree

from gxparse import limits
from gxparse.cells import grouped_by_commas
from gxparse.document import (A4_INCHES, EVIDENCE_CHARS, HIDDEN_TEXT, Document, Line, LinesRead, ReadNote,
                              lines_from_text)
from gxparse.errors import DocumentError, LimitExceeded
from gxparse.layout.columnparts import TableParts
from gxparse.layout.grid import expand_spans
from gxparse.layout.stacked import unstacked
from gxparse.normalize import normalize_text
from gxparse.readers.formats import IMAGE_KINDS, ocr_budget, read_picture
from gxparse.readers.html import read_html
from gxparse.readers.mhtml import read_mhtml
from gxparse.readers.office import convert
from gxparse.readers.sniff import decode, sniff
from gxparse.readers.splitcells import carries_data
from gxparse.readers.wordstyles import hiding_styles, mark_hidden_runs

_W = W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _TBL, _TR, _TC, _SDT = (f"{{{_W}}}{t}" for t in ("p", "tbl", "tr", "tc", "sdt"))
_T, _TAB, _BR, _CR, _R = (f"{{{_W}}}{t}" for t in ("t", "tab", "br", "cr", "r"))
_VAL = f"{{{_W}}}val"
# wrappers whose content is read as if it stood in their place, in a body, a table or a row: content controls
# and custom XML
_CUSTOM_XML, _SDT_CONTENT = f"{{{_W}}}customXml", f"{{{_W}}}sdtContent"
# text the page does not show: tracked deletions and the old place of a tracked move (w:del holds w:delText,
# but a tool may write w:t there), hidden runs (w:vanish, w:specVanish in the run's own properties, where
# ``wordstyles.mark_hidden_runs`` also puts them for runs their styles or the document's default hide)
_UNSHOWN = frozenset(f"{{{_W}}}{t}" for t in ("del", "moveFrom"))
_HIDDEN = tuple(f"{{{_W}}}rPr/{{{_W}}}{t}" for t in ("vanish", "specVanish"))
_OFF = ("0", "false", "off")
_ROW_DELETED = f"{{{_W}}}trPr/{{{_W}}}del"
# an imported chunk: a part Word converts into the document when it opens it (HTML, MHT, plain text), written
# by exporters (docx4j's addAltChunk, html-docx-js) in place of the body's own paragraphs and tables
_ALT_CHUNK = f"{{{_W}}}altChunk"
_SECT_PR, _TITLE_PG = f"{{{_W}}}sectPr", f"{{{_W}}}titlePg"
_HEADER_REF, _TYPE = f"{{{_W}}}headerReference", f"{{{_W}}}type"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_TXBX = f"{{{_W}}}txbxContent"   # a text box's own paragraphs and tables, inside the paragraph anchoring it
# Word 2010 on and WPS write a text box twice: as DrawingML (mc:Choice) and as VML for older readers (mc:Fallback)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ALTERNATE, _CHOICE, _FALLBACK = (f"{{{_MC}}}{t}" for t in ("AlternateContent", "Choice", "Fallback"))
# pictures: DrawingML (Word 2007 on, WPS, LibreOffice) with their size on the page in EMU
_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_DRAWING = f"{{{_W}}}drawing"
_EMU_PER_INCH = 914400
_MIN_PICTURE_SHARE = 0.08   # of an A4 page: a table pasted as a picture; a seal or logo is smaller


_PART_CLASS = PartFactory.part_class_selector


def _part_class(content_type: str, reltype: str) -> type[Part] | None:
    """python-docx's class for a part, but an imported chunk's part stays bytes: a Word document imported whole
    is typed as a main document part (the OpenXML SDK's AlternativeFormatImportPartType.WordprocessingML), which
    python-docx would parse as XML and refuse the whole file."""
    if reltype == RELATIONSHIP_TYPE.A_F_CHUNK:
        return Part
    return _PART_CLASS(content_type, reltype) if _PART_CLASS is not None else None


PartFactory.part_class_selector = _part_class   # python-docx's hook for its clients; no other part changes


def _open(data: bytes, source: str) -> tuple[etree._Element, str | None, Part]:
    """The document's body, its title property (a web page saved as Word keeps its <title> there) and its
    part (where its pictures are)."""
    try:
        limits.check_package(data, "DOCX")
        document = docx.Document(io.BytesIO(data))
        return document.element.body, document.core_properties.title, document.part
    except (LimitExceeded, MemoryError, RecursionError):
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, struct.error) as exc:
        raise DocumentError(source, "DOCX 文件损坏或不完整（压缩包结构错误），无法打开") from exc
    except (RuntimeError, NotImplementedError) as exc:   # zipfile: encrypted, or an unknown compression
        raise DocumentError(source, "DOCX 文件已加密或使用了不支持的压缩方式，无法打开") from exc
    except PackageNotFoundError as exc:
        raise DocumentError(source, "不是有效的 Word 文档包（缺少 [Content_Types].xml 或主文档），无法打开") from exc
    except etree.XMLSyntaxError as exc:
        raise DocumentError(source, "DOCX 文件中的 XML 损坏或含有不允许的结构（实体展开、过深嵌套），无法解析") from exc
    except Exception as exc:
        # python-docx assumes a well-formed package: an odd [Content_Types].xml or relationship part
        # surfaces as AttributeError, KeyError, TypeError or ValueError from deep inside it
        raise DocumentError(source, "DOCX 文件结构异常（[Content_Types].xml 或部件关系不合规范），无法打开") from exc


def _without_fallbacks(body: etree._Element) -> etree._Element:
    """The body with each alternate content's fallback removed where it has a choice: read both, every text
    box would be read twice."""
    for alternate in list(body.iter(_ALTERNATE)):
        if alternate.find(_CHOICE) is not None:
            for fallback in alternate.findall(_FALLBACK):
                alternate.remove(fallback)
    return body


def _in_text_box(el: etree._Element, p: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not p:
        if parent.tag == _TXBX:
            return True
        parent = parent.getparent()
    return False


def _is_hidden_run(run: etree._Element) -> bool:
    return any(flag.get(_VAL, "true") not in _OFF for path in _HIDDEN for flag in run.iterfind(path))


def _shown(el: etree._Element, p: etree._Element) -> bool:
    """Whether the paragraph's text element ``el`` is its own text the page shows: not in a text box it
    anchors (read as paragraphs of their own), a tracked deletion or move away, nor a hidden run."""
    parent = el.getparent()
    while parent is not None and parent is not p:   # as deep as the XML parser allows (lxml: 256 levels)
        if parent.tag == _TXBX or parent.tag in _UNSHOWN or (parent.tag == _R and _is_hidden_run(parent)):
            return False
        parent = parent.getparent()
    return True


def _paragraph_text(p: etree._Element) -> str:
    """The paragraph's own text as the page shows it."""
    parts = []
    for el in p.iter(_T, _TAB, _BR, _CR):
        if not _shown(el, p):
            continue
        if el.tag == _T:
            parts.append(el.text or "")
        elif el.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _int_prop(el: etree._Element | None, default: int = 1) -> int:
    """A span or a count of skipped columns: at most ``limits.MAX_SPAN`` (Word itself allows 63 columns)."""
    try:
        return min(max(1, int(el.get(_VAL))), limits.MAX_SPAN) if el is not None else default
    except (TypeError, ValueError):
        return default


def _cell_text(tc: etree._Element) -> str:
    # a cell's paragraphs and line breaks are the wrapped lines of one label, figures a line each, or the
    # lines of rows stacked into one (``stacked.unstacked`` joins them); nested tables add their text in order
    return "\n".join(_paragraph_text(p) for p in tc.iter(_P))


def _table_rows(tbl: etree._Element) -> list[list[list[tuple[str, int, int]]]]:
    """The table as rows of (text, rowspan, colspan), as HTML has them: vMerge runs become one cell with a
    rowspan. A table Word or LibreOffice made of two tables put together is given back as two (see
    ``_split_points``)."""
    placed: list[list[list]] = []            # per row: [text, col, rowspan, colspan]
    starts: list[set[int]] = []              # per row: the grid columns its cells begin at
    open_runs: dict[int, list] = {}          # column → the cell a vMerge run started in
    for tr in _children(tbl, _TR):
        col = _int_prop(tr.find(f"{{{_W}}}trPr/{{{_W}}}gridBefore"), 0)
        row: list[list] = [["", 0, 1, col]] if col else []   # the empty grid columns the row skips
        begins: set[int] = set()
        for tc in _children(tr, _TC):
            props = tc.find(f"{{{_W}}}tcPr")
            span = _int_prop(props.find(f"{{{_W}}}gridSpan") if props is not None else None)
            merge = props.find(f"{{{_W}}}vMerge") if props is not None else None
            begins.add(col)
            if merge is not None and merge.get(_VAL, "continue") == "continue" and col in open_runs:
                open_runs[col][2] += 1
            else:
                # a figure grouped by spaces in a cell of its own is one figure (1 288)
                cell = [grouped_by_commas(normalize_text(_cell_text(tc)).strip()), col, 1, span]
                row.append(cell)
                if merge is not None:
                    open_runs[col] = cell
                else:
                    open_runs.pop(col, None)
            col += span
        placed.append(row)
        starts.append(begins - {0})
    tables = []
    bounds = [0, *_split_points(starts), len(placed)]
    for top, bottom in zip(bounds, bounds[1:]):
        tables.append([[(text, min(rowspan, bottom - r), colspan) for text, _, rowspan, colspan in row]
                       for r, row in enumerate(placed[top:bottom], start=top)])
    return tables


def _split_points(starts: list[set[int]]) -> list[int]:
    """Rows where one table ends and another begins: the cells above and below share no column boundary
    (a caption row spanning the whole width has none and never splits a table)."""
    return [r for r in range(1, len(starts))
            if starts[r - 1] and starts[r] and not starts[r - 1] & starts[r]]


def _children(parent: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """The children of ``parent`` with one of ``tags`` in document order, looking inside the content controls
    and custom XML that wrap them (Word and WPS wrap paragraphs, tables, rows and cells alike); a table row
    deleted with its changes tracked is left out."""
    for child in parent:
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, *tags)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, *tags)
        elif child.tag in tags and not (child.tag == _TR and child.find(_ROW_DELETED) is not None):
            yield child


def _block_items(parent: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs, tables and imported chunks in document order."""
    return _children(parent, _P, _TBL, _ALT_CHUNK)


def _chunk_lines(part: Part, source: str) -> list[Line]:
    """The lines of an imported chunk's part, read as the web page (HTML, or MHT as html-docx-js wraps it),
    text, Word document (documents merged by docx4j or docxcompose) or RTF document (converted by LibreOffice,
    as a DOC is) it is; none for a kind no reader here reads. A Word document's own chunks are not read: one
    level of documents in documents."""
    kind = part.content_type.split(";")[0].strip().lower()
    sniffed = sniff(part.blob)
    if sniffed == "docx":
        return read_docx(part.blob, source, chunks=False).lines
    if sniffed == "rtf":
        return read_docx(convert(part.blob, source, "rtf"), source, chunks=False).lines
    if kind in ("text/html", "application/xhtml+xml"):
        return read_html(decode(part.blob, source), source).lines
    if kind in ("message/rfc822", "multipart/related"):
        return read_mhtml(part.blob, source).lines
    if kind == "text/plain":
        return lines_from_text(normalize_text(decode(part.blob, source)))
    return []


def _rtf_chunks(body: etree._Element, part: Part) -> set[str]:
    """The names of the RTF parts the body imports, each one a conversion by LibreOffice."""
    named = (part.related_parts.get(chunk.get(_REL_ID)) for chunk in body.iter(_ALT_CHUNK))
    return {str(chunk.partname) for chunk in named if chunk is not None and sniff(chunk.blob) == "rtf"}


def _text_boxes(p: etree._Element) -> list[etree._Element]:
    """The text boxes a paragraph anchors (not those inside them: each box reads its own)."""
    return [box for box in p.iter(_TXBX) if not _in_text_box(box, p)]


def _is_layout_table(tbl: etree._Element) -> bool:
    """A table that holds tables (a web page laid out in a table and saved as Word: navigation beside the
    article) or has one column (a text frame around the body) carries no figures of its own: its cells are
    the document's body, read in order. A table whose tables within only split its cells (``carries_data``: a
    diagonal corner) carries data, their text its cells' text."""
    if next(tbl.iterdescendants(_TBL), None) is not None:
        return not carries_data(tbl, _TBL, (_TC,))
    return all(sum(1 for _ in _children(tr, _TC)) <= 1 for tr in _children(tbl, _TR))


def _first_page_header(body: etree._Element, part: Part) -> etree._Element | None:
    """The header printed on the document's first page (its first section's first-page header where it has
    one, else its default header): WPS and Word templates print the report's title or issuing agency there."""
    section = next(body.iter(_SECT_PR), None)
    if section is None:
        return None
    titled = section.find(_TITLE_PG)
    wanted = "first" if titled is not None and titled.get(_VAL, "true") not in _OFF else "default"
    for reference in section.iterfind(_HEADER_REF):
        if reference.get(_TYPE, "default") == wanted:
            element = getattr(part.related_parts.get(reference.get(_REL_ID)), "element", None)
            return _without_fallbacks(element) if element is not None else None
    return None


@dataclass
class _Picture:
    blob: bytes
    kind: str


def _pictures(p: etree._Element, part: Part) -> list[_Picture]:
    """The pictures of a paragraph large enough to be content (a table pasted as a picture), in a format OCR
    reads. Their size on the page says nothing of their resolution (a 150-dpi scan pasted six inches wide):
    OCR takes the picture's own."""
    out = []
    for drawing in p.iter(_DRAWING):
        extent, blip = next(drawing.iter(_EXTENT), None), next(drawing.iter(_BLIP), None)
        if extent is None or blip is None or (target := part.related_parts.get(blip.get(_EMBED))) is None:
            continue
        width, height = (_emu(extent, name) / _EMU_PER_INCH for name in ("cx", "cy"))
        if width * height >= _MIN_PICTURE_SHARE * A4_INCHES[0] * A4_INCHES[1] and (
                kind := sniff(target.blob)) in IMAGE_KINDS:
            out.append(_Picture(target.blob, kind))
    return out


def _emu(extent: etree._Element, name: str) -> int:
    try:
        return max(0, int(extent.get(name, "0")))
    except ValueError:
        return 0


class _BodyReader:
    def __init__(self, part: Part, source: str, pictures_by_ocr: bool, chunks: bool) -> None:
        self.lines: list[Line] = []
        self.tables = 0
        self.part = part
        self.source = source
        self.pictures_by_ocr = pictures_by_ocr
        self.pictured = False   # the body holds pictures that could be tables
        self.pictures_read = 0
        self.notes: list[ReadNote] = []   # what the pictures' reading must say
        self.chunks = chunks
        self.chunks_read: set[str] = set()   # each imported part once, however many chunks name it
        self.body_from = 0   # the first line of the body, after the page header's
        self.parts = TableParts()   # the body's last table, joined with a column part after it (Word tables)
        self.read_so_far = LinesRead("Word 文档")

    @property
    def shows_nothing(self) -> bool:
        """Whether the body shows no text and no picture."""
        return not self.pictured and not any(line.text.strip() for line in self.lines[self.body_from:])

    def read(self, parent: etree._Element) -> None:
        for item in _block_items(parent):
            if item.tag == _TBL and _is_layout_table(item):
                for row in _children(item, _TR):
                    for cell in _children(row, _TC):
                        self.read(cell)
            elif item.tag == _ALT_CHUNK:
                self._read_chunk(item)
            elif item.tag == _TBL:
                for rows in _table_rows(item):
                    self.tables += 1
                    self.parts.add(self.lines, expand_spans(unstacked(rows), f"第{self.tables}个表格"), self.tables)
            else:
                for line in lines_from_text(_paragraph_text(item)):
                    line.where = f"段落{len(self.lines) + 1}"
                    self.lines.append(line)
                self._read_pictures(item)
                for box in _text_boxes(item):
                    self.read(box)
            self.read_so_far.check(self.lines)

    def _read_chunk(self, chunk: etree._Element) -> None:
        part = self.part.related_parts.get(chunk.get(_REL_ID))
        if not self.chunks or part is None or str(part.partname) in self.chunks_read:
            return
        self.chunks_read.add(str(part.partname))
        self.lines.extend(_chunk_lines(part, self.source))

    def _read_pictures(self, p: etree._Element) -> None:
        pictures = _pictures(p, self.part)
        self.pictured |= bool(pictures)
        if not self.pictures_by_ocr:
            return
        for picture in pictures:
            self.pictures_read += 1
            document = read_picture(picture.blob, self.source, picture.kind, self.pictures_read)
            self.lines += document.lines
            self.notes += document.notes


def read_docx(data: bytes, source: str, source_type: str = "docx", pictures_by_ocr: bool = False,
              chunks: bool = True) -> Document:
    """The document's lines; with ``pictures_by_ocr`` its large pictures are read by OCR where they stand
    (the document's ``read_pictures`` reads it so when its tables are not found in the text); ``chunks``: its
    imported chunks are read (a document imported by another is read without its own)."""
    body, title, part = _open(data, source)
    body = _without_fallbacks(body)
    header = _first_page_header(body, part)
    roots = (body, header) if header is not None else (body,)
    styles = hiding_styles(part)
    for root in roots:
        mark_hidden_runs(root, styles)
    if chunks:
        limits.check_converted_chunks(len(_rtf_chunks(body, part)))
    with ocr_budget() if pictures_by_ocr else contextlib.nullcontext():   # one budget for all the pictures
        reader = _read_body(body, header, part, source, pictures_by_ocr, chunks)
        notes = reader.notes
        if reader.shows_nothing:
            # a body Word shows empty whose text is all hidden (a generator's default hiding every run): the
            # hidden text is the report, read in a second and last walk
            for root in roots:
                _unhide(root)
            reader = _read_body(body, header, part, source, pictures_by_ocr, chunks)
            if reader.lines:
                notes.append(ReadNote(HIDDEN_TEXT, "正文在 Word 中不显示任何文字，全部为隐藏文字（w:vanish）："
                                      "已按隐藏文字读取", reader.lines[0].where, reader.lines[0].text[:EVIDENCE_CHARS]))
    title = normalize_text(title or "").strip()
    again = functools.partial(read_docx, data, source, source_type, True) if reader.pictured else None
    # figures read from pictures make it a document read by OCR, as a PDF with such pages is
    read_by_ocr = pictures_by_ocr and reader.pictured
    return Document(reader.lines, "ocr" if read_by_ocr else source_type, title=title or None,
                    read_pictures=None if pictures_by_ocr else again, notes=notes)


def _read_body(body: etree._Element, header: etree._Element | None, part: Part, source: str,
               pictures_by_ocr: bool, chunks: bool) -> _BodyReader:
    reader = _BodyReader(part, source, pictures_by_ocr, chunks)
    if header is not None:   # read once, above the body, as the first page prints it
        reader.read(header)
    reader.body_from = len(reader.lines)
    reader.read(body)
    return reader


def body_lines(body: etree._Element, source: str) -> list[Line]:
    """The lines of a WordprocessingML body that comes without a package (Word 2003 XML: ``readers/wordxml.py``):
    no related part holds a picture or an imported chunk for it."""
    return _read_body(body, None, Part(PackURI("/word/document.xml"), "application/xml"), source, False, False).lines


def _unhide(root: etree._Element) -> None:
    """Every hidden run of ``root`` shown: its own hiding flags removed (``mark_hidden_runs`` gave every run
    its styles hide one)."""
    for path in _HIDDEN:
        for flag in list(root.iterfind(f".//{{{_W}}}r/{path}")):
            flag.getparent().remove(flag)


def read_word_binary(data: bytes, source: str, kind: str) -> Document:
    """A Word document in a format other than DOCX (``kind``: doc, wps or rtf), read as LibreOffice converts it."""
    return read_docx(convert(data, source, kind), source, source_type=kind)
