"""The mechanisms behind the limits: render resolution within the pixel budget, spans read as browsers read
them, grids refused before they are built, the OCR time budget, the last-resort net of parse_document."""

from __future__ import annotations

import base64
import io
import time
import zipfile
import zlib

import docx
import numpy as np

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from PIL import Image

from gxparse import DocumentError, deadline, limits, parse_document, parser
from gxparse.document import OCR_OUT_OF_TIME
from gxparse.ocr import engine, scan
from gxparse.errors import LimitExceeded
from gxparse.arithmetic.multiset import solve_rows
from gxparse.arithmetic.ocrorder import solve_box_order
from gxparse.arithmetic.placement import Balance
from gxparse.arithmetic.realign import RowSum
from gxparse.layout.grid import expand_spans
from gxparse.ocr.jpegmarkers import check_segments
from gxparse.readers import pdf as pdfreader
from gxparse.readers import pdfstreams
from gxparse.readers.html import _span
from tests.gxparse.hostile import files
from tests.gxparse.seeds import seed_bytes
from tests.gxparse.hostile.attacks import _POSITIONED as POSITIONED, _progressive_scans, font_streams, ocr_layer_pages


def test_a4_and_a3_pages_render_at_the_resolution_asked_for():
    assert limits.render_dpi(8.27, 11.69, 200, "第1页") == 200
    assert limits.render_dpi(11.69, 16.54, 200, "第1页") == 200


def test_a_page_beyond_a2_renders_coarser_and_one_beyond_a0_is_refused():
    a0 = limits.render_dpi(33.11, 46.81, 200, "第3页")
    assert limits.MIN_RENDER_DPI <= a0 < 200
    with pytest.raises(LimitExceeded, match="页面过大：第3页 14400×14400 磅"):
        limits.render_dpi(200, 200, 200, "第3页")


@settings(max_examples=200)
@given(st.floats(0.5, 300), st.floats(0.5, 300), st.floats(72, 1200))
def test_a_rendered_page_never_exceeds_the_pixel_budget(width, height, wanted):
    try:
        dpi = limits.render_dpi(width, height, wanted, "第1页")
    except LimitExceeded:
        return
    assert dpi <= wanted and (width * dpi) * (height * dpi) <= limits.MAX_RENDER_PIXELS * 1.0001


@pytest.mark.parametrize("value, span", [("3", 3), (" 2 ", 2), ("3px", 3), ("+4", 4), ("0", 1), ("-2", 1),
                                         ("x", 1), ("", 1), ("5000", 1000), ("9" * 5000, 1000), (None, 1)])
def test_spans_are_read_as_browsers_read_them(value, span):
    assert _span(value) == span


def test_a_grid_over_the_cell_limit_is_refused_before_it_is_built():
    rows = [[("1", 1000, 1000)] * 3] * 300
    with pytest.raises(LimitExceeded, match="表格过大：第2个表格"):
        expand_spans(rows, "第2个表格")
    tall = [[("label", 1, 1), ("1", 1, 1)]] * (limits.MAX_TABLE_CELLS // 2 + 1)
    with pytest.raises(LimitExceeded, match="表格过大"):
        expand_spans(tall)


def test_a_table_of_report_size_is_expanded():
    rows = [[("(一) 予以公开", 1, 2)] + [(str(n), 1, 1) for n in range(7)]] * 40
    assert len(expand_spans(rows)) == 40


def test_the_ocr_time_budget_leaves_a_scan_unread_and_says_so(monkeypatch):
    monkeypatch.setattr(limits, "MAX_OCR_SECONDS", 0)
    [note] = _out_of_time_notes(parse_document(files.png(1654, 2339, dpi=200), "scan.png"))
    assert note.startswith("读取时间用尽（每份文件 OCR 上限 0 CPU 秒）：第1帧（图片）未经 OCR 识别")


def test_the_pages_read_within_the_ocr_time_budget_are_kept(monkeypatch):
    """The budget is made spent once the first frame is read (spending it would cost 50 CPU seconds)."""
    read = scan.ocr_page

    def then_the_budget_is_spent(*args):
        page = read(*args)
        engine._budget.start = -limits.MAX_OCR_SECONDS - 1.0
        return page
    monkeypatch.setattr(scan, "ocr_page", then_the_budget_is_spent)
    [note] = _out_of_time_notes(parse_document(files.gif_frames(400, 400, 3), "scan.gif"))
    assert f"（每份文件 OCR 上限 {limits.MAX_OCR_SECONDS} CPU 秒）：第2、3帧（图片）未经 OCR 识别" in note


def test_the_ocr_time_budget_holds_one_document_only(monkeypatch):
    parse_document(files.png(400, 400, dpi=200), "small.png")   # a budget left open would refuse the next
    assert engine._budget.start is None


def _image_pdf(pages: int) -> bytes:
    """An image-only PDF (a scan) of blank A4 pages at 100 dpi."""
    page = Image.new("1", (827, 1170), 1)
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=100, save_all=True, append_images=[page] * (pages - 1))
    return out.getvalue()


