"""What ``gxmon crawl`` says of a crawl's coverage (monitor.crawling.job.print_coverage): a sub-site whose
robots.txt refused the crawler is named as refused, never as a sub-site with no 年报 column."""

from __future__ import annotations

from crawler.coverage import ROBOTS_REFUSED, Subsites
from monitor.crawling.job import print_coverage


def test_a_sub_site_refused_by_its_robots_is_said_refused_never_without_a_column(capsys):
    subsites = Subsites("东江市人民政府", "https://www.dongjiang.gov.cn/")
    subsites.enter("东江市水利局", "http://slj.dongjiang.gov.cn/", "部门网站")
    subsites.robots_refused("http://wjw.dongjiang.gov.cn/", "市卫生健康委员会", "部门网站")
    print_coverage("dongjiang", subsites.coverage([], lambda url: False))
    said = " ".join(capsys.readouterr().out.split())   # the console wraps long lines
    assert "dongjiang: no 年报 column found on 东江市水利局 " in said
    assert f"dongjiang: 市卫生健康委员会 not crawled: {ROBOTS_REFUSED} (http://wjw.dongjiang.gov.cn/)" in said
