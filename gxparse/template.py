"""The annual-report template as data: sections, table rows and columns, their Chinese labels.

Everything the parser, the checks and the renderers know about the official format lives here, so the
Chinese vocabulary stays in one place and maps visibly onto the English keys of the JSON contract
(see shared/spec/template.md and report-json.md).

Anchors are regular expressions matched against *normalised, whitespace-free* label text
(``gxparse.normalize.label_key``): NFKC brackets are ASCII, so （一） is written ``\\(一\\)`` here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    numeral: str
    title: str
    anchors: tuple[str, ...]  # any of these, in a heading line, identifies the section


SECTIONS: tuple[Section, ...] = (
    Section("s1", "一", "总体情况", ("总体情况",)),
    Section("s2", "二", "主动公开政府信息情况", ("主动公开政府信息",)),
    Section("s3", "三", "收到和处理政府信息公开申请情况", ("收到和处理政府信息公开申请", "处理政府信息公开申请情况")),
    Section("s4", "四", "政府信息公开行政复议、行政诉讼情况", ("行政复议.{0,6}行政诉讼",)),
    Section("s5", "五", "存在的主要问题及改进情况", ("存在的?主要问题", "问题及改进")),
    Section("s6", "六", "其他需要报告的事项", ("其他需要报告",)),
)
SECTION_BY_KEY = {s.key: s for s in SECTIONS}
# The parts a narrative section is divided into (国办公开办函〔2021〕30号 sets 总体情况's five; 五 tells problems,
# then improvements), as its numbered sub-headings name them: printed where the section belongs, they show the
# section is there though its own heading is not.
SECTION_PARTS: dict[str, tuple[str, ...]] = {
    "s1": ("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"),
    "s5": ("存在的主要问题", "存在问题", "改进情况", "改进措施"),
}
# The sections told in prose, with no table: a document holding the tables alone lacks them by its nature.
PROSE_SECTIONS = frozenset({"s1", "s5", "s6"})
# Words of a title naming its document the statistics tables (…年度报告统计表, 附表, 统计数据): the tables published as
# a document of their own (an attachment, a platform's table export), the report's prose apart.
TABLES_TITLE_WORDS = ("统计表", "数据表", "附表", "统计数据")
# What the official title says after 〈agency〉〈year〉年.
REPORT_TITLE_TAIL = "政府信息公开工作年度报告"
# The line a table's continuation carries above it, brackets aside (（续表）, 续上表)
CONTINUED_TABLE = ("续表", "续上表")


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass(frozen=True)
class Row:
    key: str
    label: str                 # the label as printed in the official format
    anchor: str                # regex identifying the row in a normalised label
    group: str | None = None   # the rowspan group label to its left, if any


# ---------------------------------------------------------------------------------------------------
# Section 二: four (v2021) or five (v2019) small tables, one item per row.

@dataclass(frozen=True)
class Item:
    key: str
    label: str
    anchor: str
    columns: tuple[Column, ...]
    caption: str  # the 第二十条第（X）项 row above it
    money: frozenset[str] = frozenset()   # columns holding amounts (decimal strings), not counts
    signed: frozenset[str] = frozenset()  # columns where a negative number is legitimate


_DECISIONS = (Column("decisions", "本年处理决定数量"),)
_ISSUED_2021 = (Column("issued", "本年制发件数"), Column("repealed", "本年废止件数"),
                Column("in_force", "现行有效件数"))
_MADE_2019 = (Column("new_made", "本年新制作数量"), Column("new_published", "本年新公开数量"),
              Column("total_published", "对外公开总数量"))
_ITEMS_2019 = (Column("prev_items", "上一年项目数量"), Column("delta_items", "本年增/减"),
               Column("decisions", "处理决定数量"))

S2_ITEMS: dict[str, tuple[Item, ...]] = {
    "v2021": (
        Item("regulations", "规章", r"^规章", _ISSUED_2021, "第二十条第（一）项"),
        Item("normative_docs", "行政规范性文件", r"规范性文件", _ISSUED_2021, "第二十条第（一）项"),
        Item("licensing", "行政许可", r"^行政许可", _DECISIONS, "第二十条第（五）项"),
        Item("penalty", "行政处罚", r"^行政处罚", _DECISIONS, "第二十条第（六）项"),
        Item("coercion", "行政强制", r"^行政强制", _DECISIONS, "第二十条第（六）项"),
        Item("admin_fees", "行政事业性收费", r"^行政事业性收费",
             (Column("amount_wan_yuan", "本年收费金额（单位：万元）"),), "第二十条第（八）项",
             money=frozenset({"amount_wan_yuan"})),
    ),
    "v2019": (
        Item("regulations", "规章", r"^规章", _MADE_2019, "第二十条第（一）项"),
        Item("normative_docs", "规范性文件", r"规范性文件", _MADE_2019, "第二十条第（一）项"),
        Item("licensing", "行政许可", r"^行政许可", _ITEMS_2019, "第二十条第（五）项",
             signed=frozenset({"delta_items"})),
        Item("other_services", "其他对外管理服务事项", r"^其他对外管理服务事项", _ITEMS_2019,
             "第二十条第（五）项", signed=frozenset({"delta_items"})),
        Item("penalty", "行政处罚", r"^行政处罚", _ITEMS_2019, "第二十条第（六）项",
             signed=frozenset({"delta_items"})),
        Item("coercion", "行政强制", r"^行政强制", _ITEMS_2019, "第二十条第（六）项",
             signed=frozenset({"delta_items"})),
        Item("admin_fees", "行政事业性收费", r"^行政事业性收费", _ITEMS_2019[:2], "第二十条第（八）项",
             signed=frozenset({"delta_items"})),
        Item("central_procurement", "政府集中采购", r"^政府集中采购",
             (Column("projects", "采购项目数量"), Column("amount", "采购总金额")), "第二十条第（九）项",
             money=frozenset({"amount"})),
    ),
}

S2_CONTENT_HEADER = "信息内容"   # the header of the label column in every sub-table

# Labels printed in one template version only (RX.2), as label_key patterns: the column labels of table 二
# and its 2019-only items, and the three （六） rows of table 三 that only 2021 splits out. The single
# （六）其他处理 row is in neither list: 2021+ reports print it too.
TEMPLATE_MARKERS = {
    "v2021": ("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "本年处理决定数量", "逾期不补正",
              "逾期未按收费通知"),
    "v2019": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/?减",
              "其他对外管理服务事项", "第二十条第\\(九\\)项", "政府集中采购", "采购项目数量"),
}

# ---------------------------------------------------------------------------------------------------
# Section 三: one matrix, 7 columns.

S3_COLUMNS: tuple[Column, ...] = (
    Column("natural_person", "自然人"),
    Column("commercial_enterprise", "商业企业"),
    Column("research_institution", "科研机构"),
    Column("social_welfare_org", "社会公益组织"),
    Column("legal_service_org", "法律服务机构"),
    Column("other_org", "其他"),
    Column("total", "总计"),
)
S3_APPLICANT_COLUMNS = tuple(c for c in S3_COLUMNS if c.key != "total")
S3_CORNER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
S3_APPLICANT_HEADER = "申请人情况"       # spans the 7 columns
S3_ORG_HEADER = "法人或其他组织"          # spans the 5 organisation columns
S3_RESULTS_GROUP = "三、本年度办理结果"

_DENIED, _UNABLE, _NOT_PROCESSED, _OTHER = "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"

_S3_HEAD_ROWS = (
    Row("new_received", "一、本年新收政府信息公开申请数量", r"本年新收"),
    Row("carried_over", "二、上年结转政府信息公开申请数量", r"上年结转"),
    Row("result.granted", "（一）予以公开", r"[予子]以公开"),   # 子: Tesseract's misreading of 予 (子以公开 is no word)
    Row("result.partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", r"部分公开"),
    Row("result.denied.state_secret", "1.属于国家秘密", r"国家秘密", _DENIED),
    Row("result.denied.law_prohibited", "2.其他法律行政法规禁止公开", r"法规禁止公开", _DENIED),
    Row("result.denied.security_stability", "3.危及“三安全一稳定”", r"三安全一稳定", _DENIED),
    Row("result.denied.third_party", "4.保护第三方合法权益", r"第三方合法权益", _DENIED),
    Row("result.denied.internal_affairs", "5.属于三类内部事务信息", r"内部事务", _DENIED),
    Row("result.denied.process_info", "6.属于四类过程性信息", r"过程性信息", _DENIED),
    Row("result.denied.enforcement_file", "7.属于行政执法案卷", r"执法案卷", _DENIED),
    Row("result.denied.admin_query", "8.属于行政查询事项", r"行政查询", _DENIED),
    Row("result.unable.not_held", "1.本机关不掌握相关政府信息", r"不掌握", _UNABLE),
    Row("result.unable.needs_creation", "2.没有现成信息需要另行制作", r"另行制作", _UNABLE),
    Row("result.unable.unclear", "3.补正后申请内容仍不明确", r"仍不明确", _UNABLE),
    Row("result.not_processed.petition", "1.信访举报投诉类申请", r"信访举报投诉", _NOT_PROCESSED),
    Row("result.not_processed.duplicate", "2.重复申请", r"(?<!反)重复申请", _NOT_PROCESSED),
    Row("result.not_processed.publication", "3.要求提供公开出版物", r"公开出版物", _NOT_PROCESSED),
    Row("result.not_processed.excessive", "4.无正当理由大量反复申请", r"大量反复申请", _NOT_PROCESSED),
    Row("result.not_processed.reconfirm", "5.要求行政机关确认或重新出具已获取信息", r"重新出具", _NOT_PROCESSED),
)
_S3_OTHER_2021 = (
    Row("result.other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        r"逾期不补正", _OTHER),
    Row("result.other.fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        r"缴纳费用", _OTHER),
    Row("result.other.other", "3.其他", r"(?:^|[^\d])3\.?其他$|^其他$", _OTHER),
)
_S3_OTHER_2019 = (Row("result.other", "（六）其他处理", r"其他处理$"),)
_S3_TAIL_ROWS = (
    Row("result.total", "（七）总计", r"(?:\(七\))总计$|^总计$"),
    Row("carry_forward", "四、结转下年度继续办理", r"结转下年度"),
)

S3_ROWS: dict[str, tuple[Row, ...]] = {
    "v2021": _S3_HEAD_ROWS + _S3_OTHER_2021 + _S3_TAIL_ROWS,
    "v2019": _S3_HEAD_ROWS + _S3_OTHER_2019 + _S3_TAIL_ROWS,
}
# Every row a label can name, whichever the version; the parser decides the layout from what it finds.
S3_ALL_ROWS: tuple[Row, ...] = _S3_HEAD_ROWS + _S3_OTHER_2021 + _S3_OTHER_2019 + _S3_TAIL_ROWS
S3_ROW_BY_KEY = {r.key: r for r in S3_ALL_ROWS}
S3_OTHER_SPLIT = tuple(r.key for r in _S3_OTHER_2021)
S3_OTHER_SINGLE = "result.other"

# Labels printed in table 三 that name no row: its group labels and headers.
S3_NAMELESS_LABELS = (S3_RESULTS_GROUP, _DENIED, _UNABLE, _NOT_PROCESSED, _OTHER, S3_APPLICANT_HEADER,
                      S3_ORG_HEADER, S3_CORNER_NOTE, *(c.label for c in S3_COLUMNS))

# Result rows summed by R3.2; （六） is either split in three or a single row.
S3_RESULT_PREFIX = "result."
S3_RESULT_TOTAL = "result.total"

# Outcome groups as the prose names them (总体情况 often says "不予公开27件").
S3_GROUPS = {
    "result.denied": _DENIED,
    "result.unable": _UNABLE,
    "result.not_processed": _NOT_PROCESSED,
    "result.other": _OTHER,
}

# ---------------------------------------------------------------------------------------------------
# Section 四: one data row, 3 blocks of 5 columns, always in this order.

S4_BLOCKS: tuple[Column, ...] = (
    Column("review", "行政复议"),
    Column("litigation_direct", "未经复议直接起诉"),
    Column("litigation_after_review", "复议后起诉"),
)
S4_COLUMNS: tuple[Column, ...] = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
S4_WIDTH = len(S4_BLOCKS) * len(S4_COLUMNS)
# Table 四's result columns as a row label names them where the table runs down the page, a row per cell: the
# template's word or the short word agencies print (维持, 纠正, 其他, 未审结, 合计).
S4_COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "upheld": ("结果维持", "维持"), "corrected": ("结果纠正", "纠正"), "other": ("其他结果", "其他"),
    "pending": ("尚未审结", "未审结"), "total": ("总计", "合计"),
}
# Table 四 printed a block per row — 行政复议 / 行政诉讼（未经复议直接起诉）/ 行政诉讼（复议后起诉）, each with the five
# result columns — as some sites lay it out instead of the template's one row of 15. Tried in this order
# (复议后起诉 names 复议 too).
S4_BLOCK_ROW_LABELS: tuple[tuple[str, str], ...] = (
    ("litigation_after_review", r"复议后"),
    ("litigation_direct", r"未经复议|直接(?:起诉|诉讼)"),
    ("review", r"^(?:\d+[.、]?)?行政复议(?:情况|案件)?(?:数量|件数)?$"),
)
S4_LITIGATION_HEADER = "行政诉讼"   # spans the two litigation blocks

# Column-header words that only a table's own header prints: lines of them where a section belongs show that its
# table is printed there, even where its heading is not (gxparse.gaps).
TABLE_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "s3": (S3_APPLICANT_HEADER, S3_ORG_HEADER, *(c.label for c in S3_APPLICANT_COLUMNS if c.key != "other_org")),
    "s4": (S4_LITIGATION_HEADER, *(b.label for b in S4_BLOCKS if b.key != "review"),
           *(c.label for c in S4_COLUMNS if c.key != "total")),
}

TEMPLATES = ("v2021", "v2019", "legacy", "unknown")

# Every label of the tables' header rows and captions (not of their data rows).
HEADER_LABELS: tuple[str, ...] = (
    S2_CONTENT_HEADER, *{item.caption for items in S2_ITEMS.values() for item in items},
    *{c.label for items in S2_ITEMS.values() for item in items for c in item.columns},
    S3_CORNER_NOTE, S3_APPLICANT_HEADER, S3_ORG_HEADER, *(c.label for c in S3_COLUMNS),
    S4_LITIGATION_HEADER, *(b.label for b in S4_BLOCKS), *(c.label for c in S4_COLUMNS),
)

# The headers of the value columns, each over one column of figures (a converter's cell holding several of them
# side by side is several columns: gxparse.readers.mergedcolumns).
COLUMN_LABELS: tuple[str, ...] = (
    *dict.fromkeys(c.label for items in S2_ITEMS.values() for item in items for c in item.columns),
    *(c.label for c in S3_COLUMNS), *(c.label for c in S4_COLUMNS),
)


def expected_template(year: int) -> str | None:
    """The format a report for ``year`` must use (RX.2); None where the rule says nothing."""
    if year >= 2021:
        return "v2021"
    if year in (2019, 2020):
        return "v2019"
    return None


def column_label(table: str, column: str) -> str:
    """The Chinese label of a column key, for messages."""
    columns = {"s3": S3_COLUMNS, "s4": S4_COLUMNS}.get(table, ())
    for c in columns:
        if c.key == column:
            return c.label
    for items in S2_ITEMS.values():
        for item in items:
            for c in item.columns:
                if c.key == column:
                    return c.label
    return column


def s3_row_cells(row_key: str) -> list[str]:
    """The cell paths of table 三's row ``row_key``, one a column: the cells a finding about the whole row names."""
    return [f"s3.{row_key}.{c.key}" for c in S3_COLUMNS]


def s3_row_label(row_key: str) -> str:
    row = S3_ROW_BY_KEY[row_key]
    return f"{row.group}{row.label}" if row.group else row.label


def s4_block_label(block: str) -> str:
    return next(b.label for b in S4_BLOCKS if b.key == block)


def row_label(table: str, row: str) -> str | None:
    """The template's label of a row of table ``s2``, ``s3`` or ``s4`` (a block of 四); None for a key the
    template does not have."""
    if table == "s3":
        return s3_row_label(row) if row in S3_ROW_BY_KEY else None
    if table == "s4":
        return next((b.label for b in S4_BLOCKS if b.key == row), None)
    return next((item.label for items in S2_ITEMS.values() for item in items if item.key == row), None)
