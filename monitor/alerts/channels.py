"""Chat channels through Apprise: 企业微信 (WeCom) bots, 钉钉 (DingTalk), 飞书/Lark and any webhook.

A ``notify = ["…"]`` URL of ``[[site]]`` or ``[[route]]`` is a recipient like a mail address, with one
difference: the URL carries the bot's secret (``wecombot://KEY``), so the archive never stores it. The outbox
names a channel by ``channel_key`` (``notify:`` and a digest of the URL); the sender finds the URL again in
the config. A URL removed from the config leaves its digests pending, with that said as their error.

企业微信 and 钉钉 refuse a message (wrong key, bad signature, rate limit) with HTTP 200 and a nonzero ``errcode``
in the JSON answer, which Apprise's plugins take as delivered (its Feishu plugin checks ``code`` itself). So
``send_chat`` reads the services' answers too: ``_answers`` records the responses of the ``requests`` calls made
in its context (Apprise runs a plugin's ``send`` in a worker thread, with a copy of the caller's context).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Iterator
from contextvars import ContextVar

import apprise
import requests

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


_recording: ContextVar[list[requests.Response] | None] = ContextVar("chat_answers", default=None)
_session_send = requests.Session.send


def _send_and_record(session: requests.Session, request: requests.PreparedRequest, **kwargs: object) -> requests.Response:
    response = _session_send(session, request, **kwargs)
    answers = _recording.get()
    if answers is not None:
        answers.append(response)
    return response


requests.Session.send = _send_and_record   # type: ignore[method-assign]


@contextlib.contextmanager
def _answers() -> Iterator[list[requests.Response]]:
    """The HTTP responses received inside the block, by this context and the workers it hands it to."""
    answers: list[requests.Response] = []
    token = _recording.set(answers)
    try:
        yield answers
    finally:
        _recording.reset(token)


def refusal(response: requests.Response) -> str | None:
    """The reason a chat service gave for refusing a message it answered with HTTP 200, or None."""
    if not response.ok or "json" not in response.headers.get("Content-Type", ""):
        return None
    try:
        answer = response.json()
    except ValueError:
        return None
    if not isinstance(answer, dict) or answer.get("errcode") in (None, 0, "0"):
        return None
    return f"服务拒收（errcode {answer['errcode']}：{answer.get('errmsg', '')}）"


def send_chat(url: str, title: str, body: str) -> None:
    """Post one message; DeliveryError with Apprise's reason, or the service's, when the service did not take it."""
    notifier = apprise.Apprise()
    if not notifier.add(url):
        raise DeliveryError(f"{describe(url)}: Apprise 无法识别此地址")
    with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured, _answers() as answers:
        delivered = notifier.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT)
        reason = " ".join(captured.getvalue().split())
    refused = [why for why in map(refusal, answers) if why]
    if not delivered or refused:
        raise DeliveryError(f"{describe(url)}: {'；'.join(refused) or reason or '发送失败'}")
