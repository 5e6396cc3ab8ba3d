"""OFD (GB/T 33190): the renderings of tests/fixtures/ofd (three producers, ``formats.freeze_ofd``) give every figure
of their truth and no error they do not deserve; text is placed by TextCode, DeltaX and CTM; seals, annotations
and template pages are not read; a scanned page goes to OCR; hostile packages are refused with a message, within
bounds; an OFD is sniffed as such, never as DOCX or XLSX."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pypdfium2.raw as raw
import pytest
from PIL import Image, ImageDraw, ImageFont

from click.testing import CliRunner

from gxparse import DocumentError, parse_document
from gxparse.cli import main
from gxparse.readers import fixedlayout
from gxparse.readers.ofd import read_ofd
from gxparse.readers.sniff import sniff
from tests.gxparse.hostile.files import OFD_NS as NS
from tests.gxparse.hostile.files import deflated_repeat, docx, document_xml, paragraph, zip_file
from tests.gxparse.hostile.files import ofd as _ofd
from tests.gxparse.hostile.files import ofd_page as _page
from tests.gxparse.seeds import SEEDS, expected, expected_tables

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OFD_FILES = sorted(p for p in (FIXTURES / "ofd").glob("*.ofd") if not p.name.endswith("-scan.ofd"))
ERROR_RULES = {"s3.row_sum", "s3.balance", "s3.results_sum", "s4.block_sum", "value.invalid", "section.missing",
               "cell.missing", "template.mismatch"}


def _truth(stem: str) -> tuple[dict, tuple, set[str]]:
    """A document's tables, (agency, year, template) and the error rules it deserves."""
    if stem in SEEDS:
        seed = expected(stem)
        return expected_tables(stem), (seed["agency"], seed["year"], seed["template"]), set(seed["rules"]) & ERROR_RULES
    truth = json.loads((FIXTURES / "real" / f"{stem}.truth.json").read_text(encoding="utf-8"))
    known = {"s4.block_sum" for entry in truth.get("known_inconsistencies", []) if entry.startswith("s4.")}
    return {t: truth.get(t) for t in ("s2", "s3", "s4")}, (truth["agency"], truth["year"], truth["template"]), known


def test_the_fixtures_cover_every_producer_for_every_seed_and_real_report():
    names = {path.name for path in OFD_FILES}
    reals = [p.name.removesuffix(".truth.json") for p in (FIXTURES / "real").glob("*.truth.json")]
    for stem in [*SEEDS, *reals]:
        assert {f"{stem}.printer.ofd", f"{stem}.lines.ofd", f"{stem}.easyofd.ofd"} <= names


@pytest.mark.parametrize("path", OFD_FILES, ids=[p.name for p in OFD_FILES])
def test_every_figure_is_read_and_no_error_is_undeserved(path):
    stem = path.name.split(".")[0]
    tables, metadata, deserved = _truth(stem)
    report = parse_document(path.read_bytes(), path.name).to_dict()
    assert report["source_type"] == "ofd"
    for table, rows in tables.items():
        got = report[table] or {}
        wrong = {f"{table}.{row}.{col}": ((got.get(row) or {}).get(col), value)
                 for row, cols in (rows or {}).items() for col, value in cols.items()
                 if (got.get(row) or {}).get(col) != value}
        assert not wrong, f"{path.name}: {wrong}"
    assert (report["agency"], report["year"], report["template"]) == metadata
    assert {f["rule"] for f in report["findings"] if f["severity"] == "error"} <= deserved


def test_gxparse_parse_reads_an_ofd():
    path = FIXTURES / "ofd" / "zhoukou_xinfang_2021.printer.ofd"
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert (report["source_type"], report["year"], report["s3"]["new_received"]["total"]) == (
        "ofd", 2021, expected_tables("zhoukou_xinfang_2021")["s3"]["new_received"]["total"])


def test_seals_annotations_and_template_pages_are_not_read():
    """The printer's OFD carries a seal, an annotation with figures and a running header on a template page."""
    data = (FIXTURES / "ofd" / "kaifeng_2021.printer.ofd").read_bytes()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert {"Doc_0/Signs/Sign_0/Signature.xml", "Doc_0/Annots/Page_0/Annotation.xml",
            "Doc_0/Tpls/Tpl_0/Content.xml"} <= set(names)
    text = "\n".join(line.text for line in read_ofd(data, "x").lines)
    assert "99 件" not in text and "99件" not in text
    assert "政府信息公开专栏" not in text and "印章" not in text


# ---------------------------------------------------------------------------------------------------
# OFDs made here


