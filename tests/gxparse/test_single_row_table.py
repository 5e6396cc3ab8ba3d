"""A table printed without rules that is one header block over one row of figures, some cells blank (表四 with its
zeros left out): its figures are laid under the header's cells (``layout.columns``), or not at all."""

from gxparse.layout import columns
from gxparse.layout.pages import Glyph, Page, document_lines

_SIZE = 10.0
_PITCH = 34.0   # the columns' spacing
_HEADS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
_FIGURES = ["5", "17", "3", "", "25", "9", "4", "", "1", "14", "9", "5", "3", "", "17"]


def _chars(text: str, x: float, y: float) -> list[Glyph]:
    return [Glyph(ch, x + k * _SIZE, y, x + (k + 1) * _SIZE, y + _SIZE) for k, ch in enumerate(text)]


def _page(figures: list[tuple[str, float]]) -> Page:
    """Two rows of a table above (the page is looked at for tables without rules), the section's heading, the
    header block (group headers, then each column's header a character a line) and the row's ``figures``, each
    centred at its x."""
    glyphs: list[Glyph] = []
    for n in range(2):
        glyphs += _chars(f"第{n}项结转办理", 40, 20 + 16 * n) + _chars(str(3 + n), 300, 20 + 16 * n)
        glyphs += _chars(str(7 + n), 400, 20 + 16 * n)
    glyphs += _chars("四、政府信息公开行政复议、行政诉讼情况", 40, 60)
    glyphs += _chars("行政复议", 80, 90) + _chars("行政诉讼", 330, 90)
    glyphs += _chars("未经复议直接起诉", 210, 110) + _chars("复议后起诉", 420, 110)
    for c, head in enumerate(_HEADS):
        for k, ch in enumerate(head):
            glyphs += _chars(ch, 40 + _PITCH * c, 130 + 12 * k)
    for text, middle in figures:
        glyphs += _chars(text, middle - len(text) * _SIZE / 2, 190)
    glyphs += _chars("五、存在的主要问题及改进情况", 40, 230)
    return Page(1, 580, 800, glyphs)


def _row(page: Page) -> list[str]:
    return next(line.values for line in document_lines([page]) if len(line.values) > 2)


def test_a_one_row_table_with_blank_cells_is_read_under_its_header_cells():
    figures = [(text, 45 + _PITCH * c) for c, text in enumerate(_FIGURES) if text]
    assert _row(_page(figures)) == _FIGURES


def test_the_heading_over_a_one_row_tables_header_stays_a_line_of_its_own():
    figures = [(text, 45 + _PITCH * c) for c, text in enumerate(_FIGURES) if text]
    texts = [line.text for line in document_lines([_page(figures)])]
    assert "四、政府信息公开行政复议、行政诉讼情况" in texts


def test_a_figure_under_no_header_cell_leaves_the_row_as_printed():
    figures = [(text, 45 + _PITCH * c) for c, text in enumerate(_FIGURES) if text]
    figures[3] = (figures[3][0], figures[3][1] - _PITCH / 2)   # 25 between two columns' headers
    assert _row(_page(figures)) == [text for text in _FIGURES if text]


def test_a_row_with_a_label_is_no_one_row_table():
    figures = [(text, 45 + _PITCH * c) for c, text in enumerate(_FIGURES) if text]
    page = _page(figures)
    page.glyphs[:0] = _chars("合计", 5, 190)   # a label left of the figures
    assert _row(page) == [text for text in _FIGURES if text]


def test_a_header_of_many_tiny_boxes_is_never_compared_pair_by_pair(monkeypatch):
    figures = [(text, 45 + _PITCH * c) for c, text in enumerate(_FIGURES) if text]
    page = _page(figures)
    for k in range(4):   # lines of five hundred tiny boxes each right over the row
        page.glyphs += [Glyph("丨", 40 + m, 178 + 2.5 * k, 40.2 + m, 179 + 2.5 * k) for m in range(500)]
    compared = []
    monkeypatch.setattr(columns, "_leaf_spans", lambda pieces: compared.append(len(pieces)) or [])
    document_lines([page])
    assert all(n <= columns.MAX_HEADER_PIECES for n in compared)
