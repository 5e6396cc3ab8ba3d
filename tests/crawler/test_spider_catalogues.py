"""The spider on a platform's page whose script draws its departments' tree from an answer: the answer's request
is marked as the rest of that page (``meta["catalogue"]``), which the frontier asks even once the site's own 年报
column is found (crawler.steering.budget)."""

from __future__ import annotations

import scrapy
from scrapy.http import HtmlResponse

PAGE = "http://www.zhoukou.gov.cn/zwgk/index.html"
TREE = "http://www.zhoukou.gov.cn/zwgk/js/tree.json"
BODY = ('<html><head><title>政府信息公开</title></head><body><h3>部门信息公开</h3><div id="deptTree"></div>'
        '<script>$.getJSON("/zwgk/js/tree.json",function(d){$("#deptTree").tree({data:d,'
        'onClick:function(n){if(n.url){window.open(n.url);}}});});</script>'
        '<ul><li><a href="/zwgk/zn/index.html">政府信息公开指南</a></li></ul></body></html>')


def test_the_answer_a_page_draws_its_tree_from_is_asked_as_that_pages_catalogue(spider):
    response = HtmlResponse(PAGE, body=BODY.encode(), headers={"Content-Type": "text/html; charset=utf-8"},
                            request=scrapy.Request(PAGE, meta={"role": "page", "hops": 1, "link_text": "政务公开"}))
    asked = {r.url: r.meta for r in spider.parse_page(response) if isinstance(r, scrapy.Request)}
    assert asked[TREE].get("catalogue") is True
    assert "catalogue" not in asked["http://www.zhoukou.gov.cn/zwgk/zn/index.html"]
