"""Documents that are not clean annual reports: other templates, garbage, truncation, not a report at all."""

import pytest

from gxparse import DocumentError, parse_document
from simsite.render import render_report_html
from tests.gxparse.seeds import report_dict, seed_bytes

V2019_ROWS = ["new_received", "carried_over", "result.granted", "result.partial",
              "result.denied.state_secret", "result.denied.law_prohibited", "result.denied.security_stability",
              "result.denied.third_party", "result.denied.internal_affairs", "result.denied.process_info",
              "result.denied.enforcement_file", "result.denied.admin_query", "result.unable.not_held",
              "result.unable.needs_creation", "result.unable.unclear", "result.not_processed.petition",
              "result.not_processed.duplicate", "result.not_processed.publication",
              "result.not_processed.excessive", "result.not_processed.reconfirm", "result.other",
              "result.total", "carry_forward"]
COLS = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
        "legal_service_org", "other_org", "total"]


def _row(np: int, ce: int = 0) -> dict:
    return dict(zip(COLS, [np, ce, 0, 0, 0, 0, np + ce]))


def v2019_report(year: int = 2020) -> dict:
    """Shanghai-like figures (template.md §5 worked example): 859 + 18 = 805 + 72."""
    s3 = {key: _row(0) for key in V2019_ROWS}
    s3.update({"new_received": _row(850, 9), "carried_over": _row(18), "result.granted": _row(500, 5),
               "result.partial": _row(100), "result.unable.not_held": _row(190, 4), "result.other": _row(6),
               "result.total": _row(796, 9), "carry_forward": _row(72)})
    items = ("prev_items", "delta_items", "decisions")
    return {
        "title": f"上海市人民政府办公厅{year}年政府信息公开工作年度报告", "agency": "上海市人民政府办公厅",
        "year": year, "template": "v2019",
        "s2": {"regulations": {"new_made": 5, "new_published": 5, "total_published": 120},
               "normative_docs": {"new_made": 30, "new_published": 30, "total_published": 800},
               "licensing": dict(zip(items, [40, -8, 1200])), "other_services": dict(zip(items, [10, 2, 300])),
               "penalty": dict(zip(items, [5, 0, 70])), "coercion": dict(zip(items, [2, 1, 3])),
               "admin_fees": {"prev_items": 4, "delta_items": -1},
               "central_procurement": {"projects": 12, "amount": "251000"}},
        "s3": s3,
        "s4": {"review": dict(zip(["upheld", "corrected", "other", "pending", "total"], [10, 1, 2, 3, 16])),
               "litigation_direct": dict(zip(["upheld", "corrected", "other", "pending", "total"], [4, 0, 1, 2, 7])),
               "litigation_after_review": dict(zip(["upheld", "corrected", "other", "pending", "total"],
                                                   [1, 0, 0, 0, 1]))},
        "s1_text": "全年共收到政府信息公开申请859件，答复805件，72件顺延到下年度。",
        "s5_text": "无。", "s6_text": "无。",
    }


def test_v2019_report_reads_every_figure():
    source = v2019_report()
    report = parse_document(render_report_html(source).encode(), "sh2020.html").to_dict()
    assert report["template"] == "v2019"
    for table in ("s2", "s3", "s4"):
        assert report[table] == source[table], table
    assert [f for f in report["findings"] if f["severity"] == "error"] == []


def test_v2019_tables_in_a_2021_report_is_a_template_mismatch():
    report = parse_document(render_report_html(v2019_report(2021)).encode(), "x.html")
    assert [f.rule for f in report.findings if f.severity == "error"] == ["template.mismatch"]


def test_legacy_report_is_recognised_and_not_forced_into_tables():
    text = ("某市人民政府2012年政府信息公开工作年度报告\n一、概述\n本年度主动公开政府信息1200条。\n"
            "二、依申请公开情况\n全年受理申请30件。\n三、政府信息公开的收费及减免情况\n未收取费用。\n"
            "四、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n")
    report = parse_document(text.encode(), "old.txt")
    assert report.template == "legacy" and report.year == 2012
    assert report.s2 is None and report.s3 is None and report.s4 is None
    assert not [f for f in report.findings if f.rule == "section.missing"]


def test_not_an_annual_report_has_no_invented_numbers():
    text = "关于做好2021年政府信息公开工作年度报告编制发布工作的通知\n各县区：请于1月31日前报送。联系电话 0394 8276078\n"
    report = parse_document(text.encode(), "notice.txt")
    assert (report.s2, report.s3, report.s4) == (None, None, None)
    # no heading at all: nothing shows the sections are absent rather than unread, so no accusation
    assert {f.rule for f in report.findings} == {"section.not_found"}


@pytest.mark.parametrize("cut", [0.3, 0.55, 0.8])
def test_truncated_report_gives_findings_not_tracebacks(cut):
    data = seed_bytes("kaifeng_2021")
    text = data.decode()[: int(len(data.decode()) * cut)]
    report = parse_document(text.encode(), "cut.txt")
    # a cut document may be a fragment: what is beyond the cut was not read, it is not missing
    assert any(f.rule in ("section.not_found", "cell.unread", "table.unread") for f in report.findings)
    assert not [f for f in report.findings if f.severity == "error"]


def test_garbage_bytes_are_an_error():
    with pytest.raises(DocumentError, match="不支持的文件类型"):
        parse_document(bytes(range(256)) * 20, "garbage.bin")


