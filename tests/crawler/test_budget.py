"""crawler.steering.budget: which queued requests are still worth their fetch."""

from __future__ import annotations

from scrapy import Request

from crawler.coverage import Subsites
from crawler.steering.budget import Budget
from crawler.steering.traps import TrapWatch


def test_a_retry_of_a_request_asked_past_the_duplicate_filter_is_no_duplicate():
    """Scrapy's RetryMiddleware asks a failed request again with dont_filter: the last retry of a host that
    refuses connections must be asked, so that its failure reaches the spider and is named."""
    budget = Budget(Subsites("东江市人民政府", "https://www.dongjiang.gov.cn/"), TrapWatch(), explore_pages=10)
    url = "http://gaj.dongjiang.gov.cn/"
    retries = [Request(url, dont_filter=True, meta={"role": "subsite", "retry_times": n}) for n in (1, 2)]
    assert [budget.refusal(r) for r in retries] == [None, None]
    upgraded = [Request(url + "a.html", dont_filter=True) for _ in range(2)]
    assert [budget.refusal(r) for r in upgraded] == [None, "duplicate"]


def test_once_a_column_is_found_exploring_stops_but_the_answer_a_read_page_draws_its_links_from_is_asked():
    """A platform's page drawing its departments' tree from an answer ($.getJSON('/zwgk/js/tree.json', …)): the
    city's own 年报 column found before that answer's turn must not drop it, or every department it names is lost
    (a crawl found them or not by which of two requests came first)."""
    subsites = Subsites("澄川市人民政府", "http://www.chengchuan.gov.cn/")
    budget = Budget(subsites, TrapWatch(), explore_pages=10)
    subsites.column_found(0, "http://www.chengchuan.gov.cn/zwgk/ndbg/index.html")
    explore = {"role": "page", "subsite": 0, "step": "explore"}
    assert budget.refusal(Request("http://www.chengchuan.gov.cn/zwgk/news/index.html", meta=explore)) \
        == "explore_column_found"
    assert budget.refusal(Request("http://www.chengchuan.gov.cn/zwgk/js/tree.json",
                                  meta={**explore, "catalogue": True})) is None
