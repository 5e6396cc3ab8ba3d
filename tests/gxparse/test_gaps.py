"""The agency's fault or gxparse's: what the parse lacks is an error only when the document shows that it is
not there (its neighbours on both sides, with nothing unread between); otherwise a warning saying what
gxparse could not read, with where."""

from __future__ import annotations

import time
from pathlib import Path

from gxparse import gaps, parse_document
from gxparse.tables import s3
from gxparse.document import Document, lines_from_text
from gxparse.parser import build_report
from gxparse.sections import embedded_heading
from gxparse.template import SECTION_BY_KEY
from tests.gxparse.hostile.attacks import table_three_rows_gone_among_prose
from tests.gxparse.seeds import seed_bytes

KAIFENG = seed_bytes("kaifeng_2021").decode()
TABLE_3 = KAIFENG[KAIFENG.index("(本列数据的勾稽关系"):KAIFENG.index("四、政府信息公开行政复议")]
ROW_8 = "\t\t8.属于行政查询事项\t\t5\t1\t0\t0\t8\t0\t14\n"


def findings(text: str, rule: str | None = None) -> list:
    report = parse_document(text.encode(), "kaifeng.txt")
    return [f for f in report.findings if rule is None or f.rule == rule]


def errors(text: str) -> list[str]:
    return [f.rule for f in findings(text) if f.severity == "error"]


def edited(*changes: tuple[str, str]) -> str:
    text = KAIFENG
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


# ---------------------------------------------------------------------------------------------------
# tables and rows


def test_a_heading_whose_table_cannot_be_read_is_a_warning_with_where():
    text = edited((TABLE_3, "（表格为图片）\n"))
    (unread,) = findings(text, "table.unread")
    assert unread.severity == "warning" and "表三" in unread.message and "请对照原件核对" in unread.message
    assert unread.evidence[0].where == "第48行" and unread.evidence[0].text.startswith("三、收到和处理")
    assert "section.missing" not in errors(text)


def test_a_row_left_out_between_two_printed_rows_is_missing():
    (missing,) = findings(edited((ROW_8, "")), "cell.missing")
    assert missing.severity == "error" and missing.cells[0] == "s3.result.denied.admin_query.natural_person"
    assert [e.where for e in missing.evidence] == ["第63行", "第64行"]
    assert "7.属于行政执法案卷" in missing.message and "本机关不掌握" in missing.message


def test_a_row_label_printed_without_figures_is_unread_not_missing():
    text = edited((ROW_8, "\t\t8.属于行政查询事项\n"))
    (unread,) = findings(text, "cell.unread")
    assert unread.severity == "warning" and unread.evidence[0].where == "第64行"
    assert "印有该行行名" in unread.message
    assert "cell.missing" not in errors(text)


def test_a_row_whose_label_a_neighbour_took_is_unread_not_missing():
    # narrow cells: the label of row 8 printed in pieces beside row 7's, its figures lost with them
    text = edited(("\t\t7.属于行政执法案卷\t", "\t\t7.属于行政执 8.属于行 法案卷 政查询事 项\t"), (ROW_8, ""))
    unread = [f for f in findings(text, "cell.unread") if "相邻行" in f.message]
    assert unread and unread[0].cells[0].split(".")[3] in ("enforcement_file", "admin_query")
    assert "cell.missing" not in errors(text)


def test_a_row_of_table_two_whose_label_a_neighbour_took_is_unread_not_missing():
    # 行政强制 printed in the 行政处罚 row's label cell (two rows merged, one figure kept): the row is printed,
    # gxparse cannot read it apart
    text = edited(("行政处罚\t10582\t\t\n", "行政处罚 行政强制\t10582\t\t\n"), ("行政强制\t1082\t\t\n", ""))
    (unread,) = [f for f in findings(text, "cell.unread") if "相邻行" in f.message]
    assert unread.cells == ["s2.coercion.decisions"]
    assert "cell.missing" not in errors(text)