def _out_of_time_notes(report) -> list[str]:
    assert not [f for f in report.findings if f.severity == "error"]   # unread is never an accusation
    return [f.message for f in report.findings if f.rule == OCR_OUT_OF_TIME and f.severity == "warning"]


def test_a_scan_past_the_document_deadline_is_read_without_its_pages_and_says_which(monkeypatch):
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", 0)
    [note] = _out_of_time_notes(parse_document(_image_pdf(3), "scan.pdf"))
    assert "第1、2、3页未经 OCR 识别" in note


def _time_up_after_the_first_page(monkeypatch) -> None:
    """The deadline made to pass once the first page is read (waiting it out would cost a minute): the pages
    read are laid out within the overrun past it."""
    read = scan.ocr_page

    def then_time_is_up(*args):
        page = read(*args)
        deadline._document._end.at = time.monotonic()
        return page
    monkeypatch.setattr(scan, "ocr_page", then_time_is_up)


def test_the_pages_read_before_the_deadline_are_kept(monkeypatch):
    _time_up_after_the_first_page(monkeypatch)
    [note] = _out_of_time_notes(parse_document(files.gif_frames(400, 400, 3), "scan.gif"))
    assert "第2、3帧（图片）未经 OCR 识别" in note


def test_the_slices_of_a_long_screenshot_read_before_the_deadline_are_kept(monkeypatch):
    """A frame four pages tall, read a page-high slice at a time: the deadline passes once the first is read."""
    _time_up_after_the_first_page(monkeypatch)
    with deadline.document_deadline():
        document = scan.read_image(files.png(400, 2200, dpi=50), "long.png", "png")
    [note] = document.notes
    assert document.pages == 1
    assert "：第1帧（图片）的第2至4段（长图按页高切分，共4段）未经 OCR 识别" in note.message


def test_a_page_whose_straightening_outlasts_the_deadline_goes_no_further(monkeypatch):
    """Finding a page's rules and reading it take seconds more: the deadline is overrun by one stage at most."""
    straighten, found = scan.straighten, []

    def then_time_is_up(gray):
        deadline._document._end.at = 0.0
        return straighten(gray)
    monkeypatch.setattr(scan, "straighten", then_time_is_up)
    monkeypatch.setattr(scan, "find_rules", lambda *args: found.append(args))
    with deadline.document_deadline():
        document = scan.read_image(files.png(400, 400, dpi=50), "scan.png", "png")
    assert not found and document.pages == 0
    assert "第1帧（图片）未经 OCR 识别" in document.notes[0].message


def _pictured(kind: str) -> bytes:
    """A report title and one large picture (a table pasted as a screenshot) and no table in the text."""
    picture = files.png(800, 600, dpi=100)
    if kind == "html":
        uri = f"data:image/png;base64,{base64.b64encode(picture).decode()}"
        return f"<html><body><h1>某县人民政府2023年政府信息公开工作年度报告</h1><img src='{uri}'></body></html>".encode()
    document = docx.Document()
    document.add_paragraph("某县人民政府2023年政府信息公开工作年度报告")
    document.add_picture(io.BytesIO(picture))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_a_picture_ocr_had_no_time_for_is_named_unread_and_not_even_decoded(monkeypatch, kind):
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", 0)
    decoded = []
    monkeypatch.setattr(scan, "_frame", lambda *args: decoded.append(args))
    [note] = _out_of_time_notes(parse_document(_pictured(kind), f"report.{kind}"))
    assert "：第1张图片的第1帧未经 OCR 识别，其内容未读取" in note
    assert not decoded   # a hundred pictures past the time would cost a hundred decodings and rule searches


