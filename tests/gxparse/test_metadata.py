"""Titles, agencies and years as real documents print them: titles over two or three lines, in a table's first
row, in a header image's alt text, with Markdown marks, numbering or decoration; the year from the statistics
period or the 本报告 sentence; a county-level agency named with its city; a page's 来源 line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gxparse import parse_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BODY = "一、总体情况\n本年度共收到申请5件。\n二、主动公开政府信息情况\n"


def meta(text: str, kind: str = "txt") -> tuple:
    report = parse_document(text.encode(), f"x.{kind}")
    return report.agency, report.year, report.title


@pytest.mark.parametrize("title", [
    "淮安市人民政府\n2024 年政府信息公开工作年度报告",                      # agency, then year and report
    "淮安市人民政府\n2024年\n政府信息公开工作年度报告",                      # over three lines
    "淮安市人民政府\n2024年政府信息公开\n工作年度报告",
    "# 淮安市人民政府2024年政府信息公开工作年度报告",                          # Markdown heading
    "## **淮安市人民政府2024年政府信息公开工作年度报告**",
    "【淮安市人民政府2024年政府信息公开工作年度报告】",
    "1.淮安市人民政府2024年政府信息公开工作年度报告",
    "★ 淮安市人民政府 2024 年政府信息公开工作年度报告",
    "淮安市人民政府 2024 年政府信\n息公开工作年度报告",                       # a PDF's text: year apart, cut mid-word
    "淮安市人民政府 2024 年政府信息公开\n           工作年度报告",
])
def test_title_as_printed(title):
    agency, year, printed = meta(f"{title}\n{BODY}")
    assert (agency, year) == ("淮安市人民政府", 2024)
    assert printed == "淮安市人民政府2024年政府信息公开工作年度报告"


def test_lines_before_a_title_are_not_its_agency():
    text = "首页 > 政务公开 > 年度报告\n淮安市人民政府\n2024年政府信息公开工作年度报告\n" + BODY
    assert meta(text)[:2] == ("淮安市人民政府", 2024)
    notice = "关于做好2021年政府信息公开工作年度报告编制发布工作的通知\n各县区：请于1月31日前报送。\n"
    assert meta(notice)[0] is None


@pytest.mark.parametrize("period", [
    "报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。",
    "本报告所列数据的统计期限为2023年1月1日至12月31日。",
    "本年度报告中使用数据统计期限为2023年1月1日至2023年12月31日。",
    "本报告是对2023年度本机关政府信息公开工作情况的总结。",
    "报告中所列数据统计期限自 2023 年 1\n月 1 日起至 2023 年 12 月 31 日止。",    # a PDF's text: figures end a line
])
def test_year_from_the_statistics_period_or_the_report_sentence(period):
    agency, year, _ = meta(f"淮安市洪泽区人民政府\n政府信息公开工作年度报告\n{period}\n{BODY}")
    assert (agency, year) == ("淮安市洪泽区人民政府", 2023)


def test_a_county_body_is_named_with_the_city_the_report_names():
    text = ("洪泽区人民政府\n2023年政府信息公开工作年度报告\n本报告由淮安市洪泽区人民政府办公室根据《条例》编制。"
            "如有疑问，请与淮安市洪泽区人民政府办公室联系。\n" + BODY)
    agency, year, title = meta(text)
    assert (agency, year, title) == ("淮安市洪泽区人民政府", 2023, "洪泽区人民政府2023年政府信息公开工作年度报告")
    assert meta("沭阳县人民政府2023年政府信息公开工作年度报告\n" + BODY)[0] == "沭阳县人民政府"


def test_title_in_the_first_row_of_a_table():
    page = ("<html><body><table><tr><td colspan='2'>淮安市人民政府2024年政府信息公开工作年度报告</td></tr>"
            "<tr><td>发布日期</td><td>2025-01-20</td></tr></table><p>一、总体情况</p><p>本年度…</p></body></html>")
    assert meta(page, "html")[:2] == ("淮安市人民政府", 2024)


def test_title_in_a_header_images_alt_text():
    page = ("<html><body><img src='title.png' alt='淮安市人民政府2024年政府信息公开工作年度报告'>"
            "<p>一、总体情况</p><p>本年度…</p></body></html>")
    assert meta(page, "html")[:2] == ("淮安市人民政府", 2024)


def test_page_titled_only_with_its_year_names_its_agency_in_the_source_line():
    page = ("<html><head><title>2022年年报</title></head><body><h2>2022年年报</h2>"
            "<div>发布日期：2023-01-24　来源：临江市统计局</div><h2>一、总体情况</h2><p>本年度…</p></body></html>")
    assert meta(page, "html")[:2] == ("临江市统计局", 2022)


def test_open_datas_record_fields_name_the_agency_and_year():
    """A data portal's long-form CSV (a record per figure) carries no title: its 年度 and 单位名称 fields, the same
    in every record, are the report's year and agency."""
    records = "年度,单位名称,表格,项目,指标,数值\n" + "".join(
        f"2023,淮安市洪泽区人民政府,{table},{item},{column},{n}\n" for table, item, column, n in (
            ("二、主动公开政府信息情况", "第二十条第（一）项/规章", "本年制发件数", 0),
            ("二、主动公开政府信息情况", "第二十条第（一）项/行政规范性文件", "本年制发件数", 3),
            *(("三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", column, n)
              for column, n in (("自然人", 5), ("法人或其他组织/商业企业", 0), ("总计", 5)))))
    assert meta(records, "csv")[:2] == ("淮安市洪泽区人民政府", 2023)


