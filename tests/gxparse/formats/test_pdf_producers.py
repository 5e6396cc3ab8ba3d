"""The seeds as the PDF producers agencies use print them (tests/fixtures/producers, ``freeze_producers``): every
figure as the text version reads it, and no error the report does not deserve."""

from pathlib import Path

import pytest

from gxparse import parse_document
from gxparse.layout.charlines import CharBoxes
from gxparse.layout.pages import Page
from tests.gxparse.evidence import assert_errors_rest_on_evidence
from tests.gxparse.formats.compare import assert_same_figures, assert_same_tables, text_version

PRODUCERS = Path(__file__).resolve().parents[2] / "fixtures" / "producers"
PRINTS = sorted(PRODUCERS.glob("*.pdf"))
# habits whose headings hold glyphs without a Unicode mapping: such a heading is said unfound (a warning), the
# section's table read by its labels
UNMAPPED_HEADINGS = {"unmapped"}
# habits whose figures hold letters for digits: each figure is the text version's or unread, never another
LETTERED_FIGURES = {"letters"}


def _errors(report: dict) -> set[str]:
    return {f["rule"] for f in report["findings"] if f["severity"] == "error"}


@pytest.mark.parametrize("path", PRINTS, ids=lambda path: path.stem)
def test_producer_print_gives_the_text_figures(path):
    name, habit = path.name.split(".")[:2]
    data = path.read_bytes()
    report = parse_document(data, path.name).to_dict()
    assert_errors_rest_on_evidence(report, data, path.name)
    if habit in UNMAPPED_HEADINGS:
        assert_same_tables(report, name)
    elif habit in LETTERED_FIGURES:
        _assert_figures_read_or_unread(report, name)
    else:
        assert_same_figures(report, name)
    assert _errors(report) <= _errors(text_version(name)) | {"cell.missing"}


def _leaves(table: object, path: str = "") -> dict[str, object]:
    if isinstance(table, dict):
        return {k: v for key, value in table.items() for k, v in _leaves(value, f"{path}.{key}").items()}
    return {path: table}


def _assert_figures_read_or_unread(report: dict, name: str) -> None:
    """Every figure the text version reads read the same or unread (None, a ``cell.unread`` names it), and some
    unread: the letters stand in the print."""
    text = text_version(name)
    unread = []
    for table in ("s2", "s3", "s4"):
        read, truth = _leaves(report[table]), _leaves(text[table])
        unread += [key for key, value in truth.items() if read.get(key) is None and value is not None]
        assert {k: v for k, v in read.items() if v is not None and v != truth.get(k)} == {}, f"{name}: {table}"
    assert unread and "cell.unread" in {f["rule"] for f in report["findings"]}


def test_every_habit_is_frozen():
    from tests.gxparse.formats.freeze_producers import HABITS
    assert {path.name.split(".")[1] for path in PRINTS} == set(HABITS)


def test_hidden_layers_are_read_at_most_max_layers():
    import pymupdf

    from gxparse.readers.pdflayers import MAX_LAYERS, hidden_layers, optional_content
    document = pymupdf.open()
    document.new_page()
    for number in range(MAX_LAYERS + 5):
        document.add_ocg(f"layer{number}", on=False)
    names = hidden_layers(optional_content(document.tobytes()))
    assert len(names) == MAX_LAYERS and b"layer0" in names


def _sheet(columns: list[float], right_pitch: float = 20) -> Page:
    """A landscape A3 sheet of 30 rows, a 10-pt character at each of ``columns``' x in every row, the rows of the
    sheet's right half ``right_pitch`` apart."""
    import numpy as np

    from gxparse.layout.charlines import CharBoxes
    from gxparse.layout.pages import Page
    boxes = np.array([(x, y, x + 10, y + 10) for row in range(30) for x in columns
                      for y in [60 + (20 if x < 595 else right_pitch) * row]], dtype=float)
    return Page(1, 1190.55, 841.89, CharBoxes("8" * len(boxes), boxes))


def test_two_pages_side_by_side_are_read_as_two_pages():
    from gxparse.layout.twoup import split_two_up
    single = _sheet([60, 200, 400])
    single.number = 2
    pages, sheets = split_two_up([_sheet([60, 200, 400, 655, 795, 995], right_pitch=23), single])
    assert [len(page.glyphs) for page in pages] == [90, 90, 90] and sheets == {1: [1, 2], 2: [3]}
    assert pages[1].width < pages[1].height and pages[1].glyphs.boxes[:, 0].min() < 100


def test_a_wide_table_without_rules_whose_columns_clear_the_middle_stays_one_page():
    from gxparse.layout.twoup import split_two_up
    pages, _ = split_two_up([_sheet([60, 200, 400, 540, 640, 800, 995])])
    assert len(pages) == 1


