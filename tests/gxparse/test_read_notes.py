"""Reader notes (``document.ReadNote``): what the HTML and Word readers decided about hidden text and Excel's
stored values, said in the report's findings as warnings (never errors) and in ``gxparse check``'s output."""

from pathlib import Path

from click.testing import CliRunner

from gxparse import parse_document
from gxparse.cli import main
from gxparse.document import ReadNote, bounded_notes
from simsite.render import render_report_html
from tests.gxparse.docx_styles import render_docx
from tests.gxparse.html_styles import report_of

_NAV = "<table><tr><td>首页</td><td>政务公开</td></tr></table>"
_TABLE = "<table><tr><td>申请数</td><td>{}</td></tr></table>"


def _notes(report: dict, rule: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == rule]


def test_a_word_body_read_with_its_hidden_text_says_so():
    report = parse_document(render_docx(report_of("kaifeng_2021"), "hidden-all"), "x.docx").to_dict()
    [note] = _notes(report, "read.hidden_text")
    assert note["severity"] == "warning" and "隐藏文字" in note["message"]
    assert note["evidence"] == [{"text": "开封市人民政府2021年政府信息公开工作年度报告", "where": "段落1"}]
    shown = parse_document(render_docx(report_of("kaifeng_2021"), "hidden"), "x.docx").to_dict()
    assert not _notes(shown, "read.hidden_text")   # hidden drafts beside shown figures: no hidden text read


def test_a_hidden_panel_read_and_a_hidden_draft_left_out_are_named_with_their_place_and_size():
    page = (f'<html><body>{_NAV}<div id="tab1" style="display:none"><p>三、申请情况</p>{_TABLE.format(7)}'
            f'<div hidden><p>三、申请情况</p>{_TABLE.format(8)}</div></div><p>解读</p></body></html>')
    report = parse_document(page.encode(), "x.html").to_dict()
    [read] = _notes(report, "read.hidden_text")
    [draft] = _notes(report, "read.hidden_draft")
    assert read["severity"] == draft["severity"] == "warning"
    assert read["evidence"] == [{"text": "三、申请情况申请数7三、申请情况申请数8", "where": "段落2"}]
    assert "已作为正文读取，区块共20字" in read["message"]
    assert draft["evidence"] == [{"text": "三、申请情况申请数8", "where": "段落4"}]
    assert "草稿未读取（与页面显示的内容相同，或只有数字），区块共10字" in draft["message"]


def test_hidden_blocks_without_figures_are_not_noted():
    # a hidden menu or dialog saying nothing of the report's figures is no matter for the report
    page = (f'<html><body>{_NAV}<div style="display:none"><p>分享到微信</p></div><p>三、申请情况</p>'
            f'{_TABLE.format(7)}<div hidden><p>首页</p></div></body></html>')
    report = parse_document(page.encode(), "x.html").to_dict()
    assert not [f for f in report["findings"] if f["rule"].startswith("read.")]


def test_an_excel_cell_whose_display_and_stored_value_disagree_says_why_it_is_unread():
    report = report_of("kaifeng_2021")
    figures = report["s3"]["new_received"]
    report["s3"]["new_received"] = {col: f"@{col}@" for col in figures}
    page = render_report_html(report)
    for col, figure in figures.items():   # 545 in 万 is 0.1万, not the 0.2万 displayed
        page = page.replace(f"<td>@{col}@<", '<td x:num="545">0.2万<' if col == "total" else f"<td>{figure}<")
    parsed = parse_document(page.encode(), "x.html").to_dict()
    [note] = _notes(parsed, "cell.display_mismatch")
    assert note["severity"] == "warning" and "0.2万" in note["message"] and "545" in note["message"]
    assert note["evidence"][0]["text"] == "0.2万" and note["evidence"][0]["where"].startswith("表")
    assert parsed["s3"]["new_received"]["total"] is None
    agreeing = page.replace('x:num="545">0.2万<', 'x:num="545">0.05万<')
    assert not _notes(parse_document(agreeing.encode(), "x.html").to_dict(), "cell.display_mismatch")


def test_notes_of_one_rule_are_bounded_the_last_saying_how_many_more():
    notes = [ReadNote("read.hidden_draft", "隐藏区块未读取", f"段落{n}") for n in range(25)]
    kept = bounded_notes([*notes, ReadNote("read.hidden_text", "读取", "段落1")])
    assert len(kept) == 11 and kept[9].message == "隐藏区块未读取；另有15处同类情况未逐一列出"
    assert kept[-1].rule == "read.hidden_text"


def test_gxparse_check_prints_the_notes(tmp_path: Path):
    path = tmp_path / "tab.html"
    path.write_text(f'<html><body>{_NAV}<div style="display:none"><p>三、申请情况</p>{_TABLE.format(7)}</div>'
                    "</body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert "read.hidden_text" in result.output and "已作为正文读取" in result.output
