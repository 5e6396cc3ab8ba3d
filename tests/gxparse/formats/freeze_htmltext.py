"""Writes tests/fixtures/htmltext: the text that HTML-to-text tools give for our report pages, frozen with its truth.

    .venv/bin/python -m tests.gxparse.formats.freeze_htmltext [--tools …]

Pages: the seeds (those with table 三) and the real reports of tests/fixtures/real in the official layout
(``simsite.render``, ``<document>.official``) and as Word saves them as a web page (``html_styles`` style ``word``:
group labels spanning rows vertically, ``<document>.word``); one report page of each simulated site family as
the site serves it, with its navigation and footer (``simsite-<family>-<report>.site``).
Tools (``TOOLS``): BeautifulSoup's ``get_text`` with each separator projects use (without one it writes what lxml's
``text_content`` does), lxml's ``text_content`` and
``itertext``, html-text, html2text, markdownify, inscriptis, trafilatura, readability, and Debian's ``lynx``,
``w3m``, ``links`` and ``pandoc``. Each rendering is ``<tool>/<document>.<page>.txt``; the truth of a document is
``truth/<document>.truth.json`` (as in tests/fixtures/extracted). The tools are not test extras: run this again
only when a tool changes (``pip install beautifulsoup4 html-text html2text markdownify inscriptis trafilatura
readability-lxml``; ``apt-get install lynx w3m links pandoc``). The renderings are test data.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from simsite.families import FAMILIES, make_site
from simsite.render import render_report_html
from tests.gxparse.html_styles import REPORTS, render_page, report_of
from tests.gxparse.seeds import SEEDS, expected, expected_tables

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
OUT = FIXTURES / "htmltext"
_ERROR_RULES = {"s3.row_sum", "s3.balance", "s3.results_sum", "s4.block_sum", "value.invalid", "section.missing",
                "cell.missing", "template.mismatch"}
_COMMAND_SECONDS = 60


def _soup(html: str):
    from bs4 import BeautifulSoup
    return BeautifulSoup(html, "lxml")


def _lxml(html: str):
    import lxml.html
    return lxml.html.fromstring(html.encode())


def _command(args: list[str]) -> Callable[[str], str]:
    """A Debian tool reading the page from a file (``{}`` in ``args``) and writing its text to stdout."""
    def run(html: str) -> str:
        with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8") as page:
            page.write(html)
            page.flush()
            argv = [a.replace("{}", page.name) for a in args]
            return subprocess.run(argv, capture_output=True, check=True, timeout=_COMMAND_SECONDS).stdout.decode()
    return run


def _html2text(html: str) -> str:
    import html2text
    return html2text.html2text(html)


def _markdownify(html: str) -> str:
    from markdownify import markdownify
    return markdownify(html)


def _inscriptis(html: str) -> str:
    from inscriptis import get_text
    return get_text(html)


def _trafilatura(html: str) -> str:
    import trafilatura
    return trafilatura.extract(html, include_tables=True) or ""


def _readability(html: str) -> str:
    from readability import Document
    return _soup(Document(html).summary()).get_text("\n")


def _html_text(html: str) -> str:
    import html_text
    return html_text.extract_text(html)


TOOLS: dict[str, Callable[[str], str]] = {
    "bs4-newline": lambda html: _soup(html).get_text("\n"),
    "bs4-strip": lambda html: _soup(html).get_text("\n", strip=True),
    "bs4-space": lambda html: _soup(html).get_text(" "),
    "bs4-tab": lambda html: _soup(html).get_text("\t"),
    "lxml": lambda html: _lxml(html).text_content(),
    "lxml-itertext": lambda html: " ".join(t.strip() for t in _lxml(html).itertext() if t.strip()),
    "html-text": _html_text,
    "html2text": _html2text,
    "markdownify": _markdownify,
    "inscriptis": _inscriptis,
    "trafilatura": _trafilatura,
    "readability": _readability,
    "lynx": _command(["lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8", "{}"]),
    "w3m": _command(["w3m", "-dump", "-T", "text/html", "-I", "utf-8", "-O", "utf-8", "{}"]),
    "links": _command(["links", "-dump", "-codepage", "utf-8", "{}"]),
    "pandoc": _command(["pandoc", "-f", "html", "-t", "plain", "{}"]),
}


def _write_truth(name: str, truth: dict) -> None:
    path = OUT / "truth" / f"{name}.truth.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _reports() -> dict[str, str]:
    """The seeds' and real reports' pages in the official layout and as Word writes them."""
    pages = {}
    for name in REPORTS:
        report = report_of(name)
        if name in SEEDS:
            exp = expected(name)
            truth = {"agency": exp["agency"], "year": exp["year"], "template": exp["template"],
                     **expected_tables(name), "errors": sorted(set(exp["rules"]) & _ERROR_RULES)}
        else:
            real = json.loads((FIXTURES / "real" / f"{name}.truth.json").read_text(encoding="utf-8"))
            errors = sorted({"s4.block_sum" for e in real.get("known_inconsistencies", []) if e.startswith("s4.")})
            truth = {k: real[k] for k in ("agency", "year", "template", "s2", "s3", "s4")} | {"errors": errors}
        _write_truth(name, truth)
        pages[f"{name}.official"] = render_report_html(report)
        pages[f"{name}.word"] = render_page(report, "word")
    return pages


def _site_pages() -> dict[str, str]:
    """One HTML report page (no misprint, tables not pictures) of each simulated site family, as served."""
    pages = {}
    for family in FAMILIES:
        site = make_site(family, 1)
        hosts = getattr(site, "urls", {None: site.base_url})
        report = next(r for r in site.expected_reports() if r.format == "html" and not r.pictured and not r.misprint)
        host, base = next((h, u) for h, u in hosts.items() if report.final_url.startswith(u))
        target = report.final_url.removeprefix(base)
        body = site.get(target).body if host is None else site.get(target, host).body
        name = f"simsite-{family}-{report.id}"
        _write_truth(name, {"agency": report.agency, "year": report.year, "template": report.template,
                            **{t: report.report.get(t) for t in ("s2", "s3", "s4")}, "errors": []})
        pages[f"{name}.site"] = body.decode("utf-8")
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--tools", help="comma-separated tools to write (default: all)")
    args = parser.parse_args()
    tools = {k: v for k, v in TOOLS.items() if not args.tools or k in args.tools.split(",")}
    pages = _reports() | _site_pages()
    for tool, extract in tools.items():
        (OUT / tool).mkdir(parents=True, exist_ok=True)
        for name, html in pages.items():
            text = extract(html)
            if text.strip():
                (OUT / tool / f"{name}.txt").write_text(text, encoding="utf-8")
    print(f"{len(pages)} pages × {len(tools)} tools written to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