def test_figures_under_no_label_where_a_row_belongs_are_unread():
    # two rows whose labels name nothing where one row is missing: neither can be taken for it
    text = edited((ROW_8, "\t\t甲类情形\t\t5\t1\t0\t0\t8\t0\t14\n\t\t乙类情形\t\t0\t0\t0\t0\t0\t0\t0\n"))
    unread = [f for f in findings(text, "cell.unread") if "admin_query" in f.cells[0]]
    assert unread and unread[0].evidence[0].text.startswith("甲类情形 5 1")
    assert "cell.missing" not in errors(text)


def test_a_row_whose_figures_cannot_be_placed_is_unread():
    text = edited(("一、本年新收政府信息公开申请数量\t\t508\t2\t0\t0\t33\t2\t545", "一、本年新收政府信息公开申请数量\t\t508\t0\t545"))
    (unread,) = findings(text, "cell.unread")
    assert "无法逐列确定" in unread.message and unread.evidence[0].where == "第53行"


def test_a_table_cut_short_is_unread_at_its_end():
    cut = KAIFENG[:KAIFENG.index("(五) 不予处理")]
    report = parse_document(cut.encode(), "cut.txt")
    assert not [f for f in report.findings if f.severity == "error"]
    unread = [f for f in report.findings if f.rule == "cell.unread"]
    assert unread and all("结尾" in f.message for f in unread)


# ---------------------------------------------------------------------------------------------------
# sections


def test_a_section_left_out_between_two_found_sections_is_missing():
    (missing,) = findings(edited(("五、存在的主要问题及改进情况", "")), "section.missing")
    assert missing.severity == "error"
    assert [e.where for e in missing.evidence] == ["第79行", "第98行"]


def test_a_numbered_line_where_the_section_belongs_is_a_heading_not_recognised():
    text = edited(("五、存在的主要问题及改进情况", "五、工作中的不足"))
    (found,) = findings(text, "section.not_found")
    assert found.severity == "warning" and "五、工作中的不足" in found.message
    assert "section.missing" not in errors(text)


def test_a_numbered_title_printed_after_other_marks_is_a_heading_not_read_never_missing():
    # a rule drawn as dashes that the extraction joined to the heading's line, longer than a heading
    text = edited(("五、存在的主要问题及改进情况", "—" * 40 + "五、存在的主要问题及改进情况"))
    (found,) = findings(text, "section.not_found")
    assert found.severity == "warning" and [e.where for e in found.evidence] == ["第86行"]
    assert "section.missing" not in errors(text)


def test_a_title_numbered_as_part_of_a_larger_number_does_not_hide_a_missing_section():
    text = edited(("五、存在的主要问题及改进情况", "—" * 40 + "十五、存在的主要问题及改进情况"))
    assert "section.missing" in errors(text)


def test_title_words_beyond_the_gap_after_a_number_are_no_heading_and_a_long_line_costs_linear_time():
    # the title words more than _TITLE_GAP characters after the last number: prose, not a heading
    line = lines_from_text("五、" * 50_000 + "年度工作中" + "存在的主要问题")[0]
    started = time.perf_counter()
    assert not embedded_heading(line, SECTION_BY_KEY["s5"])
    assert time.perf_counter() - started < 1


def test_sections_beyond_the_end_of_a_fragment_are_not_found_not_missing():
    fragment = KAIFENG[:KAIFENG.index("五、存在的主要问题")]
    # one cause (the fragment ends after 四), one warning naming both sections
    (not_found,) = findings(fragment, "section.not_found")
    assert not_found.message.startswith("未找到第五部分“存在的主要问题及改进情况”、第六部分“其他需要报告的事项”（")
    assert not [f for f in findings(fragment) if f.severity == "error"]


def test_a_first_section_is_missing_only_under_the_report_title():
    without_s1 = edited((KAIFENG[KAIFENG.index("一、总体情况"):KAIFENG.index("二、主动公开政府信息情况")], "（前言）\n"))
    (missing,) = findings(without_s1, "section.missing")
    assert missing.evidence[0].text == "开封市人民政府2021年政府信息公开工作年度报告"
    untitled = without_s1.replace("开封市人民政府2021年政府信息公开工作年度报告", "")
    assert "section.missing" not in errors(untitled)
    assert findings(untitled, "section.not_found")


