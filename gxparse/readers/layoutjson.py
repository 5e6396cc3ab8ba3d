"""A layout tool's JSON → the report as HTML: its text blocks and tables in reading order.

Document-layout parsers and services hand a PDF or Word file back as a tree of blocks, each table apart from
the text: MinerU's content list (``table_body`` HTML), unstructured's elements (``metadata.text_as_html``),
docling's DoclingDocument (``body.children`` as ``$ref`` pointers to ``texts`` and ``tables``, each table's
``table_cells`` by row and column offsets), Azure's ``tables[].cells`` (``rowIndex``/``columnIndex``/``rowSpan``),
docx2python's tables × rows × cells × paragraphs lists, Adobe's Extract API ``elements`` named by structure paths
(``//Document/Table[2]/TR[3]/TD[2]/P``, spans in the TD's ``attributes``). Such a JSON holds the report in pieces, so no one field
is the report (``jsondoc.report_field``): the walk below gathers the pieces in document order, a block's text a
paragraph, a list of indexed cells a table with its spans, an HTML table as it is (the block's flattened text
beside it left out)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from gxparse.readers.blockgraph import block_pieces
from gxparse.readers.celltables import cells_table

MAX_DEPTH = 12
MAX_NODES = 200_000
_TEXT_KEYS = ("text", "content", "words")
_ROW_KEYS = ("rowindex", "startrowoffsetidx", "rowstart", "row")
_COL_KEYS = ("columnindex", "colindex", "startcoloffsetidx", "colstart", "column", "col")
_ROWSPAN_KEYS = ("rowspan",)
_COLSPAN_KEYS = ("columnspan", "colspan")
_ROW_END_KEYS = ("endrowoffsetidx", "rowend")   # exclusive ends
_COL_END_KEYS = ("endcoloffsetidx", "colend")
_TABLE = re.compile(r"<table\b", re.I)
# a layout tool's table block: one table alone (MinerU wraps it in <html><body>); an article's HTML holding
# tables among its paragraphs is a CMS's field, each such field a report of its own (``jsondoc``)
_BARE_TABLE = re.compile(r"\s*(?:<html>\s*)?(?:<body>\s*)?<table\b.*</table>\s*(?:</body>\s*)?(?:</html>\s*)?",
                         re.I | re.S)


def layout_html(answer: object) -> str | None:
    """The report a layout tool's JSON holds in pieces, as one HTML page; None when it holds fewer than two
    tables apart (one field holding the whole report is ``jsondoc``'s)."""
    pieces = _path_pieces(answer)
    if pieces is None:
        pieces = block_pieces(answer)
    if pieces is None:
        pieces = [piece for _, piece in _Walk(answer).pieces(answer, 0)]
    if sum(1 for p in pieces if not p.startswith("<p>") and _TABLE.search(p)) < 2:
        return None
    return "<html><body>\n" + "\n".join(pieces) + "\n</body></html>"


_STEP = re.compile(r"([A-Za-z]+)(?:\[(\d+)\])?")


def _path_pieces(answer: object) -> list[str] | None:
    """Elements named by PDF structure paths, as Adobe's Extract API writes them: a table's TR/TD (TH) steps its
    rows and cells, a cell's spans in its own element's ``attributes``, the text in the elements under it; any
    other element with text a paragraph. None when the answer holds no such elements."""
    elements = answer.get("elements") if isinstance(answer, dict) else None
    if not isinstance(elements, list) or not any(isinstance(e, dict) and isinstance(e.get("Path"), str)
                                                 for e in elements):
        return None
    pieces: list[object] = []   # paragraphs as strings, tables as {row: {cell: [spans, texts]}}
    tables: dict[str, dict] = {}
    for element in elements:
        if not isinstance(element, dict) or not isinstance(path := element.get("Path"), str):
            continue
        steps = _STEP.findall(path.removeprefix("//"))
        names = [name for name, _ in steps]
        text = element.get("Text")
        if "Table" not in names:
            if isinstance(text, str) and text.strip():
                pieces.append(f"<p>{html.escape(text.strip())}</p>")
            continue
        at = names.index("Table")
        key = "/".join(n + i for n, i in steps[:at + 1])
        if key not in tables:
            tables[key] = {}
            pieces.append(tables[key])
        row_at = next((k for k in range(at + 1, len(steps)) if names[k] == "TR"), None)
        cell_at = next((k for k in range(at + 1, len(steps)) if names[k] in ("TD", "TH")), None)
        if row_at is None or cell_at is None:
            continue
        cell = tables[key].setdefault(steps[row_at], {}).setdefault(steps[cell_at], [{}, []])
        if cell_at == len(steps) - 1 and isinstance(attrs := element.get("attributes"), dict):
            cell[0] = attrs
        elif isinstance(text, str) and text.strip():
            cell[1].append(text.strip())
    return [p if isinstance(p, str) else _path_table(p) for p in pieces]


def _path_table(rows: dict) -> str:
    out = []
    for cells in rows.values():
        tds = []
        for attrs, texts in cells.values():
            span = "".join(f' {name}="{n}"' for name, key in (("rowspan", "RowSpan"), ("colspan", "ColSpan"))
                           if (n := _index(attrs.get(key))) and n > 1)
            tds.append(f"<td{span}>{html.escape(''.join(texts))}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    return "<table>" + "".join(out) + "</table>"


def _keyed(node: dict) -> dict[str, object]:
    return {re.sub(r"[_-]", "", str(k)).lower(): v for k, v in node.items()}


def _first(fields: dict[str, object], keys: tuple[str, ...]) -> object:
    return next((fields[k] for k in keys if k in fields), None)


def _index(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _cell(node: object) -> tuple[int, int, int, int, str] | None:
    """A table cell: an object with a row and a column index, its spans (or exclusive ends) and its text."""
    if not isinstance(node, dict):
        return None
    fields = _keyed(node)
    row, col = _index(_first(fields, _ROW_KEYS)), _index(_first(fields, _COL_KEYS))
    text = _first(fields, _TEXT_KEYS)
    if row is None or col is None or not isinstance(text, (str, type(None))):
        return None
    rs = _index(_first(fields, _ROWSPAN_KEYS))
    cs = _index(_first(fields, _COLSPAN_KEYS))
    if rs is None and (end := _index(_first(fields, _ROW_END_KEYS))) is not None:
        rs = end - row
    if cs is None and (end := _index(_first(fields, _COL_END_KEYS))) is not None:
        cs = end - col
    return row, col, max(rs or 1, 1), max(cs or 1, 1), (text or "").strip()


def _offset(node: object) -> int | None:
    """Where a block begins in the document's text (Azure's ``spans[0].offset``), None where it does not say."""
    spans = _keyed(node).get("spans") if isinstance(node, dict) else None
    first = spans[0] if isinstance(spans, list) and spans and isinstance(spans[0], dict) else {}
    return _index(first.get("offset"))


def _grid_table(node: object) -> str | None:
    """docx2python's table: rows of cells of paragraph strings (a 1 × 1 one a paragraph)."""
    if not (isinstance(node, list) and node and all(
            isinstance(row, list) and row and all(
                isinstance(cell, list) and all(isinstance(p, str) for p in cell) for cell in row) for row in node)):
        return None
    if len(node) == 1 and len(node[0]) == 1:
        text = "".join(node[0][0]).strip()
        return f"<p>{html.escape(text)}</p>" if text else ""
    return "<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(''.join(cell).strip())}</td>" for cell in row)
                               + "</tr>" for row in node) + "</table>"


class _Walk:
    """Depth first in document order, ``$ref`` pointers (JSON Pointer, ``#/texts/3``) in a list (children)
    followed where they stand and their targets not read again where they are kept; a pointer held by a field
    (``parent``) points back up and is not followed."""

    def __init__(self, root: object) -> None:
        self.root = root
        self.nodes = 0
        self.seen: set[int] = set()
        self.targets = {id(t) for t in self._ref_targets(root, 0)}

    def _ref_targets(self, node: object, depth: int) -> Iterator[object]:
        if depth > MAX_DEPTH:
            return
        if isinstance(node, dict):
            for v in node.values():
                yield from self._ref_targets(v, depth + 1)
        elif isinstance(node, list):
            for v in node:
                if isinstance(v, dict) and isinstance(ref := v.get("$ref"), str):
                    if (target := self._resolve(ref)) is not None:
                        yield target
                else:
                    yield from self._ref_targets(v, depth + 1)

    def _resolve(self, ref: str) -> object:
        if not ref.startswith("#/"):
            return None
        node = self.root
        for part in ref[2:].split("/"):
            if isinstance(node, dict):
                node = node.get(part.replace("~1", "/").replace("~0", "~"))
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return None
        return node

    def pieces(self, node: object, depth: int, via_ref: bool = False,
               listed: bool = False) -> Iterator[tuple[int | None, str]]:
        """The HTML pieces of ``node``, each with its offset in the document's text where the tool gives one."""
        self.nodes += 1
        if depth > MAX_DEPTH or self.nodes > MAX_NODES or id(node) in self.seen:
            return
        if id(node) in self.targets and not via_ref:
            return   # read where a pointer stands
        self.seen.add(id(node))
        if isinstance(node, list):
            if (grid := _grid_table(node)) is not None:
                if grid:
                    yield None, grid
                return
            for item in node:
                yield from self.pieces(item, depth + 1, listed=True)
            return
        if not isinstance(node, dict):
            return
        if isinstance(ref := node.get("$ref"), str):
            if listed and (target := self._resolve(ref)) is not None:
                yield from self.pieces(target, depth + 1, via_ref=True)
            return
        for value in node.values():
            if isinstance(value, list) and len(value) > 1:
                cells = [_cell(x) for x in value]
                if None not in cells:
                    offsets = [o for x in value if (o := _offset(x)) is not None]
                    yield min(offsets, default=None), cells_table(cells)   # type: ignore[arg-type]
                    return
        inner: list[tuple[int | None, str]] = []
        for value in node.values():
            if isinstance(value, str) and _BARE_TABLE.fullmatch(value):
                inner.append((None, value))
            elif isinstance(value, (dict, list)):
                inner += self.pieces(value, depth + 1)
        if len(inner) > 1 and all(o is not None for o, _ in inner):
            # blocks kept in lists by kind (paragraphs, tables) are read in the order of the text they stand at
            inner.sort(key=lambda piece: piece[0])   # type: ignore[arg-type, return-value]
        text = _first(_keyed(node), _TEXT_KEYS)
        if isinstance(text, str) and text.strip() and not any(_TABLE.search(p) for _, p in inner):
            yield _offset(node), f"<p>{html.escape(text.strip())}</p>"
        yield from inner
