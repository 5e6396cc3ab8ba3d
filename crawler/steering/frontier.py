"""How promising a link is, from what a person looking for 政府信息公开工作年度报告 would read into it.

Every in-scope link that is not itself a report gets a score, the sum of the weights in the tables below:

- its text (or ``title=``): 年报/年度报告 columns, 信息公开 platforms, 部门/区县 directories score high; news,
  services, interaction, search and calendars score low; an agency's name (…局/委/办/县/区/街道/镇) scores
  as a way into that agency's sub-site (texts that name an agency are not read for other words: 市政务服务
  和数据管理局 is an agency, not a service page);
- the heading of the block it sits in (部门信息公开, 县区信息公开, 政府信息公开年报, 友情链接 …);
- the words of its URL (``xxgk``, ``zfxxgk``, ``gkml``, ``ndbg``, ``nb`` … or ``news``, ``hdjl``, ``search``);
- what the page it is on turned out to be: on a report column, links named by a year alone or an agency are
  the column's sub-columns;
- how deep it is (a few points per hop, so a broad look comes before a deep one).

The score becomes the request's Scrapy priority and decides how far the crawl goes (``Step``):
FOLLOW links are always followed; EXPLORE links come after them, AVOID links only once the crawl runs dry, both
only while the sub-site they are on has no report column yet and within the site's exploration budget
(``crawler.steering.budget``). Nothing is forbidden: a site whose column has a name nobody expected is still found by
exploring, only later.

Sites that escape the tables add their own words in the config (``[site.rules]``: ``column``, ``platform``,
``directory`` patterns score as those words do; ``deny`` URLs are never requested).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from urllib.parse import parse_qsl, urlsplit

from crawler.hosts.hostnames import desktop_twin
from gxparse.normalize import squash

Table = tuple[tuple[re.Pattern[str], int], ...]


def _table(*rows: tuple[str, int]) -> Table:
    return tuple((re.compile(pattern), weight) for pattern, weight in rows)


COLUMN_WORDS = r"年报|年度报告|年度.{0,4}报告|工作报告"
# Other yearly reports called 年报 or 工作报告: those enterprises, cooperatives and social organisations file with
# the 市场监管 or 民政 bureau (企业年报公示), a department's statistics (卫生健康统计年报), the mayor's 政府工作报告 to
# the people's congress. A 年报 column and 年报 titles, but never a government's 政府信息公开工作年度报告.
OTHER_ANNUAL_REPORT_WORDS = (r"企业年报|企业年度报告|市场主体|个体工商户|农民专业合作社|社会组织年|年报公示|年报报送|年报填报|"
                             r"统计年报|统计年鉴|政府工作报告")
ELSEWHERE_WORDS = r"友情链接|相关链接|兄弟|上级|外部|外链|其他网站|国家|中央|省级|省直|周边"
PLATFORM_WORDS = r"信息公开|政务公开|公开目录|主动公开|政府公开|公开专栏"
DIRECTORY_WORDS = r"部门|区县|县区|县市区|市区|乡镇|街道|镇街|市直|县直|区直|直属|机构|单位|网站群|站群|县\(市|下属|政府网站"
NEWS_WORDS = (r"新闻|要闻|动态|头条|资讯|媒体|聚焦|热点|图片|图说|视频|直播|访谈|专题|互动|留言|信箱|咨询|投诉|举报|调查|征集|民意|"
              r"服务|办事|在线|登录|注册|搜索|检索|无障碍|关怀|长者|English|天气|招聘|招考|招标|采购|旅游|论坛|"
              r"微博|微信|客户端|APP|日历|通知公告|公示公告|公告|人事|预算|决算|统计|规划|会议|活动|专栏首页")

# Link text (the title attribute when the text was cut short).
TEXT_WEIGHTS = _table(
    (COLUMN_WORDS, 100),                 # the 年报 column (a report's own title is a document, not a way)
    (OTHER_ANNUAL_REPORT_WORDS, -200),   # … not another 年报 column (cancels it and more)
    (PLATFORM_WORDS, 50),                # the 政府信息公开 platform and its 法定主动公开内容
    (DIRECTORY_WORDS, 40),               # lists of department and county sub-sites
    (r"网站地图|站点地图|网站导航", 15),   # lists every column
    (r"指南|制度|依申请|申请|规定|办法|解读|联系|职能|领导|简介|概况|机构设置", -60),  # platform pages without reports
    (NEWS_WORDS, -50),
)
AGENCY_WEIGHT = 45                       # the text is an agency's name: a way into its sub-site
FRAME_WEIGHT = 40                        # a frame is part of the page a person is looking at
YEAR_ON_COLUMN_WEIGHT = 80               # "2021年" on a report column: the column's sub-column for that year
AGENCY_ON_COLUMN_WEIGHT = 20             # an agency's name on a report column: its sub-column
OTHER_ON_COLUMN_WEIGHT = -10
ARTICLE_TEXT_CHARS = 24                  # a longer text that is not a report title is an article's headline
ARTICLE_WEIGHT = -40

# The heading of the block the link sits in. On a report column the 年报 heading is the column's own: its
# items are documents, and its sub-columns score by YEAR_ON_COLUMN_WEIGHT and AGENCY_ON_COLUMN_WEIGHT.
COLUMN_HEADING = re.compile(r"年报|年度报告")
COLUMN_HEADING_WEIGHT = 60
HEADING_WEIGHTS = _table(
    (DIRECTORY_WORDS, 40),
    (PLATFORM_WORDS, 20),
    (ELSEWHERE_WORDS, -30),
    (NEWS_WORDS, -30),
)

# Tokens of the URL's path and query (split on anything but letters and digits, lower case).
URL_WEIGHTS = _table(
    (r"^(?:\w*ndbg\w*|nb|\w*xxgknb|gknb|nianbao\w*|\w*annualreport\w*|ndgzbg|gzbg)$", 60),
    (r"^(?:xxgk\w*|zfxxgk\w*|gkml|zwgk\w*|fdzdgk\w*|gkzl|zfgk|openness|govinfo|public)$", 25),
    (r"^(?:bmxxgk|qxxxgk|bmgk|xqgk|bmwz|qxwz|jgsz|zsjg|bm|qx|xq|xsq|bmdh|zfjg)$", 10),
    (r"^(?:news|xw|xwzx|xwdt|xwfb|jrtt|tpxw|ywdt|zwdt|bmdt|gzdt|xxyw|hdjl|zmhd|hd|bsfw|zwfw|fw|search|sousuo|"
     r"so|rili|calendar|video|sp|zxft|ft|english|en|login|register|wza|mobile|bbs|mail|zxts|ldxx|zt|ztzl)$", -40),
)
# Detail pages of the common CMS families: an article, not a way to more pages (the words of its folder say
# where the article is, not where it leads).
DETAIL_URL = re.compile(
    r"/t\d{8}_\d+\.s?html?$"                       # TRS WCM  ./202201/t20220128_123.html
    r"|/art_\d+_\d+\.html$"                        # Hanweb/JCMS  art_COL_ID.html
    r"|/(?:content/)?post_\d+\.html$"              # content/post_ID.html
    r"|/[0-9a-f]{16,}\.s?html?$"                   # hashed detail pages
    r"|/content_\d+\.s?html?$"                     # gov.cn and its like  content_5678901.htm
    r"|/info/\d+/\d+\.s?html?$"                    # 博达 (VSB)  info/COL/ID.htm
    r"|/show-\d+-\d+(?:-\d+)?\.html$"              # PHPCMS rewritten  show-CAT-ID-PAGE.html
    r"|/item/\d+\.aspx?$"                          # 动易 (PowerEasy)  Item/24071.aspx
    r"|/\w*content-\d+-\d+\.s?html?$"              # 河北's  zwgkcontent-888888040-56270.html
    r"|/show/\d+\.s?html?$"                        # 安徽's 年报 module  XxgkAnnualReport/show/123.html
    r"|/\d{4}(?:[-/]?\d{2}){2}/\w+\.s?html?$"      # a day's folder: 2024-01-20/, 2024/0120/, 202401/20/
    r"|/\d{6,}\.s?html?$"
    r"|[?&](?:id|aid|articleid|contentid|infoid|docid|newsid)=[\w-]+", re.IGNORECASE)
DETAIL_WEIGHT = -30
# The page itself with other values of a view's query keys: a calendar's day, a filter, a sort order.
VIEW_KEYS = re.compile(r"date|day|month|year|time|rq|sort|order|keyword|kw|^q$|search|query|lang|print|font|size",
                       re.IGNORECASE)
VIEW_WEIGHT = -80
DEPTH_WEIGHT = -4

FOLLOW_AT = 40
AVOID_AT = -30

# An agency's name: a place or body, then the kind of body. Texts that only say "departments" are not names. Beside
# the departments a platform lists other bodies publishing reports: its 档案馆, 供销合作社(联合社), and the 人民团体
# (残疾人联合会, 总工会, 科学技术协会, 红十字会).
_AGENCY = re.compile(
    r"^[\u4e00-\u9fff（）()·]{1,22}(?:局|委员会|委|办公室|办|院|中心|厅|署|县|区|市|旗|镇|乡|街道|街道办事处|"
    r"人民政府|政府|管委会|管理委员会|管理局|分局|支队|大队|档案馆|合作社|联合社|联合会|工会|协会|红十字会)$")
_NOT_AGENCY = re.compile(r"信息公开|政务公开|网站|门户|专栏|平台|首页|新闻|动态|通知|公告|年报|报告|各|所属|全|本|"
                         r"^(?:县区|区县|县市区|市区|乡镇|镇街|部门|市直|县直|城区|辖区|政府)|"
                         r"(?:社区|小区)$")   # a community (居委会) or housing estate: no 区, no government
_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,}?[市县区旗])")   # the place an agency's name opens with
GOVERNMENT = "人民政府"   # a place's government: 西泉县 → 西泉县人民政府
_SHORT_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# The level below a town (镇, 乡, 街道): its villages and residents' committees are no administrative organs and
# publish no 政府信息公开 annual report under the 条例 (their 村务公开/居务公开 is of another law). A list of them
# (村（社区）, 村居), its column (村务公开, 居务公开, 村（居）务公开) or one of them (南街村, 东关社区, 河口村委会)
# is no way to a report. Topics ending as a village's name does (美丽乡村, 新农村) are none of them.
_VILLAGES = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,10}?(?:村\((?:社区|居)\)|村居|村社区)(?:信息)?(?:公开)?(?:专栏|栏目)?"
    r"|[\u4e00-\u9fff]{0,10}?(?:村|居|村\(居\)|村\(社区\)|社区)(?:务|事务)公开(?:专栏|栏目)?"
    r"|[\u4e00-\u9fff]{1,8}(?:村|社区)(?:村?民委员会|居民委员会|村?委会|居委会)?)$")
_NOT_VILLAGE = re.compile(r"(?:乡村|农村)$")
# What people call a department in a list of them (发改, 人社, 住建, 卫健): its work, shortened. Topic words of a
# services bar (医疗, 社保, 住房, 就业) are not here: a list of departments names several of these.
_DEPARTMENT_SHORT_NAME = re.compile(
    r"^(?:发改|发展改革|工信|科技|教育|公安|民政|司法|财政|人社|自然资源|生态环境|住建|交通运输|水利|水务|农业农村|"
    r"商务|文旅|文广旅|卫健|卫生健康|退役军人|应急|应急管理|审计|国资|市监|市场监管|统计|医保|林业|城管|信访|民宗|"
    r"人防|机关事务|行政审批|政数|大数据|外事|粮食|供销|档案)$")
MIN_SHORT_NAMES = 3   # department short names that make a block a list of departments
_ELSEWHERE = re.compile(ELSEWHERE_WORDS)
_MORE = re.compile(r"^(?:更多|查看更多|more|>>|》》|»)", re.IGNORECASE)
# The platform named without whose it is (政府信息公开, 信息公开目录, 政务公开): on a page of the site, the site's own.
_OWN_PLATFORM = re.compile(r"^(?:本[级站机关]{0,2})?(?:政府)?(?:信息|政务)公开(?:目录|平台|专栏|专题|网|网站)?$")
_YEAR_ONLY = re.compile(r"^(?:19|20)\d{2}(?:年度?)?(?:年报|报告)?$")
_URL_TOKEN = re.compile(r"[^a-z0-9]+")
_TITLE_PARTS = re.compile(r"\s*[-_|｜—–>＞»]+\s*|\s{2,}")
# A column of notices: its items are 关于…的通知, yet an agency with no 年报 column publishes its reports there as
# 关于公布…年度报告的公告. Its name holds a look-alike word (通知, 公告) but names a list, never a document.
_NOTICE_COLUMN = re.compile(r"^(?:通知公告|公告通知|通知通告|通告公告|公示公告|公告公示|通知|公告|通告|公示)(?:栏目|专栏|列表)?$")


class Step(Enum):
    FOLLOW = "follow"    # a way towards reports: always followed
    EXPLORE = "explore"  # nothing said either way: followed last, while the sub-site's column is not found
    AVOID = "avoid"      # a section that never leads to reports: the same, after everything else


@dataclass(frozen=True)
class Judgement:
    score: int
    step: Step
    subsite: bool        # a way into an agency's sub-site (its name, in a list of agencies)
    vouched: bool        # … under a heading that calls the list the site's own departments or counties
    own_platform: bool = False   # the site's own 政府信息公开 platform (named without whose), wherever it is hosted
    villages: bool = False       # a town's villages or residents' committees: never requested (names_villages)


@dataclass(frozen=True)
class ExtraWords:
    """A site's own patterns (``[site.rules]``), scored like the built-in words."""

    column: tuple[str, ...] = ()
    platform: tuple[str, ...] = ()
    directory: tuple[str, ...] = ()

    def table(self) -> Table:
        rows = [(p, 100) for p in self.column] + [(p, 50) for p in self.platform]
        rows += [(p, 40) for p in self.directory]
        return _table(*rows)