TITLE = "开封市人民政府2021年政府信息公开工作年度报告"
TABLES = KAIFENG[KAIFENG.index("二、主动公开政府信息情况"):KAIFENG.index("五、存在的主要问题")]
NOTE = "填报说明：本表数据统计期限为2021年1月1日至12月31日。\n"


def test_a_document_of_the_tables_alone_is_no_report_lacking_its_prose():
    # the three tables under the report's title, no sentence (a workbook's sheets, a platform's table export):
    # 一 between the title and 二 says nothing of the report, whose prose may be published apart
    text = f"{TITLE}\n\n{TABLES}"
    assert "section.missing" not in errors(text)
    (alone,) = findings(text, "section.not_found")
    assert alone.severity == "warning" and "文档只含统计表" in alone.message
    assert alone.message.startswith("未找到第一部分“总体情况”、第五部分“存在的主要问题及改进情况”、第六部分")
    assert [e.text for e in alone.evidence] == [TITLE]


def test_tables_titled_as_such_are_the_tables_alone_whatever_note_they_carry():
    assert "section.missing" not in errors(f"{TITLE}统计表\n\n{NOTE}{TABLES}")
    # under the report's own title a sentence is prose: 一 missing between the title and 二 is the report's
    (missing,) = findings(f"{TITLE}\n\n{NOTE}{TABLES}", "section.missing")
    assert missing.severity == "error" and "第一部分" in missing.message


def test_a_section_whose_parts_stand_where_it_belongs_is_there_without_its_heading():
    # kaifeng's 总体情况 under its parts （一）主动公开 … （五）监督保障, the heading lost (a PDF's text, an LLM's)
    text = edited(("一、总体情况", "（前言）"))
    assert "section.missing" not in errors(text)
    (not_found,) = findings(text, "section.not_found")
    assert "分项小标题" in not_found.message and not_found.evidence[0].text.startswith("(一)主动公开")


# ---------------------------------------------------------------------------------------------------
# template


def test_a_single_other_row_and_an_unread_table_two_make_no_template_accusation():
    table_2 = KAIFENG[KAIFENG.index("第二十条第（一）项"):KAIFENG.index("三、收到和处理")]
    single = "(六) 其他处理\t\t4\t0\t0\t0\t4\t0\t8\n"
    text = KAIFENG.replace(table_2, "（表格为图片）\n")
    text = text[:text.index("\t(六) 其他处理")] + single + text[text.index("(七) 总计"):]
    report = parse_document(text.encode(), "x.txt")
    assert report.template == "v2021" and report.value("s3.result.other.total") == 8
    assert "template.mismatch" not in {f.rule for f in report.findings}


def test_the_wrong_template_is_named_by_labels_only_the_other_version_prints():
    text = edited(("开封市人民政府2021年", "开封市人民政府2019年"))
    (mismatch,) = findings(text, "template.mismatch")
    assert mismatch.severity == "error" and "本年制发件数" in mismatch.message
    assert mismatch.evidence[0].where == "第34行" and mismatch.evidence[-1].text.startswith("开封市人民政府2019年")


def test_labels_of_both_versions_are_no_mismatch():
    text = edited(("行政事业性收费\t8937.0276", "行政事业性收费\t8937.0276\n第二十条第（九）项\n政府集中采购\t12\t251000"))
    report = parse_document(text.encode(), "x.txt")
    assert report.template == "v2021" and "template.mismatch" not in {f.rule for f in report.findings}


# ---------------------------------------------------------------------------------------------------
# OCR


def test_sums_that_fail_on_figures_read_by_ocr_are_low_confidence_not_errors():
    text = edited(("\t\t508\t2\t0\t0\t33\t2\t545", "\t\t908\t2\t0\t0\t33\t2\t545"))
    as_text = parse_document(text.encode(), "x.txt")
    assert "s3.row_sum" in {f.rule for f in as_text.findings}
    scanned = build_report(Document(lines_from_text(text), "ocr"), "scan.png")
    assert not [f for f in scanned.findings if f.severity == "error"]
    (doubt,) = [f for f in scanned.findings if f.rule == "ocr.low_confidence"]
    assert "s3.new_received.natural_person" in doubt.cells


