"""What ``gxmon crawl`` says of a crawl's coverage (monitor.crawling.job.print_coverage): a sub-site whose
robots.txt refused the crawler, or whose anti-bot challenge it cannot pass, is named as refused, never as a
sub-site with no 年报 column."""

from __future__ import annotations

from crawler.coverage import CHALLENGE_REFUSED, PORTAL, ROBOTS_REFUSED, Subsites
from monitor.crawling.job import print_coverage


def test_a_sub_site_refused_by_its_robots_is_said_refused_never_without_a_column(capsys):
    subsites = Subsites("东江市人民政府", "https://www.dongjiang.gov.cn/")
    subsites.enter("东江市水利局", "http://slj.dongjiang.gov.cn/", "部门网站")
    subsites.robots_refused("http://wjw.dongjiang.gov.cn/", "市卫生健康委员会", "部门网站")
    print_coverage("dongjiang", subsites.coverage([], lambda url: False))
    said = " ".join(capsys.readouterr().out.split())   # the console wraps long lines
    assert "dongjiang: no 年报 column found on 东江市水利局 " in said
    # a name of its level alone, its own page unread: the portal that linked it gives its place
    assert f"dongjiang: 东江市卫生健康委员会 not crawled: {ROBOTS_REFUSED} (http://wjw.dongjiang.gov.cn/)" in said


def test_a_sub_site_behind_a_challenge_the_crawl_cannot_pass_is_said_refused_never_without_a_column(capsys):
    subsites = Subsites("西岭市人民政府", "http://www.xiling.gov.cn/")
    subsites.challenged("http://sjj.xiling.gov.cn/", ("市审计局", "部门信息公开"), PORTAL)   # named as robots_refused
    print_coverage("xiling", subsites.coverage([], lambda url: False))
    said = " ".join(capsys.readouterr().out.split())
    assert "no 年报 column" not in said
    assert f"xiling: 西岭市审计局 not crawled: {CHALLENGE_REFUSED} (http://sjj.xiling.gov.cn/)" in said
