"""Documents wait for their list: what a report column lists is fetched once the column has been read to its
end, so a list that turns out to be a trap (a link farm's endless 下一页) has nothing of its own yielded.

A list is known by its first page. Reading a page that queues further pages of the list raises the count of
pages still expected; each of them read (or failed) lowers it; the documents held for the list go out when
it reaches zero. Documents of pages that ``crawler.steering.traps`` finds suspect wait until the crawl runs dry.
"""

from __future__ import annotations

from collections import Counter

from scrapy import Request, Spider
from scrapy.utils.request import request_from_dict

UNTIL_DRY = ""   # the list id of documents that wait for the crawl to run dry


class HeldDocuments:
    def __init__(self) -> None:
        self.expected: Counter[str] = Counter()
        self.held: dict[str, list[Request]] = {}

    def expect(self, list_id: str, pages: int) -> None:
        self.expected[list_id] += pages

    def waiting(self, list_id: str) -> bool:
        return self.expected[list_id] > 0

    def hold(self, list_id: str, request: Request) -> None:
        self.held.setdefault(list_id, []).append(request)

    def arrived(self, list_id: str) -> list[Request]:
        """A page of the list was read (or failed); the list's documents when it was the last one expected."""
        self.expected[list_id] = max(0, self.expected[list_id] - 1)
        return self.release(list_id) if not self.expected[list_id] else []

    def release(self, list_id: str) -> list[Request]:
        return self.held.pop(list_id, [])

    def release_all(self) -> list[Request]:
        held, self.held = self.held, {}
        self.expected.clear()
        return [request for requests in held.values() for request in requests]

    def to_state(self, spider: Spider) -> dict:
        return {"expected": dict(self.expected),
                "held": {k: [r.to_dict(spider=spider) for r in v] for k, v in self.held.items()}}

    @classmethod
    def from_state(cls, state: dict, spider: Spider) -> HeldDocuments:
        held = cls()
        held.expected.update(state["expected"])
        held.held = {k: [request_from_dict(r, spider=spider) for r in v] for k, v in state["held"].items()}
        return held
