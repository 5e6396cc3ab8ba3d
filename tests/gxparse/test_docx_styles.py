"""Reports as the DOCX structures Word and WPS write (``docx_styles``): every figure is read once, what the page
does not show is no text, and wrappers around rows and cells leave the table whole."""

import time

import pytest

from gxparse import DocumentError, parse_document
from gxparse.readers.wordfile import read_docx
from tests.gxparse.docx_styles import STYLES, docx_package, render_docx, render_rtf, report_of, run
from tests.gxparse.html_styles import DESERVING, assert_only_deserved_errors

REPORTS = tuple(DESERVING)


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_style_gives_back_every_figure_and_only_deserved_errors(name, style):
    truth = report_of(name)
    report = parse_document(render_docx(truth, style), f"{name}.{style}.docx").to_dict()
    for table in ("s2", "s3", "s4"):
        assert report[table] == truth[table], table
    assert (report["agency"], report["year"]) == (truth["agency"], truth["year"])
    assert_only_deserved_errors(report["findings"], name, STYLES[style].figure("0") == STYLES[style].figure(""))


def _p(runs: str) -> str:
    return f"<w:p>{runs}</w:p>"


def _tc(text: str) -> str:
    return f"<w:tc>{_p(run(text))}</w:tc>"


def _lines(body: str, headers: dict[str, str] | None = None) -> list[str]:
    return [line.text for line in read_docx(docx_package(body, headers), "x.docx").lines]


def test_tracked_deletions_and_moves_away_are_no_text():
    change = 'w:id="1" w:author="a" w:date="2024-01-20T00:00:00Z"'
    body = _p(run("本年新收") + f'<w:moveFrom {change}>{run("99")}</w:moveFrom>'
              f'<w:del {change}><w:r><w:delText>8</w:delText></w:r></w:del><w:ins {change}>{run("12")}</w:ins>'
              f'<w:moveTo {change}>{run("件")}</w:moveTo>')
    assert _lines(body) == ["本年新收12件"]


def test_hidden_runs_are_no_text_unless_switched_off():
    body = _p(run("规章 ") + run("7", "<w:vanish/>") + run("3") + run("1", '<w:specVanish w:val="1"/>')
              + run("5", '<w:vanish w:val="0"/>'))
    assert _lines(body) == ["规章\t35"]


def test_rows_and_cells_in_content_controls_and_custom_xml_are_read_in_place():
    row = "<w:tr>{}</w:tr>"
    body = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + row.format(_tc("信息内容") + _tc("本年制发件数") + _tc("现行有效件数"))
            + "<w:sdt><w:sdtPr/><w:sdtContent>" + row.format(_tc("规章") + _tc("1") + _tc("7")) + "</w:sdtContent></w:sdt>"
            + '<w:customXml w:element="r">' + row.format(
                '<w:sdt><w:sdtContent><w:customXml w:element="c">' + _tc("行政规范性文件") + "</w:customXml></w:sdtContent>"
                "</w:sdt>" + _tc("2") + _tc("9")) + "</w:customXml></w:tbl>")
    assert _lines(body)[1:] == ["规章\t1\t7", "行政规范性文件\t2\t9"]


def test_a_paragraph_in_custom_xml_at_body_level_is_read():
    assert _lines('<w:customXml w:element="title">' + _p(run("开封市2021年政府信息公开工作年度报告")) + "</w:customXml>") == [
        "开封市2021年政府信息公开工作年度报告"]


def test_a_row_deleted_with_tracked_changes_is_left_out():
    deleted = '<w:trPr><w:del w:id="1" w:author="a" w:date="2024-01-20T00:00:00Z"/></w:trPr>'
    body = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
            f"<w:tr>{_tc('规章')}{_tc('7')}</w:tr><w:tr>{deleted}{_tc('规章')}{_tc('8')}</w:tr>"
            f"<w:tr>{_tc('行政许可')}{_tc('5')}</w:tr></w:tbl>")
    assert _lines(body) == ["规章\t7", "行政许可\t5"]


def test_a_huge_grid_span_stays_cheap():
    body = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
            f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="200000000"/></w:tcPr>{_p(run("标题"))}</w:tc></w:tr>'
            f'<w:tr><w:trPr><w:gridBefore w:val="200000000"/><w:gridAfter w:val="200000000"/></w:trPr>'
            f"{_tc('规章')}{_tc('7')}</w:tr></w:tbl>")
    started = time.perf_counter()
    _lines(body)
    assert time.perf_counter() - started < 2


def test_the_page_header_is_read_once_above_the_body():
    title = "淮安市洪泽区人民政府2023年政府信息公开工作年度报告"
    assert _lines(_p(run("一、总体情况")), {"default": _p(run(title))}) == [title, "一、总体情况"]


