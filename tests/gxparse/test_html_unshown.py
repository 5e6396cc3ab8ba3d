"""gxparse.readers.unshown: which style-sheet rules hide text, read in bounded time."""

import time

from lxml import etree

from gxparse.readers.unshown import Compound, Selector, drop_unshown, hiding, hiding_selectors


def _selectors(css: str) -> list[Selector]:
    return hiding_selectors(etree.fromstring(f"<html><head><style>{css}</style></head></html>", etree.HTMLParser()))


def _compound(tag: str | None = None, *classes: str, id: str | None = None) -> Compound:
    return Compound(tag, frozenset(classes), id)


def test_rules_for_another_medium_or_of_other_selectors_hide_nothing():
    css = ("@media print { .noprint { display: none } .x { display: none } } .hid { display:none } "
           "a[href] { display:none } li:first-child, p + p { display: none } .shown { display: block } "
           "tr.draft, #zoom > TD .old { visibility: hidden }")
    assert _selectors(css) == [Selector((_compound(None, "hid"),)), Selector((_compound("tr", "draft"),), "visibility"),
                               Selector((_compound(id="zoom"), _compound("td"), _compound(None, "old")), "visibility")]


def test_a_rule_of_several_compounds_hides_within_its_ancestors_only():
    root = etree.fromstring('<div id="zoom"><table><tr><td><span class="old">1</span></td></tr></table>'
                            '<p><span class="old">2</span></p></div>', etree.HTMLParser())
    (selector,) = _selectors("#zoom td .old { display: none }")
    assert [el.text for el in root.iter("span") if selector.matches(el)] == ["1"]


def test_only_a_zero_size_hides():
    assert hiding("font-size: 0") == hiding("FONT-SIZE:0PT") == hiding("color:red;font-size:.0em") == "font-size"
    assert hiding("font-size: 0.8em") is hiding("font-size:10px") is hiding("display:block") is None


def test_an_element_within_that_shows_again_is_kept_and_only_it():
    # font-size:0 on a cell closes the gaps between inline blocks, each block sized again; visibility likewise
    table = etree.fromstring('<table><tr><td style="font-size:0">7<span style="font-size:14px">508</span> 9'
                             '<span>3</span></td><td class="v">1<b style="visibility: visible">2</b></td>'
                             '<td style="font-size:0"><span>4</span></td></tr></table>', etree.HTMLParser())
    drop_unshown(table, _selectors(".v { visibility: hidden }"))
    assert [etree.tostring(td, method="text", encoding=str) for td in table.iter("td")] == ["508", "2", ""]


def test_a_large_unclosed_sheet_is_read_in_linear_time():
    started = time.perf_counter()
    assert _selectors("/*" + "/* .a{display:none} {" * 200_000) == []
    assert _selectors(".a{display:none" + "{" * 500_000 + "}" * 500_000) == []
    assert time.perf_counter() - started < 2
