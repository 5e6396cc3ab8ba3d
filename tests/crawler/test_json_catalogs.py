"""Platforms drawn by scripts (广东 gkmlpt and its kind): the column tree in a script's JSON, lists as JSON
answers with their other pages, and the platform on a host of its own."""

from __future__ import annotations

import json

import scrapy
from scrapy.http import Request, TextResponse

from crawler.scripted.jsonlinks import (MAX_DEPTH, MAX_EMBEDDED, MAX_EMBEDDED_CHARS, json_answer_links,
                                       script_json_links)
from crawler.scripted.scriptapis import item_urls
from crawler.steering.pagers import json_page_urls
from tests.crawler.helpers import FILES, file_response, list_meta

INDEX = "http://www.zhoukou.gov.cn/gkmlpt/index"
API_2020 = "http://www.zhoukou.gov.cn/gkmlpt/api/all/2059?page=1&sid=757"


def _requests(results) -> list[scrapy.Request]:
    return [r for r in results if isinstance(r, scrapy.Request)]


def _answer(url: str = API_2020, meta: dict | None = None) -> TextResponse:
    return TextResponse(url=url, body=(FILES / "gkmlpt_api_nb2020.json").read_bytes(),
                        headers={"Content-Type": "application/json;charset=UTF-8"}, encoding="utf-8",
                        request=Request(url, meta=meta or {"role": "page", "hops": 2, "link_text": "2020年"}))


def test_a_tree_in_a_script_gives_each_column_under_its_parent_name():
    code = (FILES / "gkmlpt_index.html").read_text(encoding="utf-8")
    links = {link.name: link for link in script_json_links(code, INDEX)}
    assert links["2020年"].url == API_2020
    assert links["2020年"].heading == "政府信息公开年报"


def test_the_year_columns_of_the_tree_are_followed_first(spider):
    requests = _requests(spider.parse_page(file_response("gkmlpt_index.html", INDEX, list_meta("page"))))
    by_url = {r.url: r for r in requests}
    assert by_url[API_2020].meta["step"] == "follow"
    assert by_url[API_2020].priority > by_url["http://www.zhoukou.gov.cn/gkmlpt/guide"].priority


def test_an_answer_lists_its_reports_as_documents(spider):
    documents = [r for r in _requests(spider.parse_page(_answer())) if r.meta["role"] == "document"]
    urls = {r.url for r in documents + [r for r in spider._held.release_all() if r.meta["role"] == "document"]}
    assert "http://www.zhoukou.gov.cn/gkmlpt/content/2/2916/post_2916840.html#2059" in urls
    assert "http://www.zhoukou.gov.cn/attachment/202101/639200/0.docx" in urls
    assert not any("post_2917001" in u for u in urls)     # 图解 is a look-alike


def test_an_answer_gives_the_other_pages_of_its_list(spider):
    pages = {r.url for r in _requests(spider.parse_page(_answer())) if r.meta["role"] == "list"}
    assert pages == {API_2020.replace("page=1", "page=2"), API_2020.replace("page=1", "page=3")}


def test_the_date_beside_an_answer_item_is_kept():
    links = {link.url: link for link in json_answer_links((FILES / "gkmlpt_api_nb2020.json").read_text("utf-8"),
                                                          API_2020)}
    assert links["http://www.zhoukou.gov.cn/gkmlpt/content/2/2916/post_2916840.html#2059"].date == "2021-01-20"


def test_pages_counted_by_a_page_count_from_page_zero():
    urls = json_page_urls('{"data": {"totalPage": 3, "list": []}}', "http://a.gov.cn/api/list?pageNo=0&col=9")
    assert urls == ["http://a.gov.cn/api/list?pageNo=1&col=9", "http://a.gov.cn/api/list?pageNo=2&col=9"]


def test_no_page_key_or_no_count_no_pages():
    assert json_page_urls('{"total": 90, "pageSize": 20}', "http://a.gov.cn/api/list?col=9") == []
    assert json_page_urls('{"articles": []}', "http://a.gov.cn/api/list?page=1") == []
    assert json_page_urls("<html></html>", "http://a.gov.cn/api/list?page=1") == []