def test_a_text_whose_table_rows_show_ocr_letters_for_figures_is_no_evidence():
    # OCR text handed to us as .txt: 10 read as lo, 0 as po, a rule beside a figure kept as |
    noisy = ("二、上年结转政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3", "二、上年结转政府信息公开申请数量\t\t3\tlo\tpo\t0\t0\t0\t3")
    text = edited(noisy, ("\t\t508\t2\t0\t0\t33\t2\t545", "\t\t908\t2\t0\t0\t33\t2\t545"))
    report = parse_document(text.encode(), "x.txt")
    assert not [f for f in report.findings if f.severity == "error"]
    assert "ocr.low_confidence" in {f.rule for f in report.findings}


def test_letters_in_a_table_row_without_figures_around_them_are_no_ocr_noise():
    text = edited(("\t\t508\t2\t0\t0\t33\t2\t545", "\t\t908\t2\t0\t0\t33\t2\t545"))
    text = text.replace("四、政府信息公开行政复议", "政务新媒体 APP 3 个。\n四、政府信息公开行政复议", 1)
    assert "s3.row_sum" in errors(text)


def test_a_heading_printed_with_its_first_sentence_is_the_heading():
    # a web page's <p><strong>一、总体情况</strong>2021年，…</p>: one line
    glued = KAIFENG.replace("一、总体情况\n\n", "一、总体情况", 1)
    assert glued != KAIFENG
    report = parse_document(glued.encode(), "x.txt")
    assert "s1" in report.to_dict()["sections_present"]
    assert "section.missing" not in errors(glued)
    assert report.to_dict()["narrative"] == parse_document(KAIFENG.encode(), "x.txt").to_dict()["narrative"]


PDFTOTEXT_ZHOUKOU_OFFICE = Path(__file__).parents[1] / "fixtures/extracted/pdftotext/zhoukou_office_2021.textview.txt"


def test_a_heading_a_rule_was_run_onto_is_the_heading():
    # the report's text printed as a PDF: the Markdown rule under table 四 wraps, and pdftotext writes its end and
    # the heading of 五 on one line (--- --- --五、存在的主要问题及改进情况)
    text = PDFTOTEXT_ZHOUKOU_OFFICE.read_text(encoding="utf-8")
    report = parse_document(text.encode(), "zhoukou_office.txt")
    assert "s5" in report.to_dict()["sections_present"]
    assert not [f for f in report.findings if f.rule == "section.missing" and "第五部分" in f.message]
    (missing,) = [f for f in report.findings if f.rule == "cell.missing"]
    assert missing.cells == ["s2.admin_fees.amount_wan_yuan"]


def test_a_table_header_printed_where_a_section_belongs_shows_the_section_is_there():
    """Heading lost and the figures not printed as text (an image): the header words show table 四 is there."""
    text = edited(("四、政府信息公开行政复议、行政诉讼情况\n", ""),
                  ("5\t17\t3\t0\t25\t9\t4\t0\t1\t14\t9\t5\t3\t0\t17\n", ""))
    assert "section.missing" not in errors(text)
    (not_found,) = findings(text, "section.not_found")
    assert "表头" in not_found.message and "复议后起诉" in not_found.message


def test_figures_whose_separators_were_lost_where_a_section_belongs_are_unread():
    heading_and_header = KAIFENG[KAIFENG.index("四、政府信息公开"):KAIFENG.index("5\t17\t3\t0\t25")]
    text = edited((heading_and_header, ""),
                  ("5\t17\t3\t0\t25\t9\t4\t0\t1\t14\t9\t5\t3\t0\t17\n", "5173025940114953017\n"))
    assert "section.missing" not in errors(text)
    (not_found,) = findings(text, "section.not_found")
    assert "5173025940114953017" in not_found.message


