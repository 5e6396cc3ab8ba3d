"""Verdicts from titles and link texts (issue 4's look-alike list), and what a title says of agency and year."""

from __future__ import annotations

import pytest

from crawler.steering.classify import (Verdict, classify_title, combine, folder_year, names_attached_report,
                                      title_agency, title_year)

REPORTS = [
    "周口市人民政府2021年政府信息公开工作年度报告",
    "周口市信访局2021年度政府信息公开工作年度报告",
    "2021年周口市信访局政府信息公开工作年度报告",
    "西山县青山镇2022年政府信息公开年报",
    "岚州市统计局2024年度政府信息公开工作报告",
    "临江市教育局 2020 年政府信息公开工作年度报告",
    "临江市教育局２０２０年政府信息公开工作年度报告",  # full-width digits
    "临江市人民政府2023年度信息公开年报",
    "2022年政务公开工作年度报告",                       # 政务公开 for 政府信息公开, as some counties word it
    "政府信息公开年度工作报告（2021年）",                 # 年度 before 工作, the year last
]
LOOKALIKES = [
    "临江市2022年政务公开工作要点",
    "关于做好2021年度政府信息公开工作年度报告编制发布工作的通知",
    "临江市司法局2021年法治政府建设年度报告",
    "临江市财政局2021年部门决算",
    "临江市2021年国民经济和社会发展统计公报",
    "掌上临江丨江南省人民政府2021年政府信息公开工作年度报告",
    "图解：临江市人民政府2021年政府信息公开工作年度报告",
    "临江市人民政府2021年政府信息公开工作年度报告（解读）",
    "临江市2021年政府网站工作年度报表",
    "2023年度企业年报常见问题解答",
    "市场主体2022年度年报公示工作完成情况",
    "北山市2023年卫生健康统计年报",
    "2024年北山市人民政府工作报告",
    "关于报送2023年度政府信息公开工作年度报告的通知",
    "关于公布2023年度政务公开工作要点的通知",
    "关于发布2023年度政府信息公开工作年度报告解读的公告",
]


@pytest.mark.parametrize("title", REPORTS)
def test_report_titles(title):
    assert classify_title(title) is Verdict.REPORT


@pytest.mark.parametrize("title", LOOKALIKES)
def test_lookalike_titles(title):
    assert classify_title(title) is Verdict.LOOKALIKE


@pytest.mark.parametrize("title", ["2021年年报", "2021年度报告", "临江市档案局2024年政府信息公开工...",
                                   "西山县人力资源和社会保障局202…"])
def test_titles_that_cannot_decide(title):
    assert classify_title(title) is Verdict.MAYBE


@pytest.mark.parametrize("title", ["政府信息公开年报", "年度报告", "临江市召开政务公开工作推进会", ""])
def test_titles_about_something_else(title):
    assert classify_title(title) is Verdict.UNRELATED


def test_a_lookalike_word_anywhere_wins():
    assert combine(Verdict.REPORT, Verdict.LOOKALIKE) is Verdict.LOOKALIKE


def test_one_clear_report_title_is_enough():
    assert combine(Verdict.MAYBE, Verdict.REPORT, Verdict.UNRELATED) is Verdict.REPORT


def test_two_vague_titles_stay_undecided():
    assert combine(Verdict.MAYBE, Verdict.UNRELATED) is Verdict.MAYBE


@pytest.mark.parametrize("title, agency", [
    ("周口市人民政府2021年政府信息公开工作年度报告", "周口市人民政府"),
    ("2021年周口市信访局政府信息公开工作年度报告", "周口市信访局"),
    ("2021年度周口市信访局政府信息公开工作年报", "周口市信访局"),
    ("2021年年报", None),
    ("周口市生态环境局2024年政府信息公开工...", None),
    ("淯阳县人民政府政府信息公开工作2021年度报告", "淯阳县人民政府"),   # the year after the subject
    ("2021年政府信息公开工作年度报告", None),                     # the agency is the sub-site's
    ("二〇二〇年度政府信息公开工作年度报告", None),
])
def test_agency_from_title(title, agency):
    assert title_agency(title) == agency


