"""HTML whose text is placed by CSS position (tests/fixtures/htmlpos, see its README): our PDFs as pdf2htmlEX,
pdfminer's ``pdf2txt.py -t html`` and PyMuPDF show them on the web, read by the layout path of the PDF reader
(``gxparse.readers.positioned``); a page whose text's places are guesses is read as it flows."""

from __future__ import annotations

from functools import lru_cache

import pytest

from gxparse import DocumentError, limits, parse_document
from gxparse.readers import positioned, ruleindex, stylesheet
from gxparse.readers.html import _parse, read_html
from gxparse.readers.ruleindex import RuleIndex, RuleTests
from tests.gxparse.extracted import EXTRACTED, document_truth, table_cells
from tests.gxparse.hostile.attacks import ATTACKS, page_sized_boxes, ruled_rows_of_boxes, ruled_rows_of_two_line_boxes

HTMLPOS = EXTRACTED.with_name("htmlpos")


@lru_cache(maxsize=None)
def parsed(rendering: str) -> dict:
    return parse_document((HTMLPOS / f"{rendering}.html").read_bytes(), f"{rendering}.html").to_dict()


def wrong_cells(rendering: str) -> dict:
    expected = table_cells(document_truth(rendering.split("/")[1].rsplit(".", 1)[0]))
    got = table_cells(parsed(rendering))
    return {cell: (got.get(cell), value) for cell, value in expected.items() if got.get(cell) != value}


# pdf2htmlEX: coordinates in class rules of the page's <style>, bottom: from the page's foot, text at 4× scaled
# back by matrix(0.25,…), the gaps between a row's cells as spans of a class's width in the line's own units
# (DOM order: 19/200 and 57/200)
# pdfminer: one canvas cut into pages by the frames it draws, its Page n labels outside them, the PDF's lines as
# bordered boxes (rules), a row's label and figure in one text box placed from its two edges (DOM order: 19/200);
# a table's header words in one box placed a column each, a column of figures a row each (洪泽 2023, 18/186)
# pdf2htmlEX with its rules scoped (.pf .x3, .pc > .t, !important): (left out: 19/200 and 184/200, a false
# cell.missing)
# pdf.js's text layer: a span per word at offsets with no position of its own, fitted by scaleX (DOM order: 0/200)
# newer pdf.js: offsets in % of the page, font sizes as calc(var(--scale-factor)*…px) (unread: 0/186)
@pytest.mark.parametrize("rendering", ["pdf2htmlex/kaifeng_2021.reportlab", "pdf2htmlex/zhoukou_city_2021.reportlab",
                                       "pdf2htmlex-scoped/kaifeng_2021.reportlab",
                                       "pdf2htmlex-scoped/huangchuan_2021.libreoffice",
                                       "pdfjs/kaifeng_2021.libreoffice",
                                       "pdfjs-relative/002_huaian_hongze_2023.published",
                                       "pdfminer/kaifeng_2021.reportlab",
                                       "pdfminer/002_huaian_hongze_2023.published",
                                       "pdfminer/001_huaian_szf_2024.published",
                                       "pdfminer/simsite-c00-2019.reportlab"])
def test_a_positioned_page_is_read_cell_by_cell(rendering):
    assert not wrong_cells(rendering)
    deserved = set(document_truth(rendering.split("/")[1].rsplit(".", 1)[0])["errors"])
    assert {f["rule"] for f in parsed(rendering)["findings"] if f["severity"] == "error"} <= deserved


def test_a_preview_services_lines_drawn_as_filled_boxes_rule_its_tables():
    """A preview service's page (a ``<p>`` per glyph run, the table's lines thin black ``<div>`` s): 周口市政府办公室's
    LibreOffice print leaves a cell of 表二 empty, found as ``cell.missing`` only where the rules are read (read
    without them, borderless, it was no finding)."""
    assert not wrong_cells("preview/zhoukou_office_2021.libreoffice")
    assert "cell.missing" in {f["rule"] for f in parsed("preview/zhoukou_office_2021.libreoffice")["findings"]
                              if f["severity"] == "error"}


