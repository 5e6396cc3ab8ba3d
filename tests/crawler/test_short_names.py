"""Departments listed by bare short names (发改, 财政, 人社) in a plain list under no heading are sub-sites, a
services bar of topics (教育, 医疗, 社保) is not: from a frozen home page (tests/files/home_short_department_names.html)."""

from __future__ import annotations

from crawler.frontier import judge
from tests.crawler.helpers import file_response

HOME = "http://www.zhoukou.gov.cn/"


def _entered(spider) -> dict[str, str]:
    requests = spider.parse_page(file_response("home_short_department_names.html", HOME,
                                               {"role": "start", "hops": 0, "chain": 0}))
    return {r.url.removeprefix(HOME): r.meta["enter"][0] for r in requests if "enter" in r.meta}


def test_a_plain_list_of_department_short_names_enters_each_department(spider):
    assert _entered(spider) == {"fgw/index.html": "发改", "czj/index.html": "财政", "rsj/index.html": "人社",
                                "zjj/index.html": "住建", "wjw/index.html": "卫健"}


def test_a_short_name_alone_is_no_department():
    assert not judge("财政", "", HOME + "czj/index.html", block_agencies=1).subsite