def _truth(name: str) -> dict:
    return json.loads((FIXTURES / "real" / f"{name}.truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted((FIXTURES / "real").glob("*.[pt][dx][ft]")) +
                         sorted((FIXTURES / "markdown").glob("0*.md")), ids=lambda p: p.name)
def test_real_reports_agency_and_year(path):
    truth = _truth(path.name.split(".")[0])
    report = parse_document(path.read_bytes(), path.name)
    assert (report.agency, report.year) == (truth["agency"], truth["year"])


@pytest.mark.parametrize("title", [
    "柳河县人民政府二〇二四年政府信息公开工作年度报告",        # a year in Chinese numerals
    "柳河县人民政府政府信息公开工作2024年度报告",              # the year after 工作
])
def test_titles_as_cms_families_print_them(title):
    assert meta(f"{title}\n{BODY}")[:2] == ("柳河县人民政府", 2024)


def test_a_title_without_agency_takes_it_from_the_page_title_or_the_opening_sentence():
    page = ("<html><head><title>2019年度政府信息公开工作年度报告-澜江区人民政府</title></head><body>"
            "<h2>2019年度政府信息公开工作年度报告</h2><h2>一、总体情况</h2><p>本年度…</p></body></html>")
    assert meta(page, "html")[:2] == ("澜江区人民政府", 2019)
    text = "2021年度政府信息公开工作年度报告\n一、总体情况\n本年度，沧澜市交通运输局按照市委、市政府工作要求，加强政策解读。\n"
    assert meta(text)[:2] == ("沧澜市交通运输局", 2021)
    assert meta("2021年度政府信息公开工作年度报告\n一、总体情况\n2021年，我市坚持公开为常态。\n")[0] is None


def test_a_title_beside_the_navigation_column_is_read_from_its_cell():
    # a page printed by a browser puts the navigation column on the title's line
    assert meta("政务公开\t周口市人民政府2021年政府信息公开工作年度报告\n" + BODY)[:2] == ("周口市人民政府", 2021)


def test_a_title_with_its_year_wins_over_a_breadcrumb_without():
    text = ("当前位置:首页\t>\t信息公开\t>\t政府信息公开年报\n2019年年报\n"
            "发布机构:临江市人民政府\n" + BODY)
    assert meta(text)[:2] == ("临江市人民政府", 2019)


@pytest.mark.parametrize("ending", [
    "六、其他需要报告的事项\n无。\n淮安市洪泽区人民政府\n2024年1月31日\n",            # the name over the date
    "六、其他需要报告的事项\n无。\n淮安市洪泽区人民政府　2024 年 1 月 31 日\n",      # on the date's line
    "六、其他需要报告的事项\n无。\n淮安市洪泽区人民政府\n二〇二四年一月三十一日\n",
])
def test_a_title_without_agency_takes_it_from_the_signature_over_the_date(ending):
    text = "2023年政府信息公开工作年度报告\n一、总体情况\n2023年，全区坚持公开为常态。\n" + ending
    assert meta(text)[:2] == ("淮安市洪泽区人民政府", 2023)


def test_a_report_compiled_by_the_office_of_the_body_its_overview_opens_with_is_that_bodys():
    # pdfplumber's extract_tables of 洪泽 2023: no title, the 本报告由 sentence and the overview in table cells
    report = parse_document((FIXTURES / "extracted" / "pdfplumber-tables" / "002_huaian_hongze_2023.published.txt")
                            .read_bytes(), "r.txt")
    assert (report.agency, report.year) == ("淮安市洪泽区人民政府", 2023)
    compiled = "本报告由周口市人民政府办公室根据《条例》要求编制。报告中所列数据统计期限自2021年1月1日起至2021年12月31日止。\n"
    # the office's own report opens with the office; another body opening the overview names no owner
    for opening, agency in (("周口市人民政府办公室", "周口市人民政府办公室"), ("周口市信访局", "周口市人民政府办公室")):
        text = compiled + f"一、总体情况\n2021年，{opening}坚持公开为常态。\n二、主动公开政府信息情况\n"
        assert meta(text)[:2] == (agency, 2021)


def test_a_title_without_agency_or_year_takes_them_from_the_sentence_that_introduces_the_report():
    """A scan whose title OCR could not read: the agency that compiled the report, the statistics period."""
    text = ("本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据"
            "统计期限自2023年1月1日起至2023年12月31日止。\n" + BODY)
    assert meta(text)[:2] == ("淮安市洪泽区人民政府办公室", 2023)


def test_the_sentence_that_hands_the_report_to_the_public_names_its_agency():
    # 现将〈agency〉〈year〉年政府信息公开工作年度报告向社会公布: the opening sentence of a page whose title is not in its text
    text = ("根据《中华人民共和国政府信息公开条例》要求，现将临江市水利局2022年政府信息公开工作年度报告向社会公布。"
            "本报告中所列数据统计期限为2022年1月1日至12月31日。\n" + BODY)
    assert meta(text)[:2] == ("临江市水利局", 2022)
    # 现向社会公开《…》: the title in book-title marks, before the overview opens with the body's short name
    text = ("根据《中华人民共和国政府信息公开条例》要求，现向社会公开《沧澜区人民政府2022年度政府信息公开工作年度报告》。\n"
            "一、总体情况\n2022年，沧澜区坚持公开为常态。\n二、主动公开政府信息情况\n")
    assert meta(text)[:2] == ("沧澜区人民政府", 2022)


def test_a_title_with_de_before_its_report_gives_its_year():
    # 关于2021年度政府信息公开工作的年度报告, the agency on the line above: township pages print it so
    assert meta("沧澜县青石镇人民政府\n关于2021年度政府信息公开工作的年度报告\n" + BODY)[:2] == ("沧澜县青石镇人民政府", 2021)


HTMLTEXT = FIXTURES / "htmltext"
OPENING = "2020年，东湖区人民政府深入贯彻"   # the first line of trafilatura's text of the TRS page: no title


@pytest.mark.parametrize("path, year", [
    ("trafilatura/simsite-trs-c00-2020.site.txt", 2020),     # the tool dropped title and headings: the first line
    ("readability/simsite-query-c00-2019.site.txt", 2019),   # 2019年度,… under the 一、总体情况 heading
])
def test_a_report_with_no_title_takes_its_year_from_the_year_opening_its_overview(path, year):
    report = parse_document((HTMLTEXT / path).read_bytes(), "r.txt")
    assert (report.year, report.year_source) == (year, "opening")
    assert report.year_evidence.text.startswith(str(year))


@pytest.mark.parametrize("opening", [
    "2020年以来，东湖区人民政府深入贯彻",            # a span up to now, not the report's year
    "截至2020年底，东湖区人民政府深入贯彻",
    "2019—2020年，东湖区人民政府深入贯彻",           # two years
    "〔2020〕12号文件印发后，东湖区人民政府深入贯彻",   # a cited document's number
])
def test_an_overview_opening_with_no_single_year_gives_none(opening):
    text = (HTMLTEXT / "trafilatura" / "simsite-trs-c00-2020.site.txt").read_text(encoding="utf-8")
    assert OPENING in text
    report = parse_document(text.replace(OPENING, opening, 1).encode(), "r.txt")
    assert (report.year, report.year_source) == (None, None)


@pytest.mark.parametrize("before, year, source", [
    ("东湖区人民政府2021年政府信息公开工作年度报告\n", 2021, "title"),
    ("报告中所列数据统计期限自2021年1月1日起至2021年12月31日止。\n", 2021, "statement"),
])
def test_a_title_or_a_statement_gives_the_year_before_the_overview_opening(before, year, source):
    text = (HTMLTEXT / "trafilatura" / "simsite-trs-c00-2020.site.txt").read_text(encoding="utf-8")
    report = parse_document((before + text).encode(), "r.txt")
    assert (report.year, report.year_source) == (year, source)


def test_no_template_error_rests_on_the_year_opening_the_overview():
    # the TRS page prints the 2019 template; its overview opening with another year is no printed year to accuse
    text = (HTMLTEXT / "trafilatura" / "simsite-trs-c00-2020.site.txt").read_text(encoding="utf-8")
    report = parse_document(text.replace(OPENING, "2021年，东湖区人民政府深入贯彻", 1).encode(), "r.txt")
    assert (report.year, report.template) == (2021, "v2019")
    assert "template.mismatch" not in {f.rule for f in report.findings}