def is_agency_name(text: str) -> bool:
    """The text is an agency's name (市教育局, 东湖区人民政府, 城关镇), not a word about agencies."""
    label = squash(text)
    return 3 <= len(label) <= 24 and bool(_AGENCY.match(label)) and not _NOT_AGENCY.search(label)


def names_villages(text: str) -> bool:
    """The text names the level below a town: a list of its villages (村（社区）), their 村务公开/居务公开 column,
    or a village or residents' committee (南街村, 东关社区)."""
    label = squash(text)
    return len(label) <= 24 and bool(_VILLAGES.match(label)) and not _NOT_VILLAGE.search(label)


def is_more_link(text: str) -> bool:
    """更多, more, >>: the link to the whole list a block shows the first items of."""
    return bool(_MORE.match(squash(text)))


def is_notice_column(text: str) -> bool:
    """通知公告, 公示公告, 通知 alone: the name of a column of notices, not a notice's title."""
    return bool(_NOTICE_COLUMN.match(squash(text)))


MIN_DATED_NOTICES = 3   # fewer dates on a page of notices say nothing of the span it covers


def short_of_report_season(dates: Iterable[str | None]) -> bool:
    """The ISO dates a page of notices lists stop short of 1 January of its newest date's year: a year's report,
    due by 31 January of the next (条例 第五十条), is announced on a later page if this column announces it."""
    listed = sorted(d for d in dates if d)
    return len(listed) >= MIN_DATED_NOTICES and listed[0] > f"{listed[-1][:4]}-01-01"


