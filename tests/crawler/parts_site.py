"""A small site (tests/crawler/hostile.py's HostileSite) whose reports are published in parts: an article with its
prose whose tables are in 附表.xls; an article of two attachments, 正文.pdf and 附表.xls; and a decoy, an article
whose one attachment is a complete report of its own (tests/fixtures/real's 洪泽区 2023 PDF)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from tests.crawler.hostile import Answer, HostileSite, page

FILES = Path(__file__).resolve().parent.parent / "files"
REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"
XLS = "application/vnd.ms-excel"
ARTICLE = "/ndbg/t20220120_91.html"          # prose in the page, tables in ./parts_tables.xls
TABLES = "/ndbg/parts_tables.xls"
OF_PARTS = "/ndbg/t20240120_92.html"         # 正文.pdf and 附表.xls
BODY, BODY_TABLES = "/files/zw.pdf", "/files/fb.xls"
DECOY = "/ndbg/t20240120_93.html"            # one attachment, a whole report
WHOLE = "/files/hongze_2023.pdf"
WHOLE_TITLE = "淮安市洪泽区2023年政府信息公开工作年度报告"


def tables_bytes() -> bytes:
    return (FILES / "parts_tables.xls").read_bytes()


def parts_site() -> HostileSite:
    site = HostileSite("癸市", agencies=("市教育局",))
    article = (FILES / "parts_article_tables_attached.html").read_bytes()
    files = {TABLES: (tables_bytes(), XLS), BODY: ((FILES / "parts_body.pdf").read_bytes(), "application/pdf"),
             BODY_TABLES: (tables_bytes(), XLS),
             WHOLE: ((REAL / "002_huaian_hongze_2023.pdf").read_bytes(), "application/pdf")}
    site.answers.update({path: Answer(body, kind) for path, (body, kind) in files.items()})
    site.answers[ARTICLE] = Answer(article)
    site.answers[OF_PARTS] = Answer(_article("癸市审计局2023年政府信息公开工作年度报告", "现将本局2023年政府信息公开工作"
                                             "年度报告公布如下。", [("附件1：正文.pdf", BODY), ("附件2：附表.xls", BODY_TABLES)]))
    site.answers[DECOY] = Answer(_article(WHOLE_TITLE, "", [(f"{WHOLE_TITLE}.pdf", WHOLE)]))
    for path, title in ((ARTICLE, "开封市人民政府2021年政府信息公开工作年度报告"),
                        (OF_PARTS, "癸市审计局2023年政府信息公开工作年度报告"), (DECOY, WHOLE_TITLE)):
        site.column_extra.append(f'<li><a href="{path}">{escape(title)}</a></li>')
    return site


def _article(title: str, text: str, files: list[tuple[str, str]]) -> bytes:
    links = "".join(f'<p><a href="{href}">{escape(name)}</a></p>' for name, href in files)
    return page(title, f'<div class="article"><h1>{escape(title)}</h1><div class="info">发布日期：2024-01-20</div>'
                       f'<div class="content"><p>{escape(text)}</p>{links}</div></div>')
