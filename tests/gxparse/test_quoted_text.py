"""A report forwarded by e-mail: its text quoted (``> ``, ``>> ``, ``> > ``) reads as the text; a ``.eml`` whose
one body is text/plain (quoted-printable, base64) reads as that text."""

from email.message import EmailMessage

import pytest

from gxparse import parse_document
from gxparse.readers.plaintext import unquoted
from tests.gxparse.seeds import expected_tables, seed_bytes

SEED = "kaifeng_2021"


def _quoted(text: str, mark: str) -> str:
    return "\n".join(mark + line if line else mark.rstrip() for line in text.split("\n"))


def _tables(data: bytes, source: str) -> dict:
    report = parse_document(data, source).to_dict()
    return {key: report[key] for key in ("s2", "s3", "s4")}


@pytest.mark.parametrize("mark", ["> ", ">> ", "> > ", ">"])
def test_quote_marks_before_every_line_leave_every_row_read(mark):
    note = "王科长：\n转发开封市年报，请查收。\n\n"
    text = note + _quoted(seed_bytes(SEED).decode("utf-8"), mark)
    assert _tables(text.encode(), f"{SEED}.txt") == expected_tables(SEED)


@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_an_email_whose_one_body_is_plain_text_reads_as_the_text(encoding):
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "gk@kaifeng.gov.cn", "bgs@henan.gov.cn", "Fwd: 年度报告"
    message.set_content(_quoted(seed_bytes(SEED).decode("utf-8"), "> "), charset="utf-8", cte=encoding)
    assert _tables(message.as_bytes(), f"{SEED}.eml") == expected_tables(SEED)


def test_a_text_with_a_few_lines_opening_with_a_sign_keeps_them():
    text = "一、总体情况\n> 50%的申请当日办结\n收到申请12件\n办结10件\n"
    assert unquoted(text) == text
