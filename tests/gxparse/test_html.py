"""HTML pages: the official layout in UTF-8 and GBK gives back the seed figures; real-page quirks too."""

import re
from pathlib import Path

import pytest

from gxparse import parse_document
from gxparse.readers.html import read_html
from simsite.render import render_report_body, render_report_html
from tests.gxparse.seeds import expected, expected_tables, report_dict, seed_bytes, seed_prose

HTML_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "html"
TABLE_SEEDS = ["huangchuan_2021", "zhoukou_city_2021", "zhoukou_xinfang_2021", "kaifeng_2021"]


@pytest.mark.parametrize("name", TABLE_SEEDS)
@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_official_layout_gives_back_every_figure(name, charset):
    page = render_report_html(report_dict(name, **seed_prose(name)), charset=charset).encode(charset)
    report = parse_document(page, f"{name}.html").to_dict()
    assert report["source_type"] == "html"
    for table in ("s2", "s3", "s4"):
        assert report[table] == expected_tables(name)[table], table
    assert report["agency"] == expected(name)["agency"]


@pytest.mark.parametrize("name", TABLE_SEEDS)
def test_official_layout_gives_the_same_findings_as_the_text(name):
    page = render_report_html(report_dict(name, **seed_prose(name))).encode()
    from_html = {f.rule for f in parse_document(page, "x.html").findings}
    from_text = {f.rule for f in parse_document(seed_bytes(name), "x.txt").findings}
    assert from_html == from_text - {"row.repaired"}   # the rendered table has no short rows to repair


def test_gbk_page_without_charset_declaration():
    page = render_report_html(report_dict("kaifeng_2021"), charset=None).encode("gbk")
    report = parse_document(page, "x.html")
    assert report.agency == "开封市人民政府"
    assert report.value("s3.new_received.total") == 545


def test_wrong_charset_declaration_does_not_garble():
    page = render_report_html(report_dict("kaifeng_2021"), charset="gbk").encode("utf-8")
    report = parse_document(page, "x.html")
    assert report.agency == "开封市人民政府"
    assert report.value("s4.review.total") == 25


def _quirks() -> dict:
    return parse_document((HTML_DIR / "quirks_2021.html").read_bytes(), "quirks_2021.html").to_dict()


def test_spacer_cells_and_nbsp_do_not_shift_values():
    report = _quirks()
    assert report["s3"]["new_received"] == {"natural_person": 40, "commercial_enterprise": 2,
                                            "research_institution": 0, "social_welfare_org": 0,
                                            "legal_service_org": 1, "other_org": 0, "total": 43}


def test_labels_split_by_br_and_wrapped_in_p_span():
    report = _quirks()
    assert report["s3"]["result.other.no_correction"]["total"] == 1
    assert report["s2"]["normative_docs"] == {"issued": 3, "repealed": 1, "in_force": 57}


def test_table_split_in_two_is_read_as_one():
    report = _quirks()
    assert report["s3"]["result.total"]["total"] == 41
    assert report["s3"]["carry_forward"]["total"] == 2


def test_blank_cells_read_as_zero_with_a_warning():
    report = _quirks()
    assert report["s3"]["result.partial"]["research_institution"] == 0
    blank = [f for f in report["findings"] if f["rule"] == "cell.blank"]
    assert any("s3.result.partial.research_institution" in f["cells"] for f in blank)


def test_total_column_filled_only_in_summary_rows_is_not_filled():
    """Shanghai 2019: the 总计 column empty in every result row, figures only in 一、二、（七） and 四."""
    report = report_dict("kaifeng_2021")
    for row, cols in report["s3"].items():
        if row.startswith("result.") and row != "result.total":
            cols["total"] = None
    findings = parse_document(render_report_html(report).encode(), "x.html").to_dict()["findings"]
    (finding,) = [f for f in findings if f["rule"] == "s3.column_not_filled"]
    assert "「总计」列" in finding["message"] and "542" in finding["message"]
    assert len(finding["cells"]) == 21 and all(c.endswith(".total") for c in finding["cells"])
    assert not [f for f in findings if f["rule"] == "cell.blank"]
    assert not [f for f in findings if f["severity"] == "error"]   # blanks that are no zeros break no sum


def test_a_first_value_column_blank_in_every_row_stays_in_its_place():
    report = report_dict("kaifeng_2021")
    for cols in report["s3"].values():
        cols["natural_person"] = None
    parsed = parse_document(render_report_html(report).encode(), "x.html").to_dict()
    kaifeng = report_dict("kaifeng_2021")["s3"]
    assert parsed["s3"] == {row: {**cols, "natural_person": 0} for row, cols in kaifeng.items()}
    assert "row.repaired" not in {f["rule"] for f in parsed["findings"]}
    assert {c for f in parsed["findings"] if f["rule"] == "cell.blank" for c in f["cells"]} == {
        f"s3.{row}.natural_person" for row in kaifeng}