def test_the_first_page_header_is_the_one_read_where_the_first_page_has_its_own():
    title = "淮安市洪泽区人民政府2023年政府信息公开工作年度报告"
    headers = {"default": _p(run("洪泽区人民政府办公室")), "first": _p(run(title))}
    assert _lines(_p(run("一、总体情况")), headers) == [title, "一、总体情况"]


def _nested_text_boxes(depth: int) -> str:
    inner = _p(run("最内层"))
    for level in range(depth):
        inner = _p(run(f"第{level}层") + "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
                   f"{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    return inner


def test_nested_text_boxes_are_read_once_each_and_stay_cheap():
    started = time.perf_counter()
    assert _lines(_nested_text_boxes(40)) == [f"第{level}层" for level in range(39, -1, -1)] + ["最内层"]
    with pytest.raises(DocumentError, match="过深嵌套"):   # beyond the XML parser's depth: refused, not walked
        _lines(_nested_text_boxes(1000))
    assert time.perf_counter() - started < 2


def _chunked(body: str, chunks: dict[str, tuple[str, bytes]]) -> list[str]:
    return [line.text for line in read_docx(docx_package(body, chunks=chunks), "x.docx").lines]


def test_an_imported_html_chunk_is_read_where_it_stands_and_once():
    page = "<html><body><table><tr><td>规章</td><td>7</td></tr></table></body></html>".encode()
    body = _p(run("一、总体情况")) + '<w:altChunk r:id="c1"/>' + _p(run("二、主动公开")) + '<w:altChunk r:id="c1"/>'
    assert _chunked(body, {"c1": ("text/html", page)}) == ["一、总体情况", "规章\t7", "二、主动公开"]


def test_an_imported_mht_or_text_chunk_is_read_and_an_unknown_kind_is_not():
    mht = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n--b\r\n'
           b"Content-Type: text/html; charset=utf-8\r\nContent-Location: file:///C:/d.html\r\n\r\n"
           + "<html><body><p>二、主动公开</p></body></html>".encode() + b"\r\n--b--\r\n")
    chunks = {"c1": ("message/rfc822", mht), "c2": ("text/plain", "三、收到和处理".encode()),
              "c3": ("application/vnd.ms-powerpoint", b"\xd0\xcf\x11\xe0 \xe5\x9b\x9b")}   # no reader here
    body = '<w:altChunk r:id="c1"/><w:altChunk r:id="c2"/><w:altChunk r:id="c3"/>'
    assert _chunked(body, chunks) == ["二、主动公开", "三、收到和处理"]


def test_an_imported_word_document_is_read_without_the_chunks_it_imports_itself():
    inner = docx_package(_p(run("二、主动公开")) + '<w:altChunk r:id="c1"/>',
                         chunks={"c1": ("text/html", "<p>三、收到和处理</p>".encode())})
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    assert _chunked(_p(run("一、总体情况")) + '<w:altChunk r:id="c1"/>', {"c1": (word, inner)}) == [
        "一、总体情况", "二、主动公开"]


# a Java exporter's RTF chunk: table 二's first item in a table of Word's RTF, a merged caption cell over a row
_RTF_CHUNK = (rb"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}"
              rb"\pard \u20108?\u12289?\u20027?\u21160?\u20844?\u24320?\par"
              rb"\trowd\clvmgf\cellx1200\cellx2400\cellx3600\pard\intbl \u20449?\u24687?\cell "
              rb"\pard\intbl \u26412?\u24180?\u21046?\u21457?\cell \pard\intbl \u29616?\u34892?\u26377?\u25928?\cell \row"
              rb"\trowd\clvmrg\cellx1200\cellx2400\cellx3600\pard\intbl \cell \pard\intbl 3\cell \pard\intbl 12\cell \row"
              rb"\pard}")


def test_an_imported_rtf_chunk_is_read_where_it_stands():
    # read by LibreOffice between the body's paragraphs, the merged cell 信息 on both its rows as any merge is
    lines = _chunked(_p(run("一、总体情况")) + '<w:altChunk r:id="c1"/>' + _p(run("三、收到和处理")),
                     {"c1": ("application/rtf", _RTF_CHUNK)})
    assert lines == ["一、总体情况", "二、主动公开", "信息\t本年制发\t现行有效", "信息\t3\t12", "三、收到和处理"]


def test_an_rtf_document_is_read_as_word_converts_it():
    report = parse_document(render_rtf(report_of("kaifeng_2021")), "attachment.bin").to_dict()
    assert report["source_type"] == "rtf"
    assert (report["s2"], report["s3"], report["s4"]) == tuple(report_of("kaifeng_2021")[k] for k in ("s2", "s3", "s4"))


def _styled_lines(body: str, styles: str) -> list[str]:
    return [line.text for line in read_docx(docx_package(body, styles=styles), "x.docx").lines]


def _style(kind: str, name: str, props: str = "", based_on: str = "") -> str:
    parent = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return f'<w:style w:type="{kind}" w:styleId="{name}">{parent}<w:rPr>{props}</w:rPr></w:style>'


