"""Failed sums that one digit read wrong explains: in text whose glyphs show OCR's confusions, no accusation.

Text another program's OCR wrote may show no digit noise at all while its glyphs show the engine's hand
(``gxparse.ocr.brackets``): RapidOCR reads a 6 as 9 and the row's sum fails with nothing else amiss. Such a
sum is a warning (a figure may be misread) when changing one digit of one of its cells makes it hold; a sum no
single digit mends (a total printed 0 under parts of 11) is the report's, an error as in any text. So is every
other finding: a section or a cell found missing does not come from one misread digit.
"""

from __future__ import annotations

from dataclasses import replace

from gxparse.model import ERROR, WARNING, Finding, Report
from gxparse.ocr.checks import low_confidence

# The arithmetic checks' findings: each names its sum's cells, the total last (``s3.balance``: new, carried
# over, results, carried forward: the first two equal the last two). Sign of each cell in ``sum == 0``.
_PARTS_THEN_TOTAL = ("s3.row_sum", "s3.results_sum", "s4.block_sum")
_BALANCE_SIGNS = (1, 1, -1, -1)
# Failed sums looked at: one misread digit breaks its row and its column; when more sums fail, the premise
# that everything else holds is gone and the findings stay as they are (also bounds the work).
MAX_FAILED_SUMS = 4

_MISREAD = "（文本似经OCR识别，仅一个数字不同即可成立，可能是某一数字识别有误，请对照原件核对）"


def _signs(finding: Finding) -> tuple[int, ...] | None:
    if finding.rule in _PARTS_THEN_TOTAL:
        return (1,) * (len(finding.cells) - 1) + (-1,)
    if finding.rule == "s3.balance" and len(finding.cells) == len(_BALANCE_SIGNS):
        return _BALANCE_SIGNS
    return None


def one_digit_changes(value: int) -> set[int]:
    """What ``value`` changes by when one of its digits is read as another (no count begins with 0)."""
    digits = str(value)
    changes = set()
    for at, digit in enumerate(digits):
        place = 10 ** (len(digits) - 1 - at)
        changes |= {(other - int(digit)) * place for other in range(10)
                    if other != int(digit) and not (other == 0 and at == 0 and len(digits) > 1)}
    return changes


def mended_by_one_digit(report: Report, finding: Finding) -> bool:
    """Whether the failed sum ``finding`` names holds once one digit of one of its cells is read otherwise."""
    signs = _signs(finding)
    values = [report.value(path) for path in finding.cells]
    if signs is None or not all(isinstance(v, int) for v in values):
        return False
    off = sum(sign * value for sign, value in zip(signs, values))   # type: ignore[misc]
    return off != 0 and any(-off * sign in one_digit_changes(value)   # type: ignore[arg-type]
                            for sign, value in zip(signs, values))


def misread_sums(report: Report) -> list[Finding]:
    """The report's findings, its failed sums that one misread digit mends as warnings saying so (at most
    ``MAX_FAILED_SUMS`` failed sums: see there), then ``ocr.low_confidence``: the figures no sum confirms are
    OCR's reading alone (a row's 9s read as 6s keeps its sum)."""
    failed = [f for f in report.findings if f.severity == ERROR and _signs(f) is not None]
    mended = {id(f) for f in failed if mended_by_one_digit(report, f)} if len(failed) <= MAX_FAILED_SUMS else set()
    return [replace(f, severity=WARNING, message=f.message + _MISREAD) if id(f) in mended else f
            for f in report.findings] + low_confidence(report, foreign_text=True)