def undated_notices(dates: Iterable[str | None]) -> bool:
    """A page of notices lists too few dates to tell the span it covers."""
    return sum(1 for d in dates if d) < MIN_DATED_NOTICES


def names_notice_column(*texts: str) -> bool:
    """A link text or page title (通知公告-市交通运输局, 通知公告_…) naming a column of notices."""
    return any(is_notice_column(part) for text in texts for part in _TITLE_PARTS.split(text))


def is_year_only(text: str) -> bool:
    return bool(_YEAR_ONLY.match(squash(text)))


def abbreviates(short: str, name: str) -> bool:
    """``short`` is what people make of ``name`` by dropping characters (人社 of 人力资源和社会保障局, 发展改革委 of
    发展和改革委员会): its characters, in order, each after the one before."""
    rest = iter(name)
    return len(short) >= 2 and all(char in rest for char in short)


def names_agency_short(text: str, full: str) -> bool:
    """``full`` is an agency's name that ``text``, an agency's name or a department's short name, shortens
    (卫健委 or 市卫生健康委员会 of 东江市卫生健康委员会)."""
    label, full = squash(text), squash(full)
    return len(label) < len(full) and is_agency_name(full) and abbreviates(label, full) \
        and (is_agency_name(label) or is_department_short_name(label))