def test_a_progressive_jpeg_of_more_scans_than_the_limit_is_refused_before_libjpeg_passes_over_each():
    written = 6   # Pillow's progressive grey JPEG, whose second scan is repeated
    check_segments(_progressive_scans(limits.MAX_JPEG_SCANS - written, side=64))
    with pytest.raises(LimitExceeded, match=f"扫描段过多：超过 {limits.MAX_JPEG_SCANS} 段"):
        check_segments(_progressive_scans(limits.MAX_JPEG_SCANS - written + 1, side=64))


@pytest.mark.parametrize("mode", ["L", "RGB", "CMYK"])
def test_a_real_progressive_jpeg_with_exif_is_walked_to_its_end(mode):
    """Its coded data full of stuffed ff bytes and its Exif of ff bytes count as no marker."""
    picture = Image.effect_noise((300, 300), 100).convert(mode)
    out = io.BytesIO()
    picture.save(out, format="JPEG", progressive=True, quality=95, exif=b"Exif\x00\x00" + b"\xff\xc4" * 30_000)
    check_segments(out.getvalue())


def test_a_pdf_whose_streams_inflate_beyond_the_bound_together_is_refused(monkeypatch):
    """Each stream under its own limit: 3,000 font programs of 64 MB fit in a 200 MB file (120 s to measure)."""
    monkeypatch.setattr(limits, "MAX_PDF_INFLATED", 3 * limits.MB)
    parse_document(font_streams(2, limits.MB), "two.pdf")
    with pytest.raises(DocumentError, match="压缩数据流解压后合计过大：超过 3 MB"):
        parse_document(font_streams(4, limits.MB), "four.pdf")


def test_a_conversion_takes_only_what_is_left_of_the_document_deadline(monkeypatch):
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", 0)
    with pytest.raises(DocumentError, match="RTF 内容未能转换：本文件的读取时限 0 秒已用满"):
        parse_document(b"{\\rtf1\\ansi hello}", "report.rtf")


def test_a_reader_bug_is_a_document_error_naming_the_file(monkeypatch, caplog):
    """A bug cannot be produced on demand: a reader that fails is put in the text reader's place. The officer
    reads what happened; the exception's type is in the log only."""
    def failing(data: bytes, source: str):
        raise KeyError("row")
    monkeypatch.setitem(parser.READERS, "text", failing)
    with pytest.raises(DocumentError) as err:
        parse_document(b"some text", "bug.txt")
    assert err.value.source == "bug.txt" and err.value.reason == parser.INTERNAL_ERROR
    assert "KeyError" not in str(err.value) and "bug.txt: KeyError" in caplog.text


@pytest.mark.parametrize("data, where", [
    (b"1\n" * 1500, "文本有 1500 行"),
    (b"a,b,c\n" * 1500, "CSV 文件（按记录计）有 1500 行"),
    ("<html><body>" + "<p>a</p>" * 1500 + "</body></html>", "网页读到第 1001 行时"),
])
def test_too_many_lines_are_refused_naming_the_file_what_was_counted_and_the_limit(data, where, monkeypatch):
    monkeypatch.setattr(limits, "MAX_LINES", 1000)   # the bound's smallest crossing: 150,000 lines took 17 s
    data = data.encode() if isinstance(data, str) else data
    with pytest.raises(DocumentError) as refused:
        parse_document(data, "lines.bin")
    assert "lines.bin" in str(refused.value)
    assert f"行数过多：{where}已超过可读的上限 {limits.MAX_LINES} 行" in str(refused.value)


