"""Report pages in the table styles real publishers' tools write (``html_styles``): every figure is read, and
a figure printed with text no rule reads is said to be unread, never read as a blank 0 nor accused."""

import pytest

from gxparse import parse_document
from simsite.render import render_report_html
from tests.gxparse.html_styles import DESERVING, STYLES, assert_only_deserved_errors, render_page, report_of

REPORTS = tuple(DESERVING)


def _parsed(name: str, style: str) -> dict:
    return parse_document(render_page(report_of(name), style).encode(), f"{name}.{style}.html").to_dict()


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_style_gives_back_every_figure_and_only_deserved_errors(name, style):
    report, truth = _parsed(name, style), report_of(name)
    for table in ("s2", "s3", "s4"):
        assert report[table] == truth[table], table
    assert (report["agency"], report["year"]) == (truth["agency"], truth["year"])
    assert_only_deserved_errors(report["findings"], name, STYLES[style].figure("0") == STYLES[style].figure(""))


def _new_received(*cells: str, head: str = "") -> dict:
    """Kaifeng's page with its row 一、本年新收 printed as ``cells`` (markup as written), ``head`` in its head."""
    report = report_of("kaifeng_2021")
    slots = [f"@{n}@" for n in range(len(cells))]
    report["s3"]["new_received"] = dict(zip(report["s3"]["new_received"], slots))
    page = render_report_html(report).replace("</head>", f"{head}</head>", 1)
    for slot, cell in zip(slots, cells):
        page = page.replace(f">{slot}<", f">{cell}<")
    return parse_document(page.encode(), "x.html").to_dict()


def test_a_unit_after_a_space_or_in_brackets_and_a_note_mark_leave_the_figure():
    report = _new_received("12 件", "1（件）", "0", "0", "2※", "0*", "15 （件）")
    assert report["s3"]["new_received"] == {"natural_person": 12, "commercial_enterprise": 1, "research_institution": 0,
                                            "social_welfare_org": 0, "legal_service_org": 2, "other_org": 0,
                                            "total": 15}


def test_a_note_in_superscript_or_a_circled_digit_is_no_digit_of_the_figure():
    report = _new_received("12<sup>1</sup>", "1①", "0", "0", "2", "0", "15¹")
    assert report["s3"]["new_received"] == {"natural_person": 12, "commercial_enterprise": 1, "research_institution": 0,
                                            "social_welfare_org": 0, "legal_service_org": 2, "other_org": 0,
                                            "total": 15}


def test_what_the_page_does_not_show_or_marks_deleted_is_no_figure():
    # Word's tracked changes and hidden text, a struck-out figure, an element hidden by attribute or style
    report = _new_received('<del datetime="2024-01-20">509</del><ins>508</ins>', "2<span style='DISPLAY: none'>7</span>",
                           "<s>1</s>0", "<span hidden>3</span>0", "<strike>30</strike>33", "2", "545")
    assert report["s3"]["new_received"] == {"natural_person": 508, "commercial_enterprise": 2, "research_institution": 0,
                                            "social_welfare_org": 0, "legal_service_org": 33, "other_org": 2,
                                            "total": 545}


def test_text_a_style_hides_or_strikes_out_is_no_figure():
    # a page's style sheet (rules by class, by tag and class, in a comment-broken sheet; class names as Word
    # writes them in another case), and inline styles: invisible, of no size, struck through
    sheet = ("<style><!-- /* drafts */ .hid, TD SPAN.Draft { display: none !important } "
             ".del{text-decoration:line-through;color:red} --></style>")
    report = _new_received('<span class="hid">509</span>508', '<span class="draft">3</span>2',
                           '<span style="visibility: hidden">1</span>0', '<span style="font-size:0px">3</span>0',
                           '<span class="DEL">30</span>33', '<span style="text-decoration: line-through">3</span>2',
                           '<span style="font-size: 0.8em">545</span>', head=sheet)
    assert report["s3"]["new_received"] == {"natural_person": 508, "commercial_enterprise": 2, "research_institution": 0,
                                            "social_welfare_org": 0, "legal_service_org": 33, "other_org": 2,
                                            "total": 545}


def test_a_lowered_note_mark_is_no_digit_of_the_figure():
    report = _new_received("508<sub>2</sub>", "2<sub>注</sub>", "0", "0", "33", "2", "545")
    assert report["s3"]["new_received"]["natural_person"] == 508
    assert report["s3"]["new_received"]["commercial_enterprise"] == 2


def test_thousands_grouped_by_a_space_are_one_figure():
    # a space, a thin space, &nbsp; between groups of three digits
    report = _new_received("1 008", "2", "0", "0", "33", "2", "1\u2009045")
    assert report["s3"]["new_received"]["natural_person"] == 1008 and report["s3"]["new_received"]["total"] == 1045
    report = _new_received("1&nbsp;008", "2", "0", "0", "33", "2", "1,045")
    assert report["s3"]["new_received"]["natural_person"] == 1008