def test_a_preview_services_lines_drawn_by_an_inline_svg_rule_its_tables():
    """The same page with its lines in an inline ``<svg>`` (a viewBox in points, y flipped by a group's matrix,
    ``<line>`` s and ``<path>`` s): the empty cell is found as well (its SVG unread, it was no finding)."""
    assert not wrong_cells("preview-svg/zhoukou_office_2021.libreoffice")
    assert "cell.missing" in {f["rule"] for f in parsed("preview-svg/zhoukou_office_2021.libreoffice")["findings"]
                              if f["severity"] == "error"}


def test_offsets_without_a_position_place_a_converters_lines():
    """PyMuPDF writes ``<p style="top:…pt;left:…pt">`` with no ``position``: offsets only a converter writes."""
    html = (HTMLPOS / "pymupdf" / "simsite-c00-2022.reportlab.html").read_text(encoding="utf-8")
    assert read_html(html).pages == html.count('<div id="page')


def test_text_boxes_over_several_cells_are_no_places_the_page_flows():
    """pdfminer places a text box, not its lines: a box of a group label beside its rows' labels, or of a column
    of figures over rows of several heights, would put lines in other rows (false s3.balance); read as it flows."""
    html = (HTMLPOS / "pdfminer" / "kaifeng_2021.libreoffice.html").read_text(encoding="utf-8")
    assert positioned.positioned_pages(_parse(html)) is None
    assert not [f["rule"] for f in parsed("pdfminer/kaifeng_2021.libreoffice")["findings"]
                if f["severity"] == "error"]


def _canvas(pages: int, lines: int = 1, style: str = "") -> bytes:
    body = "".join('<div style="position:relative;width:600px;height:800px">'
                   + "".join(f'<p style="position:absolute;left:10px;top:{20 * n}px">规章 {n}</p>'
                             for n in range(lines))
                   + "</div>" for _ in range(pages))
    return f"<html><head><style>{style}</style></head><body>{body}</body></html>".encode()


def test_a_page_of_positioned_lines_is_read_a_page_per_page_box():
    assert read_html(_canvas(3, 10).decode()).pages == 3


def test_too_many_pages_are_refused():
    with pytest.raises(DocumentError, match=f"上限 {limits.MAX_PAGES} 页"):
        parse_document(_canvas(limits.MAX_PAGES + 1, 1), "many.html")


def _styled(html: str) -> dict[str, dict[str, str]]:
    root = _parse(html)
    sheet = stylesheet.style_sheet(root)
    return {element.get("id"): sheet.style(element) for element in root.iter() if element.get("id")}


def test_scoped_rules_apply_where_their_context_holds():
    styles = _styled("<style>.pf .x1{left:5px} #pf1 > .t{top:7px} .pc .t{top:9px} .t[data-x]{left:1px}"
                     ".x1:hover{left:2px} .pf + .t{left:3px}</style>"
                     '<div id="pf1" class="pf"><p id="a" class="t x1">规</p><div class="pc"><p id="b" class="t x1">章'
                     '</p></div></div><p id="c" class="t x1">外</p>')
    assert (styles["a"], styles["b"], styles["c"]) == ({"left": "5px", "top": "7px"}, {"left": "5px", "top": "9px"},
                                                       {})


def test_important_declarations_outrank_specificity_and_inline_style():
    styles = _styled("<style>.x{left:5px !important;top:1px} #a.x.y{left:6px;top:2px}</style>"
                     '<p id="a" class="x y" style="left:7px;top:3px">规</p>'
                     '<p id="b" class="x" style="left:8px !important">章</p>')
    assert styles["a"] == {"left": "5px", "top": "3px"}
    assert styles["b"] == {"left": "8px", "top": "1px"}


def test_relative_lengths_are_resolved_against_their_page_and_font():
    root = _parse('<div style="--scale-factor: 1.5; width: 800px; height: 400px; font-size: 20px">'
                  '<span id="a" style="left: 25%; top: 50%; font-size: calc(var(--scale-factor)*10px)">规</span>'
                  '<span id="b" style="left: 2em; bottom: 10%; font-size: 0.5em">章</span>'
                  '<span id="c" style="left: calc(2px * var(--scale-factor)); font-size: calc(var(--unset)*4px)">外'
                  '</span></div>')
    placer = positioned._Placer(root)
    a, b, c = (root.find(f".//span[@id='{n}']") for n in "abc")
    px = positioned.PX
    assert [placer.length(a, n) for n in ("left", "top", "font-size")] == [200 * px, 200 * px, 15 * px]
    assert [placer.length(b, n) for n in ("left", "bottom", "font-size")] == [20 * px, 40 * px, 10 * px]
    assert (placer.length(c, "left"), placer.length(c, "font-size")) == (3 * px, None)