def test_zero_bytes_are_an_error():
    with pytest.raises(DocumentError, match="文件为空"):
        parse_document(b"", "empty.html")


def test_random_text_is_not_a_report():
    report = parse_document("今天天气很好。\n1 2 3\n".encode("gbk"), "random.txt")
    assert not report.is_annual_report
    assert {f.rule for f in report.findings} == {"section.not_found"}


def test_pipe_separated_flattened_table():
    text = seed_bytes("kaifeng_2021").decode().replace("\t", " | ")
    report = parse_document(text.encode(), "pipes.txt")
    assert report.value("s3.result.denied.admin_query.legal_service_org") == 8
    assert report.value("s4.litigation_after_review.total") == 17


@pytest.mark.parametrize("heading,key", [
    ("四、因政府信息公开工作被申请行政复议和提起行政诉讼情况", "s4"),
    ("五、政府信息公开工作存在的主要问题及改进情况", "s5"),
    ("五、存在问题及改进情况", "s5"),
    ("(五)存在的主要问题及改进情况", "s5"),
    ("5．存在的主要问题及改进情况", "s5"),
    ("六、其他需要报告的事项", "s6"),
])
def test_heading_variants(heading, key):
    canonical = {"s4": "四、政府信息公开行政复议、行政诉讼情况", "s5": "五、存在的主要问题及改进情况",
                 "s6": "六、其他需要报告的事项"}[key]
    text = seed_bytes("kaifeng_2021").decode().replace(canonical, heading)
    report = parse_document(text.encode(), "variant.txt")
    assert key in report.sections_present
    assert report.value("s4.review.total") == 25


@pytest.mark.parametrize("declared,encoding", [("gb2312", "gb18030"), ("GBK", "gbk"), ("gb18030", "gb18030"),
                                               ("utf-8", "utf-8"), (None, "gb18030")])
def test_chinese_charsets(declared, encoding):
    rare = "" if encoding == "gbk" else "䶮"   # a character GB18030 has and GBK lacks
    page = render_report_html(report_dict("kaifeng_2021", s1_text=f"全年共收到申请545件。{rare}"), charset=declared)
    report = parse_document(page.encode(encoding), "x.html")
    assert report.agency == "开封市人民政府"
    assert f"545件。{rare}" in report.s1_text


GRANTED = "(一) 予以公开\t\t414\t0\t0\t0\t20\t2\t436"


def _reworded(*rows: tuple[str, str]):
    text = seed_bytes("kaifeng_2021").decode("utf-8")
    for old, new in rows:
        assert text.count(old) == 1
        text = text.replace(old, new)
    return parse_document(text.encode("utf-8"), "kaifeng.txt")


def test_a_row_whose_label_names_no_row_is_read_by_its_place_with_a_warning():
    report = _reworded((GRANTED, GRANTED.replace("予以公开", "同意公开")))
    assert report.value("s3.result.granted.natural_person") == 414
    assert report.value("s3.result.granted.total") == 436
    (placed,) = [f for f in report.findings if f.rule == "row.by_position"]
    assert placed.severity == "warning" and placed.cells[0] == "s3.result.granted.natural_person"
    assert "(一) 同意公开」" in placed.message and "按位置读作「（一）予以公开」" in placed.message
    assert not [f for f in report.findings if f.severity == "error"]


def test_the_first_and_last_rows_whose_labels_name_no_row_are_read_by_their_place_when_they_add_up():
    """OCR garbles the labels of the table's first rows as readily as any other's: nothing printed before them
    bounds them but the section, so a row so placed must add up by itself."""
    report = _reworded(("一、本年新收政府信息公开申请数量", "一、淅收政 主信息公开"),
                       ("二、上年结转政府信息公开申请数量", "二、4再转政| 分开"),
                       ("四、结转下年度继续办理", "四、结转下午度继"))
    assert [report.value(f"s3.{key}.total") for key in ("new_received", "carried_over", "carry_forward")] == [545, 3, 6]
    placed = [f for f in report.findings if f.rule == "row.by_position"]
    assert [f.cells[0] for f in placed] == ["s3.new_received.natural_person", "s3.carried_over.natural_person",
                                            "s3.carry_forward.natural_person"]
    assert "之前" in placed[0].message and "之后" in placed[-1].message
    assert not [f for f in report.findings if f.severity == "error"]


def test_a_first_row_by_its_place_that_does_not_add_up_is_not_read():
    report = _reworded(("一、本年新收政府信息公开申请数量\t\t508", "一、淅收政 主信息公开\t\t509"))
    assert report.value("s3.new_received.natural_person") is None
    assert "row.by_position" not in {f.rule for f in report.findings}


def test_two_unknown_rows_in_one_place_are_not_guessed():
    report = _reworded((GRANTED, GRANTED.replace("予以公开", "同意公开") + "\n(一)b 另一行\t\t1\t0\t0\t0\t0\t0\t1"))
    assert report.value("s3.result.granted.natural_person") is None
    assert "row.by_position" not in {f.rule for f in report.findings}
    # the two rows of figures stand where （一） belongs: it was not read, not left out
    (unread,) = [f for f in report.findings if f.rule == "cell.unread"]
    assert unread.severity == "warning" and unread.cells[0] == "s3.result.granted.natural_person"
    assert "同意公开" in unread.message and "另一行" in unread.message
