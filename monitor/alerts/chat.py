"""The digest as a chat message: the mail's headline and sections, one line per report, within a size limit.

A chat group reads a short message and follows its links, so each report gets one line (agency, year, what
happened) and the page to open; what does not fit the service's limit (a WeCom bot takes 2048 bytes) is
counted and left to the run's page. Plain text: WeCom bots and webhooks show it as it is; 钉钉 and 飞书 too.
"""

from __future__ import annotations

from monitor.alerts.mail import Digest
from monitor.alerts.outbox import AlertPayload
from monitor.labels import rule_name

SUMMARY_CHARS = 80


def _clip(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def item_lines(item: AlertPayload) -> list[str]:
    """One report: who and what, its errors by name, the page to open."""
    who = (item.agency or "（机构未知）") + (f" {item.year}年" if item.year else "")
    lines = [f"· {who}：{_clip(item.summary, SUMMARY_CHARS)}"]
    if item.errors:
        names = "、".join(dict.fromkeys(rule_name(e["rule"]) for e in item.errors))
        lines.append(f"  错误{len(item.errors)}项：{names}")
    link = item.links.get("diff") or item.links.get("report") or item.url
    if link:
        lines.append(f"  {link}")
    return lines


def chat_message(digest: Digest, limit: int, run_page: str | None = None) -> tuple[str, str]:
    """The title and body of the digest's chat message, title and body together within ``limit`` UTF-8 bytes."""
    title = digest.subject
    head = [digest.headline, f"抓取批次 #{digest.run_id or '-'}，{digest.created}"]
    blocks: list[list[str]] = []
    for section in digest.sections:
        blocks.append([f"【{section.title}（{len(section.items)}）】"])
        blocks.extend(item_lines(item) for item in section.items)
    tail = f"全部内容：{run_page}" if run_page else "全部内容见邮件或网页"
    body, left = "\n".join(head), 0
    for number, block in enumerate(blocks):
        candidate = body + "\n" + "\n".join(block)
        reserve = f"\n……另有{len(blocks)}份报告未列出\n{tail}"
        if _size(title, candidate + reserve) > limit:
            left = sum(1 for b in blocks[number:] if b[0].startswith("·"))
            break
        body = candidate
    if left:
        body += f"\n……另有{left}份报告未列出"
    return title, body + "\n" + tail


def _size(title: str, body: str) -> int:
    return len(f"{title}\r\n{body}".encode())
