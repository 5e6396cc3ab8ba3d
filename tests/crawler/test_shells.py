"""crawler.scripted.shells: a page whose list its scripts draw, whatever framework draws it, on frozen pages."""

from __future__ import annotations

import lxml.html
import pytest

from crawler.scripted.shells import is_script_shell
from tests.crawler.helpers import FILES


def _root(name: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((FILES / name).read_bytes())


@pytest.mark.parametrize("name", [
    "spa_shell_angular.html",             # an application's empty root
    "detail_body_loaded.html",            # a page showing almost nothing but running scripts
    "list_drawn_by_own_framework.html",   # a column with its header and footer, its list box filled by its script
])
def test_a_script_shell_is_recognised(name):
    assert is_script_shell(_root(name))


@pytest.mark.parametrize("name", ["list_trs_createpage.html", "dedecms_list.html", "trs_table_list_page_div.html"])
def test_a_page_showing_its_list_is_no_shell(name):
    assert not is_script_shell(_root(name))


def test_an_empty_box_no_script_names_makes_no_shell():
    root = _root("list_drawn_by_own_framework.html")
    for script in root.xpath("//script[not(@src)]"):
        script.text = script.text.replace("#infoList", "#other").replace(".page-box", ".other")
    assert not is_script_shell(root)