def qualified_name(name: str, linked_under: str) -> str:
    """An agency named by its level alone (市卫生健康委员会, 县教育局) under the agency whose page linked it, of
    that level (东江市人民政府, 东江市发展和改革委员会): named with that agency's place (东江市卫生健康委员会); any
    other name as it is (a 市 bureau on a county's page is the city's, whose name that page does not give)."""
    label, place = squash(name), _PLACE.match(squash(linked_under))
    if not place or not label or label[0] != place.group(1)[-1] or label.startswith(place.group(1)):
        return name
    return place.group(1) + label[1:] if is_agency_name(place.group(1) + label[1:]) else name


def names_level_alone(name: str) -> bool:
    """An agency named by its level alone (市商务局, 县教育局): its place is to be found elsewhere."""
    label = squash(name)
    return label[:1] in ("市", "县", "区", "旗") and is_agency_name(label)


def is_department_short_name(text: str) -> bool:
    """What people call a department (发改, 人社, 财政), the kind of body left out."""
    return bool(_DEPARTMENT_SHORT_NAME.match(squash(text)))


def is_short_agency_name(text: str, heading: str, source: str, block_agencies: int = 0) -> bool:
    """An agency's short name (发改, 人社, 住建) in a drop-down or an image map headed as the site's departments
    (--部门网站--, a picture whose alt says so), or in a block of links most of which name departments so,
    headed or not: such lists name them as people say them; the full name is on the sub-site itself."""
    label = squash(text)
    if block_agencies >= MIN_SHORT_NAMES and is_department_short_name(label):
        return True
    return source in ("option", "area") and bool(_SHORT_NAME.match(label)) and not _NOT_AGENCY.search(label) \
        and is_vouched(heading)


