"""A robots.txt is read up to RFC 9309's parsing limit (crawler.transport.robots): 100,000 rules took 2 s to parse
and 48 ms a request, every request checked against every rule."""

from __future__ import annotations

from scrapy.utils.project import get_project_settings

from crawler.transport.robots import MAX_ROBOTS_BYTES, BoundedRobotParser

RULES = 2_000   # of 300 bytes: 600 KB (few and long, to keep the test cheap: the rules' count is not the point)


def _robots(last_rule: str) -> bytes:
    lines = (["User-agent: *", "Disallow: /admin/"] + [f"Disallow: /p{n}/*/{'x' * 280}$" for n in range(RULES)]
             + [last_rule])
    return ("\n".join(lines) + "\n").encode()


def test_rules_past_the_limit_are_ignored_those_before_it_obeyed():
    body = _robots("Disallow: /ndbg/")
    assert len(body) > MAX_ROBOTS_BYTES
    robots = BoundedRobotParser(body, None)
    assert robots.allowed("http://a.gov.cn/ndbg/t1.html", "gxmon")       # its rule lies past the limit
    assert not robots.allowed("http://a.gov.cn/admin/1.html", "gxmon")
    assert not robots.allowed(f"http://a.gov.cn/p7/a/{'x' * 280}", "gxmon")


def test_a_line_cut_by_the_limit_is_not_read_as_a_shorter_rule():
    """"Disallow: /abcdef" cut to "Disallow: /a" would refuse every path under /a."""
    filler = b"User-agent: *\n" + b"# " + b"x" * (MAX_ROBOTS_BYTES - 30) + b"\n"
    body = filler + b"Disallow: /abcdefghijklmnopqrstuvwxyz\n"
    assert len(filler) < MAX_ROBOTS_BYTES < len(body)
    assert BoundedRobotParser(body, None).allowed("http://a.gov.cn/about.html", "gxmon")


def test_the_crawl_reads_robots_txt_so():
    assert get_project_settings()["ROBOTSTXT_PARSER"] == "crawler.transport.robots.BoundedRobotParser"
