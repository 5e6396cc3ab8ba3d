"""A detail API's JSON answer → the report it holds.

A single-page application's article is the JSON answer of its detail API (``/api/article/detail?id=123`` →
``{"code": 200, "data": {"title": "…2023年政府信息公开工作年度报告", "content": "<p>一、总体情况</p>…<table>…",
"publishTime": …}}``): the report is the HTML (or text) in one string field. It is the longest string of the
answer that holds markup or a report's section headings, searched in nested objects and lists (at most
``MAX_DEPTH`` deep, ``MAX_NODES`` values); it is read by the HTML reader (as text when it holds no markup),
titled by a title-like field of the object holding it (or of one above it). A JSON document holding no such
string is no report: a ``DocumentError`` says so.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import NamedTuple

from gxparse.document import Document, lines_from_text, shows_ocr_noise
from gxparse.errors import DocumentError
from gxparse.jsonwalk import json_objects
from gxparse.readers.html import read_html
from gxparse.readers.sniff import decode, is_html

MAX_DEPTH = 8
MAX_NODES = 20_000
TITLE_KEYS = ("title", "articletitle", "doctitle", "infotitle", "contenttitle", "name", "subject", "bt", "wjbt")
# A report's section headings (一、总体情况, 二、主动公开政府信息情况): text that is a report without markup
_HEADINGS = re.compile(r"总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议")


class ReportField(NamedTuple):
    content: str
    title: str | None
    holder: dict   # the object whose field it is


def read_json(data: bytes, source: str) -> Document:
    """The report a JSON answer holds in one of its string fields, read as HTML (or text); its title from
    a title-like field beside it."""
    try:
        answer = json.loads(decode(data, source))
    except json.JSONDecodeError as exc:   # where it breaks: a cut download ends early, an edited file anywhere
        raise DocumentError(source, f"JSON 文档无法解析：第 {exc.lineno} 行第 {exc.colno} 列不合 JSON 格式，"
                                    "文件可能下载不完整或已损坏") from exc
    except (ValueError, RecursionError) as exc:
        raise DocumentError(source, "JSON 文档无法解析：嵌套过深或数值无法读取") from exc
    from gxparse.readers.blockgraph import recognized
    from gxparse.readers.layoutjson import layout_html
    from gxparse.readers.ocrboxes import is_table_ocr_answer
    if not is_table_ocr_answer(answer) and (pieces := layout_html(answer)) is not None:
        # a layout tool's blocks: the report in pieces, no one field of which is the report
        return dataclasses.replace(read_html(pieces, source), ocr_text=recognized(answer))
    found = report_field(answer)
    if found is None or not is_html(found.content.encode("utf-8")):
        # an OCR service's answer (boxes of text, or tables): one of its texts may be a report's heading
        from gxparse.readers.ocrboxes import read_ocr_answer
        if (scanned := read_ocr_answer(answer)) is not None:
            return scanned
    if found is None:
        raise DocumentError(source, "JSON 文档中没有报告正文：没有含网页标记或报告章节标题的字段")
    content, title, _ = found
    if is_html(content.encode("utf-8")):
        document = read_html(content, source)
    else:
        lines = lines_from_text(content)
        document = Document(lines, "text", ocr_text=shows_ocr_noise(lines))
    return dataclasses.replace(document, title=title or document.title)


def report_field(answer: object) -> ReportField | None:
    """The longest string of the answer that holds markup or report headings, and the title beside it
    (in its object, else the nearest object above it); None when there is none."""
    best: ReportField | None = None
    for held in json_objects(answer, TITLE_KEYS, MAX_DEPTH, MAX_NODES):
        for value in held.node.values():
            if isinstance(value, str) and (best is None or len(value) > len(best.content)) and _holds_report(value):
                best = ReportField(value, held.name or held.above, held.node)
    return best


def _holds_report(value: str) -> bool:
    return bool(_HEADINGS.search(value)) or is_html(value.encode("utf-8"))
