"""Anti-bot script challenges are named, so a site behind one is not reported as having no 年报 column."""

from crawler.challenge import script_challenge
from tests.crawler.helpers import FILES


def test_a_riversecurity_gate_is_named():
    assert "瑞数信息" in script_challenge((FILES / "challenge_ruishu_412.html").read_bytes())


def test_a_page_that_only_sets_a_cookie_and_reloads_is_a_challenge():
    assert "sets a cookie" in script_challenge((FILES / "challenge_cookie_521.html").read_bytes())


def test_a_list_page_is_no_challenge():
    assert script_challenge((FILES / "column_year_subcolumns.html").read_bytes()) is None