def _text(x: float, y: float, text: str, size: float = 4.0, extra: str = "", code: str = "") -> str:
    return (f'<ofd:TextObject ID="2" Boundary="{x} {y} 180 {size * 2}" Size="{size}" {extra}>'
            f'<ofd:TextCode X="0" Y="{size}" {code}>{text}</ofd:TextCode></ofd:TextObject>')


def _lines(data: bytes) -> list[str]:
    return [line.text for line in read_ofd(data, "x.ofd").lines]


def test_text_codes_deltas_and_ctm_place_the_characters():
    """Two TextCodes of one object (the second going on where the first ended), ``g N d`` gaps mixed with plain
    ones, and an object set in points under a CTM: each character stands where a viewer draws it."""
    wide = _text(20, 40, "本年新收", code='DeltaX="g 3 4"')
    ctm = ('<ofd:TextObject ID="3" Boundary="20 60 100 10" Size="11.34" CTM="0.3528 0 0 0.3528 0 0">'
           '<ofd:TextCode X="0" Y="11.34" DeltaX="11.34 g 2 11.34">政府信息</ofd:TextCode>'
           '<ofd:TextCode X="200" DeltaX="6 6">123</ofd:TextCode></ofd:TextObject>')
    assert _lines(_ofd([_page(wide + ctm)])) == ["本年新收", "政府信息\t123"]


def test_an_unprefixed_namespace_and_absolute_locations_are_read():
    page = _page('<TextObject ID="2" Boundary="20 40 100 10" Size="4"><TextCode X="0" Y="4">总体情况</TextCode>'
                 '</TextObject>', prefix="")
    assert _lines(_ofd([page], location="/Doc_0/Pages/Page_{}/Content.xml")) == ["总体情况"]
    assert _lines(_ofd([page], location="Doc_0/Pages/Page_{}/Content.xml")) == ["总体情况"]   # from the root


def test_rules_drawn_as_lines_and_as_thin_filled_rectangles_make_a_table():
    """A two-by-two grid: its horizontal rules stroked, its vertical ones filled hairline rectangles."""
    rules = "".join(
        f'<ofd:PathObject ID="5" Boundary="20 {y} 120 1"><ofd:AbbreviatedData>M 0 0 L 120 0</ofd:AbbreviatedData>'
        '</ofd:PathObject>' for y in (50, 60, 70))
    rules += "".join(
        f'<ofd:PathObject ID="6" Boundary="{x} 50 0.3 20" Stroke="false" Fill="true"><ofd:AbbreviatedData>'
        'M 0 0 L 0.3 0 L 0.3 20 L 0 20 C</ofd:AbbreviatedData></ofd:PathObject>' for x in (20, 80, 140))
    cells = (_text(22, 52, "行政复议", 4) + _text(82, 52, "12", 4) + _text(22, 62, "行政诉讼", 4)
             + _text(82, 62, "3", 4))
    document = read_ofd(_ofd([_page(rules + cells)]), "x")
    rows = [(line.label, line.values, line.in_grid) for line in document.lines]
    assert rows == [("行政复议", ["12"], True), ("行政诉讼", ["3"], True)]


def _scan_png() -> bytes:
    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 48)
    image = Image.new("L", (1654, 400), 255)
    ImageDraw.Draw(image).text((150, 150), "一、总体情况 本年度共收到申请 36 件", font=font, fill=0)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_a_scanned_page_is_read_by_ocr():
    """A page that is a picture and no text (a scan saved as OFD) is read from its picture."""
    page = _page('<ofd:ImageObject ID="4" ResourceID="7" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>')
    resources = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:MultiMedias>'
                 '<ofd:MultiMedia ID="7" Type="Image"><ofd:MediaFile>scan.png</ofd:MediaFile></ofd:MultiMedia>'
                 '</ofd:MultiMedias></ofd:Res>')
    data = _ofd([page], {"Doc_0/DocumentRes.xml": resources.encode(), "Doc_0/Res/scan.png": _scan_png()},
                document_extra="<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>")
    document = read_ofd(data, "scan.ofd")
    assert document.source_type == "ocr"
    assert any("总体情况" in line.text and "36" in line.text for line in document.lines)


def test_a_report_saved_as_pictures_of_its_pages_is_read_by_ocr_without_errors():
    """easyofd's default conversion: every page a 96-dpi JPEG printed 100 mm wide on a 140 × 90 mm page box (no
    paper's size: the picture is read at its own resolution)."""
    stem = "002_huaian_hongze_2023"
    report = parse_document((FIXTURES / "ofd" / f"{stem}.easyofd-scan.ofd").read_bytes(), "scan.ofd").to_dict()
    tables, metadata, _ = _truth(stem)
    right = sum(((report[t] or {}).get(row) or {}).get(col) == value
                for t, rows in tables.items() for row, cols in (rows or {}).items() for col, value in cols.items())
    assert report["source_type"] == "ocr" and (report["agency"], report["year"]) == metadata[:2]
    assert right >= 180   # of 186
    assert not [f for f in report["findings"] if f["severity"] == "error"]


