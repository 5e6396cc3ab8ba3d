"""A document never makes gxparse reach outside it: external entities naming a real local file or an address,
a DOCX's external relationships (altChunk, a linked picture, an attached template), an RTF field including a
picture by address. A server on 127.0.0.1 counts what is asked of it; the secret file's text must not appear
in the report."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Iterator

import pytest

from gxparse import parse_document
from tests.gxparse.hostile import files
from tests.gxparse.hostile.files import docx, document_xml, paragraph

SECRET = "SECRET-MARKER-42 机密"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class _Counting(http.server.BaseHTTPRequestHandler):
    asked: list[str] = []

    def do_GET(self) -> None:
        self.asked.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def secret(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("reach") / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path.as_uri()


def _entity(doctype_of: str, secret: str, server: str) -> str:
    return (f'<!DOCTYPE {doctype_of} [<!ENTITY s SYSTEM "{secret}"><!ENTITY h SYSTEM "{server}entity">'
            f'<!ENTITY % p SYSTEM "{server}dtd"> %p;]>')


def _docx_xxe(secret: str, server: str) -> bytes:
    return docx(document_xml(paragraph("&s;&h;") + paragraph("一、总体情况"), _entity("w:document", secret, server)))


def _ofd_xxe(secret: str, server: str) -> bytes:
    page = files.ofd_page('<ofd:TextObject ID="1" Boundary="10 10 100 5" Size="3"><ofd:TextCode X="0" Y="4">&s;&h;'
                          "</ofd:TextCode></ofd:TextObject>")
    return files.ofd([page.replace("?>", "?>" + _entity("ofd:Page", secret, server), 1)])


def _html_xxe(secret: str, server: str) -> bytes:
    return (f'<?xml version="1.0"?>{_entity("html", secret, server)}<html><body><p>一、总体情况</p><p>&s;&h;</p>'
            f'<img src="{server}picture.png"><svg xmlns="http://www.w3.org/2000/svg"><image href="{server}svg.png"/>'
            "</svg></body></html>").encode()


def _docx_external(secret: str, server: str) -> bytes:
    relationships = "".join(
        f'<Relationship Id="rId{n}" TargetMode="External" Target="{target}" Type="{_R}/{kind}"/>'
        for n, (target, kind) in enumerate([(f"{server}chunk.html", "aFChunk"), (f"{server}picture.png", "image"),
                                            (f"{server}template.dotx", "attachedTemplate"), (secret, "aFChunk")], 5))
    picture = (f'<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
               'wordprocessingDrawing"><wp:extent cx="5000000" cy="3000000"/><a:graphic xmlns:a="http://schemas.'
               'openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/'
               'drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
               f'<pic:blipFill><a:blip xmlns:r="{_R}" r:link="rId6"/></pic:blipFill></pic:pic></a:graphicData>'
               "</a:graphic></wp:inline></w:drawing></w:r></w:p>")
    body = document_xml(paragraph("三、收到和处理政府信息公开申请情况") + f'<w:altChunk xmlns:r="{_R}" r:id="rId5"/>'
                        + f'<w:altChunk xmlns:r="{_R}" r:id="rId8"/>' + picture)
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships">{relationships}</Relationships>')
    return files.zip_file({"[Content_Types].xml": files.CONTENT_TYPES.encode(), "_rels/.rels": files.PACKAGE_RELS.encode(),
                           "word/document.xml": body, "word/_rels/document.xml.rels": rels.encode()})


def _rtf_fields(secret: str, server: str) -> bytes:
    """LibreOffice converts it: fields that include a picture and text by address, and the secret by path."""
    fields = "".join(f'{{\\field{{\\*\\fldinst {kind} "{target}" \\\\d}}{{\\fldrslt x}}}}\\par '
                     for kind, target in [("INCLUDEPICTURE", f"{server}rtf.png"), ("INCLUDETEXT", f"{server}rtf.txt"),
                                          ("INCLUDETEXT", secret.removeprefix("file://"))])
    return ("{\\rtf1\\ansi " + fields + "}").encode()


BUILDS: dict[str, Callable[[str, str], bytes]] = {"docx-xxe": _docx_xxe, "ofd-xxe": _ofd_xxe, "html-xxe": _html_xxe,
                                                  "docx-external-relationships": _docx_external,
                                                  # the one reader that could fetch: LibreOffice (3–8 s)
                                                  "rtf-include-fields": _rtf_fields}


@pytest.mark.parametrize("name", BUILDS)
def test_a_document_never_reads_a_local_file_nor_fetches(name, server, secret):
    _Counting.asked.clear()
    report = parse_document(BUILDS[name](secret, server), name)
    assert _Counting.asked == []
    assert SECRET.split()[0] not in json.dumps(report.to_dict(), ensure_ascii=False)
