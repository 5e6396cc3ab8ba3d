"""Property-based tests for the normaliser and the row realigner."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from gxparse.normalize import KANGXI_SIMPLIFIED, RADICALS_SUPPLEMENT, label_key, normalize_text
from gxparse.arithmetic.realign import RowSum, candidates

texts = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF), max_size=60)


@given(texts)
def test_normalising_twice_changes_nothing(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(texts)
def test_no_radical_survives_normalisation(text):
    out = normalize_text(text)
    assert not any(0x2E80 <= ord(c) <= 0x2EF3 and c in RADICALS_SUPPLEMENT for c in out)
    assert not any(0x2F00 <= ord(c) <= 0x2FD5 for c in out)


@given(st.lists(st.sampled_from(sorted(KANGXI_SIMPLIFIED) + sorted(RADICALS_SUPPLEMENT)), max_size=20))
def test_radicals_become_ideographs(chars):
    out = normalize_text("".join(chars))
    assert all(unicodedata.category(c) == "Lo" and ord(c) >= 0x3400 for c in out)


def test_kangxi_door_becomes_simplified():
    assert normalize_text("⽤⼾") == "用户"
    assert normalize_text("⼈⺠") == "人民"


@given(st.integers(0, 10**9))
def test_full_width_digits_become_ascii(n):
    full = "".join(chr(ord(d) - ord("0") + 0xFF10) for d in str(n))
    assert normalize_text(full) == str(n)


@given(st.text(alphabet="　 \t\u00a0\u2003", max_size=5), st.text(alphabet="　 \t\u00a0", max_size=5))
def test_label_key_ignores_whitespace(left, right):
    assert label_key(f"商业{left}企{right}业") == "商业企业"


ROW_SUM = [RowSum((0, 1, 2, 3, 4, 5), 6)]
rows = st.lists(st.integers(0, 500), min_size=6, max_size=6).map(lambda parts: (*parts, sum(parts)))


@given(rows)
def test_a_complete_row_is_its_only_reading(row):
    assert candidates(list(row), 7, ROW_SUM) == [row]


@given(rows, st.integers(0, 6))
def test_a_dropped_cell_is_among_the_readings(row, dropped):
    short = [v for i, v in enumerate(row) if i != dropped]
    readings = candidates(short, 7, ROW_SUM)
    assert row in readings
    assert all(sum(r[:6]) == r[6] for r in readings)


@given(rows, st.lists(st.just(0), min_size=1, max_size=4), st.integers(0, 7))
@settings(max_examples=50)
def test_padding_zeros_are_dropped(row, padding, at):
    padded = list(row)
    for zero in padding:
        padded.insert(min(at, len(padded)), zero)
    assert row in candidates(padded, 7, ROW_SUM)


@given(st.lists(st.integers(0, 50), min_size=1, max_size=5))
def test_too_few_numbers_never_invent_values_without_a_sum(values):
    for reading in candidates(values, 7, []):
        assert [v for v in reading if v is not None] == values


@given(rows, st.integers(0, 7))
def test_an_unreadable_slot_too_many_is_the_one_dropped_when_the_rest_adds_up(row, at):
    """A scan's label column may leave a speck read as an unreadable figure in front of (or among) a whole row."""
    slots: list[int | None] = list(row)
    slots.insert(at, None)
    assert candidates(slots, 7, ROW_SUM) == [row]