@pytest.mark.parametrize("title, year", [("周口市2021年政府信息公开工作年度报告", 2021), ("２０２３年度报告", 2023),
                                         ("政府信息公开年报", None), ("二〇二〇年政府信息公开工作年度报告", 2020)])
def test_year_from_title(title, year):
    assert title_year(title) == year


@pytest.mark.parametrize("title", ["关于公布2023年度政府信息公开工作年度报告的公告",
                                   "关于公开临江市人社局2022年政府信息公开工作年度报告的通知",
                                   "关于发布《临江市民政局2024年度政府信息公开工作年度报告》的公告"])
def test_an_article_publishing_a_report_is_read_for_its_file(title):
    # its page is fetched (MAYBE), and the file its 附件 names as a report is the report
    assert classify_title(title) is Verdict.MAYBE


@pytest.mark.parametrize(("title", "url", "page", "year"), [
    ("政府信息公开工作年度报告", "http://z.gov.cn/ndbg/2023/a.html", "http://z.gov.cn/ndbg/2023/", 2023),
    ("市住建局政府信息公开工作年度报告", "http://z.gov.cn/nb/2022年度/1.html", "http://z.gov.cn/nb/2022年度/index.html", 2022),
    ("政府信息公开工作年度报告", "http://z.gov.cn/nb/2024n/art/2025/a.html", "http://z.gov.cn/nb/2024n/index.html", 2024),
    # no year's folder, the document outside it, a folder or its index (a column's link), another host
    ("政府信息公开工作年度报告", "http://z.gov.cn/ndbg/a.html", "http://z.gov.cn/ndbg/index.html", None),
    ("政府信息公开工作年度报告", "http://z.gov.cn/ndbg/a.html", "http://z.gov.cn/ndbg/2023/", None),
    ("政府信息公开工作年度报告", "http://z.gov.cn/ndbg/2023/index.html", "http://z.gov.cn/ndbg/2023/", None),
    ("政府信息公开工作年度报告", "http://y.gov.cn/ndbg/2023/a.html", "http://z.gov.cn/ndbg/2023/", None),
    # a year folder higher up is no list's year; a look-alike, a title with its own year are read by it
    ("政府信息公开年报", "http://z.gov.cn/2023/xxgk/a.html", "http://z.gov.cn/2023/xxgk/list.html", None),
    ("部门预算报告", "http://z.gov.cn/ndbg/2023/a.html", "http://z.gov.cn/ndbg/2023/", None),
    ("2021年政府信息公开工作年度报告", "http://z.gov.cn/ndbg/2023/a.html", "http://z.gov.cn/ndbg/2023/", None),
])
def test_a_title_naming_the_reports_kind_alone_takes_the_year_of_its_lists_folder(title, url, page, year):
    assert folder_year(title, url, page) == year


@pytest.mark.parametrize(("file", "page", "named"), [
    ("2023年度报告.pdf", "政府信息公开工作年度报告", True),
    ("2022年年报.docx", "政府信息公开工作年度报告_某县人民政府", True),
    ("2023年度报告.pdf", "政府信息公开年报", True),              # a 年报 column listing its files so
    # a page naming a year or anything else, a file naming no year, a look-alike or the whole report
    ("2023年度报告.pdf", "梧岭县2024年政务公开工作要点", False),
    ("2023年度报告.pdf", "通知公告", False),
    ("年度报告.pdf", "政府信息公开工作年度报告", False),
    ("2023年部门决算.pdf", "政府信息公开工作年度报告", False),
    ("2023年政府信息公开工作年度报告.pdf", "政府信息公开工作年度报告", False),
])
def test_a_file_named_by_its_year_on_a_page_titled_by_the_reports_kind_names_that_years_report(file, page, named):
    assert names_attached_report(file, page) is named
