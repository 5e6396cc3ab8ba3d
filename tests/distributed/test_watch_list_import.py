"""`gxmon sites import FILE.csv`: a province's watch list (name, URL, region, 网站标识码, alert recipients)."""

from __future__ import annotations

import subprocess

import pytest

from monitor.config import load_config
from monitor.watchlist_csv import WatchListFileError, import_into_config, read_watch_list
from simsite.province import Province, plan_province

from .helpers import GXMON, env

SHEET = """网站名称,首页网址,所属地区,网站标识码,告警邮箱
周口市人民政府,http://www.zhoukou.gov.cn/,河南省周口市,4116000001,zwgk@zhoukou.example；ban@zhoukou.example
川汇区人民政府,www.chuanhui.gov.cn,河南省周口市川汇区,4116020002,
"""


def test_a_sheet_saved_by_excel_in_gbk_or_utf8_reads_the_same(tmp_path):
    for encoding in ("gb18030", "utf-8-sig"):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(SHEET.encode(encoding))
        city, district = read_watch_list(path)
        assert (city.site_id, city.name, city.region) == ("4116000001", "周口市人民政府", "河南省周口市")
        assert city.alert_to == ("zwgk@zhoukou.example", "ban@zhoukou.example")
        assert (district.url, district.alert_to) == ("http://www.chuanhui.gov.cn", ())


def test_bad_rows_are_named_all_at_once(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("name,url,code\nA,ftp://a.example/,123456\n,http://b.example/,\nC,http://c.example/,1@2\n"
                    "D,http://d.example/,123456\n", encoding="utf-8")
    with pytest.raises(WatchListFileError) as error:
        read_watch_list(path)
    message = str(error.value)
    assert "row 2: 首页网址 'ftp://a.example/'" in message and "row 3: no 网站名称" in message
    assert "row 4: 网站标识码 '1@2'" in message and "row 5" not in message
    path.write_text("地区,邮箱\n", encoding="utf-8")
    with pytest.raises(WatchListFileError, match="no column 网站名称 or 首页网址"):
        read_watch_list(path)


def test_import_adds_each_site_once_to_the_config(tmp_path):
    sheet = tmp_path / "list.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    config = tmp_path / "sites.toml"
    config.write_text('[[site]]\nid = "zk"\nname = "周口"\nstart_urls = ["http://www.zhoukou.gov.cn/"]\n',
                      encoding="utf-8")
    result = import_into_config(config, read_watch_list(sheet))
    assert [e.site_id for e in result.added] == ["4116020002"]
    assert [(e.site_id, known) for e, known in result.already] == [("4116000001", "zk")]
    sites = {s.id: s for s in load_config(config).sites}
    assert {k: sites["4116020002"].extra[k] for k in ("region", "code")} == {"region": "河南省周口市川汇区", "code": "4116020002"}
    assert import_into_config(config, read_watch_list(sheet)).added == []


def test_a_bad_address_leaves_the_config_as_it_was(tmp_path):
    sheet = tmp_path / "list.csv"
    sheet.write_text("网站名称,首页网址,告警邮箱\nA,http://a.example/,not-an-address\n", encoding="utf-8")
    config = tmp_path / "sites.toml"
    config.write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="not-an-address"):
        import_into_config(config, read_watch_list(sheet))
    assert config.read_text(encoding="utf-8") == "" and not list(tmp_path.glob(".sites.toml*"))


def test_the_simulated_province_imports_by_the_command_line(tmp_path):
    province = Province(3, seed="import").serve()
    try:
        sheet = tmp_path / "province.csv"
        sheet.write_text(province.watch_list(), encoding="utf-8")
        config = tmp_path / "sites.toml"
        done = subprocess.run([GXMON, "sites", "import", str(sheet), "--config", str(config)], capture_output=True,
                              text=True, env=env())
        assert done.returncode == 0, done.stderr
        assert "3 sites added" in done.stdout
        assert [s.start_urls[0] for s in load_config(config).sites] == [province.url(p.id) for p in province.portals]
    finally:
        province.close()
    assert [p.kind for p in plan_province(16)].count("city") == 2
