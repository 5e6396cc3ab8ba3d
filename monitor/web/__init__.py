"""``gxmon serve``: web pages and a JSON API over the archive (see monitor.web.app)."""

from monitor.web.app import create_app

__all__ = ["create_app"]
