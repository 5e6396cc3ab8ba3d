"""What "an error rests on positive evidence" means, asserted on a parsed report and its document."""

from __future__ import annotations

from gxparse.normalize import squash
from gxparse.parser import read_document

ARITHMETIC = {"s3.row_sum", "s3.balance", "s3.results_sum", "s4.block_sum"}


def document_text(data: bytes, source: str) -> str:
    """Everything the document prints, as gxparse reads it, without whitespace."""
    return squash("".join(line.text for line in read_document(data, source).lines))


def _cell(report: dict, path: str) -> tuple[bool, object]:
    table, _, rest = path.partition(".")
    row, _, column = rest.rpartition(".")
    cols = (report.get(table) or {}).get(row)
    return (cols is not None and column in cols), (cols or {}).get(column)


def assert_errors_rest_on_evidence(report: dict, data: bytes, source: str) -> None:
    """Every error finding quotes text the document prints (with where it stands) and names only cells of the
    parse; the arithmetic rules name cells that were read, the cell rules the cells of a printed table."""
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    if not errors:
        return
    text = document_text(data, source)
    for finding in errors:
        name = f"{source}: {finding['rule']} {finding['message']}"
        assert finding["evidence"], f"{name}: no evidence"
        for evidence in finding["evidence"]:
            assert evidence["where"], f"{name}: evidence without a place: {evidence}"
            for piece in evidence["text"].split():
                assert squash(piece) in text, f"{name}: {piece!r} is not in the document"
        for path in finding["cells"]:
            exists, value = _cell(report, path)
            assert exists, f"{name}: {path} is not a cell of the parse"
            if finding["rule"] in ARITHMETIC:
                assert value is not None, f"{name}: {path} was not read"


def error_rules(report: dict) -> set[str]:
    return {f["rule"] for f in report["findings"] if f["severity"] == "error"}
