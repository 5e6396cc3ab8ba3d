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
    ('[mail]\nhots = "x"\n', "[mail]: unknown key 'hots'; did you mean 'host'?"),
    ('[crawl]\nmax_tme = 60\n', "[crawl]: unknown key 'max_tme'; did you mean 'max_time'?"),
    ('[crawl]\nparallel_sites = 0\n', "[crawl]: parallel_sites must be a positive number, not 0"),
    (SITE + 'parse_seconds = "long"\n', "[[site]] #1 (kf): parse_seconds must be a non-negative number"),
    ('[web]\nwrites = "yes"\n', "[web] writes: expected true or false, not 'yes'"),
])
def test_errors_name_the_file_and_the_entry(tmp_path, text, message):
    path, error = _error(tmp_path, text)
    assert error.startswith(f"{path}: {message}")


def test_a_crawl_as_a_whole_is_bounded(tmp_path):
    _, config = _load(tmp_path, '[crawl]\nmax_time = 600\nparallel_sites = 2\n' + SITE + "parse_memory_mb = 1024\n")
    assert (config.crawl.max_time, config.crawl.parallel_sites, config.site("kf").parse_memory_mb) == (600.0, 2, 1024)


def test_missing_file_and_bad_toml(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")
    _, error = _error(tmp_path, "[[site]\n")
    assert "not valid TOML" in error


@pytest.mark.parametrize("text, message", [
    ('schedul = "0 6 * * *"\n', "unknown top-level table or key 'schedul'; did you mean 'schedule'?"),
    ('[shedule]\ntimezone = "Asia/Shanghai"\n', "unknown top-level table or key 'shedule'; did you mean 'schedule'?"),
    ('[mail]\nadmin = ["a@example.org"]\n', "[mail]: unknown key 'admin'; did you mean 'admin_to'?"),
    (SITE + 'schedul = "0 6 * * *"\n', "[[site]] #1 (kf): unknown key 'schedul'; did you mean 'schedule'?"),
    (SITE + 'alert = ["a@example.org"]\n', "[[site]] #1 (kf): unknown key 'alert'; did you mean 'alert_to'?"),
    (SITE + '[site.rules]\ncolum = ["^年报$"]\n',
     "[[site]] #1 (kf): [site.rules]: unknown rules key 'colum'; did you mean 'column'?"),
    (SITE + '[[route]]\nsite = "kf"\nregoin = "川汇区"\nto = ["a@example.org"]\n',
     "[[route]] #1: unknown key 'regoin'; did you mean 'region'?"),
    (SITE + '[[watch]]\nsite = "kf"\nagency = "开封市人民政府"\ndeadlin = "03-31"\n',
     "[[watch]] #1: unknown key 'deadlin'; did you mean 'deadline'?"),
    ('[web]\nbaseurl = "http://x"\n', "[web]: unknown key 'baseurl'; did you mean 'base_url'?"),
    ('[schedule]\ntimezon = "Asia/Shanghai"\n', "[schedule]: unknown key 'timezon'; did you mean 'timezone'?"),
    ('[schedule]\ntimezone = "Beijing"\n', "[schedule]: timezone 'Beijing' is not a time zone name"),
])
def test_unknown_keys_are_errors_naming_the_table_and_the_nearest_key(tmp_path, text, message):
    path, error = _error(tmp_path, text)
    assert error.startswith(f"{path}: {message}")


def test_crawl_failures_go_to_the_administrators(tmp_path):
    routed = SITE + 'alert_to = ["zwgk@example.org"]\n[[route]]\nsite = "kf"\nregion = "开封市"\nto = ["r@example.org"]\n'
    _, config = _load(tmp_path, '[mail]\nadmin_to = ["ops@example.org"]\n' + routed)
    assert config.site_recipients("kf") == ["ops@example.org"]
    assert config.recipients("kf", "开封市人民政府") == ["zwgk@example.org", "r@example.org"]
    _, without_admins = _load(tmp_path, routed)         # someone must hear of it: the site's own recipients
    assert without_admins.site_recipients("kf") == ["zwgk@example.org"]


def test_web_writes_are_off_unless_turned_on(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text(SITE, encoding="utf-8")
    assert load_config(path).web_writes is False
    path.write_text(SITE + "[web]\nwrites = true\n", encoding="utf-8")
    assert load_config(path).web_writes is True
