"""Writes tests/fixtures/ofd: OFD renderings (GB/T 33190) of the documents whose figures are known.

    .venv/bin/python -m tests.gxparse.formats.freeze_ofd        # needs PyMuPDF, LibreOffice and easyofd

The seeds printed by LibreOffice (``build.Fixtures.libreoffice_pdf``) and written by reportlab
(``reportlab_pdf``: a table split over pages, a cell left out, blanks), and the real reports of
tests/fixtures/real as published, each turned into OFD by two producers that write it differently:

- ``printer``: as a virtual printer (数科, 福昕) writes a Word document's print, made here from the PDF's characters
  and drawings (PyMuPDF): a TextObject per run, or per character for runs of figures, placed by TextCode X/Y and
  DeltaX (``g N d`` where the gaps repeat); every third text object set in points under a CTM that scales it
  to millimetres; table rules as PathObjects (AbbreviatedData), every other one a thin filled rectangle rather
  than a stroked line; a running header in a TemplatePage under every page; a seal (``Signs/``) and an
  annotation (``Annots/``) that carry text of their own; the ``ofd:`` prefix.
- ``lines``: the same printer writing a TextObject per printed line (every character on one baseline, a table
  row's cells included, the gaps between them in DeltaX), as some converters do.
- ``easyofd``: easyofd's PDF-to-OFD conversion with its text (``OFD().pdf2ofd(pdf, optional_text=True)``), a
  third party's producer: a TextObject per printed line, no rules, its own namespace, a lower-case ``size``
  attribute, a default page box (140 × 90) smaller than the content it holds.
- ``easyofd-scan`` (the real reports only): easyofd's default conversion, every page a JPEG picture of it and no
  text, as a scanned report saved as OFD is (read by OCR).

Each file is ``<document>.<producer>.ofd``; a seed's truth is the seed's, a real report's its truth file beside its
PDF. easyofd is not a dependency of gxmon: ``pip install easyofd`` (it brings PyMuPDF, reportlab, loguru) into the
environment that runs this. Run it again only when a producer or a source PDF changes: the files are test data.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from tests.gxparse.seeds import SEEDS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
OUT = FIXTURES / "ofd"
MM = 25.4 / 72          # millimetres per point
NS = "http://www.ofdspec.org/2016"
SEED_SOURCES = {"printer": "libreoffice", "lines": "reportlab", "easyofd": "reportlab"}   # which PDF of the seeds each producer gets
_HEADER = "政府信息公开专栏"
Runs = Callable[..., Iterator[tuple[list[dict], float]]]   # a PyMuPDF page → its text objects' characters and size


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def _gaps(values: list[float]) -> str:
    """DeltaX as producers abbreviate it: ``g N d`` for a run of equal gaps, plain numbers otherwise."""
    out: list[str] = []
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and _num(values[j + 1]) == _num(values[i]):
            j += 1
        out.append(f"g {j - i + 1} {_num(values[i])}" if j > i else _num(values[i]))
        i = j + 1
    return " ".join(out)


class _Ids:
    def __init__(self) -> None:
        self.last = 0

    def __call__(self) -> int:
        self.last += 1
        return self.last


# ---------------------------------------------------------------------------------------------------
# the virtual printer


def _text_object(ids: _Ids, chars: list[dict], size: float, scaled: bool) -> str:
    """One TextObject for ``chars`` (PyMuPDF's rawdict characters of a run, in points); ``scaled``: set in points
    under a CTM that makes millimetres of them, as some printers write."""
    x0 = min(c["bbox"][0] for c in chars)
    y0 = min(c["bbox"][1] for c in chars)
    x1 = max(c["bbox"][2] for c in chars)
    y1 = max(c["bbox"][3] for c in chars)
    unit = 1.0 if scaled else MM     # the object's own unit: points under the CTM, else millimetres
    first = chars[0]["origin"]
    gaps = [(b["origin"][0] - a["origin"][0]) * unit for a, b in zip(chars, chars[1:])]
    delta = f' DeltaX="{_gaps(gaps)}"' if gaps else ""
    ctm = f' CTM="{_num(MM)} 0 0 {_num(MM)} 0 0"' if scaled else ""
    text = escape("".join(c["c"] for c in chars))
    return (f'<ofd:TextObject ID="{ids()}" Boundary="{_num(x0 * MM)} {_num(y0 * MM)} {_num((x1 - x0) * MM)} '
            f'{_num((y1 - y0) * MM)}" Font="3" Size="{_num(size * unit)}"{ctm}>'
            f'<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="{_num((first[0] - x0) * unit)}" '
            f'Y="{_num((first[1] - y0) * unit)}"{delta}>{text}</ofd:TextCode></ofd:TextObject>')


def _runs(page) -> Iterator[tuple[list[dict], float]]:   # noqa: ANN001  (a PyMuPDF page)
    """The page's runs of characters, a run of figures (a table cell) a character at a time."""
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                chars = list(span["chars"])
                if not "".join(c["c"] for c in chars).strip():
                    continue
                if all(c["c"].isdigit() or c["c"].isspace() for c in chars):
                    yield from (([c], span["size"]) for c in chars if not c["c"].isspace())
                else:
                    yield chars, span["size"]


def _baselines(page) -> Iterator[tuple[list[dict], float]]:   # noqa: ANN001
    """The page's printed lines as single runs: every character on one baseline and of one size, left to right,
    a table row's cells included (the gaps between them are DeltaX's), as some producers write a line."""
    lines: dict[tuple[float, float], list[dict]] = {}
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for c in span["chars"]:
                    if not c["c"].isspace():
                        lines.setdefault((round(c["origin"][1], 1), round(span["size"], 1)), []).append(c)
    for (_, size), chars in sorted(lines.items()):
        yield sorted(chars, key=lambda c: c["origin"][0]), size


def _path_object(ids: _Ids, x0: float, y0: float, x1: float, y1: float, width: float, filled: bool) -> str:
    """A rule from (x0, y0) to (x1, y1) (points): a stroked line, or a filled rectangle ``width`` thick."""
    left, top = min(x0, x1) - width / 2, min(y0, y1) - width / 2
    right, bottom = max(x0, x1) + width / 2, max(y0, y1) + width / 2
    box = f"{_num(left * MM)} {_num(top * MM)} {_num((right - left) * MM)} {_num((bottom - top) * MM)}"
    if filled:
        w, h = (right - left) * MM, (bottom - top) * MM
        data = f"M 0 0 L {_num(w)} 0 L {_num(w)} {_num(h)} L 0 {_num(h)} C"
        return (f'<ofd:PathObject ID="{ids()}" Boundary="{box}" Stroke="false" Fill="true">'
                f'<ofd:FillColor Value="0 0 0"/><ofd:AbbreviatedData>{data}</ofd:AbbreviatedData></ofd:PathObject>')
    data = (f"M {_num((x0 - left) * MM)} {_num((y0 - top) * MM)} "
            f"L {_num((x1 - left) * MM)} {_num((y1 - top) * MM)}")
    return (f'<ofd:PathObject ID="{ids()}" Boundary="{box}" LineWidth="{_num(width * MM)}">'
            f'<ofd:StrokeColor Value="0 0 0"/><ofd:AbbreviatedData>{data}</ofd:AbbreviatedData></ofd:PathObject>')


def _rules(ids: _Ids, page) -> Iterator[str]:   # noqa: ANN001
    """The page's drawn lines and rectangles as rules (a table's cells drawn as rectangles give their edges)."""
    count = 0
    for drawing in page.get_drawings():
        width = drawing.get("width") or 0.5
        for item in drawing["items"]:
            if item[0] == "l":
                segments = [(item[1].x, item[1].y, item[2].x, item[2].y)]
            elif item[0] == "re":
                r = item[1]
                if r.width <= 3 or r.height <= 3:   # a rule drawn as a thin filled rectangle
                    horizontal = r.width > r.height
                    mid = (r.y0 + r.y1) / 2 if horizontal else (r.x0 + r.x1) / 2
                    segments = [(r.x0, mid, r.x1, mid) if horizontal else (mid, r.y0, mid, r.y1)]
                    width = max(min(r.width, r.height), 0.3)
                else:
                    segments = [(r.x0, r.y0, r.x1, r.y0), (r.x1, r.y0, r.x1, r.y1),
                                (r.x1, r.y1, r.x0, r.y1), (r.x0, r.y1, r.x0, r.y0)]
            else:
                continue
            for segment in segments:
                count += 1
                yield _path_object(ids, *segment, width, filled=count % 2 == 0)


def _page_xml(ids: _Ids, page, template: int, runs: Runs) -> str:   # noqa: ANN001
    objects = list(_rules(ids, page))
    for n, (chars, size) in enumerate(runs(page)):
        objects.append(_text_object(ids, chars, size, scaled=n % 3 == 2))
    box = f"0 0 {_num(page.rect.width * MM)} {_num(page.rect.height * MM)}"
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="{NS}">'
            f'<ofd:Template TemplateID="{template}" ZOrder="Background"/>'
            f'<ofd:Area><ofd:PhysicalBox>{box}</ofd:PhysicalBox></ofd:Area>'
            f'<ofd:Content><ofd:Layer ID="{ids()}" Type="Body"><ofd:PageBlock ID="{ids()}">'
            + "".join(objects) + "</ofd:PageBlock></ofd:Layer></ofd:Content></ofd:Page>")


