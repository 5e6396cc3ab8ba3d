"""`gxparse parse` and `gxparse check` (shared/spec/cli.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import click
from rich.console import Console
from rich.markup import escape

from gxparse.errors import DocumentError
from gxparse.limits import MAX_INPUT_BYTES, read_input
from gxparse.model import ERROR, Report
from gxparse.parser import parse_document
from gxparse.readers.html import Pictures
from gxparse.terminal import printable

EXIT_UNREADABLE = 1
EXIT_ERROR_FINDINGS = 4
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _read(path: Path) -> Report | DocumentError:
    """The report of one file, or why it cannot be read (``parse_document`` turns whatever goes wrong into a
    DocumentError): that file gets its error line and the others are still read (shared/spec/cli.md)."""
    try:
        return parse_document(read_input(path), str(path), _beside(path))
    except DocumentError as exc:
        return exc


def _beside(page: Path) -> Pictures:
    """The pictures a saved web page shows from files beside it (a browser's "Save page, complete" puts them in
    NAME_files/): relative sources inside the page's folder only, never elsewhere on the disk."""
    folder = page.resolve().parent

    def picture(src: str) -> bytes | None:
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return None
        target = (folder / unquote(parts.path)).resolve()
        if not target.is_relative_to(folder) or not target.is_file() or target.stat().st_size > MAX_INPUT_BYTES:
            return None
        return target.read_bytes()

    return picture


@click.group(help="Parse 政府信息公开工作年度报告 and check their figures.")
@click.version_option(package_name="gxmon")
def main() -> None:
    pass


@main.command(help="Print one JSON object per document (JSON Lines).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
def parse(paths: tuple[Path, ...], pretty: bool) -> None:
    failed = False
    for path in paths:
        read = _read(path)
        if isinstance(read, DocumentError):
            failed = True
            obj = {"source": str(path), "error": read.reason}
            click.echo(f"gxparse: {read}", err=True)
        else:
            obj = read.to_dict()
        click.echo(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None))
    sys.exit(EXIT_UNREADABLE if failed else 0)


def _shown(text: object) -> str:
    """Document text (titles, names, paths) in markup: escaped, without terminal control characters."""
    return escape(printable(str(text)))


@main.command(help="Print the findings of each document, errors first.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def check(paths: tuple[Path, ...]) -> None:
    console = Console(highlight=False, soft_wrap=True)
    any_error = unreadable = False
    for path in paths:
        report = _read(path)
        if isinstance(report, DocumentError):
            unreadable = True
            console.print(f"[bold]{_shown(path)}[/bold]\n  [bold red]无法读取[/bold red] {_shown(report.reason)}")
            continue
        findings = report.sorted_findings()
        head = f"{report.agency or '?'} {report.year or '?'}年 ({report.template})"
        console.print(f"[bold]{_shown(path)}[/bold]  {_shown(head)}  {len(findings)} 项")
        for f in findings:
            console.print(f"  [{_STYLE.get(f.severity, '')}]{f.severity:<7}[/] {f.rule:<20} ", end="", markup=True)
            console.print(printable(f.message), markup=False)
        any_error |= any(f.severity == ERROR for f in findings)
    sys.exit(EXIT_ERROR_FINDINGS if any_error else EXIT_UNREADABLE if unreadable else 0)
