"""Report figures for the simulated site: deterministic, and consistent with every rule of template.md §5.

An agency's reports are generated as a series (2019 → 2024) so the year-over-year rules hold as well:
上年结转 equals last year's 结转下年度 (R3.6), 现行有效件数 follows from 制发 and 废止 (R2.1, R2.2), and v2019
item counts carry forward (R2.3). Within a report the table-三 arithmetic (R3.1–R3.4) and the table-四 block
sums (R4.1) hold by construction, and the prose quotes the table's figures (RX.1).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from gxparse.template import S3_APPLICANT_COLUMNS, S3_ROWS, S4_BLOCKS, expected_template

YEARS = tuple(range(2019, 2025))

# How busy an agency is, by level: (typical new applications per year, typical licensing decisions).
_SCALE = {"city": (400, 5000), "county": (80, 1500), "department": (40, 800), "town": (4, 40)}
# Share of applications from each applicant column (natural persons dominate in every real report).
_APPLICANT_WEIGHTS = {"natural_person": 0.85, "commercial_enterprise": 0.08, "research_institution": 0.01,
                      "social_welfare_org": 0.01, "legal_service_org": 0.04, "other_org": 0.01}
# Share of concluded applications in each result row; rows absent here get a rare 0/1.
_RESULT_WEIGHTS = {"result.granted": 0.55, "result.partial": 0.08, "result.unable.not_held": 0.18,
                   "result.unable.needs_creation": 0.03, "result.unable.unclear": 0.03,
                   "result.not_processed.petition": 0.03, "result.not_processed.duplicate": 0.03,
                   "result.denied.process_info": 0.02, "result.denied.third_party": 0.02}


@dataclass(frozen=True)
class Agency:
    """Who publishes a report: ``level`` sets the scale of its figures and its legal deadline."""

    id: str
    name: str
    level: str  # city | county | department | town


def report_series(agency: Agency, seed: str | int) -> dict[int, dict]:
    """Every year's report of one agency, as report dicts (the JSON shape of report-json.md plus prose)."""
    rng = random.Random(f"{seed}/{agency.id}")
    state = _State.initial(rng, agency.level)
    series = {}
    for year in YEARS:
        template = expected_template(year)
        s3 = _s3(rng, agency.level, template, state.carry)
        s2 = _s2(rng, agency.level, template, state)
        s4 = _s4(rng, agency.level)
        state.carry = {c.key: s3["carry_forward"][c.key] for c in S3_APPLICANT_COLUMNS}
        title = f"{agency.name}{year}年政府信息公开工作年度报告"
        series[year] = {
            "title": title, "agency": agency.name, "year": year, "template": template,
            "s1_text": _s1_text(rng, agency.name, year, s3, s4), "s2": s2, "s3": s3, "s4": s4,
            "s5_text": _pick(rng, _S5_TEXTS).format(year=year, next=year + 1),
            "s6_text": _pick(rng, _S6_TEXTS).format(year=year),
        }
    return series


def revise(report: dict, revision: int) -> dict:
    """The report as republished after a correction: figures move between result rows, table 二 and the prose
    change. Totals and carry-overs stay, so every rule still holds, including the year-over-year ones."""
    rng = random.Random(f"revise/{report['title']}/{revision}")
    s3 = {k: dict(v) for k, v in report["s3"].items()}
    s2 = {k: dict(v) for k, v in report["s2"].items()}
    moved = min(s3["result.granted"]["natural_person"], rng.randint(1, 3))
    shifts = ((("result.granted", -moved), ("result.partial", moved)) if moved
              # nothing granted to move: one more application received and granted instead
              else (("result.granted", 1), ("new_received", 1)))
    for row, delta in shifts:
        s3[row]["natural_person"] += delta
        s3[row]["total"] += delta
    s2["licensing"]["decisions"] += rng.randint(1, 9)
    s1_text = _s1_text(rng, report["agency"], report["year"], s3, report["s4"])
    return {**report, "s1_text": s1_text, "s2": s2, "s3": s3}


class _State:
    """What a report inherits from the previous year of the same agency."""

    def __init__(self, carry: dict[str, int], in_force: dict[str, int], published: dict[str, int],
                 items: dict[str, int]):
        self.carry, self.in_force, self.published, self.items = carry, in_force, published, items

    @classmethod
    def initial(cls, rng: random.Random, level: str) -> _State:
        base = _SCALE[level][0]
        carry = {c.key: _around(rng, base * 0.05 * _APPLICANT_WEIGHTS[c.key]) for c in S3_APPLICANT_COLUMNS}
        in_force = {"regulations": rng.randint(20, 60) if level == "city" else 0,
                    "normative_docs": rng.randint(10, 120)}
        published = {"regulations": in_force["regulations"], "normative_docs": in_force["normative_docs"]}
        items = {k: rng.randint(0, 80) for k in ("licensing", "other_services", "penalty", "coercion",
                                                  "admin_fees")}
        return cls(carry, in_force, published, items)


