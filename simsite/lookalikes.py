"""Documents that look like annual disclosure reports and are not, as data for the site families.

Each kind says how its title is worded, when it is published relative to the year it is about, which levels
of government publish it, and what its page says. Families pick their own kinds and proportions.
Placeholders: {agency} (full name), {place} (a government's name without 人民政府), {year}, {next}, {cn_year}.
"""

from __future__ import annotations

from dataclasses import dataclass

ALL_LEVELS = ("city", "county", "department", "town")
GOVERNMENTS = ("city", "county")


@dataclass(frozen=True)
class LookalikeKind:
    key: str
    title: str
    year_offset: int                 # published in year + year_offset …
    months: tuple[int, int]          # … in a month of this range
    prose: tuple[str, ...]
    levels: tuple[str, ...] = ALL_LEVELS


KINDS = {kind.key: kind for kind in (
    LookalikeKind("yaodian", "{agency}{year}年政务公开工作要点", 0, (3, 5), (
        "为深入推进{year}年政务公开工作，{agency}制定本工作要点。",
        "一、加强政策解读和回应关切。二、做好重点领域信息公开。三、强化政务公开平台建设。")),
    LookalikeKind("gongzuobaogao", "{next}年{place}政府工作报告", 1, (1, 2), (
        "{next}年1月在{place}第十七届人民代表大会第三次会议上。",
        "一、{year}年工作回顾。过去一年，全市经济运行稳中有进。二、{next}年工作安排。"), GOVERNMENTS),
    LookalikeKind("fazhi", "{agency}{year}年法治政府建设年度报告", 1, (1, 3), (
        "{year}年，{agency}深入学习贯彻习近平法治思想，全面推进依法行政。",
        "一、主要举措和成效。二、存在的不足和原因。三、下一年度工作安排。")),
    LookalikeKind("qiye", "关于做好{year}年度市场主体年报公示工作的通知", 1, (1, 2), (
        "各市场主体：根据《企业信息公示暂行条例》，请于{next}年6月30日前通过国家企业信用信息公示系统报送{year}年度年报。",),
        ("department",)),
    LookalikeKind("tongji", "关于做好{year}年统计年报和{next}年定期统计报表布置工作的通知", 0, (11, 12), (
        "各有关单位：为做好{year}年统计年报工作，现将有关事项通知如下。", "一、报送范围。二、报送时间。"),
        ("department", "county")),
    LookalikeKind("jiedu", "《{agency}{year}年政府信息公开工作年度报告》解读", 1, (1, 3), (
        "近日，{agency}发布了{year}年政府信息公开工作年度报告。现就报告的主要内容解读如下。",
        "报告全面回顾了一年来主动公开、依申请公开、政府信息管理等方面的工作。")),
    LookalikeKind("tujie", "图解：{agency}{year}年政府信息公开工作年度报告", 1, (1, 3), (
        "一图读懂{agency}{year}年政府信息公开工作年度报告。",)),
    LookalikeKind("tongzhi", "关于做好{year}年度政府信息公开工作年度报告编制发布工作的通知", 0, (12, 12), (
        "各有关单位：根据《中华人民共和国政府信息公开条例》规定，现就做好{year}年度政府信息公开工作年度报告编制发布工作通知如下。",
        "各单位应于{next}年1月31日前在本单位政府信息公开专栏发布年度报告。"), GOVERNMENTS),
    LookalikeKind("draft", "{agency}{year}年政府信息公开工作年度报告（征求意见稿）", 1, (1, 1), (
        "现将《{agency}{year}年政府信息公开工作年度报告（征求意见稿）》公开征求意见，征求意见时间为7天。",
        "意见和建议请发送至本机关办公室电子邮箱。")),
    LookalikeKind("baobiao", "{agency}{year}年政府网站工作年度报表", 1, (1, 1), (
        "{agency}{year}年政府网站工作年度报表。", "网站名称、首页网址、主办单位、信息发布总数等情况。")),
    LookalikeKind("juesuan", "{agency}{year}年部门决算", 1, (7, 9), (
        "{agency}{year}年度部门决算公开说明。", "一、部门基本情况。二、收入支出决算总体情况。"), ("department",)),
    LookalikeKind("zongjie", "{agency}{year}年工作总结和{next}年工作计划", 1, (1, 2), (
        "{year}年，{agency}在市委、市政府的坚强领导下，各项工作取得新成效。", "一、{year}年工作总结。二、{next}年工作计划。"),
        ("department", "county")),
)}


def fill(template: str, agency: str, year: int, cn_year: str) -> str:
    return template.format(agency=agency, place=agency.removesuffix("人民政府"), year=year, next=year + 1,
                           cn_year=cn_year)