def test_a_page_over_the_style_rules_bound_is_read_as_it_flows(monkeypatch):
    """A site's style sheet of more rules than the bound is no fault of a report: its page is not refused, its
    styles are not worked out."""
    monkeypatch.setattr(stylesheet, "MAX_STYLE_RULES", 100)
    rules = "".join(f".x{n}{{left:{n}px}}" for n in range(stylesheet.MAX_STYLE_RULES))
    assert positioned.positioned_pages(_parse(_canvas(1, 30, rules).decode())) is not None
    root = _parse(_canvas(1, 30, rules + ".y{left:1px}").decode())
    assert positioned.positioned_pages(root) is None
    parse_document(_canvas(1, 30, rules + ".y{left:1px}"), "styled.html")   # read, no DocumentError


def test_a_style_sheet_over_the_rules_bound_is_given_up_before_any_rule_is_read(monkeypatch):
    """Found first, read after: 100,000 rules read before the bound was crossed took 5 CPU s."""
    monkeypatch.setattr(stylesheet, "MAX_STYLE_RULES", 3)
    read = []
    monkeypatch.setattr(stylesheet, "declarations", lambda text: read.append(text) or ({}, {}))
    root = _parse("<html><head><style>.a{left:1px}.b{left:2px}</style><style>.c{left:3px}.d{left:4px}</style>"
                  "</head><body></body></html>")
    with pytest.raises(stylesheet.StyleBudgetExceeded):
        stylesheet.style_sheet(root)
    assert read == []


def test_a_page_whose_selectors_cost_too_many_tries_is_read_as_it_flows(monkeypatch):
    """Many rules under one tag over many elements: each element tries them all; past the bound the page is read
    as any page that flows, not refused (a site's large style sheet is no fault of a report)."""
    rules = "".join(f".r{n} p{{left:{n}px}}" for n in range(50))   # 30 lines × 50 rules: 1,500 tries
    root = _parse(_canvas(1, 30, rules).decode())
    assert positioned.positioned_pages(root) is not None
    monkeypatch.setattr(stylesheet, "MAX_SELECTOR_TESTS", 1000)
    assert positioned.positioned_pages(root) is None


def test_a_selector_of_ancestors_counts_a_try_for_each_ancestor_it_may_walk():
    """60,000 rules `div div div .cN span` over spans 200 divs deep walked 200 ancestors a try: within the
    tries' bound, over 300 s (benchmarks.hostile's html-60000-descendant-rules-200-deep)."""
    rules = "".join(f"div .c{n} p{{left:{n}px}}" for n in range(50))
    root = _parse(f"<style>{rules}</style>" + "<div>" * 100 + '<p id="a">规</p>' + "</div>" * 100)
    sheet = stylesheet.style_sheet(root)
    assert sheet.style(root.find(".//p")) == {}
    assert sheet.tests > 50 * 100


@pytest.mark.parametrize("attack", ["html-positioned-infinite-offsets", "html-positioned-absurd-transforms"])
def test_a_page_whose_positions_cannot_be_used_is_read_as_it_flows(attack):
    """Offsets of 400 digits (infinite) or a matrix(1e308…) place every character nowhere: all on one line, the
    report was not found and no note said why. Its text is read in the page's order instead."""
    data = next(a for a in ATTACKS if a.name == attack).build()
    assert positioned.positioned_pages(_parse(data.decode())) is None
    report = parse_document(data, f"{attack}.html")
    assert report.is_annual_report and report.s2 is not None


def test_too_many_page_sized_boxes_on_the_canvas_are_refused_before_they_are_compared(monkeypatch):
    """Each page-sized box drawn on the canvas was tested against every other for the pages' frames: 8,000 boxes
    took 7.9 s, the 80,000 a page may hold over ten minutes."""
    monkeypatch.setattr(positioned, "MAX_CANVAS_BOXES", 10)
    monkeypatch.setattr(positioned, "_holds", None)   # refused before any box is compared
    with pytest.raises(DocumentError, match="页面大小的方框过多：页面超过 10 个"):
        parse_document(page_sized_boxes(11).encode(), "frames.html")


