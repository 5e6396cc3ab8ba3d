"""大汉's 信息公开 tree (crawler/scripted/xxgktree.py): its categories read from the frozen
tests/files/xxgk_tree.html (a dTree's nodes in its script's strings), each asked of search.jsp as its click asks."""

from __future__ import annotations

import time

from crawler.scripted.chunks import says_column
from crawler.scripted.xxgktree import MAX_NODES, TreeNode, category_search, is_catalogue_tree, tree_nodes
from tests.crawler.helpers import FILES

TREE = "http://www.kenli.gov.cn/module/xxgk/tree.jsp?standardXxgk=1&area=11370521004511115Y&divid=div4"


def test_a_trees_categories_are_its_nodes_clicks_and_labels():
    nodes = tree_nodes((FILES / "xxgk_tree.html").read_text())
    assert nodes == [TreeNode("KL0101", "政府信息公开指南"), TreeNode("KL0201", "政府信息公开制度"),
                     TreeNode("KL0601", "政府信息公开年报"), TreeNode("KL0701", "法定主动公开内容")]
    assert [n.infotype for n in nodes if says_column(n.label)] == ["KL0601"]


def test_a_category_is_posted_to_search_jsp_with_the_unit_and_div_the_tree_names():
    url, form = category_search(TREE, TreeNode("KL0601", "政府信息公开年报"))
    assert url == ("http://www.kenli.gov.cn/module/xxgk/search.jsp?standardXxgk=1&area=11370521004511115Y"
                   "&divid=div4&infotypeId=KL0601&sortfield=createdatetime%3A0%2Corderid%3A0")
    assert dict(form) == {"standardXxgk": "1", "area": "11370521004511115Y", "divid": "div4", "infotypeId": "KL0601",
                          "sortfield": "createdatetime:0,orderid:0", "currpage": "1"}
    assert is_catalogue_tree(TREE) and not is_catalogue_tree("http://www.kenli.gov.cn/module/xxgk/search.jsp")


def test_a_flood_of_nodes_costs_little_and_keeps_the_first():
    flood = "d.add(1,0,'<a onclick=\"funclick(\\'A1\\',\\'x\\');\">指南</a>');\n" * 100_000
    started = time.monotonic()
    nodes = tree_nodes(flood + "funclick('B9') >政府信息公开年报")
    assert time.monotonic() - started < 1
    assert len(nodes) == MAX_NODES and {n.infotype for n in nodes} == {"A1"}