def test_quirks_page_is_otherwise_clean():
    report = _quirks()
    assert [f for f in report["findings"] if f["severity"] == "error"] == []
    assert report["agency"] == "某县交通运输局" and report["year"] == 2022


def test_layout_table_wrapping_the_page_is_not_a_data_table():
    report = _quirks()
    assert report["s4"]["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2}


def test_figures_a_line_each_in_one_cell_stay_apart_and_a_wrapped_label_joins():
    # a cell holding one figure per row it merged (``2<br>0``) must not read as 20; a label broken with
    # <br> is one label
    page = ("<table><tr><td>一、本年新收政府信息公<br>开申请数量</td><td>2<br>0</td><td>7</td></tr></table>")
    assert [ln.text for ln in read_html(page).lines] == ["一、本年新收政府信息公开申请数量\t2 0\t7"]


def _numbered_rows(page: str) -> str:
    """Every table row numbered in a first column of its own, as agencies add a 序号 column."""
    count = iter(range(1, 1000))
    return re.sub(r"<tr>", lambda _: f"<tr><td>{next(count)}</td>", page)


@pytest.mark.parametrize("name", TABLE_SEEDS)
def test_a_serial_number_column_is_no_figure(name):
    report = parse_document(_numbered_rows(render_report_html(report_dict(name, **seed_prose(name)))).encode(),
                            "x.html").to_dict()
    for table in ("s2", "s3", "s4"):
        assert report[table] == expected_tables(name)[table], table
    assert not [f for f in report["findings"] if f["rule"] in ("row.repaired", "cell.blank", "row.by_position")]


def test_a_first_column_of_more_digits_than_a_number_holds_is_no_numbering():
    # found by test_fuzz: a 4,301-digit first cell raised ValueError out of the serial-column check
    page = f"<table><tr><td>{'9' * 4301}</td><td>2</td></tr><tr><td>2</td><td>0</td></tr><tr><td>3</td><td>1</td></tr></table>"
    assert len(read_html(page).lines) == 3


def test_two_consecutive_figures_in_a_first_column_are_not_taken_for_numbering():
    page = ("<table><tr><td>1</td><td>2</td><td>3</td></tr><tr><td>2</td><td>0</td><td>2</td></tr></table>")
    assert [ln.values for ln in read_html(page).lines] == [["1", "2", "3"], ["2", "0", "2"]]


@pytest.mark.parametrize("label", ["1.行政许可", "（一）行政许可", "一、行政许可", "3 行政许可", "第二十条第（五）项 行政许可"])
def test_table_two_items_numbered_or_captioned_in_front_keep_their_name(label):
    page = render_report_html(report_dict("kaifeng_2021")).replace("<td>行政许可</td>", f"<td>{label}</td>")
    report = parse_document(page.encode(), "x.html").to_dict()
    assert report["s2"]["licensing"] == expected_tables("kaifeng_2021")["s2"]["licensing"]
    assert "row.by_position" not in {f["rule"] for f in report["findings"]}


@pytest.mark.parametrize(("metas", "title"), [
    ('<meta name="ArticleTitle" content="开封市人民政府2021年政府信息公开工作年度报告">',
     "开封市人民政府2021年政府信息公开工作年度报告"),
    ('<meta name="articletitle" content="2021年政府信息公开工作年度报告"><meta name="ContentSource" content="开封市人民政府">',
     "2021年政府信息公开工作年度报告"),
])
def test_a_cms_page_states_its_title_and_publisher_in_meta_tags(metas, title):
    # 政府网站发展指引 asks every article page for ArticleTitle and ContentSource: the page's <title> is often
    # the site's name, and the body may carry no title (the CMS prints it from its database, as an image)
    body = render_report_body(report_dict("kaifeng_2021", **seed_prose("kaifeng_2021")), with_title=False)
    page = f"<html><head>{metas}<title>开封市人民政府门户网站</title></head><body>{body}</body></html>"
    report = parse_document(page.encode(), "page.html").to_dict()
    assert (report["agency"], report["year"], report["title"]) == ("开封市人民政府", 2021, title)


def test_a_page_showing_ocr_noise_accuses_no_one():
    # PaddleOCR writes its tables as HTML: a figure read as a letter (O) marks the page as OCR's text, whose
    # failing sums are said as warnings; the misread cell is unread, and the row, printed whole, is filled from the
    # table's balances where they decide it alone (row.repaired), never corrected
    name = "huangchuan_2021"
    page = render_report_html(report_dict(name, **seed_prose(name)))
    row = page.index("7.属于行政执法案卷")
    cell = page.index("<td>0</td>", row)
    noisy = page[:cell] + "<td>O</td>" + page[cell + len("<td>0</td>"):]
    report = parse_document(noisy.encode(), "ocr.html").to_dict()
    assert report["s3"]["result.denied.enforcement_file"]["commercial_enterprise"] == 0
    assert any(f["rule"] == "row.repaired" and "7.属于行政执法案卷" in f["message"] for f in report["findings"])
    assert report["s3"]["result.denied.enforcement_file"]["natural_person"] == 1
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    assert any(f["rule"] == "ocr.low_confidence" for f in report["findings"])


def test_a_table_whose_cell_is_split_by_a_small_table_is_read_as_one_table():
    # a diagonal corner made of a table inside the cell: the outer table still carries the figures
    page = ("<table border=1><tr><td rowspan=2><table><tr><td>申请人情况</td></tr><tr><td>项目</td></tr></table></td>"
            "<td>自然人</td><td>总计</td></tr><tr><td>1</td><td>2</td></tr>"
            "<tr><td>本年新收</td><td>3</td><td>3</td></tr></table>")
    assert [ln.text for ln in read_html(page).lines] == ["申请人情况项目\t自然人\t总计", "申请人情况项目\t1\t2",
                                                         "本年新收\t3\t3"]


def test_a_table_holding_a_table_larger_than_a_split_cell_is_layout():
    inner = "<table>" + "".join(f"<tr><td>{c}</td><td>{n}</td></tr>" for n, c in enumerate("abcd", 1)) + "</table>"
    page = f"<table><tr><td><ul><li>首页</li></ul></td><td>{inner}</td></tr><tr><td></td><td></td></tr></table>"
    assert [ln.text for ln in read_html(page).lines] == ["首页", "a\t1", "b\t2", "c\t3", "d\t4"]


def _cms_page(report: dict) -> bytes:
    """The report in a CMS editor's markup: every cell a centred paragraph, an empty cell ``&nbsp;`` (Shanghai
    2019's page: ``<td nowrap><p align="center">&nbsp;</p></td>``)."""
    page = render_report_html(report)
    page = re.sub(r"<td([^>]*)>([^<]*)</td>", r'<td\1 nowrap="nowrap"><p align="center">\2</p></td>', page)
    return page.replace('<p align="center"></p>', '<p align="center">&nbsp;</p>').encode()


def _errors(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["severity"] == "error"]


def test_total_column_left_empty_in_result_rows_accuses_no_one():
    """Its blanks are proven no zeros (R3.7), so no sum through them is the agency's error."""
    report = report_dict("kaifeng_2021")
    for row, cols in report["s3"].items():
        if row.startswith("result.") and row != "result.total":
            cols["total"] = None
    findings = parse_document(_cms_page(report), "x.html").to_dict()
    assert _errors(findings) == []
    assert [f["rule"] for f in findings["findings"] if f["rule"].endswith("not_filled")] == ["s3.column_not_filled"]


def test_a_row_total_left_empty_beside_figures_is_not_filled_but_a_printed_0_is_an_error():
    report = report_dict("kaifeng_2021")
    report["s3"]["result.granted"]["total"] = None
    parsed = parse_document(_cms_page(report), "x.html").to_dict()
    assert _errors(parsed) == []
    (finding,) = [f for f in parsed["findings"] if f["rule"] == "total.not_filled"]
    assert "予以公开" in finding["message"] and "436" in finding["message"] and finding["severity"] == "warning"
    report["s3"]["result.granted"]["total"] = 0
    parsed = parse_document(_cms_page(report), "x.html").to_dict()
    assert sorted(f["rule"] for f in _errors(parsed)) == ["s3.results_sum", "s3.row_sum"]


@pytest.mark.parametrize("cell, words", [
    (("s3", "result.total", "natural_person"), ("自然人", "505")),   # （七）总计: its balance is left unchecked too
    (("s4", "review", "total"), ("行政复议", "25")),
])
def test_a_column_or_block_total_left_empty_is_not_filled(cell, words):
    report = report_dict("kaifeng_2021")
    table, row, column = cell
    report[table][row][column] = None
    parsed = parse_document(_cms_page(report), "x.html").to_dict()
    assert _errors(parsed) == []
    (finding,) = [f for f in parsed["findings"] if f["rule"] == "total.not_filled"]
    assert all(word in finding["message"] for word in words)
