"""The archive's own checks and the content digest, as pure functions."""

from __future__ import annotations

import copy
from datetime import date

from monitor.archive.checks import (
    agency_kind, deadline, near_duplicate, publication_late, report_overdue, yoy_carry, yoy_in_force,
)
from monitor.archive.content import normalise_prose, page_chrome, report_digest
from monitor.archive.diff import diff_documents, sentences

from .conftest import page, seed_report


def test_yoy_carry_compares_each_column_with_last_years_carry_forward():
    last = seed_report()
    this = copy.deepcopy(last)
    this["year"] = 2022
    this["s3"]["carried_over"] = dict(last["s3"]["carry_forward"])
    assert yoy_carry(last, this) == []
    this["s3"]["carried_over"]["natural_person"] += 1
    [finding] = yoy_carry(last, this)
    assert finding.cells == ["s3.carried_over.natural_person"]
    assert finding.message == "表三（自然人列）：2022年上年结转7，但2021年报告的结转下年度继续办理为6"


def test_yoy_in_force_is_a_hint_for_v2021_reports_only():
    last = seed_report()
    this = copy.deepcopy(last)
    regs = this["s2"]["regulations"]
    regs["in_force"] = last["s2"]["regulations"]["in_force"] + regs["issued"] - regs["repealed"]
    this["s2"]["normative_docs"]["in_force"] = (last["s2"]["normative_docs"]["in_force"]
                                                + this["s2"]["normative_docs"]["issued"]
                                                - this["s2"]["normative_docs"]["repealed"])
    assert yoy_in_force(last, this) == []
    regs["in_force"] += 2
    [finding] = yoy_in_force(last, this)
    assert (finding.rule, finding.severity, finding.cells) == ("yoy.in_force", "info", ["s2.regulations.in_force"])
    assert yoy_in_force(dict(last, template="v2019"), this) == []


def test_near_duplicate_flags_copied_prose_not_different_agencies():
    kaifeng, city = seed_report(), seed_report("zhoukou_city_2021")
    assert near_duplicate(kaifeng, dict(copy.deepcopy(kaifeng), year=2022))
    assert near_duplicate(kaifeng, city) == []
    assert near_duplicate(kaifeng, dict(kaifeng, text={"s1": "无。", "s5": "无。", "s6": "无。"})) == []


def test_deadlines_follow_article_49():
    assert agency_kind("周口市人民政府") == "government" and deadline("周口市人民政府", 2023) == date(2024, 3, 31)
    assert agency_kind("周口市信访局") == "department" and deadline("周口市信访局", 2023) == date(2024, 1, 31)
    assert agency_kind("周口市人民政府办公室") == "department"
    assert agency_kind("川汇区城南街道办事处") == "township" and deadline("川汇区城南街道办事处", 2023) is None
    assert deadline("周口市信访局", 2023, "02-20") == date(2024, 2, 20)


def test_publication_late_and_overdue():
    assert publication_late("周口市信访局", 2023, "2024-01-31") == []
    [late] = publication_late("周口市信访局", 2023, "2024-02-03")
    assert late.message.endswith("（逾期3天）")
    assert report_overdue("周口市人民政府", 2023, date(2024, 3, 31)) is None
    assert report_overdue("周口市人民政府", 2023, date(2024, 4, 1)).severity == "warning"


def test_volatile_text_is_ignored_but_prose_figures_are_not():
    assert normalise_prose("浏览次数：1021 全年共受理申请61件") == normalise_prose("浏览次数：1187 全年共受理申请61件")
    assert normalise_prose("网站总访问量859920次") != normalise_prose("网站总访问量859921次")
    assert normalise_prose("当前时间：2024-03-05 10:11:12 星期二 正文") == "正文"


def test_chrome_lines_are_removed_only_as_whole_lines():
    body = page(seed_report(), '<div class="slider">政策解读</div>')
    chrome = page_chrome(body)
    assert "政策解读" in chrome
    report = seed_report()
    with_banner = dict(report, text=dict(report["text"], s6=report["text"]["s6"] + "\n政策解读"))
    assert report_digest(with_banner, chrome) == report_digest(report, chrome)
    edited = dict(report, text=dict(report["text"], s1=report["text"]["s1"].replace("政策解读", "解读", 1)))
    assert report_digest(edited, chrome) != report_digest(report, chrome)


def test_diff_of_two_documents():
    old = seed_report()
    new = copy.deepcopy(old)
    new["s4"]["review"]["upheld"] += 1
    new["s3"]["result.denied.third_party"]["total"] = None
    new["text"]["s5"] += "。新增一句。"
    diff = diff_documents(old, new)
    assert [(c.cell, c.old, c.new) for c in diff.figures] == [
        ("s3.result.denied.third_party.total", old["s3"]["result.denied.third_party"]["total"], None),
        ("s4.review.upheld", old["s4"]["review"]["upheld"], old["s4"]["review"]["upheld"] + 1)]
    [text] = diff.text
    assert text.section == "s5" and "+新增一句。" in text.diff
    assert sentences("第一句。第二句！\n第三句") == ["第一句。", "第二句!", "第三句"]   # NFKC: ！ → !
