"""benchmarks.accuracy judges a section.missing error by the section it names: the document must lack that one."""

from __future__ import annotations

from benchmarks.accuracy import Case, score, seed_truth
from tests.gxparse.seeds import seed_bytes

ZHOUKOU_OFFICE = seed_bytes("zhoukou_office_2021").decode()   # prints 一/二/五/六 and table 四 under no heading


def _false_errors(text: str) -> list[str]:
    case = Case("text", "zhoukou_office_2021", lambda: text.encode(), seed_truth("zhoukou_office_2021"))
    return score(case)[0].false_errors


def test_a_deserved_missing_section_is_no_false_error():
    assert _false_errors(ZHOUKOU_OFFICE) == []


def test_a_missing_section_the_document_prints_is_false_though_another_is_deserved():
    text = ZHOUKOU_OFFICE.replace("五、存在的主要问题及改进情况\n", "")
    assert _false_errors(text) == ["zhoukou_office_2021: section.missing of 五"]