def _template_xml(ids: _Ids) -> str:
    """The running header every page is drawn over."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
            f'<ofd:Layer ID="{ids()}" Type="Background"><ofd:TextObject ID="{ids()}" Boundary="150 8 40 5" '
            f'Font="3" Size="3"><ofd:TextCode X="0" Y="3" DeltaX="g {len(_HEADER) - 1} 3">{_HEADER}</ofd:TextCode>'
            f'</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>')


def _signature_parts() -> dict[str, str]:
    """A seal and an annotation, each with text and figures of its own that must not be read."""
    seal = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Signature xmlns:ofd="{NS}"><ofd:SignedInfo>'
            '<ofd:Seal><ofd:BaseLoc>/Doc_0/Signs/Sign_0/Seal.esl</ofd:BaseLoc></ofd:Seal>'
            '<ofd:StampAnnot ID="1" PageRef="1" Boundary="120 200 40 40"/></ofd:SignedInfo>'
            '<ofd:SignedValue>/Doc_0/Signs/Sign_0/SignedValue.dat</ofd:SignedValue></ofd:Signature>')
    annotation = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:PageAnnot xmlns:ofd="{NS}"><ofd:Annot ID="1" '
                  'Type="Stamp"><ofd:Appearance Boundary="120 200 40 40"><ofd:TextObject ID="2" Boundary="0 0 40 8" '
                  'Size="4"><ofd:TextCode X="0" Y="4">依申请公开 99 件 0 0 0</ofd:TextCode></ofd:TextObject>'
                  '</ofd:Appearance></ofd:Annot></ofd:PageAnnot>')
    return {"Doc_0/Signs/Signatures.xml": f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Signatures xmlns:ofd="{NS}">'
            '<ofd:Signature ID="1" BaseLoc="/Doc_0/Signs/Sign_0/Signature.xml"/></ofd:Signatures>',
            "Doc_0/Signs/Sign_0/Signature.xml": seal,
            "Doc_0/Annots/Annotations.xml": f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Annotations xmlns:ofd="{NS}">'
            '<ofd:Page PageID="1"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>',
            "Doc_0/Annots/Page_0/Annotation.xml": annotation}


def printer_ofd(pdf: bytes, runs: Runs = _runs) -> bytes:
    """The PDF as a virtual printer writes it to OFD, its text objects the page's ``runs``."""
    import fitz   # PyMuPDF: a fixture dependency

    ids = _Ids()
    document = fitz.open(stream=pdf, filetype="pdf")
    template = ids()
    parts = {f"Doc_0/Pages/Page_{n}/Content.xml": _page_xml(ids, page, template, runs) for n, page in enumerate(document)}
    parts["Doc_0/Tpls/Tpl_0/Content.xml"] = _template_xml(ids)
    pages = "".join(f'<ofd:Page ID="{ids()}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(document)))
    parts["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        f'<ofd:MaxUnitID>{ids.last + 10}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>'
        '</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>'
        f'<ofd:TemplatePage ID="{template}" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
        f'<ofd:Pages>{pages}</ofd:Pages><ofd:Annotations>Annots/Annotations.xml</ofd:Annotations></ofd:Document>')
    parts["Doc_0/PublicRes.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
                                    '<ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>')
    parts.update(_signature_parts())
    entry = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="{NS}" DocType="OFD" Version="1.0">'
             '<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID><ofd:Creator>virtual printer</ofd:Creator>'
             '</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
             '<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody></ofd:OFD>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("OFD.xml", entry)
        for name, text in parts.items():
            package.writestr(name, text)
        package.writestr("Doc_0/Signs/Sign_0/SignedValue.dat", b"\x30\x82 not a real signature")
        package.writestr("Doc_0/Signs/Sign_0/Seal.esl", "印章 12 34 56".encode())
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------------
# easyofd


def easyofd_ofd(pdf: bytes, text: bool = True) -> bytes:
    """The PDF converted by easyofd (its text kept, or each page a picture), quietly: it prints and logs as it
    goes, and writes a folder ./test of its own wherever it runs."""
    from loguru import logger

    logger.remove()
    from easyofd.ofd import OFD

    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()):
        os.chdir(tmp)
        try:
            return OFD().pdf2ofd(pdf, optional_text=text)
        finally:
            os.chdir(here)


PRODUCERS = {"printer": printer_ofd, "lines": functools.partial(printer_ofd, runs=_baselines), "easyofd": easyofd_ofd}


def main() -> None:
    from tests.gxparse.formats.build import Fixtures

    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="freeze-ofd-") as tmp:
        fixtures = Fixtures(Path(tmp))
        sources = {"libreoffice": fixtures.libreoffice_pdf, "reportlab": fixtures.reportlab_pdf}
        for producer, write in PRODUCERS.items():
            for name in SEEDS:
                pdf = sources[SEED_SOURCES[producer]](name).read_bytes()
                (OUT / f"{name}.{producer}.ofd").write_bytes(write(pdf))
            for path in sorted((FIXTURES / "real").glob("*.pdf")):
                (OUT / f"{path.stem}.{producer}.ofd").write_bytes(write(path.read_bytes()))
            print(f"{producer}: written", file=sys.stderr)
        for path in sorted((FIXTURES / "real").glob("*.pdf")):
            (OUT / f"{path.stem}.easyofd-scan.ofd").write_bytes(easyofd_ofd(path.read_bytes(), text=False))


if __name__ == "__main__":
    main()