def test_zero_written_as_a_chinese_numeral_is_zero():
    report = _new_received("508", "2", "零", "〇", "33", "2", "545")
    assert report["s3"]["new_received"] == {"natural_person": 508, "commercial_enterprise": 2, "research_institution": 0,
                                            "social_welfare_org": 0, "legal_service_org": 33, "other_org": 2,
                                            "total": 545}
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_a_figure_with_text_no_rule_reads_is_unread_never_a_blank_zero():
    report = _new_received("508(注1)", "2", "0", "0", "33", "2", "545万")
    row = report["s3"]["new_received"]
    assert row["natural_person"] is None and row["total"] is None and row["commercial_enterprise"] == 2
    named = {(f["rule"], cell) for f in report["findings"] for cell in f["cells"]}
    assert ("cell.blank", "s3.new_received.natural_person") not in named
    assert ("cell.unread", "s3.new_received.natural_person") in named
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_a_count_excel_displays_in_wan_is_read_from_its_x_num_only_where_the_display_rounds_it():
    report = report_of("kaifeng_2021")
    figures = report["s3"]["new_received"]
    assert (figures["natural_person"], figures["total"]) == (508, 545)
    # the row's cells as (x:num, displayed): 508 in 万 to two decimals; 545 is 0.1万, not the 0.2万 displayed
    cells = {"natural_person": ("508", "0.05万"), "legal_service_org": ("33", "33"), "total": ("545", "0.2万")}
    report["s3"]["new_received"] = {col: f"@{col}@" for col in figures}
    page = render_report_html(report)
    for col, figure in figures.items():
        num, shown = cells.get(col, (None, str(figure)))
        td = f'<td x:num="{num}" x:fmla="=B3">' if num else "<td>"
        page = page.replace(f"<td>@{col}@<", f"{td}{shown}<")
    report = parse_document(page.encode(), "x.html").to_dict()
    row = report["s3"]["new_received"]
    assert row["natural_person"] == 508 and row["legal_service_org"] == 33 and row["total"] is None
    assert ("cell.unread", "s3.new_received.total") in {(f["rule"], c) for f in report["findings"] for c in f["cells"]}
    assert not [f for f in report["findings"] if f["severity"] == "error"]


def test_a_row_of_figures_none_readable_is_unread_never_printed_blank():
    # table 四's one row, every figure with a note named: the table holds no value a reader could take, yet prints
    # figures
    report = report_of("kaifeng_2021")
    report["s4"] = {block: {col: f"{v}(注1)" for col, v in cols.items()} for block, cols in report["s4"].items()}
    parsed = parse_document(render_report_html(report).encode(), "x.html").to_dict()
    assert parsed["s4"] is None or {v for cols in parsed["s4"].values() for v in cols.values()} == {None}
    assert not [f for f in parsed["findings"] if f["rule"] == "cell.blank"]
    assert {"cell.unread", "table.unread"} & {f["rule"] for f in parsed["findings"]}
    assert not [f for f in parsed["findings"] if f["severity"] == "error"]


def test_words_hidden_text_in_a_cell_is_no_figure_where_its_display_none_was_dropped():
    # mso-hide:all alone (a cleaner kept Word's mark, dropped the display:none beside it): the hidden 12 before the
    # shown 15 is an earlier figure, never a digit of this one (1215)
    report = _new_received("<span style='mso-hide:all'>12</span>15", "<p class=MsoNormal><span lang=EN-US "
                           "style='mso-hide:all'>3<o:p></o:p></span><span>2</span></p>", "0", "0", "0", "0", "17")
    assert report["s3"]["new_received"] == {"natural_person": 15, "commercial_enterprise": 2, "research_institution": 0,
                                            "social_welfare_org": 0, "legal_service_org": 0, "other_org": 0,
                                            "total": 17}



def test_a_cell_or_row_inside_markup_no_table_holds_is_read_in_its_place():
    # a browser moves an element it does not expect in a table (Word's <w:Sdt>, a custom element, <ins>) out of
    # it and keeps the row and cell in place: their figures are read, never blank
    report = report_of("kaifeng_2021")
    figures = report["s3"]["new_received"]
    report["s3"]["new_received"] = {col: f"@{col}@" for col in figures}
    page = render_report_html(report)
    start = page.index('<tr><td colspan="3">一、本年新收')
    end = page.index("</tr>", start) + len("</tr>")
    row = page[start:end]
    wrappers = {"natural_person": ('<w:Sdt DocPart="x">', "</w:Sdt>"), "legal_service_org": ("<o:p>", "</o:p>"),
                "total": ("<x-cell><ins><font>", "</font></ins></x-cell>")}
    for col, figure in figures.items():
        before, after = wrappers.get(col, ("", ""))
        row = row.replace(f"<td>@{col}@</td>", f'{before}<td><span data-offset-key="1">{figure}</span></td>{after}')
    parsed = parse_document((page[:start] + f'<w:Sdt ID="3">{row}</w:Sdt>' + page[end:]).encode(), "x.html").to_dict()
    assert parsed["s3"]["new_received"] == figures
    assert not [f for f in parsed["findings"] if f["rule"] == "cell.blank"]
