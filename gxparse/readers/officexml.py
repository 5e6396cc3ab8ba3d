"""An office program's XML file or part, parsed without what such a file never holds: a DOCTYPE or entity
declaration (an entity's expansion, an external file) is refused, entities are never resolved nor fetched."""

from __future__ import annotations

import re

from lxml import etree

from gxparse.errors import DocumentError

_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)


def office_xml(data: bytes, source: str, what: str, writer: str) -> etree._Element:
    """The root of ``data``; ``what`` names the file in messages (Word XML 文档), ``writer`` the program that
    never writes a DOCTYPE into it."""
    if _DOCTYPE.search(data):
        raise DocumentError(source, f"{what}含有 DOCTYPE 或实体声明（{writer} 从不写出），拒绝读取")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(source, f"{what}损坏，无法解析（{exc.msg}）") from exc
    if root is None:
        raise DocumentError(source, f"{what}是空的，无法读取")
    return root
