"""A department menu's answer read for the departments a list call is filled with (crawler/scripted/deptapis.py):
a flat list, a nested children tree, a zTree of {id, pId}; the field the script fills from, the name kept; bounded."""

from __future__ import annotations

from crawler.scripted.deptapis import MAX_DEPARTMENTS, MAX_NODES, Department, departments
from crawler.scripted.scriptapis import FILL_MARK, MAX_JOINED, Fill, api_calls


def test_a_flat_lists_items_are_its_departments_by_the_field_the_script_fills_from():
    answer = {"code": 200, "data": [{"deptId": 101, "deptName": "市教育局"}, {"deptId": "102", "deptName": "市公安局"}]}
    assert departments(answer, ["deptId"]) == [Department("101", "市教育局"), Department("102", "市公安局")]


def test_a_nested_trees_nodes_are_read_parent_first():
    answer = {"data": [{"orgId": "1", "orgName": "市政府", "children": [{"orgId": "2", "orgName": "市发改委"}]},
                       {"orgId": "3", "label": "乡镇", "children": [{"orgId": "4", "label": "城东街道"}]}]}
    assert [(d.key, d.name) for d in departments(answer, ["orgId"])] == [
        ("1", "市政府"), ("2", "市发改委"), ("3", "乡镇"), ("4", "城东街道")]


def test_a_ztrees_nodes_by_the_first_field_they_hold():
    nodes = [{"id": "400", "pId": "0", "name": "直属单位"}, {"id": "401", "pId": "400", "name": "市民政局"}]
    assert [d.key for d in departments(nodes, ["unitCode", "id"])] == ["400", "401"]
    assert departments(nodes, ["deptId"]) == []   # no item holds what the script fills: no department


def test_a_flood_of_departments_is_cut_at_the_limit():
    answer = {"data": [{"id": n, "name": f"单位{n}"} for n in range(MAX_DEPARTMENTS * 3)]}
    assert len(departments(answer, ["id"])) == MAX_DEPARTMENTS
    deep: list = []
    for _ in range(MAX_NODES):   # an answer nested deeper than it is worth: walked no further than MAX_NODES
        deep = [{"id": 1}, deep]
    assert departments(deep, ["id"]) == [Department("1", "")]


def test_a_list_call_keeps_the_parameter_its_script_fills_from_a_menus_item():
    code = ('var deptId = "101"; function choose(d) { deptId = d.deptId; load(); }\n'
            'function load() { axios.get("/api/list", {params: {deptId: deptId, pageNo: 1}}); }')
    assert api_calls(code)[0].fill == Fill("deptId", ("deptId",), True)
    code = ('var unitCode = ""; var s = {callback: {onClick: function (e, t, node) { unitCode = node.id; } } };\n'
            'fetch(`/gk/api/unit/${unitCode}/ndbg?pageNo=1`);')
    call = api_calls(code)[0]
    assert (call.url, call.fill) == (f"/gk/api/unit/{FILL_MARK}/ndbg?pageNo=1", Fill("", ("id", "unitCode"), False))


def test_a_page_key_or_a_value_written_in_place_is_never_filled():
    code = ('function go(t) { pageNo = t.pageNo; channel = t.channel; }\n'
            'axios.get("/api/list", {params: {pageNo: pageNo, channel: "ndbg"}});')
    assert api_calls(code)[0].fill is None


def test_a_second_value_filled_from_an_item_is_sent_as_the_script_gives_it_first():
    code = ('var deptId = "101", columnId = "12"; function choose(d) { deptId = d.deptId; columnId = d.columnId; }\n'
            'axios.get("/api/list", {params: {deptId: deptId, columnId: columnId, pageNo: 1}});')
    call = api_calls(code)[0]
    assert (call.data, call.fill) == ((("deptId", "101"), ("columnId", "12"), ("pageNo", "1")),
                                      Fill("deptId", ("deptId",), True))


def test_an_address_joined_from_strings_and_names_is_the_template_literal_it_equals():
    code = ('var unitCode = ""; var s = {callback: {onClick: function (e, t, node) { unitCode = node.id; } } };\n'
            '$.ajax({url: "/gk/api/unit/" + unitCode + "/ndbg", type: "get", data: {pageNo: 1}});\n'
            'var base = "/xxgk/api", id = "ndbg"; axios.post(base + \'/list/\' + id, {pageNum: 1});')
    assert [(c.url, c.method, c.fill) for c in api_calls(code)] == [
        (f"/gk/api/unit/{FILL_MARK}/ndbg", "GET", Fill("", ("id", "unitCode"), False)),
        ("/xxgk/api/list/ndbg", "POST", None)]


def test_a_joined_address_of_a_page_number_an_unknown_name_or_too_many_pieces_is_not_asked():
    # "/list_" + page is the load-more pager's (crawler.steering.pagers); API is declared nowhere
    assert api_calls('var page = 1; $.get("/list_" + page + ".html", function (h) {}); fetch(API + "/list");') == []
    joined = " + ".join(['"/a"'] + ["x"] * MAX_JOINED)
    assert [c.url for c in api_calls(f'var x = "b"; $.ajax({{url: {joined}, type: "get"}});')] == ["/a" + "b" * MAX_JOINED]
    assert api_calls(f'var x = "b"; $.ajax({{url: {joined} + x, type: "get"}});') == []
