"""Hostile sites crawled together with a good one over real HTTP (tests/crawler/hostile.py): each attack costs
only its own document or site, traps are recognised and what they list is never yielded."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from tests.crawler.hostile import YEARS, Answer, HostileSite, crawled, page
from tests.gxparse.hostile.attacks import BY_NAME, attack_bytes

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FARM_LINKS = 600
CALENDAR_PAGES = 3   # views of a column by day are views, not pages to read
OVERTIME_MAX_TIME, OVERTIME_GRACE, OVERTIME_TIMEOUT = 2.0, 1.0, 60.0


def noise_tiff(pages: int) -> bytes:
    """A TIFF of A4 pages of random specks: seconds of OCR a page, more than a site's parse_seconds."""
    rng = np.random.default_rng(12)
    frame = Image.fromarray((rng.random((2339, 1654)) > 0.5).astype(np.uint8) * 255).convert("1")
    out = io.BytesIO()
    frame.save(out, format="TIFF", save_all=True, append_images=[frame] * (pages - 1), compression="group4",
               dpi=(200, 200))
    return out.getvalue()


def poisoned() -> tuple[HostileSite, dict[str, str]]:
    """Genuine reports, and reports whose attachment is a bomb or takes minutes to read; → their URLs and the
    reason each must be recorded with."""
    site = HostileSite("甲市")
    bombs = {
        site.add_attachment("甲市财政局2023年政府信息公开工作年度报告", "czj.docx",
                            Answer(attack_bytes(BY_NAME["docx-gridspan"]), DOCX)): "表格过大",
        site.add_attachment("甲市审计局2023年政府信息公开工作年度报告", "sjj.pdf",
                            Answer(attack_bytes(BY_NAME["pdf-huge-page"]), "application/pdf")): "页面过大",
        site.add_attachment("甲市统计局2023年政府信息公开工作年度报告", "tjj.tif",
                            Answer(noise_tiff(4), "image/tiff")): "解析超时",
    }
    site.add_attachment("2023年年报", "vague.pdf", Answer(attack_bytes(BY_NAME["pdf-huge-page"]), "application/pdf"))
    return site, bombs


def slow_download() -> tuple[HostileSite, str]:
    site = HostileSite("丙市")
    url = site.add_attachment("丙市财政局2023年政府信息公开工作年度报告", "czj.pdf",
                              Answer(b"%PDF-1.4 never sent", "application/pdf", delay=30.0))
    return site, url


def farm() -> HostileSite:
    """A 年报汇编 page of FARM_LINKS report-looking links to report pages of agencies that do not exist."""
    site = HostileSite("戊市")
    links = []
    for n in range(FARM_LINKS):
        agency, year = f"戊市第{n}局", YEARS[n % len(YEARS)]
        site.answers[f"/hb/{n}.html"] = Answer(page(f"{agency}{year}年政府信息公开工作年度报告",
                                                    f"<h1>{agency}{year}年政府信息公开工作年度报告</h1>"))
        links.append(f'<li><a href="/hb/{n}.html">{agency}{year}年政府信息公开工作年度报告</a></li>')
    site.answers["/hb/"] = Answer(page("年报汇编", f"<ul>{''.join(links)}</ul>"))
    site.answers["/"] = Answer(page("戊市人民政府", '<a href="/ndbg/">政府信息公开年报</a><a href="/hb/">年报汇编</a>'))
    return site


def calendar() -> HostileSite:
    """A 政务日历 on the 年报 column: views of the column by day (``?date=``), each linking the next day without
    end and showing a report-looking link of that day."""
    site = HostileSite("己市")
    column = site.column

    def view(query: dict) -> Answer:
        if "date" not in query:
            answer = column()
            days = "".join(f'<a href="/ndbg/?date=2024-03-{d:02d}">{d}</a>' for d in range(1, 29))
            return Answer(answer.body.replace(b"</ul>", f'</ul><div class="rili">{days}</div>'.encode()))
        n = int(query["date"][0].rsplit("-", 1)[1])
        title = f"己市第{n}局2022年政府信息公开工作年度报告"
        return Answer(page("政务日历", f'<ul><li><a href="/rl/show?d={n}">{title}</a></li></ul>'
                                      f'<a href="/ndbg/?date=2024-03-{n + 1:02d}">后一天</a>'))

    site.dynamic["/ndbg/"] = view
    return site