def test_too_many_positioned_elements_are_refused(monkeypatch):
    monkeypatch.setattr(positioned, "MAX_POSITIONED_ELEMENTS", 50)
    with pytest.raises(DocumentError, match="定位元素过多"):
        parse_document(_canvas(1, 51), "heap.html")


def test_a_box_looks_only_at_the_rules_across_it_and_the_rules_looked_at_are_bounded(monkeypatch):
    """Each box looked at every rule of its page: 100,000 boxes over 10,000 rows (6.8 MB) took over 300 s. Now
    the rules across a box are found by bisection, and past ``MAX_RULE_TESTS`` the page is read as it flows."""
    root = _parse(ruled_rows_of_boxes(200, 10))
    monkeypatch.setattr(ruleindex, "MAX_RULE_TESTS", 20_000)   # 2,000 boxes × 201 rules had been 400,000
    [page] = positioned.positioned_pages(root)
    assert len(page.glyphs) == 2000
    monkeypatch.setattr(ruleindex, "MAX_RULE_TESTS", 1000)
    assert positioned.positioned_pages(root) is None


def test_a_box_looks_for_its_rows_and_columns_at_the_rules_near_it_only(monkeypatch):
    """A two-line box's rows were cut by every horizontal rule of its page (and a crossed rule's walls sought
    among every vertical one): 50,000 boxes over 10,000 rules blew the budget in 14 s and the page was read as
    it flows. Now the rules across a box and the nearest crossing beyond each side are looked at."""
    root = _parse(ruled_rows_of_two_line_boxes(400, 10))
    monkeypatch.setattr(ruleindex, "MAX_RULE_TESTS", 100_000)   # 2,000 boxes × 401 rules had been 800,000
    [page] = positioned.positioned_pages(root)
    assert len(page.glyphs) == 4000
    assert {round(g.y0 / positioned.PX) // 20 for g in page.glyphs if g.text == "章"} == set(range(1, 400, 2))


# pdfminer's text boxes in a ruled table (a bordered box of no height or width is a rule)
_BORDERED = '<span style="position:absolute;border:black 1px solid;left:{}px;top:{}px;width:{}px;height:{}px"></span>'


def _ruled(boxes: str, columns: tuple[int, ...] = (0, 200, 300), rows: tuple[int, ...] = (0, 20, 60, 80),
           line: str = _BORDERED, thickness: int = 0) -> str:
    rules = "".join(line.format(0, y, 300, thickness) for y in rows)
    rules += "".join(line.format(x, 0, thickness, rows[-1]) for x in columns)
    filler = "".join(f'<div style="position:absolute;left:10px;top:{100 + 20 * n}px;width:40px;height:12px">'
                     f'<span style="font-size:12px">说明</span></div>' for n in range(positioned.MIN_POSITIONED))
    page = f'<div style="position:relative;width:600px;height:800px">{rules}{boxes}{filler}</div>'
    return f"<html><body>{page}</body></html>"


def _glyph_x(html: str, text: str) -> float:
    [page] = positioned.positioned_pages(_parse(html))
    return next(g.cx for g in page.glyphs if g.text == text) / positioned.PX


def test_a_lines_last_run_is_placed_from_the_boxs_right_edge():
    """``规章 7`` in a box as wide as a row of three cells, the middle one empty: the figure ends where the box
    does, in the last column (its characters' widths stretched to the box would put it under the label)."""
    box = ('<div style="position:absolute;left:2px;top:4px;width:290px;height:12px">'
           '<span style="font-size:12px">规章 7</span></div>')
    assert 250 < _glyph_x(_ruled(box, (0, 200, 250, 300)), "7") < 300


def test_a_rule_a_little_inside_a_lines_edge_is_a_border_it_runs_over():
    """A prose line a few pixels longer than the shaded box behind it (洪泽's published PDF) is still placed."""
    box = ('<div style="position:absolute;left:210px;top:4px;width:92px;height:12px">'
           '<span style="font-size:12px">共 7 件</span></div>')
    assert 250 < _glyph_x(_ruled(box), "件") < 302


def test_a_line_running_over_a_shaded_boxs_outer_edge_is_placed():
    """淮安 2024's prose line runs 6 pt past the right edge of the box shaded behind it, inside pdfminer's page
    frame: the box's edge is the outermost rule there (the frame parts no cells), so no cell lies beyond it."""
    frame = '<span style="position:absolute;border:gray 1px solid;left:0px;top:0px;width:600px;height:800px"></span>'
    shade = ('<span style="position:absolute;border:black 1px solid;left:20px;top:{}px;width:400px;height:28px">'
             '</span>')
    lines = "".join(shade.format(100 + 28 * n) + f'<div style="position:absolute;left:20px;top:{106 + 28 * n}px;'
                    f'width:420px;height:16px"><span style="font-size:16px">统计期限自 2024 年 1 月 1 日至 12 月 31 日。'
                    f'</span></div>' for n in range(positioned.MIN_POSITIONED))
    [page] = positioned.positioned_pages(_parse(f"<html><body>{frame}{lines}</body></html>"))
    assert "".join(g.text for g in page.glyphs).count("统计期限") == positioned.MIN_POSITIONED


def test_text_over_a_rule_between_two_others_is_no_places():
    """The same line over a rule with cells on both sides is a guess: the page flows."""
    frame = '<span style="position:absolute;border:gray 1px solid;left:0px;top:0px;width:600px;height:800px"></span>'
    cells = ('<span style="position:absolute;border:black 1px solid;left:20px;top:{0}px;width:380px;height:28px">'
             '</span><span style="position:absolute;border:black 1px solid;left:400px;top:{0}px;width:100px;'
             'height:28px"></span>')
    lines = "".join(cells.format(100 + 28 * n) + f'<div style="position:absolute;left:20px;top:{106 + 28 * n}px;'
                    f'width:420px;height:16px"><span style="font-size:16px">统计期限自 2024 年 1 月 1 日至 12 月 31 日。'
                    f'</span></div>' for n in range(positioned.MIN_POSITIONED))
    assert positioned.positioned_pages(_parse(f"<html><body>{frame}{lines}</body></html>")) is None


def test_an_element_inside_a_positioned_element_is_placed_once():
    box = ('<div style="position:absolute;left:2px;top:4px;width:40px;height:12px"><span style="font-size:12px">规章'
           '<span style="position:absolute;left:210px;top:0px">9</span></span></div>')
    [page] = positioned.positioned_pages(_parse(_ruled(box)))
    assert [round(g.x0 / positioned.PX) for g in page.glyphs if g.text == "9"] == [212]


def test_a_box_drawn_inside_a_page_frame_is_no_page():
    """pdfminer draws each page's frame and the PDF's rectangles alike: a large one inside a frame is drawn on it."""
    frame = '<span style="position:absolute;border:gray 1px solid;left:0px;top:{}px;width:600px;height:800px"></span>'
    inner = '<span style="position:absolute;border:black 1px solid;left:20px;top:40px;width:400px;height:400px"></span>'
    lines = "".join(f'<div style="position:absolute;left:30px;top:{50 + 20 * n + 900 * (n % 2)}px;width:40px;'
                    f'height:12px"><span style="font-size:12px">说明</span></div>'
                    for n in range(positioned.MIN_POSITIONED))
    html = f"<html><body>{frame.format(0)}{frame.format(900)}{inner}{lines}</body></html>"
    assert len(positioned.positioned_pages(_parse(html))) == 2


def test_a_boxs_lines_go_a_row_each_where_it_spans_as_many_rows():
    box = ('<div style="position:absolute;left:210px;top:4px;width:20px;height:70px"><span style="font-size:12px">'
           "5<br>6<br>7<br></span></div>")
    html = _ruled(box)
    [page] = positioned.positioned_pages(_parse(html))
    tops = {g.text: g.y0 / positioned.PX for g in page.glyphs}
    assert 0 < tops["5"] < 20 and 20 < tops["6"] < 60 and 60 < tops["7"] < 80


def test_a_boxs_lines_are_shared_out_over_its_rows_where_one_way_alone_fits():
    """LibreOffice prints a cell's label a character a line (其/他/结/果) and pdfminer boxes it with the figure
    below: four lines fit only in the tall row, so the figure is in the short one."""
    box = ('<div style="position:absolute;left:210px;top:24px;width:20px;height:64px"><span style="font-size:12px">'
           "其<br>他<br>结<br>果<br>1<br></span></div>")
    html = _ruled(box, rows=(0, 20, 76, 92))
    [page] = positioned.positioned_pages(_parse(html))
    tops = [g.y0 / positioned.PX for g in page.glyphs if g.x0 > 200 * positioned.PX]
    assert all(20 < top < 76 - 12 for top in tops[:4]) and 76 <= tops[4] < 92 - 12


def test_thin_boxes_filled_with_a_colour_are_rules():
    """Converters that draw a table's lines as thin filled boxes (``height:1px;background:#000``): the box's lines
    go a row each as between bordered ones; a white or a pictured box is no rule."""
    box = ('<div style="position:absolute;left:210px;top:4px;width:20px;height:70px"><span style="font-size:12px">'
           "5<br>6<br>7<br></span></div>")
    filled = '<div style="position:absolute;left:{}px;top:{}px;width:{}px;height:{}px;background-color:#000"></div>'
    [page] = positioned.positioned_pages(_parse(_ruled(box, line=filled, thickness=1)))
    assert len({round(r.pos) for r in page.rules if r.horizontal}) == 4
    assert len({round(r.pos) for r in page.rules if not r.horizontal}) == 3
    for invisible in ("background:#fff", "background:url(bg.png)", "background-color:transparent"):
        [page] = positioned.positioned_pages(_parse(_ruled(box, line=filled.replace("background-color:#000",
                                                                                        invisible), thickness=1)))
        assert not page.rules


def test_a_box_of_lines_its_rows_may_share_out_two_ways_is_no_places():
    """Three lines over two rows that hold two each: the lone line may be in either row."""
    box = ('<div style="position:absolute;left:210px;top:4px;width:20px;height:52px"><span style="font-size:12px">'
           "5<br>6<br>7<br></span></div>")
    assert positioned.positioned_pages(_parse(_ruled(box, rows=(0, 30, 60)))) is None


def test_a_box_of_more_lines_than_its_rows_hold_is_no_places():
    box = ('<div style="position:absolute;left:210px;top:4px;width:20px;height:70px"><span style="font-size:12px">'
           "5<br>6<br>7<br>8<br>9<br>0<br></span></div>")
    assert positioned.positioned_pages(_parse(_ruled(box))) is None


def test_a_libreoffice_prints_column_label_and_figure_in_one_pdfminer_box_are_placed():
    """周口市政府办公室's print as pdfminer shows it: the box 其/他/结/果/0 over a row of the label and the row of
    figures below it is placed (it was no places, and the whole page read as it flowed)."""
    root = _parse((HTMLPOS / "pdfminer" / "zhoukou_office_2021.libreoffice.html").read_text(encoding="utf-8"))
    placer = positioned._Placer(root)
    owners, _, _ = positioned._text_boxes(root, placer)
    drawn = [placer.box(e) for e in root.iter() if isinstance(e.tag, str) and e not in owners
             and placer.positioned(e) and not "".join(e.itertext()).strip()]
    rules = [r for b in drawn for r in positioned._border_rules(b)]
    boxes = [placer.box(e) for e in owners if "".join(e.itertext()).split() == ["其", "他", "结", "果", "0"]]
    assert boxes
    for box in boxes:
        glyphs, placed = positioned._glyphs(box, placer, RuleIndex(rules, RuleTests()))
        label, figure = ((g.y0 + g.y1) / 2 for g in glyphs[-2:])
        assert placed and any(r.horizontal and label < r.pos < figure and r.start <= box.x <= r.end for r in rules)


def test_a_scale_transform_narrows_the_characters():
    """pdf.js fits a text item to its printed width by ``scaleX``: four characters of 20 px at 0.5 take 40 px, and
    stand 20 px tall still (a line of digits printed larger than its label would shrink out of the label's row)."""
    line = '<span style="left:10px;top:{}px;font-size:20px;transform:scaleX(0.5)">规章规章</span>'
    spans = "".join(line.format(30 * n) for n in range(positioned.MIN_POSITIONED))
    html = f'<html><body><div style="width:600px;height:800px">{spans}</div></body></html>'
    [page] = positioned.positioned_pages(_parse(html))
    assert max(g.x1 for g in page.glyphs) / positioned.PX == pytest.approx(50)
    assert {round((g.y1 - g.y0) / positioned.PX) for g in page.glyphs} == {20}