def test_a_hostile_answer_is_walked_within_bounds():
    nested = '{"c": [' * (MAX_DEPTH + 1) + '{"title": "2020年报", "url": "/deep"}' + "]}" * (MAX_DEPTH + 1)
    assert json_answer_links(nested, "http://a.gov.cn/") == []
    too_deep = "[" * 100_000 + "]" * 100_000
    assert json_answer_links(too_deep, "http://a.gov.cn/") == []
    assert json_page_urls(too_deep, "http://a.gov.cn/api?page=1") == []


def test_the_sites_own_platform_on_a_host_of_its_own_is_entered(spider):
    url = "http://www.zhoukou.gov.cn/zwgk/index.html"
    requests = _requests(spider.parse_page(file_response("portal_xxgk_elsewhere.html", url, list_meta("page"))))
    urls = {r.url for r in requests}
    assert "http://xxgk.zk-open.gov.cn/gkmlpt/index" in urls
    assert spider.scope.contains("http://xxgk.zk-open.gov.cn/gkmlpt/api/all/1?page=1")


def test_a_platform_among_links_to_elsewhere_is_not_entered(spider):
    url = "http://www.zhoukou.gov.cn/zwgk/index.html"
    urls = {r.url for r in _requests(spider.parse_page(file_response("portal_xxgk_elsewhere.html", url,
                                                                      list_meta("page"))))}
    assert "http://www.gov.cn/zhengce/xxgk/" not in urls
    assert not spider.scope.contains("http://www.gov.cn/zhengce/xxgk/")


TREE = "http://www.zhoukou.gov.cn/xxgk/tree.do"


def _tree(url: str = TREE) -> TextResponse:
    return TextResponse(url=url, body=(FILES / "ztree_async_root.json").read_bytes(),
                        headers={"Content-Type": "application/json;charset=UTF-8"}, encoding="utf-8",
                        request=Request(url, meta={"role": "page", "hops": 2, "link_text": "主动公开目录"}))


def test_a_closed_branch_of_a_tree_loaded_a_branch_at_a_time_links_to_its_children():
    links = {link.name: link.url for link in json_answer_links(_tree().text, TREE)}
    assert links["法定主动公开内容"] == TREE + "?id=1"


def test_a_branch_asked_for_its_children_replaces_the_id_it_was_asked_with():
    links = {link.name: link.url for link in json_answer_links(_tree().text, TREE + "?id=9")}
    assert links["法定主动公开内容"] == TREE + "?id=1"


def test_a_node_that_is_no_branch_or_has_an_address_is_not_asked_for_children():
    links = {link.name: link.url for link in json_answer_links(_tree().text, TREE)}
    assert (links["依申请公开"], "政府信息公开制度" in links) == ("http://www.zhoukou.gov.cn/xxgk/ysqgk.html", False)


def test_the_branches_of_a_tree_answer_reached_by_a_link_are_requested(spider):
    urls = {r.url for r in _requests(spider.parse_page(_tree()))}
    assert TREE + "?id=1" in urls


def test_a_flat_trees_nodes_are_headed_by_the_node_their_parent_id_names():
    # zTree's simpleData: no nesting, each node naming its parent's id; the departments under 部门信息公开
    text = (FILES / "catalog_flat_tree.json").read_text(encoding="utf-8")
    answer = json_answer_links(text, "http://www.zhoukou.gov.cn/api/catalog/tree.json")
    headings = {link.name: link.heading for link in answer}
    assert headings["市交通运输局"] == headings["市审计局"] == "部门信息公开"
    assert headings["沈丘县"] == headings["政府信息公开年报"] == ""   # pId 0 names no node


