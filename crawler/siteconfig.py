"""The sites to crawl: the ``[[site]]`` tables of config/sites.toml (shape in shared/spec/cli.md).

Crawl limits, budgets and politeness are per site; a site that needs it names extra link-text patterns in
``[site.rules]`` instead of getting a spider of its own. Keys this module does not know (the monitor's
alert routing, for instance) are kept in ``Site.extra`` for the code that does.

```toml
[[site]]
id = "zhoukou"
name = "周口市人民政府"
start_urls = ["https://www.zhoukou.gov.cn/"]
allowed_domains = ["zhoukou.gov.cn"]     # default: the registered domains of start_urls (crawler.hosts.scope)
concurrency = 2                          # parallel requests to the site
delay = 1.0                              # seconds between requests (AutoThrottle adapts from there)
max_pages = 5000                         # stop the site's crawl after this many responses
max_time = 14400                         # … or after this many seconds
max_total_bytes = 2147483648             # … or after downloading this many bytes
max_bytes = 52428800                     # drop a response larger than this
depth = 8                                # navigation hops from a start URL (list pages do not count)
explore_pages = 12                       # pages per sub-site read on no evidence while its column is unknown
timeout = 30                             # seconds per request
retries = 2
parse_seconds = 90                       # CPU seconds gxparse may spend on one document (twice that by the clock)
parse_memory_mb = 2048                   # address space of the process reading a document

[site.rules]                             # regular expressions on the squashed link text (crawler.steering.frontier)
column = ["^年度公开报告$"]               # scores as the 年报 column's words do
platform = ["^阳光政务$"]                 # … as the 政府信息公开 platform's
directory = ["^市直单位网站$"]            # … as a directory of sub-sites'
deny = ["/search/", "\\\\.zip$"]          # URLs never requested
```
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.documents.parsing import ParseLimits
from crawler.hosts.scope import registered_domain


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and the site."""


@dataclass(frozen=True)
class SiteRules:
    column: tuple[str, ...] = ()
    platform: tuple[str, ...] = ()
    directory: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    start_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...] = ()
    schedule: str | None = None
    alert_to: tuple[str, ...] = ()
    concurrency: int = 2
    delay: float = 1.0
    max_pages: int = 5000
    max_time: float = 4 * 3600.0
    max_total_bytes: int = 2 * 1024 ** 3
    max_bytes: int = 50 * 1024 * 1024
    depth: int = 8
    explore_pages: int = 12
    timeout: float = 30.0
    retries: int = 2
    parse_seconds: float = ParseLimits.cpu_seconds
    parse_memory_mb: int = ParseLimits.memory // (1 << 20)
    rules: SiteRules = SiteRules()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not self.allowed_domains:
            domains = tuple(dict.fromkeys(registered_domain(urlsplit(u).hostname or "") for u in self.start_urls))
            object.__setattr__(self, "allowed_domains", domains)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, the inverse of ``site_from_dict``."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("rules", "extra")}
        out["rules"] = {f.name: list(getattr(self.rules, f.name)) for f in fields(SiteRules)}
        out["extra"] = dict(self.extra)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in out.items()}


def site_from_url(url: str) -> Site:
    """A site crawled from one start URL, named after its host (``gxmon crawl --start-url``)."""
    host = urlsplit(url).hostname
    if not host or urlsplit(url).scheme not in ("http", "https"):
        raise ConfigError(f"start URL {url!r} is not an http(s) URL")
    return Site(id=host, name=host, start_urls=(url,))


