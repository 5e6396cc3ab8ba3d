"""Re-crawls of report pages whose tables are pictures, over real HTTP (``run_crawl``, a child Scrapy process).

The second crawl comes after an editor uploaded a new screenshot of one table under the old picture's name
(``SimSite.retake_picture``): the page answers 304, but its pictures are checked, and the page is bundled
anew with the new picture. The third crawl finds nothing changed: every answer a 304, pictures included.
"""

from __future__ import annotations

import base64
import email

import pytest

# fixtures: test_crawl's simulated site, served, and its first crawl (each module has its own)
from tests.crawler.test_crawl import crawl, first, server, site, state  # noqa: F401


@pytest.fixture(scope="module")
def pictured(site):
    reports = [r for r in site.expected_reports() if r.pictured]
    assert len(reports) >= 2
    return reports


@pytest.fixture(scope="module")
def second(first, site, server, state, pictured):
    retaken = pictured[0]
    site.retake_picture(retaken.id, "s3")
    start = len(server.log)
    summary, items = crawl(server, state, "second")
    return summary, items, server.log[start:], retaken


@pytest.fixture(scope="module")
def third(second, server, state):
    start = len(server.log)
    summary, items = crawl(server, state, "third")
    return summary, items, server.log[start:]


def _parts(item: dict) -> dict[str, bytes]:
    """An MHTML item's parts by their Content-Location."""
    message = email.message_from_bytes(base64.b64decode(item["body"]))
    return {part["Content-Location"]: part.get_payload(decode=True) for part in message.get_payload()}


def _item(items: list[dict], url: str) -> dict:
    return next(i for i in items if i["final_url"] == url)


def _picture_paths(item: dict, server) -> set[str]:
    return {p["url"].removeprefix(server.base_url) for p in item["pictures"]}


def test_a_bundle_names_its_pictures_with_their_validators(first, pictured):
    item = _item(first[1], pictured[0].final_url)
    assert len(item["pictures"]) == 3 and all(p["etag"] and p["sha256"] for p in item["pictures"])


def test_a_picture_replaced_under_its_name_is_archived_anew(second, site, server):
    _, items, _, retaken = second
    item = _item(items, retaken.final_url)
    assert item["status"] == 200 and item["content_type"] == "multipart/related"
    for url, body in list(_parts(item).items())[1:]:
        assert body == site.get(url.removeprefix(server.base_url)).body


def test_only_the_picture_that_changed_differs_in_the_new_bundle(first, second):
    _, items, _, retaken = second
    before, after = _parts(_item(first[1], retaken.final_url)), _parts(_item(items, retaken.final_url))
    changed = [url for url in before if before[url] != after[url]]
    assert list(after) == list(before) and len(changed) == 1 and changed[0].endswith(".png")


def test_the_page_is_fetched_again_unconditionally(second, server):
    _, _, log, retaken = second
    answers = [e for e in log if server.base_url + e.path == retaken.final_url]
    assert [(e.status, e.if_none_match is None) for e in answers] == [(304, False), (200, True)]


def test_the_pictures_of_unchanged_pages_are_asked_conditionally_and_answer_304(first, second, server, pictured):
    _, items, log, retaken = second
    for report in pictured[1:]:
        paths = _picture_paths(_item(first[1], report.final_url), server)
        answers = [e for e in log if e.path in paths]
        assert len(answers) == 3 and all(e.status == 304 and e.if_none_match for e in answers)
        assert _item(items, report.final_url)["status"] == 304


def test_every_other_document_is_still_304(second, site):
    _, items, _, retaken = second
    rest = [i for i in items if i["final_url"] != retaken.final_url]
    assert len(rest) == len(site.expected_reports()) - 1 and all(i["status"] == 304 for i in rest)


def test_after_the_new_bundle_everything_answers_304_pictures_included(third, site, server, pictured):
    _, items, log = third
    assert len(items) == len(site.expected_reports()) and all(i["status"] == 304 for i in items)
    pictures = [e for e in log if e.path.endswith(".png") and e.path.startswith("/uploads/")]
    assert len(pictures) == 3 * len(pictured) and all(e.status == 304 for e in pictures)
