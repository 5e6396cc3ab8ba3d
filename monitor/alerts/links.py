"""Links from alert mails into the web view (``gxmon serve``, issue 6), under ``[web] base_url``.

These paths are a contract with the web pages (docs/architecture.md):
``/reports/{report_id}``, ``/versions/{version_id}`` and ``/diff/{version_a}/{version_b}``.
"""

from __future__ import annotations


def report_link(base: str | None, report_id: int) -> str | None:
    return f"{base}/reports/{report_id}" if base else None


def version_link(base: str | None, version_id: int) -> str | None:
    return f"{base}/versions/{version_id}" if base else None


def diff_link(base: str | None, old_version_id: int, new_version_id: int) -> str | None:
    return f"{base}/diff/{old_version_id}/{new_version_id}" if base else None
