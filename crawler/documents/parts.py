"""Which attachments of a report's article are parts of that one report, bundled with it (``crawler.documents.bundle``).

Agencies publish a report as an article whose tables are in an attachment (附表.xls, 附件2 统计表.pdf), or as
an article of several attachments that are its parts (正文.pdf and 附表.xls, 附件1 and 附件2). Read apart, the
article has no tables and the attachment no prose: each looks like a report missing sections. The rule, by
positive evidence only:

- an attachment whose name (its link text, else its file name) names a part of a report is one: a table's
  words (附表, 统计表, 表格, 数据表), 正文, or a bare 附件N naming nothing else;
- on an article holding the report's text, a workbook (xls, xlsx, et) is one too: a workbook holds tables,
  never a report's prose;
- an attachment named as a whole report (its own title with 年度报告, no part's word) is a report of its own,
  as before; on an article holding no report text, one such attachment makes every other file of the page
  judged as before too (which are its parts cannot be told).

At most ``MAX_PARTS`` parts an article, each fetched within the site's download limit; the article and its parts
are at most ``MAX_BUNDLE_BYTES`` in all (gxparse's MHTML limit, less base64's third).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

from crawler.documents.content import FILE_NAME, IMAGE_HREF
from crawler.pages.links import Link
from crawler.steering.classify import Verdict, classify_title

MAX_PARTS = 4
MAX_BUNDLE_BYTES = 40 * 1024 * 1024
_TABLE_WORDS = re.compile(r"附表|统计表|表格|数据表|正文")
_BARE_ATTACHMENT = re.compile(r"^附件[0-9一二三四五六七八九十]{0,2}[:：]?$")
_WORKBOOK = re.compile(r"\.(?:xlsx?|et)(?:[?#].*)?$", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[\s()（）【】\[\]《》<>“”\"'、,，.。;；_\-—]+")


def part_name(link: Link) -> str:
    """The name an attachment goes by: its link text, else its file name, without extension or punctuation."""
    text = link.text.strip() or unquote(urlsplit(link.url).path.rsplit("/", 1)[-1])
    return _PUNCTUATION.sub("", FILE_NAME.sub("", text))


def names_part(link: Link) -> bool:
    """The attachment's name says it is a part of a report (附表, 统计表, 正文, a bare 附件2)."""
    name = part_name(link)
    return bool(_TABLE_WORDS.search(name) or _BARE_ATTACHMENT.match(name))


def report_parts(files: Sequence[Link], holds_report: bool) -> list[Link]:
    """The attachments of an article that are parts of its report (none: each file is judged as before);
    ``holds_report``: the article's own text holds the report's sections."""
    files = [f for f in files if not IMAGE_HREF.search(f.url) and f.source in ("a", "area")]
    # each file's name judged once, never looked up in a list: an article listing 10⁴ attachments named 附表N took
    # 8.7 s of the spider's event loop so
    parts = [names_part(f) for f in files]
    if holds_report:
        found = [f for f, part in zip(files, parts) if part or _WORKBOOK.search(f.url) and not _whole_report(f)]
    elif any(_whole_report(f) for f, part in zip(files, parts) if not part):
        found = []
    else:
        found = [f for f, part in zip(files, parts) if part]
    return found[:MAX_PARTS]


def _whole_report(link: Link) -> bool:
    """Named as a whole report of its own: a report's title (年度报告) and no part's word."""
    return classify_title(part_name(link)) is Verdict.REPORT and not names_part(link)


def part_urls(files: list[Link], holds_report: bool) -> list[str]:
    """Which of the attachments of an article's pages are parts of its report (``crawler.documents.parts``), in
    order."""
    return list(dict.fromkeys(link.url for link in report_parts(files, holds_report)))


def attachment_verdicts(files: list[Link], page: Verdict) -> list[tuple[Link, Verdict]]:
    """Which files of a report page to fetch, and how sure we are each is the report.

    Files named as a report are the report. Otherwise a report page's only file is its report, and images
    on a report page are its scanned pages (each becomes a document); with several other unnamed files, or
    on a page that only might be a report, gxparse decides file by file.
    """
    verdicts = [(f, classify_title(f.text)) for f in files]
    named = [(f, v) for f, v in verdicts if v is Verdict.REPORT]
    if named:
        return named
    candidates = [f for f, v in verdicts if v is not Verdict.LOOKALIKE]
    if page is Verdict.REPORT and (len(candidates) == 1 or all(IMAGE_HREF.search(f.url) for f in candidates)):
        return [(f, Verdict.REPORT) for f in candidates]  # one file, or the scanned pages of one report
    return [(f, Verdict.MAYBE) for f in candidates]
