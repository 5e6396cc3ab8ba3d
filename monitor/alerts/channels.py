"""Chat channels through Apprise: 企业微信 (WeCom) bots, 钉钉 (DingTalk), 飞书/Lark and any webhook.

A ``notify = ["…"]`` URL of ``[[site]]`` or ``[[route]]`` is a recipient like a mail address, with one
difference: the URL carries the bot's secret (``wecombot://KEY``), so the archive never stores it. The outbox
names a channel by ``channel_key`` (``notify:`` and a digest of the URL); the sender finds the URL again in
the config. A URL removed from the config leaves its digests pending, with that said as their error.
"""

from __future__ import annotations

import hashlib
import logging

import apprise

from monitor.alerts.errors import DeliveryError

CHANNEL_PREFIX = "notify:"
DEFAULT_BODY_LIMIT = 4000   # bytes, for services Apprise sets no limit for (webhooks)


def channel_key(url: str) -> str:
    """The outbox recipient of a channel URL: stable, and not the secret itself."""
    return CHANNEL_PREFIX + hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]


def is_channel(recipient: str) -> bool:
    return recipient.startswith(CHANNEL_PREFIX)


def _service(url: str) -> apprise.NotifyBase | None:
    return apprise.Apprise.instantiate(url, suppress_exceptions=True)


def check_url(url: object) -> str:
    """``url`` if Apprise can send to it; ValueError saying why not."""
    if not isinstance(url, str) or "://" not in url:
        raise ValueError(f"{url!r} 不是 Apprise 通知地址（例如 wecombot://机器人key、dingtalk://token、json://主机/路径）")
    if _service(url) is None:
        raise ValueError(f"Apprise 无法识别通知地址 {describe(url)!r}（协议或参数有误）")
    return url


def describe(url: str) -> str:
    """The URL with its secrets masked (for messages and logs)."""
    service = _service(url)
    return service.url(privacy=True).split("?", 1)[0] if service is not None else url.split("://", 1)[0] + "://…"


def body_limit(url: str) -> int:
    """How many bytes of UTF-8 one message (title and body) to this service may hold: Apprise's limit for it
    (WeCom bots: 2048), taken as bytes because the services count bytes (a Chinese character is three)."""
    service = _service(url)
    limit = getattr(service, "body_maxlen", 0) or 0
    return min(limit, DEFAULT_BODY_LIMIT) if limit > 0 else DEFAULT_BODY_LIMIT


def send_chat(url: str, title: str, body: str) -> None:
    """Post one message; DeliveryError with Apprise's reason when the service did not take it."""
    notifier = apprise.Apprise()
    if not notifier.add(url):
        raise DeliveryError(f"{describe(url)}: Apprise 无法识别此地址")
    with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured:
        delivered = notifier.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT)
        reason = " ".join(captured.getvalue().split())
    if not delivered:
        raise DeliveryError(f"{describe(url)}: {reason or '发送失败'}")