def test_a_line_of_too_many_words_is_refused_naming_it_and_one_at_the_limit_is_read():
    words = "规章 " + "0 " * limits.MAX_LINE_WORDS
    with pytest.raises(DocumentError) as refused:
        parse_document(f"标题\n{words}\n".encode(), "words.txt")
    assert "words.txt" in str(refused.value)
    assert f"行过长：第2行有 {limits.MAX_LINE_WORDS + 1} 个以空白分开的词，超过可读的上限 {limits.MAX_LINE_WORDS} 个" \
        in str(refused.value)
    parse_document(f"标题\n{words[3:]}\n".encode(), "words.txt")


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_package_naming_its_document_twice_is_refused_rather_than_read_one_way():
    """Two word/document.xml, the second with other figures: zipfile reads the last, Word the first."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", files.CONTENT_TYPES)
        package.writestr("_rels/.rels", files.PACKAGE_RELS)
        package.writestr("word/document.xml", files.document_xml(files.paragraph("本年新收政府信息公开申请 12 件")))
        package.writestr("word/document.xml", files.document_xml(files.paragraph("本年新收政府信息公开申请 99 件")))
    with pytest.raises(DocumentError, match="部件 word/document.xml 出现不止一次") as refused:
        parse_document(out.getvalue(), "twice.docx")
    assert refused.value.source == "twice.docx"


def test_a_path_with_a_nul_is_refused_naming_it():
    """A name taken from a URL (%00) may hold a NUL: the os module raised ValueError, a traceback in the batch."""
    with pytest.raises(DocumentError, match="文件名含有空字符") as err:
        limits.read_input("报告\x00.pdf")
    assert err.value.source == "报告\\0.pdf"


_TEXT_PDF = files.pdf_pages(2, b"BT /F1 40 Tf 100 700 Td (2021) Tj ET", resources=files.HELVETICA)


def test_the_layout_of_what_was_read_may_overrun_the_deadline_by_its_bound_only(monkeypatch):
    """A scan whose OCR ran out of time is still laid out, past the deadline; between pages the layout stops
    once ``MAX_LAYOUT_OVERRUN_SECONDS`` past it are spent."""
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", 0)
    parse_document(_TEXT_PDF, "text.pdf")   # within the overrun: read
    monkeypatch.setattr(limits, "MAX_LAYOUT_OVERRUN_SECONDS", 0)
    with pytest.raises(DocumentError, match="读取超时"):
        parse_document(_TEXT_PDF, "text.pdf")


def test_a_positioned_page_past_the_deadline_is_refused_between_its_boxes(monkeypatch):
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", 0)
    monkeypatch.setattr(limits, "MAX_LAYOUT_OVERRUN_SECONDS", 1000)   # the boxes are checked, not the layout
    with pytest.raises(DocumentError, match="读取超时"):
        parse_document(POSITIONED.read_bytes(), "positioned.html")


def test_the_ocr_order_solver_stops_at_the_layouts_time(monkeypatch):
    """CP-SAT's deterministic seconds are no wall seconds on a busy machine: each solve also has the wall time
    left, and none starts once it is spent (the search did not finish: nothing is read)."""
    keys, figures, sums = ["row0", "row1"], [1, 0, 0, 0, 0, 0, 1], [RowSum(tuple(range(6)), 6)]
    assert solve_box_order(keys, figures, {"row1": [0]}, 7, sums, []) is not None
    assert solve_rows(*_JUMBLED_ROWS) == {"a": (None, None, 2), "k": (None, None, 2)}
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", 0)
    monkeypatch.setattr(limits, "MAX_LAYOUT_OVERRUN_SECONDS", 0)
    with deadline.document_deadline():
        assert solve_box_order(keys, figures, {"row1": [0]}, 7, sums, []) is None
        assert solve_rows(*_JUMBLED_ROWS) is None


# test_cellstream's rows out of order at both ends, solved by multiset.solve_rows
_JUMBLED_ROWS = ([(["a", "k"], [2, 2, 0, 2, 1, 1])], 3, [RowSum((0, 1), 2)],
                 (Balance(("r1", "r2"), ("t",)), Balance(("a", "b"), ("t", "k"))),
                 {"b": [3, 1, 4], "r1": [1, 1, 2], "r2": [1, 1, 2], "t": [2, 2, 4]})


def _inline_images(count: int) -> bytes:
    """One text page drawing ``count`` one-pixel inline images."""
    return files.pdf_pages(1, b"BT /F1 12 Tf 72 720 Td (1) Tj ET " + b"BI /W 1 /H 1 /BPC 8 /CS /G ID x EI " * count,
                           resources=files.HELVETICA)


def test_a_pdf_page_of_more_pictures_than_the_limit_is_refused_before_each_is_looked_at():
    parse_document(_inline_images(100), "a.pdf")
    with pytest.raises(DocumentError, match=f"图片过多：第1页有超过 {limits.MAX_PAGE_IMAGES} 张图片"):
        parse_document(_inline_images(limits.MAX_PAGE_IMAGES + 1), "a.pdf")


def test_the_text_pages_of_a_pdf_past_the_deadline_are_not_loaded_and_named_unread(monkeypatch):
    """pdfium's loading of a page has no deadline of its own: pages sharing one 8 MB content stream took 0.15 s
    each, a thousand of them 145 s."""
    loaded = []
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", 0)   # out of time before the first page
    monkeypatch.setattr(pdfreader, "_read_page", lambda *args: loaded.append(args))
    [note] = _out_of_time_notes(parse_document(_TEXT_PDF, "text.pdf"))
    assert "第1、2页未经 OCR 识别" in note and not loaded


def test_tesseract_is_not_started_with_less_time_left_than_its_lag_past_a_timeout(monkeypatch):
    """Tesseract answers its timeout up to a second late: a run it would overrun the deadline with is not begun."""
    blank = np.full((40, 200), 255, dtype=np.uint8)
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", engine.TESSERACT_LAG_SECONDS + 30)
    with deadline.document_deadline():
        assert engine.read_words(blank, 200, scan._PAGE_SETUP, "a.png", 1) == []
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", engine.TESSERACT_LAG_SECONDS / 2)
    with deadline.document_deadline(), pytest.raises(deadline.OutOfTime):
        engine.read_words(blank, 200, scan._PAGE_SETUP, "a.png", 1)


def _pages_drawing_one_stream(pages: int, stream: bytes) -> bytes:
    """A PDF whose ``pages`` pages all draw one content stream object (object 3)."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    return files.pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
                      stream] + [page] * pages)


