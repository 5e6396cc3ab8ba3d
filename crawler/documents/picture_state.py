"""Which pictures each bundled page was archived with, so the next crawl can tell whether they changed.

A page answering 304 says its HTML is unchanged, not that the pictures it shows are: an agency may upload a
new screenshot of a table under the old picture's name, or a new 附表.xls under the old attachment's. For every
page yielded as a bundle (``crawler.documents.bundle``) the crawl keeps its pictures, and its attachments bundled as
parts of its report (``crawler.documents.parts``) the same way: each one's URL as the page names it, its validators
(ETag, Last-Modified) and the SHA-256 of its bytes; ``crawler.middlewares.PictureRecheckMiddleware`` checks them when
the page answers 304.

Learnt from the items the pipelines kept (``item_scraped``: after the archive stored them), so the store
never names a picture the archive has not got, and it errs only towards checking again. Kept beside the
validators (``crawler.documents.validators.state_folder``) as a journal, one line a learnt page appended as the item
goes out, so a crawl that crashes still leaves what it archived; a crawl that closes rewrites the journal as
one line a page. A line a crash cut short is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from weakref import WeakKeyDictionary

from scrapy import signals
from scrapy.crawler import Crawler

from crawler.documents.validators import state_folder

JOURNAL = "pictures.jsonl"


@dataclass(frozen=True)
class KnownPicture:
    url: str                    # as the page names it (percent-encoded, as requested)
    etag: str | None
    last_modified: str | None
    sha256: str                 # of its bytes: a picture served without validators is compared by them
    # an attached part of the page's report (crawler.documents.parts), checked as a picture is
    part: bool = False

    @classmethod
    def fetched(cls, url: str, etag: str | None, last_modified: str | None, body: bytes,
                part: bool = False) -> KnownPicture:
        return cls(url, etag, last_modified, hashlib.sha256(body).hexdigest(), part)

    def same_bytes(self, body: bytes) -> bool:
        return hashlib.sha256(body).hexdigest() == self.sha256


class PictureStore:
    """Page URL (as requested, before redirects) → the pictures it was last archived with."""

    def __init__(self, path: Path):
        self.path = path
        self._pages: dict[str, list[KnownPicture]] = {}
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        for line in text.splitlines():
            self._replay(line)
        if text and not text.endswith("\n"):
            self.compact()   # a line cut short would swallow the next one appended

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PictureStore:
        store = cls(state_folder(crawler) / JOURNAL)
        crawler.signals.connect(store.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(store.compact, signal=signals.spider_closed)
        return store

    def pictures(self, url: str) -> list[KnownPicture]:
        """The pictures of the page at ``url``; none for a page archived without pictures or not at all."""
        return self._pages.get(url, [])

    def item_scraped(self, item) -> None:
        """A page archived with pictures is remembered with them; one archived without, or gone, forgotten."""
        if item.status == 304:
            return
        pictures = [KnownPicture(**p) for p in item.pictures] if item.status == 200 else []
        if pictures or item.url in self._pages:
            self._learn(item.url, pictures)
            self._append({"url": item.url, "pictures": [asdict(p) for p in pictures]})

    def compact(self) -> None:
        """The journal rewritten as one line a page (atomically: a crash now leaves the old journal)."""
        if not self._pages and not self.path.exists():
            return   # a site without bundled pages leaves no file behind
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text("".join(_line({"url": url, "pictures": [asdict(p) for p in pictures]})
                               for url, pictures in self._pages.items()), encoding="utf-8")
        os.replace(tmp, self.path)

    def _learn(self, url: str, pictures: list[KnownPicture]) -> None:
        if pictures:
            self._pages[url] = pictures
        else:
            self._pages.pop(url, None)

    def _replay(self, line: str) -> None:
        try:
            entry = json.loads(line)
        except ValueError:
            return   # the last line of a crawl that crashed while writing it
        self._learn(entry["url"], [KnownPicture(**p) for p in entry["pictures"]])

    def _append(self, entry: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as journal:
            journal.write(_line(entry))


def _line(entry: dict) -> str:
    return json.dumps(entry, ensure_ascii=False) + "\n"


_stores: WeakKeyDictionary[Crawler, PictureStore] = WeakKeyDictionary()


def picture_store(crawler: Crawler) -> PictureStore:
    """The crawl's one store (built on first use)."""
    if crawler not in _stores:
        _stores[crawler] = PictureStore.from_crawler(crawler)
    return _stores[crawler]