_SCAN = '<ofd:ImageObject ID="4" ResourceID="7" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>'
_LOGO = '<ofd:ImageObject ID="4" ResourceID="7" Boundary="10 10 20 20" CTM="20 0 0 20 0 0"/>'


@pytest.mark.parametrize("objects, layer", [
    (_text(20, 40, "本年新收政府信息公开申请数量 36") + _SCAN, True),        # painted under the scan
    (_SCAN + _text(20, 40, "本年新收政府信息公开申请数量 36", extra='Visible="false"'), True),
    (_SCAN + _text(20, 40, "本年新收政府信息公开申请数量 36").replace(
        "<ofd:TextCode", '<ofd:FillColor Value="0 0 0" Alpha="0"/><ofd:TextCode'), True),   # transparent
    (_SCAN + _text(20, 40, "本年新收政府信息公开申请数量 36"), False),        # printed over a background
    (_text(20, 40, "本年新收政府信息公开申请数量 36") + _LOGO, False),        # a logo is no scan
])
def test_text_hidden_under_or_over_a_scan_is_its_ocr_layer(objects, layer):
    """Another program's OCR laid on a scan: its figures are no evidence (``Document.ocr_text``)."""
    document = read_ofd(_ofd([_page(objects)]), "layer.ofd")
    assert [line.text for line in document.lines] == ["本年新收政府信息公开申请数量\t36"]
    assert document.ocr_text is layer


def test_a_scan_in_a_format_no_reader_decodes_is_refused_by_name():
    resources = (f'<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="7" Type="Image">'
                 '<ofd:MediaFile>scan.jb2</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>')
    parts = {"Doc_0/DocumentRes.xml": resources.encode(), "Doc_0/Res/scan.jb2": b"\x97JB2\r\n\x1a\n\x01" + bytes(64)}
    data = _ofd([_page(_SCAN)], parts, document_extra="<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>")
    with pytest.raises(DocumentError, match="第1页是 JBIG2"):
        read_ofd(data, "scan.ofd")
    broken = {**parts, "Doc_0/Res/scan.jb2": b"\xff\xd8\xff not a JPEG after all"}
    data = _ofd([_page(_SCAN)], broken, document_extra="<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>")
    with pytest.raises(DocumentError, match="第1页的扫描图片损坏"):
        read_ofd(data, "scan.ofd")


def test_text_drawn_as_glyphs_without_characters_is_refused_by_name():
    glyphs = ('<ofd:TextObject ID="2" Boundary="20 40 100 10" Size="4"><ofd:CGTransform CodePosition="0" '
              'CodeCount="4" GlyphCount="4"><ofd:Glyphs>12 40 77 9</ofd:Glyphs></ofd:CGTransform>'
              '<ofd:TextCode X="0" Y="4" DeltaX="g 3 4"></ofd:TextCode></ofd:TextObject>')
    with pytest.raises(DocumentError, match="只有字形.*第1页"):
        read_ofd(_ofd([_page(glyphs)]), "glyphs.ofd")


def test_text_of_glyph_numbers_is_no_text():
    """Characters a producer wrote as its font's glyph numbers (private-use code points), as pdfium gives for a
    font without a map to Unicode: no readable text, refused as such."""
    numbers = "".join(chr(0xE000 + n) for n in range(60))
    with pytest.raises(DocumentError, match="没有字符编码"):
        read_ofd(_ofd([_page(_text(20, 40, numbers))]), "numbers.ofd")


# ---------------------------------------------------------------------------------------------------
# sniffing


def test_an_ofd_is_sniffed_as_ofd_and_office_packages_stay_what_they_are():
    assert sniff((FIXTURES / "ofd" / "kaifeng_2021.easyofd.ofd").read_bytes()) == "ofd"
    assert sniff(_ofd([_page("")])) == "ofd"
    assert sniff(docx(document_xml(paragraph("OFD.xml")))) == "docx"
    # OFD.xml not at the root, or only a part's name ending so: not an OFD
    assert sniff(zip_file({"Doc_0/OFD.xml": b"<x/>", "word/document.xml": b"<x/>"})) == "docx"
    assert sniff(zip_file({"notOFD.xml": b"<x/>"})) == "zip"


