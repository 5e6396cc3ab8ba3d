"""An interrupted crawl's JOBDIR written by another version of the crawler is started afresh, not resumed.

Scrapy keeps an interrupted crawl's request queue and the spider's state in its JOBDIR as pickles, and a pickle
names each class it holds by its module path: after an upgrade that moves or changes such a class (a request's
meta holds the crawler's own types), they no longer load, and the site's crawl would fail at every run until the
folder is cleared by hand. ``JOB_FORMAT`` marks the folder; a folder marked otherwise, or holding a queue with no
mark at all (written before the mark), loses its queue, seen-set and state before the crawl opens, so the crawl
starts from the site's start pages as a first crawl does. The rest of the folder (the validators of conditional
GET) stays: they are JSON, and the next crawl still asks for what changed only.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

JOB_FORMAT = 2   # raise when a class pickled in a job (a request's meta, the spider's state) moves or changes
MARK = "gxmon-job-format"
RESUMABLE = ("requests.queue", "requests.seen", "spider.state")   # what Scrapy keeps to resume

logger = logging.getLogger(__name__)


def open_job(jobdir: str | Path) -> bool:
    """Mark ``jobdir`` as this crawler's, first removing what a crawler of another job format left to resume;
    True when something was removed (the interrupted crawl is then not resumed)."""
    folder = Path(jobdir)
    mark = folder / MARK
    left = [folder / name for name in RESUMABLE if (folder / name).exists()]
    marked = mark.read_text(encoding="utf-8").strip() if mark.exists() else None
    stale = bool(left) and marked != str(JOB_FORMAT)
    if stale:
        logger.warning("%s was left by a crawler of job format %s (this one: %s): its interrupted crawl is "
                       "started again, not resumed", folder, marked or "before 2", JOB_FORMAT)
        for path in left:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    mark.write_text(str(JOB_FORMAT), encoding="utf-8")
    return stale
