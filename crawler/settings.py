"""Scrapy settings for the gxmon crawler.

Per-site politeness and limits (concurrency, delay, max pages, time and bytes, timeout, retries) come from the
site config and are applied by the spider at "spider" priority, so they are not set here; ``-s`` on the
command line still overrides them.
"""

import os

BOT_NAME = "gxmon"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Identify ourselves and say where to complain.
GXMON_CONTACT_URL = os.environ.get("GXMON_CONTACT_URL", "https://github.com/gxmon/gxmon#crawler")
USER_AGENT = f"gxmon/0.1 (+{GXMON_CONTACT_URL}; annual-report monitor)"

ROBOTSTXT_OBEY = True
# read up to RFC 9309's parsing limit, 500 KiB: every request is checked against every rule (crawler.transport.robots)
ROBOTSTXT_PARSER = "crawler.transport.robots.BoundedRobotParser"
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS = 16

REDIRECT_MAX_TIMES = 5
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Navigation depth is limited per site by the spider (list pages do not count), not by DepthMiddleware.
DEPTH_LIMIT = 0
DOWNLOAD_WARNSIZE = 20 * 1024 * 1024

# Old government servers speak only TLS 1.0/1.1 with weak keys: reach them too (crawler.transport.tls).
DOWNLOAD_TLS_MIN_VERSION = "TLSv1.0"
# ... and a site's downloads still open this many seconds after its max_time are cut (crawler.transport.intime):
# Scrapy lets them finish, and a server trickling a byte a second held a site its requests' timeout past it.
DOWNLOAD_HANDLERS = {scheme: "crawler.transport.intime.InTimeDownloadHandler" for scheme in ("http", "https")}
GXMON_STOP_GRACE = 10.0

DOWNLOADER_MIDDLEWARES = {
    # First: a page linked under a host's www/bare or http/https twin is asked under the host's one origin, once.
    "crawler.middlewares.HostTwinMiddleware": 30,
    # Before robots.txt (100) and the offsite filter (50): a dropped request costs nothing.
    "crawler.middlewares.FrontierMiddleware": 40,
    # Below RetryMiddleware (550): a bundled page's 304 waits for its pictures' last answers.
    "crawler.middlewares.PictureRecheckMiddleware": 540,
    # Below RetryMiddleware (550) and the others that read an answer: a script shell the spider asks to be
    # rendered is fetched as any page, and its last answer rendered in headless Chromium.
    "crawler.middlewares.RenderMiddleware": 530,
    "crawler.middlewares.ConditionalGetMiddleware": 560,
    # Below RedirectMiddleware (600): they see the answer a redirect ends at.
    "crawler.middlewares.FirewallPageMiddleware": 580,
    "crawler.middlewares.MarkupBoundMiddleware": 585,
    "crawler.middlewares.ChallengeCookieMiddleware": 590,
    # Above RedirectMiddleware (600): sees redirects first, to refuse off-site ones and loops.
    # Above RedirectMiddleware (600): a redirect back to the name a link used, past the duplicate filter.
    "crawler.middlewares.TwinRedirectMiddleware": 640,
    "crawler.middlewares.RedirectGuardMiddleware": 650,
    # Last before the download: only a request that will be sent waits for its host's slot. Active only
    # with GXMON_REDIS_URL (gxmon worker): a host's politeness shared by every worker.
    "crawler.transport.shared_politeness.SharedPolitenessMiddleware": 950,
}
# A cookie challenge written in literals is passed (crawler.transport.challenge): at most this many cookies a host.
GXMON_CHALLENGES_PER_HOST = 3
# A firewall's rate limit is asked again after this many seconds, doubled each time, at most this many times.
GXMON_RATE_LIMIT_WAIT = 2.0
GXMON_RATE_LIMIT_RETRIES = 2

# Pages only a browser can read (a script shell that gave no way on) are rendered in headless Chromium
# (crawler.transport.browser: at most MAX_RENDERS_PER_SITE a crawl, each within this many seconds); off when
# the browser is missing, or with GXMON_RENDER = False.
GXMON_RENDER = True
GXMON_CHROMIUM = "/usr/bin/chromium"
GXMON_RENDER_SECONDS = 15.0

EXTENSIONS = {
    "crawler.extensions.CrawlSummaryWriter": 500,
    "crawler.extensions.FinishedJobCleanup": 510,
    "crawler.extensions.ByteBudget": 520,
    "crawler.extensions.LongLivedHeap": 530,
}

# A report page whose tables are pictures is archived with them, as one MHTML document (crawler.documents.bundle):
# at most this many pictures, each of at most this many bytes (a larger one is skipped).
REPORT_PICTURES_MAX = 12
REPORT_PICTURE_MAXSIZE = 5 * 1024 * 1024

# Documents only gxparse can confirm (and every document, with GXMON_PARSE_ALL: the monitor's crawls) are read
# in worker processes, each within limits: settings GXMON_PARSE_MEMORY_MB, GXMON_PARSE_CPU_SECONDS,
# GXMON_PARSE_TIMEOUT, GXMON_PARSE_WORKERS (defaults in crawler.documents.parsing.ParseLimits).
ITEM_PIPELINES = {"crawler.pipelines.ParsePipeline": 100}
GXMON_PARSE_ALL = False

# Where the validators of archived documents come from (the monitor passes its archive-backed store).
GXMON_VALIDATORS = "crawler.documents.validators.JsonValidatorStore"
GXMON_STATE_DIR = ".scrapy/gxmon"
GXMON_CONFIG = "config/sites.toml"

# `scrapy crawl reports -a start_url=… -O out.jsonl`: readable Chinese; ``body`` is base64 (crawler.items).
FEED_EXPORT_ENCODING = "utf-8"

LOG_LEVEL = "INFO"
