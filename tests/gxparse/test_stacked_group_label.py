"""A group label printed a character a line beside a table without rules (三/、/本/年/度, ``layout.columns``): its
characters stand between the rows, so they must not bring two rows close enough to be read as one."""

from gxparse.layout.pages import Glyph, Page, document_lines

# The rows 6. to 1.本机关不掌握 of table 三 as pdf2htmlEX placed them (tests/fixtures/blind5/pdf2htmlex,
# 003_huaian_hongze_2024, page 2): (text, x0, y0, x1, y1). The item label 1.本机关不掌握相关政府 wraps around its
# figures; the figures of that row stand 16 units left of those above, as that rendering prints them.
_PIECES = [
    ("6.属于四类过程性信息", 138.75, 316.95, 258.75, 328.95),
    *((v, x, 316.95, x + 6, 328.95) for v, x in zip("1000001", range(287, 540, 42))),
    ("三", 78, 335.7, 90, 347.7),
    ("7.属于行政执法案卷", 144, 339.45, 252, 351.45),
    *((v, x, 339.45, x + 6, 351.45) for v, x in zip("1000001", range(288, 541, 42))),
    ("、", 78, 350.7, 90, 362.7),
    ("本", 78, 365.7, 90, 377.7),
    ("8.属于行政查询事项", 144, 361.95, 252, 373.95),
    *((v, x, 361.95, x + 6, 373.95) for v, x in zip("0000000", range(288, 541, 42))),
    ("年", 78, 380.7, 90, 392.7),
    ("1.本机关不掌握相关政府", 133.5, 384.45, 265.5, 396.45),
    ("度", 78, 395.7, 90, 407.7),
    *((v, x, 391.95, x + 6 * len(v), 403.95) for v, x in zip(["31", "0", "0", "0", "0", "0", "31"],
                                                                (268.9, 316.9, 358.9, 400.9, 442.9, 484.9, 526.9))),
    ("信息", 180.75, 399.45, 204.75, 411.45),
]


def test_a_stacked_group_label_does_not_join_the_rows_beside_it():
    """本 beside 8.属于行政查询事项 and 年 beside 1.本机关不掌握 overlap both rows' lines: counted in the rows' extent
    they put the two rows right against each other, and the second row's label was read as the first one's."""
    lines = document_lines([Page(2, 595, 842, [Glyph(*piece) for piece in _PIECES])])
    texts = [ln.text for ln in lines]
    query = next(n for n, text in enumerate(texts) if "8.属于行政查询事项" in text)
    assert "不掌握" not in texts[query] and lines[query].values == ["0"] * 7
    # the row after it keeps its own label and figures, for the row grammar to put together
    not_held = next(n for n, text in enumerate(texts) if "不掌握" in text)
    assert not_held > query and any(ln.values[:1] == ["31"] for ln in lines[not_held:])
