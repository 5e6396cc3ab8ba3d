"""Records PyMuPDF's ``find_tables()`` made of several rows of a borderless print, a line per row in every field
(``gxparse.readers.stackedrecords``): given back as those rows only where the label names as many."""

from __future__ import annotations

import time

from gxparse.readers.csvtables import read_csv
from gxparse.readers.stackedrecords import unstacked_records

# zhoukou_city_2021's table 三 as find_tables wrote it from its borderless print (tests/fixtures/extracted/
# pymupdf-tables/zhoukou_city_2021.borderless.txt): rows 4 and 5 of 不予公开 in one record, a blank field among
_S3 = """,,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计
,"2其他法律行政法规禁止公开
.",0,0,0,0,,0,0
"三 本
、
年度办
理结果","（三）不 4 .保护第三方合法权益
予公开 5属于三类内部事务信息
.","2
2","0
0","0
0","0
0",,"0
0","2
2"
,"6属于四类过程性信息
.",2,0,0,0,,0,2
"""


def _cells(*texts: str) -> list[tuple[str, int, int]]:
    return [(text, 1, 1) for text in texts]


def test_a_record_stacking_two_rows_is_read_as_them():
    values = {line.label: line.values for line in read_csv(_S3).lines if line.values}
    assert values["三 本、年度办理结果 (三)不4.保护第三方合法权益"] == ["2", "0", "0", "0", "", "0", "2"]
    assert values["予公开5属于三类内部事务信息"] == ["2", "0", "0", "0", "", "0", "2"]


def test_a_group_label_among_the_rows_stands_in_the_first():
    # huangchuan_2021: 年度办理结果 in a field of its own, 3.危及 and 4.保护 with the group's 不予公开 in the next
    record = _cells("年度办\n理结果", "3 .危及“三安全 一稳定”\n（三）不\n4保护第三方合法权益\n予公开 .", "0\n1", "", "0\n1")
    assert unstacked_records([record]) == [
        _cells("年度办\n理结果", "3.危及三安全一稳定", "0", "", "0"),
        _cells("", "(三)不4保护第三方合法权益予公开", "1", "", "1")]


def test_a_record_is_left_whole_where_the_stack_is_not_sure():
    two_on_a_line = _cells("1属于国家秘密\n2其他法律行政法规禁止公开", "0\n2 0", "0\n0", "0\n2")
    other_heights = _cells("1属于国家秘密\n2其他法律行政法规禁止公开", "0\n2", "0", "0\n2")
    one_row_named = _cells("（三）不予公开\n1属于国家秘密", "0\n2", "0\n0", "0\n2")
    three_rows_named = _cells("1属于国家秘密\n2其他法律行政法规禁止公开\n3危及三安全一稳定", "0\n2", "0\n0", "0\n2")
    records = [two_on_a_line, other_heights, one_row_named, three_rows_named]
    assert unstacked_records(records) == records


def test_unstacking_is_linear_in_the_records():
    record = _cells("4保护第三方合法权益\n5属于三类内部事务信息", "2\n2", "0\n0")
    started = time.process_time()
    assert len(unstacked_records([record] * 100_000)) == 200_000
    assert time.process_time() - started < 5