def _around(rng: random.Random, mean: float) -> int:
    """A small non-negative integer near ``mean`` (often 0 when the mean is below 1)."""
    if mean < 1:
        return 1 if rng.random() < mean else 0
    return max(0, int(rng.gauss(mean, mean / 3)))


def _pick(rng: random.Random, options: tuple[str, ...]) -> str:
    return options[rng.randrange(len(options))]


def _s3(rng: random.Random, level: str, template: str, carried: dict[str, int]) -> dict:
    rows = [r.key for r in S3_ROWS[template]]
    results = [k for k in rows if k.startswith("result.") and k != "result.total"]
    base = _SCALE[level][0] * rng.uniform(0.6, 1.4)
    s3: dict[str, dict[str, int]] = {k: {} for k in rows}
    for column in S3_APPLICANT_COLUMNS:
        share = base * _APPLICANT_WEIGHTS[column.key]
        for key in results:
            s3[key][column.key] = _around(rng, share * _RESULT_WEIGHTS.get(key, 0.004))
        concluded = sum(s3[k][column.key] for k in results)
        forward = _around(rng, share * 0.05)
        new = concluded + forward - carried[column.key]
        if new < 0:  # more carried in than concluded: conclude the excess as granted
            s3["result.granted"][column.key] -= new
            concluded -= new
            new = 0
        s3["result.total"][column.key] = concluded
        s3["carry_forward"][column.key] = forward
        s3["carried_over"][column.key] = carried[column.key]
        s3["new_received"][column.key] = new
    for key in rows:
        s3[key]["total"] = sum(s3[key][c.key] for c in S3_APPLICANT_COLUMNS)
    return s3


def _s2(rng: random.Random, level: str, template: str, state: _State) -> dict:
    decisions = _SCALE[level][1]
    s2: dict[str, dict] = {}
    if template == "v2021":
        for key in ("regulations", "normative_docs"):
            issued = rng.randint(0, 3) if key == "regulations" and level == "city" else (
                0 if key == "regulations" else rng.randint(0, 15))
            repealed = rng.randint(0, min(state.in_force[key] + issued, 6))
            state.in_force[key] += issued - repealed
            s2[key] = {"issued": issued, "repealed": repealed, "in_force": state.in_force[key]}
        for key, share in (("licensing", 1.0), ("penalty", 0.3), ("coercion", 0.05)):
            s2[key] = {"decisions": _around(rng, decisions * share)}
        s2["admin_fees"] = {"amount_wan_yuan": _fee(rng, level)}
        return s2
    for key in ("regulations", "normative_docs"):
        made = rng.randint(0, 3) if key == "regulations" and level == "city" else (
            0 if key == "regulations" else rng.randint(0, 15))
        state.published[key] += made
        state.in_force[key] += made
        s2[key] = {"new_made": made, "new_published": made, "total_published": state.published[key]}
    for key, share in (("licensing", 1.0), ("other_services", 0.5), ("penalty", 0.3), ("coercion", 0.05),
                       ("admin_fees", None)):
        prev = state.items[key]
        delta = rng.randint(-min(prev, 5), 5)
        state.items[key] = prev + delta
        s2[key] = {"prev_items": prev, "delta_items": delta}
        if share is not None:
            s2[key]["decisions"] = _around(rng, decisions * share)
    projects = rng.randint(0, 30)
    s2["central_procurement"] = {"projects": projects,
                                 "amount": f"{projects * rng.randint(5, 200) / 10:.2f}" if projects else "0"}
    return s2


def _fee(rng: random.Random, level: str) -> str:
    if level == "town" or rng.random() < 0.3:
        return "0"
    return f"{rng.randint(1, 5_000_000) / 10_000:.4f}"


def _s4(rng: random.Random, level: str) -> dict:
    mean = {"city": 4, "county": 2, "department": 1, "town": 0.2}[level]
    s4 = {}
    for block in S4_BLOCKS:
        cells = {k: _around(rng, mean * w) for k, w in
                 (("upheld", 0.6), ("corrected", 0.2), ("other", 0.15), ("pending", 0.1))}
        s4[block.key] = {**cells, "total": sum(cells.values())}
    return s4


# ---------------------------------------------------------------------------------------------------
# Prose. Sentences vary by agency and year so two years of one agency are not near-duplicates (RX.5).

