"""/changes, its Atom feed /changes.atom and /runs over the web tests' archive (SQLite and PostgreSQL).

The archive (tests/web/conftest.py) has nine changes: five new reports on 2024-03-05, Kaifeng 2021's
figures and prose revised on 2024-04-05 and its figures again on 2024-05-05, and the PDF report withdrawn.
"""

from __future__ import annotations

import re

import feedparser
from lxml import etree

from .conftest import XSS_TITLE

ATOM = "{http://www.w3.org/2005/Atom}"


def rows(html: str) -> list[str]:
    """The kinds of the listed changes, in order (their badges)."""
    body = html.split('<table class="list changes-list">', 1)[1].split("</table>", 1)[0]
    return re.findall(r'class="badge kind-(\w+)"', body)


def test_changes_newest_first_with_counts(client):
    page = client.get("/changes")
    assert page.status_code == 200
    assert '<strong id="total">9</strong>' in page.text
    assert rows(page.text)[:3] == ["withdrawn", "figures_changed", "text_changed"]
    assert rows(page.text).count("new_report") == 5
    assert "2024-05-05 14:00" in page.text          # 06:00 UTC shown as 北京时间
    assert XSS_TITLE not in page.text and "&lt;script&gt;" in page.text


def test_changes_filtered_by_period_kind_agency_and_site(client):
    assert rows(client.get("/changes?since=2024-04-01&until=2024-04-30").text) == ["text_changed", "figures_changed"]
    assert rows(client.get("/changes?kind=figures_changed").text) == ["figures_changed", "figures_changed"]
    assert rows(client.get("/changes?kind=withdrawn&kind=text_changed").text) == ["withdrawn", "text_changed"]
    failing = client.get("/changes?kind=failing").text
    assert '<strong id="total">5</strong>' in failing
    assert rows(client.get("/changes?agency=信访局").text) == ["new_report"]
    assert rows(client.get("/changes?site=elsewhere").text) == []
    assert "这段时间没有符合条件的变化" in client.get("/changes?site=elsewhere").text
    recent = client.get("/changes?since=7d")          # the test archive's crawls are from 2024
    assert rows(recent.text) == ["withdrawn"]


def test_wrong_filters_are_400_in_chinese(client):
    wrong_kind = client.get("/changes?kind=everything")
    assert wrong_kind.status_code == 400 and "不是变化类型之一" in wrong_kind.text
    wrong_date = client.get("/changes.atom?since=yesterday")
    assert wrong_date.status_code == 400 and "不是时间段或日期" in wrong_date.text


def _valid_atom(xml: bytes) -> etree._Element:
    """The feed's root, after checking what RFC 4287 requires of a feed and of each entry."""
    root = etree.fromstring(xml)
    assert root.tag == f"{ATOM}feed"
    for element in (root, *root.findall(f"{ATOM}entry")):
        for required in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{required}")) == 1, (element.tag, required)
    assert root.find(f"{ATOM}author/{ATOM}name").text == "gxmon"
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    return root


def test_feed_is_atom_with_the_page_filters(client):
    answer = client.get("/changes.atom?site=kf")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/atom+xml"
    root = _valid_atom(answer.content)
    feed = feedparser.parse(answer.content)
    assert not feed.bozo and feed.version == "atom10"
    assert len(feed.entries) == 9 and len({e.id for e in feed.entries}) == 9
    revised = feed.entries[1]
    assert revised.title == "开封市人民政府 2021年：数字修改（有错误）"
    assert re.fullmatch(r"http://testserver/diff/\d+/\d+", revised.link)
    assert revised.updated.startswith("2024-05-05T14:00:00+08:00")
    assert [t.term for t in revised.tags] == ["figures_changed"]
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://testserver/changes?site=kf"
    xss = next(e for e in feed.entries if "潢川县" in e.title)
    assert XSS_TITLE in xss.summary and b"<script>" not in answer.content     # text, escaped as XML


def test_feed_per_filter(client):
    withdrawn = feedparser.parse(client.get("/changes.atom?kind=withdrawn").content)
    assert [e.tags[0].term for e in withdrawn.entries] == ["withdrawn"]
    assert withdrawn.feed.title == "gxmon 年报变化：撤回"
    empty = client.get("/changes.atom?site=elsewhere")
    assert _valid_atom(empty.content).findall(f"{ATOM}entry") == []
    page = client.get("/changes?kind=withdrawn&site=kf").text
    assert 'href="/changes.atom?site=kf&amp;kind=withdrawn"' in page       # the page links its own feed


def test_runs_lists_every_crawl_with_coverage(client):
    page = client.get("/runs")
    assert page.status_code == 200 and '<strong id="total">3</strong>' in page.text
    listed = re.findall(r'<tr id="run-(\d+)"', page.text)
    assert listed == sorted(listed, key=int, reverse=True) and len(listed) == 3
    assert "4 个子站" in page.text and "1 个未找到年报栏目" in page.text \
        and "1 个无法抓取" in page.text and "1 个抓取陷阱" in page.text
    assert f'href="/runs/{listed[0]}"' in page.text
    assert '<strong id="total">3</strong>' in client.get("/runs?site=kf&status=ok").text
    assert '<strong id="total">0</strong>' in client.get("/runs?status=failed").text
    wrong = client.get("/runs?status=broken")
    assert wrong.status_code == 400 and "不是抓取状态之一" in wrong.text


def test_dashboard_answers_what_changed_what_is_wrong_how_crawls_go(client, web_archive):
    page = client.get("/")
    assert page.status_code == 200
    revised = page.text.split('id="revised"', 1)[1].split("</section>", 1)[0]
    # The test archive's crawls are from 2024: this week saw only the withdrawal (noticed now).
    assert '<span class="big">1</span>' in revised and "kind-withdrawn" in revised
    failing = page.text.split('id="failing"', 1)[1].split("</section>", 1)[0]
    assert f'href="/reports/{web_archive.xinfang}"' in failing and f'href="/reports/{web_archive.kaifeng_2021}"' in failing
    overdue = page.text.split('id="overdue"', 1)[1].split("</section>", 1)[0]
    assert '<span class="big bad">1</span>' in overdue and "开封市审计局" in overdue
    health = page.text.split('id="health"', 1)[1]
    assert 'id="site-kf"' in health and "开封市人民政府网站" in health and "完成" in health