def is_subsite_link(text: str, heading: str, block_agencies: int, source: str) -> bool:
    """An agency's name in a list of agencies (a block of several, a drop-down, or under a 部门/县区 heading),
    not one of links to elsewhere (友情链接: the national, provincial and neighbouring governments)."""
    if is_short_agency_name(text, heading, source, block_agencies):
        return True
    if not is_agency_name(text) or _ELSEWHERE.search(squash(heading)):
        return False
    return block_agencies >= 3 or source == "option" or bool(re.search(DIRECTORY_WORDS, squash(heading)))


def is_own_platform(text: str, heading: str) -> bool:
    """政府信息公开 / 信息公开目录 with no name before it, outside a block of links to elsewhere."""
    return bool(_OWN_PLATFORM.match(squash(text))) and not _ELSEWHERE.search(squash(heading))


def is_vouched(heading: str) -> bool:
    """The heading calls its list the site's own departments or counties (部门信息公开, 县区政府网站)."""
    heading = squash(heading)
    return bool(re.search(DIRECTORY_WORDS, heading)) and not _ELSEWHERE.search(heading)


MIN_DIRECTORY_AGENCIES = 2   # agencies in a block on a directory page: a list of them, headed by the page


def directory_heading(text: str, heading: str, block_agencies: int, led_by: str) -> str:
    """The heading of a link: its own, else, for an agency's name in a block of several on a page the crawl
    reached through a link naming a list of the site's own agencies (乡镇街道, 部门网站), that link's text; so
    for a list of agencies among them (城区街道 beside 城关镇 and 石门镇: a level deeper, its page a list
    of its own, the hops' cost and the site's depth bounding how deep)."""
    label = squash(text)
    if heading or block_agencies < MIN_DIRECTORY_AGENCIES or not (is_agency_name(label) or is_vouched(label)):
        return heading
    return led_by if is_vouched(led_by) else heading


