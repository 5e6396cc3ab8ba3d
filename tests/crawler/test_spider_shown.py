"""Reports a page shows without holding them (crawler.documents.shown): a viewer's file linked from a list, a file
behind the page's download function, an article body its script loads from a file of its own; and an article given as a
detail API's JSON. Frozen pages in tests/files/."""

from __future__ import annotations

from urllib.parse import quote

import scrapy
from scrapy.http import HtmlResponse, Request, TextResponse

from crawler.items import ReportDocument
from tests.crawler.helpers import FILES, document_meta, file_response, list_meta

SITE = "http://www.zhoukou.gov.cn"
ARTICLE = SITE + "/mzj/art/2025/7301.html"


def _requests(results) -> list[scrapy.Request]:
    return [r for r in results if isinstance(r, scrapy.Request)]


def test_a_lists_links_to_a_pdf_viewer_request_the_file_it_shows(spider):
    page = SITE + "/fgw/xxgk/ndbg/index.html"
    out = _requests(spider.parse_page(file_response("list_pdf_viewer_links.html", page, list_meta())))
    documents = {r.url: r.meta["verdict"] for r in out + spider._held.release_all() if r.meta["role"] == "document"}
    assert documents == {SITE + "/fgw/upload/2025/01/nb2024.pdf": "report",
                         SITE + "/fgw/upload/2024/01/nb2023.pdf": "report",
                         SITE + "/fgw/art/2023/nb2022.html": "report"}


def test_a_file_the_pages_download_function_fetches_is_the_reports_attachment(spider):
    page = SITE + "/jyj/art/2025/8812.html"
    requests = _requests(spider.parse_document(file_response("detail_download_function.html", page, document_meta())))
    assert [(r.url, r.meta["verdict"]) for r in requests] == [(SITE + "/jyj/common/download.do?fileId=88121", "report")]


def test_an_article_body_loaded_from_a_file_of_its_own_is_the_report(spider):
    requests = _requests(spider.parse_document(file_response("detail_body_loaded.html", ARTICLE, document_meta())))
    assert [(r.url, r.meta["page_title"]) for r in requests] == [
        (SITE + "/mzj/content/2025/7301.htm", "西屏市民政局2024年政府信息公开工作年度报告")]
    fragment = HtmlResponse(url=requests[0].url, body=(FILES / "body_loaded_fragment.htm").read_bytes(),
                            request=Request(requests[0].url, meta=requests[0].meta))
    items = [i for i in spider.parse_document(fragment) if isinstance(i, ReportDocument)]
    assert [(i.final_url, i.page_title, i.agency, i.year) for i in items] == [
        (SITE + "/mzj/content/2025/7301.htm", "西屏市民政局2024年政府信息公开工作年度报告", "西屏市民政局", 2024)]


def _asked(spider, name: str, page: str, verdict: str = "report", **meta) -> tuple[list, list]:
    """The files a frozen article page asks for (address, verdict) and the pages it yields as reports."""
    out = list(spider.parse_document(file_response(name, page, {**document_meta(verdict), **meta})))
    return ([(r.url, r.meta["verdict"]) for r in _requests(out)],
            [i.final_url for i in out if isinstance(i, ReportDocument)])


def test_files_a_sites_own_scripts_name_are_no_attachments_of_a_report(spider):
    # a site-wide script's 帮助.pdf and 无障碍 doc, a 下载中心 list, a header's 操作手册 button beside the report's
    # own download button (点击下载, its address the page's function builds)
    page = SITE + "/jyj/art/2025/8812.html"
    assert _asked(spider, "detail_site_script_files.html", page) == (
        [(SITE + "/jyj/common/download.do?fileId=88121", "report")], [])


def test_a_file_a_clicked_attachment_hands_a_site_wide_script_is_the_reports_attachment(spider):
    # <a href="javascript:OpenAttachment('/…/attach/0/…')">附件1</a>, onclick="DownLoad('/…/DownLoad.aspx?fileid=…')"
    # under 附件下载, the functions in the site's common.js; the header's 操作手册 button names no report's file.
    # Two files named by neither: gxparse decides which is the report.
    page = SITE + "/slj/art/2025/t20250120_3101.html"
    assert _asked(spider, "detail_attachment_handlers.html", page) == (
        [(SITE + "/slj/attach/0/5f2a91c3e7d4.pdf", "maybe"), (SITE + "/slj/DownLoad.aspx?fileid=20250120", "maybe")],
        [])


def test_a_reports_file_on_a_government_storage_host_is_asked_there_and_one_elsewhere_is_not(spider):
    # a JCMS article's 附件 on its province's object storage (…cloud.xp.gov.cn/jcms_files/…/attach/0/….pdf)
    page = SITE + "/tjj/art/2025/1/22/art_1229_3102.html"
    out = _requests(spider.parse_document(file_response("detail_attachment_file_host.html", page, document_meta())))
    assert {r.url: r.meta["allow_offsite"] for r in out} == {
        "https://jcmsfiles.cloud.xp.gov.cn/jcms_files/jcms1/web3432/site/attach/0/3a2fa631275c4ade.pdf": True,
        "https://wenku.example.com/d/3a2fa631.pdf": False}


