"""Chinese labels for cell paths, change kinds and finding rules, for mails, pages and tables read by people.

Rules are the ids of shared/spec/report-json.md and docs/gxparse.md ("Rule ids added") and the archive's own
checks (monitor.archive.checks); each has a short Chinese name and one line saying what it means.
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler.coverage import CHALLENGE_REFUSED, ROBOTS_REFUSED
from gxparse.template import S2_ITEMS, S3_ROW_BY_KEY, S4_BLOCKS, column_label, s3_row_label

TABLE_NAMES = {"s2": "表二", "s3": "表三", "s4": "表四"}
SECTION_NAMES = {"s1": "一、总体情况", "s5": "五、存在的主要问题及改进情况", "s6": "六、其他需要报告的事项"}
CHANGE_NAMES = {
    "new_report": "新报告", "figures_changed": "数字修改", "text_changed": "文字修改",
    "attachment_replaced": "附件替换", "withdrawn": "撤回", "moved": "迁移", "reappeared": "重新出现",
}
META_NAMES = {"title": "标题", "agency": "机构", "year": "年度", "template": "模板"}
RUN_STATUS_NAMES = {"running": "进行中", "ok": "完成", "failed": "失败", "empty": "未找到报告", "interrupted": "中断"}
# why a crawl could not read a sub-site (crawler.coverage.SubsiteCoverage.refused)
REFUSAL_NAMES = {ROBOTS_REFUSED: "robots.txt 禁止抓取", CHALLENGE_REFUSED: "反爬虫脚本验证，无法通过"}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
STATUS_NAMES = {"active": "在线", "withdrawn": "已撤回", "missing": "未发布"}
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


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    explanation: str


RULES = {r.code: r for r in (
    Rule("s3.row_sum", "表三行合计不符", "表三某一行六类申请人之和不等于该行总计。"),
    Rule("s3.balance", "表三收结不平衡", "表三某一列：本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度继续办理。"),
    Rule("s3.results_sum", "表三办理结果合计不符", "表三某一列各项办理结果之和不等于（七）总计。"),
    Rule("total.not_filled", "总计未填", "合计栏印为空白，而各项之和不为零：总计是未填写，不是0；不据此认定勾稽关系不符。"),
    Rule("s3.column_not_filled", "表三整列未填", "表三某一列办理结果全部空白，而（七）总计不为零：空白不是零。"),
    Rule("s4.block_sum", "表四合计不符", "表四某一栏：维持 + 纠正 + 其他结果 + 尚未审结 ≠ 总计。"),
    Rule("value.invalid", "数值无效", "应填件数的单元格出现负数、小数或非数字。"),
    Rule("section.missing", "缺少部分", "报告缺少六个部分之一，或缺少表二、表三、表四之一。"),
    Rule("section.not_found", "未找到部分", "未找到某部分的标题，但没有证据表明报告缺少该部分（可能在文档截断处之后）。"),
    Rule("section.heading_missing", "缺少部分标题", "读到了表格，但其所在部分的标题缺失。"),
    Rule("title.ambiguous", "标题无法确定", "标题处有多个不同报告的标题（如网页列出的其他年度报告），页面标题和统计期限都不能确定本报告是哪一个：未读取标题。"),
    Rule("table.unread", "表格无法读取", "找到了部分标题，但其表格无法读取（图片、附件或无法识别的版式）。"),
    Rule("cell.missing", "缺少单元格", "表格中缺少模板规定的某一行或某一格。"),
    Rule("cell.unread", "单元格无法读取", "表格已读取，但部分单元格的数字无法确定位置或无法读取。"),
    Rule("cell.blank", "空白按零计", "空白单元格按 0 读取。"),
    Rule("template.mismatch", "模板不符", "报告年度应使用的模板（2021年起为新版，2019–2020年为旧版）与表格所用不符。"),
    Rule("row.repaired", "行已校正", "某行单元格过多或过少，已重新对齐。"),
    Rule("cell.placed_by_sum", "按勾稽关系定位", "某行印出的数字少于列数（空白按0读取），各数所在的列由表内勾稽关系唯一确定，已无法再由合计检验。"),
    Rule("cell.solved_by_sum", "按勾稽关系求得", "逐格抽取的文字顺序无法确定某些行，其数字由表内勾稽关系唯一求得，已无法再由合计检验。"),
    Rule("cell.marks_read", "带字母或横线的数字", "单元格中的数字印有字母（O作0、l或I作1）或数字前印有横线，按表内勾稽关系唯一读出，请对照原件核对。"),
    Rule("row.by_position", "按位置识别的行", "某行的标签无法识别，按其在表中的位置读取。"),
    Rule("cell.columns_by_position", "按列序读取的列", "表格逐页逐列输出，各列数字的先后未由列名印证，按模板的列序（或勾稽关系唯一允许的列序）读取，请对照原件核对。"),
    Rule("label.fuzzy", "近似标签", "表三某行标签与模板不完全一致，按最接近的模板标签读取。"),
    Rule("label.untried", "未作近似比对", "表三的文字行过多，超出近似比对上限的行未与模板行名近似比对，其中行名有错字的行未能读取。"),
    Rule("narrative.mismatch", "正文与表格不符", "正文中写明的数字与表格中的数字不一致。"),
    Rule("narrative.sum", "正文合计不符", "正文中写明的总数不等于其列出的各分项之和。"),
    Rule("narrative.rate", "正文比率不符", "正文中写明的比率与其分子、分母不符。"),
    Rule("narrative.balance", "正文收结不平衡", "正文自相矛盾：受理 + 上年结转 ≠ 办结 + 结转下年度。"),
    Rule("fees.unit", "收费单位可疑", "收费金额看起来以元而不是万元填写。"),
    Rule("yoy.carry", "上年结转不一致", "本年“上年结转”与上一年报告的“结转下年度继续办理”不一致。"),
    Rule("yoy.in_force", "现行有效件数不连续", "现行有效件数不等于上年数加本年制发减本年废止。"),
    Rule("publication.late", "发布逾期", "报告发布晚于法定期限（部门1月31日前，本级人民政府3月31日前）。"),
    Rule("text.near_duplicate", "与上年文字雷同", "正文与同一机构上一年的报告几乎相同。"),
    Rule("report.overdue", "逾期未发布", "重点关注的机构在期限过后仍未发布上一年度报告。"),
    Rule("read.hidden_text", "读取了隐藏文字", "文档中不显示的文字（Word 隐藏文字、网页中由脚本显示的隐藏区块）已作为报告内容读取。"),
    Rule("read.hidden_draft", "隐藏草稿未读取", "网页中隐藏的区块与页面显示的内容相同，视为草稿，未读取其中的数字。"),
    Rule("cell.display_mismatch", "显示值与存储值不符", "Excel 另存为网页的单元格：显示的数字与存储的数值（x:num）不符，此格未读取。"),
    Rule("read.ocr_out_of_time", "扫描页未读完", "文件读取时间用尽，部分扫描页未经识别，其中的内容未知（不是报告缺少）。"),
    Rule("read.layers_unjudged", "图层显示条件未判断", "PDF 较后页面的图层显示条件未判断，其文字按显示读取；若其中有默认隐藏的图层，其文字也已读入。"),
    Rule("ocr.low_confidence", "识别结果存疑", "扫描件识别出的数字未通过勾稽校验，可能识别有误，请核对原件。"),
    Rule("document.unreadable", "文档无法读取", "文档无法打开或无法解析。"),
)}


def rule_name(code: str) -> str:
    """``s3.balance`` → ``表三收结不平衡`` (an unknown rule keeps its code)."""
    rule = RULES.get(code)
    return rule.name if rule else code


def rule_explanation(code: str) -> str:
    rule = RULES.get(code)
    return rule.explanation if rule else ""
