"""Revising and withdrawing reports, the two changes a test makes to a site between crawls (every family)."""

from __future__ import annotations

from typing import Protocol

from simsite.documents import doc_fixture_path
from simsite.resource import Clock


class Published(Protocol):
    """A report as a site holds it."""

    fmt: str
    revision: int
    modified: object
    withdrawn: bool
    retaken: dict


class Republishing:
    """``revise`` and ``withdraw`` for a site with ``name``, ``clock``, ``_report_entry(id)`` and
    ``report(record)``."""

    name: str
    clock: Clock

    def _report_entry(self, report_id: str) -> Published:
        raise NotImplementedError

    def report(self, record) -> dict:  # noqa: ANN001 (the site's own record type)
        raise NotImplementedError

    def revise(self, report_id: str) -> dict:
        """Republish a report with changed figures (new bytes, ETag and Last-Modified); returns the new report."""
        record = self._report_entry(report_id)
        if record.fmt == "doc":
            raise ValueError(f"{report_id} is the committed DOC fixture ({doc_fixture_path(self.name)}); "
                             "it cannot change")
        record.revision += 1
        record.modified = self.clock.touch()
        record.retaken.clear()   # a revision uploads every picture anew, under new names
        return self.report(record)

    def withdraw(self, report_id: str) -> None:
        """Take a report down: its list entry disappears and its page and file answer 404."""
        self._report_entry(report_id).withdrawn = True
        self.clock.touch()
