"""A table printed without rules whose zeros are left blank (``layout.columns``): a column where no row prints a
value is still a column (its header cell stands over it), and a row whose cells are all blank is still a row
(its label is apart from its neighbours' labels, even where a merged group label beside them runs on between)."""

from gxparse.layout.pages import Glyph, Page, document_lines

COLUMNS = (250, 320, 390, 460)   # 自然人, 商业企业, 科研机构, 总计


def _word(text: str, x: float, y: float) -> Glyph:
    return Glyph(text, x, y, x + 10 * len(text), y + 10)


def _header() -> list[Glyph]:
    """Two header lines: 法人或其他组织 spans 商业企业 and 科研机构 under it."""
    return [_word("申请人情况", 50, 80), _word("法人或其他组织", 330, 80),
            _word("自然人", COLUMNS[0], 100), _word("商业企业", COLUMNS[1], 100), _word("科研机构", COLUMNS[2], 100),
            _word("总计", COLUMNS[3], 100)]


def _row(label: str, y: float, values: dict[int, str], x: float = 50) -> list[Glyph]:
    return [_word(label, x, y)] + [_word(text, COLUMNS[c], y) for c, text in values.items()]


def _lines(glyphs: list[Glyph]) -> dict[str, list[str]]:
    return {ln.text.split("\t")[0]: ln.values for ln in document_lines([Page(1, 595, 842, glyphs)]) if ln.in_grid}


def test_a_column_no_row_prints_a_value_in_is_found_under_its_header():
    """商业企业 and 科研机构 print no figure: their header cells make their columns, and 法人或其他组织 over both
    (no narrower header under it) does not make them one."""
    glyphs = _header() + _row("一、本年新收", 130, {0: "5", 3: "5"}) + _row("二、上年结转", 150, {0: "2", 3: "2"})
    lines = _lines(glyphs)
    assert lines["一、本年新收"] == ["5", "", "", "5"]
    assert lines["二、上年结转"] == ["2", "", "", "2"]


def test_a_row_whose_cells_are_all_blank_is_a_row_of_its_own():
    """1.属于国家秘密 and 3.危及 print no figure; the group label (三)不予公开 beside them runs on between the rows,
    a line each, close to every item label."""
    glyphs = (_header() + _row("一、本年新收", 130, {0: "5", 3: "5"})
              + _row("1.属于国家秘密", 150, {}, x=100) + [_word("(三)不予", 50, 161)]
              + _row("2.其他法律", 170, {0: "2", 3: "2"}, x=100) + [_word("公开", 50, 181)]
              + _row("3.危及", 190, {}, x=100) + _row("二、上年结转", 210, {0: "2", 3: "2"}))
    lines = document_lines([Page(1, 595, 842, glyphs)])
    secret = [ln for ln in lines if "1.属于国家秘密" in ln.text]
    assert len(secret) == 1 and "2.其他法律" not in secret[0].text and not any(secret[0].values)
    assert [ln.values for ln in lines if "2.其他法律" in ln.text] == [["2", "", "", "2"]]
    assert "3.危及" not in next(ln.text for ln in lines if "2.其他法律" in ln.text)

