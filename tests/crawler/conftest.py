import pytest


@pytest.fixture
def spider():
    from crawler.spiders.reports import ReportsSpider

    return ReportsSpider(start_url="http://www.zhoukou.gov.cn/")