def _words(count: int) -> CharBoxes:
    """``count`` words of two characters, each reaching 4 points across the column rule at x = 100."""
    import numpy as np

    from gxparse.layout.charlines import CharBoxes
    boxes = [(x, 20.0 * w, x + 10, 20.0 * w + 10) for w in range(count) for x in (86, 96)]
    return CharBoxes("12" * count, np.array(boxes, dtype=float))


def test_an_ocr_layers_word_across_a_column_rule_is_drawn_in_the_cell_of_its_centre():
    import numpy as np

    from gxparse.layout.pages import Rule
    from gxparse.readers.scanrules import placed_in_cells
    placed = placed_in_cells(_words(1), np.array([7, 7]), [Rule(False, 100, 0, 50)])
    assert placed.boxes[:, 2].max() <= 100 and placed.boxes[0, 0] == 86 and placed.boxes[0, 2] <= placed.boxes[1, 0]


def test_an_ocr_layer_of_more_than_max_layer_words_is_left_as_drawn():
    import numpy as np

    from gxparse.layout.pages import Rule
    from gxparse.readers.scanrules import MAX_LAYER_WORDS, placed_in_cells
    words = _words(MAX_LAYER_WORDS + 1)
    placed = placed_in_cells(words, np.repeat(np.arange(MAX_LAYER_WORDS + 1), 2), [Rule(False, 100, 0, 1e6)])
    assert placed is words


def test_white_text_is_read_on_a_dark_ground_and_not_on_the_paper():
    import pymupdf

    from gxparse.readers.pdf import read_pdf
    document = pymupdf.open()
    page = document.new_page()
    page.draw_rect(pymupdf.Rect(50, 80, 300, 110), color=None, fill=(0.2, 0.3, 0.6))
    page.insert_text((60, 100), "申请人情况 2021", fontname="china-s", fontsize=12, color=(1, 1, 1))
    page.insert_text((60, 200), "上年数字 9876", fontname="china-s", fontsize=12, color=(1, 1, 1))
    page.insert_text((60, 300), "本年数字 1234", fontname="china-s", fontsize=12)
    text = "\n".join(line.text for line in read_pdf(document.tobytes(), "white.pdf").lines)
    assert "2021" in text and "1234" in text and "9876" not in text


def test_a_heading_holding_a_glyph_without_text_is_named_with_what_could_not_be_read():
    path = PRODUCERS / "huangchuan_2021.unmapped.pdf"
    report = parse_document(path.read_bytes(), path.name).to_dict()
    said = [f["message"] for f in report["findings"] if f["rule"] == "section.heading_missing"]
    assert said == ["未找到第三部分标题（第2页第1行「三、收到和Ì理政府信息公开申请情况」疑为该标题，但含字体未给出文字的字符"
                    "「Ì」，无法识别）；表三按其行标签读取"]


def test_an_ocr_layer_over_a_page_too_large_to_render_finely_is_read_not_refused():
    import io

    import pymupdf
    from PIL import Image

    from gxparse.readers.pdf import read_pdf
    document = pymupdf.open()
    page = document.new_page(width=10000, height=10000)   # past limits.MAX_RENDER_PIXELS at 72 dpi
    picture = io.BytesIO()
    Image.new("L", (20, 20), 255).save(picture, "PNG")
    page.insert_image(page.rect, stream=picture.getvalue())
    page.insert_text((100, 200), "总体情况 123", fontname="china-s", fontsize=40, render_mode=3)
    assert [line.text for line in read_pdf(document.tobytes(), "large.pdf").lines] == ["总体情况\t123"]


def _membership_print(memberships: dict[str, object], pages: int = 1) -> bytes:
    """A page per ``pages`` with a line per membership: its figure under it (a list: a ``/VE`` expression; a
    pair: the groups' names and a policy) over groups ``off`` (turned off) and ``on``."""
    import pymupdf
    document = pymupdf.open()
    groups = {"off": document.add_ocg("off", on=False), "on": document.add_ocg("on", on=True)}

    def expression(value: object) -> object:
        return groups[value] if isinstance(value, str) else [value[0], *map(expression, value[1:])]
    for _ in range(pages):
        page = document.new_page()
        for row, (figure, membership) in enumerate(memberships.items()):
            xref = (document.set_ocmd(ve=expression(membership)) if isinstance(membership, list) else
                    document.set_ocmd(ocgs=[groups[g] for g in membership[0]], policy=membership[1]))
            page.insert_text((60, 100 + 20 * row), f"第{row}行 {figure}", fontname="china-s", fontsize=10, oc=xref)
    return document.tobytes()


