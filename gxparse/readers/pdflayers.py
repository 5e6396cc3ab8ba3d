"""A PDF's optional content (layers) that its viewer hides: text in it is not printed on the page.

A PDF may carry layers (optional content groups) that its default view turns off: a draft's figures beside the
final ones, a reviewer's notes, a producer's alternative rendering. pdfium renders without them but its text
page holds their characters, which then land in the table's cells. The layers turned off are read from the
catalog (``/OCProperties /D``: ``/OFF``, or ``/BaseState /OFF`` less ``/ON``) by pdfminer; a text object inside
such a layer carries an ``OC`` mark whose parameters are the group's dictionary, so its ``/Name`` names it.
Layers chosen by a membership dictionary (``/OCMD``) and forms' ``/OC`` are ``pdfmembership``'s.
"""

from __future__ import annotations

import ctypes
import io
import re
from dataclasses import dataclass

import pypdfium2.raw as raw
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, resolve1

# a catalog with layers says so, or hides it in a compressed object stream
_MAY_HAVE_LAYERS = re.compile(rb"/OCProperties\b|/ObjStm\b")
MAX_LAYERS = 1000            # layers of the catalog looked at (a report has none or a few)
_MAX_NAME = 512              # bytes of a mark's or layer's name read from pdfium


@dataclass(frozen=True)
class OptionalContent:
    """A PDF's layers as its default view shows them: the parsed file, its ``/OCProperties`` and the object
    numbers of the layers (groups) turned off."""
    document: PDFDocument
    properties: dict
    off: frozenset[int]


def optional_content(data: bytes) -> OptionalContent | None:
    """The PDF's layers, or None when it has none or cannot tell."""
    if not _MAY_HAVE_LAYERS.search(data):
        return None
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        properties = resolve1(document.catalog.get("OCProperties"))
        if not isinstance(properties, dict):
            return None
        view = resolve1(properties.get("D")) or {}
        groups = _refs(properties.get("OCGs"))
        on, off = _refs(view.get("ON")), _refs(view.get("OFF"))
        base_off = getattr(resolve1(view.get("BaseState")), "name", "ON") == "OFF"
        shown = {group.objid for group in on}
        hidden = [group for group in groups if group.objid not in shown] if base_off else off
        return OptionalContent(document, properties, frozenset(group.objid for group in hidden))
    except Exception:   # pdfminer raises whatever a damaged file leads it to: its layers are then all shown
        return None


def hidden_layers(content: OptionalContent | None) -> frozenset[bytes]:
    """The names (the strings' bytes as the file holds them) of the layers the PDF's default view turns off
    (none when the file cannot tell)."""
    if content is None:
        return frozenset()
    try:
        names = (_name(content.document.getobj(objid)) for objid in content.off)
        return frozenset(filter(None, names))
    except Exception:   # a group pdfminer cannot load: the layers are then all shown
        return frozenset()


def _refs(value: object) -> list[PDFObjRef]:
    items = resolve1(value)
    return [item for item in items[:MAX_LAYERS] if isinstance(item, PDFObjRef)] if isinstance(items, list) else []


def _name(group: object) -> bytes | None:
    name = resolve1(group.get("Name")) if isinstance(group, dict) else None
    return name if isinstance(name, bytes) else None


def in_hidden_layer(obj: ctypes.c_void_p, hidden: frozenset[bytes]) -> bool:
    """Whether a page object is marked as content of one of the ``hidden`` layers."""
    for index in range(raw.FPDFPageObj_CountMarks(obj)):
        mark = raw.FPDFPageObj_GetMark(obj, index)
        if _mark_name(mark) == "OC" and _layer_name(mark) in hidden:
            return True
    return False


def _mark_name(mark: ctypes.c_void_p) -> str:
    buffer = (ctypes.c_ushort * (_MAX_NAME // 2))()
    length = ctypes.c_ulong()
    if not raw.FPDFPageObjMark_GetName(mark, buffer, _MAX_NAME, length):
        return ""
    return bytes(buffer)[:max(length.value - 2, 0)].decode("utf-16-le", "replace")


def _layer_name(mark: ctypes.c_void_p) -> bytes:
    """The layer's /Name as the file holds it (pdfium's string value loses what is not ASCII)."""
    buffer = (ctypes.c_ubyte * _MAX_NAME)()
    length = ctypes.c_ulong()
    if not raw.FPDFPageObjMark_GetParamBlobValue(mark, b"Name", buffer, _MAX_NAME, length):
        return b""
    return bytes(buffer)[:min(length.value, _MAX_NAME)]