_S1_OPENINGS = (
    "{year}年，{agency}深入贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。",
    "{year}年，{agency}认真落实上级关于政务公开工作的部署，围绕中心工作完善公开制度，政府信息公开工作平稳有序。",
    "{year}年度，{agency}把政府信息公开作为转变职能、建设法治政府的重要抓手，健全工作机制，提升公开质量。",
    "本年度，{agency}按照市委、市政府工作要求，以群众需求为导向，加强政策解读和回应关切，公开实效进一步提升。",
)
_S1_ACTIVE = (
    "（一）主动公开\n\n全年通过门户网站主动公开政府信息{pages}条，发布政策解读{readings}篇，及时回应社会关切。",
    "（一）主动公开\n\n本年度在政府信息公开专栏发布各类信息{pages}条，其中政策文件解读{readings}篇，重点领域信息按时更新。",
    "（一）主动公开\n\n围绕重点领域持续做好主动公开，全年累计公开信息{pages}条，制作图文解读{readings}件。",
)
_S1_REQUESTS = (
    "（二）依申请公开\n\n全年共收到政府信息公开申请{new}件，上年结转{carried}件，办结{done}件，结转下年度继续办理{forward}件。",
    "（二）依申请公开\n\n本年度新收政府信息公开申请{new}件，另有上年结转申请{carried}件；已办结{done}件，{forward}件结转下年度继续办理。",
)
_S1_OUTCOMES = (
    "在办结的申请中，予以公开{granted}件，部分公开{partial}件，不予公开{denied}件，无法提供{unable}件，不予处理{not_processed}件，其他处理{other}件。",
    "办理结果为：予以公开{granted}件，部分公开{partial}件，不予公开{denied}件，无法提供{unable}件，不予处理{not_processed}件，其他处理{other}件。",
)
_S1_LITIGATION = (
    "全年因政府信息公开工作被申请行政复议{review}件，被提起行政诉讼{litigation}件。",
    "本年度发生政府信息公开行政复议案件{review}件、行政诉讼案件{litigation}件。",
)
_S1_TAIL = (
    "（三）政府信息管理\n\n严格落实信息发布审查制度，对拟公开信息进行保密审查，定期清理规范性文件。\n\n（四）平台建设\n\n优化政府网站政府信息公开专栏栏目设置，完善检索功能，提升用户体验。\n\n（五）监督保障\n\n将政务公开纳入年度绩效考核，开展业务培训{trainings}次，未发生责任追究情况。",
    "（三）政府信息管理\n\n规范公文公开属性源头认定，动态更新政府信息公开目录。\n\n（四）平台建设\n\n推进政务新媒体规范化建设，做好网站与新媒体协同发布。\n\n（五）监督保障\n\n主动接受社会评议，组织专题培训{trainings}次，全年未发生因信息公开引发的责任追究。",
    "（三）政府信息管理\n\n建立信息公开台账，落实“先审查、后公开”和“一事一审”制度。\n\n（四）平台建设\n\n整合专题专栏，完善依申请公开在线办理渠道。\n\n（五）监督保障\n\n开展政务公开工作自查{trainings}次，对发现的问题限期整改。",
)
_S5_TEXTS = (
    "{year}年政府信息公开工作取得一定成效，但仍存在政策解读形式较为单一、基层公开标准化水平有待提高等问题。\n\n{next}年将丰富解读形式，加强业务培训，推进基层政务公开标准化规范化。",
    "存在的主要问题：部分栏目信息更新不够及时，依申请公开答复规范化程度有待提升。\n\n改进措施：建立栏目更新提醒机制，完善答复文书模板，{next}年开展专项检查。",
    "一是公开内容的深度和广度仍需拓展；二是工作人员业务能力有待加强。\n\n下一步，将聚焦群众关切扩大公开范围，加强专业培训，提升{next}年政务公开工作水平。",
)
_S6_TEXTS = (
    "无。",
    "本机关{year}年度未收取信息处理费。",
    "{year}年度本机关未依据《政府信息公开信息处理费管理办法》收取信息处理费。无其他需要报告的事项。",
)


def _s1_text(rng: random.Random, agency: str, year: int, s3: dict, s4: dict) -> str:
    group = lambda prefix: sum(v["total"] for k, v in s3.items() if k.startswith(prefix))  # noqa: E731
    figures = {
        "agency": agency, "year": year,
        "pages": rng.randint(50, 5000), "readings": rng.randint(2, 80), "trainings": rng.randint(1, 12),
        "new": s3["new_received"]["total"], "carried": s3["carried_over"]["total"],
        "done": s3["result.total"]["total"], "forward": s3["carry_forward"]["total"],
        "granted": s3["result.granted"]["total"], "partial": s3["result.partial"]["total"],
        "denied": group("result.denied."), "unable": group("result.unable."),
        "not_processed": group("result.not_processed."), "other": group("result.other"),
        "review": s4["review"]["total"],
        "litigation": s4["litigation_direct"]["total"] + s4["litigation_after_review"]["total"],
    }
    parts = (_S1_OPENINGS, _S1_ACTIVE, _S1_REQUESTS, _S1_OUTCOMES, _S1_LITIGATION, _S1_TAIL)
    paragraphs = [_pick(rng, options).format(**figures) for options in parts]
    # The outcome and litigation sentences belong to the （二） paragraph they follow.
    paragraphs[2:5] = ["".join(paragraphs[2:5])]
    return "\n\n".join(paragraphs)