def test_a_flat_tree_department_is_entered_as_a_sub_site(spider):
    url = "http://www.zhoukou.gov.cn/api/catalog/tree.json"
    response = TextResponse(url, body=(FILES / "catalog_flat_tree.json").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/json"}, request=Request(url, meta=list_meta("page")))
    entered = {r.url: r.meta.get("enter") for r in spider.parse_page(response) if isinstance(r, scrapy.Request)}
    assert entered["http://sjj.zhoukou.gov.cn/"] == ("市审计局", "部门信息公开")


def test_a_list_dated_only_by_epoch_times_gives_each_item_the_day_in_china():
    text = (FILES / "gkmlpt_articles_epoch.json").read_text(encoding="utf-8")
    dates = {link.url.rsplit("/", 1)[1]: link.date for link in json_answer_links(text, API_2020)}
    # milliseconds; seconds whose UTC day is the day before China's; 23:59:59 in China; zero; past 2099
    assert dates == {"post_20592025.pdf": "2026-01-20", "post_20592023.html": "2024-01-20",
                     "post_20592022.html": "2023-01-19", "post_1.html": None, "post_2.html": None}


def test_an_answers_item_paths_are_joined_with_the_base_the_pages_script_writes_before_them():
    code = (FILES / "list_relative_items.js").read_text(encoding="utf-8")
    links = json_answer_links((FILES / "api_relative_items.json").read_text("utf-8"),
                              "https://www.zhoukou.gov.cn/api/cms/list.json?channelId=12&pageNo=1",
                              item_urls=item_urls(code))
    assert [link.url for link in links] == ["https://www.zhoukou.gov.cn/xxgk/ndbg/2024/art_1124.html",
                                            "https://www.zhoukou.gov.cn/xxgk/ndbg/2023/art_1023.html",
                                            "https://www.zhoukou.gov.cn/xxgk/zn/index.html"]


def test_an_answers_item_paths_without_a_base_in_the_script_are_the_answers():
    links = json_answer_links((FILES / "api_relative_items.json").read_text("utf-8"),
                              "https://www.zhoukou.gov.cn/api/cms/list.json?channelId=12&pageNo=1")
    assert links[0].url == "https://www.zhoukou.gov.cn/api/cms/2024/art_1124.html"


def test_an_answers_item_paths_are_joined_with_the_base_the_script_declares():
    code = "var base = '/xxgk/ndbg/';\n$.each(res.data, function (i, item) { var href = base + item.url; });"
    links = json_answer_links((FILES / "api_relative_items.json").read_text("utf-8"),
                              "https://www.zhoukou.gov.cn/api/cms/list.json", item_urls=item_urls(code))
    assert links[1].url == "https://www.zhoukou.gov.cn/xxgk/ndbg/2023/art_1023.html"


def test_an_address_written_as_json_in_a_string_is_read_its_desktop_one_first():
    # 开普云's platforms: "urls": "{\"pc\": …, \"h5\": …}", "articleFiles": "[{\"fileName\": …, \"url\": …}]"
    links = json_answer_links((FILES / "ucap_querylist.json").read_text(encoding="utf-8"),
                              "http://fgw.zhoukou.gov.cn/queryList")
    title = "西川市发展和改革委员会{}年政府信息公开工作年度报告"
    assert [(link.url, link.name) for link in links] == [
        ("http://fgw.zhoukou.gov.cn/xcsfgw/ndbg/pc/content/content_2062796646723690496.html", title.format(2024)),
        ("http://fgw.zhoukou.gov.cn/xcsfgw/ndbg/pc/content/content_2062796646723689496.html", title.format(2023)),
        ("http://fgw.zhoukou.gov.cn/doc/ucap/1749973237782081536/document/20240120/iGNhYG0T.pdf",
         f"{title.format(2023)}.pdf")]


def test_json_in_strings_is_read_within_bounds():
    inner = json.dumps([{"title": "年报", "url": "/a.html"}])
    too_long = json.dumps([{"title": "年报", "url": "/b.html", "x": "y" * MAX_EMBEDDED_CHARS}])
    answer = json.dumps({"list": [{"files": too_long}] + [{"files": inner} for _ in range(MAX_EMBEDDED + 5)]})
    links = json_answer_links(answer, "http://www.zhoukou.gov.cn/api/list")
    assert len(links) == MAX_EMBEDDED
    assert {link.url for link in links} == {"http://www.zhoukou.gov.cn/a.html"}


def test_a_tree_nodes_address_under_a_key_of_its_platforms_own_is_read_from_the_root_only():
    # 安徽's openness platform: jsonTree's nodes give their column's address as "code", their root's parent as "/"
    links = json_answer_links((FILES / "openness_json_tree.json").read_text(encoding="utf-8"),
                              "http://zwgk.example.gov.cn/openness/jsonTree/?branch_id=57a3df762c262ea9a00aae7e")
    assert [(link.name, link.url.rsplit("=", 1)[1], link.heading) for link in links] == [
        ("机构职能", "10000", ""), ("法定主动公开内容", "20000", ""), ("政策文件", "20100", "法定主动公开内容"),
        ("政府信息公开年报", "330000", "")]


def test_a_code_an_id_or_a_path_of_names_is_no_address():
    text = json.dumps([{"name": "年报", "code": "330000", "parent_id": "/", "crumbs": "/首页/信息公开"},
                       {"name": "图标", "icon": "/images/tree/file.png"}], ensure_ascii=False)
    assert json_answer_links(text, "http://zwgk.example.gov.cn/openness/jsonTree/") == []


def test_a_trs_search_answers_documents_are_read_by_their_wcm_fields():
    # 福建's POST /fjdzapp/search: {data: [{doctitle, docpuburl, chnldocurl, docreltime, files: [{_href}]}], pageCount}
    links = json_answer_links((FILES / "fjdzapp_search_answer.json").read_text("utf-8"), "https://www.pingtan.gov.cn/")
    base = "https://www.pingtan.gov.cn/zwgk/zfxxgkzl/zfxxgkml/xxgknb/"
    assert sorted({(link.url, link.name, link.date) for link in links}) == [
        (base + "202401/P020240121560426813281.pdf", "平潭县2023年政府信息公开工作年度报告.pdf", None),
        (base + "202401/t20240121_6537901.htm", "平潭县2023年政府信息公开工作年度报告", "2024-01-21 09:00:00"),
        (base + "202501/t20250120_6537900.htm", "平潭县2024年政府信息公开工作年度报告", "2025-01-20 09:00:00")]


PC_LIST = "http://www.zhoukou.gov.cn/xcxrmzf/c00131/pc/list.html"


def test_a_list_pages_literal_gives_the_addresses_its_rows_write_as_json_in_a_string(spider):
    # the later /pc/list.html edition (自贡, 铜陵): var articleList = [{"title": …, "urls": "{\"pc\": …}"}]
    response = file_response("ucap_pc_list.html", PC_LIST, list_meta())
    requests = _requests(spider.parse_page(response)) + spider._held.release_all()
    urls = {r.url for r in requests if r.meta["role"] == "document"}
    content = "http://www.zhoukou.gov.cn/xcxrmzf/c00131/pc/content/content_{}.html"
    assert {content.format(1826227285095006144), content.format(1894752698139221565)} <= urls
    assert content.format(1879511254269219943) not in urls   # a 政府工作报告 is a look-alike
    assert "http://www.zhoukou.gov.cn/xcxrmzf/c00131/202401/07c6592458f956aac182d0312bedaec0.pdf" in urls


def test_json_in_the_strings_of_a_scripts_literals_is_read_within_one_bound():
    row = json.dumps([{"title": "年报", "urls": json.dumps({"pc": "/a.html"})}] * (MAX_EMBEDDED // 2 + 5))
    links = script_json_links(f"var first = {row};\nvar second = {row};", PC_LIST)
    assert len(links) == MAX_EMBEDDED
    assert {link.url for link in links} == {"http://www.zhoukou.gov.cn/a.html"}


def test_a_files_path_is_joined_with_the_host_its_object_names(spider):
    # 开普云's articleFiles: {"filePath": "/doc/ucap/…/x.pdf", "domainName": "http://file.…"}, a file server's
    url = "http://www.zhoukou.gov.cn/xcqrmzf/c00217/pc/content/content_1829105617392235446.html"
    response = file_response("ucap_pc_served_file.html", url, {"role": "page", "hops": 3, "link_text": "年报"})
    requests = _requests(spider.parse_page(response)) + spider._held.release_all()
    served = "http://file.zhoukou.gov.cn/doc/ucap/1805022902300956039/document/20230120/92dc8e54.pdf"
    assert served in {r.url for r in requests}


def test_a_name_that_is_no_origin_leaves_a_path_with_the_answers_address():
    files = [{"fileName": "年报.pdf", "filePath": "/doc/a.pdf", "domainName": name}
             for name in ("file.zhoukou.gov.cn", "http://file.zhoukou.gov.cn/doc/", "年报")]
    links = json_answer_links(json.dumps(files, ensure_ascii=False), PC_LIST)
    assert {link.url for link in links} == {"http://www.zhoukou.gov.cn/doc/a.pdf"}


def test_a_was5_answer_is_paged_by_page_its_prepage_the_size():
    # TRS WAS5 advsch.jsp: {"count": "4", "docs": […]} asked with prepage=2&page=1; prepage is no page number
    text = (FILES / "was5_advsch_answer.json").read_text(encoding="utf-8")
    url = ("http://ybj.rongquan.gov.cn/was5/web/search?channelid=294271&templet=advsch.jsp&classsql=chnlid%3D35207"
           "&prepage=2&page=1")
    assert json_page_urls(text, url) == [url.replace("&page=1", "&page=2")]