def test_a_banners_file_in_a_script_is_no_report_and_the_page_is(spider):
    page = SITE + "/mzj/art/2025/7302.html"
    assert _asked(spider, "detail_script_banner.html", page) == ([], [page])


def test_a_file_a_script_shows_named_as_the_report_is_the_report(spider):
    page = SITE + "/sfj/art/2025/501.html"
    assert _asked(spider, "detail_script_embedded_report.html", page) == (
        [(SITE + "/sfj/upload/2025/" + quote("西屏市司法局2024年政府信息公开工作年度报告.pdf"), "report")], [])


def _answered(spider, name: str, url: str, link_text: str) -> list[ReportDocument]:
    request = Request(url, meta=document_meta("maybe", link_text))
    response = TextResponse(url=url, body=(FILES / name).read_bytes(), request=request,
                            headers={"Content-Type": "application/json;charset=UTF-8"})
    return [i for i in spider.parse_document(response) if isinstance(i, ReportDocument)]


def test_an_article_given_as_a_detail_apis_json_is_titled_by_its_answer(spider):
    # a list API's item under a title cut short links its article's detail API (/api/article/8842)
    url = SITE + "/sfj/api/article/8842"
    items = _answered(spider, "detail_api_article.json", url, "西屏市司法局2024年政府信息公开工…")
    assert [(i.final_url, i.page_title, i.verdict, i.agency, i.year, i.published_at) for i in items] == [
        (url, "西屏市司法局2024年政府信息公开工作年度报告", "report", "西屏市司法局", 2024, "2025-01-24")]
    assert items[0].body == (FILES / "detail_api_article.json").read_bytes()   # kept as sent: gxparse reads it


def test_an_article_given_as_json_whose_title_is_a_look_alike_is_no_report(spider):
    assert _answered(spider, "detail_api_budget.json", SITE + "/sfj/api/article/8801", "西屏市司法局2024年…") == []


def test_a_download_naming_no_file_is_read_by_the_title_of_its_link(spider):
    # <a href="/attach/0/8a8e…" title="…年度报告.pdf">下载</a>: the address and the text name nothing
    asked, _ = _asked(spider, "detail_attachment_named_by_title.html", SITE + "/czj/art/2025/cz9.html")
    assert asked == [(SITE + "/attach/0/8a8e81c97d3e2f1a017d9b4c9e290a1", "report")]


def test_a_report_page_that_is_a_frameset_asks_its_frames_and_is_no_report_itself(spider):
    # an old GBK frameset titled as the report, a banner frame and the report's frame: each frame judged by its title
    asked, yielded = _asked(spider, "detail_frameset.html", SITE + "/jyj/art/2023/art_2022.html")
    assert (asked, yielded) == ([(SITE + "/jyj/art/2023/top.html", "maybe"), (SITE + "/jyj/art/2023/main_2022.html",
                                                                               "maybe")], [])
    assert all(request.meta["framed"] for request in _requests(
        spider.parse_document(file_response("detail_frameset.html", SITE + "/jyj/art/2023/art_2022.html",
                                            document_meta("report")))))


def test_a_frame_that_is_a_frameset_asks_no_frames_of_its_own(spider):
    # framesets each naming ten new ones, titled as the report, were a trap without end: 2,325 pages in 110 s of a
    # crawl, beside a good site, until the crawl's timeout
    asked, _ = _asked(spider, "detail_frameset.html", SITE + "/jyj/art/2023/f7.html", framed=True)
    assert asked == []


def test_a_file_a_viewer_script_draws_into_the_article_is_the_report_whatever_its_name(spider):
    page = SITE + "/wjw/art/2024/5501.html"
    requests = _requests(spider.parse_document(file_response("detail_pdfobject_embed.html", page, document_meta())))
    assert [r.url for r in requests] == [SITE + "/wjw/upload/2024/0120/5f3a9c2e.pdf"]


def test_a_lists_links_to_document_previews_request_the_files_they_show(spider):
    # kkFileView's onlinePreview?url=<Base64> (4.x) and url=<address> (2.x), Office Online's view.aspx?src=, 永中
    # DCS's onlinefile?downloadUrl=, pdf.js's file= encoded twice, a preview?fileUrl= of a download script; a file
    # on a government storage host is asked there, one on another host is not; a preview of a 预算 is no report
    page = SITE + "/sjj/xxgk/ndbg/index.html"
    out = _requests(spider.parse_page(file_response("list_preview_links.html", page, list_meta())))
    documents = {r.url: (r.meta["verdict"], r.meta.get("allow_offsite", False))
                 for r in out + spider._held.release_all() if r.meta["role"] == "document"}
    assert documents == {SITE + "/sjj/upload/2025/01/3f2a9c.pdf": ("report", False),
                         SITE + "/sjj/upload/2024/01/9c1d7e.docx": ("report", False),
                         SITE + "/sjj/upload/2023/01/a7e25b.doc": ("report", False),
                         SITE + "/sjj/upload/2022/01/b8f34d.pdf": ("report", False),
                         SITE + "/sjj/upload/2021/01/c9a41e.pdf": ("report", False),
                         SITE + "/sjj/common/download.do?fileId=2019": ("report", False),
                         "https://jcmsfiles.cloud.xp.gov.cn/jcms_files/jcms1/web3501/site/attach/0/d1e2f3a4.pdf":
                             ("report", True)}