def overtime() -> HostileSite:
    """A site whose 年报 column trickles a byte a second, well within the request's timeout (a minute): in
    flight when the site's max_time comes."""
    site = HostileSite("戊市")
    site.dynamic["/ndbg/"] = lambda query: Answer(site.column().body, trickle=1.0, chunk=1)
    return site


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    bad, bombs = poisoned()
    slow, slow_url = slow_download()
    sites = {"poisoned": bad, "good": HostileSite("乙市"), "slow": slow, "farm": farm(), "calendar": calendar(),
             "tarpit": HostileSite("丁市", trickle=1.0), "overtime": overtime()}
    options = {"slow": {"timeout": 3.0}, "tarpit": {"timeout": 3.0},
               "overtime": {"timeout": OVERTIME_TIMEOUT, "max_time": OVERTIME_MAX_TIME}}
    with crawled(sites, tmp_path_factory.mktemp("hostile"), options,
                 {"GXMON_PARSE_ALL": True, "GXMON_STOP_GRACE": OVERTIME_GRACE}) as done:
        yield sites, done.summary, done.items, bombs, slow_url


def _urls(items: list[dict]) -> set[str]:
    return {item["final_url"] for item in items}


@pytest.mark.parametrize("name", ["good", "poisoned", "slow", "farm", "calendar"])
def test_every_genuine_report_of_a_site_is_yielded(crawl, name):
    sites, _, items, _, _ = crawl
    assert set(sites[name].expected) <= _urls(items[name])


def test_a_bomb_titled_as_a_report_is_yielded_unreadable_with_its_reason(crawl):
    _, _, items, bombs, _ = crawl
    unreadable = {item["final_url"]: item["unreadable"] for item in items["poisoned"] if item["unreadable"]}
    assert {url: reason in unreadable.get(url, "") for url, reason in bombs.items()} == dict.fromkeys(bombs, True)


def test_a_bomb_behind_a_vague_title_is_not_yielded(crawl):
    assert not [item for item in crawl[2]["poisoned"] if item["final_url"].endswith("vague.pdf")]


def test_genuine_reports_beside_the_bombs_are_read(crawl):
    sites, _, items, _, _ = crawl
    expected = sites["poisoned"].expected
    assert all(item["report"]["is_annual_report"] for item in items["poisoned"] if item["final_url"] in expected)


def test_a_slow_attachment_fails_alone(crawl):
    _, summary, _, _, slow_url = crawl
    assert [e.url for e in summary.site("slow").errors] == [slow_url] and summary.site("slow").failure is None


def test_a_trickling_site_fails_on_its_own(crawl):
    _, summary, items, _, _ = crawl
    assert summary.site("tarpit").failure and "Timeout" in summary.site("tarpit").failure and not items["tarpit"]


def test_a_site_stops_within_its_grace_of_max_time_though_a_download_trickles(crawl):
    """Scrapy lets downloads in flight finish when max_time closes a site: one trickling held the site its
    request's timeout (a minute). Those still open GXMON_STOP_GRACE after max_time are cut."""
    summary = crawl[1].site("overtime")
    assert summary.finish_reason == "closespider_timeout"
    assert summary.elapsed_seconds < OVERTIME_MAX_TIME + OVERTIME_GRACE + 5, summary.elapsed_seconds


def test_the_good_site_ends_normally_beside_them(crawl):
    summary = crawl[1].site("good")
    assert (summary.finish_reason, summary.failure, summary.error_count) == ("finished", None, 0)


def test_a_link_farm_is_recognised_as_a_trap(crawl):
    assert any("/hb/" in trap["pattern"] for trap in crawl[1].site("farm").coverage.traps)


def test_nothing_a_link_farm_lists_is_yielded(crawl):
    assert not [url for url in _urls(crawl[2]["farm"]) if "/hb/" in url]


def test_nothing_a_calendar_lists_is_yielded(crawl):
    assert not [url for url in _urls(crawl[2]["calendar"]) if "/rl/" in url]


def test_a_calendar_is_reported_as_a_trap(crawl):
    assert any("date=" in trap["pattern"] and "calendar" in trap["reason"]
               for trap in crawl[1].site("calendar").coverage.traps)


def test_a_calendar_ends_within_its_limits(crawl):
    sites = crawl[0]
    assert len([t for t in sites["calendar"].log if "date=" in t]) <= CALENDAR_PAGES