def judge(text: str, heading: str, url: str, *, block_agencies: int = 0, source: str = "a", page_url: str = "",
          on_column: bool = False, depth: int = 0, extra: Table = ()) -> Judgement:
    """The score of a navigation link and what to do with it."""
    label, heading = squash(text), squash(heading)
    agency = is_agency_name(label) or is_short_agency_name(label, heading, source, block_agencies)
    score = _sum(extra, label)
    if agency:
        score += AGENCY_WEIGHT
    else:
        score += _sum(TEXT_WEIGHTS, label)
        if len(label) > ARTICLE_TEXT_CHARS:
            score += ARTICLE_WEIGHT
    score += _sum(HEADING_WEIGHTS, heading) + _url_score(url)
    if source == "frame":
        score += FRAME_WEIGHT
    if page_url and is_view(url, page_url):
        score += VIEW_WEIGHT
    if COLUMN_HEADING.search(heading) and (not on_column or _MORE.match(label)):
        score += COLUMN_HEADING_WEIGHT   # a 更多 under a 年报 heading leads to the whole column, even from a preview
    if on_column and not _MORE.match(label):
        score += YEAR_ON_COLUMN_WEIGHT if is_year_only(label) else AGENCY_ON_COLUMN_WEIGHT if agency \
            else OTHER_ON_COLUMN_WEIGHT
    score += DEPTH_WEIGHT * depth
    step = Step.FOLLOW if score >= FOLLOW_AT else Step.AVOID if score <= AVOID_AT else Step.EXPLORE
    if desktop_twin(url) is not None and desktop_twin(page_url) is None:
        # a mobile folder mirrors its host: entered only if the crawl runs dry with no column found; once in (a
        # mobile-first site, a start URL there), its own links are judged as any site's
        step = Step.AVOID
    subsite = is_subsite_link(label, heading, block_agencies, source)
    return Judgement(score, step, subsite, subsite and is_vouched(heading), is_own_platform(label, heading),
                     names_villages(label))


def is_view(url: str, page_url: str) -> bool:
    """The URL is the page's own with other values of view keys only (``?date=2024-03-05``, ``?sort=time``)."""
    target, page = urlsplit(url), urlsplit(page_url)
    if target[:3] != page[:3] or target.query == page.query:
        return False
    mine, theirs = dict(parse_qsl(target.query, keep_blank_values=True)), dict(parse_qsl(page.query, keep_blank_values=True))
    changed = {k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k)}
    return all(VIEW_KEYS.search(k) for k in changed)


# A URL token naming a 年报 column (/xxgk/ndbg/, /nb/, gknb, 安徽/浙江's /XxgkAnnualReport/): a page there, or an app's
# route so named, is one.
COLUMN_URL_TOKEN = re.compile(r"^(?:\w*ndbg\w*|nb|\w*xxgknb|gknb|nianbao\w*|\w*annualreport\w*)$")


def url_tokens(url: str) -> list[str]:
    parts = urlsplit(url)
    tokens = [t for t in _URL_TOKEN.split(f"{parts.path} {parts.query}".lower()) if t]
    return tokens + [t.rstrip("0123456789") for t in tokens if t[-1:].isdigit() and t.rstrip("0123456789")]


def _url_score(url: str) -> int:
    if DETAIL_URL.search(url):
        return DETAIL_WEIGHT
    tokens = url_tokens(url)
    return sum(weight for pattern, weight in URL_WEIGHTS if any(pattern.match(t) for t in tokens))


def _sum(table: Iterable[tuple[re.Pattern[str], int]], text: str) -> int:
    return sum(weight for pattern, weight in table if pattern.search(text)) if text else 0


# Scrapy request priorities (higher first). A column's other pages come before its documents, so a list is
# read to its end (or recognised as a trap) before what it lists is fetched; documents come before new ways.
LIST_PAGE_PRIORITY = 1000
DOCUMENT_PRIORITY = 600
PICTURE_PRIORITY = DOCUMENT_PRIORITY + 100   # a page's pictures come before other documents: its item waits
SITEMAP_PRIORITY = -500


def page_priority(score: int) -> int:
    """A navigation request's priority: its score, in steps of 10 (few queues on disk under JOBDIR)."""
    return max(-400, min(400, score)) // 10 * 10


def completed_agency(named: str | None, full: str | None, known: Iterable[str] = ()) -> str | None:
    """The agency a title names, as its sub-site's full name when the title shortens that (发展改革委 of
    北川市发展和改革委员会, 教育局 of 北川市教育局), else, a title naming a place alone (西泉县2024年度…报告), as that
    place's government when a sub-site of the crawl bears its name (西泉县人民政府): the report may be listed where
    another sub-site's pages are (a county's list framed from its site, served in the city's folder of a platform)."""
    if named and full and len(named) < len(full) and (full.endswith(named) or abbreviates(named, full)):
        return full
    if named and _PLACE.fullmatch(named) and (government := named + GOVERNMENT) in known:
        return government
    return named
