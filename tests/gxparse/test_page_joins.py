"""A table continued on the next page is joined to its first part, and the row the page boundary broke is put
back together, also when the two parts show different column rules (table 三's label column is one merged
cell in its first rows and three columns further down); a full-width header row opening the next page is
no broken row."""

from gxparse.layout import pages
from gxparse.layout.pages import Glyph, Page, Rule, document_lines
from gxparse.rows import collect_rows
from gxparse.tables.s3 import S3_MATCHER


def _word(text: str, x: float, y: float) -> Glyph:
    return Glyph(text, x, y, x + 10 * len(text), y + 10)


def _ruled(ys: list[float], xs_by_row: list[list[float]]) -> list[Rule]:
    """Row rules at ``ys``; between each pair of rows the column rules of that row."""
    rules = [Rule(True, y, xs_by_row[0][0], xs_by_row[0][-1]) for y in ys]
    for (top, bottom), xs in zip(zip(ys, ys[1:]), xs_by_row):
        rules += [Rule(False, x, top, bottom) for x in xs]
    return rules


def _first_page() -> Page:
    coarse = [100, 400, 500, 600]
    glyphs = [_word("一、本年新收政府信息公开申请数量", 105, 105), _word("5", 405, 105), _word("5", 505, 105),
              _word("二、上年结", 105, 125), _word("2", 405, 125), _word("2", 505, 125)]
    return Page(1, 700, 800, glyphs, _ruled([100, 120, 140], [coarse, coarse]))


def test_a_row_broken_at_the_page_end_is_joined_across_finer_columns():
    fine = [100, 200, 300, 400, 500, 600]
    glyphs = [_word("转政府信息公开申请数量", 105, 105),
              _word("三、本年度", 105, 125), _word("(一)予以公开", 205, 125), _word("1", 405, 125),
              _word("1", 505, 125)]
    rules = _ruled([100, 120, 140], [[100, 400, 500, 600], fine])
    lines = document_lines([_first_page(), Page(2, 700, 800, glyphs, rules)])
    carried = [ln for ln in lines if "上年结" in ln.text]
    assert len(carried) == 1 and "二、上年结转政府信息公开申请数量" in carried[0].text.replace("\t", "")
    assert carried[0].values == ["2", "2"]
    assert not [ln for ln in lines if ln.text.startswith("转政府")]
    assert [ln.values for ln in lines if "予以公开" in ln.text] == [["1", "1"]]


def test_a_full_width_header_opening_the_next_page_is_no_broken_row():
    glyphs = [_word("第二十条第（六）项", 300, 105), _word("行政处罚", 105, 125), _word("2776", 405, 125)]
    rules = _ruled([100, 120, 140], [[100, 600], [100, 400, 600]])
    lines = document_lines([_first_page(), Page(2, 700, 800, glyphs, rules)])
    assert [ln.values for ln in lines if "上年结" in ln.text] == [["2", "2"]]
    assert "第二十条" not in next(ln.text for ln in lines if "上年结" in ln.text)


def test_a_label_read_as_its_item_number_alone_is_still_a_label_column():
    """OCR read only the 2 of 2.其 at the page's end: the label column is still no value column."""
    xs = [100, 400, 500, 600]
    first = Page(1, 700, 800, [_word("1.属于国家秘密", 105, 105), _word("0", 405, 105), _word("0", 505, 105),
                               _word("2", 105, 125), _word("2", 405, 125), _word("2", 505, 125)],
                 _ruled([100, 120, 140], [xs, xs]))
    second = Page(2, 700, 800, [_word("他法律行政法规禁止公开", 105, 105),
                                _word("3.危及“三安全一稳定”", 105, 125), _word("0", 405, 125), _word("0", 505, 125)],
                  _ruled([100, 120, 140], [xs, xs]))
    lines = document_lines([first, second])
    assert [ln.values for ln in lines if "他法律" in ln.text] == [["2", "2"]]


