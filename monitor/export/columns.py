"""The columns of an export: the version's identity in Chinese, then the figures as the template prints them.

Each template version has its own table layout, so each gets its own columns, headed by the table's own row
and column names (``表三 一、本年新收政府信息公开申请数量 / 自然人``). v2021 keeps the single （六）其他处理 row
too, which some 2021+ reports still print instead of the three split rows. A version of no known template
(not read, a legacy layout) gets every cell either version has.
"""

from __future__ import annotations

from dataclasses import dataclass

from gxparse.template import S2_ITEMS, S3_ALL_ROWS, S3_COLUMNS, S3_ROWS, S4_BLOCKS, S4_COLUMNS, s3_row_label
from monitor.labels import TABLE_NAMES
from monitor.timeutil import zone_label

TEMPLATE_VERSIONS = ("v2021", "v2019")
OTHER = "other"                     # versions of no known template
GROUP_NAMES = {"v2021": "2021版模板", "v2019": "2019版模板", OTHER: "未识别模板"}


@dataclass(frozen=True)
class ExportColumn:
    key: str        # the English key of the JSON contract (cell path for figures)
    header: str     # what a person reads


def identity_columns(zone: str) -> list[ExportColumn]:
    label = zone_label(zone)
    return [ExportColumn(key, header) for key, header in (
        ("report_id", "报告编号"), ("version_id", "版本编号"), ("seq", "版本序号"), ("site", "网站"),
        ("agency", "机构"), ("year", "年度"), ("template", "模板"), ("title", "标题"),
        ("published_at", "发布日期"), ("first_seen", f"首次发现（{label}）"), ("last_seen", f"最后发现（{label}）"),
        ("errors", "错误数"), ("warnings", "警告数"), ("parse_error", "无法读取的原因"),
        ("report_page", "报告页面"), ("version_page", "本版本页面"), ("url", "文档地址"),
        ("content_digest", "内容摘要（SHA-256）"),
    )]


def _s2(template: str) -> list[ExportColumn]:
    return [ExportColumn(f"s2.{item.key}.{c.key}", f"{TABLE_NAMES['s2']} {item.label} / {c.label}")
            for item in S2_ITEMS[template] for c in item.columns]


def _s3(rows) -> list[ExportColumn]:  # noqa: ANN001 (rows of gxparse.template)
    return [ExportColumn(f"s3.{row.key}.{c.key}", f"{TABLE_NAMES['s3']} {s3_row_label(row.key)} / {c.label}")
            for row in rows for c in S3_COLUMNS]


def _s4() -> list[ExportColumn]:
    return [ExportColumn(f"s4.{block.key}.{c.key}", f"{TABLE_NAMES['s4']} {block.label} / {c.label}")
            for block in S4_BLOCKS for c in S4_COLUMNS]


def figure_columns(template: str) -> list[ExportColumn]:
    """The figures of one template version (``v2021``, ``v2019``) or, for any other, of both."""
    if template == "v2019":
        return [*_s2("v2019"), *_s3(S3_ROWS["v2019"]), *_s4()]
    if template == "v2021":
        return [*_s2("v2021"), *_s3(S3_ALL_ROWS), *_s4()]
    both = [*_s2("v2021"), *_s2("v2019"), *_s3(S3_ALL_ROWS), *_s4()]
    return list({c.key: c for c in both}.values())


def group_of(template: str | None) -> str:
    """The file (or sheet) a version of ``template`` goes to."""
    return template if template in TEMPLATE_VERSIONS else OTHER