def test_text_hidden_by_its_style_is_no_text_and_the_run_own_setting_wins():
    styles = (_style("character", "Base", "<w:vanish/>") + _style("character", "Draft", based_on="Base")
              + _style("character", "Shown", '<w:vanish w:val="0"/>', "Base")
              + _style("paragraph", "DraftPara", "<w:specVanish/>"))
    body = (_p(run("规章 1") + run("9", '<w:rStyle w:val="Draft"/>') + run("8", '<w:rStyle w:val="Base"/>'))
            + '<w:p><w:pPr><w:pStyle w:val="DraftPara"/></w:pPr>' + run("草稿 7")
            + run(" 6", '<w:rStyle w:val="Shown"/>') + run(" 5", '<w:vanish w:val="false"/>') + "</w:p>"
            + _p(run("行政许可 4", '<w:rStyle w:val="Draft"/><w:vanish w:val="0"/>')))
    assert _styled_lines(body, styles) == ["规章\t1", "6\t5", "行政许可\t4"]


def test_text_the_document_default_hides_is_no_text_unless_a_run_or_style_shows_it():
    defaults = '<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>'
    styles = defaults + _style("character", "Shown", '<w:vanish w:val="0"/>') + _style("paragraph", "Plain")
    body = (_p(run("规章 ", '<w:vanish w:val="0"/>') + run("9") + run("1", '<w:rStyle w:val="Shown"/>'))
            + '<w:p><w:pPr><w:pStyle w:val="Plain"/></w:pPr>' + run("草稿 7") + "</w:p>")
    assert _styled_lines(body, styles) == ["规章\t1"]


def test_the_default_paragraph_style_hides_paragraphs_without_a_style_of_their_own():
    styles = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:vanish/></w:rPr></w:style>'
              + _style("paragraph", "Body", '<w:vanish w:val="0"/>'))
    body = _p(run("草稿 7")) + '<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr>' + run("规章 1") + "</w:p>"
    assert _styled_lines(body, styles) == ["规章\t1"]


def test_a_body_whose_every_text_is_hidden_is_read_with_its_hidden_text():
    defaults = '<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>'
    body = (_p(run("规章 1")) + f"<w:tbl><w:tr>{_tc('行政许可')}{_tc('4')}</w:tr></w:tbl>"
            + _p(run("草稿 7", "<w:specVanish/>")) + '<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>删去 8'
            "</w:delText></w:r></w:del></w:p>")
    assert _styled_lines(body, defaults) == ["规章\t1", "行政许可\t4", "草稿\t7"]


def test_hidden_text_stays_out_where_the_body_shows_some_text():
    defaults = '<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>'
    body = _p(run("规章 1", '<w:vanish w:val="0"/>')) + _p(run("草稿 7"))
    assert _styled_lines(body, defaults) == ["规章\t1"]


def test_a_loop_of_based_on_styles_says_nothing_a_long_chain_hides_and_both_stay_cheap():
    loop = "".join(_style("character", f"L{i}", based_on=f"L{(i + 1) % 500}") for i in range(500))
    chain = "".join(_style("character", f"C{i}", based_on=f"C{i + 1}") for i in range(5000))
    body = "".join(_p(run(f"规章 {i}", f'<w:rStyle w:val="L{i}"/>')) for i in range(500)) + _p(
        run("行政许可 3", '<w:rStyle w:val="C0"/>'))
    started = time.perf_counter()
    assert len(_styled_lines(body, loop + chain + _style("character", "C5000", "<w:vanish/>"))) == 500
    assert time.perf_counter() - started < 5


def _table(*rows: str) -> str:
    return "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>"


def test_a_table_whose_cell_is_split_by_a_small_table_is_read_as_one_table():
    # table 三's corner split diagonally by a small table in the cell: the outer table carries the figures
    corner = f"<w:tc>{_table(_tc('申请人情况'), _tc('本列数据'))}<w:p/></w:tc>"
    body = _table(corner + _tc("自然人") + _tc("法人"), _tc("新收申请") + _tc("5") + _tc("2"),
                  _tc("上年结转") + _tc("1") + _tc("0"))
    assert _lines(body) == ["申请人情况本列数据\t自然人\t法人", "新收申请\t5\t2", "上年结转\t1\t0"]


def test_a_table_in_a_one_cell_layout_table_is_read_as_its_own_table():
    inner = _table(_tc("新收申请") + _tc("5") + _tc("2"), _tc("上年结转") + _tc("1") + _tc("0"),
                   _tc("办结") + _tc("6") + _tc("2"))
    body = _table(f"<w:tc>{_p(run('三、收到和处理政府信息公开申请情况'))}{inner}</w:tc>")
    assert _lines(body) == ["三、收到和处理政府信息公开申请情况", "新收申请\t5\t2", "上年结转\t1\t0", "办结\t6\t2"]