def test_a_blank_row_broken_at_the_page_end_is_one_blank_row():
    """A row printed blank (zeros as empty cells) whose label the page boundary cut: neither part names a row,
    the two together do, and each part's value cells are blank, so it is one row of blank zeros."""
    xs = [100, 400, 500, 600]
    first = Page(1, 700, 800, [_word("1.属于国家秘密", 105, 105), _word("1", 405, 105), _word("1", 505, 105),
                               _word("2.其他法律行政法", 105, 125)],
                 _ruled([100, 120, 140], [xs, xs]))
    second = Page(2, 700, 800, [_word("规禁止公开", 105, 105),
                                _word("3.危及“三安全一稳定”", 105, 125), _word("2", 405, 125), _word("2", 505, 125)],
                  _ruled([100, 120, 140], [xs, xs]))
    rows = collect_rows(document_lines([first, second]), S3_MATCHER).rows
    assert rows["result.denied.law_prohibited"].values == ["", ""]
    assert rows["result.denied.security_stability"].values == ["2", "2"]


def test_a_row_broken_at_the_page_end_with_its_figures_below_takes_them():
    xs = [100, 400, 500, 600]
    first = Page(1, 700, 800, [_word("2.其他法律行政法", 105, 105)], _ruled([100, 120], [xs]))
    second = Page(2, 700, 800, [_word("规禁止公开", 105, 105), _word("3", 405, 105), _word("3", 505, 105)],
                  _ruled([100, 120], [xs]))
    rows = collect_rows(document_lines([first, second]), S3_MATCHER).rows
    assert rows["result.denied.law_prohibited"].values == ["3", "3"]


def _lines(text: str, x: float, y: float, width: int = 8) -> list[Glyph]:
    """A label wrapped into lines of ``width`` characters from height ``y`` down."""
    return [_word(text[k:k + width], x, y + 12 * n) for n, k in enumerate(range(0, len(text), width))]


def test_a_cell_closed_under_one_column_only_does_not_shift_the_row_beside_it():
    """A browser printing a table over pages closes the rest of a cell broken at the page's top with a short
    rule under its column alone (the page before ends with the empty rest of the table's frame): the empty
    region left round that rule is no rectangle, and the row beside it (zeros printed blank) keeps its label
    and its columns."""
    xs = [100, 200, 300, 400, 500, 600]
    first = Page(1, 700, 800, [_word("(六)其他处理", 205, 105), *_lines("1.申请人无正当理由逾期不补正", 305, 105),
                               _word("1", 405, 105), _word("1", 505, 105)],
                 _ruled([100, 160], [xs]) + [Rule(False, x, 160, 200) for x in (100, 200, 300, 600)])
    rules = [Rule(True, 100, 300, 600), Rule(True, 120, 200, 300), Rule(True, 160, 300, 600),
             Rule(True, 180, 100, 600), Rule(False, 200, 100, 120)]
    rules += [Rule(False, x, 100, 180) for x in (100, 300, 400, 500, 600)]
    second = Page(2, 700, 800, [*_lines("2.申请人逾期未按收费通知要求缴纳费用", 305, 105), _word("3.其他", 305, 165),
                                _word("2", 405, 165), _word("2", 505, 165)], rules)
    rows = collect_rows(document_lines([first, second]), S3_MATCHER).rows
    assert rows["result.other.fee_unpaid"].values == ["", ""]


def _table_page(number: int, xs: list[float]) -> Page:
    glyphs = [_word(f"项目{number}", 105, 105), _word("1", 405, 105), _word("2", 505, 105)]
    return Page(number, 700, 800, glyphs, _ruled([100, 120], [xs]))


def test_a_table_continued_past_the_joined_cells_limit_goes_on_as_a_table_of_its_own(monkeypatch):
    """Each join looks at every cell joined so far: 1,000 pages of one table took 30 s to join."""
    monkeypatch.setattr(pages, "MAX_JOINED_CELLS", 5)   # three cells a page: two pages are past it
    xs = [100, 400, 500, 600]
    lines = document_lines([_table_page(n, xs) for n in (1, 2, 3)])
    assert [ln.where for ln in lines] == ["第1页表1第1行", "第1页表1第2行", "第3页表2第1行"]
    assert [ln.values for ln in lines] == [["1", "2"]] * 3


def test_a_table_continued_on_slightly_moved_columns_is_placed_on_the_latest():
    """Each part's cells are placed on the joint columns through their boundaries' nearest (one look each)."""
    pieces = [_table_page(1, [100, 400, 500, 600]), _table_page(2, [101, 401, 501, 601]),
              _table_page(3, [100, 200, 401, 501, 601])]
    lines = document_lines(pieces)
    assert [ln.values for ln in lines] == [["1", "2"]] * 3
    assert [ln.where for ln in lines] == ["第1页表1第1行", "第1页表1第2行", "第1页表1第3行"]
