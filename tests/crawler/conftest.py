import pytest


@pytest.fixture
def spider():
    from crawler.siteconfig import Site
    from crawler.spiders.reports import ReportsSpider

    site = Site("zhoukou", "周口市人民政府", ("http://www.zhoukou.gov.cn/",),
                allowed_domains=("zhoukou.gov.cn", "linjiang.gov.cn", "nanhu.gov.cn"))
    return ReportsSpider(site=site)