def read_config(path: str | Path) -> dict[str, Any]:
    """The whole TOML config file as a dict; raises ConfigError naming the file."""
    path = Path(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def entry(source: str | Path, table: str, number: int, ident: str | None = None) -> str:
    """How an error names one entry of an array of tables: ``sites.toml: [[site]] #2 (zhoukou)``.

    The monitor names its own entries ([[route]], [[watch]]) the same way, so every config error reads alike.
    """
    named = f" ({ident})" if ident is not None else ""
    return f"{source}: [[{table}]] #{number}{named}"


def check_keys(table: Mapping[str, Any], known: Iterable[str], where: str, what: str = "key") -> None:
    """A misspelt key must not be ignored: ConfigError naming the first unknown key and the nearest known one."""
    known = sorted(known)
    for key in table:
        if key not in known:
            near = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean {near[0]!r}?" if near else f"known: {', '.join(known)}"
            raise ConfigError(f"{where}: unknown {what} {key!r}; {hint}")


def load_sites(path: str | Path) -> list[Site]:
    """Every ``[[site]]`` of a TOML config file, checked; raises ConfigError naming the file and site."""
    return sites_from_config(read_config(path), path)


def sites_from_config(data: dict[str, Any], source: str | Path) -> list[Site]:
    """The ``[[site]]`` tables of a parsed config file (``source`` names it in errors), checked."""
    tables = data.get("site", [])
    if not isinstance(tables, list):
        raise ConfigError(f"{source}: 'site' must be an array of tables ([[site]])")
    sites = [site_from_dict(table, where=entry(source, "site", n)) for n, table in enumerate(tables, start=1)]
    seen: set[str] = set()
    for site in sites:
        if site.id in seen:
            raise ConfigError(f"{source}: site id {site.id!r} appears twice")
        seen.add(site.id)
    return sites


_KNOWN = {f.name for f in fields(Site)} - {"extra"}
_NUMBERS = {"concurrency": int, "max_pages": int, "max_bytes": int, "max_total_bytes": int, "depth": int,
            "retries": int, "explore_pages": int, "delay": float, "timeout": float, "max_time": float,
            "parse_seconds": float, "parse_memory_mb": int}


def site_from_dict(table: dict[str, Any], where: str = "site") -> Site:
    """A Site from one config table (or from ``Site.to_dict``)."""
    if "id" in table:
        where = f"{where} ({table['id']})"
    for key in ("id", "name", "start_urls"):
        if key not in table:
            raise ConfigError(f"{where}: missing required key {key!r}")
    start_urls = table["start_urls"]
    if isinstance(start_urls, str) or not start_urls:
        raise ConfigError(f"{where}: start_urls must be a non-empty list of URLs")
    for url in start_urls:
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise ConfigError(f"{where}: start URL {url!r} is not an http(s) URL")
    values: dict[str, Any] = {"id": str(table["id"]), "name": str(table["name"]), "start_urls": tuple(start_urls)}
    for key, kind in _NUMBERS.items():
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ConfigError(f"{where}: {key} must be a non-negative number, not {value!r}")
            values[key] = kind(value)
    for key in ("allowed_domains", "alert_to"):
        if key in table:
            values[key] = _strings(table[key], key, where)
    if "schedule" in table:
        values["schedule"] = table["schedule"]
    values["rules"] = _rules(table.get("rules", {}), where)
    values["extra"] = {k: v for k, v in table.items() if k not in _KNOWN and k != "extra"} | table.get("extra", {})
    return Site(**values)


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    """A list of strings; one string alone is a list of one (``alert_to = "zwgk@example.org"``)."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings, not {value!r}")
    return tuple(value)


def _rules(table: dict[str, Any], where: str) -> SiteRules:
    check_keys(table, (f.name for f in fields(SiteRules)), f"{where}: [site.rules]", "rules key")
    for key, patterns in table.items():
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ConfigError(f"{where}: rules.{key} pattern {pattern!r} is not a regular expression: {exc}") \
                    from None
    return SiteRules(**{k: tuple(v) for k, v in table.items()})


def site_from_config(path: str, site_id: str) -> Site:
    for site in load_sites(path):
        if site.id == site_id:
            return site
    raise ValueError(f"{path}: no [[site]] with id {site_id!r}")


def apply_site_settings(settings, site: Site) -> None:
    """The site's politeness and limits, at "spider" priority (``-s`` on the command line still wins)."""
    values = {
        "CONCURRENT_REQUESTS_PER_DOMAIN": site.concurrency,
        "DOWNLOAD_DELAY": site.delay,
        "AUTOTHROTTLE_START_DELAY": max(site.delay, 0.1),
        "CLOSESPIDER_PAGECOUNT": site.max_pages,
        "CLOSESPIDER_TIMEOUT": site.max_time,
        "GXMON_MAX_TOTAL_BYTES": site.max_total_bytes,
        "DOWNLOAD_MAXSIZE": site.max_bytes,
        "DOWNLOAD_TIMEOUT": site.timeout,
        "RETRY_TIMES": site.retries,
        "GXMON_PARSE_CPU_SECONDS": site.parse_seconds,
        "GXMON_PARSE_TIMEOUT": 2 * site.parse_seconds,
        "GXMON_PARSE_MEMORY_MB": site.parse_memory_mb,
    }
    root = settings.get("GXMON_JOBDIR_ROOT")
    if root and not settings.get("JOBDIR"):
        values["JOBDIR"] = f"{root}/{site.id}"
    for name, value in values.items():
        settings.set(name, value, priority="spider")
