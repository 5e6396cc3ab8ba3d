"""Reports as the XML office formats write them: ODT (LibreOffice Writer's package and its flat .fodt), Word's
Flat OPC (a DOCX's parts in one .xml) and Excel 2003 XML Spreadsheet. The tables are ``html_styles``' official
structure (shared/spec/template.md) with its spans; the figures the report's own."""

from __future__ import annotations

import base64
import io
import zipfile
from html import escape

from gxparse.template import SECTIONS
from tests.gxparse.html_styles import Table, _grid, official_tables

_ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')
_ODT_TYPE = "application/vnd.oasis.opendocument.text"


def _blocks(report: dict, table: callable, paragraph: callable) -> str:
    """The report's title, each section's heading and its table (``table``) or prose (``paragraph``)."""
    tables = official_tables(report)
    parts = [paragraph(report["title"])]
    for section in SECTIONS:
        parts.append(paragraph(f"{section.numeral}、{section.title}"))
        if section.key in tables:
            parts.append(table(tables[section.key]))
        else:
            parts += [paragraph(p.strip()) for p in (report.get(f"{section.key}_text") or "").split("\n\n") if p.strip()]
    return "".join(parts)


def _odt_paragraph(text: str) -> str:
    return f"<text:p>{escape(text)}</text:p>"


def _odt_cell_text(text: str) -> str:
    return "".join(_odt_paragraph(line) for line in text.split("\n")) if text else "<text:p/>"


def _odt_table(table: Table) -> str:
    """LibreOffice's table: a spanning cell then the covered cells of its first row, the covered cells of the
    rows below where the span reaches."""
    rows = []
    for slots in _grid(table):
        cells = []
        for cell, first_row, first_column in slots:
            if first_row and first_column:
                spans = ((f' table:number-columns-spanned="{cell.colspan}"' if cell.colspan > 1 else "")
                         + (f' table:number-rows-spanned="{cell.rowspan}"' if cell.rowspan > 1 else ""))
                value = f' office:value-type="float" office:value="{cell.text}"' if cell.text.isdigit() else ""
                cells.append(f"<table:table-cell{spans}{value}>{_odt_cell_text(cell.text)}</table:table-cell>")
            else:
                cells.append("<table:covered-table-cell/>")
        rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    columns = max(len(slots) for slots in _grid(table))
    return (f'<table:table table:name="{table.key}"><table:table-column table:number-columns-repeated="{columns}"/>'
            f"<table:table-header-rows>{''.join(rows[:table.head])}</table:table-header-rows>{''.join(rows[table.head:])}"
            "</table:table>")


def _odt_content(report: dict, root: str, head: str = "") -> str:
    body = _blocks(report, _odt_table, _odt_paragraph)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:{root} {_ODT_NS}{head}>'
            "<office:body><office:text><text:tracked-changes><text:changed-region><text:deletion><text:p>999"
            f"</text:p></text:deletion></text:changed-region></text:tracked-changes>{body}</office:text></office:body>"
            f"</office:{root}>")


def odf_package(content: str, meta: str | None = None, kind: str = "text") -> bytes:
    """An ODF package as LibreOffice saves one: mimetype stored first, then content.xml and meta.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), f"application/vnd.oasis.opendocument.{kind}",
                         compress_type=zipfile.ZIP_STORED)
        package.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        if meta is not None:
            package.writestr("meta.xml", meta, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def odf_content(body: str) -> str:
    """content.xml of ``body`` (what ``office:body`` holds)."""
    return f'<?xml version="1.0"?><office:document-content {_ODT_NS}><office:body>{body}</office:body></office:document-content>'


def odf_meta(title: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {_ODT_NS}><office:meta>'
            f"<dc:title>{escape(title)}</dc:title></office:meta></office:document-meta>")


def render_odt(report: dict) -> bytes:
    """The report as LibreOffice Writer saves an ODT."""
    return odf_package(_odt_content(report, "document-content"), odf_meta(report["title"]))


def render_fodt(report: dict) -> bytes:
    """The report as a flat ODT (.fodt): the document in one XML file, its type on the root."""
    return _odt_content(report, "document", f' office:mimetype="{_ODT_TYPE}"').encode()


def flat_opc(docx: bytes) -> bytes:
    """A DOCX's parts as Word writes them into one Flat OPC file: XML parts inline, the others base64, the
    content types on each part ([Content_Types].xml is no part of it)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        types = package.read("[Content_Types].xml").decode()
        parts = []
        for name in package.namelist():
            if name == "[Content_Types].xml":
                continue
            data = package.read(name)
            content_type = _content_type(types, name)
            if name.endswith((".xml", ".rels")):
                xml = data.decode().split("?>", 1)[-1] if data.startswith(b"<?xml") else data.decode()
                parts.append(f'<pkg:part pkg:name="/{name}" pkg:contentType="{content_type}"><pkg:xmlData>{xml}'
                             "</pkg:xmlData></pkg:part>")
            else:
                parts.append(f'<pkg:part pkg:name="/{name}" pkg:contentType="{content_type}" pkg:compression="store">'
                             f"<pkg:binaryData>{base64.encodebytes(data).decode()}</pkg:binaryData></pkg:part>")
    return ('<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
            '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
            + "".join(parts) + "</pkg:package>").encode()


def _content_type(types: str, name: str) -> str:
    override = f'PartName="/{name}" ContentType="'
    if override in types:
        return types.split(override, 1)[1].split('"', 1)[0]
    default = f'Extension="{name.rsplit(".", 1)[-1]}" ContentType="'
    return types.split(default, 1)[1].split('"', 1)[0] if default in types else "application/octet-stream"


def _xmlss_table(table: Table) -> str:
    """Excel's rows: a merged cell's ss:MergeAcross/ss:MergeDown, the next cell's ss:Index where slots it skips
    lie under a merge from above."""
    rows = []
    for slots in _grid(table):
        cells, skipped = [], False
        for column, (cell, first_row, first_column) in enumerate(slots, start=1):
            if not (first_row and first_column):
                skipped = skipped or not first_row
                continue
            index = f' ss:Index="{column}"' if skipped else ""
            merge = ((f' ss:MergeAcross="{cell.colspan - 1}"' if cell.colspan > 1 else "")
                     + (f' ss:MergeDown="{cell.rowspan - 1}"' if cell.rowspan > 1 else ""))
            kind = "Number" if cell.text.isdigit() else "String"
            data = f'<Data ss:Type="{kind}">{escape(cell.text)}</Data>' if cell.text else ""
            cells.append(f"<Cell{index}{merge}>{data}</Cell>")
            skipped = False
        rows.append(f"<Row>{''.join(cells)}</Row>")
    return "".join(rows)


def render_xmlss(report: dict) -> bytes:
    """The report as Excel's XML Spreadsheet 2003: a sheet of its title, headings and tables a row apart."""
    tables = official_tables(report)
    rows = [f'<Row><Cell><Data ss:Type="String">{escape(report["title"])}</Data></Cell></Row>']
    for section in SECTIONS:
        rows.append(f'<Row><Cell><Data ss:Type="String">{section.numeral}、{section.title}</Data></Cell></Row>')
        if section.key in tables:
            rows.append(_xmlss_table(tables[section.key]))
    return ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
            f'<Worksheet ss:Name="年报"><Table>{"".join(rows)}</Table></Worksheet></Workbook>').encode()
