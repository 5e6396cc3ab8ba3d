"""Links from alert mails into the web view (``gxmon serve``, issue 6), under ``[web] base_url``.

These paths are a contract with the web pages (docs/architecture.md):
``/reports/{report_id}``, ``/versions/{version_id}``, ``/diff/{version_a}/{version_b}`` and ``/runs/{run_id}``.
"""

from __future__ import annotations


def report_link(base: str | None, report_id: int) -> str | None:
    return f"{base}/reports/{report_id}" if base else None


def version_link(base: str | None, version_id: int) -> str | None:
    return f"{base}/versions/{version_id}" if base else None


def diff_link(base: str | None, old_version_id: int, new_version_id: int) -> str | None:
    return f"{base}/diff/{old_version_id}/{new_version_id}" if base else None


def run_link(base: str | None, run_id: int) -> str | None:
    return f"{base}/runs/{run_id}" if base else None