def test_an_articles_file_linked_or_framed_through_a_preview_is_asked_itself(spider):
    # 附件 linked to kkFileView as 在线预览 (onlinePreview?url=<Base64>), a table framed by Office Online
    # (embed.aspx?src=), 附件2's preview opened by a click: none named, gxparse decides which is the report
    page = SITE + "/hbj/art/2025/9101.html"
    assert sorted(_asked(spider, "detail_preview_links.html", page)[0]) == [
        (SITE + "/hbj/upload/2025/01/7d3e1a.pdf", "maybe"), (SITE + "/hbj/upload/2025/01/7d3e1b.xlsx", "maybe"),
        (SITE + "/hbj/upload/2025/01/7d3e1c.docx", "maybe")]


def test_a_file_a_script_in_the_articles_body_hands_a_call_is_the_report_whatever_its_name(spider):
    # 博达's article: <div id="vsb_content"><div class="v_news_content"><p><script>showVsbpdfIframe("/__local/….pdf",
    # …)</script></p></div></div>; a sidebar's call and the header's script hand other files, no report's
    page = SITE + "/info/1052/20831.htm"
    assert _asked(spider, "detail_body_script_viewer.html", page) == (
        [(SITE + "/__local/5/3A/2F/9E1C4B7D0A2F6E8C.pdf", "report")], [])


def test_a_script_deeper_than_the_bound_below_the_body_hands_it_no_file():
    import lxml.html

    from crawler.documents.shown import MAX_BODY_DEPTH, embedded_files

    def page(depth: int) -> str:
        call = '<script>showVsbpdfIframe("/__local/a.pdf", "100%");</script>'
        return f'<div id="vsb_content">{"<div>" * depth}{call}{"</div>" * depth}</div>'

    assert embedded_files(lxml.html.fromstring(page(MAX_BODY_DEPTH - 1)), SITE + "/") == [SITE + "/__local/a.pdf"]
    assert embedded_files(lxml.html.fromstring(page(MAX_BODY_DEPTH)), SITE + "/") == []


def test_a_file_a_clicked_attachment_hands_a_site_wide_script_relative_to_the_page_is_its_attachment(spider):
    # href="javascript:OpenAttachment('upload/2025/01/….pdf')", the function in the site's common.js, opened where
    # the browser would; the header's 帮助 handing a file names neither the report nor a download
    page = SITE + "/lyj/art/2025/3103.html"
    assert _asked(spider, "detail_attachment_handler_relative.html", page) == (
        [(SITE + "/lyj/art/2025/upload/2025/01/6c1f0a9e.pdf", "report")], [])


def test_a_file_a_viewer_keeps_in_a_data_attribute_its_script_reads_is_the_report(spider):
    # a JPaaS article showing its report with pdf.js: the file only in <div id="pdfshow" data-value="…pdf">, on the
    # province's storage host
    page = "http://www.zhoukou.gov.cn/art/2025/1/20/art_1229010105_1010500.html"
    assert _asked(spider, "detail_pdfshow_viewer.html", page) == (
        [("https://jcmspublic.oss-cn-hangzhou-zwynet-d01-a.internet.cloud.zj.gov.cn/jcms_files/jcms1/web3630/site/"
          "attach/0/a1b2c3d4e5.pdf", "report")], [])


def test_a_file_an_element_other_than_a_link_names_by_its_href_is_the_reports_attachment(spider):
    # the /info/iList.jsp platform's article (四川 绵竹, 德阳): its files as <file href="/wcm.files/….pdf"> elements in
    # #attribute span.gk.fj; a widget's href and a <file> naming a page are no files
    page = "http://www.mz.gov.cn/gk/fjbm/jyj/fadingnarong/xxgknb/1956445.htm"
    assert _asked(spider, "detail_file_element.html", page) == (
        [("http://www.mz.gov.cn/wcm.files/upload/GKjyj/eupload/ueditor/file/20250120/1737345437452077195.pdf",
          "report")], [])


def test_elements_past_the_bound_name_no_file():
    import lxml.html

    from crawler.documents.shown import MAX_NAMING, named_files

    def page(before: int) -> str:
        return '<div>' + '<widget href="/share.html">分享</widget>' * before + '<file href="/f/a.pdf">a.pdf</file></div>'

    assert [link.url for link in named_files(lxml.html.fromstring(page(MAX_NAMING - 1)), SITE + "/")] == [
        SITE + "/f/a.pdf"]
    assert named_files(lxml.html.fromstring(page(MAX_NAMING)), SITE + "/") == []