def test_an_ofd_whose_entry_file_comes_after_its_pictures_is_sniffed_by_its_central_directory():
    noise = bytes(range(256)) * 1024   # 256 KB that deflate cannot shrink below the sniffing window
    members = {"Doc_0/Res/picture.bin": noise, "OFD.xml": b"<ofd:OFD/>"}
    data = zipfile.ZipFile  # keep the stored bytes as they are: zip_file deflates them
    buffer = io.BytesIO()
    with data(buffer, "w", zipfile.ZIP_STORED) as package:
        for name, member in members.items():
            package.writestr(name, member)
    assert sniff(buffer.getvalue()) == "ofd"


def test_the_path_kinds_are_pdfiums_segment_types():
    assert (fixedlayout.LINE, fixedlayout.CURVE, fixedlayout.MOVE) == (
        raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO, raw.FPDF_SEGMENT_MOVETO)


# ---------------------------------------------------------------------------------------------------
# hostile packages


def _refused(data: bytes, fragment: str) -> str:
    started = time.process_time()
    with pytest.raises(DocumentError) as caught:
        parse_document(data, "hostile.ofd")
    assert time.process_time() - started < 20
    assert fragment in caught.value.reason, caught.value.reason
    assert "Traceback" not in caught.value.reason and "Error" not in caught.value.reason
    return caught.value.reason


def test_a_zip_bomb_is_refused():
    bomb = deflated_repeat(b"<ofd:TextObject/>" * 1000, 20_000, _page("").split("</ofd:Layer>")[0].encode(),
                           b"</ofd:Layer></ofd:Content></ofd:Page>")
    _refused(_ofd([bomb]), "OFD 解压后过大")


def test_too_many_pages_are_refused():
    _refused(_ofd([_page("")], listed=1001), "页数过多")


def test_pages_that_all_name_one_large_content_are_refused_once_too_much_is_parsed():
    """A thousand pages naming the same 0.9 MB part: 900 MB of XML to parse, refused at the limit."""
    large = _page(" " * 900_000)
    _refused(_ofd([large], listed=1000), "OFD 内容过大")


def test_a_missing_page_content_is_refused_naming_the_page():
    data = _ofd([_page(_text(20, 40, "总体情况"))], location="Pages/Page_9/Content.xml")
    reason = _refused(data, "第1页")
    assert "Page_9/Content.xml" in reason


def test_a_zip_that_is_not_an_ofd_is_refused():
    _refused(zip_file({"readme.txt": b"hello"}), "不支持的压缩包")
    _refused(zip_file({"OFD.xml": b"<not closed"}), "不是有效的 XML")
    _refused(zip_file({"OFD.xml": f'<ofd:OFD xmlns:ofd="{NS}"/>'.encode()}), "DocRoot")


def _with_doctype(page: str, doctype: str) -> bytes:
    return _ofd([page.replace("?>", "?>" + doctype, 1)])


def test_an_external_entity_is_never_fetched():
    doctype = '<!DOCTYPE ofd:Page [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    lines = _lines(_with_doctype(_page(_text(20, 40, "&x;") + _text(20, 60, "总体情况")), doctype))
    assert lines == ["总体情况"]


def test_a_billion_laughs_is_never_expanded():
    """libxml2 refuses the document (its amplification limit), or leaves the entity unexpanded."""
    laughs = "".join(f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10))
    data = _with_doctype(_page(_text(20, 40, "&a9;") + _text(20, 60, "总体情况")),
                         f'<!DOCTYPE ofd:Page [<!ENTITY a0 "ha">{laughs}]>')
    started = time.process_time()
    try:
        lines = _lines(data)
    except DocumentError as exc:
        assert "第1页的页面内容" in exc.reason and "超出 XML 解析的上限" in exc.reason
    else:
        assert "总体情况" in lines and not any("ha" in line for line in lines)
    assert time.process_time() - started < 5


def test_absurd_boundaries_deltas_sizes_and_paths_are_skipped_and_the_rest_read():
    absurd = (_text(1e308, 1e308, "无处") + _text(20, 40, "远方", code='DeltaX="g 1000000000000 1e300"')
              + _text(20, 60, "巨大", size=1e300) + _text(20, 80, "溢出", extra='CTM="1e300 0 0 1e300 1e300 0"')
              + _text(20, 100, "坏值", code='DeltaX="g x y nan inf"')
              + '<ofd:PathObject ID="9" Boundary="0 0 1e308 1e308"><ofd:AbbreviatedData>M 0 0 L nan 1e309 '
                'B 1 2 3</ofd:AbbreviatedData></ofd:PathObject>' + _text(20, 120, "总体情况"))
    started = time.process_time()
    lines = _lines(_ofd([_page(absurd)]))
    assert time.process_time() - started < 5
    assert lines[0] == "远" and "总体情况" in lines and not any("无处" in line or "巨大" in line for line in lines)
