"""A province's watch list as it keeps it: a spreadsheet saved as CSV, one government website a row.

Columns, found by their headers (Chinese as 政务公开办 write them, or English): 网站名称 (name), 首页网址 (url),
所属地区 (region), 网站标识码 (code, the ten-character id every government website is registered under),
告警邮箱 (alert_to: one or more mail addresses, separated by ; , 、 or spaces). Name and URL are required. The
file may be UTF-8 (with or without the BOM Excel writes) or GBK (Excel's "CSV" on a Chinese Windows).

A site's id is its 网站标识码 when it has one (stable, unique, what the province's own lists use), else its
URL's host. Errors name the file and the row, and every bad row is reported at once.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from crawler.siteconfig import read_config
from monitor.config import load_config, parse_config

HEADERS = {
    "name": ("网站名称", "名称", "单位名称", "name"),
    "url": ("首页网址", "网址", "网站地址", "首页地址", "url", "start_url"),
    "region": ("所属地区", "地区", "区域", "行政区划", "region"),
    "code": ("网站标识码", "标识码", "code", "site_code"),
    "alert_to": ("告警邮箱", "联系邮箱", "邮箱", "告警接收人", "alert_to", "email"),
}
REQUIRED = ("name", "url")
_ADDRESS_SEPARATORS = re.compile(r"[;,，；、\s]+")
_CODE = re.compile(r"^[0-9A-Za-z]{6,20}$")


class WatchListFileError(ValueError):
    """The file cannot be read as a watch list; the message names the file and the rows."""


@dataclass(frozen=True)
class WatchEntry:
    row: int                       # the row number in the file (the header is row 1)
    name: str
    url: str
    region: str | None
    code: str | None
    alert_to: tuple[str, ...]

    @property
    def site_id(self) -> str:
        return self.code or urlsplit(self.url).hostname or self.url


def read_watch_list(path: str | Path) -> list[WatchEntry]:
    """Every row of the file as a WatchEntry; raises WatchListFileError naming every bad row."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WatchListFileError(f"{path}: {exc.strerror}") from None
    rows = list(csv.reader(io.StringIO(_decode(data, path))))
    if not rows:
        raise WatchListFileError(f"{path}: the file is empty")
    columns = _columns(rows[0], path)
    entries, problems, seen = [], [], {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {key: (row[index].strip() if index < len(row) else "") for key, index in columns.items()}
        try:
            entry = _entry(number, cells)
        except ValueError as exc:
            problems.append(f"row {number}: {exc}")
            continue
        if entry.site_id in seen:
            problems.append(f"row {number}: {entry.site_id} is already row {seen[entry.site_id]}")
            continue
        seen[entry.site_id] = number
        entries.append(entry)
    if problems:
        raise WatchListFileError(f"{path}: " + "; ".join(problems))
    return entries


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise WatchListFileError(f"{path}: neither UTF-8 nor GBK text (save the sheet as CSV)")


def _columns(header: list[str], path: Path) -> dict[str, int]:
    found = {}
    for index, title in enumerate(header):
        title = title.strip().lower()
        for key, names in HEADERS.items():
            if title in names and key not in found:
                found[key] = index
    missing = [HEADERS[key][0] for key in REQUIRED if key not in found]
    if missing:
        raise WatchListFileError(f"{path}: no column {' or '.join(missing)} in the header row "
                                 f"({', '.join(h.strip() for h in header)})")
    return found


def _entry(number: int, cells: dict[str, str]) -> WatchEntry:
    name, url = cells["name"], cells["url"]
    if not name:
        raise ValueError("no 网站名称")
    if not urlsplit(url).scheme and url:
        url = f"http://{url}"     # sheets often hold www.example.gov.cn without the scheme
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise ValueError(f"首页网址 {cells['url']!r} is not a web address")
    code = cells.get("code") or None
    if code is not None and not _CODE.match(code):
        raise ValueError(f"网站标识码 {code!r} is not a site code (letters and digits)")
    addresses = tuple(a for a in _ADDRESS_SEPARATORS.split(cells.get("alert_to", "")) if a)
    return WatchEntry(number, name, url, cells.get("region") or None, code, addresses)


@dataclass
class ImportResult:
    added: list[WatchEntry]
    already: list[tuple[WatchEntry, str]]     # rows whose site is watched already, and as which id


def import_into_config(config_path: str | Path, entries: list[WatchEntry]) -> ImportResult:
    """Append a ``[[site]]`` table for every entry the config does not watch yet (by id or start URL).

    The new file is checked as a whole (mail addresses, ids) before it replaces the old one, atomically."""
    path = Path(config_path)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    known = {}
    for site in (load_config(path).sites if path.exists() else ()):
        known[site.id] = site.id
        known.update({url.rstrip("/"): site.id for url in site.start_urls})
    result = ImportResult([], [])
    for entry in entries:
        watched = known.get(entry.site_id) or known.get(entry.url.rstrip("/"))
        if watched:
            result.already.append((entry, watched))
        else:
            result.added.append(entry)
            known[entry.site_id] = known[entry.url.rstrip("/")] = entry.site_id
    if not result.added:
        return result
    new_text = text.rstrip("\n") + ("\n\n" if text.strip() else "") + "\n".join(_site_table(e) for e in result.added)
    staged = path.with_name(f".{path.name}.import")
    staged.write_text(new_text, encoding="utf-8")
    try:
        parse_config(read_config(staged), path)
    except ValueError:
        staged.unlink()
        raise
    staged.replace(path)
    return result


def _site_table(entry: WatchEntry) -> str:
    """A ``[[site]]`` table; TOML basic strings take JSON's escapes."""
    lines = ["[[site]]", f"id = {json.dumps(entry.site_id, ensure_ascii=False)}",
             f"name = {json.dumps(entry.name, ensure_ascii=False)}",
             f"start_urls = [{json.dumps(entry.url, ensure_ascii=False)}]"]
    if entry.region:
        lines.append(f"region = {json.dumps(entry.region, ensure_ascii=False)}")
    if entry.code:
        lines.append(f"code = {json.dumps(entry.code, ensure_ascii=False)}")
    if entry.alert_to:
        lines.append(f"alert_to = {json.dumps(list(entry.alert_to), ensure_ascii=False)}")
    return "\n".join(lines) + "\n"
