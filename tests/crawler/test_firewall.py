"""A firewall's page answered in place of the site's is known for what it is: a rate limit or a refusal."""

import pytest

from crawler.transport.firewall import firewall_page
from tests.crawler.helpers import FILES
from tests.crawler.portal import Look


@pytest.mark.parametrize(("name", "phrase", "rate_limit"), [
    ("firewall_rate_limit.html", "访问过于频繁", True),
    ("firewall_safedog.html", "您的访问被拦截", False),
    ("firewall_f5_rejected.html", "The requested URL was rejected", False),
])
def test_a_firewalls_page_is_named(name, phrase, rate_limit):
    page = firewall_page((FILES / name).read_bytes())
    assert (page.phrase, page.rate_limit) == (phrase, rate_limit)


@pytest.mark.parametrize("name", ["column_year_subcolumns.html", "challenge_jsl_literal_521.html"])
def test_a_page_of_the_site_is_no_firewalls(name):
    assert firewall_page((FILES / name).read_bytes()) is None


def test_a_report_that_names_a_firewall_is_no_firewalls_page():
    look = Look("", seed=3)
    body = look.html("网站防火墙采购项目", "<p>本单位采购网站防火墙（安全狗）一套。</p>" + look.report_body("某局", 2023))
    assert firewall_page(body) is None
