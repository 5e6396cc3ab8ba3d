"""What OCR garbles in labels, headings and titles put back to the official wording, and what is left alone."""

import numpy as np
import pytest

from gxparse.document import Line
from gxparse.ocr.rules import find_rules
from gxparse.ocr.labels import snap_label, snap_place, snap_title


@pytest.mark.parametrize(("read", "label"), [
    ("2.重复申清", "2.重复申请"),                            # one character off
    ("(二)了以公开", "（一）予以公开"),                       # item number and a lookalike (予 → 了)
    ("(以公开", "（一）予以公开"),                             # item number half lost
    ("（三）不子公开", "（三）不予公开"),
    ("二、主动公开政府1区二百WU", "二、主动公开政府信息情况"),   # heading: numeral and first words
    ("三、收到和处理吧吧吧", "三、收到和处理政府信息公开申请情况"),
])
def test_misread_labels_are_snapped_back(read, label):
    assert snap_label(read) == label


@pytest.mark.parametrize("text", ["规章", "总计", "其他", "3其他", "12502", "开展了政府网站建设工作", "二、其他说明"])
def test_short_words_figures_and_other_text_are_left_alone(text):
    assert snap_label(text) == text


def _line(text: str, page: int = 1) -> Line:
    return Line(text, text, [], "第1行", page)


def test_a_garbled_title_gives_its_year_and_keeps_its_agency():
    lines = [_line("潢儿县人民政府2021年政府人侍百/咎芭人八开工作年度:级告"), _line("一、总体情况")]
    snap_title(lines)
    assert lines[0].text == lines[0].label == "潢儿县人民政府2021年政府信息公开工作年度报告"


def test_a_line_that_is_no_title_is_not_made_one():
    lines = [_line("2021年度,潢川县政府网络信息中心在县政府办公室的领导下")]
    snap_title(lines)
    assert lines[0].text == "2021年度,潢川县政府网络信息中心在县政府办公室的领导下"


def test_a_place_misread_in_the_title_is_read_as_the_prose_names_it():
    lines = [_line("江川县人民政府2021年政府信息公开工作年度报告"), _line("一、总体情况"),
             _line("2021年度,潢川县政府网络信息中心在县政府办公室的领导下"), _line("宣传潢川的窗口,潢川县全面推进")]
    snap_place(lines)
    assert lines[0].text == lines[0].label == "潢川县人民政府2021年政府信息公开工作年度报告"


def test_a_place_the_prose_names_once_or_not_at_all_is_left_as_read():
    lines = [_line("江川县人民政府"), _line("2021年度,潢川县政府网络信息中心在县政府办公室的领导下")]
    snap_place(lines)
    assert lines[0].text == "江川县人民政府"
    lines = [_line("淮安市人民政府"), _line("淮阴区、淮安区、洪泽区坚持公开")]
    snap_place(lines)
    assert lines[0].text == "淮安市人民政府"


def test_a_thin_rule_printed_grey_across_two_pixel_rows_is_found_and_text_touching_it_kept():
    page = np.full((60, 400), 255, dtype=np.uint8)
    page[30:32, 20:380] = 150                 # a 1-px line anti-aliased over rows 30 and 31
    page[24:30, 100:104] = 0                  # a stroke of a character sitting on the rule
    rules, cleaned = find_rules(page, 150)
    assert [(r.horizontal, r.start, r.end) for r in rules] == [(True, 20.0, 380.0)] * len(rules) and rules
    assert cleaned[30:32, 20:380].min() == 255 and cleaned[24:30, 100:104].max() == 0


def test_the_garbled_second_line_of_a_title_under_its_agency_gives_its_year():
    lines = [_line("开封市人民政府"), _line("2021年政府信,筷LA公开工作年度报告"), _line("一、总体情况")]
    snap_title(lines)
    assert [ln.text for ln in lines[:2]] == ["开封市人民政府", "2021年政府信息公开工作年度报告"]