@pytest.mark.parametrize("stream", [files.pdf_stream(b"0 g " * 16_384),
                                    files.pdf_stream(zlib.compress(b"0 g " * 16_384), b"/Filter /FlateDecode")],
                         ids=["as-it-stands", "flate"])
def test_the_content_all_pages_draw_is_refused_past_its_limit_each_page_drawing_one_stream_counted(monkeypatch, stream):
    """pdfium parses a content stream anew for each page drawing it: 1,000 pages of one 8 MB stream took 145 s."""
    monkeypatch.setattr(limits, "MAX_PDF_DRAWN_CONTENT", 1 * limits.MB)   # 16 pages of the 64 KB stream and more
    parse_document(_pages_drawing_one_stream(15, stream), "a.pdf")
    with pytest.raises(DocumentError, match="a.pdf: PDF 各页绘制的页面内容合计过大：超过 1 MB"):
        parse_document(_pages_drawing_one_stream(17, stream), "a.pdf")


def _page_of_text_objects(count: int, flate: bool) -> bytes:
    """One page of ``count`` text objects of one glyph (31 bytes each), its content compressed or not."""
    content = b"BT /F1 1 Tf 10 10 Td (1) Tj ET " * count
    stream = (files.pdf_stream(zlib.compress(content), b"/Filter /FlateDecode") if flate else
              files.pdf_stream(content))
    return files.pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << %s >> >>"
                      % files.HELVETICA, stream])


@pytest.mark.parametrize("flate", [False, True], ids=["as-it-stands", "flate"])
def test_a_page_content_stream_past_its_limit_is_refused_compressed_or_not(monkeypatch, flate):
    """pdfium keeps an object of every operator: one page of 1,000,000 text objects in 31 MB reached 816 MB."""
    monkeypatch.setattr(limits, "MAX_PDF_CONTENT_STREAM", 64 * 1024)
    parse_document(_page_of_text_objects(2000, flate), "a.pdf")
    with pytest.raises(DocumentError, match="a.pdf: PDF 中的(压缩)?页面内容流(解压后)?过大：超过 65536 字节"):
        parse_document(_page_of_text_objects(2200, flate), "a.pdf")