def test_a_membership_shows_what_its_policy_or_expression_shows_in_the_default_view():
    from gxparse.readers.pdf import read_pdf
    shown = {"101": (["off", "on"], "AnyOn"), "102": (["off", "on"], "AnyOff"), "103": (["off"], "AllOff"),
             "104": (["on"], "AllOn"), "105": ["and", "on", ["not", "off"]], "106": ["or", "off", "on"]}
    hidden = {"201": (["off"], "AnyOn"), "202": (["off", "on"], "AllOn"), "203": (["on"], "AnyOff"),
              "204": (["off", "on"], "AllOff"), "205": ["and", "off", "on"], "206": ["not", "on"]}
    text = " ".join(line.text for line in read_pdf(_membership_print({**shown, **hidden}), "ocmd.pdf").lines)
    assert [f for f in [*shown, *hidden] if f in text] == list(shown)


def test_a_visibility_expression_deeper_than_max_expression_depth_is_shown_from_there():
    from gxparse.readers.pdf import read_pdf
    from gxparse.readers.pdfmembership import MAX_EXPRESSION_DEPTH
    nested: object = "off"
    for _ in range(2 * MAX_EXPRESSION_DEPTH):   # an even count of /Not: the layer turned off, were all evaluated
        nested = ["not", nested]
    text = " ".join(line.text for line in read_pdf(_membership_print({"301": nested}), "deep.pdf").lines)
    assert "301" in text


def test_memberships_are_judged_on_at_most_max_membership_pages_and_the_pages_past_them_named():
    from gxparse.document import LAYERS_UNJUDGED
    from gxparse.readers.pdf import read_pdf
    from gxparse.readers.pdfmembership import MAX_MEMBERSHIP_PAGES
    document = read_pdf(_membership_print({"4": (["off"], "AnyOn")}, pages=MAX_MEMBERSHIP_PAGES + 2), "many.pdf")
    shown = [line.page for line in document.lines if "4" in line.values]
    assert shown == [MAX_MEMBERSHIP_PAGES + 1, MAX_MEMBERSHIP_PAGES + 2]
    assert [(note.rule, note.where) for note in document.notes] == [
        (LAYERS_UNJUDGED, f"第{MAX_MEMBERSHIP_PAGES + 1}至{MAX_MEMBERSHIP_PAGES + 2}页")]


def test_a_layered_pdf_within_max_membership_pages_is_named_nowhere():
    from gxparse.readers.pdf import read_pdf
    assert read_pdf(_membership_print({"4": (["off"], "AnyOn")}, pages=2), "few.pdf").notes == []


def test_a_row_broken_by_a_page_is_joined_over_at_most_max_repeated_header_rows():
    from gxparse.document import Line
    from gxparse.layout.grid import MAX_REPEATED_HEADER_ROWS, _rows_broken_by_page
    header = [Line(f"申请人情况{n}", f"申请人情况{n}", [], f"第{n}行", 1, in_grid=True) for n in range(5)]

    def broken(repeats: int) -> list[Line]:
        label = Line("7.属于行政执法案卷", "7.属于行政执法案卷", ["", "", ""], "第6行", 1, in_grid=True)
        figures = Line("1\t0\t1", "", ["1", "0", "1"], "第9行", 1, in_grid=True)
        return _rows_broken_by_page([*header[:repeats], label, *header[:repeats], figures])
    joined = broken(MAX_REPEATED_HEADER_ROWS)
    assert [line.values for line in joined if line.label == "7.属于行政执法案卷"] == [["1", "0", "1"]]
    assert len(joined) == 2 * MAX_REPEATED_HEADER_ROWS + 1
    apart = broken(MAX_REPEATED_HEADER_ROWS + 1)
    assert [line.values for line in apart if line.label == "7.属于行政执法案卷"] == [["", "", ""]]


def test_letters_for_digits_are_read_where_the_sums_prove_them_and_unread_where_they_cannot():
    """kaifeng's letters print: 35 figures of tables 三 and 四 the sums leave one value each are read, as the text
    version prints them, and named; those the sums leave two ways (（二）部分公开 and 2.没有现成信息 swap a 1
    between 商业企业 and 法律服务机构) and table 二's (no sum) stay unread."""
    path = PRODUCERS / "kaifeng_2021.letters.pdf"
    report = parse_document(path.read_bytes(), path.name).to_dict()
    text = text_version("kaifeng_2021")
    truth = {f"{table}{key}": value for table in ("s3", "s4") for key, value in _leaves(text[table]).items()}
    found = {f"{table}{key}": value for table in ("s3", "s4") for key, value in _leaves(report[table]).items()}
    named = [f for f in report["findings"] if f["rule"] == "cell.marks_read"]
    read = [cell for f in named for cell in f["cells"]]
    assert len(read) == 35 and {f["severity"] for f in named} == {"warning"}
    assert {cell: found[cell] for cell in read} == {cell: truth[cell] for cell in read}
    swapped = ("result.partial", "result.unable.needs_creation")
    assert all(report["s3"][row][column] is None for row in swapped for column in ("commercial_enterprise", "legal_service_org"))
    assert report["s2"]["normative_docs"]["issued"] is None and report["s2"]["penalty"]["decisions"] is None
