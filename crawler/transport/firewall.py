"""Pages a web application firewall or a CDN answers in place of the site's, often with status 200.

安全狗, 云锁, 创宇盾, F5 and the like answer a request they refuse with a short page of their own (您的访问被拦截,
The requested URL was rejected), and a rate limit with one asking to come back later (访问过于频繁). Such a page is
no page of the site: read as one, its links would be followed and, at a report's address, it would be archived as
the report's next version. A rate limit is asked again later; a refusal is recorded as the reason the address
could not be read.

Positive evidence only: a short page (a report, or any article, shows far more) whose title or shown text says so.
"""

from __future__ import annotations

import email.utils
import math
import time
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from crawler.documents.pictures import opens_report_text

RATE_LIMIT_PHRASES = (
    "访问过于频繁", "请求过于频繁", "访问太频繁", "请求太频繁", "访问频率过高", "访问频率过快", "操作过于频繁",
    "访问频繁", "Too Many Requests",
)
BLOCK_PHRASES = (
    "您的访问被拦截", "您的请求被拦截", "访问已被拦截", "已被网站管理员设置拦截", "您的请求带有不合法参数",
    "当前访问疑似黑客攻击", "网站防火墙", "安全狗", "云锁", "创宇盾", "The requested URL was rejected",
    "Request Rejected", "Web应用防火墙", "WAF拦截",
)
_MAX_DELAY_DIGITS = 9          # a longer delay-seconds is longer than any wait: read as endless
MAX_PAGE_BYTES = 64 * 1024      # a firewall's page is a few KB
MAX_SHOWN_CHARS = 600           # and shows a few lines


@dataclass(frozen=True)
class FirewallPage:
    """What a firewall's page says: the phrase found, and whether it asks to come back later."""

    phrase: str
    rate_limit: bool

    def reason(self, status: int) -> str:
        kind = "a rate limit" if self.rate_limit else "a refusal"
        return f"HTTP {status}: a web application firewall's page in place of the site's ({kind}: {self.phrase})"


TOO_MANY_REQUESTS = FirewallPage("HTTP 429 Too Many Requests", rate_limit=True)


def firewall_answer(status: int, body: bytes) -> FirewallPage | None:
    """What a firewall's answer says: a 429 is a rate limit whatever its page; else as ``firewall_page``."""
    return TOO_MANY_REQUESTS if status == 429 else firewall_page(body)


def firewall_page(body: bytes) -> FirewallPage | None:
    """The firewall page ``body`` is, or None where it is a page of the site."""
    if len(body) > MAX_PAGE_BYTES or not body.strip():
        return None
    text = body.decode("utf-8", "replace")
    if not any(p in text for p in (*RATE_LIMIT_PHRASES, *BLOCK_PHRASES)):
        return None     # most pages: never parsed here
    try:
        root = lxml_html.document_fromstring(text)
    except etree.ParserError:   # nothing but a comment or a declaration
        return None
    shown = "".join(root.xpath("//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"))
    shown = " ".join(shown.split())
    if len(shown) > MAX_SHOWN_CHARS or opens_report_text(shown):
        return None
    if phrase := next((p for p in RATE_LIMIT_PHRASES if p in shown), None):
        return FirewallPage(phrase, rate_limit=True)
    if phrase := next((p for p in BLOCK_PHRASES if p in shown), None):
        return FirewallPage(phrase, rate_limit=False)
    return None


def retry_after_seconds(value: bytes, now: float | None = None) -> float:
    """The wait a Retry-After header asks, in seconds: its delay-seconds, or the time until its HTTP-date; 0 where
    it asks none (empty, negative, a date past, anything else). A delay too long to read (Python refuses to read
    over 4,300 digits) is endless: the caller bounds it."""
    value = value.strip()
    if value.isdigit():
        return float(value) if len(value) <= _MAX_DELAY_DIGITS else math.inf
    try:
        when = email.utils.parsedate_to_datetime(value.decode("latin-1"))
    except (ValueError, TypeError, IndexError, OverflowError):
        return 0.0
    return max(when.timestamp() - (time.time() if now is None else now), 0.0)
