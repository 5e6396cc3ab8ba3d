"""Chinese labels for cell paths and change kinds, for mails and tables read by people."""

from __future__ import annotations

from gxparse.template import S2_ITEMS, S3_ROW_BY_KEY, S4_BLOCKS, column_label, s3_row_label

TABLE_NAMES = {"s2": "表二", "s3": "表三", "s4": "表四"}
SECTION_NAMES = {"s1": "一、总体情况", "s5": "五、存在的主要问题及改进情况", "s6": "六、其他需要报告的事项"}
CHANGE_NAMES = {
    "new_report": "新报告", "figures_changed": "数字修改", "text_changed": "文字修改",
    "attachment_replaced": "附件替换", "withdrawn": "撤回", "moved": "迁移", "reappeared": "重新出现",
}
_S2_LABELS = {item.key: item.label for items in S2_ITEMS.values() for item in items}
_S4_LABELS = {block.key: block.label for block in S4_BLOCKS}


def cell_label(path: str) -> str:
    """``s3.new_received.natural_person`` → ``表三 一、本年新收政府信息公开申请数量 / 自然人``."""
    table, _, rest = path.partition(".")
    row, _, column = rest.rpartition(".")
    if table == "s3" and row in S3_ROW_BY_KEY:
        row_label = s3_row_label(row)
    elif table == "s2":
        row_label = _S2_LABELS.get(row, row)
    elif table == "s4":
        row_label = _S4_LABELS.get(row, row)
    else:
        return path
    return f"{TABLE_NAMES[table]} {row_label} / {column_label(table, column)}"
