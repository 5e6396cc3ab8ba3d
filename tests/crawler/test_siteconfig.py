"""config/sites.toml: the [[site]] tables, with errors that name the file and the site."""

from __future__ import annotations

import re

import pytest

from crawler.siteconfig import (
    ConfigError,
    Site,
    load_sites,
    site_from_dict,
    site_from_url,
)

GOOD = """
[mail]
host = "localhost"

[[site]]
id = "zhoukou"
name = "周口市人民政府"
start_urls = ["https://www.zhoukou.gov.cn/zwgk/"]
schedule = "0 6 * * *"
alert_to = ["zwgk@example.org"]
delay = 2
max_pages = 100
owner = "办公室"

[site.rules]
column = ["^年报专栏$"]

[[site]]
id = "xishan"
name = "西山县人民政府"
start_urls = ["http://www.xishan.gov.cn/"]
allowed_domains = ["xishan.gov.cn", "xsx.gov.cn"]
"""


def _write(tmp_path, text):
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sites_are_read_in_order(tmp_path):
    assert [s.id for s in load_sites(_write(tmp_path, GOOD))] == ["zhoukou", "xishan"]


def test_numbers_and_rules(tmp_path):
    site = load_sites(_write(tmp_path, GOOD))[0]
    assert (site.delay, site.max_pages, site.rules.column) == (2.0, 100, ("^年报专栏$",))


def test_allowed_domains_default_to_the_registered_domains_of_the_start_hosts(tmp_path):
    assert load_sites(_write(tmp_path, GOOD))[0].allowed_domains == ("zhoukou.gov.cn",)


def test_unknown_keys_are_kept_for_other_packages(tmp_path):
    assert load_sites(_write(tmp_path, GOOD))[0].extra == {"owner": "办公室"}


def test_round_trip_through_a_dict(tmp_path):
    site = load_sites(_write(tmp_path, GOOD))[0]
    assert site_from_dict(site.to_dict()) == site


@pytest.mark.parametrize("table, message", [
    ('id = "a"\nname = "A"', "missing required key 'start_urls'"),
    ('id = "a"\nname = "A"\nstart_urls = "http://a.gov.cn/"', "start_urls must be a non-empty list"),
    ('id = "a"\nname = "A"\nstart_urls = ["ftp://a.gov.cn/"]', "is not an http(s) URL"),
    ('id = "a"\nname = "A"\nstart_urls = ["http://a.gov.cn/"]\ndelay = -1', "delay must be a non-negative number"),
    ('id = "a"\nname = "A"\nstart_urls = ["http://a.gov.cn/"]\n[site.rules]\ncolumn = ["("]', "not a regular expression"),
    ('id = "a"\nname = "A"\nstart_urls = ["http://a.gov.cn/"]\n[site.rules]\ncolum = ["x"]', "unknown rules"),
])
def test_bad_site_tables(tmp_path, table, message):
    path = _write(tmp_path, f"[[site]]\n{table}\n")
    with pytest.raises(ConfigError, match=re.escape(message)) as info:
        load_sites(path)
    assert str(path) in str(info.value) and "#1" in str(info.value)


def test_a_single_address_is_a_list_of_one(tmp_path):
    path = _write(tmp_path, '[[site]]\nid = "a"\nname = "A"\nstart_urls = ["http://a.gov.cn/"]\nalert_to = "x@a.org"\n')
    assert load_sites(path)[0].alert_to == ("x@a.org",)


def test_errors_name_the_file_and_the_entry(tmp_path):
    table = '[[site]]\nid = "a"\nname = "A"\nstart_urls = ["http://a.gov.cn/"]\n'
    path = _write(tmp_path, table + '[[site]]\nid = "b"\nname = "B"\nstart_urls = ["http://b.gov.cn/"]\nalert_to = 3\n')
    with pytest.raises(ConfigError) as info:
        load_sites(path)
    assert str(info.value) == f"{path}: [[site]] #2 (b): alert_to must be a list of strings, not 3"


def test_duplicate_ids(tmp_path):
    table = '[[site]]\nid = "a"\nname = "A"\nstart_urls = ["http://a.gov.cn/"]\n'
    with pytest.raises(ConfigError, match="appears twice"):
        load_sites(_write(tmp_path, table * 2))


def test_not_toml(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_sites(_write(tmp_path, "[[site]\n"))


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        load_sites(tmp_path / "nope.toml")


def test_site_from_a_start_url():
    assert site_from_url("http://127.0.0.1:8080/index.html") == Site(
        "127.0.0.1", "127.0.0.1", ("http://127.0.0.1:8080/index.html",))