PYMUPDF_ZHOUKOU_OFFICE = Path(__file__).parents[1] / "fixtures/extracted/pymupdf/zhoukou_office_2021.reportlab.txt"


def test_a_row_whose_label_a_cell_stream_never_prints_is_missing_when_every_other_row_is_read():
    # PyMuPDF writes the PDF a cell per line; the report leaves 行政事业性收费 out of table 二
    text = PYMUPDF_ZHOUKOU_OFFICE.read_text(encoding="utf-8")
    (missing,) = [f for f in parse_document(text.encode(), "zhoukou_office.txt").findings if f.rule == "cell.missing"]
    assert missing.cells == ["s2.admin_fees.amount_wan_yuan"] and "行政强制 0" in missing.message


def test_a_row_label_a_cell_stream_prints_without_figures_is_unread_not_missing():
    text = PYMUPDF_ZHOUKOU_OFFICE.read_text(encoding="utf-8").replace("本年收费金额（单位：万元）\n",
                                                                    "本年收费金额（单位：万元）\n行政事业\n性收费\n", 1)
    report = parse_document(text.encode(), "zhoukou_office.txt")
    assert "cell.missing" not in [f.rule for f in report.findings]
    assert "s2.admin_fees.amount_wan_yuan" in [c for f in report.findings if f.rule == "cell.unread" for c in f.cells]


def test_the_report_title_repeated_and_a_table_caption_where_a_row_belongs_do_not_hide_its_absence():
    # the tables on sheets of their own, each under the report's title and named 表二, 表三 (xlsx-tables)
    title = KAIFENG.splitlines()[0]
    text = edited(("行政事业性收费\t8937.0276\t\t\n", f"表三\n{title}\n"))
    (missing,) = findings(text, "cell.missing")
    assert missing.cells == ["s2.admin_fees.amount_wan_yuan"] and "行政强制" in missing.message


PYPDF = Path(__file__).parents[1] / "fixtures" / "extracted" / "pypdf" / "001_huaian_szf_2024.published.txt"


def test_an_unread_row_is_never_named_by_a_column_header():
    # pypdf's table 三 cut off after （四）'s first row (a fragment as real texts end): the 其他 column header
    # printed alone above the rows is no label of the row （六）其他处理 3.其他
    text = PYPDF.read_text(encoding="utf-8")
    start = text.index("三、收到和处理政府信息公开申请情况")
    cut = text.index("\n", text.index("1.本机关不掌握相关政府信息", start))
    report = parse_document(text[start:cut].encode(), "szf_2024.pypdf.txt")
    gap = report.gaps["s3.result.other.other"]
    assert not gap.absent and "其他" not in [e.text for e in gap.evidence]
    assert gap.reason == "未找到表格的结尾（文档可能不完整）"


def test_the_lines_of_a_table_are_read_once_for_all_its_gaps(monkeypatch):
    """Each gap of a table matched every line's label again and took every line's label key again: 21 rows gone
    among 20,000 lines of prose took 6.5 s of gaps (13.5 s the parse), 95,000 lines over a minute."""
    looked = []
    listed = gaps.listed_figures
    monkeypatch.setattr(gaps, "listed_figures", lambda label: looked.append(label) or listed(label))
    report = parse_document(table_three_rows_gone_among_prose(400), "kaifeng.txt")
    assert not [f for f in report.findings if f.severity == "error"]   # the rows gone are unread, not missing
    assert len(looked) <= 600   # each line at most once (21 gaps had been 21 times each: 8,400)


def test_the_lines_of_table_three_are_read_once_for_the_labels_printed_among_them(monkeypatch):
    """Each row not read looked for its label's pieces in every line, the line's characters taken again for every
    piece: 21 rows over 20,000 lines of prose took 38 s (profiled)."""
    taken = []
    cjk = s3._cjk
    monkeypatch.setattr(s3, "_cjk", lambda text: taken.append(text) or cjk(text))
    parse_document(table_three_rows_gone_among_prose(400), "kaifeng.txt")
    assert len(taken) < 2000   # 64,852 had been taken
