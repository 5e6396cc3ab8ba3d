"""Report pages whose tables are pictures, on any site (the classic one and every family): their content,
and the pictures answered at their own URLs beside the decorations every such page shows.

A site mixes in ``PicturePages`` and says which of its reports are printed so (``_pictured``) and where it
uploads a picture (``_picture_location``); it may link a picture its own way (``_picture_src``). Pictures
are looked up by URL when no route answers: their names change with each revision, as new uploads do.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from simsite.pictures import (
    DECORATIONS,
    content_decoration,
    decoration_png,
    footer_decoration,
    header_decoration,
    picture_name,
    retaken_png,
    table_pictures,
)
from simsite.render import TABLE_SECTIONS, Picture, render_report_body
from simsite.resource import Resource

Record = Any   # the site's own record of a report (simsite.site.Entry, simsite.families.Doc)


class PicturePages:
    """Mixin for a site with ``entries(kind)``, ``report(record)`` and ``link(on_host, host, path)``."""

    def _pictured(self, record: Record) -> bool:
        raise NotImplementedError

    def _picture_location(self, record: Record, name: str) -> tuple[str, str]:
        """(host key, path) of the picture uploaded as ``name``."""
        raise NotImplementedError

    def _picture_src(self, record: Record, host: str, path: str) -> str:
        """How the report's page links the picture at ``path`` on ``host``."""
        return self.link(record.host, host, path)

    def _pictured_content(self, record: Record) -> str:
        """The report with its tables as pictures, and the share icon editors leave after the text."""
        pictures = {}
        for picture in table_pictures(self.report(record)):
            host, path = self._picture_location(record, picture_name(record.id, record.revision, picture.key))
            pictures[picture.key] = Picture(self._picture_src(record, host, path), picture.shown_width)
        return render_report_body(self.report(record), with_title=False, pictures=pictures) + content_decoration()

    @staticmethod
    def _decorated(article: str, site_name: str) -> str:
        """An article with the logo above it and the QR code below it."""
        return header_decoration(site_name) + article + footer_decoration()

    def _picture(self, host: str, path: str) -> Resource | None:
        """The table picture or decoration at ``path`` on ``host``, if there is one."""
        if path in DECORATIONS:
            return Resource(200, decoration_png(path), "image/png")
        for record in self.entries("report"):
            if record.withdrawn or not self._pictured(record):
                continue
            for key in TABLE_SECTIONS:
                if self._picture_location(record, picture_name(record.id, record.revision, key)) == (host, path):
                    return self._table_picture(record, key)
        return None

    def _table_picture(self, record: Record, key: str) -> Resource | None:
        picture = next((p for p in table_pictures(self.report(record)) if p.key == key), None)
        if picture is None:
            return None
        if key in record.retaken:
            return Resource(200, retaken_png(picture.png), "image/png", last_modified=record.retaken[key])
        modified = record.modified or record.published.astimezone(UTC)
        return Resource(200, picture.png, "image/png", last_modified=modified)

    def retake_picture(self, report_id: str, key: str = "s3") -> None:
        """An editor uploads a new screenshot of one table under the old picture's name: the page stays the same
        byte for byte, the picture does not. Its figures stay those printed, so ``expected_reports`` holds."""
        record = self._report_entry(report_id)
        if record.withdrawn or not self._pictured(record):
            raise ValueError(f"{report_id} does not print its tables as pictures")
        record.retaken[key] = self.clock.touch()
