"""Names of the fictional city, its departments, counties, county departments and towns (data only)."""

from __future__ import annotations

from dataclasses import dataclass

PROVINCE = "江南省"
CITY = "临江市"
CITY_GOVERNMENT = f"{CITY}人民政府"

# Departments with their own sub-site: (path id, name without the city prefix).
DEPARTMENTS = (
    ("fgw", "发展和改革委员会"), ("jyj", "教育局"), ("mzj", "民政局"), ("czj", "财政局"),
    ("sthjj", "生态环境局"), ("zjj", "住房和城乡建设局"), ("tjj", "统计局"), ("sjj", "审计局"),
    ("wjw", "卫生健康委员会"), ("jtj", "交通运输局"), ("slj", "水利局"), ("nyj", "农业农村局"),
    ("swj", "商务局"), ("whj", "文化广电和旅游局"), ("yjj", "应急管理局"), ("scj", "市场监督管理局"),
)
# Departments without a sub-site: their reports sit in the city's own column.
CITY_HOSTED = (("daj", "档案局"), ("xfj", "信访局"), ("ybj", "医疗保障局"), ("rsj", "人力资源和社会保障局"))

COUNTY_SYLLABLES_A = "西东南北青白石龙云金"
COUNTY_SYLLABLES_B = "山湖屏川河阳城溪岭安"
COUNTY_KIND = ("县", "区")

COUNTY_DEPARTMENTS = (
    "教育局", "民政局", "财政局", "自然资源局", "农业农村局", "卫生健康局", "市场监督管理局", "应急管理局",
    "司法局", "水利局", "交通运输局", "住房和城乡建设局", "人力资源和社会保障局", "文化和旅游局", "统计局",
    "审计局", "林业局", "商务局", "退役军人事务局", "医疗保障局",
)
TOWNS = (
    "城关镇", "城南街道", "城北街道", "青山镇", "白沙镇", "石桥镇", "马坪镇", "柳林乡", "新集镇", "龙泉镇",
    "桃园镇", "双河镇", "高峰乡", "长岭镇", "清水镇", "黄土镇", "梅子乡", "太平镇", "永安镇", "红星街道",
)

# What news, notices and letters are about (the sites' ordinary pages, which never lead to reports).
TOPICS = (
    "优化营商环境", "安全生产", "乡村振兴", "防汛抗旱", "招商引资", "文明城市创建", "生态环境保护", "民生实事",
    "数字政府建设", "政务公开", "疫情防控", "森林防火", "义务教育", "老旧小区改造", "医疗保障", "就业创业",
)


def county_names(count: int) -> list[tuple[str, str]]:
    """``count`` distinct (path id, name) pairs such as ("c03", "西屏县")."""
    out = []
    for n in range(count):
        a = COUNTY_SYLLABLES_A[n % len(COUNTY_SYLLABLES_A)]
        b = COUNTY_SYLLABLES_B[(n // len(COUNTY_SYLLABLES_A) + n) % len(COUNTY_SYLLABLES_B)]
        kind = COUNTY_KIND[n % 2]
        suffix = "" if n < len(COUNTY_SYLLABLES_A) * len(COUNTY_SYLLABLES_B) else str(n)
        out.append((f"c{n:02d}", f"{a}{b}{suffix}{kind}"))
    return out


@dataclass(frozen=True)
class CityNames:
    """A family's fictional city: its name, its counties (a seed uses the first two to four) and the
    departments every seed gives a sub-site (the first publishes the family's committed DOC report)."""

    city: str
    counties: tuple[str, ...]
    fixed_departments: tuple[str, ...]

    @property
    def government(self) -> str:
        return f"{self.city}人民政府"


# One city per site family. 淯 is in GBK but not in GB2312: the county's GBK pages that declare gb2312 are
# then wrong as real ones are, and a strict gb2312 decoder fails on its name.
FAMILY_CITIES = {
    "trs": CityNames("云州市", ("东湖区", "淯阳县", "南屏县", "白石县"), ("tjj", "jyj")),
    "hanweb": CityNames("岚州市", ("青山区", "柳河县", "金溪县", "龙安县"), ("sjj", "mzj")),
    "query": CityNames("沧澜市", ("澜江区", "石门县", "云台县", "梅岭县"), ("slj", "czj")),
}
DEPARTMENT_NAMES = dict(DEPARTMENTS + CITY_HOSTED)

CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese_year(year: int) -> str:
    """2020 → 二〇二〇, as some agencies write the year in titles."""
    return "".join(CHINESE_DIGITS[int(d)] for d in str(year))
