"""The monitor's config: [[site]] tables read by the crawler's reader, one error style naming file and entry."""

from __future__ import annotations

import pytest

from crawler.siteconfig import ConfigError as CrawlerConfigError
from monitor.config import ConfigError, load_config

SITE = '[[site]]\nid = "kf"\nname = "开封市人民政府"\nstart_urls = ["http://www.kaifeng.gov.cn/"]\n'


def _load(tmp_path, text: str):
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    return path, load_config(path)


def _error(tmp_path, text: str) -> tuple[str, str]:
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(path), str(info.value)


def test_sites_are_the_crawlers_sites(tmp_path):
    _, config = _load(tmp_path, SITE + 'alert_to = "zwgk@example.org"\ndelay = 3\n')
    site = config.site("kf")
    assert (site.name, site.start_urls, site.delay) == ("开封市人民政府", ("http://www.kaifeng.gov.cn/",), 3.0)
    assert config.recipients("kf", None) == ["zwgk@example.org"]


def test_one_error_class():
    assert ConfigError is CrawlerConfigError


@pytest.mark.parametrize("text, message", [
    ('[[site]]\nid = "kf"\nname = "开封"\n', "[[site]] #1 (kf): missing required key 'start_urls'"),
    (SITE + 'schedule = "daily"\n', "[[site]] #1 (kf): schedule 'daily' is not cron syntax"),
    (SITE + 'alert_to = ["nobody"]\n', "[[site]] #1 (kf): alert_to: 'nobody' is not a mail address"),
    (SITE * 2, "site id 'kf' appears twice"),
    (SITE + '[[route]]\nsite = "zk"\nto = ["a@example.org"]\n', "[[route]] #1: unknown site 'zk'"),
    (SITE + '[[watch]]\nsite = "kf"\n', "[[watch]] #1: needs a known site and an agency"),
    ('[mail]\nsecurity = "tls"\n', "[mail]: security must be none, starttls or ssl"),
    ('[mail]\nhots = "x"\n', "[mail]: unknown keys ['hots']"),
])
def test_errors_name_the_file_and_the_entry(tmp_path, text, message):
    path, error = _error(tmp_path, text)
    assert error.startswith(f"{path}: {message}")


def test_missing_file_and_bad_toml(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")
    _, error = _error(tmp_path, "[[site]\n")
    assert "not valid TOML" in error
