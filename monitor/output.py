"""Printing query results: rich tables for people, JSON and CSV for programs (all on stdout).

The archive's text comes from the outside world (titles, agency names, URLs, findings quoting documents), so
it is printed as data: never as rich markup (``[bold]`` would style, ``[/]`` would crash the command), and
without the characters that drive a terminal (``gxparse.terminal.printable``: escape sequences such as
OSC 52, which writes the clipboard, other control characters, bidi overrides). CSV cells are stripped the
same way; JSON keeps every character, writing those as ``\\uXXXX``.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from gxparse.terminal import json_safe, printable

# Characters of one piece of text (a table cell, a field in a line) shown on a terminal. A title is under 100,
# a finding quoting a document a few hundred; a crawled page may give a field of millions (10⁶-character
# titles: 8 MB printed, 10 s of rich's layout for one `gxmon findings`). A longer one is cut, saying so;
# JSON and CSV keep it whole.
MAX_SHOWN_CHARS = 2000


def console(stderr: bool = False) -> Console:
    """A console on stdout (or stderr), made at each use so it sees the terminal (and $COLUMNS) of the
    moment."""
    return Console(stderr=stderr)


def text(*parts: str | tuple[str, str]) -> Text:
    """Outside text as rich Text, never markup, each part cut to MAX_SHOWN_CHARS; a part may be ``(text, style)``."""
    return Text.assemble(*((printable(cut(p[0])), p[1]) if isinstance(p, tuple) else printable(cut(p))
                           for p in parts))


def cut(part: str) -> str:
    """``part`` as a terminal shows it: at most MAX_SHOWN_CHARS characters, a longer one cut with its length."""
    if len(part) <= MAX_SHOWN_CHARS:
        return part
    return f"{part[:MAX_SHOWN_CHARS]}…（共 {len(part)} 字，全文见 --format json）"


def say(*parts: str | tuple[str, str], style: str | None = None, err: bool = False, soft_wrap: bool = False) -> None:
    """Print one line of text made of ``parts`` (see ``text``), on stdout or stderr; ``soft_wrap`` leaves long
    lines whole for the terminal to wrap (commands to copy)."""
    line = text(*parts)
    if style:
        line.stylize(style)
    console(err).print(line, highlight=False, soft_wrap=soft_wrap)


def plain(value: Any) -> Any:
    """A JSON-ready form of dataclasses, datetimes and lists of them."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def short_time(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def json_text(value: Any, indent: int | None = None) -> str:
    """JSON of ``value`` (see ``plain``) that a terminal can show as it is."""
    return json_safe(json.dumps(plain(value), ensure_ascii=False, indent=indent))


def print_json(value: Any) -> None:
    sys.stdout.write(json_text(value, indent=2) + "\n")


def cell_value(value: Any) -> Any:
    """A spreadsheet cell's value as published: lists joined with ``|``, text without control characters."""
    if isinstance(value, list):
        value = "|".join(map(str, value))
    return printable(value) if isinstance(value, str) else value


def csv_cell(value: Any) -> Any:
    """A CSV cell: ``cell_value``, never a formula."""
    value = cell_value(value)
    return "'" + value if isinstance(value, str) and looks_like_formula(value) else value


# What Excel and WPS run as a formula when a CSV is opened (OWASP's CSV injection): a page's title beginning
# "=HYPERLINK(…)" became a link in the officer's sheet. Such text is kept as text by a leading apostrophe; a
# signed number, and a lone sign (a blank mark), are no formula.
_FORMULA_STARTS = ("=", "@", "+", "-", "\t")


def looks_like_formula(text: str) -> bool:
    return text.startswith(_FORMULA_STARTS) and text not in ("+", "-") and not _is_number(text)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def print_csv(rows: Iterable[Any], columns: Sequence[str]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in plain(row).items()})


def print_table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]],
                long: Collection[str] = ()) -> None:
    """A table that fits the terminal (80 columns, or 80 when piped) without cutting any cell of a sensible
    length (see ``cut``): the ``long`` columns (free text, URLs) take the room left and fold onto more
    lines, the others stay on one line. With no ``long`` columns given, every column may fold."""
    table = Table(title=text(title) if title else None, box=box.SIMPLE_HEAD, show_edge=False, padding=0,
                  header_style="bold", expand=bool(long))
    for name in columns:
        folds = not long or name in long
        table.add_column(name, overflow="fold", no_wrap=not folds, ratio=1 if long and folds else None)
    for row in rows:
        table.add_row(*(text("" if v is None else str(v)) for v in row))
    console().print(table)