def _texts_in_nested_marks(depth: int, texts: int, flate: bool) -> bytes:
    content = b"/Span BMC " * depth + b"BT /F1 10 Tf 100 700 Td (2021) Tj ET " * texts + b"EMC " * depth
    stream = (files.pdf_stream(zlib.compress(content), b"/Filter /FlateDecode") if flate else
              files.pdf_stream(content))
    return files.pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << %s >> >>"
                      % files.HELVETICA, stream])


@pytest.mark.parametrize("flate", [False, True], ids=["as-it-stands", "flate"])
def test_texts_inside_deeply_nested_marked_content_are_refused_before_pdfium_copies_the_marks(monkeypatch, flate):
    """pdfium copies the marks open around an object into it: 2,000 texts in 10,000 nested marks aborted it."""
    monkeypatch.setattr(pdfstreams, "MAX_MARKED_DRAWS", 1_000)
    parse_document(_texts_in_nested_marks(10, 100, flate), "a.pdf")
    with pytest.raises(DocumentError, match="a.pdf: PDF 页面内容的标记内容（BDC/BMC）嵌套过深"):
        parse_document(_texts_in_nested_marks(11, 100, flate), "a.pdf")


def test_pages_kept_in_a_compressed_object_stream_count_the_content_they_draw(monkeypatch):
    """Their references to the stream are seen only once the object stream is inflated (PDF 1.5)."""
    monkeypatch.setattr(limits, "MAX_PDF_DRAWN_CONTENT", 1 * limits.MB)
    parse_document(files.pdf_pages_in_object_stream(15, b"0 g " * 16_384), "a.pdf")
    with pytest.raises(DocumentError, match="a.pdf: PDF 各页绘制的页面内容合计过大：超过 1 MB"):
        parse_document(files.pdf_pages_in_object_stream(17, b"0 g " * 16_384), "a.pdf")


def test_scans_under_an_ocr_layer_past_the_scanned_pages_limit_are_refused(monkeypatch):
    """Each such page's picture is rendered to find its rules: 1,000 of them ran into the deadline."""
    monkeypatch.setattr(limits, "MAX_SCANNED_PAGES", 2)
    parse_document(ocr_layer_pages(2, words=8), "a.pdf")
    with pytest.raises(DocumentError, match="a.pdf: 扫描页过多：超过 2 页是带文字层的扫描件"):
        parse_document(ocr_layer_pages(3, words=8), "a.pdf")


def test_the_whole_parse_with_its_layouts_reserve_ends_within_a_minute():
    """Issue 12: any single input under 60 s of wall time; the reading's deadline leaves the layout its reserve."""
    with deadline.document_deadline():
        assert deadline.seconds_left() + limits.MAX_LAYOUT_OVERRUN_SECONDS <= 60
        assert deadline.layout_seconds_left() <= limits.MAX_PARSE_SECONDS == 60


def test_a_text_whose_rows_are_read_past_the_whole_parses_time_is_refused_saying_so(monkeypatch):
    """The text reader never looks at the deadline: the row grammar does, a line at a time (95,000 lines of prose
    among table 三's rows took 83 s of wall time under load)."""
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", 0)
    monkeypatch.setattr(limits, "MAX_LAYOUT_OVERRUN_SECONDS", 0)
    with pytest.raises(DocumentError, match=f"a.txt: 读取超时：每份文件读取上限 {limits.MAX_PARSE_SECONDS} 秒"):
        parse_document(seed_bytes("kaifeng_2021"), "a.txt")


def test_a_page_tesseract_stops_at_the_time_the_deadline_left_it_is_out_of_time_not_unreadable(monkeypatch):
    """Tesseract is stopped a second (its lag) before the deadline: the deadline is not past when it returns, and
    tiff-noise-40-pages' 15th page was said to be unreadable (the whole file refused), not unread."""
    noise = np.random.default_rng(0).integers(0, 256, (1200, 1200), dtype=np.uint8)
    monkeypatch.setattr(limits, "MAX_DOCUMENT_SECONDS", engine.TESSERACT_LAG_SECONDS + 0.3)
    with deadline.document_deadline(), pytest.raises(deadline.OutOfTime):
        engine.read_words(noise, 300, scan._PAGE_SETUP, "a.tiff", 15)
