"""Prose for people: the reading form of gxparse's normalised prose, and character-level diffs."""

from __future__ import annotations

from monitor.prose import Piece, as_published, char_diff, excerpt, section_diffs

from .conftest import seed_report

PRINTED_S5 = ("2021年，我市政府信息公开工作在主动公开、公开载体、公开质量等方面做了一些工作，取得了一定的成效，"
              "但距离公众期盼和需求仍有差距。")


def test_the_reading_form_has_the_punctuation_the_report_prints():
    stored = seed_report()["text"]["s5"]
    assert "," in stored and "，" not in stored                   # gxparse keeps NFKC forms
    assert as_published(stored).startswith(PRINTED_S5)         # as tests/fixtures/seeds/kaifeng_2021.txt prints it
    assert "下一步我市将着重抓好以下几个方面的工作：\n（一）不断强化组织领导。" in as_published(stored)


def test_lines_a_pdf_broke_inside_a_sentence_are_joined_but_headings_and_items_stay():
    text = "（一）主动公开\n一是不断加强重点领域信息公开。全年开封市人民政府围绕各类规划\n信息、财政信息等,不断强化。\n二、存在问题"
    assert as_published(text) == ("（一）主动公开\n一是不断加强重点领域信息公开。全年开封市人民政府围绕各类规划信息、财政信息等，"
                                  "不断强化。\n二、存在问题")


def test_figures_and_latin_keep_their_marks():
    assert as_published("访问量1,234次,占比97.03%(同比),见 www.kaifeng.gov.cn, 12:30") == \
        "访问量1,234次，占比97.03%（同比），见 www.kaifeng.gov.cn, 12:30"


def test_changed_words_and_whole_figures_are_marked():
    assert char_diff("做了一些工作，取得了", "做了大量工作，取得了") == [
        Piece("same", "做了"), Piece("del", "一些"), Piece("ins", "大量"), Piece("same", "工作，取得了")]
    assert char_diff("总数12744条。", "总数12745条。") == [
        Piece("same", "总数"), Piece("del", "12744"), Piece("ins", "12745"), Piece("same", "条。")]
    assert char_diff("第一句。第二句。", "第一句。全新的另一句话，毫不相干。") == [
        Piece("same", "第一句。"), Piece("del", "第二句。"), Piece("ins", "全新的另一句话，毫不相干。")]


def test_excerpts_keep_the_context_of_each_change():
    pieces = [Piece("same", "甲" * 100), Piece("ins", "新"), Piece("same", "乙" * 100)]
    assert excerpt(pieces, 5) == [Piece("same", "……甲甲甲甲甲"), Piece("ins", "新"), Piece("same", "乙乙乙乙乙……")]


def test_section_diffs_name_the_sections_that_differ():
    old = seed_report()
    new = {**old, "text": {**old["text"], "s5": old["text"]["s5"].replace("一些", "大量")}}
    [diff] = section_diffs(old, new, context=10)
    assert (diff.section, diff.name) == ("s5", "五、存在的主要问题及改进情况")
    assert [p.kind for p in diff.pieces] == ["same", "del", "ins", "same"]
    assert section_diffs(old, old) == []
